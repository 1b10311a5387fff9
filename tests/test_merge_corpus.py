"""Merge on corpora: our own multi-outlet corpus through the whole pipeline, and the
generated corpus (quality at small scale, speed at 100k mentions)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsevents.merge import merge
from newsevents.merge.synthetic import synthetic_corpus, synthetic_mentions

CORPUS_GOLD = Path(__file__).resolve().parent / "data" / "merge_corpus" / "gold.jsonl"


def b_cubed_f1(gold: dict[str, str], system: dict[str, str]) -> float:
    """B³ F1 of a system clustering against gold, over the items of ``gold``."""
    cells = Counter((gold[m], system[m]) for m in gold)
    gsize, ssize = Counter(gold.values()), Counter(system[m] for m in gold)
    p = sum(cells[(gold[m], system[m])] / ssize[system[m]] for m in gold) / len(gold)
    r = sum(cells[(gold[m], system[m])] / gsize[gold[m]] for m in gold) / len(gold)
    return 2 * p * r / (p + r)


def test_b_cubed_helper_can_fail() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert b_cubed_f1(gold, {"a": "x", "b": "x", "c": "y"}) == 1.0
    assert b_cubed_f1(gold, {"a": "x", "b": "y", "c": "x"}) < 0.7


def test_synthetic_corpus_merges_close_to_its_truth() -> None:
    articles, mentions, truth = synthetic_corpus(2000, seed=3)
    assert len(mentions) >= 2000 and len(set(truth.values())) < len(mentions)
    result = merge(articles, mentions)
    system = {m: e.id for e in result.events for m in e.mention_ids}
    assert set(system) == set(truth)
    assert b_cubed_f1(truth, system) >= 0.9
    # speculation never shares an event with a factual report
    facts = {m.id: m.factuality for m in mentions}
    for e in result.events:
        kinds = {facts[m] in ("asserted", "reported") for m in e.mention_ids}
        assert len(kinds) == 1


@pytest.mark.slow
def test_synthetic_mentions_each_land_in_exactly_one_event() -> None:
    # Speed is `make bench`'s job (100k mentions, as a figure), never a timed test: a wall
    # clock limit fails on a busy machine. Here: every mention is in exactly one event.
    articles, mentions = synthetic_mentions(20_000, seed=0)
    result = merge(articles, mentions)
    placed = [m for e in result.events for m in e.mention_ids]
    assert sorted(placed) == sorted(m.id for m in mentions)


@pytest.mark.slow
def test_own_corpus_through_the_pipeline() -> None:
    from newsevents import api
    from newsevents.evaluate import evaluate_gold

    report = evaluate_gold([CORPUS_GOLD], api.load_resources())
    (result,) = report.results
    scores = result.scores
    assert scores.story_b3.f1 >= 0.9, scores.story_b3
    assert scores.merge_b3.f1 >= 0.9, scores.merge_b3  # 0.921 on 19 articles
    assert scores.discrepancy.value >= 2 / 3, scores.discrepancy
