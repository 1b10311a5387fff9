"""Where the factuality misses on a corpus split come from (issue 15): for each gold event
that is planned (future), denied (negated) or speculated (hypothetical), whether the rules
proposed no candidate for it, one of a type that does not code it, one of an acceptable type
but with the wrong factuality, or the right one; with the rules alone and with the models.

    .venv/bin/python scripts/factuality_misses.py [--split dev] [--examples 20]

Only the dev or train split: the test split and the blind sets are not studied.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newsevents import api, ingest, nlp
from newsevents.evaluate.train_report import acceptable
from newsevents.learn import load_learned
from newsevents.learn.corpus import TrainEvent, TrainRecord, load_corpus
from newsevents.model import EventMention, Skip
from newsevents.pipeline import Pipeline
from newsevents.resources import EventTypes

WATCHED = ("future", "negated", "hypothetical")
GOOD = {
    "future": {"future"},
    "negated": {"negated"},
    "hypothetical": {"hypothetical", "future", "negated"},
}


def outcome(e: TrainEvent, sent: tuple[int, int], ms: list[EventMention], types: EventTypes):
    ok = acceptable(e, types)
    inside = [m for m in ms if sent[0] <= m.trigger.start < sent[1]]
    over = [
        m for m in inside if m.trigger.start < e.trigger.end and e.trigger.start < m.trigger.end
    ]
    typed = [m for m in inside if m.event in ok]
    if not typed:
        return ("wrong type" if over else "no candidate"), over
    if any(m.factuality in GOOD[e.factuality] for m in typed):
        return "right", typed
    own = [m for m in typed if m.event == e.event]
    return ("wrong factuality" if own else "convention type, wrong factuality"), typed


def sentence_of(text: str, start: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, start) + 2, 0) if ". " in text[:start] else 0
    hi = text.find(". ", start)
    return lo, (len(text) if hi < 0 else hi + 1)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--split", choices=("dev", "train"), default="dev")
    p.add_argument("--examples", type=int, default=0)
    p.add_argument("--kind", choices=WATCHED, default=None)
    p.add_argument("--show", choices=("rules", "models"), default="models")
    args = p.parse_args()
    corpus = load_corpus([Path("training/corpus")], blind_dir=Path("tests/blind"))
    records: list[TrainRecord] = corpus.split(args.split)
    res = api.load_resources(learned=False)
    variants = {"rules": res, "models": replace(res, learned=load_learned())}
    table: dict[str, Counter[tuple[str, str]]] = {}
    shown: Counter[str] = Counter()
    for name, r in variants.items():
        pipe = Pipeline(r)
        arts = (
            ingest.article_from_text(x.text, published=x.published, clean=False, source=x.id)
            for x in records
        )
        counts: Counter[tuple[str, str]] = Counter()
        for rec, doc in zip(records, nlp.parse_articles(arts, r.nlp, batch_size=64), strict=True):
            if isinstance(doc, Skip):
                continue
            doc = pipe(doc)
            for e in rec.events:
                if e.factuality not in WATCHED:
                    continue
                sent = next(
                    (
                        (s.start_char, s.end_char)
                        for s in doc.parse.sents
                        if s.start_char <= e.trigger.start < s.end_char
                    ),
                    (0, len(rec.text)),
                )
                what, ms = outcome(e, sent, doc.events, r.types)
                counts[(e.factuality, what)] += 1
                if (
                    name == args.show
                    and what not in ("right", "no candidate")
                    and (args.kind is None or e.factuality == args.kind)
                    and shown[e.factuality] < args.examples
                ):
                    shown[e.factuality] += 1
                    got = (
                        ", ".join(
                            f"{m.event}/{m.factuality}@{rec.text[m.trigger.start : m.trigger.end]}"
                            f"[{m.rule}]"
                            for m in ms
                        )
                        or "-"
                    )
                    sys.stdout.write(
                        f"[{e.factuality}|{what}] {rec.id} {e.event} "
                        f"'{rec.text[e.trigger.start : e.trigger.end]}'"
                        f" -> {got}\n    {rec.text[sent[0] : sent[1]]}\n"
                    )
        table[name] = counts
    for kind in WATCHED:
        total = sum(n for (k, _), n in table["rules"].items() if k == kind)
        sys.stdout.write(f"\n{kind} ({total} gold events)\n")
        for what in (
            "right",
            "no candidate",
            "wrong type",
            "convention type, wrong factuality",
            "wrong factuality",
        ):
            a, b = table["rules"][(kind, what)], table["models"][(kind, what)]
            sys.stdout.write(f"  {what:36s} rules {a:4d}  models {b:4d}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
