"""The workbench in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Never ``playwright install``: the browser comes from apt (``.ci/run`` installs it).
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')"
)
uvicorn = pytest.importorskip("uvicorn")

from newsevents.web import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(400):
        if server.started:
            break
        time.sleep(0.025)
    assert server.started, "the workbench did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base(workbench_db: Path) -> Iterator[str]:
    yield from _serve(workbench_db)


@pytest.fixture(scope="module")
def hostile_base(hostile_db: Path) -> Iterator[str]:
    yield from _serve(hostile_db)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors and dialogs (script execution)."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(accept_downloads=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()


PAGES = ["/", "/events", "/articles", "/dyads", "/map", "/stories", "/compare"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_clean(base: str, watched: Watched, path: str) -> None:
    page = watched.page
    response = page.goto(base + path)
    assert response is not None and response.status == 200
    assert page.locator("h1").first.is_visible()
    assert page.locator("header nav a.active").count() == 1
    assert watched.errors == [], "console errors (a CSP violation shows here too)"


def test_filter_changes_table_and_chart(base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base + "/events?per=200")
    all_rows = page.locator("#events-table tbody tr").count()
    groups_before = set(
        page.locator("#events-chart rect.bar").evaluate_all("els => els.map(e => e.dataset.group)")
    )
    assert len(groups_before) > 3
    page.select_option("select[name=type]", "ASSAULT")
    page.click("#apply")
    page.wait_for_url("**type=ASSAULT**")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < all_rows
    assert set(page.locator("#events-table .type").all_inner_texts()) == {"ASSAULT"}
    groups = set(
        page.locator("#events-chart rect.bar").evaluate_all("els => els.map(e => e.dataset.group)")
    )
    assert groups == {"ASSAULT"}
    assert f"{rows.count()} match" in page.locator("#match-count").inner_text()
    assert page.locator("input[name=q]").input_value() == ""
    page.fill("input[name=q]", "rockets")
    page.click("#apply")
    page.wait_for_url("**q=rockets**")
    assert "type=ASSAULT" in page.url  # the filters stay in the URL
    assert 0 < page.locator("#events-table tbody tr").count() <= rows.count()
    assert watched.errors == []


def test_chart_bar_to_events_to_highlighted_sentence(base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base + "/?interval=month")
    bar = page.locator("#timeline svg a").first
    title = bar.locator("title").text_content() or ""  # "2019-10 PROTEST: 2 event(s)"
    bucket_group, count = title.rsplit(": ", 1)
    n = int(count.split()[0])
    bar.locator("rect").click()
    page.wait_for_url("**/events?**")
    assert page.locator("#events-table tbody tr").count() == n
    assert f"{n} match" in page.locator("#match-count").inner_text()
    assert bucket_group.split()[1] in page.url  # the type of the clicked block
    page.locator("#events-table a.event-link").first.click()
    page.wait_for_url("**/events/e*")
    sentence = page.locator("#sources blockquote.sentence").first
    assert sentence.locator("mark.trigger").count() >= 1
    trigger = sentence.locator("mark.trigger").first.inner_text()
    assert trigger and trigger in sentence.inner_text()
    page.locator("#sources a.article-link").first.click()
    page.wait_for_url("**/articles/**#m*")
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.count() == 1
    # the sentence's first mention anchors its <mark>; a second mention of the same sentence
    # anchors an empty <span> just before that <mark> (render.highlight)
    mark_class = target.evaluate(
        "el => { let x = el; while (x && x.tagName !== 'MARK') x = x.nextElementSibling;"
        " return x ? x.className : ''; }"
    )
    assert "sentence" in mark_class
    assert page.evaluate("document.querySelector(':target') !== null")
    assert watched.errors == []


def test_download_csv_of_the_current_filter(base: str, watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(base + "/events?type=ASSAULT&sort=-date")
    shown = int(page.locator("#match-count").inner_text().split()[0])
    with page.expect_download() as info:
        page.click("#download-csv")
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == shown > 0
    assert {r["event"] for r in rows} == {"ASSAULT"}
    first_row_id = page.locator("#events-table tbody tr").first.get_attribute("data-id")
    assert rows[0]["id"] == first_row_id


def test_dyad_cell_and_map_dot_link_to_events(base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base + "/dyads")
    cell = page.locator("#dyad-matrix td a").first
    n = int(cell.inner_text())
    cell.click()
    page.wait_for_url("**/events?**recipient=**")
    assert page.locator("#events-table tbody tr").count() >= n
    page.goto(base + "/map")
    dots = page.locator("#map circle.place")
    assert dots.count() > 0
    dots.last.click()  # the last drawn is on top
    page.wait_for_url("**/events?**place=**")
    assert page.locator("#events-table tbody tr").count() >= 1
    assert watched.errors == []


def test_hostile_article_injects_nothing(hostile_base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(hostile_base + "/api/events")
    ids = page.evaluate("JSON.parse(document.body.innerText).events.map(e => e.id)")
    page.goto(hostile_base + "/api/articles")
    aid = page.evaluate("JSON.parse(document.body.innerText).articles[0].id")
    assert ids
    urls = [
        "/",
        "/events",
        "/articles",
        f"/articles/{aid}",
        "/stories",
        "/compare",
        "/dyads",
        "/map",
        *(f"/events/{i}" for i in ids),
    ]
    for url in urls:
        page.goto(hostile_base + url)
        page.mouse.move(300, 300)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.locator("img").count() == 0, url
        assert page.locator("b[onmouseover], [onerror], [onmouseover]").count() == 0, url
        srcs = page.locator("script").evaluate_all(
            "els => els.map(e => e.getAttribute('src') || e.getAttribute('type'))"
        )
        assert set(srcs) <= {"/static/app.js", "application/json"}, (url, srcs)
        hrefs = page.locator("a[href]").evaluate_all(
            "els => els.map(e => new URL(e.getAttribute('href'), location.href).href)"
        )
        assert not [h for h in hrefs if not h.startswith(("http://", "https://"))], url
    page.goto(hostile_base + f"/articles/{aid}")
    text = page.locator("#article-text").inner_text()
    assert '<script>window.__pwned = "text"</script>' in text  # shown, as text
    assert "javascript:" in page.locator("#article-url").inner_text()
    assert page.locator("#article-url a").count() == 0
    assert watched.dialogs == []
    assert watched.errors == []
