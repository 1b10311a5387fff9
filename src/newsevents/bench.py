"""``make bench``: speed and memory as ratios measured in one run (never a timed test).

It generates a corpus of news-like articles (templates written for this benchmark, filled at
random with a fixed seed), then measures in separate child processes, so each peak RSS is its
own: (1) a bare spaCy parse of the texts, (2) the full pipeline (ingest -> parse -> extract ->
resolve -> store -> merge) into a temporary SQLite file, with each stage's CPU and wall
seconds; in (2) it also times the coding part alone (extract + resolve over already parsed
documents) against the parse; (3) the full pipeline with ``--workers`` processes. Finally it
merges a synthetic set of 100k event mentions.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

COUNTRIES = [
    ("France", "French", "Paris"), ("Kenya", "Kenyan", "Nairobi"), ("Peru", "Peruvian", "Lima"),
    ("Turkey", "Turkish", "Ankara"), ("India", "Indian", "New Delhi"),
    ("Mexico", "Mexican", "Mexico City"), ("Nigeria", "Nigerian", "Abuja"),
    ("Germany", "German", "Berlin"), ("Egypt", "Egyptian", "Cairo"),
    ("Brazil", "Brazilian", "Brasilia"), ("Japan", "Japanese", "Tokyo"),
    ("Poland", "Polish", "Warsaw"),
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{A}'s foreign minister met his {b} counterpart in {capA} on {day} to discuss trade.",
    "{B} accused {A} of violating the ceasefire along the border.",
    "Police in {capA} arrested {n} protesters on {day} after clashes near the parliament.",
    "{A} imposed new sanctions on {B} on {day}, freezing the assets of several officials.",
    "{a} troops shelled rebel positions near the border, killing at least {n} fighters.",
    "Thousands of people marched in {capB} on {day} to demand the resignation of the government.",
    "The {b} government said it would send humanitarian aid to {A} after the floods.",
    "{A} and {B} signed an agreement on {day} to expand cooperation on energy.",
    "{B} threatened to retaliate if {A} deployed more troops to the region.",
    "The president of {A} could visit {capB} next month, officials said.",
    "{a} officials denied that the army had attacked the village.",
    "Prices of food rose sharply in {capA} last month, the statistics office said.",
    "{B} rejected the proposal and withdrew its ambassador from {capA} on {day}.",
    "The United Nations urged {A} and {B} to resume negotiations.",
]


def make_corpus(n_articles: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n_articles):
        paras = []
        for _ in range(rng.randint(8, 16)):
            (A, a, capA), (B, b, capB) = rng.sample(COUNTRIES, 2)
            template = rng.choice(TEMPLATES)
            paras.append(
                template.format(
                    A=A,
                    a=a,
                    capA=capA,
                    B=B,
                    b=b,
                    capB=capB,
                    day=rng.choice(WEEKDAYS),
                    n=rng.randint(2, 60),
                )
            )
        texts.append("\n\n".join(paras))
    return texts


def _peak_mb() -> float:
    # ru_maxrss is KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _bare_parse(texts: list[str], model: str, repeat: int, queue: Any) -> None:
    from .nlp import load_pipeline

    nlp = load_pipeline(model)
    nlp("warm up")
    best: dict[str, float] = {}
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        _keep_best(best, time.perf_counter() - wall, time.process_time() - cpu)
    queue.put({**best, "peak_mb": _peak_mb()})


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the worker processes of a run)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _keep_best(best: dict[str, float], wall: float, cpu: float) -> None:
    if not best or wall < best["seconds"]:
        best["seconds"] = wall
    if "cpu_seconds" not in best or cpu < best["cpu_seconds"]:
        best["cpu_seconds"] = cpu


#: The per-article stages and pipeline components, grouped as the bench reports them.
STAGE_GROUPS = {
    "ingest": ("ingest",),
    "parse": ("parse",),
    "extract": ("events", "calls", "model", "quotes"),
    "resolve": ("publication", "times", "actors", "dates", "places"),
    "workers (parse + extract + resolve)": ("workers",),
    "store": ("store",),
    "merge: read mentions, save events": ("merge: store",),
    "merge": ("merge",),
}


def _full_pipeline(
    folder: str, texts: list[str], model: str, workers: int, repeat: int, queue: Any
) -> None:
    from . import api, nlp, runner
    from .ingest import article_from_text
    from .ingest.language import warm_up
    from .model import Document

    wall, cpu = time.perf_counter(), time.process_time()
    res = api.load_resources(model)
    res.nlp("warm up")
    runner.prepare(res)
    warm_up()
    load = {"seconds": time.perf_counter() - wall, "cpu_seconds": time.process_time() - cpu}
    best: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as out:
        for attempt in range(repeat):
            clock = runner.StageClock()
            wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
            summary = api.analyze(
                [folder], Path(out) / f"bench{attempt}.db", resources=res, workers=workers,
                clock=clock,
            )  # fmt: skip
            seconds = time.perf_counter() - wall
            workers_cpu = _children_cpu() - children
            if not best or seconds < best["seconds"]:
                best = {
                    "seconds": seconds,
                    "cpu_seconds": time.process_time() - cpu,
                    "workers_cpu_seconds": workers_cpu,
                    "stage_wall": dict(clock.wall),
                    "stage_cpu": dict(clock.cpu),
                    "stored": summary.stored,
                    "mentions": summary.events,
                    "events": summary.merged_events,
                }
    result = {**best, "workers": workers, "load": load, "peak_mb": _peak_mb()}
    if workers > 1:
        queue.put(result)
        return
    # The coding share alone: parse once, then time extract + resolve over the parsed docs.
    articles = [article_from_text(t, source=f"bench{i}", published="2021-06-01") for i, t in
                enumerate(texts)]  # fmt: skip
    start, cpu = time.perf_counter(), time.process_time()
    docs = [d for d in nlp.parse_articles(articles, res.nlp) if isinstance(d, Document)]
    parse, parse_cpu = time.perf_counter() - start, time.process_time() - cpu
    stages: dict[str, float] = {}
    pipeline = api.Pipeline(res).timed(stages)
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        pipeline(doc)
    coding, coding_cpu = time.perf_counter() - start, time.process_time() - cpu
    queue.put(
        {
            **result,
            "parse_seconds": parse,
            "coding_seconds": coding,
            # CPU too: on a shared machine the wall-clock share says more of the load than of us
            "parse_cpu_seconds": parse_cpu,
            "coding_cpu_seconds": coding_cpu,
            "stage_seconds": stages,
        }
    )


def _merge_bench(n: int, queue: Any) -> None:
    try:
        from .merge import synthetic
    except ImportError:
        queue.put(None)
        return
    from .merge import merge

    articles, mentions = synthetic.synthetic_mentions(n)
    start = time.perf_counter()
    result = merge(articles, mentions)
    queue.put(
        {
            "seconds": time.perf_counter() - start,
            "mentions": len(mentions),
            "events": len(result.events),
            "peak_mb": _peak_mb(),
        }
    )


def long_article(n_sentences: int, seed: int = 1) -> str:
    """One article of ``n_sentences`` template sentences, four to a paragraph."""
    texts = make_corpus(1 + n_sentences // 8, seed)
    sentences = [s for t in texts for s in t.split("\n\n")][:n_sentences]
    return "\n\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))


def _scaling(n_sentences: int, model: str, queue: Any) -> None:
    from . import api, nlp
    from .ingest import article_from_text
    from .model import Document

    res = api.load_resources(model)
    res.nlp("warm up")
    text = long_article(n_sentences)
    article = article_from_text(text, source="long", published="2021-06-01", clean=False)
    start = time.perf_counter()
    (doc,) = nlp.parse_articles([article], res.nlp)
    parse = time.perf_counter() - start
    assert isinstance(doc, Document), doc
    api.process_document(doc, res)
    queue.put(
        {
            "sentences": n_sentences,
            "chars": len(text),
            "parse_seconds": parse,
            "seconds": time.perf_counter() - start,
            "peak_mb": _peak_mb(),
        }
    )


def _child(target: Any, *args: Any) -> Any:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


#: Article lengths (sentences) of the scaling measurement: each twice or more the one before.
SCALING = (1000, 2500, 5000)


def run(
    n_articles: int = 120,
    model: str | None = None,
    merge_mentions: int = 100_000,
    scaling: tuple[int, ...] = SCALING,
    workers: int = 2,
    repeat: int = 1,
) -> dict:
    from .nlp import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    if n_articles <= 0:
        return {"scaling": [_child(_scaling, n, model) for n in scaling]}
    texts = make_corpus(n_articles)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        for i, text in enumerate(texts):
            header = (
                f"---\ntitle: Bench {i}\noutlet: Bench Wire {i % 4}\npublished: 2021-06-01\n---\n"
            )
            Path(folder, f"a{i:04d}.txt").write_text(header + text, encoding="utf-8")
        bare = _child(_bare_parse, texts, model, repeat)
        full = _child(_full_pipeline, folder, texts, model, 1, repeat)
        parallel = (
            _child(_full_pipeline, folder, texts, model, workers, repeat) if workers > 1 else None
        )
    merged = _child(_merge_bench, merge_mentions) if merge_mentions else None
    return {
        "articles": n_articles,
        "words": words,
        "repeat": repeat,
        "bare_parse": bare,
        "full_pipeline": full,
        "workers": parallel,
        "merge": merged,
        "scaling": [_child(_scaling, n, model) for n in scaling],
    }


def format_scaling(rows: list[dict]) -> list[str]:
    """One line per article length, and the time ratio per doubling of the length."""
    lines = [f"{'one article of':28}{'chars':>10}{'seconds':>10}{'parse s':>10}{'peak MB':>10}"]
    for row in rows:
        lines.append(
            f"{str(row['sentences']) + ' sentences':28}{row['chars']:10d}{row['seconds']:10.1f}"
            f"{row['parse_seconds']:10.1f}{row['peak_mb']:10.0f}"
        )
    for a, b in itertools.pairwise(rows):
        ratio = b["seconds"] / a["seconds"]
        per_doubling = ratio ** (1 / max(1e-9, math.log2(b["chars"] / a["chars"])))
        lines.append(
            f"{a['sentences']} -> {b['sentences']} sentences: time x{ratio:.2f}, "
            f"x{per_doubling:.2f} per doubling of length (linear = 2.0)"
        )
    return lines


def format_stages(r: dict) -> list[str]:
    """The full pipeline's stages in CPU seconds (wall in brackets) and as a share of the
    bare parse's CPU time; loading the resources is once per process, outside the run."""
    full, bare_cpu = r["full_pipeline"], r["bare_parse"]["cpu_seconds"]
    lines = [
        f"stages of the full pipeline (one process), CPU seconds (wall) and share of the bare "
        f"parse's CPU time ({bare_cpu:.2f} s):"
    ]

    def row(name: str, cpu: float, wall: float) -> str:
        return f"  {name:38}{cpu:7.2f} s ({wall:6.2f}){cpu / bare_cpu:9.1%}"

    load = full["load"]
    lines.append(
        row("load resources (once per process)", load["cpu_seconds"], load["seconds"])
        + "  (outside the run)"
    )
    counted: set[str] = set()
    for group, names in STAGE_GROUPS.items():
        counted.update(names)
        cpu = sum(full["stage_cpu"].get(n, 0.0) for n in names)
        wall = sum(full["stage_wall"].get(n, 0.0) for n in names)
        if wall or cpu:
            lines.append(row(group, cpu, wall))
    rest_cpu = full["cpu_seconds"] - sum(full["stage_cpu"].values())
    rest_wall = full["seconds"] - sum(full["stage_wall"].values())
    rest_cpu += sum(v for k, v in full["stage_cpu"].items() if k not in counted)
    rest_wall += sum(v for k, v in full["stage_wall"].items() if k not in counted)
    lines.append(row("other (run records, loop)", rest_cpu, rest_wall))
    lines.append(row("total", full["cpu_seconds"], full["seconds"]))
    return lines


def format_workers(r: dict) -> list[str]:
    full, par, n = r["full_pipeline"], r.get("workers"), r["articles"]
    if not par:
        return []
    w = par["workers"]
    merge_1 = full["stage_wall"].get("merge", 0.0)
    merge_w = par["stage_wall"].get("merge", 0.0)
    return [
        f"--workers {w} (wall clock): {n / par['seconds']:.1f} articles/s, "
        f"{full['seconds'] / par['seconds']:.2f}x one process "
        f"({n / full['seconds']:.1f} articles/s); without the merge (one process in both): "
        f"{(full['seconds'] - merge_1) / (par['seconds'] - merge_w):.2f}x; "
        f"peak {par['peak_mb']:.0f} MB (main process)",
        f"  CPU seconds: main process {par['cpu_seconds']:.2f} + workers "
        f"{par['workers_cpu_seconds']:.2f} = {par['cpu_seconds'] + par['workers_cpu_seconds']:.2f}"
        f" (one process: {full['cpu_seconds']:.2f})",
    ]


def _cpu_share(full: dict) -> str:
    """The coding share in CPU seconds, when the run measured them (not the wall clock)."""
    if not full.get("parse_cpu_seconds") or "coding_cpu_seconds" not in full:
        return ""
    return f" wall, {full['coding_cpu_seconds'] / full['parse_cpu_seconds']:.1%} CPU"


def format_report(r: dict) -> str:
    if "bare_parse" not in r:
        return "\n".join(format_scaling(r["scaling"]))
    bare, full = r["bare_parse"], r["full_pipeline"]
    n = r["articles"]
    best = f", best of {r['repeat']}" if r.get("repeat", 1) > 1 else ""
    lines = [
        f"corpus: {n} generated articles, {r['words']} words{best}",
        f"{'':28}{'articles/s':>12}{'peak MB':>10}",
        f"{'bare spaCy parse':28}{n / bare['seconds']:12.1f}{bare['peak_mb']:10.0f}",
        f"{'full pipeline (to SQLite)':28}{n / full['seconds']:12.1f}{full['peak_mb']:10.0f}",
        f"full pipeline / bare parse time: {full['seconds'] / bare['seconds']:.2f}x wall, "
        f"{full['cpu_seconds'] / bare['cpu_seconds']:.2f}x CPU",
        f"coding (extract+resolve) / parse time: "
        f"{full['coding_seconds'] / full['parse_seconds']:.1%}{_cpu_share(full)} "
        f"({full['mentions']} mentions -> {full['events']} events)",
        "coding by pipeline component (share of the parse time): "
        + ", ".join(
            f"{name} {sec / full['parse_seconds']:.1%}"
            for name, sec in full.get("stage_seconds", {}).items()
        ),
        *format_stages(r),
        *format_workers(r),
    ]
    m = r.get("merge")
    if m:
        lines.append(
            f"merge: {m['mentions']} synthetic mentions -> {m['events']} events in "
            f"{m['seconds']:.1f} s (peak {m['peak_mb']:.0f} MB)"
        )
    if r.get("scaling"):
        lines.extend(format_scaling(r["scaling"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsevents.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--model", default=None)
    parser.add_argument("--merge-mentions", type=int, default=100_000)
    parser.add_argument(
        "--scaling",
        default=",".join(map(str, SCALING)),
        help="sentences of the one-article scaling runs, comma-separated ('' skips them); "
        "--articles 0 runs only these",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="also run the full pipeline with this many worker processes (1: only one process)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the parse and each full pipeline this many times in its process, keep the "
        "fastest (a busy machine)",
    )
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    scaling = tuple(int(x) for x in args.scaling.split(",") if x.strip())
    result = run(
        args.articles, args.model, args.merge_mentions, scaling, args.workers, max(1, args.repeat)
    )
    sys.stdout.write(format_report(result) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
