"""Expressions counted from another event, not from the publication date.

"two days later", "hours after that attack", "the following day", "the day before the
vote", "later that day": :func:`find_relative` finds them; :mod:`.dating` counts them from
the event they name or the latest dated one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Document, Span
from .raw import parse_count
from .vocab import TimeVocab
from .words import Unit


@dataclass(frozen=True)
class Relative:
    """An expression counted from another event: ``n`` ``unit``s after (sign +1) or before
    (-1) it. ``named`` is the char offset of the word "after"/"before" when the text names
    the event ("three days after the bombing"), else None (the latest dated event)."""

    span: Span
    n: int
    unit: Unit  # day | week | month
    sign: int
    named: int | None = None
    whole: bool = False  # "the following week/month": that whole week or month


class SpanIndex:
    """Sorted, disjoint spans; :meth:`overlaps` in log time."""

    def __init__(self, spans: Sequence[Span]):
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]  # disjoint and sorted: ends are sorted too

    def overlaps(self, span: Span) -> bool:
        j = bisect_left(self._starts, span.end) - 1  # the last one starting before its end
        return j >= 0 and self._ends[j] > span.start


#: parse.user_data key of the relative expressions found (the time scan and the dating both
#: ask for them; the regular expressions run over the whole text)
_FOUND = "newsevents.relative"


def find_relative(doc: Document, tv: TimeVocab) -> list[Relative]:
    """Expressions of the article counted from another event (text order, no overlaps),
    found once per parse and time vocabulary."""
    parse = doc.parse
    memo = parse.user_data.get(_FOUND) if parse is not None else None
    if memo is not None and memo[0] is tv and memo[1] is doc.article.text:
        return list(memo[2])
    found = _find_relative(doc.article.text, tv)
    if parse is not None:
        parse.user_data[_FOUND] = (tv, doc.article.text, tuple(found))
    return found


def _find_relative(text: str, tv: TimeVocab) -> list[Relative]:
    found: list[Relative] = []
    for pat in tv.patterns.relative:
        for m in pat.finditer(text):
            rel = _read(m, text, tv)
            if rel is not None:
                found.append(rel)
    found.sort(key=lambda x: (x.span.start, -(x.span.end - x.span.start)))
    out: list[Relative] = []
    for rel in found:  # longest first at one place; no overlaps
        if not out or rel.span.start >= out[-1].span.end:
            out.append(rel)
    return out


def _read(m: re.Match[str], text: str, tv: TimeVocab) -> Relative | None:
    r = tv.reference
    g = m.groupdict()
    span = Span(m.start(), m.end())
    word_follows = bool(re.match(r"\s+\w", text[m.end() : m.end() + 3]))
    if g.get("unit"):
        unit_word = g["unit"].lower()
        d = g["dir"].lower()
        short = unit_word in r.same_day_units
        n = parse_count(g["num"], tv.words) if g.get("num") else None
        # not data: an English plural ("hours later" needs no count; "days later" says none)
        if n is None and not (short and unit_word.endswith("s")):
            return None
        if d in r.ambiguous_after_words and word_follows:
            return None  # "two days on the island" is no time
        unit: Unit = "day" if short else tv.words.units[unit_word]
        sign = 1 if d in r.after_words else -1
        named = m.start("dir") if d in r.naming_words and word_follows else None
        return Relative(span, 0 if short else n or 0, unit, sign, named)
    if g.get("nx"):
        dw = g["dw"].lower()
        unit = tv.words.units[dw] if dw in r.whole_units else "day"
        sign = 1 if g["nx"].lower() in r.next_words else -1
        return Relative(span, 1, unit, sign, whole=True)
    if g.get("dw2"):
        sign = 1 if g["dir2"].lower() in r.after_words else -1
        named = m.start("dir2") if word_follows else None
        return Relative(span, 1, "day", sign, named)
    if g.get("same"):
        return Relative(span, 0, "day", 1)
    return None
