"""Who an attack was aimed at when the words name a life or a survivor: "an attempt on the
minister's life" is aimed at the minister, "the governor survived an ambush" at the governor."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import Parse, children_of, lemma, preps_of


def life_owner(target: Token, book: Codebook) -> Token:
    """The one whose life a target noun names ("his life", "the life of the governor"),
    else the target itself."""
    if lemma(target) not in book.words("life_nouns"):
        return target
    owners = children_of(target, "poss") or preps_of(target).get("of", [])
    return owners[0] if owners else target


def survivors(noun: Token, sv: Token | None, book: Codebook, parse: Parse) -> list[Token]:
    """The subject of the verb a violent noun is the object of when that verb tells it was
    suffered ("the convoy survived an ambush", "the minister escaped an assassination
    attempt"): the one it was aimed at."""
    if sv is None or noun.dep_ != "dobj" or lemma(sv) not in book.words("endured_verbs"):
        return []
    return parse.subjects(sv)
