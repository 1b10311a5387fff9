"""Variety figures of a sentence gold set (by default the blind set, tests/blind/sentences.jsonl).

    python scripts/blind_variety.py [GOLD.jsonl] [--markdown]

Counts what the set covers, never what a coder makes of it: events and sentences per PLOVER
type, factuality, negatives (``events: []``), distinct countries and dyads among the actor and
recipient codes, and the ``register:`` and ``region:`` tags. The file is read through the
project's gold loader, so a malformed line fails here as it would in ``newsevents eval``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from newsevents.evaluate.gold import SentenceGold, load_gold
from newsevents.model import EVENT_TYPES

#: Codes for international organisations and other non-country entities (PLOVER manual).
NON_COUNTRY = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "blind" / "sentences.jsonl"


def figures(gold: SentenceGold) -> dict[str, object]:
    """Every variety figure of one sentence gold set, as plain data."""
    sentences = gold.sentences
    events = [ev for s in sentences for ev in s.events]
    per_type_events = Counter(ev.event for ev in events)
    per_type_sentences = Counter(t for s in sentences for t in {ev.event for ev in s.events})
    codes = {c[:3] for ev in events for c in (*ev.actor, *ev.recipient)}
    dyads = {
        (a[:3], r[:3]) for ev in events for a in ev.actor for r in ev.recipient if a[:3] != r[:3]
    }
    negatives = sum(1 for s in sentences if not s.events)
    tags = Counter(t for s in sentences for t in s.tags)
    return {
        "sentences": len(sentences),
        "events": len(events),
        "negatives": negatives,
        "negative_share": round(negatives / len(sentences), 3) if sentences else 0.0,
        "per_type_events": {t: per_type_events.get(t, 0) for t in EVENT_TYPES},
        "per_type_sentences": {t: per_type_sentences.get(t, 0) for t in EVENT_TYPES},
        "factuality": dict(Counter(ev.factuality or "(not given)" for ev in events)),
        "with_mode": sum(1 for ev in events if ev.mode),
        "with_date": sum(1 for ev in events if ev.date),
        "countries": sorted(codes - NON_COUNTRY),
        "organisations": sorted(codes & NON_COUNTRY),
        "dyads": len(dyads),
        "registers": _prefixed(tags, "register:"),
        "regions": _prefixed(tags, "region:"),
        "hard_case_tags": {t: n for t, n in sorted(tags.items()) if ":" not in t},
    }


def _prefixed(tags: Counter[str], prefix: str) -> dict[str, int]:
    return {t[len(prefix) :]: n for t, n in sorted(tags.items()) if t.startswith(prefix)}


def markdown(fig: dict[str, object]) -> str:
    """The figures as the Markdown the blind set's README shows."""
    ev = fig["per_type_events"]
    st = fig["per_type_sentences"]
    assert isinstance(ev, dict) and isinstance(st, dict)
    countries = fig["countries"]
    organisations = fig["organisations"]
    assert isinstance(countries, list) and isinstance(organisations, list)
    lines = [
        f"- sentences: {fig['sentences']}; events: {fig['events']}; negatives (`events: []`): "
        f"{fig['negatives']} ({float(str(fig['negative_share'])):.1%})",
        f"- distinct countries among actors and recipients: {len(countries)}; organisation "
        f"codes: {', '.join(organisations)}",
        f"- distinct ordered dyads (actor country -> other recipient country): {fig['dyads']}",
        f"- events with a mode: {fig['with_mode']}; with a date: {fig['with_date']}",
        f"- factuality: {_pairs(fig['factuality'])}",
        f"- registers: {_pairs(fig['registers'])}",
        f"- regions: {_pairs(fig['regions'])}",
        f"- hard-case tags: {_pairs(fig['hard_case_tags'])}",
        "",
        "| type | events | sentences |",
        "|---|---:|---:|",
        *(f"| {t} | {ev[t]} | {st[t]} |" for t in EVENT_TYPES),
    ]
    return "\n".join(lines)


def _pairs(value: object) -> str:
    assert isinstance(value, dict)
    return ", ".join(f"{k} {v}" for k, v in sorted(value.items(), key=lambda kv: (-kv[1], kv[0])))


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    gold = load_gold(path)
    if not isinstance(gold, SentenceGold):
        print(f"{path}: not a sentence gold file", file=sys.stderr)
        return 2
    fig = figures(gold)
    if "--markdown" in argv:
        print(markdown(fig))
    else:
        for key, value in fig.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
