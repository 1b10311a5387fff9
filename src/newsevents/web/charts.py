"""Charts drawn on the server as inline SVG: no chart library, no script needed to see them,
and every mark is a plain link into the filtered events (so the CSP can forbid inline code).
Every text and attribute value goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from ..model import EVENT_TYPES

# 16 distinguishable colours, one per PLOVER type (cooperation greens/blues -> conflict reds)
_PALETTE = (
    "#1b7837",
    "#5aae61",
    "#a6dba0",
    "#4393c3",
    "#2166ac",
    "#92c5de",
    "#80cdc1",
    "#35978f",
    "#dfc27d",
    "#bf812d",
    "#f4a582",
    "#fdae61",
    "#d6604d",
    "#b2182b",
    "#8c510a",
    "#67001f",
)
TYPE_COLOURS: dict[str, str] = dict(zip(EVENT_TYPES, _PALETTE, strict=True))
OTHER_COLOUR = "#888888"

Link = Callable[..., str]


def colour(group: str) -> str:
    return TYPE_COLOURS.get(group, OTHER_COLOUR)


def goldstein_colour(value: float | None) -> str:
    """Red (conflict, -10) through grey (0) to blue (cooperation, +10)."""
    if value is None:
        return "#dddddd"
    t = max(-1.0, min(1.0, value / 10))
    if t < 0:
        r, g, b = 220, int(220 + 140 * t), int(220 + 160 * t)
    else:
        r, g, b = int(220 - 180 * t), int(220 - 100 * t), 230
    return f"#{r:02x}{g:02x}{b:02x}"


def bucket_range(bucket: str, interval: str) -> tuple[str, str]:
    """The date_from/date_to filter of one time bucket."""
    if interval == "week":
        start = dt.date.fromisoformat(bucket)
        return bucket, (start + dt.timedelta(days=6)).isoformat()
    return bucket, bucket


def fill_buckets(buckets: Sequence[str], interval: str, cap: int = 400) -> list[str]:
    """Every bucket between the first and the last, so gaps show as gaps (sparse past ``cap``)."""
    if len(buckets) < 2:
        return list(buckets)
    out: list[str] = []
    if interval in ("day", "week"):
        step = 1 if interval == "day" else 7
        d, last = dt.date.fromisoformat(buckets[0]), dt.date.fromisoformat(buckets[-1])
        while d <= last and len(out) <= cap:
            out.append(d.isoformat())
            d += dt.timedelta(days=step)
    elif interval == "month":
        y, m = int(buckets[0][:4]), int(buckets[0][5:7])
        while f"{y:04d}-{m:02d}" <= buckets[-1] and len(out) <= cap:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        out = [str(y) for y in range(int(buckets[0]), int(buckets[-1]) + 1)]
    return list(buckets) if len(out) > cap else out


def _a(href: str, body: str, title: str) -> str:
    return f'<a href="{escape(href)}"><title>{escape(title)}</title>{body}</a>'


def stacked_bars(
    series: dict[str, Any], interval: str, link: Link, *, width: int = 960, height: int = 260
) -> Markup:
    """Events per bucket, stacked by group; each segment links to its events."""
    buckets = fill_buckets(series["buckets"], interval)
    if not buckets:
        return Markup('<p class="empty">No dated events match.</p>')
    counts = {
        s["key"]: dict(zip(series["buckets"], s["counts"], strict=True)) for s in series["series"]
    }
    totals = [sum(c.get(b, 0) for c in counts.values()) for b in buckets]
    top = max(totals) or 1
    left, plot_h = 40, height - 50
    bar_w = max(1.0, (width - left - 10) / len(buckets))
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="events per {escape(interval)} by type">'
    ]
    for tick in _ticks(top):
        y = 10 + plot_h - plot_h * tick / top
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#e5e5e5"/><text x="{left - 4}" y="{y + 4:.1f}" '
            f'text-anchor="end" class="tick">{tick}</text>'
        )
    label_every = max(1, math.ceil(len(buckets) / 12))
    for i, b in enumerate(buckets):
        x = left + i * bar_w
        y = 10 + plot_h
        date_from, date_to = bucket_range(b, interval)
        for group in sorted(counts, key=_group_order):
            n = counts[group].get(b, 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            rect = (
                f'<rect class="bar" data-group="{escape(group)}" data-bucket="{escape(b)}" '
                f'x="{x + 0.5:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 0.8):.1f}" '
                f'height="{h:.1f}" fill="{colour(group)}"/>'
            )
            href = link(date_from=date_from, date_to=date_to, group=group)
            parts.append(_a(href, rect, f"{b} {group}: {n} event(s)"))
        if i % label_every == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 22}" class="tick">{escape(b)}</text>')
    parts.append("</svg>")
    legend = "".join(
        f'<span class="key"><i class="sw" data-colour="{colour(g)}">'
        f'<svg viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10" '
        f'fill="{colour(g)}"/></svg></i>{escape(g)}</span>'
        for g in sorted(counts, key=_group_order)
    )
    return Markup("".join(parts) + f'<div class="legend">{legend}</div>')


def _group_order(group: str) -> tuple[int, str]:
    return (EVENT_TYPES.index(group) if group in EVENT_TYPES else 99, group)


def _ticks(top: int) -> list[int]:
    step = max(1, 10 ** int(math.log10(top)) if top >= 10 else 1)
    if top / step > 5:
        step *= 2
    return list(range(0, top + 1, step))[-6:]


def line_chart(
    buckets: Sequence[str],
    values: Sequence[float | None],
    counts: Sequence[int],
    interval: str,
    link: Link,
    *,
    width: int = 960,
    height: int = 200,
) -> Markup:
    """Mean Goldstein (-10..+10) per bucket; each point links to its events."""
    points = [(b, v, n) for b, v, n in zip(buckets, values, counts, strict=True) if v is not None]
    if not points:
        return Markup('<p class="empty">No dated events for this dyad.</p>')
    left, plot_h = 40, height - 40
    timeline = fill_buckets([b for b, _, _ in points], interval)
    slot = {b: i for i, b in enumerate(timeline)}
    step = (width - left - 40) / max(1, len(timeline) - 1)

    def x_of(bucket: str) -> float:
        return left + 20 + slot.get(bucket, 0) * step

    def y_of(v: float) -> float:
        return 10 + plot_h * (10 - v) / 20

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="mean Goldstein score over time">'
    ]
    for tick in (-10, -5, 0, 5, 10):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{"#999" if tick == 0 else "#e5e5e5"}"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
            f"{tick:+d}</text>".replace("+0<", "0<")
        )
    label_every = max(1, math.ceil(len(timeline) / 10))
    for i, b in enumerate(timeline):
        if i % label_every == 0:
            parts.append(
                f'<text x="{x_of(b):.1f}" y="{height - 12}" class="tick" '
                f'text-anchor="middle">{escape(b)}</text>'
            )
    xy = [(x_of(b), y_of(v)) for b, v, _ in points]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(xy))
    parts.append(f'<path d="{path}" fill="none" stroke="#555" stroke-width="1.5"/>')
    for (b, v, n), (x, y) in zip(points, xy, strict=True):
        date_from, date_to = bucket_range(b, interval)
        dot = (
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="{3 + min(6, math.sqrt(n)):.1f}"'
            f' fill="{goldstein_colour(v)}" stroke="#333"/>'
        )
        title = f"{b}: mean Goldstein {v:+.2f} over {n} event(s)"
        parts.append(_a(link(date_from=date_from, date_to=date_to), dot, title))
    parts.append("</svg>")
    return Markup("".join(parts))


def hbars(items: Sequence[tuple[str, int, str]], *, width: int = 440) -> Markup:
    """(label, value, href) as horizontal bars with labels; each row is a link."""
    if not items:
        return Markup('<p class="empty">Nothing matches.</p>')
    top = max(v for _, v, _ in items) or 1
    row, label_w = 20, 170
    height = row * len(items) + 4
    parts = [f'<svg class="hbars" viewBox="0 0 {width} {height}" role="img">']
    for i, (label, value, href) in enumerate(items):
        y = i * row + 2
        w = (width - label_w - 40) * value / top
        body = (
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="label">'
            f"{escape(label[:28])}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{max(w, 1):.1f}" height="{row - 6}" '
            f'fill="#4a7ab0"/><text x="{label_w + w + 4:.1f}" y="{y + 14}" class="tick">'
            f"{value}</text>"
        )
        parts.append(_a(href, body, f"{label}: {value}"))
    parts.append("</svg>")
    return Markup("".join(parts))


@cache
def _world_paths(width: int, height: int) -> str:
    shapes = json.loads(
        resources.files("newsevents.web").joinpath("static/world-110m.json").read_text("utf-8")
    )
    out = []
    for country in shapes:
        d = []
        for ring in country["rings"]:
            lons: list[float] = []
            for i in range(0, len(ring), 2):  # unwrap rings that cross the antimeridian
                lon = ring[i]
                while lons and lon - lons[-1] > 180:
                    lon -= 360
                while lons and lons[-1] - lon > 180:
                    lon += 360
                lons.append(lon)
            pts = [_project(lon, ring[2 * i + 1], width, height) for i, lon in enumerate(lons)]
            d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        out.append(
            f'<path class="land" vector-effect="non-scaling-stroke" d="{"".join(d)}">'
            f"<title>{escape(country['name'])}</title></path>"
        )
    return "".join(out)


def _project(lon: float, lat: float, width: int, height: int) -> tuple[float, float]:
    """Equirectangular: plain, honest and good enough for 110m outlines."""
    return (lon + 180) * width / 360, (90 - lat) * height / 180


def _extent(places: Sequence[dict[str, Any]], width: int, height: int) -> tuple[float, ...]:
    """A 2:1 viewBox around the located places (at least 24 degrees wide), in map units."""
    if not places:
        return 0.0, 0.0, float(width), float(height)
    xs = [_project(p["lon"], p["lat"], width, height)[0] for p in places]
    ys = [_project(p["lon"], p["lat"], width, height)[1] for p in places]
    w = max(max(xs) - min(xs), (max(ys) - min(ys)) * 2, 24 * width / 360) * 1.3
    w = min(w, float(width))
    h = w / 2
    x0 = min(max((max(xs) + min(xs)) / 2 - w / 2, 0.0), width - w)
    y0 = min(max((max(ys) + min(ys)) / 2 - h / 2, 0.0), height - h)
    return x0, y0, w, h


def world_map(
    places: Sequence[dict[str, Any]], link: Link, *, width: int = 960, whole: bool = False
) -> Markup:
    """Country outlines (Natural Earth 110m via world-atlas) with a dot per located place,
    zoomed to the places unless ``whole``."""
    height = width // 2
    x0, y0, w, h = (
        (0.0, 0.0, float(width), float(height)) if whole else _extent(places, width, height)
    )
    k = w / width  # map units per pixel of the drawn map: dots keep their on-screen size
    parts = [
        f'<svg class="map" viewBox="{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}" role="img" '
        'aria-label="located events">',
        f'<rect width="{width}" height="{height}" fill="#eef3f8"/>',
        _world_paths(width, height),
    ]
    top = max((p["events"] for p in places), default=1)
    for p in sorted(places, key=lambda p: -p["events"]):
        x, y = _project(p["lon"], p["lat"], width, height)
        r = (3 + 9 * math.sqrt(p["events"] / top)) * k
        dot = (
            f'<circle class="place" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" '
            f'fill="{goldstein_colour(p["mean_goldstein"])}" fill-opacity="0.8" '
            f'stroke="#222" stroke-width="{0.6 * k:.2f}"/>'
        )
        title = (
            f"{p['place']} ({p['country'] or '?'}): {p['events']} event(s), mean "
            f"Goldstein {p['mean_goldstein']:+.1f}"
        )
        parts.append(_a(link(place=p["place"], country=p["country"]), dot, title))
    parts.append("</svg>")
    return Markup("".join(parts))


def network(dyads: Sequence[dict[str, Any]], link: Link, *, size: int = 560) -> Markup:
    """Actors on a circle, one arrow per directed dyad (width: events, colour: Goldstein)."""
    if not dyads:
        return Markup('<p class="empty">No event has both an actor and a recipient.</p>')
    weight: dict[str, int] = {}
    for d in dyads:
        for k in (d["actor"], d["recipient"]):
            weight[k] = weight.get(k, 0) + d["events"]
    nodes = sorted(weight, key=lambda k: (-weight[k], k))[:24]
    c, radius = size / 2, size / 2 - 70
    stride = next(
        k
        for k in range(max(1, len(nodes) * 3 // 8), len(nodes) + 1)
        if math.gcd(k, len(nodes)) == 1
    )  # spread the busiest around the circle
    order = {k: (i * stride) % len(nodes) for i, k in enumerate(nodes)}
    pos = {
        k: (
            c + radius * math.cos(2 * math.pi * order[k] / len(nodes) - math.pi / 2),
            c + radius * math.sin(2 * math.pi * order[k] / len(nodes) - math.pi / 2),
        )
        for k in nodes
    }
    top = max(d["events"] for d in dyads)
    parts = [
        f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="dyads">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
        'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>',
    ]
    for d in dyads:
        a, b = d["actor"], d["recipient"]
        if a not in pos or b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[a], pos[b]
        width = 1 + 6 * d["events"] / top
        if a == b:  # a loop for events inside one country
            shape = (
                f'<circle cx="{x1:.1f}" cy="{y1 - 14:.1f}" r="12" fill="none" '
                f'stroke="{goldstein_colour(d["mean_goldstein"])}" '
                f'stroke-width="{width:.1f}"/>'
            )
        else:
            mx, my = (x1 + x2) / 2 + (y2 - y1) * 0.12, (y1 + y2) / 2 - (x2 - x1) * 0.12
            shape = (
                f'<path class="edge" d="M{x1:.1f},{y1:.1f}Q{mx:.1f},{my:.1f} '
                f'{x2:.1f},{y2:.1f}" fill="none" stroke="{goldstein_colour(d["mean_goldstein"])}" '
                f'stroke-width="{width:.1f}" marker-end="url(#arrow)"/>'
            )
        title = f"{a} → {b}: {d['events']} event(s), mean Goldstein {d['mean_goldstein']:+.2f}"
        parts.append(_a(link(actor=a, recipient=b), shape, title))
    for k in nodes:
        x, y = pos[k]
        r = 6 + 10 * math.sqrt(weight[k] / max(weight.values()))
        body = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#fff" stroke="#333"/>'
            f'<text x="{x:.1f}" y="{y + (r + 12 if y > c else -r - 4):.1f}" '
            f'text-anchor="middle" class="label">{escape(k[:18])}</text>'
        )
        parts.append(_a(link(party=k), body, f"{k}: {weight[k]} event(s) in these dyads"))
    parts.append("</svg>")
    return Markup("".join(parts))
