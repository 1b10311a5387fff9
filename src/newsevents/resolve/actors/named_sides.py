"""Which countries a sentence names that cannot be the home of its unnamed parties: a
neighbour named by a border, whom an act is against, a country inside a quotation, and the
named doer itself (a capital standing for a government)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from ...model import Span
from .vocab import ActorWords


def across_border(ent: SpacySpan, words: ActorWords) -> bool:
    """ "near the Burkina Faso border", "its border with Chad": the neighbour's country."""
    root = ent.root
    held = root.head if root.dep_ == "pobj" and root.head.lower_ == "with" else root
    if (
        held.dep_ in ("compound", "amod", "nmod", "prep")
        and held.head.lemma_ in words.frontier_nouns
    ):
        return True
    # "sits on the border with Brazil", the parse hanging "with" on the verb beside "on the
    # border"
    return held is not root and any(
        p.dep_ == "prep" and any(o.lemma_ in words.frontier_nouns for o in p.children)
        for p in held.head.children
    )


def against(ent: SpacySpan, words: ActorWords) -> bool:
    """ "file a case against China": the other side."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in words.target_preps


def quoted(ent: SpacySpan, sent: SpacySpan, words: ActorWords) -> bool:
    """ "calling it 'a page out of the Kremlin's book'": inside a quotation of its sentence
    (an odd number of quotation marks before it), the speaker's word, not the story's."""
    doc = sent.doc
    return sum(1 for t in doc[sent.start : ent.start] if t.text in words.quote_marks) % 2 == 1


def within(ent: SpacySpan, spans: Sequence[Span]) -> bool:
    """The entity is (part of) one of the event's named parties ("Brussels condemned ...")."""
    lo, hi = ent.start_char, ent.end_char
    return any(s.start <= lo and hi <= s.end for s in spans)
