"""Local engine vs the Ray engine on N generated articles: throughput and peak memory.

    .venv/bin/python scripts/bench_ray.py --articles 1000 [--workers 1,2] [--json out.json]

The articles come from the generator ``make bench`` uses (``newsevents.bench.make_corpus``),
written as files with a front-matter header, their publication dates spread over 30 days
(so the shards have 30 date partitions). Each configuration runs in its own child process:

* ``local -w K``: ``api.analyze(..., workers=K, do_merge=False)`` (K spaCy processes), then
  ``api.merge_db``;
* ``ray -w K``: ``distributed.analyze_ray(..., workers=K)`` on a local Ray instance it starts
  (K actors), then ``distributed.merge_parquet`` (store the shards, then the same merge).

Times are wall-clock and include loading the pipeline (and, for Ray, starting it). Memory is
the peak, sampled every 0.25 s, of the proportional set size (PSS: shared pages divided among
the processes sharing them) summed over the child and every process under it (Ray's raylet,
GCS and workers included). One run each, not a timed test; the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from newsevents.bench import make_corpus


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, ()))
    return out


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total / 1024


class PeakSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.25):
            self.peak = max(self.peak, _pss_mb(_tree(self.pid)))


def _local(folder: str, workers: int, queue: Any) -> None:
    from newsevents import api

    db = Path(folder).parent / f"local{workers}.db"
    start = time.perf_counter()
    summary = api.analyze([folder], db, workers=workers, do_merge=False)
    coded = time.perf_counter() - start
    result = api.merge_db(db)
    queue.put(
        {
            "code_seconds": coded,
            "total_seconds": time.perf_counter() - start,
            "articles": summary.stored,
            "mentions": summary.events,
            "events": sorted(e.id for e in result.events),
        }
    )


def _ray(folder: str, workers: int, queue: Any) -> None:
    from newsevents import distributed

    base = Path(folder).parent
    start = time.perf_counter()
    summary = distributed.analyze_ray([folder], base / f"shards{workers}", workers=workers)
    coded = time.perf_counter() - start
    merged = distributed.merge_parquet(base / f"ray{workers}.db", base / f"shards{workers}")
    assert merged.result is not None
    queue.put(
        {
            "code_seconds": coded,
            "total_seconds": time.perf_counter() - start,
            "articles": summary.articles,
            "mentions": summary.events,
            "partitions": summary.partitions,
            "events": sorted(e.id for e in merged.result.events),
        }
    )


def _measure(target: Any, folder: str, workers: int) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(folder, workers, queue))
    proc.start()
    assert proc.pid is not None
    sampler = PeakSampler(proc.pid)
    sampler.start()
    result: dict[str, Any] = queue.get()
    proc.join()
    sampler.done.set()
    sampler.join()
    result["peak_pss_mb"] = sampler.peak
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    texts = make_corpus(args.articles)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        for i, text in enumerate(texts):
            meta = (
                f"title: Bench {i}\noutlet: Bench Wire {i % 4}\npublished: 2021-06-{1 + i % 30:02d}"
            )
            header = f"---\n{meta}\n---\n"
            (folder / f"a{i:05d}.txt").write_text(header + text, encoding="utf-8")
        for engine in args.engines.split(","):
            for workers in (int(w) for w in args.workers.split(",")):
                target = _local if engine == "local" else _ray
                r = _measure(target, str(folder), workers)
                r |= {"engine": engine, "workers": workers}
                rows.append(r)
                print(
                    f"{engine:5} -w {workers}: code {r['code_seconds']:7.1f} s "
                    f"({r['articles'] / r['code_seconds']:5.1f} articles/s), with store + merge "
                    f"{r['total_seconds']:7.1f} s; peak PSS {r['peak_pss_mb']:6.0f} MB; "
                    f"{r['mentions']} mentions, {len(r['events'])} events",
                    flush=True,
                )
    same = len({tuple(r["events"]) for r in rows}) == 1
    print(f"{args.articles} articles; every configuration gave the same event ids: {same}")
    if args.json:
        for r in rows:
            r["events"] = len(r["events"])
        args.json.write_text(json.dumps({"articles": args.articles, "rows": rows}, indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
