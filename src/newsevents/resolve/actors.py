"""Actor coding: country + sector for every event participant, and in-document coreference.

Coding is compositional, as PLOVER codes actors: a country from a name, adjective/demonym or
capital used as a metonym anywhere in the actor's phrase ("Iran's top general", "Iraqi militia
commander", "leaders of Romania's government", "Washington") and a sector from its role words
("general" -> MIL, "militia" -> UAF, "protesters" -> CVL). A curated dictionary covers
organisations and well-known office holders (with the dates they held office). Mentions of one
person share an entity: full name, later surname, a title used for them ("the general"), and
"he"/"she" as the subject of a following clause. Written by hand: no library codes PLOVER
actors offline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span as SpacySpan

from ..errors import ConfigError
from ..model import Actor, Document, Entity, EventMention, Quote, Span
from ..resources import countries, data_path, read_yaml

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SECTOR_CODES = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK"}
_SECTOR_CODES |= {"AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP"}
_SECTOR_CODES |= {"PRE", "REL", "SOC"}
_NONSTATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
#: "X-backed militia": X is the sponsor, not the militia's country.
_SPONSOR = {"backed", "supported", "funded", "armed", "sponsored", "aligned", "trained"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_GROUP_PRONOUNS = {"they", "it", "them", "we", "its", "their"}


@dataclass(frozen=True)
class ActorEntry:
    name: str
    aliases: tuple[str, ...]
    code: str
    sector: str | None
    kind: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if not date:
            return True
        d = date[:10]
        return not (self.start and d < self.start[: len(d)]) and not (
            self.end and d > self.end[: len(d)]
        )


@dataclass
class ActorDictionary:
    """Curated actors by surface form, and the sector word table."""

    entries: list[ActorEntry]
    forms: dict[str, list[ActorEntry]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()
    max_len: int = 1
    #: lemma sequences naming a kind of non-state body ("rights group" -> NGO)
    nonstate: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: role words that name a national office ("president", "prime minister")
    offices: frozenset[str] = frozenset()
    #: offices exercised at home: the holder belongs to the country where they act
    home_offices: frozenset[str] = frozenset()

    def lookup(self, form: str, date: str | None) -> ActorEntry | None:
        for entry in self.forms.get(form, ()):
            if entry.valid_on(date):
                return entry
        return None


def load_actor_dictionary(extra_paths: Sequence[Path] = ()) -> ActorDictionary:
    """The packaged actor list plus user files (``--actors``), checked entry by entry."""
    packaged = Path(__file__).resolve().parent / "data" / "actors.yaml"
    entries: list[ActorEntry] = []
    for path in (packaged, *map(Path, extra_paths)):
        data = read_yaml(path) or {}
        raw = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise ConfigError(f"{path}: expected a mapping with an 'actors' list")
        for i, item in enumerate(raw):
            entries.append(_actor_entry(path, i, item))
    book = ActorDictionary(entries=entries)
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            book.forms.setdefault(form, []).append(entry)
            book.max_len = max(book.max_len, len(form.split()))
    book.sectors, book.generic, book.nonstate, book.offices, book.home_offices = _sector_table()
    return book


def _actor_entry(path: Path, i: int, item: Any) -> ActorEntry:
    where = f"{path}:actors[{i}]"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ConfigError(f"{where}: each actor needs at least 'name' and 'code'")
    where = f"{path}:{item['name']}"
    code = item.get("code")
    if not isinstance(code, str) or not (len(code) == 3 and code.isupper()):
        raise ConfigError(f"{where}: code must be an ISO alpha-3 or PLOVER code such as IGO")
    sector = item.get("sector")
    if sector is not None and sector not in _SECTOR_CODES:
        raise ConfigError(f"{where}: sector {sector!r} is not a PLOVER sector code")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{where}: aliases must be a list of names")
    dates = []
    for key in ("from", "to"):
        value = item.get(key)
        if value is not None and not _DATE.match(str(value)):
            raise ConfigError(f"{where}: {key} must be an ISO date like 2019-07-24")
        dates.append(str(value) if value is not None else None)
    return ActorEntry(
        name=item["name"],
        aliases=tuple(aliases),
        code=code,
        sector=sector,
        kind=str(item.get("kind", "ORG")),
        start=dates[0],
        end=dates[1],
    )


@lru_cache(maxsize=1)
def _sector_table() -> tuple[
    dict[str, str], frozenset[str], dict[tuple[str, ...], str], frozenset[str], frozenset[str]
]:
    data = read_yaml(data_path("sectors.yaml"))
    if not isinstance(data, dict) or not isinstance(data.get("sectors"), dict):
        raise ConfigError("sectors.yaml: expected 'sectors' mapping sector code -> words")
    table: dict[str, str] = {}
    for code, words in data["sectors"].items():
        if code not in _SECTOR_CODES:
            raise ConfigError(f"sectors.yaml: {code!r} is not a PLOVER sector code")
        if not isinstance(words, list):
            raise ConfigError(f"sectors.yaml: {code} must list words")
        for w in words:
            table.setdefault(str(w).lower(), code)
    generic = data.get("generic") or []
    if not isinstance(generic, list):
        raise ConfigError("sectors.yaml: 'generic' must be a list of words")
    nonstate: dict[tuple[str, ...], str] = {}
    for code, phrases in (data.get("nonstate") or {}).items():
        if code not in _NONSTATE or not isinstance(phrases, list):
            raise ConfigError(
                f"sectors.yaml: nonstate.{code}: use a PLOVER non-state code "
                f"({', '.join(sorted(_NONSTATE))}) with a list of lemma phrases"
            )
        for phrase in phrases:
            nonstate[tuple(str(phrase).lower().split())] = code
    lists = []
    for key in ("offices", "home_offices"):
        words = data.get(key) or []
        if not isinstance(words, list):
            raise ConfigError(f"sectors.yaml: '{key}' must be a list of words")
        lists.append(frozenset(str(w).lower() for w in words))
    return (
        table,
        frozenset(str(w).lower() for w in generic),
        nonstate,
        lists[0],
        lists[1],
    )


# --- coding one phrase -----------------------------------------------------------------


@dataclass
class Coded:
    code: str | None = None
    sector: str | None = None
    kind: str | None = None  # PERSON | ORG | GPE | NORP | PRON
    person: str | None = None  # a person's full name in the phrase, for coreference
    titles: tuple[str, ...] = ()  # role words used for the person ("general")
    canonical: str | None = None


def _tokens(parse: Any, span: Span) -> list[Any]:
    sp = parse.char_span(span.start, span.end, alignment_mode="expand")
    return list(sp) if sp is not None else []


def _head(toks: list[Any]) -> Any:
    inside = set(t.i for t in toks)
    for t in toks:
        if t.head.i not in inside or t.head == t:
            return t
    return toks[-1]


def _sponsored(tok: Any, toks: list[Any]) -> bool:
    """Is ``tok`` inside an "X-backed" modifier of the phrase?"""
    inside = {t.i for t in toks}
    cur = tok
    for _ in range(4):
        if cur.lower_ in _SPONSOR or cur.lemma_.lower() in _SPONSOR:
            return True
        # stay inside the phrase: "The Indonesian government backed X" is not "X-backed"
        if cur.head == cur or cur.head.i not in inside:
            break
        cur = cur.head
    i = tok.i
    doc = tok.doc
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in _SPONSOR


def code_phrase(toks: list[Any], actors: ActorDictionary, date: str | None) -> Coded:
    """Country, sector and kind of one actor phrase."""
    out = Coded()
    if not toks:
        return out
    head = _head(toks)
    if len(toks) == 1 and head.lower_ in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
        out.kind = "PRON"
        return out
    table = countries()
    texts = [t.text for t in toks]
    spaced = [t.text_with_ws for t in toks]
    pos = [t.i for t in toks]

    def form_of(i: int, n: int) -> str:
        if pos[i + n - 1] - pos[i] == n - 1:  # contiguous: keep the written spacing ("U.S.")
            return "".join(spaced[i : i + n - 1]) + texts[i + n - 1]
        return " ".join(texts[i : i + n])

    # 1. dictionary names, longest first. A multiword name is one actor: the match may
    # take in capitalised words just before the phrase ("Kata'ib" + "Hezbollah fighters")
    # and must not be the tail of a longer name ("Kata'ib Hezbollah" is not "Hezbollah").
    lead = _name_lead(toks[0], actors)
    span_toks = lead + toks
    span_texts = [t.text for t in lead] + texts
    span_spaced = [t.text_with_ws for t in lead] + spaced
    span_pos = [t.i for t in lead] + pos

    def span_form(i: int, n: int) -> str:
        if span_pos[i + n - 1] - span_pos[i] == n - 1:
            return "".join(span_spaced[i : i + n - 1]) + span_texts[i + n - 1]
        return " ".join(span_texts[i : i + n])

    best: tuple[int, ActorEntry] | None = None
    for n in range(min(actors.max_len, len(span_toks)), 0, -1):
        for i in range(len(span_toks) - n + 1):
            if i + n <= len(lead):
                continue  # the match must reach into the phrase itself
            form = span_form(i, n)
            form = form[:-3] if form.endswith(" 's") else form
            entry = actors.lookup(form, date)
            if entry is None:
                continue
            longer = bool(_name_lead(span_toks[i], actors))
            if not longer and not _sponsored(span_toks[i], toks):
                best = (i, entry)
                break
        if best:
            break
    if best is not None:
        _, entry = best
        out.code, out.sector, out.kind, out.canonical = (
            entry.code,
            entry.sector,
            entry.kind,
            entry.name,
        )
    # 2. persons named in the phrase (for coreference)
    ents = [t for t in toks if t.ent_type_ == "PERSON"]
    if ents:
        out.person = " ".join(t.text for t in ents if t.text not in ("'s",))
        out.kind = out.kind or "PERSON"
    # 3. country from names / adjectives / capitals
    if out.code is None:
        for n in (4, 3, 2, 1):
            found = False
            for i in range(len(toks) - n + 1):
                form = form_of(i, n)
                hit = table.get(form) or table.get(form.removeprefix("the "))
                if hit is None and n == 1 and texts[i].isupper() is False:
                    hit = table.get(texts[i].capitalize()) if texts[i].istitle() else None
                if hit is None or _sponsored(toks[i], toks):
                    continue
                if hit[1] == "adjective" and _ethnic(toks[i]):
                    continue  # "ethnic Albanians in Serbia": a people, not another state
                if _stance(toks[i]):
                    continue  # "an anti-Syria journalist" is not Syrian
                out.code = hit[0]
                if head in (toks[i], toks[i + n - 1]):
                    out.kind = out.kind or ("GPE" if hit[1] != "adjective" else "NORP")
                    if hit[1] == "capital":
                        out.sector = out.sector or "GOV"
                found = True
                break
            if found:
                break
    if out.code is None:
        # a place the country table does not list: a region or city ("Kherson", "Tigray")
        place = _gazetteer_code(toks, head)
        if place is not None:
            out.code, is_head = place
            if is_head:
                out.kind = out.kind or "GPE"
    if out.code is None:
        out.code = _nonstate(toks, actors)
    # 4. sector from role words: the specific word nearest the head wins over rank words
    if out.sector is None or out.kind == "PERSON":
        sector = _sector(toks, head, actors)
        if sector is not None and (out.sector is None or (out.kind == "PERSON" and not best)):
            out.sector = sector
    out.titles = tuple(
        t.lemma_.lower()
        for t in toks
        if t.lemma_.lower() in actors.sectors and t.ent_type_ != "PERSON" and t.pos_ == "NOUN"
    )
    if out.kind is None:
        out.kind = "ORG" if out.sector else None
    return out


_PLACE_LABELS = ("GPE", "LOC", "FAC")
#: prepositions whose object is where something is or happens (not where it comes from)
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around"}
_PLACE_PREPS |= {"within", "along", "across"}
#: nouns whose "of" phrase names a place ("the outskirts of X", "the city of X")
_PLACE_NOUNS = {"outskirts", "city", "town", "village", "province", "region", "capital"}
_PLACE_NOUNS |= {"suburb", "suburbs", "centre", "center", "district", "streets", "street", "area"}


def _ethnic(tok: Any) -> bool:
    """ "ethnic Albanians": the adjective names a people, not the state of that name."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ == "ethnic":
        return True
    return any(c.lower_ == "ethnic" for c in (*tok.children, *tok.head.children))


def doc_tok(ent: Any) -> Any:
    return ent.doc[ent.start]


def _stance(tok: Any) -> bool:
    """ "anti-Syria", "pro-Iranian": a stance towards a country, not its nationality."""
    doc = tok.doc
    i = tok.i
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


def _gazetteer() -> Any:
    # same stage (resolve): the place gazetteer is loaded once and shared
    from .place import load_gazetteer

    return load_gazetteer()


def _ent_of(tok: Any) -> Any:
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


def place_country(ent: Any) -> str | None:
    """Country of a place entity: the country table, then the gazetteer (regions, cities).

    A city name only counts where the text uses it as a place (object of "in", "near", ...,
    or a modifier such as "Baghdad's"), so a person the NER mislabels is not a city."""
    root = ent.root
    as_place = (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS) or (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and (root.head.head.lemma_.lower() in _PLACE_NOUNS or root.head.head.lower_ in _PLACE_NOUNS)
    )
    if ent.label_ not in _PLACE_LABELS and not (as_place and root.pos_ == "PROPN"):
        return None  # the NER sometimes calls a city a person: its use as a place decides
    text = ent.text.removesuffix("'s").strip()
    text = text[4:] if text.lower().startswith("the ") else text
    if not text or not text[0].isupper():
        return None
    hit = countries().get(text)
    if hit is not None:
        return hit[0]
    place = _gazetteer().lookup(text)
    if place is None or place.country is None:
        return None
    if place.precision == "city" and not (as_place or root.dep_ in ("poss", "compound")):
        return None
    return str(place.country)


def _gazetteer_code(toks: list[Any], head: Any) -> tuple[str, bool] | None:
    """(country, names the head) for a region or city named in the phrase."""
    seen: set[int] = set()
    found: tuple[str, bool] | None = None
    for t in toks:
        if not t.ent_type_ or t.i in seen:
            continue
        ent = _ent_of(t)
        if ent is None:
            continue
        seen.update(range(ent.start, ent.end))
        if _stance(doc_tok(ent)):
            continue
        code = place_country(ent)
        if code is None:
            continue
        is_head = ent.start <= head.i < ent.end
        if is_head:
            return code, True
        found = found or (code, False)
    return found


def _nonstate(toks: list[Any], actors: ActorDictionary) -> str | None:
    """ "human rights groups", "aid agencies": a kind of non-state body (NGO ...)."""
    if not actors.nonstate:
        return None
    words = [(t.lemma_.lower(), t.lower_) for t in toks]
    present = {w for pair in words for w in pair}
    for key, code in actors.nonstate.items():
        if key[-1] not in present:
            continue
        n = len(key)
        for i in range(len(words) - n + 1):
            if all(k in words[i + j] for j, k in enumerate(key)):
                return code
    return None


def _name_lead(first: Any, actors: ActorDictionary) -> list[Any]:
    """Capitalised name words written just before ``first`` (same sentence, no punctuation
    between): the start of the multiword name ``first`` belongs to. Titles, country words
    and sentence-initial function words are not name words."""
    out: list[Any] = []
    doc = first.doc
    i = first.i - 1
    table = countries()
    while i >= 0 and len(out) < 3:  # (the sentence splitter sometimes cuts a name)
        t = doc[i]
        if (
            t.pos_ != "PROPN"
            or not t.text[:1].isupper()
            or not t.whitespace_
            or t.text in table
            or t.lemma_.lower() in actors.sectors
            or t.ent_type_ in ("GPE", "NORP", "DATE")
        ):
            break
        out.insert(0, t)
        i -= 1
    return out


def _sector(toks: list[Any], head: Any, actors: ActorDictionary) -> str | None:
    # the head, then heads of inner phrases ("leaders of the opposition party"), then modifiers
    ranked = sorted(
        toks, key=lambda t: (t != head, t.dep_ in ("compound", "amod"), abs(t.i - head.i))
    )
    generic_hit: str | None = None
    for t in ranked:
        if _sponsored(t, toks) or t.ent_type_ in ("GPE", "NORP"):
            continue
        low = t.lower_
        for w in (t.lemma_.lower(), low, low[:-1] if low.endswith("s") else low):
            sector = actors.sectors.get(w)
            if sector is None:
                continue
            if w in actors.generic:
                generic_hit = generic_hit or sector
            else:
                return sector
    return generic_hit


# --- the document pass -----------------------------------------------------------------


@dataclass
class _Cluster:
    key: str
    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    mentions: list[Span] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    last: int = -1


def resolve_actors(
    doc: Document, events: list[EventMention], quotes: list[Quote], actors: ActorDictionary
) -> tuple[list[EventMention], list[Quote], list[Entity]]:
    """Code every actor/recipient/speaker and cluster mentions of the same entity."""
    parse = doc.parse
    if parse is None or actors is None:
        return events, quotes, []
    date = doc.article.published
    clusters: dict[str, _Cluster] = {}
    surname: dict[str, str] = {}
    # pass 1: persons and organisations named anywhere, coded from their own phrase
    # (apposition and modifiers: "Iranian commander Jane Doe", "Doe, the deputy leader of X")
    for ent in parse.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        name = ent.text.removesuffix("'s").strip()
        if ent.label_ == "PERSON" and (countries().get(name) or place_country(ent)):
            continue  # the NER calls some places and nationalities persons ("in Niamey")
        toks = _context(ent)
        coded = code_phrase(toks, actors, date)
        if coded.code is None:
            # "As head of Iran's Quds Force, X ...", "X, the head of Iraq's militia body"
            for tie in _tied(ent.root):
                tied = code_phrase(_phrase(tie, wide=True), actors, date)
                if tied.code:
                    coded.code = tied.code
                    coded.sector = coded.sector or tied.sector
                    break
        key = _key(name, surname, clusters)
        cl = clusters.setdefault(key, _Cluster(key, name, ent.label_))
        if len(name) > len(cl.name):
            cl.name = name
        cl.mentions.append(Span(ent.start_char, ent.end_char))
        if coded.code and not cl.code:
            cl.code = coded.code
        if coded.sector and not cl.sector:
            cl.sector = coded.sector
        cl.titles.update(coded.titles)
        parts = name.split()
        if ent.label_ == "PERSON" and len(parts) > 1:
            surname.setdefault(parts[-1].lower(), key)
    # pass 2: the event participants, in text order
    last_person: _Cluster | None = None
    last_group: tuple[str | None, str | None, str | None] | None = None

    def code_actor(a: Actor, doer: bool = True) -> Actor:
        nonlocal last_person, last_group
        toks = _tokens(parse, a.span)
        coded = code_phrase(toks, actors, date)
        entity_key: str | None = None
        code, sector = coded.code, coded.sector
        if coded.kind == "PRON":
            word = toks[0].lower_ if toks else ""
            speaker = _reporting_subject(toks[0]) if toks else None
            if speaker is not None:
                # "Switzerland said it had expelled ...": the pronoun is the speaker
                sp_toks = _phrase(speaker)
                inner = code_phrase(sp_toks, actors, date)
                sp_cl = _cluster_for(a, sp_toks, inner, clusters, surname)
                if sp_cl is not None:
                    sp_cl.mentions.append(a.span)
                    return replace(
                        a,
                        code=inner.code or sp_cl.code,
                        sector=inner.sector or sp_cl.sector,
                        entity=sp_cl.key,
                    )
                if inner.code or inner.sector:
                    return replace(a, code=inner.code, sector=inner.sector)
            if word in _PERSON_PRONOUNS and toks:
                # the person named last before the pronoun (this or the previous sentences)
                near = _person_before(toks[0], clusters)
                if near is not None:
                    last_person = near
            antecedent = _group_antecedent(toks[0]) if word in ("it", "they") else None
            if antecedent is not None:
                # "Washington lift the sanctions it imposed": the nearest subject before
                inner = code_phrase(_phrase(antecedent), actors, date)
                if inner.code or inner.sector:
                    return replace(a, code=inner.code, sector=inner.sector)
            if word in _PERSON_PRONOUNS and last_person is not None:
                entity_key, code, sector = last_person.key, last_person.code, last_person.sector
                last_person.mentions.append(a.span)
            elif word in _GROUP_PRONOUNS and last_group is not None:
                code, sector, entity_key = last_group
            return replace(a, code=code, sector=sector, entity=entity_key)
        cl = _cluster_for(a, toks, coded, clusters, surname)
        if cl is not None:
            entity_key = cl.key
            if code is None:
                code = cl.code
            if sector is None or (cl.sector and coded.kind == "PERSON" and not coded.titles):
                sector = sector or cl.sector
            if a.span not in cl.mentions:
                cl.mentions.append(a.span)
            if cl.kind == "PERSON":
                last_person = cl
        if code is None and toks:
            # "twenty-four of its personnel": the possessor pronoun's antecedent
            owner = next((t for t in toks if t.dep_ == "poss" and t.pos_ == "PRON"), None)
            ante = _possessor_antecedent(owner) if owner is not None else None
            if ante is not None:
                inner = code_phrase(_phrase(ante), actors, date)
                ante_cl = _cluster_for(a, _phrase(ante), inner, clusters, surname)
                code = inner.code or (ante_cl.code if ante_cl is not None else None)
        if code is None and toks:
            # "Y, the head of X's agency", "Y is X's envoy", "As head of X's army, Y ..."
            for tie in _tied(_head(toks)):
                tied = code_phrase(_phrase(tie, wide=True), actors, date)
                if tied.code:
                    code, sector = tied.code, sector or tied.sector
                    if cl is not None and cl.code is None:
                        cl.code = code
                    break
        if code is None and toks:
            # "a camp for Congolese refugees", "a jail in northern Israel"
            wider = code_phrase(_phrase(_head(toks), wide=True), actors, date)
            code = wider.code
        if doer and (cl is None or cl.kind != "PERSON"):
            last_group = (code, sector, entity_key)  # "they" refers back to a doer
        return replace(a, code=code, sector=sector, entity=entity_key)

    context = _Setting(parse, actors)
    out_events = []
    for ev in events:
        actor = tuple(code_actor(a) for a in ev.actor)
        recipient = tuple(code_actor(a, doer=False) for a in ev.recipient)
        speaker = code_actor(ev.speaker) if ev.speaker is not None else None
        ev = context.fill(replace(ev, actor=actor, recipient=recipient, speaker=speaker))
        out_events.append(ev)
        doers = [a for a in ev.actor if a.code or a.sector]
        if doers and not all(a.sector == "UNK" for a in doers):
            d = doers[-1]  # "they" refers back to the last doer, with its country
            last_group = (d.code, d.sector, d.entity)
    out_quotes = [
        replace(q, speaker=code_actor(q.speaker)) if q.speaker is not None else q for q in quotes
    ]
    entities = [
        Entity(
            key=cl.key,
            name=cl.name,
            code=cl.code,
            sector=cl.sector,
            kind=cl.kind,
            mentions=tuple(sorted(set(cl.mentions))),
        )
        for cl in clusters.values()
    ]
    return out_events, out_quotes, entities


def _tied(head: Any) -> list[Any]:
    """Phrases the text equates with an actor: appositions ("Y, the head of X's agency"),
    predicate nominals ("Y is X's envoy") and "as" phrases ("As head of X's army, Y ...")."""
    out = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        out.append(head.head)
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
        if verb.lemma_ == "be":
            out.extend(c for c in verb.children if c.dep_ in ("attr", "acomp"))
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ == "as":
                out.extend(c for c in p.children if c.dep_ == "pobj")
    return out


#: sectors of the state's own organs, and of the society a state governs
_STATE = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM"}
_CIVIL = {"CVL", "OPP", "LAB", "EDU", "REL", "JRN", "PTY", "REB", "REF", "AGR", "MED", "BUS"}
_CIVIL |= {"CRM", "ELI", "UAF", "UNK"}
#: acts a state does to people under its rule (arrest, pardon, release, charge, ban, ...)
_DOMESTIC_ACTS = {"COERCE", "CONCEDE", "RETREAT", "ACCUSE", "SANCTION", "REQUEST", "REJECT"}
#: acts by which a society addresses its rulers (demands, protests, criticism, ...)
_ADDRESS_ACTS = {"REQUEST", "PROTEST", "ACCUSE", "REJECT", "AGREE", "CONCEDE", "SUPPORT"}
_ADDRESS_ACTS |= {"CONSULT", "THREATEN"}
#: events whose doer, when the text names none, is an unidentified actor of the place
_IMPLICIT_DOER = {"PROTEST": "CVL", "COERCE": "UNK", "ASSAULT": "UNK"}
_NONSTATE_CODES = _NONSTATE | {"IMG"}
#: acts whose recipient may be a place ("shelled Goma", "sealed off Hebron")
_PLACE_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}


@dataclass
class _Side:
    actor: Actor
    head: Any
    person_office: bool
    home_office: bool = False


class _Setting:
    """Countries an uncoded participant belongs to, from the sentence and the article.

    A careful coder gives an actor without a country of its own (a titled person, "police",
    "prisoners", "protesters") the country the text ties it to, in this order: the place
    where the event happens ("Police in Minsk", "arrested in Istanbul"); for a state's
    acts on its own people (arrests, pardons, charges, bans) the state's country; for a
    society addressing its rulers (demands, protests) the rulers' country; for a holder of
    a national office, the one country the article is about. A country that is itself the
    other party of the event ("threatened Russia") is never used for the doer.
    """

    def __init__(self, parse: Any, actors: ActorDictionary) -> None:
        self.parse = parse
        self.actors = actors
        self._places: dict[int, list[tuple[Any, str]]] = {}
        self._dominant: Counter[str] | None = None
        # the document's entities once, with their start tokens for bisecting: ``sent.ents``
        # rebuilds every entity of the document on each call (quadratic in article length)
        self._ents = list(parse.ents)
        self._ent_starts = [e.start for e in self._ents]

    def _ents_in(self, sent: Any) -> list[Any]:
        """The entities wholly inside ``sent`` (what ``sent.ents`` returns)."""
        i = bisect_left(self._ent_starts, sent.start)
        out = []
        for ent in self._ents[i:]:
            if ent.end > sent.end:
                break
            out.append(ent)
        return out

    def places(self, sent: Any) -> list[tuple[Any, str]]:
        """(entity, country) for the places named in one sentence."""
        key = sent.start
        if key not in self._places:
            out = []
            for ent in self._ents_in(sent):
                code = place_country(ent)
                if code is not None and not _in_attribution(ent.root):
                    root = ent.root
                    if root.dep_ == "poss" and root.head.dep_ == "pobj":
                        root = root.head  # "near Macedonia's border"
                    if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
                        out.append((ent, code))
                    elif root.dep_ == "pobj" and root.head.lower_ == "of":
                        holder = root.head.head  # "the city of X", "the capital of X"
                        if holder.dep_ == "pobj" and holder.head.lower_ in _PLACE_PREPS:
                            out.append((ent, code))
            self._places[key] = out
        return self._places[key]

    def dominant(self) -> Counter[str]:
        if self._dominant is None:
            counts: Counter[str] = Counter()
            table = countries()
            for ent in self._ents:
                if ent.label_ == "NORP":
                    hit = table.get(ent.text)
                    code = hit[0] if hit is not None and not _ethnic(ent.root) else None
                else:
                    code = place_country(ent)
                if code is not None:
                    counts[code] += 1
            self._dominant = counts
        return self._dominant

    def _side(self, a: Actor) -> _Side:
        toks = _tokens(self.parse, a.span)
        head = _head(toks) if toks else None
        office = bool(
            head is not None
            and a.sector in _STATE
            and any(t.lemma_.lower() in self.actors.offices for t in toks)
        )
        home = office and any(t.lemma_.lower() in self.actors.home_offices for t in toks)
        return _Side(a, head, office, home)

    def fill(self, ev: EventMention) -> EventMention:
        if not ev.actor and not ev.recipient and ev.event not in _IMPLICIT_DOER:
            return ev
        doers0 = {a.code for a in ev.actor if a.code}
        ev = replace(ev, recipient=tuple(self._other_party(r, doers0) for r in ev.recipient))
        if (
            all(a.code for a in (*ev.actor, *ev.recipient))
            and ev.actor
            and (ev.recipient or ev.event != "PROTEST")
        ):
            return ev
        sp = self.parse.char_span(ev.sentence.start, ev.sentence.end, alignment_mode="expand")
        if sp is None:
            return ev
        actors = [self._side(a) for a in ev.actor]
        recips = [self._side(a) for a in ev.recipient]
        # places are objects of "in", "at", ...: a party named as such ("against Russia")
        # is never among them
        setting = {code for _, code in self.places(sp)}
        here = next(iter(setting)) if len(setting) == 1 else None
        new_actor = tuple(self._fill_one(s, recips, ev.event, here, True) for s in actors)
        new_recip = tuple(self._fill_one(s, actors, ev.event, here, False) for s in recips)
        if not new_actor and here is not None and ev.event in _IMPLICIT_DOER:
            ent = next(e for e, c in self.places(sp) if c == here)
            new_actor = (
                Actor(
                    span=Span(ent.start_char, ent.end_char),
                    name=ent.text,
                    code=here,
                    sector=_IMPLICIT_DOER[ev.event],
                ),
            )
        doers = {a.code for a in new_actor if a.code}
        new_recip = tuple(self._other_party(r, doers) for r in new_recip)
        if ev.event == "PROTEST" and new_actor and not any(r.code for r in new_recip):
            target = self._own_government(new_actor, sp)
            if target is not None:
                new_recip = (*(r for r in new_recip if r.code), target)
        return replace(ev, actor=new_actor, recipient=new_recip)

    def _other_party(self, r: Actor, doers: set[str]) -> Actor:
        """ "scrapped an agreement between the US and Iran" (by the US): the thing's other
        party is the recipient, not the doer's own country."""
        if r.code not in doers or r.sector is not None:
            return r
        toks = _tokens(self.parse, r.span)
        if not toks:
            return r
        table = countries()
        head = _head(toks)
        for t in head.subtree:
            if (t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN") and not _ethnic(t):
                hit = table.get(t.text)
                if hit is not None and hit[0] not in doers:
                    return replace(r, code=hit[0])
        return r

    def _own_government(self, protesters: tuple[Actor, ...], sent: Any) -> Actor | None:
        """A protest that names no target addresses the protesters' own government: the
        recipient is the country word that codes them ("Young Algerians", "in Baghdad")."""
        codes = {a.code for a in protesters if a.code} - _NONSTATE_CODES
        if len(codes) != 1:
            return None
        (code,) = codes
        table = countries()
        for a in protesters:
            for t in _tokens(self.parse, a.span):
                hit = table.get(t.text)
                if hit is not None and hit[0] == code:
                    return Actor(Span(t.idx, t.idx + len(t.text)), t.text, code, "GOV")
        for ent, c in self.places(sent):
            if c == code:
                return Actor(Span(ent.start_char, ent.end_char), ent.text, code, "GOV")
        return None

    def _fill_one(
        self, side: _Side, others: list[_Side], event: str, here: str | None, doer: bool
    ) -> Actor:
        a = side.actor
        if a.code is not None or side.head is None:
            return a
        if side.head.pos_ == "PRON" and a.sector is None:
            return a
        if not doer and event in _PLACE_TARGETS and side.head.pos_ == "PROPN":
            place = _gazetteer().lookup(a.name)  # "shelled Goma": the target is a place
            if place is not None and place.country:
                return replace(a, code=str(place.country))
        party = (
            a.sector is not None
            or side.head.ent_type_ in ("PERSON", "ORG", "NORP")
            or side.head.pos_ == "NUM"  # "arresting 12"
        )
        if not party:
            return a
        if here is not None and (side.head.ent_type_ != "PERSON" or side.home_office):
            # a named person's country is who they are, not where the event happens, unless
            # they hold an office exercised at home ("President X ... a curfew in Algiers")
            return replace(a, code=here)
        other_codes = {o.actor.code for o in others if o.actor.code}
        other_codes -= _NONSTATE_CODES
        if len(other_codes) == 1:
            (other,) = other_codes
            other_state = any(
                o.actor.sector in _STATE or _is_country(o.actor) for o in others if o.actor.code
            )
            if not doer and event in _DOMESTIC_ACTS and other_state:
                return replace(a, code=other)  # "Sri Lanka's president pardoned 93 prisoners"
            organ = any(o.actor.sector in _STATE for o in others if o.actor.code)
            if doer and event in _ADDRESS_ACTS and organ and a.sector in _CIVIL:
                # "Families appealed to the Nigerian government" (an organ of the state, not
                # a foreign country named as such: "militia leaders blamed the United States")
                return replace(a, code=other)
            civil_other = any(o.actor.sector in _CIVIL for o in others) or event == "PROTEST"
            if not doer and a.sector in _STATE and event in _ADDRESS_ACTS and civil_other:
                return replace(a, code=other)  # "Rwandan rebels demanded the president quit"
            population = any(
                o.actor.sector in _CIVIL
                or (o.head is not None and o.head.ent_type_ == "NORP" and o.actor.sector is None)
                for o in others
            )
            if doer and side.person_office and population:
                return replace(a, code=other)  # "the president pardoned Zambian prisoners"
            if doer and side.home_office and event in _DOMESTIC_ACTS:
                return replace(a, code=other)  # "Judge X opened inquiries into Chilean officials"
        if side.person_office:
            counts = self.dominant()
            ranked = counts.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                top = ranked[0][0]
                if top not in {o.actor.code for o in others}:
                    return replace(a, code=top)
        return a


_REPORT_VERBS = {"say", "tell", "report", "claim", "announce", "state", "add", "confirm"}


def _in_attribution(tok: Any) -> bool:
    """Is the token inside the source of a report ("officials in Nairobi said")?"""
    cur = tok
    for _ in range(12):
        if cur.dep_ in ("nsubj", "nsubjpass") and cur.head.lemma_.lower() in _REPORT_VERBS:
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def _is_country(a: Actor) -> bool:
    """Is the actor a country itself ("Nicaragua", "Washington")?"""
    hit = countries().get(a.name.removeprefix("the ").strip())
    return hit is not None and hit[1] in ("name", "capital")


def _phrase(head: Any, wide: bool = False) -> list[Any]:
    """Tokens of the noun phrase under ``head`` (with its prepositional phrases if wide)."""
    skip = {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc", "punct"}
    if not wide:
        skip |= {"prep"}
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ not in skip:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _person_before(pron: Any, clusters: dict[str, _Cluster]) -> _Cluster | None:
    """The person entity mentioned last before ``pron``, at most two sentences back."""
    sent = pron.sent
    doc = pron.doc
    start = sent.start_char
    prev = sent.start - 1
    for _ in range(2):
        if prev < 0:
            break
        start = doc[prev].sent.start_char
        prev = doc[prev].sent.start - 1
    best: tuple[int, int, _Cluster] | None = None
    for cl in clusters.values():
        if cl.kind != "PERSON":
            continue
        for m in cl.mentions:
            if not start <= m.start < pron.idx:
                continue
            tok = doc.char_span(m.start, m.end, alignment_mode="expand")
            # a subject is the likelier antecedent ("Soleimani wasn't hiding like bin Laden.
            # Killing him ..." is Soleimani)
            subject = int(tok is not None and tok.root.dep_ in ("nsubj", "nsubjpass"))
            rank = (subject, m.start)
            if best is None or rank > best[:2]:
                best = (subject, m.start, cl)
    return best[2] if best is not None else None


def _possessor_antecedent(pron: Any) -> Any:
    """For "its"/"their" in a reported clause, the speaker ("X said that 24 of its
    personnel were killed"); otherwise the nearest earlier group subject."""
    if pron.lower_ not in ("its", "their"):
        return None
    node = pron
    for _ in range(8):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in _REPORT_VERBS:
            subj = [c for c in node.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subj[0] if subj else None
        if node.head == node:
            break
        node = node.head
    return None


def _main_clause(verb: Any) -> bool:
    """Is the verb the sentence's main verb or coordinated with it ("..., and X did Y")?"""
    for _ in range(6):
        if verb.dep_ == "ROOT":
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def _group_antecedent(pron: Any) -> Any:
    """For "it"/"they" inside a sentence, the nearest earlier subject that agrees in number
    and names a party (a country, organisation or group), or None."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    plural = pron.lower_ == "they"
    sent = pron.sent
    before = list(sent[: pron.i - sent.start])
    if sent.start > 0 and not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" for t in before
    ):
        # "The United States said the militia was behind it. And so it retaliated": the
        # previous sentence's main subject first, then its other subjects
        prev = pron.doc[sent.start - 1].sent
        main = [t for t in prev if t.dep_ == "nsubj" and _main_clause(t.head)]
        before = list(prev) + main + before
    for t in reversed(before):
        if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ == "PRON":
            continue
        if t.ent_type_ == "PERSON":
            continue
        is_plural = t.tag_ in ("NNS", "NNPS")
        if is_plural == plural or (not plural and t.ent_type_ in ("GPE", "ORG")):
            return t
    return None


def _reporting_subject(pron: Any) -> Any:
    """For a pronoun subject of a reported clause, the subject of the report verb."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pron.head
    if clause.dep_ not in ("ccomp", "conj") or clause.head == clause:
        return None
    verb = clause.head
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return subj[0] if subj else None


def _key(name: str, surname: dict[str, str], clusters: dict[str, _Cluster]) -> str:
    norm = " ".join(name.split())
    if norm in clusters:
        return norm
    parts = norm.split()
    if len(parts) == 1 and norm.lower() in surname:
        return surname[norm.lower()]
    # a longer form of a name seen before ("Doe" then "Jane Doe")
    for key, cl in clusters.items():
        if (
            len(key.split()) == 1
            and parts
            and parts[-1].lower() == key.lower()
            and cl.kind == "PERSON"
        ):
            return key
    return norm


def _context(ent: Any) -> list[Any]:
    """The entity's tokens plus its noun-phrase modifiers and appositions."""
    root = ent.root
    toks = {t.i: t for t in ent}
    for t in list(root.subtree):
        if t.dep_ in ("relcl", "acl") or t.i in toks:
            continue
        # keep modifiers and appositive phrases, not clauses
        anc = t
        ok = True
        while anc != root and anc.head != anc:
            if anc.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj", "cc"):
                ok = False
                break
            anc = anc.head
        if ok:
            toks[t.i] = t
    # "commander X" where X is the head's apposition/compound target
    head = root.head
    if root.dep_ in ("appos", "compound") and head != root:
        for t in head.subtree:
            if t.dep_ not in ("relcl", "acl", "conj") and abs(t.i - root.i) <= 8:
                toks.setdefault(t.i, t)
    return [toks[i] for i in sorted(toks)]


def _cluster_for(
    a: Actor, toks: list[Any], coded: Coded, clusters: dict[str, _Cluster], surname: dict[str, str]
) -> _Cluster | None:
    ents = [t for t in toks if t.ent_type_ in ("PERSON", "ORG")]
    if ents:
        doc = ents[0].doc
        name = str(doc[ents[0].i : ents[-1].i + 1].text).removesuffix("'s").strip()
        if ents[-1].i - ents[0].i + 1 != len(ents):
            name = " ".join(t.text for t in ents if t.text != "'s")
        key = _key(name, surname, clusters)
        if key in clusters:
            return clusters[key]
        for part in reversed(name.split()):
            if part.lower() in surname:
                return clusters.get(surname[part.lower()])
    # a surname the NER did not tag this time ("al-Muhandis", "Al-Sadr")
    for t in toks:
        if t.lower_ in surname and t.pos_ == "PROPN":
            return clusters.get(surname[t.lower_])
    if toks:
        run = str(toks[0].doc[toks[0].i : toks[-1].i + 1].text)
        for part in reversed(run.split()):
            if part.lower().removesuffix("'s") in surname:
                return clusters.get(surname[part.lower().removesuffix("'s")])
    # "the general": a title used before for exactly one person
    if toks and toks[0].lower_ in ("the", "this", "that") and not ents:
        head = _head(toks)
        title = head.lemma_.lower()
        owners = [cl for cl in clusters.values() if cl.kind == "PERSON" and title in cl.titles]
        if len(owners) == 1:
            return owners[0]
    return None
