"""The workbench's JSON API and pages through an ASGI test client, on the examples database."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from newsevents import api
from newsevents.model import FACTUAL
from newsevents.query import FILTERS
from newsevents.report import export
from newsevents.web import create_app


@pytest.fixture(scope="module")
def client(workbench_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(workbench_db)) as c:
        yield c


@pytest.fixture(scope="module")
def everything(workbench_db: Path) -> list[dict[str, Any]]:
    """Every event as the CLI's plover-jsonl export writes it: the API must agree with it."""
    corpus = api.load_corpus(workbench_db)
    text = export.to_plover_jsonl(corpus.events, corpus.mentions, corpus.articles)
    return [json.loads(line) for line in text.splitlines()]


def all_ids(client: TestClient, query: str = "", limit: int = 1000) -> list[str]:
    r = client.get(f"/api/events?limit={limit}" + (f"&{query}" if query else ""))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["events"])
    return [e["id"] for e in body["events"]]


def test_records_are_the_export_contract(client: TestClient, everything: list[dict]) -> None:
    by_id = {e["id"]: e for e in everything}
    body = client.get("/api/events?limit=1000").json()
    assert body["total"] == len(everything) > 50
    assert body["next_cursor"] is None
    for record in body["events"]:
        assert record == by_id[record["id"]]
    one = everything[len(everything) // 2]
    assert client.get(f"/api/events/{one['id']}").json() == one


def _first_day(date: str | None) -> str | None:
    return (date + "-01-01")[:10] if date else None


def _sides(e: dict, role: str | None) -> list[dict]:
    return e["actor"] + e["recipient"] if role is None else e[role]


def _who(e: dict, role: str | None, value: str) -> bool:
    return any(
        a["code"] == value.upper() or value.lower() in a["name"].lower() for a in _sides(e, role)
    )


# (query string, predicate over a plover record) — each filter checked against the export
FILTER_CASES: list[tuple[str, Callable[[dict], bool]]] = [
    ("type=ASSAULT", lambda e: e["event"] == "ASSAULT"),
    ("type=assault,protest", lambda e: e["event"] in ("ASSAULT", "PROTEST")),
    ("mode=aerial", lambda e: e["mode"] == "aerial"),
    ("factuality=factual", lambda e: e["factuality"] in FACTUAL),
    ("factuality=future,hypothetical", lambda e: e["factuality"] in ("future", "hypothetical")),
    ("date_from=2020-01-03", lambda e: (_first_day(e["date"]) or "") >= "2020-01-03"),
    ("date_to=2019-12", lambda e: e["date"] is not None and _first_day(e["date"]) <= "2019-12-31"),
    (
        "date_from=2020-01-01&date_to=2020-01-05",
        lambda e: "2020-01-01" <= (_first_day(e["date"]) or "") <= "2020-01-05",
    ),
    ("actor=IRN", lambda e: _who(e, "actor", "IRN")),
    ("actor=trump", lambda e: _who(e, "actor", "trump")),
    ("actor_sector=GOV", lambda e: any(a["sector"] == "GOV" for a in e["actor"])),
    ("recipient=USA", lambda e: _who(e, "recipient", "USA")),
    ("recipient_sector=mil", lambda e: any(a["sector"] == "MIL" for a in e["recipient"])),
    ("party=IRQ", lambda e: _who(e, None, "IRQ")),
    ("actor=USA&recipient=IRN", lambda e: _who(e, "actor", "USA") and _who(e, "recipient", "IRN")),
    ("country=IRQ", lambda e: (e["location"] or {}).get("country") == "IRQ"),
    ("place=bagh", lambda e: "bagh" in ((e["location"] or {}).get("name") or "").lower()),
    ("outlet=meridian%20wire", lambda e: any(s["outlet"] == "Meridian Wire" for s in e["sources"])),
    ("min_sources=2", lambda e: len(e["sources"]) >= 2),
    (
        "q=rockets",
        lambda e: any(re.search(r"\brockets\b", s["sentence"], re.I) for s in e["sources"]),
    ),
    ("q=rock*", lambda e: any(re.search(r"\brock", s["sentence"], re.I) for s in e["sources"])),
    (
        "q=drone%20strike",
        lambda e: any(
            re.search(r"\bdrone\b", s["sentence"], re.I)
            and re.search(r"\bstrike\b", s["sentence"], re.I)
            for s in e["sources"]
        ),
    ),
]


@pytest.mark.parametrize("query", ["actor=%25", "party=_", "place=%25%25", "q=zzzqqq"])
def test_wildcards_in_values_are_literal(client: TestClient, query: str) -> None:
    assert all_ids(client, query) == []


@pytest.mark.parametrize(("query", "keep"), FILTER_CASES, ids=[q for q, _ in FILTER_CASES])
def test_each_filter_selects_exactly_its_events(
    client: TestClient, everything: list[dict], query: str, keep: Callable[[dict], bool]
) -> None:
    expected = {e["id"] for e in everything if keep(e)}
    got = all_ids(client, query)
    assert len(got) == len(set(got))
    assert set(got) == expected
    assert 0 < len(expected) < len(everything), "the case must select some but not all events"


def test_story_and_article_filters(client: TestClient, everything: list[dict]) -> None:
    story = everything[0]["story"]
    assert set(all_ids(client, f"story={story}")) == {
        e["id"] for e in everything if e["story"] == story
    }
    article = everything[-1]["sources"][0]["article_id"]
    assert set(all_ids(client, f"article={article}")) == {
        e["id"] for e in everything if any(s["article_id"] == article for s in e["sources"])
    }


@pytest.mark.parametrize("sort", ["date", "-date", "-intensity", "sources", "type", "id"])
def test_cursor_pagination_walks_every_event_once_in_order(
    client: TestClient, everything: list[dict], sort: str
) -> None:
    full = all_ids(client, f"sort={sort}")
    walked: list[str] = []
    url: str | None = f"/api/events?limit=7&sort={sort}"
    while url:
        body = client.get(url).json()
        assert len(body["events"]) <= 7
        walked += [e["id"] for e in body["events"]]
        url = body["next"]
    assert walked == full
    assert len(walked) == len(everything)


BAD_REQUESTS = [
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=1001", "limit"),
    ("/api/events?limit=ten", "limit"),
    ("/api/events?cursor=not-a-cursor", "cursor"),
    ("/api/events?sort=colour", "sort"),
    ("/api/events?type=PARTY", "type"),
    ("/api/events?factuality=rumoured", "factuality"),
    ("/api/events?date_from=2020-1-5", "date_from"),
    ("/api/events?date_to=yesterday", "date_to"),
    ("/api/events?country=I1Q", "country"),
    ("/api/events?min_sources=0", "min_sources"),
    ("/api/events?q=%22%22", "q"),
    ("/api/events?actor=" + "x" * 201, "actor"),
    ("/api/events?colour=red", "unknown parameter 'colour'"),
    ("/api/events?type=ASSAULT&type=PROTEST", "given twice"),
    ("/api/timeseries?interval=fortnight", "interval"),
    ("/api/timeseries?by=colour", "by"),
    ("/api/actors?limit=-1", "limit"),
    ("/api/dyads?limit=100000", "limit"),
    ("/api/places?sort=date", "unknown parameter"),
    ("/api/stories?type=ASSAULT", "unknown parameter"),
    ("/api/stories?offset=-1", "offset"),
    ("/api/articles?limit=1001", "limit"),
    ("/api/events/abc?x=1", "unknown parameter"),
]


@pytest.mark.parametrize(("url", "message"), BAD_REQUESTS, ids=[u for u, _ in BAD_REQUESTS])
def test_bad_parameters_are_400_with_a_message(client: TestClient, url: str, message: str) -> None:
    r = client.get(url)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["status"] == 400
    assert message in body["error"]


@pytest.mark.parametrize(
    "url", ["/api/events/e000000000000", "/api/articles/nope", "/api/events/..%2f..", "/api/nope"]
)
def test_unknown_ids_are_404_json(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert r.json()["status"] == 404
    assert r.json()["error"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/events/e000000000000", 404),
        ("/articles/nope", 404),
        ("/events?page=999", 400),
        ("/events?type=PARTY", 400),
        ("/?interval=fortnight", 400),
    ],
)
def test_page_errors_are_html_with_the_status(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert 'id="error-message"' in r.text


def test_article_endpoint(client: TestClient, everything: list[dict]) -> None:
    source = everything[0]["sources"][0]
    body = client.get(f"/api/articles/{source['article_id']}").json()
    assert body["id"] == source["article_id"]
    assert body["text"][source["start"] : source["end"]] == source["sentence"]
    ids = {e["id"] for e in everything}
    assert body["mentions"] and all(m["event_id"] in ids for m in body["mentions"])
    for m in body["mentions"]:
        assert body["text"][m["trigger"]["start"] : m["trigger"]["end"]] == m["trigger"]["text"]
    listing = client.get("/api/articles").json()
    assert len(listing["articles"]) == listing["total"] == 13
    assert listing["skipped"] == [] and listing["skipped_total"] == 0
    pages = [client.get(f"/api/articles?limit=5&offset={o}").json()["articles"] for o in (0, 5, 10)]
    assert [len(p) for p in pages] == [5, 5, 3]
    assert [a["id"] for p in pages for a in p] == [a["id"] for a in listing["articles"]]
    assert [s["id"] for s in client.get("/api/stories?limit=2&offset=1").json()["stories"]] == [
        s["id"] for s in client.get("/api/stories").json()["stories"][1:3]
    ]


def test_stories_actors_outlets_dyads(client: TestClient, everything: list[dict]) -> None:
    stories = client.get("/api/stories").json()["stories"]
    # a story may hold no event (the earthquake: the models drop its disaster reports)
    assert {s["id"] for s in stories if s["events"]} == {
        e["story"] for e in everything if e["story"]
    }
    assert sum(s["events"] for s in stories) == sum(1 for e in everything if e["story"])

    actors = client.get("/api/actors?limit=5").json()["actors"]
    assert len(actors) == 5
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    irn = next(a for a in actors if a["key"] == "IRN")
    assert irn["events"] == sum(
        1 for e in everything if any(a["code"] == "IRN" for a in e["actor"] + e["recipient"])
    )

    outlets = client.get("/api/outlets").json()["outlets"]
    wire = next(o for o in outlets if o["outlet"] == "Meridian Wire")
    assert wire["events"] == sum(
        1 for e in everything if any(s["outlet"] == "Meridian Wire" for s in e["sources"])
    )

    dyads = client.get("/api/dyads?limit=1000").json()["dyads"]
    assert sum(d["events"] for d in dyads) == sum(
        1 for e in everything if e["actor"] and e["recipient"]
    )
    usa_irn = client.get("/api/dyads?type=ASSAULT").json()["dyads"]
    assert all(-10 <= d["mean_goldstein"] <= 10 for d in usa_irn)


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_timeseries_counts_every_dated_event_once(
    client: TestClient, everything: list[dict], interval: str
) -> None:
    body = client.get(f"/api/timeseries?by=type&interval={interval}").json()
    assert sum(body["totals"]) == sum(1 for e in everything if e["date"])
    assert body["buckets"] == sorted(body["buckets"])
    for s in body["series"]:
        assert len(s["counts"]) == len(body["buckets"])
    if interval == "week":
        assert all(dt.date.fromisoformat(b).weekday() == 0 for b in body["buckets"])
    by_fact = client.get(f"/api/timeseries?by=factuality&interval={interval}").json()
    assert {s["key"] for s in by_fact["series"]} <= {
        "asserted",
        "reported",
        "future",
        "hypothetical",
        "negated",
    }


def test_openapi_lists_every_endpoint_and_filter(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/actors",
        "/api/dyads",
        "/api/timeseries",
    ):
        assert path in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert set(FILTERS) | {"limit", "cursor", "sort"} <= names


@pytest.mark.parametrize("query", ["", "type=ASSAULT&sort=-date", "q=Baghdad&factuality=factual"])
def test_downloads_hold_exactly_the_current_filter(client: TestClient, query: str) -> None:
    ids = all_ids(client, query)
    r = client.get(f"/events.csv?{query}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == ids
    r = client.get(f"/events.jsonl?{query}")
    assert [json.loads(line)["id"] for line in r.text.splitlines()] == ids


def test_whole_filter_is_read_in_chunks_in_order(workbench_db: Path, client: TestClient) -> None:
    from newsevents.query import Filters, Query, Sort

    with Query(workbench_db) as q:
        chunks = list(q.iter_ids(Filters(), Sort("date", True), chunk=10))
    assert all(len(c) == 10 for c in chunks[:-1]) and len(chunks) > 5
    assert [i for c in chunks for i in c] == all_ids(client, "sort=-date")


PAGES = [
    "/",
    "/?interval=week",
    "/events",
    "/events?type=ASSAULT&sort=-intensity&per=25",
    "/events?page=2&per=25",
    "/articles",
    "/dyads",
    "/dyads?size=30",
    "/map",
    "/map?country=IRQ",
    "/map?zoom=world",
    "/stories",
    "/compare",
    "/compare?story=x",
    "/?dyad_actor=USA&dyad_recipient=IRN",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_security_headers(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<h1" in r.text
    assert " style=" not in r.text, "inline styles would need 'unsafe-inline'"
    assert "<script>" not in r.text, "inline scripts would need 'unsafe-inline'"


def test_event_and_article_pages_show_highlighted_sentences(
    client: TestClient, everything: list[dict]
) -> None:
    e = max(everything, key=lambda e: len(e["sources"]))
    html = client.get(f"/events/{e['id']}").text
    assert html.count('class="sentence"') == len(e["sources"])
    assert 'class="trigger"' in html
    # each source shows what its own mention codes, beside the event's consensus dyad
    assert html.count('class="hint coded"') == len(e["sources"])
    for s in e["sources"]:
        assert f"/articles/{s['article_id']}#m{s['mention_id'].rsplit(':', 1)[1]}" in html
    page = client.get(f"/articles/{e['sources'][0]['article_id']}").text
    assert f'id="m{e["sources"][0]["mention_id"].rsplit(":", 1)[1]}"' in page
    assert f"/events/{e['id']}" in page


def test_overview_figures_link_to_the_events_they_count(client: TestClient) -> None:
    html = client.get("/?interval=month").text
    links = re.findall(r'<a href="(/events\?[^"]+)"><title>([^<]+)</title><rect', html)
    assert links
    for href, title in links[:8]:
        n = int(re.search(r": (\d+) event", title).group(1))
        query = href.split("?", 1)[1].replace("&amp;", "&")
        assert len(all_ids(client, query)) == n, (href, title)


def test_static_files_ship_with_the_package(client: TestClient) -> None:
    for name in ("style.css", "app.js", "world-110m.json", "LICENSE-world-atlas.txt"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and len(r.content) > 100
    assert "Natural Earth" in client.get("/static/LICENSE-world-atlas.txt").text
