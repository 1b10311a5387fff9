"""The event codebook: trigger entries loaded from YAML and precompiled into lookup tables.

The packaged ``data/codebook.yaml`` holds word classes, the factuality cue lists and one
entry per trigger pattern; users add files with ``--codebook`` (same schema; an entry with an
existing id replaces it, classes and lists are extended). Everything is checked on load and a
bad entry raises :class:`ConfigError` naming ``file:entry``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import EVENT_TYPES, EventType
from ..resources import EventTypes, load_event_types, read_yaml

#: Built-in classes usable in constraints besides the file's own classes.
#: ANY: the argument exists; PROPN: a proper noun; VERB: a verb (clause) argument.
BUILTIN_CLASSES = frozenset({"ANY", "PROPN", "VERB"})

_POS = {"verb", "noun", "adj", "aux"}
_LIST_KEYS: tuple[str, ...] = (
    "obj",
    "subj",
    "prt",
    "prep",
    "mod",
    "xcomp",
    "head",
    "not_prep",
    "not_prt",
)
_LIST_KEYS += ("not_obj", "not_mod", "context", "ccomp", "not_subj")
_KNOWN = {"id", "lemma", "pos", "event", "mode", "cameo", "bare", "quantity", "promise", "speech"}
_KNOWN |= {"inverse"}
_KNOWN |= set(_LIST_KEYS)


@dataclass(frozen=True)
class Entry:
    """One trigger pattern: lemma(s) + POS + argument constraints -> event, mode, CAMEO."""

    id: str
    lemmas: tuple[str, ...]
    pos: str
    event: EventType
    cameo: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    subj: tuple[str, ...] = ()
    prt: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    mod: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    not_obj: tuple[str, ...] = ()
    not_prep: tuple[str, ...] = ()
    not_prt: tuple[str, ...] = ()
    not_mod: tuple[str, ...] = ()
    ccomp: tuple[str, ...] = ()
    not_subj: tuple[str, ...] = ()
    bare: bool = False
    quantity: str | None = None
    promise: bool = False
    speech: bool = False
    inverse: bool = False  # the object is the PLOVER actor ("X hosted Y": Y visits X)
    order: int = 0  # position in the loaded files: earlier wins ties

    @property
    def specificity(self) -> int:
        """How many positive constraints the entry has (the most specific match wins)."""
        return sum(
            bool(x) for x in (self.obj, self.subj, self.prt, self.prep, self.mod, self.ccomp)
        )


@dataclass
class Codebook:
    """Entries plus the word lists the frame and factuality code use, indexed by lemma."""

    entries: list[Entry]
    classes: dict[str, frozenset[str]]
    lists: dict[str, frozenset[str]]
    numbers: dict[str, int]
    threat_modes: dict[str, str]
    intent_cameo: dict[str, str] = field(default_factory=dict)
    threat_cameo: dict[str, str] = field(default_factory=dict)
    #: lemma -> kind of count it governs ("wound" -> injured): the number's kind follows the
    #: word it is the patient of, not the entry that matched the clause
    quantity_kinds: dict[str, str] = field(default_factory=dict)
    index: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)

    def compile(self) -> None:
        """Build the (lemma, pos) -> entries table used in the one pass over tokens."""
        self.index = {}
        # verbs whose complement is only asked for / threatened / alleged, never asserted
        asked = {
            lem
            for e in self.entries
            if e.event in ("REQUEST", "THREATEN") or e.promise
            for lem in e.lemmas
        }
        alleged = {
            lem for e in self.entries if e.event == "ACCUSE" and e.pos == "verb" for lem in e.lemmas
        }
        self.lists["content_hypothetical"] = frozenset(asked)
        self.lists["content_reported"] = frozenset(alleged)
        for entry in self.entries:
            for lemma in entry.lemmas:
                self.index.setdefault((lemma, entry.pos), []).append(entry)

    def words(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    def expand(self, items: Sequence[str]) -> frozenset[str]:
        """Lemmas named by a constraint: class names expand to their members."""
        out: set[str] = set()
        for item in items:
            if item in self.classes:
                out |= self.classes[item]
            else:
                out.add(item)
        return frozenset(out)


def packaged_codebook_path() -> Path:
    return Path(str(importlib_resources.files("newsevents.extract") / "data" / "codebook.yaml"))


def load_codebook(extra_paths: Sequence[Path] = ()) -> Codebook:
    """The packaged codebook plus user files (later files extend and override earlier ones)."""
    entries: dict[str, Entry] = {}
    classes: dict[str, set[str]] = {}
    lists: dict[str, set[str]] = {}
    numbers: dict[str, int] = {}
    quantity_kinds: dict[str, str] = {}
    maps: dict[str, dict[str, str]] = {"threat_modes": {}, "intent_cameo": {}, "threat_cameo": {}}
    order = 0
    types = load_event_types(extra_paths)  # user files may declare types under 'types:'
    for path in (packaged_codebook_path(), *map(Path, extra_paths)):
        data = read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, Mapping):
            raise ConfigError(
                f"{path}: a codebook must be a mapping with 'entries' (and 'classes')"
            )
        for name, members in (data.get("classes") or {}).items():
            classes.setdefault(str(name), set()).update(_str_list(path, f"classes.{name}", members))
        for name, members in (data.get("factuality") or {}).items():
            lists.setdefault(str(name), set()).update(
                _str_list(path, f"factuality.{name}", members)
            )
        for key in ("support_verbs", "background_preps", "approximate_words"):
            if key in data:
                lists.setdefault(key, set()).update(_str_list(path, key, data[key]))
        for word, value in (data.get("numbers") or {}).items():
            if not isinstance(value, int):
                raise ConfigError(f"{path}: numbers.{word} must be an integer")
            numbers[str(word).lower()] = value
        quantity_kinds.update(_quantity_words(path, data.get("quantity_words")))
        for name, table in maps.items():
            value = data.get(name) or {}
            if not isinstance(value, Mapping):
                raise ConfigError(f"{path}: {name} must map PLOVER types to values")
            for event, mode in value.items():
                if str(event) not in EVENT_TYPES:
                    raise ConfigError(f"{path}: {name}.{event} is not a PLOVER type")
                table[str(event)] = str(mode)
        raw_entries = data.get("entries") or []
        if not isinstance(raw_entries, list):
            raise ConfigError(f"{path}: 'entries' must be a list of mappings")
        for i, raw in enumerate(raw_entries):
            entry = _entry(path, i, raw, order, types)
            order += 1
            entries[entry.id] = entry
    frozen_classes = {k: frozenset(v) for k, v in classes.items()}
    for entry in entries.values():
        for name in (*entry.obj, *entry.subj, *entry.not_obj, *entry.xcomp, *entry.not_subj):
            if name.isupper() and name not in frozen_classes and name not in BUILTIN_CLASSES:
                raise ConfigError(
                    f"codebook entry {entry.id}: unknown word class {name!r}; define it under "
                    f"'classes' or write the lemma in lower case"
                )
    book = Codebook(
        entries=sorted(entries.values(), key=lambda e: e.order),
        classes=frozen_classes,
        lists={k: frozenset(v) for k, v in lists.items()},
        numbers=numbers,
        threat_modes=maps["threat_modes"],
        intent_cameo=maps["intent_cameo"],
        threat_cameo=maps["threat_cameo"],
        quantity_kinds=quantity_kinds,
    )
    book.compile()
    return book


def _quantity_words(path: Path, value: Any) -> dict[str, str]:
    """``quantity_words: {kind: [lemma, ...]}`` -> lemma -> kind (a lemma has one kind)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(f"{path}: quantity_words must map a count kind to a list of lemmas")
    out: dict[str, str] = {}
    for kind, words in value.items():
        for word in _str_list(path, f"quantity_words.{kind}", words):
            low = word.lower()
            if low in out and out[low] != str(kind):
                raise ConfigError(
                    f"{path}: quantity_words: {low!r} is listed under both {out[low]!r} and "
                    f"{kind!r}; keep it under one kind"
                )
            out[low] = str(kind)
    return out


def _str_list(path: Path, where: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int)) and not isinstance(v, bool) for v in value
    ):
        raise ConfigError(
            f"{path}:{where}: expected a list of words (quote YAML words like on/off/no)"
        )
    return [str(v).lower() if not str(v).isupper() else str(v) for v in value]


def _entry(path: Path, i: int, raw: Any, order: int, types: EventTypes) -> Entry:
    where = f"{path}:entries[{i}]"
    if not isinstance(raw, Mapping):
        raise ConfigError(
            f"{where}: each entry must be a mapping with id, lemma, pos, event, cameo"
        )
    eid = raw.get("id")
    if not isinstance(eid, str) or not eid:
        raise ConfigError(f"{where}: entry has no 'id'; give every entry a unique id")
    where = f"{path}:{eid}"
    unknown = set(raw) - _KNOWN
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_KNOWN)}")
    for key in ("lemma", "pos", "event", "cameo"):
        if key not in raw:
            raise ConfigError(f"{where}: missing '{key}'")
    pos = str(raw["pos"])
    if pos not in _POS:
        raise ConfigError(f"{where}: pos must be one of {sorted(_POS)}, not {pos!r}")
    event = types.check(raw["event"], f"{where}: event")
    cameo = raw["cameo"]
    if not isinstance(cameo, str) or not cameo.isdigit():
        raise ConfigError(f'{where}: cameo must be a quoted digit string such as "190"')
    lists = {k: tuple(_str_list(path, f"{eid}.{k}", raw[k])) for k in _LIST_KEYS if k in raw}
    lemmas = tuple(_str_list(path, f"{eid}.lemma", raw["lemma"]))
    if not lemmas:
        raise ConfigError(f"{where}: 'lemma' is empty")
    mode = raw.get("mode")
    return Entry(
        id=eid,
        lemmas=tuple(lemma.lower() for lemma in lemmas),
        pos=pos,
        event=event,
        cameo=cameo,
        mode=str(mode) if mode else None,
        bare=bool(raw.get("bare", False)),
        quantity=str(raw["quantity"]) if raw.get("quantity") else None,
        promise=bool(raw.get("promise", False)),
        speech=bool(raw.get("speech", False)),
        inverse=bool(raw.get("inverse", False)),
        order=order,
        **lists,
    )
