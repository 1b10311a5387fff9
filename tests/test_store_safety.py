"""The store refuses what is not its own, migrates atomically and keeps runs and skips honest."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from newsevents.errors import StoreError
from newsevents.model import Skip
from newsevents.store import APPLICATION_ID, SCHEMA_VERSION, Store


def _foreign(path, user_version: int = 0, app_id: int = 0) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute(f"PRAGMA application_id = {app_id}")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(("user_version", "app_id"), [(0, 0), (1, 0), (5, 0), (0, 1234)], ids=str)
@pytest.mark.parametrize("readonly", [False, True])
def test_another_applications_database_is_refused_unmodified(
    tmp_path, user_version, app_id, readonly
):
    path = tmp_path / "other.db"
    before = _foreign(path, user_version, app_id)
    with pytest.raises(StoreError, match=r"not a newsevents database|newer than"):
        Store(path, readonly=readonly)
    assert path.read_bytes() == before
    assert not (tmp_path / "other.db-wal").exists()


@pytest.mark.parametrize(
    "content", [b"this is not a database at all\n" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_a_file_that_is_not_sqlite_is_refused_unmodified(tmp_path, content):
    path = tmp_path / "junk.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(path)
    assert path.read_bytes() == content


def test_a_corrupt_database_is_refused_with_one_line(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as store:
        for i in range(300):
            store.record_skip(Skip(f"file{i}.txt", "reason " * 20), None)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for off in range(4096 * 3, min(len(data), 4096 * 6)):  # scribble over a few pages
        data[off] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as info:
        Store(path)
    assert "\n" not in str(info.value)


def test_a_new_database_is_marked_as_ours(db_path):
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        app = store.conn.execute("PRAGMA application_id").fetchone()[0]
    assert app == APPLICATION_ID


def test_version_1_databases_migrate_with_their_data(db_path):
    from newsevents.store_schema import MIGRATIONS

    conn = sqlite3.connect(db_path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO runs (command, started, status) VALUES ('analyze', 1.0, 'running')")
    for _ in range(3):  # the same skip recorded by three runs
        conn.execute("INSERT INTO skips (run_id, source, reason, at) VALUES (1, 'x', 'r', 1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [r.status for r in store.runs()] == ["abandoned"]
        assert store.skips() == [Skip("x", "r")]


_OPEN = """
import sys, time
from newsevents.store import Store
t = float(sys.argv[2])
while time.time() < t:
    pass
with Store(sys.argv[1]) as s:
    s.start_run("analyze", {})
"""


@pytest.mark.slow
def test_two_processes_creating_one_new_database_both_succeed(tmp_path):
    for trial in range(10):
        db = tmp_path / f"n{trial}.db"
        start = f"{__import__('time').time() + 1.0}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN, str(db), start],
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0], errors
        with Store(db, readonly=True) as store:
            assert len(store.runs()) == 2


def test_skips_are_one_row_per_source(db_path):
    with Store(db_path) as store:
        for run in (1, 2, 3):
            run_id = store.start_run("analyze", {})
            store.record_skip(Skip("a.txt", f"reason {run}"), run_id)
            store.record_skip(Skip("b.txt", "same"), run_id)
            store.finish_run(run_id, status="done", read=2, stored=0, skipped=2, events=0)
        assert store.skips() == [Skip("a.txt", "reason 3"), Skip("b.txt", "same")]


def test_a_run_whose_process_died_is_abandoned_at_the_next_start(db_path):
    with Store(db_path) as store:
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout.strip()  # fmt: skip
        run_id = store.start_run("analyze", {})
        store.conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (int(dead), run_id))
        live = store.start_run("analyze", {})
        statuses = {r.id: r.status for r in store.runs()}
    assert statuses == {run_id: "abandoned", live: "running"}
    assert os.getpid() != int(dead)
