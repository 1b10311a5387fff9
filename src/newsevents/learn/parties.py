"""The scorer of a candidate's (actor, recipient) assignment.

The rules pick one doer and one recipient for each candidate. This module lists the noun
phrases that could fill either slot (:func:`party_heads`: the rules' own choices, the
trigger's subject, object, passive agent and prepositional objects, its governing verb's
subject, a noun trigger's possessor and modifiers), describes each one's relation to the
trigger (:func:`party_features`), and, with the ``party`` model's probabilities (actor,
recipient or neither), keeps the rules' choice for a slot unless another phrase scores
clearly better (:func:`choose`): by at least the ``party.margin`` chosen on dev, and at
least the ``party`` bar.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..model import Actor, Document, EventMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

Slot = Literal["actor", "recipient"]
SLOTS: tuple[Slot, ...] = ("actor", "recipient")
#: the party model's labels
PARTY_LABELS = ("actor", "recipient", "none")
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_DIRECT = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "compound", "nmod", "amod"})


def span_head(doc: Document, span: Span) -> Token | None:
    toks = doc.tokens(span)
    return toks.root if toks is not None and len(toks) else None


def _relation(trigger: Token, h: Token) -> str:
    """How a phrase's head hangs off the trigger ("nsubj", "prep:against", "agent",
    "gov:nsubj" for the governing verb's subject, "far" otherwise)."""
    if h.head.i == trigger.i:
        return h.dep_
    if h.dep_ == "pobj" and h.head.head.i == trigger.i:
        prep = h.head
        return "agent" if prep.dep_ == "agent" else f"prep:{prep.lower_}"
    if h.head.i == trigger.head.i and h.i != trigger.i:
        return f"gov:{h.dep_}"
    return "far"


def party_heads(doc: Document, m: EventMention, trigger: Token) -> list[Token]:
    """The heads of the phrases that could be the candidate's actor or recipient."""
    heads: list[Token] = []
    for a in (*m.actor, *m.recipient):
        h = span_head(doc, a.span)
        if h is not None:
            heads.append(h)
    near = [*trigger.children]
    if trigger.head.i != trigger.i:
        near += [c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for c in near:
        if c.dep_ in ("prep", "agent"):
            heads.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in _DIRECT or c.head.i != trigger.i:
            heads.append(c)
    seen: set[int] = set()
    out = []
    for h in heads:
        if h.i not in seen and h.i != trigger.i and h.pos_ in _NOMINAL:
            seen.add(h.i)
            out.append(h)
    return out


def is_passive(trigger: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)


def party_features(
    trigger: Token, h: Token, rule_type: str, passive: bool | None = None
) -> list[str]:
    """The features of one head; ``passive`` (:func:`is_passive` of the trigger) once per
    trigger when the caller has several heads (reading the children builds their Tokens)."""
    rel = _relation(trigger, h)
    if passive is None:
        passive = is_passive(trigger)
    ent = h.ent_type_ or "-"
    side = "before" if h.i < trigger.i else "after"
    word = f"<{ent}>" if h.pos_ == "PROPN" and h.ent_type_ else (h.lemma_ or h.text).lower()
    return [
        "bias",
        f"rel={rel}",
        f"rel_rt={rel}|{rule_type}",
        f"rel_pass={rel}|{passive}",
        f"rel_pass_rt={rel}|{passive}|{rule_type}",
        f"ent={ent}",
        f"rel_ent={rel}|{ent}",
        f"pos={h.pos_}",
        f"side={side}",
        f"side_rt={side}|{rule_type}",
        f"word={word}",
        f"trig_pos={trigger.pos_}",
        f"rel_tpos={rel}|{trigger.pos_}",
    ]


@dataclass(frozen=True)
class Choice:
    """What the scorer made of one slot: the head kept or chosen (its position in the
    heads; None: the slot stays empty) and its probability."""

    slot: Slot
    head: int | None
    score: float
    changed: bool


def named(h: Token) -> bool:
    """A head that names someone (a proper noun or a named entity): the only kind the scorer
    puts in place of the rules' choice, since a common noun ("the invitation", "its force")
    codes no country."""
    return h.pos_ == "PROPN" or bool(h.ent_type_)


def choose(
    slot: Slot,
    rule_head: int | None,
    probs: Sequence[Mapping[str, float]],
    thresholds: Mapping[str, float],
    taken: int | None = None,
    eligible: Sequence[bool] | None = None,
) -> Choice:
    """Keep the rules' head for ``slot`` unless another head's P(slot) (``probs``: one per
    head) is at least the ``party`` bar and beats the rules' by the ``party.margin``
    (absent: never change); ``taken`` is the head the other slot holds, ``eligible`` says
    which heads may replace the rules' (default: all)."""
    p_rule = probs[rule_head][slot] if rule_head is not None else 0.0
    bar, margin = thresholds.get("party"), thresholds.get("party.margin")
    if bar is None or margin is None:
        return Choice(slot, rule_head, p_rule, False)
    scored = [
        (p[slot], i)
        for i, p in enumerate(probs)
        if i not in (rule_head, taken) and (eligible is None or eligible[i])
    ]
    if scored:
        p, best = max(scored, key=lambda x: (x[0], -x[1]))
        if p >= bar and p >= p_rule + margin:
            return Choice(slot, best, p, True)
    return Choice(slot, rule_head, p_rule, False)


def rule_heads(doc: Document, m: EventMention, heads: Sequence[Token]) -> dict[Slot, int | None]:
    """Where the rules' actor and recipient stand among the heads."""
    where = {h.i: k for k, h in enumerate(heads)}
    out: dict[Slot, int | None] = {}
    for slot in SLOTS:
        parties = m.actor if slot == "actor" else m.recipient
        h = span_head(doc, parties[0].span) if parties else None
        out[slot] = where.get(h.i) if h is not None else None
    return out


def rule_head_sets(
    doc: Document, m: EventMention, heads: Sequence[Token]
) -> dict[Slot, frozenset[int]]:
    """Where all the rules' actors and recipients stand among the heads (coordinated
    parties: "Chinese, Laotian and Thai police" are three actors)."""
    where = {h.i: k for k, h in enumerate(heads)}
    out: dict[Slot, frozenset[int]] = {}
    for slot in SLOTS:
        parties = m.actor if slot == "actor" else m.recipient
        found = (span_head(doc, p.span) for p in parties)
        out[slot] = frozenset(where[h.i] for h in found if h is not None and h.i in where)
    return out


def phrase(doc: Document, h: Token) -> Actor:
    """The noun phrase a chosen head stands for: its left modifiers up to the head."""
    start, end = h.left_edge.idx, h.idx + len(h.text)
    return Actor(span=Span(start, end), name=doc.text[start:end])
