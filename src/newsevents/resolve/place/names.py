"""Which names of an article are places (what one name resolves to is ``name_lookup``'s).

A name the small NER model mislabels counts when it stands in a locative phrase, or when the
article has named it as a town elsewhere; a name the gazetteer does not list is a place when
the text says it is one ("the town of X", "in the X district").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.attrs import LOWER, POS, SENT_START
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...model import Place, PlacePrecision
from .gazetteer import Gazetteer

# NER labels of place names (grammar of the NER model, not words)
LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
FACILITY_LABELS = frozenset({"FAC", "LOC"})  # names that may hold a city's name
# labels the small model gives some city names ("Matagalpa" as a PRODUCT)
_MISLABELLED = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
_DATE_LABELS = frozenset({"DATE"})  # the small model's label for some provinces ("Amhara")
_TOWN_LABELS = frozenset({"GPE"})  # an unlisted name with this label may be a small town
_NAMED_PERSON = frozenset({"PERSON"})  # a label the small model gives some place names too


def locative_slot(tok: Token, gaz: Gazetteer) -> bool:
    """True when ``tok`` stands where a place name goes: the object of a locative preposition
    ("in Homs", "near Erbil"), a conjunct of one ("in Homs and Hama"), or a name modifying
    such an object that is not an organisation word ("at the Aleppo stadium", but not "at
    Kabul University")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    cues = gaz.cues

    def locative(prep: Token) -> bool:
        word = prep.lower_
        return cues.places(prep) or word in cues.city_only_locatives

    if place_noun_of(tok, gaz) is not None:
        return locative_slot(tok.head.head, gaz)  # "near the town of X"
    if tok.dep_ == "pobj":
        return locative(tok.head)
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.dep_ == "pobj":
        head = tok.head
        return locative(head.head) and head.lower_ not in cues.org_heads
    return False


def _destination_slot(tok: Token, gaz: Gazetteer) -> bool:
    """True when ``tok`` is where a verb of moving sends people or goods ("sent officers to
    X", "troops were deployed to X"): attach.py decides whether it is the act's place."""
    if tok.dep_ in ("compound", "nmod") and tok.head.lower_ in gaz.cues.divisions:
        tok = tok.head  # "sent troops to X district"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in gaz.cues.destinations:
        return False
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return verb.lemma_.lower() in gaz.cues.destination_verbs


def candidates(
    parse: Doc,
    gaz: Gazetteer,
    context: Counter[str],
    ents: Sequence[SpacySpan] | None = None,
) -> list[SpacySpan]:
    """Place names of the parse: GPE/LOC/FAC entities, plus gazetteer names the small NER
    model mislabels (a city tagged ORG or NORP, or left untagged) when they stand in a
    locative phrase. A name that is only part of a longer organisation name ("Homs
    Refinery Company") does not match the gazetteer and stays out. A name as a verb's
    direct object counts only as a city of one of the article's countries (``context``)."""
    all_ents = parse.ents if ents is None else ents  # ``parse.ents`` builds every Span: once
    out = [e for e in all_ents if e.label_ in LOCATION_LABELS]
    cut = [(e, _before_preposition(e)) for e in all_ents if e.label_ in _MISLABELLED]
    # ("the University of Chile" cut before its "of" is no town called University)
    others = [s for e, s in cut if s.end == e.end or s[-1].lower_ not in gaz.cues.org_heads]
    others += _untagged_names(parse, {i for e in all_ents for i in range(e.start, e.end)})
    # ("in Amhara" tagged as a DATE: a province's proper name is no date)
    others += [e for e in all_ents if e.label_ in _DATE_LABELS and _division_name(gaz, e)]
    others += _capital_nouns(parse, gaz)
    for span in others:
        head_after = span.end < len(parse) and parse[span.end].lower_ in gaz.cues.org_heads
        if head_after:
            continue
        if is_where_antecedent(span.root, gaz) and gaz.lookup(span.text, context) is not None:
            out.append(span)  # "the province of X, where ...": X is a place
            continue
        # "sent officers to X" (a name the tagger mislabels): a town of the article's countries
        destination = _destination_slot(span.root, gaz) and (
            _city_in(gaz, span.text, context)
            or division_after(gaz, span) is not None
            or _division_name(gaz, span)  # "deployed troops to Lanao del Sur" (an ORG)
        )
        if not locative_slot(span.root, gaz) and not destination:
            if (
                _object_city(gaz, span, context)
                or place_noun_of(span.root, gaz) is not None
                or appositive_place_noun(span.root, gaz) is not None
            ):
                # "drones struck Odesa" (left untagged by the small model); "stormed the town
                # of X" (the place noun says what X is, wherever the phrase stands)
                out.append(span)
            continue
        key = gaz.key(span.text)
        known = key in gaz.landmarks or key in gaz.cues.capital_nouns or key in gaz.cues.home_nouns
        known = known or place_noun_of(span.root, gaz) is not None  # "the town of X"
        known = known or appositive_place_noun(span.root, gaz) is not None  # "X, the town"
        known = known or division_after(gaz, span) is not None  # "in the X district"
        known = known or capital_of_adjective(gaz, span)  # "in the Kenyan capital"
        if known or _called_place(gaz, span.text, context):
            out.append(span)
    surnames = {e[-1].lower_ for e in all_ents if e.label_ == "PERSON" and len(e) > 1}
    for span in all_ents:
        # a one-word city the small model tags as a person, as the object of a verb
        # ("aircraft bombed Kharkiv") or in a locative phrase ("near Sanaa airport"), in one
        # of the article's countries; never a surname the article gives a person ("Michael
        # Jackson ... arrested Jackson")
        if (
            span.label_ == "PERSON"
            and len(span) > 1
            and locative_slot(span.root, gaz)
            and _city_in(gaz, span.text, context)
            and not _named_person(span, all_ents)
        ):
            out.append(span)  # "at her flat in Tuen Mun" (a town tagged as a person)
        elif (
            span.label_ == "PERSON"
            and len(span) == 1
            and span[0].lower_ not in surnames
            and (
                (
                    (_object_city(gaz, span, context) or locative_slot(span.root, gaz))
                    and _city_in(gaz, span.text, context)
                )
                # "in northern Mali": a country or region in a locative phrase
                or (locative_slot(span.root, gaz) and _country_or_region(gaz, span.text))
            )
        ):
            out.append(span)
        elif (
            span.label_ in _NAMED_PERSON
            and is_where_antecedent(span.root, gaz)
            and gaz.lookup(span.text, context) is not None
        ):
            out.append(span)  # "the province of Jaen, where ..." (tagged as a person)
        elif (
            span.label_ in _NAMED_PERSON
            and span[0].lower_ not in surnames
            and (
                place_noun_of(span.root, gaz) is not None
                or (
                    (locative_slot(span.root, gaz) or _destination_slot(span.root, gaz))
                    and division_after(gaz, span)
                )
            )
        ):
            # "in the town of Maga", "in Kebbi state", "sent police to X district" (tagged
            # as persons)
            out.append(span)
        elif (
            span.label_ in _NAMED_PERSON
            and span[0].lower_ not in surnames
            and _part_of(span.root, gaz)
            and _city_in(gaz, span.text, context)
        ):
            out.append(span)  # "at the entrance of Tuz Khurmatu" (tagged as a person)
    out += _towns_again(parse, gaz, out, all_ents)
    out = [e for e in out if not _foreign_town_after_the(parse, gaz, e, context)]
    whole = (compound_name(parse, gaz, _hyphenated(parse, gaz, e, context), context) for e in out)
    return sorted(whole, key=lambda e: e.start)


def compound_name(parse: Doc, gaz: Gazetteer, span: SpacySpan, context: Counter[str]) -> SpacySpan:
    """The whole of a name the NER tagged only in its first words ("Preah" of "Preah Vihear
    province", "Choam" of "Choam Khsant district"): the untagged proper nouns it modifies,
    when the gazetteer knows the whole or a division noun follows it; else ``span``."""
    best, end = span, span.end
    while end < len(parse) and end - span.end < 3:
        tok, prev = parse[end], parse[end - 1]
        # (each word hangs on a word to its right: one name's compound chain)
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", span.label_):
            break
        if prev.head.i <= prev.i or tok.head.i < tok.i:
            break
        end += 1
        longer = parse[span.start : end]
        if gaz.lookup(longer.text, context) is not None or division_after(gaz, longer):
            best = longer
    return best


def _named_person(span: SpacySpan, ents: Sequence[SpacySpan]) -> bool:
    """Does another person entity of the article share the name's last word (its surname)?"""
    last = span[-1].lower_
    return any(
        e.label_ == "PERSON" and e.start != span.start and e[-1].lower_ == last for e in ents
    )


def _foreign_town_after_the(
    parse: Doc, gaz: Gazetteer, span: SpacySpan, context: Counter[str]
) -> bool:
    """'near the Largo', 'at the Maidan': a town's name takes no article, so a name after
    "the" that the gazetteer knows only as a town of none of the article's countries (Largo,
    Florida, in a report from Sofia) is a square or a landmark of the story, not that town."""
    if span.start == 0 or parse[span.start - 1].lower_ != "the" or span[0].lower_ == "the":
        return False
    if span.root.dep_ in ("compound", "amod", "nmod", "poss"):
        return False  # "the Odesa region": the article is the noun's, not the name's
    key = gaz.key(span.text)
    if gaz.country(span.text) is not None or key in gaz.regions or key in gaz.landmarks:
        return False
    if gaz.subdivisions.get(key):
        return False
    city = gaz.best_city(key, context)
    # ("the Hague", "the Bronx": the town's own name has the article)
    return (
        city is not None
        and not city.name.lower().startswith("the ")
        and not _city_in(gaz, span.text, context)
    )


def _division_name(gaz: Gazetteer, span: SpacySpan) -> bool:
    """True when the span is all proper nouns and its name is a province or district (never
    a city or a country: a month, a holiday or a firm may share those)."""
    if not all(t.pos == PROPN for t in span):
        return False
    place = gaz.lookup(span.text)
    return place is not None and place.precision in ("province", "district")


def _called_place(gaz: Gazetteer, name: str, context: Counter[str]) -> bool:
    """Does a name the NER model did not call a place stand for one? Not when it is only one
    of the other names of a city outside the article's countries ("the Terminus market" in a
    Nigerian local paper: Terminus is an old name of Atlanta); in them such names are its
    quarters ("the Loop" in a Chicago story)."""
    place = gaz.lookup(name, context)
    if place is None:
        return False
    if place.precision != "city" or place.geonameid is None:
        return True
    key = gaz.key(name)
    same = [c for c in gaz.cities.get(key, ()) if c.geonameid == place.geonameid]
    return not same or any(gaz.called_so(c, key) or context.get(c.country2, 0) for c in same)


def _towns_again(
    parse: Doc, gaz: Gazetteer, places: list[SpacySpan], all_ents: Sequence[SpacySpan]
) -> list[SpacySpan]:
    """A name the article has named as a town ("the village of X", "X district", a GPE in a
    locative phrase) is that town wherever else it stands in a locative phrase, whatever
    label the small model gives it there ("fired at a post outside X", X tagged ORG): the
    span again, labelled a GPE."""
    towns = {
        gaz.key(s.text)
        for s in places
        if place_noun_of(s.root, gaz) is not None
        or division_after(gaz, s) is not None
        or (s.label_ in _TOWN_LABELS and locative_slot(s.root, gaz))
    }
    if not towns:
        return []
    taken = {(s.start, s.end) for s in places}
    return [
        SpacySpan(parse, s.start, s.end, label="GPE")
        for s in all_ents
        if s.label_ not in _TOWN_LABELS
        and (s.start, s.end) not in taken
        and gaz.key(s.text) in towns
        and locative_slot(s.root, gaz)
    ]


def _hyphenated(parse: Doc, gaz: Gazetteer, span: SpacySpan, context: Counter[str]) -> SpacySpan:
    """The whole of a hyphenated name the tokenizer split and the NER tagged only in part
    ("Mazar" of "Mazar-i-Sharif"), when the gazetteer knows the whole; else ``span``."""
    best, end = span, span.end
    while end + 1 < len(parse) and end - span.end < 6:
        if parse[end].text != "-" or not parse[end + 1].is_alpha:
            break
        end += 2
        if gaz.lookup(parse[span.start : end].text, context) is not None:
            best = parse[span.start : end]
    return best


def is_where_antecedent(tok: Token, gaz: Gazetteer) -> bool:
    """True when a relative clause about a place hangs from ``tok`` ("X, where ...") or from
    an apposition to it ("X, the provincial capital, where ...")."""
    return any(
        (
            c.dep_ == "relcl"
            and any(g.dep_ == "advmod" and g.lower_ in gaz.cues.relative_where for g in c.children)
        )
        or (c.dep_ == "appos" and is_where_antecedent(c, gaz))
        for c in tok.children
    )


def _country_or_region(gaz: Gazetteer, name: str) -> bool:
    return gaz.country(name) is not None or gaz.key(name) in gaz.regions


def capital_of_adjective(gaz: Gazetteer, span: SpacySpan) -> bool:
    """True for "Kenyan capital": a country's adjective and a capital noun."""
    return (
        len(span) == 2
        and span[0].lower_ in gaz.adjectives
        and span[1].lower_ in gaz.cues.capital_nouns
    )


def _object_city(gaz: Gazetteer, span: SpacySpan, context: Counter[str]) -> bool:
    """True for a city of the article's countries named as a verb's direct object ("shelled
    Aleppo") or as a modifier of one that is no organisation word ("raided the Dadaab
    camp", but not "the Kabul University")."""
    root = span.root
    # (a capitalised name the tagger calls an adjective modifies too: "the Kumbo post")
    modifier = root.dep_ in ("compound", "nmod") or (
        root.dep_ == "amod" and root.text[:1].isupper() and root.lower_ not in gaz.adjectives
    )
    if modifier and root.head.lower_ in gaz.cues.org_heads:
        return False
    slot = object_slot(root) or (modifier and object_slot(root.head))
    return slot and _city_in(gaz, span.text, context)


def division_after(gaz: Gazetteer, span: SpacySpan) -> PlacePrecision | None:
    """The precision of a division word right after a name ("the Kech district", "Plateau
    State"), else None."""
    doc = span.doc
    if span.end < len(doc):
        return gaz.cues.divisions.get(doc[span.end].lower_)
    return None


def _before_preposition(ent: SpacySpan) -> SpacySpan:
    """A mislabelled name cut before a preposition it swallowed ("X in the Centre-Nord")."""
    cut = next((t.i for t in ent if t.pos_ == "ADP" and t.i > ent.start), None)
    return ent if cut is None else ent.doc[ent.start : cut]


def place_noun_of(tok: Token, gaz: Gazetteer) -> str | None:
    """The place noun naming ``tok`` ("the town of X" -> "town"), else None."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in gaz.cues.place_noun_links:
        noun = head.head.lower_
        if noun in gaz.cues.place_nouns and head.head.i != head.i:
            return noun
    return None


def appositive_place_noun(tok: Token, gaz: Gazetteer) -> str | None:
    """The place noun of an apposition that says what a name is ("Wabag, the provincial
    capital", "Sugapa, the main town of the regency"), else None."""
    nouns = gaz.cues.place_nouns | gaz.cues.capital_nouns
    for c in tok.children:
        if c.dep_ == "appos" and c.lower_ in nouns:
            return c.lower_
    return None


def _part_of(tok: Token, gaz: Gazetteer) -> bool:
    """``tok`` names the place a part word is part of ("the outskirts of X", "at the
    entrance of X")."""
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ in gaz.cues.direction_links
        and head.head.i != head.i
        and head.head.lower_ in gaz.cues.directions
    )


def place_of_unlisted(
    gaz: Gazetteer, ent: SpacySpan, context: Counter[str], *, attached: bool = False
) -> Place | None:
    """A place the gazetteer does not list but the text names as one ("near the town of
    X", "in the X district", "X County"): that name in the article's main country, at the
    precision its noun gives, without coordinates. None when the article has no one main
    country. ``attached``: the name stands in a locative phrase on the act itself, so a
    location or facility name counts as a small place too ("detained at the X crossing"),
    never a street or square (a spot in the story's town)."""
    words = [t for t in ent if not (t.i == ent.start and t.lower_ in gaz.key.articles)]
    labels = _TOWN_LABELS | FACILITY_LABELS if attached else _TOWN_LABELS
    spots = gaz.cues.quarter_nouns | gaz.cues.directions  # (directions hold a town's parts)
    if attached and words and words[-1].lower_ in spots:
        return None  # "along X Avenue", "near the X Gate": a spot in the story's town
    while attached and len(words) > 1 and not words[-1].text[:1].isupper():
        words = words[:-1]  # "at the X crossing point": the place is X
    division = division_after(gaz, ent)
    if len(words) > 1 and words[-1].lower_ in gaz.cues.divisions:
        division = gaz.cues.divisions[words[-1].lower_]  # "X District" named as one
        words = words[:-1]
    noun = place_noun_of(ent.root, gaz)
    named = division is not None or (
        noun is not None and noun not in gaz.cues.capital_nouns and noun not in gaz.cues.home_nouns
    )
    if not named and appositive_place_noun(ent.root, gaz) is not None:
        # "X, the provincial capital": the apposition says X is a town
        noun, named = appositive_place_noun(ent.root, gaz), True
        if noun in gaz.cues.capital_nouns:
            noun = None  # a capital is a city
    # a name the NER model calls a geopolitical place, in a locative phrase ("killed nine
    # near X"): a town too small for the gazetteer
    if not named and not (ent.label_ in labels and locative_slot(ent.root, gaz)):
        return None
    if not words or any(not t.text[:1].isupper() for t in words if not t.is_punct):
        return None  # a common noun ("the district") names no place of its own
    if ent.root.pos_ == "ADJ" or ent.text.lower() in gaz.adjectives:
        return None  # "at Ukrainian cities": a nationality, no town called Ukrainian
    precision: PlacePrecision = division or gaz.cues.divisions.get(noun or "", "city")
    name = ent.doc[words[0].i : words[-1].i + 1].text
    within = enclosing(gaz, ent.root, context)
    if within is not None:  # "the village of X in the Batken region": Batken's country
        return Place(name, within, None, None, precision)
    top = context.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return Place(name, gaz.alpha3(top[0][0]), None, None, precision)


def enclosing(gaz: Gazetteer, root: Token, context: Counter[str]) -> str | None:
    """The country (alpha-3) of the place a name is said to lie in: "X in the Batken
    region", "X, a town in Kebbi state"; None when the text says none."""
    heads = [root, *(c for c in root.children if c.dep_ == "appos")]
    if place_noun_of(root, gaz) is not None:
        heads.append(root.head.head)  # "the town of X in Kebbi state": the noun's phrase
    division = None
    if root.dep_ == "compound" and root.head.lower_ in gaz.cues.divisions:
        division = root.head  # "X district of Y province": the division noun's phrase
        heads.append(division)
    for head in heads:
        for prep in head.children:
            links = gaz.cues.place_noun_links if head is division else frozenset()
            if prep.dep_ != "prep" or prep.lower_ not in gaz.cues.containment | links:
                continue
            if not any(c.dep_ == "pobj" for c in prep.children):
                continue
            # the whole phrase: "in the Batken region", "in Kebbi state"; not a city
            got = gaz.lookup(prep.doc[prep.i + 1 : prep.right_edge.i + 1].text, context)
            if got is not None and got.country is not None and got.precision != "city":
                return got.country
    return None


def object_slot(tok: Token) -> bool:
    """True when ``tok`` is the direct object of a verb ("shelled Aleppo")."""
    return tok.dep_ == "dobj" and tok.head.pos_ == "VERB"


def _city_in(gaz: Gazetteer, name: str, context: Counter[str]) -> bool:
    """True when the name is a city of one of the article's countries (none if no country)."""
    key = gaz.key(name)
    if gaz.country(name) is not None or key in gaz.regions:
        return False
    city = gaz.best_city(key, context)
    if city is None or not context.get(city.country2, 0):
        city = gaz.town(key, context)  # a town under the city threshold, of those countries
    return city is not None and context.get(city.country2, 0) > 0


def _capital_nouns(parse: Doc, gaz: Gazetteer) -> list[SpacySpan]:
    """ "the capital" as a noun of its own (not "the capital of X", not "capital city")."""
    out: list[SpacySpan] = []
    # (a token is built only for a capital or home noun: their hashes against one array)
    strings = parse.vocab.strings
    nouns = {strings[w] for w in (*gaz.cues.capital_nouns, *gaz.cues.home_nouns)}
    for k, word_hash in enumerate(parse.to_array(LOWER).tolist()):
        if word_hash not in nouns:
            continue
        tok = parse[k]
        word = tok.lower_
        if tok.pos_ != "NOUN":
            continue
        # "the Kenyan capital": the capital of the country the adjective names
        owner = [
            c
            for c in tok.children
            if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.lower_ in gaz.adjectives
        ]
        if owner and word in gaz.cues.capital_nouns:
            out.append(parse[owner[0].i : tok.i + 1])
            continue
        if any(c.dep_ in ("prep", "compound", "amod") for c in tok.children):
            continue
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            out.append(parse[tok.i : tok.i + 1])
    return out


def _untagged_names(parse: Doc, taken: set[int]) -> list[SpacySpan]:
    """Runs of capitalised proper nouns outside any entity (not at a sentence start)."""
    out: list[SpacySpan] = []
    # (the parts of speech and sentence starts from one array: a token is built only for a
    # noun or proper noun)
    pos = parse.to_array(POS).tolist()
    starts = parse.to_array(SENT_START).astype("int64").tolist()
    n = len(pos)
    i = 0
    while i < n:
        if i not in taken and pos[i] in (PROPN, NOUN) and parse[i].text[:1].isupper():
            j = i + 1
            while j < n and j not in taken and pos[j] == PROPN:
                j += 1
            if starts[i] != 1:  # not ``Token.is_sent_start``
                out.append(parse[i:j])
            i = j
            continue
        i += 1
    return out


def conjuncts(tok: Token) -> list[Token]:
    """Every token coordinated with ``tok`` ("Iraq and Syria"), itself included."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    group = [first]
    stack = [first]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj":
                group.append(c)
                stack.append(c)
    return group
