"""Tabulate the rule coder's actor/recipient errors on the TRAIN split of training/corpus.

    python scripts/dyad_errors.py                      # table of causes
    python scripts/dyad_errors.py --examples 8         # and up to 8 examples per cause
    python scripts/dyad_errors.py --cause wrong-span:nominal-of --examples 40

A line is in the train split when ``int(sha1(id), 16) % 10 < 8``; the other lines are held
out for the learned models and are never read here. Each gold event is aligned to the
produced event of the same type (the one whose trigger overlaps the gold trigger first,
else the one whose codes agree), and each side (actor, recipient) the gold fills is judged:
right (country overlap, as the evaluator scores it), or wrong with a cause guessed from the
spans (see ``_cause``). The figures are diagnostic, not a gold-set score.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from newsevents import api
from newsevents.evaluate.scoring import _overlap
from newsevents.model import Actor, EventMention

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "training" / "corpus"

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "its",
        "their",
        "his",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "itself",
        "themselves",
    ]
)
REPORTING = re.compile(
    r"\b(said|says|told|announced|according to|stated|reported|added|declared|quoted)\b"
)
PLACE_PREPS = frozenset(
    ["in", "at", "near", "on", "across", "inside", "outside", "along", "around", "into", "over"]
)


def in_train(line_id: str) -> bool:
    return int(hashlib.sha1(line_id.encode()).hexdigest(), 16) % 10 < 8


def load_train() -> list[dict[str, Any]]:
    lines = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for raw in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(raw)
            if in_train(rec["id"]):
                lines.append(rec)
    return lines


def _span(text: str, needle: str | None, start: int | None = None) -> tuple[int, int] | None:
    if not needle:
        return None
    at = start if start is not None and text[start : start + len(needle)] == needle else None
    at = text.find(needle) if at is None else at
    return (at, at + len(needle)) if at >= 0 else None


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _side_span(side: tuple[Actor, ...]) -> tuple[int, int] | None:
    if not side:
        return None
    return min(a.span.start for a in side), max(a.span.end for a in side)


def _align(gold: dict[str, Any], text: str, produced: list[EventMention]) -> EventMention | None:
    same = [m for m in produced if m.event == gold["event"]]
    if not same:
        return None
    trig = _span(text, gold.get("trigger"), gold.get("trigger_start"))
    by_trigger = [m for m in same if _overlaps((m.trigger.start, m.trigger.end), trig)]
    pool = by_trigger or same

    def agree(m: EventMention) -> int:
        codes = (tuple(a.code for a in m.actor), tuple(a.code for a in m.recipient))
        return -(
            int(_overlap(codes[0], gold["actor"])) + int(_overlap(codes[1], gold["recipient"]))
        )

    return sorted(pool, key=agree)[0]


def _cause(
    role: str,
    text: str,
    gold: dict[str, Any],
    mention: EventMention,
) -> str:
    """One cause for a wrong side (a heuristic over the spans)."""
    other = "recipient" if role == "actor" else "actor"
    g_text = gold.get(f"{role}_text") or ""
    g_span = _span(text, g_text)
    side: tuple[Actor, ...] = getattr(mention, role)
    p_span = _side_span(side)
    o_span = _span(text, gold.get(f"{other}_text"))
    g_words = g_text.lower().split()
    if not side:
        if g_words and g_words[-1] in PRONOUNS | {"it's"}:
            return "missing:pronoun"
        if role == "actor" and re.search(rf"\bby {re.escape(g_text)}", text):
            return "missing:passive-agent"
        if g_span and re.search(r"\b(of|against|on|to|with|for)\s+$", text[: g_span[0]]):
            return "missing:prep-object"
        if " and " in g_text:
            return "missing:coordination"
        if role == "actor" and REPORTING.search(text[g_span[1] :] if g_span else ""):
            return "missing:reported-speaker"
        return "missing:other"
    names = " | ".join(a.name for a in side)
    if _overlaps(p_span, g_span):
        codes = [a.code for a in side]
        if all(c is None for c in codes):
            return "right-span:no-code"
        if len(side) < len(gold[role]) or " and " in g_text:
            return "right-span:coordination"
        return "right-span:wrong-code"
    if _overlaps(p_span, o_span):
        return "wrong-span:swapped" + (":passive" if re.search(r"\bby\b", text) else "")
    low = names.lower()
    if any(a.name.lower() in PRONOUNS for a in side):
        return "wrong-span:pronoun"
    if " of " in low or "'s" in low:
        return "wrong-span:nominal-of"
    before = text[: p_span[0]].split()[-1:] if p_span else []
    if before and before[0].lower() in PLACE_PREPS:
        return "wrong-span:place-prep-object"
    if role == "actor" and g_span and REPORTING.search(text[g_span[1] : g_span[1] + 40]):
        return "wrong-span:reported-speaker"
    if " and " in g_text:
        return "wrong-span:coordination"
    return "wrong-span:other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--cause", help="only this cause (prefix) in the examples")
    ap.add_argument("--limit", type=int, default=0, help="first N train lines only")
    args = ap.parse_args(argv)
    lines = load_train()
    if args.limit:
        lines = lines[: args.limit]
    resources = api.load_resources()
    docs = api.analyze_texts(((r["text"], r.get("published")) for r in lines), resources=resources)
    causes: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    dyad_total = dyad_right = 0
    for rec, doc in zip(lines, docs, strict=True):
        text = rec["text"]
        for gold in rec["events"]:
            mention = _align(gold, text, doc.events)
            both = bool(gold["actor"]) and bool(gold["recipient"])
            if mention is None:
                if both:
                    dyad_total += 1
                    causes["type-missed (dyad event)"] += 1
                continue
            ok = True
            for role in ("actor", "recipient"):
                if not gold[role]:
                    continue
                got = tuple(a.code for a in getattr(mention, role))
                if _overlap(got, gold[role]):
                    causes[f"{role} right"] += 1
                    continue
                ok = False
                cause = f"{role} " + _cause(role, text, gold, mention)
                causes[cause] += 1
                if args.examples and (
                    not args.cause or cause.split(" ", 1)[1].startswith(args.cause)
                ):
                    side = getattr(mention, role)
                    shown = " | ".join(f"{a.name}={a.code}" for a in side) or "-"
                    examples[cause].append(
                        f"  [{rec['id']}] {gold['event']} gold {role}={gold.get(role + '_text')!r}"
                        f"{gold[role]} got {shown}\n      {text}"
                    )
            if both:
                dyad_total += 1
                dyad_right += int(ok)
    out = sys.stdout
    out.write(f"train lines: {len(lines)}  dyad events: {dyad_total}  ")
    out.write(f"dyad right: {dyad_right} ({dyad_right / max(dyad_total, 1):.3f})\n")
    for cause, n in sorted(causes.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:6d}  {cause}\n")
    for cause in sorted(examples, key=lambda c: -causes[c]):
        out.write(f"\n== {cause} ({causes[cause]})\n")
        out.write("\n".join(examples[cause][: args.examples]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
