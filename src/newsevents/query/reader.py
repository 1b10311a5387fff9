"""Read-only queries over a store, for the workbench (``newsevents serve``) and the notebook API.

The store keeps each merged event as JSON, which SQL cannot filter quickly, and it has no
full-text index. So this module builds a *sidecar index*: a separate SQLite file in a private
temporary directory (never next to the user's database, which is only ever opened read-only)
holding one flat row per event, its parties, outlets and source sentences (FTS5). The index is
rebuilt when the store changes (``PRAGMA data_version`` of a watching connection, checked at
most once a second), so the workbench keeps working while ``analyze`` writes (WAL). Every
statement is parameterised; column names come only from fixed tables (``index``, ``filters``).
"""

from __future__ import annotations

import base64
import functools
import json
import shutil
import sqlite3
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from ..errors import StoreError
from ..model import Article, Event, EventMention, Skip, Story, from_data
from .filters import BadQuery, Filters, Sort, bucket_sql
from .index import build_index

Interval = Literal["day", "week", "month", "year"]


def _encode_cursor(value: Any, event_id: str) -> str:
    raw = json.dumps([value, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, event_id = json.loads(raw)
        if not isinstance(event_id, str) or not isinstance(value, (str, int, float)):
            raise ValueError
        return value, event_id
    except (ValueError, TypeError, json.JSONDecodeError) as e:
        raise BadQuery("cursor: not a cursor this server returned") from e


F = TypeVar("F", bound=Callable[..., Any])
MEMO_SIZE = 512  # aggregate results kept per index generation


def _memoized(method: F) -> F:
    """Keep the result of a read-only aggregate until the index is rebuilt.

    The index only changes by being rebuilt, so a result keyed on the index generation and
    the arguments stays right; callers must not mutate what they get.
    """

    @functools.wraps(method)
    def wrapper(self: Query, *args: Any, **kwargs: Any) -> Any:
        self._check()
        key = (method.__name__, self._generation, args, tuple(sorted(kwargs.items())))
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:  # concurrent misses of one key compute it once
            with self._memo_lock:
                if key in self._memo:
                    return self._memo[key]
            try:
                value = method(self, *args, **kwargs)
                with self._memo_lock:
                    self._memo[key] = value
                    while len(self._memo) > MEMO_SIZE:
                        self._memo.popitem(last=False)
            finally:
                with self._memo_lock:
                    self._flights.pop(key, None)
        return value

    return wrapper  # type: ignore[return-value]


@dataclass(frozen=True)
class Page:
    ids: list[str]
    total: int
    next_cursor: str | None


class Query:
    """Read-only access to one store. Thread-safe: each thread gets its own connections."""

    CHECK_EVERY = 1.0  # seconds between checks that the store changed

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(
                f"no database at {self.path}: run 'newsevents analyze ... --db {path}'"
            )
        self._dir = Path(tempfile.mkdtemp(prefix="newsevents-index-"))
        self._local = threading.local()
        self._lock = threading.Lock()
        self._generation = 0
        self._memo: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._memo_lock = threading.Lock()
        self._flights: dict[tuple[Any, ...], threading.Lock] = {}
        self._index_path: Path | None = None
        self._checked = 0.0
        self._version: int | None = None
        try:
            self._watch = self._connect_source()
            self._check(force=True)
        except sqlite3.DatabaseError as e:
            self.close()
            raise StoreError(f"cannot read database {self.path}: {e}") from e

    # --- connections and the sidecar index ------------------------------------------

    def _connect_source(self) -> sqlite3.Connection:
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(
            uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA query_only = ON")
        return conn

    def _check(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._checked < self.CHECK_EVERY:
            return
        if not self._lock.acquire(blocking=force or self._index_path is None):
            return  # another thread is checking or rebuilding; use the current index
        try:
            self._checked = now
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            if version == self._version and self._index_path is not None:
                return
            target = self._dir / f"index-{self._generation + 1}.db"
            try:
                build_index(self._watch, target)
            except sqlite3.DatabaseError as e:
                target.unlink(missing_ok=True)
                if self._watch.in_transaction:
                    self._watch.execute("ROLLBACK")
                if self._index_path is None:
                    raise StoreError(f"cannot read database {self.path}: {e}") from e
                return  # keep answering from the last good index; retried at the next check
            self._generation += 1
            old, self._index_path, self._version = self._index_path, target, version
            with self._memo_lock:
                self._memo.clear()
            if old is not None:
                old.unlink(missing_ok=True)  # open handles keep reading it until they close
        finally:
            self._lock.release()

    def _conns(self) -> tuple[sqlite3.Connection, sqlite3.Connection]:
        """(index, source) connections of this thread, reopened after a rebuild."""
        self._check()
        local = self._local
        if getattr(local, "generation", None) != self._generation:
            for name in ("index", "source"):
                conn = getattr(local, name, None)
                if conn is not None:
                    conn.close()
            assert self._index_path is not None
            index = sqlite3.connect(
                f"{self._index_path.as_uri()}?mode=ro",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
            )
            index.execute("PRAGMA query_only = ON")
            local.index, local.source = index, self._connect_source()
            local.generation = self._generation
        return local.index, local.source

    @property
    def index_dir(self) -> Path:
        """The private directory of the sidecar index (removed by :meth:`close`)."""
        return self._dir

    @property
    def generation(self) -> int:
        """Changes whenever the index is rebuilt from a changed store."""
        self._check()
        return self._generation

    def close(self) -> None:
        watch = getattr(self, "_watch", None)
        if watch is not None:
            watch.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Query:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- events ---------------------------------------------------------------------

    @_memoized
    def count(self, filters: Filters) -> int:
        index, _ = self._conns()
        where, params = filters.where()
        return int(index.execute(f"SELECT count(*) FROM ev WHERE {where}", params).fetchone()[0])

    def page(
        self,
        filters: Filters,
        *,
        sort: Sort,
        limit: int,
        cursor: str | None = None,
        offset: int = 0,
    ) -> Page:
        """One page of event ids: keyset pagination with ``cursor``, or ``offset`` for pages."""
        total = self.count(filters)
        index, _ = self._conns()
        where, params = filters.where()
        column, desc = sort.column, sort.descending
        keyset = ""
        kparams: list[Any] = []
        if cursor:
            value, last = _decode_cursor(cursor)
            op = "<" if desc else ">"
            keyset = f" AND ({column} {op} ? OR ({column} = ? AND id {op} ?))"
            kparams = [value, value, last]
        direction = "DESC" if desc else "ASC"
        rows = index.execute(
            f"SELECT id, {column} FROM ev WHERE {where}{keyset}"
            f" ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?",
            [*params, *kparams, limit + 1, 0 if cursor else offset],
        ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = _encode_cursor(rows[-1][1], rows[-1][0]) if more and rows else None
        return Page([r[0] for r in rows], total, nxt)

    def iter_ids(self, filters: Filters, sort: Sort, chunk: int = 500) -> Iterator[list[str]]:
        """Every matching event id, in chunks (downloads of a whole filter)."""
        cursor: str | None = None
        while True:
            page = self.page(filters, sort=sort, limit=chunk, cursor=cursor)
            if page.ids:
                yield page.ids
            if page.next_cursor is None:
                return
            cursor = page.next_cursor

    def events(self, ids: Sequence[str]) -> list[Event]:
        """Events by exact id, in the order given (unknown ids are left out)."""
        index, _ = self._conns()
        found: dict[str, Event] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for r in index.execute(f"SELECT id, data FROM ev WHERE id IN ({marks})", chunk):
                found[r[0]] = from_data(Event, json.loads(r[1]))
        return [found[i] for i in ids if i in found]

    def mentions(self, ids: Sequence[str]) -> dict[str, EventMention]:
        _, source = self._conns()
        out: dict[str, EventMention] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for r in source.execute(f"SELECT id, data FROM mentions WHERE id IN ({marks})", chunk):
                out[r[0]] = from_data(EventMention, json.loads(r[1]))
        return out

    def articles(self, ids: Sequence[str], *, with_text: bool = True) -> dict[str, Article]:
        _, source = self._conns()
        cols = (
            "id, source, format, title, outlet, author, url, published, published_source,"
            " published_confidence, language" + (", text" if with_text else "")
        )
        out: dict[str, Article] = {}
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            cur = source.execute(f"SELECT {cols} FROM articles WHERE id IN ({marks})", chunk)
            names = [c[0] for c in cur.description]
            for r in cur:
                data = dict(zip(names, r, strict=True))
                data.setdefault("text", "")
                out[data["id"]] = Article(**data)
        return out

    @_memoized
    def article_list(self, *, offset: int = 0, limit: int = -1) -> list[dict[str, Any]]:
        """Articles by publication date with their number of merged events (limit -1: all)."""
        index, _ = self._conns()
        rows = index.execute(
            "SELECT a.id, a.title, a.outlet, a.url, a.published, a.source,"
            " (SELECT count(DISTINCT ev) FROM mention m WHERE m.article_id = a.id) AS events"
            " FROM article a ORDER BY a.published, a.id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        keys = ("id", "title", "outlet", "url", "published", "source", "events")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    @_memoized
    def article_count(self) -> int:
        index, _ = self._conns()
        return int(index.execute("SELECT count(*) FROM article").fetchone()[0])

    def article_mentions(self, article_id: str) -> list[tuple[str, str | None]]:
        """(mention id, event id) of an article's mentions, in text order."""
        index, _ = self._conns()
        rows = index.execute(
            "SELECT m.id, e.id FROM mention m LEFT JOIN ev e ON e.n = m.ev"
            " WHERE m.article_id = ? ORDER BY m.n",
            (article_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def skips(self, *, limit: int = -1) -> tuple[list[Skip], int]:
        """Skipped inputs (the first ``limit``; -1: all) and how many there are."""
        _, source = self._conns()
        total = int(source.execute("SELECT count(*) FROM skips").fetchone()[0])
        rows = source.execute("SELECT source, reason FROM skips ORDER BY id LIMIT ?", (limit,))
        return [Skip(r[0], r[1]) for r in rows], total

    @_memoized
    def stories(self, *, offset: int = 0, limit: int = -1) -> tuple[list[tuple[Story, int]], int]:
        """Stories (with their number of merged events) and how many there are."""
        index, source = self._conns()
        counts = dict(index.execute("SELECT story, count(*) FROM ev GROUP BY story").fetchall())
        total = int(source.execute("SELECT count(*) FROM stories").fetchone()[0])
        rows = source.execute(
            "SELECT data FROM stories ORDER BY id LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        stories = [from_data(Story, json.loads(r[0])) for r in rows]
        return [(s, int(counts.get(s.id, 0))) for s in stories], total

    # --- aggregates -----------------------------------------------------------------

    @_memoized
    def timeseries(
        self, filters: Filters, *, interval: Interval, by: Literal["type", "factuality", "none"]
    ) -> list[tuple[str, str, int, float]]:
        """(bucket, group, events, mean Goldstein) for dated events, oldest bucket first."""
        index, _ = self._conns()
        where, params = filters.where()
        group = {"type": "event", "factuality": "factuality", "none": "''"}[by]
        bucket = bucket_sql(interval)
        rows = index.execute(
            f"SELECT {bucket} AS b, {group} AS g, count(*), avg(intensity) FROM ev"
            f" WHERE ({where}) AND day IS NOT NULL GROUP BY b, g ORDER BY b, g",
            params,
        )
        return [(r[0], r[1], int(r[2]), float(r[3])) for r in rows]

    @_memoized
    def actors(self, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
        index, _ = self._conns()
        where, params = filters.where()
        rows = index.execute(
            "SELECT p.key, max(p.code), min(p.name), count(DISTINCT p.ev),"
            " count(DISTINCT CASE WHEN p.role = 'actor' THEN p.ev END),"
            " count(DISTINCT CASE WHEN p.role = 'recipient' THEN p.ev END)"
            f" FROM party p WHERE p.ev IN (SELECT n FROM ev WHERE {where})"
            " GROUP BY p.key ORDER BY 4 DESC, 1 LIMIT ?",
            [*params, limit],
        )
        keys = ("key", "code", "name", "events", "as_actor", "as_recipient")
        out = [dict(zip(keys, r, strict=True)) for r in rows]
        for item in out:  # a coded party is named by its most frequent name
            top = index.execute(
                "SELECT name FROM party WHERE key = ? GROUP BY name ORDER BY count(*) DESC, name"
                " LIMIT 1",
                (item["key"],),
            ).fetchone()
            item["name"] = top[0] if top else item["name"]
        return out

    @_memoized
    def outlets(self, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
        index, _ = self._conns()
        where, params = filters.where()
        rows = index.execute(
            "SELECT o.outlet, count(DISTINCT o.ev) FROM ev_outlet o"
            f" WHERE o.ev IN (SELECT n FROM ev WHERE {where})"
            " GROUP BY o.outlet ORDER BY 2 DESC, 1 LIMIT ?",
            [*params, limit],
        )
        return [{"outlet": r[0], "events": int(r[1])} for r in rows]

    @_memoized
    def dyads(self, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
        """Directed (first actor, first recipient) pairs: events and mean Goldstein."""
        index, _ = self._conns()
        where, params = filters.where()
        rows = index.execute(
            "SELECT actor_key, recipient_key, count(*), avg(intensity) FROM ev"
            f" WHERE ({where}) AND actor_key IS NOT NULL AND recipient_key IS NOT NULL"
            " GROUP BY actor_key, recipient_key ORDER BY 3 DESC, 1, 2 LIMIT ?",
            [*params, limit],
        )
        return [
            {
                "actor": r[0],
                "recipient": r[1],
                "events": int(r[2]),
                "mean_goldstein": round(float(r[3]), 2),
            }
            for r in rows
        ]

    @_memoized
    def places(self, filters: Filters, *, limit: int) -> list[dict[str, Any]]:
        """Located events grouped by coordinates (the map)."""
        index, _ = self._conns()
        where, params = filters.where()
        rows = index.execute(
            "SELECT place, country, lat, lon, count(*), avg(intensity) FROM ev"
            f" WHERE ({where}) AND lat IS NOT NULL AND lon IS NOT NULL"
            " GROUP BY place, country, lat, lon ORDER BY 5 DESC, 1 LIMIT ?",
            [*params, limit],
        )
        keys = ("place", "country", "lat", "lon", "events", "mean_goldstein")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    @_memoized
    def values(self, column: Literal["mode", "story", "country", "outlet"]) -> list[str]:
        """Distinct values of a column (the filter form's choices)."""
        index, _ = self._conns()
        sql = {
            "mode": "SELECT DISTINCT mode FROM ev WHERE mode IS NOT NULL ORDER BY 1",
            "story": "SELECT DISTINCT story FROM ev WHERE story IS NOT NULL ORDER BY 1",
            "country": "SELECT DISTINCT country FROM ev WHERE country IS NOT NULL ORDER BY 1",
            "outlet": "SELECT DISTINCT outlet FROM ev_outlet ORDER BY 1",
        }[column]
        return [r[0] for r in index.execute(sql)]


def _chunks(ids: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    items = list(ids)
    for i in range(0, len(items), size):
        yield items[i : i + size]
