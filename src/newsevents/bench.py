"""``make bench``: speed and memory as ratios measured in one run (never a timed test).

It generates a corpus of news-like articles (templates written for this benchmark, filled at
random with a fixed seed), then measures in separate child processes, so each peak RSS is its
own: (1) a bare spaCy parse of the texts, (2) the full pipeline (ingest -> parse -> extract ->
resolve -> store -> merge) into a temporary SQLite file; in (2) it also times the coding part
alone (extract + resolve over already parsed documents) against the parse. Finally it merges a
synthetic set of 100k event mentions.
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


def _bare_parse(texts: list[str], model: str, queue: Any) -> None:
    from .nlp import load_pipeline

    nlp = load_pipeline(model)
    nlp("warm up")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    queue.put({"seconds": time.perf_counter() - start, "peak_mb": _peak_mb()})


def _full_pipeline(folder: str, texts: list[str], model: str, queue: Any) -> None:
    from . import api, nlp
    from .ingest import article_from_text
    from .model import Document

    res = api.load_resources(model)
    res.nlp("warm up")
    db = Path(folder) / "bench.db"
    start = time.perf_counter()
    summary = api.analyze([folder], db, resources=res)
    full = time.perf_counter() - start
    # The coding share alone: parse once, then time extract + resolve over the parsed docs.
    articles = [article_from_text(t, source=f"bench{i}", published="2021-06-01") for i, t in
                enumerate(texts)]  # fmt: skip
    start = time.perf_counter()
    docs = [d for d in nlp.parse_articles(articles, res.nlp) if isinstance(d, Document)]
    parse = time.perf_counter() - start
    stages: dict[str, float] = {}
    pipeline = api.Pipeline(res).timed(stages)
    start = time.perf_counter()
    for doc in docs:
        pipeline(doc)
    coding = time.perf_counter() - start
    queue.put(
        {
            "seconds": full,
            "peak_mb": _peak_mb(),
            "parse_seconds": parse,
            "coding_seconds": coding,
            "stage_seconds": stages,
            "stored": summary.stored,
            "mentions": summary.events,
            "events": summary.merged_events,
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
        bare = _child(_bare_parse, texts, model)
        full = _child(_full_pipeline, folder, texts, model)
    merged = _child(_merge_bench, merge_mentions) if merge_mentions else None
    return {
        "articles": n_articles,
        "words": words,
        "bare_parse": bare,
        "full_pipeline": full,
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


def format_report(r: dict) -> str:
    if "bare_parse" not in r:
        return "\n".join(format_scaling(r["scaling"]))
    bare, full = r["bare_parse"], r["full_pipeline"]
    n = r["articles"]
    lines = [
        f"corpus: {n} generated articles, {r['words']} words",
        f"{'':28}{'articles/s':>12}{'peak MB':>10}",
        f"{'bare spaCy parse':28}{n / bare['seconds']:12.1f}{bare['peak_mb']:10.0f}",
        f"{'full pipeline (to SQLite)':28}{n / full['seconds']:12.1f}{full['peak_mb']:10.0f}",
        f"full pipeline / bare parse time: {full['seconds'] / bare['seconds']:.2f}x",
        f"coding (extract+resolve) / parse time: "
        f"{full['coding_seconds'] / full['parse_seconds']:.1%} "
        f"({full['mentions']} mentions -> {full['events']} events)",
        "coding by pipeline component (share of the parse time): "
        + ", ".join(
            f"{name} {sec / full['parse_seconds']:.1%}"
            for name, sec in full.get("stage_seconds", {}).items()
        ),
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
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    scaling = tuple(int(x) for x in args.scaling.split(",") if x.strip())
    result = run(args.articles, args.model, args.merge_mentions, scaling)
    sys.stdout.write(format_report(result) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
