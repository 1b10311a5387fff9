"""The event codebook: trigger entries loaded from YAML and precompiled into lookup tables.

The packaged ``data/codebook.yaml`` holds word classes, the factuality cue lists and one
entry per trigger pattern; ``data/lexicon.yaml`` the other named word lists the coder reads.
Users add files with ``--codebook`` (same schema; an entry with an existing id replaces it,
classes and lists are extended, ``words:`` adds to the named lists, ``types:`` declares new
event types as in ``newsevents/data/event_types.yaml``). The Codebook carries the declared
event types; an entry whose event is not declared is an error. Everything is checked on load
and a bad entry raises :class:`ConfigError` naming ``file:entry``.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Literal, cast

from ..errors import ConfigError
from ..knowledge.verbs import load_verbs
from ..model import EventType
from ..resources import (
    Commitment,
    EventTypes,
    EventTypeSpec,
    Lexicon,
    load_event_types,
    load_lexicon,
    read_yaml,
)
from .verb_patterns import pattern_rules

#: Built-in classes usable in constraints besides the file's own classes.
#: ANY: the argument exists; PROPN: a proper noun; PERSON_NAME: a person's name (not a
#: country's or a body's: "held Navalny", not "holds Russia responsible"); VERB: a verb (clause)
#: argument.
BUILTIN_CLASSES = frozenset({"ANY", "PROPN", "PERSON_NAME", "VERB"})

#: the part of speech an entry's trigger has
EntryPos = Literal["verb", "noun", "adj", "aux"]
_POS: tuple[EntryPos, ...] = typing.get_args(EntryPos)
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
_LIST_KEYS += ("not_obj", "not_mod", "context", "ccomp", "not_subj", "not_xcomp")
_LIST_KEYS += ("not_mark", "purpose")
_KNOWN = {"id", "lemma", "pos", "event", "mode", "cameo", "bare", "quantity", "promise", "speech"}
_KNOWN |= {"inverse", "sure"}
_KNOWN |= set(_LIST_KEYS)


@dataclass(frozen=True)
class Entry:
    """One trigger pattern: lemma(s) + POS + argument constraints -> event, mode, CAMEO."""

    id: str
    lemmas: tuple[str, ...]
    pos: EntryPos
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
    not_xcomp: tuple[str, ...] = ()  # "declined to comment" is no refusal
    not_mark: tuple[str, ...] = ()  # "asked whether X ...": a question, not a request
    #: the verb of its to-clause of purpose ("arrived to help"): the purpose names the act
    purpose: tuple[str, ...] = ()
    bare: bool = False
    quantity: str | None = None
    promise: bool = False
    speech: bool = False
    inverse: bool = False  # the object is the PLOVER actor ("X hosted Y": Y visits X)
    #: its words leave no other reading ("a drone strike killed 12"): the learned model may
    #: re-label its factuality but never drop it
    sure: bool = False
    order: int = 0  # position in the loaded files: earlier wins ties
    #: (converted Phoenix patterns only) head of the object of ``prep``; ``obj`` is then the
    #: direct object
    pobj: tuple[str, ...] = ()
    obj_mod: tuple[str, ...] = ()  # a modifier the object (pobj) head must carry
    pattern: bool = False  # a converted Phoenix pattern (checked for sport/market context)
    pobj_mod: tuple[str, ...] = ()

    @cached_property
    def specificity(self) -> int:
        """How many positive constraints the entry has (the most specific match wins); counted
        once (every candidate token's match compares it)."""
        return sum(
            bool(x)
            for x in (self.obj, self.subj, self.prt, self.prep, self.mod, self.ccomp, self.pobj)
        ) + bool(self.purpose)


@dataclass
class Codebook:
    """Entries plus the word lists the frame and factuality code use, indexed by lemma, and
    the declared event types the entries code to."""

    entries: list[Entry]
    classes: dict[str, frozenset[str]]
    lists: dict[str, frozenset[str]]
    numbers: dict[str, int]
    types: EventTypes
    #: the same lists in file order, for those read in order of preference
    sequences: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: lemma -> kind of count it governs ("wound" -> injured): the number's kind follows the
    #: word it is the patient of, not the entry that matched the clause
    quantity_kinds: dict[str, str] = field(default_factory=dict)
    index: dict[tuple[str, EntryPos], list[Entry]] = field(default_factory=dict)
    #: expansions of constraint lists already computed (classes do not change after load)
    _expanded: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False)
    _aux: list[Entry] = field(default_factory=list, repr=False)
    #: the ids of the entries marked ``sure`` (set by :meth:`compile`; asked once per article)
    _sure: frozenset[str] | None = field(default=None, repr=False)
    #: the ids of the entries whose object is the doer's own (worked out on first use)
    _own_object: frozenset[str] | None = field(default=None, repr=False)
    #: verb lemma -> converted Phoenix patterns: a layer below the entries (verb_patterns.py)
    patterns: dict[str, list[Entry]] = field(default_factory=dict)
    #: (verb lemma, key word) -> patterns: the word the pattern cannot do without
    pattern_keys: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    #: patterns used, and patterns skipped by reason
    pattern_counts: dict[str, int] = field(default_factory=dict)

    def compile(self) -> None:
        """Build the (lemma, pos) -> entries table used in the one pass over tokens."""
        self.index = {}
        # verbs whose complement is only asked for / threatened / alleged, never asserted
        content = {e.id: self.spec(e.event).content_factuality for e in self.entries}
        asked = {
            lem
            for e in self.entries
            if content[e.id] == "hypothetical" or e.promise
            for lem in e.lemmas
        }
        # only a verb that accuses by itself (or speaks: "charged that") governs an allegation;
        # "began" of "began an inquiry" or "ordered" of "ordered a probe" does not make "began
        # shelling" or "ordered troops to withdraw" alleged
        alleged = {
            lem
            for e in self.entries
            if content[e.id] == "reported" and e.pos == "verb" and (e.speech or _unconstrained(e))
            for lem in e.lemmas
        }
        self.lists["content_hypothetical"] = frozenset(asked)
        self.lists["content_reported"] = frozenset(alleged)
        self._aux = [e for e in self.entries if e.pos == "aux"]
        self._sure = frozenset(e.id for e in self.entries if e.sure)
        for entry in self.entries:
            for lemma in entry.lemmas:
                self.index.setdefault((lemma, entry.pos), []).append(entry)

    @property
    def aux_entries(self) -> list[Entry]:
        """Entries whose trigger is an auxiliary ("A said B must X": A demands X)."""
        return self._aux

    def words(self, name: str) -> frozenset[str]:
        """A named word list (extract/data/lexicon.yaml, the codebook's own lists, or the
        shared lexicon's reporting verbs)."""
        try:
            return self.lists[name]
        except KeyError:
            raise ConfigError(
                f"the codebook has no word list {name!r}; add it to extract/data/lexicon.yaml"
            ) from None

    @property
    def sure_rules(self) -> frozenset[str]:
        """The ids of the entries marked ``sure`` (the learned model never drops their events)."""
        if self._sure is not None:
            return self._sure
        return frozenset(e.id for e in self.entries if e.sure)

    @property
    def own_object_rules(self) -> frozenset[str]:
        """The ids of the entries whose direct object is the doer's own ("withdrew its troops",
        "withdrew the United States from the accord"): never the recipient."""
        if self._own_object is None:  # asked per frame: worked out once
            modes, ids = self.words("own_object_modes"), self.words("own_object_rules")
            self._own_object = frozenset(
                e.id for e in self.entries if e.mode in modes or e.id in ids
            )
        return self._own_object

    @property
    def object_only_support(self) -> frozenset[str]:
        """Support verbs only of their direct object ("led a march"; "led to a trial" and
        "inquiries led to" carry no act)."""
        return self.words("object_only_support_verbs")

    @property
    def prep_support_verbs(self) -> frozenset[str]:
        """Support verbs that carry the act their prepositional object names ("resorted to
        violence"): all but the object-only ones."""
        return self.words("support_verbs") - self.object_only_support

    @property
    def party_nouns(self) -> frozenset[str]:
        """Common nouns of people and bodies (the ``party_classes``): such an object or
        prepositional object is a party even without a name ("clashed with police")."""
        return self.expand(self.ordered("party_classes"))

    @property
    def refusals(self) -> frozenset[str]:
        """The types acts are refused as (their types' declared ``refused_as``: REJECT)."""
        return self.types.refusal_types

    def ordered(self, name: str) -> tuple[str, ...]:
        """A named word list in file order (prepositions tried in order of preference)."""
        self.words(name)
        return self.sequences[name]

    def spec(self, event: str) -> EventTypeSpec:
        """The declaration of an event type (data/event_types.yaml or a codebook's types)."""
        return self.types[event]

    def commitment(self, kind: Commitment) -> EventType:
        """The type a commitment of this kind is coded as (cooperation: AGREE)."""
        name = self.types.with_commitment(kind)
        if name is None:
            raise ConfigError(f"no event type declares 'commitment: {kind}'")
        return cast(EventType, name)

    def expand(self, items: Sequence[str]) -> frozenset[str]:
        """Lemmas named by a constraint: class names expand to their members."""
        key = tuple(items)
        found = self._expanded.get(key)
        if found is None:
            out: set[str] = set()
            for item in items:
                if item in self.classes:
                    out |= self.classes[item]
                else:
                    out.add(item)
            found = self._expanded[key] = frozenset(out)
        return found


def packaged_codebook_path() -> Path:
    return Path(str(importlib_resources.files("newsevents.extract") / "data" / "codebook.yaml"))


def packaged_lexicon_path() -> Path:
    return Path(str(importlib_resources.files("newsevents.extract") / "data" / "lexicon.yaml"))


def load_codebook(
    extra_paths: Sequence[Path] = (),
    types: EventTypes | None = None,
    lexicon: Lexicon | None = None,
    phoenix: bool = True,
) -> Codebook:
    """The packaged codebook plus user files (later files extend and override earlier ones).

    ``types`` defaults to the packaged declarations plus the ``types:`` sections of the same
    files; ``lexicon`` to the shared lexicon (its reporting verbs)."""
    extra = tuple(Path(p) for p in extra_paths)
    types = types if types is not None else load_event_types(extra)
    shared = lexicon if lexicon is not None else load_lexicon()
    acc = _Sections(types)
    for name, words in _lexicon(packaged_lexicon_path()).items():
        acc.add_list(name, words)
    acc.add_list("report_verbs", sorted(shared.words("report_verbs")))
    acc.add_list("naming_verbs", sorted(shared.words("naming_verbs")))
    acc.add_list("indefinite_articles", sorted(shared.words("indefinite_articles")))
    acc.add_list("quote_marks", sorted(shared.words("quote_marks")))
    acc.add_list("statement_titles", sorted(shared.words("statement_titles")))
    for path in (packaged_codebook_path(), *extra):
        data = read_yaml(path)
        if data is None:
            continue
        if not isinstance(data, Mapping):
            raise ConfigError(
                f"{path}: a codebook must be a mapping with 'entries' (and 'classes')"
            )
        acc.read(path, data)
    book = acc.codebook()
    book.compile()
    if phoenix:
        _add_patterns(book, acc.order)
    return book


def _add_patterns(book: Codebook, order: int) -> None:
    """The converted Phoenix verb patterns, indexed by verb lemma, ranked after every entry."""
    rules, skipped = pattern_rules(load_verbs(), book.words("prt_words"))
    overruled = book.words("overruled_patterns")
    skipped["overruled by the project (lexicon.yaml)"] = sum(r.id in overruled for r in rules)
    rules = [r for r in rules if r.id not in overruled]
    for rule in rules:
        entry = Entry(
            id=rule.id,
            lemmas=rule.lemmas,
            pos="verb",
            event=cast(EventType, book.types.check(rule.event, rule.id)),
            cameo=rule.cameo,
            mode=rule.mode,
            context=rule.context,
            obj=rule.obj,
            subj=rule.subj,
            prt=rule.prt,
            prep=rule.prep,
            pobj=rule.pobj,
            obj_mod=rule.obj_mod,
            pobj_mod=rule.pobj_mod,
            pattern=True,
            order=order,
        )
        order += 1
        key_words = rule.obj or rule.pobj or rule.prt or rule.prep or rule.subj
        for lemma in rule.lemmas:
            book.patterns.setdefault(lemma, []).append(entry)
            for word in key_words:
                book.pattern_keys.setdefault((lemma, word), []).append(entry)
    book.pattern_counts = {"used": len(rules), **{f"skipped: {k}": n for k, n in skipped.items()}}


class _Sections:
    """The sections of the codebook files read so far (later files extend earlier ones)."""

    def __init__(self, types: EventTypes) -> None:
        self.types = types
        self.entries: dict[str, Entry] = {}
        self.classes: dict[str, set[str]] = {}
        self.lists: dict[str, dict[str, None]] = {}  # ordered sets
        self.numbers: dict[str, int] = {}
        self.quantity_kinds: dict[str, str] = {}
        self.order = 0

    def add_list(self, name: str, words: Sequence[str]) -> None:
        self.lists.setdefault(name, {}).update(dict.fromkeys(words))

    def read(self, path: Path, data: Mapping[str, Any]) -> None:
        for name, members in (data.get("classes") or {}).items():
            members = _str_list(path, f"classes.{name}", members)
            self.classes.setdefault(str(name), set()).update(members)
        for name, members in (data.get("factuality") or {}).items():
            self.add_list(str(name), _str_list(path, f"factuality.{name}", members))
        for key in ("support_verbs", "background_preps", "approximate_words"):
            if key in data:
                self.add_list(key, _str_list(path, key, data[key]))
        for word, value in (data.get("numbers") or {}).items():
            if not isinstance(value, int):
                raise ConfigError(f"{path}: numbers.{word} must be an integer")
            self.numbers[str(word).lower()] = value
        if data.get("words") is not None:
            for name, members in _lexicon(path, data["words"]).items():
                self._check_classes(path, name, members)
                self.add_list(name, members)
        self.quantity_kinds.update(_quantity_words(path, data.get("quantity_words")))
        raw_entries = data.get("entries") or []
        if not isinstance(raw_entries, list):
            raise ConfigError(f"{path}: 'entries' must be a list of mappings")
        seen: set[str] = set()
        for i, raw in enumerate(raw_entries):
            entry = _entry(path, i, raw, self.order, self.types)
            if entry.id in seen:
                # (a later file may override an id on purpose; one file naming it twice is a
                # slip that silently dropped the first entry)
                raise ConfigError(f"{path}: entry id {entry.id!r} appears twice in this file")
            seen.add(entry.id)
            self.order += 1
            self.entries[entry.id] = entry

    def _check_classes(self, path: Path, list_name: str, names: Iterable[str]) -> None:
        """The members of a class list (goods_classes ...) must name codebook classes."""
        if list_name not in _CLASS_LISTS:
            return
        for name in names:
            if name not in self.classes:
                raise ConfigError(
                    f"{path}: {list_name}: {name!r} is not a word class; define it under "
                    f"'classes' in the codebook"
                )

    def codebook(self) -> Codebook:
        classes = {k: frozenset(v) for k, v in self.classes.items()}
        known = set(classes) | BUILTIN_CLASSES
        for entry in self.entries.values():
            for name in (
                *entry.obj,
                *entry.subj,
                *entry.not_obj,
                *entry.xcomp,
                *entry.not_subj,
                *entry.not_xcomp,
                *entry.purpose,
            ):
                if name.isupper() and name not in known:
                    raise ConfigError(
                        f"codebook entry {entry.id}: unknown word class {name!r}; define it "
                        f"under 'classes' or write the lemma in lower case"
                    )
        for list_name in _CLASS_LISTS:
            self._check_classes(packaged_lexicon_path(), list_name, self.lists.get(list_name, {}))
        return Codebook(
            entries=sorted(self.entries.values(), key=lambda e: e.order),
            classes=classes,
            lists={k: frozenset(v) for k, v in self.lists.items()},
            sequences={k: tuple(v) for k, v in self.lists.items()},
            numbers=self.numbers,
            types=self.types,
            quantity_kinds=self.quantity_kinds,
        )


#: word lists whose members name codebook classes rather than words
_CLASS_LISTS = ("goods_classes", "party_classes", "fired_classes", "authored_classes")


def _lexicon(path: Path, data: Any = None) -> dict[str, list[str]]:
    """Named word lists: the packaged extract/data/lexicon.yaml, or a codebook's ``words:``."""
    if data is None:
        data = read_yaml(path)
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: word lists must map a list name to a list of words")
    out: dict[str, list[str]] = {}
    for name, words in data.items():
        if not isinstance(name, str) or not name.islower():
            raise ConfigError(f"{path}: list name {name!r} must be lower case, e.g. order_verbs")
        if not isinstance(words, list) or not words:
            raise ConfigError(f"{path}: {name} must be a non-empty list of words")
        out[name] = _str_list(path, name, words)
    return out


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
    pos = raw["pos"]
    if pos not in _POS:
        raise ConfigError(f"{where}: pos must be one of {sorted(_POS)}, not {pos!r}")
    # a declared type: the packaged sixteen or one a codebook file adds under `types:`
    event = cast(EventType, types.check(raw["event"], where))
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
        sure=bool(raw.get("sure", False)),
        order=order,
        pattern=False,
        **lists,
    )


def _unconstrained(e: Entry) -> bool:
    """Does the entry fire on its verb alone, with no argument it must find?"""
    return not (
        e.obj or e.subj or e.prt or e.prep or e.mod or e.xcomp or e.ccomp or e.purpose or e.pobj
    )
