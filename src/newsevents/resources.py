"""Loaders for the data files every stage may use: Goldstein scores, country names, the
event-type declarations (``data/event_types.yaml``) and the shared lexicon
(``data/lexicon.yaml``). Each stage loads its own data (codebook, gazetteer, time words)
in its package; all of it is loaded once, by :func:`newsevents.pipeline.load_resources`.

Each loader checks the file's shape and raises :class:`ConfigError` saying which line or key
is wrong.
"""

from __future__ import annotations

import csv
import dataclasses
import typing
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from .errors import ConfigError
from .model import EventType


def data_path(name: str) -> Path:
    """Path of a packaged data file."""
    return Path(str(resources.files("newsevents") / "data" / name))


def read_tsv(path: Path, columns: int) -> list[list[str]]:
    """Rows of a TSV file, skipping blank lines and ``#`` comments; each row has >= columns."""
    rows: list[list[str]] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
                if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                    continue
                if len(row) < columns:
                    raise ConfigError(
                        f"{path}:{lineno}: expected {columns} tab-separated columns, "
                        f"got {len(row)}; fix the line or remove it"
                    )
                rows.append([c.strip() for c in row])
    except OSError as e:
        raise ConfigError(f"cannot read data file {path}: {e.strerror}") from e
    return rows


#: libyaml's C parser when PyYAML was built with it (the PyPI wheels are): the same safe
#: constructors, ~10x faster on the codebook and actor files a one-article run loads
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """The safe loader, refusing a key written twice in one mapping: YAML would keep the last
    silently, and a word list named twice in a data file loses one of its lists."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key != "<<" and key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} is written twice (line {key_node.start_mark.line + 1})",
                    key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_SafeLoader)
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror}") from e
    except yaml.YAMLError as e:
        raise ConfigError(f"{path} is not valid YAML: {str(e).splitlines()[0]}") from e


@lru_cache(maxsize=1)
def goldstein_scores() -> dict[str, float]:
    """CAMEO code -> Goldstein score (published figures, see data/goldstein.tsv)."""
    scores: dict[str, float] = {}
    for code, value in read_tsv(data_path("goldstein.tsv"), 2):
        try:
            scores[code] = float(value)
        except ValueError as e:
            raise ConfigError(f"goldstein.tsv: score for {code!r} is not a number") from e
    return scores


def goldstein(cameo: str) -> float:
    """Goldstein score of a CAMEO code, falling back to its parent code (0 if unknown)."""
    scores = goldstein_scores()
    code = cameo
    while code:
        if code in scores:
            return scores[code]
        code = code[:-1]
    return 0.0


def _unaccented(form: str) -> str:
    return unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode("ascii")


class CountryTable(dict[str, tuple[str, str]]):
    """The country table; a form written with accents the table spells without ("Bogotá",
    "Asunción", "Yaoundé") is found under its plain spelling (the table's cells come from
    ASCII gazetteers; the texts write the accents)."""

    def get(self, key: str, default: Any = None) -> Any:
        hit = super().get(key)
        if hit is None and not key.isascii():
            hit = super().get(_unaccented(key))
        return default if hit is None else hit

    def __contains__(self, key: object) -> bool:
        return self.get(key) is not None if isinstance(key, str) else False

    def __getitem__(self, key: str) -> tuple[str, str]:
        hit = self.get(key)
        if hit is None:
            raise KeyError(key)
        return cast(tuple[str, str], hit)

    def copy(self) -> CountryTable:
        """A copy that keeps the folding lookups (the compiled cache pickles copies)."""
        return CountryTable(self)


@lru_cache(maxsize=1)
def countries() -> CountryTable:
    """Surface form -> (ISO alpha-3, kind), kind: name, adjective or capital (countries.tsv).

    Keys keep their case ("US" the country, not "us"); lookups should try the form as written.
    """
    table = CountryTable()
    for row in read_tsv(data_path("countries.tsv"), 2):
        code = row[0]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise ConfigError(f"countries.tsv: {code!r} is not an ISO alpha-3 code; fix the row")
        columns = (row[1:2], row[2:3], row[3:4])
        for kind, cells in zip(("name", "adjective", "capital"), columns, strict=True):
            for cell in cells:
                for form in cell.split("|"):
                    form = form.strip()
                    if form and form not in table:
                        table[form] = (code, kind)
    return table


# --- event types ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Announced:
    """How an act that is only announced or promised is coded (type, CAMEO, mode)."""

    event: str
    cameo: str
    mode: str | None = None


@dataclass(frozen=True)
class EventTypeSpec:
    """Everything the engine knows about one event type (see data/event_types.yaml)."""

    name: str
    cameo: str
    recipient_preps: tuple[str, ...] = ()
    patient_noun: bool = False
    topic_recipient: bool = False
    governs_content: bool = False
    announced_as: Announced | None = None
    refused_as: str | None = None
    domestic: bool = False
    addresses: bool = False
    implicit_doer: str | None = None
    place_target: bool = False
    merges_with: frozenset[str] = frozenset()
    remote: bool = False
    implicit_target: str | None = None
    own_people: str | None = None
    # traits the extract stage reads (see the header of data/event_types.yaml)
    commitment: Commitment | None = None
    content_factuality: ContentFactuality | None = None
    violent: bool = False
    reciprocal: bool = False
    object_party: bool = False
    demand: bool = False
    by_order: bool = False
    voices_demands: bool = False
    hands_over: bool = False
    said_act: bool = False
    absorbs: frozenset[str] = frozenset()


#: what a type codes when it is a commitment: promised cooperation or threatened conflict
Commitment = Literal["cooperation", "conflict"]
#: how the content its verb governs is to be taken ("urged X to ..." / "accused X of ...")
ContentFactuality = Literal["hypothetical", "reported"]
_CHOICES: dict[str, tuple[str, ...]] = {
    "commitment": typing.get_args(Commitment),
    "content_factuality": typing.get_args(ContentFactuality),
}

_TYPE_FLAGS = (
    "patient_noun",
    "topic_recipient",
    "governs_content",
    "domestic",
    "addresses",
    "place_target",
    "remote",
    "violent",
    "reciprocal",
    "object_party",
    "demand",
    "by_order",
    "voices_demands",
    "hands_over",
    "said_act",
)
_TYPE_KEYS = frozenset(
    {"cameo", "recipient_preps", "announced_as", "refused_as", "implicit_doer", "merges_with"}
    | {"absorbs", "implicit_target", "own_people"}
    | set(_CHOICES)
    | set(_TYPE_FLAGS)
)


class EventTypes(Mapping[str, EventTypeSpec]):
    """The declared event types by name, in declaration order."""

    def __init__(self, specs: Mapping[str, EventTypeSpec]):
        self._specs = dict(specs)
        #: with_commitment's answers (the commitment rules ask for each frame they recode)
        self._committed: dict[Commitment, str | None] = {}
        #: the types acts are refused as (the declared ``refused_as``: REJECT)
        self.refusal_types = frozenset(s.refused_as for s in self._specs.values() if s.refused_as)

    def __getitem__(self, name: str) -> EventTypeSpec:
        return self._specs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def having(self, flag: str) -> frozenset[str]:
        """Names of the types whose boolean ``flag`` is set."""
        return frozenset(n for n, s in self._specs.items() if getattr(s, flag))

    def announced_as(self, target: str) -> frozenset[str]:
        """Types whose announcement is coded as ``target`` (AGREE: cooperation)."""
        return frozenset(
            n for n, s in self._specs.items() if s.announced_as and s.announced_as.event == target
        )

    def with_commitment(self, kind: Commitment) -> str | None:
        """The type that codes a commitment of this kind (AGREE: cooperation)."""
        if kind not in self._committed:
            found = next((n for n, s in self._specs.items() if s.commitment == kind), None)
            self._committed[kind] = found
        return self._committed[kind]

    def check(self, name: object, where: str) -> EventType:
        """``name`` if it is a declared type, else a ConfigError saying where it was used."""
        if not isinstance(name, str) or name not in self._specs:
            raise ConfigError(
                f"{where}: {name!r} is not a declared event type; declare it under 'types' "
                f"(data/event_types.yaml or your codebook) — known: {', '.join(self._specs)}"
            )
        # a declared name; user types beyond the Literal are fine at run time
        return cast(EventType, name)


def packaged_event_types_path() -> Path:
    return data_path("event_types.yaml")


def load_event_types(extra_paths: Sequence[Path] = ()) -> EventTypes:
    """The packaged type declarations plus the ``types:`` sections of user codebook files
    (a later declaration of a type replaces the earlier one)."""
    raw: dict[str, tuple[Path, Mapping[str, Any]]] = {}
    for path in (packaged_event_types_path(), *map(Path, extra_paths)):
        data = read_yaml(path)
        types = data.get("types") if isinstance(data, Mapping) else None
        if types is None:
            continue
        if not isinstance(types, Mapping):
            raise ConfigError(f"{path}: 'types' must map type names to declarations")
        for name, decl in types.items():
            if not isinstance(name, str) or not name.isupper():
                raise ConfigError(f"{path}: type name {name!r} must be upper case, e.g. ASSAULT")
            if not isinstance(decl, Mapping):
                raise ConfigError(f"{path}: types.{name} must be a mapping")
            unknown = set(decl) - _TYPE_KEYS
            if unknown:
                raise ConfigError(
                    f"{path}: types.{name}: unknown key(s) {sorted(unknown)}; "
                    f"known: {sorted(_TYPE_KEYS)}"
                )
            raw[name] = (path, decl)
    specs = {name: _type_spec(name, path, decl) for name, (path, decl) in raw.items()}
    types = EventTypes(specs)
    # merge groups are symmetric; every named type must be declared
    for name, spec in list(specs.items()):
        where = f"{raw[name][0]}: types.{name}"
        for other in spec.merges_with | spec.absorbs | {spec.refused_as or name}:
            types.check(other, where)
        if spec.announced_as is not None:
            types.check(spec.announced_as.event, f"{where}.announced_as")
    for name, spec in list(specs.items()):
        back = frozenset(o for o, s in specs.items() if name in s.merges_with)
        specs[name] = dataclasses.replace(spec, merges_with=spec.merges_with | back)
    return EventTypes(specs)


def _type_spec(name: str, path: Path, decl: Mapping[str, Any]) -> EventTypeSpec:
    where = f"{path}: types.{name}"
    cameo = decl.get("cameo")
    if not isinstance(cameo, str) or not cameo.isdigit():
        raise ConfigError(f'{where}: cameo must be a quoted digit string such as "190"')
    flags: dict[str, Any] = {}
    for flag in _TYPE_FLAGS:
        value = decl.get(flag, False)
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {flag} must be true or false")
        flags[flag] = value
    choices: dict[str, Any] = {}
    for key, allowed in _CHOICES.items():
        value = decl.get(key)
        if value is not None and value not in allowed:
            raise ConfigError(f"{where}: {key} must be one of {', '.join(allowed)}, not {value!r}")
        choices[key] = value
    announced = decl.get("announced_as")
    announced_as = None
    if announced is not None:
        if not isinstance(announced, Mapping) or not isinstance(announced.get("cameo"), str):
            raise ConfigError(f"{where}: announced_as must be {{event, cameo, mode}}")
        announced_as = Announced(
            event=str(announced.get("event")),
            cameo=str(announced["cameo"]),
            mode=str(announced["mode"]) if announced.get("mode") else None,
        )
    return EventTypeSpec(
        name=name,
        cameo=cameo,
        recipient_preps=tuple(_words(where, "recipient_preps", decl.get("recipient_preps"))),
        announced_as=announced_as,
        refused_as=str(decl["refused_as"]) if decl.get("refused_as") else None,
        implicit_doer=str(decl["implicit_doer"]) if decl.get("implicit_doer") else None,
        merges_with=frozenset(_words(where, "merges_with", decl.get("merges_with"))),
        absorbs=frozenset(_words(where, "absorbs", decl.get("absorbs"))),
        implicit_target=str(decl["implicit_target"]) if decl.get("implicit_target") else None,
        own_people=str(decl["own_people"]) if decl.get("own_people") else None,
        **choices,
        **flags,
    )


def _words(where: str, key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of words")
    return list(value)


# --- shared lexicon ------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Named word lists shared by several stages (data/lexicon.yaml)."""

    lists: Mapping[str, frozenset[str]]

    def words(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError:
            raise ConfigError(
                f"lexicon has no list {name!r}; add it to data/lexicon.yaml"
            ) from None


def load_lexicon(extra_paths: Sequence[Path] = ()) -> Lexicon:
    """data/lexicon.yaml, then user files whose lists extend it (same names add words)."""
    lists: dict[str, set[str]] = {}
    for path in (data_path("lexicon.yaml"), *map(Path, extra_paths)):
        data = read_yaml(path)
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: a lexicon must map list names to lists of words")
        for name, words in data.items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ConfigError(f"{path}: {name} must be a list of non-empty words")
            lists.setdefault(str(name), set()).update(words)
    return Lexicon({k: frozenset(v) for k, v in lists.items()})


# --- factuality cues -----------------------------------------------------------------------


@dataclass(frozen=True)
class FactualityCues:
    """The plan, denial and speculation cue words (data/factuality_cues.yaml) that the coder's
    factuality and the learned model's features both read."""

    plan_governors: frozenset[str]
    plan_nouns: frozenset[str]
    doubt_governors: frozenset[str]
    denial_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    negative_determiners: frozenset[str]
    negative_pronouns: frozenset[str]
    hedge_adverbs: frozenset[str]
    possibility_modals: frozenset[str]
    habitual_adverbs: frozenset[str]


def read_factuality_cues(path: Path) -> FactualityCues:
    """One factuality cue file, schema-checked: every list present, lower-case words only."""
    data = read_yaml(path)
    names = [f.name for f in dataclasses.fields(FactualityCues)]
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: must map the cue lists {', '.join(names)} to words")
    unknown = sorted(set(map(str, data)) - set(names))
    missing = [n for n in names if n not in data]
    if unknown or missing:
        raise ConfigError(f"{path}: unknown lists {unknown}, missing lists {missing}")
    lists: dict[str, frozenset[str]] = {}
    for name in names:
        words = data[name]
        if not isinstance(words, list) or not all(
            isinstance(w, str) and w and w == w.lower() for w in words
        ):
            raise ConfigError(f"{path}: {name} must be a list of lower-case words")
        lists[name] = frozenset(words)
    return FactualityCues(**lists)


@lru_cache(maxsize=1)
def load_factuality_cues() -> FactualityCues:
    """The packaged factuality cues (data/factuality_cues.yaml), read once."""
    return read_factuality_cues(data_path("factuality_cues.yaml"))
