"""A party that is a state named as such ("Nicaragua", "Washington said"), read by the
setting rules (:mod:`.setting`) and the article's home (:mod:`.article`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ...model import Actor, Span
from .dictionary import ActorDictionary
from .phrase import head_of

#: dependencies of a word named as a party of the act, not as where it happens
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def is_country(a: Actor, kb: ActorDictionary, kinds: tuple[str, ...] = ("name", "capital")) -> bool:
    """Is the actor a country itself ("Nicaragua", "Washington")? ``kinds`` narrows it
    to a country named by its name only (a capital may be where a march went)."""
    hit = kb.countries.get(kb.words.strip_article(a.name).strip())
    return hit is not None and hit[1] in kinds


def named_as_state(
    a: Actor, doer: Actor, kb: ActorDictionary, tokens: Callable[[Span], Sequence[Token]]
) -> bool:
    """Is the party ``a`` a state named as such, so that ``doer`` acting on it is a foreign
    one's: a country's name ("Serbia"), or a capital standing for its government as a party
    of the act ("accused Belgrade"; not "the streets of Quito"), unless the doer holds an
    office below the state's ("the regional governor accused Lima")?"""
    if is_country(a, kb, ("name",)):
        return True
    if not is_country(a, kb, ("capital",)):
        return False
    toks = tokens(a.span)
    if not toks or head_of(list(toks)).dep_ not in _PARTY_DEPS:
        return False
    words = f" {' '.join(t.lemma_.lower() for t in tokens(doer.span))} "
    return not any(f" {office} " in words for office in kb.sectors.local_offices)
