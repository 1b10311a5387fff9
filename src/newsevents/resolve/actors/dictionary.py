"""The actor coder's knowledge, loaded once: curated actors with their terms of office, the
sector table, the coder's words, the country table and the declared event types."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ...errors import ConfigError
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

    def lookup(self, form: str, date: str | None) -> ActorEntry | None:
        for entry in self.forms.get(form, ()):
            if entry.valid_on(date):
                return entry
        return None


def packaged_actors_path() -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / "actors.yaml"))


def load_actor_dictionary(
    extra_paths: Sequence[Path] = (),
    types: EventTypes | None = None,
    lexicon: Lexicon | None = None,
) -> ActorDictionary:
    """The packaged actor list plus user files (``--actors``), checked entry by entry, with
    the tables the coder needs (the packaged event types and lexicon unless given)."""
    sectors = load_sector_table()
    entries: list[ActorEntry] = []
    for path in (packaged_actors_path(), *map(Path, extra_paths)):
        data = read_yaml(path) or {}
        raw = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(raw, list):
            raise ConfigError(f"{path}: expected a mapping with an 'actors' list")
        for i, item in enumerate(raw):
            entries.append(_actor_entry(path, i, item, sectors))
    forms: dict[str, list[ActorEntry]] = {}
    max_len = 1
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            forms.setdefault(form, []).append(entry)
            max_len = max(max_len, len(form.split()))
    return ActorDictionary(
        entries=tuple(entries),
        forms=MappingProxyType({k: tuple(v) for k, v in forms.items()}),
        max_len=max_len,
        sectors=sectors,
        words=load_actor_words(lexicon if lexicon is not None else load_lexicon()),
        countries=MappingProxyType(countries()),
        types=types if types is not None else load_event_types(),
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
