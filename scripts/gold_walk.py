"""What the failure-cause scripts (dyad_causes, place_causes, type_causes) share: which gold
sets are tuned, and the real pipeline's mentions over a corpus gold's articles, each with the
gold file it came from. Never a blind set or a held-out ``*check*`` half: those are read as
overall figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsevents import api
from newsevents.evaluate.baseline import GOLD_LOCATIONS
from newsevents.evaluate.gold import CorpusGold, normalise_space
from newsevents.evaluate.run import _resolve_file, _source_key
from newsevents.model import Article, EventMention

ROOT = Path(__file__).resolve().parent.parent


def tuned_sets() -> dict[str, Path]:
    """Every registered gold set present here that is neither blind nor a check half."""
    return {
        name: (ROOT / rel).resolve()
        for name, rel in GOLD_LOCATIONS.items()
        if not name.startswith("blind") and "check" not in name and (ROOT / rel).is_file()
    }


def gold_reports(gold: CorpusGold) -> dict[str, list[tuple[str, str]]]:
    """Gold file -> (its report quote with spaces normalised, the event's id)."""
    reports: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in gold.events:
        for r in e.reports:
            reports[r.file].append((normalise_space(r.quote), e.id))
    return reports


def coded_mentions(
    gold: CorpusGold, resources: api.Resources
) -> Iterator[tuple[EventMention, Article, str]]:
    """Analyse the gold's articles into a throw-away store; yield each mention, its article and
    the gold file name it was read from."""
    files = {a.file: _resolve_file(gold.path, a.file) for a in gold.articles}
    by_source = {located: key for key, located in files.items()}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "eval.db"
        api.analyze(sorted({str(p) for p, _ in files.values()}), db, resources=resources)
        corpus = api.load_corpus(db)
    for m in corpus.mentions.values():
        article = corpus.articles[m.article_id]
        key = by_source.get(_source_key(article.source))
        if key is not None:
            yield m, article, key


Failures = Callable[[str, Path, api.Resources], tuple[int, list[dict[str, Any]]]]


def cause_table(
    argv: list[str] | None,
    chosen: dict[str, Path],
    failures: Failures,
    cause: Callable[[dict[str, Any]], str],
    what: str,
) -> int:
    """The command line the cause scripts share: every failure of the chosen tuned sets
    (``--sets`` narrows them) sorted by cause, with how many sets each cause recurs in."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", type=Path, help="write every failure as JSONL")
    ap.add_argument("--sets", help="comma-separated set names (default: every tuned set)")
    args = ap.parse_args(argv)
    resources = api.load_resources()
    if args.sets:
        chosen = {k: v for k, v in chosen.items() if k in args.sets.split(",")}
    table: Counter[str] = Counter()
    sets: dict[str, set[str]] = defaultdict(set)
    rows: list[dict[str, Any]] = []
    judged = 0
    per_set: dict[str, tuple[int, int]] = {}
    for name, path in chosen.items():
        n, failed = failures(name, path, resources)
        judged += n
        per_set[name] = (n, len(failed))
        for row in failed:
            row["cause"] = cause(row)
            table[row["cause"]] += 1
            sets[row["cause"]].add(name)
        rows.extend(failed)
    out = sys.stdout
    out.write(f"tuned sets: {len(chosen)}  judged {what}: {judged}  failed: {len(rows)}\n")
    for name, (n, f) in per_set.items():
        out.write(f"  {name}: {n - f}/{n}\n")
    for c, n in table.most_common():
        out.write(f"{n:5d} {len(sets[c]):3d}  {c}\n")
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0
