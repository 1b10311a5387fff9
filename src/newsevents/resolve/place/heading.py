"""A paragraph's heading: "Djibo (Soum province): armed men attacked ..." places its acts.

Incident lists of NGO reports, digests and live pages open a paragraph with the place it is
about and a colon. The heading is no locative phrase, so the parse never attaches it; it
says where every act of its paragraph happened, unless the act's own words name a place.
Its shape is data (``place_heading.tsv``: a regular expression with a group ``place``, at a
line start); a heading the gazetteer does not know ("Q:", "Update:") places nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

from ...model import Document, EventMention, Place, Span
from ..datelines import read_patterns
from .gazetteer import Gazetteer


def read_headings(path: Path) -> tuple[re.Pattern[str], ...]:
    """place_heading.tsv: name -> regular expression with a group "place" (a line start)."""
    return read_patterns(path, "place")


def heading_places(
    doc: Document, gaz: Gazetteer, context: Counter[str]
) -> list[tuple[Span, Place]]:
    """(paragraph span, place) for every paragraph that opens with a place heading."""
    text = doc.article.text
    out: list[tuple[Span, Place]] = []
    for rx in gaz.headings:
        for m in rx.finditer(text):
            name = m.group("place")
            place = gaz.lookup(name, context)
            if place is None or not _in_article(gaz, place, context):
                continue
            end = text.find("\n", m.end())
            span = Span(m.start(), len(text) if end < 0 else end)
            where = Span(m.start("place"), m.end("place"))
            out.append((span, dataclasses.replace(place, span=where, source="text")))
    return out


def _in_article(gaz: Gazetteer, place: Place, context: Counter[str]) -> bool:
    """True when the place lies in one of the article's countries (a heading word that is
    also a far town's name, "Update:", places nothing)."""
    return any(gaz.alpha3(a2) == place.country for a2 in context)


def place_by_heading(
    doc: Document, events: list[EventMention], gaz: Gazetteer, context: Counter[str]
) -> list[EventMention]:
    """Give a heading's place to the acts of its paragraph that their words leave unplaced
    (not to acts done by word at a distance, which a heading does not locate)."""
    found = heading_places(doc, gaz, context)
    if not found:
        return events
    out: list[EventMention] = []
    for ev in events:
        if ev.location is None and ev.event not in gaz.cues.remote_events:
            for span, place in found:
                if span.start <= ev.trigger.start and ev.trigger.end <= span.end:
                    ev = dataclasses.replace(ev, location=place)
                    break
        out.append(ev)
    return out
