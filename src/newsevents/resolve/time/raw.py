"""What the words of one expression say, before it is anchored to a date.

:func:`read` turns a match of one grammar alternative (see :mod:`.grammar`) into a
:class:`Raw` of one :data:`Kind`; :mod:`.calendar` anchors it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .grammar import Patterns, squash_clock
from .words import Unit, Vocab

#: The kinds of unanchored expression. date: a day of a month ("8 January"); month, year,
#: decade, season, weekday, weekend; relday: a day counted from publication ("yesterday");
#: relunit: the last/this/next unit ("next week"); ago: "two weeks ago"; pastspan: "the
#: past two weeks"; into: "three days into the new year"; range: from one to another;
#: since: from one to publication.
Kind = Literal[
    "date",
    "month",
    "year",
    "decade",
    "weekday",
    "relday",
    "relunit",
    "ago",
    "pastspan",
    "into",
    "season",
    "weekend",
    "range",
    "since",
]


@dataclass
class Raw:
    """What the words say, unanchored. ``kind`` decides which fields matter."""

    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: int | None = None  # -1 last, 0 this, +1 next; None bare
    offset: int = 0
    n: int = 0
    unit: Unit = "day"
    pod: str | None = None
    season: tuple[int, int] = (0, 0)  # first and last month
    parts: list[Raw] = field(default_factory=list)
    year_rel: int | None = None  # "March last year": -1 (the anchor's year + this)


def leaves(raw: Raw) -> list[Raw]:
    """The simple expressions a compound one (range, since, into) is made of."""
    if raw.kind in ("range", "since", "into"):
        return [leaf for p in raw.parts for leaf in leaves(p)]
    return [raw]


def _squash(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def parse_count(word: str, v: Vocab) -> int | None:
    """A count in digits or words ("two", "a couple of"); None if it is not one."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return v.numbers.get(re.sub(r"\s+", " ", word))


def clock(text: str, pats: Patterns) -> str | None:
    """A clock time ("6.30pm", "noon") as HH:MM (None if it is not one)."""
    t = squash_clock(text)
    if t in pats.clock_words:
        return pats.clock_words[t]
    m = pats.clock.fullmatch(t)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    half = pats.clock_halves.get(m.group(3) or "")
    if half == "pm" and h < 12:
        h += 12
    if half == "am" and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}" if h < 24 and mi < 60 else None


@dataclass(frozen=True)
class _Reading:
    """One match being read: its groups and the vocabulary."""

    m: re.Match[str]
    v: Vocab
    pats: Patterns
    groups: dict[str, str | None]

    def group(self, name: str) -> str | None:
        return self.groups.get(name)

    def pod(self) -> str | None:
        pod, clk = self.group("pod"), self.group("clock")
        if pod:
            return self.v.parts_of_day.get(pod.lower())
        return clock(clk, self.pats) if clk else None

    def year(self) -> int | None:
        y = self.group("year")
        return int(y) if y else None

    def rel(self) -> int | None:
        r = self.group("rel")
        return self.v.relative_words.get(_squash(r)) if r else None

    def month(self, group: str) -> int:
        name = self.m.group(group)
        months = self.v.months
        return months[name] if name in months else months[name.title()]

    def weekday(self) -> int | None:
        name = self.group("wd")
        if not name:
            return None
        wds = self.v.weekdays
        return wds[name] if name in wds else wds[name.title()]

    def unit(self) -> Unit:
        return self.v.units[self.m.group("unit").lower()]

    def num(self) -> int | None:
        return parse_count(self.m.group("num"), self.v)


def _date(r: _Reading) -> Raw | None:  # dmy, mdy
    day = int(r.m.group("day"))
    if not 1 <= day <= 31:
        return None
    month, weekday = r.month("mon"), r.weekday()
    return Raw("date", year=r.year(), month=month, day=day, weekday=weekday, pod=r.pod())


def _day_range(r: _Reading) -> Raw | None:  # ddm, mdd
    month, year = r.month("mon2"), r.year()
    d1, d2 = int(r.m.group("day")), int(r.m.group("day2"))
    if not (1 <= d1 < d2 <= 31):
        return None
    a = Raw("date", year=year, month=month, day=d1)
    b = Raw("date", year=year, month=month, day=d2)
    return Raw("range", parts=[a, b])


def _month(r: _Reading) -> Raw | None:  # my
    year, rel = r.year(), r.rel()
    if (
        year is None
        and rel is None
        and not r.group("mod")
        and not r.group("yrel")
        and not _month_context_ok(r)
    ):
        return None
    yrel = r.group("yrel")
    year_rel = r.v.relative_words.get(_squash(yrel)) if yrel else None
    return Raw("month", year=year, month=r.month("mon"), rel=rel, year_rel=year_rel)


def _month_context_ok(r: _Reading) -> bool:
    """A month name alone is a date only after a time preposition ("in May", "since March")
    or a narrative determiner ("That September": the story's year, see scan.find_times)."""
    m = r.m
    before = m.string[max(0, m.start() - 12) : m.start()].lower().split()
    return bool(before) and (
        before[-1] in r.v.year_prepositions or before[-1] in r.v.narrative_month_words
    )


def _year_range(r: _Reading) -> Raw | None:  # yy
    year, year2 = r.year(), int(r.m.group("year2b"))
    if not year or year2 <= year:
        return None
    return Raw("range", parts=[Raw("year", year=year), Raw("year", year=year2)])


def _decade(r: _Reading) -> Raw | None:
    return Raw("decade", year=int(r.m.group("dec")))


def _season(r: _Reading) -> Raw | None:  # seas
    months = r.v.seasons[r.m.group("season").lower()]
    return Raw("season", season=months, year=r.year(), rel=r.rel())


def _weekend(r: _Reading) -> Raw | None:
    return Raw("weekend", rel=r.rel())


def _relday(r: _Reading) -> Raw | None:  # rd
    off, pod = r.v.relative_days[_squash(r.m.group("relday"))]
    return Raw("relday", offset=off, pod=r.pod() or pod)


def _this_pod(r: _Reading) -> Raw | None:  # thispod
    return Raw("relday", offset=0, pod=r.pod())


def _ago(r: _Reading) -> Raw | None:
    n = r.num()
    return None if n is None else Raw("ago", n=n, unit=r.unit())


def _past(r: _Reading) -> Raw | None:
    n = r.num() if r.group("num") else 1
    return None if n is None else Raw("pastspan", n=n, unit=r.unit())


def _into(r: _Reading) -> Raw | None:
    n, unit = r.num(), r.unit()
    if n is None or unit not in ("day", "week", "month"):
        return None
    if r.group("intoyear"):
        base = Raw("relunit", unit="year", rel=0)
    elif r.group("mon2"):
        base = Raw("month", month=r.month("mon2"))
    else:
        base = Raw("year", year=int(r.m.group("year2")))
    return Raw("into", n=n, unit=unit, parts=[base])


def _rel_unit(r: _Reading) -> Raw | None:  # ru
    unit, rel = r.unit(), r.rel()
    if unit not in ("week", "month", "year") or rel is None:
        return None
    return Raw("relunit", unit=unit, rel=rel)


def _weekday(r: _Reading) -> Raw | None:  # wdonly
    return Raw("weekday", weekday=r.weekday(), rel=r.rel(), pod=r.pod())


_READERS: dict[str, Callable[[_Reading], Raw | None]] = {
    "dmy": _date,
    "mdy": _date,
    "ddm": _day_range,
    "mdd": _day_range,
    "my": _month,
    "yy": _year_range,
    "decade": _decade,
    "seas": _season,
    "weekend": _weekend,
    "rd": _relday,
    "thispod": _this_pod,
    "ago": _ago,
    "past": _past,
    "into": _into,
    "ru": _rel_unit,
    "wdonly": _weekday,
}


def read(alternative: str, m: re.Match[str], v: Vocab, pats: Patterns) -> Raw | None:
    """The unanchored reading of a match of one grammar alternative (None: not a time)."""
    return _READERS[alternative](_Reading(m, v, pats, m.groupdict()))
