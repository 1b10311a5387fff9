"""A participant re-named by the words of a phrase (an antecedent for a pronoun, an owner
for a possessive)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...model import Actor, Span, evolve


def phrase_text(toks: Sequence[Token]) -> str:
    """The words of a phrase as written (an antecedent's name for a pronoun)."""
    return str(toks[0].doc[toks[0].i : toks[-1].i + 1].text) if toks else ""


def as_phrase(a: Actor, toks: Sequence[Token]) -> Actor:
    """The participant as the words ``toks`` (their span and name)."""
    return evolve(
        a, span=Span.of_tokens(toks[0].doc[toks[0].i : toks[-1].i + 1]), name=phrase_text(toks)
    )
