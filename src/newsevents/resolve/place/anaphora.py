"""A definite place noun standing for a place the article named before.

"the town's police station", "on the edge of the town", "in the province", "south of the
city", "a rally in the Black Sea city": a place noun (place_cues.tsv ``place_noun``) with
"the" and no name of its own, in the event's place phrase, refers back to the latest place of
its level the article named before it (a town or city to a city, a province or state to a
province or region, a district to a district): one its own sentence names ("a court in X
fined him for a rally in the city"), else the place of the latest act on the spot, else the
latest name. An event left unplaced by its own words and by
the sentences before it takes that place. "the capital" is not one of them (the article's
country's capital, resolved as a name), nor a noun with a name ("the town of X").
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Document, EventMention, Place, PlacePrecision
from .attach import attachment
from .gazetteer import Gazetteer
from .names import resolve_name


def place_nouns_back(
    doc: Document,
    events: list[EventMention],
    gaz: Gazetteer,
    ents: list[SpacySpan],
    context: Counter[str],
) -> list[EventMention]:
    """Place each unplaced act on the spot whose place phrase is a definite place noun at the
    latest earlier place of that noun's level (see the module doc)."""
    if doc.parse is None:
        return events
    remote = gaz.cues.remote_events
    resolved: list[tuple[int, Place]] | None = None  # (end char, place), computed once
    out: list[EventMention] = []
    for ev in events:
        if ev.location is not None or ev.event in remote:
            out.append(ev)
            continue
        trig = doc.tokens(ev.trigger)
        noun = _definite_place_noun(trig, ev, gaz) if trig is not None else None
        if noun is not None:
            if resolved is None:
                resolved = _named_places(gaz, ents, context)
            level = _level(noun.lower_, gaz)
            acts = [
                e.location
                for e in out
                if e.location is not None
                and e.location.source == "text"
                and e.event not in remote
                and e.location.precision in level
                and e.trigger.end <= noun.idx
            ]
            named = [p for end, p in resolved if end <= noun.idx and p.precision in level]
            here = [p for p in named if p.span is not None and p.span.start >= ev.sentence.start]
            found = here[-1] if here else acts[-1] if acts else named[-1] if named else None
            if found is not None:
                ev = dataclasses.replace(ev, location=dataclasses.replace(found, span=None))
        out.append(ev)
    return out


def _definite_place_noun(trig: SpacySpan, ev: EventMention, gaz: Gazetteer) -> Token | None:
    """The place noun with "the" and no name that the parse attaches to the trigger as a
    place phrase, or None."""
    ids = {t.i for t in trig}
    doc = trig.doc
    sent = doc.char_span(ev.sentence.start, ev.sentence.end, alignment_mode="expand")
    if sent is None:
        return None
    for tok in sent:
        if tok.lower_ not in gaz.cues.place_nouns or tok.lower_ in gaz.cues.capital_nouns:
            continue
        if tok.tag_ not in ("NN", "NNS") or not _definite(tok):
            continue
        if any(c.dep_ == "prep" and c.lower_ in gaz.cues.place_noun_links for c in tok.children):
            continue  # "the town of X": the name is resolved as a name
        if _own_name(tok, gaz):
            continue  # "the Bamenda district": a name of its own
        # "the town's police station": the owner locates the thing and the act on it
        att = attachment(tok.head if tok.dep_ == "poss" else tok, ids, gaz)
        if att is not None and (att.kind == "prep" or tok.dep_ == "poss"):
            return tok
    return None


def _own_name(tok: Token, gaz: Gazetteer) -> bool:
    """True when the noun's modifiers name a town, district or province ("the Bamenda
    district"), not a sea, a compass point or an adjective ("the Black Sea city")."""
    mods = [c for c in tok.children if c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod")]
    if not mods:
        return False
    name = tok.doc[mods[0].left_edge.i : tok.i].text
    got = gaz.lookup(name)
    return got is not None and got.precision in ("city", "district", "province")


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _level(noun: str, gaz: Gazetteer) -> frozenset[PlacePrecision]:
    """The precision levels a place noun may stand for."""
    division = gaz.cues.divisions.get(noun)
    if division == "province":
        return frozenset({"province", "region"})
    if division == "district":
        return frozenset({"district"})
    return frozenset({"city"})


def _named_places(
    gaz: Gazetteer, ents: list[SpacySpan], context: Counter[str]
) -> list[tuple[int, Place]]:
    """Every place name of the article the gazetteer resolves, in text order."""
    out = []
    for ent in ents:
        place = resolve_name(gaz, ent, context)
        if place is not None and place.precision != "country":
            out.append((ent.end_char, dataclasses.replace(place, source="text")))
    return sorted(out, key=lambda x: x[0])
