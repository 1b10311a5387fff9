"""The learned second opinion on the rules' candidates: keep, drop, re-type, re-label.

For each candidate the type model gives P(no event) and P(type) for every type, and the
factuality model P(factuality). With the thresholds chosen on the corpus dev split:

* drop the candidate when P(no event) >= ``drop``;
* else re-type it to the best other type t when P(t) >= ``retype`` and P(t) > P(rule's type);
* then re-label its factuality to the best label f when P(f) >= ``factuality.f`` (a bar per
  label; ``factuality`` when the file gives none for f) and f differs from the rule's,
  unless that would make a fact (asserted, reported) of what the rules found planned,
  possible or denied.

Every kept candidate records both scores (:class:`ModelScore`), so ``explain`` shows them
next to the rule that fired. :func:`decide` is a pure function of the probabilities, used by
the pipeline and by the trainer's threshold search alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import FACTUAL, Actor, Document, EventMention, ModelScore, Span, evolve
from ..resources import EventTypes, goldstein
from .features import candidate_features, clause_features, missed_clauses, trigger_token
from .parties import (
    choose,
    is_passive,
    named,
    party_features,
    party_heads,
    phrase,
    rule_head_sets,
    rule_heads,
)
from .weights import NONE, LearnedModels

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Decision:
    keep: bool
    event: str
    factuality: str
    scores: tuple[ModelScore, ...]


def decide(
    rule_type: str,
    rule_fact: str,
    p_type: Mapping[str, float],
    p_fact: Mapping[str, float],
    thresholds: Mapping[str, float],
    sure: bool = False,
    said_act: bool = False,
) -> Decision:
    """What the models make of one candidate (see the module's text); a ``sure`` pattern's
    candidate is never dropped or re-typed, only its factuality re-labelled; an act done by
    saying it (``said_act``: a demand, refusal, threat, accusation) is never made a plan."""
    p_none = p_type.get(NONE, 0.0)
    if p_none >= thresholds["drop"] and not sure:
        return Decision(False, rule_type, rule_fact, (ModelScore("type", NONE, p_none, "drop"),))
    event = rule_type
    best = max((t for t in p_type if t not in (NONE, rule_type)), key=p_type.__getitem__)
    p_rule = p_type.get(rule_type, 0.0)
    if sure and p_none >= thresholds["drop"]:
        type_score = ModelScore("type", NONE, p_none, "kept: the pattern is sure")
    elif not sure and p_type[best] >= thresholds["retype"] and p_type[best] > p_rule:
        event = best
        type_score = ModelScore("type", best, p_type[best], f"retyped from {rule_type}")
    else:
        type_score = ModelScore("type", rule_type, p_rule)
    fact = rule_fact
    label = max(p_fact, key=p_fact.__getitem__)
    # never turn what the rules found unreal (planned, possible, denied) into a fact: a claim
    # that something happened needs the rules' evidence; the models only add doubt
    promotes = rule_fact not in FACTUAL and label in FACTUAL
    # "we will not apologise": the refusal is made by saying it, the "will" is the refused act's
    plans_said_act = said_act and label == "future" and rule_fact in FACTUAL
    bar = thresholds.get(f"factuality.{label}", thresholds["factuality"])
    if label != rule_fact and not promotes and not plans_said_act and p_fact[label] >= bar:
        fact = label
        fact_score = ModelScore("factuality", label, p_fact[label], f"relabelled from {rule_fact}")
    else:
        fact_score = ModelScore("factuality", rule_fact, p_fact.get(rule_fact, 0.0))
    return Decision(True, event, fact, (type_score, fact_score))


def review(
    doc: Document,
    events: list[EventMention],
    learned: LearnedModels,
    types: EventTypes,
    sure: AbstractSet[str] = frozenset(),
    no_event: AbstractSet[str] = frozenset(),
    own_object: AbstractSet[str] = frozenset(),
) -> list[EventMention]:
    """The candidates the models keep (re-typed and re-labelled), renumbered in order;
    ``sure``: the rules whose candidates are never dropped; ``no_event``: verbs (lemmas) that
    never tell an act of their own, where the clause model adds nothing; ``own_object``: the
    rules whose direct object is the doer's own, which the party model may not make the
    recipient."""
    out: list[EventMention] = []
    cache: dict[int, frozenset[str]] = {}
    # every candidate's probabilities at once (a few array operations per document)
    scored = learned.score_many([candidate_features(doc, m, cache) for m in events])
    decisions = [
        decide(
            m.event,
            m.factuality,
            p_type,
            p_fact,
            learned.thresholds,
            m.rule in sure,
            m.event in types and types[m.event].said_act,
        )
        for m, (p_type, p_fact) in zip(events, scored, strict=True)
    ]
    kept = [k for k, d in enumerate(decisions) if d.keep]
    verdicts = dict(
        zip(kept, _parties(doc, [events[k] for k in kept], learned, own_object), strict=True)
    )
    for k, (m, d) in enumerate(zip(events, decisions, strict=True)):
        if not d.keep:
            continue
        changes: dict[str, object] = {"scores": d.scores, "factuality": d.factuality}
        if learned.party is not None:
            verdict = dict(verdicts[k])
            party_scores = verdict.pop("scores", ())
            changes.update(verdict)
            changes["scores"] = (*d.scores, *party_scores)  # type: ignore[misc]
        if d.event != m.event and d.event in types:
            cameo = types[d.event].cameo
            changes.update(
                event=types.check(d.event, "model"),
                cameo=cameo,
                intensity=goldstein(cameo),
                mode=None,
            )
        out.append(evolve(m, index=len(out), **changes))
    added = _added(doc, events, learned, types, cache, no_event)
    if not added:
        return out
    merged = sorted([*out, *added], key=lambda e: (e.trigger.start, e.index))
    return [evolve(e, index=i) for i, e in enumerate(merged)]


def _parties(
    doc: Document,
    events: list[EventMention],
    learned: LearnedModels,
    own_object: AbstractSet[str] = frozenset(),
) -> list[dict[str, object]]:
    """The party scorer's verdict on each candidate's (actor, recipient) (none without the
    party model): each slot kept unless another phrase scores clearly better; the scores go
    to ``explain``. The phrases of all the candidates are scored together."""
    party = learned.party
    if party is None:
        return [{} for _ in events]
    found: list[list[Token]] = []
    features: list[list[str]] = []
    triggers = [trigger_token(doc, m) for m in events]
    # the verbs that are another candidate's trigger, by token index, with its type
    governing = {t.i: m.event for t, m in zip(triggers, events, strict=True) if t is not None}
    reacting: list[set[int]] = []
    for m, trigger in zip(events, triggers, strict=True):
        reacting.append(_reacting_subjects(trigger, m.event, governing))
        heads = party_heads(doc, m, trigger) if trigger is not None else []
        found.append(heads)
        if trigger is not None and heads:
            passive = is_passive(trigger)
            features.extend(party_features(trigger, h, m.event, passive) for h in heads)
    probs = party.proba_many(features)
    verdicts: list[dict[str, object]] = []
    at = 0
    for k, (m, heads) in enumerate(zip(events, found, strict=True)):
        if not heads:
            verdicts.append({})
            continue
        trigger = triggers[k]
        own = (
            {c.i for c in trigger.children if c.dep_ == "dobj"}
            if trigger is not None and m.rule in own_object
            else set()
        )
        verdicts.append(
            _verdict(doc, m, heads, probs[at : at + len(heads)], learned, reacting[k], own)
        )
        at += len(heads)
    return verdicts


def _reacting_subjects(trigger: Token | None, event: str, governing: Mapping[int, str]) -> set[int]:
    """The subjects of the verb a nominal trigger is the object of, when that verb is
    another type's candidate ("X condemned the killing"): who reacts to the act did not do
    it, so the party model may not make them its doer."""
    if trigger is None or trigger.pos_ != "NOUN" or trigger.dep_ not in ("dobj", "pobj"):
        return set()
    verb = trigger.head if trigger.dep_ == "dobj" else trigger.head.head
    if governing.get(verb.i, event) == event:
        return set()
    return {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}


def _verdict(
    doc: Document,
    m: EventMention,
    heads: list[Token],
    probs: list[dict[str, float]],
    learned: LearnedModels,
    reacting: AbstractSet[int] = frozenset(),
    own: AbstractSet[int] = frozenset(),
) -> dict[str, object]:
    """``reacting``: heads that may not be the doer; ``own``: heads that may not be the
    recipient (what the doer withdraws is its own)."""
    rule = rule_heads(doc, m, heads)
    # one of several coordinated parties is no better choice than the rules' whole slot, and
    # a party the rules put in one slot is not the other slot's
    both = rule_head_sets(doc, m, heads)
    ok = [named(h) for h in heads]
    th = learned.thresholds
    actor_ok = [
        o and h.i not in reacting and k not in both["actor"]
        for k, (o, h) in enumerate(zip(ok, heads, strict=True))
    ]
    actor = choose("actor", rule["actor"], probs, th, rule["recipient"], actor_ok)
    recipient_ok = [
        o and h.i not in own and k not in both["recipient"] and k not in both["actor"]
        for k, (o, h) in enumerate(zip(ok, heads, strict=True))
    ]
    recipient = choose("recipient", rule["recipient"], probs, th, actor.head, recipient_ok)
    changes: dict[str, object] = {}
    scores = []
    for c in (actor, recipient):
        head = heads[c.head] if c.head is not None else None
        action = f"{c.slot} changed" if c.changed else "kept"
        scores.append(ModelScore(c.slot, head.text if head is not None else "-", c.score, action))
        if c.changed and head is not None:
            changes[c.slot] = (phrase(doc, head),)
    changes["scores"] = tuple(scores)
    return changes


def add_type(p_added: Mapping[str, float], thresholds: Mapping[str, float]) -> str | None:
    """The clause model's best type when it reaches the lower of the ``add`` and
    ``add.unreal`` bars (absent: never); :func:`add_decision` then applies the bar of the
    event's factuality."""
    bars = [thresholds[k] for k in ("add", "add.unreal") if k in thresholds]
    if not bars:
        return None
    best = max((t for t in p_added if t != NONE), key=p_added.__getitem__, default=None)
    return None if best is None or p_added[best] < min(bars) else best


def add_decision(
    p_added: Mapping[str, float], p_fact: Mapping[str, float], thresholds: Mapping[str, float]
) -> tuple[ModelScore, ModelScore] | None:
    """The type and factuality scores of the event the clause model adds on a verb the rules coded
    nothing on, or None: its best type must reach the ``add`` bar, or the ``add.unreal`` bar
    when its factuality is not a fact (a planned, possible or denied act: adding one never
    puts a factual event into a negative; absent: never)."""
    best = add_type(p_added, thresholds)
    if best is None:
        return None
    fact = max(p_fact, key=p_fact.__getitem__)
    key = "add" if fact in FACTUAL else "add.unreal"
    if key not in thresholds or p_added[best] < thresholds[key]:
        return None
    return (
        ModelScore("type", best, p_added[best], "added by the model"),
        ModelScore("factuality", fact, p_fact[fact], "added by the model"),
    )


def _added(
    doc: Document,
    events: list[EventMention],
    learned: LearnedModels,
    types: EventTypes,
    cache: dict[int, frozenset[str]],
    no_event: AbstractSet[str] = frozenset(),
) -> list[EventMention]:
    """The events the clause model adds where the rules coded nothing (rule ``model:added``);
    ``cache``: the sentence features the candidates' scoring already read."""
    if learned.added is None or not {"add", "add.unreal"} & learned.thresholds.keys():
        return []
    out: list[EventMention] = []
    clauses = [t for t in missed_clauses(doc, events) if t.lemma_.lower() not in no_event]
    feats = [clause_features(doc, tok, cache) for tok in clauses]
    p_added = learned.added.proba_many(feats)
    # the factuality model is asked only about an event it adds
    adding = [k for k, p in enumerate(p_added) if add_type(p, learned.thresholds) is not None]
    facts = learned.factuality.proba_many([feats[k] for k in adding])
    p_fact = dict(zip(adding, facts, strict=True))
    for k in adding:
        tok = clauses[k]
        chosen = add_decision(p_added[k], p_fact[k], learned.thresholds)
        if chosen is None or chosen[0].label not in types:
            continue
        event, fact = chosen[0].label, chosen[1].label
        sent = tok.sent
        cameo = types[event].cameo
        out.append(
            EventMention(
                article_id=doc.article.id,
                index=len(events) + len(out),
                sentence=Span(sent.start_char, sent.end_char),
                trigger=Span(tok.idx, tok.idx + len(tok.text)),
                event=types.check(event, "model"),
                cameo=cameo,
                intensity=goldstein(cameo),
                factuality=fact,  # type: ignore[arg-type]
                actor=_party(doc, tok, True, ()),
                recipient=_party(doc, tok, False, types[event].recipient_preps),
                rule="model:added",
                trigger_lemma=(tok.lemma_ or tok.text).lower(),
                framing=(tok.text.lower(),),
                scores=chosen,
            )
        )
    return out


def _party(doc: Document, tok: Token, actor: bool, preps: tuple[str, ...]) -> tuple[Actor, ...]:
    """The doer (``actor``: the subject, a passive's agent) or the one acted on (the object,
    a passive's subject, the object of one of the type's recipient prepositions ``preps``) of
    an added event: the noun phrase up to its head."""
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    heads: list[Token] = []
    for c in tok.children:
        if actor and (c.dep_ == "nsubj" or (passive and c.dep_ == "agent")):
            heads.extend(g for g in c.children if c.dep_ == "agent" and g.dep_ == "pobj")
            if c.dep_ == "nsubj":
                heads.append(c)
        elif not actor and c.dep_ in ("dobj", "dative", "nsubjpass"):
            heads.append(c)
        elif not actor and c.dep_ == "prep" and c.lower_ in preps:
            heads.extend(g for g in c.children if g.dep_ == "pobj")
    out = []
    for h in heads[:1]:
        if h.pos_ not in ("PROPN", "NOUN"):
            continue
        start = h.left_edge.idx
        end = h.idx + len(h.text)
        out.append(Actor(span=Span(start, end), name=doc.text[start:end]))
    return tuple(out)
