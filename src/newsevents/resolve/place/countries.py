"""Which countries an article is about: the countries and unambiguous cities it names, else
the countries its adjectives name, else its metadata's; they weigh the choice between places
of one name."""

from __future__ import annotations

import re
from collections import Counter

from ...model import Document, Span
from .gazetteer import Gazetteer
from .metadata import metadata_countries
from .names import LOCATION_LABELS

_ADJECTIVE_LABELS = frozenset({"NORP"})  # "Nicaraguan": a country the article is about
#: "Santiago, Espaillat and Duarte provinces": names listed before one plural division word
_NAME = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?"
_LISTED = re.compile(rf"((?:{_NAME}, )*{_NAME},? and {_NAME}) ([a-z]+)\b")
_MISTAKEN_LABELS = frozenset({"PERSON", "ORG"})


def article_countries(doc: Document, gaz: Gazetteer, skip: Span | None = None) -> Counter[str]:
    """Countries (alpha-2) the article names: its countries and its unambiguous cities, else
    the countries its adjectives name ("Nicaraguan police"); ``skip``: a span not to count
    (the dateline's city)."""
    ctx: Counter[str] = Counter()
    text = doc.article.text
    cities: list[str] = []
    adjectives: Counter[str] = Counter()
    for em in doc.entity_mentions:
        if skip is not None and em.span.start < skip.end and skip.start < em.span.end:
            continue
        name = em.span.of(text)
        if em.label in _ADJECTIVE_LABELS and name.lower() in gaz.adjectives:
            adjectives[gaz.adjectives[name.lower()]] += 1
            continue
        if em.label in _MISTAKEN_LABELS:
            # the small tagger reads some countries and capitals as persons or bodies
            # ("Mali's ambassador", "Bamako said"); their exact names still say the country
            mistaken = gaz.country(name) or gaz.capital_countries.get(gaz.key(name))
            if mistaken is not None:
                ctx[mistaken.alpha2] += 1
            continue
        if em.label not in LOCATION_LABELS:
            continue
        if _backer(text, em.span, gaz):
            continue  # "Moscow-backed separatists": a backer, not where the story is
        if _names_a_quarter(text, em.span, gaz):
            continue  # "the Naivasha market" (in El Fasher): a name, not the Kenyan town
        if gaz.key(name) in gaz.landmarks:
            continue  # "the White House" says nothing of the article's countries
        c = gaz.country(name)
        if c is not None:
            ctx[c.alpha2] += 1
            continue
        key = gaz.key(name)
        first, _, rest = key.rpartition(" ")
        if first and rest in gaz.cues.divisions:
            # "Hela province", "Kebbi State": the writer names a subdivision, never a city
            owners = {s.country2 for s in gaz.subdivisions.get(first, ())}
            if len(owners) == 1:
                ctx[next(iter(owners))] += 1
            continue
        if _the_region(doc, em.span, name):
            continue  # "the Highlands", "the Midlands": a region, not a namesake town
        cities.append(key)
    ctx.update(listed_division_countries(text, gaz))
    implied: Counter[str] = Counter()
    for key in cities:
        cands = gaz.cities.get(key, ())
        if not cands:
            # a region named bare ("Extremadura", "Cauca"): its one country, as "X province" is
            owners = {s.country2 for s in gaz.subdivisions.get(key, ())}
            if len(owners) == 1:
                ctx[next(iter(owners))] += 1
            continue
        countries = {c.country2 for c in cands}
        if cands and not any(gaz.main_name(c, key) for c in cands):
            # matched by another of a city's names only: a province or a town of that very
            # name elsewhere is the likelier reading, and says its own country
            rivals = gaz.exact_rivals(key, cands)
            if rivals:
                if len(rivals) == 1:
                    ctx[next(iter(rivals))] += 1
                continue
        if len(countries) == 1:
            ctx[next(iter(countries))] += 1
        elif (country := _implied_country(gaz, key)) is not None:
            implied[country] += 1
    # "Cali" (far the largest namesake) or "Cauca" (a province) say the country only when the
    # article names none ("London" in a story that names Canada is the Ontario city);
    # "Nicaraguan police detained students in Granada": the adjectives say which countries
    # the article is about only when it names none (they also name victims' and envoys'
    # countries, which a named country outweighs)
    return (
        ctx
        or implied
        or adjectives
        or untagged_city_countries(doc, gaz)
        or metadata_countries(doc, gaz)
    )


#: the smallest city an untagged name may give the article's country by (a larger town is
#: rarely someone's name: "Kumbo", not "Lula")
_UNTAGGED_CITY_POPULATION = 50_000


def untagged_city_countries(doc: Document, gaz: Gazetteer) -> Counter[str]:
    """For an article naming no country, city or nationality (a local paper: "Residents of
    Kumbo stayed indoors"): the country of the cities its proper nouns name that the small
    NER model left untagged, when the gazetteer has that name in one country only, as a city
    of at least ``_UNTAGGED_CITY_POPULATION`` people, and the article never tags it as a
    person's name."""
    parse = doc.parse
    out: Counter[str] = Counter()
    if parse is None:
        return out
    people = {t.lower_ for t in parse if t.ent_type_ == "PERSON"}
    for t in parse:
        if t.pos_ != "PROPN" or t.ent_type_ or not t.is_title or t.lower_ in people:
            continue
        near = parse[max(t.i - 1, 0) : t.i + 2]
        if any(n.i != t.i and n.is_title and n.pos_ == "PROPN" for n in near):
            continue  # a word of a longer name ("La Paz", "Kumbo Road"), not a city
        if t.i + 1 < len(parse) and parse[t.i + 1].lower_ in gaz.cues.quarter_nouns:
            continue  # "the Hawija - Riyadh road": a road is named for a far town
        cands = gaz.cities.get(gaz.key(t.text), ())
        countries = {c.country2 for c in cands}
        if len(countries) == 1 and max(gaz.population(c.geonameid) for c in cands) >= (
            _UNTAGGED_CITY_POPULATION
        ):
            out[next(iter(countries))] += 1
    return out


def _names_a_quarter(text: str, span: Span, gaz: Gazetteer) -> bool:
    """Is the name that of a market, street or square ("the Naivasha market")? Such a name
    says where its quarter is named after, not which country the article is about."""
    after = text[span.end : span.end + 16].split()
    return bool(after) and after[0] in gaz.cues.quarter_nouns


def _backer(text: str, span: Span, gaz: Gazetteer) -> bool:
    """Is the name a sponsor's or a side's ("Moscow-backed", "pro-Iran", "troops backed by
    US airstrikes")?"""
    after = text[span.end : span.end + 16].lower()
    before = text[max(0, span.start - 16) : span.start].lower()
    cues = gaz.cues
    # (grammar, not data: "backed by [the] X", the agent of the sponsor word)
    words = before.split()
    words = words[:-1] if words[-1:] == ["the"] else words
    by_sponsor = len(words) >= 2 and words[-1] == "by" and words[-2] in cues.sponsors
    return (
        (after[:1] == "-" and after[1:].split(" ")[0] in cues.sponsors)
        or any(before.endswith(f"{p}-") for p in cues.stances)
        or by_sponsor
    )


def _the_region(doc: Document, span: Span, name: str) -> bool:
    """Is the name a noun phrase of its own after "the" ("the Highlands", not "the Batken
    region")? A town's name takes no article; such a name is a region's."""
    text = doc.article.text
    if not (name.lower().startswith("the ") or text[: span.start].lower().endswith("the ")):
        return False
    toks = doc.tokens(span)
    return toks is not None and len(toks) > 0 and toks.root.dep_ not in ("compound", "amod")


def _implied_country(gaz: Gazetteer, key: str) -> str | None:
    """The country (alpha-2) a name several countries' cities share implies: that of a
    namesake with ``dominant_city_ratio`` times the people of every namesake elsewhere
    ("Cali"). (A name that is no city is a region, counted by :func:`article_countries`.)"""
    cands = gaz.cities.get(key, ())
    if not cands:
        return None
    # a city called exactly so outranks any bigger city that has the name only as another
    # of its names ("Dili" is Timor-Leste's capital, one of Delhi's other names)
    exact = [c for c in cands if gaz.main_name(c, key)]
    if exact and len({c.country2 for c in exact}) == 1:
        return exact[0].country2
    if not exact:
        # a province called exactly so outranks cities that have the name only as another of
        # theirs ("Antioquia" is Colombia's, not Turkey's Antakya)
        owners = {s.country2 for s in gaz.subdivisions.get(key, ()) if s.precision == "province"}
        if owners:
            return next(iter(owners)) if len(owners) == 1 else None
    pool = exact or list(cands)
    largest = max(pool, key=lambda c: c.population)
    others = [c.population for c in pool if c.country2 != largest.country2]
    if not others:
        return largest.country2
    elsewhere = max(others)
    if largest.population >= gaz.settings.dominant_city_ratio * max(elsewhere, 1):
        return largest.country2
    return None


def adjective_countries(doc: Document, gaz: Gazetteer) -> set[str]:
    """Countries (alpha-2) the article's adjectives name ("the northern Iraqi city")."""
    text = doc.article.text
    return {
        gaz.adjectives[name]
        for em in doc.entity_mentions
        if em.label in _ADJECTIVE_LABELS and (name := em.span.of(text).lower()) in gaz.adjectives
    }


def listed_division_countries(text: str, gaz: Gazetteer) -> Counter[str]:
    """The country of the subdivisions a text lists before one plural division word
    ("across Santiago, Espaillat and Duarte provinces"), one vote a name, when every name is
    a subdivision of that one country: the tagger often takes such names for bodies or
    people, and a city of one of the names abroad ("Santiago") is no evidence then."""
    found: Counter[str] = Counter()
    for m in _LISTED.finditer(text):
        if m.group(2) not in gaz.cues.divisions or not m.group(2).endswith("s"):
            continue
        names = re.split(r",? and |, ", m.group(1))
        owners = [{s.country2 for s in gaz.subdivisions.get(gaz.key(n), ())} for n in names]
        common = set.intersection(*owners) if owners else set()
        if len(common) == 1 and all(owners):
            found[next(iter(common))] += len(names)
    return found
