"""The other party of a thing the doer acts on ("scrapped an agreement between the US and
Iran", by the US): the recipient is Iran, never the doer's own country."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from ...model import Actor, Span, evolve
from .dictionary import ActorDictionary
from .phrase import head_of
from .places import ethnic, namesake
from .vocab import ActorWords


def other_parties(
    recips: tuple[Actor, ...],
    doers: set[str],
    kb: ActorDictionary,
    tokens: Callable[[Span], list[Token]],
    organs: AbstractSet[str] = frozenset(),
) -> tuple[Actor, ...]:
    """The recipients without the doer's own country named among a thing's sides (when
    another side is named), each uncoded one that took the doer's code given the other
    country its phrase names. ``organs``: the countries of doers that are organs of their
    state: their own country by name is never their target ("Tashiev warned that Kyrgyzstan
    would respond": his own side acting; an opposition's "Kenya" is its state, kept)."""
    recips = tuple(r for r in recips if not (r.code in organs and _country_name(r, kb)))
    own = [r for r in recips if r.code in doers and _country_name(r, kb)]
    rest = [r for r in recips if r not in own]
    # (only beside a side that is no doer's: "the ministers of Chile and Argentina met" are
    # each other's recipients)
    kept = rest if any(r.code and r.code not in doers for r in rest) else list(recips)
    return tuple(_other_party(r, doers, kb, tokens) for r in kept)


def _country_name(a: Actor, kb: ActorDictionary) -> bool:
    hit = kb.countries.get(kb.words.strip_article(a.name).strip())
    return hit is not None and hit[1] == "name"


def _other_party(
    r: Actor, doers: set[str], kb: ActorDictionary, tokens: Callable[[Span], list[Token]]
) -> Actor:
    if r.code not in doers or r.sector is not None:
        return r
    toks = tokens(r.span)
    if not toks:
        return r
    for t in head_of(toks).subtree:
        if (
            (t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN")
            and not ethnic(t, kb)
            and not namesake(t, kb)
        ):
            hit = kb.countries.get(t.text)
            if hit is not None and hit[0] not in doers:
                return evolve(r, code=hit[0])
    return r


def envoy(toks: Sequence[Token], words: ActorWords) -> bool:
    """Is the phrase an envoy of a state (an ambassador, a diplomat, an embassy)? Whoever
    summons, expels or receives one is not of the envoy's state."""
    return bool(toks) and head_of(toks).lemma_.lower() in words.envoy_nouns
