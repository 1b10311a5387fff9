"""Shapes of names for cross-article entity resolution (rules a human coder states).

* Not a name: a wire dateline or credit ("CITY, Country (Outlet) -"), anything holding a
  parenthesis or an outlet's name; pronouns ("We", "him"); generic nouns ("convoy",
  "the regime", a sentence-initial "Protesters" the texts also write in lower case).
* A person's name is the run of capitalised words that heads the phrase: titles and the
  words before a title are dropped ("Iranian general Jane Q. Doe" -> "Jane Q. Doe"), a run
  followed by a common noun only modifies it ("Doe's convoy" is not Doe), a run followed by
  "of"/","/nothing is the head ("Jane Doe of the union"). A name holding an organisation
  word ("Forces", "Committee") is never a person.
* Two person names are one person when their family names (last word, particles al-/el-/
  de/van ignored) match and their given names do not conflict: one is missing, or one is a
  prefix/initials form of the other ("J. Doe", "Jane Doe", "Jane Q. Doe"). A shared given or
  middle name is not identity.
* A name's own country word decides its code ("Iranian regime" is IRN whatever the
  mentions say).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..resources import countries
from .knowledge import MergeKnowledge
from .text import name_tokens

_POSSESSIVE = re.compile(r"['’]s\b")
_STRIP = ".,;:()[]{}\"'“”‘’!?"
_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+)*\s*,")
_DASH_END = re.compile(r"\s[-–—]\s*$")
_FUZZY_TOKEN = 0.85


@lru_cache(maxsize=1 << 18)
def tokens_close(a: str, b: str) -> bool:
    """Same word up to a spelling slip (spelling keys equal, or >= 0.85 similar, 4+ letters)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if min(la, lb) < 4 or 2 * min(la, lb) / (la + lb) < _FUZZY_TOKEN:
        return False  # the ratio can never reach the bar: skip difflib
    sm = SequenceMatcher(None, a, b)
    return sm.quick_ratio() >= _FUZZY_TOKEN and sm.ratio() >= _FUZZY_TOKEN


@lru_cache(maxsize=1 << 16)
def _raw(surface: str) -> tuple[tuple[str, bool], ...]:
    """Words of a surface with 'a comma (or colon) follows' flags; possessive 's removed."""
    out: list[tuple[str, bool]] = []
    for w in _POSSESSIVE.sub("", surface).split():
        t = w.strip(_STRIP.replace(".", ""))
        if t.endswith(".") and t.count(".") == 1 and len(t) > 2:
            t = t[:-1]  # a full stop, not an initial ("Q.") or "U.S."
        if t.strip("."):
            out.append((t, w.rstrip("'’\")”").endswith((",", ";", ":"))))
    return tuple(out)


def _is_cap(word: str) -> bool:
    last = word.split("-")[-1] or word
    return word[:1].isupper() or last[:1].isupper()


def _content_cap(word: str) -> bool:
    """A capitalised word that is not a pronoun/function word ("US" counts, "We" not)."""
    if not _is_cap(word):
        return False
    return word.lower() not in STOP_WORDS or (word.isupper() and len(word) > 1)


def is_dateline(surface: str, outlet_keys: Collection[str]) -> bool:
    """A wire dateline/credit or an outlet's own name, not an actor."""
    if any(c in surface for c in "()[]") or _DATELINE.match(surface) or _DASH_END.search(surface):
        return True
    key = " ".join(name_tokens(surface))
    # the outlet's name inside the phrase, or the phrase is its masthead word ("the Wire")
    return bool(key) and any(
        o and (f" {o} " in f" {key} " or f" {o}".endswith(f" {key}")) for o in outlet_keys
    )


def alias_class(surface: str, lower_words: Collection[str], outlet_keys: Collection[str]) -> str:
    """``drop`` (dateline), ``pronoun``, ``generic`` (a common noun) or ``named``."""
    words = [w for w, _ in _raw(surface)]
    if not words or is_dateline(surface, outlet_keys):
        return "drop"
    if all(w.lower() in STOP_WORDS and not (w.isupper() and len(w) > 1) for w in words):
        return "pronoun"
    for i, w in enumerate(words):
        if not _content_cap(w):
            continue
        # a capital is a name unless it is only the sentence-initial capital of a word the
        # texts also write in lower case ("Protesters", "Convoy")
        if i > 0 or (w.isupper() and len(w) > 1) or w.lower() not in lower_words:
            return "named"
    return "generic"


@lru_cache(maxsize=1 << 16)
def plain_alias_class(surface: str) -> str:
    """:func:`alias_class` with no texts' lower-case words and no outlet names (cached: the
    merge asks it of the same few names for every mention and event)."""
    return alias_class(surface, (), ())


def is_proper(surface: str, kb: MergeKnowledge) -> bool:
    """Every content word capitalised (particles and 'of'/'the' aside): a readable name."""
    words = [w for w, _ in _raw(surface)]
    if words and words[0].lower() == "the":
        words = words[1:]
    content = [w for w in words if w.lower() not in kb.name_particles | {"of", "the", "and"}]
    return bool(content) and all(_content_cap(w) for w in content)


def person_core(surface: str, kb: MergeKnowledge) -> str | None:
    """The person's name inside a phrase ("Iranian general Jane Doe" -> "Jane Doe"), else None.
    Worked out once per phrase and ``kb`` (a story asks for the same names again and again)."""
    memo: dict[str, str | None] = kb.__dict__.setdefault("_person_cores", {})
    if surface not in memo:
        memo[surface] = _person_core(surface, kb)
    return memo[surface]


def _person_core(surface: str, kb: MergeKnowledge) -> str | None:
    raw = _raw(surface)
    n = len(raw)

    def title(w: str) -> bool:
        parts = [p for p in w.lower().rstrip(".").split("-") if p]
        return bool(parts) and all(p in kb.person_titles for p in parts)

    def name_word(w: str) -> bool:
        return _content_cap(w) and not title(w)

    def particle(i: int) -> bool:
        return raw[i][0].lower() in kb.name_particles and i + 1 < n and name_word(raw[i + 1][0])

    i = 0
    while i < n:
        if not (name_word(raw[i][0]) or particle(i)):
            i += 1
            continue
        j = i
        while j < n and (name_word(raw[j][0]) or particle(j)) and not (j > i and raw[j - 1][1]):
            j += 1
        run = raw[i:j]
        nxt = raw[j][0] if j < n else None
        if nxt is None or run[-1][1] or nxt.lower() in kb.name_connectors:
            core = " ".join(w for w, _ in run)
            low = {w.lower() for w, _ in run}
            if low & kb.organisation_words or core in countries():
                return None
            if len(run) == 1 and run[0][0].isupper() and len(run[0][0]) > 1:
                return None  # an acronym ("PMF", "US"), not a person
            return core
        i = j  # a run followed by a title or a common noun only modifies it
    return None


def person_tokens(core: str, kb: MergeKnowledge) -> tuple[str, ...]:
    toks = name_tokens(core)
    kept = tuple(t for t in toks if t not in kb.name_particles)
    return kept or toks


def _given_match(x: str, y: str) -> bool:
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]  # an initial
    return tokens_close(x, y) or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))


def persons_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Family names match and given names do not conflict (see the module rules)."""
    if not a or not b or not tokens_close(a[-1], b[-1]):
        return False
    ga, gb = a[:-1], b[:-1]
    if not ga or not gb:
        return True
    short, long_ = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    k = 0
    for x in short:  # the shorter given names, in order, inside the longer ones
        while k < len(long_) and not _given_match(x, long_[k]):
            k += 1
        if k == len(long_):
            return False
        k += 1
    return True


def has_org_word(surface: str, kb: MergeKnowledge) -> bool:
    return any(w.lower() in kb.organisation_words for w, _ in _raw(surface))


def name_code(surface: str) -> str | None:
    """The country a name itself states ("Iranian regime" -> IRN, "US embassy" -> USA)."""
    table = countries()
    words = [w for w, _ in _raw(surface)]
    for i in range(len(words)):
        for k in range(min(4, len(words) - i), 0, -1):
            form = " ".join(words[i : i + k])
            hit = table.get(form)
            if hit is None:
                continue
            code, kind = hit
            if kind != "capital" or k == len(words):
                return code
    return None
