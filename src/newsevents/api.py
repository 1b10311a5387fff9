"""The Python API: wires the stages together. It never prints; the CLI and web layers call it.

Per-article work (:func:`process_document`) is a pure function of the article, the spaCy
pipeline and the loaded codebooks, so it can run anywhere (processes today, a cluster engine
later). Cross-article work (:func:`merge_db`) runs over the mentions already in the store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import ingest, merge, nlp
from .errors import InputError, NewsEventsError, StoreError
from .model import FACTUAL, Article, Document, Event, EventMention, MergeResult, Quote, Skip, Story
from .pipeline import Pipeline, Resources, load_resources
from .store import Store

__all__ = ["Pipeline", "Resources", "load_resources", "process_document"]


def process_document(doc: Document, resources: Resources) -> Document:
    """Run every per-article component (see :mod:`newsevents.pipeline`) on a parsed document
    (in place) and return it."""
    return Pipeline(resources)(doc)


def analyze_text(
    text: str,
    *,
    resources: Resources,
    published: str | None = None,
    outlet: str | None = None,
    clean: bool = False,
) -> Document:
    """Analyse one text (a sentence or an article) without a store."""
    article = ingest.article_from_text(text, published=published, outlet=outlet, clean=clean)
    doc = nlp.annotate(article, resources.nlp(article.text))
    return process_document(doc, resources)


def analyze_texts(
    texts: Iterable[tuple[str, str | None]], *, resources: Resources, batch_size: int = 64
) -> Iterator[Document]:
    """Analyse many (text, published) pairs with ``nlp.pipe`` (evaluation uses this)."""
    articles = (
        ingest.article_from_text(t, published=p, clean=False, source=f"<text {i}>")
        for i, (t, p) in enumerate(texts)
    )
    for doc in nlp.parse_articles(articles, resources.nlp, batch_size=batch_size):
        if isinstance(doc, Skip):
            raise InputError(f"{doc.source}: {doc.reason}")
        yield process_document(doc, resources)


@dataclass
class AnalyzeSummary:
    run_id: int
    read: int = 0
    stored: int = 0
    already: int = 0
    skipped: list[Skip] = field(default_factory=list)
    events: int = 0
    merged_events: int = 0
    stories: int = 0
    #: articles already stored that were read from a new source (another outlet or path)
    reports: int = 0
    #: sources of stored articles with no publication date (relative dates stay unresolved)
    undated: list[str] = field(default_factory=list)
    #: the merge was left to a later run because other runs kept adding articles
    merge_deferred: bool = False


#: Progress callback: (kind, source) with kind in {"stored", "already", "skipped"}; once
#: before the first article, ("total", "<number of inputs expected>").
Progress = Callable[[str, str], None]
#: How often a merge is recomputed when other runs add articles while it runs.
MERGE_ATTEMPTS = 3


def analyze(
    paths: Sequence[str],
    db: str | Path,
    *,
    published: str | None = None,
    outlet: str | None = None,
    resources: Resources | None = None,
    model: str = nlp.DEFAULT_MODEL,
    codebook: Sequence[Path] = (),
    actors: Sequence[Path] = (),
    workers: int = 1,
    progress: Progress | None = None,
    do_merge: bool = True,
) -> AnalyzeSummary:
    """Ingest, analyse and store articles; then rebuild the cross-article merge.

    Articles already in the store are skipped before parsing, so an interrupted run resumes
    where it stopped. A bad input becomes a recorded skip; the batch goes on.
    """
    with Store(db) as store:
        run_id = store.start_run(
            "analyze",
            {"paths": list(paths), "published": published, "outlet": outlet, "model": model},
        )
        summary = AnalyzeSummary(run_id=run_id)
        status = "failed"
        try:
            res = resources or load_resources(model, codebook, actors)
            _notify(progress, "total", str(ingest.count_inputs(paths)))

            def skipped(item: Skip) -> None:
                store.record_skip(item, run_id)
                summary.skipped.append(item)
                _notify(progress, "skipped", item.source)

            def fresh_articles() -> Iterator[Article]:
                for item in ingest.iter_inputs(paths, published=published, outlet=outlet):
                    summary.read += 1
                    if isinstance(item, Skip):
                        skipped(item)
                    elif store.has_article(item.id):
                        summary.already += 1
                        summary.reports += store.add_report(item, run_id)
                        _notify(progress, "already", item.source)
                    else:
                        yield item

            for doc in nlp.parse_articles(fresh_articles(), res.nlp, workers=workers):
                if isinstance(doc, Skip):
                    skipped(doc)
                    continue
                try:
                    process_document(doc, res)
                except NewsEventsError:
                    raise
                except Exception as e:  # a coder bug on one article must not lose the batch
                    detail = " ".join(str(e).split())[:200]
                    skipped(
                        Skip(doc.article.source, f"analysis failed: {type(e).__name__}: {detail}")
                    )
                    continue
                try:
                    saved = store.save_document(doc, run_id)
                except (ValueError, UnicodeError, OverflowError) as e:  # one odd article
                    skipped(Skip(doc.article.source, f"could not be stored ({type(e).__name__})"))
                    continue
                if saved:
                    summary.stored += 1
                    summary.events += len(doc.events)
                    if not doc.article.published:
                        summary.undated.append(doc.article.source)
                    _notify(progress, "stored", doc.article.source)
                else:
                    summary.already += 1
                    summary.reports += store.add_report(doc.article, run_id)
                    _notify(progress, "already", doc.article.source)
            if do_merge:
                result = _merge_store(store)
                if result is None:
                    summary.merge_deferred = True
                else:
                    summary.merged_events = len(result.events)
                    summary.stories = len(result.stories)
            status = "done"
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM/SIGHUP via the CLI
            status = "interrupted"
            raise
        finally:
            store.finish_run(
                run_id,
                status=status,
                read=summary.read,
                stored=summary.stored,
                skipped=len(summary.skipped),
                events=summary.events,
            )
    return summary


def _notify(progress: Progress | None, kind: str, source: str) -> None:
    if progress is not None:
        progress(kind, source)


def _merge_store(store: Store, config: Any = None) -> MergeResult | None:
    """Merge one consistent snapshot of the store and save it unless articles arrived
    meanwhile (then merge again); None when they kept arriving: the run adding them merges
    after its last article (a ``--no-merge`` run leaves that to ``newsevents merge``)."""
    for _ in range(MERGE_ATTEMPTS):
        with store.snapshot() as version:
            inputs = (store.articles(), store.mentions(), store.quotes(), store.entities())
        result = merge.merge(*inputs, config if config is not None else merge.MergeConfig())
        if store.save_merge(result, expect=version):
            return result
    return None


def merge_config(**overrides: Any) -> merge.MergeConfig:
    """A :class:`merge.MergeConfig` with the given fields changed (None keeps the default)."""
    return dataclasses.replace(
        merge.MergeConfig(), **{k: v for k, v in overrides.items() if v is not None}
    )


def merge_db(db: str | Path, config: Any = None) -> MergeResult:
    """Rebuild stories and merged events from the stored mentions (reversible, lossless)."""
    with Store(db) as store:
        result = _merge_store(store, config)
    if result is None:
        raise StoreError(
            f"articles kept arriving in {db} during {MERGE_ATTEMPTS} merges; run "
            "'newsevents merge' again when the other analyze runs end"
        )
    return result


# --- reading API --------------------------------------------------------------------


@dataclass
class Corpus:
    """Everything the reports need, loaded from a store."""

    articles: dict[str, Article]
    mentions: dict[str, EventMention]
    events: list[Event]
    stories: list[Story]
    quotes: list[Quote]


def load_corpus(db: str | Path) -> Corpus:
    with Store(db, readonly=True) as store:
        return Corpus(
            articles={a.id: a for a in store.articles()},
            mentions={m.id: m for m in store.mentions()},
            events=store.events(),
            stories=store.stories(),
            quotes=store.quotes(),
        )


def list_articles(db: str | Path) -> tuple[list[Article], list[Skip]]:
    with Store(db, readonly=True) as store:
        return store.articles(), store.skips()


def list_reports(db: str | Path) -> dict[str, list[tuple[str, str | None]]]:
    """Every (source, outlet) each stored article body was read from, first one first."""
    with Store(db, readonly=True) as store:
        return store.reports()


def select_events(
    events: Iterable[Event],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    include_all: bool = False,
) -> list[Event]:
    """Filter merged events the way the timeline does (factual only unless include_all)."""
    out = []
    for e in events:
        if not include_all and e.factuality not in FACTUAL:
            continue
        if event_type and e.event != event_type.upper():
            continue
        if actor:
            codes = {a.code for a in (*e.actor, *e.recipient) if a.code}
            names = {a.name.lower() for a in (*e.actor, *e.recipient)}
            if actor.upper() not in codes and actor.lower() not in names:
                continue
        if date_from and (e.date_end or e.date or "") < date_from:
            continue
        if date_to and (e.date or "9999") > date_to:
            continue
        out.append(e)
    return out


def get_event(db: str | Path, event_id: str) -> tuple[Event, Corpus] | None:
    corpus = load_corpus(db)
    for e in corpus.events:
        if e.id == event_id or e.id.startswith(event_id):
            return e, corpus
    return None
