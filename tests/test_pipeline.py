"""End-to-end: analyze -> store -> merge -> export, idempotence, crash/resume, offsets."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsevents import api
from newsevents.report import export

ARTICLES = Path(__file__).parent / "data" / "articles"
CLI = [sys.executable, "-m", "newsevents.cli"]


@pytest.fixture(scope="module")
def resources():
    return api.load_resources()


def table_rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    out = {
        t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall())
        for t in ("articles", "sentences", "mentions", "quotes", "events", "event_sources")
    }
    conn.close()
    return out


def assert_sources_slice_text(db: Path) -> int:
    """Every exported source's offsets slice its article's clean text to the quoted sentence."""
    corpus = api.load_corpus(db)
    jsonl = export.to_plover_jsonl(corpus.events, corpus.mentions, corpus.articles)
    n = 0
    for line in jsonl.splitlines():
        record = json.loads(line)
        assert record["sources"], record["id"]
        for src in record["sources"]:
            text = corpus.articles[src["article_id"]].text
            assert text[src["start"] : src["end"]] == src["sentence"]
            n += 1
    return n


@pytest.mark.slow
def test_analyze_twice_leaves_the_same_rows(tmp_path, resources):
    db = tmp_path / "x.db"
    first = api.analyze([str(ARTICLES)], db, resources=resources)
    rows = table_rows(db)
    second = api.analyze([str(ARTICLES)], db, resources=resources)
    assert first.stored == 3 and second.stored == 0 and second.already == 3
    assert table_rows(db) == rows
    assert_sources_slice_text(db)


@pytest.mark.slow
def test_sources_offsets_slice_the_seed_articles(tmp_path, resources, seeds):
    db = tmp_path / "seeds.db"
    api.analyze([str(p) for p in seeds], db, resources=resources)
    assert_sources_slice_text(db)


def _write_batch(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        body = "\n\n".join(
            f"Police in the town of Riverton {i} arrested {j + 2} activists on Monday after a "
            f"march against the closure of factory number {i * 100 + j}. The mayor condemned "
            f"the protest and said the organisers would face charges."
            for j in range(6)
        )
        (folder / f"art{i:03d}.txt").write_text(
            f"---\ntitle: Arrests {i}\noutlet: Town Crier\npublished: 2021-05-{1 + i % 28:02d}\n"
            f"---\n{body}\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_completes_without_loss_or_duplicates(tmp_path):
    batch = tmp_path / "batch"
    _write_batch(batch, 40)
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [*CLI, "analyze", str(batch), "--db", str(db), "--no-merge"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 3:
                break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("analyze finished before it could be killed; make the batch larger")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    killed_at = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    assert 0 < killed_at < 40

    done = subprocess.run(
        [*CLI, "analyze", str(batch), "--db", str(db)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"{40 - killed_at} analysed, {killed_at} already" in done.stderr

    fresh = tmp_path / "fresh.db"
    shutil.copytree(batch, tmp_path / "batch2")
    subprocess.run([*CLI, "analyze", str(tmp_path / "batch2"), "--db", str(fresh)], check=True,
                   env=env, capture_output=True)  # fmt: skip
    resumed, clean = table_rows(db), table_rows(fresh)
    assert len(resumed["articles"]) == 40
    for table in ("sentences", "mentions", "events", "event_sources"):
        assert len(resumed[table]) == len(clean[table]), table
    ids = [r[0] for r in resumed["mentions"]]
    assert len(ids) == len(set(ids))
