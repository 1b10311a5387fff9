"""Classify the place failures of every TUNED article gold set at once by cause (eighth session).

    python scripts/place_causes.py                  # the cause table (count, sets)
    python scripts/place_causes.py --dump out.jsonl # and every failure with what was produced
    python scripts/place_causes.py --sets dev-places,corpus   # only these sets

Only tuned corpus sets with place gold are read (the sample corpus, the merge corpus and every
tests/dev article set except the ``*check`` halves); the check halves and tests/blind are never
read here. A mention is matched to its gold event as the evaluator matches it (quote inside the
sentence, same type, the dyad-agreeing event first); it fails when the evaluator's place test
fails, or when the place is right but its precision level is not the gold's. Each failure gets
one cause guessed from the gold, the produced place and the sentence (a heuristic, for choosing
what to fix; not a gold-set score).
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Any

from gold_walk import cause_table, coded_mentions, gold_reports, tuned_sets

from newsevents import api
from newsevents.evaluate.gold import CorpusGold, load_gold, normalise_space
from newsevents.evaluate.scoring import _dyad_ok, _fold, _place_ok

DEMONYM_END = re.compile(r"(an|ian|ean|ese|i|ish|ic)$")
BACK_REFERENCE = re.compile(
    r"\b(the|this|that|its|their|[A-Z][a-z]+day's|[a-z]+'s)\s+(\w+\s+)?$", re.IGNORECASE
)


def place_sets() -> dict[str, Path]:
    """The tuned corpus gold sets that annotate places."""
    out = {}
    for name, path in tuned_sets().items():
        if name == "plover" or path.suffix != ".jsonl":
            continue
        try:
            gold = load_gold(path)
        except Exception:  # a set this script cannot read is left out
            continue
        if isinstance(gold, CorpusGold) and any(e.place_annotated for e in gold.events):
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
        if not found or not events[found[0]].place_annotated:
            continue
        ev = events[found[0]]
        judged += 1
        loc = m.location
        system = (loc.name, loc.country) if loc is not None else None
        ok = _place_ok(system, ev.place)
        prec_ok = (
            ev.place is None
            or not ev.place.precision
            or (loc is not None and loc.precision == ev.place.precision)
        )
        if ok and prec_ok:
            continue
        out.append(
            {
                "set": name,
                "id": f"{key}:{ev.id}",
                "event": ev.event,
                "text": sentence,
                "before": text[max(0, m.sentence.start - 600) : m.sentence.start],
                "head": text[:160],
                "trigger": m.trigger.of(text),
                "gold": None
                if ev.place is None
                else [ev.place.name, ev.place.country, ev.place.precision],
                "produced": None
                if loc is None
                else [loc.name, loc.country, loc.precision, loc.source],
                "place_ok": ok,
                "sides": [a.name for a in (*m.actor, *m.recipient) if a.name],
                "remote": m.event in resources.gazetteer.cues.remote_events,
            }
        )
    return judged, out


def _has(name: str, text: str) -> bool:
    return bool(name) and _fold(name) in _fold(text)


def _locative(name: str, sentence: str) -> str:
    """The syntax that names ``name`` in the sentence, by the words right before it."""
    at = _fold(sentence).find(_fold(name))
    left = sentence[:at].lower().split()[-3:]
    right = sentence[at + len(name) :].lower().split()[:2]
    last = left[-1] if left else ""
    if right and right[0].strip(",.") in {"district", "province", "state", "region", "county"}:
        return "'X district/province/state'"
    if (
        last in {"of"}
        and len(left) >= 2
        and left[-2]
        in {
            "district",
            "province",
            "state",
            "region",
            "town",
            "city",
            "village",
            "outskirts",
            "north",
            "south",
            "east",
            "west",
            "coast",
            "capital",
            "centre",
            "center",
        }
    ):
        return "'the town/district/outskirts of X'"
    if last in {"in", "at", "on", "inside", "across", "into", "from", "through", "to"}:
        return "'in/at/from X'"
    if last in {"near", "outside", "around", "beyond", "off", "towards", "toward", "along"}:
        return "'near/outside X'"
    if right and right[0].startswith(("'s", "’s")):
        return "'X's ...' (possessive)"
    if last in {"the", "a"} or (right and right[0] not in {",", "."} and name[:1].isupper()):
        return "'the X square/road' (compound)"
    return "other (subject, list, apposition)"


def cause(row: dict[str, Any]) -> str:
    gold, prod, text = row["gold"], row["produced"], row["text"]
    if gold is None:
        src = prod[3] if prod else "?"
        if src == "dateline":
            return "place given where gold has none (dateline prior)"
        if any(_has(prod[0], s) for s in row["sides"]):
            return "place given where gold has none (a capital/city as actor)"
        return "place given where gold has none (text)"
    gname, gcountry, gprec = gold
    if row["place_ok"]:
        return f"right place, wrong precision level (gold {gprec}, got {prod[2] if prod else '-'})"
    if prod is None:
        if _has(gname, text):
            return f"text's locative missed: {_locative(gname, text)}"
        if _has(gname, row["before"]):
            if row["remote"]:
                return "place of the story not carried over: an act done by word"
            lead = text[: max(0, text.find(row["trigger"]))]
            if not row["trigger"].endswith("ed") and BACK_REFERENCE.search(lead):
                return "place of the story not carried over: a back-reference ('the attack')"
            return "place of the story not carried over: an act on the spot"
        if _has(gname, row["head"]):
            return "dateline place not given (no other place)"
        if gprec == "country" or (gcountry and len(gname) > 3 and DEMONYM_END.search(gname)):
            return "country only implied (demonym, actors)"
        return "gold place not named near (inferred by the writer)"
    pname, pcountry, pprec, psrc = prod
    same_name = _fold(pname) in _fold(gname) or _fold(gname) in _fold(pname)
    if same_name and gcountry and pcountry != gcountry:
        return "ambiguous name resolved to a namesake"
    if (
        pcountry == gcountry
        and difflib.SequenceMatcher(None, _fold(pname), _fold(gname)).ratio() >= 0.6
    ):
        return "right place, the gazetteer's spelling is not the text's"
    if gcountry and pcountry != gcountry and _has(gname, text + row["before"]):
        return "ambiguous name resolved to a namesake"
    if psrc == "dateline":
        return "dateline city used where the text places the event elsewhere"
    if any(_has(pname, s) for s in row["sides"]):
        return "a capital/city used as actor taken as the place"
    if pcountry == gcountry and gprec and pprec != gprec:
        return f"wrong level: gold {gprec}, got {pprec} (same country)"
    if _has(pname, text) and _has(gname, text):
        return "another place of the sentence chosen (gold's is named there too)"
    if _has(pname, text):
        return "a place of the sentence chosen, gold's is named elsewhere"
    return "a place from outside the sentence (carried/heading) is wrong"


def main(argv: list[str] | None = None) -> int:
    return cause_table(argv, place_sets(), failures, cause, "places")


if __name__ == "__main__":
    sys.exit(main())
