"""Event merge: mentions that report the same real-world event become one Event.

Greedy and incremental: mentions are taken finest date first; each joins the best
compatible event under construction (score >= threshold) or starts a new one. Candidates
come from a block index keyed by (type group, factuality class, week), so the cost is
O(n log n) for the sort plus a bounded number of comparisons per mention.

Hard rules (never join): incompatible types; factual (asserted/reported) with non-factual;
dates further apart than the slack; coded actors (or recipients) of different countries
that no coalition links; different places of city precision or different countries; a
mention from another story unless actor AND recipient match (same dyad).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from ..model import (
    DATE_PRECISION,
    FACTUAL,
    PLACE_PRECISION,
    Actor,
    Article,
    Discrepancy,
    Event,
    EventMention,
    Factuality,
    Place,
    Quantity,
    Quote,
    SourceValue,
)
from .knowledge import MergeKnowledge
from .names import alias_class
from .text import Vector, add_into, content_words, cosine, name_key, tfidf

T = TypeVar("T")

_PREC_RANK: dict[str, int] = {p: i for i, p in enumerate(DATE_PRECISION)}
_PLACE_RANK: dict[str, int] = {p: i for i, p in enumerate(PLACE_PRECISION)}


@dataclass(frozen=True)
class EventParams:
    threshold: float
    date_slack_days: int
    publication_lookback_days: int
    max_candidates: int
    cross_story: bool
    evaluative_similarity: float = 0.6


# --- dates -----------------------------------------------------------------------------


def _bounds(value: str, precision: str | None) -> tuple[int, int] | None:
    """First and last ordinal day an ISO (partial / week) date covers."""
    try:
        v = value.strip()
        if "-W" in v:
            year, week = v.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1).toordinal()
            return monday, monday + 6
        parts = v[:10].split("-")
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
        m = int(parts[1])
        if len(parts) == 2:
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1).toordinal()
            return dt.date(y, m, 1).toordinal(), nxt - 1
        d = dt.date(y, m, int(parts[2])).toordinal()
    except (ValueError, IndexError):
        return None
    if precision == "week":
        return d - 3, d + 3
    if precision == "month":
        return d - 15, d + 15
    if precision == "year":
        return d - 182, d + 182
    return d, d


def interval(m: EventMention, lookback: int, *, vague_years: bool = True) -> tuple[int, int] | None:
    if not m.date:
        return None
    b = _bounds(m.date, m.date_precision)
    if b is None:
        return None
    start, end = b
    if m.date_end:
        e = _bounds(m.date_end, m.date_precision)
        if e is not None and e[1] >= start:
            end = e[1]
    if m.date_source == "publication":  # a default, not a statement: allow a few days before
        start -= lookback
    elif vague_years and m.date_precision == "year" and not m.date_end:
        # a bare year for background ("in 2018", "last year" said in January) is vague at its
        # edges: outlets often disagree by one year on the same act, which is a discrepancy
        # to show, not a second event
        start -= _YEAR_EDGE_DAYS
        end += _YEAR_EDGE_DAYS
    return start, end


_YEAR_EDGE_DAYS = 180  # adjacent years overlap; years two apart stay apart


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


# --- per-mention features ------------------------------------------------------------------


@dataclass
class _Side:
    codes: frozenset[str]
    names: frozenset[str]
    sectors: frozenset[tuple[str, str]]  # (code, sector)
    coalition: frozenset[str]  # member codes of coalitions named on this side
    label: str


def _side(actors: Sequence[Actor], entity_key: Mapping[str, str], kb: MergeKnowledge) -> _Side:
    codes: set[str] = set()
    names: set[str] = set()
    sectors: set[tuple[str, str]] = set()
    members: set[str] = set()
    labels: list[str] = []
    for a in actors:
        k = name_key(a.name)
        coal = kb.coalition_of(a.name) or (kb.coalition_of(a.code) if a.code else frozenset())
        members |= coal
        if a.code and not coal:
            codes.add(a.code)
            if a.sector:
                sectors.add((a.code, a.sector))
        elif k:
            names.add(entity_key.get(k, k))
        labels.append(a.code or a.name)
    return _Side(
        frozenset(codes), frozenset(names), frozenset(sectors), frozenset(members), "+".join(labels)
    )


@dataclass
class _M:
    m: EventMention
    outlet: str
    story: str | None
    group: str
    fclass: str
    iv: tuple[int, int] | None
    prec: int
    actor: _Side
    recipient: _Side
    place_key: str | None
    place_country: str | None
    place_city: bool
    vec: Vector
    evaluative: bool = False  # an opinion about the act (see evaluative_subject)


_WORD = re.compile(r"[\w'’-]+")
_EVAL_WINDOW = 6  # words between the trigger and the copula of its clause


def evaluative_subject(m: EventMention, text: str, kb: MergeKnowledge) -> bool:
    """The trigger heads the subject of a copular clause ("Killing him was a mistake",
    "The raid on the port would be reckless"): an evaluation of the act, not a report.

    Read from the words (merge has no parse): only opener words before the trigger in its
    sentence or clause, and a copula within a few words after it, before any comma."""
    if not text:
        return False
    before = text[m.sentence.start : m.trigger.start]
    clause = re.split(r"[,;:—–]\s", before)[-1]  # "..., but killing him was"
    if any(w.lower() not in kb.evaluative_openers for w in _WORD.findall(clause)):
        return False
    after = text[m.trigger.end : m.sentence.end].split(",")[0]
    words = [w.lower() for w in _WORD.findall(after)][: _EVAL_WINDOW + 1]
    return any(w in kb.evaluative_copulas for w in words)


def _fclass(factuality: str) -> str:
    return "factual" if factuality in FACTUAL else factuality


# --- clusters --------------------------------------------------------------------------


@dataclass
class _C:
    idx: int
    group: str
    fclass: str
    members: list[_M] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # one per member after the first
    types: Counter[str] = field(default_factory=Counter)
    iv: tuple[int, int] | None = None
    actor_codes: set[str] = field(default_factory=set)
    actor_names: set[str] = field(default_factory=set)
    actor_coal: set[str] = field(default_factory=set)
    recip_codes: set[str] = field(default_factory=set)
    recip_names: set[str] = field(default_factory=set)
    recip_coal: set[str] = field(default_factory=set)
    actor_sectors: set[tuple[str, str]] = field(default_factory=set)
    recip_sectors: set[tuple[str, str]] = field(default_factory=set)
    place_key: str | None = None
    place_country: str | None = None
    place_city: bool = False
    stories: set[str | None] = field(default_factory=set)
    stated: set[tuple[str, str]] = field(default_factory=set)  # (outlet, day) from the text
    vec: Vector = field(default_factory=dict)

    main: str = ""

    def main_type(self) -> str:
        return self.main

    def add(self, x: _M, reason: str | None) -> None:
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
        self.actor_codes |= x.actor.codes
        self.actor_names |= x.actor.names
        self.actor_coal |= x.actor.coalition
        self.actor_sectors |= x.actor.sectors
        self.recip_codes |= x.recipient.codes
        self.recip_names |= x.recipient.names
        self.recip_coal |= x.recipient.coalition
        self.recip_sectors |= x.recipient.sectors
        if x.place_key and (self.place_key is None or (x.place_city and not self.place_city)):
            self.place_key, self.place_city = x.place_key, x.place_city
        self.place_country = self.place_country or x.place_country
        self.stories.add(x.story)
        if x.m.date and x.m.date_source != "publication" and x.iv and x.iv[0] == x.iv[1]:
            self.stated.add((x.outlet, x.m.date))
        add_into(self.vec, x.vec)


def _compare_side(
    side: _Side,
    codes: set[str],
    names: set[str],
    coal: set[str],
    sectors: set[tuple[str, str]],
    what: str,
) -> tuple[str, float, str]:
    """(status, score, text) for actor/recipient compatibility."""
    if side.codes and codes:
        common = side.codes & codes
        if common:
            score = 0.2
            mine = {s for s in side.sectors if s[0] in common}
            theirs = {s for s in sectors if s[0] in common}
            note = ""
            if mine and theirs and not (mine & theirs):
                score -= 0.15  # same country, different sector (police vs protesters)
                note = " (sectors differ)"
            code = sorted(common)[0]
            return "match", score, f"{what} {code}={code}{note}"
    if (side.codes & coal) or (codes & side.coalition):
        return "match", 0.15, f"{what} member of coalition"
    if side.coalition and coal and side.coalition & coal:
        return "match", 0.15, f"{what} same coalition"
    if side.codes and codes:
        return "mismatch", 0.0, f"{what} {'+'.join(sorted(side.codes))}!={'+'.join(sorted(codes))}"
    if side.names and names:
        if side.names & names:
            return "match", 0.2, f"{what} same entity"
        return "unknown", 0.0, f"{what} names differ"
    return "unknown", 0.05, f"{what} unknown on one side"


def _score(
    x: _M, c: _C, kb: MergeKnowledge, p: EventParams, slack: int = 0
) -> tuple[float, str] | None:
    main = c.main_type()
    if not all(kb.types_compatible(x.m.event, t) for t in c.types):
        return None
    parts: list[str] = []
    score = 0.0
    anchors = 0
    if x.m.event == main:
        parts.append(f"same type {main}")
        score += 0.05
    else:
        parts.append(f"compatible types {x.m.event}~{main}")
    # dates
    if x.iv is not None and c.iv is not None:
        gap = max(x.iv[0] - c.iv[1], c.iv[0] - x.iv[1], 0)
        if gap > slack:
            return None
        shown = f"dates {x.m.date} vs {_iso(c.iv[0])}" + (
            f"..{_iso(c.iv[1])}" if c.iv[1] != c.iv[0] else ""
        )
        weak = x.m.date_source == "publication"
        if gap:
            score += 0.05
            parts.append(f"{shown} within {gap} day")
        elif x.iv[0] == x.iv[1] == c.iv[0] == c.iv[1] and not weak:
            score += 0.3
            anchors += 1
            parts.append(f"{shown} same day")
        else:
            score += 0.1 if weak else 0.2
            anchors += 0 if weak else 1
            parts.append(f"{shown} overlap")
    else:
        parts.append("no date on one side")
    # actors
    for side, codes, names, coal, sectors, what in (
        (x.actor, c.actor_codes, c.actor_names, c.actor_coal, c.actor_sectors, "actor"),
        (
            x.recipient,
            c.recip_codes,
            c.recip_names,
            c.recip_coal,
            c.recip_sectors,
            "recipient",
        ),
    ):
        status, s, text = _compare_side(side, codes, names, coal, sectors, what)
        if status == "mismatch":
            if what == "actor":
                return None
            # recipients are often coded from a modifier ("the group's sites"): a differing
            # recipient weighs against the join, it does not forbid it
            score -= 0.3
        anchors += status == "match"
        score += s
        parts.append(text)
    # place
    if x.place_key and c.place_key:
        if x.place_key == c.place_key:
            score += 0.15
            anchors += 1
            parts.append(f"place {x.place_key}")
        elif (x.place_city and c.place_city) or (
            x.place_country and c.place_country and x.place_country != c.place_country
        ):
            return None
        else:
            score += 0.05
            parts.append(f"place {x.place_key}~{c.place_key}")
    elif x.place_country and c.place_country:
        if x.place_country != c.place_country:
            return None
        score += 0.05
        parts.append(f"country {x.place_country}")
    # story
    if x.story in c.stories:
        score += 0.1
    else:
        if not p.cross_story:
            return None
        dyad = (x.actor.codes & c.actor_codes) and (x.recipient.codes & c.recip_codes)
        if not dyad or x.iv is None or c.iv is None:
            return None
        parts.append("other story, same dyad")
    sim = cosine(x.vec, c.vec)
    same_article = any(y.m.article_id == x.m.article_id for y in c.members[-3:])
    if anchors == 0 and not (sim >= 0.35 or (same_article and sim >= 0.2)):
        return None
    if (x.evaluative or c.members[0].evaluative) and sim < p.evaluative_similarity:
        return None  # an opinion about an act joins its report only when worded alike
    if x.evaluative or c.members[0].evaluative:
        parts.append("evaluative clause")
    score += 0.3 * sim
    return score, ", ".join(parts) + f"; text {sim:.2f}; score {score:.2f}"


def cluster_mentions(feats: list[_M], kb: MergeKnowledge, p: EventParams) -> list[_C]:
    """Greedy blocked clustering of mention features into events."""
    order = sorted(
        feats,
        key=lambda x: (
            x.prec,
            x.m.date_source == "publication",  # stated dates seed events, defaults join them
            x.iv[0] if x.iv else 1 << 30,
            x.outlet,
            x.m.article_id,
            x.m.index,
        ),
    )
    clusters: list[_C] = []
    by_week: dict[tuple[str, str], dict[int, list[_C]]] = defaultdict(lambda: defaultdict(list))
    by_story: dict[tuple[str, str, str | None], list[_C]] = defaultdict(list)
    for x in order:
        key = (x.group, x.fclass)
        cands: dict[int, _C] = {}
        if x.iv is not None:
            weeks = by_week[key]
            lo, hi = x.iv[0] // 7, x.iv[1] // 7
            for w in range(lo, hi + 1):
                for c in weeks.get(w, ()):
                    cands[c.idx] = c
            for c in by_story.get((*key, x.story), ()):
                if c.iv is None:
                    cands[c.idx] = c
        else:
            for c in by_story.get((*key, x.story), ()):
                cands[c.idx] = c
        # other story: only the same dyad may join (checked in _score); filtered before the
        # nearest-date cut so the cut keeps candidates that can join
        pool = [c for c in cands.values() if x.story in c.stories or x.actor.codes & c.actor_codes]
        if len(pool) > p.max_candidates and x.iv is not None:
            mid = (x.iv[0] + x.iv[1]) / 2

            def near(c: _C, mid: float = mid) -> tuple[float, int]:
                return (abs((c.iv[0] + c.iv[1]) / 2 - mid) if c.iv else 0.0, c.idx)

            pool.sort(key=near)
            pool = pool[: p.max_candidates]
        best: tuple[float, int, str, _C] | None = None
        for c in pool:
            got = _score(x, c, kb, p, 0)
            if got is None or got[0] < p.threshold:
                continue
            if best is None or (got[0], -c.idx) > (best[0], -best[1]):
                best = (got[0], c.idx, got[1], c)
        if best is not None:
            best[3].add(x, best[2])
            continue
        c = _C(idx=len(clusters), group=x.group, fclass=x.fclass)
        c.add(x, None)
        clusters.append(c)
        if x.iv is not None:
            for w in range(x.iv[0] // 7, x.iv[1] // 7 + 1):
                by_week[key][w].append(c)
        by_story[(*key, x.story)].append(c)
    return _join_across_days(clusters, by_week, kb, p)


def _same_outlet_other_day(a: _C, b: _C) -> bool:
    """An outlet states one day for an act in ``a`` and another day in ``b``."""
    if not a.stated or not b.stated:
        return False
    days_a: dict[str, set[str]] = defaultdict(set)
    for outlet, day in a.stated:
        days_a[outlet].add(day)
    return any(days_a.get(outlet, {day}) - {day} for outlet, day in b.stated)


def _join_across_days(
    clusters: list[_C],
    by_week: Mapping[tuple[str, str], Mapping[int, list[_C]]],
    kb: MergeKnowledge,
    p: EventParams,
) -> list[_C]:
    """Second pass: events a day apart (within the slack) become one unless an outlet states
    both days: different outlets may disagree on the day (time zones, late reports), but one
    outlet telling two days is telling two acts."""
    if p.date_slack_days <= 0:
        return clusters
    dead: set[int] = set()
    for b in clusters:
        if b.iv is None or b.idx in dead:
            continue
        weeks = by_week[(b.group, b.fclass)]
        lo, hi = (b.iv[0] - p.date_slack_days) // 7, (b.iv[1] + p.date_slack_days) // 7
        best: tuple[float, int, str, _C] | None = None
        for w in range(lo, hi + 1):
            for a in weeks.get(w, ()):
                if a.idx == b.idx or a.idx in dead or a.iv is None:
                    continue
                gap = max(a.iv[0] - b.iv[1], b.iv[0] - a.iv[1])
                if gap > p.date_slack_days:
                    continue
                if b.members[0].story not in a.stories and not (
                    b.members[0].actor.codes & a.actor_codes
                ):
                    continue
                if not all(kb.types_compatible(b.members[0].m.event, t) for t in a.types):
                    continue  # _score would refuse it: skip the costlier checks
                if _same_outlet_other_day(a, b):
                    continue
                got = _score(b.members[0], a, kb, p, p.date_slack_days)
                if got is None or got[0] < p.threshold:
                    continue
                if best is None or (got[0], -a.idx) > (best[0], -best[1]):
                    best = (got[0], a.idx, got[1], a)
        if best is None:
            continue
        target = best[3]
        target.add(b.members[0], best[2] + " (outlets disagree on the day)")
        for x, r in zip(b.members[1:], b.reasons, strict=True):
            target.add(x, r)
        dead.add(b.idx)
    return [c for c in clusters if c.idx not in dead]


# --- building the merged Event ---------------------------------------------------------------


def event_id(mention_ids: Sequence[str]) -> str:
    return "e" + hashlib.sha1("\n".join(sorted(mention_ids)).encode()).hexdigest()[:12]


def _most_common(values: Sequence[T]) -> T:
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _union_actors(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """One actor per code (or per name when uncoded), in first-seen order, each shown by its
    most informative wording across the mentions: a name before a description before a
    pronoun ("Iran's foreign ministry" rather than "it"), then the most frequent."""
    rank = {"named": 0, "generic": 1, "pronoun": 2, "drop": 3}
    groups: dict[str, list[Actor]] = {}
    for a in actors:
        groups.setdefault(a.code or "@" + name_key(a.name), []).append(a)
    out = []
    for members in groups.values():
        counts = Counter(a.name for a in members)
        out.append(
            min(
                members,
                key=lambda a: (rank[alias_class(a.name, (), ())], -counts[a.name]),
            )
        )
    return tuple(out)


def _source(x: _M, value: str) -> SourceValue:
    return SourceValue(
        value=value,
        mention_id=x.m.id,
        article_id=x.m.article_id,
        outlet=x.outlet or None,
        sentence=x.m.sentence,
    )


def _date_text(m: EventMention) -> str:
    return f"{m.date}..{m.date_end}" if m.date_end and m.date_end != m.date else str(m.date)


def discrepancies(members: Sequence[_M]) -> tuple[Discrepancy, ...]:
    out: list[Discrepancy] = []
    kinds: dict[str, list[SourceValue]] = defaultdict(list)
    for x in members:
        seen: set[str] = set()
        for q in x.m.quantities:
            if q.kind in seen:
                continue
            seen.add(q.kind)
            kinds[q.kind].append(_source(x, ("~" if q.approximate else "") + str(q.value)))
    for kind in sorted(kinds):
        vals = kinds[kind]
        if len({v.value.lstrip("~") for v in vals}) > 1:
            out.append(Discrepancy(kind, tuple(vals)))
    # dates the text states (publication defaults are not a statement)
    dated = [x for x in members if x.m.date and x.iv and x.m.date_source != "publication"]
    if dated:
        days = {x.m.date for x in dated if (x.m.date_precision or "day") == "day"}
        stated = [iv for x in dated if (iv := interval(x.m, 0, vague_years=False))]
        apart = any(max(a[0] - b[1], b[0] - a[1]) > 0 for a in stated for b in stated)
        if len(days) > 1 or apart:
            out.append(Discrepancy("date", tuple(_source(x, _date_text(x.m)) for x in dated)))
    # places: a city and the region/country holding it are not a disagreement, two cities
    # (or two regions) are
    for level in ("city", "region"):
        placed = [x for x in members if x.m.location and x.m.location.precision == level]
        if len({x.place_key for x in placed}) > 1:
            out.append(
                Discrepancy(
                    "place",
                    tuple(_source(x, x.m.location.name) for x in placed if x.m.location),
                )
            )
            break
    return tuple(out)


def _in_quote(m: EventMention, quotes: Sequence[Quote]) -> Quote | None:
    for q in quotes:
        if q.span.contains(m.trigger):
            return q
    return None


def framing(
    members: Sequence[_M], quotes_by_article: Mapping[str, Sequence[Quote]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    words: dict[str, list[str]] = {}
    for x in members:
        q = _in_quote(x.m, quotes_by_article.get(x.m.article_id, ()))
        if q is not None or x.m.speaker is not None:
            who = q.speaker if q is not None and q.speaker else x.m.speaker
            key = f"speaker: {who.name if who else 'unattributed'}"
        else:
            key = x.outlet or x.m.article_id
        ws = x.m.framing or ((x.m.trigger_lemma,) if x.m.trigger_lemma else ())
        bucket = words.setdefault(key, [])
        for w in ws:
            if w and w not in bucket:
                bucket.append(w)
    return tuple((k, tuple(v)) for k, v in sorted(words.items()))


def build_event(
    c: _C, story_id: str | None, quotes_by_article: Mapping[str, Sequence[Quote]]
) -> Event:
    ms = [x.m for x in c.members]
    mids = [m.id for m in ms]
    eid = event_id(mids)
    etype = _most_common([m.event for m in ms])
    typed = [m for m in ms if m.event == etype]
    cameo = _most_common([m.cameo for m in typed])
    intensity = next(m.intensity for m in typed if m.cameo == cameo)
    modes = [m.mode for m in typed if m.mode]
    facts = [m.factuality for m in ms]
    factuality: Factuality = "asserted" if "asserted" in facts else _most_common(facts)
    context = tuple(dict.fromkeys(c for m in ms for c in m.context))
    # the agreed date: text dates before defaults, then the finest precision, then majority
    dated = [m for m in ms if m.date]
    date = date_end = prec = None
    if dated:
        # a date the text states beats the publication-date default, however precise
        best_rank = min(
            (m.date_source == "publication", _PREC_RANK.get(m.date_precision or "day", 0))
            for m in dated
        )
        finest = [
            m
            for m in dated
            if (m.date_source == "publication", _PREC_RANK.get(m.date_precision or "day", 0))
            == best_rank
        ]
        date = _most_common([m.date or "" for m in finest])
        pick = next(m for m in finest if m.date == date)
        date_end, prec = pick.date_end, pick.date_precision
    located = [m.location for m in ms if m.location is not None]
    location: Place | None = None
    if located:
        rank = min(_PLACE_RANK.get(p.precision, 9) for p in located)
        finest_places = [p for p in located if _PLACE_RANK.get(p.precision, 9) == rank]
        name = _most_common([p.name for p in finest_places])
        location = next(p for p in finest_places if p.name == name)
    qty: dict[str, Quantity] = {}
    for m in ms:
        for q in m.quantities:
            if q.kind not in qty or q.value > qty[q.kind].value:
                qty[q.kind] = q  # max-credible; each outlet's figure is in discrepancies
    seed = c.members[0]
    head = (
        f"{seed.m.id} started {eid}: {seed.m.event} {seed.m.date or 'undated'}, "
        f"{seed.actor.label or '?'} -> {seed.recipient.label or '?'}"
        + (f", {seed.m.location.name}" if seed.m.location else "")
    )
    explanation = (head,) + tuple(
        f"{x.m.id} joined {eid}: {r}" for x, r in zip(c.members[1:], c.reasons, strict=True)
    )
    return Event(
        id=eid,
        story_id=story_id,
        mention_ids=tuple(mids),
        event=etype,
        cameo=cameo,
        intensity=intensity,
        factuality=factuality,
        mode=_most_common(modes) if modes else None,
        context=context,
        actor=_union_actors([a for m in ms for a in m.actor]),
        recipient=_union_actors([a for m in ms for a in m.recipient]),
        date=date,
        date_end=date_end,
        date_precision=prec,
        location=location,
        quantities=tuple(qty[k] for k in sorted(qty)),
        discrepancies=discrepancies(c.members),
        framing=framing(c.members, quotes_by_article),
        explanation=explanation,
    )


def mention_features(
    mentions: Sequence[EventMention],
    articles: Mapping[str, Article],
    story_of: Mapping[str, str],
    entity_keys: Mapping[tuple[str, str], str],
    idf: Mapping[str, float],
    kb: MergeKnowledge,
    p: EventParams,
) -> list[_M]:
    out = []
    for m in mentions:
        art = articles.get(m.article_id)
        text = art.text if art is not None else ""
        ekeys = _ArticleKeys(entity_keys, m.article_id)
        iv = interval(m, p.publication_lookback_days)
        loc = m.location
        out.append(
            _M(
                m=m,
                outlet=(art.outlet or art.source) if art is not None else "",
                story=story_of.get(m.article_id),
                group=kb.type_group.get(m.event, m.event),
                fclass=_fclass(m.factuality),
                iv=iv,
                prec=_PREC_RANK.get(m.date_precision or "day", 0) if iv else len(_PREC_RANK),
                actor=_side(m.actor, ekeys, kb),
                recipient=_side(m.recipient, ekeys, kb),
                place_key=name_key(loc.name) if loc and loc.precision != "country" else None,
                place_country=loc.country if loc else None,
                place_city=bool(loc and loc.precision == "city"),
                vec=tfidf(content_words(m.sentence.of(text)), idf) if text else {},
                evaluative=evaluative_subject(m, text, kb),
            )
        )
    return out


class _ArticleKeys(Mapping[str, str]):
    """name key -> story entity key for one article (a view on the story lookup)."""

    def __init__(self, lookup: Mapping[tuple[str, str], str], article_id: str) -> None:
        self._lookup, self._aid = lookup, article_id

    def __getitem__(self, k: str) -> str:
        return self._lookup[(self._aid, k)]

    def __iter__(self) -> Iterator[str]:
        return iter(k for (a, k) in self._lookup if a == self._aid)

    def __len__(self) -> int:
        return sum(1 for (a, _) in self._lookup if a == self._aid)
