"""Calendar arithmetic: an unanchored expression + an anchor day + a direction -> an interval.

One resolver per :data:`~.raw.Kind` (the table :data:`_RESOLVERS`); the unit arithmetic of
"next week", "two weeks ago", "the past month", "three days into" is a table per phrase.
Plain stdlib ``datetime``/``calendar``.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import get_args

from ...model import DatePrecision
from .raw import Kind, Raw
from .tense import FUTURE, PAST, Direction
from .words import Unit


@dataclass(frozen=True)
class Interval:
    start: date
    end: date
    precision: DatePrecision
    pod: str | None = None


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def day_iv(d: date, pod: str | None = None) -> Interval:
    return Interval(d, d, "day", pod)


def month_iv(year: int, month: int) -> Interval:
    return Interval(
        date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    )


def _month_of(d: date) -> Interval:
    return month_iv(d.year, d.month)


def _year_iv(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


def week_iv(d: date) -> Interval:
    monday = d - timedelta(days=d.weekday())
    return Interval(monday, monday + timedelta(days=6), "week")


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick(cands: list[date], anchor: date, direction: Direction | None) -> date | None:
    """The candidate nearest the anchor in the clause's direction (either way if unknown)."""
    if direction == PAST:
        past = [c for c in cands if c <= anchor]
        return max(past) if past else None
    if direction == FUTURE:
        fut = [c for c in cands if c >= anchor]
        return min(fut) if fut else None
    if not cands:
        return None
    # unknown direction: the nearest; a tie goes to the past (news narrates the past)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


# --- does an expression need the publication date? ----------------------------------------


def _yearless(raw: Raw) -> bool:
    return raw.year is None


def _first_part(raw: Raw) -> bool:
    return needs_anchor(raw.parts[0])


_NEEDS_ANCHOR: dict[Kind, Callable[[Raw], bool]] = {
    "date": _yearless,
    "month": _yearless,
    "season": _yearless,
    "year": lambda raw: False,
    "decade": lambda raw: False,
    "range": lambda raw: any(needs_anchor(p) for p in raw.parts),
    "since": _first_part,
    "into": _first_part,
}


def needs_anchor(raw: Raw) -> bool:
    """True when the expression means nothing without an anchor day (every relative one)."""
    return _NEEDS_ANCHOR.get(raw.kind, lambda raw: True)(raw)


# --- one resolver per kind ----------------------------------------------------------------

Resolver = Callable[[Raw, date | None, Direction | None], Interval | None]


def resolve(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    """The interval an expression names, counted from ``anchor`` in the clause's direction."""
    if anchor is None and needs_anchor(raw):
        return None
    return _RESOLVERS[raw.kind](raw, anchor, direction)


def _date(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert raw.month is not None and raw.day is not None
    if raw.year is not None:
        d = safe_date(raw.year, raw.month, raw.day)
        return None if d is None else day_iv(d, raw.pod)
    assert anchor is not None
    if raw.weekday is not None:
        # a weekday given with the date fixes the year: the nearest year (in the clause's
        # direction) in which that date falls on that weekday
        cands = [
            c
            for dy in range(-12, 13)
            if (c := safe_date(anchor.year + dy, raw.month, raw.day)) is not None
            and c.weekday() == raw.weekday
        ]
        # (agreeing years are years apart: the direction only decides within a year)
        got = _pick(cands, anchor, direction)
        if got is None or abs((got - anchor).days) > 366:
            got = _pick(cands, anchor, None)
        if got is not None:
            return day_iv(got, raw.pod)
    cands = [
        c for dy in (-1, 0, 1) if (c := safe_date(anchor.year + dy, raw.month, raw.day)) is not None
    ]
    got = _pick(cands, anchor, direction)
    return None if got is None else day_iv(got, raw.pod)


def _month(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert raw.month is not None
    if raw.year is not None:
        return month_iv(raw.year, raw.month)
    assert anchor is not None
    if raw.year_rel is not None:  # "in March last year"
        return month_iv(anchor.year + raw.year_rel, raw.month)
    cur = date(anchor.year, anchor.month, 1)
    cands = [date(anchor.year + dy, raw.month, 1) for dy in (-1, 0, 1)]
    if raw.rel == -1:
        got = max((c for c in cands if c < cur), default=None)
    elif raw.rel == 1:
        got = min((c for c in cands if c > cur), default=None)
    else:
        got = _pick(cands, cur, direction)
    return None if got is None else _month_of(got)


def _year(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert raw.year is not None
    return _year_iv(raw.year)


def _decade(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert raw.year is not None
    return Interval(date(raw.year, 1, 1), date(raw.year + 9, 12, 31), "year")


def _weekday(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert anchor is not None and raw.weekday is not None
    back = (anchor.weekday() - raw.weekday) % 7  # days back to the latest such weekday
    fwd = (raw.weekday - anchor.weekday()) % 7
    if raw.rel == -1:  # "last Friday": strictly before
        d = anchor - timedelta(days=back or 7)
    elif raw.rel == 1:  # "next Friday": strictly after
        d = anchor + timedelta(days=fwd or 7)
    elif raw.rel == 0:  # "this Friday": the one of the current week
        d = anchor - timedelta(days=anchor.weekday()) + timedelta(days=raw.weekday)
    elif direction == FUTURE:
        d = anchor + timedelta(days=fwd)
    else:  # past narration or no tense: news dates a bare weekday in the past week
        d = anchor - timedelta(days=back)
    return day_iv(d, raw.pod)


def _weekend(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert anchor is not None
    this_sat = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5)
    if raw.rel == -1:
        sat = this_sat - timedelta(days=7)
    elif raw.rel == 1:
        sat = this_sat + timedelta(days=7) if anchor >= this_sat else this_sat
    elif raw.rel == 0 or anchor >= this_sat or direction == FUTURE:
        sat = this_sat
    else:
        sat = this_sat - timedelta(days=7)
    return Interval(sat, sat + timedelta(days=1), "day")


def _relday(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert anchor is not None
    return day_iv(anchor + timedelta(days=raw.offset), raw.pod)


# the unit arithmetic of each phrase: (anchor, count) -> interval
UnitRule = Callable[[date, int], Interval]

_THIS_UNIT: dict[Unit, UnitRule] = {  # "next week": the unit ``rel`` units from the anchor
    "day": lambda a, rel: day_iv(a + timedelta(days=rel)),
    "week": lambda a, rel: week_iv(a + timedelta(days=7 * rel)),
    "month": lambda a, rel: _month_of(add_months(date(a.year, a.month, 1), rel)),
    "year": lambda a, rel: _year_iv(a.year + rel),
}
_AGO: dict[Unit, UnitRule] = {  # "two weeks ago": the unit n units back
    "day": lambda a, n: day_iv(a - timedelta(days=n)),
    "week": lambda a, n: week_iv(a - timedelta(days=7 * n)),
    "month": lambda a, n: _month_of(add_months(a, -n)),
    "year": lambda a, n: _year_iv(a.year - n),
    "decade": lambda a, n: _year_iv(a.year - 10 * n),
}
_PAST_SPAN: dict[Unit, UnitRule] = {  # "the past two weeks": from n units back to the anchor
    "day": lambda a, n: Interval(a - timedelta(days=n), a, "day"),
    "week": lambda a, n: Interval(a - timedelta(days=7 * n), a, "day"),
    "month": lambda a, n: Interval(add_months(a, -n), a, "month"),
    "year": lambda a, n: Interval(date(a.year - n, 1, 1), a, "year"),
    "decade": lambda a, n: Interval(date(a.year - 10 * n, 1, 1), a, "year"),
}
_INTO: dict[Unit, UnitRule] = {  # "N days into the year" is its N-th day (day 1 is the first)
    "day": lambda start, n: day_iv(start + timedelta(days=n - 1)),
    # "two weeks into January": the week of its 14th day
    "week": lambda start, n: week_iv(start + timedelta(days=7 * n - 1)),
    "month": lambda start, n: _month_of(add_months(start, n - 1)),
}


def _by_unit(table: dict[Unit, UnitRule], unit: Unit, day: date, n: int) -> Interval | None:
    rule = table.get(unit)
    return None if rule is None else rule(day, n)


def _relunit(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert anchor is not None and raw.rel is not None
    return _by_unit(_THIS_UNIT, raw.unit, anchor, raw.rel)


def _ago(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert anchor is not None
    return _by_unit(_AGO, raw.unit, anchor, raw.n)


def _pastspan(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    assert anchor is not None
    return _by_unit(_PAST_SPAN, raw.unit, anchor, raw.n)


def _into(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    base = resolve(raw.parts[0], anchor, direction)
    return None if base is None else _by_unit(_INTO, raw.unit, base.start, raw.n)


def _season(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    first, last = raw.season

    def season_of(year: int) -> Interval:
        # a season that spans the new year (winter) is named by the year it starts in
        end_year = year + 1 if last < first else year
        return Interval(
            date(year, first, 1),
            date(end_year, last, calendar.monthrange(end_year, last)[1]),
            "month",
        )

    if raw.year is not None:
        return season_of(raw.year)
    assert anchor is not None
    seasons = [season_of(anchor.year + dy) for dy in (-2, -1, 0, 1)]
    current = next((s for s in seasons if s.start <= anchor <= s.end), None)
    if raw.rel == -1:
        return max((s for s in seasons if s.end < anchor), key=lambda s: s.start)
    if raw.rel == 1:
        return min((s for s in seasons if s.start > anchor), key=lambda s: s.start)
    if current is not None:
        return current
    if direction == FUTURE:
        return min((s for s in seasons if s.start > anchor), key=lambda s: s.start)
    return max((s for s in seasons if s.end < anchor), key=lambda s: s.start)


_ORDER: dict[DatePrecision, int] = {"day": 0, "week": 1, "month": 2, "year": 3}


def _coarser(p: DatePrecision, q: DatePrecision) -> DatePrecision:
    return p if _ORDER[p] >= _ORDER[q] else q


def _range(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    a = resolve(raw.parts[0], anchor, direction)
    if a is None:
        return None
    b_raw = raw.parts[1]
    if b_raw.kind == "date" and b_raw.year is None and a.precision == "day":
        # "27-29 December 2019" / "from 3 to 5 January": the second end takes the
        # first's year, or the year after when it would fall before it
        assert b_raw.month is not None and b_raw.day is not None
        b_date = safe_date(a.start.year, b_raw.month, b_raw.day)
        if b_date is not None and b_date < a.start:
            b_date = safe_date(a.start.year + 1, b_raw.month, b_raw.day)
        b = None if b_date is None else day_iv(b_date)
    else:
        b = resolve(b_raw, anchor, direction)
    if b is None or b.end < a.start:
        return None
    return Interval(a.start, b.end, _coarser(a.precision, b.precision))


def _since(raw: Raw, anchor: date | None, direction: Direction | None) -> Interval | None:
    a = resolve(raw.parts[0], anchor, PAST)
    if a is None:
        return None
    if anchor is None or anchor < a.start:
        return a
    return Interval(a.start, anchor, a.precision)


_RESOLVERS: dict[Kind, Resolver] = {
    "date": _date,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "weekday": _weekday,
    "relday": _relday,
    "relunit": _relunit,
    "ago": _ago,
    "pastspan": _pastspan,
    "into": _into,
    "season": _season,
    "weekend": _weekend,
    "range": _range,
    "since": _since,
}
assert set(_RESOLVERS) == set(get_args(Kind)), "every kind of expression needs a resolver"


def format_interval(iv: Interval) -> tuple[str, str | None]:
    """ISO value and end at the interval's precision (end None for a single day/month/year)."""
    if iv.precision in ("day", "week"):
        value = iv.start.isoformat()
        end = iv.end.isoformat()
    elif iv.precision == "month":
        value, end = f"{iv.start:%Y-%m}", f"{iv.end:%Y-%m}"
    else:
        value, end = f"{iv.start.year:04d}", f"{iv.end.year:04d}"
    if iv.precision == "week":
        return value, end
    return value, (end if end != value else None)
