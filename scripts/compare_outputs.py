"""Prove a refactor left the coder's output unchanged.

    python scripts/compare_outputs.py snapshot /tmp/before.jsonl   # on the old code
    python scripts/compare_outputs.py check /tmp/before.jsonl      # on the new code
    python scripts/compare_outputs.py check /tmp/before.jsonl --no-model   # the rules alone
    python scripts/compare_outputs.py check /tmp/before.jsonl --workers 2  # analyze --workers 2

Every document of every corpus below goes through the real pipeline (``api.analyze_texts`` for
sentences, ``api.analyze`` into a temporary store for articles, which also merges); the
snapshot holds ``to_data`` of each document's mentions, times, places, quotes and entities, and
of each store's merged events and stories. ``check`` prints the first differences and exits 1
when anything differs.

Corpora: the bench corpus (120 generated articles), ``examples/articles``, ``tests/data``
(articles, merge corpus), the sentence gold sets (ours, and the PLOVER dev set and the seed
articles when ``../shared`` is present; their text is read there, never copied here).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents import api, bench
from newsevents.evaluate.gold import load_gold
from newsevents.model import to_data

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or beside a parent folder, for a git worktree)
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared" / "seeds").is_dir()),
    ROOT.parent / "shared",
)


def _doc_record(corpus: str, key: str, doc: Any) -> dict[str, Any]:
    return {
        "corpus": corpus,
        "key": key,
        "published": [doc.article.published, doc.article.published_source],
        "events": to_data(doc.events),
        "times": to_data(doc.times),
        "quotes": to_data(doc.quotes),
        "entities": to_data(doc.entities),
    }


def _sentence_sets() -> Iterator[tuple[str, list[tuple[str, str, str | None]]]]:
    golds = [ROOT / "tests/gold/sentences.jsonl", SHARED / "eval/plover_gsr_dev.json"]
    for path in golds:
        if not path.is_file():
            continue
        gold = load_gold(path)
        yield path.name, [(s.id, s.text, s.published) for s in gold.sentences]


def _article_dirs() -> Iterator[tuple[str, list[str], str | None]]:
    yield "examples", [str(ROOT / "examples/articles")], None
    yield "tests-articles", [str(ROOT / "tests/data/articles")], None
    yield "merge-corpus", [str(ROOT / "tests/data/merge_corpus")], None
    if (SHARED / "seeds").is_dir():
        yield "seeds", [str(SHARED / "seeds")], "2020-01-03"


#: ``--workers N``: the article corpora go through ``analyze --workers N`` (coding and merge in
#: N processes), to check it against a one-process snapshot
WORKERS = 1


def records(res: api.Resources) -> Iterator[str]:
    """One JSON line per record; the temporary folder and the checkout are written ``<tmp>``
    and ``<root>``, so snapshots compare across checkouts."""
    with tempfile.TemporaryDirectory(prefix="newsevents-compare-") as tmp:
        for rec in _records(res, Path(tmp)):
            line = json.dumps(rec, sort_keys=True, ensure_ascii=False)
            yield line.replace(tmp, "<tmp>").replace(str(ROOT), "<root>")


def _records(res: api.Resources, tmp: Path) -> Iterator[dict[str, Any]]:
    for name, items in _sentence_sets():
        docs = api.analyze_texts([(t, p) for _, t, p in items], resources=res)
        for (sid, _, _), doc in zip(items, docs, strict=True):
            yield _doc_record(name, sid, doc)
    bench_dir = tmp / "bench"
    bench_dir.mkdir()
    for i, text in enumerate(bench.make_corpus(120)):
        (bench_dir / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    for name, paths, published in [*_article_dirs(), ("bench", [str(bench_dir)], None)]:
        db = tmp / f"{name}.db"
        api.analyze(paths, db, resources=res, published=published, workers=WORKERS)
        corpus = api.load_corpus(db)
        for art in sorted(corpus.articles.values(), key=lambda a: a.source):
            mentions = [m for m in corpus.mentions.values() if m.article_id == art.id]
            yield {
                "corpus": name,
                "key": Path(art.source).name,
                "article": to_data(art),
                "mentions": to_data(sorted(mentions, key=lambda m: m.id)),
                "quotes": to_data([q for q in corpus.quotes if q.article_id == art.id]),
            }
        yield {
            "corpus": name,
            "key": "<merge>",
            "events": to_data(corpus.events),
            "stories": to_data(corpus.stories),
        }


def _same(old: Any, new: Any) -> bool:
    """Equal, except that a field the snapshot lacks may be empty now (a field added with an
    empty default, such as a mention's model ``scores`` when the rules run alone)."""
    if isinstance(old, dict) and isinstance(new, dict):
        added = set(new) - set(old)
        if set(old) - set(new) or any(new[k] not in ([], None, {}) for k in added):
            return False
        return all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def main(argv: list[str]) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # merge.entities words a cluster's reason from a set, whose order follows string
        # hashing: fix the seed so two runs of unchanged code compare equal.
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    global WORKERS
    learned = "--no-model" not in argv
    argv = [a for a in argv if a != "--no-model"]
    if "--workers" in argv[:-1]:
        at = argv.index("--workers")
        WORKERS = int(argv[at + 1])
        del argv[at : at + 2]
    if len(argv) != 2 or argv[0] not in {"snapshot", "check"}:
        sys.stderr.write(__doc__ or "")
        return 2
    mode, path = argv[0], Path(argv[1])
    res = api.load_resources(learned=learned)
    lines = list(records(res))
    if mode == "snapshot":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        sys.stdout.write(f"wrote {len(lines)} records to {path}\n")
        return 0
    before = path.read_text(encoding="utf-8").splitlines()
    shown = differ = 0
    for old, new in zip(before, lines, strict=False):
        if old == new or _same(json.loads(old), json.loads(new)):
            continue
        differ += 1
        if shown < 5:
            shown += 1
            o, n = json.loads(old), json.loads(new)
            sys.stdout.write(f"DIFF {o.get('corpus')} {o.get('key')}\n")
            for field in sorted(set(o) | set(n)):
                if o.get(field) != n.get(field):
                    sys.stdout.write(f"  {field}:\n    before {json.dumps(o.get(field))[:600]}\n")
                    sys.stdout.write(f"    after  {json.dumps(n.get(field))[:600]}\n")
    if len(before) != len(lines):
        differ += 1
        sys.stdout.write(f"record count differs: before {len(before)}, after {len(lines)}\n")
    sys.stdout.write(f"{len(lines)} records compared, {differ} differ\n")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
