"""Holidays as dates: "on New Year's Eve", "Christmas Day", "during Eid".

``resolve/data/time_holidays.tsv`` names each holiday (and its other spellings) with its day:
a fixed month and day, or each year's day for a moveable feast; a national holiday
("Independence Day") names its country and is dated only for an article about it. A holiday
in the text is the nearest such day in the direction of its clause: on or before the
publication date for past narration, on or after it for a plan ("will rally on New Year's
Eve").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from ...errors import ConfigError
from ...resources import read_tsv
from .tense import FUTURE, Direction

Day = tuple[int, int, int | None]  # month, day, year (None: every year)


@dataclass(frozen=True)
class Holidays:
    """Holiday names -> their days, and one pattern finding any of the names. A national
    holiday ("Independence Day") has a day per country."""

    days: dict[str, tuple[Day, ...]]  # name as written -> days of every holiday so named
    pattern: re.Pattern[str]
    national: dict[str, dict[str, tuple[Day, ...]]] = field(default_factory=dict)

    def days_of(self, name: str, country: str | None = None) -> tuple[Day, ...]:
        """The days a name may mean: everywhere, plus ``country``'s own holiday so named."""
        own = self.national.get(name, {}).get(country or "", ())
        return self.days.get(name, ()) + own


def load_holidays(path: Path | None = None) -> Holidays:
    """Read and check time_holidays.tsv (ConfigError names the file and the holiday)."""
    path = path or Path(str(resources.files("newsevents.resolve") / "data" / "time_holidays.tsv"))
    days: dict[str, list[Day]] = {}
    national: dict[str, dict[str, list[Day]]] = {}
    for name, aliases, spec, *rest in read_tsv(path, 3):
        parsed = [_day(part.strip(), path, name) for part in spec.split(",") if part.strip()]
        if not parsed:
            raise ConfigError(f"{path}: {name}: no days")
        country = rest[0].strip() if rest else ""
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise ConfigError(f"{path}: {name}: bad country {country!r}; use ISO 3166-1 alpha-3")
        for alias in [name, *(a.strip() for a in aliases.split(",") if a.strip())]:
            if country:
                national.setdefault(alias, {}).setdefault(country, []).extend(parsed)
            else:
                days.setdefault(alias, []).extend(parsed)
    if not days and not national:
        raise ConfigError(f"{path}: no holidays")
    names = sorted({*days, *national}, key=len, reverse=True)  # "Christmas Day" first
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return Holidays(
        {k: tuple(v) for k, v in days.items()},
        pattern,
        {k: {c: tuple(d) for c, d in v.items()} for k, v in national.items()},
    )


def _day(part: str, path: Path, name: str) -> Day:
    try:
        if len(part) == 5:  # MM-DD
            d = date.fromisoformat(f"2000-{part}")  # a leap year: 02-29 is allowed
            return (d.month, d.day, None)
        d = date.fromisoformat(part)
        return (d.month, d.day, d.year)
    except ValueError as e:
        raise ConfigError(f"{path}: {name}: bad day {part!r}; use MM-DD or YYYY-MM-DD") from e


def holiday_date(
    name: str,
    anchor: date,
    direction: Direction | None,
    table: Holidays,
    country: str | None = None,
) -> date | None:
    """The day a holiday named ``name`` falls on (a national one: ``country``'s), nearest to
    ``anchor`` in ``direction`` (ahead for a plan, else on or before the anchor); None if no
    day lies within a year."""
    cands: list[date] = []
    for month, day, year in table.days_of(name, country):
        years = [year] if year is not None else [anchor.year - 1, anchor.year, anchor.year + 1]
        for y in years:
            try:
                cands.append(date(y, month, day))
            except ValueError:
                continue  # 29 February of a common year
    reach = timedelta(days=366)
    if direction == FUTURE:
        ahead = [d for d in cands if anchor <= d <= anchor + reach]
        return min(ahead) if ahead else None
    behind = [d for d in cands if anchor - reach <= d <= anchor]
    return max(behind) if behind else None
