"""A party's act named as a noun that another party receives: "Kenya's offer to lead the force
was welcomed by the Council", "Yerevan's appeal to the alliance was rebuffed". The reception
attests the act (an offer, appeal, proposal or expulsion that was made), whatever its type
governs."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import lemma

#: entity labels of a party that can own an act ("Kenya's offer", "the EU's proposal")
_PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def received(noun: Token, book: Codebook) -> bool:
    """Is the noun the subject of a verb of receiving an act (lexicon ``reception_verbs``) and
    owned by a named party ("Kenya's offer was welcomed", "Ethiopia's expulsion of the
    officials drew criticism" is the patient rule's)?"""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if lemma(noun.head) not in book.words("reception_verbs"):
        return False
    return any(c.dep_ == "poss" and c.ent_type_ in _PARTY_LABELS for c in noun.children)
