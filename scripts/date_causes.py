"""Classify the date failures of every TUNED article gold set at once by cause (ninth session).

    python scripts/date_causes.py                  # the cause table (count, sets)
    python scripts/date_causes.py --dump out.jsonl # and every failure with what was produced
    python scripts/date_causes.py --sets dev-dates,corpus   # only these sets

The sets are those of ``place_causes.py`` that date their events (never a check half nor a
blind set). A mention is matched to its gold event as the evaluator matches it; it fails
when the evaluator's date test fails. Each failure gets one cause guessed from the gold date,
the produced date, its source and the sentence (a heuristic, for choosing what to fix; not
a gold-set score).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from gold_walk import cause_table, coded_mentions, gold_reports, tuned_sets

from newsevents import api
from newsevents.evaluate.gold import CorpusGold, load_gold, normalise_space
from newsevents.evaluate.scoring import _dyad_ok, date_matches

WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
RELATIVE_DAY = re.compile(r"\b(yesterday|today|tonight|tomorrow|last night)\b", re.IGNORECASE)
LAST_WEEK = re.compile(r"\b(last|this|next|past) (week|month|year|weekend)\b", re.IGNORECASE)
DATE_WORDS = re.compile(
    r"\b(\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2})\b",
    re.IGNORECASE,
)
HOLIDAY = re.compile(r"\b(eve|christmas|easter|eid|new year|independence day|ramadan)\b", re.I)


def date_sets() -> dict[str, Path]:
    out = {}
    for name, path in tuned_sets().items():
        if name == "plover" or path.suffix != ".jsonl":
            continue
        try:
            gold = load_gold(path)
        except Exception:  # a set this script cannot read is left out
            continue
        if isinstance(gold, CorpusGold) and any(e.date for e in gold.events):
            out[name] = path
    return out


def failures(name: str, path: Path, resources: api.Resources) -> tuple[int, list[dict[str, Any]]]:
    gold = load_gold(path)
    assert isinstance(gold, CorpusGold)
    events = {e.id: e for e in gold.events}
    reports = gold_reports(gold)
    judged, out = 0, []
    for m, article, key in coded_mentions(gold, resources):
        text = article.text
        sentence = m.sentence.of(text)
        flat = normalise_space(sentence)
        a_codes = [a.code for a in m.actor]
        r_codes = [a.code for a in m.recipient]
        found = [e for q, e in reports[key] if q in flat and events[e].event == m.event]
        found.sort(key=lambda e: not _dyad_ok(a_codes, r_codes, events[e]))
        if not found or not events[found[0]].date:
            continue
        ev = events[found[0]]
        judged += 1
        if date_matches(m.date, ev.date or "", ev.date_precision):
            continue
        out.append(
            {
                "set": name,
                "id": f"{key}:{ev.id}",
                "event": ev.event,
                "text": sentence,
                "before": text[max(0, m.sentence.start - 400) : m.sentence.start],
                "trigger": m.trigger.of(text),
                "published": article.published,
                "gold": [ev.date, ev.date_precision],
                "produced": [m.date, m.date_precision, m.date_source],
            }
        )
    return judged, out


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    try:
        return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days
    except ValueError:
        return None


def cause(row: dict[str, Any]) -> str:
    (gdate, gprec), (pdate, pprec, psrc) = row["gold"], row["produced"]
    text = row["text"]
    gap = _days(pdate, gdate)
    if pdate is None:
        return "no date produced"
    if gprec in ("month", "year", "week") or (gdate and len(gdate) < 10):
        return f"gold {gprec or 'coarse'}: produced {pprec}"
    if pprec != "day":
        return f"produced {pprec} where gold is a day"
    if psrc == "publication":
        if WEEKDAY.search(text) or RELATIVE_DAY.search(text) or DATE_WORDS.search(text):
            return "publication day though the sentence has a time word"
        return "publication day (sentence has no time word)"
    if psrc == "context":
        return "a narrative's day carried over is wrong"
    # the text's own date is wrong
    if gap is not None and gap % 7 == 0 and WEEKDAY.search(text):
        return f"weekday a week off ({gap:+d} days)"
    if HOLIDAY.search(text):
        return "holiday's day wrong"
    if LAST_WEEK.search(text):
        return "'last/next week' read wrong"
    if RELATIVE_DAY.search(text):
        return f"yesterday/today counted from the wrong anchor ({gap:+d} days)"
    if WEEKDAY.search(text):
        return f"weekday read from another clause or anchor ({gap:+d} days)"
    return f"the text's date is another event's ({gap:+d} days)" if gap is not None else "other"


def main(argv: list[str] | None = None) -> int:
    return cause_table(argv, date_sets(), failures, cause, "dates")


if __name__ == "__main__":
    sys.exit(main())
