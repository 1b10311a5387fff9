"""Loader for ``data/merge.yaml`` (coalition membership, name words) and the merge groups of
the declared event types (``merges_with`` in ``data/event_types.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..resources import EventTypes, countries, data_path, load_event_types, read_yaml
from .text import name_key


@dataclass(frozen=True)
class MergeKnowledge:
    compatible: frozenset[frozenset[str]]  # unordered pairs of PLOVER types
    type_group: dict[str, str]  # type -> representative of its compatibility component
    coalition_members: dict[str, frozenset[str]]  # coalition name key -> member codes
    person_titles: frozenset[str] = frozenset()  # lower-case words (see merge.names)
    name_particles: frozenset[str] = frozenset()
    name_connectors: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    evaluative_openers: frozenset[str] = frozenset()
    evaluative_copulas: frozenset[str] = frozenset()
    generic_participants: frozenset[str] = frozenset()
    separate_markers: frozenset[str] = frozenset()  # "separately", "in a separate" (lower case)
    toll_words: frozenset[str] = frozenset()  # "toll": a sentence that updates an act's figure
    late_night_words: frozenset[str] = frozenset()  # "Friday night": may be Saturday elsewhere
    early_hours_words: frozenset[str] = frozenset()  # "before dawn on Saturday": maybe Friday
    guessed_names: frozenset[str] = frozenset()  # "unidentified (Kirkuk)": a doer not identified
    # name keys of country names and adjectives (countries.tsv): a sentence naming a country
    # does not place an event there (see merge.features.text_places)
    country_words: frozenset[str] = frozenset()
    # singular noun -> the class of people a figure counts (counted_classes in merge.yaml)
    counted_class: dict[str, str] = field(default_factory=dict)
    # sector -> the armed side it fights on (index into opposing_sides in merge.yaml)
    armed_side: dict[str, int] = field(default_factory=dict)
    # sectors of doers the text does not identify: their country is a guess (guessed_sectors)
    guessed_sectors: frozenset[str] = frozenset()
    # modes that name acts of their own kind (distinct_modes): two reports with two of them
    # tell two acts ("a curfew", "40 arrests")
    distinct_modes: frozenset[str] = frozenset()

    def guessed(self, name: str, sector: str | None) -> bool:
        """Is the doer one the text does not identify: a guessed sector, or the coder's name
        for such a doer ("unidentified (Kirkuk)")?"""
        if sector in self.guessed_sectors:
            return True
        return name.split(" (", 1)[0].strip().lower() in self.guessed_names

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.compatible

    def coalition_of(self, name_or_code: str) -> frozenset[str]:
        return _coalition_of(self, name_or_code)


_NONE: frozenset[str] = frozenset()
_COALITION_CACHE: dict[tuple[int, str], frozenset[str]] = {}


def _coalition_of(kb: MergeKnowledge, name_or_code: str) -> frozenset[str]:
    key = (id(kb), name_or_code)  # kb objects live in load_knowledge's cache
    got = _COALITION_CACHE.get(key)
    if got is None:
        if len(_COALITION_CACHE) > 1 << 16:
            _COALITION_CACHE.clear()
        got = _COALITION_CACHE[key] = kb.coalition_members.get(name_key(name_or_code), _NONE)
    return got


@lru_cache(maxsize=4)
def load_knowledge(path: Path | None = None, types: EventTypes | None = None) -> MergeKnowledge:
    """Read and shape-check the merge knowledge file (ConfigError names the bad entry)."""
    path = path or data_path("merge.yaml")
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with compatible_types and coalitions")
    if "compatible_types" in data:
        raise ConfigError(
            f"{path}: compatible_types moved to the event type declarations "
            "(merges_with in event_types.yaml)"
        )
    # which types may name the same real event: declared once per type (event_types.yaml)
    types = types if types is not None else load_event_types()
    pairs = {frozenset((a, b)) for a, spec in types.items() for b in spec.merges_with}
    # components of the compatibility graph: the blocking key of merge
    parent: dict[str, str] = {t: t for t in types}

    def find(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    for pair in pairs:
        a, b = sorted(pair)
        parent[find(b)] = find(a)
    groups: dict[str, str] = {t: find(t) for t in types}

    coalitions: dict[str, frozenset[str]] = {}
    for i, entry in enumerate(data.get("coalitions") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(f"{path}: coalitions[{i}] needs a 'name' string")
        members = entry.get("members")
        if not isinstance(members, list) or not all(
            isinstance(m, str) and len(m) == 3 and m.isupper() for m in members
        ):
            raise ConfigError(
                f"{path}: coalitions[{i}] ({entry['name']}) members must be ISO alpha-3 codes"
            )
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list):
            raise ConfigError(f"{path}: coalitions[{i}] aliases must be a list")
        for alias in [entry["name"], *aliases]:
            coalitions[name_key(str(alias))] = frozenset(members)
    words: dict[str, frozenset[str]] = {}
    for key in (
        "person_titles",
        "name_particles",
        "name_connectors",
        "organisation_words",
        "evaluative_openers",
        "evaluative_copulas",
        "generic_participants",
        "separate_markers",
        "toll_words",
        "late_night_words",
        "early_hours_words",
        "guessed_names",
    ):
        items = data.get(key) or []
        if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
            raise ConfigError(f"{path}: '{key}' must be a list of non-empty words")
        words[key] = frozenset(w.strip().lower() for w in items)
    counted: dict[str, str] = {}
    classes = data.get("counted_classes") or {}
    if not isinstance(classes, dict):
        raise ConfigError(f"{path}: 'counted_classes' must map a class name to a list of nouns")
    for cls, nouns in classes.items():
        if not isinstance(nouns, list) or not all(isinstance(w, str) and w for w in nouns):
            raise ConfigError(f"{path}: counted_classes.{cls} must be a list of non-empty nouns")
        for w in nouns:
            if counted.setdefault(w.strip().lower(), str(cls)) != cls:
                raise ConfigError(f"{path}: counted_classes: {w!r} is in two classes")
    armed_side: dict[str, int] = {}
    sides = data.get("opposing_sides") or []
    if not isinstance(sides, list) or len(sides) not in (0, 2):
        raise ConfigError(f"{path}: 'opposing_sides' must be two lists of sector codes")
    for i, codes in enumerate(sides):
        if not _sector_codes(codes):
            raise ConfigError(f"{path}: opposing_sides[{i}] must be a list of sector codes")
        for c in codes:
            if armed_side.setdefault(c, i) != i:
                raise ConfigError(f"{path}: opposing_sides: {c} is on both sides")
    guessed = data.get("guessed_sectors") or []
    if not _sector_codes(guessed):
        raise ConfigError(f"{path}: 'guessed_sectors' must be a list of sector codes")
    distinct = data.get("distinct_modes") or []
    if not isinstance(distinct, list) or not all(isinstance(m, str) and m for m in distinct):
        raise ConfigError(f"{path}: 'distinct_modes' must be a list of mode names")
    country_words = frozenset(
        name_key(form) for form, (_, kind) in countries().items() if kind != "capital"
    )
    return MergeKnowledge(
        frozenset(pairs),
        groups,
        coalitions,
        **words,
        country_words=country_words,
        counted_class=counted,
        armed_side=armed_side,
        guessed_sectors=frozenset(guessed),
        distinct_modes=frozenset(distinct),
    )


def _sector_codes(value: object) -> bool:
    """Is ``value`` a list of PLOVER sector codes (three capital letters each)?"""
    return isinstance(value, list) and all(
        isinstance(c, str) and len(c) == 3 and c.isupper() for c in value
    )
