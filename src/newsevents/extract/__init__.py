"""Event extraction (PLACEHOLDER created by the lead so imports work; the coder owner replaces it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Document, EventMention


def load_codebook(extra_paths: Sequence[Path] = ()) -> Any:
    return None


def extract_events(doc: Document, codebook: Any) -> list[EventMention]:
    return []
