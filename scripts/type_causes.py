"""Classify the event-type failures of every TUNED gold set at once by cause (eighth session).

    python scripts/type_causes.py                  # the cause table (count, sets)
    python scripts/type_causes.py --dump out.jsonl # and every failure with what was produced

Only tuned sets are read (PLOVER dev, our sentence gold, the sample corpus, the merge corpus
and every tests/dev set except the ``*check`` halves); the check halves and tests/blind are
never read here. A failure is a missed event (a gold type the sentence or report did not get,
or got with another factuality), a spurious event (a type produced where the gold has no
event) or a wrong type (a sentence with both: the gold type missed and another produced).
Each gets one cause guessed from the sentence's parse, the codebook and what fired (a
heuristic, for choosing what to fix; not a gold-set score).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from gold_walk import coded_mentions, tuned_sets
from spacy.tokens import Token

from newsevents import api
from newsevents.evaluate.gold import SentenceGold, load_gold, normalise_space
from newsevents.model import EventMention

#: verbs whose object noun carries the event ("held talks", "launched an offensive")
LIGHT = frozenset(
    [
        "hold",
        "launch",
        "carry",
        "conduct",
        "stage",
        "make",
        "take",
        "give",
        "pay",
        "issue",
        "mount",
        "wage",
        "lodge",
        "file",
        "level",
        "open",
        "sign",
        "reach",
        "strike",
        "seal",
        "hand",
        "deliver",
        "impose",
        "lift",
        "announce",
        "begin",
        "start",
        "resume",
    ]
)
#: topics of non-events the gold leaves empty (for naming a spurious event's cause only)
NEGATIVE_TOPICS = {
    "disaster/accident": [
        "earthquake",
        "flood",
        "storm",
        "cyclone",
        "hurricane",
        "typhoon",
        "fire",
        "crash",
        "collision",
        "landslide",
        "drought",
        "wildfire",
        "blaze",
        "accident",
        "derail",
        "outbreak",
        "epidemic",
        "cholera",
        "virus",
        "tornado",
        "quake",
        "eruption",
        "heatwave",
    ],
    "sport": [
        "match",
        "league",
        "cup",
        "championship",
        "tournament",
        "goal",
        "striker",
        "coach",
        "team",
        "final",
        "semi-final",
        "olympic",
        "player",
        "season",
        "medal",
        "race",
        "qualifier",
    ],
    "market/business": [
        "share",
        "shares",
        "stock",
        "market",
        "price",
        "prices",
        "company",
        "firm",
        "merger",
        "acquisition",
        "investor",
        "revenue",
        "profit",
        "bank",
        "index",
        "currency",
        "inflation",
    ],
    "crime": ["robbery", "burglar", "thief", "murder", "smuggler", "gang", "kidnapper", "fraud"],
}
PLAN_WORDS = frozenset(
    [
        "plan",
        "want",
        "hope",
        "intend",
        "consider",
        "seek",
        "aim",
        "wish",
        "expect",
        "propose",
        "may",
        "might",
        "could",
        "would",
        "should",
        "likely",
    ]
)
SUBORDINATE = frozenset({"advcl", "relcl", "acl", "xcomp", "ccomp", "conj", "pcomp", "csubj"})


def _mention(m: EventMention, text: str) -> dict[str, Any]:
    return {
        "event": m.event,
        "factuality": m.factuality,
        "trigger": m.trigger.of(text),
        "lemma": m.trigger_lemma,
        "rule": m.rule,
    }


def failures(name: str, path: Path, resources: api.Resources) -> tuple[int, list[dict[str, Any]]]:
    """(gold events judged, failure rows) for one gold set."""
    gold = load_gold(path)
    judged, out = 0, []
    if isinstance(gold, SentenceGold):
        texts = [(s.text, s.published) for s in gold.sentences]
        docs = api.analyze_texts(texts, resources=resources)
        for s, doc in zip(gold.sentences, docs, strict=True):
            produced = [_mention(m, doc.article.text) for m in doc.events]
            gold_types = {e.event for e in s.events}
            judged += len(gold_types)
            missed = []
            for t in sorted(gold_types):
                wanted = {e.factuality for e in s.events if e.event == t and e.factuality}
                if not any(
                    p["event"] == t and (not wanted or p["factuality"] in wanted) for p in produced
                ):
                    missed.append(t)
            extra = sorted({p["event"] for p in produced} - gold_types)
            out.extend(_rows(name, s.id, s.text, missed, extra, produced, bool(s.events)))
        return judged, out
    # sentence -> produced mentions; gold reports -> their sentence
    produced_at: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for m, article, key in coded_mentions(gold, resources):
        sentence = normalise_space(m.sentence.of(article.text))
        produced_at[(key, sentence)].append(_mention(m, article.text))
    gold_at: dict[tuple[str, str], set[str]] = defaultdict(set)
    quotes = [(r.file, normalise_space(r.quote), e.event) for e in gold.events for r in e.reports]
    for file, quote, event in quotes:
        judged += 1
        where = [k for k in produced_at if k[0] == file and quote in k[1]]
        key = where[0] if where else (file, quote)
        gold_at[key].add(event)
    for key in set(gold_at) | set(produced_at):
        produced = produced_at.get(key, [])
        gold_types = gold_at.get(key, set())
        missed = sorted(t for t in gold_types if not any(p["event"] == t for p in produced))
        extra = sorted({p["event"] for p in produced} - gold_types)
        out.extend(_rows(name, key[0], key[1], missed, extra, produced, bool(gold_types)))
    return judged, out


def _rows(
    name: str,
    sid: str,
    text: str,
    missed: list[str],
    extra: list[str],
    produced: list[dict[str, Any]],
    has_gold: bool,
) -> list[dict[str, Any]]:
    rows = []
    pairs = list(zip(missed, extra, strict=False))
    for t, p in pairs:
        rows.append({"kind": "wrong type", "gold": t, "produced_type": p})
    for t in missed[len(pairs) :]:
        rows.append({"kind": "missed", "gold": t})
    for p in extra[len(pairs) :]:
        rows.append({"kind": "spurious" if not has_gold else "extra", "produced_type": p})
    for r in rows:
        r.update({"set": name, "id": sid, "text": text, "produced": produced})
    return rows


def _clause(tok: Token) -> str:
    dep = tok.dep_
    if dep in SUBORDINATE:
        return "sub"
    return "main"


def classify(row: dict[str, Any], resources: api.Resources) -> str:
    book = resources.codebook
    doc = resources.nlp(row["text"])
    kind = row["kind"]
    if kind in {"spurious", "extra", "wrong type"}:
        ptype = row["produced_type"]
        fired = [p for p in row["produced"] if p["event"] == ptype]
        rule = fired[0]["rule"] if fired else ""
        lemma = fired[0]["lemma"] if fired else ""
        tok = next((t for t in doc if t.lemma_.lower() == lemma), None)
        if kind == "wrong type":
            gold = row["gold"]
            if rule.startswith("phoenix:"):
                return "wrong type: CAMEO pattern fires"
            if tok is not None and _known(book, tok, gold):
                return "wrong type: trigger known for both, arguments should decide"
            if tok is not None and tok.pos_ == "NOUN":
                return "wrong type: nominal trigger read as another act"
            return "wrong type: trigger's type differs from gold (other reading)"
        if rule.startswith("phoenix:"):
            return f"{kind}: CAMEO pattern fires wrongly"
        if tok is not None and _planned(tok):
            return f"{kind}: plan/desire/hedge read as an act"
        if kind == "spurious":
            words = {t.lemma_.lower() for t in doc}
            for topic, topic_words in NEGATIVE_TOPICS.items():
                if words & set(topic_words):
                    return f"spurious: {topic} negative coded"
            return "spurious: other negative coded (background, statement, quote)"
        return "extra: a second event coded that gold leaves out"
    gold = row["gold"]
    same = [p for p in row["produced"] if p["event"] == gold]
    if same:
        return "missed: right type, other factuality (plan/report/negation)"
    cands = [t for t in doc if t.pos_ in {"VERB", "NOUN"} and _known(book, t, gold)]
    if cands:
        t = cands[0]
        if t.pos_ == "NOUN":
            return "missed: nominal trigger known, not coded (arguments / no support verb)"
        if _clause(t) == "sub":
            return "missed: event in a subordinate/coordinated clause not coded"
        return "missed: trigger known, its argument or context blocks it"
    for t in doc:
        if (
            t.pos_ == "VERB"
            and t.lemma_.lower() in LIGHT
            and any(c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN" for c in t.children)
        ):
            return "missed: light verb + noun not in data"
    for t in doc:
        if t.pos_ == "VERB" and any(c.dep_ == "prt" for c in t.children):
            return "missed: phrasal verb not in data"
    if any(t.pos_ == "NOUN" and t.dep_ in {"nsubj", "pobj", "dobj"} for t in doc):
        return "missed: trigger lemma not in data for the type"
    return "missed: no trigger found"


def _known(book: Any, tok: Token, event: str) -> bool:
    lemma = tok.lemma_.lower()
    pos = "verb" if tok.pos_ == "VERB" else "noun" if tok.pos_ == "NOUN" else tok.pos_.lower()
    entries = list(book.index.get((lemma, pos), ())) + list(book.patterns.get(lemma, ()))
    return any(e.event == event for e in entries)


def _planned(tok: Token) -> bool:
    for anc in [tok, *tok.ancestors][:4]:
        if anc.lemma_.lower() in PLAN_WORDS:
            return True
        if any(c.lemma_.lower() in PLAN_WORDS and c.dep_ == "aux" for c in anc.children):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dump", type=Path, help="write every failure as JSON lines")
    parser.add_argument("--only", nargs="*", help="only these set names")
    args = parser.parse_args(argv)
    resources = api.load_resources()
    rows: list[dict[str, Any]] = []
    for name, path in tuned_sets().items():
        if args.only and name not in args.only:
            continue
        n, failed = failures(name, path, resources)
        print(f"{name}: {len(failed)} failures over {n} gold types", file=sys.stderr)
        rows.extend(failed)
    counts: Counter[str] = Counter()
    sets: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        r["cause"] = classify(r, resources)
        counts[r["cause"]] += 1
        sets[r["cause"]].add(r["set"])
    print("| cause | count | sets |\n| --- | --- | --- |")
    for cause, n in counts.most_common():
        print(f"| {cause} | {n} | {len(sets[cause])} |")
    if args.dump:
        with args.dump.open("w") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
