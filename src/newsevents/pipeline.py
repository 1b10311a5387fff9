"""The per-article pipeline: named components over one :class:`Document`, all data loaded once.

Every component has one contract: ``(document, resources) -> document``, annotating the
document in place. The order is the order data flows (publication date before the times it
anchors; events before the actors, dates and places that resolve them). The whole pipeline is
a pure function of the article and the :class:`Resources`, so it can run in any process.

    resources = load_resources()
    pipeline = Pipeline(resources)
    doc = pipeline(nlp.annotate(article, resources.nlp(article.text)))
    pipeline.names  # ('publication', 'times', 'events', 'calls', 'model', 'quotes', ...)
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from . import compiled, extract, learn, nlp
from .extract.call_lexicon import CallLexicon, load_calls
from .extract.calls import add_calls, extract_calls
from .extract.quotes import QuoteCues, extract_quotes, load_quote_cues
from .model import Document
from .nlp import DEFAULT_MODEL
from .resolve import actors as resolve_actors
from .resolve import datelines
from .resolve import place as resolve_place
from .resolve import time as resolve_time
from .resources import EventTypes, Lexicon, load_event_types, load_lexicon


@dataclass(frozen=True)
class _Data:
    """The resources built from data files (all but the spaCy pipeline): what is cached."""

    types: EventTypes
    lexicon: Lexicon
    codebook: extract.Codebook
    calls: CallLexicon
    quote_cues: QuoteCues
    actors: resolve_actors.ActorDictionary
    gazetteer: resolve_place.Gazetteer
    time_vocab: resolve_time.TimeVocab
    #: the learned second opinion; None runs the rules alone (``--no-model``)
    learned: learn.LearnedModels | None


@dataclass(frozen=True)
class Resources(_Data):
    """Everything per-article work needs, loaded once (by :func:`load_resources`): the data
    (cached between runs) and the spaCy pipeline."""

    nlp: Language
    model: str = DEFAULT_MODEL


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline the coder reads: the installed one, with the sentence starts its
    layout gives (after the dateline, at line breaks, after a speaker's label) set before the
    parser (see :class:`newsevents.nlp.LayoutBreaks`)."""
    patterns = [rx.pattern for rx in datelines.read_datelines()]
    loaded = nlp.add_layout_breaks(nlp.load_pipeline(model), patterns, datelines.DATELINE_CHARS)
    return nlp.add_misread_verbs(loaded)


def load_resources(
    model: str = DEFAULT_MODEL,
    codebook: Sequence[Path] = (),
    actors: Sequence[Path] = (),
    learned: bool = True,
) -> Resources:
    """Load the spaCy pipeline and every data file: the packaged ones, then the user's
    ``--codebook`` files (entries, and event types under ``types:``) and ``--actors`` files;
    and the learned models' weights unless ``learned`` is False (the rules alone).

    Everything but the spaCy pipeline is built once and read back from the compiled cache
    (:mod:`newsevents.compiled`) by later runs with the same package and files."""
    codebook_paths = tuple(Path(p) for p in codebook)
    actor_paths = tuple(Path(p) for p in actors)
    data = compiled.cached(
        "resources",
        _Data,
        lambda: _build_data(codebook_paths, actor_paths, learned),
        files=(*codebook_paths, *actor_paths),
        options=(f"codebook={len(codebook_paths)}", f"learned={learned}"),
    )
    return Resources(
        nlp=nlp.add_name_ruler(load_nlp(model), data.actors.entity_names()),
        model=model,
        **{f.name: getattr(data, f.name) for f in dataclasses.fields(data)},
    )


def _build_data(codebook: tuple[Path, ...], actors: tuple[Path, ...], learned: bool) -> _Data:
    types = load_event_types(codebook)
    lexicon = load_lexicon()
    gazetteer = resolve_place.load_gazetteer(lexicon, types)
    if compiled.enabled():
        gazetteer.build_indexes()  # the city and town indexes, so the cache holds them built
    return _Data(
        types=types,
        lexicon=lexicon,
        codebook=extract.load_codebook(codebook, types, lexicon),
        calls=load_calls(types),
        quote_cues=load_quote_cues(),
        actors=resolve_actors.load_actor_dictionary(actors, types, lexicon),
        gazetteer=gazetteer,
        time_vocab=resolve_time.load_time_vocab(types, naming_verbs=lexicon.words("naming_verbs")),
        learned=learn.load_learned() if learned else None,
    )


#: A pipeline step: annotates the document in place and returns it.
Component = Callable[[Document, Resources], Document]


def infer_publication(doc: Document, res: Resources) -> Document:
    """A publication date from the text when the metadata gives none (recorded as inferred,
    with its confidence), so relative dates have an anchor."""
    if doc.article.published is None:
        inferred = resolve_time.infer_publication(doc, res.time_vocab)
        if inferred is not None:
            date, confidence = inferred
            doc.article = dataclasses.replace(
                doc.article,
                published=date,
                published_source="inferred",
                published_confidence=confidence,
            )
    return doc


def find_times(doc: Document, res: Resources) -> Document:
    doc.times = resolve_time.find_times(doc, res.time_vocab)
    return doc


def code_events(doc: Document, res: Resources) -> Document:
    doc.events = extract.extract_events(doc, res.codebook)
    return doc


def code_calls(doc: Document, res: Resources) -> Document:
    """Calls to action ("Demonstrate ..., Saturday 11 January") are future protests the
    clause-based coder cannot see in verbless listings; a call replaces overlapping events."""
    doc.events = add_calls(doc.events, extract_calls(doc, res.calls))
    return doc


def second_opinion(doc: Document, res: Resources) -> Document:
    """The learned models keep, drop or re-type the rules' candidates and re-label their
    factuality (nothing happens when the rules run alone)."""
    if res.learned is not None:
        no_event = res.lexicon.words("relation_verbs")
        doc.events = learn.review(
            doc,
            doc.events,
            res.learned,
            res.types,
            res.codebook.sure_rules,
            no_event,
            res.codebook.own_object_rules,
        )
    return doc


def find_quotes(doc: Document, res: Resources) -> Document:
    doc.quotes = extract_quotes(doc, res.quote_cues)
    return doc


def code_actors(doc: Document, res: Resources) -> Document:
    doc.events, doc.quotes, doc.entities = resolve_actors.resolve_actors(
        doc, doc.events, doc.quotes, res.actors, res.gazetteer
    )
    return doc


def date_events(doc: Document, res: Resources) -> Document:
    doc.events = resolve_time.resolve_dates(doc, doc.events, doc.times, res.time_vocab)
    return doc


def place_events(doc: Document, res: Resources) -> Document:
    doc.events = resolve_place.resolve_places(doc, doc.events, res.gazetteer)
    return doc


#: The components in the order data flows through them.
COMPONENTS: tuple[tuple[str, Component], ...] = (
    ("publication", infer_publication),
    ("times", find_times),
    ("events", code_events),
    ("calls", code_calls),
    ("model", second_opinion),
    ("quotes", find_quotes),
    ("actors", code_actors),
    ("dates", date_events),
    ("places", place_events),
)


class Pipeline:
    """Named components run in order over a parsed document (spaCy's pipeline idea, one
    level up: each component reads what the earlier ones wrote)."""

    def __init__(
        self, resources: Resources, components: Sequence[tuple[str, Component]] = COMPONENTS
    ) -> None:
        self.resources = resources
        self.components = tuple(components)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.components)

    def __call__(self, doc: Document) -> Document:
        for _, component in self.components:
            doc = component(doc, self.resources)
        return doc

    def timed(self, seconds: dict[str, float]) -> Pipeline:
        """The same pipeline, adding each component's run time to ``seconds[name]`` (the
        bench's per-stage breakdown)."""

        def clock(name: str, component: Component) -> Component:
            def run(doc: Document, res: Resources) -> Document:
                start = time.perf_counter()
                try:
                    return component(doc, res)
                finally:
                    seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start

            return run

        return Pipeline(self.resources, [(n, clock(n, c)) for n, c in self.components])
