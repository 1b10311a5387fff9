"""The Python API: wires the stages together. It never prints; the CLI and web layers call it.

Per-article work (:func:`process_document`) is a pure function of the article, the spaCy
pipeline and the loaded codebooks, so it can run anywhere (processes today, a cluster engine
later). Cross-article work (:func:`merge_db`) runs over the mentions already in the store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import ingest, merge, nlp, runner
from .errors import InputError, NewsEventsError, StoreError
from .growth import UnresolvedActor, actor_stub, actors_yaml, unresolved_actors
from .model import (
    FACTUAL,
    Article,
    Document,
    Event,
    EventMention,
    MergeResult,
    Quote,
    Skip,
    Story,
)
from .pipeline import Pipeline, Resources, load_resources
from .store import Store

__all__ = [
    "Pipeline",
    "Resources",
    "UnresolvedActor",
    "actor_stub",
    "actors_yaml",
    "load_resources",
    "process_document",
    "unresolved_actors",
]


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
    doc = nlp.annotate(article, nlp.parse_text(article.text, resources.nlp))
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


#: Progress callback: (kind, source) with kind in {"stored", "already", "skipped", "recoded"};
#: once before the first article, ("total", "<number of inputs expected>").
Progress = Callable[[str, str], None]
#: How often a merge is recomputed when other runs add articles while it runs.
MERGE_ATTEMPTS = 3
#: Analysed articles written per transaction.
STORE_BATCH = 16


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
    clock: runner.StageClock | None = None,
    learned: bool = True,
) -> AnalyzeSummary:
    """Ingest, analyse and store articles; then rebuild the cross-article merge.
    ``learned=False`` runs the rules alone, without the learned models (``--no-model``).

    Articles already in the store are skipped before parsing, so an interrupted run resumes
    where it stopped. A bad input becomes a recorded skip; the batch goes on. ``workers`` > 1
    parses and codes in that many processes (:mod:`newsevents.runner`); this process alone
    writes, in input order, ``STORE_BATCH`` articles to a transaction. ``clock`` (the bench)
    collects the seconds of each stage: load, ingest, parse, each pipeline component (or
    workers), store, merge.
    """
    clock = clock or runner.StageClock()
    with Store(db) as store:
        run_id = store.start_run(
            "analyze",
            {
                "paths": list(paths),
                "published": published,
                "outlet": outlet,
                "model": model,
                "learned": learned if resources is None else resources.learned is not None,
            },
        )
        summary = AnalyzeSummary(run_id=run_id)
        status = "failed"
        try:
            with clock.stage("load"):
                res = resources or load_resources(model, codebook, actors, learned=learned)
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
                    elif not _same_body(store, item, run_id, summary, progress):
                        yield item

            def save(docs: list[Document]) -> None:
                with clock.stage("store"), store.batch():
                    for doc in docs:
                        _save(store, doc, run_id, summary, skipped, progress)
                docs.clear()

            ready: list[Document] = []
            articles = clock.iterate("ingest", fresh_articles())
            coded = runner.code_articles(articles, res, workers=workers, clock=clock)
            try:
                for doc in coded:
                    if isinstance(doc, Skip):
                        skipped(doc)
                        continue
                    ready.append(doc)
                    if len(ready) >= STORE_BATCH:
                        save(ready)
            except (KeyboardInterrupt, SystemExit):  # what is coded is stored all the same
                save(ready)
                raise
            finally:
                coded.close()  # stops the worker processes now, also on an error
            save(ready)
            if do_merge:
                _merge_into(store, summary, clock, incremental=True, workers=workers)
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


def _same_body(
    store: Store,
    article: Article,
    run_id: int,
    summary: AnalyzeSummary,
    progress: Progress | None,
) -> bool:
    """Record ``article`` as one more report of a stored article with nearly the same body
    (the same story under other page chrome or headline) and say so; False if there is none.
    Its events are never coded twice."""
    same = store.same_body(article.text)
    if same is None:
        return False
    summary.already += 1
    summary.reports += store.add_report(replace(article, id=same[0]), run_id)
    _notify(progress, "already", article.source)
    return True


def _save(
    store: Store,
    doc: Document,
    run_id: int,
    summary: AnalyzeSummary,
    skipped: Callable[[Skip], None],
    progress: Progress | None,
) -> None:
    """Store one analysed article (or record why it could not be, or that it is there)."""
    if _same_body(store, doc.article, run_id, summary, progress):
        return  # an earlier article of this run had the same body
    try:
        saved = store.save_document(doc, run_id)
    except (ValueError, UnicodeError, OverflowError) as e:  # one odd article
        skipped(Skip(doc.article.source, f"could not be stored ({type(e).__name__})"))
        return
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


def _merge_into(
    store: Store,
    summary: AnalyzeSummary | RecodeSummary,
    clock: runner.StageClock | None = None,
    *,
    incremental: bool = False,
    workers: int = 1,
) -> None:
    """Rebuild (or, after new articles, update) the merge and record its counts, or that
    another run will merge (deferred); in ``workers`` processes (as the run's coding)."""
    result = _merge_store(
        store, clock=clock or runner.StageClock(), incremental=incremental, workers=workers
    )
    if result is None:
        summary.merge_deferred = True
    else:
        summary.merged_events = len(result.events)
        summary.stories = len(result.stories)


def _notify(progress: Progress | None, kind: str, source: str) -> None:
    if progress is not None:
        progress(kind, source)


def _merge_store(
    store: Store,
    config: Any = None,
    *,
    clock: runner.StageClock | None = None,
    incremental: bool = False,
    workers: int = 1,
) -> MergeResult | None:
    """Merge one consistent snapshot of the store and save it unless articles arrived
    meanwhile (then merge again); None when they kept arriving: the run adding them merges
    after its last article (a ``--no-merge`` run leaves that to ``newsevents merge``).

    With ``incremental`` (``analyze``: articles were only added), a store whose stories and
    events are the merge of all but its new articles is updated in place: only the date
    windows the new articles touch are merged again (:func:`merge.merge_incremental`), and
    every other story and event row stays as it was. Otherwise everything is merged again,
    by date windows (:func:`merge.merge_windows`, the same result as the whole-corpus merge).
    ``clock`` times the reads and the save as "merge: store", the merge itself as "merge".
    ``workers`` > 1 merges in that many forked processes (the same result).
    """
    clock = clock or runner.StageClock()
    for _ in range(MERGE_ATTEMPTS):
        with clock.stage("merge: store"), store.snapshot() as version:
            inputs = (store.articles(), store.mentions(), store.quotes(), store.entities())
            previous = None
            if incremental and config is None:
                _, gone = store.unmerged_articles()
                stories = store.stories()
                if stories and not gone:
                    previous = MergeResult(stories=tuple(stories), events=tuple(store.events()))
        if previous is not None:
            with clock.stage("merge"):
                update = merge.merge_incremental(*inputs, previous, workers=workers)
            with clock.stage("merge: store"):
                saved = store.save_merge_update(
                    stories_removed=update.stories_removed,
                    stories_added=update.stories_added,
                    events_removed=update.events_removed,
                    events_added=update.events_added,
                    expect=version,
                )
            if saved:
                return update.result
            continue
        with clock.stage("merge"):
            result, _ = merge.merge_windows(
                *inputs, config if config is not None else merge.MergeConfig(), workers=workers
            )
        with clock.stage("merge: store"):
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


def _event_by_id(events: Iterable[Event], event_id: str) -> Event | None:
    """The event with that id, or the first whose id starts with it."""
    return next((e for e in events if e.id == event_id or e.id.startswith(event_id)), None)


def get_event(db: str | Path, event_id: str) -> tuple[Event, Corpus] | None:
    corpus = load_corpus(db)
    found = _event_by_id(corpus.events, event_id)
    return None if found is None else (found, corpus)


def why_apart(
    db: str | Path, first_id: str, second_id: str, config: Any = None
) -> tuple[Event, Event, list[merge.Apart]]:
    """Why two merged events are two rows: each mention of the first tested against the
    second as the merge tests a join (:func:`merge.why_apart`). Ids may be prefixes."""
    with Store(db, readonly=True) as store:
        articles, mentions = store.articles(), store.mentions()
        quotes, entities, events = store.quotes(), store.entities(), store.events()
    found = []
    for wanted in (first_id, second_id):
        hit = _event_by_id(events, wanted)
        if hit is None:
            raise NewsEventsError(f"no event {wanted!r} in {db}")
        found.append(hit)
    a, b = found
    config = config if config is not None else merge.MergeConfig()
    result = merge.why_apart(
        articles, mentions, a.mention_ids, b.mention_ids, quotes, entities, config
    )
    return a, b, result


# --- the growth loop: unresolved actors, and re-coding the stored articles ---------------


@dataclass
class RecodeSummary:
    run_id: int
    articles: int = 0
    recoded: int = 0
    skipped: list[Skip] = field(default_factory=list)
    events: int = 0
    unresolved_before: int = 0  # participant slots without a code, before and after
    unresolved_after: int = 0
    merged_events: int = 0
    stories: int = 0
    merge_deferred: bool = False  # another run added articles meanwhile; it merges them


def recode(
    db: str | Path,
    resources: Resources | None = None,
    *,
    model: str = nlp.DEFAULT_MODEL,
    codebook: Sequence[Path] = (),
    actors: Sequence[Path] = (),
    progress: Progress | None = None,
    do_merge: bool = True,
) -> RecodeSummary:
    """Run the per-article pipeline again on every stored article, from its stored clean text
    and metadata (nothing is re-read or re-ingested), with ``resources`` (default: loaded
    with the user's ``codebook`` and ``actors`` files); replace each article's annotations,
    then rebuild the merge. Article ids stay; running it twice gives the same database.

    The data files are loaded before anything is written, so a bad file changes nothing.
    Each article is replaced in its own transaction: an interrupted recode leaves every
    article either as it was or recoded, and running it again finishes the job.
    """
    if not Path(db).is_file():
        raise StoreError(f"no database at {db}: run 'newsevents analyze ... --db {db}' first")
    resources = resources or load_resources(model, codebook, actors)
    pipeline = Pipeline(resources)
    with Store(db) as store:
        args = {"model": resources.model, "codebook": list(codebook), "actors": list(actors)}
        run_id = store.start_run("recode", args)
        summary = RecodeSummary(run_id=run_id)
        summary.unresolved_before = len(store.participants(uncoded=True))
        status = "failed"
        try:
            articles = store.articles()
            summary.articles = len(articles)
            for doc in nlp.parse_articles(articles, resources.nlp):
                if isinstance(doc, Skip):  # too long to parse: its old annotations stay
                    store.record_skip(doc, run_id)
                    summary.skipped.append(doc)
                    continue
                try:
                    pipeline(doc)
                except NewsEventsError:
                    raise
                except Exception as e:  # one article's coder bug keeps its old annotations
                    skip = Skip(doc.article.source, f"recode failed: {type(e).__name__}: {e}")
                    store.record_skip(skip, run_id)
                    summary.skipped.append(skip)
                    _notify(progress, "skipped", doc.article.source)
                    continue
                if store.replace_annotations(doc):
                    summary.recoded += 1
                    summary.events += len(doc.events)
                    _notify(progress, "recoded", doc.article.source)
            summary.unresolved_after = len(store.participants(uncoded=True))
            if do_merge:
                _merge_into(store, summary)
            status = "done"
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM/SIGHUP via the CLI
            status = "interrupted"
            raise
        finally:
            store.finish_run(
                run_id,
                status=status,
                read=summary.articles,
                stored=summary.recoded,
                skipped=len(summary.skipped),
                events=summary.events,
            )
    return summary
