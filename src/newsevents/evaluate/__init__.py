"""Evaluation: score the pipeline against gold files and gate its quality.

Three gold formats are read (detected from content): PLOVER gold-standard records, our
sentence JSONL and a corpus JSONL (see docs/GOLD.md). ``evaluate_gold`` runs the pipeline
through :mod:`newsevents.api`; the scorers in :mod:`.scoring` are pure functions of gold and
predictions. ``python -m newsevents.evaluate --write-baseline PATH`` refreshes the gate.
"""

from __future__ import annotations

from .baseline import check_baseline, gold_sha256, write_baseline
from .gold import (
    CorpusGold,
    GoldEvent,
    GoldSentence,
    SentenceGold,
    load_corpus,
    load_gold,
    load_plover,
    load_sentences,
)
from .metrics import PRF, Accuracy, ClusterScore, Confusion, b_cubed, pairwise
from .results import EvalReport, GoldSetResult
from .run import evaluate_gold
from .scoring import (
    CorpusScores,
    CorpusSystem,
    SentenceScores,
    SysEvent,
    SysMention,
    score_corpus,
    score_sentences,
)

__all__ = [
    "PRF",
    "Accuracy",
    "ClusterScore",
    "Confusion",
    "CorpusGold",
    "CorpusScores",
    "CorpusSystem",
    "EvalReport",
    "GoldEvent",
    "GoldSentence",
    "GoldSetResult",
    "SentenceGold",
    "SentenceScores",
    "SysEvent",
    "SysMention",
    "b_cubed",
    "check_baseline",
    "evaluate_gold",
    "gold_sha256",
    "load_corpus",
    "load_gold",
    "load_plover",
    "load_sentences",
    "pairwise",
    "score_corpus",
    "score_sentences",
    "write_baseline",
]
