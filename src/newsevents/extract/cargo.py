"""What a vehicle sent carries: "sent a transport plane carrying tents and blankets" sends the
tents and blankets (aid), not a plane (a deployment)."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import children_of, lemma, preps_of, with_conjuncts


def carried(objs: list[Token], book: Codebook) -> list[Token]:
    """``objs`` with each vehicle that carries named goods ("a plane carrying tents", "trucks
    loaded with flour", "a ship laden with grain") replaced by those goods; a boat carrying
    migrants or a warship carrying marines stays what it is."""
    vehicles = book.expand(("VEHICLES",))
    verbs = book.words("carrying_verbs")
    cargo = book.expand(("AID_GOODS", "HUM_AID", "MIL_AID", "WEAPONS", "MIL_HARDWARE"))
    out: list[Token] = []
    for o in objs:
        goods: list[Token] = []
        if lemma(o) in vehicles:
            for c in children_of(o, "acl", "relcl"):
                if lemma(c) in verbs:
                    goods += children_of(c, "dobj") or preps_of(c).get("with", [])
            for a in children_of(o, "amod"):  # "laden with grain" read as an adjective
                if lemma(a) in verbs or a.lower_ in verbs:
                    goods += preps_of(a).get("with", [])
        goods = with_conjuncts(goods)
        out += goods if goods and lemma(goods[0]) in cargo else [o]
    return out
