"""The training corpus (``training/corpus/*.jsonl``): loader, schema check, split, variety.

One JSON object per line: ``id``, ``text`` (a sentence or a short story), optional
``published``, ``events`` (``[]`` for a negative; each with ``event``, ``factuality``,
``actor``/``recipient`` codes, their ``*_text`` substrings, the ``trigger`` substring,
``trigger_start`` when the trigger occurs twice, optional ``mode``, ``date``, ``sentence``)
and ``tags`` (``register:...``, ``region:...``, ``country:...``, ``kind:...``, ``negative``).
The README's "Learned second opinion" section describes it.

A bad line is skipped with a one-line problem naming ``file:line`` (the rest still loads), and
so is a line that shares a run of :data:`SHINGLE` words with a blind set (``tests/blind``):
the blind sets are never trained on. Each record's split (``train`` 80 %, ``dev`` 10 %,
``test`` 10 %) is a hash of its id, so it never changes when lines are added.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..model import EVENT_TYPES, FACTUALITY, Span

Split = Literal["train", "dev", "test"]
SPLITS: tuple[Split, ...] = ("train", "dev", "test")
#: Length of the word runs compared with the blind sets.
SHINGLE = 7
REGISTERS = frozenset(
    {"wire", "broadsheet", "local", "press-release", "statement", "interview", "opinion"}
)
_CODE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class TrainEvent:
    event: str
    factuality: str
    trigger: Span
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    mode: str | None = None
    date: str | None = None
    #: where ``actor_text`` / ``recipient_text`` stand (the occurrence nearest the trigger)
    actor_span: Span | None = None
    recipient_span: Span | None = None


@dataclass(frozen=True)
class TrainRecord:
    id: str
    text: str
    events: tuple[TrainEvent, ...]
    tags: tuple[str, ...]
    split: Split
    where: str  # file:line
    published: str | None = None

    def tag_values(self, prefix: str) -> list[str]:
        return [t[len(prefix) + 1 :] for t in self.tags if t.startswith(prefix + ":")]


@dataclass
class Corpus:
    records: list[TrainRecord]
    problems: list[str]

    def split(self, name: Split) -> list[TrainRecord]:
        return [r for r in self.records if r.split == name]


def split_of(record_id: str) -> Split:
    """train / dev / test (80 / 10 / 10) from a hash of the id: stable as the corpus grows."""
    bucket = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "test" if bucket == 9 else "dev" if bucket == 8 else "train"


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def blind_shingles(blind_dir: Path) -> set[tuple[str, ...]]:
    """Every run of :data:`SHINGLE` words in the blind sets' texts (sentences, articles,
    merge corpus). Read only to refuse overlapping training lines; never shown."""
    found: set[tuple[str, ...]] = set()
    if not blind_dir.is_dir():
        return found
    for path in sorted(p for p in blind_dir.rglob("*") if p.is_file()):
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts = [raw]
        if path.suffix == ".jsonl":
            texts = []
            for line in raw.splitlines():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    texts.append(rec["text"])
        for text in texts:
            found |= shingles(text)
    return found


def load_corpus(paths: Sequence[Path], blind_dir: Path | None = None) -> Corpus:
    """Every valid record of the corpus files (sorted by path); a bad line or one that
    overlaps the blind sets becomes a problem and is left out."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    blind = blind_shingles(blind_dir) if blind_dir is not None else set()
    records: list[TrainRecord] = []
    problems: list[str] = []
    seen: set[str] = set()
    for path in sorted(files):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{path}: cannot read ({e}); skipped")
            continue
        for lineno, line in enumerate(lines, start=1):
            where = f"{path}:{lineno}"
            try:
                rec = _record(line, where, seen)
            except ValueError as e:
                problems.append(f"{where}: {e}")
                continue
            if blind and shingles(rec.text) & blind:
                problems.append(
                    f"{where}: shares a {SHINGLE}-word run with a blind set (tests/blind); "
                    "rewrite the line"
                )
                continue
            seen.add(rec.id)
            records.append(rec)
    return Corpus(records=records, problems=problems)


def _record(line: str, where: str, seen: set[str]) -> TrainRecord:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON ({e.msg}); fix the line") from e
    if not isinstance(rec, dict):
        raise ValueError("a line must be a JSON object")
    rid, text = rec.get("id"), rec.get("text")
    if not isinstance(rid, str) or not rid:
        raise ValueError("missing 'id'")
    if rid in seen:
        raise ValueError(f"duplicate id {rid!r}; ids must be unique")
    if not isinstance(text, str) or len(text.strip()) < 10:
        raise ValueError("'text' missing or shorter than 10 characters")
    published = rec.get("published")
    if published is not None and (not isinstance(published, str) or not _DAY.match(published)):
        raise ValueError(f"'published' must be YYYY-MM-DD, got {published!r}")
    tags = rec.get("tags")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError("'tags' must be a list of strings")
    if not any(t.startswith("register:") and t[9:] in REGISTERS for t in tags):
        raise ValueError(f"no valid register tag (register:{'|'.join(sorted(REGISTERS))})")
    if not any(t.startswith("region:") for t in tags):
        raise ValueError("no region tag (region:...)")
    events = rec.get("events")
    if not isinstance(events, list):
        raise ValueError("'events' must be a list ([] for a negative)")
    if not events and "negative" not in tags:
        raise ValueError("a line without events needs the 'negative' tag")
    parsed = tuple(_event(ev, text, i) for i, ev in enumerate(events))
    return TrainRecord(
        id=rid,
        text=text,
        events=parsed,
        tags=tuple(tags),
        split=split_of(rid),
        where=where,
        published=published,
    )


def _event(ev: Any, text: str, i: int) -> TrainEvent:
    at = f"events[{i}]"
    if not isinstance(ev, dict):
        raise ValueError(f"{at} must be an object")
    if ev.get("event") not in EVENT_TYPES:
        raise ValueError(f"{at}: unknown event type {ev.get('event')!r}")
    if ev.get("factuality") not in FACTUALITY:
        raise ValueError(f"{at}: factuality must be one of {', '.join(FACTUALITY)}")
    codes: dict[str, tuple[str, ...]] = {}
    texts: dict[str, str | None] = {}
    for side in ("actor", "recipient"):
        value = ev.get(side, [])
        if not isinstance(value, list) or not all(
            isinstance(c, str) and _CODE.match(c) for c in value
        ):
            raise ValueError(f"{at}: {side!r} must be a list of 3-letter codes like ['KEN']")
        span_text = ev.get(f"{side}_text")
        if span_text is not None and (not isinstance(span_text, str) or span_text not in text):
            raise ValueError(f"{at}: {side}_text {span_text!r} is not a substring of 'text'")
        codes[side] = tuple(value)
        texts[side] = span_text if isinstance(span_text, str) and span_text else None
    trigger = ev.get("trigger")
    if not isinstance(trigger, str) or not trigger or trigger not in text:
        raise ValueError(f"{at}: trigger {trigger!r} is not a substring of 'text'")
    start = ev.get("trigger_start")
    if start is None:
        if text.count(trigger) > 1:
            raise ValueError(f"{at}: trigger {trigger!r} occurs twice; add trigger_start")
        start = text.index(trigger)
    elif not isinstance(start, int) or text[start : start + len(trigger)] != trigger:
        raise ValueError(f"{at}: trigger_start {start!r} does not point at {trigger!r}")
    date = ev.get("date")
    if date is not None and (not isinstance(date, str) or not _DATE.match(date)):
        raise ValueError(f"{at}: date must be YYYY, YYYY-MM or YYYY-MM-DD")
    mode = ev.get("mode")
    return TrainEvent(
        event=ev["event"],
        factuality=ev["factuality"],
        trigger=Span(start, start + len(trigger)),
        actor=codes["actor"],
        recipient=codes["recipient"],
        mode=mode if isinstance(mode, str) and mode else None,
        date=date,
        actor_span=_nearest(text, texts["actor"], start),
        recipient_span=_nearest(text, texts["recipient"], start),
    )


def _nearest(text: str, sub: str | None, anchor: int) -> Span | None:
    """The occurrence of ``sub`` in ``text`` nearest ``anchor`` (None without ``sub``)."""
    if not sub:
        return None
    starts = [m.start() for m in re.finditer(re.escape(sub), text)]
    if not starts:
        return None
    at = min(starts, key=lambda s: abs(s - anchor))
    return Span(at, at + len(sub))


def variety(records: Iterable[TrainRecord]) -> dict[str, Any]:
    """The figures that say how varied the corpus is (printed by the trainer, in the card)."""
    recs = list(records)
    triggers: dict[str, set[str]] = defaultdict(set)
    types: Counter[str] = Counter()
    facts: Counter[str] = Counter()
    countries: set[str] = set()
    registers: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    splits: Counter[str] = Counter(r.split for r in recs)
    negatives = stories = 0
    for r in recs:
        negatives += not r.events
        stories += "story" in r.id.split("-")[1:2] or "story" in r.tags
        countries.update(r.tag_values("country"))
        registers.update(r.tag_values("register"))
        regions.update(r.tag_values("region"))
        kinds.update(f"kind:{k}" for k in r.tag_values("kind"))
        kinds.update(f"negative:{k}" for k in r.tag_values("negative"))
        for e in r.events:
            countries.update(e.actor + e.recipient)
            types[e.event] += 1
            facts[e.factuality] += 1
            words = _WORD.findall(e.trigger.of(r.text).lower())
            if words:
                triggers[e.event].add(words[0])
    return {
        "records": len(recs),
        "stories": stories,
        "events": sum(types.values()),
        "negatives": negatives,
        "negative_share": round(negatives / len(recs), 3) if recs else 0.0,
        "splits": dict(sorted(splits.items())),
        "types": {t: types[t] for t in EVENT_TYPES},
        "trigger_words": {t: len(triggers[t]) for t in EVENT_TYPES},
        "factualities": {f: facts[f] for f in FACTUALITY},
        "countries": len(countries),
        "registers": dict(sorted(registers.items())),
        "regions": dict(sorted(regions.items())),
        "kinds": dict(sorted(kinds.items())),
    }


def format_variety(fig: Mapping[str, Any]) -> str:
    lines = [
        f"records {fig['records']} ({fig['stories']} stories), events {fig['events']}, "
        f"negatives {fig['negatives']} ({fig['negative_share']:.1%}), "
        f"countries {fig['countries']}, splits {fig['splits']}",
        "type       events  distinct trigger words",
    ]
    for t, n in fig["types"].items():
        lines.append(f"{t:<10} {n:>6}  {fig['trigger_words'][t]:>4}")
    lines.append(f"factualities {fig['factualities']}")
    lines.append(f"registers {fig['registers']}")
    lines.append(f"regions {fig['regions']}")
    lines.append(f"kinds {fig['kinds']}")
    return "\n".join(lines)
