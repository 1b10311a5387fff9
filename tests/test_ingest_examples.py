"""The project's sample corpus (examples/articles, gold in examples/gold.jsonl) read as an
analyst would: every gold quote is in the clean text of its file, and each article's outlet,
publication date, title and author come out right, with no chrome left in the text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsevents.ingest import iter_inputs
from newsevents.ingest.metadata import byline_author
from newsevents.model import Article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "examples" / "gold.jsonl"


def _gold() -> list[dict[str, Any]]:
    if not GOLD.is_file():
        return []
    return [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]


def _quotes() -> list[tuple[str, str, str]]:
    """(kind, file, quote) for every event report and every nonevent."""
    out = []
    for rec in _gold():
        if rec.get("kind") == "nonevent":
            out.append(("nonevent", rec["file"], rec["quote"]))
        for rep in rec.get("reports") or ():
            out.append((rec["kind"], rep["file"], rep["quote"]))
    return out


@cache
def corpus() -> dict[str, Article]:
    """Clean articles of examples/articles keyed by gold file name ("path#L<n>" for JSONL)."""
    arts = {}
    for item in iter_inputs([str(ROOT / "examples" / "articles")]):
        assert isinstance(item, Article), item
        arts[Path(item.source).relative_to(ROOT).as_posix()] = item
    return arts


def _raw_line(file: str, quote: str) -> str | None:
    """The line of the input file holding ``quote`` (None if no line does)."""
    path, _, line_no = file.partition("#L")
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    if line_no:
        lines = [lines[int(line_no) - 1]]
    return next((x for x in lines if quote in x), None)


@pytest.mark.parametrize(("kind", "file", "quote"), _quotes())
def test_gold_quote_is_in_the_clean_text(kind: str, file: str, quote: str) -> None:
    art = corpus().get(file)
    assert art is not None, f"{file} was not ingested"
    if quote in art.text:
        return
    # a nonevent may be chrome (a headline listed under "Latest news"): then it must be gone
    # from the text because the cleaner removed its line, which is a short headline line
    assert kind == "nonevent", f"event quote missing from {file}: {quote!r}"
    line = _raw_line(file, quote)
    assert line is not None, f"nonevent quote is in neither the text nor the file: {quote!r}"
    line = line.strip(" -*")
    assert len(line) <= 120 and line[-1] not in ".;:,", f"a body line was removed: {line!r}"


ARTICLES = [r for r in _gold() if r.get("kind") == "article"]


@pytest.mark.parametrize("rec", ARTICLES, ids=[r["file"] for r in ARTICLES])
def test_article_metadata_and_clean_text(rec: dict[str, Any]) -> None:
    art = corpus()[rec["file"]]
    assert art.outlet == rec["outlet"]
    assert art.published == rec["published"]
    assert art.language == "en"
    # the title is the headline: not the masthead, not a caption, not in the text
    assert art.title and art.title != art.outlet and "(Photo:" not in art.title
    paras = art.text.split("\n\n")
    assert art.title not in paras
    # bylines went to the author; no stray layout hyphen; no chrome left
    assert art.author
    assert not any(byline_author(p) for p in paras)
    assert not re.search(r"\b[a-z]{3,}-(?:ed|ing|ly)\b", art.text)
    assert not re.search(
        r"(?im)^(latest news|most read|related( stories)?|read more\b.*|©.*|\(reporting by.*)$",
        art.text,
    )
    assert not any(" | " in p and len(p) < 80 for p in paras)  # menus
