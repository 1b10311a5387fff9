"""The store's schema as numbered migrations, applied by :class:`newsevents.store.Store`.

Migration n (1-based) takes a database from ``PRAGMA user_version`` n-1 to n. A migration is
never edited once released: a change is a new migration.
"""

from __future__ import annotations

import sqlite3

from .errors import StoreError

#: ``PRAGMA application_id`` of a newsevents database ("NEWS" in ASCII): a file with another
#: application id is someone else's database and is never opened.
APPLICATION_ID = 0x4E455753
#: Tables every newsevents database has (an old file with application_id 0 is ours if it has them)
_OWN_TABLES = frozenset({"runs", "articles", "skips", "mentions", "events", "event_sources"})

MIGRATIONS: tuple[str, ...] = (
    # 1: the initial schema
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        args TEXT NOT NULL DEFAULT '{}',
        started REAL NOT NULL,
        finished REAL,
        status TEXT NOT NULL DEFAULT 'running',
        articles_read INTEGER NOT NULL DEFAULT 0,
        articles_stored INTEGER NOT NULL DEFAULT 0,
        articles_skipped INTEGER NOT NULL DEFAULT 0,
        events_found INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        author TEXT,
        url TEXT,
        published TEXT,
        published_source TEXT,
        published_confidence REAL,
        language TEXT,
        text TEXT NOT NULL,
        raw BLOB NOT NULL,
        run_id INTEGER REFERENCES runs(id),
        added REAL NOT NULL
    );
    CREATE TABLE skips (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES runs(id),
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE entity_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        label TEXT NOT NULL
    );
    CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        code TEXT,
        sector TEXT,
        kind TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, key)
    );
    CREATE TABLE time_expressions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        value TEXT NOT NULL,
        precision TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX time_expressions_article ON time_expressions(article_id);
    CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event TEXT NOT NULL,
        mode TEXT,
        cameo TEXT NOT NULL,
        intensity REAL NOT NULL,
        factuality TEXT NOT NULL,
        date TEXT,
        date_end TEXT,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        speaker TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        story_id TEXT,
        event TEXT NOT NULL,
        cameo TEXT NOT NULL,
        factuality TEXT NOT NULL,
        date TEXT,
        date_end TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        mention_id TEXT NOT NULL,
        PRIMARY KEY (event_id, mention_id)
    );
    CREATE INDEX event_sources_mention ON event_sources(mention_id);
    """,
    # 2: who runs a run (so a killed run can be told from a live one), every report of an
    # article body (the same text from a second outlet or path), one skip row per source
    """
    ALTER TABLE runs ADD COLUMN pid INTEGER;
    ALTER TABLE runs ADD COLUMN host TEXT;
    UPDATE runs SET status = 'abandoned' WHERE status = 'running';
    CREATE TABLE reports (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        run_id INTEGER REFERENCES runs(id),
        added REAL NOT NULL,
        PRIMARY KEY (article_id, source)
    );
    INSERT INTO reports (article_id, source, outlet, title, url, published, run_id, added)
        SELECT id, source, outlet, title, url, published, run_id, added FROM articles;
    DELETE FROM skips WHERE id NOT IN (SELECT max(id) FROM skips GROUP BY source);
    CREATE UNIQUE INDEX skips_source ON skips(source);
    """,
    # 3: near-duplicate lookup: each article body's MinHash signature and its band hashes
    """
    CREATE TABLE article_bodies (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature BLOB NOT NULL
    );
    CREATE TABLE article_bands (
        band INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX article_bands_band ON article_bands(band);
    """,
)


def check_database(conn: sqlite3.Connection, path: object, *, integrity: bool) -> None:
    """Raise StoreError unless the file is empty or a newsevents database, and (with
    ``integrity``, before writing) unless its pages pass ``PRAGMA quick_check``. A reader
    of a corrupt file gets sqlite3.DatabaseError on the first bad page instead."""
    # one read transaction: another process creating the database between two of these
    # reads would otherwise show tables without their version (and look foreign)
    conn.execute("BEGIN")
    try:
        app = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        conn.execute("COMMIT")
    foreign = app not in (0, APPLICATION_ID) or (
        # an old newsevents file has application_id 0: it must have our tables
        app == 0 and (bool(tables) if version == 0 else not tables >= _OWN_TABLES)
    )
    if foreign:
        shown = ", ".join(sorted(tables)[:5]) or "no tables"
        raise StoreError(f"{path} is not a newsevents database ({shown}); give a new --db path")
    if tables and integrity:
        bad = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if bad != "ok":
            raise StoreError(
                f"{path} is corrupt ({' '.join(str(bad).split())[:200]}); restore a backup or "
                "re-run analyze into a new --db"
            )


# Mentions' actors and recipients and quotes' speakers, with their entity's kind (JSON1).
PARTICIPANTS_SQL = """
SELECT p.name, p.role, p.event, p.id, p.article_id, p.s, p.e, p.sector, ent.kind, ent.name
FROM (SELECT m.article_id, m.id, 0 AS k, m.idx, m.event, r.role, m.sentence_start AS s,
             m.sentence_end AS e, json_extract(j.value, '$.name') AS name,
             json_extract(j.value, '$.code') AS code, json_extract(j.value, '$.sector') AS sector,
             json_extract(j.value, '$.entity') AS ent
      FROM mentions m JOIN (SELECT 'actor' AS role UNION ALL SELECT 'recipient') r
      JOIN json_each(m.data, '$.' || r.role) j
      UNION ALL
      SELECT article_id, id, 1, idx, NULL, 'speaker', json_extract(data, '$.sentence.start'),
             json_extract(data, '$.sentence.end'), json_extract(data, '$.speaker.name'),
             json_extract(data, '$.speaker.code'), json_extract(data, '$.speaker.sector'),
             json_extract(data, '$.speaker.entity')
      FROM quotes WHERE json_type(data, '$.speaker') = 'object') p
LEFT JOIN entities ent ON ent.article_id = p.article_id AND ent.key = p.ent
WHERE {where} ORDER BY p.article_id, p.k, p.idx, p.role
"""
