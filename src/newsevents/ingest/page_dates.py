"""Is a page's publication date stated where pages state it, or only found somewhere on it?

trafilatura (htmldate) returns the oldest date it finds when no metadata names one, and a page
without a date in its metadata often carries others: a related story's ``<time>`` in a
sidebar, an archive link, a copyright year. Taking those dated fresh articles years early, so
a date is kept only when one of the page's publication-date statements gives the same day.
"""

from __future__ import annotations

import json
import re

import lxml.html

from .metadata import normalise_date

# not data: names from the HTML metadata vocabularies (Open Graph, schema.org, Dublin Core and
# the common CMS meta names), a format specification rather than words of a language
_META_NAMES = frozenset(
    {
        "article:published_time", "og:published_time", "og:article:published_time",
        "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
        "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
        "originalpublicationdate", "displaydate", "created", "datecreated",
    }
)  # fmt: skip
_OUTSIDE = frozenset({"aside", "nav", "footer", "a"})  # where other stories' dates live
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# an element whose class or id says it holds the page's date or byline
_DATED_CLASS = " | ".join(
    f"//*[contains(translate(@{attr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),"
    f" '{word}')]"
    for attr in ("class", "id")
    for word in ("date", "publish", "byline", "timestamp", "dateline")
)
_URL_DAY = re.compile(r"/(\d{4})[/-](\d{2})[/-](\d{2})(?:/|[^\d]|$)")


def stated_days(data: bytes, url: str | None = None) -> set[str]:
    """Every YYYY-MM-DD the page states as its own date: metadata, JSON-LD, a
    ``datePublished`` item, a ``<time>`` outside sidebars, navigation, footers and links, and
    the URL's path."""
    try:
        root = lxml.html.fromstring(data)
    except Exception:  # lxml raises many types on broken pages; then nothing is stated
        return set()
    values: list[str] = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_NAMES:
            values.append(meta.get("content") or "")
    for node in root.xpath("//*[@itemprop='datePublished']"):
        values.append(node.get("content") or node.get("datetime") or node.text_content())
    for script in root.xpath("//script[@type='application/ld+json']"):
        values.extend(_json_ld_dates(script.text or ""))
    for node in root.iter("time"):
        if not _outside(node):
            values.append(node.get("datetime") or "")
    for node in root.xpath(_DATED_CLASS):
        if not _outside(node):
            values.append(normalise_date(node.text_content()[:120]) or "")
    days = {"-".join(m.groups()) for v in values for m in [_DAY.search(v)] if m}
    for link in [url, *root.xpath("//link[@rel='canonical']/@href")]:
        if link and (m := _URL_DAY.search(str(link))):
            days.add("-".join(m.groups()))
    return days


def _outside(node: lxml.html.HtmlElement) -> bool:
    return any(a.tag in _OUTSIDE for a in (node, *node.iterancestors()))


def _json_ld_dates(text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found: list[str] = []
    stack = [data]
    while stack:  # iterative: a page's JSON-LD may nest deeply
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("datePublished", "dateCreated") and isinstance(value, str):
                    found.append(value)
                elif isinstance(value, dict | list):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found
