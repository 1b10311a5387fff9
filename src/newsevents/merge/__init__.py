"""Cross-outlet merge: stories, merged events, cross-article entities, discrepancies, framing.

A pure function over model objects (it never touches SQL): the store loads mentions and
saves the result; re-running with other thresholds rebuilds everything from the mentions.
See :mod:`.stories`, :mod:`.entities`, :mod:`.cluster` and :mod:`.evidence` (what a join
needs, the fitted weights) for the rules and :mod:`.figures` for casualty figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..model import Article, Entity, EventMention, MergeResult, Quote
from .apart import Apart, why_apart
from .build import event_id
from .cluster import Cluster
from .config import DEFAULT_CONFIG, MergeConfig, prepare
from .corpus import cluster_stories, corpus_features, events_of, story_records
from .entities import acronym_definitions
from .evidence import join_evidence
from .features import Features
from .heap import no_cycle_collection
from .incremental import MergeUpdate, merge_incremental
from .windows import WindowPlan, merge_windows

__all__ = [
    "Apart",
    "MergeConfig",
    "MergeUpdate",
    "WindowPlan",
    "acronym_definitions",
    "candidate_pairs",
    "event_id",
    "merge",
    "merge_incremental",
    "merge_windows",
    "why_apart",
]


def merge(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = DEFAULT_CONFIG,
) -> MergeResult:
    """Group articles into stories and mentions into events (deterministic, stateless), the
    whole corpus at once (:func:`merge_windows` gives the same result by date windows)."""
    with no_cycle_collection():
        c = prepare(articles, mentions, quotes, entities, config)
        everything = range(len(c.groups))
        stories, entity_keys = story_records(c, everything)
        events = events_of(c, cluster_stories(c, everything, entity_keys))
    return MergeResult(stories=tuple(stories), events=tuple(events))


def candidate_pairs(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = DEFAULT_CONFIG,
) -> list[tuple[str, str, dict[str, float]]]:
    """(mention id, mention id, join features) for every pair of mentions the merge could
    join (same block, no hard rule against it, positive evidence): the training pairs of
    ``make fit-merge``. Quadratic per block: for gold-sized corpora only."""
    c = prepare(articles, mentions, quotes, entities, config)
    _, entity_keys = story_records(c, range(len(c.groups)), stories=())
    feats = corpus_features(c, mentions, entity_keys)
    blocks: dict[tuple[str, str], list[Features]] = defaultdict(list)
    for x in feats:
        blocks[(x.group, x.fclass)].append(x)
    out = []
    for xs in blocks.values():
        for i, y in enumerate(xs):
            single = Cluster(idx=0, group=y.group, fclass=y.fclass)
            single.add(y, None)
            for x in xs[i + 1 :]:
                j = join_evidence(x, single, c.kb, c.params, c.params.date_slack_days)
                if j is not None:
                    out.append((x.m.id, y.m.id, j.values))
    return out
