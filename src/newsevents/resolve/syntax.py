"""Small dependency-parse helpers shared by the resolvers of this stage (time, place)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

_VERB_POS = ("VERB", "AUX")  # part-of-speech tags of a clause's head (grammar, not words)
_NOUN_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})  # where a noun phrase stands


def governor(tok: Token) -> Token | None:
    """The nearest verb at or above ``tok`` in the parse (None in a verbless fragment)."""
    for _ in range(12):
        if tok.pos_ in _VERB_POS and not _nominal_gerund(tok):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _nominal_gerund(tok: Token) -> bool:
    """A gerund the tagger calls a verb but used as a noun, with its own determiner ("at
    the Koidula crossing on Tuesday"): no clause of its own."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in _NOUN_DEPS
        and any(c.dep_ == "det" and c.i < tok.i for c in tok.children)
    )


def names_object(clause: Token, naming: Collection[str]) -> bool:
    """Is the clause a free relative of naming that is its verb's object ("struck what
    Islamabad called militant hideouts"; ``naming``: the verbs of naming)? Its time and
    place are the act's that governs it."""
    return (
        clause.dep_ == "ccomp"
        and clause.lemma_.lower() in naming
        and any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in clause.children)
    )


def opens_sentence(ent: SpacySpan) -> bool:
    """Is the name the object of the preposition its sentence opens with ("In Yerevan, ...")?"""
    prep = ent.root.head
    return prep.dep_ == "prep" and prep.i == ent.sent.start
