"""A dateline's place parsed as a participant ("Vilnius, 27 October 2025 The Ministry ...
condemns"): the place is where the statement was issued; its subject is what follows the date.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..place import Gazetteer
from .antecedents import noun_phrase
from .dictionary import ActorDictionary
from .phrase import head_of


def after_dateline(
    toks: list[Token], kb: ActorDictionary, gazetteer: Gazetteer
) -> list[Token] | None:
    """For a participant that is a dateline's place (a place opening its sentence,
    followed by a comma and a date), the phrase after the date the parse hung under it
    ([] when there is none); None for any other participant."""
    if not toks:
        return None
    head = head_of(toks)
    doc = head.doc
    if head.pos_ != "PROPN" or head.i != head.sent.start:  # ``.sent`` walks: asked last
        return None
    name = str(doc[toks[0].i : toks[-1].i + 1].text)
    if kb.countries.get(name) is None and gazetteer.lookup(name) is None:
        return None  # the NER calls some cities organisations: the place tables decide
    end = max(t.i for t in toks) + 1
    if end >= len(doc) - 1 or doc[end].text != "," or doc[end + 1].ent_type_ != "DATE":
        return None
    after = end + 1
    while after < len(doc) and (doc[after].ent_type_ == "DATE" or doc[after].is_space):
        after += 1
    for t in head.subtree:
        if t.i >= after and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("conj", "appos"):
            return noun_phrase(t)
    return []
