"""Report layer: exports (``report.export``) and the HTML report (``report.html``)."""
