"""The analyst's workbench: a local, read-only web app and JSON API over an events database.

``newsevents serve --db events.db`` runs :func:`create_app` under uvicorn.
"""

from .app import create_app

__all__ = ["create_app"]
