"""The dateline: where the outlet reports from, and a prior for the local events it tells.

"CITY, Sept 12 (Outlet) -" says where the reporter is, not where each event happened: an
event whose own words place it keeps that place (a locative phrase places an event). The
dateline city is given only to an act done on the spot (not one done by word or decision at a
distance: the event types with the ``remote`` trait), that its sentence leaves unplaced, that
happened at most
``dateline_days`` before publication (a local event reported now, not background), whose
sentence names no place in another country (an event told from the city about elsewhere), and,
when the text names other countries but never the dateline's (a bureau abroad: "NAIROBI -
... in Ethiopia"), whose coded sides, if they name countries, include the dateline's.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date

from spacy.tokens import Span as SpacySpan

from ...model import Document, EventMention, Place, Span
from ..datelines import document_datelines
from .gazetteer import Gazetteer
from .names import locative_slot


def dateline_place(doc: Document, gaz: Gazetteer, context: Counter[str]) -> Place | None:
    """The dateline's place (its span set on the city's name), or None without a dateline."""
    for m in document_datelines(doc, gaz.datelines, gaz.settings.dateline_chars):
        ctx = context
        where = _where(gaz, m)
        if where is not None:  # "KIRKUK, Iraq": the writer said which one
            ctx = context + Counter({where: 10_000})
        place = gaz.dateline(m.group("city"), ctx)
        if place is not None:
            span = Span(m.start("city"), m.end("city"))
            return dataclasses.replace(place, span=span, source="dateline")
    return None


def _where(gaz: Gazetteer, m: re.Match[str]) -> str | None:
    """Alpha-2 of the country or province written after the dateline's city."""
    if "where" not in m.re.groupindex or not m.group("where"):
        return None
    return gaz.alpha2_of(m.group("where"))


def place_by_dateline(
    doc: Document,
    events: list[EventMention],
    home: Place,
    gaz: Gazetteer,
    ents: list[SpacySpan],
    context: Counter[str],
    *,
    abroad: bool = False,
) -> list[EventMention]:
    """Give the dateline's place to the local events the text does not place. ``abroad``:
    the text names other countries but never the dateline's, so the outlet reports from a
    bureau abroad, and an act whose sides are of other countries did not happen there."""
    pub = day_of(doc.article.published)
    if pub is None:
        return events
    out: list[EventMention] = []
    for ev in events:
        if (
            ev.location is None
            and ev.event not in gaz.cues.remote_events
            and _recent(ev, pub, gaz)
            and not _elsewhere(ev, home, gaz, ents, context)
            and not unlisted_place(doc, ev, gaz)
            and not _told_abroad(ev, events, home, gaz)
            and not (abroad and _foreign_parties(ev, home, gaz))
        ):
            ev = dataclasses.replace(ev, location=home)
        out.append(ev)
    return out


def _foreign_parties(ev: EventMention, home: Place, gaz: Gazetteer) -> bool:
    """True when the event's coded sides name countries and the dateline's is none of them
    ("NAIROBI - ... Ethiopian troops shelled ..."): a bureau abroad reports the act, which
    is no local event of the bureau's city."""
    iso3 = gaz.alpha2_of_alpha3.keys()  # not IGO, NGO, UNO...
    countries = {a.code[:3] for a in (*ev.actor, *ev.recipient) if a.code} & iso3
    return bool(countries) and home.country not in countries


def _told_abroad(ev: EventMention, events: list[EventMention], home: Place, gaz: Gazetteer) -> bool:
    """True when the act told last before this one, whose own words placed it, lies in
    another country than the dateline's: the story has moved abroad ("WASHINGTON - US jets
    struck targets in Yemen ... The strikes destroyed radar sites"), and the reporter's city
    is no prior for it."""
    before = [
        e
        for e in events
        if e.trigger.start < ev.trigger.start
        and e.location is not None
        and e.location.source == "text"
        and e.event not in gaz.cues.remote_events
    ]
    if not before:
        return False
    last = max(before, key=lambda e: e.trigger.start)
    assert last.location is not None
    return last.location.country is not None and last.location.country != home.country


def day_of(value: str | None) -> date | None:
    """The day an ISO date names, or None when it names no day."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _recent(ev: EventMention, pub: date, gaz: Gazetteer) -> bool:
    """The event's day is known and at most ``dateline_days`` before publication."""
    if ev.date_precision != "day":
        return False
    day = day_of(ev.date)
    return day is not None and 0 <= (pub - day).days <= gaz.settings.dateline_days


def unlisted_place(doc: Document, ev: EventMention, gaz: Gazetteer) -> bool:
    """True when the event's sentence puts a proper name the gazetteer does not list in a
    locative phrase ("killed nine near Barsalogho"): the text places the event somewhere
    we cannot resolve, which is not the dateline's city."""
    toks = doc.tokens(ev.sentence)
    if toks is None:
        return False
    for tok in toks:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "DATE", "TIME"):
            continue
        if not tok.text[:1].isupper():
            continue  # "at the labour ministry" (the small tagger's proper noun): no name
        if not locative_slot(tok, gaz) or tok.head.lower_ in gaz.cues.city_only_locatives:
            continue
        if tok.lower_ in gaz.cues.quarter_nouns or (
            tok.dep_ in ("compound", "nmod") and tok.head.lower_ in gaz.cues.quarter_nouns
        ):
            continue  # "in the X quarter", "along X Avenue": a spot in the story's town
        start = tok.left_edge.i if tok.dep_ == "pobj" else tok.i
        name = tok.doc[start : tok.i + 1].text
        if gaz.lookup(name) is None and gaz.landmark(name) is None:
            return True
    return False


def _elsewhere(
    ev: EventMention,
    home: Place,
    gaz: Gazetteer,
    ents: list[SpacySpan],
    context: Counter[str],
) -> bool:
    """True when the event's sentence names a place of another country than the dateline's:
    a city, or a country or region in a locative phrase."""
    for ent in ents:
        if not (ev.sentence.start <= ent.start_char and ent.end_char <= ev.sentence.end):
            continue
        got = gaz.lookup(ent.text, context)
        if got is None or got.country == home.country or gaz.capital_as_party(ent):
            continue
        # a country as the actor or owner ("Iran fired", "a US drone"), a capital as one
        # ("Washington said") says nothing of where; a city, or any place in a locative
        # phrase, does
        if got.precision == "city" or locative_slot(ent.root, gaz):
            return True
    return False
