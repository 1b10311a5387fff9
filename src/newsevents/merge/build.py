"""One merged Event from a cluster of mentions: its id, date, actors, figures, each outlet's
values where they disagree, and each outlet's framing words."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeVar

from ..model import (
    Actor,
    Discrepancy,
    Event,
    EventMention,
    Factuality,
    Place,
    Quantity,
    Quote,
    SourceValue,
)
from .cluster import Cluster
from .features import PLACE_RANK, PREC_RANK, Features, in_quote, interval
from .figures import figure_ranges
from .names import plain_alias_class
from .text import name_key

T = TypeVar("T")


def event_id(mention_ids: Sequence[str]) -> str:
    return "e" + hashlib.sha1("\n".join(sorted(mention_ids)).encode()).hexdigest()[:12]


def _most_common(values: Sequence[T]) -> T:
    counts = Counter(values)
    best = max(counts.values())
    return next(v for v in values if counts[v] == best)


def _actor_key(a: Actor) -> str:
    return a.code or "@" + name_key(a.name)


def _union_actors(sides: Sequence[Sequence[Actor]]) -> tuple[Actor, ...]:
    """One actor per code (or per name when uncoded) over the mentions' ``sides``, ordered
    coded before uncoded, then by how many mentions name it, then first seen: the row's
    dyad and the GDELT export's Actor1/Actor2 are the first of each side, so they are the
    mentions' consensus, not whichever mention started the event. Each is shown by its most
    informative wording across the mentions: a name before a description before a pronoun
    ("Iran's foreign ministry" rather than "it"), then the most frequent."""
    rank = {"named": 0, "generic": 1, "pronoun": 2, "drop": 3}
    groups: dict[str, list[Actor]] = {}
    support: Counter[str] = Counter()
    for side in sides:
        for key in {_actor_key(a) for a in side}:
            support[key] += 1
        for a in side:
            groups.setdefault(_actor_key(a), []).append(a)
    order = {key: i for i, key in enumerate(groups)}
    keys = sorted(groups, key=lambda k: (k.startswith("@"), -support[k], order[k]))
    out = []
    for key in keys:
        members = groups[key]
        counts = Counter(a.name for a in members)
        out.append(
            min(
                members,
                key=lambda a: (rank[plain_alias_class(a.name)], -counts[a.name]),
            )
        )
    return tuple(out)


def _source(x: Features, value: str) -> SourceValue:
    return SourceValue(
        value=value,
        mention_id=x.m.id,
        article_id=x.m.article_id,
        outlet=x.outlet or None,
        sentence=x.m.sentence,
    )


def _date_text(m: EventMention) -> str:
    return f"{m.date}..{m.date_end}" if m.date_end and m.date_end != m.date else str(m.date)


def discrepancies(members: Sequence[Features]) -> tuple[Discrepancy, ...]:
    out: list[Discrepancy] = []
    # figures: outlets disagree when their current figures differ; one outlet's update
    # ("the toll rose to 12") supersedes its earlier figure and is no disagreement (both stay
    # in the event's figures, merge.figures)
    for fr in figure_ranges(members):
        current = [f for f in fr.figures if not f.superseded]
        if len({f.value for f in current}) > 1:
            by_mention = {x.m.id: x for x in members}
            out.append(
                Discrepancy(
                    fr.kind,
                    tuple(
                        _source(
                            by_mention[f.mention_id], ("~" if f.approximate else "") + str(f.value)
                        )
                        for f in fr.figures
                    ),
                )
            )
    # dates the text states (publication defaults are not a statement)
    dated = [
        x
        for x in members
        if x.m.date and x.iv and x.m.date_source not in ("publication", "context")
    ]
    if dated:
        days = {x.m.date for x in dated if (x.m.date_precision or "day") == "day"}
        stated = [iv for x in dated if (iv := interval(x.m, 0, vague_years=False))]
        apart = any(max(a[0] - b[1], b[0] - a[1]) > 0 for a in stated for b in stated)
        if len(days) > 1 or apart:
            out.append(Discrepancy("date", tuple(_source(x, _date_text(x.m)) for x in dated)))
    # places: a city and the region/country holding it are not a disagreement, two cities
    # (or two regions) are
    for level in ("city", "district", "province", "region"):
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


def framing(
    members: Sequence[Features], quotes_by_article: Mapping[str, Sequence[Quote]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    words: dict[str, list[str]] = {}
    for x in members:
        q = in_quote(x.m, quotes_by_article.get(x.m.article_id, ()))
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
    c: Cluster, story_id: str | None, quotes_by_article: Mapping[str, Sequence[Quote]]
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
            (
                m.date_source in ("publication", "context"),
                PREC_RANK.get(m.date_precision or "day", 0),
            )
            for m in dated
        )
        finest = [
            m
            for m in dated
            if (
                m.date_source in ("publication", "context"),
                PREC_RANK.get(m.date_precision or "day", 0),
            )
            == best_rank
        ]
        date = _most_common([m.date or "" for m in finest])
        pick = next(m for m in finest if m.date == date)
        date_end, prec = pick.date_end, pick.date_precision
    located = [m.location for m in ms if m.location is not None]
    location: Place | None = None
    if located:
        rank = min(PLACE_RANK.get(p.precision, 9) for p in located)
        finest_places = [p for p in located if PLACE_RANK.get(p.precision, 9) == rank]
        name = _most_common([p.name for p in finest_places])
        location = next(p for p in finest_places if p.name == name)
    figures = figure_ranges(c.members)
    qty: dict[str, Quantity] = {}
    for r in figures:  # the headline figure is the best estimate (see merge.figures)
        f = next(f for f in r.figures if f.value == r.best and not f.superseded)
        m = next(m for m in ms if m.id == f.mention_id)
        qty[r.kind] = next(q for q in m.quantities if q.kind == r.kind and q.value == r.best)
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
        actor=_union_actors([m.actor for m in ms]),
        recipient=_union_actors([m.recipient for m in ms]),
        date=date,
        date_end=date_end,
        date_precision=prec,
        location=location,
        quantities=tuple(qty[k] for k in sorted(qty)),
        discrepancies=discrepancies(c.members),
        framing=framing(c.members, quotes_by_article),
        explanation=explanation,
        figures=figures,
    )
