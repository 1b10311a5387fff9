"""What merge compares of each mention: its date interval, sides (actor and recipient keyed to
story entities and coalitions), place, words, and whether it is an opinion about an act."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import (
    DATE_PRECISION,
    FACTUAL,
    PLACE_PRECISION,
    Actor,
    Article,
    EventMention,
    Quote,
)
from .knowledge import MergeKnowledge
from .names import plain_alias_class
from .text import Vector, content_words, name_key, tfidf

T = TypeVar("T")

PREC_RANK: dict[str, int] = {p: i for i, p in enumerate(DATE_PRECISION)}
PLACE_RANK: dict[str, int] = {p: i for i, p in enumerate(PLACE_PRECISION)}


@dataclass(frozen=True)
class EventParams:
    threshold: float
    date_slack_days: int
    publication_lookback_days: int
    max_candidates: int
    cross_story: bool
    evaluative_similarity: float = 0.6


# --- dates -----------------------------------------------------------------------------


def _bounds(value: str, precision: str | None) -> tuple[int, int] | None:
    """First and last ordinal day an ISO (partial / week) date covers."""
    try:
        v = value.strip()
        if "-W" in v:
            year, week = v.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1).toordinal()
            return monday, monday + 6
        parts = v[:10].split("-")
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
        m = int(parts[1])
        if len(parts) == 2:
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1).toordinal()
            return dt.date(y, m, 1).toordinal(), nxt - 1
        d = dt.date(y, m, int(parts[2])).toordinal()
    except (ValueError, IndexError):
        return None
    if precision == "week":
        return d - 3, d + 3
    if precision == "month":
        return d - 15, d + 15
    if precision == "year":
        return d - 182, d + 182
    return d, d


def interval(m: EventMention, lookback: int, *, vague_years: bool = True) -> tuple[int, int] | None:
    if not m.date:
        return None
    b = _bounds(m.date, m.date_precision)
    if b is None:
        return None
    start, end = b
    if m.date_end:
        e = _bounds(m.date_end, m.date_precision)
        if e is not None and e[1] >= start:
            end = e[1]
    if m.date_source == "publication":  # a default, not a statement: allow a few days before
        start -= lookback
    elif m.date_source == "context":
        # the day the article's narrative gives the act: a guess, yet the outlet's own
        # account; a few days before it is another act of the story, not this one
        start -= min(lookback, _CONTEXT_LOOKBACK_DAYS)
    elif vague_years and m.date_precision == "year" and not m.date_end:
        # a bare year for background ("in 2018", "last year" said in January) is vague at its
        # edges: outlets often disagree by one year on the same act, which is a discrepancy
        # to show, not a second event
        start -= _YEAR_EDGE_DAYS
        end += _YEAR_EDGE_DAYS
    return start, end


_CONTEXT_LOOKBACK_DAYS = 3
_YEAR_EDGE_DAYS = 180  # adjacent years overlap; years two apart stay apart
_TIME_LEAD_CHARS = 24  # "in the early hours of " before a tagged "Saturday"


def _across_midnight(
    iv: tuple[int, int] | None, m: EventMention, text: str, kb: MergeKnowledge
) -> tuple[int, int] | None:
    """A day told by the night ("late on Friday", "Friday night") reaches into the next day,
    one told by the early hours ("before dawn on Saturday") into the day before: two outlets
    date one overnight act a day apart."""
    if iv is None or m.time is None or m.date_precision != "day" or not text:
        return iv
    # (the time words and the few before them: "before dawn on Saturday" is tagged "Saturday")
    start = max(m.sentence.start, m.time.start - _TIME_LEAD_CHARS)
    words = f" {' '.join(re.findall(r'[a-z]+', text[start : m.time.end].lower()))} "
    late = any(f" {w} " in words for w in kb.late_night_words)
    early = any(f" {w} " in words for w in kb.early_hours_words)
    return (iv[0] - early, iv[1] + late)


def told_day(x: Features) -> str | None:
    """The single day a mention's own words or its narrative date it to (a ``context`` date
    is the day the article's narrative gives the act); None for the report's day by
    default, a vaguer date or none."""
    if x.m.date_source in ("text", "context") and x.m.date_precision == "day" and x.m.date:
        return x.m.date
    return None


@lru_cache(maxsize=1 << 16)  # the merge writes a day's name in every join it weighs
def iso_day(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


# --- per-mention features ------------------------------------------------------------------

#: one shared empty set (CPython makes a new 216-byte one for each ``frozenset(())``)
EMPTY: frozenset[str] = frozenset()
_SETS: dict[frozenset[Any], frozenset[Any]] = {}


def _frozen(items: Iterable[T]) -> frozenset[T]:
    """``frozenset(items)``, one shared object per distinct set: a mention's features hold
    about fourteen small sets, mostly empty or the same few codes, and as separate objects
    they were most of the features' memory (3.9 of 4.4 KB a mention in a run)."""
    new = frozenset(items)
    if not new:
        return EMPTY  # type: ignore[return-value]
    if len(_SETS) > 100_000:
        _SETS.clear()
    return _SETS.setdefault(new, new)


@dataclass(slots=True)
class Side:
    codes: frozenset[str]
    names: frozenset[str]
    sectors: frozenset[tuple[str, str]]  # (code, sector)
    coalition: frozenset[str]  # member codes of coalitions named on this side
    label: str
    heads: frozenset[str] = frozenset()  # last word of each named actor ("police", "farmers")
    #: last word of each coded participant the coder tied to a named entity ("Soleimani"): the
    #: concrete participant an opinion about an act may share with its report
    persons: frozenset[str] = frozenset()
    #: the codes of its doers the text identifies: an unidentified one's (guessed_sectors in
    #: merge.yaml) is the place's country, which may agree but never conflicts
    named_codes: frozenset[str] = frozenset()


_HEADS: dict[str, str | None] = {}


def _head(name: str, key: str) -> str | None:
    """The last word of a named participant, None for a pronoun or a dateline (cached: the
    same few names recur across thousands of mentions)."""
    if name not in _HEADS:
        if len(_HEADS) > 100_000:
            _HEADS.clear()
        named = plain_alias_class(name) not in ("pronoun", "drop")
        _HEADS[name] = key.split()[-1] if named else None
    return _HEADS[name]


def _side(actors: Sequence[Actor], entity_key: Mapping[str, str], kb: MergeKnowledge) -> Side:
    codes: set[str] = set()
    names: set[str] = set()
    sectors: set[tuple[str, str]] = set()
    members: set[str] = set()
    labels: list[str] = []
    heads: set[str] = set()
    persons: set[str] = set()
    named_codes: set[str] = set()
    for a in actors:
        k = name_key(a.name)
        if k and a.code and a.entity is not None:
            person = _head(a.name, k)
            if person and person not in kb.generic_participants:
                persons.add(person)
        # an uncoded participant's head word ("the protesting farmers"); coded ones are
        # compared by code, and generic heads ("two people") say nothing
        head = _head(a.name, k) if k and not a.code else None
        if head and head not in kb.generic_participants and not head.isdigit():
            heads.add(head)
        coal = kb.coalition_of(a.name) or (kb.coalition_of(a.code) if a.code else frozenset())
        members |= coal
        if a.code and not coal:
            codes.add(a.code)
            if not kb.guessed(a.name, a.sector):
                named_codes.add(a.code)
            if a.sector:
                sectors.add((a.code, a.sector))
        elif k:
            names.add(entity_key.get(k, k))
        labels.append(a.code or a.name)
    return Side(
        _frozen(codes),
        _frozen(names),
        _frozen(sectors),
        _frozen(members),
        "+".join(labels),
        _frozen(heads),
        _frozen(persons),
        _frozen(named_codes),
    )


@dataclass(slots=True)
class Features:
    m: EventMention
    outlet: str
    story: str | None
    group: str
    fclass: str
    iv: tuple[int, int] | None
    prec: int
    actor: Side
    recipient: Side
    place_key: str | None
    place_country: str | None
    place_city: bool
    place_level: str | None  # city | region for a named place below the country
    vec: Vector
    # False: the coder carried the place over from another sentence of the article
    place_stated: bool = True
    evaluative: bool = False  # an opinion about the act (see evaluative_subject)
    backref: bool = False  # names the act as already known ("the attack", "Sunday's raid")
    # the back-reference names a coded doer of its own ("the US strikes", "Israel's raid")
    backref_doer: bool = False
    published: str | None = None  # the report's date (its article's publication date)
    refs: frozenset[str] = frozenset()  # words of definite phrases ("the attack") in the sentence
    # places the sentence names (place entities below the country level, see text_places)
    text_places: frozenset[str] = frozenset()
    separate: bool = False  # the sentence sets its act apart ("Separately, ...", see sets_apart)
    # per figure of the mention (m.quantities), the class of people it counts or None
    # ("nine fighters" -> combatants, "eight people" -> None; see counted_classes)
    counted: tuple[str | None, ...] = ()
    # words of a definite phrase that opens the sentence before the trigger ("The strikes on
    # five sites ... killed 25" -> strike, on, five): the act itself is the subject
    subject_refs: frozenset[str] = frozenset()
    quoted: bool = False  # the trigger is inside a direct quotation (see in_quote)


def in_quote(m: EventMention, quotes: Sequence[Quote]) -> Quote | None:
    """The quotation (extract.quotes found it) that holds the mention's trigger, if any."""
    for q in quotes:
        if q.span.contains(m.trigger):
            return q
    return None


_WORD = re.compile(r"[\w'’-]+")
_EVAL_WINDOW = 6  # words between the trigger and the copula of its clause


def evaluative_subject(m: EventMention, text: str, kb: MergeKnowledge) -> bool:
    """The trigger heads the subject of a copular clause ("Killing him was a mistake",
    "The raid on the port would be reckless"): an evaluation of the act, not a report.

    Read from the words (merge has no parse): only opener words before the trigger in its
    sentence or clause, and a copula within a few words after it, before any comma."""
    if not text:
        return False
    before = text[m.sentence.start : m.trigger.start]
    clause = re.split(r"[,;:—–]\s", before)[-1]  # "..., but killing him was"
    if any(w.lower() not in kb.evaluative_openers for w in _WORD.findall(clause)):
        return False
    after = text[m.trigger.end : m.sentence.end].split(",")[0]
    words = [w.lower() for w in _WORD.findall(after)][: _EVAL_WINDOW + 1]
    return any(w in kb.evaluative_copulas for w in words)


_OPENING_WORDS = 8  # a marker setting the act apart stands in the sentence's first words


@lru_cache(maxsize=4)
def _separate_pattern(markers: frozenset[str]) -> re.Pattern[str] | None:
    if not markers:
        return None
    words = sorted((re.escape(m) for m in markers), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


def sets_apart(sentence: str, kb: MergeKnowledge) -> bool:
    """The sentence opens by setting its act apart from what came before ("Separately,
    gunmen attacked...", "In a separate incident, ..."): another act than the article's
    earlier ones, whatever its type, date and sides (merge.evidence)."""
    pattern = _separate_pattern(kb.separate_markers)
    if pattern is None:
        return False
    opening = " ".join(_WORD.findall(sentence.lower())[:_OPENING_WORDS])
    return bool(pattern.search(opening))


_BACKREF = re.compile(
    r"(?:\b(?:the|this|that|these|those)|\w['’]s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)


_DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|\w+['’]s)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE
)


_OPENING_DEFINITE = re.compile(
    r"^\W*(?:the|these|those|this|that|\w+['’]s)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE
)


def _drop_plural_s(word: str) -> str:
    """ "raids" -> "raid" (not "gas", "bus"): the merge reads stored text, with no parse."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def subject_words(m: EventMention, text: str) -> frozenset[str]:
    """Words of the definite phrase opening the mention's sentence when its trigger comes
    later ("The raids killed 25 fighters" -> raid): the outlet makes the known act the doer,
    so the coded actor is the coder's guess from the rest of the sentence."""
    opening = text[m.sentence.start : m.trigger.start]
    hit = _OPENING_DEFINITE.match(opening)
    if hit is None:
        return EMPTY
    return _frozen(_drop_plural_s(w) for w in hit.group(1).lower().split())


def definite_words(sentence: str) -> frozenset[str]:
    """Words of the definite phrases of a sentence ("killed in the attack" -> attack; plural
    s dropped): names of acts the outlet takes as known, matched against an event's trigger
    lemmas (merge.evidence)."""
    out: set[str] = set()
    for phrase in _DEFINITE.findall(sentence):
        for w in phrase.lower().split():
            out.add(_drop_plural_s(w))
    return _frozen(out)


_NOUN_ENDINGS = ("", "s", "es", "ing", "ings")  # attack(s), fighting, killings


def _names_the_act(word: str, lemma: str) -> bool:
    """The trigger word is a noun for the act: the lemma, its plural, or its gerund ("the
    fighting", "the killings", "the shelling"; a doubled final consonant too: "stabbing")."""
    for stem in (lemma, lemma + lemma[-1]):
        if word.startswith(stem) and word[len(stem) :] in _NOUN_ENDINGS:
            return stem == lemma or word[len(stem) :].startswith("ing")
    return False


def back_reference(m: EventMention, text: str, copulas: frozenset[str] = frozenset()) -> bool:
    """A nominal trigger after a determiner or a possessive ("the attack", "Sunday's
    bombing", "the weekend raid"): the outlet names an act its readers already know of. A
    copula or auxiliary in between makes it a verb ("The Pentagon is sending troops")."""
    if not text:
        return False
    word = text[m.trigger.start : m.trigger.end].lower()
    lemma = (m.trigger_lemma or "").lower()
    if not lemma or not _names_the_act(word, lemma):
        return False  # an inflected verb ("accused") is not a name of the act
    start = max(m.sentence.start, m.trigger.start - 40)
    before = text[start : m.trigger.start]
    hit = _BACKREF.search(before)
    if hit is None:
        return False
    if word == lemma + "s" and _names_subject(text[m.sentence.start : start + hit.start()], hit):
        return False
    return not any(w in copulas for w in _WORD.findall(hit.group(0).lower()))


def doer_in_reference(m: EventMention, text: str) -> bool:
    """The back-reference itself names a coded doer ("condemned the US strikes", "Israel's
    raid"): the doer is written, not the coder's guess from the rest of the sentence."""
    if not text or not m.actor:
        return False
    start = max(m.sentence.start, m.trigger.start - 40)
    hit = _BACKREF.search(text[start : m.trigger.start])
    if hit is None:
        return False
    low = start + hit.start()
    return any(a.code and low <= a.span.start and a.span.end <= m.trigger.start for a in m.actor)


def _names_subject(opening: str, hit: re.Match[str]) -> bool:
    """The determiner opens the sentence and a name follows it ("The Forum calls on", "The
    Ministry accuses"): the phrase is the subject and the trigger its verb in the present
    tense, not a plural noun for a known act ("the raids")."""
    if opening.strip():
        return False
    words = _WORD.findall(hit.group(0))[1:]
    return bool(words) and all(w[:1].isupper() for w in words)


_MAX_PLACE_WORDS = 4
_TOKEN = re.compile(r"\w+")


def _location_key(m: EventMention) -> str | None:
    """The key of a mention's place below the country, told by the text (not a dateline)."""
    loc = m.location
    if loc is None or loc.source == "dateline" or loc.precision == "country":
        return None
    return name_key(loc.name) or None


def _plain(text: str) -> list[str]:
    """Lower-case word tokens (cheap: run on every sentence; place names get the same)."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class KnownPlaces:
    """The places the coder gave any mention of the stories merged, below the country level:
    their plain word forms (``_plain``) -> name key, and the words they begin with."""

    keys: Mapping[str, str]
    firsts: frozenset[str]

    @classmethod
    def of(cls, mentions: Sequence[EventMention], kb: MergeKnowledge) -> KnownPlaces:
        keys: dict[str, str] = {}
        for m in mentions:
            k = _location_key(m)
            if k is None or k in kb.country_words or m.location is None:
                continue
            words = _plain(m.location.name)
            if 0 < len(words) <= _MAX_PLACE_WORDS:
                keys[" ".join(words)] = k
        return cls(keys, frozenset(w.split()[0] for w in keys))


def text_places(sentence: str, known: KnownPlaces) -> frozenset[str]:
    """The known places the sentence names ("the fighting near Kok-Tash"): a report naming
    the place another outlet gave the act is evidence of one event even where the coder
    placed only one of them (merge.evidence, ``place_named``). Word n-grams of the sentence,
    tried only from words that begin a known place."""
    if not known.keys:
        return EMPTY
    words = _plain(sentence)
    found = set()
    for i, w in enumerate(words):
        if w not in known.firsts:
            continue
        for n in range(1, min(_MAX_PLACE_WORDS, len(words) - i) + 1):
            k = known.keys.get(" ".join(words[i : i + n]))
            if k is not None:
                found.add(k)
    return _frozen(found)


_COUNTED_WINDOW = 3  # words after a figure that may name whom it counts ("six separatist fighters")


def _singulars(word: str) -> tuple[str, ...]:
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")  # gunmen, militiamen
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")  # families
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return tuple(forms)


def counted_classes(m: EventMention, text: str, kb: MergeKnowledge) -> tuple[str | None, ...]:
    """Whom each figure of the mention counts: the class (counted_classes in merge.yaml) of
    the first noun of a class among the few words after the number, None when a general word
    ("people", "members") or a function word ("two of the victims") comes first."""
    if not m.quantities or not kb.counted_class:
        return ()
    out: list[str | None] = []
    for q in m.quantities:
        found: str | None = None
        after = _WORD.findall(text[q.span.end : q.span.end + 60].lower())[:_COUNTED_WINDOW]
        for word in after:
            forms = _singulars(word)
            cls = next((kb.counted_class[f] for f in forms if f in kb.counted_class), None)
            if cls is not None:
                found = cls
                break
            if word in kb.generic_participants or word in STOP_WORDS:
                break
        out.append(found)
    return tuple(out)


def toll_update(m: EventMention, sentence: str, kb: MergeKnowledge) -> bool:
    """The mention gives a death toll in a sentence that updates one ("raised the toll from
    Sunday's bombing to four"): it refers back to an act already told."""
    if not any(q.kind == "killed" for q in m.quantities):
        return False
    return any(w in kb.toll_words for w in _plain(sentence))


def factual_class(factuality: str) -> str:
    return "factual" if factuality in FACTUAL else factuality


# --- clusters --------------------------------------------------------------------------


def mention_features(
    mentions: Sequence[EventMention],
    articles: Mapping[str, Article],
    story_of: Mapping[str, str],
    entity_keys: Mapping[tuple[str, str], str],
    idf: Mapping[str, float],
    kb: MergeKnowledge,
    p: EventParams,
    known: KnownPlaces | None = None,
    quotes: Mapping[str, Sequence[Quote]] | None = None,
) -> list[Features]:
    """The features of each mention (``quotes``: the direct quotations by article).
    ``known``: the places a sentence may name (:func:`text_places`), those the coder gave
    any mention of the corpus
    (``Corpus.places``); by default those of ``mentions``. A merge of part of a corpus (a
    date window and its margin) must pass the corpus's: with its own, a mention's features
    depended on which other mentions the part held, and the windowed merge kept apart what
    the whole merge joined on a place coded only outside the window."""
    out = []
    if known is None:
        known = KnownPlaces.of(mentions, kb)
    for m in mentions:
        art = articles.get(m.article_id)
        text = art.text if art is not None else ""
        ekeys = _ArticleKeys(entity_keys, m.article_id)
        iv = _across_midnight(interval(m, p.publication_lookback_days), m, text, kb)
        sentence = m.sentence.of(text) if text else ""
        toll = toll_update(m, sentence, kb)
        if toll and iv is not None:
            iv = (iv[0] - p.publication_lookback_days, iv[1])  # the act precedes its update
        # a dateline place is a prior, not evidence that two mentions are one event
        loc = m.location if m.location is None or m.location.source != "dateline" else None
        out.append(
            Features(
                m=m,
                outlet=(art.outlet or art.source) if art is not None else "",
                story=story_of.get(m.article_id),
                group=kb.type_group.get(m.event, m.event),
                fclass=factual_class(m.factuality),
                iv=iv,
                prec=PREC_RANK.get(m.date_precision or "day", 0) if iv else len(PREC_RANK),
                actor=_side(m.actor, ekeys, kb),
                recipient=_side(m.recipient, ekeys, kb),
                place_key=name_key(loc.name) if loc and loc.precision != "country" else None,
                place_country=loc.country if loc else None,
                place_city=bool(loc and loc.precision in ("city", "district")),
                place_level=loc.precision if loc and loc.precision != "country" else None,
                place_stated=not (loc and loc.span and not m.sentence.contains(loc.span)),
                vec=tfidf(content_words(m.sentence.of(text)), idf) if text else {},
                evaluative=evaluative_subject(m, text, kb),
                backref=(backref := back_reference(m, text, kb.evaluative_copulas)),
                backref_doer=backref and doer_in_reference(m, text),
                published=art.published if art is not None else None,
                refs=definite_words(m.sentence.of(text)) if text else EMPTY,
                text_places=text_places(m.sentence.of(text), known) if text else EMPTY,
                separate=sets_apart(m.sentence.of(text), kb) if text else False,
                counted=counted_classes(m, text, kb) if text else (),
                subject_refs=subject_words(m, text) if text else EMPTY,
                quoted=in_quote(m, (quotes or {}).get(m.article_id, ())) is not None,
            )
        )
    return out


class _ArticleKeys(Mapping[str, str]):
    """name key -> story entity key for one article (a view on the story lookup)."""

    def __init__(self, lookup: Mapping[tuple[str, str], str], article_id: str) -> None:
        self._lookup, self._aid = lookup, article_id

    def __getitem__(self, k: str) -> str:
        return self._lookup[(self._aid, k)]

    def __iter__(self) -> Iterator[str]:
        return iter(k for (a, k) in self._lookup if a == self._aid)

    def __len__(self) -> int:
        return sum(1 for (a, _) in self._lookup if a == self._aid)
