"""The author of a document named as the doer of a speech act ("A statement from the Kenyan
foreign ministry accused Uganda", "The communique called on ...", "The same statement
declared the ambassador persona non grata"): the document speaks for whoever issued it."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .doers import actor_modifiers
from .parse import Parse, lemma, names_party, preps_of, with_conjuncts


def document_doers(actors: list[Token], book: Codebook, parse: Parse) -> list[Token]:
    """``actors`` with each document noun replaced by its author (none found: dropped)."""
    documents = book.words("document_nouns")
    if not actors or not all(lemma(a) in documents for a in actors):
        return actors
    return [x for a in actors for x in (_author(a, book, parse) or _earlier_author(a, book, parse))]


def _author(noun: Token, book: Codebook, parse: Parse) -> list[Token]:
    """Who a document names as its author: its owner ("the ministry's statement", "a UN
    report", "a ministry statement"), its by- or from-phrase, or the subject of the verb that
    issued it ("X issued a statement", "X said in a statement")."""
    owners = actor_modifiers(noun) or [
        c for c in noun.children if c.dep_ == "compound" and lemma(c) in book.party_nouns
    ]
    if owners:
        return owners
    held = preps_of(noun)
    for p in book.words("author_preps"):
        named = [o for o in held.get(p, []) if names_party(o) or lemma(o) in book.party_nouns]
        if named:
            return with_conjuncts(named[:1])
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "said in a statement", "In a statement, X said"
    elif noun.dep_ != "dobj" or lemma(verb) not in book.words("issuing_verbs"):
        return []
    if verb.pos_ != "VERB" or verb.i == noun.i:
        return []
    return parse.subjects(verb)


def _earlier_author(noun: Token, book: Codebook, parse: Parse) -> list[Token]:
    """'The (same) statement' with no author of its own: the author of the last earlier
    document of that name the article gives one."""
    if not any(c.dep_ == "det" and c.lower_ in book.words("anaphoric_determiners") for c in
               noun.children):  # fmt: skip
        return []
    doc = noun.doc
    for i in range(noun.sent.start - 1, -1, -1):
        t = doc[i]
        if lemma(t) == lemma(noun):
            found = _author(t, book, parse)
            if found:
                return found
    return []
