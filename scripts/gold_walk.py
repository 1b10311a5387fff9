"""What the failure-cause scripts (dyad_causes, place_causes, type_causes) share: which gold
sets are tuned, and the real pipeline's mentions over a corpus gold's articles, each with the
gold file it came from. Never a blind set or a held-out ``*check*`` half: those are read as
overall figures only.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

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
