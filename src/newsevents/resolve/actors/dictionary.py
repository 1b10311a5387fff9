"""The actor coder's knowledge, loaded once: curated actors with their terms of office (our
own ``actors.yaml`` and ``officials.yaml``, then the user's files), the converted Phoenix
actors (dated roles), agents (common nouns -> sectors) and discards beneath them, the sector
table, the coder's words, the country table and the declared event types.

Our own entries are a layer on top: a phrase our files name is coded from them, and the
Phoenix table is read only for phrases they do not name (see :meth:`ActorDictionary.lookup`
and :meth:`ActorDictionary.open_lookup`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ...errors import ConfigError
from ...knowledge import (
    ActorRecord,
    ActorRole,
    ActorTable,
    AgentTable,
    DiscardList,
    load_actors,
    load_agents,
    load_discards,
    normalise,
)
from ...resources import EventTypes, Lexicon, countries, load_event_types, load_lexicon, read_yaml
from .vocab import ActorWords, SectorTable, load_actor_words, load_sector_table

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class ActorEntry:
    name: str
    aliases: tuple[str, ...]
    code: str
    sector: str | None
    kind: str
    start: str | None = None
    end: str | None = None
    #: True for an entry of the converted Phoenix table (our own files: False)
    open_data: bool = False

    def first_names(self, words: Sequence[str]) -> bool:
        """Are ``words`` (maybe none) the words before the last of this person's name ("Volodymyr"
        before "Zelenskiy", an alias of Volodymyr Zelensky)?"""
        if not words:
            return True
        given = self.name.split()[:-1]
        return self.kind == "PERSON" and [w.lower() for w in words] == [g.lower() for g in given]

    def valid_on(self, date: str | None) -> bool:
        if not date:
            return True
        d = date[:10]
        return not (self.start and d < self.start[: len(d)]) and not (
            self.end and d > self.end[: len(d)]
        )


@dataclass(frozen=True)
class ActorDictionary:
    """Everything the actor coder knows: curated actors by surface form, the sector table,
    its words, the country table (surface form -> (ISO alpha-3, name|adjective|capital))
    and the declared event types."""

    entries: tuple[ActorEntry, ...]
    forms: Mapping[str, tuple[ActorEntry, ...]]
    max_len: int
    sectors: SectorTable
    words: ActorWords
    countries: Mapping[str, tuple[str, str]]
    types: EventTypes
    #: the converted Phoenix dictionaries (None: not loaded, as in small tests)
    phoenix: ActorTable | None = None
    agents: AgentTable | None = None
    discards: DiscardList | None = None
    #: the discards by their first two letters: (lower-case phrase, must end at a word end)
    discard_index: Mapping[str, tuple[tuple[str, bool], ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def entity_names(self) -> tuple[tuple[str, str], ...]:
        """(label, surface form) of every curated body the tagger should know by name: armed
        groups and parties it often leaves untagged ("talks with the ELN")."""
        forms = {
            form
            for e in self.entries
            if e.kind == "ORG" and not e.open_data
            for form in (e.name, *e.aliases)
            if len(form) >= 3 and any(ch.isupper() for ch in form)
        }
        return tuple(("ORG", form) for form in sorted(forms))

    def lookup(self, form: str, date: str | None) -> ActorEntry | None:
        """Our own entry for ``form`` valid on ``date``; when the name has dated roles but none
        covers the day, the role that ended last before it (a general named after his death,
        a president after leaving office keeps his country). Before the first role, None: the
        Phoenix table may know the earlier career (Rouhani in parliament in the 1990s)."""
        entries = self.forms.get(form, ())
        for entry in entries:
            if entry.valid_on(date):
                return entry
        if not date or not entries:
            return None
        d = date[:10]
        before = [e for e in entries if e.end and e.end[: len(d)] < d]
        return max(before, key=lambda e: e.end or "") if before else None

    def open_lookup(
        self, form: str, date: str | None, kinds: frozenset[str] = frozenset({"PERSON", "ORG"})
    ) -> ActorEntry | None:
        """The Phoenix actor ``form`` names, with the role valid on ``date``; None when it names
        no actor of ``kinds`` or several actors of different countries (a name clash). A name
        of three letters or fewer must be written in capitals ("UN", not "un"). The coder asks
        only after our own files gave no entry valid on the date."""
        if self.phoenix is None:
            return None
        key = normalise(form)
        if not key:
            return None
        if len(key.replace(" ", "")) <= _SHORT and not form.replace(".", "").isupper():
            return None
        day = _day(date)
        found: list[tuple[ActorRecord, ActorRole]] = []
        for record in self.phoenix.lookup(key):
            if record.kind not in kinds:
                continue
            role = record.role_on(day) or _nearest_role(record, day)
            if role is not None and role.code:
                found.append((record, role))
        if not found or len({role.code for _, role in found}) > 1:
            return None
        record, role = found[0]
        return ActorEntry(
            name=record.name.title(),
            aliases=(),
            code=role.code,
            sector=role.sector or None,
            kind=record.kind,
            open_data=True,
        )

    def nation_word(self, text: str, label: str) -> bool:
        """Does a word tagged ``label`` name a state or a nationality ("Iran", "Iranian"),
        not a movement the tagger also calls a group ("Jihadists", "Islamists")?"""
        return label == "GPE" or (label == "NORP" and text in self.countries)

    def country_name(self, code: str) -> str:
        """The country's name as the country table writes it first ("PER" -> "Peru"; the code
        itself for a code the table lacks): how a state the text does not name is shown."""
        for form, (c, kind) in self.countries.items():
            if c == code and kind == "name":
                return form
        return code

    def agent_sector(self, phrase: str) -> str | None:
        """The PLOVER sector of a common noun phrase in the Phoenix agents ("police" COP)."""
        if self.agents is None:
            return None
        entry = self.agents.lookup(phrase)
        return entry.sector if entry is not None and entry.sector else None

    def discarded(self, phrase: str) -> bool:
        """Does the phrase contain a Phoenix discard (never an actor)? The same test as
        ``DiscardList.find`` (case-insensitive, from a word start; a ``word`` discard ends at a
        word boundary), through an index by first two letters instead of one long regex."""
        if not self.discard_index:
            return False
        text = " ".join(phrase.casefold().split())
        for i in range(len(text)):
            if i and (text[i - 1].isalnum() or text[i - 1] == "_"):
                continue
            for form, whole in self.discard_index.get(text[i : i + 2], ()):
                if not text.startswith(form, i):
                    continue
                end = i + len(form)
                if not whole or end == len(text) or not _word_char(text[end]):
                    return True
        return False


#: British and American spellings of one name ("Organisation" / "Organization")
_ISE = re.compile(r"(?<=[a-z])is(ations?)\b")
_IZE = re.compile(r"(?<=[a-z])iz(ations?)\b")


def spellings(form: str) -> tuple[str, ...]:
    """A name and its other spelling, so that an entry written "World Health Organization"
    also names the "World Health Organisation" a British outlet writes (and the reverse)."""
    other = _ISE.sub(r"iz\1", form)
    if other == form:
        other = _IZE.sub(r"is\1", form)
    return (form,) if other == form else (form, other)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _discard_index(discards: DiscardList | None) -> Mapping[str, tuple[tuple[str, bool], ...]]:
    index: dict[str, list[tuple[str, bool]]] = {}
    for d in discards.entries if discards is not None else ():
        form = " ".join(d.phrase.casefold().split())
        index.setdefault(form[:2], []).append((form, d.match == "word"))
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


#: names this short (letters) match only when written in capitals
_SHORT = 3


def _day(value: str | None) -> Date | None:
    if not value or len(value) < 10:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def _nearest_role(record: ActorRecord, day: Date | None) -> ActorRole | None:
    """No role covers the day: the role that ended last before it (its country still holds),
    else the first one after it."""
    if day is None or not record.roles:
        return None
    before = [r for r in record.roles if r.end is not None and r.end < day]
    if before:
        return max(before, key=lambda r: r.end or Date.min)
    return min(record.roles, key=lambda r: r.start or Date.max)


def packaged_actors_path() -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / "actors.yaml"))


def packaged_actor_paths() -> tuple[Path, ...]:
    """Our own actor files: ``actors.yaml`` and, when present, ``officials.yaml`` (dated office
    holders, same schema)."""
    folder = packaged_actors_path().parent
    officials = folder / "officials.yaml"
    return (packaged_actors_path(), *((officials,) if officials.is_file() else ()))


def load_actor_dictionary(
    extra_paths: Sequence[Path] = (),
    types: EventTypes | None = None,
    lexicon: Lexicon | None = None,
    open_data: bool = True,
) -> ActorDictionary:
    """The packaged actor lists plus user files (``--actors``), checked entry by entry, with
    the tables the coder needs (the packaged event types and lexicon unless given) and, unless
    ``open_data`` is False, the converted Phoenix actors, agents and discards."""
    sectors = load_sector_table()
    entries: list[ActorEntry] = []
    for path in (*packaged_actor_paths(), *map(Path, extra_paths)):
        data = read_yaml(path) or {}
        raw = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise ConfigError(f"{path}: expected a mapping with an 'actors' list")
        for i, item in enumerate(raw):
            entries.append(_actor_entry(path, i, item, sectors))
    discards = load_discards() if open_data else None
    forms: dict[str, list[ActorEntry]] = {}
    max_len = 1
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            for spelt in spellings(form):
                forms.setdefault(spelt, []).append(entry)
            max_len = max(max_len, len(form.split()))
    return ActorDictionary(
        entries=tuple(entries),
        forms=MappingProxyType({k: tuple(v) for k, v in forms.items()}),
        max_len=max_len,
        sectors=sectors,
        words=load_actor_words(lexicon if lexicon is not None else load_lexicon()),
        countries=MappingProxyType(countries()),
        types=types if types is not None else load_event_types(),
        phoenix=load_actors() if open_data else None,
        agents=load_agents() if open_data else None,
        discards=discards,
        discard_index=_discard_index(discards),
    )


def _actor_entry(path: Path, i: int, item: Any, sectors: SectorTable) -> ActorEntry:
    where = f"{path}:actors[{i}]"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ConfigError(f"{where}: each actor needs at least 'name' and 'code'")
    where = f"{path}:{item['name']}"
    code = item.get("code")
    if not isinstance(code, str) or not (len(code) == 3 and code.isupper()):
        raise ConfigError(f"{where}: code must be an ISO alpha-3 or PLOVER code such as IGO")
    sector = item.get("sector")
    if sector is not None and sector not in sectors.codes.sectors:
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
