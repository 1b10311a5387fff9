"""The sense an ambiguous act noun took earlier in its article: "the strike will continue"
after "a general strike paralysed the capital" is that strike, not an attack."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .codebook import Codebook, Entry
from .parse import Parse, lemma
from .triggers import match

#: dependents that decide which act the noun names ("general strike", "air strike",
#: "the US strike", "Monday's strike"); a noun with none of them before it is bare
_DECIDING = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})


def told_sense(tok: Token, entry: Entry, book: Codebook, parse: Parse) -> Entry:
    """The entry of the last earlier mention of the same ambiguous noun (lexicon
    ``ambiguous_act_nouns``) whose modifiers decided its sense, for a bare definite mention
    ("the strike") that has no target of its own; else ``entry``."""
    if tok.pos_ != "NOUN" or lemma(tok) not in book.words("ambiguous_act_nouns"):
        return entry
    before = [c for c in tok.children if c.i < tok.i]
    if not before or any(c.dep_ != "det" for c in before):
        return entry
    if not {c.lower_ for c in before} <= book.words("anaphoric_determiners"):
        return entry  # "a strike": a new act, its own sense
    if any(c.dep_ == "prep" and c.lower_ in book.words("target_preps") for c in tok.children):
        return entry  # "the strike on the convoy": an attack on a target
    doc = tok.doc
    for i in reversed(_decided(doc, book).get(lemma(tok), ())):
        if i >= tok.i:
            continue
        told = match(doc[i], book, parse)
        if told is not None:
            return told if told.event != entry.event else entry
    return entry


#: doc.user_data key of the ambiguous nouns whose modifiers decide their sense, by lemma
_DECIDED = "newsevents.decided_nouns"


def _decided(doc: Doc, book: Codebook) -> dict[str, list[int]]:
    """Lemma -> indices (in order) of the ambiguous nouns with a deciding modifier before
    them, listed once per document (speed only)."""
    found: dict[str, list[int]] | None = doc.user_data.get(_DECIDED)
    if found is None:
        words = book.words("ambiguous_act_nouns")
        found = {}
        for t in doc:
            if t.pos_ != "NOUN" or lemma(t) not in words:
                continue
            if any(c.dep_ in _DECIDING and c.i < t.i for c in t.children):
                found.setdefault(lemma(t), []).append(t.i)
        doc.user_data[_DECIDED] = found
    return found
