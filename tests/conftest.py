"""Shared fixtures: the real spaCy pipeline, the optional ../shared folder, a temp store."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.nlp import DEFAULT_MODEL, load_pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once per test session."""
    return load_pipeline(DEFAULT_MODEL)


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


# --- resolve.place -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def gazetteer():
    """The packaged gazetteer (its city index builds on the first city lookup)."""
    from newsevents.resolve.place import load_gazetteer

    return load_gazetteer()


@pytest.fixture
def make_doc(nlp):
    """``make_doc(text, published=...)``: a parsed Document of one hand-written text."""
    from newsevents.model import Article
    from newsevents.nlp import annotate

    def make(text: str, published: str | None = "2021-03-17"):
        article = Article(id="p", source="test", format="txt", text=text, published=published)
        return annotate(article, nlp(text))

    return make


@pytest.fixture
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
