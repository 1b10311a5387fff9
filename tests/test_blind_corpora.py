"""The blind corpora (tests/blind/articles, tests/blind/merge) are well-formed gold: they load,
every quote is an exact substring of its article, and merge places carry a precision level.

Format only: the coder never runs on these files here (they are text nobody tunes on)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from newsevents.evaluate.gold import CorpusGold, load_gold

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "blind"
PRECISIONS = {"city", "district", "province", "country"}


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_gold_quotes", ROOT / "scripts" / "check_gold_quotes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "name", ["articles", "merge", "articles2", "merge2", "articles3", "merge3", "articles4"]
)
def test_blind_gold_loads_and_quotes_are_in_their_files(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold_path = BLIND / name / "gold.jsonl"
    if not gold_path.exists():
        pytest.skip(f"{gold_path} not present")
    monkeypatch.chdir(ROOT)
    gold = load_gold(gold_path)
    assert isinstance(gold, CorpusGold)
    assert {a.story for a in gold.articles} == {s for s, _ in gold.stories}
    checked, missing, unchecked, messages = _checker().check(gold_path)
    assert missing == 0, messages
    assert unchecked == 0 and checked == sum(len(e.reports) for e in gold.events) + len(
        gold.nonevents
    )


@pytest.mark.parametrize(
    "name", ["merge", "articles2", "merge2", "articles3", "merge3", "articles4"]
)
def test_blind_merge_places_have_a_precision(name: str) -> None:
    gold_path = BLIND / name / "gold.jsonl"
    if not gold_path.exists():
        pytest.skip(f"{gold_path} not present")
    records = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()]
    places = [r["place"] for r in records if r["kind"] == "event" and r.get("place")]
    assert places and all(p.get("precision") in PRECISIONS for p in places)


def test_quote_checker_reports_a_quote_missing_from_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Police detained five people\non Monday.\n", encoding="utf-8")
    records = [
        {"kind": "article", "file": "a.txt", "story": "s"},
        {
            "kind": "event",
            "id": "e1",
            "event": "COERCE",
            "reports": [{"file": "a.txt", "quote": "detained five people on Monday"}],
        },
        {"kind": "nonevent", "file": "a.txt", "quote": "detained six people"},
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked, missing, _, messages = _checker().check(gold)
    assert (checked, missing) == (2, 1)
    assert "detained six people" in messages[0]
