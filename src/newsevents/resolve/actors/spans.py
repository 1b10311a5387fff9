"""A participant re-named by the words of a phrase (an antecedent for a pronoun, an owner
for a possessive)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
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


#: the words a long name is cut at by the NER ("[Ministry of Foreign Affairs and] ...")
_CUT_WORDS = ("and", "of", "for")


def cut_name(name: str) -> bool:
    """Does the name end where the NER cut a longer one, on "and"/"of"/"for"?"""
    words = name.split()
    return bool(words) and words[-1].lower() in _CUT_WORDS


def cut_name_phrase(ent: SpacySpan) -> list[Token] | None:
    """The whole phrase of a name the NER cut ("[The Ministry of Foreign Affairs
    and] Regional Integration of the Republic of Ghana"): from the entity to the end of its
    head's phrase, when that is a short phrase with no verb; else None."""
    if not cut_name(ent.text):
        return None
    whole = list(ent.doc[ent.start : ent.root.right_edge.i + 1])
    if len(whole) > 16 or any(t.pos_ in ("VERB", "AUX") for t in whole):
        return None
    return whole
