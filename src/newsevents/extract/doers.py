"""The doer named as a modifier of a nominal act ("Iran's attack", "a US strike", "the
killing of a farmer by soldiers"); a town named before an attack is where, not who ("the
Nabatieh strike")."""

from __future__ import annotations

from spacy.tokens import Token

from ..resources import countries
from .parse import AGENT, ENT_LABELS, preps_of, with_conjuncts
from .relatives import PLACE_LABELS


def actor_modifiers(noun: Token) -> list[Token]:
    """Possessive / national / named modifiers of a nominal trigger: the doer."""
    out = []
    stack = list(noun.children)
    while stack:
        c = stack.pop(0)
        if c.dep_ == "poss" or (
            c.dep_ in ("compound", "amod", "nmod")
            and (c.ent_type_ in ENT_LABELS or c.pos_ == "PROPN")
            and not _scene(c)
        ):
            out.append(c)
        elif c.dep_ == "compound" and c.pos_ == "NOUN":
            stack.extend(c.children)  # "US Predator attacks": US modifies the compound
    if any(c.ent_type_ in ENT_LABELS for c in out):
        # "an American MQ-9 Reaper drone": beside a named party, an untagged proper noun is
        # a name of the thing (a model, a brand), not a second party
        out = [c for c in out if c.dep_ == "poss" or c.ent_type_ in ENT_LABELS]
    held = preps_of(noun)
    by = held.get(AGENT, [])
    if not by:
        # "the killing of a farmer by soldiers": the parse often hangs the doer's by-phrase
        # on the patient the noun governs
        by = [b for p in held.get("of", []) for b in preps_of(p).get(AGENT, [])]
    return with_conjuncts(out + by) if out or by else []


def _scene(mod: Token) -> bool:
    """A place's name written as a plain compound before the act ("the Nabatieh strike",
    "the Kabul bombing"): where it happened. A country's name or nationality word ("a US
    strike", "a Kyrgyz drone strike") stays the doer."""
    if mod.dep_ != "compound" or mod.ent_type_ not in PLACE_LABELS:
        return False
    doc, lo, hi = mod.doc, mod.i, mod.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1  # the whole name: "United States"
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    name = doc[lo:hi].text.removeprefix("the ").removeprefix("The ")
    known = countries().get(name)
    return known is None or known[1] == "capital"


def named_owner(t: Token) -> bool:
    """Is the noun owned by a named entity ("the IMF's executive board"): its compounds then
    name a body of that owner, not the doer itself ("Typhoon Haikui" names a storm)?"""
    return any(c.dep_ == "poss" and c.ent_type_ in ("ORG", "GPE", "NORP") for c in t.children)
