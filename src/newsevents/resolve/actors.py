"""Actor coding (PLACEHOLDER created by the lead so imports work; the coder owner replaces it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..model import Document, Entity, EventMention, Quote


def load_actor_dictionary(extra_paths: Sequence[Path] = ()) -> Any:
    return None


def resolve_actors(
    doc: Document, events: list[EventMention], quotes: list[Quote], actors: Any
) -> tuple[list[EventMention], list[Quote], list[Entity]]:
    return events, quotes, []
