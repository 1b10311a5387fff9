"""The converted CAMEO verb dictionary: patterns (``verbs.tsv``), the verbs of each pattern
block with their forms (``verb_forms.tsv``), the synonym sets the patterns name
(``synsets.tsv``) and the derived CAMEO -> PLOVER mapping (``cameo_plover.tsv``), all under
``extract/data/phoenix/``. Pattern notation: see the header of ``verbs.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from .tsv import CAMEO, normalise, phoenix_dir, rows, score

VERB_COLUMNS: tuple[str, ...] = ("block", "verb", "pre", "post", "cameo", "event", "mode")
VERB_COLUMNS += ("context", "goldstein", "cameo_back")
FORM_COLUMNS = ("block", "verb", "forms", "cameo", "event", "mode", "goldstein", "cameo_back")
SYNSET_COLUMNS = ("set", "phrase", "plural")
CROSSWALK_COLUMNS = ("cameo", "event", "mode", "context", "goldstein", "note")

_EVENT = re.compile(r"^(?:[A-Z]+)?$")
_SYNSET_REF = re.compile(r"&([a-z0-9_]+)")


@dataclass(frozen=True, slots=True)
class CameoEvent:
    """A CAMEO code read as PLOVER: event type, mode, context; its Goldstein score."""

    cameo: str
    event: str  # "" when PLOVER codes no event for it (CAMEO 01x statements)
    mode: str
    context: str
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    block: str  # the verb block the pattern belongs to: it applies to every verb of the block
    verb: str  # the verb the dictionary wrote it for
    pre: str  # words before the verb, in the notation of verbs.tsv
    post: str  # words after the verb
    forward: CameoEvent | None  # source -> target (None: the pattern codes nothing that way)
    back: CameoEvent | None  # target -> source (042:043 visit / host)


@dataclass(frozen=True, slots=True)
class VerbForm:
    block: str
    verb: str
    forms: tuple[str, ...]
    alone: CameoEvent | None  # what the verb codes with no pattern (None: nothing)
    alone_back: CameoEvent | None  # and target -> source


@dataclass(frozen=True)
class VerbLexicon:
    patterns: tuple[VerbPattern, ...]
    verbs: tuple[VerbForm, ...]
    synsets: Mapping[str, tuple[str, ...]]  # set name -> phrases, plurals included
    crosswalk: Mapping[str, CameoEvent]  # CAMEO code -> PLOVER reading
    _by_form: Mapping[str, tuple[VerbForm, ...]] = field(repr=False)
    _by_block: Mapping[str, tuple[VerbPattern, ...]] = field(repr=False)

    def verb(self, word: str) -> tuple[VerbForm, ...]:
        """The dictionary verbs ``word`` (a lemma or an inflected form) is a form of."""
        return self._by_form.get(normalise(word), ())

    def patterns_for(self, word: str) -> tuple[VerbPattern, ...]:
        """Every pattern that applies to the verb ``word`` (any form), in dictionary order."""
        out: list[VerbPattern] = []
        for form in self.verb(word):
            out.extend(self._by_block.get(form.block, ()))
        return tuple(dict.fromkeys(out))


def _event(cells: list[str], path: Path, lineno: int, crosswalk: Mapping[str, CameoEvent]):
    """CameoEvent of (cameo, event, mode, context, goldstein) cells, checked."""
    cameo, event, mode, context, goldstein = cells
    if not CAMEO.match(cameo) or not _EVENT.match(event):
        raise ConfigError(f"{path}:{lineno}: bad CAMEO code {cameo!r} or event {event!r}")
    if not cameo:
        return None
    known = crosswalk.get(cameo)
    if known is not None and known.event != event:
        raise ConfigError(
            f"{path}:{lineno}: CAMEO {cameo} is {event or 'no event'} here but "
            f"{known.event or 'no event'} in cameo_plover.tsv; rerun scripts/convert_phoenix.py"
        )
    return CameoEvent(cameo, event, mode, context, score(goldstein, path, lineno))


def _back(
    code: str, path: Path, lineno: int, crosswalk: Mapping[str, CameoEvent]
) -> CameoEvent | None:
    if not CAMEO.match(code):
        raise ConfigError(f"{path}:{lineno}: bad CAMEO code {code!r} in cameo_back")
    back = crosswalk.get(code) if code else None
    if code and back is None:
        raise ConfigError(f"{path}:{lineno}: CAMEO {code} is not in cameo_plover.tsv")
    return back


def load_crosswalk(path: Path | None = None) -> dict[str, CameoEvent]:
    path = path or phoenix_dir("extract") / "cameo_plover.tsv"
    table: dict[str, CameoEvent] = {}
    for lineno, cells in rows(path, CROSSWALK_COLUMNS):
        event = _event(cells[:5], path, lineno, {})
        if event is None:
            raise ConfigError(f"{path}:{lineno}: a row without a CAMEO code")
        table[event.cameo] = event
    return table


def load_verbs(folder: Path | None = None) -> VerbLexicon:
    """The converted CAMEO verb dictionary in ``folder`` (default: the packaged one)."""
    folder = folder or phoenix_dir("extract")
    crosswalk = load_crosswalk(folder / "cameo_plover.tsv")
    synsets: dict[str, list[str]] = {}
    path = folder / "synsets.tsv"
    for _lineno, (name, phrase, many) in rows(path, SYNSET_COLUMNS):
        synsets.setdefault(name, []).extend([phrase, many] if many else [phrase])
    verbs: list[VerbForm] = []
    by_form: dict[str, list[VerbForm]] = {}
    path = folder / "verb_forms.tsv"
    for lineno, cells in rows(path, FORM_COLUMNS):
        block, lemma, forms = cells[:3]
        alone = _event([cells[3], cells[4], cells[5], "", cells[6]], path, lineno, crosswalk)
        back = _back(cells[7], path, lineno, crosswalk)
        entry = VerbForm(block, lemma, tuple(forms.split("|")) if forms else (), alone, back)
        verbs.append(entry)
        for form in (lemma, *entry.forms):
            by_form.setdefault(normalise(form), []).append(entry)
    blocks = {v.block for v in verbs}
    patterns: list[VerbPattern] = []
    by_block: dict[str, list[VerbPattern]] = {}
    path = folder / "verbs.tsv"
    for lineno, cells in rows(path, VERB_COLUMNS):
        block, verb, pre, post = cells[:4]
        if block not in blocks:
            raise ConfigError(f"{path}:{lineno}: block {block!r} has no verbs in verb_forms.tsv")
        for ref in _SYNSET_REF.findall(pre + " " + post):
            if ref not in synsets:
                raise ConfigError(f"{path}:{lineno}: synonym set &{ref} is not in synsets.tsv")
        forward = _event(cells[4:9], path, lineno, crosswalk)
        back = _back(cells[9], path, lineno, crosswalk)
        pattern = VerbPattern(block, verb, pre, post, forward, back)
        patterns.append(pattern)
        by_block.setdefault(block, []).append(pattern)
    return VerbLexicon(
        tuple(patterns),
        tuple(verbs),
        {k: tuple(v) for k, v in synsets.items()},
        crosswalk,
        {k: tuple(v) for k, v in by_form.items()},
        {k: tuple(v) for k, v in by_block.items()},
    )
