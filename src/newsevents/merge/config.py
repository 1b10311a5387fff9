"""The merge's settings, and its corpus-wide first step under them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..model import Article, Entity, EventMention, Quote
from .corpus import Corpus, prepare_corpus
from .features import EventParams
from .knowledge import load_knowledge


@dataclass(frozen=True)
class MergeConfig:
    """Merge thresholds (all have defaults; ``newsevents merge`` may override them)."""

    #: cosine (TF-IDF of content words + names) an article needs to join a story
    story_threshold: float = 0.10
    #: an article joins a story only if the story has an article this many days before it
    story_window_days: int = 7
    #: weight of an entity name relative to a content word in story vectors
    story_name_boost: int = 3
    #: probability (fitted score, see merge.evidence) a mention needs to join an event
    event_threshold: float = 0.5
    #: dates of the same event may differ by this many days (time zones, late reports)
    date_slack_days: int = 1
    #: a date defaulted to publication means "on or before": up to this many days earlier
    publication_lookback_days: int = 10
    #: at most this many candidate events are scored per mention (nearest dates first)
    max_candidates: int = 200
    #: allow events to merge across stories when actor and recipient match
    cross_story: bool = True
    #: text similarity an opinion about an act ("Killing him was a mistake") needs to join
    #: the event it comments on
    evaluative_similarity: float = 0.6

    def __post_init__(self) -> None:
        if not 0.0 <= self.evaluative_similarity <= 1.0:
            raise ConfigError("evaluative_similarity must be within 0..1")
        if not 0.0 <= self.story_threshold <= 1.0 or not 0.0 <= self.event_threshold <= 1.0:
            raise ConfigError(
                "merge thresholds must be within 0..1 (story similarity, event probability)"
            )
        if min(self.story_window_days, self.date_slack_days, self.publication_lookback_days) < 0:
            raise ConfigError("merge day windows must be >= 0")
        if self.max_candidates < 1 or self.story_name_boost < 0:
            raise ConfigError("max_candidates must be >= 1 and story_name_boost >= 0")


#: the settings every merge uses unless told otherwise
DEFAULT_CONFIG = MergeConfig()


def prepare(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = DEFAULT_CONFIG,
    previous: Sequence[Sequence[str]] | None = None,
) -> Corpus:
    """The corpus-wide step of the merge: inputs indexed, articles grouped into stories
    (``previous``: the stories of an earlier merge, kept; see :func:`.corpus.prepare_corpus`)."""
    params = EventParams(
        threshold=config.event_threshold,
        date_slack_days=config.date_slack_days,
        publication_lookback_days=config.publication_lookback_days,
        max_candidates=config.max_candidates,
        cross_story=config.cross_story,
        evaluative_similarity=config.evaluative_similarity,
    )
    return prepare_corpus(
        articles,
        mentions,
        quotes,
        entities,
        params,
        load_knowledge(),
        story_threshold=config.story_threshold,
        story_window_days=config.story_window_days,
        story_name_boost=config.story_name_boost,
        previous=previous,
    )
