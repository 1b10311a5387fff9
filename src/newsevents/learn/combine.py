"""The learned second opinion on the rules' candidates: keep, drop, re-type, re-label.

For each candidate the type model gives P(no event) and P(type) for every type, and the
factuality model P(factuality). With the thresholds chosen on the corpus dev split:

* drop the candidate when P(no event) >= ``drop``;
* else re-type it to the best other type t when P(t) >= ``retype`` and P(t) > P(rule's type);
* then re-label its factuality to the best label f when P(f) >= ``factuality`` and f differs
  from the rule's, unless that would make a fact (asserted, reported) of what the rules
  found planned, possible or denied.

Every kept candidate records both scores (:class:`ModelScore`), so ``explain`` shows them
next to the rule that fired. :func:`decide` is a pure function of the probabilities, used by
the pipeline and by the trainer's threshold search alike.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import FACTUAL, Document, EventMention, ModelScore
from ..resources import EventTypes, goldstein
from .features import candidate_features
from .weights import NONE, LearnedModels


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
) -> Decision:
    """What the models make of one candidate (see the module's text)."""
    p_none = p_type.get(NONE, 0.0)
    if p_none >= thresholds["drop"]:
        return Decision(False, rule_type, rule_fact, (ModelScore("type", NONE, p_none, "drop"),))
    event = rule_type
    best = max((t for t in p_type if t not in (NONE, rule_type)), key=p_type.__getitem__)
    p_rule = p_type.get(rule_type, 0.0)
    if p_type[best] >= thresholds["retype"] and p_type[best] > p_rule:
        event = best
        type_score = ModelScore("type", best, p_type[best], f"retyped from {rule_type}")
    else:
        type_score = ModelScore("type", rule_type, p_rule)
    fact = rule_fact
    label = max(p_fact, key=p_fact.__getitem__)
    # never turn what the rules found unreal (planned, possible, denied) into a fact: a claim
    # that something happened needs the rules' evidence; the models only add doubt
    promotes = rule_fact not in FACTUAL and label in FACTUAL
    if label != rule_fact and not promotes and p_fact[label] >= thresholds["factuality"]:
        fact = label
        fact_score = ModelScore("factuality", label, p_fact[label], f"relabelled from {rule_fact}")
    else:
        fact_score = ModelScore("factuality", rule_fact, p_fact.get(rule_fact, 0.0))
    return Decision(True, event, fact, (type_score, fact_score))


def review(
    doc: Document, events: list[EventMention], learned: LearnedModels, types: EventTypes
) -> list[EventMention]:
    """The candidates the models keep (re-typed and re-labelled), renumbered in order."""
    out: list[EventMention] = []
    for m in events:
        feats = candidate_features(doc, m)
        d = decide(
            m.event,
            m.factuality,
            learned.type.proba(feats),
            learned.factuality.proba(feats),
            learned.thresholds,
        )
        if not d.keep:
            continue
        changes: dict[str, object] = {"scores": d.scores, "factuality": d.factuality}
        if d.event != m.event and d.event in types:
            cameo = types[d.event].cameo
            changes.update(
                event=types.check(d.event, "model"),
                cameo=cameo,
                intensity=goldstein(cameo),
                mode=None,
            )
        out.append(dataclasses.replace(m, index=len(out), **changes))  # type: ignore[arg-type]
    return out
