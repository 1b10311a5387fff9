"""The JSON API (``/api/...``) and the downloads of the events table (``/events.csv|jsonl``).

Records have the plover-jsonl layout (README, "Export contract"). Errors are JSON
``{"error": message, "status": code}``: 400 for a bad parameter, 404 for an unknown id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ..query import FILTERS, BadQuery, Filters, Sort
from ..workbench import INTERVALS, MAX_LIMIT, Workbench, parse_choice, parse_limit
from .cache import cached
from .openapi import openapi_schema
from .render import query_string

_PAGE = ("limit", "cursor", "sort")


def _wb(request: Request) -> Workbench:
    wb: Workbench = request.app.state.workbench
    return wb


def _params(request: Request, allowed: tuple[str, ...], *, filters: bool = True) -> dict[str, str]:
    """The query parameters, refusing unknown or repeated names (a typo is a 400, not ignored)."""
    known = set(allowed) | (set(FILTERS) if filters else set())
    out: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key not in known:
            raise BadQuery(
                f"unknown parameter {key!r}; this endpoint takes: {', '.join(sorted(known))}"
            )
        if key in out:
            raise BadQuery(f"{key}: given twice")
        out[key] = value
    return out


def events(request: Request) -> Response:
    params = _params(request, _PAGE)
    filters = Filters.parse(params)
    sort = Sort.parse(params.get("sort"))
    limit = parse_limit(params.get("limit"), 100)
    page = _wb(request).page(filters, sort=sort, limit=limit, cursor=params.get("cursor") or None)
    nxt = None
    if page.next_cursor:
        nxt = "/api/events" + query_string(params, cursor=page.next_cursor)
    return JSONResponse(
        {
            "total": page.total,
            "limit": limit,
            "next_cursor": page.next_cursor,
            "next": nxt,
            "events": page.records,
        }
    )


def event(request: Request) -> Response:
    _params(request, (), filters=False)
    detail = _wb(request).event(request.path_params["event_id"])
    if detail is None:
        raise HTTPException(404, f"no event {request.path_params['event_id']!r}")
    return JSONResponse(detail.record)


def article(request: Request) -> Response:
    _params(request, (), filters=False)
    aid = request.path_params["article_id"]
    detail = _wb(request).article(aid)
    if detail is None:
        raise HTTPException(404, f"no article {aid!r}")
    a = detail.article
    return JSONResponse(
        {
            "id": a.id,
            "source": a.source,
            "format": a.format,
            "title": a.title,
            "outlet": a.outlet,
            "author": a.author,
            "url": a.url,
            "published": a.published,
            "published_source": a.published_source,
            "language": a.language,
            "text": a.text,
            "mentions": [
                {
                    "mention_id": m.id,
                    "event_id": detail.event_of.get(m.id),
                    "event": m.event,
                    "factuality": m.factuality,
                    "start": m.sentence.start,
                    "end": m.sentence.end,
                    "trigger": {
                        "start": m.trigger.start,
                        "end": m.trigger.end,
                        "text": m.trigger.of(a.text),
                    },
                }
                for m in detail.mentions
            ],
        }
    )


def _offset(params: dict[str, str]) -> int:
    raw = params.get("offset") or "0"
    if not raw.isdigit() or int(raw) > 10_000_000:
        raise BadQuery(f"offset: {raw!r} is not a whole number from 0")
    return int(raw)


def articles(request: Request) -> Response:
    params = _params(request, ("limit", "offset"), filters=False)
    limit, offset = parse_limit(params.get("limit"), 100), _offset(params)
    wb = _wb(request)
    skips, n_skips = wb.skips(limit=MAX_LIMIT)
    return JSONResponse(
        {
            "total": wb.article_count(),
            "offset": offset,
            "articles": wb.articles(offset=offset, limit=limit),
            "skipped_total": n_skips,
            "skipped": [{"source": s.source, "reason": s.reason} for s in skips],
        }
    )


def stories(request: Request) -> Response:
    params = _params(request, ("limit", "offset"), filters=False)
    limit, offset = parse_limit(params.get("limit"), 100), _offset(params)
    found, total = _wb(request).stories(offset=offset, limit=limit)
    return JSONResponse({"total": total, "offset": offset, "stories": found})


def _aggregate(request: Request, name: str, default: int, maximum: int) -> Response:
    params = _params(request, ("limit",))
    filters = Filters.parse(params)
    limit = parse_limit(params.get("limit"), default, maximum)
    wb = _wb(request)
    method = {"actors": wb.actors, "outlets": wb.outlets, "dyads": wb.dyads, "places": wb.places}
    return JSONResponse({name: method[name](filters, limit=limit)})


def actors(request: Request) -> Response:
    return _aggregate(request, "actors", 50, MAX_LIMIT)


def outlets(request: Request) -> Response:
    return _aggregate(request, "outlets", 50, MAX_LIMIT)


def dyads(request: Request) -> Response:
    return _aggregate(request, "dyads", 200, MAX_LIMIT)


def places(request: Request) -> Response:
    return _aggregate(request, "places", 1000, 5000)


def timeseries(request: Request) -> Response:
    params = _params(request, ("by", "interval"))
    filters = Filters.parse(params)
    interval = parse_choice("interval", params.get("interval"), INTERVALS, "week")
    by = parse_choice("by", params.get("by"), ("type", "factuality", "none"), "type")
    return JSONResponse(_wb(request).timeseries(filters, interval=interval, by=by))  # type: ignore[arg-type]


def openapi(request: Request) -> Response:
    return JSONResponse(openapi_schema())


# --- downloads ------------------------------------------------------------------------


def _download(request: Request, fmt: str) -> Response:
    params = dict(request.query_params)
    filters = Filters.parse(params)
    sort = Sort.parse(params.get("sort"))
    wb = _wb(request)

    def body() -> Iterator[str]:
        first = True
        for chunk in wb.iter_events(filters, sort):
            text = wb.export(chunk, "csv" if fmt == "csv" else "plover-jsonl")
            if fmt == "csv" and not first:
                text = text.split("\n", 1)[1]  # the header only once
            first = False
            yield text
        if first and fmt == "csv":
            yield wb.export([], "csv")

    media = "text/csv" if fmt == "csv" else "application/x-ndjson"
    name = f"events.{'csv' if fmt == 'csv' else 'jsonl'}"
    return StreamingResponse(
        body(),
        media_type=f"{media}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def download_csv(request: Request) -> Response:
    return _download(request, "csv")


def download_jsonl(request: Request) -> Response:
    return _download(request, "jsonl")


def routes() -> list[Route]:
    get = ["GET", "HEAD"]
    table: list[tuple[str, Any]] = [
        ("/api/events", events),
        ("/api/events/{event_id}", event),
        ("/api/articles", articles),
        ("/api/articles/{article_id}", article),
        ("/api/stories", stories),
        ("/api/actors", actors),
        ("/api/outlets", outlets),
        ("/api/dyads", dyads),
        ("/api/places", places),
        ("/api/timeseries", timeseries),
        ("/api/openapi.json", openapi),
    ]
    downloads = [("/events.csv", download_csv), ("/events.jsonl", download_jsonl)]
    return [Route(path, cached(endpoint), methods=get) for path, endpoint in table] + [
        Route(path, endpoint, methods=get)
        for path, endpoint in downloads  # streamed
    ]
