"""HTML pages of the workbench. Every page reads its filters from the URL, so any view can be
bookmarked or shared, and every figure links to the events behind it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..model import EVENT_TYPES, FACTUALITY, Actor, Article, EventMention
from ..query import BadQuery, Filters, Sort
from ..workbench import INTERVALS, Workbench, parse_choice
from . import charts
from .cache import cached
from .render import Mark, events_url, highlight, query_string

PER_PAGE = (25, 50, 100, 200)
DEFAULT_INTERVAL = "month"


def _wb(request: Request) -> Workbench:
    wb: Workbench = request.app.state.workbench
    return wb


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    env = request.app.state.env
    filters: Filters = context.setdefault("filters", Filters())
    html = env.get_template(template).render(
        request=request,
        params=dict(request.query_params),
        choices=_wb(request).choices(),
        event_types=EVENT_TYPES,
        factualities=FACTUALITY,
        filter_params=filters.params(),
        **context,
    )
    return HTMLResponse(html)


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if not raw:
        return default
    if not raw.isdigit() or not lo <= int(raw) <= hi:
        raise BadQuery(f"{name}: {raw!r} is not a whole number from {lo} to {hi}")
    return int(raw)


def _interval(request: Request) -> str:
    return parse_choice(
        "interval", request.query_params.get("interval"), INTERVALS, DEFAULT_INTERVAL
    )


def _bar_link(filters: Filters) -> Callable[..., str]:
    def link(date_from: str, date_to: str, group: str | None = None) -> str:
        changes: dict[str, Any] = {"date_from": date_from, "date_to": date_to}
        if group in EVENT_TYPES:
            changes["type"] = group
        return events_url(filters, **changes)

    return link


def overview(request: Request) -> Response:
    wb = _wb(request)
    filters = Filters.parse(request.query_params)
    interval = _interval(request)
    series = wb.timeseries(filters, interval=interval, by="type")  # type: ignore[arg-type]
    dyads = wb.dyads(filters, limit=40)
    dyad_actor = request.query_params.get("dyad_actor") or (dyads[0]["actor"] if dyads else "")
    dyad_recipient = request.query_params.get("dyad_recipient") or (
        dyads[0]["recipient"] if dyads else ""
    )
    dyad_chart = None
    if dyad_actor and dyad_recipient:
        dyad_filters = Filters.parse(
            {**filters.params(), "actor": dyad_actor, "recipient": dyad_recipient}
        )
        ds = wb.timeseries(dyad_filters, interval=interval, by="none")  # type: ignore[arg-type]
        dyad_chart = charts.line_chart(
            ds["buckets"], ds["mean_goldstein"], ds["totals"], interval, _bar_link(dyad_filters)
        )
    actors = wb.actors(filters, limit=12)
    outlets = wb.outlets(filters, limit=12)
    return _render(
        request,
        "overview.html",
        page="overview",
        filters=filters,
        interval=interval,
        total=wb.query.count(filters),
        chart=charts.stacked_bars(series, interval, _bar_link(filters)),
        dyads=dyads,
        dyad_actor=dyad_actor,
        dyad_recipient=dyad_recipient,
        dyad_chart=dyad_chart,
        actors_chart=charts.hbars(
            [
                (
                    f"{a['key']} ({a['name']})" if a["code"] else a["key"],
                    a["events"],
                    events_url(filters, party=a["key"]),
                )
                for a in actors
            ]
        ),
        outlets_chart=charts.hbars(
            [(o["outlet"], o["events"], events_url(filters, outlet=o["outlet"])) for o in outlets]
        ),
        series=series,
    )


def events(request: Request) -> Response:
    wb = _wb(request)
    filters = Filters.parse(request.query_params)
    sort = Sort.parse(request.query_params.get("sort"))
    per = _int(request, "per", 50, 1, max(PER_PAGE))
    total = wb.query.count(filters)
    pages = max(1, math.ceil(total / per))
    page_no = _int(request, "page", 1, 1, 1_000_000)
    if page_no > pages:
        raise BadQuery(f"page: {page_no} is past the last page ({pages})")
    page = wb.page(filters, sort=sort, limit=per, offset=(page_no - 1) * per)
    interval = _interval(request)
    series = wb.timeseries(filters, interval=interval, by="type")  # type: ignore[arg-type]
    return _render(
        request,
        "events.html",
        page="events",
        filters=filters,
        sort=sort,
        records=page.records,
        total=total,
        page_no=page_no,
        pages=pages,
        per=per,
        interval=interval,
        chart=charts.stacked_bars(series, interval, _bar_link(filters), height=180),
        download=query_string({**filters.params(), "sort": sort.param}),
    )


def _quantity_table(detail: Any) -> list[dict[str, Any]]:
    """Per kind: the merged value (best) and the lowest and highest any source gives."""
    rows = []
    for q in detail.event.quantities:
        values = [
            mq.value for m in detail.mentions for mq in m.quantities if mq.kind == q.kind
        ] or [q.value]
        rows.append(
            {
                "kind": q.kind,
                "low": min(values),
                "best": q.value,
                "high": max(values),
                "approximate": q.approximate,
                "sources": len(values),
            }
        )
    return rows


def _sentence_marks(m: EventMention, text: str) -> list[Mark]:
    marks = [Mark(m.trigger.start, m.trigger.end, "trigger", f"trigger ({m.event})")]
    marks += [Mark(a.span.start, a.span.end, "actor", f"actor {a.code or ''}") for a in m.actor]
    marks += [
        Mark(a.span.start, a.span.end, "recipient", f"recipient {a.code or ''}")
        for a in m.recipient
    ]
    marks += [
        Mark(q.span.start, q.span.end, "quantity", f"{q.kind} {q.value}")
        for q in m.quantities
        if m.sentence.start <= q.span.start and q.span.end <= m.sentence.end
    ]
    return [mk for mk in marks if m.sentence.start <= mk.start and mk.end <= m.sentence.end]


def _coded(actors: Sequence[Actor]) -> str:
    """A mention's side as codes ("USA/GOV, IRN"), a name where no code."""
    return ", ".join("/".join(x for x in (a.code, a.sector) if x) or a.name for a in actors)


def event(request: Request) -> Response:
    wb = _wb(request)
    event_id = request.path_params["event_id"]
    detail = wb.event(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    sources = []
    for m in detail.mentions:
        art: Article = detail.articles[m.article_id]
        sentence = m.sentence.of(art.text)
        sources.append(
            {
                "mention": m,
                "article": art,
                "html": highlight(sentence, _sentence_marks(m, art.text), m.sentence.start),
                # what this mention itself codes (the event's dyad is its mentions' consensus)
                "coded": f"{_coded(m.actor) or '?'} -> {_coded(m.recipient) or '-'}",
            }
        )
    return _render(
        request,
        "event.html",
        page="events",
        detail=detail,
        e=detail.event,
        record=detail.record,
        sources=sources,
        quantities=_quantity_table(detail),
    )


def article(request: Request) -> Response:
    wb = _wb(request)
    article_id = request.path_params["article_id"]
    detail = wb.article(article_id)
    if detail is None:
        raise HTTPException(404, f"no article {article_id!r}")
    text = detail.article.text
    marks: list[Mark] = []
    for m in detail.mentions:
        marks.append(
            Mark(
                m.sentence.start,
                m.sentence.end,
                "sentence",
                f"{m.event} ({m.factuality})",
                anchor=f"m{m.index}",
            )
        )
        marks.append(Mark(m.trigger.start, m.trigger.end, "trigger", m.event))
    return _render(
        request,
        "article.html",
        page="articles",
        a=detail.article,
        text_html=highlight(text, marks),
        mentions=detail.mentions,
        event_of=detail.event_of,
    )


def articles(request: Request) -> Response:
    wb = _wb(request)
    per = 100
    total = wb.article_count()
    pages = max(1, math.ceil(total / per))
    page_no = _int(request, "page", 1, 1, pages)
    skips, n_skips = wb.skips(limit=500)
    return _render(
        request,
        "articles.html",
        page="articles",
        articles=wb.articles(offset=(page_no - 1) * per, limit=per),
        total=total,
        page_no=page_no,
        pages=pages,
        skips=skips,
        n_skips=n_skips,
    )


def dyads(request: Request) -> Response:
    wb = _wb(request)
    filters = Filters.parse(request.query_params)
    size = _int(request, "size", 12, 2, 40)
    pairs = wb.dyads(filters, limit=1000)
    weight: dict[str, int] = {}
    for d in pairs:
        for k in (d["actor"], d["recipient"]):
            weight[k] = weight.get(k, 0) + d["events"]
    keys = sorted(weight, key=lambda k: (-weight[k], k))[:size]
    cells = {(d["actor"], d["recipient"]): d for d in pairs}

    def link(**changes: Any) -> str:
        return events_url(filters, **changes)

    return _render(
        request,
        "dyads.html",
        page="dyads",
        filters=filters,
        keys=keys,
        cells=cells,
        size=size,
        network=charts.network(pairs[:80], link),
    )


def map_page(request: Request) -> Response:
    wb = _wb(request)
    filters = Filters.parse(request.query_params)
    places = wb.places(filters, limit=2000)
    located = sum(p["events"] for p in places)
    return _render(
        request,
        "map.html",
        page="map",
        filters=filters,
        places=places,
        located=located,
        total=wb.query.count(filters),
        whole=request.query_params.get("zoom") == "world",
        world=charts.world_map(
            places,
            lambda **kw: events_url(filters, **kw),
            whole=request.query_params.get("zoom") == "world",
        ),
    )


def stories(request: Request) -> Response:
    wb = _wb(request)
    per = 25
    _, total = wb.stories(limit=0)
    pages = max(1, math.ceil(total / per))
    page_no = _int(request, "page", 1, 1, pages)
    found, _ = wb.stories(offset=(page_no - 1) * per, limit=per)
    titles = wb.article_headers(sorted({a for s in found for a in s["article_ids"]}))
    return _render(
        request,
        "stories.html",
        page="stories",
        stories=found,
        titles=titles,
        total=total,
        page_no=page_no,
        pages=pages,
    )


def compare(request: Request) -> Response:
    wb = _wb(request)
    filters = Filters.parse(request.query_params)
    shown = filters.with_(min_sources=max(2, filters.min_sources or 0))
    per = 20
    total = wb.query.count(shown)
    pages = max(1, math.ceil(total / per))
    page_no = _int(request, "page", 1, 1, pages)
    page = wb.page(shown, sort=Sort("sources", True), limit=per, offset=(page_no - 1) * per)
    return _render(
        request,
        "compare.html",
        page="compare",
        filters=filters,
        records=page.records,
        total=total,
        page_no=page_no,
        pages=pages,
    )


def routes() -> list[Route]:
    get = ["GET", "HEAD"]
    table: list[tuple[str, Any]] = [
        ("/", overview),
        ("/events", events),
        ("/events/{event_id}", event),
        ("/articles", articles),
        ("/articles/{article_id}", article),
        ("/dyads", dyads),
        ("/map", map_page),
        ("/stories", stories),
        ("/compare", compare),
    ]
    return [Route(path, cached(endpoint), methods=get) for path, endpoint in table]
