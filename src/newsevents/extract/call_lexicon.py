"""The calls-to-action lexicon (``data/calls.yaml``): protest words by mode and CAMEO code,
cue verbs, openers, headings and "when" words, compiled into regexes once per load."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import EventType
from ..resources import EventTypes, read_yaml

__all__ = ["Action", "CallLexicon", "load_calls", "norm"]


@dataclass(frozen=True)
class Action:
    """A protest word's canonical form with its PLOVER mode and CAMEO code."""

    lemma: str
    mode: str
    cameo: str


@dataclass(frozen=True)
class CallLexicon:
    """The word lists of ``calls.yaml``, compiled."""

    event: EventType  # the type every call is coded as (a declared type)
    nouns: dict[str, Action]  # singular and plural forms
    verbs: dict[str, Action]
    noun_re: re.Pattern[str]
    cue_verbs: tuple[tuple[str, ...], ...]  # each a word sequence, longest first
    openers: tuple[tuple[str, ...], ...]
    headings: frozenset[str]
    when_re: re.Pattern[str]
    past_markers: frozenset[str]
    schedule_words: frozenset[str]
    organiser_re: re.Pattern[str]
    head_modifiers: frozenset[str]
    ambiguous_when: frozenset[str]  # "may", "march": a date word only beside a number
    urging_pronouns: frozenset[str]  # "we/you must join": a clause that still urges


def _data_path() -> Path:
    return Path(str(importlib_resources.files("newsevents.extract") / "data" / "calls.yaml"))


def _words(data: dict[str, Any], key: str, path: Path) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{path}: '{key}' must be a non-empty list of words; fix the file")
    out = []
    for w in value:
        if not isinstance(w, str) or not w.strip():
            raise ConfigError(f"{path}: '{key}' holds {w!r}, not a word; fix the entry")
        out.append(" ".join(w.lower().split()))
    return out


def _alt(words: Sequence[str]) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of blanks."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(p) for p in w.split(" ")) for w in parts)


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"  # rally -> rallies
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"  # march -> marches
    return word + "s"


def _plurals(phrase: str) -> tuple[str, ...]:
    """The phrase and its plural: the last word ("picket lines"), or the head before "of"
    ("days of action")."""
    words = phrase.split(" ")
    k = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    return (phrase, " ".join([*words[:k], _plural(words[k]), *words[k + 1 :]]))


def load_calls(types: EventTypes, path: Path | None = None) -> CallLexicon:
    """Load and check ``calls.yaml`` (or ``path``); raises ConfigError naming the bad key."""
    path = path or _data_path()
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of word lists; fix the file")
    event = types.check(data.get("event"), f"{path}: event")
    actions = data.get("actions")
    if not isinstance(actions, dict) or not actions:
        raise ConfigError(f"{path}: 'actions' must map a mode to {{cameo, nouns, verbs}}")
    nouns: dict[str, Action] = {}
    verbs: dict[str, Action] = {}
    for mode, spec in actions.items():
        if not isinstance(spec, dict):
            raise ConfigError(f"{path}: actions.{mode} must be a mapping; fix the file")
        cameo = spec.get("cameo")
        if not isinstance(cameo, str) or not cameo.isdigit() or not cameo.startswith("14"):
            raise ConfigError(f"{path}: actions.{mode}.cameo must be a quoted CAMEO 14x code")
        for w in _words(spec, "nouns", path):
            nouns.setdefault(w, Action(w, str(mode), cameo))
        for w in _words(spec, "verbs", path) if "verbs" in spec else []:
            verbs.setdefault(w, Action(w, str(mode), cameo))
    clock = data.get("clock_patterns")
    if not isinstance(clock, list) or not clock:
        raise ConfigError(f"{path}: 'clock_patterns' must be a non-empty list of regexes")
    try:
        for p in clock:
            re.compile(str(p))
    except re.error as e:
        raise ConfigError(f"{path}: clock pattern {p!r} is not a valid regex: {e}") from e
    day_words = (
        _words(data, "weekdays", path)
        + _words(data, "months", path)
        + _words(data, "relative_days", path)
    )
    when = rf"\b(?:{_alt(day_words)})\b|" + "|".join(f"(?:{p})" for p in clock)
    nouns = {form: a for w, a in nouns.items() for form in _plurals(w)}
    noun_re = re.compile(rf"(?<![\w-])(?:{_alt(list(nouns))})(?![\w-])", re.IGNORECASE)
    organisers = _alt(_words(data, "organiser_cues", path))
    return CallLexicon(
        event=event,
        nouns=nouns,
        verbs=verbs,
        noun_re=noun_re,
        cue_verbs=tuple(
            sorted((tuple(w.split()) for w in _words(data, "cue_verbs", path)), key=len)[::-1]
        ),
        openers=tuple(
            sorted((tuple(w.split()) for w in _words(data, "openers", path)), key=len)[::-1]
        ),
        headings=frozenset(_words(data, "headings", path)),
        when_re=re.compile(when, re.IGNORECASE),
        past_markers=frozenset(_words(data, "past_markers", path)),
        schedule_words=frozenset(_words(data, "schedule_words", path)),
        organiser_re=re.compile(
            rf"\b(?:{organisers})\s+by\s+(?:the\s+)?(?P<org>[^,;:.()\n]+)", re.IGNORECASE
        ),
        head_modifiers=frozenset(_words(data, "head_modifiers", path)),
        ambiguous_when=frozenset(_words(data, "ambiguous_when_words", path)),
        urging_pronouns=frozenset(_words(data, "urging_pronouns", path)),
    )


# a memo, not data: the same few thousand token texts are normalised over and over
@lru_cache(maxsize=8192)
def norm(s: str) -> str:
    return " ".join(s.lower().replace("\u2019", "'").split())
