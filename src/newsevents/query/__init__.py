"""Read-only queries over a store for the workbench and the notebook API (SQL only, no shaping).

``reader`` holds :class:`Query` and its sidecar index; ``filters`` the filter grammar shared by
the web pages, the JSON API and ``newsevents.open``.
"""

from .filters import FILTERS, SORTS, BadQuery, Filters, Sort, fts_query
from .reader import Interval, Page, Query

__all__ = [
    "FILTERS",
    "SORTS",
    "BadQuery",
    "Filters",
    "Interval",
    "Page",
    "Query",
    "Sort",
    "fts_query",
]
