"""The same body under other chrome or headline is one article with two reports (issue 13)."""

from __future__ import annotations

import html
import sqlite3

import pytest

from newsevents import api, fingerprint

BODY = [
    "Police in the northern port city detained fourteen dock workers on Thursday after a strike "
    "over unpaid wages closed the container terminal for a third day.",
    "The transport minister accused the union of holding the national economy hostage and said "
    "the government would not negotiate while the terminal stayed shut.",
    "Union leaders called for a nationwide stoppage next week and demanded the release of the "
    "detained men, who they said had been beaten in custody.",
    "Shipping companies diverted at least nine vessels to a neighbouring port, and exporters "
    "warned that perishable cargo worth millions was at risk.",
]


def _as_text(body: list[str]) -> str:
    header = "---\ntitle: Dock strike spreads\npublished: 2024-03-08\n---\n"
    return header + "\n\n".join(body) + "\n"


def _as_page(body: list[str]) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    return (
        "<html><head><title>Dock strike spreads | The Harbour Post</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>Dock strike spreads as police detain workers</h1>{paras}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )


def test_a_body_with_other_chrome_is_nearly_the_same_and_others_are_not():
    text = "\n\n".join(BODY)
    chrome = "Dock strike spreads as police detain workers\n\nAdvertisement\n\n" + text
    a, b = fingerprint.signature(text), fingerprint.signature(chrome)
    other = fingerprint.signature(" ".join(reversed(BODY[1:])) + " The port reopened on Monday.")
    assert a is not None and b is not None and other is not None
    assert fingerprint.similarity(a, b) >= fingerprint.SAME_BODY
    assert fingerprint.similarity(a, other) < fingerprint.SAME_BODY
    assert fingerprint.signature("Too short to compare.") is None


def test_the_estimate_follows_the_share_of_word_runs_in_common():
    # two texts with the same first half and reworded second half share two thirds of their
    # 5-word runs (0.66); an estimate of 0 or 1 would mean the 64 hash orders are not independent
    other = [p.replace("the", "a").replace("port", "harbour") for p in BODY[2:]]
    a = fingerprint.signature("\n\n".join(BODY))
    b = fingerprint.signature("\n\n".join(BODY[:2] + other))
    assert a is not None and b is not None
    assert 0.45 < fingerprint.similarity(a, b) < fingerprint.SAME_BODY


@pytest.mark.slow
@pytest.mark.parametrize("one_run", [True, False])
def test_the_same_article_as_a_page_and_as_text_is_stored_once(tmp_path, db_path, one_run):
    (tmp_path / "in").mkdir()
    txt, page = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.html"
    txt.write_text(_as_text(BODY))
    page.write_text(_as_page(BODY))
    alone = api.analyze([str(txt)], tmp_path / "alone.db")
    if one_run:
        both = api.analyze([str(tmp_path / "in")], db_path)
        assert both.stored == 1 and both.already == 1 and both.events == alone.events
    else:
        api.analyze([str(txt)], db_path)
        again = api.analyze([str(page)], db_path)
        assert again.stored == 0 and again.already == 1 and again.reports == 1
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == alone.events
    assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 2


@pytest.mark.slow
def test_a_story_rewritten_with_new_paragraphs_stays_its_own_article(tmp_path, db_path):
    first, update = tmp_path / "first.txt", tmp_path / "update.txt"
    first.write_text(_as_text(BODY))
    extra = [
        "By Saturday the stoppage had spread to two airports, where baggage handlers walked out.",
        "The prime minister appealed for calm and offered talks with union leaders on Monday.",
        "Riot police used tear gas to clear a picket line outside the main railway station.",
    ]
    update.write_text(_as_text(BODY[:2] + extra + BODY[2:3]))
    summary = api.analyze([str(first), str(update)], db_path)
    assert summary.stored == 2
