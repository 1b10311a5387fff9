"""Gold-file loaders: PLOVER gold-standard records, sentence JSONL and corpus JSONL.

Every loader checks the shape of each record and raises :class:`GoldError` with a one-line
message naming the file, the record and what to fix. :func:`load_gold` detects the format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldError
from ..model import DATE_PRECISION, EVENT_TYPES, FACTUALITY, PLACE_PRECISION

#: PLOVER 0.5 event names in the published gold-standard records -> (PLOVER 2.0 type, mode).
PLOVER_05_NAMES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


@dataclass(frozen=True)
class GoldEvent:
    """One event a sentence should yield. Actor codes are compared on their first 3 letters."""

    event: str
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    factuality: str | None = None
    mode: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class GoldSentence:
    """A sentence (or short text) with every event a careful coder would code from it."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]
    published: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class SentenceGold:
    """A sentence-level gold set (``fmt`` is ``plover`` or ``sentences``)."""

    path: Path
    fmt: str
    sentences: tuple[GoldSentence, ...]


@dataclass(frozen=True)
class GoldArticle:
    file: str
    story: str
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class GoldReport:
    file: str
    quote: str


@dataclass(frozen=True)
class GoldPlace:
    name: str
    country: str | None
    precision: str | None = None  # city | district | province | region | country (optional)


@dataclass(frozen=True)
class CorpusEvent:
    id: str
    event: str
    reports: tuple[GoldReport, ...]
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    factuality: str | None = None
    mode: str | None = None
    date: str | None = None
    date_precision: str | None = None  # day | week | month | year; default: the date's length
    place: GoldPlace | None = None
    place_annotated: bool = False  # "place": null says the event has no place to give


@dataclass(frozen=True)
class GoldDiscrepancy:
    event: str  # a CorpusEvent id
    field: str
    values: tuple[tuple[str, str], ...]  # (file, value)


@dataclass(frozen=True)
class CorpusGold:
    """Gold for a whole corpus: articles and their stories, events with the sentences that
    report them, discrepancies between outlets, and sentences that must yield no fact."""

    path: Path
    articles: tuple[GoldArticle, ...]
    events: tuple[CorpusEvent, ...]
    discrepancies: tuple[GoldDiscrepancy, ...]
    nonevents: tuple[GoldReport, ...]
    stories: tuple[tuple[str, str], ...] = ()  # (id, label) when the gold names its stories

    fmt: str = "corpus"


Gold = SentenceGold | CorpusGold


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace so quotes match however the text was wrapped."""
    return " ".join(text.split())


# --- small shape checkers ---------------------------------------------------------------


class _Where:
    """Names a record in error messages: ``path:line`` or ``path[index]``."""

    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.label = label

    def fail(self, problem: str) -> GoldError:
        return GoldError(f"{self.path}{self.label}: {problem}")


def _str(rec: Mapping[str, Any], key: str, where: _Where, *, required: bool = True) -> str | None:
    value = rec.get(key)
    if value is None or value == "":
        if required:
            raise where.fail(f"missing required field {key!r}; add it")
        return None
    if not isinstance(value, str):
        raise where.fail(f"field {key!r} must be a string, got {type(value).__name__}")
    return value


def _event_type(value: str | None, where: _Where) -> str:
    if value not in EVENT_TYPES:
        raise where.fail(f"unknown event type {value!r}; use one of {', '.join(EVENT_TYPES)}")
    return value


def _factuality(value: str | None, where: _Where) -> str | None:
    if value is not None and value not in FACTUALITY:
        raise where.fail(f"unknown factuality {value!r}; use one of {', '.join(FACTUALITY)}")
    return value


def _codes(rec: Mapping[str, Any], key: str, where: _Where) -> tuple[str, ...]:
    value = rec.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(c, str) and c for c in value):
        raise where.fail(f'field {key!r} must be a list of actor codes like ["USA"]')
    return tuple(c.upper() for c in value)


def _date(rec: Mapping[str, Any], key: str, where: _Where) -> str | None:
    value = _str(rec, key, where, required=False)
    if value is not None and not _is_partial_iso(value):
        raise where.fail(f"field {key!r} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _precision(rec: Mapping[str, Any], where: _Where) -> str | None:
    value = _str(rec, "date_precision", where, required=False)
    if value is not None and value not in DATE_PRECISION:
        allowed = ", ".join(DATE_PRECISION)
        raise where.fail(f"unknown date_precision {value!r}; use one of {allowed}")
    return value


def _is_partial_iso(value: str) -> bool:
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        return False
    return all(p.isdigit() for p in parts) and all(len(p) == 2 for p in parts[1:])


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    records: list[tuple[int, dict[str, Any]]] = []
    for lineno, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{lineno}: not valid JSON ({e.msg}); fix the line") from e
        if not isinstance(rec, dict):
            raise GoldError(f"{path}:{lineno}: each line must be a JSON object")
        records.append((lineno, rec))
    if not records:
        raise GoldError(f"{path}: the gold file holds no records; add at least one")
    return records


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise GoldError(f"cannot read gold file {path}: {e.strerror}") from e
    except UnicodeDecodeError as e:
        raise GoldError(f"{path}: gold file is not UTF-8; re-save it as UTF-8") from e


# --- PLOVER gold-standard records -------------------------------------------------------


def load_plover(path: Path) -> SentenceGold:
    """PLOVER gold-standard records: a JSON list; ``DOCUMENT`` records are skipped."""
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as e:
        raise GoldError(f"{path}: not valid JSON ({e.msg} at line {e.lineno}); fix it") from e
    return _plover_records(path, data)


def _plover_records(path: Path, data: Any) -> SentenceGold:
    if not isinstance(data, list):
        raise GoldError(f"{path}: PLOVER gold must be a JSON list of records")
    sentences = []
    for i, rec in enumerate(data):
        where = _Where(path, f"[{i}]")
        if not isinstance(rec, dict):
            raise where.fail("each PLOVER record must be a JSON object")
        name = _str(rec, "event", where)
        if name == "DOCUMENT":
            continue
        etype, mode = PLOVER_05_NAMES.get(name or "", (name, None))
        etype = _event_type(etype, where)
        sentences.append(
            GoldSentence(
                id=_str(rec, "id", where) or "",
                text=_str(rec, "text", where) or "",
                events=(
                    GoldEvent(
                        event=etype,
                        actor=_plover_actors(rec, "source", where),
                        recipient=_plover_actors(rec, "target", where),
                        mode=mode,
                    ),
                ),
            )
        )
    if not sentences:
        raise GoldError(f"{path}: no PLOVER event records (only DOCUMENT records?)")
    return SentenceGold(path=path, fmt="plover", sentences=tuple(sentences))


def _plover_actors(rec: Mapping[str, Any], key: str, where: _Where) -> tuple[str, ...]:
    value = rec.get(key)
    if value is None or value == "":  # the published records use null or "" for "none"
        return ()
    if not isinstance(value, list):
        raise where.fail(f"field {key!r} must be a list of {{actorText, code}} objects")
    codes = []
    for actor in value:
        if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
            raise where.fail(f"each {key!r} entry needs a string 'code'")
        if actor["code"]:
            codes.append(actor["code"].upper())
    return tuple(codes)


# --- sentence JSONL ----------------------------------------------------------------------


def load_sentences(path: Path) -> SentenceGold:
    """Our sentence gold: one object per line with ``id``, ``text``, ``events`` (may be [])."""
    return _sentence_records(path, _read_jsonl(path))


def _sentence_records(path: Path, records: Iterable[tuple[int, dict[str, Any]]]) -> SentenceGold:
    sentences = []
    seen: set[str] = set()
    for lineno, rec in records:
        where = _Where(path, f":{lineno}")
        sid = _str(rec, "id", where) or ""
        if sid in seen:
            raise where.fail(f"duplicate id {sid!r}; ids must be unique")
        seen.add(sid)
        events = rec.get("events")
        if not isinstance(events, list):
            raise where.fail("field 'events' must be a list ([] for a sentence with no event)")
        tags = rec.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise where.fail("field 'tags' must be a list of strings")
        sentences.append(
            GoldSentence(
                id=sid,
                text=_str(rec, "text", where) or "",
                published=_date(rec, "published", where),
                events=tuple(_sentence_event(ev, where) for ev in events),
                tags=tuple(tags),
            )
        )
    return SentenceGold(path=path, fmt="sentences", sentences=tuple(sentences))


def _sentence_event(ev: Any, where: _Where) -> GoldEvent:
    if not isinstance(ev, dict):
        raise where.fail("each entry of 'events' must be an object with at least 'event'")
    return GoldEvent(
        event=_event_type(_str(ev, "event", where), where),
        actor=_codes(ev, "actor", where),
        recipient=_codes(ev, "recipient", where),
        factuality=_factuality(_str(ev, "factuality", where, required=False), where),
        mode=_str(ev, "mode", where, required=False),
        date=_date(ev, "date", where),
    )


# --- corpus JSONL ------------------------------------------------------------------------


def load_corpus(path: Path) -> CorpusGold:
    """Corpus gold: JSONL records of kind article / event / discrepancy / nonevent."""
    return _corpus_records(path, _read_jsonl(path))


def _corpus_records(path: Path, records: Iterable[tuple[int, dict[str, Any]]]) -> CorpusGold:
    articles: list[GoldArticle] = []
    events: list[CorpusEvent] = []
    discrepancies: list[tuple[_Where, GoldDiscrepancy]] = []
    nonevents: list[GoldReport] = []
    stories: list[tuple[str, str]] = []
    for lineno, rec in records:
        where = _Where(path, f":{lineno}")
        kind = _str(rec, "kind", where)
        if kind == "story":
            sid = _str(rec, "id", where) or ""
            stories.append((sid, _str(rec, "label", where, required=False) or sid))
        elif kind == "article":
            articles.append(
                GoldArticle(
                    file=_str(rec, "file", where) or "",
                    story=_str(rec, "story", where) or "",
                    outlet=_str(rec, "outlet", where, required=False),
                    published=_date(rec, "published", where),
                )
            )
        elif kind == "event":
            events.append(_corpus_event(rec, where))
        elif kind == "discrepancy":
            values = rec.get("values")
            if not isinstance(values, dict) or len(values) < 2:
                raise where.fail("'values' must map at least two files to their values")
            discrepancies.append(
                (
                    where,
                    GoldDiscrepancy(
                        event=_str(rec, "event", where) or "",
                        field=_str(rec, "field", where) or "",
                        values=tuple((str(k), str(v)) for k, v in values.items()),
                    ),
                )
            )
        elif kind == "nonevent":
            nonevents.append(
                GoldReport(
                    file=_str(rec, "file", where) or "", quote=_str(rec, "quote", where) or ""
                )
            )
        else:
            raise where.fail(
                f"unknown kind {kind!r}; use story, article, event, discrepancy or nonevent"
            )
    ids = [e.id for e in events]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise GoldError(f"{path}: duplicate event ids {', '.join(dupes)}; make them unique")
    for where, d in discrepancies:
        if d.event not in ids:
            raise where.fail(f"discrepancy refers to unknown event {d.event!r}")
    story_ids = {s for s, _ in stories}
    for a in articles:
        if story_ids and a.story not in story_ids:
            raise GoldError(f"{path}: article {a.file!r} names unknown story {a.story!r}")
    files = {a.file for a in articles}
    for e in events:
        for r in e.reports:
            if r.file not in files:
                raise GoldError(
                    f"{path}: event {e.id!r} reports file {r.file!r} that has no article "
                    "record; add one"
                )
    return CorpusGold(
        path=path,
        articles=tuple(articles),
        events=tuple(events),
        discrepancies=tuple(d for _, d in discrepancies),
        nonevents=tuple(nonevents),
        stories=tuple(stories),
    )


def _corpus_event(rec: Mapping[str, Any], where: _Where) -> CorpusEvent:
    reports = rec.get("reports")
    if not isinstance(reports, list) or not reports:
        raise where.fail("'reports' must list at least one {file, quote}")
    parsed = []
    for r in reports:
        if not isinstance(r, dict):
            raise where.fail("each report must be an object {file, quote}")
        file, quote = _str(r, "file", where) or "", _str(r, "quote", where) or ""
        parsed.append(GoldReport(file=file, quote=quote))
    place = rec.get("place")
    gold_place = None
    if place is not None:
        if not isinstance(place, dict):
            raise where.fail("'place' must be {name, country} or null")
        precision = _str(place, "precision", where, required=False)
        if precision is not None and precision not in PLACE_PRECISION:
            raise where.fail(f"place precision must be one of {', '.join(PLACE_PRECISION)}")
        gold_place = GoldPlace(
            name=_str(place, "name", where) or "",
            country=(_str(place, "country", where, required=False) or "").upper() or None,
            precision=precision,
        )
    return CorpusEvent(
        id=_str(rec, "id", where) or "",
        event=_event_type(_str(rec, "event", where), where),
        reports=tuple(parsed),
        actor=_codes(rec, "actor", where),
        recipient=_codes(rec, "recipient", where),
        factuality=_factuality(_str(rec, "factuality", where, required=False), where),
        mode=_str(rec, "mode", where, required=False),
        date=_date(rec, "date", where),
        date_precision=_precision(rec, where),
        place=gold_place,
        place_annotated="place" in rec,
    )


# --- format detection --------------------------------------------------------------------


def load_gold(path: Path) -> Gold:
    """Load a gold file of any of the three formats, telling them apart by their content."""
    path = Path(path)
    text = _read_text(path)
    if text.lstrip().startswith("["):
        return load_plover(path)
    records = _read_jsonl(path)
    # decide on the first record, so a later malformed record gets its own precise message
    first = records[0][1]
    if "kind" in first:
        return _corpus_records(path, records)
    if "events" in first:
        return _sentence_records(path, records)
    raise GoldError(
        f"{path}: unknown gold format; use a PLOVER JSON list, sentence JSONL "
        "(id, text, events) or corpus JSONL (records with 'kind'); see docs/GOLD.md"
    )
