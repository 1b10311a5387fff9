"""Tests for the ingest stage: formats, bad inputs, cleaning rules, metadata from the text.

Every article here is written for the tests (fictional places and outlets).
"""

from __future__ import annotations

import io
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newsevents.errors import ConfigError, InputError
from newsevents.ingest import article_from_text, article_id, iter_inputs, read_article
from newsevents.ingest.clean import (
    chrome_reason,
    clean_text,
    parse_rules,
    remove_chrome,
    repair_hyphens,
)
from newsevents.ingest.markdown import HR, markdown_line
from newsevents.ingest.metadata import (
    date_from_text,
    normalise_date,
    outlet_from_text,
    parse_cues,
    split_front_matter,
)
from newsevents.model import Article, Skip
from newsevents.resources import read_yaml

DATA = Path(__file__).resolve().parent / "data" / "ingest"

BODY = (
    "Farmers in the fictional valley of Lindmoor blocked the main highway on Tuesday to "
    "protest against new water charges, police said.\n\n"
    "The regional government said it would meet farmers' representatives on Friday. "
    "Traffic was diverted through nearby villages for most of the day.\n\n"
    "A spokesperson for the farmers' union said the blockade would continue until the "
    "charges were withdrawn."
)


def articles(items: list[Article | Skip]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def skips(items: list[Article | Skip]) -> list[Skip]:
    return [x for x in items if isinstance(x, Skip)]


def run(paths: list[str | Path], **kw: object) -> list[Article | Skip]:
    return list(iter_inputs([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def make_pdf(lines: list[str], *more_pages: list[str]) -> bytes:
    """A minimal PDF with a text layer (Type1 Helvetica, BT/Tj/ET content streams), written by
    hand: catalog, pages, font, then one page object and one content stream per page."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    pages = [lines, *more_pages]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, page in enumerate(pages):
        body = " ".join(f"({esc(x)}) Tj T*" for x in page)
        content = f"BT /F1 11 Tf 14 TL 50 750 Td {body} ET"
        objs.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
        )
        objs.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


PDF_LINES = [
    "Harbour Talks Resume in Portville",
    "The two delegations met on Monday to discuss the infor-",
    "mation they had exchanged about the disputed harbour and",
    "the well-known fishing rights that both sides claim. The",
    "information was shared with the mediators, officials said.",
    "Negotiators from the Iranian-",
    "backed group did not attend the meeting this week at all.",
]


# --- chrome rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Downloading PDF. Please wait...", "pdf_notice"),
        ("Downloading PDF. Please wait... Issue 1234", "pdf_notice"),
        ("This article is over 4 years, 4 months old", "article_age"),
        ("This article is more than 2 years old", "article_age"),
        ("Read More", "read_more"),
        ("Read more: Why the river dispute matters", "read_more"),
        ("Latest News", "sections"),
        ("Related", "sections"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Print", "share"),
        ("Email", "share"),
        ("Subscribe to The Valley Bugle", "subscribe"),
        ("Sign up for our weekly newsletter", "subscribe"),
        ("Make a donation to The Valley Bugle", "donate"),
        ("Support our journalism", "donate"),
        ("Donate now", "donate"),
        ("We use cookies to give you the best experience.", "cookies"),
        ("Issue 1234", "issue_number"),
        ("Home", "navigation"),
        ("Skip to main content", "navigation"),
        ("(Photo: Kim Aldana)", "credit"),
        # body text stays
        ("Share prices fell sharply in Lindmoor on Monday.", None),
        ("The related charges were dropped.", None),
        ("Protesters read more than forty names aloud.", None),
        ("The issue 1234 voters cared about was water.", None),
        ("Police said the march was peaceful.", None),
        ("Home owners in the valley were evacuated on Sunday.", None),
        ("Farmers subscribe to the view that the charges are unfair.", None),
        ("x" * 200 + " Read more", None),  # too long to be chrome
    ],
)
def test_chrome_reason(line: str, reason: str | None) -> None:
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    ("lines", "kept", "reason"),
    [
        # caption repeated with a credit: both lines go
        (
            ["Farmers block the highway", "Farmers block the highway (Pic: Ada Lind)", "Body."],
            ["Body."],
            "caption",
        ),
        (
            ["Riot police near the bridge", "Riot police near the bridge (Photo: J Roe)"],
            [],
            "caption",
        ),
        # a repeated sentence (not a caption) keeps one copy
        (["The talks ended.", "The talks ended."], ["The talks ended."], "repeat"),
        # teaser of another article above a "Read more" link goes with it
        (
            ["The talks ended.", "", "Rivers of anger", "Rivers of anger again", "Read More"],
            ["The talks ended.", ""],
            "read_more_teaser",
        ),
        # a finished sentence above "Read more" is body text and stays
        (["The talks ended.", "Read more"], ["The talks ended."], "read_more"),
        # a caption needs a short line without final punctuation
        (
            ["The talks ended on Monday.", "The talks ended on Monday. (Photo: A Roe)"],
            ["The talks ended on Monday.", "The talks ended on Monday. (Photo: A Roe)"],
            None,
        ),
    ],
)
def test_remove_chrome_line_rules(lines: list[str], kept: list[str], reason: str | None) -> None:
    removed: Counter[str] = Counter()
    assert remove_chrome(lines, removed) == kept
    if reason:
        assert removed[reason] >= 1
    else:
        assert not removed


def test_clean_text_removes_chrome_and_counts_reasons() -> None:
    text = (
        "Downloading PDF. Please wait...\n"
        "This article is over 2 years, 1 month old\n"
        "Issue 987\n\n"
        f"{BODY}\n\n"
        "Latest News\n\nMake a donation to The Valley Bugle\n\nShare this article\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == BODY
    assert cleaned.removed["pdf_notice"] == 1
    assert cleaned.removed["donate"] == 1
    assert sum(cleaned.removed.values()) >= 6


def test_paragraphs_separated_by_blank_line() -> None:
    text = "Water row\nFarmers blocked the road on Tuesday.\nPolice said it was peaceful."
    cleaned = clean_text(text, chrome=False)
    assert cleaned.text.split("\n\n") == [
        "Water row",
        "Farmers blocked the road on Tuesday.",
        "Police said it was peaceful.",
    ]


def test_hard_wrapped_text_is_unwrapped() -> None:
    wrapped = (
        "Farmers in the fictional valley of Lindmoor blocked the\n"
        "main highway on Tuesday to protest against new water\n"
        "charges, police said on Tuesday evening in a statement.\n"
        "The regional government said it would meet the farmers\n"
        "on Friday.\n\n"
        "Traffic was diverted through nearby villages for most\n"
        "of the day, according to the regional police office.\n"
    )
    paras = clean_text(wrapped).text.split("\n\n")
    assert len(paras) == 2
    assert paras[0].startswith("Farmers in") and paras[0].endswith("on Friday.")
    assert "\n" not in paras[0]


def test_paragraph_broken_mid_sentence_is_joined() -> None:
    first = "The militia also fired rockets at the air base, and in recent weeks it also launched"
    text = f"{first}\n\ndrone attacks on the supply depot near the river, officials said.\n\nNext."
    paras = clean_text(text, chrome=False).text.split("\n\n")
    assert paras[0] == first + " drone attacks on the supply depot near the river, officials said."


@pytest.mark.parametrize(
    ("line", "plain"),
    [
        ("# **Water row in Lindmoor**", "Water row in Lindmoor"),
        ("## Background", "Background"),
        ("Read the [full statement](https://example.org/s) here.", "Read the full statement here."),
        ("Source: <https://example.org/a>", "Source: https://example.org/a"),
        ("**Bold** and *italic* words", "Bold and italic words"),
        ("- a bullet item", "a bullet item"),
        ("> a quoted line", "a quoted line"),
        ("![a photo](https://example.org/p.jpg)", ""),
        ("asia\\_pacific", "asia_pacific"),
        ("---", HR),
        ("- ", ""),
        ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
    ],
)
def test_markdown_line(line: str, plain: str) -> None:
    assert markdown_line(line) == plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # line-end soft hyphen
        ("They shared the infor-\nmation.", "They shared the information."),
        # proper-noun and prefix compounds survive a line-end break
        ("An Iranian-\nbacked group.", "An Iranian-backed group."),
        ("An anti-\nwar march.", "An anti-war march."),
        # the hyphenated form used elsewhere decides
        ("A long-\nrange missile and a long-range rocket.", None),
        # in-word artefacts, repaired with the document's own words
        (
            "An actual plan. The actua-l-action plan failed.",
            "An actual plan. The actual-action plan failed.",
        ),
        (
            "New policies. The climate-p-olicies debate.",
            "New policies. The climate-policies debate.",
        ),
        ("An offer came. The off-er was refused.", "An offer came. The offer was refused."),
        # real compounds stay
        ("A well-known, Iranian-backed, anti-war group.", None),
        ("The US-led coalition and the X-ray machine.", None),
        ("A well known face; a well-known face.", None),
    ],
)
def test_repair_hyphens(text: str, expected: str | None) -> None:
    out = repair_hyphens(text)
    if expected is None:
        expected = text.replace("-\n", "-")
    assert out == expected


def test_footnote_markers_and_reference_list_removed() -> None:
    text = (
        f"{BODY} The charges were announced last month [1].\n\n"
        "Footnotes\n\n"
        "[1] https://example.org/charges-announced\n\n"
        "[2] <https://example.org/another-l-ink>\n"
    )
    cleaned = clean_text(text).text
    assert "[1]" not in cleaned and "https://" not in cleaned and "Footnotes" not in cleaned
    assert cleaned.endswith("announced last month.")


def test_footer_after_rule_with_source_link_removed() -> None:
    text = (
        f"{BODY}\n\n---\n\nP.S.\n\n- The Valley Bugle, 02.03.2021:\n"
        "<https://bugle.example/water>\n"
        "- Ada Lind is a reporter covering farming.\n"
    )
    cleaned = clean_text(text).text
    assert cleaned == BODY


# --- metadata from the text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "date"),
    [
        (
            "Monday 8 March 2021, by ROE Ada (Date first published: 6 March 2021).",
            "2021-03-06",
        ),
        ("Published: 3 Jan 2021", "2021-01-03"),
        ("Published on March 4, 2021", "2021-03-04"),
        ("January 3, 2021 10:32 am", "2021-01-03"),
        ("Posted 2021-02-14", "2021-02-14"),
        ("Updated: 5 February 2021", "2021-02-05"),
        ("Friday, 12th of February 2021", "2021-02-12"),
        ("EASTPORT, Feb. 7 (Harbour Wire) - Dockworkers walked out. © 2021", "2021-02-07"),
        # a date inside the story is not the publication date
        ("The dam was opened on 3 January 2019 after years of delay.", None),
        ("EASTPORT, Feb. 7 (Harbour Wire) - Dockworkers walked out.", None),  # no year
        ("Published: 31 February 2021", None),  # impossible date
    ],
)
def test_date_from_text(header: str, date: str | None) -> None:
    assert date_from_text([header, *BODY.split("\n\n")]) == date


def test_date_in_body_narrative_ignored() -> None:
    paras = ["Water row", *BODY.split("\n\n")] * 6
    paras.insert(10, "Published: 9 May 2020")  # deep in the body, outside both zones
    assert date_from_text(paras) is None


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("Make a donation to The Valley Bugle", "The Valley Bugle"),
        ("Subscribe to Lindmoor Weekly", "Lindmoor Weekly"),
        ("Source: The Harbour Ledger", "The Harbour Ledger"),
        ("This article first appeared in The Westmarch Courier.", "The Westmarch Courier"),
        ("This article first appeared on Times of Northvale on 3 March.", "Times of Northvale"),
        ("Originally published by Valley Voice", "Valley Voice"),
        ("© 2021 The Valley Bugle. All rights reserved.", "The Valley Bugle"),
        ("Copyright 2019-2021 Eastport Daily", "Eastport Daily"),
        ("P.S. Lindmoor Review, 01.03.2021", "Lindmoor Review"),
        ("Lindmoor Review, 3 March 2021: https://review.example/a", "Lindmoor Review"),
        ("Source: bugle.example", "bugle.example"),
        ("Support our journalism", None),
        ("Subscribe to our newsletter", None),
        ("The minister said the talks would resume.", None),
    ],
)
def test_outlet_from_text(footer: str, outlet: str | None) -> None:
    assert outlet_from_text([*BODY.split("\n\n"), footer]) == outlet


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-01-03 10:32:00", "2020-01-03"),
        ("2020-01-03T10:32:00+00:00", "2020-01-03"),
        ("3 January 2020", "2020-01-03"),
        ("Jan. 3, 2020", "2020-01-03"),
        ("Fri, 03 Jan 2020 10:32:00 GMT", "2020-01-03"),
        ("not a date", None),
        (None, None),
    ],
)
def test_normalise_date(value: str | None, iso: str | None) -> None:
    assert normalise_date(value) == iso


def test_front_matter() -> None:
    meta, rest = split_front_matter("---\ntitle: Water row\noutlet: The Bugle\n---\nBody text.")
    assert meta == {"title": "Water row", "outlet": "The Bugle"}
    assert rest == "Body text."
    assert split_front_matter("---\n: [bad\n---\nBody")[0] == {}


# --- article_from_text --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels attacked the town of Eastport on Monday.",
        "Read more about the talks in Northvale tomorrow",  # no final punctuation, still kept
        "Related talks collapsed",
        "Home",
    ],
)
def test_article_from_text_never_deletes_a_lone_sentence(sentence: str) -> None:
    art = article_from_text(sentence)
    assert art.text == sentence
    assert art.title is None
    assert art.language is None  # no language detection on the cheap path


def test_article_from_text_header_and_meta() -> None:
    text = f"Water row in Lindmoor\nBy Ada Lind\nPublished: 9 March 2021\n\n{BODY}"
    art = article_from_text(text)
    assert art.title == "Water row in Lindmoor"
    assert art.author == "Ada Lind"
    assert art.published == "2021-03-09" and art.published_source == "text"
    assert art.text == BODY  # title, byline and date line are not article text
    over = article_from_text(text, published="2021-03-10", outlet="The Bugle", clean=True)
    assert over.published == "2021-03-10" and over.published_source == "metadata"
    assert over.outlet == "The Bugle"


def test_article_from_text_clean_false_keeps_text() -> None:
    text = "Read more\n\nRebels attacked   the town."
    art = article_from_text(text, clean=False)
    assert art.text == "Read more\n\nRebels attacked the town."


def test_id_is_stable_under_whitespace_and_case() -> None:
    assert article_id("Rebels  attacked\nthe town.") == article_id("rebels attacked the TOWN.")
    assert article_id("Rebels attacked the town.") != article_id("Rebels attacked a town.")
    assert re.fullmatch(r"[0-9a-f]{16}", article_id("x"))


# --- iter_inputs: formats ------------------------------------------------------------------


def test_txt_file_with_chrome(tmp_path: Path) -> None:
    raw = (
        "By Ada Lind\nDownloading PDF. Please wait... Issue 77\n\nWater row in Lindmoor\n\n"
        "This article is over 3 years, 2 months old\n"
        "Farmers on the highway\nFarmers on the highway (Pic: Ada Lind)\n\n"
        f"{BODY}\n\nLatest News\n\nMake a donation to The Valley Bugle\n"
    ).encode()
    f = tmp_path / "a.txt"
    f.write_bytes(raw)
    (art,) = run([f])
    assert isinstance(art, Article)
    assert art.text == BODY
    assert art.title == "Water row in Lindmoor"
    assert art.author == "Ada Lind"
    assert art.outlet == "The Valley Bugle"
    assert art.raw == raw
    assert art.format == "txt" and art.language == "en" and art.source == str(f)
    assert art.published is None and art.published_source is None


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_text(
        "---\ntitle: Water row\noutlet: The Valley Bugle\nurl: https://bugle.example/w\n"
        "published: 2021-03-09\nauthor: Ada Lind\n---\n"
        f"# **Water row**\n\n{BODY.replace('police said', '[police said](https://x.example)')}\n"
    )
    (art,) = run([f])
    assert isinstance(art, Article)
    assert (art.title, art.outlet, art.url) == (
        "Water row",
        "The Valley Bugle",
        "https://bugle.example/w",
    )
    assert (art.published, art.published_source, art.author) == (
        "2021-03-09",
        "metadata",
        "Ada Lind",
    )
    assert art.text == BODY and art.format == "md"


def test_override_published_and_outlet(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(f"Published: 9 March 2021\n\n{BODY}")
    (art,) = run([f], published="2021-04-01", outlet="Override Times")
    assert isinstance(art, Article)
    assert (art.published, art.published_source, art.outlet) == (
        "2021-04-01",
        "override",
        "Override Times",
    )


def test_html_malformed_page() -> None:
    (art,) = run([DATA / "broken_page.html"])
    assert isinstance(art, Article), art
    assert art.title == "Dockworkers strike in Eastport"
    assert art.outlet == "The Harbour Ledger"
    assert art.author == "Mara Quill"
    assert (art.published, art.published_source) == ("2021-03-09", "metadata")
    paras = art.text.split("\n\n")
    assert paras[0].startswith("Dockworkers in the fictional port city")
    assert any(p.startswith("Police said the protest") for p in paras)
    assert "cookies" not in art.text and "Subscribe" not in art.text
    assert "Dockworkers strike in Eastport" not in paras  # the title is not text


def test_html_title_known_first_paragraph_kept(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    lead = "Dockworkers in Eastport walked out on Tuesday, their union said"  # no final stop
    paras = "".join(f"<p>{x}</p>" for x in [lead, *BODY.split("\n\n")])
    f.write_text(f"<html><head><title>Port strike</title></head><body><article>{paras}")
    (art,) = run([f])
    assert isinstance(art, Article) and art.title == "Port strike"
    assert art.text.startswith(lead)


def test_html_multibyte_character_at_sniff_boundary(tmp_path: Path) -> None:
    f = tmp_path / "p.html"
    head = "<html><head><title>Port strike</title></head><body><!--"
    pad = "x" * (8191 - len(head.encode()))
    f.write_text(f"{head}{pad}é--><article><p>{BODY}</p></article></body></html>")
    (art,) = run([f])
    assert isinstance(art, Article), art


def test_html_without_article_text(tmp_path: Path) -> None:
    f = tmp_path / "index.html"
    f.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (skip,) = run([f])
    assert isinstance(skip, Skip) and "text" in skip.reason


def test_pdf_with_text_layer_and_hyphenation(tmp_path: Path) -> None:
    f = tmp_path / "a.pdf"
    f.write_bytes(make_pdf(PDF_LINES))
    (art,) = run([f])
    assert isinstance(art, Article), art
    assert art.format == "pdf" and art.title == "Harbour Talks Resume in Portville"
    assert "the information they had exchanged" in art.text
    assert "well-known" in art.text and "Iranian-backed group" in art.text
    assert "\n" not in art.text  # one paragraph, wrapped lines joined


def test_pdf_pages_running_header_and_page_numbers(tmp_path: Path) -> None:
    page1 = [
        "The Portville Gazette - March 2021",
        "Harbour Talks Resume in Portville",
        "The two delegations met on Monday to discuss the fishing",
        "rights that both sides claim in the disputed harbour, and",
        "the mediators said the talks would continue next week in",
        "Page 1 of 2",
    ]
    page2 = [
        "The Portville Gazette - March 2021",
        "the capital, where both delegations have offices. Neither",
        "side commented on the outcome of the first round of talks.",
        "Page 2 of 2",
    ]
    f = tmp_path / "two.pdf"
    f.write_bytes(make_pdf(page1, page2))
    (art,) = run([f])
    assert isinstance(art, Article), art
    assert "Gazette" not in art.text and "Page" not in art.text
    assert art.title == "Harbour Talks Resume in Portville"
    assert "next week in the capital, where" in art.text  # joined across the page break
    assert "\n" not in art.text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(612, 792)
    f = tmp_path / "scan.pdf"
    with f.open("wb") as fh:
        w.write(fh)
    (skip,) = run([f])
    assert skip == Skip(str(f), "PDF has no text layer (scanned?); run OCR first")


def test_pdf_encrypted(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    src = tmp_path / "plain.pdf"
    src.write_bytes(make_pdf(PDF_LINES))
    w = PdfWriter()
    for page in PdfReader(src).pages:
        w.add_page(page)
    w.encrypt("secret", algorithm="RC4-128")
    f = tmp_path / "locked.pdf"
    with f.open("wb") as fh:
        w.write(fh)
    (skip,) = run([f])
    assert isinstance(skip, Skip) and "encrypted" in skip.reason


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not really a pdf\n", make_pdf(PDF_LINES)[:300]],
)
def test_pdf_corrupt(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "bad.pdf"
    f.write_bytes(data)
    (skip,) = run([f])
    assert isinstance(skip, Skip)
    assert "PDF" in skip.reason and "\n" not in skip.reason


def test_jsonl_records(tmp_path: Path) -> None:
    path = DATA / "records.jsonl"
    items = run([path])
    assert [x.source for x in items] == [f"{path}#L{n}" for n in (1, 2, 3, 4)]
    a1, s2, s3, a4 = items
    assert isinstance(a1, Article) and isinstance(a4, Article)
    assert isinstance(s2, Skip) and "not JSON" in s2.reason
    assert isinstance(s3, Skip) and "no article text" in s3.reason
    # news-please fields
    assert (a1.title, a1.outlet, a1.author, a1.published) == (
        "Border talks stall in Northvale",
        "valleyherald.example",
        "Ode Brannigan",
        "2022-06-10",
    )
    assert a1.url == "https://valleyherald.example/talks" and a1.published_source == "metadata"
    assert not a1.text.startswith("Border talks stall")  # title line not repeated in text
    assert len(a1.text.split("\n\n")) == 2
    assert a1.raw == path.read_bytes().splitlines()[0]
    # trafilatura fields
    assert (a4.outlet, a4.author, a4.published) == (
        "The Westmarch Courier",
        "Ina Roe",
        "2022-06-12",
    )


def test_json_single_and_list(tmp_path: Path) -> None:
    rec = {"title": "Water row", "text": BODY, "date": "2021-03-09", "sitename": "The Bugle"}
    one = tmp_path / "one.json"
    one.write_text(json.dumps(rec))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([rec, {"title": "empty"}], indent=1))
    a, b, s = run([one, many])
    assert isinstance(a, Article) and a.source == str(one) and a.format == "json"
    assert isinstance(b, Article) and b.source == f"{many}#1" and b.id == a.id
    assert json.loads(b.raw) == rec
    assert isinstance(s, Skip) and s.source == f"{many}#2" and "no article text" in s.reason


def test_same_article_two_paths_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.md").write_text(BODY.replace(" ", "  ").replace("\n\n", "\n\n\n"))
    a, b = run([tmp_path])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id and a.source != b.source


@pytest.mark.parametrize(
    ("data", "fmt", "sources"),
    [
        (BODY.encode(), "txt", ["-"]),
        (
            "<html><body><article><p>{}</p></article></body></html>".format(
                "</p><p>".join(BODY.split("\n\n"))
            ).encode(),
            "html",
            ["-"],
        ),
        (json.dumps({"text": BODY}).encode(), "json", ["-"]),
        (json.dumps({"text": BODY}, indent=2).encode(), "json", ["-"]),
        (
            (json.dumps({"text": BODY}) + "\nnot json\n" + json.dumps({"text": BODY})).encode(),
            "jsonl",
            ["-#L1", "-#L2", "-#L3"],
        ),
        (make_pdf(PDF_LINES), "pdf", ["-"]),
    ],
)
def test_stdin_formats(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, sources: list[str]
) -> None:
    class FakeStdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    items = run(["-"])
    assert [x.source for x in items] == sources
    arts = articles(items)
    assert arts and all(a.format == fmt and a.raw for a in arts)
    if fmt != "pdf":
        assert all(a.text == BODY for a in arts)


def test_stdin_over_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(BODY.encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    (skip,) = run(["-"], max_bytes=50)
    assert isinstance(skip, Skip) and "over the" in skip.reason


def test_directory_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(BODY + " Second.")
    (tmp_path / "1.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY + " Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY + " Git.")
    items = run([tmp_path])
    assert [x.source for x in items] == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


# --- iter_inputs: bad inputs ----------------------------------------------------------------

GERMAN = (
    "Die Bauern im Tal von Lindmoor haben am Dienstag die Hauptstraße blockiert, um gegen "
    "neue Wassergebühren zu protestieren, teilte die Polizei mit. Die Regierung sagte, sie "
    "werde sich am Freitag mit den Vertretern der Bauern treffen."
)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("bad.txt", b"\xff\xfe\xfd" + b"\x81\x82\x83\x84\x85" * 20, "UTF-8"),
        ("noise.txt", bytes(range(128, 256)) * 4, "not valid UTF-8"),
        ("de.txt", GERMAN.encode(), "article language is 'de', only English is supported"),
        ("short.txt", b"Read more", "after cleaning"),
        ("bad.json", b"{not json", "not valid JSON"),
        ("list.json", b"[]", "JSON list is empty"),
        ("notext.json", b'{"title": "Water row"}', "no article text"),
        ("num.json", b"42", "not an object"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("odd.bin", b"\x00\x01\x02\x03" * 10, "binary file"),
    ],
)
def test_bad_inputs_become_skips(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text(BODY)
    items = run([f, good])
    assert isinstance(items[0], Skip), items[0]
    assert reason in items[0].reason
    assert "\n" not in items[0].reason
    assert isinstance(items[-1], Article)  # the batch goes on


def test_short_english_text_not_skipped_as_foreign(tmp_path: Path) -> None:
    f = tmp_path / "short.txt"
    f.write_text("Rebels seized Eastport on Monday, officials said.")
    (art,) = run([f])
    assert isinstance(art, Article)


def test_text_is_unicode_nfc(tmp_path: Path) -> None:
    f = tmp_path / "nfd.txt"
    f.write_text(BODY.replace("fictional", "fictional cafe\u0301-lined"))
    (art,) = run([f])
    assert isinstance(art, Article) and "café-lined" in art.text


def test_latin1_text_is_accepted_when_plausible(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    text = BODY.replace("fictional", "fictional café-lined")
    f.write_bytes(text.encode("cp1252"))
    (art,) = run([f])
    assert isinstance(art, Article) and "café-lined" in art.text


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    (tmp_path / "b.txt").write_bytes(BODY.encode("utf-16"))
    a, b = run([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.text == BODY == b.text


def test_big_file_skipped_quickly(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    with f.open("wb") as fh:
        line = (BODY.replace("\n\n", " ") + "\n").encode()
        for _ in range(50_000_000 // len(line) + 1):
            fh.write(line)
    start = time.perf_counter()
    (skip,) = run([f])
    assert time.perf_counter() - start < 1.0
    assert isinstance(skip, Skip) and "over the 20.0 MB limit" in skip.reason


def test_max_bytes_applies_per_jsonl_line(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    rec = json.dumps({"text": BODY})
    f.write_text(rec + "\n" + json.dumps({"text": BODY * 20}) + "\n")
    a, s = run([f], max_bytes=len(rec) + 10)
    assert isinstance(a, Article) and isinstance(s, Skip) and s.source == f"{f}#L2"


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("missing", "path does not exist"),
        ("empty_dir", "directory has no readable files"),
        ("hidden_only", "directory has no readable files"),
        ("junk_dir", "directory has no readable articles"),
    ],
)
def test_bad_paths(tmp_path: Path, setup: str, reason: str) -> None:
    target = tmp_path / setup
    if setup != "missing":
        target.mkdir()
    if setup == "hidden_only":
        (target / ".x.txt").write_text(BODY)
    if setup == "junk_dir":
        (target / "a.txt").write_bytes(b"")
        (target / "b.bin").write_bytes(b"\x00\x00")
    items = run([target])
    assert isinstance(items[-1], Skip) and reason in items[-1].reason
    assert items[-1].source == str(target)


def test_read_article_raises_input_error(tmp_path: Path) -> None:
    f = tmp_path / "e.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read_article(f)
    g = tmp_path / "g.txt"
    g.write_text(BODY)
    assert read_article(g).text == BODY


# --- data files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("fragments"),
        lambda d: d.__setitem__("fragments", {"x": []}),
        lambda d: d.__setitem__("fragments", {"x": ["(unclosed"]}),
        lambda d: d.__setitem__("max_chrome_line", -1),
        lambda d: d.__setitem__("compound_prefixes", "anti"),
    ],
)
def test_chrome_rules_shape_check(mutate: object) -> None:
    from newsevents.ingest.clean import data_file

    data = read_yaml(data_file("chrome.yaml"))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(ConfigError):
        parse_rules(data)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("months"),
        lambda d: d.__setitem__("months", {"jan": 13}),
        lambda d: d.__setitem__("date_cues", [{"name": "x"}]),
        lambda d: d.__setitem__("outlet_connectors", ["of", True]),
        lambda d: d.__setitem__("byline", "(bad"),
    ],
)
def test_metadata_cues_shape_check(mutate: object) -> None:
    from newsevents.ingest.clean import data_file

    data = read_yaml(data_file("metadata.yaml"))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(ConfigError):
        parse_cues(data)


# --- the real seed articles (general properties only) ----------------------------------------


def test_seeds_clean_properties(seeds: list[Path]) -> None:
    items = run(seeds)
    arts = articles(items)
    assert len(arts) == len(seeds), skips(items)
    for art in arts:
        paras = art.text.split("\n\n")
        assert all(p == p.strip() and p for p in paras)
        assert not re.search(r"please wait|read more|latest news|make a donation", art.text, re.I)
        assert not re.search(r"https?://|\[\d+\]|years?, \d+ months? old", art.text)
        assert art.title and art.title not in paras
        assert art.outlet and art.language == "en"
        assert len(art.text) > 2000
    by_name = {Path(a.source).name[:3]: a for a in arts}
    if "003" in by_name:
        assert (by_name["003"].published, by_name["003"].published_source) == (
            "2020-01-03",
            "text",
        )
