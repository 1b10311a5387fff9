"""Sport told with the words of violence: a game's report ("beat the visitors 3-1", "attacked
the defence from the first whistle") is no political event."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .codebook import Codebook
from .parse import lemma

#: a scoreline ("94-89", "21-12"), told of sport results
_SCORE = re.compile(r"^\d{1,3}[-\u2013]\d{1,3}$")


def match_report(tok: Token, book: Codebook) -> bool:
    """Does the noun's sentence report a game: a scoreline beside a sport or market word
    ("won the derby 3-1"), with no armed force, army or police in it?"""
    sent = tok.sent
    if not any(scoreline(t) for t in sent if t.like_num or t.text[:1].isdigit()):
        return False
    words = {lemma(t) for t in sent}
    if words & book.expand(book.ordered("force_doer_classes")):
        return False
    return bool(words & (book.expand(("NONEVENT_CONTEXT",)) | book.words("sport_words")))


def scoreline(tok: Token) -> bool:
    """Is this modifier of the verb a scoreline ("beat the visitors 3-1"), one token or the
    tokenizer's three ("3", "-", "1")?"""
    if _SCORE.match(tok.text):
        return True
    doc = tok.doc
    return (
        tok.like_num
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text in ("-", "\u2013")
        and doc[tok.i + 2].like_num
        and len(tok.text) <= 3
        and len(doc[tok.i + 2].text) <= 3
    )


def played(tok: Token, book: Codebook) -> bool:
    """Is the verb told as play: a scoreline on it ("beat the visitors 94-89") or a game's
    clock ("attacked relentlessly in the second half", "scored in the 78th minute": a
    ``game_clock_nouns`` word with an ordinal, of no longer period: "the second half of the
    year" is a time)?"""
    if any(scoreline(c) for c in tok.children):
        return True
    clock, ordinals = book.words("game_clock_nouns"), book.words("game_clock_ordinals")
    return any(
        o.lemma_.lower() in clock
        and any(a.dep_ == "amod" and _ordinal(a.lower_, ordinals) for a in o.children)
        and not any(c.dep_ == "prep" for c in o.children)
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _ordinal(word: str, words: frozenset[str]) -> bool:
    # not data: the written ordinal of a number ("78th") is English morphology
    return word in words or bool(re.fullmatch(r"\d+(st|nd|rd|th)", word))


_GAME = "newsevents.game_report"
#: the lead of an article: its headline, dateline and first paragraph as the parser splits them
_LEAD = 3


def game_report(tok: Token, book: Codebook) -> bool:
    """Is the token's article the report of a game (its lead, the first sentences, tells a
    scoreline beside a sport word, with no armed force) and its own sentence free of any
    armed force ("Nigeria killed off the contest in the 78th minute")?"""
    doc: Doc = tok.doc
    found = doc.user_data.get(_GAME)
    if found is None:
        lead = [s for _, s in zip(range(_LEAD), doc.sents, strict=False)]
        found = doc.user_data[_GAME] = any(_game_lead(s, book) for s in lead if len(s))
    if not found:
        return False
    forces = book.expand(book.ordered("force_doer_classes"))
    return not any(lemma(t) in forces for t in tok.sent)


def _game_lead(sent: Span, book: Codebook) -> bool:
    """A lead sentence with a scoreline and a word of sport itself (not of markets: a lead
    on "a 51-49 vote" or "a record high" is no game; "stadium", "striker" count here only,
    not as the context of any act: "rallied at the stadium", "menaced the strikers")."""
    return match_report(sent[0], book) and any(lemma(t) in book.words("sport_words") for t in sent)
