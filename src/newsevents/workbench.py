"""The reading API behind ``newsevents serve`` and notebooks: ``newsevents.open(db)``.

    >>> import newsevents
    >>> store = newsevents.open("events.db")
    >>> records = store.events(type="ASSAULT", actor="IRN")   # plover-jsonl records (dicts)
    >>> df = records.to_pandas()                              # needs pandas (extra: notebook)

Records have the layout of the ``plover-jsonl`` export contract (README). This module only
shapes what :mod:`newsevents.query` reads; it never prints and never writes to the store.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .model import Article, Event, EventMention, Skip
from .query import BadQuery, Filters, Interval, Query, Sort
from .report import export

MAX_LIMIT = 1000  # records in one API page
RECORD_CACHE = 5_000  # plover records kept in memory until the store changes
INTERVALS: tuple[Interval, ...] = ("day", "week", "month", "year")
GROUPS = ("type", "factuality", "none")


class Records(list[dict[str, Any]]):
    """A list of plover-jsonl records with a flat table view for pandas."""

    def rows(self) -> list[dict[str, Any]]:
        """One flat row per event (the columns of ``newsevents export --format csv``)."""
        out = []
        for r in self:
            loc = r.get("location") or {}
            out.append(
                {
                    "id": r["id"],
                    "date": r["date"],
                    "date_end": r["date_end"],
                    "event": r["event"],
                    "mode": r["mode"],
                    "cameo": r["cameo"],
                    "intensity": r["intensity"],
                    "factuality": r["factuality"],
                    "actor_codes": ";".join(a["code"] or "" for a in r["actor"]),
                    "actor_names": ";".join(a["name"] for a in r["actor"]),
                    "recipient_codes": ";".join(a["code"] or "" for a in r["recipient"]),
                    "recipient_names": ";".join(a["name"] for a in r["recipient"]),
                    "place": loc.get("name"),
                    "country": loc.get("country"),
                    "lat": loc.get("lat"),
                    "lon": loc.get("lon"),
                    "story": r["story"],
                    "outlets": ";".join(sorted({s["outlet"] or "" for s in r["sources"]})),
                    "n_sources": len(r["sources"]),
                }
            )
        return out

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`rows` (``pip install 'newsevents[notebook]'``)."""
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError("to_pandas() needs pandas: pip install 'newsevents[notebook]'") from e
        return pd.DataFrame(self.rows())


@dataclass(frozen=True)
class EventPage:
    records: Records
    total: int
    next_cursor: str | None


@dataclass(frozen=True)
class EventDetail:
    """One event with everything its page shows."""

    event: Event
    record: dict[str, Any]
    mentions: list[EventMention]
    articles: dict[str, Article]


@dataclass(frozen=True)
class ArticleDetail:
    article: Article
    mentions: list[EventMention]
    event_of: dict[str, str]  # mention id -> merged event id


def parse_limit(value: Any, default: int, maximum: int = MAX_LIMIT) -> int:
    if value is None or value == "":
        return default
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise BadQuery(f"limit: {value!r} is not a whole number") from None
    if not 1 <= n <= maximum:
        raise BadQuery(f"limit: {n} is out of range (1 to {maximum})")
    return n


def parse_choice(name: str, value: Any, choices: Sequence[str], default: str) -> str:
    if value is None or value == "":
        return default
    if value not in choices:
        raise BadQuery(f"{name}: {value!r} is not one of {', '.join(choices)}")
    return str(value)


class Workbench:
    """A read-only view of one store. Safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.query = Query(path)
        self._lock = threading.Lock()
        self._records: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._generation = -1

    def close(self) -> None:
        self.query.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- records --------------------------------------------------------------------

    def records(self, events: Sequence[Event]) -> Records:
        """plover-jsonl records of ``events`` (kept until the store changes)."""
        generation = self.query.generation
        with self._lock:
            if generation != self._generation:
                self._records.clear()
                self._generation = generation
            cached = {e.id: self._records[e.id] for e in events if e.id in self._records}
        missing = [e for e in events if e.id not in cached]
        if missing:
            mentions = self.query.mentions([m for e in missing for m in e.mention_ids])
            articles = self.query.articles(sorted({m.article_id for m in mentions.values()}))
            built = {e.id: export.plover_record(e, mentions, articles) for e in missing}
            with self._lock:
                if generation == self._generation:
                    self._records.update(built)
                    while len(self._records) > RECORD_CACHE:
                        self._records.popitem(last=False)
            cached.update(built)
        return Records(cached[e.id] for e in events)

    def records_for(self, ids: Sequence[str]) -> Records:
        """Records by event id, decoding only the events not already kept."""
        with self._lock:
            known = self.query.generation == self._generation
            have = {i: self._records[i] for i in ids if known and i in self._records}
        events = self.query.events([i for i in ids if i not in have])
        built = {r["id"]: r for r in self.records(events)}
        return Records({**have, **built}[i] for i in ids if i in have or i in built)

    def page(
        self,
        filters: Filters,
        *,
        sort: Sort | None = None,
        limit: int = 50,
        cursor: str | None = None,
        offset: int = 0,
    ) -> EventPage:
        page = self.query.page(
            filters, sort=sort or Sort(), limit=limit, cursor=cursor, offset=offset
        )
        return EventPage(self.records_for(page.ids), page.total, page.next_cursor)

    def events(
        self,
        filters: Filters | Mapping[str, Any] | None = None,
        *,
        sort: str = "date",
        limit: int | None = None,
        **kwargs: Any,
    ) -> Records:
        """Every matching event (or the first ``limit``) as plover-jsonl records.

        Filters are keyword arguments (``type="ASSAULT", actor="IRN", date_from="2020-01"``;
        see ``newsevents.query.FILTERS``) or a :class:`Filters`.
        """
        f = _filters(filters, kwargs)
        out = Records()
        for chunk in self.query.iter_ids(f, Sort.parse(sort)):
            out.extend(copy.deepcopy(self.records_for(chunk)))  # yours to change
            if limit is not None and len(out) >= limit:
                return Records(out[:limit])
        return out

    def iter_events(self, filters: Filters, sort: Sort | None = None) -> Iterator[list[Event]]:
        for chunk in self.query.iter_ids(filters, sort or Sort()):
            yield self.query.events(chunk)

    def export(self, events: Sequence[Event], fmt: Literal["csv", "plover-jsonl"]) -> str:
        mentions = self.query.mentions([m for e in events for m in e.mention_ids])
        articles = self.query.articles(sorted({m.article_id for m in mentions.values()}))
        if fmt == "csv":
            return export.to_csv(events, mentions, articles)
        return export.to_plover_jsonl(events, mentions, articles)

    def event(self, event_id: str) -> EventDetail | None:
        found = self.query.events([event_id])
        if not found:
            return None
        event = found[0]
        mentions = self.query.mentions(list(event.mention_ids))
        ordered = [mentions[m] for m in event.mention_ids if m in mentions]
        articles = self.query.articles(sorted({m.article_id for m in ordered}))
        record = export.plover_record(event, mentions, articles)
        return EventDetail(event, record, ordered, articles)

    def article(self, article_id: str) -> ArticleDetail | None:
        found = self.query.articles([article_id])
        if article_id not in found:
            return None
        pairs = self.query.article_mentions(article_id)
        mentions = self.query.mentions([m for m, _ in pairs])
        return ArticleDetail(
            found[article_id],
            [mentions[m] for m, _ in pairs if m in mentions],
            {m: e for m, e in pairs if e},
        )

    # --- lists and aggregates -------------------------------------------------------

    def articles(self, *, offset: int = 0, limit: int = -1) -> list[dict[str, Any]]:
        """Articles by date with their number of events (``limit`` -1: all)."""
        return self.query.article_list(offset=offset, limit=limit)

    def article_count(self) -> int:
        return self.query.article_count()

    def skips(self, *, limit: int = -1) -> tuple[list[Skip], int]:
        """Skipped inputs with the reason (the first ``limit``) and their number."""
        return self.query.skips(limit=limit)

    def stories(self, *, offset: int = 0, limit: int = -1) -> tuple[list[dict[str, Any]], int]:
        """Stories (``limit`` -1: all) and their number."""
        found, total = self.query.stories(offset=offset, limit=limit)
        out = []
        for story, n_events in found:
            out.append(
                {
                    "id": story.id,
                    "label": story.label,
                    "article_ids": list(story.article_ids),
                    "events": n_events,
                    "entities": [
                        {
                            "name": e.name,
                            "code": e.code,
                            "kind": e.kind,
                            "aliases": list(e.aliases),
                            "articles": len(e.article_ids),
                        }
                        for e in story.entities
                        if len(e.article_ids) > 1
                    ],
                }
            )
        return out, total

    def article_headers(self, ids: Sequence[str]) -> dict[str, Article]:
        """Articles by id without their text (titles, outlets, dates)."""
        return self.query.articles(ids, with_text=False)

    def actors(self, filters: Filters | None = None, *, limit: int = 50) -> list[dict[str, Any]]:
        return self.query.actors(filters or Filters(), limit=limit)

    def outlets(self, filters: Filters | None = None, *, limit: int = 50) -> list[dict[str, Any]]:
        return self.query.outlets(filters or Filters(), limit=limit)

    def dyads(self, filters: Filters | None = None, *, limit: int = 200) -> list[dict[str, Any]]:
        return self.query.dyads(filters or Filters(), limit=limit)

    def places(self, filters: Filters | None = None, *, limit: int = 2000) -> list[dict[str, Any]]:
        return self.query.places(filters or Filters(), limit=limit)

    def timeseries(
        self, filters: Filters | None = None, *, interval: Interval = "week", by: str = "type"
    ) -> dict[str, Any]:
        """Counts and mean Goldstein per time bucket and group, as one JSON-able table."""
        if by not in GROUPS:
            raise BadQuery(f"by: {by!r} is not one of {', '.join(GROUPS)}")
        rows = self.query.timeseries(filters or Filters(), interval=interval, by=by)  # type: ignore[arg-type]
        buckets = sorted({r[0] for r in rows})
        groups = sorted({r[1] for r in rows})
        pos = {b: i for i, b in enumerate(buckets)}
        counts = {g: [0] * len(buckets) for g in groups}
        means: dict[str, list[float | None]] = {g: [None] * len(buckets) for g in groups}
        totals = [0] * len(buckets)
        weighted = [0.0] * len(buckets)
        for bucket, group, n, mean in rows:
            i = pos[bucket]
            counts[group][i] = n
            means[group][i] = round(mean, 2)
            totals[i] += n
            weighted[i] += mean * n
        series = {g: {"key": g, "counts": counts[g], "mean_goldstein": means[g]} for g in groups}
        return {
            "interval": interval,
            "by": by,
            "buckets": buckets,
            "totals": totals,
            "mean_goldstein": [
                round(w / t, 2) if t else None for w, t in zip(weighted, totals, strict=True)
            ],
            "series": list(series.values()),
        }

    def choices(self) -> dict[str, list[str]]:
        """Values the filter form offers."""
        return {c: self.query.values(c) for c in ("mode", "story", "country", "outlet")}


def _filters(filters: Filters | Mapping[str, Any] | None, kwargs: Mapping[str, Any]) -> Filters:
    if isinstance(filters, Filters):
        filters = filters.params()
    merged = {**(filters or {}), **kwargs}
    unknown = sorted(set(merged) - set(Filters.__dataclass_fields__))
    if unknown:
        raise BadQuery(
            f"unknown filter {unknown[0]!r}; filters: {', '.join(Filters.__dataclass_fields__)}"
        )
    return Filters.parse(merged)


def open_store(path: str | Path) -> Workbench:
    """Open a store for reading (``newsevents.open``)."""
    return Workbench(path)
