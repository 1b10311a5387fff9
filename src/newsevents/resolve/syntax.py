"""Small dependency-parse helpers shared by the resolvers of this stage (time, place)."""

from __future__ import annotations

from typing import Any


def governor(tok: Any) -> Any:
    """The nearest verb at or above ``tok`` in the parse (None in a verbless fragment)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
