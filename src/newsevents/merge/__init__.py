"""Cross-article merge (PLACEHOLDER created by the lead so imports work; the merge owner replaces it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Entity, EventMention, MergeResult, Quote


@dataclass(frozen=True)
class MergeConfig:
    pass


def merge(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = MergeConfig(),
) -> MergeResult:
    return MergeResult(stories=(), events=())
