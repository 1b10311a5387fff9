"""The day an event's parties hold their roles on: the first day its own sentence names (a
dated role, "President X" in 1995, is read on that day, not the publication's)."""

from __future__ import annotations

from ...model import EventMention, TimeExpression


def sentence_day(ev: EventMention, times: list[TimeExpression]) -> str | None:
    """The first day named in the event's sentence (a partial date stands for its middle:
    "1995" -> 1995-07-01, "1995-03" -> 1995-03-15), or None. (``times``: all the article's,
    or those inside the sentence.)"""
    for t in times:
        if ev.sentence.start <= t.span.start and t.span.end <= ev.sentence.end and t.value:
            value = t.value
            if len(value) == 4 and value.isdigit():
                return f"{value}-07-01"
            if len(value) == 7:
                return f"{value}-15"
            if len(value) >= 10:
                return value[:10]
    return None
