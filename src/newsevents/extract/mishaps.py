"""Accidents told with the words of violence: a blast at a site of industry, deaths as the
outcome of a crash or a capsizing (no doer, no event)."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import children_of, lemma


def industrial_blast(subjects: list[Token], book: Codebook) -> bool:
    """An explosion or a fire at a site of industry, with no doer named ("an explosion at a
    fuel depot killed 24", "a boiler explosion"): an accident."""
    sites = book.words("industrial_sites")
    blasts = book.words("blast_nouns")
    for s in subjects:
        if lemma(s) not in blasts or any(c.dep_ == "poss" for c in s.children):
            continue  # "Israel's strike", a doer named
        near = [c for c in s.children if c.dep_ in ("compound", "amod")]
        near += [o for p in s.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        near += [c for o in near for c in o.children if c.dep_ in ("compound", "amod")]
        if any(lemma(t) in sites or t.lower_ in sites for t in near):
            return True
    return False


def accident_outcome(tok: Token, book: Codebook) -> bool:
    """A death told as the outcome of an accident: a participle after a verb of mishap ("a
    truck overturned and caught fire, killing 50", "the roof collapsed, killing 54")."""
    mishap = book.words("mishap_verbs")
    # "Eight people were killed and thirty injured when a bus crashed into a ditch"
    told = [tok, *children_of(tok, "conj"), *([tok.head] if tok.dep_ == "conj" else [])]
    # (the parser may read "a minibus overturned" as a noun with a participle); a vehicle,
    # a natural force or a structure that crashed or fell in, not fighting that "erupted";
    # nor what an attack brought down ("when the building collapsed after a drone strike")
    things = book.expand(("VEHICLES", "NATURAL", "STRUCTURES"))
    # a force of nature is a mishap whatever its verb ("when an earthquake struck", "when a
    # storm hit the coast"); a vehicle only when it crashed, not when it "rammed" a crowd
    forces = book.words("natural_forces")
    attacks = book.expand(("ATTACK_NOUN", "WEAPONS"))
    for c in (c for t in told for c in t.children if c.dep_ == "advcl"):
        if any(lemma(w) in attacks for w in c.subtree if w.pos_ != "VERB"):
            continue  # (the verb itself may be "struck": an earthquake's or an attacker's)
        told_by = [
            (v, [v.head] if v.dep_ == "acl" else children_of(v, "nsubj"))
            for v in (c, *children_of(c, "acl"))
        ]
        if any(lemma(v) in mishap and any(lemma(s) in things for s in subj) for v, subj in told_by):
            return True
        if any(lemma(s) in forces for _, subj in told_by for s in subj):
            return True
    if not (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i):
        return False
    head = tok.head
    heads = [head, *(h for h in (head.head,) if head.dep_ == "conj")]
    return any(lemma(h) in mishap for h in heads)
