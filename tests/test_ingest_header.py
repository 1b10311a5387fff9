"""Header/footer metadata, second round: bylines with an affiliation, date lines with a time
zone or "- Author", mastheads (never the title), captions (never the title), outlets that are
never a weekday/date/place, the outlet in PDF page footers and wire datelines.

Every article here is written for the tests (fictional places, people and outlets).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.ingest import article_from_text, iter_inputs
from newsevents.ingest.metadata import byline_author, is_outlet_name, outlet_from_text
from newsevents.model import Article
from test_ingest import BODY, make_pdf


def one(path: Path) -> Article:
    (item,) = list(iter_inputs([str(path)]))
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Ada Lind", "Ada Lind"),
        ("By Ada Lind, The Valley Bugle", "Ada Lind"),
        ("By Ada Lind, Education Reporter", "Ada Lind"),
        ("By Ada Lind, Eastport bureau", "Ada Lind"),
        ("By Ada Lind - staff writer", "Ada Lind"),
        ("By Ada Lind and Ode Brannigan, Harbour Ledger", "Ada Lind and Ode Brannigan"),
        ("By J. R. Quill Jr.", "J. R. Quill Jr."),
        # sentences that start with "By" are not bylines
        ("By Friday, the farmers had left the highway.", None),
        ("By Tuesday, the protesters had gone", None),
        ("By Noon Harbour was quiet.", None),
        ("By mid-morning pickets had formed", None),
        ("By Ada Lind, who had covered the valley for years, was not there", None),
    ],
)
def test_byline_author(line: str, author: str | None) -> None:
    assert byline_author(line) == author


@pytest.mark.parametrize(
    "header",
    [
        "By Ada Lind, The Valley Bugle\n\n",
        "By Ada Lind, Farming Correspondent\n\n",
        # glued to the first sentence: no blank line between byline and body
        "By Ada Lind, The Valley Bugle\n",
        "Water row in Lindmoor\nBy Ada Lind - staff writer\n",
    ],
)
def test_byline_goes_to_author_and_out_of_the_text(tmp_path: Path, header: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(header + BODY)
    art = one(f)
    assert art.author == "Ada Lind"
    assert art.text == BODY


@pytest.mark.parametrize(
    ("line", "date", "author"),
    [
        ("Published Monday 8 March 2021 - Ada Lind", "2021-03-08", "Ada Lind"),
        ("March 8, 2021 7:15 AM UTC", "2021-03-08", None),
        ("8 March 2021 at 10.32 GMT", "2021-03-08", None),
        ("Monday 8 March 2021, by Ada Lind", "2021-03-08", "Ada Lind"),
    ],
)
def test_date_lines_leave_the_text(line: str, date: str, author: str | None) -> None:
    art = article_from_text(f"Water row in Lindmoor\n\n{line}\n\n{BODY}")
    assert (art.title, art.published, art.author) == ("Water row in Lindmoor", date, author)
    assert art.text == BODY


@pytest.mark.parametrize(
    ("raw", "title", "outlet"),
    [
        # masthead naming the outlet (found in the footer), a menu, then the headline
        (
            "The Valley Bugle\nHome | News | Farming | Shop\n\nWater row in Lindmoor\n\n"
            f"{BODY}\n\n© The Valley Bugle 2021\n",
            "Water row in Lindmoor",
            "The Valley Bugle",
        ),
        # masthead and tagline above a menu: both are banner, the headline is below the menu
        (
            "Harbour Ledger\nNews from the coast since 1921\nPorts | Fishing | Weather\n\n"
            f"Dockworkers strike in Eastport\n\n{BODY}\n",
            "Dockworkers strike in Eastport",
            None,
        ),
        # masthead equal to the outlet a donation call names, no menu
        (
            f"The Valley Bugle\n\nWater row in Lindmoor\n\n{BODY}\n\n"
            "Make a donation to The Valley Bugle\n",
            "Water row in Lindmoor",
            "The Valley Bugle",
        ),
        # a share bar under the headline is not a menu with a masthead above it
        (
            f"Water row in Lindmoor\nShare | Tweet | Email\n\n{BODY}\n",
            "Water row in Lindmoor",
            None,
        ),
    ],
)
def test_masthead_is_never_the_title(
    tmp_path: Path, raw: str, title: str, outlet: str | None
) -> None:
    f = tmp_path / "a.txt"
    f.write_text(raw)
    art = one(f)
    assert (art.title, art.outlet) == (title, outlet)
    assert art.text == BODY


@pytest.mark.parametrize(
    "raw",
    [
        # front matter gives the title; the caption pair opens the text
        "---\ntitle: Water row\n---\nThis article is more than 2 years old\n\n"
        "Farmers on the highway\nFarmers on the highway (Photo: Ina Roe)\n\n",
        # no front matter: the headline, then the caption pair
        "Water row\n\nFarmers on the highway\nFarmers on the highway (Pic: Ina Roe)\n\n",
    ],
)
def test_caption_is_never_the_title_and_leaves_the_text(tmp_path: Path, raw: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(raw + BODY)
    art = one(f)
    assert art.title == "Water row"
    assert art.text == BODY


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("The Valley Bugle", True),
        ("Harbour Ledger", True),
        ("Thursday", False),
        ("Thursday, January", False),
        ("January", False),
        ("Baghdad", False),  # a capital: a dateline place
        ("FRANCE", False),
        ("Our", False),
    ],
)
def test_is_outlet_name(name: str, ok: bool) -> None:
    assert is_outlet_name(name) is ok


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Thursday, January 9, 2020", None),
        ("Monday, 8 March 2021: https://bugle.example/a", None),
        ("Baghdad, 8 March 2021: https://bugle.example/a", None),
        ("The Valley Bugle, 8 March 2021: https://bugle.example/a", "The Valley Bugle"),
        ("P.S. Lindmoor Review, 08.03.2021", "Lindmoor Review"),
        ("Lindmoor Review, 08.03.2021:", "Lindmoor Review"),  # the link on the next line
        # a wire dateline names its agency after the place, with or without the day
        ("KABUL (Steppe Wire) - Talks resumed on Monday.", "Steppe Wire"),
        ("KABUL, March 4 (Steppe Wire) - Talks resumed on Monday.", "Steppe Wire"),
        ("KIRKUK, Iraq, Jan. 3 (Steppe Wire) - Talks resumed.", "Steppe Wire"),
    ],
)
def test_outlet_is_never_a_weekday_date_or_place(line: str, outlet: str | None) -> None:
    assert outlet_from_text([line, *BODY.split("\n\n")]) == outlet


def test_pdf_outlet_from_page_footer_not_dateline(tmp_path: Path) -> None:
    page1 = [
        "Harbour Talks Resume in Portville",
        "Monday, March 8, 2021",
        "The two delegations met on Monday to discuss the fishing",
        "rights that both sides claim in the disputed harbour, and",
        "the mediators said the talks would continue next week in",
        "Page 1 of 2 - Copyright 2021 The Portville Gazette",
    ]
    page2 = [
        "the capital, where both delegations have offices. Neither",
        "side commented on the outcome of the first round of talks.",
        "Page 2 of 2 - Copyright 2021 The Portville Gazette",
    ]
    f = tmp_path / "a.pdf"
    f.write_bytes(make_pdf(page1, page2))
    art = one(f)
    assert art.outlet == "The Portville Gazette"
    assert art.published == "2021-03-08"
    assert "Gazette" not in art.text and "Monday, March 8" not in art.text


@pytest.mark.parametrize(
    ("domain", "outlet"),
    [
        ("harbourledger.example", "Harbour Ledger"),  # the domain spells the dateline's name
        ("www.the-harbour-ledger.example", "Harbour Ledger"),
        ("otherpaper.example", "otherpaper.example"),  # another outlet's copy: keep the domain
    ],
)
def test_record_domain_gives_way_to_the_name_it_spells(
    tmp_path: Path, domain: str, outlet: str
) -> None:
    text = "EASTPORT (Harbour Ledger) - " + BODY
    f = tmp_path / "r.jsonl"
    f.write_text(json.dumps({"maintext": text, "title": "Port strike", "source_domain": domain}))
    assert one(f).outlet == outlet


def test_signature_gives_the_author_in_reading_order() -> None:
    art = article_from_text(
        f"Water row\n\nMonday 8 March 2021, by LIND Ada\n\n{BODY}\n\nAda Lind\n"
    )
    assert art.author == "Ada Lind"
    assert art.text == BODY


@pytest.mark.parametrize(
    ("header", "title", "outlet", "author"),
    [
        (
            "Title: Dam talks stall\nSource: Valley Courier\n",
            "Dam talks stall",
            "Valley Courier",
            None,
        ),
        ("Headline: Dam talks stall\nAuthor: Ada Lind\n", "Dam talks stall", None, "Ada Lind"),
        (
            "HEADLINE: Dam talks stall\nSection: World\nURL: https://example.org/a\n",
            "Dam talks stall",
            None,
            None,
        ),
        (
            "Publication: Harbour Ledger\nWord count: 412\nLoad-Date: June 3\n",
            None,
            "Harbour Ledger",
            None,
        ),
    ],
)
def test_labelled_header_lines_are_metadata_not_text(tmp_path, header, title, outlet, author):
    path = tmp_path / "clip.txt"
    path.write_text(header + "\n" + BODY, encoding="utf-8")
    article = one(path)
    assert article.title == title
    assert article.outlet == outlet
    assert article.author == author
    first = article.text.split("\n")[0]
    assert ":" not in first.split(" ")[0], article.text[:80]


def test_a_label_in_the_body_is_article_text(tmp_path):
    """Only the header zone is read for labels, and only known labels count."""
    path = tmp_path / "q.txt"
    path.write_text("Q: Did the council vote?\n\n" + BODY, encoding="utf-8")
    assert one(path).text.startswith("Q: Did the council vote?")
