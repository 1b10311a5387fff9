"""Classify the dyad failures of every TUNED gold set at once by cause (seventh session).

    python scripts/dyad_causes.py                  # the cause table (count, sets)
    python scripts/dyad_causes.py --dump out.jsonl # and every failure with what was produced

Only tuned sets are read (PLOVER dev, our sentence gold, the sample corpus, the merge corpus
and every tests/dev set except the ``*check`` halves); the check halves and tests/blind are
never read here. A gold event with both sides fails when no produced event of its type has
both right (the evaluator's rule; corpus sets: the mention matched to its report). Each
wrong side gets one cause guessed from the gold and the produced codes and names (a
heuristic, for choosing what to fix; not a gold-set score).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from gold_walk import coded_mentions, gold_reports, tuned_sets

from newsevents import api
from newsevents.evaluate.gold import SentenceGold, load_gold, normalise_space
from newsevents.evaluate.scoring import _dyad_ok, _overlap
from newsevents.model import Actor, EventMention
from newsevents.resources import countries

PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "its", "their"]
    + ["his", "our", "my", "your"]
)
WEAPONS = frozenset({"gas", "bullets", "cannon", "ammunition", "pellets", "batons", "grenades"})
INTERNATIONAL = frozenset({"IGO", "NGO", "UNO", "EUR", "AFR"})
#: prepositions whose object the coder reads as a place or a time, not a party
PLACE_PREPS = frozenset({"in", "at", "near", "on", "from", "into", "outside", "inside", "off"})
#: heads of a phrase that counts people hurt or held, not a party with a name
VICTIMS = frozenset(
    [
        "people",
        "civilians",
        "villagers",
        "passengers",
        "residents",
        "men",
        "women",
        "children",
        "victims",
        "students",
        "workers",
        "driver",
        "crew",
        "detainees",
        "prisoners",
        "smugglers",
        "dozens",
        "hundreds",
        "thousands",
    ]
)
#: heads of a phrase that names a thing, an act or a text, not a party
THINGS = frozenset(
    [
        "vote",
        "text",
        "election",
        "talks",
        "call",
        "request",
        "order",
        "allegations",
        "agreement",
        "understanding",
        "ceasefire",
        "resolution",
        "offer",
        "deal",
        "plan",
        "rations",
        "aid",
        "investigators",
        "outpost",
        "checkpoint",
        "station",
        "base",
        "vehicle",
        "post",
        "positions",
        "attack",
        "incursions",
        "measures",
        "charges",
    ]
)
_COUNTRIES = countries()


def _side(actors: tuple[Actor, ...]) -> list[list[str | None]]:
    return [[a.name, a.code] for a in actors]


def _mention(m: EventMention, text: str) -> dict[str, Any]:
    return {
        "event": m.event,
        "trigger": m.trigger.of(text),
        "actor": _side(m.actor),
        "recipient": _side(m.recipient),
    }


def failures(name: str, path: Path, resources: api.Resources) -> tuple[int, list[dict[str, Any]]]:
    gold = load_gold(path)
    judged, out = 0, []
    if isinstance(gold, SentenceGold):
        texts = [(s.text, s.published) for s in gold.sentences]
        for s, doc in zip(
            gold.sentences, api.analyze_texts(texts, resources=resources), strict=True
        ):
            for ev in s.events:
                if not (ev.actor and ev.recipient):
                    continue
                judged += 1
                same = [p for p in doc.events if p.event == ev.event]
                codes = [([a.code for a in p.actor], [a.code for a in p.recipient]) for p in same]
                if any(_overlap(a, ev.actor) and _overlap(r, ev.recipient) for a, r in codes):
                    continue
                out.append(
                    {
                        "set": name,
                        "id": s.id,
                        "text": s.text,
                        "event": ev.event,
                        "gold_actor": list(ev.actor),
                        "gold_recipient": list(ev.recipient),
                        "produced": [_mention(m, doc.article.text) for m in same],
                    }
                )
        return judged, out
    events = {e.id: e for e in gold.events}
    reports = gold_reports(gold)
    for m, article, key in coded_mentions(gold, resources):
        sentence = m.sentence.of(article.text)
        flat = normalise_space(sentence)
        a_codes = [a.code for a in m.actor]
        r_codes = [a.code for a in m.recipient]
        found = [e for q, e in reports[key] if q in flat and events[e].event == m.event]
        found.sort(key=lambda e: not _dyad_ok(a_codes, r_codes, events[e]))
        if not found or not (events[found[0]].actor and events[found[0]].recipient):
            continue
        ev = events[found[0]]
        judged += 1
        if _dyad_ok(a_codes, r_codes, ev):
            continue
        out.append(
            {
                "set": name,
                "id": f"{key}:{ev.id}",
                "text": sentence,
                "event": ev.event,
                "gold_actor": list(ev.actor),
                "gold_recipient": list(ev.recipient),
                "produced": [_mention(m, article.text)],
            }
        )
    return judged, out


def _ok(codes: list[str | None], gold: list[str]) -> bool:
    return _overlap(codes, gold)


def _head(name: str | None) -> str:
    return name.split()[-1].lower() if name else ""


def _named_at(text: str, code: str) -> str | None:
    """How the sentence names a country: "place" when a word for it is the object of a place
    or time preposition ("in Venezuela"), "word" for any other mention, None when unnamed."""
    words = re.findall(r"[\w'-]+", text)
    found = None
    for i in range(len(words)):
        for n in (3, 2, 1):
            hit = _COUNTRIES.get(" ".join(words[i : i + n]).removesuffix("'s"))
            if hit is not None and hit[0] == code[:3]:
                before = [x.lower() for x in words[max(0, i - 3) : i]]
                if (before and before[-1] in PLACE_PREPS) or (
                    len(before) > 1 and before[-2] in PLACE_PREPS and before[-1] == "the"
                ):
                    found = found or "place"
                else:
                    return "word"
    return found


def _missing_recipient(row: dict[str, Any], m: dict[str, Any], gold: list[str]) -> str:
    """Which kind of "recipient missing" a failure is (the clause named no other party)."""
    if len({x[1] for x in m["actor"] if x[1]}) > 1:
        return "recipient missing: doers of several countries acting together (A and B did X)"
    how = [_named_at(row["text"], c) for c in gold]
    if "word" in how:
        if " between " in row["text"]:
            return "recipient missing: named in a between-phrase (talks between A and B)"
        return "recipient missing: named in the sentence, object of a noun or another clause"
    if "place" in how:
        return "recipient missing: named only as a place or time (in X, at X)"
    return "recipient missing: not named in the sentence (earlier sentence or implied)"


def _no_country(role: str, side: list[list[str | None]]) -> str:
    """Which kind of "named, no country known" a failure is, by the side's head word."""
    names = [x[0] or "" for x in side]
    heads = [_head(n) for n in names]
    if any(h in VICTIMS or h.isdigit() for h in heads) or any(
        n[:1].isdigit() or n.split()[0].lower() in NUMBERS for n in names if n
    ):
        return f"{role} named, no country known: people counted (victims, detainees)"
    if any(h in THINGS for h in heads):
        return (
            f"{role} named, no country known: a thing or act, not a party (the real one elsewhere)"
        )
    proper = [n for n in names if n and all(w[:1].isupper() for w in n.split()[-2:])]
    if proper and len(proper[0].split()) >= 2:
        return f"{role} named, no country known: a person or body named in full"
    return f"{role} named, no country known: a common noun (role or group) with no country near"


NUMBERS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozens",
        "hundreds",
        "thousands",
        "several",
        "many",
        "most",
    ]
)


def causes(row: dict[str, Any]) -> list[str]:
    """One cause per wrong side of a failed dyad."""
    ga, gr = row["gold_actor"], row["gold_recipient"]
    if not row["produced"]:
        return ["event type missed (no event of the gold type)"]
    domestic = bool({c[:3] for c in ga} & {c[:3] for c in gr})

    def score(m: dict[str, Any]) -> int:
        a = [x[1] for x in m["actor"]]
        r = [x[1] for x in m["recipient"]]
        return int(_ok(a, ga)) + int(_ok(r, gr))

    m = max(row["produced"], key=score)
    out = []
    for role, gold, other_role, other_gold in (
        ("actor", ga, "recipient", gr),
        ("recipient", gr, "actor", ga),
    ):
        side, other = m[role], m[other_role]
        codes = [x[1] for x in side]
        if _ok(codes, gold):
            continue
        other_ok = _ok([x[1] for x in other], other_gold)
        words = [w.lower() for x in side for w in (x[0] or "").split()[:1]]
        if any(_head(x[0]) in PRONOUNS for x in side) or set(words) & PRONOUNS:
            out.append("pronoun or possessive resolved to the wrong party")
        elif role == "actor" and {c[:3] for c in ga} & INTERNATIONAL and side and all(codes):
            out.append("international body or NGO coded wrong")
        elif role == "recipient" and any(_head(x[0]) in WEAPONS for x in side):
            out.append("weapon taken as the recipient")
        elif (
            domestic
            and side
            and all(codes)
            and not other_ok
            and {str(c)[:3] for c in codes} == {str(x[1])[:3] for x in other if x[1]}
        ):
            out.append("place homonym or foreign place gives both sides a wrong country")
        elif domestic and other_ok and not side and role == "recipient":
            joint = len({x[1] for x in other if x[1]}) > 1
            out.append(
                "own-country recipient missing: doers of several countries acting together"
                if joint
                else "own-country recipient missing: a protest or demand's own state"
                if row["event"] in ("PROTEST", "REQUEST")
                else "own-country recipient missing: a state's act on its own people"
            )
        elif domestic and other_ok and not side:
            out.append(f"own-country {role} missing")
        elif domestic and other_ok and not any(codes):
            out.append(f"own-country {role} named but uncoded")
        elif not domestic and side and _ok(codes, other_gold):
            out.append(f"{role} given the other side's country")
        elif role == "actor" and not side:
            verb = re.escape(m["trigger"].split()[0]) if m["trigger"] else "#"
            passive = re.search(rf"\b(was|were|been|be)\s+(\w+\s+)?{verb}", row["text"])
            out.append("passive without agent: doer not inferred" if passive else "doer missing")
        elif not side:
            out.append(_missing_recipient(row, m, gold))
        elif not any(codes):
            out.append(_no_country(role, side))
        else:
            out.append(f"{role} coded with another wrong country")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", type=Path, help="write every failure as JSONL")
    ap.add_argument("--sets", nargs="*", help="only these tuned sets (fnmatch patterns)")
    args = ap.parse_args(argv)
    chosen = {
        name: path
        for name, path in tuned_sets().items()
        if not args.sets or any(fnmatch.fnmatch(name, pat) for pat in args.sets)
    }
    resources = api.load_resources()
    table: Counter[str] = Counter()
    sets: dict[str, set[str]] = defaultdict(set)
    rows: list[dict[str, Any]] = []
    judged = 0
    for name, path in chosen.items():
        n, failed = failures(name, path, resources)
        judged += n
        rows.extend(failed)
        for row in failed:
            for cause in causes(row):
                table[cause] += 1
                sets[cause].add(name)
    out = sys.stdout
    out.write(f"tuned sets: {len(chosen)}  judged dyads: {judged}  failed: {len(rows)}\n")
    for cause, n in table.most_common():
        out.write(f"{n:5d} {len(sets[cause]):3d}  {cause}\n")
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
