"""Shared fixtures: the real spaCy pipeline, the optional ../shared folder, a temp store."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsevents import api
from newsevents.extract import Codebook, extract_events, load_codebook
from newsevents.learn import load_learned
from newsevents.model import Article, Document
from newsevents.nlp import DEFAULT_MODEL, annotate
from newsevents.pipeline import load_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline as the coder uses it, loaded once per test session."""
    return load_nlp(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def resources(nlp) -> api.Resources:
    """Every packaged data file plus the spaCy pipeline, loaded once per test session; the
    rules alone (``--no-model``): the coder's own tests specify what the rules do."""
    return api.load_resources(learned=False)


@pytest.fixture(scope="session")
def learned_resources(resources) -> api.Resources:
    """The same resources with the packaged learned models (the default of every command)."""
    return dataclasses.replace(resources, learned=load_learned())


@pytest.fixture(scope="session")
def parse(nlp):
    """``parse(text, published=None)``: a parsed, not yet coded, Document of the raw text."""

    def make(text: str, published: str | None = None) -> Document:
        article = Article(id="t", source="test", format="txt", text=text, published=published)
        return annotate(article, nlp(text))

    return make


@pytest.fixture(scope="session")
def analyze(resources):
    """``analyze(text, published=None, clean=False)``: the real pipeline on one text."""

    def run(text: str, published: str | None = None, clean: bool = False) -> Document:
        return api.analyze_text(text, resources=resources, published=published, clean=clean)

    return run


@pytest.fixture(scope="session")
def one_event(analyze):
    """``one_event(text, published="2025-03-04")``: the one event the real pipeline finds in a
    short text (the test fails when it finds none or several)."""

    def run(text: str, published: str = "2025-03-04"):
        (ev,) = analyze(text, published=published).events
        return ev

    return run


@pytest.fixture(scope="session")
def event_facts(analyze):
    """``event_facts(text)``: the (type, factuality) of each event the real pipeline codes in
    one text published on 2025-04-01."""

    def run(text: str) -> list[tuple[str, str]]:
        return [(e.event, e.factuality) for e in analyze(text, published="2025-04-01").events]

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (seeds, dev gold, references); tests using it skip on a user's machine."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (it exists only in the development workplace)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir: Path) -> list[Path]:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds holds no seed articles")
    return paths


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.db"


# --- resolve.time ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def time_vocab():
    """The packaged time words and grammar (resolve/data/time_*.yaml), loaded once."""
    from newsevents.resolve.time import load_time_vocab

    return load_time_vocab()


@pytest.fixture(scope="session")
def time_at():
    """``time_at(times, text, expr)``: the first time expression overlapping ``expr``."""

    def find(times, text: str, expr: str):
        start = text.index(expr)
        end = start + len(expr)
        hits = [t for t in times if t.span.start < end and start < t.span.end]
        return hits[0] if hits else None

    return find


# --- resolve.place -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def gazetteer():
    """The packaged gazetteer (its city index builds on the first city lookup)."""
    from newsevents.resolve.place import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def make_event():
    """``make_event(doc, trigger, index=0, occurrence=0, event="ASSAULT")``: a bare mention
    whose trigger is the ``occurrence``-th ``trigger`` string of the text."""
    from newsevents.model import EventMention, Span

    def make(doc, trigger: str, index: int = 0, occurrence: int = 0, event: str = "ASSAULT"):
        text = doc.article.text
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(trigger, start + 1)
        span = Span(start, start + len(trigger))
        sentence = doc.sentence_of(span)
        assert sentence is not None, f"{trigger!r} straddles two sentences"
        return EventMention(
            article_id=doc.article.id,
            index=index,
            sentence=sentence,
            trigger=span,
            event=event,
            cameo="190",
            intensity=-10.0,
            factuality="asserted",
        )

    return make


# --- extract (the coder): the packaged codebook and parsed texts ----------------------------


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    """The packaged codebook (with the packaged event types), loaded once per session."""
    return load_codebook()


@pytest.fixture
def coded(parse, codebook):
    """``coded(text)``: (event, rule) of every event the rules find (no learned model)."""

    def run(text: str) -> set[tuple[str, str]]:
        return {(e.event, e.rule) for e in extract_events(parse(text), codebook)}

    return run


# --- the workbench (newsevents serve): stores built by the real pipeline -----------------

EXAMPLES = ROOT / "examples" / "articles"

#: An article whose title, outlet, URL and text carry HTML/JS injection payloads.
HOSTILE_ARTICLE = {
    "title": 'Raid <script>window.__pwned = "title"</script> "><img src=x '
    'onerror="window.__pwned=1">',
    "outlet": 'Evil <script>window.__pwned = "outlet"</script> Daily"><img src=x onerror=alert(1)>',
    "url": "javascript:window.__pwned='url'",
    "date_publish": "2021-03-02",
    "maintext": (
        "Rebel fighters attacked the town of Mosul on Monday, killing 12 soldiers"
        ' <script>window.__pwned = "text"</script>.\n\n'
        'Police arrested 30 protesters in Baghdad on Tuesday "><img src=x onerror='
        '"window.__pwned=2"> after a march against the government.\n\n'
        "The army said it would respond to the attack. <b onmouseover=alert(1)>bold</b>"
    ),
}


def _analyze(paths: list[Path], db: Path) -> Path:
    from newsevents import api

    api.analyze([str(p) for p in paths], db)
    return db


@pytest.fixture(scope="session")
def workbench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``newsevents analyze examples/articles`` into a session-wide database (read it only)."""
    return _analyze([EXAMPLES], tmp_path_factory.mktemp("workbench") / "events.db")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding one article full of injection payloads and one skipped input."""
    import json

    folder = tmp_path_factory.mktemp("hostile")
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "hostile.jsonl").write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    (inputs / "empty <img src=x onerror=alert(9)>.txt").write_text("", encoding="utf-8")
    return _analyze([inputs], folder / "events.db")
