"""The self-contained HTML report: one string, no network assets, readable without JS.

``render_html`` lays out a corpus summary, a timeline grouped by story, one card per event
(source sentences with the trigger highlighted and the participants underlined, the
discrepancies between outlets, each outlet's framing and the merge explanation), a framing
overview (event x outlet) and the quotations. CSS and a small filter script are packaged
next to this module (``report.css``, ``report.js``) and inlined.

Why hand-written markup rather than a template engine: the page is a handful of tables and
lists, every value must pass through :func:`html.escape`, and Jinja2 is not a dependency;
building the strings here keeps the escaping explicit and the output byte-for-byte
deterministic (no timestamps, every collection sorted).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from html import escape
from importlib import resources
from itertools import pairwise
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..model import (
    FACTUAL,
    FACTUALITY,
    Actor,
    Article,
    Event,
    EventMention,
    Place,
    Quote,
    Span,
    Story,
)

__all__ = ["render_html"]

#: Order in which overlapping annotations are nested (outermost first).
_KIND_TAGS: tuple[tuple[str, str, str], ...] = (
    ("trigger", '<mark class="trigger">', "</mark>"),
    ("actor", '<u class="actor">', "</u>"),
    ("recipient", '<u class="recipient">', "</u>"),
    ("cue", '<em class="cue">', "</em>"),
)

_NO_STORY = "\x00no-story"  # group key for events without a known story (sorts first)


def _e(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    try:
        return (resources.files("newsevents.report") / name).read_text(encoding="utf-8")
    except (OSError, FileNotFoundError) as e:
        raise ConfigError(
            f"report asset {name} is missing from the newsevents package; reinstall newsevents"
        ) from e


# --- small formatters -------------------------------------------------------------------


def outlet_name(article: Article | None) -> str:
    """The label an article is shown under: its outlet, else its URL's host, else its file."""
    if article is None:
        return "(unknown source)"
    if article.outlet:
        return article.outlet
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    # a file path: its last component is enough to tell articles apart in a table
    return article.source.rstrip("/").rsplit("/", 1)[-1] or article.id


def _fmt_actor(actor: Actor) -> str:
    codes = " ".join(c for c in (actor.code, actor.sector) if c)
    name = f'<span class="actor-name">{_e(actor.name)}</span>'
    return f'{name} <span class="code">[{_e(codes)}]</span>' if codes else name


def _fmt_actors(actors: Sequence[Actor]) -> str:
    return "; ".join(_fmt_actor(a) for a in actors) if actors else '<span class="muted">—</span>'


def _fmt_date(date: str | None, end: str | None, precision: str | None) -> str:
    if not date:
        return '<span class="muted">undated</span>'
    text = _e(date) if not end or end == date else f"{_e(date)} – {_e(end)}"
    if precision:
        text += f' <span class="muted">({_e(precision)})</span>'
    return text


def _fmt_place(place: Place | None) -> str:
    if place is None:
        return '<span class="muted">—</span>'
    parts = [_e(place.name)]
    if place.country and place.country != place.name:
        parts.append(f'<span class="code">{_e(place.country)}</span>')
    return ", ".join(parts) + f' <span class="muted">({_e(place.precision)})</span>'


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fmt_intensity(value: float) -> str:
    return f"{value:+.1f}"


def _fact_badge(factuality: str) -> str:
    return f'<span class="badge fact-{_e(factuality)}">{_e(factuality)}</span>'


def _type_mode(event: Event) -> str:
    out = f'<span class="badge type">{_e(event.event)}</span>'
    if event.mode:
        out += f" <span>{_e(event.mode)}</span>"
    return out


def _safe_href(url: str | None) -> str | None:
    """Only web links become ``<a href>``: no ``javascript:``/``data:`` URLs from input."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _clip(span: Span, text: str) -> Span:
    start = max(0, min(span.start, len(text)))
    return Span(start, max(start, min(span.end, len(text))))


# --- sentence highlighting --------------------------------------------------------------


def highlight(text: str, sentence: Span, marks: Iterable[tuple[Span, str]]) -> str:
    """Escaped HTML of ``sentence`` in ``text`` with annotation spans wrapped in tags.

    ``marks`` are ``(span, kind)`` with kind ``trigger`` (``<mark>``), ``actor`` /
    ``recipient`` (``<u>``) or ``cue`` (``<em>``). Spans may overlap or nest; each is
    clipped to the sentence. The sentence is cut at every span boundary and each piece is
    wrapped in the tags of the spans covering it, so the markup always nests correctly.
    """
    sent = _clip(sentence, text)
    start, end = sent.start, sent.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sent = Span(start, end)
    known = {kind for kind, _, _ in _KIND_TAGS}
    clipped: list[tuple[int, int, str]] = []
    for span, kind in marks:
        if kind not in known:
            raise ValueError(f"unknown highlight kind {kind!r}; use one of {sorted(known)}")
        start, end = max(span.start, sent.start), min(span.end, sent.end)
        if start < end:
            clipped.append((start, end, kind))
    points = sorted({sent.start, sent.end, *(p for s, e, _ in clipped for p in (s, e))})
    # consecutive pieces covered by the same kinds are joined so one word gets one tag
    pieces: list[tuple[frozenset[str], str]] = []
    for a, b in pairwise(points):
        kinds = frozenset(k for s, e, k in clipped if s <= a and b <= e)
        if pieces and pieces[-1][0] == kinds:
            pieces[-1] = (kinds, pieces[-1][1] + text[a:b])
        else:
            pieces.append((kinds, text[a:b]))
    out: list[str] = []
    for kinds, chunk in pieces:
        opened = [(o, c) for k, o, c in _KIND_TAGS if k in kinds]
        out.append(
            "".join(o for o, _ in opened) + _e(chunk) + "".join(c for _, c in reversed(opened))
        )
    return "".join(out)


def _mention_marks(m: EventMention) -> list[tuple[Span, str]]:
    marks: list[tuple[Span, str]] = [(m.trigger, "trigger")]
    marks += [(a.span, "actor") for a in m.actor]
    marks += [(r.span, "recipient") for r in m.recipient]
    if m.cue is not None:
        marks.append((m.cue, "cue"))
    return marks


# --- the report -------------------------------------------------------------------------


class _Ctx:
    """Lookups shared by the sections (which outlet, which mentions an event has)."""

    def __init__(
        self,
        mentions: Mapping[str, EventMention],
        articles: Mapping[str, Article],
        stories: Sequence[Story],
    ) -> None:
        self.mentions = mentions
        self.articles = articles
        self.stories = {s.id: s for s in stories}

    def event_mentions(self, event: Event) -> list[EventMention]:
        return [self.mentions[mid] for mid in event.mention_ids if mid in self.mentions]

    def outlets(self, event: Event) -> list[str]:
        names = {outlet_name(self.articles.get(m.article_id)) for m in self.event_mentions(event)}
        return sorted(names)

    def story_label(self, key: str) -> str:
        if key == _NO_STORY:
            return "Events not assigned to a story"
        story = self.stories.get(key)
        return story.label if story and story.label else f"Story {key}"


def _event_sort_key(event: Event) -> tuple[str, str, str]:
    # undated events go last ("\uffff" sorts after any ISO date)
    return (event.date or "\uffff", event.date_end or "", event.id)


def _anchor(event: Event) -> str:
    return "ev-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in event.id)


def _data_attrs(event: Event, ctx: _Ctx) -> str:
    return (
        f' data-event="{_e(event.id)}" data-type="{_e(event.event)}"'
        f' data-factuality="{_e(event.factuality)}"'
        f' data-outlets="{_e(json.dumps(ctx.outlets(event), ensure_ascii=False))}"'
    )


def _header(
    title: str,
    events: Sequence[Event],
    shown: Sequence[Event],
    articles: Mapping[str, Article],
    stories: Sequence[Story],
    show_all: bool,
) -> str:
    outlets = sorted({outlet_name(a) for a in articles.values()})
    nonfactual: dict[str, int] = {}
    for ev in events:
        if ev.factuality not in FACTUAL:
            nonfactual[ev.factuality] = nonfactual.get(ev.factuality, 0) + 1
    items = [
        f"<li><b>{len(articles)}</b> articles</li>",
        f"<li><b>{len(outlets)}</b> outlets</li>",
        f"<li><b>{len(stories)}</b> stories</li>",
        f"<li><b>{len(events)}</b> events</li>",
    ]
    out = [f"<header><h1>{_e(title)}</h1>", '<ul class="summary">', *items, "</ul>"]
    if outlets:
        out.append(f'<p class="muted">Outlets: {_e(", ".join(outlets))}</p>')
    order = [f for f in FACTUALITY if f in nonfactual] + sorted(
        f for f in nonfactual if f not in FACTUALITY
    )
    counts = ", ".join(f"{nonfactual[f]} {_e(f)}" for f in order)
    if counts and not show_all:
        out.append(
            f'<p class="note" id="hidden-note">Hidden: {counts} '
            f"(events the articles do not report as having happened; showing "
            f"{len(shown)} of {len(events)}; run newsevents report --all to include them).</p>"
        )
    elif counts:
        out.append(
            f'<p class="note" id="hidden-note">Included with a badge: {counts} '
            f"(events the articles do not report as having happened).</p>"
        )
    out.append("</header>")
    return "\n".join(out)


def _filters(shown: Sequence[Event], ctx: _Ctx) -> str:
    """Filter bar, hidden until report.js runs (so it never shows as dead controls)."""

    def select(name: str, label: str, values: Iterable[str]) -> str:
        opts = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
        return (
            f'<label>{_e(label)} <select name="{_e(name)}">'
            f'<option value="">all</option>{opts}</select></label>'
        )

    types = sorted({ev.event for ev in shown})
    outlets = sorted({o for ev in shown for o in ctx.outlets(ev)})
    facts = sorted({ev.factuality for ev in shown})
    return (
        '<form class="filters" id="filters" hidden>'
        + select("type", "Type", types)
        + select("outlet", "Outlet", outlets)
        + select("factuality", "Factuality", facts)
        + "</form>"
    )


def _timeline(shown: Sequence[Event], ctx: _Ctx) -> str:
    groups: dict[str, list[Event]] = {}
    for ev in shown:
        key = ev.story_id if ev.story_id is not None else _NO_STORY
        groups.setdefault(key, []).append(ev)
    for evs in groups.values():
        evs.sort(key=_event_sort_key)
    # stories in order of their first event's date, then label
    order = sorted(groups, key=lambda k: (_event_sort_key(groups[k][0]), ctx.story_label(k)))
    head = (
        "<thead><tr><th>Date</th><th>Type / mode</th><th>CAMEO</th><th>Goldstein</th>"
        "<th>Actor → recipient</th><th>Place</th><th>Factuality</th><th>Outlets</th>"
        "<th>Discrepancies</th></tr></thead>"
    )
    out = ['<section id="timeline"><h2>Timeline</h2>']
    if not shown:
        out.append('<p class="muted">No events to show.</p></section>')
        return "\n".join(out)
    out.append(f'<table class="timeline">{head}')
    for key in order:
        evs = groups[key]
        out.append(
            f'<tbody><tr class="story"><th colspan="9">{_e(ctx.story_label(key))} '
            f'<span class="muted">({_plural(len(evs), "event")})</span></th></tr>'
        )
        for ev in evs:
            flag = (
                f'<span class="flag" title="outlets disagree">⚠ '
                f"{_e(', '.join(d.field for d in ev.discrepancies))}</span>"
                if ev.discrepancies
                else ""
            )
            out.append(
                f"<tr{_data_attrs(ev, ctx)}>"
                f'<td class="date">{_fmt_date(ev.date, ev.date_end, ev.date_precision)}</td>'
                f'<td><a href="#{_anchor(ev)}">{_type_mode(ev)}</a></td>'
                f'<td class="code">{_e(ev.cameo)}</td>'
                f'<td class="num">{_fmt_intensity(ev.intensity)}</td>'
                f"<td>{_fmt_actors(ev.actor)} → {_fmt_actors(ev.recipient)}</td>"
                f"<td>{_fmt_place(ev.location)}</td>"
                f"<td>{_fact_badge(ev.factuality)}</td>"
                f'<td class="num">{len(ctx.outlets(ev))}</td>'
                f"<td>{flag}</td></tr>"
            )
        out.append("</tbody>")
    out.append("</table></section>")
    return "\n".join(out)


def _source_block(m: EventMention, ctx: _Ctx) -> str:
    art = ctx.articles.get(m.article_id)
    if art is None:
        return (
            f'<div class="source"><p class="muted">Mention {_e(m.id)}: article '
            f"{_e(m.article_id)} is not loaded.</p></div>"
        )
    meta = [f"<b>{_e(outlet_name(art))}</b>"]
    if art.title:
        meta.append(f"“{_e(art.title)}”")
    if art.published:
        meta.append(_e(art.published))
    href = _safe_href(art.url)
    if href:
        meta.append(f'<a href="{_e(href)}" rel="noopener noreferrer">link</a>')
    elif art.url:
        meta.append(f'<span class="code">{_e(art.url)}</span>')
    extra = []
    if m.speaker is not None:
        extra.append(f"told by {_fmt_actor(m.speaker)}")
    if m.factuality not in FACTUAL:
        extra.append(_fact_badge(m.factuality))
    if m.date and m.date_source:
        extra.append(f"date from {_e(m.date_source)}: {_e(m.date)}")
    tail = f'<div class="meta">{" · ".join(extra)}</div>' if extra else ""
    return (
        f'<div class="source"><div class="meta">{" · ".join(meta)}</div>'
        f"<blockquote>{highlight(art.text, m.sentence, _mention_marks(m))}</blockquote>"
        f"{tail}</div>"
    )


def _discrepancies(ev: Event, ctx: _Ctx) -> str:
    if not ev.discrepancies:
        return ""
    rows = []
    for d in sorted(ev.discrepancies, key=lambda d: d.field):
        values = sorted(d.values, key=lambda v: (v.outlet or "", v.mention_id, v.value))
        for i, v in enumerate(values):
            art = ctx.articles.get(v.article_id)
            sentence = _e(_clip(v.sentence, art.text).of(art.text).strip()) if art else ""
            outlet = v.outlet or outlet_name(art)
            field_cell = f'<th rowspan="{len(values)}">{_e(d.field)}</th>' if i == 0 else ""
            rows.append(
                f"<tr>{field_cell}<td>{_e(outlet)}</td><td><b>{_e(v.value)}</b></td>"
                f"<td>{sentence}</td></tr>"
            )
    return (
        '<h4>Discrepancies</h4><table class="discrepancies"><thead><tr><th>Field</th>'
        "<th>Outlet</th><th>Value</th><th>Sentence</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _card(ev: Event, ctx: _Ctx) -> str:
    cls = "card" if ev.factuality in FACTUAL else "card nonfactual"
    facts = [
        ("Date", _fmt_date(ev.date, ev.date_end, ev.date_precision)),
        (
            "CAMEO",
            f'<span class="code">{_e(ev.cameo)}</span> · Goldstein {_fmt_intensity(ev.intensity)}',
        ),
        ("Actor", _fmt_actors(ev.actor)),
        ("Recipient", _fmt_actors(ev.recipient)),
        ("Place", _fmt_place(ev.location)),
        ("Factuality", _fact_badge(ev.factuality)),
    ]
    if ev.context:
        facts.append(("Context", _e(", ".join(ev.context))))
    if ev.quantities:
        qs = sorted(ev.quantities, key=lambda q: (q.kind, q.value))
        facts.append(
            (
                "Quantities",
                _e(
                    ", ".join(f"{q.kind}: {'about ' if q.approximate else ''}{q.value}" for q in qs)
                ),
            )
        )
    out = [
        f'<article class="{cls}" id="{_anchor(ev)}"{_data_attrs(ev, ctx)}>',
        f"<h3>{_type_mode(ev)}: {_fmt_actors(ev.actor)} → {_fmt_actors(ev.recipient)}</h3>",
        "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts) + "</dl>",
    ]
    mentions = ctx.event_mentions(ev)
    missing = [mid for mid in ev.mention_ids if mid not in ctx.mentions]
    n_outlets = _plural(len(ctx.outlets(ev)), "outlet")
    out.append(f"<h4>Sources ({n_outlets}, {_plural(len(mentions), 'sentence')})</h4>")
    by_outlet = sorted(
        mentions, key=lambda m: (outlet_name(ctx.articles.get(m.article_id)), m.article_id, m.index)
    )
    out.extend(_source_block(m, ctx) for m in by_outlet)
    if missing:
        out.append(f'<p class="muted">Mentions not loaded: {_e(", ".join(missing))}</p>')
    out.append(_discrepancies(ev, ctx))
    if ev.framing:
        items = "".join(
            f"<li><b>{_e(outlet)}</b>: {_e(', '.join(words))}</li>"
            for outlet, words in sorted(ev.framing)
        )
        out.append(f'<h4>Framing</h4><ul class="framing">{items}</ul>')
    if ev.explanation:
        lines = "".join(f"<li>{_e(line)}</li>" for line in ev.explanation)
        out.append(f'<h4>Why these sources were merged</h4><ul class="explain">{lines}</ul>')
    out.append("</article>")
    return "\n".join(part for part in out if part)


def _framing_overview(shown: Sequence[Event]) -> str:
    outlets = sorted({outlet for ev in shown for outlet, _ in ev.framing})
    rows_events = [ev for ev in shown if ev.framing]
    out = ['<section id="framing"><h2>Framing by outlet</h2>']
    if not rows_events:
        out.append('<p class="muted">No framing words recorded.</p></section>')
        return "\n".join(out)
    head = "".join(f"<th>{_e(o)}</th>" for o in outlets)
    out.append(
        f'<table class="framing-overview"><thead><tr><th>Event</th>{head}</tr></thead><tbody>'
    )
    for ev in rows_events:
        words: dict[str, list[str]] = {}
        for outlet, ws in ev.framing:
            words.setdefault(outlet, []).extend(ws)
        cells = "".join(f"<td>{_e(', '.join(words.get(o, [])))}</td>" for o in outlets)
        label = f"{ev.date or 'undated'} {ev.event}"
        who = f"{_fmt_actors(ev.actor)} → {_fmt_actors(ev.recipient)}"
        out.append(
            f'<tr><th><a href="#{_anchor(ev)}">{_e(label)}</a><br>'
            f'<span class="who">{who}</span></th>{cells}</tr>'
        )
    out.append("</tbody></table></section>")
    return "\n".join(out)


def _quotes(quotes: Sequence[Quote], ctx: _Ctx) -> str:
    if not quotes:
        return ""
    ordered = sorted(
        quotes,
        key=lambda q: (outlet_name(ctx.articles.get(q.article_id)), q.article_id, q.index),
    )
    rows = []
    for q in ordered:
        art = ctx.articles.get(q.article_id)
        if art is None:
            continue
        speaker = _fmt_actor(q.speaker) if q.speaker else '<span class="muted">unknown</span>'
        cue = _e(q.cue_lemma) if q.cue_lemma else ""
        rows.append(
            f"<tr><td>{_e(outlet_name(art))}</td><td>{speaker}</td><td>{cue}</td>"
            f"<td>“{_e(_clip(q.span, art.text).of(art.text))}”</td></tr>"
        )
    return (
        '<section id="quotes"><h2>Quotations</h2><table><thead><tr><th>Outlet</th>'
        "<th>Speaker</th><th>Cue</th><th>Quote</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )


def render_html(
    events: Sequence[Event],
    mentions: Mapping[str, EventMention],
    articles: Mapping[str, Article],
    stories: Sequence[Story] = (),
    quotes: Sequence[Quote] = (),
    *,
    title: str = "newsevents report",
    show_all: bool = False,
) -> str:
    """The report as one self-contained HTML document (inline CSS/JS, no network assets).

    Events whose factuality is not in :data:`~newsevents.model.FACTUAL` (future,
    hypothetical, negated) are left out and counted in the header unless ``show_all``,
    in which case they appear with a badge. The same input gives the same bytes.
    """
    ctx = _Ctx(mentions, articles, stories)
    shown = sorted(
        (ev for ev in events if show_all or ev.factuality in FACTUAL), key=_event_sort_key
    )
    legend = (
        '<p class="legend muted"><span><mark class="trigger">trigger</mark></span>'
        '<span><u class="actor">actor</u></span><span><u class="recipient">recipient</u>'
        '</span><span><em class="cue">factuality cue</em></span></p>'
    )
    cards = [_card(ev, ctx) for ev in shown] or ['<p class="muted">No events to show.</p>']
    body = [
        _header(title, events, shown, articles, stories, show_all),
        _filters(shown, ctx) if shown else "",
        _timeline(shown, ctx),
        f'<section id="events"><h2>Events</h2>{legend if shown else ""}',
        *cards,
        "</section>",
        _framing_overview(shown),
        _quotes(quotes, ctx),
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f"<style>\n{_asset('report.css')}</style>\n"
        "</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + f"\n<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
    )
