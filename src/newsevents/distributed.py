"""The Ray engine: ``analyze PATH... --engine ray --out DIR`` and ``merge --from-parquet DIR``.

The per-article stages (read, clean, parse, code) are a pure function of the article and the
loaded :class:`~newsevents.pipeline.Resources` (see :mod:`newsevents.api`), so they run on
Ray Data: the input files are sharded with ``ray.data.from_items``, and ``map_batches`` runs
them on a fixed pool of ``workers`` actors (``ActorPoolStrategy``), each loading the spaCy
pipeline and the codebooks once. The coded articles, mentions and quotes are written as
Parquet partitioned by publication date (:mod:`newsevents.shards`); ``merge_parquet`` reads
the shards into a store and runs the ordinary merge (:func:`newsevents.api.merge_db`), so a
cluster run and a local run give the same database.

Ray is an optional extra (``pip install 'newsevents[ray]'``); without it the engine raises a
one-line ConfigError saying so. Nothing here prints.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import api, ingest, nlp, shards
from .errors import ConfigError, NewsEventsError
from .ingest.paths import visible_files
from .model import Document, MergeResult, Skip
from .pipeline import Resources, load_resources
from .store import Store

INSTALL_HINT = "pip install 'newsevents[ray]'"
#: input files per ``map_batches`` batch (one actor call); small, as an article is slow
BATCH_SIZE = 8


def require_ray() -> Any:
    """The ``ray`` module with Ray Data, or a one-line ConfigError saying how to install it."""
    try:
        ray = importlib.import_module("ray")
        importlib.import_module("ray.data")
        importlib.import_module("pyarrow")
    except ImportError:
        raise ConfigError(f"--engine ray needs Ray Data: {INSTALL_HINT}") from None
    return ray


# --- the per-article function, as the workers run it ----------------------------------


def code_inputs(
    paths: Sequence[str],
    resources: Resources,
    *,
    published: str | None = None,
    outlet: str | None = None,
) -> Iterator[Document | Skip]:
    """Read, clean, parse and code the inputs at ``paths``: a coded Document per article, a
    Skip per input that gives none (as ``api.analyze`` does, without a store)."""
    articles = ingest.iter_inputs(paths, published=published, outlet=outlet)
    skips: list[Skip] = []

    def readable() -> Iterator[Any]:
        for item in articles:
            if isinstance(item, Skip):
                skips.append(item)
            else:
                yield item

    for doc in nlp.parse_articles(readable(), resources.nlp):
        yield from _drain(skips)
        if isinstance(doc, Skip):
            yield doc
            continue
        try:
            yield api.process_document(doc, resources)
        except NewsEventsError:
            raise
        except Exception as e:  # a coder bug on one article must not lose the batch
            detail = " ".join(str(e).split())[:200]
            yield Skip(doc.article.source, f"analysis failed: {type(e).__name__}: {detail}")
    yield from _drain(skips)


def _drain(skips: list[Skip]) -> Iterator[Skip]:
    while skips:
        yield skips.pop(0)


@dataclass(frozen=True)
class Settings:
    """What every worker needs to code an input the way the local engine would."""

    model: str = nlp.DEFAULT_MODEL
    codebook: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    published: str | None = None
    outlet: str | None = None
    learned: bool = True  # False: the rules alone (--no-model)
    #: the driver's working directory: relative input paths are read from there (on a
    #: cluster, a shared filesystem mounted at the same path), so sources read as given
    cwd: str | None = None


class Coder:
    """The stateful ``map_batches`` callable: loads the resources once per actor, then codes
    each batch of input paths into ``documents`` rows (:func:`shards.documents_table`).
    ``settings`` is a class attribute (see :func:`coder_class`): Ray Data would keep
    constructor arguments in the object store and warn that actor restarts depend on them."""

    settings: Settings = Settings()

    def __init__(self) -> None:
        s = self.settings
        if s.cwd and os.path.isdir(s.cwd):
            os.chdir(s.cwd)
        paths = (tuple(map(Path, s.codebook)), tuple(map(Path, s.actors)))
        self.resources = load_resources(s.model, *paths, learned=s.learned)

    def __call__(self, batch: dict[str, Any]) -> Any:
        paths = [str(p) for p in batch["path"]]
        s = self.settings
        items = code_inputs(paths, self.resources, published=s.published, outlet=s.outlet)
        return shards.documents_table(items)


def coder_class(settings: Settings) -> type[Coder]:
    """A :class:`Coder` subclass carrying ``settings`` (pickled by value with the class)."""
    return type("Coder", (Coder,), {"settings": settings, "__module__": __name__})


# --- the driver ----------------------------------------------------------------------


def input_shards(paths: Sequence[str]) -> list[str]:
    """The work items: every file under the given paths (directories walked as ``analyze``
    walks them). A path that is not a directory of files stays one item, so the worker that
    reads it records its skip (missing, unreadable, empty directory)."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            raise ConfigError("--engine ray reads files, not standard input: save it to a file")
        path = Path(p)
        files = [str(f) for f in visible_files(path)] if path.is_dir() else []
        out += files or [p]
    return out


@dataclass
class RaySummary:
    out: Path
    inputs: int = 0  # work items (files)
    articles: int = 0
    events: int = 0
    quotes: int = 0
    skipped: list[Skip] = field(default_factory=list)
    partitions: int = 0
    workers: int = 1
    seconds: float = 0.0


def analyze_ray(
    paths: Sequence[str],
    out: str | Path,
    *,
    address: str | None = None,
    workers: int = 1,
    published: str | None = None,
    outlet: str | None = None,
    model: str = nlp.DEFAULT_MODEL,
    codebook: Sequence[Path] = (),
    actors: Sequence[Path] = (),
    learned: bool = True,
    batch_size: int = BATCH_SIZE,
    num_cpus: int | None = None,
    progress_bars: bool = False,
) -> RaySummary:
    """Code the inputs on Ray (``address``: a running cluster such as ``"auto"``; None
    starts a local instance with ``num_cpus``, default one more than ``workers``) and write
    the shards to ``out`` (a new or empty directory). ``progress_bars``: Ray Data's own, on
    stderr (for a terminal). ``learned=False`` codes with the rules alone (``--no-model``)."""
    ray = require_ray()
    target = check_out(out).resolve()  # written by Ray tasks, which may run elsewhere
    items = input_shards(paths)
    if codebook or actors:  # a bad file is one line here, not an actor dying on every node
        load_resources(model, codebook, actors)
    settings = Settings(
        model=model,
        codebook=tuple(str(Path(p).resolve()) for p in codebook),
        actors=tuple(str(Path(p).resolve()) for p in actors),
        published=published,
        outlet=outlet,
        learned=learned,
        cwd=os.getcwd(),
    )
    started = time.perf_counter()
    own = _connect(ray, address, num_cpus or max(os.cpu_count() or 1, workers + 1))
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = progress_bars
        context.print_on_execution_start = False
        summary = _run(ray, items, target, settings, workers, batch_size)
    except ray.exceptions.RayError as e:  # a worker died, a node was lost, ...
        raise NewsEventsError(f"the Ray job failed: {_last_line(e)}") from e
    finally:
        if own:
            ray.shutdown()
    summary.seconds = time.perf_counter() - started
    return summary


def check_out(out: str | Path) -> Path:
    """``out`` if it is a new or empty directory (shards are never mixed with older ones)."""
    target = Path(out)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError(f"--out {target} is not a new or empty directory; give another")
    return target


def _connect(ray: Any, address: str | None, cpus: int) -> bool:
    """Join the cluster at ``address`` (or start a local Ray); True if this call started it."""
    # Ray's info lines (and the note that progress bars are off) are not the user's business
    for name in ("ray", "ray.data", "ray.data._internal.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if ray.is_initialized():
        return False
    kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    kwargs["logging_level"] = logging.ERROR
    if address is None:
        kwargs["num_cpus"] = cpus
    try:
        ray.init(address=address, **kwargs)
    except ConnectionError as e:
        raise ConfigError(f"cannot reach the Ray cluster at {address}: {_one_line(e)}") from e
    return True


def _run(
    ray: Any, items: list[str], out: Path, settings: Settings, workers: int, batch_size: int
) -> RaySummary:
    coded = (
        ray.data.from_items([{"path": p} for p in items])
        .map_batches(
            coder_class(settings),
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_size=batch_size,
            batch_format="numpy",
            num_cpus=1,
        )
        .materialize()
    )
    writers: tuple[tuple[str, Callable[[Any], Any]], ...] = (
        ("articles", shards.articles_table),
        ("mentions", shards.mentions_table),
        ("quotes", shards.quotes_table),
    )
    for name, table in writers:
        coded.map_batches(table, batch_format="pyarrow").write_parquet(
            str(out / name), partition_cols=[shards.PARTITION]
        )
    coded.map_batches(shards.skips_table, batch_format="pyarrow").write_parquet(str(out / "skips"))
    stats = coded.select_columns(["kind", "source", "reason", "n_events", "n_quotes"]).take_all()
    summary = RaySummary(out=out, inputs=len(items), workers=workers)
    for row in stats:
        if row["kind"] == "skip":
            summary.skipped.append(Skip(row["source"], row["reason"]))
        else:
            summary.articles += 1
            summary.events += int(row["n_events"])
            summary.quotes += int(row["n_quotes"])
    summary.partitions = len(shards.partitions(out)) if summary.articles else 0
    return summary


# --- merge from the shards ------------------------------------------------------------


@dataclass
class ImportSummary:
    run_id: int
    articles: int = 0  # stored now
    already: int = 0  # already in the store (a report is added when its source is new)
    skipped: int = 0
    events: int = 0  # event mentions stored now
    result: MergeResult | None = None


def merge_parquet(db: str | Path, root: str | Path, config: Any = None) -> ImportSummary:
    """Store the coded articles of the shards under ``root`` in ``db`` (articles already
    there are kept, as ``analyze`` keeps them), record the skips, then rebuild the merge
    with :func:`newsevents.api.merge_db`."""
    if not Path(root).is_dir():
        raise ConfigError(f"--from-parquet {root}: no such directory")
    shards.partitions(root)  # a one-line error for a folder that holds no shards
    with Store(db) as store:
        run_id = store.start_run("merge", {"from_parquet": str(root)})
        summary = ImportSummary(run_id=run_id)
        status = "failed"
        try:
            for doc in shards.read_documents(root):
                if store.save_document(doc, run_id):
                    summary.articles += 1
                    summary.events += len(doc.events)
                else:
                    summary.already += 1
                    store.add_report(doc.article, run_id)
            for skip in shards.read_skips(root):
                store.record_skip(skip, run_id)
                summary.skipped += 1
            status = "done"
        finally:
            store.finish_run(
                run_id,
                status=status,
                read=summary.articles + summary.already + summary.skipped,
                stored=summary.articles,
                skipped=summary.skipped,
                events=summary.events,
            )
    summary.result = api.merge_db(db, config)
    return summary


def _one_line(e: object) -> str:
    return " ".join(str(e).split())[:200]


def _last_line(e: object) -> str:
    """The last line of a Ray error (the worker's own exception), without terminal colours."""
    lines = [line for line in re.sub(r"\x1b\[[0-9;]*m", "", str(e)).splitlines() if line.strip()]
    return _one_line(lines[-1] if lines else type(e).__name__)


__all__ = [
    "Coder",
    "ImportSummary",
    "RaySummary",
    "Settings",
    "analyze_ray",
    "code_inputs",
    "input_shards",
    "merge_parquet",
    "require_ray",
]
