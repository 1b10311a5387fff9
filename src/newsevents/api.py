"""The Python API: wires the stages together. It never prints; the CLI and web layers call it.

Per-article work (:func:`process_document`) is a pure function of the article, the spaCy
pipeline and the loaded codebooks, so it can run anywhere (processes today, a cluster engine
later). Cross-article work (:func:`merge_db`) runs over the mentions already in the store.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from . import ingest, merge, nlp
from .errors import InputError, NewsEventsError, StoreError
from .model import (
    FACTUAL,
    Article,
    Document,
    Event,
    EventMention,
    MergeResult,
    Participant,
    ParticipantRole,
    Quote,
    Skip,
    Story,
)
from .pipeline import Pipeline, Resources, load_resources
from .resolve.actors import load_actor_words
from .resources import load_lexicon
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


#: Progress callback: (kind, source) with kind in {"stored", "already", "skipped", "recoded"};
#: once before the first article, ("total", "<number of inputs expected>").
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
    learned: bool = True,
) -> AnalyzeSummary:
    """Ingest, analyse and store articles; then rebuild the cross-article merge.
    ``learned=False`` runs the rules alone, without the learned models (``--no-model``).

    Articles already in the store are skipped before parsing, so an interrupted run resumes
    where it stopped. A bad input becomes a recorded skip; the batch goes on.
    """
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
                _merge_into(store, summary)
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


def _merge_into(store: Store, summary: AnalyzeSummary | RecodeSummary) -> None:
    """Rebuild the merge and record its counts, or that another run will merge (deferred)."""
    result = _merge_store(store)
    if result is None:
        summary.merge_deferred = True
    else:
        summary.merged_events = len(result.events)
        summary.stories = len(result.stories)


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


# --- the growth loop: unresolved actors, and re-coding the stored articles ---------------


@dataclass(frozen=True)
class UnresolvedActor:
    """An actor phrase that got no country or non-state code, with where it stands."""

    phrase: str  # as written, without a leading article or a possessive clitic
    count: int  # actor, recipient and speaker slots it fills
    articles: int  # articles it appears in
    event_types: tuple[str, ...]  # types of the events it is a party to, most frequent first
    roles: tuple[ParticipantRole, ...]  # most frequent first
    sample: str  # one sentence it stands in, from the stored article text
    sample_id: str  # the mention or quote that sentence comes from
    stub: str  # one entry in the schema of resolve/data/actors.yaml, code left to fill in


def unresolved_actors(db: str | Path, limit: int | None = None) -> list[UnresolvedActor]:
    """The stored actor phrases without a code, most frequent first. Mentions of one
    in-document entity count under its full name ("Jane Doe"), its other forms ("Doe")
    become the stub's aliases; bare pronouns are left out (they are resolved from the text)."""
    words = load_actor_words(load_lexicon())

    def norm(name: str) -> str:
        return words.strip_article(words.drop_clitic(_one_line(name)), fold=True)

    def is_name(phrase: str) -> bool:
        return phrase.lower() not in words.pronouns and any(c.isalpha() for c in phrase)

    groups: dict[str, list[Participant]] = {}
    forms: dict[str, Counter[str]] = {}
    with Store(db, readonly=True) as store:
        for p in store.participants(uncoded=True):
            phrase = norm(p.name)
            key = norm(p.entity) if p.entity and is_name(norm(p.entity)) else phrase
            if not is_name(key):
                continue
            groups.setdefault(key, []).append(p)
            if is_name(phrase) and key not in phrase:  # a longer form is found via the name
                forms.setdefault(key, Counter())[phrase] += 1
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].lower(), kv[0]))
        out = []
        for phrase, found in ranked[:limit]:
            first = found[0]
            sector = _most_common(p.sector for p in found)
            kind = _most_common(p.kind for p in found) or "ORG"
            aliases = sorted(forms.get(phrase, {}), key=lambda f: (-forms[phrase][f], f))
            out.append(
                UnresolvedActor(
                    phrase=phrase,
                    count=len(found),
                    articles=len({p.article_id for p in found}),
                    event_types=_by_frequency(p.event for p in found),
                    roles=_by_frequency(p.role for p in found),
                    sample=_one_line(store.text_of(first.article_id, first.sentence)),
                    sample_id=first.source_id,
                    stub=actor_stub(phrase, aliases, sector, kind),
                )
            )
    return out


def actor_stub(name: str, aliases: Sequence[str], sector: str | None, kind: str) -> str:
    """One actors.yaml entry (flow style) for ``name`` with its code left null: a file still
    holding a null code is refused on load, so nothing half-edited is used by mistake."""
    entry = {"name": name, "aliases": list(aliases), "code": None, "sector": sector, "kind": kind}
    flow = yaml.safe_dump(entry, default_flow_style=True, sort_keys=False, width=1 << 20)
    return "- " + flow.strip()


def actors_yaml(found: Sequence[UnresolvedActor], db: str | Path) -> str:
    """The stubs of ``found`` as one actors file to edit and pass to ``--actors``."""
    lines = [
        f"# Actor phrases with no code in {_one_line(Path(db).name)}, most frequent first.",
        "# For each entry you keep: set code (an ISO 3166 alpha-3 country such as FRA, or a",
        "# non-state code such as IGO, NGO, IMG), a sector if one fits (GOV, MIL, REB ...),",
        "# other written forms under aliases, and from:/to: dates for an office holder.",
        "# Delete the entries that are not actors: an entry left with code: null is refused.",
        f"# Then: newsevents recode --db {_one_line(str(db))} --actors THIS_FILE",
        "actors:",
    ]
    for a in found:
        where = f"{a.count}x in {a.articles} article(s)"
        types = f"; {', '.join(a.event_types)}" if a.event_types else ""
        sample = a.sample if len(a.sample) <= 160 else a.sample[:157] + "..."
        lines += [f"  # {where}{types}: {sample}", f"  {a.stub}"]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """``text`` on one line of printable characters (safe in a terminal and a YAML comment)."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


_Word = TypeVar("_Word", bound=str)


def _most_common(values: Iterable[_Word | None]) -> _Word | None:
    ranked = _by_frequency(values)
    return ranked[0] if ranked else None


def _by_frequency(values: Iterable[_Word | None]) -> tuple[_Word, ...]:
    counts = Counter(v for v in values if v)
    return tuple(sorted(counts, key=lambda v: (-counts[v], v)))


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
