"""Shared model types: the only module every stage may import (with ``errors``).

Data flows one way: ingest -> nlp -> extract -> resolve -> merge -> store -> report/cli.
Per-article objects are frozen dataclasses; annotations are :class:`Span` offsets into the
article's clean text (``Article.text``), never copied strings. The one mutable object is
:class:`Document`, which carries an article through the per-article stages.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:  # spaCy types for annotations only: the model stays importable without it
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: A PLOVER event type (PLOVER manual draft 2.0). The types the engine knows are declared in
#: ``data/event_types.yaml`` (one declaration each); this alias lets mypy check the names code
#: uses. A user's codebook may declare more types: at run time a type is any declared string.
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

#: PLOVER event types, in manual order.
EVENT_TYPES: tuple[EventType, ...] = typing.get_args(EventType)

#: Factuality of an event as the article reports it.
#: asserted: the outlet states it happened; reported: attributed to a named source;
#: future: announced/planned; hypothetical: possible, conditional, speculated;
#: negated: said not to have happened.
Factuality = Literal["asserted", "reported", "future", "hypothetical", "negated"]
FACTUALITY: tuple[Factuality, ...] = typing.get_args(Factuality)

#: Factuality values a timeline shows by default (events that did happen, per the text).
FACTUAL: frozenset[Factuality] = frozenset({"asserted", "reported"})

#: Date precision values, coarsest last.
DatePrecision = Literal["day", "week", "month", "year"]
DATE_PRECISION: tuple[DatePrecision, ...] = typing.get_args(DatePrecision)

#: Place precision values.
PlacePrecision = Literal["city", "district", "province", "region", "country"]
PLACE_PRECISION: tuple[PlacePrecision, ...] = typing.get_args(PlacePrecision)
#: Where an event's place comes from: its own words, or the article's dateline (a prior).
PlaceSource = Literal["text", "dateline"]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's clean text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    # The one bridge from spaCy tokens to character offsets (Document.tokens goes back).
    @classmethod
    def of_token(cls, token: Token) -> Span:
        return cls(token.idx, token.idx + len(token.text))

    @classmethod
    def of_tokens(cls, tokens: SpacySpan) -> Span:
        return cls(tokens.start_char, tokens.end_char)


class TokenIndex:
    """Many char offset -> spaCy token lookups over one parse (binary search over the token
    offsets, which spaCy keeps in text order without overlaps)."""

    def __init__(self, parse: Doc) -> None:
        from spacy.attrs import IDX, LENGTH

        self.parse = parse
        # the offsets as one array read (not a Token object per token: most are never used)
        offsets = parse.to_array([IDX, LENGTH]).tolist() if len(parse) else []
        self.starts = [start for start, _ in offsets]
        self.ends = [start + length for start, length in offsets]

    def at(self, char: int) -> Token | None:
        """The token that covers ``char`` (None in whitespace between tokens)."""
        k = bisect_right(self.starts, char) - 1
        if k >= 0 and char < self.ends[k]:
            return self.parse[k]
        return None

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens wholly inside ``[start, end)``, in order."""
        out: list[Token] = []
        k = bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            if self.starts[k] < self.ends[k] <= end:
                out.append(self.parse[k])
            k += 1
        return out


@dataclass(frozen=True)
class Article:
    """One news article after ingestion: metadata, clean text and the raw input."""

    id: str  # stable: hash of the normalised clean text (see ingest)
    source: str  # where it came from: a path, "path#line", "-"
    format: str  # txt | md | html | pdf | json | jsonl
    text: str  # clean text; every Span points into this
    raw: bytes = b""  # the input exactly as read, so nothing is lost
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (may be partial)
    published_source: str | None = None  # metadata | text | override | inferred
    published_confidence: float | None = None
    language: str | None = None


@dataclass(frozen=True)
class Skip:
    """An input that could not be turned into an article, with a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True)
class EntityMention:
    """A named-entity mention from the NER (spaCy label)."""

    span: Span
    label: str


@dataclass(frozen=True)
class Actor:
    """An event participant, coded compositionally as PLOVER does (country + sector).

    ``code`` is an ISO 3166-1 alpha-3 country or a PLOVER non-state code (IGO, NGO, ...);
    ``entity`` is the key of the in-document entity this mention belongs to (coreference).
    """

    span: Span
    name: str
    code: str | None = None
    sector: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A count attached to an event, e.g. killed=25 (approximate: "some 25")."""

    kind: str  # killed | injured | arrested | troops | people | ...
    value: int
    approximate: bool
    span: Span


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression normalised against the publication date.

    ``value`` is an ISO date, possibly partial ("2019", "2019-12", "2019-12-29");
    ``end`` is set for ranges; ``precision`` is one of :data:`DATE_PRECISION`;
    ``part_of_day`` keeps "morning", "evening" ... when the text gives it.
    """

    span: Span
    value: str
    precision: DatePrecision
    end: str | None = None
    part_of_day: str | None = None


@dataclass(frozen=True)
class Place:
    """A resolved location. No place is better than a wrong or centroid one."""

    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    precision: PlacePrecision  # city | district | province | region | country
    span: Span | None = None
    geonameid: int | None = None
    source: PlaceSource = "text"


@dataclass(frozen=True)
class ModelScore:
    """What a learned model (:mod:`newsevents.learn`) said of a rule's candidate: the model
    (``type`` or ``factuality``), the label it scored, its probability, and what was done
    (``kept``, ``retyped from ACCUSE``, ``relabelled from asserted`` ...)."""

    model: str
    label: str
    score: float
    action: str = "kept"


@dataclass(frozen=True)
class EventMention:
    """One event as one article reports it in one sentence.

    ``rule`` names the codebook entry that fired and ``cue`` the words that decided the
    factuality, so every event is explained by its words.
    """

    article_id: str
    index: int  # order of the mention within its article
    sentence: Span
    trigger: Span
    event: EventType  # PLOVER type
    cameo: str  # CAMEO code string, e.g. "190"
    intensity: float  # Goldstein score of the CAMEO code
    factuality: Factuality
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    rule: str = ""
    trigger_lemma: str = ""
    framing: tuple[str, ...] = ()  # words the outlet uses for the act (trigger + modifiers)
    cue: Span | None = None
    speaker: Actor | None = None  # set when the event is told inside someone's quote
    # filled by resolve:
    date: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    date_source: str | None = None  # text | context (the narrative's date) | publication
    time: Span | None = None
    location: Place | None = None
    # filled by the learned second opinion (empty when the rules run alone, ``--no-model``):
    scores: tuple[ModelScore, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(frozen=True)
class Quote:
    """A direct quotation with its speaker and cue verb."""

    article_id: str
    index: int
    span: Span  # the quoted words, without the quote marks
    sentence: Span
    cue: Span | None = None
    cue_lemma: str = ""
    speaker: Actor | None = None

    @property
    def id(self) -> str:
        return f"{self.article_id}:q{self.index}"


#: Where a participant stands: a mention's actor or recipient, or a quote's speaker.
ParticipantRole = Literal["actor", "recipient", "speaker"]


@dataclass(frozen=True)
class Participant:
    """One stored actor, recipient or quote speaker, where it stands (store -> api)."""

    name: str
    role: ParticipantRole
    event: str | None  # the mention's event type (None for a quote's speaker)
    source_id: str  # the mention's or quote's id
    article_id: str
    sentence: Span  # the sentence it stands in
    sector: str | None  # the sector it got, if any
    kind: str | None  # its in-document entity's kind (PERSON, ORG ...), if any
    entity: str | None  # that entity's name (its longest), if any


@dataclass(frozen=True)
class Entity:
    """An in-document entity: the cluster of mentions that refer to one actor."""

    key: str
    name: str  # the longest / canonical name
    code: str | None
    sector: str | None
    kind: str  # PERSON | ORG | GPE | NORP | ...
    mentions: tuple[Span, ...] = ()


#: parse.user_data key of :meth:`Document.tokens`' spans already looked up
_SPANS = "newsevents.spans"


@dataclass
class Document:
    """The object that flows through the per-article stages.

    ``parse`` holds the spaCy ``Doc`` while the article is in memory; it is never stored.
    """

    article: Article
    sentences: list[Span] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    parse: Doc | None = None
    times: list[TimeExpression] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def tokens(self, span: Span) -> SpacySpan | None:
        """The tokens covering ``span`` (widened to whole tokens); None without a parse.
        Each span is looked up once per parse: the stages ask for the same trigger and actor
        spans again and again (spaCy's ``char_span`` is a search over the tokens)."""
        parse = self.parse
        if parse is None:
            return None
        memo: dict[tuple[int, int], SpacySpan | None] = parse.user_data.setdefault(_SPANS, {})
        key = (span.start, span.end)
        if key not in memo:
            memo[key] = parse.char_span(span.start, span.end, alignment_mode="expand")
        return memo[key]

    def sentence_of(self, span: Span) -> Span | None:
        """The sentence that contains ``span`` (None if it straddles two)."""
        for sent in self.sentences:
            if sent.contains(span):
                return sent
        return None


# --- cross-article results (merge) ---------------------------------------------------


@dataclass(frozen=True)
class SourceValue:
    """One outlet's value for a field of a merged event, with the sentence that gives it."""

    value: str
    mention_id: str
    article_id: str
    outlet: str | None
    sentence: Span


@dataclass(frozen=True)
class Discrepancy:
    """Outlets disagree on ``field`` (killed, injured, date, place, ...)."""

    field: str
    values: tuple[SourceValue, ...]


@dataclass(frozen=True)
class Story:
    id: str
    article_ids: tuple[str, ...]
    label: str
    entities: tuple[StoryEntity, ...] = ()  # cross-article entities (merge), see StoryEntity


@dataclass(frozen=True)
class Figure:
    """One outlet's count of one kind for an event, as one sentence told it on one day."""

    kind: str  # killed | injured | arrested | ...
    value: int
    approximate: bool
    outlet: str | None
    article_id: str
    mention_id: str
    sentence: Span
    reported: str | None  # the report's date (the article's publication date)
    superseded: bool = False  # a later report of the same outlet gives another figure


@dataclass(frozen=True)
class FigureRange:
    """Low / best / high of one kind over the outlets' current figures, with every figure
    (superseded ones too). ``best`` is the median of the outlets' latest figures (the lower
    middle one for an even count); see the README ("Casualty figures")."""

    kind: str
    low: int
    best: int
    high: int
    figures: tuple[Figure, ...] = ()

    @property
    def disputed(self) -> bool:
        return self.low != self.high


@dataclass(frozen=True)
class Event:
    """A real-world event: one or more mentions merged, with their disagreements."""

    id: str
    story_id: str | None
    mention_ids: tuple[str, ...]
    event: EventType
    cameo: str
    intensity: float
    factuality: Factuality
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[Actor, ...] = ()
    recipient: tuple[Actor, ...] = ()
    date: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    location: Place | None = None
    quantities: tuple[Quantity, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    framing: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (outlet, words) pairs
    explanation: tuple[str, ...] = ()  # why each mention joined
    figures: tuple[FigureRange, ...] = ()  # per kind: every outlet's figures and the range


@dataclass(frozen=True)
class MergeResult:
    stories: tuple[Story, ...]
    events: tuple[Event, ...]


# --- plain-data round trip (store uses this to keep mentions as JSON) -----------------

T = TypeVar("T")


def evolve(obj: T, **changes: Any) -> T:
    """``dataclasses.replace`` for the records of this module, several times faster: a copy
    of the instance's fields with ``changes``, without running the generated ``__init__``
    again (which sets each of an event mention's 25 fields through ``object.__setattr__``).
    The records here have no ``__post_init__``, so nothing else would run (a class with one,
    or with slots, goes through ``replace``); an unknown field raises TypeError, as
    ``replace`` does. The coder rebuilds each mention several times per article."""
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
            return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields)
    unknown = changes.keys() - set(names)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
    new = object.__new__(cls)
    state = obj.__dict__
    if len(state) != len(names):  # more than the fields (a cached value): the fields only
        state = {name: state[name] for name in names}
    new.__dict__.update(state, **changes)
    return new


#: the field names of each record class :func:`evolve` copied
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_data(obj: Any) -> Any:
    """Dataclass tree -> JSON-able plain data (tuples become lists; bytes are dropped)."""
    kind = _KINDS.get(type(obj))
    if kind is None:
        kind = _KINDS[type(obj)] = _kind(obj)
    if kind is _SCALAR:
        return obj
    if kind is _SEQUENCE:
        return [to_data(x) for x in obj]
    return {name: to_data(getattr(obj, name)) for name in kind}


_SCALAR: tuple[str, ...] = ("<scalar>",)
_SEQUENCE: tuple[str, ...] = ("<sequence>",)
#: per type: the dataclass's field names written by to_data, or one of the markers above
#: (a type's kind never changes, so to_data works it out once per type)
_KINDS: dict[type, tuple[str, ...]] = {}


def _kind(obj: Any) -> tuple[str, ...]:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return tuple(f.name for f in dataclasses.fields(obj) if f.name not in ("raw", "parse"))
    if isinstance(obj, (list, tuple)):
        return _SEQUENCE
    return _SCALAR


def from_data(cls: type[T], data: Any) -> T:
    """Inverse of :func:`to_data` for the frozen model types above."""
    return typing.cast(T, _decoder(cls)(data))


_Decoder = typing.Callable[[Any], Any]
#: per annotation: a function decoding plain data of that type (built once per annotation)
_DECODERS: dict[Any, _Decoder] = {}


def _decoder(tp: Any) -> _Decoder:
    try:
        return _DECODERS[tp]
    except KeyError:
        pass
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        plan: list[tuple[str, _Decoder]] = []

        def record(data: Any) -> Any:
            if data is None:
                return None
            if not plan:  # built on first use, so a type may refer to itself
                hints = _hints(tp)
                plan.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(tp))
            return tp(**{name: dec(data[name]) for name, dec in plan if name in data})

        _DECODERS[tp] = record
        return record
    decode = _build_decoder(tp)
    _DECODERS[tp] = decode
    return decode


def _identity(data: Any) -> Any:
    return data


def _build_decoder(tp: Any) -> _Decoder:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) != 1:
            return _identity
        member = _decoder(members[0])
        return lambda data: None if data is None else member(data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda data: None if data is None else tuple([item(x) for x in data])
        decs = [_decoder(a) for a in args]
        return lambda data: (
            None if data is None else tuple(d(x) for d, x in zip(decs, data, strict=True))
        )
    if origin is list:
        (arg,) = typing.get_args(tp)
        elem = _decoder(arg)
        return lambda data: None if data is None else [elem(x) for x in data]
    return _identity


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    if tp not in _HINTS:
        _HINTS[tp] = typing.get_type_hints(tp)
    return _HINTS[tp]


@dataclass(frozen=True)
class StoryEntity:
    """One actor/place across the articles of a story (merge's cross-article resolution).

    ``aliases`` are the surface names the articles use ("Jane Q. Doe", "Doe", "JQD");
    ``members`` are ``"<article_id>:<Entity.key>"`` of the in-document entities joined
    (or ``"<article_id>:"`` for names without an in-document entity).
    """

    key: str
    name: str
    code: str | None
    kind: str
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...]
    members: tuple[str, ...] = ()
    why: tuple[str, ...] = ()  # one line per alias joined, saying which rule joined it
