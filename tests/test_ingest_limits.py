"""Limits on untrusted input: linear cleaning, bounded JSON, a character cap, isolated parses."""

from __future__ import annotations

import json
import time

import pytest

from newsevents import nlp as nlp_mod
from newsevents.ingest import iter_inputs
from newsevents.ingest.clean import clean_text, repair_hyphens
from newsevents.ingest.decoding import MAX_JSON_DEPTH, json_depth, loads
from newsevents.ingest.readers import MAX_ARTICLE_CHARS, from_plain
from newsevents.model import Article, Document, Skip

PROSE = (
    "The interior minister said on Tuesday that police had arrested twelve people in the port. "
    "Opposition leaders called for a general strike after the vote in parliament was delayed.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,  # the hyphen-repair regex once took 14 s on 40,000 letters
        "a" * 200_000 + "-\nb",
        "[" * 200_000,
        "[a" * 100_000,
        "![" * 100_000,
        "**a " * 50_000,
        "__a " * 50_000,
        "# " * 100_000,
        "ab-\n" * 50_000,
    ],
    ids=["letters", "letters-hyphen", "brackets", "links", "images", "bold", "under", "hashes",
         "hyphen-lines"],
)  # fmt: skip
def test_cleaning_long_hostile_lines_is_fast(text):
    start = time.perf_counter()
    from_plain(text)
    assert time.perf_counter() - start < 10  # quadratic cleaning took minutes here


def test_line_end_hyphen_repair_still_works():
    text = "The infor-\nmation was shared with the public and the information was new."
    assert "information was shared" in repair_hyphens(text)


@pytest.mark.parametrize(
    ("text", "depth"),
    [("{}", 1), ('{"a": [1, {"b": []}]}', 4), ('"[[[["', 0), ('["\\"[[", [[]]]', 3)],
)
def test_json_depth(text, depth):
    assert json_depth(text) == depth


def test_deep_json_is_refused_before_parsing():
    with pytest.raises(Exception, match="nested more than"):
        loads("[" * 100_000 + "]" * 100_000)
    assert loads("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH) is not None


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_deep_json_files_are_skips_and_the_next_line_is_read(tmp_path, name):
    path = tmp_path / name
    good = json.dumps({"text": PROSE * 3, "title": "T"})
    path.write_text("[" * 1000 + "]" * 1000 + ("\n" + good + "\n" if name.endswith("l") else ""))
    items = list(iter_inputs([str(path)]))
    assert isinstance(items[0], Skip) and "nested" in items[0].reason
    if name.endswith("l"):
        assert isinstance(items[1], Article)


def test_an_article_over_the_cap_is_a_skip_with_the_reason(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(PROSE * (MAX_ARTICLE_CHARS // len(PROSE) + 5))
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Skip) and "over the 1,000,000 limit" in item.reason


def test_parse_skips_a_text_over_the_parsers_limit_and_parses_the_rest(nlp):
    long = Article(id="l", source="long", format="txt", text="word " * (nlp.max_length // 5 + 1))
    good = Article(id="g", source="good", format="txt", text=PROSE)
    out = list(nlp_mod.parse_articles([long, good], nlp))
    assert isinstance(out[0], Skip) and "parser's limit" in out[0].reason
    assert isinstance(out[1], Document) and out[1].article.source == "good"


@pytest.mark.parametrize("glue", ["\n\n", " "])
def test_a_long_text_is_parsed_in_pieces_that_keep_every_offset(nlp, monkeypatch, glue):
    # A small threshold makes a short text "long": the pieces are cut at line breaks, or at
    # spaces in a text with none, and joined into one Doc of exactly the same text.
    monkeypatch.setattr(nlp_mod, "LONG_TEXT_CHARS", 400)
    text = glue.join(PROSE.strip() for _ in range(6))
    whole, pieces = nlp(text), nlp_mod.parse_text(text, nlp)
    assert pieces.text == text
    assert [t.text for t in pieces] == [t.text for t in whole]
    assert len(list(pieces.sents)) >= len(list(whole.sents))
    assert {(e.text, e.label_) for e in pieces.ents} >= {("twelve", "CARDINAL")}


def test_a_long_article_codes_the_same_events_as_its_parts(analyze, monkeypatch):
    # Memory stays bounded for long articles because they are parsed in pieces; the events
    # coded from an article parsed in pieces are those of the article parsed whole.
    text = "".join(PROSE for _ in range(4))
    whole = analyze(text)
    monkeypatch.setattr(nlp_mod, "LONG_TEXT_CHARS", 300)
    pieces = analyze(text)
    kinds = sorted((m.event, m.trigger.start) for m in whole.events)
    assert kinds and sorted((m.event, m.trigger.start) for m in pieces.events) == kinds


def test_one_article_failing_in_the_parser_does_not_lose_its_batch():
    import spacy
    from spacy.language import Language

    @Language.component("fails_on_poison")
    def fails_on_poison(doc):
        if "poison" in doc.text:
            raise ValueError("poisoned text")
        return doc

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.add_pipe("fails_on_poison")
    arts = [
        Article(id=str(i), source=f"s{i}", format="txt", text=t)
        for i, t in enumerate([PROSE, PROSE + " poison", PROSE])
    ]
    out = list(nlp_mod.parse_articles(arts, blank, batch_size=3))
    assert [type(x).__name__ for x in out] == ["Document", "Skip", "Document"]
    assert "poisoned text" in out[1].reason


def test_crlf_front_matter_is_read():
    text = "---\r\ntitle: Line Ends\r\noutlet: Crlf Daily\r\n---\r\n" + PROSE.replace("\n", "\r\n")
    parts = from_plain(text)
    assert parts.title == "Line Ends" and parts.outlet == "Crlf Daily"
    assert "title:" not in parts.text


def test_crlf_and_lf_files_are_one_article(tmp_path):
    (tmp_path / "lf.md").write_text("---\ntitle: T\n---\n" + PROSE)
    (tmp_path / "crlf.md").write_bytes(("---\r\ntitle: T\r\n---\r\n" + PROSE).encode())
    a, b = iter_inputs([str(tmp_path)])
    assert isinstance(a, Article) and isinstance(b, Article) and a.id == b.id


def test_yaml_aliases_in_front_matter_do_not_expand():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for n in "bcdefgh":
        bomb += f"{n}: &{n} [{', '.join([f'*{prev}'] * 9)}]\n"
        prev = n
    start = time.perf_counter()
    from_plain(bomb + "title: *h\n---\n" + PROSE)
    assert time.perf_counter() - start < 5


def test_html_deeper_than_the_parser_limit_says_so(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 400 + f"<p>{PROSE}</p>" + "</div>" * 400)
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Skip) and "nested more than" in item.reason


def test_broken_pdf_is_a_skip_and_pypdf_says_nothing(tmp_path, capfd):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer <<>>\n")
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Skip)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_mostly_symbols_is_a_skip():
    from newsevents.ingest.readers import Parts, build

    with pytest.raises(Exception, match="mostly symbols"):
        build(Parts(text="[" * 5000 + " " + PROSE), source="x", fmt="txt", raw=b"")


def test_lone_surrogates_are_replaced(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"title": "T \ud800", "text": PROSE + "Lone \udfff here. " + PROSE}))
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, Article)
    item.text.encode("utf-8")
    assert "\ufffd" in item.text and item.title == "T \ufffd"


def test_clean_text_keeps_a_sentence():
    assert clean_text("Police arrested twelve people.").text == "Police arrested twelve people."
