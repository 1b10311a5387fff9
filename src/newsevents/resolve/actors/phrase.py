"""Coding one actor phrase: country, sector and kind, compositionally.

A country comes from a curated name, a country name, adjective or capital anywhere in the
phrase ("Iran's top general", "Washington"), a region or city the gazetteer knows, or a kind
of non-state body ("rights group" -> NGO); a sector from its role words ("general" -> MIL).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from ..place import Gazetteer
from .dictionary import ActorDictionary, ActorEntry
from .places import ent_of, ethnic, place_country, stance

#: what a phrase names: a person, an organisation, a place, a nationality, or a pronoun
ActorKind = Literal["PERSON", "ORG", "GPE", "NORP", "PRON"]


@dataclass
class Coded:
    code: str | None = None
    sector: str | None = None
    kind: str | None = None  # an ActorKind, or a curated entry's kind
    person: str | None = None  # a person's full name in the phrase, for coreference
    titles: tuple[str, ...] = ()  # role words used for the person ("general")
    canonical: str | None = None


def head_of(toks: Sequence[Token]) -> Token:
    """The token of the phrase whose head lies outside it."""
    inside = set(t.i for t in toks)
    for t in toks:
        if t.head.i not in inside or t.head == t:
            return t
    return toks[-1]


def sponsored(tok: Token, toks: Sequence[Token], kb: ActorDictionary) -> bool:
    """Is ``tok`` inside an "X-backed" modifier of the phrase?"""
    words = kb.words.sponsor_words
    inside = {t.i for t in toks}
    cur = tok
    for _ in range(4):
        if cur.lower_ in words or cur.lemma_.lower() in words:
            return True
        # stay inside the phrase: "The Indonesian government backed X" is not "X-backed"
        if cur.head == cur or cur.head.i not in inside:
            break
        cur = cur.head
    i = tok.i
    doc = tok.doc
    # not data: the hyphen is punctuation joining "X-backed"
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in words


def _form(toks: Sequence[Token], i: int, n: int) -> str:
    """The words ``toks[i:i+n]`` as written (contiguous: "U.S."), else joined by spaces."""
    part = toks[i : i + n]
    if part[-1].i - part[0].i == n - 1:
        return "".join(t.text_with_ws for t in part[:-1]) + part[-1].text
    return " ".join(t.text for t in part)


def code_phrase(
    toks: Sequence[Token], actors: ActorDictionary, date: str | None, gazetteer: Gazetteer
) -> Coded:
    """Country, sector and kind of one actor phrase."""
    out = Coded()
    if not toks:
        return out
    head = head_of(toks)
    if len(toks) == 1 and head.lower_ in actors.words.pronouns:
        out.kind = "PRON"
        return out
    best = _dictionary_name(toks, actors, date)
    if best is not None:
        out.code, out.sector, out.kind, out.canonical = (
            best.code,
            best.sector,
            best.kind,
            best.name,
        )
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
        place = _gazetteer_code(toks, head, actors, gazetteer)
        if place is not None:
            out.code, is_head = place
            if is_head:
                out.kind = out.kind or "GPE"
    if out.code is None:
        out.code = _nonstate(toks, actors)
    # sector from role words: the specific word nearest the head wins over rank words
    if out.sector is None or out.kind == "PERSON":
        sector = _sector(toks, head, actors)
        if sector is not None and (out.sector is None or (out.kind == "PERSON" and best is None)):
            out.sector = sector
    table = actors.sectors.by_word
    out.titles = tuple(
        t.lemma_.lower()
        for t in toks
        if t.lemma_.lower() in table and t.ent_type_ != "PERSON" and t.pos_ == "NOUN"
    )
    if out.kind is None:
        out.kind = "ORG" if out.sector else None
    return out


def _dictionary_name(
    toks: Sequence[Token], actors: ActorDictionary, date: str | None
) -> ActorEntry | None:
    """A curated name in the phrase, longest first. A multiword name is one actor: the match
    may take in capitalised words just before the phrase ("Kata'ib" + "Hezbollah fighters")
    and must not be the tail of a longer name ("Kata'ib Hezbollah" is not "Hezbollah")."""
    lead = name_lead(toks[0], actors)
    span = [*lead, *toks]
    for n in range(min(actors.max_len, len(span)), 0, -1):
        for i in range(len(span) - n + 1):
            if i + n <= len(lead):
                continue  # the match must reach into the phrase itself
            form = actors.words.drop_spaced_clitic(_form(span, i, n))
            entry = actors.lookup(form, date)
            if entry is None:
                continue
            longer = bool(name_lead(span[i], actors))
            if not longer and not sponsored(span[i], toks, actors):
                return entry
    return None


def _country_word(toks: Sequence[Token], head: Token, actors: ActorDictionary, out: Coded) -> None:
    """A country name, adjective or capital in the phrase, longest first (sets ``out``)."""
    table = actors.countries
    for n in (4, 3, 2, 1):
        for i in range(len(toks) - n + 1):
            form = _form(toks, i, n)
            text = toks[i].text
            hit = table.get(form) or table.get(actors.words.strip_article(form))
            if hit is None and n == 1 and text.isupper() is False:
                hit = table.get(text.capitalize()) if text.istitle() else None
            if hit is None or sponsored(toks[i], toks, actors):
                continue
            if hit[1] == "adjective" and ethnic(toks[i], actors):
                continue  # "ethnic Albanians in Serbia": a people, not another state
            if stance(toks[i], actors):
                continue  # "an anti-Syria journalist" is not Syrian
            out.code = hit[0]
            if head in (toks[i], toks[i + n - 1]):
                out.kind = out.kind or ("GPE" if hit[1] != "adjective" else "NORP")
                if hit[1] == "capital":
                    out.sector = out.sector or actors.sectors.codes.capital
            return


def _gazetteer_code(
    toks: Sequence[Token], head: Token, actors: ActorDictionary, gazetteer: Gazetteer
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
        if stance(ent.doc[ent.start], actors):
            continue
        code = place_country(ent, actors, gazetteer)
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
    """Capitalised name words written just before ``first`` (same sentence, no punctuation
    between): the start of the multiword name ``first`` belongs to. Titles, country words
    and sentence-initial function words are not name words."""
    out: list[Token] = []
    doc = first.doc
    i = first.i - 1
    while i >= 0 and len(out) < 3:  # (the sentence splitter sometimes cuts a name)
        t = doc[i]
        if (
            t.pos_ != "PROPN"
            or not t.text[:1].isupper()
            or not t.whitespace_
            or t.text in actors.countries
            or t.lemma_.lower() in actors.sectors.by_word
            or t.ent_type_ in ("GPE", "NORP", "DATE")
        ):
            break
        out.insert(0, t)
        i -= 1
    return out


def _sector(toks: Sequence[Token], head: Token, actors: ActorDictionary) -> str | None:
    # the head, then heads of inner phrases ("leaders of the opposition party"), then modifiers
    ranked = sorted(
        toks, key=lambda t: (t != head, t.dep_ in ("compound", "amod"), abs(t.i - head.i))
    )
    table = actors.sectors
    generic_hit: str | None = None
    for t in ranked:
        if sponsored(t, toks, actors) or t.ent_type_ in ("GPE", "NORP"):
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
    return generic_hit
