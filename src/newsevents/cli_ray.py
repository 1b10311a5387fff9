"""The CLI's side of the Ray engine: ``analyze --engine ray`` and ``merge --from-parquet``
(a thin layer over :mod:`newsevents.distributed`, kept out of ``cli.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from . import distributed
from .cli_support import cell, oneline


def analyze_on_ray(
    err: Console,
    paths: Sequence[str],
    out: Path,
    *,
    db: Path | None,
    address: str | None,
    workers: int,
    published: str | None,
    outlet: str | None,
    model: str,
    codebook: Sequence[Path],
    actors: Sequence[Path],
    do_merge: bool,
    learned: bool = True,
) -> None:
    """Code ``paths`` on Ray into shards at ``out``; with ``db``, store them and merge."""
    distributed.require_ray()  # the install hint before anything is read
    distributed.check_out(out)
    where = f"the Ray cluster at {address}" if address else "a local Ray instance"
    err.print(cell(f"coding on {where} with {workers} worker(s) ..."))
    s = distributed.analyze_ray(
        list(paths),
        out,
        address=address,
        workers=workers,
        published=published,
        outlet=outlet,
        model=model,
        codebook=codebook,
        actors=actors,
        learned=learned,
        progress_bars=err.is_terminal,
    )
    err.print(
        cell(
            f"read {s.inputs} input file(s): {s.articles} article(s) coded, "
            f"{len(s.skipped)} skipped; {s.events} event mention(s), {s.quotes} quote(s) "
            f"in {s.seconds:.1f} s -> {oneline(str(out))} ({s.partitions} date partition(s))"
        )
    )
    for skip in s.skipped:
        err.print(cell(f"  skipped {oneline(skip.source)}: {oneline(skip.reason)}"))
    if db is None or not do_merge:
        err.print(cell(f"next: newsevents merge --from-parquet {oneline(str(out))} --db DB"))
    else:
        merge_shards(err, db, out, None)


def merge_shards(err: Console, db: Path, root: Path, config: Any) -> None:
    """Store the shards' articles in ``db`` and rebuild the merge; print what happened."""
    s = distributed.merge_parquet(db, root, config)
    err.print(
        cell(
            f"stored {s.articles} article(s) from {oneline(str(root))} ({s.already} already "
            f"in the database, {s.skipped} skip(s) recorded); {s.events} event mention(s)"
        )
    )
    if s.result is not None:
        click.echo(f"{len(s.result.events)} event(s) in {len(s.result.stories)} story(ies)")
