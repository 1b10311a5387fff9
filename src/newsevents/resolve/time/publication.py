"""Publication-date inference: the pipeline's own step for an article without a date."""

from __future__ import annotations

from datetime import date, timedelta

from ...model import Document
from .calendar import resolve, safe_date
from .raw import Raw, leaves
from .scan import Found, scan
from .tense import FUTURE, PAST, Direction
from .vocab import TimeVocab


def infer_publication(doc: Document, tv: TimeVocab) -> tuple[str, float] | None:
    """Publication date inferred from the dated expressions of the text, with a confidence.

    Evidence: full dates (a year given, or fixed by a weekday + date pair such as
    "Wednesday 8 January", whose year must be one where that date is that weekday); dates
    in past narration bound the publication from below, dates in plans and calls to action
    from above (the article precedes them). Without a plan the estimate is the latest past
    date (news reports recent events). With one, the article is dated before it: on the
    news peg, the lead's bare past weekday ("early on Friday morning"), in the window the
    bounds leave, else at the lower bound, else the day before the plan. The confidence says
    how closed the window is: 0.6 when both ends are dated and fix one day, 0.4 for a wider
    or half-open window, 0.2 for the day before the plan alone.
    """
    scanned = scan(doc, tv)
    found = [(raw, f.direction) for f in scanned for raw in leaves(f.raw)]
    years = [r.year for r, _ in found if r.kind in ("year", "date", "month") and r.year]
    min_year = max(years) if years else None
    past, future = _dated_evidence(found, min_year)
    if not past and not future:
        if min_year is not None:
            return f"{min_year:04d}", 0.2
        return None
    lower = max(past) if past else None
    upper = min((d for d in future if lower is None or d >= lower), default=None)
    if upper is None:
        assert lower is not None
        return lower.isoformat(), 0.5
    return _before_plans(scanned, lower, upper)


def _dated_evidence(
    found: list[tuple[Raw, Direction | None]], min_year: int | None
) -> tuple[list[date], list[date]]:
    """The full dates of past narration and of plans; a date without a year is anchored to
    the window the full dates give."""
    past: list[date] = []
    future: list[date] = []
    yearless: list[tuple[Raw, Direction | None]] = []
    for raw, direction in found:
        if raw.kind != "date" or raw.month is None or raw.day is None:
            continue
        d: date | None = None
        if raw.year is not None:
            d = safe_date(raw.year, raw.month, raw.day)
        elif raw.weekday is not None and min_year is not None:
            # the first year from the latest year named in the text where they agree
            for y in range(min_year - 1, min_year + 12):
                c = safe_date(y, raw.month, raw.day)
                if c is not None and c.weekday() == raw.weekday:
                    d = c
                    break
        if d is None:
            if raw.year is None and raw.weekday is None:
                yearless.append((raw, direction))
            continue
        (future if direction == FUTURE else past).append(d)
    # a date without a year ("on 31 December") is anchored to the window the full dates
    # give: the latest such date before the earliest plan, or after the latest past date
    ref = min(future) if future else (max(past) if past else None)
    if ref is not None:
        for raw, direction in yearless:
            iv = resolve(raw, ref, FUTURE if direction == FUTURE and not future else PAST)
            if iv is not None:
                (future if direction == FUTURE else past).append(iv.start)
    return past, future


def _before_plans(scanned: list[Found], lower: date | None, upper: date) -> tuple[str, float]:
    """Plans and calls to action are ahead of the article: it was published before the first
    of them. Within that window the news peg decides: the first bare weekday of past
    narration ("killed ... early on Friday morning") is the latest development a report
    leads with, so the article is of that day (the latest such day in the window)."""
    hi = upper - timedelta(days=1)
    lo = lower if lower is not None and lower <= hi else hi - timedelta(days=6)
    peg = next(
        (
            f.raw.weekday
            for f in scanned
            if f.raw.kind == "weekday" and f.raw.rel is None and f.direction == PAST
        ),
        None,
    )
    if peg is not None:
        days = [
            lo + timedelta(days=n)
            for n in range((hi - lo).days + 1)
            if (lo + timedelta(days=n)).weekday() == peg
        ]
        if days:
            # one such day in a window closed on both sides is good evidence; several (a
            # window over a week long) or an open lower end leave the latest as a guess
            sure = len(days) == 1 and lower is not None
            return max(days).isoformat(), 0.6 if sure else 0.4
    if lower is not None:
        return lower.isoformat(), 0.6 if (upper - lower).days <= 14 else 0.4
    return hi.isoformat(), 0.2
