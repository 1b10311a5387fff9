"""Event merge: mentions that report the same real-world event become one Event.

Greedy and incremental: mentions are taken finest date first; each joins the event under
construction it most probably reports (P >= threshold, see merge.evidence for the features,
the evidence a join needs and the fitted weights) or starts a new one. Candidates
come from a block index keyed by (type group, factuality class, week) and, inside a week, by
the story, side codes and place a candidate must share (merge.blocks), so the cost is
O(n log n) for the sort plus the comparisons with the events that may join.

Hard rules (never join): incompatible types; factual (asserted/reported) with non-factual;
dates further apart than the slack; coded actors (or recipients) of different countries
that no coalition links; different places of city precision or different countries; a
mention from another story unless actor AND recipient match (same dyad); no positive
evidence (type and date alone), or a day apart with fewer than two items of evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .blocks import BlockIndex
from .evidence import Join, MergeWeights, join_evidence, load_weights
from .features import EMPTY, EventParams, Features, told_day
from .knowledge import MergeKnowledge
from .text import Vector, add_into

T = TypeVar("T")


#: the empty set every set field of a new event holds until a member brings something
_NONE: frozenset[Any] = EMPTY


def _grow(held: AbstractSet[T], new: AbstractSet[T]) -> AbstractSet[T]:
    """``held | new``, in place once ``held`` is the event's own set. An event starts with
    the shared empty set in each of its ~17 set fields (most stay empty: separate empty sets
    were about 3.7 KB an event) and gets a set of its own when a member brings something."""
    if not new:
        return held
    if isinstance(held, set):
        held |= new
        return held
    return set(held) | new


def _with(held: AbstractSet[T], item: T) -> AbstractSet[T]:
    """``held`` with ``item`` added (in place once ``held`` is the event's own set)."""
    if isinstance(held, set):
        held.add(item)
        return held
    return {*held, item}


@dataclass(slots=True)
class Cluster:
    idx: int
    group: str
    fclass: str
    members: list[Features] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # one per member after the first
    types: Counter[str] = field(default_factory=Counter)
    iv: tuple[int, int] | None = None
    actor_codes: AbstractSet[str] = _NONE
    actor_named: AbstractSet[str] = _NONE  # ... of the doers the text identifies
    actor_names: AbstractSet[str] = _NONE
    actor_coal: AbstractSet[str] = _NONE
    recip_codes: AbstractSet[str] = _NONE
    recip_names: AbstractSet[str] = _NONE
    recip_coal: AbstractSet[str] = _NONE
    actor_sectors: AbstractSet[tuple[str, str]] = _NONE
    recip_sectors: AbstractSet[tuple[str, str]] = _NONE
    place_key: str | None = None
    place_country: str | None = None
    place_city: bool = False
    place_stated: bool = False  # a member names its place in its own sentence
    stories: AbstractSet[str | None] = _NONE
    stated: AbstractSet[tuple[str, str]] = _NONE  # (outlet, day) told
    # the single days its members are dated to by their own words or their narrative's day
    # (not the report's day by default)
    told_days: AbstractSet[str] = _NONE
    # kind -> (value, whom it counts or None) told: "killed" -> {(9, "combatants")}
    quantities: dict[str, set[tuple[int, str | None]]] = field(default_factory=dict)
    actor_heads: AbstractSet[str] = _NONE  # head words of the named doers
    recip_heads: AbstractSet[str] = _NONE  # ... of the named targets
    actor_persons: AbstractSet[str] = _NONE  # ... of the coded named entities among the doers
    recip_persons: AbstractSet[str] = _NONE  # ... of those among the targets
    places: dict[str, set[str]] = field(default_factory=dict)  # level -> place keys told
    lemmas: AbstractSet[str] = _NONE  # trigger lemmas: the words for the act
    modes: AbstractSet[str] = _NONE  # its members' coded modes ("arrest", "curfew")
    named_places: AbstractSet[str] = _NONE  # places its sentences name or hold
    refs: AbstractSet[str] = _NONE  # words of its sentences' definite phrases
    refs_only: bool = True  # every member names the act as known ("the attack"), none tells it
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # by article
    # (article, sentence start) -> the types its members of that sentence were coded
    sentence_types: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    # article -> the first sentence start of a member that sets its act apart ("Separately")
    set_apart: dict[str, int] = field(default_factory=dict)
    vec: Vector = field(default_factory=dict)

    main: str = ""
    dead: bool = False  # joined into another event (merge.cluster's second pass)

    def main_type(self) -> str:
        return self.main

    def add(self, x: Features, reason: str | None) -> None:
        if reason is not None:
            self.reasons.append(reason)
        self.members.append(x)
        self.types[x.m.event] += 1
        if not self.main or self.types[x.m.event] > self.types[self.main]:
            self.main = x.m.event
        if x.iv is not None:
            if self.iv is None:
                self.iv = x.iv
            else:
                lo, hi = max(self.iv[0], x.iv[0]), min(self.iv[1], x.iv[1])
                if lo <= hi:  # the most precise agreed interval
                    self.iv = (lo, hi)
        self.actor_codes = _grow(self.actor_codes, x.actor.codes)
        self.actor_named = _grow(self.actor_named, x.actor.named_codes)
        self.actor_names = _grow(self.actor_names, x.actor.names)
        self.actor_coal = _grow(self.actor_coal, x.actor.coalition)
        self.actor_sectors = _grow(self.actor_sectors, x.actor.sectors)
        self.recip_codes = _grow(self.recip_codes, x.recipient.codes)
        self.recip_names = _grow(self.recip_names, x.recipient.names)
        self.recip_coal = _grow(self.recip_coal, x.recipient.coalition)
        self.recip_sectors = _grow(self.recip_sectors, x.recipient.sectors)
        if x.place_key and (self.place_key is None or (x.place_city and not self.place_city)):
            self.place_key, self.place_city = x.place_key, x.place_city
        self.place_country = self.place_country or x.place_country
        self.stories = _with(self.stories, x.story)
        # a single day the outlet's words state (a toll update's "Sunday's bombing" too,
        # though its interval is widened back for the act: tenth session, dev-merge4)
        if (
            x.m.date
            and x.m.date_source not in ("publication", "context")
            and x.iv
            and x.m.date_precision == "day"
            and x.m.date_end in (None, x.m.date)
        ):
            self.stated = _with(self.stated, (x.outlet, x.m.date))
        day = told_day(x)
        if day is not None:
            self.told_days = _with(self.told_days, day)
        add_into(self.vec, x.vec)
        for i, q in enumerate(x.m.quantities):
            whom = x.counted[i] if i < len(x.counted) else None
            self.quantities.setdefault(q.kind, set()).add((q.value, whom))
        self.actor_heads = _grow(self.actor_heads, x.actor.heads)
        self.recip_heads = _grow(self.recip_heads, x.recipient.heads)
        self.actor_persons = _grow(self.actor_persons, x.actor.persons)
        self.recip_persons = _grow(self.recip_persons, x.recipient.persons)
        if x.m.trigger_lemma:
            self.lemmas = _with(self.lemmas, x.m.trigger_lemma.lower())
        if x.m.mode:
            self.modes = _with(self.modes, x.m.mode)
        if x.place_key and x.place_level:
            self.places.setdefault(x.place_level, set()).add(x.place_key)
        self.place_stated = self.place_stated or x.place_stated
        self.named_places = _grow(self.named_places, x.text_places)
        if x.place_key:
            self.named_places = _with(self.named_places, x.place_key)
        self.refs = _grow(self.refs, x.refs)
        # a reference naming its doer ("the US strikes") is no guess about who acted
        self.refs_only = self.refs_only and x.backref and not x.backref_doer
        self.sentences.setdefault(x.m.article_id, []).append((x.m.sentence.start, x.m.sentence.end))
        self.sentence_types.setdefault((x.m.article_id, x.m.sentence.start), set()).add(x.m.event)
        if x.separate:
            start = self.set_apart.get(x.m.article_id)
            if start is None or x.m.sentence.start < start:
                self.set_apart[x.m.article_id] = x.m.sentence.start


def _score(
    x: Features, c: Cluster, kb: MergeKnowledge, p: EventParams, w: MergeWeights, slack: int = 0
) -> tuple[float, Join] | None:
    """(P(same event), evidence) of joining ``x`` to ``c``; None when a hard rule or the
    lack of positive evidence refuses it (see merge.evidence). The explanation is written
    only for the join taken (``Join.explain``)."""
    j = join_evidence(x, c, kb, p, slack)
    if j is None:
        return None
    return w.probability(j.values), j


def _shares_a_slot(x: Features, c: Cluster) -> bool:
    return bool(
        x.actor.codes & c.actor_codes
        or x.recipient.codes & c.recip_codes
        or (x.place_key and x.place_key == c.place_key)
    )


def _told_in_sentence(x: Features, c: Cluster) -> bool:
    """Does ``c`` hold a mention of ``x``'s type from ``x``'s own sentence?"""
    return x.m.event in c.sentence_types.get((x.m.article_id, x.m.sentence.start), ())


def days_apart(x: Features, c: Cluster) -> bool:
    """The dates of ``x`` and ``c`` do not meet: the date-gap rule of :func:`_score` refuses
    the join at no slack (checked first; a third of the candidates of the generated bench's
    runs, and not worth scoring)."""
    return x.iv is not None and c.iv is not None and (x.iv[0] > c.iv[1] or c.iv[0] > x.iv[1])


def cluster_mentions(feats: list[Features], kb: MergeKnowledge, p: EventParams) -> list[Cluster]:
    """Greedy blocked clustering of mention features into events."""
    wts = load_weights()
    order = sorted(
        feats,
        key=lambda x: (
            x.prec,
            x.m.date_source in ("publication", "context"),  # stated dates seed events
            x.place_key is None,  # placed mentions seed events, unplaced ones join them
            x.iv[0] if x.iv else 1 << 30,
            x.outlet,
            x.m.article_id,
            x.m.index,
        ),
    )
    clusters: list[Cluster] = []
    index = BlockIndex()
    # back-references wait until every telling of an act was merged (_place_back_references)
    deferred = [x for x in order if refers_back(x)]
    held = {id(x) for x in deferred}
    for x in order:
        if id(x) in held:
            continue
        key = (x.group, x.fclass)
        cands: Iterable[Cluster]
        if x.iv is not None:
            cands = [*index.dated(key, x.iv[0], x.iv[1], x), *index.undated_of_story(key, x.story)]
        else:
            cands = index.of_story(key, x.story)
        # another story's event may join only on strong evidence (checked in _score), which
        # needs a side or the place in common: filtered before the nearest-date cut so the
        # cut keeps candidates that can join
        shared = {c.idx: c for c in cands if x.story in c.stories or _shares_a_slot(x, c)}
        pool = list(shared.values())
        if len(pool) > p.max_candidates and x.iv is not None:
            mid = (x.iv[0] + x.iv[1]) / 2

            def near(c: Cluster, mid: float = mid) -> tuple[float, int]:
                return (abs((c.iv[0] + c.iv[1]) / 2 - mid) if c.iv else 0.0, c.idx)

            pool.sort(key=near)
            pool = pool[: p.max_candidates]
        best: tuple[tuple[bool, float, int], Join, Cluster] | None = None
        for c in pool:
            if days_apart(x, c):  # a week's block holds every event of its 7 days
                continue
            got = _score(x, c, kb, p, wts, 0)
            if got is None or got[0] < p.threshold:
                continue
            # an event told by another word of the same sentence comes first: the coder found
            # two words for one act ("carried out strikes ..., and a number were killed"),
            # however much a look-alike elsewhere shares
            rank = (_told_in_sentence(x, c), got[0], -c.idx)
            if best is None or rank > best[0]:
                best = (rank, got[1], c)
        if best is not None:
            best[2].add(x, best[1].explain(wts, best[0][1]))
            index.joined(best[2], x)
            continue
        c = Cluster(idx=len(clusters), group=x.group, fclass=x.fclass)
        c.add(x, None)
        clusters.append(c)
        index.file(c, x)
    clusters = _join_across_days(clusters, index, kb, p, wts)
    return _place_back_references(deferred, clusters, index, kb, p, wts)


def _same_outlet_other_day(a: Cluster, b: Cluster) -> bool:
    """An outlet states one day for an act in ``a`` and another day in ``b``."""
    if not a.stated or not b.stated:
        return False
    days_a: dict[str, set[str]] = defaultdict(set)
    for outlet, day in a.stated:
        days_a[outlet].add(day)
    return any(days_a.get(outlet, {day}) - {day} for outlet, day in b.stated)


def _join_across_days(
    clusters: list[Cluster],
    index: BlockIndex,
    kb: MergeKnowledge,
    p: EventParams,
    wts: MergeWeights,
) -> list[Cluster]:
    """Second pass: events a day apart (within the slack) become one unless an outlet states
    both days: different outlets may disagree on the day (time zones, late reports), but one
    outlet telling two days is telling two acts."""
    if p.date_slack_days <= 0:
        return clusters
    dead: set[int] = set()
    for b in clusters:
        if b.iv is None or b.idx in dead:
            continue
        seed = b.members[0]
        lo, hi = b.iv[0] - p.date_slack_days, b.iv[1] + p.date_slack_days
        best: tuple[float, int, Join, Cluster] | None = None
        for a in index.dated((b.group, b.fclass), lo, hi, seed):
            if a.idx == b.idx or a.idx in dead or a.iv is None:
                continue
            gap = max(a.iv[0] - b.iv[1], b.iv[0] - a.iv[1])
            if gap > p.date_slack_days:
                continue
            if seed.story not in a.stories and not _shares_a_slot(seed, a):
                continue
            if not all(kb.types_compatible(seed.m.event, t) for t in a.types):
                continue  # _score would refuse it: skip the costlier checks
            if _same_outlet_other_day(a, b):
                continue
            got = _score(seed, a, kb, p, wts, p.date_slack_days)
            if got is None or got[0] < p.threshold:
                continue
            if _set_apart(b, a, kb, p):
                continue
            if best is None or (got[0], -a.idx) > (best[0], -best[1]):
                best = (got[0], a.idx, got[1], a)
        if best is None:
            continue
        target = best[3]
        target.add(seed, best[2].explain(wts, best[0]) + " (outlets disagree on the day)")
        index.joined(target, seed)
        for x, r in zip(b.members[1:], b.reasons, strict=True):
            target.add(x, r)
            index.joined(target, x)
        dead.add(b.idx)
        b.dead = True
    return [c for c in clusters if c.idx not in dead]


def _set_apart(b: Cluster, a: Cluster, kb: MergeKnowledge, p: EventParams) -> bool:
    """A member of ``b`` and one of ``a`` come from one article whose later sentence sets its
    act apart ("In an unrelated incident, ..."): the two events stay two, whichever member
    asked to join."""
    for y in b.members[1:]:
        why: list[str] = []
        if join_evidence(y, a, kb, p, p.date_slack_days, why) is None and why == ["set apart"]:
            return True
    return False


def refers_back(x: Features) -> bool:
    """The mention names the act as known and names no doer ("the fighting started on
    Friday night", "Thursday's unrest", "killed in the attack"): an outlet referring back
    to an act its story tells, not telling a new one."""
    return x.backref and not (x.actor.codes or x.actor.names)


#: a back-reference joins an event of its story when its probability reaches this share of
#: the threshold (it has one item of evidence by construction)
_REFERRING_SHARE = 0.5


def _place_back_references(
    deferred: list[Features],
    clusters: list[Cluster],
    index: BlockIndex,
    kb: MergeKnowledge,
    p: EventParams,
    wts: MergeWeights,
) -> list[Cluster]:
    """Last pass: each back-reference (``refers_back``), held back until every telling of
    an act was merged, joins the event of its story it refers to: the likeliest one the
    hard rules allow within the date slack, one told on a stated day first (not only dated
    by its reports). With none it is its own event, which later back-references may join."""
    next_idx = max((c.idx for c in clusters), default=-1) + 1
    for x in deferred:
        best: tuple[bool, float, int, Join, Cluster] | None = None
        for a in index.of_story((x.group, x.fclass), x.story):
            if a.dead:
                continue
            j = join_evidence(x, a, kb, p, p.date_slack_days, referring=True)
            if j is None:
                continue
            prob = wts.probability(j.values)
            if prob < p.threshold * _REFERRING_SHARE:
                continue
            # an act some outlet told on a stated day before one only dated by its reports
            key = (bool(a.stated), prob, -a.idx)
            if best is None or key > best[:3]:
                best = (bool(a.stated), prob, -a.idx, j, a)
        if best is not None:
            best[4].add(x, best[3].explain(wts, best[1]) + " (refers back to the act)")
            index.joined(best[4], x)
            continue
        c = Cluster(idx=next_idx, group=x.group, fclass=x.fclass)
        next_idx += 1
        c.add(x, None)
        clusters.append(c)
        index.file(c, x)
    return clusters


# --- building the merged Event ---------------------------------------------------------------
