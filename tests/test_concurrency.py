"""Two ``analyze`` runs and two readers on one database at once, new and existing."""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter
from pathlib import Path

import pytest

from newsevents import api, bench
from newsevents.store import Store

TRIALS = 10


def _writer(db: str, paths: list[str], barrier: mp.synchronize.Barrier, delay: float) -> None:
    barrier.wait()
    time.sleep(delay)
    api.analyze(paths, db, resources=_RESOURCES)


def _reader(db: str, barrier: mp.synchronize.Barrier, stop: float) -> None:
    barrier.wait()
    while time.monotonic() < stop:
        if Path(db).exists():
            try:
                api.load_corpus(db)
                api.list_articles(db)
            except Exception as e:
                # a reader may only ever find the database not created or not migrated yet
                if "needs migrating" not in str(e) and "no database" not in str(e):
                    raise
        time.sleep(0.1)


_RESOURCES: api.Resources | None = None


def _run_trial(db: Path, halves: tuple[list[str], list[str]], delay: float) -> list[int]:
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(4)
    stop = time.monotonic() + 120
    procs = [
        ctx.Process(target=_writer, args=(str(db), halves[0], barrier, 0.0)),
        ctx.Process(target=_writer, args=(str(db), halves[1], barrier, delay)),
        ctx.Process(target=_reader, args=(str(db), barrier, stop)),
        ctx.Process(target=_reader, args=(str(db), barrier, stop)),
    ]
    for p in procs:
        p.start()
    for p in procs[:2]:
        p.join(timeout=300)
    for p in procs[2:]:
        p.terminate()
        p.join(timeout=10)
    return [p.exitcode for p in procs[:2]]


def _check(db: Path) -> None:
    corpus = api.load_corpus(db)
    seen = Counter(m for e in corpus.events for m in e.mention_ids)
    assert set(seen) == set(corpus.mentions), "a mention is in no merged event"
    assert all(n == 1 for n in seen.values()), "a mention is in two merged events"
    with Store(db, readonly=True) as store:
        assert {r.status for r in store.runs()} == {"done"}


# Short articles written for this test: each has a few coded events, so merges have work.
STORIES = [
    "Police arrested {n} protesters in {city} on Monday. The interior minister condemned the "
    "march and said the army would guard the parliament.",
    "The government of {country} imposed sanctions on its neighbour on Tuesday. Officials "
    "in {city} said the border would stay closed.",
    "Rebels attacked an army base near {city} on Wednesday, killing {n} soldiers. The "
    "president of {country} promised to respond.",
]
PLACES = [("Lima", "Peru"), ("Ankara", "Turkey"), ("Nairobi", "Kenya"), ("Warsaw", "Poland")]


@pytest.fixture(scope="module")
def corpus(nlp, tmp_path_factory) -> tuple[list[str], list[str], Path]:
    """Two writers' articles, and an existing database of 40 generated articles (its merge
    takes long enough for the other writer to store articles meanwhile)."""
    global _RESOURCES
    _RESOURCES = api.load_resources()
    folder = tmp_path_factory.mktemp("conc")
    files = []
    for i, (city, country) in enumerate(PLACES):
        path = folder / f"a{i}.md"
        text = "\n\n".join(s.format(n=i + 3, city=city, country=country) for s in STORIES)
        path.write_text(f"---\npublished: 2021-03-0{i + 1}\noutlet: Outlet {i}\n---\n{text}\n")
        files.append(str(path))
    base_dir = folder / "base"
    base_dir.mkdir()
    for i, text in enumerate(bench.make_corpus(40, seed=5)):
        (base_dir / f"b{i}.md").write_text(f"---\npublished: 2021-02-{i % 28 + 1:02d}\n---\n{text}")
    base = folder / "base.db"
    api.analyze([str(base_dir)], base, resources=_RESOURCES)
    return files[0::2], files[1::2], base


@pytest.mark.slow
@pytest.mark.parametrize("existing", [False, True], ids=["new-db", "existing-db"])
def test_two_writers_and_two_readers(tmp_path, corpus, existing):
    first, second, base = corpus
    for trial in range(TRIALS):
        db = tmp_path / f"t{trial}.db"
        if existing:
            db.write_bytes(base.read_bytes())
        # the second writer starts a little later each trial, so its articles arrive at
        # different moments of the first writer's merge
        codes = _run_trial(db, (first, second), delay=0.1 * trial)
        assert codes == [0, 0], f"trial {trial}: a writer failed ({codes})"
        _check(db)
