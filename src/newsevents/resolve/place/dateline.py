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
from collections.abc import Callable
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Document, EventMention, Place, Span
from ...within import containing
from ..datelines import dateline_matches
from .gazetteer import Gazetteer
from .names import locative_slot


def dateline_place(doc: Document, gaz: Gazetteer, context: Counter[str]) -> Place | None:
    """The dateline's place (its span set on the city's name), or None without a dateline."""
    text = doc.article.text
    for m in dateline_matches(text, gaz.datelines, gaz.settings.dateline_chars):
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
    pub = _day(doc.article.published)
    if pub is None:
        return events
    out: list[EventMention] = []
    for ev in events:
        if (
            ev.location is None
            and ev.event not in gaz.cues.remote_events
            and _recent(ev, pub, gaz)
            and not _elsewhere(ev, home, gaz, ents, context)
            and not _unlisted_place(doc, ev, gaz)
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


def follow_previous(
    doc: Document,
    events: list[EventMention],
    gaz: Gazetteer,
    ents: list[SpacySpan],
    resolve: Callable[[SpacySpan], Place | None] | None = None,
) -> list[EventMention]:
    """An act on the spot whose sentence names no place (a place named only as where people
    came from, "troops were sent from Juba to the area", or where a report was given, "a
    spokesman told journalists in X", does not count) goes on with the
    story told before it: the nearest earlier sentence that names a place in a locative
    phrase decides. When that sentence placed its acts on the spot in one place, names no
    other locative place and their days agree, the act is there ("Gunmen attacked a market
    in X on Monday. [An official said ...] Police fired tear gas at the crowd on Monday.").
    Sentences naming no locative place (statements, quotes, background) are skipped, but a
    sentence further back than the one right before links only when both acts tell their
    day; a sentence with several locative places, or with a locative place no act of it
    was given, ends the search (which one? another scene). A wire report's paragraphs are a
    sentence or two long, so a paragraph break does not end it.

    With ``resolve`` (a name -> its place): an act told by a verb whose sentence names one
    place, in a locative phrase, and no other, is there even when the parse hangs the phrase
    elsewhere ("gunmen kidnapped 39 girls from their dormitory in X": one sentence, one
    scene)."""
    remote = gaz.cues.remote_events
    order = {s.start: i for i, s in enumerate(doc.sentences)}
    names: dict[int, set[str]] = {}  # sentence -> the place names it holds (not origins)
    where: dict[int, set[str]] = {}  # sentence -> the names in its locative phrases
    first: dict[tuple[int, str], SpacySpan] = {}  # (sentence, name) -> its first locative use
    start_of = _sentence_starts(doc)
    for e in ents:
        i = order.get(start_of(e.start_char), -1)
        if not _origin(e.root, gaz) and not _where_said(e.root, gaz) and not _feature(e, gaz):
            names.setdefault(i, set()).add(gaz.key(e.text))
        if locative_slot(e.root, gaz) and not _feature(e, gaz):
            where.setdefault(i, set()).add(gaz.key(e.text))
            first.setdefault((i, gaz.key(e.text)), e)

    def only_place(i: int) -> Place | None:
        """The one place sentence ``i`` names, in a locative phrase, naming no other (nor
        where a report was given: "told journalists in X"): a proper name ("the city" is
        only a back-reference) below a country ("groups in the US staged protests": a
        country there says who the doers are)."""
        if resolve is None or len(where.get(i, ())) != 1 or names.get(i, set()) != where[i]:
            return None
        (key,) = where[i]
        if key in gaz.cues.home_nouns or key in gaz.cues.capital_nouns:
            return None
        place = resolve(first[(i, key)])
        if place is None or place.precision == "country":
            return None
        return dataclasses.replace(place, source="text")

    placed: dict[int, dict[tuple[str, str | None, str], EventMention]] = {}
    for ev in events:
        loc = ev.location
        if loc is not None and loc.source == "text" and ev.event not in remote:
            i = order.get(ev.sentence.start, -1)
            placed.setdefault(i, {}).setdefault((loc.name, loc.country, loc.precision), ev)
    out: list[EventMention] = []
    for ev in events:
        i = order.get(ev.sentence.start, -1)
        here = placed.get(i, {})
        if (
            ev.location is None
            and ev.event not in remote
            and len(here) == 1
            and names.get(i, set()) <= where.get(i, set())
            and len(where.get(i, ())) == 1
        ):
            # its own sentence placed its acts on the spot in the one place it names ("police
            # detained 30 people in X after protesters marched to parliament")
            (before,) = here.values()
            if _same_days(before, ev, gaz):
                ev = dataclasses.replace(ev, location=before.location)
        if ev.location is None and ev.event not in remote and not here and _told_by_verb(doc, ev):
            # the one place its sentence names, in a locative phrase the parse hung elsewhere
            found = only_place(i)
            if found is not None:
                ev = dataclasses.replace(ev, location=found)
        if (
            ev.location is None
            and ev.event not in remote
            and i > 0
            and i not in names
            and not _unlisted_place(doc, ev, gaz)  # "at a base in the Upper Galilee"
        ):
            found = _story_place(ev, i, placed, where, gaz)
            if found is not None:
                ev = dataclasses.replace(ev, location=found)
        out.append(ev)
    return out


def _story_place(
    ev: EventMention,
    i: int,
    placed: dict[int, dict[tuple[str, str | None, str], EventMention]],
    where: dict[int, set[str]],
    gaz: Gazetteer,
) -> Place | None:
    """The place of the acts of the nearest earlier sentence that names a place in a
    locative phrase (see :func:`follow_previous`), or None."""
    for j in range(i - 1, -1, -1):
        acts = placed.get(j, {})
        if not acts and not where.get(j):
            continue  # no locative place: a statement, a quote, background
        if len(acts) != 1 or len(where.get(j, ())) > 1:
            return None  # "nurses in X ..., porters in Y": which? or a place no act has
        (before,) = acts.values()
        if j < i - 1 and not (before.date_source == ev.date_source == "text"):
            return None  # further back, only a day the text gives both links the two acts
        return before.location if _same_days(before, ev, gaz) else None
    return None


def _told_by_verb(doc: Document, ev: EventMention) -> bool:
    """True when a verb tells the act ("gunmen kidnapped ..."); an event noun ("the Wabag
    attack", "the shooting in X") often names another act than the sentence's own."""
    toks = doc.tokens(ev.trigger)
    return toks is not None and toks.root.pos_ == "VERB"


def _feature(ent: SpacySpan, gaz: Gazetteer) -> bool:
    """True for a facility or feature name the gazetteer does not know ("on X Avenue in
    Tbilisi", "at the Y transit centre"): a spot inside a place, not a second place."""
    return (
        ent.label_ in ("FAC", "LOC", "ORG")
        and gaz.lookup(ent.text) is None
        and gaz.landmark(ent.text) is None
    )


def _where_said(tok: Token, gaz: Gazetteer) -> bool:
    """True when a place name only says where a report was given ("a spokesman told
    journalists in X", "said in a statement issued in X"): the first verb above it, past
    participles modifying a noun ("a statement issued in X"), is a reporting verb, reached
    other than through its subject ("police in X said" names the speakers' own place)."""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("acl", "amod"):
            return cur.lemma_.lower() in gaz.cues.report_verbs
    return False


def _origin(tok: Token, gaz: Gazetteer) -> bool:
    """True when a place name only says where people or things came from ("refugees from
    X", "sent from X"), not where an act happened ("20 km from X" locates)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "from":
        return False
    return tok.head.head.lower_ not in gaz.cues.directions


def _sentence_starts(doc: Document) -> Callable[[int], int]:
    """:func:`_sentence_start` of the document, by a binary search over its sentences."""
    sents = doc.sentences
    index = containing([s.start for s in sents], [s.end for s in sents])
    if index is None:
        return lambda char: _sentence_start(doc, char)

    def start(char: int) -> int:
        k = index(char)
        return sents[k].start if k >= 0 else -1

    return start


def _sentence_start(doc: Document, char: int) -> int:
    for sent in doc.sentences:
        if sent.start <= char < sent.end:
            return sent.start
    return -1


def _same_days(a: EventMention, b: EventMention, gaz: Gazetteer) -> bool:
    """False when both acts are dated and their dates disagree: days further apart than
    ``dateline_days``, or another month or year at the coarser precision."""
    if not a.date or not b.date:
        return True
    da, db = _day(a.date), _day(b.date)
    if da is None or db is None:
        n = min(len(a.date), len(b.date))
        return a.date[:n] == b.date[:n]
    return abs((da - db).days) <= gaz.settings.dateline_days


def _day(value: str | None) -> date | None:
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
    day = _day(ev.date)
    return day is not None and 0 <= (pub - day).days <= gaz.settings.dateline_days


def _unlisted_place(doc: Document, ev: EventMention, gaz: Gazetteer) -> bool:
    """True when the event's sentence puts a proper name the gazetteer does not list in a
    locative phrase ("killed nine near Barsalogho"): the text places the event somewhere
    we cannot resolve, which is not the dateline's city."""
    toks = doc.tokens(ev.sentence)
    if toks is None:
        return False
    for tok in toks:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "DATE", "TIME"):
            continue
        if not locative_slot(tok, gaz) or tok.head.lower_ in gaz.cues.city_only_locatives:
            continue
        if tok.dep_ in ("compound", "nmod") and tok.head.lower_ in gaz.cues.quarter_nouns:
            continue  # "in the X quarter": a spot in the story's town
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
        if got is None or got.country == home.country:
            continue
        # a country as the actor or owner ("Iran fired", "a US drone") says nothing of
        # where; a city, or any place in a locative phrase, does
        if got.precision == "city" or locative_slot(ent.root, gaz):
            return True
    return False
