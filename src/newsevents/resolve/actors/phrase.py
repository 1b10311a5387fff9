"""Coding one actor phrase: country, sector and kind, compositionally.

A country comes from a curated name, a country name, adjective or capital anywhere in the
phrase ("Iran's top general", "Washington"), a region or city the gazetteer knows, or a kind
of non-state body ("rights group" -> NGO); a sector from its role words ("general" -> MIL)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from ..place import Gazetteer
from .dictionary import ActorDictionary, ActorEntry
from .named_country import country_before_name
from .places import ent_of, ethnic, namesake, place_country, stance, used_as_place
from .vocab import ActorWords

#: what a phrase names: a person, an organisation, a place, a nationality, or a pronoun
ActorKind = Literal["PERSON", "ORG", "GPE", "NORP", "PRON"]


@dataclass
class Coded:
    code: str | None = None
    sector: str | None = None
    kind: str | None = None  # an ActorKind, or a curated entry's kind
    person: str | None = None  # a person's full name in the phrase, for coreference
    titles: tuple[str, ...] = ()  # role words used for the person ("general")
    full_titles: tuple[str, ...] = ()  # ... with the words that make the title ("vice president")
    canonical: str | None = None
    #: the code came from the Phoenix table (what the document says of the entity wins)
    open_data: bool = False


#: doc.user_data key of each token's head index (:func:`_heads`)
_HEADS = "newsevents.heads"


def _heads(doc: Doc) -> list[int]:
    """Each token's head index, read once per document from one array (each ``Token.head``
    builds a new Token; the phrase tests below climb heads thousands of times an article)."""
    heads: list[int] | None = doc.user_data.get(_HEADS)
    if heads is None:
        offsets = doc.to_array(HEAD).astype("int64").tolist()
        heads = doc.user_data[_HEADS] = [i + o for i, o in enumerate(offsets)]
    return heads


def head_of(toks: Sequence[Token]) -> Token:
    """The token of the phrase whose head lies outside it."""
    if toks:
        heads = _heads(toks[0].doc)
        inside = set(t.i for t in toks)
        for t in toks:
            head = heads[t.i]
            if head not in inside or head == t.i:
                return t
    return toks[-1]


def title_of(role: Token) -> str:
    """A role word with the words before it that make it a title ("Prime Minister",
    "foreign minister", "Defence Minister"), lower-cased: not names, countries or numbers."""
    mods = [
        c
        for c in role.children
        if c.i < role.i
        and c.dep_ in ("compound", "amod")
        and c.pos_ in ("NOUN", "PROPN", "ADJ")
        and c.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG")
    ]
    return " ".join([*(c.lower_ for c in mods), role.lemma_.lower()])


def related(tok: Token, toks: Sequence[Token], kb: ActorDictionary) -> bool:
    """Is ``tok`` the other end of a relation the phrase names ("Israel's militia ally", "an
    ally of Russia", "US proxies")? The ally is not the state it is allied to."""
    words = kb.words.relational_nouns
    inside = {t.i for t in toks}
    heads, doc = _heads(tok.doc), tok.doc
    cur = tok
    for _ in range(4):
        h = heads[cur.i]
        if h == cur.i or h not in inside:
            return False
        head = doc[h]
        if head.lemma_.lower() in words:
            return True
        cur = head
    return False


def sponsored(tok: Token, toks: Sequence[Token], kb: ActorDictionary) -> bool:
    """Is ``tok`` inside an "X-backed" modifier of the phrase?"""
    words = kb.words.sponsor_words
    inside = {t.i for t in toks}
    doc = tok.doc
    heads = _heads(doc)
    cur = tok
    for _ in range(4):
        if cur.lower_ in words or cur.lemma_.lower() in words:
            return True
        # stay inside the phrase: "The Indonesian government backed X" is not "X-backed"
        head = heads[cur.i]
        if head == cur.i or head not in inside:
            break
        cur = doc[head]
    i = tok.i
    # not data: the hyphen is punctuation joining "X-backed"
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in words


class _Run:
    """The words of a token sequence, each read once: a phrase's every run of one to six
    words is tried against the tables (speed only)."""

    __slots__ = ("_ents", "_pos", "ids", "texts", "toks", "with_ws")

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        self.ids = [t.i for t in toks]
        self.texts = [t.text for t in toks]
        self.with_ws = [t.text_with_ws for t in toks]
        self._pos: list[str] | None = None
        self._ents: list[str] | None = None

    def form(self, i: int, n: int) -> str:
        """The words ``toks[i:i+n]`` as written (contiguous: "U.S."), else joined by spaces."""
        if self.ids[i + n - 1] - self.ids[i] == n - 1:
            return "".join(self.with_ws[i : i + n - 1]) + self.texts[i + n - 1]
        return " ".join(self.texts[i : i + n])

    def looks_like_name(self, i: int, n: int) -> bool:
        """Do the words ``toks[i:i+n]`` look like a name: capitalised, with a proper noun or a
        named entity, and never a part of a longer person's name ("Hassan" in "Hassan
        Rouhani" is not another Hassan)?"""
        last = self.texts[i + n - 1]
        if not last[:1].isupper() or last in ("'s", "'"):
            return False
        if self._pos is None or self._ents is None:
            self._pos = [t.pos_ for t in self.toks]
            self._ents = [t.ent_type_ for t in self.toks]
        pos, ents = self._pos, self._ents
        first, end = self.ids[i], self.ids[i + n - 1] + 1
        for k in range(i, i + n):
            if ents[k] == "PERSON":
                ent = ent_of(self.toks[k])
                if ent is not None and (ent.start < first or ent.end > end):
                    return False
        return any(pos[k] == "PROPN" or ents[k] in _NAME_LABELS for k in range(i, i + n))


def code_phrase(
    toks: Sequence[Token],
    actors: ActorDictionary,
    date: str | None,
    gazetteer: Gazetteer,
    context: Counter[str] | None = None,
) -> Coded:
    """Country, sector and kind of one actor phrase (``context``: the countries, alpha-2, the
    article names, which decide between places of one name: "police in Perth")."""
    out = Coded()
    if not toks:
        return out
    head = head_of(toks)
    if len(toks) == 1 and head.lower_ in actors.words.pronouns:
        out.kind = "PRON"
        return out
    best = _dictionary_name(toks, actors, date)
    if best is not None and best.kind == "PERSON" and used_as_place(head, actors.words):
        best = None  # "pulled out of the town of Masisi": a place, whoever bears the name
    if best is not None:
        out.code, out.sector, out.kind, out.canonical = (
            best.code,
            best.sector,
            best.kind,
            best.name,
        )
        out.open_data = best.open_data
        held = () if best.open_data else actors.forms.get(best.name, ())
        if best.open_data or len(held) > 1:
            stated = Coded()
            _country_word(toks, head, actors, stated)
            if stated.code is not None and stated.code != out.code:
                # the phrase's own country word wins over the Phoenix table's ("King X of
                # Morocco"); of a person's roles in our files, the one in the country named
                # ("Polish Prime Minister Donald Tusk": an undated report cannot tell)
                other = next((e for e in held if e.code == stated.code), None)
                if best.open_data:
                    out.code = stated.code
                elif other is not None:
                    out.code, out.sector = other.code, other.sector
        elif best.kind == "ORG":
            out.code = country_before_name(toks, best, actors) or out.code
    # persons named in the phrase (for coreference)
    ents = [t for t in toks if t.ent_type_ == "PERSON"]
    if ents:
        clitics = actors.words.possessive_clitics
        out.person = " ".join(t.text for t in ents if t.text not in clitics)
        out.kind = out.kind or "PERSON"
    if out.code is None:
        _country_word(toks, head, actors, out)
    if out.code is None:
        # a place the country table does not list: a region or city ("Kherson", "Tigray")
        place = _gazetteer_code(toks, head, actors, gazetteer, context)
        if place is not None:
            out.code, is_head = place
            if is_head:
                out.kind = out.kind or "GPE"
    if out.code is None:
        # a country or place only the Phoenix lists know (other spellings: "Afganistan")
        spelled = _longest_name(
            toks, 0, toks, actors, lambda f: actors.open_lookup(f, date, _PLACES), named=True
        )
        if spelled is not None:
            out.code = spelled.code
            out.kind = out.kind or "GPE"
    if out.code is None:
        out.code = _nonstate(toks, actors)
    if out.code is None:
        out.code = _place_holder_code(head, actors, date, gazetteer, context)
    if out.code is None:
        out.code = _origin_code(head, toks, actors, date, gazetteer, context)
    # sector from role words: the specific word nearest the head wins over rank words
    if out.sector is None or out.kind == "PERSON":
        # an international body's capitalised words are its name ("African Union": no union)
        body = best is not None and best.code in actors.sectors.codes.nonstate
        roles_of = [t for t in toks if not (body and t.pos_ == "PROPN")]
        sector = _sector(roles_of, head, actors) if roles_of else None
        if sector is not None and (out.sector is None or (out.kind == "PERSON" and best is None)):
            out.sector = sector
    table = actors.sectors.by_word
    roles = [
        t
        for t in toks
        if t.lemma_.lower() in table and t.ent_type_ != "PERSON" and t.pos_ in ("NOUN", "PROPN")
    ]
    out.titles = tuple(dict.fromkeys(t.lemma_.lower() for t in roles))
    # the titles those role words head ("prime minister", "vice president", "president")
    out.full_titles = tuple(dict.fromkeys(title_of(t) for t in roles))
    if out.kind is None:
        out.kind = "ORG" if out.sector else None
    return out


def _place_holder_code(
    head: Token,
    actors: ActorDictionary,
    date: str | None,
    gazetteer: Gazetteer,
    context: Counter[str] | None,
) -> str | None:
    """ "towns in Tigray's north-east", "villages near X": a place noun with no country of
    its own is in the country of the place its phrase names; so is an agent ("police in
    Bishkek", "officials in Kabul": the place's own)."""
    words = actors.words
    noun = head.lemma_.lower()
    place = noun in words.place_nouns or head.lower_ in words.place_nouns
    site = noun in words.site_nouns or head.lower_ in words.site_nouns
    agent = noun in actors.sectors.by_word or head.lower_ in actors.sectors.by_word
    if not place and not site and (not agent or noun in words.visitor_nouns):
        return None  # "a delegation from X in Accra", "the envoy in Kabul": not the place's
    preps = words.place_preps | words.of_prepositions if place else words.place_preps
    if agent and any(c.dep_ == "prep" and c.lower_ in words.origin_preps for c in head.children):
        return None  # "officials from X in Y": where they come from is coded elsewhere
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    inner = code_phrase(list(obj.subtree), actors, date, gazetteer, context)
                    if inner.code is not None:
                        return inner.code
                    named = _named_place_noun(obj, words, gazetteer, context)
                    if named is not None:
                        return named
    return None


def _origin_code(
    head: Token,
    toks: Sequence[Token],
    actors: ActorDictionary,
    date: str | None,
    gazetteer: Gazetteer,
    context: Counter[str] | None,
) -> str | None:
    """ "the lorry driver from Podujeva", "traders from Kano": people are of the place they
    come from (the phrase's span may stop before its "from"). Not a place's own phrase, nor
    armed men ("troops from Kherson" may be troops pulled out of it)."""
    words = actors.words
    noun = head.lemma_.lower()
    if noun in words.place_nouns or noun in words.site_nouns or head.pos_ != "NOUN":
        return None
    if actors.sectors.by_word.get(noun) in _ARMED_SECTORS:
        return None
    inside = {t.i for t in toks}
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in words.origin_preps or prep.i in inside:
            continue
        for obj in prep.children:
            # (the tagger calls some towns bodies: "from Novi Pazar" as an ORG)
            ent = ent_of(obj) if obj.dep_ == "pobj" and obj.ent_type_ in _FROM_LABELS else None
            if ent is None:
                continue
            name = words.strip_article(ent.text, fold=True)
            hit = actors.countries.get(name)
            place = gazetteer.lookup(ent.text, context) if hit is None else None
            return hit[0] if hit is not None else (place.country if place else None)
    return None


#: sectors of armed men, who are not of the place they move from
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})
_FROM_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


def _named_place_noun(
    obj: Token, words: ActorWords, gazetteer: Gazetteer, context: Counter[str] | None
) -> str | None:
    """ "in Mandera town", "in Kasese district": a place noun led by a name the tagger left
    untagged is that named place (the noun says it is one)."""
    if obj.lemma_.lower() not in words.place_nouns and obj.lower_ not in words.place_nouns:
        return None
    names = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names or names[-1].i != obj.i - 1:
        return None
    first = min(t.i for n in names for t in n.subtree)
    name = obj.doc[first : obj.i].text
    place = gazetteer.lookup(name, context) if name[:1].isupper() else None
    return str(place.country) if place is not None and place.country else None


def _dictionary_name(
    toks: Sequence[Token], actors: ActorDictionary, date: str | None
) -> ActorEntry | None:
    """A name in the phrase, longest first: our own files, then the Phoenix table (its role on
    ``date``). A multiword name is one actor: the match may take in capitalised words just
    before the phrase ("Kata'ib" + "Hezbollah fighters") and must not be the tail of a longer
    name ("Kata'ib Hezbollah" is not "Hezbollah")."""
    lead = name_lead(toks[0], actors)
    span = [*lead, *toks]
    own = _longest_name(span, len(lead), toks, actors, lambda f: actors.lookup(f, date))
    if own is not None:
        return own
    return _longest_name(
        span,
        len(lead),
        toks,
        actors,
        lambda f: actors.open_lookup(f, date),
        named=True,
    )


def _longest_name(
    span: Sequence[Token],
    lead: int,
    toks: Sequence[Token],
    actors: ActorDictionary,
    find: Callable[[str], ActorEntry | None],
    named: bool = False,
) -> ActorEntry | None:
    """The longest run of ``span`` reaching past ``lead`` that ``find`` names. With ``named``,
    the run must look like a name: its last word capitalised and one word a proper noun or
    inside a named entity (the Phoenix table spells names in capitals, so "the opposition"
    must not match an actor called OPPOSITION)."""
    longest = min(_OPEN_MAX if named else actors.max_len, len(span))
    run = _Run(span)
    for n in range(longest, 0, -1):
        for i in range(len(span) - n + 1):
            if i + n <= lead:
                continue  # the match must reach into the phrase itself
            if named and not run.looks_like_name(i, n):
                continue
            # the dictionary before the brackets test: most runs name nothing
            form = actors.words.drop_spaced_clitic(run.form(i, n))
            entry = find(form)
            if entry is None or _abbreviation(span[i : i + n]):
                continue
            lead_words = [t.text for t in name_lead(span[i], actors)]  # "Volodymyr" is his own
            longer = not entry.first_names(lead_words) or _named_body_lead(span[i], entry, actors)
            if longer or sponsored(span[i], toks, actors) or stance(span[i], actors):
                continue
            if related(span[i], toks, actors) or namesake(span[i], actors, entry.kind, n):
                continue  # "Israel's militia ally"; "Puerto Jordan" is no Jordan
            return entry
    return None


def _abbreviation(run: Sequence[Token]) -> bool:
    """A bracketed short form right after a name ("Kosovo Police (KP)") abbreviates that
    name; it is not another actor's initials."""
    doc = run[0].doc
    first, end = run[0].i, run[-1].i + 1
    if first < 2 or end >= len(doc):
        return False
    return (
        doc[first - 1].text == "("
        and doc[end].text == ")"
        and doc[first - 2].text[:1].isupper()
        and all(t.text.isupper() for t in run)
    )


#: the longest Phoenix name looked up, in words
_OPEN_MAX = 6


_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})


def _country_word(toks: Sequence[Token], head: Token, actors: ActorDictionary, out: Coded) -> None:
    """A country name, adjective or capital in the phrase, longest first (sets ``out``)."""
    table = actors.countries
    run = _Run(toks)
    for n in range(min(7, len(toks)), 0, -1):  # "Democratic Republic of the Congo": 5
        for i in range(len(toks) - n + 1):
            form = run.form(i, n)
            text = run.texts[i]
            hit = table.get(form) or table.get(actors.words.strip_article(form))
            if hit is None and n == 1 and text.isupper() is False:
                hit = table.get(text.capitalize()) if text.istitle() else None
            if hit is None or sponsored(toks[i], toks, actors) or related(toks[i], toks, actors):
                continue
            if hit[1] == "adjective" and ethnic(toks[i], actors):
                continue  # "ethnic Albanians in Serbia": a people, not another state
            if stance(toks[i], actors):
                continue  # "an anti-Syria journalist" is not Syrian
            if namesake(toks[i], actors):
                continue  # "a base in Puerto Jordan" is not in Jordan
            if _hyphenated_first(toks[i], actors.words.diaspora_nationalities):
                continue  # "Cuban-American protesters": American citizens
            out.code = hit[0]
            if head in (toks[i], toks[i + n - 1]):
                out.kind = out.kind or ("GPE" if hit[1] != "adjective" else "NORP")
                if hit[1] == "capital" and not used_as_place(head, actors.words):
                    out.sector = out.sector or actors.sectors.codes.capital
            return


def _hyphenated_first(tok: Token, diaspora: frozenset[str]) -> bool:
    """Is the word the origin half of a diaspora compound ("Cuban-American")?"""
    doc = tok.doc
    i = tok.i
    # not data: the hyphen is punctuation joining the two words
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in diaspora


def _gazetteer_code(
    toks: Sequence[Token],
    head: Token,
    actors: ActorDictionary,
    gazetteer: Gazetteer,
    context: Counter[str] | None,
) -> tuple[str, bool] | None:
    """(country, names the head) for a region or city named in the phrase."""
    seen: set[int] = set()
    found: tuple[str, bool] | None = None
    for t in toks:
        if not t.ent_type_ or t.i in seen:
            continue
        ent = ent_of(t)
        if ent is None:
            continue
        seen.update(range(ent.start, ent.end))
        if stance(ent.doc[ent.start], actors) or sponsored(ent.root, toks, actors):
            continue  # "anti-Syria", "Moscow-backed": not the phrase's own country
        if related(ent.root, toks, actors):
            continue  # "Israel's militia ally"
        code = place_country(ent, actors, gazetteer, context)
        if code is None:
            continue
        is_head = ent.start <= head.i < ent.end
        if is_head:
            return code, True
        found = found or (code, False)
    return found


def _nonstate(toks: Sequence[Token], actors: ActorDictionary) -> str | None:
    """ "human rights groups", "aid agencies": a kind of non-state body (NGO ...)."""
    if not actors.sectors.nonstate:
        return None
    words = [(t.lemma_.lower(), t.lower_) for t in toks]
    present = {w for pair in words for w in pair}
    for key, code in actors.sectors.nonstate.items():
        if key[-1] not in present:
            continue
        n = len(key)
        for i in range(len(words) - n + 1):
            if all(k in words[i + j] for j, k in enumerate(key)):
                return code
    return None


def name_lead(first: Token, actors: ActorDictionary) -> list[Token]:
    """Capitalised name words just before ``first`` (same sentence, no punctuation between):
    the start of its multiword name. Titles, country words, sentence-initial function words
    are not name words."""
    out: list[Token] = []
    doc = first.doc
    i = first.i - 1
    while i >= 0 and len(out) < 3:  # (the sentence splitter sometimes cuts a name)
        t = doc[i]
        if not _capitalised_word(t, actors) or t.lemma_.lower() in actors.sectors.by_word:
            break
        out.insert(0, t)
        i -= 1
    return out


def _capitalised_word(t: Token, actors: ActorDictionary) -> bool:
    """A capitalised proper noun written before the next word, no country, place or date."""
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and bool(t.whitespace_)
        and t.text not in actors.countries
        and t.ent_type_ not in ("GPE", "NORP", "DATE")
    )


def _named_body_lead(first: Token, entry: ActorEntry, actors: ActorDictionary) -> bool:
    """Is a body's name the tail of another body's name led by a capitalised role word
    ("Nigeria's Labour Congress" is no US Congress, "the Police Council" no council of ours)?
    Role words lead no person's name ("President Ruto"), so only bodies are checked."""
    if entry.kind == "PERSON" or first.i == 0:
        return False
    t = first.doc[first.i - 1]
    return _capitalised_word(t, actors) and t.lemma_.lower() in actors.sectors.by_word


_PLACES = frozenset({"GPE"})


def _agent_sector(toks: Sequence[Token], head: Token, actors: ActorDictionary) -> str | None:
    """The Phoenix agents' sector of the head noun with the words before it ("riot police"),
    longest first, as written then as lemmas."""
    if head.like_num or head.pos_ == "NUM" or head.lemma_.lower() in actors.words.quantity_nouns:
        # "thousands of angry mourners": the counted noun names the actor
        counted = [
            c
            for p in head.children
            if p.dep_ == "prep" and p.lower_ in actors.words.of_prepositions
            for c in p.children
            if c.dep_ == "pobj" and c.i in {t.i for t in toks}
        ]
        if not counted:
            return None
        head = counted[0]
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("PERSON", "GPE", "NORP"):
        return None
    before = [t for t in toks if t.i <= head.i][-3:]
    alone = head.lemma_.lower() not in actors.sectors.generic  # ours win: "spokesman" no JRN
    for n in range(len(before), 0 if alone else 1, -1):
        run = before[-n:]
        if run[-1] != head or run[-1].i - run[0].i != n - 1:
            continue
        for form in (
            " ".join(t.lower_ for t in run),
            " ".join([*(t.lower_ for t in run[:-1]), head.lemma_.lower()]),
        ):
            sector = actors.agent_sector(form)
            if sector is not None:
                return sector
    return None


def _sector(toks: Sequence[Token], head: Token, actors: ActorDictionary) -> str | None:
    # the head, then heads of inner phrases ("leaders of the opposition party"), then modifiers
    ranked = sorted(
        toks, key=lambda t: (t != head, t.dep_ in ("compound", "amod"), abs(t.i - head.i))
    )
    table = actors.sectors  # ("Secretary-General" is the secretary's title: no general)
    generic_hit: str | None = None
    for t in (t for t in ranked if not table.title_tail(t)):
        if sponsored(t, toks, actors) or actors.nation_word(t.text, t.ent_type_):
            continue
        low = t.lower_
        # not data: the English plural suffix, for plurals the lemmatizer missed
        for w in (t.lemma_.lower(), low, low[:-1] if low.endswith("s") else low):
            sector = table.by_word.get(w)
            if sector is None:
                continue
            if w in table.generic:
                generic_hit = generic_hit or sector
            else:
                return sector
    if generic_hit and any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in head.children):
        generic_hit = None  # "the group's spokesman": the group's, not a state's by default
    return _agent_sector(toks, head, actors) or generic_hit
