"""A complex preposition the parse splits, read the same way by the coder (extract) and the
place resolver (resolve): "in front of the parliament" hangs the parliament under the noun
"front". English grammar, not vocabulary: no other noun makes a locative preposition this
way, so it is written here, not in a word list."""

from __future__ import annotations

from spacy.tokens import Token


def past_front(obj: Token) -> Token:
    """The object of "in front of" for the preposition's object ``obj`` ("front"), else
    ``obj``. "the front of the building" (with a determiner) is a noun, left as it is."""
    if obj.lower_ != "front" or any(c.dep_ == "det" for c in obj.children):
        return obj
    for of in obj.children:
        if of.dep_ == "prep" and of.lower_ == "of":
            inner = [c for c in of.children if c.dep_ == "pobj"]
            if inner:
                return inner[0]
    return obj


def front_of(obj: Token) -> Token | None:
    """For the object of "of" in "in front of X" (X), the noun "front" that stands for the
    whole preposition's object; else None."""
    prep = obj.head
    if obj.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    front = prep.head
    return front if front.dep_ == "pobj" and past_front(front).i == obj.i else None
