"""Shared fixtures: the real spaCy pipeline, the optional ../shared folder, a temp store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.extract import Codebook, load_codebook
from newsevents.model import Article, Document
from newsevents.nlp import DEFAULT_MODEL, annotate, load_pipeline

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


# --- extract (the coder): the packaged codebook and parsed texts ----------------------------


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    """The packaged codebook (with the packaged event types), loaded once per session."""
    return load_codebook()


@pytest.fixture(scope="session")
def parsed(nlp) -> Callable[[str], Document]:
    """text -> a Document parsed by the real pipeline (the nlp stage's ``annotate``)."""

    def parse(text: str) -> Document:
        return annotate(Article(id="t", source="test", format="txt", text=text), nlp(text))

    return parse
