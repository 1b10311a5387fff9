"""A superlative as a clause's subject: the parser's sign of a participle read as a verb."""

from __future__ import annotations

from spacy.tokens import Token


def superlative_subject(tok: Token) -> bool:
    """ "..., the latest in a series of attacks despite the ceasefire agreed in November": a
    participle the parser made the sentence's main verb, with "the latest" as its subject (a
    superlative names no doer): no event, and it governs none of the clauses hung on it.
    ("Most of the crowd withdrew": no article, and an of-phrase, say who.)"""
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.tag_ == "JJS"]
    return tok.pos_ == "VERB" and any(
        {d.dep_ for d in c.children} >= {"det"} and "of" not in {d.lower_ for d in c.children}
        for c in subjects
    )
