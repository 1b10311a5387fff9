"""The converted CAMEO verb patterns (``extract/data/phoenix/``) read as codebook constraints.

A Phoenix pattern is a verb block plus the words it requires before and after the verb, in
the notation of ``verbs.tsv`` (see its header). The coder checks arguments on the dependency
parse, not word order, so each pattern is mapped onto the constraints a codebook entry has:

- a word, ``{a b}`` (head: the last word) or ``&set`` after the verb: the direct object's head
  (``obj``); a particle word (``prt_words`` in lexicon.yaml): the verb's particle (``prt``);
- ``(prep x)``: a preposition attached to the verb and the head of its object (``prep`` and
  ``pobj``); ``(prep)`` alone: the preposition only;
- a word or ``&set`` before the verb: the doer's head (``subj``);
- ``$``, ``+`` (where the actors stand) and ``^`` (skip a phrase) add no constraint.

Patterns the parse cannot check this way are skipped and counted by reason: two objects or
two prepositional phrases (the second hangs on a noun, not the verb), consecutive words
(``a_b``), compounds (``%``), multi-word verbs, and patterns that code no PLOVER event.
This module returns plain constraint records; ``codebook.py`` turns them into entries that
rank below the project's own codebook.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..knowledge.verbs import VerbLexicon, VerbPattern

_ITEM = re.compile(r"\([^()]*\)|\{[^{}]*\}|\S+")
_MARKERS = frozenset({"$", "+", "^"})


class _Unchecked(Exception):
    """A pattern whose structure the coder's constraints cannot express."""


@dataclass(frozen=True, slots=True)
class PatternRule:
    """One Phoenix pattern as coder constraints (lemmas: every verb of its block)."""

    id: str
    lemmas: tuple[str, ...]
    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    obj: tuple[str, ...] = ()
    subj: tuple[str, ...] = ()
    prt: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    pobj: tuple[str, ...] = ()
    obj_mod: tuple[str, ...] = ()  # "{joint exercises}": a modifier the object must carry
    pobj_mod: tuple[str, ...] = ()


def _singular(word: str) -> Iterable[str]:
    """The word and the singulars it may have (pattern words are inflected; the coder
    compares lemmas)."""
    yield word
    if word.endswith("ies") and len(word) > 4:
        yield word[:-3] + "y"
    elif word.endswith("es") and len(word) > 3:
        yield word[:-2]
        yield word[:-1]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        yield word[:-1]


def _mods(item: str, lex: VerbLexicon) -> tuple[str, ...]:
    """The words before the head of ``{a b}`` (one of them must modify the head)."""
    if not item.startswith("{"):
        return ()
    out: list[str] = []
    for word in item[1:-1].split()[:-1]:
        out.extend(_heads(word, lex))
    return tuple(dict.fromkeys(out))


def _heads(item: str, lex: VerbLexicon) -> tuple[str, ...]:
    """Head words of a phrase item: ``word``, ``{a b}`` or ``&set``."""
    if item.startswith("{"):
        words = item[1:-1].split()
        if not words:
            raise _Unchecked("empty phrase")
        item = words[-1]
    if "_" in item or "%" in item:
        raise _Unchecked("consecutive words or compound")
    if item.startswith("&"):
        phrases = lex.synsets[item[1:]]
        heads: list[str] = []
        for phrase in phrases:
            last = phrase.replace("_", " ").split()[-1].lower()
            heads.extend(_singular(last))
        return tuple(dict.fromkeys(heads))
    if not item.replace("-", "").replace("'", "").isalnum():
        raise _Unchecked("unreadable word")
    return tuple(dict.fromkeys(_singular(item.lower())))


def _items(text: str) -> list[str]:
    return [i for i in _ITEM.findall(text) if i not in _MARKERS]


def rule_of(
    pattern: VerbPattern, lemmas: tuple[str, ...], lex: VerbLexicon, particles: frozenset[str]
) -> PatternRule:
    """The constraints of one pattern; raises _Unchecked when the parse cannot check it."""
    ev = pattern.forward
    if ev is None or not ev.event:
        raise _Unchecked("codes no PLOVER event")
    if not lemmas:
        raise _Unchecked("multi-word verb")
    cons: dict[str, tuple[str, ...]] = {}
    pre = _items(pattern.pre)
    if len(pre) > 1 or any(i.startswith("(") for i in pre):
        raise _Unchecked("more than one word before the verb")
    if pre:
        cons["subj"] = _heads(pre[0], lex)
    for item in _items(pattern.post):
        if item.startswith("("):
            if "prep" in cons:
                raise _Unchecked("two prepositional phrases")
            inner = _items(item[1:-1])
            if not inner or not inner[0].isalpha():
                raise _Unchecked("unreadable preposition")
            cons["prep"] = (inner[0].lower(),)
            if len(inner) > 2:
                raise _Unchecked("two phrases in one prepositional phrase")
            if len(inner) == 2:
                cons["pobj"] = _heads(inner[1], lex)
                cons["pobj_mod"] = _mods(inner[1], lex)
        elif item.lower() in particles and "obj" not in cons and "prep" not in cons:
            cons["prt"] = (item.lower(),)
        else:
            if "obj" in cons or "prep" in cons:
                raise _Unchecked("two objects, or an object after a prepositional phrase")
            cons["obj"] = _heads(item, lex)
            cons["obj_mod"] = _mods(item, lex)
    if not cons:
        raise _Unchecked("no words besides the verb")
    if set(cons) == {"subj"}:
        raise _Unchecked("only the doer: no argument after the verb")

    return PatternRule(
        id=f"phoenix:{pattern.block}:{pattern.verb}:{pattern.pre}|{pattern.post}",
        lemmas=lemmas,
        event=ev.event,
        mode=ev.mode or None,
        context=(ev.context,) if ev.context else (),
        cameo=ev.cameo,
        **cons,
    )


def pattern_rules(
    lex: VerbLexicon, particles: frozenset[str]
) -> tuple[list[PatternRule], Counter[str]]:
    """Every pattern the coder can check, in dictionary order, and the skipped ones counted
    by reason."""
    block_lemmas: dict[str, list[str]] = {}
    for verb in lex.verbs:
        if " " not in verb.verb and "_" not in verb.verb:
            block_lemmas.setdefault(verb.block, []).append(verb.verb.lower())
    rules: list[PatternRule] = []
    skipped: Counter[str] = Counter()
    seen: set[tuple[object, ...]] = set()
    for pattern in lex.patterns:
        try:
            rule = rule_of(pattern, tuple(block_lemmas.get(pattern.block, ())), lex, particles)
        except _Unchecked as why:
            skipped[str(why)] += 1
            continue
        key = (rule.lemmas, rule.obj, rule.subj, rule.prt, rule.prep, rule.pobj)
        if key in seen:
            skipped["same constraints as an earlier pattern"] += 1
            continue
        seen.add(key)
        rules.append(rule)
    return rules, skipped
