"""Run the system over gold files through :mod:`newsevents.api` and score the output."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .. import api
from ..errors import GoldError
from ..model import EventMention
from .gold import CorpusGold, SentenceGold, load_gold
from .results import EvalReport, GoldSetResult
from .scoring import (
    CorpusScores,
    CorpusSystem,
    SentenceScores,
    SysEvent,
    SysMention,
    score_corpus,
    score_sentences,
)


def sys_event(m: EventMention) -> SysEvent:
    return SysEvent(
        event=m.event,
        factuality=m.factuality,
        actor=tuple(a.code for a in m.actor),
        recipient=tuple(a.code for a in m.recipient),
        mode=m.mode,
        date=m.date,
    )


def predict_sentences(gold: SentenceGold, resources: api.Resources) -> dict[str, list[SysEvent]]:
    """Every gold sentence through the pipeline in one ``nlp.pipe`` stream."""
    texts = [(s.text, s.published) for s in gold.sentences]
    out: dict[str, list[SysEvent]] = {}
    docs = api.analyze_texts(texts, resources=resources)
    for sent, doc in zip(gold.sentences, docs, strict=True):
        out[sent.id] = [sys_event(m) for m in doc.events]
    return out


def _resolve_file(gold_path: Path, name: str) -> tuple[Path, str]:
    """A corpus gold names files relative to the project root or to the gold file; a record
    of a JSONL file is ``file.jsonl#L<n>``. Returns (resolved path, "#L<n>" or "")."""
    file, hash_, fragment = name.partition("#")
    for base in (gold_path.parent, gold_path.parent.parent, Path.cwd()):
        candidate = base / file
        if candidate.is_file():
            return candidate.resolve(), hash_ + fragment
    raise GoldError(f"{gold_path}: article file {file!r} not found; fix its path in the gold")


def _source_key(source: str) -> tuple[Path, str]:
    file, hash_, fragment = source.partition("#")
    return Path(file).resolve(), hash_ + fragment


def predict_corpus(gold: CorpusGold, resources: api.Resources) -> CorpusSystem:
    """Analyse the corpus into a temporary store, merge, and read mentions and events back."""
    files = {a.file: _resolve_file(gold.path, a.file) for a in gold.articles}
    by_source = {located: key for key, located in files.items()}
    paths = sorted({str(path) for path, _ in files.values()})
    with tempfile.TemporaryDirectory(prefix="newsevents-eval-") as tmp:
        db = Path(tmp) / "eval.db"
        api.analyze(paths, db, resources=resources)
        corpus = api.load_corpus(db)
    key_of = {}
    for aid, article in corpus.articles.items():
        located = _source_key(article.source)
        if located in by_source:
            key_of[aid] = by_source[located]
    event_of = {mid: e.id for e in corpus.events for mid in e.mention_ids}
    mentions = []
    for mid, m in corpus.mentions.items():
        if m.article_id not in key_of:
            continue
        text = corpus.articles[m.article_id].text
        loc = m.location
        mentions.append(
            SysMention(
                id=mid,
                file=key_of[m.article_id],
                sentence=m.sentence.of(text),
                event=m.event,
                factuality=m.factuality,
                event_id=event_of.get(mid),
                actor=tuple(a.code for a in m.actor),
                recipient=tuple(a.code for a in m.recipient),
                date=m.date,
                place=(loc.name, loc.country) if loc is not None else None,
                place_precision=loc.precision if loc is not None else None,
            )
        )
    stories = {key_of[aid]: s.id for s in corpus.stories for aid in s.article_ids if aid in key_of}
    discrepancies = {e.id: frozenset(d.field for d in e.discrepancies) for e in corpus.events}
    row_dyads = {
        e.id: (
            e.actor[0].code if e.actor else None,
            e.recipient[0].code if e.recipient else None,
        )
        for e in corpus.events
    }
    return CorpusSystem(
        mentions=tuple(mentions),
        discrepancies=discrepancies,
        stories=stories,
        row_dyads=row_dyads,
    )


def evaluate_gold(
    paths: Sequence[Path], resources: api.Resources, names: Sequence[str] | None = None
) -> EvalReport:
    """Score the pipeline against each gold file (format detected from its content). Each
    result is named by ``names`` when given (the quality gate's set names), else by format."""
    report = EvalReport()
    for i, path in enumerate(paths):
        gold = load_gold(Path(path))
        start = time.perf_counter()
        scores: SentenceScores | CorpusScores
        if isinstance(gold, SentenceGold):
            scores = score_sentences(gold.sentences, predict_sentences(gold, resources))
        else:
            scores = score_corpus(gold, predict_corpus(gold, resources))
        used = {r.name for r in report.results}
        if names is not None:
            name = names[i]
        elif gold.fmt not in used:
            name = gold.fmt
        else:
            name = f"{gold.fmt}:{Path(path).stem}"
        report.results.append(
            GoldSetResult(
                name=name,
                path=Path(path),
                scores=scores,
                seconds=time.perf_counter() - start,
            )
        )
    return report
