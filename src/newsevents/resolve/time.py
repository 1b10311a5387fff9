"""Temporal expressions: find them, normalise them against the publication date, date events.

Written by hand on top of the spaCy parse because the libraries get news dates wrong:
dateparser ignores a weekday given with a date ("Wednesday 8 January" published on
2020-01-03 becomes 2019-01-08, a Tuesday) and picks the direction of a bare weekday or a
date without a year from its settings, not from the clause's tense; HeidelTime needs a
Java runtime and also resolves weekdays without looking at the verb. The normaliser below
is the stdlib ``datetime``/``calendar`` plus a small vocabulary file
(``resolve/data/time_vocab.yaml``): weekday and month names, number words, parts of day and
the cue words that give a clause its direction (past narration vs. plans and calls to act).

Granularity is kept: a day, a week (Monday..Sunday range), a month ("2019-12"), a year
("2019"), or a range (``end`` set: "over the weekend", "since 2018", "between 2015 and 2018").
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import DatePrecision, Document, EventMention, Span, TimeExpression
from ..resources import read_yaml
from .syntax import governor

PAST = "past"
FUTURE = "future"

# ----------------------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class Vocab:
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    relative_days: dict[str, tuple[int, str | None]]
    relative_words: dict[str, int]
    past_span_words: tuple[str, ...]
    seasons: dict[str, tuple[int, int]]
    modifiers: tuple[str, ...]
    range_start_words: tuple[str, ...]
    range_joiners: tuple[str, ...]
    since_words: tuple[str, ...]
    year_prepositions: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_verbs: frozenset[str]
    scheduling_words: frozenset[str]


def _vocab_path() -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / "time_vocab.yaml"))


def _str_int_map(data: dict[str, Any], key: str, path: Path) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise ConfigError(f"{path}: '{key}' must be a non-empty mapping of word -> number")
    out: dict[str, int] = {}
    for word, num in value.items():
        if not isinstance(num, int) or isinstance(num, bool):
            raise ConfigError(f"{path}: {key}.{word} must be an integer, got {num!r}")
        out[str(word)] = num
    return out


def _str_list(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def load_vocab(path: Path | None = None) -> Vocab:
    """Read and shape-check the time vocabulary (ConfigError names the bad key)."""
    path = path or _vocab_path()
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of vocabulary lists at top level")
    units = data.get("units")
    pods = data.get("parts_of_day")
    reldays = data.get("relative_days")
    seasons = data.get("seasons")
    if not isinstance(units, dict) or not all(
        v in ("day", "week", "month", "year", "decade") for v in units.values()
    ):
        raise ConfigError(f"{path}: 'units' must map words to day|week|month|year|decade")
    if not isinstance(pods, dict) or not all(isinstance(v, str) for v in pods.values()):
        raise ConfigError(f"{path}: 'parts_of_day' must map words to part-of-day names")
    if not isinstance(reldays, dict) or not all(
        isinstance(v, list) and len(v) == 2 and isinstance(v[0], int) for v in reldays.values()
    ):
        raise ConfigError(f"{path}: 'relative_days' must map words to [offset, part or null]")
    if not isinstance(seasons, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in v)
        for v in seasons.values()
    ):
        raise ConfigError(f"{path}: 'seasons' must map words to [first month, last month]")
    months = _str_int_map(data, "months", path)
    weekdays = _str_int_map(data, "weekdays", path)
    if not all(1 <= m <= 12 for m in months.values()):
        raise ConfigError(f"{path}: month numbers must be 1..12")
    if not all(0 <= d <= 6 for d in weekdays.values()):
        raise ConfigError(f"{path}: weekday numbers must be 0 (Monday) .. 6 (Sunday)")
    return Vocab(
        weekdays=weekdays,
        months=months,
        numbers={k.lower(): v for k, v in _str_int_map(data, "numbers", path).items()},
        units={str(k).lower(): str(v) for k, v in units.items()},
        parts_of_day={str(k).lower(): str(v) for k, v in pods.items()},
        relative_days={str(k).lower(): (int(v[0]), v[1]) for k, v in reldays.items()},
        relative_words={
            k.lower(): v for k, v in _str_int_map(data, "relative_words", path).items()
        },
        past_span_words=_str_list(data, "past_span_words", path),
        seasons={str(k).lower(): (int(v[0]), int(v[1])) for k, v in seasons.items()},
        modifiers=_str_list(data, "modifiers", path),
        range_start_words=_str_list(data, "range_start_words", path),
        range_joiners=_str_list(data, "range_joiners", path),
        since_words=_str_list(data, "since_words", path),
        year_prepositions=frozenset(w.lower() for w in _str_list(data, "year_prepositions", path)),
        future_auxiliaries=frozenset(
            w.lower() for w in _str_list(data, "future_auxiliaries", path)
        ),
        future_verbs=frozenset(w.lower() for w in _str_list(data, "future_verbs", path)),
        scheduling_words=frozenset(w.lower() for w in _str_list(data, "scheduling_words", path)),
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    return load_vocab()


# ----------------------------------------------------------------------------------------
# patterns: a raw reading of an expression, before it is anchored to a date


@dataclass
class Raw:
    """What the words say, unanchored. ``kind`` decides which fields matter."""

    kind: str  # date | month | year | decade | weekday | relday | relunit | ago | pastspan |
    # into | season | weekend | range | since
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: int | None = None  # -1 last, 0 this, +1 next; None bare
    offset: int = 0
    n: int = 0
    unit: str = ""
    pod: str | None = None
    season: str = ""
    parts: list[Raw] = field(default_factory=list)

    def needs_anchor(self) -> bool:
        if self.kind in ("date", "month"):
            return self.year is None
        if self.kind in ("year", "decade"):
            return False
        if self.kind == "season":
            return self.year is None
        if self.kind == "range":
            return any(p.needs_anchor() for p in self.parts)
        if self.kind == "since":
            return self.parts[0].needs_anchor()
        if self.kind == "into":
            return self.parts[0].needs_anchor()
        return True


def _alt(words: Iterable[str], *, ci: bool) -> str:
    """Regex alternation of ``words``, longest first, as whole words."""
    escaped = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    body = "|".join(escaped)
    body = f"(?i:{body})" if ci else f"(?:{body})"
    return body


@dataclass(frozen=True)
class Patterns:
    core: tuple[re.Pattern[str], ...]  # tried in order; overlaps are settled in _scan
    year_token: re.Pattern[str]
    # Speed only: gates[gate_of[i]] matches a word every match of core[i] must contain (a
    # month, a weekday, a unit ...). Python's re cannot skip ahead in patterns that open with
    # an optional group, so a text without that word is not scanned by core[i] at all.
    gates: tuple[re.Pattern[str], ...] = ()
    gate_of: tuple[int, ...] = ()


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    v = vocab()
    months = list(v.months) + [m.upper() for m in v.months if len(m) > 3]
    weekdays = list(v.weekdays) + [w.upper() for w in v.weekdays if len(w) > 3]
    MON = f"(?P<mon>{_alt(months, ci=False)})(?![A-Za-z])"
    MON2 = f"(?P<mon2>{_alt(months, ci=False)})(?![A-Za-z])"
    WD = f"(?P<wd>{_alt(weekdays, ci=False)})(?![A-Za-z])"
    DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d)"
    DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d)"
    YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?![\d%])"
    POD = f"(?P<pod>{_alt(v.parts_of_day, ci=True)})\\b"
    CLOCK = (
        r"(?P<clock>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s?(?i:a\.m\.|p\.m\.|am|pm)|"
        r"(?:[01]?\d|2[0-3])[:][0-5]\d|(?i:12 noon|noon|midnight))"
    )
    MOD = f"(?:(?P<mod>{_alt(v.modifiers, ci=True)})(?:-|\\s+)(?:(?i:in|on)\\s+)?)"
    NUM = f"(?P<num>\\d+|{_alt(v.numbers, ci=True)})"
    UNIT = f"(?P<unit>{_alt(v.units, ci=True)})\\b"
    REL = f"(?P<rel>{_alt(v.relative_words, ci=True)})"
    RELDAY = f"(?P<relday>{_alt(v.relative_days, ci=True)})\\b"
    PASTSPAN = f"(?P<pastspan>{_alt(v.past_span_words, ci=True)})"
    SEASON = f"(?P<season>{_alt(v.seasons, ci=True)})\\b"
    DASH = r"(?:\s*[-–]\s*|\s+(?i:to|and|until|till|through)\s+)"
    TIME_SUFFIX = f"(?:,?\\s+(?:(?i:at|from|in the|on the)\\s+)?(?:{POD}|{CLOCK}))?"

    alternatives = [
        # Wednesday 8 January (2020) / Wednesday, the 8th of January / 8 January 2020
        f"(?P<dmy>{MOD}?(?:{WD},?\\s+(?:the\\s+)?)?{DAY}(?:\\s+of)?\\s+{MON}"
        f"(?:,?\\s+{YEAR})?{TIME_SUFFIX})",
        # Wednesday, January 8(, 2020) / Jan. 3 / December 27
        f"(?P<mdy>{MOD}?(?:{WD},?\\s+)?{MON}\\s+{DAY}(?:,?\\s+{YEAR})?{TIME_SUFFIX})",
        # 27-29 December / December 27-29
        f"(?P<ddm>(?:(?i:from|between)\\s+)?{DAY}{DASH}{DAY2}\\s+{MON2}(?:,?\\s+{YEAR})?)",
        f"(?P<mdd>(?:(?i:from|between)\\s+)?{MON2}\\s+{DAY}{DASH}{DAY2}(?:,?\\s+{YEAR})?)",
        # January 2020 / early January / last December / in January
        f"(?P<my>{MOD}?(?:{REL}\\s+)?{MON}(?:,?\\s+{YEAR})?)",
        # from 1992 to 1995 / between 2014 and 2017 / 2015-2018
        f"(?P<yy>(?:(?i:from|between)\\s+)?{YEAR}{DASH}(?P<year2b>1[89]\\d\\d|20\\d\\d)(?![\\d%]))",
        # the 1990s
        r"(?P<decade>(?i:the\s+)?(?P<dec>1[89]\d0|20\d0)'?s\b)",
        # season: last summer / summer 2019 / the summer of 2019
        f"(?P<seas>{MOD}?(?:(?i:the)\\s+|{REL}\\s+)?{SEASON}(?:\\s+(?i:of\\s+)?{YEAR})?)",
        # over the weekend / this weekend / last weekend
        f"(?P<weekend>(?:(?i:the)|{REL})\\s+(?i:weekend)\\b)",
        # yesterday (morning) / last night / today
        f"(?P<rd>{MOD}?{RELDAY}(?:\\s+{POD})?)",
        # this morning / this evening
        f"(?P<thispod>(?i:this)\\s+{POD})",
        # two weeks ago / a year ago
        f"(?P<ago>{NUM}\\s+{UNIT}\\s+(?i:ago))",
        # (over) the past two weeks / the last few months / the past year
        f"(?P<past>{PASTSPAN}\\s+(?:{NUM}\\s+)?{UNIT})",
        # three days into the new year / two weeks into January
        f"(?P<into>{NUM}\\s+{UNIT}\\s+(?i:into)\\s+(?:(?P<intoyear>(?i:the\\s+(?:new\\s+)?year))"
        f"|{MON2}|(?P<year2>1[89]\\d\\d|20\\d\\d)\\b))",
        # earlier this month / last year / next week / this year
        f"(?P<ru>{MOD}?{REL}\\s+{UNIT})",
        # (early on) Friday (morning) / last Tuesday / next Monday
        f"(?P<wdonly>{MOD}?(?:{REL}\\s+)?{WD}{TIME_SUFFIX})",
    ]
    # the word each alternative cannot match without (same case rules as in the pattern)
    gates = (
        _alt(months, ci=False),  # 0
        r"1[89]\d\d|20\d\d",  # 1: a year or a decade
        _alt(v.seasons, ci=True),  # 2
        "(?i:weekend)",  # 3
        _alt(v.relative_days, ci=True),  # 4
        "(?i:this)",  # 5
        "(?i:ago)",  # 6
        _alt(v.past_span_words, ci=True),  # 7
        "(?i:into)",  # 8
        _alt(v.units, ci=True),  # 9
        _alt(weekdays, ci=False),  # 10
    )
    gate_of = (0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    assert len(gate_of) == len(alternatives)
    # Python forbids a group name twice in one pattern, so the alternatives stay separate.
    return Patterns(
        core=tuple(re.compile(a) for a in alternatives),
        year_token=re.compile(YEAR),
        gates=tuple(re.compile(g) for g in gates),
        gate_of=gate_of,
    )


def _num(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return vocab().numbers.get(re.sub(r"\s+", " ", word))


def _pod(m: re.Match[str]) -> str | None:
    gd = m.groupdict()
    if gd.get("pod"):
        return vocab().parts_of_day.get(gd["pod"].lower())
    clock = gd.get("clock")
    if clock:
        return _clock(clock)
    return None


def _clock(text: str) -> str | None:
    t = text.lower().replace(".", "").replace(" ", "")
    if t in ("12noon", "noon"):
        return "12:00"
    if t == "midnight":
        return "00:00"
    m = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?(am|pm)?", t)
    if not m:
        return None
    h, mi, ampm = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if ampm == "pm" and h < 12:
        h += 12
    if ampm == "am" and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}" if h < 24 and mi < 60 else None


def _raw_of(m: re.Match[str]) -> Raw | None:
    """The unanchored reading of one pattern match."""
    v = vocab()
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    rel = v.relative_words.get(re.sub(r"\s+", " ", g["rel"].lower())) if g.get("rel") else None
    if g.get("dmy") or g.get("mdy"):
        day = int(g["day"])
        month = v.months[g["mon"]] if g["mon"] in v.months else v.months[g["mon"].title()]
        if not 1 <= day <= 31:
            return None
        wd = _weekday(g.get("wd"))
        return Raw("date", year=year, month=month, day=day, weekday=wd, pod=_pod(m))
    if g.get("ddm") or g.get("mdd"):
        month = _month(g["mon2"])
        d1, d2 = int(g["day"]), int(g["day2"])
        if not (1 <= d1 < d2 <= 31):
            return None
        a = Raw("date", year=year, month=month, day=d1)
        b = Raw("date", year=year, month=month, day=d2)
        return Raw("range", parts=[a, b])
    if g.get("my"):
        if year is None and rel is None and not g.get("mod") and not _month_context_ok(m):
            return None
        return Raw("month", year=year, month=_month(g["mon"]), rel=rel)
    if g.get("yy"):
        if not year or int(g["year2b"]) <= year:
            return None
        return Raw("range", parts=[Raw("year", year=year), Raw("year", year=int(g["year2b"]))])
    if g.get("decade"):
        return Raw("decade", year=int(g["dec"]))
    if g.get("seas"):
        return Raw("season", season=g["season"].lower(), year=year, rel=rel)
    if g.get("weekend"):
        return Raw("weekend", rel=rel)
    if g.get("rd"):
        off, pod = v.relative_days[re.sub(r"\s+", " ", g["relday"].lower())]
        return Raw("relday", offset=off, pod=_pod(m) or pod)
    if g.get("thispod"):
        return Raw("relday", offset=0, pod=_pod(m))
    if g.get("ago"):
        n = _num(g["num"])
        return None if n is None else Raw("ago", n=n, unit=v.units[g["unit"].lower()])
    if g.get("past"):
        n = _num(g["num"]) if g.get("num") else 1
        return None if n is None else Raw("pastspan", n=n, unit=v.units[g["unit"].lower()])
    if g.get("into"):
        n = _num(g["num"])
        unit = v.units[g["unit"].lower()]
        if n is None or unit not in ("day", "week", "month"):
            return None
        if g.get("intoyear"):
            base = Raw("relunit", unit="year", rel=0)
        elif g.get("mon2"):
            base = Raw("month", month=_month(g["mon2"]))
        else:
            base = Raw("year", year=int(g["year2"]))
        return Raw("into", n=n, unit=unit, parts=[base])
    if g.get("ru"):
        unit = v.units[g["unit"].lower()]
        if unit not in ("week", "month", "year") or rel is None:
            return None
        return Raw("relunit", unit=unit, rel=rel)
    if g.get("wdonly"):
        return Raw("weekday", weekday=_weekday(g["wd"]), rel=rel, pod=_pod(m))
    return None


def _month(name: str) -> int:
    months = vocab().months
    return months[name] if name in months else months[name.title()]


def _weekday(name: str | None) -> int | None:
    if not name:
        return None
    wds = vocab().weekdays
    return wds[name] if name in wds else wds[name.title()]


def _month_context_ok(m: re.Match[str]) -> bool:
    """A month name alone is a date only after a time preposition ("in May", "since March")."""
    before = m.string[max(0, m.start() - 12) : m.start()].lower().split()
    return bool(before) and before[-1] in vocab().year_prepositions


# ----------------------------------------------------------------------------------------
# anchoring: Raw + publication date + direction -> interval


@dataclass(frozen=True)
class Interval:
    start: date
    end: date
    precision: DatePrecision
    pod: str | None = None


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _month_iv(year: int, month: int) -> Interval:
    return Interval(
        date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    )


def _year_iv(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


def _week_iv(d: date) -> Interval:
    monday = d - timedelta(days=d.weekday())
    return Interval(monday, monday + timedelta(days=6), "week")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick(cands: list[date], anchor: date, direction: str | None) -> date | None:
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


def _resolve(raw: Raw, anchor: date | None, direction: str | None) -> Interval | None:
    if anchor is None and raw.needs_anchor():
        return None
    k = raw.kind
    if k == "date":
        return _resolve_date(raw, anchor, direction)
    if k == "month":
        assert raw.month is not None
        if raw.year is not None:
            return _month_iv(raw.year, raw.month)
        assert anchor is not None
        cur = date(anchor.year, anchor.month, 1)
        cands = [date(anchor.year + dy, raw.month, 1) for dy in (-1, 0, 1)]
        if raw.rel == -1:
            got = max((c for c in cands if c < cur), default=None)
        elif raw.rel == 1:
            got = min((c for c in cands if c > cur), default=None)
        else:
            got = _pick(cands, cur, direction)
        return None if got is None else _month_iv(got.year, got.month)
    if k == "year":
        assert raw.year is not None
        return _year_iv(raw.year)
    if k == "decade":
        assert raw.year is not None
        return Interval(date(raw.year, 1, 1), date(raw.year + 9, 12, 31), "year")
    assert anchor is not None or k in ("range", "since", "into", "season")
    if k == "weekday":
        assert anchor is not None and raw.weekday is not None
        return _resolve_weekday(raw, anchor, direction)
    if k == "weekend":
        assert anchor is not None
        return _resolve_weekend(raw, anchor, direction)
    if k == "relday":
        assert anchor is not None
        d = anchor + timedelta(days=raw.offset)
        return Interval(d, d, "day", raw.pod)
    if k == "relunit":
        assert anchor is not None and raw.rel is not None
        if raw.unit == "day":
            d = anchor + timedelta(days=raw.rel)
            return Interval(d, d, "day")
        if raw.unit == "week":
            return _week_iv(anchor + timedelta(days=7 * raw.rel))
        if raw.unit == "month":
            d = _add_months(date(anchor.year, anchor.month, 1), raw.rel)
            return _month_iv(d.year, d.month)
        if raw.unit == "year":
            return _year_iv(anchor.year + raw.rel)
        return None
    if k == "ago":
        assert anchor is not None
        if raw.unit == "day":
            d = anchor - timedelta(days=raw.n)
            return Interval(d, d, "day")
        if raw.unit == "week":
            return _week_iv(anchor - timedelta(days=7 * raw.n))
        if raw.unit == "month":
            d = _add_months(anchor, -raw.n)
            return _month_iv(d.year, d.month)
        if raw.unit == "year":
            return _year_iv(anchor.year - raw.n)
        if raw.unit == "decade":
            return _year_iv(anchor.year - 10 * raw.n)
        return None
    if k == "pastspan":
        assert anchor is not None
        if raw.unit in ("day", "week"):
            days = raw.n * (7 if raw.unit == "week" else 1)
            return Interval(anchor - timedelta(days=days), anchor, "day")
        if raw.unit == "month":
            return Interval(_add_months(anchor, -raw.n), anchor, "month")
        if raw.unit == "year":
            return Interval(date(anchor.year - raw.n, 1, 1), anchor, "year")
        if raw.unit == "decade":
            return Interval(date(anchor.year - 10 * raw.n, 1, 1), anchor, "year")
        return None
    if k == "into":
        base = _resolve(raw.parts[0], anchor, direction)
        if base is None:
            return None
        # "N days into the year" is its N-th day (day 1 is the first day)
        if raw.unit == "day":
            d = base.start + timedelta(days=raw.n - 1)
            return Interval(d, d, "day")
        if raw.unit == "week":  # "two weeks into January": the week of its 14th day
            return _week_iv(base.start + timedelta(days=7 * raw.n - 1))
        if raw.unit == "month":
            d = _add_months(base.start, raw.n - 1)
            return _month_iv(d.year, d.month)
        return None
    if k == "season":
        return _resolve_season(raw, anchor, direction)
    if k == "range":
        a = _resolve(raw.parts[0], anchor, direction)
        if a is None:
            return None
        b_raw = raw.parts[1]
        if b_raw.kind == "date" and b_raw.year is None and a.precision == "day":
            # "27-29 December 2019" / "from 3 to 5 January": the second end takes the
            # first's year, or the year after when it would fall before it
            assert b_raw.month is not None and b_raw.day is not None
            b_date = _safe_date(a.start.year, b_raw.month, b_raw.day)
            if b_date is not None and b_date < a.start:
                b_date = _safe_date(a.start.year + 1, b_raw.month, b_raw.day)
            b = None if b_date is None else Interval(b_date, b_date, "day")
        else:
            b = _resolve(b_raw, anchor, direction)
        if b is None or b.end < a.start:
            return None
        return Interval(a.start, b.end, _coarser(a.precision, b.precision))
    if k == "since":
        a = _resolve(raw.parts[0], anchor, PAST)
        if a is None:
            return None
        if anchor is None or anchor < a.start:
            return a
        return Interval(a.start, anchor, a.precision)
    return None


_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def _coarser(p: DatePrecision, q: DatePrecision) -> DatePrecision:
    return p if _ORDER[p] >= _ORDER[q] else q


def _resolve_date(raw: Raw, anchor: date | None, direction: str | None) -> Interval | None:
    assert raw.month is not None and raw.day is not None
    if raw.year is not None:
        d = _safe_date(raw.year, raw.month, raw.day)
        return None if d is None else Interval(d, d, "day", raw.pod)
    assert anchor is not None
    if raw.weekday is not None:
        # a weekday given with the date fixes the year: the nearest year (in the clause's
        # direction) in which that date falls on that weekday
        cands = [
            c
            for dy in range(-12, 13)
            if (c := _safe_date(anchor.year + dy, raw.month, raw.day)) is not None
            and c.weekday() == raw.weekday
        ]
        # (agreeing years are years apart: the direction only decides within a year)
        got = _pick(cands, anchor, direction)
        if got is None or abs((got - anchor).days) > 366:
            got = _pick(cands, anchor, None)
        if got is not None:
            return Interval(got, got, "day", raw.pod)
    cands = [
        c
        for dy in (-1, 0, 1)
        if (c := _safe_date(anchor.year + dy, raw.month, raw.day)) is not None
    ]
    got = _pick(cands, anchor, direction)
    return None if got is None else Interval(got, got, "day", raw.pod)


def _resolve_weekday(raw: Raw, anchor: date, direction: str | None) -> Interval:
    assert raw.weekday is not None
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
    return Interval(d, d, "day", raw.pod)


def _resolve_weekend(raw: Raw, anchor: date, direction: str | None) -> Interval:
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


def _resolve_season(raw: Raw, anchor: date | None, direction: str | None) -> Interval | None:
    first, last = vocab().seasons[raw.season]

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


def _format(iv: Interval) -> tuple[str, str | None]:
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


# ----------------------------------------------------------------------------------------
# direction of a clause from the parse


def clause_direction(tokens: Any) -> str | None:
    """past | future | None for the clause governing a span of spaCy tokens."""
    if tokens is None or len(tokens) == 0:
        return None
    v = vocab()
    tok = tokens.root
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 8:
        tok = tok.head
        steps += 1
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    verb = tok
    # the complement of a plan/call/vow verb happens later ("plans to meet on Monday"),
    # and coordinated verbs share their auxiliaries ("will meet and sign on Monday")
    chain = [verb]
    cur = verb
    while cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and len(chain) < 6:
        cur = cur.head
        chain.append(cur)
    for i, t in enumerate(chain):
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in v.future_auxiliaries for a in aux):
            return FUTURE
        lemma = t.lemma_.lower()
        if (
            i > 0
            and lemma in v.future_verbs
            and chain[i - 1].dep_ == "xcomp"
            and (t.tag_ != "VBD" or lemma in v.scheduling_words)
        ):
            return FUTURE
        # "is set to", "is scheduled for", "are due in": the event itself is ahead
        present_be = [a for a in aux if a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP")]
        if t.lemma_.lower() in v.scheduling_words and t.tag_ in ("VBN", "JJ") and present_be:
            return FUTURE
        if (
            t.lemma_ == "be"
            and t.tag_ in ("VBZ", "VBP")
            and any(
                c.dep_ == "acomp" and c.lemma_.lower() in v.scheduling_words for c in t.children
            )
        ):
            return FUTURE
    head = chain[-1] if chain[-1].dep_ in ("ROOT",) else verb
    for t in (verb, head):
        if _imperative(t):
            return FUTURE
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return PAST
    if verb.tag_ == "VBN" and (any(a.lemma_ == "have" for a in aux) or not aux):
        return PAST
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return FUTURE  # "is meeting on Friday"
    if verb.tag_ in ("VB",) and any(a.tag_ == "MD" for a in aux):
        return None
    return None


def _imperative(t: Any) -> bool:
    if t.tag_ != "VB" or t.dep_ not in ("ROOT", "conj"):
        return False
    kids = list(t.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in kids):
        return False
    if t.dep_ == "conj":
        return _imperative(t.head)
    return True


# ----------------------------------------------------------------------------------------
# finding expressions


@dataclass
class Found:
    span: Span
    raw: Raw
    direction: str | None


def _scan(doc: Document) -> list[Found]:
    text = doc.article.text
    parse = doc.parse
    v = vocab()
    pats = patterns()
    matches: list[tuple[int, int, Raw]] = []
    present = [g.search(text) is not None for g in pats.gates]
    scanned = [pat for pat, gi in zip(pats.core, pats.gate_of, strict=True) if present[gi]]
    for m in (m for pat in scanned for m in pat.finditer(text)):
        raw = _raw_of(m)
        if raw is None:
            continue
        start, end = m.start(), m.end()
        # trailing punctuation or whitespace never belongs to the expression
        while end > start and text[end - 1] in " ,":
            end -= 1
        glued = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/")
        if glued and not (text[start - 1] == "-" and raw.kind in ("date", "month", "weekday")):
            continue  # inside a word or a code ("A-10", "x/3")
        matches.append((start, end, raw))
    # bare years: after a time preposition, or inside a spaCy DATE entity
    date_ents: list[tuple[int, int]] = []
    other_ents: list[tuple[int, int, str]] = []
    if parse is not None:
        date_ents = [(e.start_char, e.end_char) for e in parse.ents if e.label_ == "DATE"]
        other_ents = [
            (e.start_char, e.end_char, e.label_)
            for e in parse.ents
            if e.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
        ]
    for m in pats.year_token.finditer(text):
        s, e = m.start(), m.end()
        if (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "$£€/.#")) or (
            e < len(text) and (text[e].isalnum() or text[e] in "/")
        ):
            continue
        before = text[max(0, s - 12) : s].lower().split()
        in_ent = any(a <= s and e <= b for a, b in date_ents)
        if any(a <= s < b for a, b, lab in other_ents):
            continue  # a count, an amount: "2000 police"
        if in_ent or (before and before[-1].strip("(-") in v.year_prepositions):
            matches.append((s, e, Raw("year", year=int(m.group("year")))))
    # longest match wins; ties go to the earliest
    matches.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    chosen: list[tuple[int, int, Raw]] = []
    for s, e, raw in matches:
        if all(e <= cs or s >= ce for cs, ce, _ in chosen):
            chosen.append((s, e, raw))
    chosen.sort(key=lambda t: t[0])
    chosen = _join_ranges(text, chosen, v)
    found = []
    for s, e, raw in chosen:
        direction = None
        if parse is not None:
            toks = parse.char_span(s, e, alignment_mode="expand")
            direction = clause_direction(toks)
            if direction is None and _scheduled(raw, toks):
                direction = FUTURE
        found.append(Found(Span(s, e), raw, direction))
    return found


def _scheduled(raw: Raw, toks: Any) -> bool:
    """A date given with a clock time in a verbless listing ("Rally, Thursday 14 March,
    5pm, Town Hall") announces a meeting: it is ahead. A sentence with a tensed verb tells
    its own direction instead (a caption, "troops arrive on 31 December", is not a plan)."""
    if toks is None or len(toks) == 0 or raw.kind != "date" or not raw.pod:
        return False
    if not re.fullmatch(r"\d\d:\d\d", raw.pod):
        return False
    sent = toks[0].sent
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.is_alpha for t in sent)


def _join_ranges(
    text: str, chosen: list[tuple[int, int, Raw]], v: Vocab
) -> list[tuple[int, int, Raw]]:
    """Join "from A to B", "between A and B", "A-B" into ranges and "since A" into a range."""
    joiners = "|".join(re.escape(j) for j in v.range_joiners)
    starters = "|".join(re.escape(w) for w in v.range_start_words)
    since = "|".join(re.escape(w) for w in v.since_words)
    out: list[tuple[int, int, Raw]] = []
    i = 0
    while i < len(chosen):
        s, e, raw = chosen[i]
        if i + 1 < len(chosen):
            s2, e2, raw2 = chosen[i + 1]
            gap = text[e:s2]
            pre = re.search(rf"(?i:\b({starters})\s+)$", text[max(0, s - 12) : s])
            if re.fullmatch(rf"\s*(?i:{joiners})\s*", gap) and (pre or gap.strip() in ("-", "–")):
                start = s - len(pre.group(0)) if pre else s
                if raw2.kind == "year" and raw.kind == "date" and raw.year is None:
                    pass
                out.append((start, e2, Raw("range", parts=[raw, raw2])))
                i += 2
                continue
        pre_since = re.search(rf"(?i:\b({since})\s+)$", text[max(0, s - 10) : s])
        if pre_since and raw.kind in ("date", "month", "year", "decade", "season", "weekday"):
            out.append((s - len(pre_since.group(0)), e, Raw("since", parts=[raw])))
        else:
            out.append((s, e, raw))
        i += 1
    return out


def _anchor(doc: Document) -> date | None:
    pub = doc.article.published
    if not pub:
        return None
    try:
        return date.fromisoformat(pub[:10])
    except ValueError:
        return None  # a partial date ("2020-01") cannot anchor a weekday


def find_times(doc: Document) -> list[TimeExpression]:
    """All temporal expressions of the article, normalised against its publication date.

    Without a publication date only the expressions that need no anchor (dates with a
    year, years, decades) are returned.
    """
    anchor = _anchor(doc)
    out: list[TimeExpression] = []
    # "the previous day", "two days later" count from an event, not from the publication
    relative = [r.span for r in find_relative(doc)]
    for f in _scan(doc):
        if any(f.span.start < s.end and s.start < f.span.end for s in relative):
            continue
        iv = _resolve(f.raw, anchor, f.direction)
        if iv is None:
            continue
        value, end = _format(iv)
        out.append(TimeExpression(f.span, value, iv.precision, end, iv.pod))
    return out


# ----------------------------------------------------------------------------------------
# publication date from the text


def infer_publication(doc: Document) -> tuple[str, float] | None:
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
    scanned = _scan(doc)
    found = [(raw, f.direction) for f in scanned for raw in _leaves(f.raw)]
    years = [r.year for r, _ in found if r.kind in ("year", "date", "month") and r.year]
    min_year = max(years) if years else None
    past: list[date] = []
    future: list[date] = []
    yearless: list[tuple[Raw, str | None]] = []
    for raw, direction in found:
        if raw.kind != "date" or raw.month is None or raw.day is None:
            continue
        d: date | None = None
        if raw.year is not None:
            d = _safe_date(raw.year, raw.month, raw.day)
        elif raw.weekday is not None and min_year is not None:
            # the first year from the latest year named in the text where they agree
            for y in range(min_year - 1, min_year + 12):
                c = _safe_date(y, raw.month, raw.day)
                if c is not None and c.weekday() == raw.weekday:
                    d = c
                    break
        if d is None:
            if raw.year is None and raw.weekday is None:
                yearless.append((raw, direction))
            continue
        if direction == FUTURE:
            future.append(d)
        else:
            past.append(d)
    # a date without a year ("on 31 December") is anchored to the window the full dates
    # give: the latest such date before the earliest plan, or after the latest past date
    ref = min(future) if future else (max(past) if past else None)
    if ref is not None:
        for raw, direction in yearless:
            iv = _resolve(raw, ref, FUTURE if direction == FUTURE and not future else PAST)
            if iv is not None:
                (future if direction == FUTURE else past).append(iv.start)
    if not past and not future:
        if min_year is not None:
            return f"{min_year:04d}", 0.2
        return None
    lower = max(past) if past else None
    upper = min((d for d in future if lower is None or d >= lower), default=None)
    if upper is None:
        assert lower is not None
        return lower.isoformat(), 0.5
    # Plans and calls to action are ahead of the article: it was published before the first
    # of them. Within that window the news peg decides: the first bare weekday of past
    # narration ("killed ... early on Friday morning") is the latest development a report
    # leads with, so the article is of that day (the latest such day in the window).
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


def _leaves(raw: Raw) -> list[Raw]:
    if raw.kind in ("range", "since", "into"):
        return [leaf for p in raw.parts for leaf in _leaves(p)]
    return [raw]


# ----------------------------------------------------------------------------------------
# dating events


def _tokens(parse: Any, span: Span) -> Any:
    if parse is None:
        return None
    return parse.char_span(span.start, span.end, alignment_mode="expand")


_ATTACH_DEPS = frozenset(
    {
        "prep",
        "pobj",
        "npadvmod",
        "tmod",
        "obl",
        "nmod",
        "advmod",
        "compound",
        "appos",
        "nummod",
        "pcomp",
        "amod",
        "conj",
        "cc",
        "poss",
        "quantmod",
        "det",
    }
)


def _attached_to(time_toks: Any, trigger_toks: Any) -> bool:
    """True when the time hangs off the trigger through prep/pobj/npadvmod/tmod-like links,
    without crossing into another clause."""
    if time_toks is None or trigger_toks is None or len(time_toks) == 0:
        return False
    trig = {t.i for t in trigger_toks}
    tok = time_toks.root
    if tok.i in trig:
        return True
    for _ in range(10):
        if tok.dep_ not in _ATTACH_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in trig:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _attach_path(time_toks: Any) -> tuple[int, ...]:
    """Token indices a time reaches going up as :func:`_attached_to` walks: the time is
    attached to a trigger exactly when the trigger holds one of them."""
    if time_toks is None or len(time_toks) == 0:
        return ()
    tok = time_toks.root
    path = [tok.i]
    for _ in range(10):
        if tok.dep_ not in _ATTACH_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        path.append(tok.i)
        if tok.pos_ in ("VERB", "AUX"):
            break
    return tuple(path)


def _encloses(time_toks: Any, trigger_toks: Any) -> bool:
    """True when the time's clause is the trigger's clause or one that contains it."""
    if time_toks is None or trigger_toks is None or len(time_toks) == 0:
        return True  # no parse: keep the plain nearest-in-sentence rule
    gov = governor(time_toks.root)
    if gov is None:
        return True
    trig = trigger_toks.root
    return gov.i == trig.i or any(a.i == gov.i for a in trig.ancestors)


def _clause_head(trigger_toks: Any) -> Any:
    """The clause an event's trigger belongs to: the nearest verb above a nominal trigger,
    the governing verb of a coordinated or complement verb."""
    if trigger_toks is None or len(trigger_toks) == 0:
        return None
    tok = trigger_toks.root
    if tok.pos_ not in ("VERB", "AUX"):
        for _ in range(6):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
        return None
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        # "stormed the embassy on Tuesday and set fires" share the time, but a conjunct
        # with its own auxiliary has its own tense ("was founded in 2003 and has sent")
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in tok.children):
            return None
        return tok.head
    return None


_ELABORATING = frozenset({"advcl", "xcomp", "conj", "dep"})


def _elaborates(verb: Any, trigger: Any) -> bool:
    """True when ``verb``'s clause hangs from ``trigger`` as part of the same act: a
    participle without a subordinator ("retaliated, striking ..."), a complement, or a
    conjunct without a subject or tense of its own. A clause with its own subordinator
    ("after they arrived ...") or reported content ("said that ...") is another act."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in _ELABORATING or cur.head.i == cur.i:
            return False
        kids = list(cur.children)
        if any(c.dep_ == "mark" for c in kids):
            return False
        if cur.dep_ == "advcl" and cur.tag_ != "VBG":
            return False
        if cur.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("aux", "auxpass") and c.tag_ != "TO")
            for c in kids
        ):
            return False
        cur = cur.head
        if cur.i == trigger.i:
            return True
    return False


def _events_at(tok: Any, trigger_heads: dict[int, int]) -> set[int]:
    """Indices of the events whose trigger is ``tok`` (a time they claim is also shared)."""
    return {trigger_heads[tok.i]} if tok.i in trigger_heads else set()


def _own_times(
    doc: Document, events: list[EventMention], times: list[TimeExpression]
) -> list[int | None]:
    """Index of the expression that dates each event in its own sentence: the one attached
    to its trigger, else to its clause, else the nearest in the sentence (None: none)."""
    parse = doc.parse
    time_toks = [_tokens(parse, t.span) for t in times]
    trig_toks = [_tokens(parse, ev.trigger) for ev in events]
    # speed: each time's attachment path and governor, computed once (see _attach_path)
    paths = [_attach_path(xt) for xt in time_toks]
    govs = [governor(xt.root) if xt is not None and len(xt) else None for xt in time_toks]
    # which times hang directly off some event's trigger (they are not lent to others)
    claimed: dict[int, set[int]] = {}
    for ei, tt in enumerate(trig_toks):
        if tt is None:
            continue
        trig = {t.i for t in tt}
        for ti, path in enumerate(paths):
            if not trig.isdisjoint(path):
                claimed.setdefault(ti, set()).add(ei)
    trigger_heads = {tt.root.i: ei for ei, tt in enumerate(trig_toks) if tt is not None and len(tt)}
    out: list[int | None] = []
    for ei, ev in enumerate(events):
        chosen: TimeExpression | None = None
        direct = [ti for ti, evs in claimed.items() if ei in evs]
        if not direct and trig_toks[ei] is not None and len(trig_toks[ei]):
            # "retaliated, striking targets over the weekend": a participle clause without
            # a subordinator (or a complement, or a conjunct without its own subject)
            # elaborates the act of the verb it hangs from and shares its time - the
            # nearest such time, whichever of these shapes the parse gives the clause
            root = trig_toks[ei].root
            direct = [
                ti
                for ti, gov in enumerate(govs)
                if gov is not None
                and gov.i != root.i
                and _elaborates(gov, root)
                and not (claimed.get(ti, set()) - {ei} - _events_at(gov, trigger_heads))
            ]
        if direct:
            chosen = times[min(direct, key=lambda ti: _dist(times[ti].span, ev.trigger))]
        head = _clause_head(trig_toks[ei])
        # a nominal trigger that is what another event is about ("condemned the strikes")
        # names an earlier act: the other event's time does not date it
        referred = (
            head is not None
            and trig_toks[ei].root.pos_ not in ("VERB", "AUX")
            and trigger_heads.get(head.i, ei) != ei
        )
        if chosen is None and head is not None and not referred:
            cands = [
                ti
                for ti, path in enumerate(paths)
                if head.i in path
                and ev.sentence.contains(times[ti].span)
                and not (claimed.get(ti, set()) - {ei})
            ]
            if cands:
                chosen = times[min(cands, key=lambda ti: _dist(times[ti].span, ev.trigger))]
        if chosen is None and not referred:
            # the nearest in the sentence, if its clause is the trigger's or encloses it
            # (a time inside another clause dates that clause: "who took office in 2016")
            same = [
                ti
                for ti, t in enumerate(times)
                if ev.sentence.contains(t.span)
                and not (claimed.get(ti, set()) - {ei})
                and (_encloses(time_toks[ti], trig_toks[ei]) or _verbless(parse, ev.sentence))
            ]
            if same:
                chosen = times[min(same, key=lambda ti: _dist(times[ti].span, ev.trigger))]
        out.append(None if chosen is None else next(i for i, t in enumerate(times) if t is chosen))
    return out


def _verbless(parse: Any, sentence: Span) -> bool:
    """A line with no verb of its own (a listing: "Rally, Saturday 11 January, noon"):
    spaCy may glue it to its neighbours, so clause attachment says nothing; its date is its
    own."""
    return not any(
        t.pos_ in ("VERB", "AUX") and t.text.islower()
        for t in parse
        if sentence.start <= t.idx < sentence.end
    )


def _dist(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


# ----------------------------------------------------------------------------------------
# dating by reference to other events of the article
#
# Two things no library does with a parse (so they are written here): a definite nominal
# without a time of its own ("the strike also killed", "killed in the raids", "those
# attacks") refers back to the latest earlier event of its kind and shares its date; and an
# expression relative to an event ("two days later", "the following day", "hours after
# that attack") is counted from that event's date, not from the publication date.


@dataclass(frozen=True)
class ReferenceWords:
    determiners: frozenset[str]
    same_words: frozenset[str]
    instrument_prepositions: frozenset[str]
    max_sentences: int
    event_nouns: dict[str, str]
    after_words: tuple[str, ...]
    before_words: tuple[str, ...]
    same_day_units: tuple[str, ...]
    next_words: tuple[str, ...]
    previous_words: tuple[str, ...]
    day_words: tuple[str, ...]
    same_day_phrases: tuple[str, ...]


def _reference_path() -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / "time_reference.yaml"))


def load_reference_words(path: Path | None = None) -> ReferenceWords:
    """Read and shape-check ``time_reference.yaml`` (ConfigError names the bad key)."""
    from ..model import EVENT_TYPES

    path = path or _reference_path()
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of word lists at top level")
    nouns = data.get("event_nouns")
    if not isinstance(nouns, dict) or not all(v in EVENT_TYPES for v in nouns.values()):
        raise ConfigError(f"{path}: 'event_nouns' must map nouns to PLOVER event types")
    limit = data.get("max_sentences")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ConfigError(f"{path}: 'max_sentences' must be a whole number >= 0")

    def words(key: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in _str_list(data, key, path))

    return ReferenceWords(
        determiners=frozenset(words("determiners")),
        same_words=frozenset(words("same_words")),
        instrument_prepositions=frozenset(words("instrument_prepositions")),
        max_sentences=limit,
        event_nouns={str(k).lower(): str(v) for k, v in nouns.items()},
        after_words=words("after_words"),
        before_words=words("before_words"),
        same_day_units=words("same_day_units"),
        next_words=words("next_words"),
        previous_words=words("previous_words"),
        day_words=words("day_words"),
        same_day_phrases=words("same_day_phrases"),
    )


@lru_cache(maxsize=1)
def reference_words() -> ReferenceWords:
    return load_reference_words()


@dataclass(frozen=True)
class Relative:
    """An expression counted from another event: ``n`` ``unit``s after (sign +1) or before
    (-1) it. ``named`` is the char offset of the word "after"/"before" when the text names
    the event ("three days after the bombing"), else None (the latest dated event)."""

    span: Span
    n: int
    unit: str  # day | week | month
    sign: int
    named: int | None = None
    whole: bool = False  # "the following week/month": that whole week or month


@lru_cache(maxsize=1)
def _relative_patterns() -> tuple[re.Pattern[str], ...]:
    v, r = vocab(), reference_words()
    units = [u for u, k in v.units.items() if k in ("day", "week", "month")]
    num = f"(?P<num>\\d+|{_alt(v.numbers, ci=True)})"
    unit = f"(?P<unit>{_alt(units, ci=True)}|{_alt(r.same_day_units, ci=True)})"
    direction = f"(?P<dir>{_alt(r.after_words + r.before_words, ci=True)})"
    nxt = f"(?P<nx>{_alt(r.next_words + r.previous_words, ci=True)})"
    dayw = f"(?P<dw>{_alt(r.day_words, ci=True)}|(?i:week|month))"
    return (
        # two days later / hours after that attack / a week earlier / three days on
        re.compile(f"\\b(?:{num}\\s+)?{unit}\\s+{direction}\\b"),
        # the following day / the next morning / the previous week
        re.compile(f"\\b(?i:the)\\s+{nxt}\\s+{dayw}\\b"),
        # the day before / the day after the vote (not "the day before yesterday")
        re.compile(
            f"\\b(?i:the)\\s+(?P<dw2>{_alt(r.day_words, ci=True)})\\s+(?P<dir2>(?i:before|after))"
            "\\b(?!\\s+(?i:yesterday|tomorrow))"
        ),
        # later that day / the same day
        re.compile(f"\\b(?P<same>{_alt(r.same_day_phrases, ci=True)})\\b"),
    )


def find_relative(doc: Document) -> list[Relative]:
    """Expressions of the article counted from another event, not from the publication."""
    return list(_relative_in(doc.article.text))


# find_times and resolve_dates both need them for the same text: scan it once
@lru_cache(maxsize=2)
def _relative_in(text: str) -> tuple[Relative, ...]:
    r = reference_words()
    found: list[Relative] = []
    for pat in _relative_patterns():
        for m in pat.finditer(text):
            g = m.groupdict()
            rest = text[m.end() : m.end() + 3]
            word_follows = bool(re.match(r"\s+\w", rest))
            if g.get("unit"):
                unit_word = g["unit"].lower()
                d = g["dir"].lower()
                short = unit_word in r.same_day_units
                n = _num(g["num"]) if g.get("num") else None
                if n is None and not (short and unit_word.endswith("s")):
                    continue  # "days later" says no count; "hours later" is the same day
                if d == "on" and word_follows:
                    continue  # "two days on the island" is no time
                unit = "day" if short else vocab().units[unit_word]
                sign = 1 if d in r.after_words else -1
                named = m.start("dir") if d in ("after", "before") and word_follows else None
                found.append(
                    Relative(Span(m.start(), m.end()), 0 if short else n or 0, unit, sign, named)
                )
            elif g.get("nx"):
                dw = g["dw"].lower()
                unit = dw if dw in ("week", "month") else "day"
                sign = 1 if g["nx"].lower() in r.next_words else -1
                found.append(Relative(Span(m.start(), m.end()), 1, unit, sign, whole=True))
            elif g.get("dw2"):
                d = g["dir2"].lower()
                sign = 1 if d == "after" else -1
                named = m.start("dir2") if word_follows else None
                found.append(Relative(Span(m.start(), m.end()), 1, "day", sign, named))
            elif g.get("same"):
                found.append(Relative(Span(m.start(), m.end()), 0, "day", 1))
    found.sort(key=lambda x: (x.span.start, -(x.span.end - x.span.start)))
    out: list[Relative] = []
    for rel in found:  # longest first at one place; no overlaps
        if all(rel.span.start >= o.span.end or rel.span.end <= o.span.start for o in out):
            out.append(rel)
    return tuple(out)


def _shift(d: date, rel: Relative) -> Interval:
    if rel.unit == "week":
        day = d + timedelta(days=7 * rel.n * rel.sign)
        return _week_iv(day) if rel.whole else Interval(day, day, "day")
    if rel.unit == "month":
        day = _add_months(d, rel.n * rel.sign)
        return _month_iv(day.year, day.month) if rel.whole else Interval(day, day, "day")
    day = d + timedelta(days=rel.n * rel.sign)
    return Interval(day, day, "day")


def _day_of(ev: EventMention) -> date | None:
    if ev.date_source != "text" or not ev.date or len(ev.date) < 10:
        return None
    try:
        return date.fromisoformat(ev.date[:10])
    except ValueError:
        return None


def _nominal(
    ev: EventMention, trig: Any, events_at: dict[int, EventMention]
) -> tuple[Any, str] | None:
    """The definite nominal an event is told through, with the type of act it names: the
    trigger itself ("those airstrikes"), the verb's subject ("the strike also killed") or the
    object of an instrument preposition ("killed in the raids", "in the same attack, ...")."""
    r = reference_words()
    if trig is None or len(trig) == 0:
        return None
    root = trig.root
    cands: list[Any] = []
    has_det = any(c.dep_ == "det" for c in root.children)
    if root.pos_ in ("NOUN", "PROPN") or has_det:  # "that shelling" may be tagged a verb
        cands.append(root)
    else:
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                cands.append(c)
            if c.dep_ == "prep" and c.lower_ in r.instrument_prepositions:
                cands.extend(g for g in c.children if g.dep_ == "pobj")
    for noun in cands:
        if noun.pos_ != "NOUN" and not any(c.dep_ == "det" for c in noun.children):
            continue
        kids = list(noun.children)
        definite = any(k.dep_ == "det" and k.lower_ in r.determiners for k in kids)
        same = any(k.lower_ in r.same_words for k in kids)
        if not (definite or same):
            continue
        if noun.i == root.i:
            return noun, ev.event
        other = events_at.get(noun.i)
        kind = other.event if other is not None else r.event_nouns.get(noun.lemma_.lower())
        if kind is not None:
            return noun, kind
    return None


def _antecedent(
    doc: Document,
    pos: int,
    kind: str,
    lemma: str,
    state: list[EventMention],
    order: list[int],
    times: list[TimeExpression],
    *,
    window: bool = True,
    exclude: int | None = None,
) -> EventMention | None:
    """The event a nominal at ``pos`` refers back to: among the factual events of type
    ``kind`` before it, the latest one called by the same noun, else the latest one; it
    counts only when the text dates it. Bounded (``window``): at most ``max_sentences``
    back, and never across a time expression with another date in between."""
    r = reference_words()
    sents = doc.sentences
    here = next((i for i, s in enumerate(sents) if s.start <= pos < s.end), len(sents))
    earlier = [
        state[i]
        for i in order
        if i != exclude
        and state[i].trigger.start < pos
        and state[i].event == kind
        and state[i].factuality in ("asserted", "reported")
    ]
    if window:
        lo = sents[max(0, here - r.max_sentences)].start if sents else 0
        earlier = [e for e in earlier if e.sentence.start >= lo]
    if not earlier:
        return None
    same_noun = [e for e in earlier if e.trigger_lemma.lower() == lemma]
    latest = (same_noun or earlier)[-1]
    # the latest one is the antecedent; undated, it lends nothing (an older dated act of the
    # same kind is more likely another act than this one)
    cands = [latest] if latest.date_source == "text" else []
    if not cands:
        return None
    ante = cands[-1]
    if window:
        between = [
            t
            for t in times
            if ante.sentence.end <= t.span.start
            and t.span.end <= pos
            and (t.value, t.end) != (ante.date, ante.date_end)
        ]
        if between:
            return None
    return ante


def resolve_dates(
    doc: Document, events: list[EventMention], times: list[TimeExpression]
) -> list[EventMention]:
    """Date each event from the expression attached to its trigger, else the nearest one in
    its sentence; else, for a definite nominal referring back to an earlier event ("the
    strike also killed"), that event's date; else the publication date
    (``date_source="publication"``).

    An expression relative to an event ("two days later", "hours after that attack") is
    counted from that event: the one it names, else the latest event the text dates before
    it. A back-reference records ``date_source="text"`` and the antecedent's time span
    (outside its own sentence), so that place resolution can find the same antecedent.
    """
    rels = find_relative(doc)
    rel_spans = [x.span for x in rels]
    plain = [
        t
        for t in times
        if not any(t.span.start < s.end and s.start < t.span.end for s in rel_spans)
    ]
    # the relative expressions take part in attachment as placeholders (no value yet)
    cands = plain + [TimeExpression(x.span, "", "day") for x in rels]
    chosen = _own_times(doc, events, cands)
    parse = doc.parse
    trig_toks = [_tokens(parse, ev.trigger) for ev in events]
    events_at = {
        tt.root.i: ev
        for tt, ev in zip(trig_toks, events, strict=True)
        if tt is not None and len(tt)
    }
    # events inside the named side of a relative expression ("two days after a drone
    # killed him") are dated from the other side, never by its expression
    # unless their own side dates them ("a week after the army bombed it on 20 May")
    inside: dict[int, Relative] = {}
    for rel in rels:
        if rel.named is None or parse is None:
            continue
        sub = _named_side(parse, rel)
        for ei, tt in enumerate(trig_toks):
            if tt is None or not len(tt) or tt.root.i not in sub:
                continue
            ti = chosen[ei]
            xt = _tokens(parse, cands[ti].span) if ti is not None else None
            if ti is not None and ti < len(plain) and xt is not None and xt.root.i in sub:
                continue
            own_side = [
                k
                for k, t in enumerate(plain)
                if (xt := _tokens(parse, t.span)) is not None and len(xt) and xt.root.i in sub
            ]
            if own_side:
                chosen[ei] = min(own_side, key=lambda k: _dist(plain[k].span, events[ei].trigger))
                continue
            inside[ei] = rel
            chosen[ei] = None
    pub = doc.article.published
    state: list[EventMention] = []
    for ei, ev in enumerate(events):
        ti = chosen[ei]
        if ti is not None and ti < len(plain):
            t = plain[ti]
            state.append(
                dataclasses.replace(
                    ev,
                    date=t.value,
                    date_end=t.end,
                    date_precision=t.precision,
                    date_source="text",
                    time=t.span,
                )
            )
        elif pub:
            precision: DatePrecision = (
                "day" if len(pub) >= 10 else ("month" if len(pub) >= 7 else "year")
            )
            state.append(
                dataclasses.replace(
                    ev,
                    date=pub[:10],
                    date_end=None,
                    date_precision=precision,
                    date_source="publication",
                    time=None,
                )
            )
        else:
            state.append(ev)
    if not pub:
        return state  # nothing is dated relative to an unknown publication date
    # second pass in text order: relative expressions and back-references, so that a chain
    # ("on Sunday ... two days later ... the next day") counts from the dated one before
    order = sorted(range(len(events)), key=lambda i: events[i].trigger.start)
    rel_of = {x.span: x for x in rels}
    for ei in order:
        ev = state[ei]
        ti = chosen[ei]
        own = rel_of.get(cands[ti].span) if ti is not None and ti >= len(plain) else None
        if own is not None and ei not in inside:
            base = _relative_anchor(doc, own, ei, state, order, trig_toks, events_at, plain)
            if base is not None:
                iv = _shift(base, own)
                value, end = _format(iv)
                state[ei] = dataclasses.replace(
                    ev,
                    date=value,
                    date_end=end,
                    date_precision=iv.precision,
                    date_source="text",
                    time=own.span,
                )
            continue
        if ei in inside:
            main = _main_of(inside[ei], state, order, ei)
            if main is not None:
                iv = _shift(main, dataclasses.replace(inside[ei], sign=-inside[ei].sign))
                value, end = _format(iv)
                state[ei] = dataclasses.replace(
                    ev,
                    date=value,
                    date_end=end,
                    date_precision=iv.precision,
                    date_source="text",
                    time=inside[ei].span,
                )
                continue
        if ev.date_source != "publication" or ev.factuality not in (
            "asserted",
            "reported",
            "negated",
        ):
            continue
        nominal = _nominal(ev, trig_toks[ei], events_at)
        if nominal is None:
            continue
        noun, kind = nominal
        ante = _antecedent(
            doc, min(noun.idx, ev.trigger.start), kind, noun.lemma_.lower(), state, order, plain
        )
        if ante is not None and ante is not ev:
            state[ei] = dataclasses.replace(
                ev,
                date=ante.date,
                date_end=ante.date_end,
                date_precision=ante.date_precision,
                date_source="text",
                time=ante.time,
            )
    return state


def _named_side(parse: Any, rel: Relative) -> set[int]:
    """Token indices of the event an expression names: the object of "after"/"before"
    ("two days after the vote") or the clause it introduces ("two days after a drone
    killed him")."""
    assert rel.named is not None
    word = parse.char_span(rel.named, rel.named + 1, alignment_mode="expand")
    if word is None or len(word) == 0:
        return set()
    tok = word.root
    own = {t.i for t in parse.char_span(rel.span.start, rel.span.end, alignment_mode="expand")}
    if tok.dep_ == "mark" and tok.head.i != tok.i:
        return {t.i for t in tok.head.subtree} - own
    return {t.i for t in tok.subtree} - own - {tok.i}


def _main_of(rel: Relative, state: list[EventMention], order: list[int], ei: int) -> date | None:
    """The date of the event a relative expression belongs to, when its own words date it
    ("voted on Sunday, two days after ..."): an event of the sentence with another time."""
    for i in order:
        e = state[i]
        if i == ei or not e.sentence.contains(rel.span) or e.time is None:
            continue
        if e.time != rel.span and e.sentence.contains(e.time) and _day_of(e) is not None:
            return _day_of(e)
    return None


def _relative_anchor(
    doc: Document,
    rel: Relative,
    ei: int,
    state: list[EventMention],
    order: list[int],
    trig_toks: list[Any],
    events_at: dict[int, EventMention],
    times: list[TimeExpression],
) -> date | None:
    """The day an expression counts from: the event it names, else the latest dated one."""
    parse = doc.parse
    if rel.named is not None:
        if parse is None:
            return None
        sub = _named_side(parse, rel)
        word = parse.char_span(rel.named, rel.named + 1, alignment_mode="expand")
        if not sub or word is None:
            return None
        named = [
            i
            for i in order
            if trig_toks[i] is not None and len(trig_toks[i]) and trig_toks[i].root.i in sub
        ]
        for i in named:
            if _day_of(state[i]) is not None:
                return _day_of(state[i])
        # an event noun not coded, or coded without a date: the act it refers back to
        r = reference_words()
        for tok in (parse[i] for i in sorted(sub)):
            if tok.dep_ not in ("pobj", "nsubj", "nsubjpass") or tok.pos_ != "NOUN":
                continue
            kind = (
                events_at[tok.i].event
                if tok.i in events_at
                else r.event_nouns.get(tok.lemma_.lower())
            )
            if kind is None:
                continue
            ante = _antecedent(
                doc,
                tok.idx,
                kind,
                tok.lemma_.lower(),
                state,
                order,
                times,
                window=False,
                exclude=ei,
            )
            if ante is not None:
                return _day_of(ante)
        return None
    before = [
        state[i]
        for i in order
        if i != ei
        and state[i].trigger.start < rel.span.start
        and _day_of(state[i]) is not None
        and state[i].factuality in ("asserted", "reported")
    ]
    return _day_of(before[-1]) if before else None
