"""Rendering helpers: the Jinja2 environment (autoescaping on), safe links, highlighted text and
JSON embedded in HTML. Article text, titles, outlets and URLs are untrusted: they reach a page
only through Jinja's escaping, :func:`markupsafe.escape`, :func:`safe_url` or :func:`json_script`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..query import FILTERS, Filters
from . import charts


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None (never a link)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch in url for ch in "\x00\r\n\t"):
        return None
    return url.strip()


def json_script(data: Any, element_id: str) -> Markup:
    """JSON in a ``<script type="application/json">`` that no string can break out of."""
    text = (
        json.dumps(data, ensure_ascii=True, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return Markup(f'<script type="application/json" id="{escape(element_id)}">{text}</script>')


def query_string(params: Mapping[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from ``params`` with ``changes`` applied (None removes a key)."""
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for k, v in changes.items():
        if v in (None, ""):
            merged.pop(k, None)
        else:
            merged[k] = v
    return ("?" + urlencode(sorted(merged.items()))) if merged else ""


def events_url(filters: Filters, **changes: Any) -> str:
    """The events table for ``filters`` with some filters changed."""
    return "/events" + query_string(filters.params(), **changes)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # trigger | actor | recipient | quantity | sentence
    title: str = ""
    anchor: str = ""  # an element id on the mark's first piece (links to a sentence)


def highlight(text: str, marks: Sequence[Mark], offset: int = 0) -> Markup:
    """``text`` (which starts at ``offset`` in its article) with ``marks`` wrapped in <mark>.

    Marks may nest or overlap: every stretch of text gets the classes of the marks covering it.
    """
    bounds = {0, len(text)}
    for m in marks:
        for b in (m.start - offset, m.end - offset):
            if 0 <= b <= len(text):
                bounds.add(b)
    cuts = sorted(bounds)
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b])
        covering = [m for m in marks if m.start - offset <= a and b <= m.end - offset]
        if covering:
            kinds = " ".join(sorted({m.kind for m in covering}))
            title = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
            anchors = list(
                dict.fromkeys(m.anchor for m in covering if m.anchor and m.start - offset == a)
            )
            ident = f' id="{escape(anchors[0])}"' if anchors else ""
            # several mentions in one sentence: each keeps a link target of its own
            extra = "".join(f'<span id="{escape(x)}"></span>' for x in anchors[1:])
            out.append(
                f'{extra}<mark{ident} class="{escape(kinds)}" title="{escape(title)}">'
                f"{piece}</mark>"
            )
        else:
            out.append(str(piece))
    return Markup("".join(out))


def gclass(value: float | None) -> str:
    """A CSS class for a mean Goldstein score (g-5 conflict ... g5 cooperation), no inline style."""
    if value is None:
        return "gnone"
    return f"g{round(max(-10.0, min(10.0, value)) / 2)}"


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("newsevents.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        safe_url=safe_url,
        json_script=json_script,
        events_url=events_url,
        query_string=query_string,
        FILTERS=FILTERS,
        colour=charts.colour,
        goldstein_colour=charts.goldstein_colour,
        gclass=gclass,
        bucket_range=charts.bucket_range,
    )
    return env
