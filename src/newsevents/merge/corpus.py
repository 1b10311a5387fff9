"""What the merge prepares once for a corpus, and the steps it runs over any set of stories.

The merge has two levels. Articles group into stories over the whole corpus (cheap: one
TF-IDF vector per article); the IDF table of that step also weighs the sentence vectors of
the event merge. Everything below a story - its entities, its mentions' features, the
clustering of mentions into events - is computed for a chosen set of stories: all of them
(:func:`newsevents.merge.merge`) or the stories of one date window and its margin
(:mod:`.windows`, :mod:`.incremental`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Entity, Event, EventMention, Quote, Story
from .build import build_event
from .cluster import Cluster, cluster_mentions
from .entities import resolve_story_entities
from .features import EventParams, Features, KnownPlaces, interval, mention_features
from .knowledge import MergeKnowledge
from .labels import story_label
from .stories import article_tokens, day_of, group_stories, unseen_idf
from .text import idf_table, name_key


def story_id(article_ids: Sequence[str]) -> str:
    return "s" + hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Corpus:
    """The merge's inputs, indexed, with the stories (in creation order) and the IDF table."""

    by_id: Mapping[str, Article]
    mentions_by_article: Mapping[str, Sequence[EventMention]]
    quotes_by_article: Mapping[str, Sequence[Quote]]
    entities: Mapping[str, Sequence[Entity]]
    names: Mapping[str, Sequence[str]]
    groups: Sequence[Sequence[str]]  # article ids of each story
    ids: Sequence[str]  # story id of each group
    story_of: Mapping[str, str]  # article id -> story id
    idf: Mapping[str, float]
    params: EventParams
    kb: MergeKnowledge
    #: the places the coder gave any mention, below the country level: what a sentence of
    #: any part of the corpus may name (see :func:`.features.mention_features`)
    places: KnownPlaces


def prepare_corpus(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote],
    entities: Mapping[str, Sequence[Entity]] | None,
    params: EventParams,
    kb: MergeKnowledge,
    *,
    story_threshold: float,
    story_window_days: int,
    story_name_boost: int,
    previous: Sequence[Sequence[str]] | None = None,
) -> Corpus:
    """Index the inputs and group the articles into stories (the corpus-wide step).

    With ``previous`` (the article ids of each story of an earlier merge), those stories are
    kept: only the other articles are grouped, weighed by the word weights of the articles
    already merged (see :func:`.stories.group_stories`)."""
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

    fixed: dict[str, int] = {}
    frozen: dict[str, float] | None = None
    unseen = 1.0
    if previous is not None:
        fixed = {a: k for k, g in enumerate(previous) for a in g if a in by_id}
        frozen = idf_table(
            article_tokens(by_id[a], names.get(a, ()), story_name_boost) for a in fixed
        )
        unseen = unseen_idf(len(fixed))
    groups, idf = group_stories(
        list(by_id.values()),
        names,
        threshold=story_threshold,
        window_days=story_window_days,
        name_boost=story_name_boost,
        fixed=fixed,
        idf=frozen,
        default_idf=unseen,
    )
    ids = [story_id(g) for g in groups]
    story_of = {aid: sid for sid, g in zip(ids, groups, strict=True) for aid in g}
    # in the whole merge's order (story, article, mention): a later name key wins a tie
    grouped = [m for g in groups for a in g for m in mentions_by_article.get(a, ())]
    return Corpus(
        by_id,
        mentions_by_article,
        quotes_by_article,
        entities,
        names,
        groups,
        ids,
        story_of,
        idf,
        params,
        kb,
        KnownPlaces.of(grouped, kb),
    )


def story_span(c: Corpus, index: int) -> tuple[int, int] | None:
    """First and last ordinal day a story's articles were published or its mentions' dates
    (with the publication look-back) cover; None when it has no date at all."""
    days: list[int] = []
    for aid in c.groups[index]:
        a = c.by_id.get(aid)
        d = day_of(a.published) if a is not None else None
        if d is not None:
            days.append(d)
        for m in c.mentions_by_article.get(aid, ()):
            iv = interval(m, c.params.publication_lookback_days)
            if iv is not None:
                days.extend(iv)
    return (min(days), max(days)) if days else None


def story_anchor(c: Corpus, index: int) -> int | None:
    """The day that places a story in a date window: its first publication day, else the
    first day its mentions' dates cover."""
    days = [
        d
        for aid in c.groups[index]
        if (a := c.by_id.get(aid)) is not None and (d := day_of(a.published)) is not None
    ]
    if days:
        return min(days)
    span = story_span(c, index)
    return span[0] if span else None


def story_records(
    c: Corpus, indices: Iterable[int], *, stories: Container[int] | None = None
) -> tuple[list[Story], dict[tuple[str, str], str]]:
    """The :class:`Story` of each chosen group (of those in ``stories`` when given) and the
    lookup ``(article id, name key) -> story entity key`` of their articles."""
    out: list[Story] = []
    entity_keys: dict[tuple[str, str], str] = {}
    for i in indices:
        sid, ids = c.ids[i], c.groups[i]
        story_ents, lookup = resolve_story_entities(
            sid, ids, c.mentions_by_article, c.quotes_by_article, c.entities, c.by_id
        )
        entity_keys.update(lookup)
        if stories is not None and i not in stories:
            continue
        counts: Counter[str] = Counter()
        spread: dict[str, set[str]] = defaultdict(set)  # entity -> articles naming it
        for aid in ids:
            for n in c.names.get(aid, ()):
                k = lookup.get((aid, name_key(n)))
                if k:
                    counts[k] += 1
                    spread[k].add(aid)
        first = c.by_id[ids[0]]
        label = story_label(story_ents, counts, spread, c.kb) or first.title or first.source
        out.append(Story(id=sid, article_ids=tuple(ids), label=label, entities=tuple(story_ents)))
    return out, entity_keys


def corpus_features(
    c: Corpus, mentions: Sequence[EventMention], entity_keys: Mapping[tuple[str, str], str]
) -> list[Features]:
    """The merge features of ``mentions`` with the corpus's articles, stories, word weights,
    places and quotations."""
    return mention_features(
        mentions,
        c.by_id,
        c.story_of,
        entity_keys,
        c.idf,
        c.kb,
        c.params,
        c.places,
        c.quotes_by_article,
    )


def cluster_stories(
    c: Corpus, indices: Sequence[int], entity_keys: Mapping[tuple[str, str], str]
) -> list[Cluster]:
    """The event clusters of the mentions of the chosen stories (``entity_keys`` must cover
    their articles, see :func:`story_records`)."""
    mentions = [m for i in indices for a in c.groups[i] for m in c.mentions_by_article.get(a, ())]
    feats = corpus_features(c, mentions, entity_keys)
    return cluster_mentions(feats, c.kb, c.params)


def events_of(c: Corpus, clusters: Iterable[Cluster]) -> list[Event]:
    """One merged :class:`Event` per cluster, in the merge's order (date, then id)."""
    events: list[Event] = []
    for cl in clusters:
        sids = [x.story for x in cl.members if x.story]
        top_sid = Counter(sids).most_common(1)[0][0] if sids else None
        events.append(build_event(cl, top_sid, c.quotes_by_article))
    events.sort(key=lambda e: (e.date or "9999", e.id))
    return events
