"""What a relative pronoun stands for when the parser hangs its clause on a place that only
locates the party before it ("the Grenn Sab gang in the Artibonite department, which has
attacked farming communities": the gang attacked, not the department)."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook

#: entity labels of a named place
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def relative_antecedent(noun: Token, book: Codebook) -> Token:
    """The noun a relative clause on ``noun`` describes: a party located by ``noun`` when
    ``noun`` is a place in its locating phrase ("X in the Y district"), else ``noun``."""
    place = noun.ent_type_ in PLACE_LABELS or noun.lemma_.lower() in book.words("locating_nouns")
    prep = noun.head
    if not place or noun.dep_ != "pobj" or prep.lower_ not in book.words("locating_preps"):
        return noun
    owner = prep.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.ent_type_ not in PLACE_LABELS and owner != noun:
        return owner
    return noun


def own_subject(clause: Token, book: Codebook) -> bool:
    """Has the relative clause a subject of its own, not the relative pronoun standing for
    its head ("the sanctions it imposed": yes; "relatives who gathered": no)?"""
    relative = book.words("relative_pronouns")
    return any(c.dep_ == "nsubj" and c.lower_ not in relative for c in clause.children)
