"""The direction of a clause (past narration or a plan ahead), read from its verb."""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .words import Vocab

#: Which way from the publication date a clause points.
Direction = Literal["past", "future"]
PAST: Direction = "past"
FUTURE: Direction = "future"


def clause_direction(tokens: SpacySpan | None, v: Vocab) -> Direction | None:
    """past | future | None for the clause governing a span of spaCy tokens."""
    if tokens is None or len(tokens) == 0:
        return None
    verb = _verb_of(tokens.root)
    if verb is None:
        return None
    # the complement of a plan/call/vow verb happens later ("plans to meet on Monday"),
    # and coordinated verbs share their auxiliaries ("will meet and sign on Monday")
    chain = [verb]
    cur = verb
    while cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and len(chain) < 6:
        cur = cur.head
        chain.append(cur)
    if any(_ahead(t, chain[i - 1] if i else None, v) for i, t in enumerate(chain)):
        return FUTURE
    if _after_asked_act(verb, tokens, v):
        return FUTURE
    head = chain[-1] if chain[-1].dep_ in ("ROOT",) else verb
    for t in (verb, head):
        if _imperative(t):
            return FUTURE
    return _tense(verb, v)


def _verb_of(tok: Token) -> Token | None:
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 8:
        tok = tok.head
        steps += 1
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _after_asked_act(verb: Token, tokens: SpacySpan, v: Vocab) -> bool:
    """A time told after the act an appeal asks for is that act's day, ahead of the call
    ("urged supporters to march in Caracas on Saturday", "called for a rally on Saturday");
    told before it, it is the call's own ("called on Sunday for a rally")."""
    lemma = verb.lemma_.lower()
    if lemma not in v.appeal_verbs | v.commitment_verbs:
        return False
    # (a commitment to a thing is dated by its own time: "agreed to a truce on Monday")
    preps = ("for", "to") if lemma in v.appeal_verbs else ()
    return any(
        c.i < tokens.start and (c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in preps))
        for c in verb.children
    )


def _aux(t: Token) -> list[Token]:
    return [c for c in t.children if c.dep_ in ("aux", "auxpass")]


def _ahead(t: Token, below: Token | None, v: Vocab) -> bool:
    """True when verb ``t`` of the chain (``below``: the one it governs) puts it ahead."""
    aux = _aux(t)
    if any(a.lower_ in v.future_auxiliaries for a in aux):
        return True
    # (passive too: "said the curfew would be lifted on Thursday": "be" is the base form)
    base = t.tag_ == "VB" or any(a.dep_ == "auxpass" and a.tag_ == "VB" for a in aux)
    if (
        base
        and any(a.lower_ in v.reported_future_auxiliaries for a in aux)
        and not any(a.lemma_ in v.have_verbs for a in aux)
    ):
        return True  # "said it would hold a rally on Saturday"
    lemma = t.lemma_.lower()
    # (an appeal's or a commitment's act lies ahead even when told in the past tense)
    asked = lemma in v.appeal_verbs or lemma in v.commitment_verbs
    if (
        below is not None
        and (lemma in v.future_verbs or asked)
        and below.dep_ == "xcomp"
        and (t.tag_ != "VBD" or lemma in v.scheduling_words or asked)
    ):
        return True
    # (a past told in reported speech too: "said they planned a rally on Thursday")
    backshifted = t.tag_ == "VBD" and t.dep_ == "ccomp" and t.head.tag_ == "VBD"
    if below is None and lemma in v.plan_verbs and (t.tag_ in ("VBZ", "VBP") or backshifted):
        return True  # "opposition parties plan a rally on Saturday": the plan's act is ahead
    if t.lemma_ in v.be_verbs and t.tag_ in ("VBZ", "VBP") and t.pos_ == "AUX":
        # "the minister is to receive X on Friday": an arrangement ahead (whichever verb of
        # the chain the time phrase hangs from)
        comps = [c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        if any(any(a.tag_ == "TO" for a in c.children if a.dep_ == "aux") for c in comps):
            return True
    # "is set to", "is scheduled for", "are due in": the event itself is ahead
    present_be = [a for a in aux if a.lemma_ in v.be_verbs and a.tag_ in ("VBZ", "VBP")]
    if lemma in v.scheduling_words and t.tag_ in ("VBN", "JJ") and present_be:
        return True
    if lemma in v.scheduling_words and t.tag_ == "VBN" and t.dep_ == "acl" and not aux:
        # "the next meeting of ministers, scheduled for early July" (not "set alight on Monday")
        return any(c.dep_ == "prep" and c.lower_ in v.ahead_prepositions for c in t.children)
    return (
        t.lemma_ in v.be_verbs
        and t.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "acomp" and c.lemma_.lower() in v.scheduling_words for c in t.children)
    )


def _tense(verb: Token, v: Vocab) -> Direction | None:
    aux = _aux(verb)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return PAST
    if verb.tag_ == "VBN" and (any(a.lemma_ in v.have_verbs for a in aux) or not aux):
        return PAST
    if verb.tag_ == "VBG" and any(a.lemma_ in v.be_verbs and a.tag_ in ("VBZ", "VBP") for a in aux):
        return FUTURE  # "is meeting on Friday"
    return None


def _imperative(t: Token) -> bool:
    if t.tag_ != "VB" or t.dep_ not in ("ROOT", "conj"):
        return False
    kids = list(t.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in kids):
        return False
    if t.dep_ == "conj":
        return _imperative(t.head)
    return True
