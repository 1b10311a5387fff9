"""Figures of the rules alone and with the learned models on a corpus split, and the model
card (``docs/MODEL_CARD.md``) the trainer writes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..learn import add_decision, decide
from ..learn.corpus import TrainEvent, TrainRecord
from ..learn.parties import Slot, choose
from ..model import FACTUAL
from ..resources import EventTypes
from .gold import GoldEvent, GoldSentence
from .scoring import SysEvent, score_sentences


@dataclass
class Candidate:
    """One rule candidate of a corpus record, its features, gold labels and model scores."""

    record: str
    rule_type: str
    rule_fact: str
    features: list[str]
    type_label: str  # a type, or NONE
    fact_label: str | None  # None when no gold event was aligned
    p_type: dict[str, float] = field(default_factory=dict)
    p_fact: dict[str, float] = field(default_factory=dict)
    #: a verb the rules coded nothing on (the clause model's candidate; ``p_type`` is then
    #: the clause model's)
    added: bool = False
    #: the party model's examples: features and label (actor / recipient / none) of each
    #: phrase head near the trigger, where the rules' choices stand among them, and the heads
    #: inside the gold spans (None: the gold names no one for that slot)
    parties: list[list[str]] = field(default_factory=list)
    party_labels: list[str] = field(default_factory=list)
    party_named: list[bool] = field(default_factory=list)
    rule_heads: dict[Slot, int | None] = field(default_factory=dict)
    gold_heads: dict[Slot, set[int] | None] = field(default_factory=dict)
    p_party: list[dict[str, float]] = field(default_factory=list)


def acceptable(e: TrainEvent, types: EventTypes) -> set[str]:
    """The types that code a corpus event under the conventions ``data/event_types.yaml``
    declares: its own or one of its CAMEO family (a release: CONCEDE or RETREAT), an announced
    or speculated act's ``announced_as`` type (a planned meeting is AGREE to PLOVER, CONSULT
    future to the corpus), a refusal's ``refused_as``, a denial's REJECT."""
    ok = {e.event}
    spec = types.get(e.event)
    if spec is not None:  # one CAMEO family (RETREAT 084 under CONCEDE's 08: a release)
        ok |= {t for t, other in types.items() if other.cameo[:2] == spec.cameo[:2]}
    if spec is not None and spec.announced_as and e.factuality in ("future", "hypothetical"):
        ok.add(spec.announced_as.event)
    if e.factuality == "negated":
        # a refusal is coded as the declared refused_as type; a denial ("X denied that its
        # troops burned ...") as the REJECT the codebook's deny entries give
        ok.add(spec.refused_as if spec is not None and spec.refused_as else "REJECT")
        ok.add("REJECT")
    return ok


def produced(cands: Sequence[Candidate], thresholds: Mapping[str, float] | None) -> list[SysEvent]:
    """What the pipeline outputs for one record: the rules' candidates, or the models'
    decisions on them."""
    out = []
    for c in cands:
        if c.added:
            chosen = None if thresholds is None else add_decision(c.p_type, c.p_fact, thresholds)
            if chosen is not None:
                out.append(SysEvent(event=chosen[0].label, factuality=chosen[1].label))
            continue
        if thresholds is None:
            out.append(SysEvent(event=c.rule_type, factuality=c.rule_fact))
            continue
        d = decide(c.rule_type, c.rule_fact, c.p_type, c.p_fact, thresholds)
        if d.keep:
            out.append(SysEvent(event=d.event, factuality=d.factuality))
    return out


def figures(
    records: Sequence[TrainRecord],
    cands: Sequence[Sequence[Candidate]],
    thresholds: Mapping[str, float] | None,
    types: EventTypes,
) -> dict[str, float]:
    """Sentence-level figures (the gold scorer's) plus the issue's factuality figures:
    speculation coded as fact (gold hypothetical events output with that type as asserted or
    reported), plans coded future, denials coded negated; negatives free of factual events."""
    gold = [
        GoldSentence(
            id=r.id,
            text=r.text,
            events=tuple(
                GoldEvent(
                    event=e.event, actor=e.actor, recipient=e.recipient, factuality=e.factuality
                )
                for e in r.events
            ),
        )
        for r in records
    ]
    cs_of = {r.id: cs for r, cs in zip(records, cands, strict=True)}
    preds = {r.id: _conventional(r, produced(cs_of[r.id], thresholds), types) for r in records}
    scores = score_sentences(gold, preds)
    keys = ("speculation_as_fact", "plan_future", "plan_committed", "denial_negated", "neg")
    counts = {k: [0, 0] for k in keys}
    for r in records:
        made = preds[r.id]
        if not r.events:
            counts["neg"][1] += 1
            counts["neg"][0] += not any(p.factuality in FACTUAL for p in made)
        for e in r.events:
            same = {p.factuality for p in made if p.event == e.event}
            if e.factuality == "hypothetical":
                counts["speculation_as_fact"][1] += 1
                counts["speculation_as_fact"][0] += bool(same & FACTUAL)
            elif e.factuality == "future":
                counts["plan_future"][1] += 1
                counts["plan_future"][0] += "future" in same
                # or coded as the commitment its type declares (AGREE for a planned meeting)
                spec = types.get(e.event)
                commit = spec.announced_as.event if spec and spec.announced_as else None
                raw = produced(cs_of[r.id], thresholds)
                counts["plan_committed"][1] += 1
                counts["plan_committed"][0] += "future" in same or any(
                    p.event == commit and p.factuality in FACTUAL for p in raw
                )
            elif e.factuality == "negated":
                counts["denial_negated"][1] += 1
                counts["denial_negated"][0] += "negated" in same
    micro = scores.micro
    out = {
        "precision": micro.precision,
        "recall": micro.recall,
        "f1": micro.f1,
        "factuality": scores.factuality.value,
        "negatives_no_fact": counts["neg"][0] / counts["neg"][1] if counts["neg"][1] else 0.0,
    }
    for k in ("speculation_as_fact", "plan_future", "plan_committed", "denial_negated"):
        out[k] = counts[k][0] / counts[k][1] if counts[k][1] else 0.0
    out["party_slots"] = party_accuracy([c for cs in cands for c in cs], thresholds)
    return out


def party_accuracy(cands: Sequence[Candidate], thresholds: Mapping[str, float] | None) -> float:
    """Share of the actor and recipient slots of aligned candidates filled as the gold says
    (a head inside the gold span; empty when the gold names no one), with the party scorer's
    choices (``thresholds``) or the rules' (None)."""
    right = total = 0
    for c in cands:
        if not c.p_party:
            continue
        th = thresholds or {}
        rule, ok = c.rule_heads, c.party_named
        actor = choose("actor", rule["actor"], c.p_party, th, rule["recipient"], ok)
        recipient = choose("recipient", rule["recipient"], c.p_party, th, actor.head, ok)
        for ch in (actor, recipient):
            gold = c.gold_heads[ch.slot]
            total += 1
            right += (ch.head is None) if gold is None else (ch.head in gold)
    return right / total if total else 0.0


def _conventional(r: TrainRecord, made: list[SysEvent], types: EventTypes) -> list[SysEvent]:
    """An output event whose type codes a gold event by a declared convention counts as that
    gold event's type (see :func:`acceptable`)."""
    out = []
    for p in made:
        if all(p.event != e.event for e in r.events):
            for e in r.events:
                if p.event in acceptable(e, types):
                    p = SysEvent(event=e.event, factuality=p.factuality)
                    break
        out.append(p)
    return out


_LABELS = {
    "precision": "type precision",
    "recall": "type recall",
    "f1": "type F1",
    "factuality": "factuality accuracy",
    "negatives_no_fact": "negatives free of factual events",
    "speculation_as_fact": "speculation coded as fact (lower is better)",
    "plan_future": "planned events coded future",
    "plan_committed": "plans coded future or as their declared commitment (AGREE, THREATEN)",
    "denial_negated": "denials coded negated",
    "party_slots": "actor and recipient slots as the gold spans say",
}


def write_card(
    path: Path,
    fig: Mapping[str, Any],
    meta: Mapping[str, Any],
    thresholds: Mapping[str, float],
    results: Mapping[str, Mapping[str, Mapping[str, float]]],
    problems: Sequence[str],
    seconds: float,
    gold: Mapping[str, Mapping[str, Mapping[str, float]]],
) -> None:
    blind = sum("with a blind set" in p for p in problems)
    trained = meta["trained_on"]
    lines = [
        "# Model card: the learned second opinion",
        "",
        "Written by `make train` (`python -m newsevents.evaluate.train`); do not edit by hand.",
        f"Training took {seconds:.0f} s of CPU time.",
        "",
        "## What it is",
        "",
        "Multinomial logistic regressions (scikit-learn at training time; numpy dot",
        "products at run time) over sparse features of the parse around each candidate the",
        "rules propose (`newsevents.learn.features`: the trigger, its children, the path to",
        "its governing verbs with their relations and scope words, the sentence, days before",
        "or after publication): the **type model** scores no-event against the 16 PLOVER",
        "types, the **factuality model** the five factualities, the **clause model** the",
        "verbs of clauses the rules coded nothing in (no-event or a type), and the **party",
        "model** each noun phrase near a trigger (actor, recipient or neither;",
        "`newsevents.learn.parties`). The `model` pipeline component drops a candidate when",
        "P(no event) >= the drop threshold, re-types it when another type's probability >=",
        "the retype threshold and beats the rule's type, re-labels its factuality when the",
        "best label's probability >= that label's bar, replaces the rule's actor or recipient",
        "when another phrase's probability reaches the party bar and beats the rule's by the",
        "margin, and adds an event where the clause model's best type reaches the add bar.",
        "`--no-model` runs the rules alone.",
        "",
        "## Data",
        "",
        f"`training/corpus/*.jsonl`: {fig['records']} records ({fig['stories']} stories), "
        f"{fig['events']} events, {fig['negatives']} negatives "
        f"({fig['negative_share']:.1%}), {fig['countries']} countries; "
        f"{len(problems) - blind} lines refused by the schema check and {blind} for sharing a "
        "7-word run with `tests/blind` (the blind sets are never trained on).",
        "Split by a hash of each id: "
        + ", ".join(f"{s} {n}" for s, n in trained["records"].items())
        + " records; rule candidates "
        + ", ".join(f"{s} {n}" for s, n in trained["candidates"].items())
        + ".",
        "",
        "| type | events | distinct trigger words |",
        "| --- | ---: | ---: |",
    ]
    for t, n in fig["types"].items():
        lines.append(f"| {t} | {n} | {fig['trigger_words'][t]} |")
    lines += [
        "",
        "Factualities: " + ", ".join(f"{k} {v}" for k, v in fig["factualities"].items()) + ".",
        "Registers: " + ", ".join(f"{k} {v}" for k, v in fig["registers"].items()) + ".",
        "Regions: " + ", ".join(f"{k} {v}" for k, v in fig["regions"].items()) + ".",
        "Kinds: " + ", ".join(f"{k} {v}" for k, v in fig["kinds"].items()) + ".",
        "",
        "## Training",
        "",
        "Features kept (seen in >= 2 training candidates): "
        + ", ".join(f"{k} {v}" for k, v in trained["features"].items())
        + f". Regularisation C = {trained['C']}"
        f" (the default; `--c` sets another), seed {trained['seed']}. "
        "Thresholds chosen on the dev split: "
        + ", ".join(f"{k} {v}" for k, v in thresholds.items())
        + " (1.01 means never).",
        "",
        "## Figures on the corpus splits (sentence-level scoring, as `newsevents eval`)",
        "",
        "| figure | dev: rules | dev: + models | test: rules | test: + models |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key, label in _LABELS.items():
        row = [results[s][k][key] for s in ("dev", "test") for k in ("rules", "models")]
        lines.append(f"| {label} | " + " | ".join(f"{x:.3f}" for x in row) + " |")
    lines += [
        "",
        "Labels: a candidate stands for the gold event whose trigger it overlaps, else one of",
        "an acceptable type in its sentence, else no event. A type is acceptable for a gold",
        "event when it is the gold type or the coding `data/event_types.yaml` declares: one",
        "CAMEO family (a release: CONCEDE or RETREAT), an announced act's `announced_as` type",
        "(a planned meeting: AGREE), a refusal's `refused_as`, a denial's REJECT; such a",
        "candidate keeps its type and gets no factuality label. The component never makes a",
        "fact (asserted, reported) of what the rules found planned, possible or denied.",
        "",
        "Speculation / plans / denials: among gold events with factuality hypothetical / future",
        "/ negated, the share whose type is output as asserted or reported / future / negated.",
        "The second plans row also counts a plan the rules coded, by the codebook's convention,",
        'as the commitment its type declares (`announced_as`: "will meet" is AGREE, a',
        "promise to meet); the corpus labels the planned act itself, so the first row does not.",
        "A threat coded so (THREATEN for an announced expulsion) is trained to keep the rules'",
        "factuality, since the threat was made; a promise (AGREE) gets no factuality label.",
        "The dev split chose the thresholds, so its figures are optimistic; the test split was",
        'never used for a choice. The README\'s section "Learned second opinion" has the',
        "ablation on the gold sets and the blind sets.",
        "",
    ]
    if gold:
        lines += _ablation_lines(gold)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def _ablation_lines(gold: Mapping[str, Mapping[str, Mapping[str, float]]]) -> list[str]:
    """Rules alone -> with the models, overall figures per gold set (blind sets: overall
    figures only)."""
    lines = [
        "",
        "## Ablation on the gold sets (`python -m newsevents.evaluate [--no-model]`)",
        "",
        "Rules without the converted Phoenix dictionaries (CAMEO verb patterns; actors, agents",
        "and discards) / rules with them (`--no-model`) / with the models (the default); tuned",
        "sets and, read for these overall figures only, the blind sets (`tests/blind`).",
        "",
        "| gold set | type P | type R | type F1 | dyad | factuality | negatives clean |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, variants in gold.items():
        plain = variants.get("plain", {})
        rules, models = variants.get("rules", {}), variants.get("models", {})
        cells = []
        for keys in (
            ("event_precision",),
            ("event_recall",),
            ("event_f1",),
            ("dyad_accuracy",),
            ("factuality_accuracy",),
            ("negatives_clean", "nonevents_clean"),
        ):
            key = next((k for k in keys if k in rules), None)
            if key is None:
                cells.append("-")
            elif key in plain:
                cells.append(f"{plain[key]:.3f} / {rules[key]:.3f} / {models[key]:.3f}")
            else:
                cells.append(f"{rules[key]:.3f} / {models[key]:.3f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines
