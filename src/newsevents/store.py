"""SQLite store: the only module that writes SQL.

Design (after sqlite-utils/Datasette): stdlib ``sqlite3`` in WAL mode, numbered migrations
applied in one transaction each and recorded in ``PRAGMA user_version``, one transaction per
article or per :meth:`Store.batch` of articles (each article a savepoint inside it) so a crash
(even SIGKILL) loses at most the batch being written, and re-analysing an article is a no-op
because rows are keyed on the article id. Structured annotations are kept as JSON produced by
:func:`newsevents.model.to_data`, next to indexed columns for querying.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StoreError
from .model import (
    Article,
    Document,
    Entity,
    EventMention,
    Participant,
    Quote,
    Skip,
    Span,
    TimeExpression,
    from_data,
    to_data,
)
from .store_bodies import same_body, save_body
from .store_merge import MergeRows
from .store_schema import APPLICATION_ID, MIGRATIONS, PARTICIPANTS_SQL, check_database

SCHEMA_VERSION = len(MIGRATIONS)

#: The per-article tables :meth:`Store.replace_annotations` rewrites.
_ANNOTATION_TABLES: tuple[str, ...] = ("sentences", "entity_mentions", "entities")
_ANNOTATION_TABLES += ("time_expressions", "mentions", "quotes")


@dataclass(frozen=True)
class RunRecord:
    id: int
    command: str
    started: float
    finished: float | None
    status: str
    articles_read: int
    articles_stored: int
    articles_skipped: int
    events_found: int


class Store(MergeRows):
    """A newsevents database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._batch = False  # inside batch(): transactions are savepoints
        if readonly and not self.path.exists():
            raise StoreError(
                f"no database at {self.path}: run 'newsevents analyze ... --db {path}'"
            )
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{self.path} is not a file; give a database file path")
        try:
            if not readonly:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        except (sqlite3.DatabaseError, OSError) as e:
            raise StoreError(f"cannot open database {self.path}: {e}") from e
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 30000")
            # checked before anything is written: another application's file, a corrupt file
            # or a file that is not SQLite at all is refused unmodified
            self._check_ours(integrity=not readonly)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self._retry_busy(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate(readonly)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"cannot open database {self.path}: {_one_line(e)}") from e
        except StoreError:
            self.conn.close()
            raise

    def _retry_busy(self, action: Any, seconds: float = 30.0) -> Any:
        """Run ``action``, retrying while SQLite says the database is locked (pragmas such as
        journal_mode do not always wait on the busy timeout)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                return action()
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e):
                    raise
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _check_ours(self, *, integrity: bool) -> None:
        check_database(self.conn, self.path, integrity=integrity)

    # --- lifecycle ------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; inside :meth:`batch`, a savepoint of the batch's (so one
        article's failed write is undone alone and the others stay)."""
        begin, commit, undo = "BEGIN IMMEDIATE", ["COMMIT"], ["ROLLBACK"]
        if self._batch:  # ROLLBACK TO and RELEASE act on the innermost savepoint of that name
            begin, commit, undo = "SAVEPOINT a", ["RELEASE a"], ["ROLLBACK TO a", "RELEASE a"]
        try:
            self.conn.execute(begin)
            try:
                yield self.conn
            except BaseException:
                for sql in undo:
                    self.conn.execute(sql)
                raise
            for sql in commit:
                self.conn.execute(sql)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"database {self.path}: {e}") from e

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Writes of several articles in one transaction (fewer commits), each a savepoint:
        one failing write is undone alone; a crash loses the batch, never part of an article."""
        if self._batch:
            yield
            return
        with self.transaction():
            self._batch = True
            try:
                yield
            finally:
                self._batch = False

    def _migrate(self, readonly: bool) -> None:
        version = self._version()
        if version == SCHEMA_VERSION:
            return
        if readonly:
            raise StoreError(f"{self.path} needs migrating: run any write command on it first")
        # one BEGIN IMMEDIATE for all migrations, the version read inside it: of two
        # processes opening a new file at once, the second waits, then finds nothing to do
        with self.transaction() as conn:
            version = self._version()
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
            if version < SCHEMA_VERSION:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _version(self) -> int:
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this newsevents "
                f"({SCHEMA_VERSION}); upgrade newsevents"
            )
        return version

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # --- runs and skips -------------------------------------------------------------

    def start_run(self, command: str, args: dict[str, Any]) -> int:
        """Record a new run; runs of this host still 'running' whose process is gone (killed,
        even by SIGKILL) are marked 'abandoned' first."""
        host = socket.gethostname()
        with self.transaction() as conn:
            for row in conn.execute(
                "SELECT id, pid FROM runs WHERE status = 'running' AND host = ?", (host,)
            ).fetchall():
                if not _alive(row["pid"]):
                    conn.execute("UPDATE runs SET status = 'abandoned' WHERE id = ?", (row["id"],))
            cur = conn.execute(
                "INSERT INTO runs (command, args, started, pid, host) VALUES (?, ?, ?, ?, ?)",
                (
                    command,
                    json.dumps(args, sort_keys=True, default=str),
                    time.time(),
                    os.getpid(),
                    host,
                ),
            )
            return int(cur.lastrowid or 0)

    def finish_run(
        self, run_id: int, *, status: str, read: int, stored: int, skipped: int, events: int
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished = ?, status = ?, articles_read = ?, "
                "articles_stored = ?, articles_skipped = ?, events_found = ? WHERE id = ?",
                (time.time(), status, read, stored, skipped, events, run_id),
            )

    def runs(self) -> list[RunRecord]:
        rows = self.conn.execute(
            "SELECT id, command, started, finished, status, articles_read, articles_stored, "
            "articles_skipped, events_found FROM runs ORDER BY id"
        ).fetchall()
        return [RunRecord(**dict(r)) for r in rows]

    def record_skip(self, skip: Skip, run_id: int | None) -> None:
        """Record why ``skip.source`` was skipped: one row per source, the latest run's."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO skips (run_id, source, reason, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(source) DO UPDATE SET run_id = excluded.run_id, "
                "reason = excluded.reason, at = excluded.at",
                (run_id, skip.source, skip.reason, time.time()),
            )

    def add_report(self, article: Article, run_id: int | None) -> bool:
        """Record that ``article`` (already stored under its id) was read again from
        ``article.source``: the same body from another outlet or path. True if new."""
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO reports (article_id, source, outlet, title, url,"
                " published, run_id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id, article.source, article.outlet, article.title, article.url,
                    article.published, run_id, time.time(),
                ),
            )  # fmt: skip
            conn.execute("DELETE FROM skips WHERE source = ?", (article.source,))
            return cur.rowcount > 0

    def reports(self) -> dict[str, list[tuple[str, str | None]]]:
        """(source, outlet) of every report of each article id, first report first."""
        out: dict[str, list[tuple[str, str | None]]] = {}
        for r in self.conn.execute(
            "SELECT article_id, source, outlet FROM reports ORDER BY article_id, added, source"
        ):
            out.setdefault(r["article_id"], []).append((r["source"], r["outlet"]))
        return out

    def skips(self, run_id: int | None = None) -> list[Skip]:
        sql = "SELECT source, reason FROM skips"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        return [
            Skip(r["source"], r["reason"]) for r in self.conn.execute(sql + " ORDER BY id", params)
        ]

    # --- per-article results --------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def same_body(self, text: str) -> tuple[str, float] | None:
        """(id, similarity) of a stored article whose body ``text`` nearly repeats, or None."""
        return same_body(self.conn, text)

    def save_document(self, doc: Document, run_id: int | None = None) -> bool:
        """Store an analysed article and all its annotations in one transaction.

        Returns False (and writes nothing) when the article is already stored.
        """
        return self._write_document(doc, run_id, replace=False)

    def replace_annotations(self, doc: Document) -> bool:
        """Replace a stored article's annotations (sentences, entities, times, mentions,
        quotes) and publication date with ``doc``'s in one transaction; its id, text, raw
        input and run stay. Returns False (and writes nothing) when the article is not stored.
        Merged events are not touched: re-merge afterwards."""
        return self._write_document(doc, None, replace=True)

    def _write_document(self, doc: Document, run_id: int | None, *, replace: bool) -> bool:
        a = doc.article
        with self.transaction() as conn:
            stored = conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone()
            if (stored is not None) != replace:
                return False
            if replace:
                conn.execute(
                    "UPDATE articles SET published = ?, published_source = ?,"
                    " published_confidence = ? WHERE id = ?",
                    (a.published, a.published_source, a.published_confidence, a.id),
                )
                for table in _ANNOTATION_TABLES:
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (a.id,))
            else:
                self._insert_article(conn, a, run_id)
            conn.executemany(
                "INSERT INTO sentences (article_id, idx, start, end) VALUES (?, ?, ?, ?)",
                [(a.id, i, s.start, s.end) for i, s in enumerate(doc.sentences)],
            )
            conn.executemany(
                "INSERT INTO entity_mentions (article_id, start, end, label) VALUES (?, ?, ?, ?)",
                [(a.id, e.span.start, e.span.end, e.label) for e in doc.entity_mentions],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO entities (article_id, key, name, code, sector, kind, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (a.id, e.key, e.name, e.code, e.sector, e.kind, json.dumps(to_data(e)))
                    for e in doc.entities
                ],
            )
            conn.executemany(
                "INSERT INTO time_expressions (article_id, start, end, value, precision, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (a.id, t.span.start, t.span.end, t.value, t.precision, json.dumps(to_data(t)))
                    for t in doc.times
                ],
            )
            conn.executemany(
                "INSERT INTO mentions (id, article_id, idx, event, mode, cameo, intensity,"
                " factuality, date, date_end, sentence_start, sentence_end, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        m.id, a.id, m.index, m.event, m.mode, m.cameo, m.intensity,
                        m.factuality, m.date, m.date_end, m.sentence.start, m.sentence.end,
                        json.dumps(to_data(m)),
                    )
                    for m in doc.events
                ],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO quotes (id, article_id, idx, speaker, data) VALUES (?, ?, ?, ?, ?)",
                [
                    (q.id, a.id, q.index, q.speaker.name if q.speaker else None,
                     json.dumps(to_data(q)))
                    for q in doc.quotes
                ],
            )  # fmt: skip
            conn.execute(
                "INSERT OR IGNORE INTO reports (article_id, source, outlet, title, url,"
                " published, run_id, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.source, a.outlet, a.title, a.url, a.published, run_id, time.time()),
            )
            conn.execute("DELETE FROM skips WHERE source = ?", (a.source,))
        return True

    @staticmethod
    def _insert_article(conn: sqlite3.Connection, a: Article, run_id: int | None) -> None:
        conn.execute(
            "INSERT INTO articles (id, source, format, title, outlet, author, url, published,"
            " published_source, published_confidence, language, text, raw, run_id, added)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, a.source, a.format, a.title, a.outlet, a.author, a.url, a.published,
                a.published_source, a.published_confidence, a.language, a.text, a.raw,
                run_id, time.time(),
            ),
        )  # fmt: skip
        save_body(conn, a.id, a.text)

    def delete_article(self, article_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # --- reading --------------------------------------------------------------------

    def articles(
        self, ids: Iterable[str] | None = None, *, with_raw: bool = False
    ) -> list[Article]:
        cols = (
            "id, source, format, text, title, outlet, author, url, published, published_source,"
            " published_confidence, language" + (", raw" if with_raw else "")
        )
        rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY published, id").fetchall()
        wanted = set(ids) if ids is not None else None
        out = []
        for r in rows:
            if wanted is not None and r["id"] not in wanted:
                continue
            data = dict(r)
            if with_raw:
                data["raw"] = bytes(data["raw"])
            out.append(Article(**data))
        return out

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def sentences(self, article_id: str) -> list[tuple[int, int]]:
        rows = self.conn.execute(
            "SELECT start, end FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,)
        )
        return [(r[0], r[1]) for r in rows]

    def mentions(self, article_ids: Sequence[str] | None = None) -> list[EventMention]:
        rows = self._rows_for("mentions", article_ids, order="article_id, idx")
        return [from_data(EventMention, json.loads(r["data"])) for r in rows]

    def quotes(self, article_ids: Sequence[str] | None = None) -> list[Quote]:
        rows = self._rows_for("quotes", article_ids, order="article_id, idx")
        return [from_data(Quote, json.loads(r["data"])) for r in rows]

    def entities(self) -> dict[str, list[Entity]]:
        out: dict[str, list[Entity]] = {}
        for r in self.conn.execute(
            "SELECT article_id, data FROM entities ORDER BY article_id, key"
        ):
            out.setdefault(r["article_id"], []).append(from_data(Entity, json.loads(r["data"])))
        return out

    def time_expressions(self, article_id: str) -> list[TimeExpression]:
        rows = self.conn.execute(
            "SELECT data FROM time_expressions WHERE article_id = ? ORDER BY start", (article_id,)
        )
        return [from_data(TimeExpression, json.loads(r["data"])) for r in rows]

    def participants(self, *, uncoded: bool = False) -> list[Participant]:
        """Every stored actor, recipient and quote speaker (only those without a country or
        non-state code with ``uncoded``), in article and mention order."""
        where = "p.code IS NULL AND p.name IS NOT NULL" if uncoded else "p.name IS NOT NULL"
        rows = self.conn.execute(PARTICIPANTS_SQL.format(where=where))
        return [
            Participant(r[0], r[1], r[2], r[3], r[4], Span(r[5], r[6]), r[7], r[8], r[9])
            for r in rows
        ]

    def text_of(self, article_id: str, span: Span) -> str:
        """The slice ``span`` of a stored article's clean text ("" if there is no article)."""
        sql = "SELECT substr(text, ?, ?) FROM articles WHERE id = ?"
        row = self.conn.execute(sql, (span.start + 1, span.end - span.start, article_id)).fetchone()
        return str(row[0]) if row else ""

    def _rows_for(
        self, table: str, article_ids: Sequence[str] | None, *, order: str
    ) -> list[sqlite3.Row]:
        if article_ids is None:
            return self.conn.execute(f"SELECT data FROM {table} ORDER BY {order}").fetchall()
        rows: list[sqlite3.Row] = []
        for aid in article_ids:
            rows.extend(
                self.conn.execute(
                    f"SELECT data FROM {table} WHERE article_id = ? ORDER BY {order}", (aid,)
                ).fetchall()
            )
        return rows

    # --- merge results --------------------------------------------------------------

    @contextmanager
    def snapshot(self) -> Iterator[str]:
        """A read transaction: every read inside it sees one state of the database, even
        while other processes write. Yields that state's :meth:`version`."""
        try:
            self.conn.execute("BEGIN")
            try:
                yield self._articles_version()
            finally:
                self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"database {self.path}: {_one_line(e)}") from e

    def _articles_version(self) -> str:
        # every merge input (articles, mentions, quotes, entities) is written with its
        # article in one transaction, so the articles and their 'added' times identify them
        row = self.conn.execute("SELECT count(*), total(added) FROM articles").fetchone()
        return f"{row[0]}:{row[1]!r}"

    def counts(self) -> dict[str, int]:
        tables = ("articles", "skips", "sentences", "mentions", "quotes", "events", "stories")
        return {
            t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables
        }


def _alive(pid: int | None) -> bool:
    """Is process ``pid`` (on this host) still running?"""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def _one_line(e: object) -> str:
    return " ".join(str(e).split())[:200]
