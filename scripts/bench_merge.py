"""Merge at scale: a million synthetic mentions by date windows, and an incremental update.

    python scripts/bench_merge.py                      # both parts (make bench-merge)
    python scripts/bench_merge.py --mentions 100000 --store-events 20000   # smaller

1. ``merge_windows`` over ``--mentions`` generated mentions (``merge.synthetic``: stories of a
   few events told by several outlets over two years), its events handed run by run to a
   sink that counts them (not gathered in memory): seconds of the merge alone
   (generation not counted), peak RSS of the process (inputs included) and of the largest
   worker, windows, runs, disagreements re-merged.
2. A store of about ``--store-events`` merged events (generated articles written with
   ``Store.save_document`` and merged), then the newest ``--new-articles`` generated articles
   added (a new day's news: the articles published last) and merged the way ``analyze``
   does (``api._merge_store(..., incremental=True)``): seconds, windows touched of all
   windows, events whose id (and stored row) did not change, kept events only relabelled
   (their story gained an article); then (printed on its own line, after the figures)
   whether the clusters equal a merge from scratch.

A figure, never a test: each part runs in its own process so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _cpu() -> float:
    """CPU seconds of this process and its finished children (a busy machine stretches the
    wall clock, not this)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _windowed(n: int, window_days: int, workers: int, queue: Any) -> None:
    from newsevents.merge import merge_windows, synthetic

    start = time.perf_counter()
    articles, mentions = synthetic.synthetic_mentions(n)
    generated = time.perf_counter() - start
    inputs_mb = _peak_mb()
    events = [0, 0]  # events, their mentions: the merge hands them on run by run (a sink)

    def count(batch: list[Any]) -> None:
        events[0] += len(batch)
        events[1] += sum(len(e.mention_ids) for e in batch)

    start, cpu = time.perf_counter(), _cpu()
    result, plan = merge_windows(
        articles, mentions, window_days=window_days, workers=workers, sink=count
    )
    cpu = _cpu() - cpu
    queue.put(
        {
            "mentions": len(mentions),
            "articles": len(articles),
            "events": events[0],
            "mentions_in_events": events[1],
            "stories": len(result.stories),
            "generate_seconds": round(generated, 1),
            "merge_seconds": round(time.perf_counter() - start, 1),
            "merge_cpu_seconds": round(cpu, 1),
            "inputs_peak_mb": round(inputs_mb),
            "peak_mb": round(_peak_mb()),
            "largest_worker_peak_mb": round(_peak_mb(resource.RUSAGE_CHILDREN)),
            "window_days": plan.window_days,
            "windows": plan.windows,
            "runs": plan.runs,
            "re_merged_disagreements": plan.widened,
            "largest_run_mentions": plan.largest_run,
            "split_stories": plan.split_stories,
            "workers": workers,
        }
    )


def _incremental(events: int, new: int, scratch_check: bool, queue: Any) -> None:
    from newsevents import api
    from newsevents import merge as merge_api
    from newsevents.merge import merge, synthetic
    from newsevents.model import Document
    from newsevents.store import Store

    # about 2.15 mentions per merged event in the generated corpus
    articles, mentions = synthetic.synthetic_mentions(int(events * 2.15))
    by_article: dict[str, list[Any]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    ordered = sorted(articles, key=lambda a: (a.published or "", a.id))
    old, fresh = ordered[:-new], ordered[-new:]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            start = time.perf_counter()
            for a in old:
                store.save_document(Document(a, events=by_article.get(a.id, [])))
            write = time.perf_counter() - start
            start = time.perf_counter()
            assert api._merge_store(store) is not None
            full = time.perf_counter() - start
            before = {r[0]: r[1] for r in store.conn.execute("SELECT id, data FROM events")}
            for a in fresh:
                store.save_document(Document(a, events=by_article.get(a.id, [])))
            # the update analyze computes, kept for its window counts (not computed twice)
            updates: list[Any] = []
            plain = merge_api.merge_incremental

            def spy(*args: Any, **kwargs: Any) -> Any:
                updates.append(plain(*args, **kwargs))
                return updates[-1]

            merge_api.merge_incremental = spy  # type: ignore[assignment]
            start, cpu = time.perf_counter(), _cpu()
            got = api._merge_store(store, incremental=True)
            seconds, cpu = time.perf_counter() - start, _cpu() - cpu
            merge_api.merge_incremental = plain  # type: ignore[assignment]
            assert got is not None
            after = {r[0]: r[1] for r in store.conn.execute("SELECT id, data FROM events")}
    update = updates[-1]
    queue.put(
        {
            "stored_articles": len(old),
            "stored_events": len(before),
            "new_articles": len(fresh),
            "new_mentions": sum(len(by_article.get(a.id, [])) for a in fresh),
            "new_published": f"{fresh[0].published}..{fresh[-1].published}",
            "stored_published": f"{old[0].published}..{old[-1].published}",
            "write_seconds": round(write, 1),
            "full_merge_seconds": round(full, 1),
            "incremental_seconds": round(seconds, 1),
            "incremental_cpu_seconds": round(cpu, 1),
            "events_after": len(after),
            "unchanged_ids": len(before.keys() & after.keys()),
            "unchanged_rows": sum(1 for k, v in before.items() if after.get(k) == v),
            "windows": update.windows,
            "windows_touched": update.windows_touched,
            "relabelled_events": update.relabelled,
            "events_rewritten": len(update.events_added),
            "peak_mb": round(_peak_mb()),
        }
    )
    if not scratch_check:
        return
    # then the check (its whole-corpus merge is not part of the figures above)
    scratch = {frozenset(e.mention_ids) for e in merge(articles, mentions).events}
    mine = {frozenset(e.mention_ids) for e in got.events}
    queue.put(
        {
            "same_clusters_as_scratch": mine == scratch,
            "events_also_from_scratch": len(mine & scratch),
            "events": len(mine),
        }
    )


def _child(target: Any, *args: Any, parts: int = 1) -> dict[str, Any]:
    """``target`` in a child process; its ``parts`` results, each printed as it comes."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    out: dict[str, Any] = {}
    for _ in range(parts):
        part = queue.get()
        print(json.dumps({target.__name__.strip("_"): part}), flush=True)
        out.update(part)
    proc.join()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--window-days", type=int, default=91)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--store-events", type=int, default=100_000)
    parser.add_argument("--new-articles", type=int, default=1000)
    parser.add_argument(
        "--no-scratch", action="store_true", help="no merge from scratch to compare with"
    )
    parser.add_argument("--skip", choices=["windowed", "incremental"], action="append", default=[])
    args = parser.parse_args(argv)
    out: dict[str, Any] = {}
    if "windowed" not in args.skip:
        out["windowed"] = _child(_windowed, args.mentions, args.window_days, args.workers)
    if "incremental" not in args.skip:
        out["incremental"] = _child(
            _incremental,
            args.store_events,
            args.new_articles,
            not args.no_scratch,
            parts=1 if args.no_scratch else 2,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
