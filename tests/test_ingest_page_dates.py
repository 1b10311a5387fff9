"""A page's date is kept only where the page states it (issue 13: "HTML dated 2012")."""

from __future__ import annotations

import pytest

from newsevents.ingest.page_dates import stated_days
from newsevents.ingest.webpage import from_html

PARAS = "".join(
    f"<p>{p}</p>"
    for p in (
        "The regional assembly voted on Tuesday to postpone the local elections by six months, "
        "citing the damage left by the spring floods in three provinces.",
        "Opposition members walked out of the chamber before the vote and said they would "
        "challenge the decision in the constitutional court within the week.",
        "The governor said polling stations in the flooded districts could not be ready in time "
        "and promised that the new date would be fixed by the end of the month.",
    )
)


def _page(head: str = "", before: str = "", after: str = "") -> bytes:
    return (
        f"<html><head><title>Assembly delays vote</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Assembly delays vote</h1>{before}"
        f"{PARAS}</article>{after}<footer>&copy; 2012 The Valley Courier</footer></body></html>"
    ).encode()


SIDEBAR = (
    "<aside><h2>Related</h2><a href='/2012/05/01/old'>Earlier floods</a> "
    "<time datetime='2012-05-01'>1 May 2012</time></aside>"
)


@pytest.mark.parametrize(
    ("page", "day"),
    [
        (_page(after=SIDEBAR), None),
        (_page(head="<meta property='article:published_time' content='2024-04-16T08:00:00Z'>",
               after=SIDEBAR), "2024-04-16"),
        (_page(before="<p class='byline-date'>Published 16 April 2024</p>", after=SIDEBAR),
         "2024-04-16"),
        (_page(head='<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                    '"datePublished": "2024-04-16T09:30:00+02:00"}]}</script>', after=SIDEBAR),
         "2024-04-16"),
        (_page(before="<time datetime='2024-04-16T07:00'>16 April 2024</time>", after=SIDEBAR),
         "2024-04-16"),
    ],
    ids=["only-a-sidebar-date", "meta", "byline-class", "json-ld", "time-in-article"],
)  # fmt: skip
def test_a_page_is_dated_only_by_its_own_date(page, day):
    assert from_html(page).published == day


def test_a_date_in_the_canonical_url_is_a_stated_date():
    page = _page(head="<link rel='canonical' href='https://example.org/2024/04/16/vote'>")
    assert "2024-04-16" in stated_days(page)


def test_a_broken_page_states_no_date():
    assert stated_days(b"\x00\x01") == set()
