"""A generated multi-outlet corpus for timing (and sanity-checking) merge at scale.

Stories of a few related events between synthetic countries, each event reported by one
to four outlets with varying date precision, noisy casualty figures and some speculation.
Names and codes are made up (``QAB``, ``City17``); nothing here is real data.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, NamedTuple

from ..model import (
    Actor,
    Article,
    DatePrecision,
    EventMention,
    EventType,
    Factuality,
    Place,
    Quantity,
    Span,
)

_TYPES: tuple[tuple[EventType, str, float, str], ...] = (
    ("ASSAULT", "190", -10.0, "struck"),
    ("PROTEST", "140", -6.5, "protested against"),
    ("COERCE", "170", -7.0, "arrested members of"),
    ("CONSULT", "040", 1.0, "met"),
    ("THREATEN", "130", -4.4, "threatened"),
    ("AID", "070", 7.0, "sent aid to"),
    ("SANCTION", "163", -8.0, "imposed sanctions on"),
    ("ACCUSE", "112", -2.0, "accused"),
)
_OUTLETS = tuple(f"Outlet {i}" for i in range(12))


class _Told(NamedTuple):
    """One event as one outlet's sentence tells it, before its article id is known."""

    start: int
    sentence: str
    key: str
    etype: EventType
    cameo: str
    gs: float
    verb: str
    actor: str
    recip: str
    killed: int
    precision: DatePrecision
    date: str | None
    source: str | None
    fact: Factuality


def synthetic_corpus(
    n: int, seed: int = 0
) -> tuple[list[Article], list[EventMention], dict[str, str]]:
    """About ``n`` mentions, their articles, and the true event key of every mention id."""
    rng = random.Random(seed)
    countries = [f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(80)]
    vocab = [f"topic{i}" for i in range(4000)]
    base = dt.date(2020, 1, 1).toordinal()
    articles: list[Article] = []
    mentions: list[EventMention] = []
    gold: dict[str, str] = {}
    story_no = 0
    while len(mentions) < n:
        story_no += 1
        a, b = rng.sample(countries, 2)
        city = f"City{rng.randrange(2000)}"
        start = base + rng.randrange(730)
        words = rng.sample(vocab, 6)
        events: list[tuple[Any, ...]] = []
        for e in range(rng.randint(2, 6)):
            kind = rng.choice(_TYPES)
            actor, recip = (a, b) if rng.random() < 0.7 else (b, a)
            events.append(
                (
                    f"s{story_no}e{e}",
                    kind,
                    start + rng.randrange(4),
                    actor,
                    recip,
                    rng.randrange(3, 60),
                )
            )
        outlets = rng.sample(_OUTLETS, rng.randint(2, 5))
        for k, outlet in enumerate(outlets):
            told = [ev for ev in events if rng.random() < 0.6] or [events[0]]
            parts = [f"{' '.join(words[:3])} {city} {a} {b}.\n\n"]
            pending: list[_Told] = []
            for key, (etype, cameo, gs, verb), day, actor, recip, killed in told:
                r = rng.random()
                precision: DatePrecision = "day"
                iso = dt.date.fromordinal(day).isoformat()
                date: str | None = iso
                source: str | None = "text"
                if r < 0.05:
                    precision, date = "month", iso[:7]
                elif r < 0.08:
                    date = source = None
                fact: Factuality = (
                    "hypothetical" if rng.random() < 0.07 else rng.choice(("asserted", "reported"))
                )
                noisy = killed + (rng.randint(-3, 3) if rng.random() < 0.3 else 0)
                filler = " ".join(rng.sample(words, 3))
                sentence = f"{actor} forces {verb} {recip} in {city} ({filler}), killing {noisy}."
                s0 = sum(len(p) for p in parts)
                parts.append(sentence + " ")
                pending.append(
                    _Told(s0, sentence, key, etype, cameo, gs, verb, actor, recip, noisy,
                          precision, date, source, fact)
                )  # fmt: skip
            text = "".join(parts)
            published = dt.date.fromordinal(max(ev[2] for ev in told) + rng.randint(0, 1))
            aid = f"syn{story_no}-{k}"
            articles.append(
                Article(
                    id=aid,
                    source=f"synthetic:{aid}",
                    format="txt",
                    text=text,
                    title=f"{words[0]} {city}",
                    outlet=outlet,
                    published=published.isoformat(),
                )
            )
            for idx, t in enumerate(pending):
                a0 = t.start
                r0 = t.start + t.sentence.index(t.recip, len(t.actor))
                t0 = t.start + t.sentence.index(t.verb.split()[0])
                c0 = t.start + t.sentence.index(city)
                mention = EventMention(
                    article_id=aid,
                    index=idx,
                    sentence=Span(t.start, t.start + len(t.sentence)),
                    trigger=Span(t0, t0 + len(t.verb.split()[0])),
                    event=t.etype,
                    cameo=t.cameo,
                    intensity=t.gs,
                    factuality=t.fact,
                    actor=(Actor(Span(a0, a0 + len(t.actor) + 7), t.actor, t.actor, "MIL"),),
                    recipient=(Actor(Span(r0, r0 + len(t.recip)), t.recip, t.recip),),
                    quantities=(Quantity("killed", t.killed, False, Span(t.start, t.start + 1)),)
                    if t.etype == "ASSAULT"
                    else (),
                    rule="synthetic",
                    trigger_lemma=t.verb.split()[0],
                    framing=(t.verb.split()[0],),
                    date=t.date,
                    date_precision=t.precision if t.date else None,
                    date_source=t.source,
                    location=Place(city, None, None, None, "city", Span(c0, c0 + len(city))),
                )
                mentions.append(mention)
                gold[mention.id] = t.key + ("" if t.fact != "hypothetical" else ":hyp")
    return articles, mentions, gold


def synthetic_mentions(n: int, seed: int = 0) -> tuple[list[Article], list[EventMention]]:
    """About ``n`` generated mentions and their articles (for ``make bench``)."""
    articles, mentions, _ = synthetic_corpus(n, seed)
    return articles, mentions
