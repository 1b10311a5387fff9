"""Property-based tests: any text or bytes in, no exception out, and the outputs' invariants.

The fuzz targets (``make fuzz``) reuse the strategies here with many more examples.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents import nlp as nlp_mod
from newsevents.errors import InputError
from newsevents.ingest import article_from_text, iter_inputs
from newsevents.ingest.clean import clean_text, normalise_lines, repair_hyphens
from newsevents.ingest.decoding import decode, json_depth, loads, sniff_format
from newsevents.ingest.markdown import markdown_line
from newsevents.ingest.readers import from_plain, from_record
from newsevents.model import Article, Skip
from newsevents.resolve.time import find_times

# text that exercises the cleaners: markdown and layout characters among words
MARKUP = st.text(
    alphabet=st.sampled_from(
        list("ab Z-\n\r\t*_[]()!#>|•/:.,'\"0123456789") + ["\u00a0", "\u200b", "\x1b", "é"]
    ),
    max_size=300,
)
ANY_TEXT = st.one_of(st.text(max_size=300), MARKUP)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)
# words the time grammar reads, in any order
TIME_WORDS = st.lists(
    st.sampled_from(
        [
            "on",
            "in",
            "at",
            "the",
            "last",
            "next",
            "this",
            "week",
            "month",
            "year",
            "day",
            "ago",
            "before",
            "after",
            "since",
            "until",
            "Monday",
            "Friday",
            "Sunday",
            "January",
            "March",
            "December",
            "1",
            "3",
            "12",
            "31",
            "2019",
            "2020",
            "1999",
            "-",
            ",",
            ".",
            "/",
            "morning",
            "evening",
            "earlier",
            "later",
            "two",
            "three",
            "dozen",
            "early",
            "late",
            "mid",
            "end",
            "of",
            "between",
            "and",
            "said",
            "police",
            "arrested",
            "protesters",
            "yesterday",
            "today",
            "tomorrow",
        ]
    ),
    max_size=25,
).map(" ".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@FAST
@given(ANY_TEXT)
def test_markdown_line_and_normalise_lines_never_fail(text):
    lines = normalise_lines(text)
    assert all("\n" not in x and "\r" not in x for x in lines)
    for line in lines:
        assert "\n" not in markdown_line(line)


@FAST
@given(ANY_TEXT)
def test_clean_text_gives_clean_paragraphs(text):
    out = clean_text(text).text
    assert "\r" not in out
    for para in out.split("\n\n"):
        assert para == " ".join(para.split())


@FAST
@given(ANY_TEXT)
def test_repair_hyphens_only_removes_hyphens_and_newlines(text):
    out = repair_hyphens(text)
    assert out.replace("-", "").replace("\n", "") == text.replace("-", "").replace("\n", "")


@FAST
@given(ANY_TEXT)
def test_from_plain_never_fails(text):
    parts = from_plain(text)
    assert "\r" not in parts.text


@FAST
@given(st.binary(max_size=400))
def test_decode_and_sniff_any_bytes(data):
    assert sniff_format(data) in {"pdf", "html", "json", "jsonl", "txt"}
    with contextlib.suppress(InputError):
        assert isinstance(decode(data), str)


@FAST
@given(JSON)
def test_json_depth_counts_nesting(value):
    text = json.dumps(value)
    assert json_depth(text) == _depth(value)
    assert loads(text) == value


@FAST
@given(st.text(alphabet=st.sampled_from(list('[]{}"\\,:a1 ')), max_size=200))
def test_loads_any_text_is_a_value_or_a_clear_error(text):
    with contextlib.suppress(ValueError, InputError):
        loads(text)


@FAST
@given(JSON)
def test_from_record_any_json_is_parts_or_input_error(value):
    try:
        parts = from_record(value)
    except InputError:
        return
    assert isinstance(parts.text, str)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl", ".pdf", ""])
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.one_of(st.binary(max_size=300), MARKUP.map(str.encode)))
def test_any_file_is_articles_or_skips(tmp_path, suffix, data):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    for item in iter_inputs([str(path)]):
        assert isinstance(item, (Article, Skip))
        if isinstance(item, Skip):
            assert item.reason.strip() and "\n" not in item.reason


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=TIME_WORDS, published=st.sampled_from([None, "2020-01-15", "2019-12-31"]))
def test_time_grammar_any_words(nlp, time_vocab, text, published):
    if not text.strip():
        return
    article = article_from_text(text, published=published, clean=False)
    (doc,) = nlp_mod.parse_articles([article], nlp)
    assert not isinstance(doc, Skip)
    for sent in doc.sentences:
        assert sent.of(doc.article.text).strip()
    for t in find_times(doc, time_vocab):
        assert 0 <= t.span.start < t.span.end <= len(doc.article.text)
        assert t.span.of(doc.article.text).strip()
        assert re.fullmatch(r"-?\d{4}(-\d{2}(-\d{2})?)?", t.value), t.value


REGRESSIONS = sorted(
    p for p in (Path(__file__).parent / "fuzz_regressions").iterdir() if p.name != "README.md"
)


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_fuzz_regressions_are_kept(path):
    """Inputs that once crashed, hung or lost their file (tests/fuzz_regressions/)."""
    start = time.perf_counter()
    items = list(iter_inputs([str(path)]))
    assert items and all(isinstance(x, (Article, Skip)) for x in items)
    for item in items:
        if isinstance(item, Skip):
            assert "could not be read" not in item.reason and "\n" not in item.reason
    assert time.perf_counter() - start < 10
