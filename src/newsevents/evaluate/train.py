"""``make train`` (``python -m newsevents.evaluate.train``): fit the learned second opinion.

1. load ``training/corpus/*.jsonl`` (schema check; lines sharing a 7-word run with
   ``tests/blind`` are refused) and split it by a hash of each id (train / dev / test);
2. run the rules alone over every text and collect each candidate where the ``model``
   component would see it, with its features (:func:`newsevents.learn.candidate_features`);
3. align candidates with the gold events of their sentence (trigger overlap, else the same
   type) -> a type label (a type or NONE) and, when aligned, a factuality label;
4. fit two multinomial logistic regressions (scikit-learn, fixed seed) on the train split,
   pick the decision thresholds on the dev split (sentence-level F1, then factuality);
5. write the weights (``learn/data/weights.npz``) and ``docs/MODEL_CARD.md`` with the data
   counts, variety and the figures on the dev and test splits, rules alone vs with models.

This is a script entry (like the CLI), so it writes to stdout.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import api, extract, ingest, nlp
from ..errors import NewsEventsError
from ..learn import (
    LearnedModels,
    LinearModel,
    candidate_features,
    clause_features,
    decide,
    load_learned,
    missed_clauses,
    save_learned,
    weights_path,
)
from ..learn.corpus import (
    Corpus,
    TrainEvent,
    TrainRecord,
    format_variety,
    load_corpus,
    variety,
)
from ..learn.features import trigger_token
from ..learn.parties import SLOTS, named, party_features, party_heads, rule_heads
from ..learn.weights import NONE
from ..model import FACTUAL, FACTUALITY, Document, EventMention, Skip
from ..pipeline import COMPONENTS, Pipeline
from ..resolve.actors import load_actor_dictionary
from ..resources import EventTypes
from .baseline import gold_paths
from .run import evaluate_gold
from .train_report import Candidate, acceptable, figures, party_accuracy, write_card

if TYPE_CHECKING:
    from spacy.tokens import Token

SEED = 15
#: a feature must occur in at least this many training candidates to get a weight
MIN_COUNT = 2
#: The drop thresholds searched on dev (from 0.7: the models overrule the rules only when
#: they are clearly the more likely reading; the corpus dev split alone would take 0.5,
#: which dropped right candidates in our tuned sets, where the rules are surer than on the
#: corpus: recall on our sentence gold 0.880 -> 0.854, dev-merge3 0.667 -> 0.574).
DROP_GRID = tuple(round(x, 3) for x in np.arange(0.70, 1.0001, 0.025)) + (1.01,)
#: Re-typing is searched only with ``--retype``: on the corpus snapshot it mostly turned the
#: rules' codings into the corpus writers' other conventions (a signed accord AGREE, not
#: SUPPORT) and lowered the tuned gold sets, so by default the trainer leaves it off (1.01).
RETYPE_GRID = tuple(round(x, 3) for x in np.arange(0.80, 1.0001, 0.025)) + (1.01,)
#: dev F1 a conservative threshold may give up against the best one
TOLERANCE = 0.01
FACT_GRID = tuple(round(x, 3) for x in np.arange(0.50, 1.0001, 0.025)) + (1.01,)
#: the bars searched for adding an event the rules missed (high: a clause the rules coded
#: nothing in is most often no event; from 0.85, as articles have many more uncoded verbs
#: than the corpus's sentences: with bar 0.7 the added events lowered precision on our dev
#: articles, dev-dyad2 and dev-merge2 merge pairwise and dev-types3 negatives), and the dev
#: F1 gain adding must bring
ADD_GRID = tuple(round(x, 3) for x in np.arange(0.85, 1.0001, 0.025))
#: the bars searched for adding a planned, possible or denied event (``add.unreal``): from
#: 0.5, as such an event never makes a negative hold a fact (the reason for the high bar of
#: ``add``); on the corpus dev split the bars from 0.85 added nothing worth the gain, while
#: plans and denials the rules coded nothing in ("had not targeted", "will deploy") are most
#: of those left uncoded
ADD_UNREAL_GRID = tuple(round(x, 3) for x in np.arange(0.50, 1.0001, 0.025))
ADD_GAIN = 0.002
#: the party scorer's bars and margins searched on dev
PARTY_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
MARGIN_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def collect(records: Sequence[TrainRecord], res: api.Resources) -> list[list[Candidate]]:
    """Each record's rule candidates as the ``model`` component sees them (rules alone), then
    the verbs of the clauses they left uncoded (the clause model's candidates)."""
    # the pipeline up to the model's place: later components do not change what it sees
    upto = [c for c in COMPONENTS[: [n for n, _ in COMPONENTS].index("model")]]
    pipeline = Pipeline(res, upto)
    articles = (
        ingest.article_from_text(r.text, published=r.published, clean=False, source=r.id)
        for r in records
    )
    out: list[list[Candidate]] = []
    for rec, doc in zip(records, nlp.parse_articles(articles, res.nlp, batch_size=64), strict=True):
        if isinstance(doc, Skip):
            raise NewsEventsError(f"{rec.where}: {doc.reason}")
        out.append(candidates_of(rec, pipeline(doc), res.types))
    return out


def candidates_of(rec: TrainRecord, doc: Document, types: EventTypes) -> list[Candidate]:
    """One coded (not yet reviewed) document's candidates with their features and labels."""
    cache: dict[int, frozenset[str]] = {}
    found = [_align(rec, doc, m, candidate_features(doc, m, cache), types) for m in doc.events]
    for tok in missed_clauses(doc, doc.events):
        found.append(_align_clause(rec, tok, clause_features(doc, tok, cache)))
    return found


def _align_clause(rec: TrainRecord, tok: Token, feats: list[str]) -> Candidate:
    """A verb the rules coded nothing on stands for the gold event whose trigger covers it."""
    start, end = tok.idx, tok.idx + len(tok.text)
    gold = next((e for e in rec.events if e.trigger.start < end and start < e.trigger.end), None)
    return Candidate(
        record=rec.id,
        rule_type=NONE,
        rule_fact="-",
        features=feats,
        type_label=gold.event if gold is not None else NONE,
        fact_label=gold.factuality if gold is not None else None,
        added=True,
    )


def _align(
    rec: TrainRecord, doc: Document, m: EventMention, feats: list[str], types: EventTypes
) -> Candidate:
    """The gold event a candidate stands for: one whose trigger overlaps the candidate's
    (an acceptable type first), else one of an acceptable type in the same sentence; else
    none. A type is acceptable for a gold event when it is the gold type or the coding
    ``data/event_types.yaml`` declares for it: an announced or speculated act as its
    ``announced_as`` type (a planned meeting as AGREE), a refused one as its ``refused_as``
    type. The candidate then keeps its own type as label (the corpus and the declared
    conventions agree on it)."""

    def overlaps(a: Any, b: Any) -> bool:
        return bool(a.start < b.end and b.start < a.end)

    same_sentence = [e for e in rec.events if m.sentence.start <= e.trigger.start < m.sentence.end]
    hits = [e for e in same_sentence if overlaps(e.trigger, m.trigger)]
    hits.sort(key=lambda e: m.event not in acceptable(e, types))
    if not hits:
        hits = [e for e in same_sentence if m.event in acceptable(e, types)]
    gold = hits[0] if hits else None
    label = NONE
    if gold is not None:
        label = m.event if m.event in acceptable(gold, types) else gold.event
    cand = Candidate(
        record=rec.id,
        rule_type=m.event,
        rule_fact=m.factuality,
        features=feats,
        type_label=label,
        fact_label=_fact_label(gold, m, types),
    )
    trigger = trigger_token(doc, m)
    if gold is not None and trigger is not None:
        _party_labels(cand, doc, m, gold, trigger)
    return cand


def _fact_label(gold: TrainEvent | None, m: EventMention, types: EventTypes) -> str | None:
    """The factuality a candidate should carry: the gold event's when it has the gold type;
    for an announced conflictual act the rules coded as the threat its type declares (an
    announced expulsion as THREATEN: ``announced_as``), the rules' own factual label, since
    the threat was made in the text (the corpus labels the act, not the threat); none for
    another convention: a planned meeting coded as a promise (AGREE), whose factuality
    coders may fairly read either way (``docs/GOLD.md``), or REJECT for a denial."""
    if gold is None:
        return None
    if gold.event == m.event:
        return gold.factuality
    spec = types.get(gold.event)
    announced = spec.announced_as.event if spec is not None and spec.announced_as else None
    threat = types.with_commitment("conflict")
    if m.event == announced == threat and gold.factuality in ("future", "hypothetical"):
        return m.factuality if m.factuality in FACTUAL else None
    return None


def _party_labels(
    cand: Candidate, doc: Document, m: EventMention, gold: TrainEvent, trigger: Token
) -> None:
    """The party model's examples of one aligned candidate: each phrase head near its
    trigger labelled actor, recipient or none by the gold spans, and where the rules' own
    choices stand."""
    heads = party_heads(doc, m, trigger)
    spans = {"actor": gold.actor_span, "recipient": gold.recipient_span}

    def within(h: Token, slot: str) -> bool:
        span = spans[slot]
        return span is not None and span.start <= h.idx < span.end

    cand.parties = [party_features(trigger, h, m.event) for h in heads]
    cand.party_labels = [
        "actor" if within(h, "actor") else "recipient" if within(h, "recipient") else "none"
        for h in heads
    ]
    cand.party_named = [named(h) for h in heads]
    cand.rule_heads = rule_heads(doc, m, heads)
    cand.gold_heads = {
        slot: None if spans[slot] is None else {k for k, h in enumerate(heads) if within(h, slot)}
        for slot in SLOTS
    }


@dataclass
class Matrix:
    index: dict[str, int]

    def encode(self, rows: Sequence[Sequence[str]]) -> Any:
        from scipy.sparse import csr_matrix

        indptr, cols = [0], []
        for feats in rows:
            cols.extend(sorted({self.index[f] for f in feats if f in self.index}))
            indptr.append(len(cols))
        data = np.ones(len(cols), dtype=np.float64)
        return csr_matrix((data, cols, indptr), shape=(len(rows), len(self.index)))


def vocabulary(rows: Sequence[Sequence[str]]) -> Matrix:
    counts = Counter(f for feats in rows for f in set(feats))
    kept = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    return Matrix({f: i for i, f in enumerate(kept)})


def fit(
    name: str,
    rows: Sequence[Sequence[str]],
    labels: Sequence[str],
    c: float,
    balanced: bool = False,
) -> LinearModel:
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        raise NewsEventsError(
            f"the {name} model needs at least two labels in the train split, got "
            f"{sorted(set(labels))}; the corpus is too small or too uniform"
        )
    matrix = vocabulary(rows)
    clf = LogisticRegression(
        C=c, max_iter=3000, random_state=SEED, class_weight="balanced" if balanced else None
    )
    clf.fit(matrix.encode(rows), list(labels))
    classes = tuple(str(k) for k in clf.classes_)
    coef, intercept = clf.coef_, clf.intercept_
    if len(classes) == 2:  # binary: sklearn keeps one column (for the second class)
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return LinearModel(
        name=name,
        classes=classes,
        index=matrix.index,
        coef=np.ascontiguousarray(coef.T, dtype=np.float32),
        intercept=np.asarray(intercept, dtype=np.float32),
    )


def _score_all(
    cands: Sequence[Candidate],
    type_model: LinearModel,
    fact_model: LinearModel,
    added_model: LinearModel | None,
) -> None:
    for c in cands:
        if c.added:
            c.p_type = added_model.proba(c.features) if added_model is not None else {}
        else:
            c.p_type = type_model.proba(c.features)
        c.p_fact = fact_model.proba(c.features)


def choose_thresholds(
    dev: Sequence[TrainRecord],
    dev_cands: Sequence[Sequence[Candidate]],
    types: EventTypes,
    retype: bool = False,
) -> dict[str, float]:
    """Drop and retype thresholds among those within :data:`TOLERANCE` of the best dev F1:
    the pair that leaves the most dev negatives free of factual events, then the most
    precise, then the most conservative; then the factuality threshold for the best dev
    factuality accuracy among the kept, aligned candidates."""
    flat = [c for cs in dev_cands for c in cs]
    scored = []
    for drop in DROP_GRID:
        for t in RETYPE_GRID if retype else (1.01,):
            th = {"drop": float(drop), "retype": float(t), "factuality": 1.01}
            scored.append((figures(dev, dev_cands, th, types), th))
    top = max(fig["f1"] for fig, _ in scored)
    # the dev F1 is flat over most bars (dropping a wrong candidate in a negative and a right
    # one elsewhere cancel out), and the dev split is small: among the choices within
    # TOLERANCE of the best F1, the one with the cleanest negatives and the best precision
    # (the targets), then the most conservative (the fewest re-typed, then dropped).
    # Taking the most conservative alone chose drop 0.825 on the 10,513-line corpus (0.75 on
    # the first 8,120), and the negatives of our dev sets came out less clean.
    near = [(fig, th) for fig, th in scored if fig["f1"] >= top - TOLERANCE]
    chosen = dict(
        max(
            near,
            key=lambda p: (
                p[0]["negatives_no_fact"],
                p[0]["precision"],
                p[1]["retype"],
                p[1]["drop"],
            ),
        )[1]
    )
    aligned = [c for c in flat if c.fact_label is not None and not c.added]
    best_fact: tuple[float, float] | None = None
    for t in FACT_GRID:
        acc = _fact_accuracy(aligned, {**chosen, "factuality": float(t)})
        if best_fact is None or acc > best_fact[0]:
            best_fact, chosen["factuality"] = (acc, float(t)), float(t)
    # then a bar per label, one label at a time, kept only where it beats the common bar
    # on dev by more than one candidate in a thousand
    for label in FACTUALITY:
        base = _fact_accuracy(aligned, chosen)
        own = max(
            FACT_GRID,
            key=lambda t: (_fact_accuracy(aligned, {**chosen, f"factuality.{label}": t}), t),
        )
        if _fact_accuracy(aligned, {**chosen, f"factuality.{label}": own}) > base + 0.001:
            chosen[f"factuality.{label}"] = float(own)
    if any(c.added and c.p_type for c in flat):
        chosen.update(_add_threshold(dev, dev_cands, chosen, types))
    return chosen


def _add_threshold(
    dev: Sequence[TrainRecord],
    dev_cands: Sequence[Sequence[Candidate]],
    chosen: dict[str, float],
    types: EventTypes,
) -> dict[str, float]:
    """The bars for adding events the rules missed: ``add`` for one the factuality model
    finds a fact, then ``add.unreal`` for a planned, possible or denied one, each the bar
    with the best dev F1 when that beats not adding by more than :data:`ADD_GAIN`, keeping
    the negatives as clean and dev precision as high (an added event must be no less likely
    right than the output it joins: articles have many more uncoded verbs than the corpus's
    sentences); none (nothing of that kind added) when no bar does."""
    found: dict[str, float] = {}
    for key in ("add", "add.unreal"):
        base = figures(dev, dev_cands, {**chosen, **found}, types)
        best: tuple[float, float] | None = None
        for bar in ADD_GRID if key == "add" else ADD_UNREAL_GRID:
            fig = figures(dev, dev_cands, {**chosen, **found, key: float(bar)}, types)
            if (
                fig["negatives_no_fact"] < base["negatives_no_fact"]
                or fig["precision"] < base["precision"]
            ):
                continue
            if fig["f1"] > base["f1"] + ADD_GAIN and (best is None or fig["f1"] > best[0]):
                best = (fig["f1"], float(bar))
        if best is not None:
            found[key] = best[1]
    return found


def party_thresholds(dev: Sequence[Candidate]) -> dict[str, float]:
    """The party scorer's bar and margin: the most conservative pair (the highest bar, then
    the widest margin) within :data:`ADD_GAIN` of the best dev slot accuracy; none (the rules'
    parties kept) when no pair beats the rules by more than :data:`ADD_GAIN`. (The best
    pair alone moved from bar 0.9 to 0.5 when the corpus grew, for 4 more right slots of
    1,500 on dev, and changed enough actors in articles to lower the sample corpus's merge
    pairwise F1 from 0.742 to 0.709.)"""
    base = party_accuracy(dev, None)
    scored = [
        (party_accuracy(dev, {"party": bar, "party.margin": margin}), bar, margin)
        for bar in PARTY_GRID
        for margin in MARGIN_GRID
    ]
    top = max(acc for acc, _, _ in scored)
    if top <= base + ADD_GAIN:
        return {}
    near = [(bar, margin) for acc, bar, margin in scored if acc >= top - ADD_GAIN]
    bar, margin = max(near)
    return {"party": bar, "party.margin": margin}


def _fact_accuracy(aligned: Sequence[Candidate], thresholds: dict[str, float]) -> float:
    """Factuality accuracy over the kept candidates with a gold factuality."""
    right = total = 0
    for c in aligned:
        d = decide(c.rule_type, c.rule_fact, c.p_type, c.p_fact, thresholds)
        if d.keep:
            total += 1
            right += d.factuality == c.fact_label
    return right / total if total else 0.0


#: the overall figures of the ablation on the gold sets (never per-sentence rows: the blind
#: sets are read for overall figures only)
ABLATION = (
    "event_precision",
    "event_recall",
    "event_f1",
    "dyad_accuracy",
    "factuality_accuracy",
    "negatives_clean",
    "nonevents_clean",
)


def without_dictionaries(res: api.Resources) -> api.Resources:
    """The same resources without the converted Phoenix dictionaries (the CAMEO verb patterns
    in the codebook; the actors, agents and discards in the actor dictionary): the first
    column of the ablation, and nothing else uses it."""
    return replace(
        res,
        codebook=extract.load_codebook((), res.types, res.lexicon, phoenix=False),
        actors=load_actor_dictionary((), res.types, res.lexicon, open_data=False),
        learned=None,
    )


#: the ablation's columns: rules without the converted dictionaries, rules with them, models
VARIANTS = ("plain", "rules", "models")


def ablation(res: api.Resources, learned: LearnedModels) -> dict[str, dict[str, dict[str, float]]]:
    """Overall figures of every gold set present: rules without the converted dictionaries,
    rules with them (``--no-model``), and with the models (the default)."""
    paths = gold_paths(Path.cwd())
    out: dict[str, dict[str, dict[str, float]]] = {name: {} for name in paths}
    variants = (
        ("plain", without_dictionaries(res)),
        ("rules", res),
        ("models", replace(res, learned=learned)),
    )
    for variant, resources in variants:
        report = evaluate_gold(list(paths.values()), resources, names=list(paths))
        for r in report.results:
            figs = r.figures()
            out[r.name][variant] = {k: figs[k] for k in ABLATION if k in figs}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsevents.evaluate.train")
    parser.add_argument("--corpus", type=Path, default=Path("training/corpus"))
    parser.add_argument("--blind", type=Path, default=Path("tests/blind"))
    parser.add_argument("--out", type=Path, default=weights_path())
    parser.add_argument("--card", type=Path, default=Path("docs/MODEL_CARD.md"))
    parser.add_argument("--c", type=float, default=None, help="the regularisation C (default 1.0)")
    parser.add_argument(
        "--retype", action="store_true", help="also search a re-typing threshold on dev"
    )
    parser.add_argument(
        "--no-ablation", action="store_true", help="skip the gold-set ablation in the card"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check the corpus: print every refused line and the variety figures",
    )
    args = parser.parse_args(argv)
    try:
        return _train(args)
    except NewsEventsError as e:
        sys.stderr.write(f"error: {e}\n")
        return e.exit_code


def _train(args: argparse.Namespace) -> int:
    start = time.process_time()
    corpus: Corpus = load_corpus([args.corpus], blind_dir=args.blind)
    shown = len(corpus.problems) if args.check else 30
    for p in corpus.problems[:shown]:
        sys.stdout.write(f"skipped {p}\n")
    if len(corpus.problems) > shown:
        sys.stdout.write(f"... and {len(corpus.problems) - shown} more skipped lines\n")
    if not corpus.records:
        raise NewsEventsError(f"no usable corpus lines under {args.corpus}")
    fig = variety(corpus.records)
    sys.stdout.write(format_variety(fig) + "\n")
    if args.check:
        return 1 if corpus.problems else 0
    res = api.load_resources(learned=False)
    splits = {s: corpus.split(s) for s in ("train", "dev", "test")}
    cands = {s: collect(recs, res) for s, recs in splits.items()}
    every = [c for cs in cands["train"] for c in cs]
    train = [c for c in every if not c.added]
    clauses = [c for c in every if c.added]
    # the factuality model learns from both kinds (an added event needs a factuality too)
    aligned = [c for c in every if c.fact_label is not None]
    sys.stdout.write(
        f"candidates: train {len(train)} rule + {len(clauses)} clause ({len(aligned)} aligned), "
        f"dev {sum(map(len, cands['dev']))}, test {sum(map(len, cands['test']))}\n"
    )
    # C = 1.0 unless --c says otherwise: the dev split cannot tell 0.1, 0.3 and 1.0 apart
    # (F1 + factuality within 0.01 on the 10,513-line corpus: it took 0.3, the 8,120-line
    # one 1.0), while our tuned sets did better with 1.0 (dev-types3 negatives 0.959 with
    # 0.3, 0.990 with 1.0; dev-merge3 merge pairwise 0.600, 0.654), and one fit is a third
    # of the training time
    grid = (args.c,) if args.c else (1.0,)
    best: tuple[float, float, LinearModel, LinearModel, dict[str, float]] | None = None
    for c in grid:
        type_model = fit("type", [x.features for x in train], [x.type_label for x in train], c)
        # balanced class weights: plans, denials and speculation are the rarer labels the
        # factuality model is there for
        fact_model = fit(
            "factuality",
            [x.features for x in aligned],
            [str(x.fact_label) for x in aligned],
            c,
            balanced=True,
        )
        _score_all([x for cs in cands["dev"] for x in cs], type_model, fact_model, None)
        th = choose_thresholds(splits["dev"], cands["dev"], res.types, args.retype)
        dev_fig = figures(splits["dev"], cands["dev"], th, res.types)
        key = dev_fig["f1"] + dev_fig["factuality"]
        sys.stdout.write(f"C={c}: dev F1 {dev_fig['f1']:.3f} fact {dev_fig['factuality']:.3f}\n")
        if best is None or key > best[0]:
            best = (key, c, type_model, fact_model, th)
    assert best is not None
    _, c, type_model, fact_model, thresholds = best
    # the clause model, with the C chosen for the others, and its bar on dev
    models = {"type": type_model, "factuality": fact_model}
    if len({x.type_label for x in clauses}) >= 2:
        models["added"] = fit(
            "added", [x.features for x in clauses], [x.type_label for x in clauses], c
        )
    for s in ("dev", "test"):
        _score_all([x for cs in cands[s] for x in cs], type_model, fact_model, models.get("added"))
    thresholds = choose_thresholds(splits["dev"], cands["dev"], res.types, args.retype)
    party_rows = [(f, lab) for x in train for f, lab in zip(x.parties, x.party_labels, strict=True)]
    if len({lab for _, lab in party_rows}) >= 2:
        models["party"] = fit(
            "party", [f for f, _ in party_rows], [lab for _, lab in party_rows], c
        )
        for s in ("dev", "test"):
            for x in (x for cs in cands[s] for x in cs):
                x.p_party = [models["party"].proba(f) for f in x.parties]
        thresholds.update(party_thresholds([x for cs in cands["dev"] for x in cs]))
    results = {
        s: {
            "rules": figures(splits[s], cands[s], None, res.types),
            "models": figures(splits[s], cands[s], thresholds, res.types),
        }
        for s in ("dev", "test")
    }
    meta = {
        "trained_on": {
            "records": {s: len(r) for s, r in splits.items()},
            "candidates": {s: sum(map(len, cs)) for s, cs in cands.items()},
            "features": {name: len(m.index) for name, m in models.items()},
            "C": c,
            "seed": SEED,
        }
    }
    save_learned(args.out, models, thresholds, meta)
    gold = {} if args.no_ablation else ablation(res, load_learned(args.out))
    seconds = time.process_time() - start
    write_card(args.card, fig, meta, thresholds, results, corpus.problems, seconds, gold)
    size = args.out.stat().st_size / 1e6
    sys.stdout.write(f"thresholds {thresholds}\n")
    for s, r in results.items():
        for k, v in r.items():
            sys.stdout.write(f"{s} {k}: " + " ".join(f"{n} {x:.3f}" for n, x in v.items()) + "\n")
    sys.stdout.write(f"wrote {args.out} ({size:.1f} MB) and {args.card} in {seconds:.0f} s CPU\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
