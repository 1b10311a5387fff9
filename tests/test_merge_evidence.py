"""The evidence a join needs, the hard rules, and the fitted weights file's schema check."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from builders import art, men
from newsevents.errors import ConfigError
from newsevents.merge import candidate_pairs, merge
from newsevents.merge.evidence import FEATURES, load_weights, parse_weights, weights_path

ROOT = Path(__file__).resolve().parent.parent
FRE = ("Freedonian forces", "FRE")
SYL = ("Sylvanian troops", "SYL")


def _pair(first: dict, second: dict):
    a1 = art("e1", "Harbor Daily", "2021-03-06", "Freedonian forces shelled the border post.")
    a2 = art(
        "e2", "Continental Wire", "2021-03-06", "Freedonian forces and Sylvanian troops hit a post."
    )
    m1 = men(a1, 0, "Freedonian forces shelled", "shelled", **first)
    m2 = men(a2, 0, "Freedonian forces and Sylvanian troops hit", "hit", **second)
    return [a1, a2], [m1, m2]


@pytest.mark.parametrize(
    ("first", "second", "events", "why"),
    [
        # type and date alone never join
        (dict(date="2021-03-05"), dict(date="2021-03-05"), 2, "no evidence"),
        # the same place is evidence
        (dict(date="2021-03-05", place=("Port Vela", "SYL", "city")),
         dict(date="2021-03-05", place=("Port Vela", "SYL", "city")), 1, None),
        # places in different countries refuse, whatever else agrees
        (dict(date="2021-03-05", actor=(FRE,), killed=4, place=("Port Vela", "SYL", "city")),
         dict(date="2021-03-05", actor=(FRE,), killed=4, place=("Kessa", "RUR", "city")),
         2, "countries"),
        # coded actors of different countries refuse
        (dict(date="2021-03-05", actor=(FRE,)), dict(date="2021-03-05", actor=(SYL,)), 2,
         "actor mismatch"),
        # a day apart needs two items of evidence: the actor alone is not enough ...
        (dict(date="2021-03-05", actor=(FRE,)), dict(date="2021-03-06", actor=(FRE,)), 2,
         "no evidence"),
        # ... the actor and the same toll are
        (dict(date="2021-03-05", actor=(FRE,), killed=4),
         dict(date="2021-03-06", actor=(FRE,), killed=4), 1, None),
    ],
)  # fmt: skip
def test_a_join_needs_evidence(first, second, events, why) -> None:
    articles, mentions = _pair(first, second)
    assert len(merge(articles, mentions).events) == events
    pairs = candidate_pairs(articles, mentions)
    assert (pairs == []) is (why is not None)


def test_packaged_weights_name_every_feature() -> None:
    w = load_weights()
    assert set(w.weights) == set(FEATURES) and w.fitted_on
    data = json.loads(weights_path().read_text(encoding="utf-8"))
    assert parse_weights(data, "packaged").bias == w.bias


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["weights"].pop("place_same"), "missing ['place_same']"),
        (lambda d: d["weights"].update(colour=1.0), "unknown ['colour']"),
        (lambda d: d["weights"].update(same_day="high"), "must be numbers"),
        (lambda d: d.pop("bias"), "number 'bias'"),
    ],
)
def test_weights_schema_check(change, message) -> None:
    data = json.loads(weights_path().read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_weights(data, "w.json")


def test_fit_script_refuses_blind_gold(resources) -> None:
    pytest.importorskip("sklearn")
    spec = importlib.util.spec_from_file_location("fit_merge", ROOT / "scripts" / "fit_merge.py")
    assert spec and spec.loader
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    with pytest.raises(SystemExit, match="never used for fitting"):
        fit.labelled_pairs(ROOT / "tests" / "blind" / "merge" / "gold.jsonl", resources)
