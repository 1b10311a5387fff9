"""The workbench is safe and read-only: hostile article text is escaped everywhere, only http(s)
links become links, the database is never written, and changes made by ``analyze`` show up.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import newsevents
from newsevents import api
from newsevents.query import BadQuery, Filters, Query, Sort, fts_query
from newsevents.store import Store
from newsevents.web import create_app
from newsevents.web.render import Mark, highlight, json_script, safe_url


@pytest.fixture(scope="module")
def hostile(hostile_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(hostile_db)) as c:
        yield c


def hostile_pages(client: TestClient) -> list[str]:
    article = client.get("/api/articles").json()["articles"][0]["id"]
    events = [e["id"] for e in client.get("/api/events").json()["events"]]
    assert events, "the hostile article must yield events for this test to mean anything"
    return [
        "/",
        "/events",
        "/articles",
        f"/articles/{article}",
        "/stories",
        "/compare",
        "/dyads",
        "/map",
        *(f"/events/{e}" for e in events),
    ]


def test_payloads_reach_pages_only_as_text(hostile: TestClient) -> None:
    for url in hostile_pages(hostile):
        html = hostile.get(url).text
        assert "<script>window" not in html, url
        assert "<img src=x" not in html, url
        assert "<b onmouseover" not in html, url
        assert not re.search(r"""href=["']?\s*javascript:""", html, re.I), url
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all(
            'src="/static/app.js"' in s or 'type="application/json"' in s for s in scripts
        ), (url, scripts)
    article = hostile.get("/articles").text
    assert "&lt;script&gt;window.__pwned = &#34;outlet&#34;&lt;/script&gt;" in article
    assert "empty &lt;img src=x onerror=alert(9)&gt;.txt" in article  # the skipped input


def test_article_page_shows_the_text_and_url_escaped(hostile: TestClient) -> None:
    aid = hostile.get("/api/articles").json()["articles"][0]["id"]
    html = hostile.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.__pwned = &#34;text&#34;&lt;/script&gt;" in html
    assert "javascript:window.__pwned=&#39;url&#39;" in html  # shown as text, not a link
    assert 'class="external"' not in html


def test_api_returns_the_stored_strings_unchanged(hostile: TestClient) -> None:
    aid = hostile.get("/api/articles").json()["articles"][0]["id"]
    body = hostile.get(f"/api/articles/{aid}").json()
    assert body["url"] == "javascript:window.__pwned='url'"
    assert '<script>window.__pwned = "title"</script>' in body["title"]


@pytest.mark.parametrize(
    "payload",
    ["</script><script>alert(1)</script>", "<!--", "\u2028\u2029", '"><img src=x onerror=1>'],
)
def test_embedded_json_cannot_close_its_script(payload: str) -> None:
    html = str(json_script({"x": payload, "list": [payload]}, "data"))
    body = html[html.index(">") + 1 : html.rindex("</script>")]
    assert "<" not in body and ">" not in body
    assert json.loads(body) == {"x": payload, "list": [payload]}


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("//example.org", False),
        ("/local", False),
        ("vbscript:x", False),
        ("", False),
        (None, False),
        ("https://", False),
        ("http://exa\nmple.org", False),
    ],
)
def test_only_http_links_are_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_highlight_escapes_and_nests_marks() -> None:
    text = "A <b>x</b> hit B"
    html = str(
        highlight(text, [Mark(0, 16, "sentence", "s<"), Mark(11, 14, "trigger", "t")], offset=0)
    )
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert '<mark class="sentence trigger" title="s&lt;; t">hit</mark>' in html


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ('drone "strike', '"drone" "strike"'),
        ("NEAR(a b) OR c*", '"NEAR" "a" "b" "OR" "c"*'),
        ("Tehran's", '"Tehran" "s"'),
    ],
)
def test_search_words_cannot_be_fts_syntax(text: str, query: str) -> None:
    assert fts_query(text) == query


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_database_is_never_written(tmp_path: Path, workbench_db: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(workbench_db, db)
    before = _digest(db)
    with TestClient(create_app(db)) as c:
        for url in ("/", "/events?q=strike", "/map", "/api/events", "/events.csv"):
            assert c.get(url).status_code == 200
        index_dir = c.app.state.workbench.query.index_dir  # type: ignore[attr-defined]
        assert index_dir.is_dir() and tmp_path not in index_dir.parents
    assert _digest(db) == before
    # a WAL reader maps copy.db-shm and may create an empty copy.db-wal; nothing else appears
    assert {p.name for p in tmp_path.iterdir()} <= {"copy.db", "copy.db-wal", "copy.db-shm"}
    wal = tmp_path / "copy.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert not index_dir.exists(), "the sidecar index is removed on shutdown"


def test_changes_written_meanwhile_show_up(tmp_path: Path, workbench_db: Path) -> None:
    db = tmp_path / "live.db"
    shutil.copy(workbench_db, db)
    with Query(db) as q:
        q.CHECK_EVERY = 0.0
        before = q.count(Filters())
        with Store(db) as store:  # what analyze/merge do, from another connection
            victim = store.articles()[0].id
            store.delete_article(victim)
        api.merge_db(db)
        after = q.count(Filters())
        assert after < before
        assert q.count(Filters(article=victim)) == 0


def test_notebook_api(workbench_db: Path) -> None:
    store = newsevents.open(workbench_db)
    try:
        records = store.events(type="ASSAULT", actor="IRN")
        assert records and all(r["event"] == "ASSAULT" for r in records)
        assert all(any(a["code"] == "IRN" for a in r["actor"]) for r in records)
        assert len(store.events(type="ASSAULT", limit=2)) == 2
        rows = records.rows()
        assert rows[0]["id"] == records[0]["id"] and "IRN" in rows[0]["actor_codes"]
        with pytest.raises(BadQuery, match="unknown filter 'colour'"):
            store.events(colour="red")
        with pytest.raises(BadQuery, match="type"):
            store.events(type="PARTY")
        try:
            import pandas  # noqa: F401
        except ImportError:
            with pytest.raises(ImportError, match=r"newsevents\[notebook\]"):
                records.to_pandas()
        else:
            df = records.to_pandas()
            assert len(df) == len(records) and "actor_codes" in df.columns
    finally:
        store.close()


def test_open_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    from newsevents.errors import StoreError

    with pytest.raises(StoreError, match="no database"):
        newsevents.open(tmp_path / "missing.db")


@pytest.mark.slow
def test_serve_command_binds_localhost_and_answers(workbench_db: Path) -> None:
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [
        sys.executable,
        "-m",
        "newsevents.cli",
        "serve",
        "--db",
        str(workbench_db),
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=5) as r:
                    body = json.loads(r.read())
                    break
            except OSError:
                time.sleep(0.1)
        assert body is not None and body["stories"]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in err


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsevents.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "does not exist" in result.output


def test_cached_answers_follow_the_store(tmp_path: Path, workbench_db: Path) -> None:
    db = tmp_path / "cached.db"
    shutil.copy(workbench_db, db)
    with TestClient(create_app(db)) as c:
        c.app.state.workbench.query.CHECK_EVERY = 0.0  # type: ignore[attr-defined]
        before = c.get("/api/events?limit=1").json()["total"]
        assert c.get("/api/events?limit=1").json()["total"] == before  # served again
        page = c.get("/articles").text
        with Store(db) as store:
            victim = store.articles()[0]
            store.delete_article(victim.id)
        api.merge_db(db)
        assert c.get("/api/events?limit=1").json()["total"] < before
        assert c.get("/articles").text != page
        assert c.get(f"/api/articles/{victim.id}").status_code == 404


def test_answers_while_a_writer_holds_a_transaction(tmp_path: Path, workbench_db: Path) -> None:
    """WAL: an open write transaction (analyze storing an article) does not block the reader."""
    import time

    db = tmp_path / "busy.db"
    shutil.copy(workbench_db, db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    with TestClient(create_app(db, cache=False)) as c:
        c.app.state.workbench.query.CHECK_EVERY = 0.0  # type: ignore[attr-defined]
        total = c.get("/api/events?limit=1").json()["total"]
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM events")
        start = time.perf_counter()
        assert c.get("/api/events?limit=1").json()["total"] == total  # the committed state
        assert c.get("/").status_code == 200
        assert time.perf_counter() - start < 5
        writer.execute("ROLLBACK")
    writer.close()


def test_a_store_that_cannot_be_read_keeps_the_last_index(
    tmp_path: Path, workbench_db: Path
) -> None:
    db = tmp_path / "broken.db"
    shutil.copy(workbench_db, db)
    with Query(db) as q:
        q.CHECK_EVERY = 0.0
        before = q.count(Filters())
        writer = sqlite3.connect(db, isolation_level=None)
        writer.execute("ALTER TABLE events RENAME TO events_gone")  # a half-migrated store
        writer.close()
        assert q.count(Filters()) == before
        assert q.page(Filters(), sort=Sort(), limit=3).total == before
