"""Event filters: parsed once from a query string (web pages, JSON API) or keyword arguments
(notebook API), validated with a one-line message, turned into a parameterised WHERE clause.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import EVENT_TYPES, FACTUAL, FACTUALITY


class BadQuery(ValueError):
    """A filter, sort or page parameter that cannot be used (HTTP 400)."""


#: name -> what it matches (the OpenAPI schema, the README and the form use this table).
FILTERS: dict[str, str] = {
    "date_from": "earliest date, YYYY[-MM[-DD]]; an event falls on the first day of its date",
    "date_to": "latest date, YYYY[-MM[-DD]], inclusive (2020-01 = to 31 January)",
    "type": "PLOVER event type(s), comma-separated: ASSAULT,PROTEST",
    "mode": "PLOVER mode, e.g. aerial",
    "factuality": "comma-separated asserted,reported,future,hypothetical,negated; 'factual' ="
    " asserted,reported",
    "actor": "actor code (IRN, USA, IGO ...) or part of its name",
    "actor_sector": "actor sector (GOV, MIL, REB, CVL ...)",
    "recipient": "recipient code or part of its name",
    "recipient_sector": "recipient sector",
    "party": "actor or recipient: code or part of the name",
    "country": "ISO 3166-1 alpha-3 code of the event's location",
    "place": "part of the location's name",
    "outlet": "an outlet that reported the event (exact name, any case)",
    "story": "story id",
    "article": "article id: events with a source sentence in that article",
    "min_sources": "at least this many source sentences (2 = reported more than once)",
    "q": "full-text search over the source sentences (words, all must occur; word* = prefix)",
}

SORTS: dict[str, str] = {
    "date": "date_key",
    "type": "event",
    "intensity": "intensity",
    "sources": "n_sources",
    "id": "id",
}

MAX_VALUE = 200  # characters in one filter value
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Za-z]{2,12}$")
_WORD = re.compile(r"\w+\*?", re.UNICODE)


@dataclass(frozen=True)
class Sort:
    key: str = "date"
    descending: bool = False

    @property
    def column(self) -> str:
        return SORTS[self.key]

    @property
    def param(self) -> str:
        return ("-" if self.descending else "") + self.key

    @classmethod
    def parse(cls, value: str | None) -> Sort:
        if not value:
            return cls()
        key = value.lstrip("-")
        if key not in SORTS:
            raise BadQuery(
                f"sort: {value!r} is not one of {', '.join(SORTS)} (prefix - to reverse)"
            )
        return cls(key, value.startswith("-"))


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    type: tuple[str, ...] = ()
    mode: str | None = None
    factuality: tuple[str, ...] = ()
    actor: str | None = None
    actor_sector: str | None = None
    recipient: str | None = None
    recipient_sector: str | None = None
    party: str | None = None
    country: str | None = None
    place: str | None = None
    outlet: str | None = None
    story: str | None = None
    article: str | None = None
    min_sources: int | None = None
    q: str | None = None

    # --- parsing --------------------------------------------------------------------

    @classmethod
    def parse(cls, params: Mapping[str, Any]) -> Filters:
        """Filters from a mapping of names to strings; other keys are ignored here."""
        values: dict[str, Any] = {}
        for name in FILTERS:
            raw = params.get(name)
            if raw is None:
                continue
            if isinstance(raw, (list, tuple)):
                raw = ",".join(str(x) for x in raw)
            elif not isinstance(raw, str):
                raw = str(raw)
            raw = raw.strip()
            if not raw:
                continue
            if len(raw) > MAX_VALUE:
                raise BadQuery(f"{name}: longer than {MAX_VALUE} characters")
            values[name] = _check(name, raw)
        return cls(**values)

    def with_(self, **changes: Any) -> Filters:
        return dataclasses.replace(self, **changes)

    def params(self) -> dict[str, str]:
        """The filters as query-string parameters (the inverse of :meth:`parse`)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = ",".join(value) if value else None
            if value:
                out[f.name] = str(value)
        return out

    def __bool__(self) -> bool:
        return bool(self.params())

    # --- SQL ------------------------------------------------------------------------

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over the index's ``ev`` table, with its parameters."""
        sql: list[str] = []
        params: list[Any] = []
        if self.date_from:  # an event falls on the first day of its date (2020-01 -> 01-01)
            sql.append("day >= ?")
            params.append(self.date_from)
        if self.date_to:
            sql.append("day <= ?")
            params.append(self.date_to + "-99")  # "2020-01" takes in every day of January
        for column, values in (("event", self.type), ("factuality", self.factuality)):
            if values:
                sql.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        for column, value in (("mode", self.mode), ("story", self.story)):
            if value:
                sql.append(f"{column} = ?")
                params.append(value)
        if self.country:
            sql.append("country = ?")
            params.append(self.country.upper())
        if self.place:
            sql.append("place LIKE ? ESCAPE '\\'")
            params.append(_like(self.place))
        for role, who, sector in (
            ("actor", self.actor, self.actor_sector),
            ("recipient", self.recipient, self.recipient_sector),
            (None, self.party, None),
        ):
            if not (who or sector):
                continue
            cond, cparams = [], []
            if role:
                cond.append("role = ?")
                cparams.append(role)
            if sector:
                cond.append("sector = ?")
                cparams.append(sector.upper())
            base = " AND ".join(cond) or "1"
            if who:  # by code (indexed) or by part of a name
                sql.append(
                    f"n IN (SELECT ev FROM party WHERE code = ? AND {base}"
                    f" UNION SELECT ev FROM party WHERE lname LIKE ? ESCAPE '\\' AND {base})"
                )
                params += [who.upper(), *cparams, _like(who.lower()), *cparams]
            else:
                sql.append(f"n IN (SELECT ev FROM party WHERE {base})")
                params += cparams
        if self.outlet:
            sql.append("n IN (SELECT ev FROM ev_outlet WHERE outlet = ?)")
            params.append(self.outlet)
        if self.article:
            sql.append("n IN (SELECT ev FROM mention WHERE article_id = ?)")
            params.append(self.article)
        if self.min_sources:
            sql.append("n_sources >= ?")
            params.append(self.min_sources)
        if self.q:
            sql.append(
                "n IN (SELECT m.ev FROM mention m JOIN sentence_fts f ON f.rowid = m.n"
                " WHERE sentence_fts MATCH ?)"
            )
            params.append(fts_query(self.q))
        return (" AND ".join(f"({s})" for s in sql) or "1"), params


def _check(name: str, raw: str) -> Any:
    if name in ("date_from", "date_to"):
        if not _DATE.match(raw):
            raise BadQuery(f"{name}: {raw!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return raw
    if name == "type":
        types = tuple(t.strip().upper() for t in raw.split(",") if t.strip())
        bad = [t for t in types if t not in EVENT_TYPES]
        if bad:
            raise BadQuery(
                f"type: {bad[0]!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})"
            )
        return types
    if name == "factuality":
        values: list[str] = []
        for v in (x.strip().lower() for x in raw.split(",") if x.strip()):
            if v == "factual":
                values += sorted(FACTUAL)
            elif v in FACTUALITY:
                values.append(v)
            else:
                raise BadQuery(f"factuality: {v!r} is not one of {', '.join(FACTUALITY)}, factual")
        return tuple(dict.fromkeys(values))
    if name in ("actor_sector", "recipient_sector", "country") and not _CODE.match(raw):
        raise BadQuery(f"{name}: {raw!r} is not a code (letters only)")
    if name == "min_sources":
        if not raw.isdigit() or not 1 <= int(raw) <= 1000:
            raise BadQuery(f"min_sources: {raw!r} is not a whole number from 1 to 1000")
        return int(raw)
    if name == "q" and not _WORD.search(raw):
        raise BadQuery("q: give at least one word to search for")
    return raw


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_query(text: str) -> str:
    """User words -> an FTS5 query that cannot be a syntax error: each word quoted, all required."""
    terms = []
    for word in _WORD.findall(text):
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms)


def bucket_sql(interval: str) -> str:
    """SQL for the time bucket of an event's ``day`` (the first day of its date)."""
    return {
        "day": "day",
        "week": "date(day, '-6 days', 'weekday 1')",  # the Monday of that week
        "month": "substr(day, 1, 7)",
        "year": "substr(day, 1, 4)",
    }[interval]
