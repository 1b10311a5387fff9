"""Workbench latency under load: 50 concurrent clients for 10 s against >= 10,000 events.

    .venv/bin/python scripts/bench_web.py [--mentions 24000] [--clients 50] [--seconds 10]
                                          [--no-cache]

Builds (once, cached in out/bench-web.db) a store from merge.synthetic's generated mentions,
starts ``newsevents serve`` on a free port in its own process, then for each target runs
``--clients`` keep-alive HTTP/1.1 clients in one asyncio loop, each sending its next request as
soon as the last one is answered, and prints p50/p95/p99 latency and throughput. The /api/events
target cycles through different filters and pages so it is not one cached answer. This is a
benchmark, not a test: it asserts nothing and its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from newsevents import api
from newsevents.merge.synthetic import synthetic_mentions
from newsevents.model import Document
from newsevents.store import Store

ROOT = Path(__file__).resolve().parent.parent


def build_store(db: Path, n_mentions: int) -> int:
    """A store of synthetic mentions, merged; returns the number of merged events."""
    if not db.exists():
        tmp = db.with_suffix(".tmp.db")
        tmp.unlink(missing_ok=True)
        articles, mentions = synthetic_mentions(n_mentions, seed=7)
        by_article: dict[str, list] = {}
        for m in mentions:
            by_article.setdefault(m.article_id, []).append(m)
        with Store(tmp) as store:
            for a in articles:
                events = by_article.get(a.id, [])
                doc = Document(a, sentences=[m.sentence for m in events], events=events)
                store.save_document(doc)
        api.merge_db(tmp)
        tmp.rename(db)
    with Store(db, readonly=True) as store:
        return store.counts()["events"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    chunked = False
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
        if name.lower() == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def client(port: int, paths: list[str], until: float, out: list[float], errors: list[int]):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    rng = random.Random(id(out) ^ len(out))
    try:
        while time.perf_counter() < until:
            path = rng.choice(paths)
            t0 = time.perf_counter()
            status = await fetch(reader, writer, path)
            out.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(status)
    finally:
        writer.close()


async def load(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[int] = []
    until = time.perf_counter() + seconds
    t0 = time.perf_counter()
    await asyncio.gather(*(client(port, paths, until, latencies, errors) for _ in range(clients)))
    elapsed = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "rps": len(latencies) / elapsed,
        "p50": q[49] * 1000,
        "p95": q[94] * 1000,
        "p99": q[98] * 1000,
    }


def event_paths() -> list[str]:
    filters = ["", "type=ASSAULT", "type=PROTEST,COERCE", "actor=QAB", "recipient=QAC",
               "party=QAD&factuality=factual", "date_from=2020-06&date_to=2020-09",
               "q=topic12", "outlet=Outlet%203", "min_sources=3", "sort=-intensity",
               "place=City1"]  # fmt: skip
    return [f"/api/events?limit=50&{f}" for f in filters]


def overview_paths() -> list[str]:
    return ["/", "/?interval=week", "/?type=ASSAULT", "/?actor=QAB", "/?factuality=factual"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=24_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--db", type=Path, default=ROOT / "out" / "bench-web.db")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="serve with NEWSEVENTS_WEB_CACHE=0 (every answer computed)",
    )
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    n_events = build_store(args.db, args.mentions)
    print(f"store: {args.db} with {n_events} merged events ({time.perf_counter() - t0:.1f} s)")
    port = free_port()
    cmd = [sys.executable, "-m", "newsevents.cli", "serve", "--db", str(args.db),
           "--port", str(port)]  # fmt: skip
    env = {**os.environ, "NEWSEVENTS_WEB_CACHE": "0" if args.no_cache else "1"}
    server = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, env=env)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=30)
                break
            except OSError:
                time.sleep(0.1)
        targets = {"/api/events (12 filters, limit 50)": event_paths(),
                   "overview / (5 variants)": overview_paths()}  # fmt: skip
        cache = "off" if args.no_cache else "on"
        print(
            f"{args.clients} concurrent clients, {args.seconds:.0f} s per target, cache {cache}\n"
        )
        print("| target | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, paths in targets.items():
            r = asyncio.run(load(port, paths, args.clients, args.seconds))
            print(
                f"| {name} | {r['requests']:.0f} | {r['rps']:.0f} | {r['p50']:.0f} | "
                f"{r['p95']:.0f} | {r['p99']:.0f} | {r['errors']:.0f} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
