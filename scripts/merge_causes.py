"""Why one real event still takes several timeline rows, a disagreement is missed or a date is
wrong: the recurrence count behind the README's "Merge and dates, eighth session".

    python scripts/merge_causes.py [--list] [GOLD ...]

Each corpus gold (default: every tuned merge gold - the sample corpus, the merge corpus, dev
merge to merge4 - and the date dev set; NEVER a blind set or a held-out check half: the
script refuses them, since it prints single items) is analysed into a temporary store and
merged as a whole. Matching is the evaluator's (same file, quote inside the sentence, same
type). Four tallies per set:

* duplicate rows: for every two rows of one real event, the best pair of their mentions is
  asked why it did not join - the hard rule that refused it (date gap, actor of another
  country, another story, another place, no evidence) or a probability under the threshold
  with its evidence ("one item short");
* missed disagreements: the gold event is split over several rows, or its mentions sit in one
  row that holds no figure of the field on some outlet ("figures not read");
* wrong joins: each mention that brought another real event into a row, by the evidence of
  its join (and the pass that made it: a day apart, a back-reference);
* wrong dates: by where the wrong date came from (the report's day by default, a narrative's
  day carried over, the mention's own words);
* missed pairs (what pairwise recall loses): every two mentions of one real event in two
  rows, the coder's fault apart from the merge's - factual beside non-factual (they never
  join: the coder's factuality), a date the gold refutes on either side that the date-gap
  rule refused (the coder's date), else the merge's reason as for duplicate rows.

``--list`` also prints every item with its sentence (tuned sets only).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path

from newsevents import api, merge
from newsevents.evaluate.gold import CorpusEvent, CorpusGold, load_gold, normalise_space
from newsevents.evaluate.run import _resolve_file, _source_key
from newsevents.evaluate.scoring import date_matches
from newsevents.merge.cluster import Cluster
from newsevents.merge.config import DEFAULT_CONFIG, prepare
from newsevents.merge.corpus import story_records
from newsevents.merge.evidence import join_evidence, load_weights
from newsevents.merge.features import mention_features
from newsevents.model import FACTUAL, Event, EventMention
from newsevents.store import Store

DEFAULT_GOLD = (
    "examples/gold.jsonl",
    "tests/data/merge_corpus/gold.jsonl",
    "tests/dev/merge/gold.jsonl",
    "tests/dev/merge2/gold.jsonl",
    "tests/dev/merge3/gold.jsonl",
    "tests/dev/merge4/gold.jsonl",
    "tests/dev/dates/gold.jsonl",
)

#: a hard rule of merge.evidence -> the class it stands for
RULE_CLASS = {
    "date gap": "date: a day or more apart beyond the slack",
    "actor mismatch": "actor coded to another country",
    "cross-story": "story split",
    "cross-story dyad": "story split",
    "no evidence": "no evidence beyond type and date",
    "countries": "place",
    "other place": "place",
    "two cities": "place",
    "types": "types",
    "set apart": "set apart",
    "same sentence, other type": "types",
    "evaluative": "opinion",
    "sides alone in one article": "sides alone in one article",
}


def causes(gold_path: Path, resources: api.Resources, listing: bool) -> Counter[str]:
    if "blind" in gold_path.parts or any(p.endswith("check") for p in gold_path.parts):
        raise SystemExit(f"{gold_path}: blind and held-out gold is never listed item by item")
    gold = load_gold(gold_path)
    if not isinstance(gold, CorpusGold):
        raise SystemExit(f"{gold_path}: not a corpus gold file")
    files = {a.file: _resolve_file(gold.path, a.file) for a in gold.articles}
    by_source = {located: key for key, located in files.items()}
    with tempfile.TemporaryDirectory(prefix="newsevents-causes-") as tmp:
        db = Path(tmp) / "causes.db"
        api.analyze(sorted({str(p) for p, _ in files.values()}), db, resources=resources)
        with Store(db, readonly=True) as store:
            articles, mentions = store.articles(), store.mentions()
            quotes, entities = store.quotes(), store.entities()
    result = merge.merge(articles, mentions, quotes, entities)
    event_of = {mid: e.id for e in result.events for mid in e.mention_ids}
    fields_of = {e.id: {d.field for d in e.discrepancies} for e in result.events}
    key_of = {a.id: by_source.get(_source_key(a.source)) for a in articles}
    text_of = {a.id: a.text for a in articles}
    published = {a.id: a.published for a in articles}
    events = {e.id: e for e in gold.events}
    reports: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in gold.events:
        for r in e.reports:
            reports[r.file].append((normalise_space(r.quote), e.id))
    by_id = {m.id: m for m in mentions}
    gold_of: dict[str, str] = {}
    for m in mentions:
        sentence = normalise_space(m.sentence.of(text_of[m.article_id]))
        hits = [
            eid
            for quote, eid in reports.get(key_of.get(m.article_id) or "", ())
            if quote in sentence and events[eid].event == m.event
        ]
        if hits:
            gold_of[m.id] = hits[0]
    c = prepare(articles, mentions, quotes, entities, DEFAULT_CONFIG)
    _, keys = story_records(c, range(len(c.groups)), stories=())
    feats = {
        x.m.id: x
        for x in mention_features(
            mentions, c.by_id, c.story_of, keys, c.idf, c.kb, c.params, c.places
        )
    }
    weights = load_weights()
    tally: Counter[str] = Counter()

    def show(mid: str) -> str:
        m = by_id[mid]
        sentence = " ".join(m.sentence.of(text_of[m.article_id]).split())
        where = f"{key_of[m.article_id]}: {m.event} {m.date} ({m.date_source})"
        return f"      {where} '{sentence[:160]}'"

    def why_apart(a: str, b: str) -> tuple[float, str]:
        """(P, class) of joining mention ``a`` to an event of mention ``b`` alone."""
        x, y = feats.get(a), feats.get(b)
        if x is None or y is None or (x.group, x.fclass) != (y.group, y.fclass):
            return -1.0, "types"
        single = Cluster(idx=0, group=y.group, fclass=y.fclass)
        single.add(y, None)
        why: list[str] = []
        j = join_evidence(x, single, c.kb, c.params, c.params.date_slack_days, why)
        if j is None:
            return -1.0, RULE_CLASS.get(why[0] if why else "", why[0] if why else "?")
        p = weights.probability(j.values)
        if p < c.params.threshold:
            return p, f"one item short (P < {c.params.threshold})"
        return p, "the pair would join; the row's other members refuse"

    def row_of(mid: str) -> str:
        return event_of.get(mid) or f"mention:{mid}"

    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for mid, eid in gold_of.items():
        if by_id[mid].factuality in FACTUAL:
            rows[row_of(mid)][eid] += 1
    real_rows: dict[str, list[str]] = defaultdict(list)
    for row in sorted(rows):
        real_rows[max(sorted(rows[row]), key=lambda e: rows[row][e])].append(row)
    for real, rs in sorted(real_rows.items()):
        members = [[m for m, e in gold_of.items() if e == real and row_of(m) == r] for r in rs]
        for i in range(1, len(rs)):
            tried = [why_apart(a, b) for a in members[i] for k in range(i) for b in members[k]]
            _, cls = max(tried) if tried else (-1.0, "?")
            tally[f"duplicate: {cls}"] += 1
            if listing:
                first, again = show(members[0][0]), show(members[i][0])
                print(f"  duplicate of {real} ({cls}):\n{again}\n{first}")
    for e in result.events:
        for mid, line, cls in wrong_joins(e, gold_of):
            tally[f"wrong join: {cls}"] += 1
            if listing:
                print(f"  wrong join of {gold_of[mid]} into {e.id} ({cls}):\n{show(mid)}")
                print(f"      {line[:400]}")
    for d in gold.discrepancies:
        held = {event_of.get(m) for m, e in gold_of.items() if e == d.event}
        if any(h and d.field in fields_of.get(h, ()) for h in held):
            continue
        cls = "rows split" if len(held) > 1 else "figures not read" if held else "not found"
        if d.field == "date" and len(held) <= 1:
            cls = "dates read alike"
        tally[f"disagreement: {cls}"] += 1
        if listing:
            print(f"  missed disagreement {d.event} {d.field} ({cls})")
    for a, b, cls in missed_pairs(gold_of, row_of, by_id, events, why_apart):
        tally[f"missed pair: {cls}"] += 1
        if listing:
            print(f"  missed pair of {gold_of[a]} ({cls}):\n{show(a)}\n{show(b)}")
    for mid, eid in gold_of.items():
        ev, m = events[eid], by_id[mid]
        if not ev.date:
            continue
        tally["dates judged"] += 1
        if date_matches(m.date, ev.date, ev.date_precision):
            continue
        cls = {"publication": "report's day by default", "context": "a narrative's day"}.get(
            m.date_source or "", "its own words"
        )
        tally[f"date: {cls}"] += 1
        if listing:
            day = published[m.article_id]
            print(f"  date {m.date} for {ev.date} (published {day}):\n{show(mid)}")
    return tally


def missed_pairs(
    gold_of: Mapping[str, str],
    row_of: Callable[[str], str],
    by_id: Mapping[str, EventMention],
    events: Mapping[str, CorpusEvent],
    why_apart: Callable[[str, str], tuple[float, str]],
) -> list[tuple[str, str, str]]:
    """(mention, mention, class) of each pair of mentions of one gold event in two rows: the
    coder's (factuality, a refuted date the date-gap rule refused) or the merge's."""
    out = []
    by_event: dict[str, list[str]] = defaultdict(list)
    for mid, eid in gold_of.items():
        by_event[eid].append(mid)
    for eid, mids in sorted(by_event.items()):
        ev = events[eid]
        for i, a in enumerate(sorted(mids)):
            for b in sorted(mids)[i + 1 :]:
                if row_of(a) == row_of(b):
                    continue
                ma, mb = by_id[a], by_id[b]
                if (ma.factuality in FACTUAL) != (mb.factuality in FACTUAL):
                    out.append((a, b, "coder: factual beside non-factual"))
                    continue
                _, cls = max(why_apart(a, b), why_apart(b, a))
                wrong = ev.date and not all(
                    date_matches(m.date, ev.date, ev.date_precision) for m in (ma, mb)
                )
                if wrong and cls == RULE_CLASS["date gap"]:
                    out.append((a, b, "coder: a date the gold refutes"))
                else:
                    out.append((a, b, f"merge: {cls}"))
    return out


def wrong_joins(e: Event, gold_of: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(mention, its join line, class) for each mention that brought another real event
    into the row ``e``: the first member, in the order they joined, of each gold event after
    the first one. The class is the join's evidence and the pass that made it (a day apart
    in the second pass, a back-reference in the last)."""
    out = []
    seen: set[str] = set()
    for mid, line in zip(e.mention_ids, e.explanation, strict=False):
        real = gold_of.get(mid)
        if real is None:
            continue
        if seen and real not in seen:
            hit = _EVIDENCE.search(line)
            cls = hit.group(1) if hit else "?"
            if "(outlets disagree on the day)" in line:
                cls += " [a day apart]"
            elif "(refers back to the act)" in line:
                cls += " [back-reference]"
            out.append((mid, line, cls))
        seen.add(real)
    return out


_EVIDENCE = re.compile(r"; evidence: ([\w+]*);")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/merge_causes.py")
    parser.add_argument("gold", nargs="*", type=Path, default=[Path(p) for p in DEFAULT_GOLD])
    parser.add_argument("--list", action="store_true", help="print every item too")
    args = parser.parse_args(argv)
    resources = api.load_resources()
    total: dict[str, Counter[str]] = {}
    for g in args.gold:
        sys.stdout.write(f"== {g}\n")
        total[str(g)] = causes(g, resources, args.list)
        for cls, n in sorted(total[str(g)].items()):
            sys.stdout.write(f"  {n:3d}  {cls}\n")
    sets: Counter[str] = Counter(cls for t in total.values() for cls in t)
    sys.stdout.write("== classes: in how many sets\n")
    for cls, n in sorted(sets.items(), key=lambda kv: (-kv[1], kv[0])):
        sys.stdout.write(f"  {n:3d}  {cls}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
