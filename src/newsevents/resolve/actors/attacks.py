"""The doer of an attack told again: "The strike killed two fighters", "Two gendarmes died in
Tuesday's attack". A violent event that names no doer, whose trigger or subject is a noun
naming an attack, is the attack the article reported before: its doer is the doer of the
last attack with a named doer (the same rule that reads "condemned the strikes")."""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Actor, Document, EventMention, Span, evolve
from .phrase import head_of
from .vocab import ActorWords


def attack_doer(
    ev: EventMention, doc: Document, words: ActorWords, last: Actor | None
) -> tuple[Actor, ...]:
    """The last attacker as the doer of ``ev`` when ``ev`` is told by an attack noun (its
    trigger, or the subject of its verb); else nothing."""
    if last is None:
        return ()
    toks = doc.tokens(ev.trigger)
    if toks is None or not len(toks):
        return ()
    head = head_of(list(toks))
    nouns = words.attack_nouns
    if head.pos_ == "NOUN" and head.lemma_.lower() in nouns:
        noun = head
    else:
        subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        found = [c for c in subjects if c.lemma_.lower() in nouns]
        if not found:
            return ()
        noun = found[0]
    if _possessor_is_victim(noun, ev, doc):
        return ()  # "his assassination": the possessor suffered it; its doer is not told
    if any(c.dep_ == "det" and c.lower_ in words.indefinite_articles for c in noun.children):
        return ()  # "a rocket barrage killed ...": a new attack, not the last one again
    # an attack noun whose own phrase names its doer ("the US strikes") was coded already
    return (
        evolve(last, span=Span.of_token(noun), name=f"{_base_name(last, nouns)} ({noun.text})"),
    )


def _base_name(last: Actor, nouns: frozenset[str]) -> str:
    """The doer's name without the attack noun an earlier back-reference added ("US warplanes
    (raids)" -> "US warplanes"), so that a third mention does not stack two."""
    name, _, told = last.name.rpartition(" (")
    word = told.removesuffix(")").lower()
    if name and told.endswith(")") and (word in nouns or word.removesuffix("s") in nouns):
        return name
    return last.name


def _possessor_is_victim(noun: Token, ev: EventMention, doc: Document) -> bool:
    """Is the possessor of the attack noun ("his", "the envoy's") one of the event's
    recipients? Extraction makes it so for nouns whose possessor undergoes the act
    ("his killing", "her arrest"), not for agentive ones ("its offensive")."""
    owners = {c.i for c in noun.children if c.dep_ == "poss"}
    if not owners:
        return False
    for r in ev.recipient:
        toks = doc.tokens(r.span)
        if toks is not None and any(t.i in owners for t in toks):
            return True
    return False
