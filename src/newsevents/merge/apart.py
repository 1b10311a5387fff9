"""Why two merged events are two rows: each mention of one asked to join the other.

The merge says why a mention joined an event (``Event.explanation``); an analyst who sees
one act told as two rows needs the other half: which rule refused the join, or how far its
probability fell short. This replays the join test of :func:`.evidence.join_evidence` for
every mention of the first event against the whole second event (as one cluster), at the
merge's own day slack, with the same features, weights and threshold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Entity, EventMention, Quote
from .cluster import Cluster
from .config import DEFAULT_CONFIG, MergeConfig, prepare
from .corpus import corpus_features, story_records
from .evidence import join_evidence, load_weights


@dataclass(frozen=True)
class Apart:
    """One mention of the first event tested against the second event."""

    mention_id: str
    refused: str | None  # the hard rule that refuses the join, or None
    probability: float | None  # the join's probability when no hard rule refuses it
    threshold: float
    explanation: str  # the evidence and every feature's weight (as ``explain`` prints joins)

    @property
    def would_join(self) -> bool:
        return self.probability is not None and self.probability >= self.threshold


def why_apart(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    first: Sequence[str],
    second: Sequence[str],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = DEFAULT_CONFIG,
) -> list[Apart]:
    """For each mention id of ``first``, why it does not join the event of ``second``'s
    mentions. A mention that would join by itself is kept apart by the merge's order (its
    event's other members, or another event it joined first); the result says so by
    ``would_join``."""
    c = prepare(articles, mentions, quotes, entities, config)
    _, keys = story_records(c, range(len(c.groups)))
    feats = {x.m.id: x for x in corpus_features(c, mentions, keys)}
    members = [feats[m] for m in second if m in feats]
    if not members:
        return []
    weights = load_weights()
    out: list[Apart] = []
    for mid in first:
        x = feats.get(mid)
        if x is None:
            continue
        same = [y for y in members if (y.group, y.fclass) == (x.group, x.fclass)]
        if not same:
            out.append(Apart(mid, "types", None, c.params.threshold, "types never merge"))
            continue
        cluster = Cluster(idx=0, group=same[0].group, fclass=same[0].fclass)
        for y in same:
            cluster.add(y, None)
        why: list[str] = []
        join = join_evidence(x, cluster, c.kb, c.params, c.params.date_slack_days, why)
        if join is None:
            reason = why[0] if why else "refused"
            out.append(Apart(mid, reason, None, c.params.threshold, reason))
            continue
        p = weights.probability(join.values)
        out.append(Apart(mid, None, p, c.params.threshold, join.explain(weights, p)))
    return out
