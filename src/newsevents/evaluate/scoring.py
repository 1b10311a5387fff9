"""Scorers: system output (plain records, no pipeline objects) against a loaded gold set.

The scorers are pure functions of gold and predictions so they can be proven right on tiny
hand-made inputs; :mod:`newsevents.evaluate.run` turns pipeline output into these records.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import EVENT_TYPES, FACTUAL
from .gold import CorpusEvent, CorpusGold, GoldPlace, GoldSentence, normalise_space
from .metrics import PRF, Accuracy, ClusterScore, Confusion, b_cubed, pairwise


def country(code: str | None) -> str | None:
    """The country part of an actor code: CAMEO-style "USAGOV" and ISO "USA" give "USA"."""
    return code[:3].upper() if code else None


#: PLOVER 2.0 gives the UN and the EU their own codes (UNO, EUR) among the international
#: organisations (IGO); CAMEO-era gold and coders write IGO for both. A generic IGO on one
#: side therefore matches UNO or EUR on the other, but UNO never matches EUR.
_SPECIFIC_IGOS = frozenset({"UNO", "EUR"})


def _same_country(system: str, gold: str) -> bool:
    if system == gold:
        return True
    pair = {system, gold}
    return "IGO" in pair and bool(pair & _SPECIFIC_IGOS)


def _overlap(system: Iterable[str | None], gold: Iterable[str]) -> bool:
    wanted = {country(c) or "" for c in gold}
    return any(_same_country(country(c) or "", w) for c in system if c for w in wanted)


def _dyad_ok(actor: Iterable[str | None], recipient: Iterable[str | None], ev: CorpusEvent) -> bool:
    return _overlap(actor, ev.actor) and _overlap(recipient, ev.recipient)


def date_matches(system: str | None, gold: str, precision: str | None = None) -> bool:
    """Exact day, or agreement at the gold's precision ("2020-01" accepts any January day;
    ``precision="week"`` accepts any day of the gold day's ISO week)."""
    if system is None:
        return False
    if precision == "week" and len(gold) == 10 and len(system) == 10:
        try:
            a, b = dt.date.fromisoformat(system), dt.date.fromisoformat(gold)
        except ValueError:
            return False
        return a.isocalendar()[:2] == b.isocalendar()[:2]
    cut = {"month": 7, "year": 4}.get(precision or "", len(gold))
    return len(system) >= cut and system[:cut] == gold[:cut]


@dataclass(frozen=True)
class SysEvent:
    """One event the system produced for a gold sentence (codes are ISO/PLOVER codes)."""

    event: str
    factuality: str = "asserted"
    actor: tuple[str | None, ...] = ()
    recipient: tuple[str | None, ...] = ()
    mode: str | None = None
    date: str | None = None


# --- sentence sets -----------------------------------------------------------------------


@dataclass
class SentenceScores:
    """Figures for a sentence-level gold set (PLOVER records or our sentence JSONL).

    ``per_type``: recall counts a (sentence, gold type) as found when some produced event
    has that type (and the gold factuality, when the gold gives one); precision counts each
    produced (sentence, type) once, correct when the type is among the sentence's gold types.
    ``dyad`` is judged on every gold event with both actor and recipient; ``actor``,
    ``recipient``, ``factuality``, ``date`` and ``mode`` only on gold events whose type was
    produced (any factuality), so they measure coding quality apart from recall.
    """

    sentences: int = 0
    per_type: dict[str, PRF] = field(default_factory=dict)
    dyad: Accuracy = field(default_factory=Accuracy)
    actor: Accuracy = field(default_factory=Accuracy)
    recipient: Accuracy = field(default_factory=Accuracy)
    factuality: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    mode: Accuracy = field(default_factory=Accuracy)
    negatives: Accuracy = field(default_factory=Accuracy)  # no-event sentences left empty
    # precision over the events a timeline shows (asserted/reported): the events we claim
    # happened; hypothetical/future/negated extras are reported but not claimed.
    factual_precision: Accuracy = field(default_factory=Accuracy)
    by_tag: dict[str, Accuracy] = field(default_factory=dict)  # sentence exactly right
    confusion: Confusion = field(default_factory=Confusion)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total += prf
        return total

    def macro_f1(self) -> float:
        supported = [p.f1 for p in self.per_type.values() if p.gold]
        return sum(supported) / len(supported) if supported else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "sentences": self.sentences,
            "micro": self.micro.to_dict(),
            "macro_f1": round(self.macro_f1(), 4),
            "per_type": {t: self.per_type[t].to_dict() for t in _ordered(self.per_type)},
            "dyad": self.dyad.to_dict(),
            "actor": self.actor.to_dict(),
            "recipient": self.recipient.to_dict(),
            "factuality": self.factuality.to_dict(),
            "date": self.date.to_dict(),
            "mode": self.mode.to_dict(),
            "negatives": self.negatives.to_dict(),
            "factual_precision": self.factual_precision.to_dict(),
            "by_tag": {t: a.to_dict() for t, a in sorted(self.by_tag.items())},
            "confusion": self.confusion.to_dict(),
        }

    def figures(self) -> dict[str, float]:
        """The gated figures (see tests/quality/baseline.json)."""
        out = {
            "event_precision": self.micro.precision,
            "event_recall": self.micro.recall,
            "event_f1": self.micro.f1,
        }
        if self.factual_precision.total:
            out["event_precision_factual"] = self.factual_precision.value
        for t in _ordered(self.per_type):
            if self.per_type[t].gold:
                out[f"f1.{t}"] = self.per_type[t].f1
        for name in ("dyad", "factuality", "date"):
            acc: Accuracy = getattr(self, name)
            if acc.total:
                out[f"{name}_accuracy"] = acc.value
        if self.negatives.total:
            out["negatives_clean"] = self.negatives.value
        return out


def _ordered(labels: Iterable[str]) -> list[str]:
    rank: dict[str, int] = {t: i for i, t in enumerate(EVENT_TYPES)}
    return sorted(labels, key=lambda t: (rank.get(t, len(rank)), t))


def score_sentences(
    gold: Sequence[GoldSentence], predictions: Mapping[str, Sequence[SysEvent]]
) -> SentenceScores:
    """Score produced events per gold sentence id (a missing id means nothing produced)."""
    scores = SentenceScores(sentences=len(gold))
    for sent in gold:
        produced = list(predictions.get(sent.id, ()))
        gold_types = {e.event for e in sent.events}
        pred_types = {p.event for p in produced}
        exact = True
        for t in gold_types:
            wanted = {e.factuality for e in sent.events if e.event == t and e.factuality}
            hit = any(p.event == t and (not wanted or p.factuality in wanted) for p in produced)
            prf = scores.per_type.setdefault(t, PRF())
            prf.gold += 1
            prf.gold_found += int(hit)
            exact = exact and hit
        for t in pred_types:
            prf = scores.per_type.setdefault(t, PRF())
            prf.pred += 1
            prf.pred_correct += int(t in gold_types)
        for t in {p.event for p in produced if p.factuality in FACTUAL}:
            scores.factual_precision.add(t in gold_types)
        exact = exact and pred_types <= gold_types
        for ev in sent.events:
            same = [p for p in produced if p.event == ev.event]
            if ev.actor and ev.recipient:
                scores.dyad.add(
                    any(
                        _overlap(p.actor, ev.actor) and _overlap(p.recipient, ev.recipient)
                        for p in same
                    )
                )
            if not same:
                continue
            if ev.actor:
                scores.actor.add(any(_overlap(p.actor, ev.actor) for p in same))
            if ev.recipient:
                scores.recipient.add(any(_overlap(p.recipient, ev.recipient) for p in same))
            if ev.factuality:
                scores.factuality.add(any(p.factuality == ev.factuality for p in same))
            if ev.date:
                scores.date.add(any(date_matches(p.date, ev.date) for p in same))
            if ev.mode:
                scores.mode.add(any(p.mode == ev.mode for p in same))
        if not sent.events:
            scores.negatives.add(not produced)
        for tag in sent.tags:
            scores.by_tag.setdefault(tag, Accuracy()).add(exact)
        scores.confusion.add_item(gold_types, pred_types, EVENT_TYPES)
    return scores


# --- corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SysMention:
    """One stored mention, with ``file`` already mapped to the gold file key."""

    id: str
    file: str
    sentence: str
    event: str
    factuality: str
    event_id: str | None = None  # the merged system Event holding it
    actor: tuple[str | None, ...] = ()
    recipient: tuple[str | None, ...] = ()
    date: str | None = None
    place: tuple[str, str | None] | None = None  # (name, ISO country)
    place_precision: str | None = None  # city | district | province | region | country


@dataclass(frozen=True)
class CorpusSystem:
    """What the system produced for a corpus: mentions, merged-event discrepancy fields,
    and each article's story (keys are gold file keys)."""

    mentions: tuple[SysMention, ...]
    discrepancies: Mapping[str, frozenset[str]] = field(default_factory=dict)
    stories: Mapping[str, str | None] = field(default_factory=dict)
    #: each merged event's first actor and first recipient code: the one dyad a row shows
    #: and the GDELT export writes (Actor1Code, Actor2Code)
    row_dyads: Mapping[str, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass
class CorpusScores:
    """Figures for a corpus gold set. Mentions match a gold report when they come from its
    file, their sentence contains its quote (whitespace-normalised) and the type agrees.
    Accuracies are judged on matched mentions; merge scores on matched mentions (same gold
    event vs same system Event); story B³ on the gold articles."""

    articles: int = 0
    per_type: dict[str, PRF] = field(default_factory=dict)
    dyad: Accuracy = field(default_factory=Accuracy)
    factuality: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    place: Accuracy = field(default_factory=Accuracy)
    # right place and right precision level, over gold places that give a precision
    place_precision: Accuracy = field(default_factory=Accuracy)
    merge_pairwise: ClusterScore = field(default_factory=lambda: ClusterScore(1.0, 1.0))
    merge_b3: ClusterScore = field(default_factory=lambda: ClusterScore(1.0, 1.0))
    story_b3: ClusterScore = field(default_factory=lambda: ClusterScore(1.0, 1.0))
    discrepancy: Accuracy = field(default_factory=Accuracy)  # recall of gold discrepancies
    # factual timeline rows (merged events holding a matched mention) whose gold event is
    # already another row's: right = duplicate rows, total = rows
    duplicate_rows: Accuracy = field(default_factory=Accuracy)
    # factual rows whose real gold event has both sides: is the row's one dyad (first actor,
    # first recipient, as the GDELT export writes it) the gold's?
    row_dyad: Accuracy = field(default_factory=Accuracy)
    nonevents: Accuracy = field(default_factory=Accuracy)  # violated nonevent sentences
    confusion: Confusion = field(default_factory=Confusion)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total += prf
        return total

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "micro": self.micro.to_dict(),
            "per_type": {t: self.per_type[t].to_dict() for t in _ordered(self.per_type)},
            "dyad": self.dyad.to_dict(),
            "factuality": self.factuality.to_dict(),
            "date": self.date.to_dict(),
            "place": self.place.to_dict(),
            "place_precision": self.place_precision.to_dict(),
            "merge_pairwise": self.merge_pairwise.to_dict(),
            "merge_b3": self.merge_b3.to_dict(),
            "story_b3": self.story_b3.to_dict(),
            "discrepancy_recall": self.discrepancy.to_dict(),
            "duplicate_rows": self.duplicate_rows.to_dict(),
            "row_dyad": self.row_dyad.to_dict(),
            "nonevent_violations": {
                "violations": self.nonevents.right,
                "nonevents": self.nonevents.total,
            },
            "confusion": self.confusion.to_dict(),
        }

    def figures(self) -> dict[str, float]:
        out = {
            "event_precision": self.micro.precision,
            "event_recall": self.micro.recall,
            "event_f1": self.micro.f1,
        }
        if self.merge_pairwise.items >= 2:  # fewer matched mentions: nothing to merge
            out["merge_pairwise_f1"] = self.merge_pairwise.f1
            out["merge_b3_f1"] = self.merge_b3.f1
        if self.story_b3.items:
            out["story_b3_f1"] = self.story_b3.f1
        for t in _ordered(self.per_type):
            if self.per_type[t].gold:
                out[f"f1.{t}"] = self.per_type[t].f1
        for name in ("dyad", "row_dyad", "factuality", "date", "place", "place_precision"):
            acc: Accuracy = getattr(self, name)
            if acc.total:
                out[f"{name}_accuracy"] = acc.value
        if self.discrepancy.total:
            out["discrepancy_recall"] = self.discrepancy.value
        if self.duplicate_rows.total:
            out["rows_distinct"] = 1.0 - self.duplicate_rows.value
        if self.nonevents.total:
            out["nonevents_clean"] = 1.0 - self.nonevents.value
        return out


def _place_ok(system: tuple[str, str | None] | None, ev_place: GoldPlace | None) -> bool:
    """Gold null: right only when the system gives no place (none beats a wrong one)."""
    if ev_place is None:
        return system is None
    if system is None:
        return False
    name, iso = system
    if ev_place.country and (iso or "").upper() != ev_place.country:
        return False
    a, b = _fold(name), _fold(ev_place.name)
    return a in b or b in a


def _fold(name: str) -> str:
    """A name without case or diacritics: "Rājbirāj" and "Rajbiraj", "San José" and "San
    Jose" are one name written two ways."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def factual_rows(matched: Mapping[str, str], mentions: Sequence[SysMention]) -> dict[str, str]:
    """The rows of a factual timeline and their real events. A row is a merged event with a
    factual (asserted/reported) mention matched to gold; its real event is the gold event
    most of its matched mentions report (ties: the smallest gold id)."""
    rows: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.id in matched and m.factuality in FACTUAL:
            rows.setdefault(m.event_id or f"mention:{m.id}", Counter())[matched[m.id]] += 1
    return {row: max(sorted(rows[row]), key=lambda e: rows[row][e]) for row in sorted(rows)}


def duplicate_rows(matched: Mapping[str, str], mentions: Sequence[SysMention]) -> Accuracy:
    """Rows of a factual timeline (:func:`factual_rows`) that repeat a real event: a row
    duplicates when an earlier row already has its real event, so an event told as k rows
    gives k - 1 duplicates."""
    acc = Accuracy()
    seen: set[str] = set()
    for real in factual_rows(matched, mentions).values():
        acc.add(real in seen)
        seen.add(real)
    return acc


def row_dyads(
    matched: Mapping[str, str],
    mentions: Sequence[SysMention],
    dyads: Mapping[str, tuple[str | None, str | None]],
    events: Mapping[str, CorpusEvent],
) -> Accuracy:
    """Factual rows whose one dyad (the event's first actor and recipient) is their real
    event's, over rows whose real event has both sides in the gold. A row of an unmerged
    mention (no event id) is not judged."""
    acc = Accuracy()
    for row, real in factual_rows(matched, mentions).items():
        ev = events[real]
        if row not in dyads or not (ev.actor and ev.recipient):
            continue
        actor, recipient = dyads[row]
        acc.add(_dyad_ok((actor,), (recipient,), ev))
    return acc


def _alignment(m: SysMention, ev: CorpusEvent) -> tuple[bool, bool]:
    """Sort key of a gold event a mention may report: dyad agreement first, then the day."""
    day = ev.date is not None and date_matches(m.date, ev.date, ev.date_precision)
    return (not _dyad_ok(m.actor, m.recipient, ev), not day)


def score_corpus(gold: CorpusGold, system: CorpusSystem) -> CorpusScores:
    scores = CorpusScores(articles=len(gold.articles))
    # index the gold reports by file
    reports: dict[str, list[tuple[str, str, int]]] = {}  # file -> (quote, event id, idx)
    events = {e.id: e for e in gold.events}
    for e in gold.events:
        for i, r in enumerate(e.reports):
            reports.setdefault(r.file, []).append((normalise_space(r.quote), e.id, i))
    matched: dict[str, str] = {}  # system mention id -> gold event id
    found: set[tuple[str, int]] = set()  # (gold event id, report index)
    per_sentence_pred: dict[tuple[str, str], set[str]] = {}
    for m in system.mentions:
        sentence = normalise_space(m.sentence)
        candidates = [
            (eid, i)
            for quote, eid, i in reports.get(m.file, ())
            if quote in sentence and events[eid].event == m.event
        ]
        # with two same-type gold events in one sentence, prefer the one whose dyad agrees,
        # then the one whose day agrees ("the raids were revenge for a rocket attack two days
        # earlier": the raids' mention reports the raids)
        candidates.sort(key=lambda c: _alignment(m, events[c[0]]))
        prf = scores.per_type.setdefault(m.event, PRF())
        prf.pred += 1
        per_sentence_pred.setdefault((m.file, sentence), set()).add(m.event)
        if not candidates:
            continue
        eid, i = candidates[0]
        prf.pred_correct += 1
        matched[m.id] = eid
        found.add((eid, i))
        ev = events[eid]
        if ev.actor and ev.recipient:
            scores.dyad.add(_dyad_ok(m.actor, m.recipient, ev))
        if ev.factuality:
            scores.factuality.add(m.factuality == ev.factuality)
        if ev.date:
            scores.date.add(date_matches(m.date, ev.date, ev.date_precision))
        if ev.place_annotated:
            scores.place.add(_place_ok(m.place, ev.place))
        if ev.place is not None and ev.place.precision:
            scores.place_precision.add(
                _place_ok(m.place, ev.place) and m.place_precision == ev.place.precision
            )
    for e in gold.events:
        prf = scores.per_type.setdefault(e.event, PRF())
        for i, _ in enumerate(e.reports):
            prf.gold += 1
            prf.gold_found += int((e.id, i) in found)
    # confusion per reported sentence: gold types of the reports vs types produced there
    for e in gold.events:
        for r in e.reports:
            quote = normalise_space(r.quote)
            produced = {
                t
                for (f, s), ts in per_sentence_pred.items()
                if f == r.file and quote in s
                for t in ts
            }
            scores.confusion.add_item({e.event}, produced, EVENT_TYPES)
    by_id = {m.id: m for m in system.mentions}
    gold_labels = dict(matched)
    sys_labels = {mid: by_id[mid].event_id or f"mention:{mid}" for mid in matched}
    scores.merge_pairwise = pairwise(gold_labels, sys_labels)
    scores.merge_b3 = b_cubed(gold_labels, sys_labels)
    scores.story_b3 = b_cubed(
        {a.file: a.story for a in gold.articles},
        {a.file: system.stories.get(a.file) or f"article:{a.file}" for a in gold.articles},
    )
    scores.duplicate_rows = duplicate_rows(matched, system.mentions)
    scores.row_dyad = row_dyads(matched, system.mentions, system.row_dyads, events)
    for d in gold.discrepancies:
        held = {by_id[mid].event_id for mid, eid in matched.items() if eid == d.event}
        scores.discrepancy.add(
            any(h is not None and d.field in system.discrepancies.get(h, ()) for h in held)
        )
    for ne in gold.nonevents:
        quote = normalise_space(ne.quote)
        scores.nonevents.add(
            any(
                m.file == ne.file
                and quote in normalise_space(m.sentence)
                and m.factuality in FACTUAL
                for m in system.mentions
            )
        )
    return scores
