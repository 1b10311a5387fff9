"""docs/RULES.md's worked examples, run as written: each YAML block is saved under the name
on its first line, each ``rules-example`` comment runs the real pipeline with those files,
and the output must differ from the packaged coder's and match what the doc says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsevents import api
from newsevents.model import EventMention

RULES = Path(__file__).resolve().parent.parent / "docs" / "RULES.md"
_BLOCK = re.compile(r"```yaml\n# (?P<name>[\w.-]+\.yaml)\n(?P<body>.*?)```", re.DOTALL)
_EXAMPLE = re.compile(r"<!-- rules-example: (?P<json>\{.*?\}) -->")


def _blocks() -> dict[str, str]:
    return {m["name"]: m["body"] for m in _BLOCK.finditer(RULES.read_text(encoding="utf-8"))}


def _examples() -> list[dict[str, Any]]:
    return [json.loads(m["json"]) for m in _EXAMPLE.finditer(RULES.read_text(encoding="utf-8"))]


def _matches(m: EventMention, expect: dict[str, Any]) -> bool:
    return (
        m.event == expect["event"]
        and all(a in [x.code for x in m.actor] for a in expect.get("actor", []))
        and all(r in [x.code for x in m.recipient] for r in expect.get("recipient", []))
        and ("date" not in expect or m.date == expect["date"])
    )


def test_the_doc_has_four_examples_and_a_block_for_each_file():
    examples, blocks = _examples(), _blocks()
    assert len(examples) == 4
    for ex in examples:
        assert set(ex.get("files", []) + ex.get("actors", [])) <= set(blocks)


@pytest.mark.slow
@pytest.mark.parametrize("example", _examples(), ids=lambda ex: ex["expect"]["event"])
def test_worked_example_changes_the_output_as_documented(example, tmp_path, resources):
    for name, body in _blocks().items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    mine = api.load_resources(
        codebook=[tmp_path / f for f in example.get("files", [])],
        actors=[tmp_path / f for f in example.get("actors", [])],
    )
    text, published = example["text"], example.get("published")
    before = api.analyze_text(text, resources=resources, published=published).events
    after = api.analyze_text(text, resources=mine, published=published).events
    expect = example["expect"]
    assert not any(_matches(m, expect) for m in before), "the packaged coder already does it"
    assert any(_matches(m, expect) for m in after), [
        (m.event, [a.code for a in m.actor], [r.code for r in m.recipient], m.date) for m in after
    ]
