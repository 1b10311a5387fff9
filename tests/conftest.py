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


# --- resolve.actors: the loaded resources and a parsed document (same as the lead's) -------


@pytest.fixture(scope="session")
def resources(nlp):
    """Every packaged data file plus the spaCy pipeline, loaded once per test session."""
    from newsevents import api

    return api.load_resources()


@pytest.fixture(scope="session")
def parse(nlp):
    """``parse(text, published=None)``: a parsed, not yet coded, Document of the raw text."""
    from newsevents.model import Article
    from newsevents.nlp import annotate

    def make(text: str, published: str | None = None):
        article = Article(id="t", source="test", format="txt", text=text, published=published)
        return annotate(article, nlp(text))

    return make
