"""The store's index of article bodies for near-duplicate lookup (see ``fingerprint``).

Kept beside ``store`` (which calls it inside its own transactions) so the SQL stays in the
store layer; articles stored before this index existed are not in it.
"""

from __future__ import annotations

import sqlite3

from . import fingerprint


def save_body(conn: sqlite3.Connection, article_id: str, text: str) -> None:
    """Index ``text`` under ``article_id`` (nothing for a text too short to compare)."""
    sig = fingerprint.signature(text)
    if sig is None:
        return
    conn.execute(
        "INSERT OR REPLACE INTO article_bodies (article_id, signature) VALUES (?, ?)",
        (article_id, fingerprint.to_blob(sig)),
    )
    conn.executemany(
        "INSERT INTO article_bands (band, article_id) VALUES (?, ?)",
        [(band, article_id) for band in fingerprint.bands(sig)],
    )


def same_body(conn: sqlite3.Connection, text: str) -> tuple[str, float] | None:
    """The stored article whose body ``text`` nearly repeats, with the estimated similarity
    (the most similar one at or over ``fingerprint.SAME_BODY``), or None."""
    sig = fingerprint.signature(text)
    if sig is None:
        return None
    band_list = fingerprint.bands(sig)
    marks = ",".join("?" * len(band_list))
    rows = conn.execute(
        "SELECT DISTINCT b.article_id, s.signature FROM article_bands b"
        f" JOIN article_bodies s ON s.article_id = b.article_id WHERE b.band IN ({marks})",
        band_list,
    ).fetchall()
    best: tuple[str, float] | None = None
    for article_id, blob in sorted((r[0], r[1]) for r in rows):
        score = fingerprint.similarity(sig, fingerprint.from_blob(blob))
        if score >= fingerprint.SAME_BODY and (best is None or score > best[1]):
            best = (article_id, score)
    return best
