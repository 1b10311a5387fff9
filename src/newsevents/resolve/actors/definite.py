"""A bare definite noun ("the envoy", "the military") is the last earlier mention of that noun
whose own words gave it a country ("a US envoy", "the Israeli military")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from .dictionary import ActorDictionary
from .phrase import Coded, head_of

#: dependents before a noun that say whose it is ("US envoy", "Israel's army", "the
#: Israeli military"); an earlier mention without any of them decides nothing
_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def same_noun_before(
    toks: Sequence[Token], kb: ActorDictionary, code: Callable[[list[Token]], Coded]
) -> str | None:
    """The country of the last earlier mention of the phrase's head noun that names one, when
    the phrase is only an article and that noun ("The envoy will then travel to Israel" after
    "A US envoy is expected in Beirut"); else None. ``code`` codes a phrase."""
    if not toks:
        return None
    head = head_of(toks)
    if head.pos_ != "NOUN":
        return None
    before = [t for t in toks if t.i < head.i] + [c for c in head.children if c.dep_ == "det"]
    if not before or any(t.lower_ not in kb.words.articles for t in before):
        return None
    noun = head.lemma_.lower()
    nonstate = kb.sectors.codes.nonstate
    for prev in reversed(head.doc[: head.i]):
        if prev.pos_ != "NOUN" or prev.lemma_.lower() != noun:
            continue
        owners = [c for c in prev.children if c.dep_ in _OWNER_DEPS and c.i < prev.i]
        if not owners:
            continue
        found = code(list(prev.doc[min(c.left_edge.i for c in owners) : prev.i + 1]))
        if found.code and found.code not in nonstate:
            return found.code
    return None
