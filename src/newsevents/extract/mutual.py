"""Mutual acts: several doers acting on each other ("clashed", "signed a pact", "accused each
other")."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import Frame, children_of, lemma
from .parties import names_side
from .phrases import coordinated_origins, coordinated_owners


def _reciprocal(tok: Token, book: Codebook) -> bool:
    """ "each other", "one another" (the determiner and the pronoun, as the parser hangs them)."""
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "nummod", "advmod")]
    return any(f"{d} {tok.lower_}" in book.words("reciprocal_objects") for d in dets)


def mutual_act(frame: Frame, actors: list[Token], recips: list[Token], book: Codebook) -> bool:
    """Several doers of a mutual act ("fought", "met", "signed a pact") and no other party
    named as its recipient."""
    tok = frame.token
    mutual = book.spec(frame.event).reciprocal or lemma(tok) in book.words("mutual_words")
    # "Baku and Yerevan accused each other": each doer is the other's recipient
    mutual = mutual or any(_reciprocal(r, book) for r in recips)
    if not mutual and tok.pos_ == "VERB":
        # "signed an agreement", "held talks": the mutual word is the object
        mutual = any(lemma(o) in book.words("mutual_words") for o in children_of(tok, "dobj"))
    if not mutual:
        return False  # (asked first: the recipients' subtrees below are the costly part)
    where = book.words("mutual_place_preps")
    if any(names_side(r, frame.token, where) for r in recips if r not in actors):
        return False  # "clashed with police" names the other side; "fought in X" a place
    labels, genitive = book.words("origin_labels"), book.words("owner_split_preps")
    sides = sum(
        len(coordinated_origins(a, labels)) or len(coordinated_owners(a, genitive)) or 1
        for a in actors
    )
    return sides > 1
