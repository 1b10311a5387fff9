"""The per-article stages of ``analyze`` over a stream of articles: parse, then every
pipeline component, in this process or in ``workers`` processes; timed per stage on request.

One article never stops the others: a coder exception becomes a :class:`Skip` with the error
as its reason (a :class:`NewsEventsError`, a configuration error that would hit every article,
still ends the run, as in one process). With workers, a chunk whose worker raised or died
(a crash, a kill) is run again one article at a time in a fresh worker, so only the article
that fails alone becomes a Skip; the rest are coded as usual.

Workers are forked (the pool's initializer hands each the :class:`Resources` of the main
process, which it shares copy-on-write: nothing is loaded again); where the platform cannot
fork (Windows), the articles are coded in this process. Only the main process writes to the
database: results (documents without their spaCy parse) come back in input order.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from . import nlp
from .errors import NewsEventsError
from .model import Article, Document, Skip
from .pipeline import COMPONENTS, Component, Pipeline, Resources

#: Articles per ``nlp.pipe`` batch in one process: the parse's CPU per article falls with the
#: batch up to about this size (paired runs over bench articles, CPU seconds: batches of 32
#: median 0.92x those of 16 in 8 pairs, 64 1.00x those of 32 in 5).
CHUNK = 32
#: Articles per worker task (one ``nlp.pipe`` batch in the worker) while more articles follow:
#: the parse costs less per article in larger batches (paired runs, CPU seconds: batches of 16
#: median 0.93x those of 4, 8 0.96x), as in one process (``CHUNK``).
WORKER_BATCH = CHUNK
#: Articles per task at the end of the input, so the workers end together: the last task of a
#: run is coded while the other workers may be idle.
WORKER_CHUNK = 4

_T = TypeVar("_T")


class StageClock:
    """Wall and CPU seconds per named stage. Stages nest and are exclusive: time spent in an
    inner stage (ingest pulled by the parse) counts for it only, not for the outer one."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._stack: list[str] = []
        self._mark = (time.perf_counter(), time.process_time())

    def _switch(self) -> None:
        now = (time.perf_counter(), time.process_time())
        if self._stack:
            name = self._stack[-1]
            self.wall[name] = self.wall.get(name, 0.0) + now[0] - self._mark[0]
            self.cpu[name] = self.cpu.get(name, 0.0) + now[1] - self._mark[1]
        self._mark = now

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self._switch()
        self._stack.append(name)
        try:
            yield
        finally:
            self._switch()
            self._stack.pop()

    def iterate(self, name: str, items: Iterable[_T]) -> Iterator[_T]:
        """``items``, with the time spent producing each one counted for ``name``."""
        it = iter(items)
        while True:
            with self.stage(name):
                try:
                    item = next(it)
                except StopIteration:
                    return
            yield item

    def component(self, name: str, component: Component) -> Component:
        def run(doc: Document, res: Resources) -> Document:
            with self.stage(name):
                return component(doc, res)

        return run


def code_articles(
    articles: Iterable[Article],
    resources: Resources,
    *,
    workers: int = 1,
    clock: StageClock | None = None,
) -> Generator[Document | Skip, None, None]:
    """Parse and code ``articles``; yield each one's Document (or Skip) in input order.
    Close the generator when stopping early: that stops the workers.
    Workers need the ``fork`` start method (Linux, macOS): elsewhere this runs in one process."""
    if workers > 1 and "fork" in mp.get_all_start_methods():
        yield from _code_in_workers(articles, resources, workers, clock)
        return
    pipeline = _pipeline(resources, clock)
    parsed = nlp.parse_articles(articles, resources.nlp, batch_size=CHUNK)
    prepared = False
    for item in clock.iterate("parse", parsed) if clock else parsed:
        if not prepared:  # only once there is an article to code
            prepare(resources)
            prepared = True
        yield item if isinstance(item, Skip) else code_one(item, pipeline)


def _pipeline(resources: Resources, clock: StageClock | None) -> Pipeline:
    if clock is None:
        return Pipeline(resources)
    return Pipeline(resources, [(n, clock.component(n, c)) for n, c in COMPONENTS])


def code_one(doc: Document, pipeline: Pipeline) -> Document | Skip:
    """Run ``pipeline`` on one parsed document; an exception (a coder bug on this article)
    becomes a Skip."""
    try:
        return pipeline(doc)
    except NewsEventsError:
        raise
    except Exception as e:  # a coder bug on one article must not lose the batch
        return Skip(doc.article.source, f"analysis failed: {_error(e)}")


def _error(e: BaseException) -> str:
    return f"{type(e).__name__}: {' '.join(str(e).split())[:200]}".rstrip(": ")


# --- worker processes ------------------------------------------------------------------------

_WORKER: Pipeline | None = None


def _start_worker(resources: Resources) -> None:
    """Pool initializer: the pipeline this worker runs (resources loaded once per worker).
    Ctrl-C and SIGTERM are the main process's to handle: it stops the pool."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _WORKER = Pipeline(resources)


def _work(articles: list[Article]) -> list[Document | Skip]:
    """One task: parse and code a chunk of articles; documents go back without their parse."""
    assert _WORKER is not None, "worker not initialised"
    out: list[Document | Skip] = []
    for item in nlp.parse_articles(articles, _WORKER.resources.nlp, batch_size=len(articles)):
        if isinstance(item, Document):
            item = code_one(item, _WORKER)
            if isinstance(item, Document):
                item.parse = None  # a spaCy Doc is large to send and never stored
        out.append(item)
    return out


@dataclass(frozen=True)
class _Task:
    chunk: list[Article]
    executor: ProcessPoolExecutor
    future: Future[list[Document | Skip]]


class _Pool:
    """A process pool that is replaced when one of its workers dies."""

    def __init__(self, resources: Resources, workers: int) -> None:
        self.context = mp.get_context("fork")
        self.resources = resources
        self.workers = workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=self.context,
            initializer=_start_worker,
            initargs=(self.resources,),
        )

    def submit(self, chunk: list[Article]) -> _Task:
        return _Task(chunk, self.executor, self.executor.submit(_work, chunk))

    def replace(self, broken: ProcessPoolExecutor) -> None:
        """A new executor for ``broken`` (when a worker dies, every task queued in its pool
        fails with it: the first failure replaces the pool, the others find it replaced)."""
        if self.executor is broken:
            broken.shutdown(wait=True, cancel_futures=True)
            self.executor = self._new()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _chunks(
    articles: Iterable[Article], size: int, tail: int, reserve: int
) -> Iterator[list[Article]]:
    """``articles`` in chunks of ``size`` while at least ``reserve`` more are read ahead,
    then the last ones (at least ``reserve``, when there are as many) in chunks of ``tail``."""
    ahead: deque[Article] = deque()
    for article in articles:
        ahead.append(article)
        if len(ahead) >= size + reserve:
            yield [ahead.popleft() for _ in range(size)]
    while ahead:
        yield [ahead.popleft() for _ in range(min(tail, len(ahead)))]


def _code_in_workers(
    articles: Iterable[Article], resources: Resources, workers: int, clock: StageClock | None
) -> Iterator[Document | Skip]:
    pool: _Pool | None = None
    inflight: deque[_Task] = deque()
    try:
        # small tasks at the end: one per worker and one queued behind it, each
        tail, reserve = WORKER_CHUNK, 2 * workers * WORKER_CHUNK
        for chunk in _chunks(articles, max(WORKER_BATCH, WORKER_CHUNK), tail, reserve):
            if pool is None:  # only once there is an article to code
                resources.gazetteer.build_indexes()  # shared by the workers, not built in each
                prepare(resources)
                pool = _Pool(resources, workers)
            inflight.append(pool.submit(chunk))
            while len(inflight) >= 2 * workers:  # enough queued to keep every worker busy
                yield from _collect(pool, inflight.popleft(), clock)
        while inflight and pool is not None:
            yield from _collect(pool, inflight.popleft(), clock)
    finally:
        if pool is not None:
            pool.close()


def _collect(pool: _Pool, task: _Task, clock: StageClock | None) -> Iterator[Document | Skip]:
    try:
        if clock is None:
            items = task.future.result()
        else:
            with clock.stage("workers"):
                items = task.future.result()
    except NewsEventsError:
        raise
    except Exception as e:  # a worker died (BrokenProcessPool) or its task raised
        if isinstance(e, BrokenProcessPool):
            pool.replace(task.executor)
        yield from _one_by_one(pool, task.chunk)
        return
    yield from items


def _one_by_one(pool: _Pool, chunk: list[Article]) -> Iterator[Document | Skip]:
    """Run a failed chunk again, each article alone in the pool, so a failure is its own.
    A worker that dies is replaced and the article tried once more, alone in the new pool
    (the first death may have been another task's): dying twice makes it a Skip."""
    for article in chunk:
        for attempt in (1, 2):
            task = pool.submit([article])
            try:
                items = task.future.result()
            except NewsEventsError:
                raise
            except BrokenProcessPool:
                pool.replace(task.executor)
                items = [Skip(article.source, "analysis failed: the worker process died on it")]
                if attempt == 1:
                    continue
            except Exception as e:
                items = [Skip(article.source, f"analysis failed in a worker: {_error(e)}")]
            break
        yield from items


def prepare(resources: Resources) -> None:
    """Load what the resources load lazily (the gazetteer's city index, ~1.5 s of CPU), then
    put every object alive (the resources above all) out of the garbage collector's sight.

    Called before the first article is coded (in one process) or before workers fork (they
    share the index). The collector's full passes would otherwise walk the hundreds of
    thousands of objects of the loaded resources each time (~0.3 s a pass on the bench), and
    in a forked worker touch their pages, which copy-on-write then copies (``gc.freeze``
    exists for this). Objects freed by reference counting are freed as before; only what is
    alive now is never collected as a cycle. The bench calls this while loading."""
    resources.gazetteer.cities  # noqa: B018 - a cached property: reading it builds it
    gc.collect()
    gc.freeze()
