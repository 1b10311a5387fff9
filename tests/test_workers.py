"""``analyze --workers``: the same output as one process, and a worker that raises or dies
costs only its article. Also the store's batched writes and the bench's stage clock."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import api, bench, extract, runner
from newsevents.cli import main
from newsevents.ingest import article_from_text
from newsevents.model import Article, Document, EntityMention, Span, to_data
from newsevents.store import Store

N_ARTICLES = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for i, text in enumerate(bench.make_corpus(N_ARTICLES, seed=3)):
        header = f"---\ntitle: Generated {i}\npublished: 2021-06-0{1 + i % 5}\n---\n"
        (folder / f"a{i:02d}.txt").write_text(header + text, encoding="utf-8")
    return folder


def _output(db: Path) -> dict[str, str]:
    corpus = api.load_corpus(db)
    articles = sorted(corpus.articles.values(), key=lambda a: a.source)
    return {
        "articles": json.dumps([[a.source, a.id, a.published, a.language] for a in articles]),
        "mentions": json.dumps(to_data(sorted(corpus.mentions.values(), key=lambda m: m.id))),
        "quotes": json.dumps(to_data(sorted(corpus.quotes, key=lambda q: q.id))),
        "events": json.dumps(to_data(corpus.events)),
        "stories": json.dumps(to_data(corpus.stories)),
    }


@pytest.fixture(scope="module")
def one_process(corpus: Path, resources: api.Resources, tmp_path_factory) -> dict[str, str]:
    db = tmp_path_factory.mktemp("one") / "one.db"
    summary = api.analyze([str(corpus)], db, resources=resources)
    assert summary.stored == N_ARTICLES and summary.events > 0
    return _output(db)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 3 articles: several tasks per worker, and chunks a failure splits."""
    monkeypatch.setattr(runner, "WORKER_CHUNK", 3)


@pytest.mark.slow
def test_two_workers_same_output(
    corpus: Path, resources: api.Resources, one_process, tmp_path: Path, small_chunks
) -> None:
    summary = api.analyze([str(corpus)], tmp_path / "two.db", resources=resources, workers=2)
    assert summary.stored == N_ARTICLES and not summary.skipped
    assert _output(tmp_path / "two.db") == one_process


def _failing_on(monkeypatch: pytest.MonkeyPatch, name: str, fail) -> None:
    """Make the coder call ``fail()`` on the article read from file ``name``."""
    real = extract.extract_events

    def patched(doc: Document, codebook: extract.Codebook):
        if Path(doc.article.source).name == name:
            fail()
        return real(doc, codebook)

    monkeypatch.setattr(extract, "extract_events", patched)  # inherited by forked workers


def _raise() -> None:
    raise RuntimeError("injected failure")


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_raising_article_is_a_skip(
    corpus, resources, one_process, tmp_path, small_chunks, monkeypatch, workers
) -> None:
    _failing_on(monkeypatch, "a04.txt", _raise)
    db = tmp_path / "x.db"
    summary = api.analyze([str(corpus)], db, resources=resources, workers=workers)
    assert summary.stored == N_ARTICLES - 1
    assert [(Path(s.source).name, s.reason) for s in summary.skipped] == [
        ("a04.txt", "analysis failed: RuntimeError: injected failure")
    ]
    with Store(db, readonly=True) as store:
        assert [Path(s.source).name for s in store.skips()] == ["a04.txt"]
    assert _stored_mentions(db) == _stored_mentions_except(one_process, db, "a04.txt")


def _stored_mentions(db: Path) -> list:
    return sorted(json.dumps(to_data(m)) for m in api.load_corpus(db).mentions.values())


def _stored_mentions_except(output: dict[str, str], db: Path, name: str) -> list:
    """The one-process run's mentions, without those of the article read from ``name``."""
    ids = {a[1] for a in json.loads(output["articles"]) if Path(a[0]).name == name}
    return sorted(
        json.dumps(m) for m in json.loads(output["mentions"]) if m["article_id"] not in ids
    )


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_its_article(
    corpus, resources, one_process, tmp_path, small_chunks, monkeypatch
) -> None:
    main = os.getpid()

    def die() -> None:
        if os.getpid() != main:  # only ever in a worker process
            os._exit(3)

    _failing_on(monkeypatch, "a07.txt", die)
    db = tmp_path / "x.db"
    summary = api.analyze([str(corpus)], db, resources=resources, workers=2)
    assert summary.stored == N_ARTICLES - 1
    assert [(Path(s.source).name, s.reason) for s in summary.skipped] == [
        ("a07.txt", "analysis failed: the worker process died on it")
    ]
    assert _stored_mentions(db) == _stored_mentions_except(one_process, db, "a07.txt")
    # the next run without the fault stores the article the crash skipped
    monkeypatch.undo()
    again = api.analyze([str(corpus)], db, resources=resources, workers=2)
    assert again.stored == 1 and again.already == N_ARTICLES - 1
    got = _output(db)
    for table in ("articles", "mentions", "quotes"):
        assert got[table] == one_process[table], table
    # the second run merged its one article into the kept stories (an incremental update,
    # which need not equal a merge from scratch: README, Incremental analysis); merged
    # again from scratch, the store gives the one-process run's events and stories
    api.merge_db(db)
    assert _output(db) == one_process


def _doc(i: int, *, overflow: bool = False) -> Document:
    article = Article(id=f"id{i}", source=f"src{i}", format="txt", text=f"Text number {i}.")
    big = 2**70 if overflow else 0
    return Document(article, entity_mentions=[EntityMention(Span(big, big + 4), "GPE")])


def test_batch_undoes_only_the_failing_article(db_path: Path) -> None:
    with Store(db_path) as store:
        failed = []
        with store.batch():
            for doc in (_doc(1), _doc(2, overflow=True), _doc(3)):
                try:
                    store.save_document(doc)
                except OverflowError:
                    failed.append(doc.article.id)
        assert failed == ["id2"]
        assert [a.id for a in store.articles()] == ["id1", "id3"]
        assert store.counts()["articles"] == 2
        # written in one transaction, committed when the batch ends
        assert not store.conn.in_transaction


def test_batch_rolls_back_as_a_whole_on_interrupt(db_path: Path) -> None:
    with Store(db_path) as store:
        with pytest.raises(KeyboardInterrupt), store.batch():
            store.save_document(_doc(1))
            raise KeyboardInterrupt
        assert store.counts()["articles"] == 0
        store.save_document(_doc(1))  # the store is usable after it
        assert store.counts()["articles"] == 1


def test_stage_clock_counts_nested_stages_once() -> None:
    clock = runner.StageClock()
    with clock.stage("outer"):
        time.sleep(0.02)
        with clock.stage("inner"):
            time.sleep(0.05)
    assert clock.wall["inner"] >= 0.05
    assert 0.02 <= clock.wall["outer"] < 0.05
    items = list(clock.iterate("producing", iter([1, 2, 3])))
    assert items == [1, 2, 3] and "producing" in clock.wall and set(clock.cpu) == set(clock.wall)


@pytest.mark.parametrize(
    ("n", "sizes"),
    [
        (0, []),
        (5, [2, 2, 1]),
        (8, [2, 2, 2, 2]),
        (13, [4, 2, 2, 2, 2, 1]),
        (20, [4, 4, 4, 2, 2, 2, 2]),
    ],
)
def test_worker_tasks_are_large_until_the_last_articles(n: int, sizes: list[int]) -> None:
    articles = [article_from_text(f"Text {i}.", source=f"s{i}") for i in range(n)]
    chunks = list(runner._chunks(iter(articles), size=4, tail=2, reserve=8))
    assert [len(c) for c in chunks] == sizes
    assert [a for c in chunks for a in c] == articles  # every article once, in input order


def test_coding_first_puts_the_loaded_resources_out_of_the_collectors_sight(
    resources: api.Resources,
) -> None:
    import gc

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    article = article_from_text(bench.make_corpus(1)[0], source="one")
    (doc,) = runner.code_articles([article], resources)
    assert isinstance(doc, Document) and doc.events
    # the gazetteer's city index is built and frozen with everything else alive
    assert "_city_index" in vars(resources.gazetteer)
    assert gc.get_freeze_count() > 100_000


def test_bench_report_prints_stages_and_workers() -> None:
    stages = {"ingest": 0.2, "parse": 2.0, "events": 0.4, "actors": 0.3, "store": 0.1}
    full = {
        "seconds": 4.0,
        "cpu_seconds": 3.9,
        "stage_wall": {**stages, "merge": 0.8},
        "stage_cpu": {**stages, "merge": 0.8},
        "load": {"seconds": 2.0, "cpu_seconds": 2.0},
        "peak_mb": 400,
        "parse_seconds": 2.0,
        "coding_seconds": 0.7,
        "mentions": 10,
        "events": 5,
    }
    workers = {**full, "workers": 2, "seconds": 2.0, "workers_cpu_seconds": 3.0}
    workers["stage_wall"] = {"ingest": 0.2, "workers": 0.8, "store": 0.1, "merge": 0.8}
    result = {
        "articles": 100,
        "words": 1000,
        "bare_parse": {"seconds": 2.0, "cpu_seconds": 2.0, "peak_mb": 200},
        "full_pipeline": full,
        "workers": workers,
    }
    lines = bench.format_report(result).splitlines()
    assert "full pipeline / bare parse time: 2.00x wall, 1.95x CPU" in lines
    assert "coding (extract+resolve) / parse time: 35.0% (10 mentions -> 5 events)" in lines
    cpu = {**full, "parse_cpu_seconds": 1.6, "coding_cpu_seconds": 0.4}
    cpu_lines = bench.format_report({**result, "full_pipeline": cpu}).splitlines()
    assert (
        "coding (extract+resolve) / parse time: 35.0% wall, 25.0% CPU (10 mentions -> 5 events)"
        in cpu_lines
    )
    assert any(line.split()[:1] == ["parse"] and line.endswith("100.0%") for line in lines)
    assert any(line.split()[:1] == ["extract"] and line.endswith("20.0%") for line in lines)
    assert any(line.split()[:1] == ["resolve"] and line.endswith("15.0%") for line in lines)
    assert any(line.split()[:1] == ["merge"] and line.endswith("40.0%") for line in lines)
    assert any(line.startswith("--workers 2") and "2.00x one process" in line for line in lines)


@pytest.mark.slow
def test_cli_workers_stores_like_one_process(corpus: Path, one_process, tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    args = ["analyze", str(corpus), "--db", str(db), "--workers", "2", "--no-model"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert f"{N_ARTICLES} analysed" in result.output
    assert _output(db) == one_process  # the fixture codes with the rules alone


@pytest.mark.slow
def test_workers_with_the_learned_models_store_like_one_process(
    corpus: Path, learned_resources: api.Resources, tmp_path: Path
) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    api.analyze([str(corpus)], one, resources=learned_resources)
    api.analyze([str(corpus)], two, resources=learned_resources, workers=2)
    assert _output(two) == _output(one)


@pytest.mark.slow
def test_interrupt_keeps_what_is_coded_and_stops_the_workers(
    corpus, resources, tmp_path, small_chunks, monkeypatch
) -> None:
    real = runner._collect
    calls: list[int] = []

    def interrupted_second_time(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        yield from real(*args, **kwargs)

    monkeypatch.setattr(runner, "_collect", interrupted_second_time)
    db = tmp_path / "x.db"
    with pytest.raises(KeyboardInterrupt):
        api.analyze([str(corpus)], db, resources=resources, workers=2)
    assert multiprocessing.active_children() == []
    with Store(db, readonly=True) as store:
        assert store.counts()["articles"] == 3  # the first chunk, coded before Ctrl-C
        assert [r.status for r in store.runs()] == ["interrupted"]
