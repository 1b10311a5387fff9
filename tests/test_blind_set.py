"""The blind sentence set (tests/blind/) keeps its shape: it loads, covers every type, keeps its
share of negatives, names a register and region on every line and uses only known codes.

These tests check the gold file only; they never run the coder on it (see tests/blind/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluate.gold import SentenceGold, load_gold
from newsevents.model import EVENT_TYPES
from newsevents.resources import countries

BLIND = Path(__file__).resolve().parent / "blind"
ORGANISATIONS = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


@pytest.fixture(scope="module", params=["sentences.jsonl", "sentences2.jsonl", "sentences3.jsonl"])
def blind(request: pytest.FixtureRequest) -> SentenceGold:
    gold = load_gold(BLIND / request.param)
    assert isinstance(gold, SentenceGold)
    return gold


def test_blind_set_is_large_enough_with_a_quarter_negatives(blind: SentenceGold) -> None:
    negatives = sum(1 for s in blind.sentences if not s.events)
    assert len(blind.sentences) >= 320
    assert negatives / len(blind.sentences) >= 0.25


@pytest.mark.parametrize("etype", EVENT_TYPES)
def test_every_type_appears_in_at_least_14_sentences(blind: SentenceGold, etype: str) -> None:
    n = sum(1 for s in blind.sentences if any(ev.event == etype for ev in s.events))
    assert n >= 14, f"{etype} appears in only {n} blind sentences"


@pytest.mark.parametrize("prefix", ["register:", "region:"])
def test_every_line_names_its_register_and_region(blind: SentenceGold, prefix: str) -> None:
    missing = [s.id for s in blind.sentences if not any(t.startswith(prefix) for t in s.tags)]
    assert not missing, f"no {prefix} tag on {missing[:5]}"


def test_codes_are_known_countries_or_organisations(blind: SentenceGold) -> None:
    known = {code for code, _kind in countries().values()} | ORGANISATIONS
    unknown = {
        (s.id, code)
        for s in blind.sentences
        for ev in s.events
        for code in (*ev.actor, *ev.recipient)
        if code not in known
    }
    assert not unknown, f"codes not in countries.tsv: {sorted(unknown)[:5]}"


def test_negatives_are_tagged_negative(blind: SentenceGold) -> None:
    untagged = [s.id for s in blind.sentences if not s.events and "negative" not in s.tags]
    assert not untagged
