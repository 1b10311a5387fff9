"""Report layer: exports (``report.export``), timeline rows and the HTML report (``report.html``)."""
