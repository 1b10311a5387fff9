"""newsevents: news articles in, sourced PLOVER event data out."""

from __future__ import annotations

from pathlib import Path as _Path
from typing import TYPE_CHECKING as _TYPE_CHECKING

__version__ = "0.1.0"

if _TYPE_CHECKING:  # pragma: no cover
    from .workbench import Workbench


def open(path: str | _Path) -> Workbench:
    """Open an events database read-only: ``newsevents.open("events.db").events(type=...)``."""
    from .workbench import open_store

    return open_store(path)
