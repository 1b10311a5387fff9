"""Small dependency-parse helpers shared by the resolvers of this stage (time, place)."""

from __future__ import annotations

from spacy.tokens import Token

_VERB_POS = ("VERB", "AUX")  # part-of-speech tags of a clause's head (grammar, not words)


def governor(tok: Token) -> Token | None:
    """The nearest verb at or above ``tok`` in the parse (None in a verbless fragment)."""
    for _ in range(12):
        if tok.pos_ in _VERB_POS:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
