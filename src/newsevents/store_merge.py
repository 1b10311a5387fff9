"""The merge's rows in the store: stories and merged events, replaced whole or in part.

A part of :class:`newsevents.store.Store` (the only module family that writes SQL).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from .model import Event, MergeResult, Story, from_data, to_data

if TYPE_CHECKING:
    from pathlib import Path


class MergeRows:
    """Stories and merged events (mixed into :class:`newsevents.store.Store`)."""

    conn: sqlite3.Connection
    path: Path

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _articles_version(self) -> str: ...

    def save_merge(self, result: MergeResult, *, expect: str | None = None) -> bool:
        """Replace all stories and merged events with ``result`` (mentions are untouched).

        With ``expect`` (a :meth:`snapshot` version) nothing is written, and False returned,
        when articles were added or deleted since that snapshot: the merge is stale.
        """
        with self.transaction() as conn:
            if expect is not None and self._articles_version() != expect:
                return False
            conn.execute("DELETE FROM event_sources")
            conn.execute("DELETE FROM events")
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM stories")
            _write(conn, result.stories, result.events)
        return True

    def stories(self) -> list[Story]:
        rows = self.conn.execute("SELECT data FROM stories ORDER BY id")
        return [from_data(Story, json.loads(r["data"])) for r in rows]

    def events(self) -> list[Event]:
        rows = self.conn.execute("SELECT data FROM events ORDER BY date IS NULL, date, id")
        return [from_data(Event, json.loads(r["data"])) for r in rows]

    def event(self, event_id: str) -> Event | None:
        row = self.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            row = self.conn.execute(
                "SELECT data FROM events WHERE id LIKE ? ORDER BY id LIMIT 2", (event_id + "%",)
            ).fetchone()
        return from_data(Event, json.loads(row["data"])) if row else None

    def unmerged_articles(self) -> tuple[list[str], bool]:
        """(articles in no stored story, whether the stored stories name an article that is
        gone): what an incremental merge needs to know."""
        new = [
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
                " ORDER BY id"
            )
        ]
        gone = self.conn.execute(
            "SELECT 1 FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles) LIMIT 1"
        ).fetchone()
        return new, gone is not None

    def save_merge_update(
        self,
        *,
        stories_removed: Iterable[str],
        stories_added: Iterable[Story],
        events_removed: Iterable[str],
        events_added: Iterable[Event],
        expect: str,
    ) -> bool:
        """Apply an incremental merge: only the named rows are deleted or written, every other
        story and event row stays as it is. False (nothing written) when articles were added
        or deleted since the snapshot ``expect``. Applying one update twice is harmless."""
        with self.transaction() as conn:
            if self._articles_version() != expect:
                return False
            conn.executemany("DELETE FROM events WHERE id = ?", ((i,) for i in events_removed))
            conn.executemany("DELETE FROM stories WHERE id = ?", ((i,) for i in stories_removed))
            _write(conn, list(stories_added), list(events_added))
        return True


def _write(conn: sqlite3.Connection, stories: Iterable[Story], events: Iterable[Event]) -> None:
    stories, events = list(stories), list(events)
    conn.executemany(
        "INSERT OR REPLACE INTO stories (id, label, data) VALUES (?, ?, ?)",
        [(s.id, s.label, json.dumps(to_data(s))) for s in stories],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?, ?)",
        [(s.id, a) for s in stories for a in s.article_ids],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO events"
        " (id, story_id, event, cameo, factuality, date, date_end, data)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (e.id, e.story_id, e.event, e.cameo, e.factuality, e.date, e.date_end,
             json.dumps(to_data(e)))
            for e in events
        ],
    )  # fmt: skip
    conn.executemany(
        "INSERT OR IGNORE INTO event_sources (event_id, mention_id) VALUES (?, ?)",
        [(e.id, m) for e in events for m in e.mention_ids],
    )
