"""The country a phrase names just before a curated body's name ("the South Sudan People's
Defence Forces" is South Sudan's army, whatever other country a body of that name serves)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .dictionary import ActorDictionary, ActorEntry


def country_before_name(
    toks: Sequence[Token], entry: ActorEntry, actors: ActorDictionary
) -> str | None:
    """The country whose name or adjective (one to three words, no possessive) directly
    precedes ``entry``'s name or an alias in the phrase, if it differs from the entry's own;
    else None."""
    if not toks:
        return None
    text = toks[0].doc[toks[0].i : toks[-1].i + 1].text
    for form in (entry.name, *entry.aliases):
        at = text.find(form)
        if at <= 0:
            continue
        words = text[:at].split()
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            before = actors.words.strip_article(" ".join(words[-n:]))
            hit = actors.countries.get(before)
            if hit is not None and hit[1] in ("name", "adjective") and hit[0] != entry.code:
                return hit[0]
    return None
