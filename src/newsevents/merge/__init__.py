"""Cross-outlet merge: stories, merged events, cross-article entities, discrepancies, framing.

A pure function over model objects (it never touches SQL): the store loads mentions and
saves the result; re-running with other thresholds rebuilds everything from the mentions.
See :mod:`.stories`, :mod:`.entities`, :mod:`.cluster` and :mod:`.evidence` (what a join
needs, the fitted weights) for the rules and :mod:`.figures` for casualty figures.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..model import (
    Article,
    Entity,
    Event,
    EventMention,
    MergeResult,
    Quote,
    Story,
    StoryEntity,
)
from ..resources import countries
from .build import build_event, event_id
from .cluster import Cluster, cluster_mentions
from .entities import acronym_definitions, is_label_name, resolve_story_entities
from .evidence import join_evidence
from .features import EventParams, Features, mention_features
from .knowledge import MergeKnowledge, load_knowledge
from .stories import group_stories
from .text import name_key

__all__ = ["MergeConfig", "acronym_definitions", "candidate_pairs", "event_id", "merge"]


@dataclass(frozen=True)
class MergeConfig:
    """Merge thresholds (all have defaults; ``newsevents merge`` may override them)."""

    #: cosine (TF-IDF of content words + names) an article needs to join a story
    story_threshold: float = 0.15
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


def _story_id(article_ids: Sequence[str]) -> str:
    return "s" + hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:10]


_PLACE_KINDS = ("LOC", "GPE", "FAC")


def _label(
    story_ents: Sequence[StoryEntity],
    counts: Mapping[str, int],
    spread: Mapping[str, set[str]],
    kb: MergeKnowledge,
) -> str:
    """Who and where: the two most named actors and the place most articles name, as
    short proper names (no titles, no descriptions like "the convoy")."""
    table = countries()
    named = {
        e.key: e
        for e in story_ents
        if e.key in counts
        and is_label_name(e.name, kb)
        and table.get(e.name, ("", ""))[1] != "adjective"  # "Chinese": said by "China"
    }

    def is_place(e: StoryEntity) -> bool:
        return e.kind in _PLACE_KINDS or e.name in table or any(":place:" in m for m in e.members)

    actors = sorted(
        (k for k, e in named.items() if not is_place(e)),
        key=lambda k: (-counts[k], -len(spread[k]), named[k].name),
    )
    places = sorted(
        (k for k, e in named.items() if is_place(e)),
        key=lambda k: (-len(spread[k]), -counts[k], named[k].name),
    )
    picked = actors[:2] + places[:1]
    picked += [k for k in actors[2:] + places[1:] if k not in picked][: 3 - len(picked)]
    return ", ".join(named[k].name for k in picked)


def merge(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = MergeConfig(),
) -> MergeResult:
    """Group articles into stories and mentions into events (deterministic, stateless)."""
    kb = load_knowledge()
    stories, feats, quotes_by_article, params = _prepare(
        articles, mentions, quotes, entities, config, kb
    )
    clusters = cluster_mentions(feats, kb, params)
    events: list[Event] = []
    for c in clusters:
        sids = [x.story for x in c.members if x.story]
        top_sid = Counter(sids).most_common(1)[0][0] if sids else None
        events.append(build_event(c, top_sid, quotes_by_article))
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return MergeResult(stories=tuple(stories), events=tuple(events))


def candidate_pairs(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = MergeConfig(),
) -> list[tuple[str, str, dict[str, float]]]:
    """(mention id, mention id, join features) for every pair of mentions the merge could
    join (same block, no hard rule against it, positive evidence): the training pairs of
    ``make fit-merge``. Quadratic per block: for gold-sized corpora only."""
    kb = load_knowledge()
    _, feats, _, params = _prepare(articles, mentions, quotes, entities, config, kb)
    blocks: dict[tuple[str, str], list[Features]] = defaultdict(list)
    for x in feats:
        blocks[(x.group, x.fclass)].append(x)
    out = []
    for xs in blocks.values():
        for i, y in enumerate(xs):
            single = Cluster(idx=0, group=y.group, fclass=y.fclass)
            single.add(y, None)
            for x in xs[i + 1 :]:
                j = join_evidence(x, single, kb, params, params.date_slack_days)
                if j is not None:
                    out.append((x.m.id, y.m.id, j.values))
    return out


def _prepare(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote],
    entities: Mapping[str, Sequence[Entity]] | None,
    config: MergeConfig,
    kb: MergeKnowledge,
) -> tuple[list[Story], list[Features], dict[str, list[Quote]], EventParams]:
    """Stories, and the features of every mention, as the event merge compares them."""
    entities = entities or {}
    by_id = {a.id: a for a in articles}
    mentions_by_article: dict[str, list[EventMention]] = defaultdict(list)
    for m in mentions:
        mentions_by_article[m.article_id].append(m)
    quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        quotes_by_article[q.article_id].append(q)

    names: dict[str, list[str]] = defaultdict(list)
    for aid, ms in mentions_by_article.items():
        for m in ms:
            names[aid].extend(a.name for a in (*m.actor, *m.recipient))
            if m.location is not None:
                names[aid].append(m.location.name)
    for aid, ents in entities.items():
        names[aid].extend(e.name for e in ents)

    groups, idf = group_stories(
        list(by_id.values()),
        names,
        threshold=config.story_threshold,
        window_days=config.story_window_days,
        name_boost=config.story_name_boost,
    )
    stories: list[Story] = []
    story_of: dict[str, str] = {}
    entity_keys: dict[tuple[str, str], str] = {}
    for ids in groups:
        sid = _story_id(ids)
        story_ents, lookup = resolve_story_entities(
            sid, ids, mentions_by_article, quotes_by_article, entities, by_id
        )
        entity_keys.update(lookup)
        counts: Counter[str] = Counter()
        spread: dict[str, set[str]] = defaultdict(set)  # entity -> articles naming it
        for aid in ids:
            story_of[aid] = sid
            for n in names.get(aid, ()):
                k = lookup.get((aid, name_key(n)))
                if k:
                    counts[k] += 1
                    spread[k].add(aid)
        first = by_id[ids[0]]
        label = _label(story_ents, counts, spread, kb) or first.title or first.source
        stories.append(
            Story(id=sid, article_ids=tuple(ids), label=label, entities=tuple(story_ents))
        )

    params = EventParams(
        threshold=config.event_threshold,
        date_slack_days=config.date_slack_days,
        publication_lookback_days=config.publication_lookback_days,
        max_candidates=config.max_candidates,
        cross_story=config.cross_story,
        evaluative_similarity=config.evaluative_similarity,
    )
    feats = mention_features(mentions, by_id, story_of, entity_keys, idf, kb, params)
    return stories, feats, quotes_by_article, params
