"""Each event's place: the best-attached place name of its sentence, or none.

Places attached to the trigger win over places reached through a temporal clause, which win
over other locative places of the trigger's clause; within a pool a city beats a region beats
a country, then the nearest. Places of two countries named for one act give no place: one
point or one country would misplace half of it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import PLACE_PRECISION, Document, EventMention, Place, PlacePrecision, Span, evolve
from ...within import Within
from ..syntax import governor
from .attach import (
    after_target,
    attachment,
    in_sentence,
    locates_clause,
    people_tokens,
    same_clause,
    where_antecedent,
)
from .countries import adjective_countries, article_countries
from .dateline import dateline_place, place_by_dateline
from .gazetteer import Gazetteer
from .heading import place_by_heading
from .name_lookup import resolve_name
from .names import candidates, conjuncts, division_after, place_of_unlisted
from .story import follow_previous

_RANK: dict[PlacePrecision, int] = {p: i for i, p in enumerate(PLACE_PRECISION)}  # city first


class _Found(NamedTuple):
    rank: int  # precision: city first
    distance: int  # parse steps (x1000) and characters to the trigger
    place: Place
    ent: SpacySpan


class _Article(NamedTuple):
    """What every event of one article shares."""

    gaz: Gazetteer
    context: Counter[str]  # the article's countries
    ents: list[SpacySpan]  # its place names
    people: set[int]  # tokens inside names of people and organisations
    home: Place | None  # the dateline's place, else the one city the article names
    towns: dict[int, Place]  # "the town" (start char) -> the city named last before it
    #: each name's place, as ``resolve_name`` gives it with the article's context alone
    named: dict[tuple[int, int, int], Place | None]
    #: the names inside a sentence (each event asks for its own)
    within: Within[SpacySpan]
    #: the token index of each name's root -> the names' positions in ``ents``
    roots: dict[int, list[int]]


def _named(art: _Article, ent: SpacySpan) -> Place | None:
    """``resolve_name(art.gaz, ent, art.context)``, worked out once per name of the article
    (the one-city prior and the town antecedents both ask it of every name)."""
    key = (ent.start, ent.end, ent.label)
    if key not in art.named:
        art.named[key] = resolve_name(art.gaz, ent, art.context)
    return art.named[key]


def _place_of(
    art: _Article, ent: SpacySpan, *, city_only: bool = False, home: Place | None = None
) -> Place | None:
    """``resolve_name(art.gaz, ent, art.context, city_only=city_only, home=home)``: ``home``
    counts only for a home noun ("the city"), so any other name's place is :func:`_named`'s."""
    if art.gaz.key(ent.text) in art.gaz.cues.home_nouns:
        return resolve_name(art.gaz, ent, art.context, city_only=city_only, home=home)
    place = _named(art, ent)
    return None if place is None or (city_only and place.precision != "city") else place


def resolve_places(
    doc: Document, events: list[EventMention], gazetteer: Gazetteer
) -> list[EventMention]:
    """Set ``location`` on each event (None when no place is plausibly the event's)."""
    parse = doc.parse
    if parse is None or not events:
        return events
    context = article_countries(doc, gazetteer)
    home = dateline_place(doc, gazetteer, context)
    abroad = False  # a bureau abroad (see place_by_dateline)
    if home is not None and home.country is not None:
        # the dateline's country is one the article is about ("OUAGADOUGOU, Sept 11 -")
        a2 = gazetteer.alpha2_of_alpha3.get(home.country)
        if a2 is not None:
            # the text, without its dateline, names other countries but never this one
            named = article_countries(doc, gazetteer, skip=home.span)
            abroad = (
                bool(named)
                and not named.get(a2, 0)
                and a2 not in adjective_countries(doc, gazetteer)
            )
            context = context + Counter({a2: 1})
    all_ents = parse.ents  # builds every entity's Span on each access: once here
    ents = candidates(parse, gazetteer, context, all_ents)
    if home is not None and home.span is not None:
        # the dateline is where the outlet reports from: never an event's own place
        ents = [
            e for e in ents if not (e.start_char < home.span.end and home.span.start < e.end_char)
        ]
    roots: dict[int, list[int]] = {}
    for k, ent in enumerate(ents):
        roots.setdefault(ent.root.i, []).append(k)
    within = Within(ents, lambda e: (e.start_char, e.end_char))
    art = _Article(gazetteer, context, ents, people_tokens(all_ents), None, {}, {}, within, roots)
    if home is None:
        home = _one_city(art) or _headline_city(doc.article.title, art)
    art = art._replace(home=home, towns=_antecedent_towns(art))
    out: list[EventMention] = []
    for ev in events:
        trig = doc.tokens(ev.trigger)
        place = _event_place(art, ev, trig) if trig is not None and art.ents else None
        out.append(ev if place is None else evolve(ev, location=place))
    out = _share_in_sentence(out)
    out = _inherit_places(out)
    out = place_by_heading(doc, out, gazetteer, art.context)
    out = follow_previous(
        doc,
        out,
        gazetteer,
        art.ents,
        lambda ent: _place_of(art, ent, home=art.towns.get(ent.start_char, art.home)),
    )
    if home is not None:
        out = place_by_dateline(doc, out, home, gazetteer, art.ents, art.context, abroad=abroad)
    return out


def _one_city(art: _Article) -> Place | None:
    """Without a dateline, the one city an article names (however often, and no other city
    or town) is where it reports from: the same prior as a dateline (source "dateline"),
    for the local events the text does not place."""
    found: dict[int, Place] = {
        gid: place
        for ent, gid, place in _named_cities(art)
        # "Quito sent troops", "talks with Quito": the city is its government
        if ent.root.dep_ != "nsubj" and not art.gaz.capital_as_party(ent)
    }
    if not found:
        return None
    # quarters of one city ("the Loop", "Rogers Park") are that city: the largest of them
    main = max(found.values(), key=lambda p: art.gaz.population(p.geonameid))
    if any(not _near(main, p, art.gaz.settings.same_city_km) for p in found.values()):
        return None
    return evolve(main, span=None, source="dateline")


def _named_cities(art: _Article) -> Iterator[tuple[SpacySpan, int, Place]]:
    """The article's names of cities with coordinates: (name, GeoNames id, city); not a city
    read off a facility's name ("X Center" is a guess)."""
    for ent in art.ents:
        place = _named(art, ent)
        if place is None or place.precision != "city" or place.geonameid is None:
            continue
        if place.span == Span.of_tokens(ent):
            yield ent, place.geonameid, place


def _headline_city(title: str | None, art: _Article) -> Place | None:
    """Without a dateline or one city, the one city of the text that the headline names too
    ("Police break up X rally", "X counts its dead"): the story's town, the same prior as a
    dateline for the local events the text does not place."""
    if not title:
        return None
    found = {
        gid: place
        for ent, gid, place in _named_cities(art)
        if re.search(rf"\b{re.escape(ent.text)}\b", title)
    }
    if len(found) != 1:
        return None
    (city,) = found.values()
    return evolve(city, span=None, source="dateline")


def _antecedent_towns(art: _Article) -> dict[int, Place]:
    """ "the town", "the city" (a home noun, by its start character) -> the city the text
    named last before it ("Gunmen attacked Kaya ... soldiers detained men in the town"); a
    home noun with no city before it keeps the dateline's (or the article's one city)."""
    gaz = art.gaz
    out: dict[int, Place] = {}
    last: Place | None = None
    for ent in art.ents:  # in text order
        if gaz.key(ent.text) in gaz.cues.home_nouns:
            if last is not None:
                out[ent.start_char] = evolve(last, span=Span.of_tokens(ent))
            continue
        if gaz.key(ent.text) in gaz.cues.capital_nouns:
            continue
        place = _named(art, ent)
        if place is not None and place.precision == "city" and place.geonameid is not None:
            last = place
    return out


def _near(a: Place, b: Place, km: int) -> bool:
    """True when two places with coordinates lie within ``km`` of each other."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return a.geonameid == b.geonameid
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371 * math.hypot(dlat, dlon) <= km


#: levels a destination never places an act at (the country sent to is the recipient)
_WIDE = frozenset({"country", "region"})


def _event_place(art: _Article, ev: EventMention, trig: SpacySpan) -> Place | None:
    gaz = art.gaz
    own = {t.i for t in trig}
    trigger_ids = _same_act(trig.root) | own
    support = _support_verb(trig.root, gaz)
    remote = ev.event in gaz.cues.remote_events
    direct: list[_Found] = []
    bridged: list[_Found] = []
    nearby: list[_Found] = []
    unlisted: list[_Found] = []  # names no gazetteer lists, in a phrase on the act itself
    # "the province of X, where farmers blocked roads": the clause's act is in X
    where = where_antecedent(trig.root, gaz)
    sides = _side_spans(ev, remote)
    for ent in art.within.inside(ev.sentence.start, ev.sentence.end):
        if (ent.start_char, ent.end_char) in sides and _stands_for_side(ent.root, gaz):
            continue  # "Lima rejected", "we call on Jakarta": a city standing for a state
        eroot = ent.root
        # (or from an apposition to it: "X, the provincial capital, where ...")
        if where is not None and (
            where.i in (eroot.i, eroot.head.i, eroot.head.head.i)
            or (where.dep_ == "appos" and where.head.i == eroot.i)
        ):
            place = _place_of(art, ent, home=art.towns.get(ent.start_char, art.home))
            if place is not None:
                dist = abs(ent.start_char - ev.trigger.start)
                direct.append(_Found(_RANK[place.precision], dist, place, ent))
                continue
        att = attachment(eroot, trigger_ids, gaz, remote=remote, people=art.people, own=own)
        carried = False
        if att is None and support:
            att = attachment(eroot, trigger_ids | support, gaz, remote=remote, people=art.people)
            carried = att is not None
        dist = abs(ent.start_char - ev.trigger.start)
        home = art.towns.get(ent.start_char, art.home)
        if att is not None:
            # reached through a support verb ("groups in the US staged protests"): a country
            # there says who the doers are, a city where they gathered
            city_only = carried or att.kind in ("prep_city", "compound")
            place = _place_of(art, ent, city_only=city_only, home=home)
            if place is None and city_only and not carried and division_after(gaz, ent):
                # "in front of the Sagarejo municipality building": the writer names the
                # division itself, which is no far region guessed from a bare name
                place = _place_of(art, ent, home=home)
            if att.kind == "prep_destination" and place and place.precision in _WIDE:
                place = None  # "sent troops to Poland": the country is the recipient
            if place is not None:
                pool = bridged if att.bridged else direct
                pool.append(_Found(_RANK[place.precision], att.steps * 1000 + dist, place, ent))
            elif (
                att.kind in ("prep", "prep_city")
                and not att.bridged
                # (a name the gazetteer knows but the article's countries ruled out is a far
                # namesake, never guessed into the article's country)
                and art.gaz.lookup(ent.text) is None
            ):
                found = place_of_unlisted(art.gaz, ent, art.context, attached=True)
                if found is not None:
                    unlisted.append(_Found(_RANK["city"], att.steps * 1000 + dist, found, ent))
            continue
        kind = in_sentence(eroot, gaz)
        if remote and eroot.dep_ == "pobj" and after_target(eroot.head):
            kind = None
        if remote and eroot.dep_ in ("compound", "nmod") and eroot.head.pos_ == "NOUN":
            kind = None  # "calls on Fano commanders": a name on the target, not a venue
        if kind is not None and same_clause(eroot, trig.root):
            city_only = kind == "prep_city"
            place = _place_of(art, ent, city_only=city_only, home=home)
            if place is not None:
                nearby.append(_Found(_RANK[place.precision], dist, place, ent))
    chosen = direct or bridged or nearby or unlisted
    if not chosen:
        return None
    best = min(chosen, key=lambda f: (f.rank, f.distance))
    # places of two countries named for one act in separate phrases ("in western Iraq
    # and ... in eastern Syria") misplace half of it, as coordinated ones do
    if _other_country(art, best.place, trig.root, ev.sentence) or _spans_countries(art, best):
        return None
    return best.place


def _side_spans(ev: EventMention, remote: bool) -> set[tuple[int, int]]:
    """Character spans of the sides a place name may stand for rather than locate: the
    doer ("Lima rejected the demand"), and for an act done by word at a distance the target
    too ("we call on Jakarta to allow ...")."""
    sides = (*ev.actor, *ev.recipient) if remote else ev.actor
    return {(a.span.start, a.span.end) for a in sides if a.code}


def _stands_for_side(tok: Token, gaz: Gazetteer) -> bool:
    """True when a name coded as a side stands where a side goes: a subject or object
    ("Lima rejected", "accused Moscow"), or the object of a preposition that may name a
    target ("call on Jakarta"); not in a locative phrase ("near Tyre", "the city of X")."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in gaz.cues.city_only_locatives


def _same_act(root: Token) -> set[int]:
    """Tokens of verbs reporting the same act as the trigger's root: they share its place."""
    ids: set[int] = set()
    if root.dep_ == "relcl" and root.pos_ == "VERB":
        # "an airstrike near Kismayo on Thursday that killed 15": the clause tells the act
        # of the noun it hangs from (the parse may hang it from a nearer noun of its phrase)
        cur = root.head
        for _ in range(4):
            if cur.pos_ in ("VERB", "AUX"):
                break
            ids.add(cur.i)
            if cur.head.i == cur.i:
                break
            cur = cur.head
    if root.dep_ == "conj" and root.pos_ == "VERB" and root.head.pos_ == "VERB":
        # "hit a base in Kirkuk and killed a contractor": conjuncts share the place
        ids.add(root.head.i)
    if root.dep_ == "advcl" and _bare_participle(root):
        # "fired on a convoy near the airport, killing the general": a participle clause
        # without a subordinator elaborates its verb's act and shares its place
        ids.add(root.head.i)
    if root.pos_ == "VERB":
        # "killed a contractor and wounded troops at a base near Kirkuk": a conjoined verb
        # without a subject of its own reports the same incident; "struck back, hitting
        # camps in the valley": the same act
        ids.update(
            c.i
            for c in root.children
            if (
                c.dep_ == "conj"
                and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            )
            or (c.dep_ == "advcl" and _bare_participle(c))
        )
    return ids


def _support_verb(root: Token, gaz: Gazetteer) -> set[int]:
    """The verb carrying a noun trigger as its object ("fishermen in X held a protest",
    "rebels launched an attack from X"): its clause is the act's own (as a set of token
    indices, empty without one)."""
    head = root.head
    if (
        root.pos_ in ("NOUN", "PROPN")
        and root.dep_ == "dobj"
        and head.pos_ == "VERB"
        and head.lemma_.lower() in gaz.cues.support_verbs
    ):
        return {head.i}
    return set()


def _bare_participle(verb: Token) -> bool:
    """A present participle without a subordinator ("..., killing the general")."""
    return verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)


def _spans_countries(art: _Article, best: _Found) -> bool:
    """True when the place is coordinated with places in another country ("in Iraq and
    Syria", "in Homs and Mosul"): one point or one country would misplace half the event
    (no region containing both is known), so the event gets no place. Places in the same
    country ("in Homs and Hama") keep the first."""
    root = best.ent.root
    others = {t.i for t in conjuncts(root)} - {root.i}
    for k in sorted(k for i in others for k in art.roots.get(i, ())):  # (in text order)
        got = art.gaz.lookup(art.ents[k].text, art.context)
        if got is not None and got.country != best.place.country:
            return True
    return False


def _other_country(art: _Article, best: Place, trigger: Token, sentence: Span) -> bool:
    """True when the event's clause names, in separate locative phrases, a place in another
    country than ``best`` ("in western Iraq and two more in eastern Syria"): as with
    coordinated places, one country would misplace half of the act."""
    if best.country is None:
        return False
    verb = governor(trigger)
    if verb is None:
        return False
    for ent in art.within.inside(sentence.start, sentence.end):
        if not locates_clause(ent.root, verb, art.gaz):
            continue
        if (
            best.span is not None
            and ent.start_char < best.span.end
            and best.span.start < ent.end_char
        ):
            continue
        got = _place_of(art, ent, home=art.towns.get(ent.start_char, art.home))
        if got is not None and got.country is not None and got.country != best.country:
            return True
    return False


def _share_in_sentence(events: list[EventMention]) -> list[EventMention]:
    """An event its words leave unplaced takes the place of an event of the same type in
    its sentence ("an airstrike near X on Thursday that killed 15": one incident, told by a
    noun and a verb), when every such event placed there has that one place."""
    placed: dict[tuple[int, str], dict[tuple[str, str | None, str], Place]] = {}
    for ev in events:
        loc = ev.location
        if loc is not None and loc.source == "text":
            key = (ev.sentence.start, ev.event)
            placed.setdefault(key, {}).setdefault((loc.name, loc.country, loc.precision), loc)
    out: list[EventMention] = []
    for ev in events:
        got = placed.get((ev.sentence.start, ev.event), {})
        if ev.location is None and len(got) == 1:
            ev = evolve(ev, location=next(iter(got.values())))
        out.append(ev)
    return out


def _inherit_places(events: list[EventMention]) -> list[EventMention]:
    """A back-reference ("the strike also killed", "killed in the raids") is the event it
    refers to: when it names no place of its own, it takes that event's. Time resolution
    marks such an event with the antecedent's time span, outside its own sentence
    (``resolve.time.resolve_dates``); the antecedent is the latest earlier event with that
    span."""
    out = list(events)
    order = sorted(range(len(out)), key=lambda i: out[i].trigger.start)
    for pos, i in enumerate(order):
        ev = out[i]
        t = ev.time
        if ev.location is not None or ev.date_source != "text" or t is None:
            continue
        if ev.sentence.contains(t):
            continue  # dated by its own words
        ante = next(
            (
                out[j]
                for j in reversed(order[:pos])
                if out[j].time == t and out[j].trigger.start < ev.trigger.start
            ),
            None,
        )
        if ante is not None and ante.location is not None:
            out[i] = evolve(ev, location=ante.location)
    return out
