"""Loaders for the converted PETRARCH2/Phoenix dictionaries (``resolve/data/phoenix/`` and
``extract/data/phoenix/``, written by ``scripts/convert_phoenix.py``; MIT, Open Event Data
Alliance, see ``data/THIRD_PARTY.md``).

Each loader checks the file's shape (the ``# columns:`` header, the number of cells, codes,
dates and closed vocabularies) and raises :class:`ConfigError` naming the file and line. The
results are frozen objects with an index by normalised phrase (:func:`normalise`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

from ..errors import ConfigError
from .actors import ActorTable, load_actors
from .tsv import CODE, normalise, phoenix_dir, rows
from .verbs import VerbLexicon, load_verbs

DiscardScope = Literal["sentence", "story"]
DiscardMatch = Literal["word", "stem"]

AGENT_COLUMNS = ("phrase", "plurals", "sector", "cameo")
DISCARD_COLUMNS = ("phrase", "scope", "match")

_SCOPES = frozenset({"sentence", "story"})
_MATCHES = frozenset({"word", "stem"})


# --- agents and discards --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AgentEntry:
    phrase: str
    plurals: tuple[str, ...]
    sector: str  # PLOVER sector ("" when the code names none)
    cameo: str  # the dictionary's agent code (~GOV: after the actor's code; NGO~: before)


@dataclass(frozen=True)
class AgentTable:
    entries: tuple[AgentEntry, ...]
    index: Mapping[str, AgentEntry] = field(repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, phrase: str) -> AgentEntry | None:
        """The agent a noun phrase (singular or plural) names; the first entry wins."""
        return self.index.get(normalise(phrase))


def load_agents(path: Path | None = None) -> AgentTable:
    """The converted Phoenix agents (``resolve/data/phoenix/agents.tsv``)."""
    path = path or phoenix_dir("resolve") / "agents.tsv"
    entries: list[AgentEntry] = []
    index: dict[str, AgentEntry] = {}
    for lineno, (phrase, plurals, sector, cameo) in rows(path, AGENT_COLUMNS):
        if not phrase or not CODE.match(sector) or "~" not in cameo:
            raise ConfigError(f"{path}:{lineno}: need a phrase, a sector code and a ~code")
        entry = AgentEntry(phrase, tuple(plurals.split("|")) if plurals else (), sector, cameo)
        entries.append(entry)
        for form in (phrase, *entry.plurals):
            index.setdefault(normalise(form), entry)
    return AgentTable(tuple(entries), index)


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str
    scope: DiscardScope  # sentence: skip the sentence; story: skip the whole story
    match: DiscardMatch  # word: ends at a word boundary; stem: any continuation


@dataclass(frozen=True)
class DiscardList:
    entries: tuple[Discard, ...]
    pattern: re.Pattern[str] = field(repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> Discard | None:
        """The first discard phrase found in ``text`` (case-insensitive), if any."""
        m = self.pattern.search(text)
        if m is None:
            return None
        return self.entries[int((m.lastgroup or "d0")[1:])]


def load_discards(path: Path | None = None) -> DiscardList:
    """The converted Phoenix discard list (``resolve/data/phoenix/discards.tsv``)."""
    path = path or phoenix_dir("resolve") / "discards.tsv"
    entries: list[Discard] = []
    for lineno, (phrase, scope, match) in rows(path, DISCARD_COLUMNS):
        if not phrase or scope not in _SCOPES or match not in _MATCHES:
            raise ConfigError(
                f"{path}:{lineno}: need a phrase, scope sentence|story, match word|stem"
            )
        entries.append(Discard(phrase, cast(DiscardScope, scope), cast(DiscardMatch, match)))
    alternatives = [
        f"(?P<d{i}>"
        + re.escape(d.phrase).replace(r"\ ", r"\s+")
        + (r"\b)" if d.match == "word" else ")")
        for i, d in enumerate(entries)
    ]
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(alternatives or ["(?!)"]) + ")", re.I)
    return DiscardList(tuple(entries), pattern)


# --- everything -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PhoenixKnowledge:
    """All converted Phoenix dictionaries, loaded once."""

    actors: ActorTable
    agents: AgentTable
    discards: DiscardList
    verbs: VerbLexicon


def load_phoenix(*, cache: bool = True, cache_dir: Path | None = None) -> PhoenixKnowledge:
    """Load every packaged converted file (schema-checked); the actor index comes from the
    cache folder when it matches the file (see :mod:`.actors`)."""
    actors = load_actors(cache=cache, cache_dir=cache_dir)
    return PhoenixKnowledge(actors, load_agents(), load_discards(), load_verbs())
