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

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from .features import EventParams, Features, Side, iso_day
from .knowledge import MergeKnowledge
from .text import Vector, add_into, cosine


@dataclass
class Cluster:
    idx: int
    group: str
    fclass: str
    members: list[Features] = field(default_factory=list)
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
        if (
            x.m.date
            and x.m.date_source not in ("publication", "context")
            and x.iv
            and x.iv[0] == x.iv[1]
        ):
            self.stated.add((x.outlet, x.m.date))
        add_into(self.vec, x.vec)


def _compare_side(
    side: Side,
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
    x: Features, c: Cluster, kb: MergeKnowledge, p: EventParams, slack: int = 0
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
        shown = f"dates {x.m.date} vs {iso_day(c.iv[0])}" + (
            f"..{iso_day(c.iv[1])}" if c.iv[1] != c.iv[0] else ""
        )
        weak = x.m.date_source in ("publication", "context")
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


def cluster_mentions(feats: list[Features], kb: MergeKnowledge, p: EventParams) -> list[Cluster]:
    """Greedy blocked clustering of mention features into events."""
    order = sorted(
        feats,
        key=lambda x: (
            x.prec,
            x.m.date_source
            in ("publication", "context"),  # stated dates seed events, defaults join them
            x.iv[0] if x.iv else 1 << 30,
            x.outlet,
            x.m.article_id,
            x.m.index,
        ),
    )
    clusters: list[Cluster] = []
    by_week: dict[tuple[str, str], dict[int, list[Cluster]]] = defaultdict(
        lambda: defaultdict(list)
    )
    by_story: dict[tuple[str, str, str | None], list[Cluster]] = defaultdict(list)
    for x in order:
        key = (x.group, x.fclass)
        cands: dict[int, Cluster] = {}
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

            def near(c: Cluster, mid: float = mid) -> tuple[float, int]:
                return (abs((c.iv[0] + c.iv[1]) / 2 - mid) if c.iv else 0.0, c.idx)

            pool.sort(key=near)
            pool = pool[: p.max_candidates]
        best: tuple[float, int, str, Cluster] | None = None
        for c in pool:
            got = _score(x, c, kb, p, 0)
            if got is None or got[0] < p.threshold:
                continue
            if best is None or (got[0], -c.idx) > (best[0], -best[1]):
                best = (got[0], c.idx, got[1], c)
        if best is not None:
            best[3].add(x, best[2])
            continue
        c = Cluster(idx=len(clusters), group=x.group, fclass=x.fclass)
        c.add(x, None)
        clusters.append(c)
        if x.iv is not None:
            for w in range(x.iv[0] // 7, x.iv[1] // 7 + 1):
                by_week[key][w].append(c)
        by_story[(*key, x.story)].append(c)
    return _join_across_days(clusters, by_week, kb, p)


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
    by_week: Mapping[tuple[str, str], Mapping[int, list[Cluster]]],
    kb: MergeKnowledge,
    p: EventParams,
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
        weeks = by_week[(b.group, b.fclass)]
        lo, hi = (b.iv[0] - p.date_slack_days) // 7, (b.iv[1] + p.date_slack_days) // 7
        best: tuple[float, int, str, Cluster] | None = None
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
