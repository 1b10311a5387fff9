"""The quality gate: every gold set present is scored and no figure may fall below its floor.

Floors and gold-file hashes live in tests/quality/baseline.json; after a real improvement (or
a reviewed gold edit) rewrite it with
``python -m newsevents.evaluate --write-baseline tests/quality/baseline.json``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import api
from newsevents.evaluate import evaluate_gold
from newsevents.evaluate.baseline import (
    GOLD_LOCATIONS,
    check_baseline,
    check_hashes,
    read_baseline,
)

ROOT = Path(__file__).resolve().parents[2]
BASELINE = Path(__file__).resolve().parent / "baseline.json"


@pytest.fixture(scope="module")
def resources(nlp) -> api.Resources:
    # load_pipeline is cached, so this shares the session's spaCy pipeline
    return api.load_resources()


@pytest.fixture(scope="module")
def baseline() -> dict:
    return read_baseline(BASELINE)


def _gold_path(name: str, request: pytest.FixtureRequest) -> Path:
    if name == "plover":
        shared: Path = request.getfixturevalue("shared_dir")
        path = shared / "eval" / "plover_gsr_dev.json"
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        return path
    path = ROOT / GOLD_LOCATIONS[name]
    if not path.is_file():
        pytest.skip(f"{GOLD_LOCATIONS[name]} does not exist yet")
    return path


#: sentence sets are quick; article sets run the whole pipeline and merge (slow)
_QUICK = ("sentences", "plover", "blind-sentences", "dev-types")


@pytest.mark.parametrize(
    "name",
    [
        *(n for n in GOLD_LOCATIONS if n in _QUICK),
        *(pytest.param(n, marks=pytest.mark.slow) for n in GOLD_LOCATIONS if n not in _QUICK),
    ],
)
def test_quality_gate(name: str, request: pytest.FixtureRequest, resources, baseline) -> None:
    path = _gold_path(name, request)
    problems = check_hashes(baseline, {name: path})
    report = evaluate_gold([path], resources, names=[name])
    assert [r.name for r in report.results] == [name]
    problems += check_baseline(report, baseline)
    assert not problems, "quality gate:\n" + "\n".join(problems)


def test_sentence_gold_is_large_and_balanced() -> None:
    from newsevents.evaluate import load_sentences
    from newsevents.model import EVENT_TYPES

    gold = load_sentences(ROOT / GOLD_LOCATIONS["sentences"])
    assert len(gold.sentences) >= 150
    per_type = {t: 0 for t in EVENT_TYPES}
    for s in gold.sentences:
        for t in {e.event for e in s.events}:
            per_type[t] += 1
    assert min(per_type.values()) >= 6, per_type
    negatives = [s for s in gold.sentences if not s.events]
    assert len(negatives) >= 15
