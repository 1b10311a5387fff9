"""Clauses that tell no act of their own, read the same way by the coder (extract) and by
the learned model's candidate search (learn): a yes/no question and a habit. Both layers
import this module; neither imports the other."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

#: tags of a finite auxiliary that can open a yes/no question ("Is", "Did", "Will")
_QUESTION_AUX_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})


def asking_aux(sent: SpacySpan) -> Token | None:
    """The auxiliary opening a sentence that ends at a question mark ("Is ECOWAS still
    providing help?", "Has the army left Kidal?"): the whole sentence asks whether."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    ends = [t for t in sent if not t.is_space]
    if not words or ends[-1].text != "?":
        return None
    first = words[0]
    return first if first.tag_ in _QUESTION_AUX_TAGS and first.pos_ == "AUX" else None


def habitual(tok: Token, adverbs: AbstractSet[str]) -> bool:
    """A verb told as a standing stance ("has always rejected the claim"; ``adverbs``: the
    cue words, word forms)."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ in adverbs for c in tok.children
    )
