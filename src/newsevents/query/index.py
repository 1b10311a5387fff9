"""The sidecar index: what the workbench filters on, copied from a store into its own SQLite file.

One flat row per merged event (dates, type, mode, factuality, place, Goldstein, first actor and
recipient), its parties, its outlets, its source sentences (an FTS5 table) and the articles.
Built from one read snapshot of the store; the store itself is never written.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

_INDEX_SCHEMA = """
CREATE TABLE ev (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT, date_end TEXT,
    day TEXT, date_key TEXT NOT NULL, event TEXT NOT NULL, mode TEXT, cameo TEXT NOT NULL,
    intensity REAL NOT NULL, factuality TEXT NOT NULL, story TEXT, n_sources INTEGER NOT NULL,
    place TEXT, country TEXT, lat REAL, lon REAL, actor_key TEXT, recipient_key TEXT,
    data TEXT NOT NULL
);
CREATE INDEX ev_date ON ev(date_key, id);
CREATE INDEX ev_day ON ev(day);
CREATE INDEX ev_event ON ev(event, id);
CREATE INDEX ev_intensity ON ev(intensity, id);
CREATE INDEX ev_sources ON ev(n_sources, id);
CREATE INDEX ev_story ON ev(story);
CREATE TABLE party (
    ev INTEGER NOT NULL, role TEXT NOT NULL, key TEXT NOT NULL, code TEXT, sector TEXT,
    name TEXT NOT NULL, lname TEXT NOT NULL
);
CREATE INDEX party_code ON party(code, role);
CREATE INDEX party_ev ON party(ev);
CREATE TABLE ev_outlet (ev INTEGER NOT NULL, outlet TEXT NOT NULL COLLATE NOCASE);
CREATE INDEX ev_outlet_outlet ON ev_outlet(outlet);
CREATE INDEX ev_outlet_ev ON ev_outlet(ev);
CREATE TABLE mention (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL, article_id TEXT NOT NULL, ev INTEGER
);
CREATE INDEX mention_article ON mention(article_id);
CREATE INDEX mention_ev ON mention(ev);
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, tokenize = 'unicode61');
CREATE TABLE article (
    id TEXT PRIMARY KEY, title TEXT, outlet TEXT, url TEXT, published TEXT, source TEXT
);
"""


def _party_key(actor: dict[str, Any]) -> str:
    return str(actor.get("code") or actor.get("name") or "?")


def _first_day(date: str | None) -> str | None:
    """The day a (possibly partial) date counts on in charts and filters: its first day."""
    return (date + "-01-01")[:10] if date else None


def _date_key(date: str | None) -> str:
    return date if date else "~"  # undated events sort after every date


def build_index(source: sqlite3.Connection, target: Path) -> None:
    """Copy what the workbench filters on from ``source`` (one snapshot) into ``target``."""
    out = sqlite3.connect(str(target), isolation_level=None)
    try:
        out.executescript(_INDEX_SCHEMA)
        out.execute("BEGIN")
        source.execute("BEGIN")  # one read snapshot, even while analyze writes
        try:
            articles = {}
            for r in source.execute(
                "SELECT id, title, outlet, url, published, source FROM articles"
            ):
                articles[r[0]] = r[2]
                out.execute("INSERT INTO article VALUES (?, ?, ?, ?, ?, ?)", tuple(r))
            mention_ev: dict[str, int] = {}
            ev_rows, party_rows, outlet_rows = [], [], []
            for n, r in enumerate(
                source.execute("SELECT id, story_id, data FROM events ORDER BY id"), start=1
            ):
                d = json.loads(r[2])
                loc = d.get("location") or {}
                actors, recips = d.get("actor") or [], d.get("recipient") or []
                outlets = set()
                for mid in d.get("mention_ids") or []:
                    mention_ev[mid] = n
                    outlet = articles.get(mid.rsplit(":", 1)[0])
                    if outlet:
                        outlets.add(outlet)
                ev_rows.append(
                    (
                        n,
                        r[0],
                        d.get("date"),
                        d.get("date_end"),
                        _first_day(d.get("date")),
                        _date_key(d.get("date")),
                        d["event"],
                        d.get("mode"),
                        d["cameo"],
                        float(d["intensity"]),
                        d["factuality"],
                        r[1],
                        len(d.get("mention_ids") or []),
                        loc.get("name"),
                        loc.get("country"),
                        loc.get("lat"),
                        loc.get("lon"),
                        _party_key(actors[0]) if actors else None,
                        _party_key(recips[0]) if recips else None,
                        r[2],
                    )
                )
                for role, group in (("actor", actors), ("recipient", recips)):
                    for a in group:
                        name = str(a.get("name") or "")
                        party_rows.append(
                            (
                                n,
                                role,
                                _party_key(a),
                                a.get("code"),
                                a.get("sector"),
                                name,
                                name.lower(),
                            )
                        )
                outlet_rows += [(n, o) for o in sorted(outlets)]
            out.executemany(f"INSERT INTO ev VALUES ({', '.join('?' * 20)})", ev_rows)
            out.executemany("INSERT INTO party VALUES (?, ?, ?, ?, ?, ?, ?)", party_rows)
            out.executemany("INSERT INTO ev_outlet VALUES (?, ?)", outlet_rows)
            texts: dict[str, str] = {}
            for n, r in enumerate(
                source.execute(
                    "SELECT id, article_id, sentence_start, sentence_end FROM mentions"
                    " ORDER BY article_id, idx"
                ),
                start=1,
            ):
                mid, aid, start, end = r
                if aid not in texts:
                    texts.clear()  # rows come grouped by article: keep one text in memory
                    row = source.execute("SELECT text FROM articles WHERE id = ?", (aid,))
                    texts[aid] = (row.fetchone() or [""])[0]
                out.execute(
                    "INSERT INTO mention VALUES (?, ?, ?, ?)", (n, mid, aid, mention_ev.get(mid))
                )
                out.execute(
                    "INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)",
                    (n, texts[aid][start:end]),
                )
        finally:
            source.execute("COMMIT")
        out.execute("COMMIT")
        out.execute("ANALYZE")
    finally:
        out.close()
