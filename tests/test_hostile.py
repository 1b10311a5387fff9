"""One ``analyze`` over the hostile corpus plus good articles: nothing stops the batch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.store import Store

sys.path.insert(0, str(Path(__file__).parent))
import hostile_corpus

ARTICLES = Path(__file__).parent / "data" / "articles"
CLI = Path(sys.executable).parent / "newsevents"


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_one_analyze_over_the_hostile_corpus_stores_every_good_file(tmp_path, workers):
    corpus = tmp_path / "corpus"
    expect = hostile_corpus.make(corpus, sorted(ARTICLES.iterdir()))
    assert len(expect) >= 50
    db = tmp_path / "h.db"
    # The timeout is a hang guard, not a speed test (speed is `make bench`'s job).
    proc = subprocess.run(
        [str(CLI), "analyze", str(corpus), "--db", str(db), "--workers", workers],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "\x1b" not in proc.stderr  # file names with ESC are printed harmlessly
    with Store(db, readonly=True) as store:
        reported = {src for rs in store.reports().values() for src, _ in rs}
        skips = {s.source: s.reason for s in store.skips()}
        runs = store.runs()
    assert [r.status for r in runs] == ["done"]

    def skipped(name: str) -> list[str]:
        path = str(corpus / name)
        return [r for s, r in skips.items() if s == path or s.startswith(path + "#")]

    for name, kind in sorted(expect.items()):
        stored = str(corpus / name) in reported
        reasons = skipped(name)
        if kind == "good":
            assert stored, f"{name} not stored: {reasons}"
        elif kind == "bad":
            assert reasons and all(r.strip() for r in reasons), f"{name} has no skip"
            assert not stored, f"{name} was stored"
        elif name != "link_to_dir":  # a linked directory is not walked into
            assert stored or reasons, f"{name} neither stored nor skipped"


@pytest.mark.slow
def test_a_fifo_given_by_name_is_a_skip_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    try:
        import os

        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs on this system")
    good = sorted(ARTICLES.iterdir())[0]
    proc = subprocess.run(
        [str(CLI), "analyze", str(fifo), str(good), "--db", str(tmp_path / "f.db")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "not a regular file" in proc.stderr
