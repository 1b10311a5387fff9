"""Countries of the places a text names: a place entity's country, the places of one
sentence where an event happens, the countries an article is about, and when a country word
does not name the state ("ethnic Albanians", "anti-Syria")."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...model import Place
from ..place import LOCATION_LABELS, Gazetteer, compound_name
from ..syntax import opens_sentence
from .dictionary import ActorDictionary
from .vocab import ActorWords

#: NER labels of places
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_WHEN_LABELS = ("DATE", "TIME")  # "in March", "on Christmas Day": when, never where


def ent_of(tok: Token) -> SpacySpan | None:
    """The NER entity a token is in (found from the IOB tags, not by scanning doc.ents)."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def used_as_place(root: Token, words: ActorWords) -> bool:
    """Object of "in", "near", ... or of "the city of", "the outskirts of", "a resident of"
    ..., or the possessor of such an object ("in Tigray's north-east") or the name before
    its place noun ("in the Santiago district of Las Condes")."""
    # ("in Tigray's north-east"; "in the Santiago district of Las Condes")
    named = root.dep_ == "poss" or (
        root.dep_ == "compound" and root.head.lemma_.lower() in words.place_nouns
    )
    if named and root.head.dep_ == "pobj":
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in words.place_preps:
        return True
    holder = prep.head
    # ... or of "a resident of", "villagers of": who lives there is of that place's country
    nouns = words.place_nouns | words.inhabitant_nouns
    return prep.lower_ in words.of_prepositions and (
        holder.lemma_.lower() in nouns or holder.lower_ in nouns
    )


def names_of_places(doc: Doc, words: ActorWords) -> frozenset[str]:
    """Proper names the text puts before a place noun ("the Zamzam camp", "Kirumba town"):
    a one-word name the NER takes for a person elsewhere ("Zamzam is one of the places")
    is that place, never a person a later "he" could stand for."""
    return frozenset(
        t.lower_
        for t in doc
        if t.dep_ == "compound" and t.tag_ == "NNP" and t.head.lemma_.lower() in words.place_nouns
    )


def place_country(
    ent: SpacySpan,
    kb: ActorDictionary,
    gazetteer: Gazetteer,
    context: Counter[str] | None = None,
    located: bool = False,
) -> str | None:
    """Country of a place entity: the country table, then the gazetteer (regions, cities;
    ``context``, the article's countries, chooses between places of one name).

    A city name only counts where the text uses it as a place (object of "in", "near", ...,
    or a modifier such as "Baghdad's"), so a person the NER mislabels is not a city."""
    if ent.label_ in _WHEN_LABELS:
        return None  # a month's name is also an English town's ("in March": no Britain)
    root = ent.root
    as_place = located or used_as_place(root, kb.words)
    # the NER sometimes calls a city a person, a region an organisation: its use as a place
    # decides, or for a region's possessor ("Somaliland's leader"), that it is no city
    owner = root.dep_ == "poss" and root.pos_ == "PROPN"
    if ent.label_ not in _PLACE_LABELS and not (as_place and root.pos_ == "PROPN") and not owner:
        return None
    text = kb.words.drop_clitic(ent.text).strip()
    text = kb.words.strip_article(text, fold=True)
    if not text or not text[0].isupper():
        return None
    hit = kb.countries.get(text)
    if hit is not None:
        if hit[1] == "capital" and as_place and context:
            # "in Tripoli" in a story on Lebanon: a namesake in the article's countries
            namesake = _namesake_country(text, gazetteer, context)
            return namesake or hit[0]
        return hit[0]
    # "Gedo region", "Kirkuk province": the writer names a division, so a subdivision of
    # that name comes before a namesake town
    follows = root.head if root.dep_ == "compound" and root.head.i == ent.end else None
    division = gazetteer.cues.divisions.get(follows.lower_) if follows is not None else None
    place = gazetteer.lookup(text, context, division)
    if place is None or place.country is None:
        return None
    # a city counts used as a place, or as a tagged place's modifier ("Baghdad's streets");
    # an untagged possessor is a region at most ("Mission's head": no namesake town)
    modifier = root.dep_ in ("poss", "compound") and ent.label_ in _PLACE_LABELS
    if place.precision == "city" and not (as_place or modifier):
        return None
    if modifier and place.precision == "city" and _far_quarter(root, place, gazetteer, context):
        return None  # "the Naivasha market" in a story on Sudan: no Kenyan market
    return str(place.country)


def _far_quarter(
    root: Token, place: Place, gazetteer: Gazetteer, context: Counter[str] | None
) -> bool:
    """A market, street or square named after a town of a country the article is not about."""
    if root.dep_ != "compound" or root.head.lower_ not in gazetteer.cues.quarter_nouns:
        return False
    alpha2 = gazetteer.alpha2_of_alpha3.get(str(place.country), "")
    return context is not None and bool(context) and not context.get(alpha2, 0)


def _namesake_country(name: str, gazetteer: Gazetteer, context: Counter[str]) -> str | None:
    """The country of a city of that name in one of the article's countries, else None."""
    place = gazetteer.lookup(name, context)
    if place is None or place.country is None:
        return None
    alpha2 = gazetteer.alpha2_of_alpha3.get(str(place.country))
    return str(place.country) if alpha2 is not None and context.get(alpha2, 0) else None


def in_attribution(tok: Token, words: ActorWords) -> bool:
    """Is the token inside the source of a report ("officials in Nairobi said")?"""
    cur = tok
    for _ in range(12):
        if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.lemma_.lower() in words.report_verbs:
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


class DocumentPlaces:
    """The places of each sentence and the countries of the whole article, each computed once.

    The document's entities are listed once and a sentence's are found by bisecting that
    list: ``Span.ents`` rebuilds every entity of the document on each call, which made the
    cost grow with the square of the article's length.
    """

    def __init__(
        self,
        parse: Doc,
        kb: ActorDictionary,
        gazetteer: Gazetteer,
        context: Counter[str] | None = None,
    ) -> None:
        self.kb = kb
        self.gazetteer = gazetteer
        self._context = context if context is not None else Counter()
        # ("Kampong" of "Kampong Thom province": the whole name, which the gazetteer knows)
        self._ents = [
            compound_name(parse, gazetteer, e, self._context) if e.label_ in LOCATION_LABELS else e
            for e in parse.ents
        ]
        self._starts = [e.start for e in self._ents]
        self._places: dict[int, list[tuple[SpacySpan, str]]] = {}
        self._dominant: Counter[str] | None = None
        self._where: Counter[str] | None = None

    @property
    def context(self) -> Counter[str]:
        """The countries (alpha-2) the article names, as the place stage counts them: what
        decides between places of one name ("Perth" in a story on Scotland, "Tripoli" in
        one on Lebanon)."""
        return self._context

    def country_of(self, ent: SpacySpan, located: bool = False) -> str | None:
        """:func:`place_country` read in the article's countries (``located``: the text
        uses the name as a place)."""
        return place_country(ent, self.kb, self.gazetteer, self.context, located)

    @property
    def ents(self) -> list[SpacySpan]:
        """Every entity of the document, in text order."""
        return self._ents

    def ents_in(self, sent: SpacySpan) -> list[SpacySpan]:
        """The entities wholly inside ``sent`` (what ``sent.ents`` returns)."""
        out = []
        ents, k = self._ents, bisect_left(self._starts, sent.start)
        while k < len(ents) and ents[k].end <= sent.end:  # (no copy of the list's tail)
            out.append(ents[k])
            k += 1
        return out

    def of_sentence(self, sent: SpacySpan) -> list[tuple[SpacySpan, str]]:
        """(entity, country) for the places named in one sentence as where something is."""
        key = sent.start
        if key not in self._places:
            self._places[key] = [
                (ent, code) for ent in self.ents_in(sent) if (code := self._setting(ent))
            ]
        return self._places[key]

    def scene_before(self, sent: SpacySpan) -> list[tuple[SpacySpan, str]]:
        """The place the sentence before ``sent`` opens on, when that is its one place ("In
        Yerevan the mood was one of fury. Thousands gathered ..."): the scene it sets."""
        if sent.start == 0:
            return []
        prev = sent.doc[sent.start - 1].sent
        places = self.of_sentence(prev)
        if len(places) != 1:
            return []
        return places if opens_sentence(places[0][0]) else []

    def where(self) -> Counter[str]:
        """How often the article places something in each country ("in Baghdad", "near the
        city of X"): where its events happen, which nationality words and capitals named as
        actors ("the American embassy", "Washington said") do not tell."""
        if self._where is None:
            nonstate = self.kb.sectors.codes.nonstate
            counts: Counter[str] = Counter()
            for ent in self._ents:
                code = self._setting(ent)
                if code is not None and code not in nonstate:
                    counts[code] += 1
            self._where = counts
        return self._where

    def _setting(self, ent: SpacySpan) -> str | None:
        words = self.kb.words
        root = ent.root
        # "Russian strikes on Kharkiv": where the attack fell
        attacked = (
            root.dep_ == "pobj"
            and root.head.lower_ in words.attack_place_preps
            and root.head.head.lemma_.lower() in words.attack_nouns
            and ent.label_ != "NORP"
        )
        code = self.country_of(ent, attacked)
        if code is None or in_attribution(ent.root, words):
            return None
        if attacked:
            return code
        if root.dep_ == "poss" and root.head.dep_ == "pobj":
            root = root.head  # "near Macedonia's border"
        if root.dep_ != "pobj":
            return None
        if root.head.lower_ in words.place_preps:
            return code
        if root.head.lower_ in words.of_prepositions:
            holder = root.head.head  # "the city of X", "the capital of X"
            if holder.dep_ == "pobj" and holder.head.lower_ in words.place_preps:
                return code
        return None

    def dominant(self) -> Counter[str]:
        """How often the article names each country (places and nationality words)."""
        if self._dominant is None:
            counts: Counter[str] = Counter()
            for ent in self._ents:
                if backer(ent, self.kb):
                    continue  # "Moscow-backed separatists" are not about Russia's land
                if ent.label_ == "NORP":
                    hit = self.kb.countries.get(ent.text)
                    code = hit[0] if hit is not None and not ethnic(ent.root, self.kb) else None
                else:
                    code = self.country_of(ent)
                if code is not None:
                    counts[code] += 1
            self._dominant = counts
        return self._dominant


def leading_country(counts: Counter[str]) -> str | None:
    """The one country ``counts`` holds most (where an article places things), or None (no
    country, or a tie)."""
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def ethnic(tok: Token, kb: ActorDictionary) -> bool:
    """ "ethnic Albanians": the adjective names a people, not the state of that name."""
    words = kb.words.ethnic_words
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ in words:
        return True
    return any(c.lower_ in words for c in (*tok.children, *tok.head.children))


def namesake(tok: Token, kb: ActorDictionary, kind: str = "", words: int = 0) -> bool:
    """ "Puerto Jordan", "New Mexico": a country's name ending a longer place name whose
    word before it names no part of that country ("southern Lebanon" and "North Korea" do);
    a place named after the country, not the country. A person's one-word name hyphened to
    a name before it ("the Dawlah Islamiyah-Hassan Group") is likewise part of that name."""
    doc = tok.doc
    if kind == "PERSON" and words == 1 and tok.i >= 2 and doc[tok.i - 1].text == "-":
        return doc[tok.i - 2].text[:1].isupper()  # (the hyphen is punctuation, not data)
    if tok.i == 0 or tok.ent_iob_ != "I" or tok.ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    before = doc[tok.i - 1]
    return before.text[:1].isupper() and before.lower_ not in kb.words.country_part_words


def stance(tok: Token, kb: ActorDictionary) -> bool:
    """ "anti-Syria", "pro-Iranian": a stance towards a country, not its nationality (nor is
    "Pan-American" or "Inter-American", a whole region's)."""
    doc = tok.doc
    i = tok.i
    # not data: the hyphen is punctuation joining the prefix
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in kb.words.stance_prefixes


def backer(ent: SpacySpan, kb: ActorDictionary) -> bool:
    """ "Moscow-backed", "Iran-funded", "pro-Kyiv": a sponsor or a side, not a country the
    text is set in."""
    doc = ent.doc
    end = ent.end
    # not data: the hyphen is punctuation joining "X-backed"
    joined = end + 1 < len(doc) and doc[end].text == "-"
    return (joined and doc[end + 1].lower_ in kb.words.sponsor_words) or stance(ent[0], kb)


def dispute_sides(head: Token, kb: ActorDictionary) -> bool:
    """ "all parties", "both sides": the sides of a dispute, whoever they are (not "both
    governments": the states of their sentence)."""
    lemma = head.lemma_.lower()
    if lemma not in kb.words.pair_nouns or kb.sectors.by_word.get(lemma) in kb.sectors.codes.state:
        return False
    return bool({c.lower_ for c in head.children} & kb.words.pair_determiners)
