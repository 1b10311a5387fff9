"""HTML reader: the main text and metadata of a page via trafilatura."""

from __future__ import annotations

import logging

from ..errors import InputError
from .clean import normalise_lines
from .decoding import MAX_HTML_DEPTH, html_depth
from .metadata import normalise_date
from .page_dates import stated_days
from .readers import Parts, _meta_str, from_plain


def from_html(data: bytes) -> Parts:
    """HTML page -> main text and metadata via trafilatura (tolerates malformed HTML)."""
    try:
        import trafilatura
    except ImportError as e:  # pragma: no cover - dependency is declared
        raise InputError("trafilatura is not installed; pip install trafilatura") from e
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura/lxml raise many types on broken pages
        raise InputError(f"HTML could not be parsed ({type(e).__name__}); check the file") from e
    meta = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = meta.get("text") or ""
    if not text.strip():
        if html_depth(data) > MAX_HTML_DEPTH:
            raise InputError(
                f"HTML is nested more than {MAX_HTML_DEPTH} elements deep, the parser's limit; "
                "save the article text or a simpler page"
            )
        raise InputError("HTML page holds no article text; save the article page itself")
    title = _meta_str(meta.get("title"))
    lines = normalise_lines(text)
    # trafilatura repeats the headline as the first line of the text
    if title:
        first = next((i for i, x in enumerate(lines) if x), None)
        if first is not None and lines[first].strip().casefold() == title.casefold():
            lines[first] = ""
    # one paragraph per line in trafilatura's output
    spaced = [y for x in lines for y in (x, "")]
    sitename = _meta_str(meta.get("sitename"))
    parts = from_plain(
        "\n".join(spaced),
        fmt="html",
        find_title=not title,
        known_title=title,
        known_outlet=sitename,
    )
    published = normalise_date(meta.get("date"))
    if published:  # the page is read again only to check a date trafilatura found
        stated = stated_days(data, _meta_str(meta.get("url")))
        if published[:10] not in stated:
            # found on the page but not stated as its date (a sidebar, a link): the earliest
            # day the page states as its own, if any
            published = min(stated) if stated else None
    return Parts(
        text=parts.text,
        title=title or parts.title,
        outlet=sitename or parts.outlet or _meta_str(meta.get("hostname")),
        author=_meta_str(meta.get("author")) or parts.author,
        url=_meta_str(meta.get("url")),
        published=published or parts.published,
        published_source="metadata" if published else parts.published_source,
        removed=parts.removed,
    )
