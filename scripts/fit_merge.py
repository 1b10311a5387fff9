"""Refit the merge weights (``make fit-merge``): logistic regression on mention pairs.

    python scripts/fit_merge.py [--out src/newsevents/data/merge_weights.json] [GOLD ...]

Each gold corpus (default: the tuned merge corpus, examples/gold.jsonl, the tuned dev merge sets
merge to merge5 and the tuned wire halves wire5 to wire10; NEVER the blind sets nor a held-out
check half such as tests/dev/merge4check)
is analysed into a temporary store; its mentions are matched to gold events as the evaluator
matches them (same file, quote inside the sentence, same type). Every pair of matched
mentions the merge could join (``newsevents.merge.candidate_pairs``: same block, no
hard rule against it, positive evidence) is one example, labelled 1 when both report the
same gold event. An L2-regularised logistic regression (scikit-learn's objective and C)
fits ``P(same event)`` with each weight kept to the sign ``merge.evidence.SIGNS`` gives it
(scipy's bounded L-BFGS): agreement never counts against a join. The weights are written
as data with what they were fitted on. Needs the dev extra (scikit-learn, scipy).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from newsevents import api, merge
from newsevents.evaluate.gold import CorpusGold, load_gold, normalise_space
from newsevents.evaluate.run import _resolve_file, _source_key
from newsevents.merge.evidence import FEATURES, SIGNS, parse_weights, weights_path
from newsevents.store import Store

DEFAULT_GOLD = (
    "tests/data/merge_corpus/gold.jsonl",
    "examples/gold.jsonl",
    "tests/dev/merge/gold.jsonl",
    "tests/dev/merge2/gold.jsonl",
    "tests/dev/merge3/gold.jsonl",
    "tests/dev/merge4/gold.jsonl",
    "tests/dev/merge5/gold.jsonl",
    # the tuned wire halves: articles of several outlets on one story, so also mention pairs
    *(f"tests/dev/wire{n}/gold.jsonl" for n in range(5, 11)),
)


def labelled_pairs(gold_path: Path, resources: api.Resources) -> list[tuple[list[float], int]]:
    if "blind" in gold_path.parts:
        raise SystemExit(f"{gold_path}: blind gold is never used for fitting")
    if any(part.endswith("check") for part in gold_path.parts):
        raise SystemExit(f"{gold_path}: a held-out check half is never used for fitting")
    gold = load_gold(gold_path)
    if not isinstance(gold, CorpusGold):
        raise SystemExit(f"{gold_path}: not a corpus gold file")
    files = {a.file: _resolve_file(gold.path, a.file) for a in gold.articles}
    by_source = {located: key for key, located in files.items()}
    events = {e.id: e for e in gold.events}
    reports: dict[str, list[tuple[str, str]]] = {}
    for e in gold.events:
        for r in e.reports:
            reports.setdefault(r.file, []).append((normalise_space(r.quote), e.id))
    with tempfile.TemporaryDirectory(prefix="newsevents-fit-") as tmp:
        db = Path(tmp) / "fit.db"
        api.analyze(sorted({str(p) for p, _ in files.values()}), db, resources=resources)
        with Store(db, readonly=True) as store:
            articles, mentions = store.articles(), store.mentions()
            quotes, entities = store.quotes(), store.entities()
    key_of = {a.id: by_source.get(_source_key(a.source)) for a in articles}
    text_of = {a.id: a.text for a in articles}
    gold_of: dict[str, str] = {}
    for m in mentions:
        file = key_of.get(m.article_id)
        sentence = normalise_space(m.sentence.of(text_of[m.article_id]))
        hits = [
            eid
            for quote, eid in reports.get(file or "", ())
            if quote in sentence and events[eid].event == m.event
        ]
        if hits:
            gold_of[m.id] = hits[0]
    out = []
    for a, b, values in merge.candidate_pairs(articles, mentions, quotes, entities):
        if a in gold_of and b in gold_of:
            out.append(([values[k] for k in FEATURES], int(gold_of[a] == gold_of[b])))
    return out


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[float, np.ndarray]:
    """(bias, weights) minimising the log loss + |w|^2 / (2C), weights within SIGNS."""
    sign = 2.0 * y - 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + x @ theta[1:]
        margin = sign * z
        value = float(np.logaddexp(0.0, -margin).sum() + theta[1:] @ theta[1:] / (2 * c))
        g = -sign / (1.0 + np.exp(margin))  # d loss / d z
        grad = np.concatenate(([g.sum()], x.T @ g + theta[1:] / c))
        return value, grad

    bounds = [(None, None)] + [
        (0.0, None) if SIGNS.get(k) == 1 else (None, 0.0) if SIGNS.get(k) == -1 else (None, None)
        for k in FEATURES
    ]
    got = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    if not got.success:
        raise SystemExit(f"the fit did not converge: {got.message}")
    return float(got.x[0]), got.x[1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/fit_merge.py")
    parser.add_argument("gold", nargs="*", type=Path, default=[Path(p) for p in DEFAULT_GOLD])
    parser.add_argument("--out", type=Path, default=weights_path())
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    args = parser.parse_args(argv)
    resources = api.load_resources()
    rows: list[tuple[list[float], int]] = []
    for g in args.gold:
        got = labelled_pairs(g, resources)
        sys.stdout.write(f"{g}: {len(got)} pairs, {sum(t for _, t in got)} same event\n")
        rows += got
    x = np.array([r[0] for r in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    if len(set(y.tolist())) < 2:
        raise SystemExit("need both joined and separate pairs to fit")
    bias, coef = fit(x, y, args.c)
    accuracy = float((((bias + x @ coef) > 0) == (y == 1)).mean())
    data = {
        "bias": round(bias, 4),
        "fitted_on": (
            f"{', '.join(str(g) for g in args.gold)}: {len(y)} mention pairs, {int(sum(y))} same "
            f"event; sign-bounded logistic regression C={args.c}; training accuracy "
            f"{accuracy:.3f}"
        ),
        "weights": {k: round(float(w), 4) for k, w in zip(FEATURES, coef, strict=True)},
    }
    parse_weights(data, str(args.out))  # the loader's schema check
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {args.out}: {data['fitted_on']}\n")
    for k in FEATURES:
        sys.stdout.write(f"  {k:20s} {data['weights'][k]:+.3f}\n")
    sys.stdout.write(f"  {'bias':20s} {data['bias']:+.3f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
