"""What one place name of the text resolves to: a landmark's city ("outside the Kremlin"), the
capital ("in the Kenyan capital"), a city within a named one ("Miraflores, La Paz"), a
gazetteer entry weighed by the article's countries and the writer's qualifier ("Paris,
Texas"), a facility's city ("Baghdad International Airport"), else a place no table lists.
Which names are places at all is ``names``'s job.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Place, PlacePrecision, Span, evolve
from .gazetteer import Gazetteer, fold
from .names import (
    FACILITY_LABELS,
    LOCATION_LABELS,
    capital_of_adjective,
    enclosing,
    locative_slot,
    place_noun_of,
    place_of_unlisted,
)

#: how alike (difflib ratio of the ASCII forms) the text's name and the gazetteer's must be
#: for the text's to be another transliteration of it ("Zakho"/"Zaxo" 0.67, "Loop"/"Chicago"
#: 0.18)
_SPELLING_ALIKE = 0.6


def _enclosing_city(gaz: Gazetteer, ent: SpacySpan, context: Counter[str]) -> Place | None:
    """The city a name is said to lie in ("Miraflores, La Paz", "Sadr City in Baghdad", "the
    X neighbourhood of Y"), with that city's span: a quarter or landmark of a named city is
    that city, whatever namesake town elsewhere shares the quarter's name; None otherwise."""
    root = ent.root
    heads = [root]
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in gaz.cues.quarter_nouns:
        heads.append(root.head)  # "the X neighbourhood of Y"
    for head in heads:
        for c in head.children:
            target: Token | None = None
            if c.dep_ == "appos" and head is root and c.i > ent.end - 1:
                target = c
            elif c.dep_ == "prep" and (
                c.lower_ in gaz.cues.containment
                or (head is not root and c.lower_ in gaz.cues.place_noun_links)
            ):
                target = next((g for g in c.children if g.dep_ == "pobj"), None)
            if target is None or target.pos_ != "PROPN":
                continue
            start = min(
                (g.i for g in target.children if g.dep_ == "compound" and g.pos_ == "PROPN"),
                default=target.i,
            )
            name = ent.doc[start : target.i + 1]
            got = gaz.lookup(name.text, context)
            if got is not None and got.precision == "city":
                return evolve(got, span=Span.of_tokens(name), name=_spelling(gaz, name, got.name))
    return None


def resolve_name(
    gaz: Gazetteer,
    ent: SpacySpan,
    context: Counter[str],
    *,
    city_only: bool = False,
    home: Place | None = None,
) -> Place | None:
    """The place a name in the text stands for (its span set), or None. ``home``: the
    dateline's place (else the article's one city), which "the city" names."""
    span = Span.of_tokens(ent)
    qualifier = _qualifier(gaz, ent) or _adjective_qualifier(gaz, ent)
    if qualifier is not None:  # the writer said which one: it outweighs the article
        context = context + Counter({qualifier: 10_000})
    within = enclosing(gaz, ent.root, context)  # "the town of X in Kebbi state"
    within2 = gaz.alpha2_of_alpha3.get(within)
    if qualifier is None and within2 is not None:
        context = context + Counter({within2: 10_000})
    # a landmark in a locative phrase is its city ("outside the Kremlin"), whatever other
    # place shares its name; as a subject or speaker ("the Kremlin said") it is an actor
    place = gaz.landmark(ent.text) if locative_slot(ent.root, gaz) else None
    if place is None and gaz.key(ent.text) in gaz.cues.capital_nouns:
        place = gaz.capital(context)  # "in the capital": the article's country's capital
    if place is None and capital_of_adjective(gaz, ent):
        place = gaz.capital_of(ent[0].text)  # "in the Kenyan capital"
    if place is None and gaz.key(ent.text) in gaz.cues.home_nouns and home is not None:
        place = evolve(home, source="text")  # "in the city": the dateline's
    if place is None:
        place = _enclosing_city(gaz, ent, context)
        if place is not None:  # "Miraflores, La Paz", "the Be neighbourhood of Lome"
            return place
        place = gaz.lookup(ent.text, context, _division(gaz, ent))
        if place is not None and within is not None and place.country != within:
            place = None  # a far namesake of a place the text puts in another country
        if place is not None and _far_landmark_name(gaz, ent, place, context):
            place = None
        if place is not None and place.precision == "city":
            place = evolve(place, name=_spelling(gaz, ent, place.name))
    if place is None and ent.label_ in FACILITY_LABELS:
        got = _facility_city(gaz, ent, context)
        if got is not None:
            place, span = got
    if place is None:
        place = place_of_unlisted(gaz, ent, context)
    if place is None or (city_only and place.precision != "city"):
        return None
    return evolve(place, span=span)


def _far_landmark_name(gaz: Gazetteer, ent: SpacySpan, place: Place, context: Counter[str]) -> bool:
    """ "Shells struck the Naivasha market" in a story about Sudan: a market, street or square
    named after a town of a country the article is not about is no sign of that town."""
    root = ent.root
    if root.dep_ != "compound" or root.head.lower_ not in gaz.cues.quarter_nouns:
        return False
    if place.precision != "city" or not context:
        return False
    return not context.get(gaz.alpha2_of_alpha3.get(place.country, ""), 0)


def _spelling(gaz: Gazetteer, ent: SpacySpan, name: str) -> str:
    """The text's spelling of a city the gazetteer knows by another transliteration ("Zakho"
    for GeoNames' "Zaxo", "Izmail" for "Izmayil"): what the reader sees and an analyst
    searches for. A name unlike the gazetteer's (an alternate name for a quarter, "the Loop"
    for Chicago, or a former name) keeps the gazetteer's."""
    words = [t for t in ent if not (t.i == ent.start and t.lower_ in gaz.key.articles)]
    suffix = words[-1].lower_ if len(words) > 1 else ""
    if suffix in gaz.cues.city_suffixes and gaz.key(ent.text) not in gaz.cities:
        words = words[:-1]  # "Kharkiv city" is Kharkiv ("Gaza City" a name of its own)
    if not words:
        return name
    text = ent.doc[words[0].i : words[-1].i + 1].text
    said, known = fold(text), fold(name)
    if said == known or gaz.key(text) == gaz.key(name):
        return name
    first = known.split()[0] if known.split() else known
    alike = max(SequenceMatcher(None, said, k).ratio() for k in (known, first))
    return text if alike >= _SPELLING_ALIKE else name


def _division(gaz: Gazetteer, ent: SpacySpan) -> PlacePrecision | None:
    """The precision a division word beside the name gives: "Zamfara state", "the Dhaka
    district", "the province of Balochistan"; None without one."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in gaz.cues.divisions:
        return gaz.cues.divisions[doc[ent.end].lower_]
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "in Borno and Yobe states": each conjunct is a state
    if first.dep_ in ("compound", "nmod") and first.head.lower_ in gaz.cues.divisions:
        return gaz.cues.divisions[first.head.lower_]
    if root.dep_ == "pobj" and root.head.lower_ in gaz.cues.place_noun_links:
        noun = root.head.head
        if noun.tag_ == "NNS" and noun.lower_ in gaz.cues.directions:
            return None  # "residential districts of X": parts of the town X
        return gaz.cues.divisions.get(noun.lower_)
    return None


def _facility_city(
    gaz: Gazetteer, ent: SpacySpan, context: Counter[str]
) -> tuple[Place, Span] | None:
    """A city named inside a facility ("Baghdad International Airport" -> Baghdad), in one
    of the article's countries when it names any ("Independence Square" in a story on Kyiv
    is no town in Missouri)."""
    if any(c.dep_ == "prep" and c.lower_ in gaz.cues.locatives for c in ent.root.children):
        return None  # "Independence Square in Kyiv": the phrase names its city
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].lower_ in gaz.cues.locatives and after[1].is_title:
        return None  # the same, however the parse hangs the phrase
    toks = list(ent)
    for n in range(len(toks) - 1, 0, -1):
        part = ent.doc[toks[0].i : toks[0].i + n]
        place = gaz.lookup(part.text, context)
        if place is not None:
            if place.precision == "city" and _in_context(gaz, place, context):
                return place, Span.of_tokens(part)
            return None  # a country prefix names the owner ("US Embassy"), not the place
    return None


def _in_context(gaz: Gazetteer, place: Place, context: Counter[str]) -> bool:
    """True when the article names no country or the place lies in one it names."""
    if not context:
        return True
    return any(gaz.alpha3(a2) == place.country for a2 in context)


def _qualifier(gaz: Gazetteer, ent: SpacySpan) -> str | None:
    """Alpha-2 of a country or region written right after a place: "Paris, Texas"."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].text not in gaz.cues.qualifier_marks:
        return None
    nxt = next((e for e in doc.ents if e.start == i + 1), None)
    if nxt is None or nxt.label_ not in LOCATION_LABELS:
        return None
    return gaz.alpha2_of(nxt.text)


def _adjective_qualifier(gaz: Gazetteer, ent: SpacySpan) -> str | None:
    """Alpha-2 of the country a place noun's adjective names: "the Spanish city of X",
    "X, a Ukrainian town on the Danube" (the writer said which X)."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.lower_ in gaz.cues.place_nouns]
    if place_noun_of(root, gaz) is not None:
        nouns.append(root.head.head)
    for noun in nouns:
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in gaz.adjectives:
                return gaz.adjectives[c.lower_]
    return None
