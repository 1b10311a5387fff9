"""Audit and normalise the labels of the training corpus (training/corpus/*.jsonl).

Four writers coded some cases differently. This script finds each divergence pattern,
prints counts per writer file, and (with --apply) rewrites the mechanical ones to the single
convention documented in training/README.md:

  modes      every mode mapped to the codebook's mode name for its type
             (src/newsevents/extract/data/codebook.yaml); a mode the codebook has no name
             for is dropped
  codes      non-state codes the repo does not use (ICC, IMF, CRC) mapped to IGO / NGO;
             UN-system bodies (WHO, IAEA, ILO, ...) coded IGO become UNO
  abduct     kidnapping, hostage taking and torture are ASSAULT (abduct / torture), not COERCE
  release    a release of captives, disarmament or return of property is RETREAT (PLOVER 2.0),
             an announced one too (factuality future), like every announced act; a pardon,
             amnesty or shortened sentence stays (or becomes again) CONCEDE without a mode
  apology    an apology or expression of regret is CONCEDE (PLOVER 2.0), not SUPPORT
  content    the act inside an accusation ("accused X of shelling") is content of the
             ACCUSE, not a separate event; an act the outlet reports and someone is blamed
             for ("blamed X for the killings") stays, with actor [] (the doer is the blame)
  endaid     ending, cutting or suspending aid is SANCTION discontinue, not a negated AID
  dupes      exact or near-exact duplicate texts (same words after lower-casing and removing
             punctuation): the later line is removed

Judgement cases (denials coded REJECT, acts asked about in interview questions, protesters'
codes) are only listed here (--list KIND) and were fixed by hand.

Usage: python3 scripts/corpus_audit.py [--apply] [--list KIND] [FILES...]
"""

from __future__ import annotations

import argparse
import glob
import json
import re
from collections import Counter
from pathlib import Path

# mode maps: (type, writer's mode) -> codebook mode; None drops the mode.
# Codebook modes per type (codebook.yaml): ACCUSE disapprove/allege/investigate;
# ASSAULT targeted/heavy-weapons/aerial/firearms/explosives/suicide-attack/beat/torture/
# sexual/primitive/abduct/crowd-control/drone; COERCE arrest/seize/ban/censor/curfew/
# martial-law/restrict/deport/destroy/cyber; CONSULT phone/visit; MOBILIZE troops/weapons/
# police; PROTEST demo/hunger/strike/boycott/obstruct/riot; REJECT yield/meet; RETREAT
# release/withdraw/access/disarm/ceasefire/resign; SANCTION convict/discontinue/expel/
# withdraw; THREATEN violence. AGREE, SUPPORT, CONCEDE, COOPERATE, AID, REQUEST: none.
CODEBOOK_MODES = {
    "ACCUSE": {"disapprove", "allege", "investigate"},
    "ASSAULT": {
        "targeted",
        "heavy-weapons",
        "aerial",
        "firearms",
        "explosives",
        "suicide-attack",
        "beat",
        "torture",
        "sexual",
        "primitive",
        "abduct",
        "crowd-control",
        "drone",
    },
    "COERCE": {
        "arrest",
        "seize",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "restrict",
        "deport",
        "destroy",
        "cyber",
    },
    "CONSULT": {"phone", "visit"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "PROTEST": {"demo", "hunger", "strike", "boycott", "obstruct", "riot"},
    "REJECT": {"yield", "meet"},
    "RETREAT": {"release", "withdraw", "access", "disarm", "ceasefire", "resign"},
    "SANCTION": {"convict", "discontinue", "expel", "withdraw"},
    "THREATEN": {"violence"},
}
MODE_MAP = {
    ("ACCUSE", "sue"): "allege",
    ("ASSAULT", "explode"): "explosives",
    ("ASSAULT", "artillery"): "heavy-weapons",
    ("ASSAULT", "missile"): "heavy-weapons",
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "suicide"): "suicide-attack",
    ("COERCE", "raid"): "seize",
    ("COERCE", "state-of-emergency"): "martial-law",
    ("COERCE", "blockade"): "restrict",
    ("MOBILIZE", "mobilize-reserves"): "troops",
    ("MOBILIZE", "weapons-test"): "weapons",
    ("PROTEST", "demonstrate"): "demo",
    ("PROTEST", "hunger-strike"): "hunger",
    ("PROTEST", "occupy"): "obstruct",
    ("REJECT", "veto"): "yield",
    ("RETREAT", "retreat"): "withdraw",
    ("SANCTION", "break-relations"): "withdraw",
    ("SANCTION", "reduce-relations"): "withdraw",
    ("SANCTION", "cut-aid"): "discontinue",
    ("SANCTION", "embargo"): "discontinue",
    ("SANCTION", "freeze-assets"): "discontinue",
}
CODE_MAP = {"ICC": "IGO", "IMF": "IGO", "CRC": "NGO"}
# UN-system bodies and agencies are UNO, as most lines (and docs/GOLD.md for the UN) code them
UN_BODY = re.compile(
    r"\b(UN|U\.N\.|United Nations|UNICEF|UNHCR|WFP|World Food Programme|WHO|World Health "
    r"Organi[sz]ation|IAEA|International Atomic Energy Agency|UNESCO|UNRWA|ILO|International "
    r"Labour Organi[sz]ation|FAO|(?<!Peace and )Security Council|General Assembly)\b"
)
# CONCEDE modes that PLOVER 2.0 and the codebook code as RETREAT when the act happened
CONCEDE_TO_RETREAT = {"release": "release", "disarm": "disarm", "return": "release"}
# a pardon, amnesty, clemency or shortened sentence is CONCEDE (convention 9), whatever mode
PARDON = re.compile(r"pardon|amnest|clemenc|commut|sentence", re.I)
BLAME = re.compile(r"blam", re.I)
ABDUCT = re.compile(r"kidnap|abduct|hostage|hijack|snatch", re.I)
TORTURE = re.compile(r"tortur", re.I)
ACCUSE_WORD = re.compile(r"accus|alleg|charg|blam|implicat", re.I)
ENDING = re.compile(
    r"\b(cut|cuts|cutting|halt\w*|suspend\w*|suspension|end|ended|ending|stop\w*|"
    r"freez\w*|froze\w*|withh[eo]l\w*|terminat\w*|slash\w*|withdr\w*|scrap\w*|cancel\w*)\b",
    re.I,
)
AIDWORD = re.compile(r"\b(aid|assistance|funding|funds|support|loans?|grants?)\b", re.I)


def writer(path: str) -> str:
    return Path(path).name


def pos(text: str, ev: dict) -> int:
    return int(ev.get("trigger_start", text.find(ev["trigger"])))


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", text.lower()).split())


def near_duplicates(paths: list[str], threshold: float = 0.75) -> dict[str, str]:
    """Ids of lines whose word 4-grams overlap an earlier line's by Jaccard >= threshold."""
    recs = [json.loads(x) for p in paths for x in Path(p).read_text(encoding="utf-8").splitlines()]
    shingles = []
    for r in recs:
        w = re.findall(r"\w+", r["text"].lower())
        shingles.append({" ".join(w[i : i + 4]) for i in range(len(w) - 3)})
    index: dict[str, list[int]] = {}
    drop: dict[str, str] = {}
    for i, s in enumerate(shingles):
        seen: Counter = Counter()
        for g in s:
            for j in index.get(g, []):
                seen[j] += 1
            index.setdefault(g, []).append(i)
        for j, shared in seen.items():
            if shared / len(s | shingles[j]) >= threshold and recs[j]["id"] not in drop:
                drop[recs[i]["id"]] = recs[j]["id"]
                break
    return drop


def fix_modes(rec: dict, c: Counter, w: str) -> None:
    for e in rec["events"]:
        m = e.get("mode")
        if m is None:
            continue
        t = e["event"]
        if t in ("CONCEDE", "RETREAT") and m == "release" and PARDON.search(e["trigger"]):
            if t == "RETREAT":
                c[(w, "pardon: RETREAT->CONCEDE")] += 1
            e["event"] = "CONCEDE"
            del e["mode"]
            continue
        if t == "CONCEDE" and m in CONCEDE_TO_RETREAT:
            e["event"], e["mode"] = "RETREAT", CONCEDE_TO_RETREAT[m]
            c[(w, "release: CONCEDE->RETREAT")] += 1
            continue
        if t == "SUPPORT" and m == "apologize":
            e["event"] = "CONCEDE"
            del e["mode"]
            c[(w, "apology: SUPPORT->CONCEDE")] += 1
            continue
        if t == "COERCE" and m in ("abduct", "torture"):
            continue  # handled by fix_abduct
        new = MODE_MAP.get((t, m), m)
        if new not in CODEBOOK_MODES.get(t, set()):
            del e["mode"]
            c[(w, f"mode dropped {t}:{m}")] += 1
        elif new != m:
            e["mode"] = new
            c[(w, f"mode {t}:{m}->{new}")] += 1


def fix_codes(rec: dict, c: Counter, w: str) -> None:
    for e in rec["events"]:
        for k in ("actor", "recipient"):
            new = [CODE_MAP.get(x, x) for x in e[k]]
            if new != e[k]:
                c[(w, "code ICC/IMF/CRC")] += 1
                e[k] = list(dict.fromkeys(new))
        for k in ("actor", "recipient"):
            text = e.get(k + "_text") or ""
            if e[k] == ["IGO"] and UN_BODY.search(text) and "Russian Security" not in text:
                e[k] = ["UNO"]
                c[(w, "code IGO->UNO for a UN-system body")] += 1
    tags = []
    for t in rec["tags"]:
        if t.startswith("country:") and t[8:] in CODE_MAP:
            c[(w, "country tag of a non-state code removed")] += 1
            continue
        tags.append(t)
    rec["tags"] = tags


def fix_abduct(rec: dict, c: Counter, w: str) -> None:
    for e in rec["events"]:
        if e["event"] != "COERCE":
            continue
        m = e.get("mode")
        if m == "torture" or (m is None and TORTURE.search(e["trigger"])):
            e["event"], e["mode"] = "ASSAULT", "torture"
        elif m == "abduct" or (m in (None, "arrest", "seize") and ABDUCT.search(e["trigger"])):
            e["event"], e["mode"] = "ASSAULT", "abduct"
        else:
            continue
        c[(w, "abduct/torture: COERCE->ASSAULT")] += 1


def content_events(rec: dict, blamed: list[dict] | None = None) -> list[dict]:
    """Events that are the act inside an accusation in the same clause.

    An act someone is blamed for ("blamed X for the killings") is reported by the outlet:
    it goes to ``blamed`` (kept, its actor cleared), not to the result.
    """
    text, out = rec["text"], []
    for a in rec["events"]:
        if a["event"] != "ACCUSE" or not ACCUSE_WORD.search(a["trigger"]):
            continue
        pa = pos(text, a) + len(a["trigger"])
        for e in rec["events"]:
            if e is a or e["event"] == "ACCUSE" or e.get("sentence") != a.get("sentence"):
                continue
            if e["factuality"] not in ("hypothetical", "reported"):
                continue
            pe = pos(text, e)
            gap = text[pa:pe]
            if not (0 <= len(gap) < 80) or not re.search(r"\b(of|that|for|over)\b", gap):
                continue
            if re.search(r"[.;?!:]|,\s*(and|but|which|while|although|who)\b|\bsaid\b", gap):
                continue
            if BLAME.search(a["trigger"]) and re.search(r"\bfor\b", gap):
                if blamed is not None:
                    blamed.append(e)
                continue
            out.append(e)
    return out


def fix_content(rec: dict, c: Counter, w: str) -> None:
    blamed: list[dict] = []
    drop = content_events(rec, blamed)
    for e in blamed:
        if e["actor"]:
            e["actor"], e["actor_text"] = [], None
            c[(w, "act blamed on someone: actor cleared")] += 1
    if drop:
        rec["events"] = [e for e in rec["events"] if all(e is not d for d in drop)]
        c[(w, "accused act removed (content of ACCUSE)")] += len(drop)


def fix_endaid(rec: dict, c: Counter, w: str) -> None:
    text = rec["text"]
    for e in rec["events"]:
        if e["event"] != "AID":
            continue
        p = pos(text, e)
        window = text[max(0, p - 40) : p + len(e["trigger"]) + 10]
        if ENDING.search(e["trigger"]) or (
            e["factuality"] == "negated" and ENDING.search(window) and AIDWORD.search(window)
        ):
            e["event"], e["mode"] = "SANCTION", "discontinue"
            if e["factuality"] == "negated":
                before = text[max(0, p - 25) : p + len(e["trigger"])]
                if re.search(r"\b(will|would|to|plans?|vowed|promised)\b", before):
                    e["factuality"] = "future"
                elif re.search(r"\bsaid|according", text):
                    e["factuality"] = "reported"
                else:
                    e["factuality"] = "asserted"
            c[(w, "ending aid: AID->SANCTION discontinue")] += 1


DENY = re.compile(r"den(y|ie|ial)|dismiss|reject|refut|baseless|absurd", re.I)
ALLEGATION = re.compile(
    r"accusation|allegation|charge|claim|report|account|\bit\b|any role|involvement", re.I
)
NOT_ALLEGATION = re.compile(
    r"request|proposal|offer|demand|plan\b|deal\b|calls? for|invitation|entry", re.I
)


def fix_denial(rec: dict, c: Counter, w: str) -> None:
    """A denial of an accusation is the denied act, negated; it is not a REJECT."""
    text, keep = rec["text"], []
    for e in rec["events"]:
        if e["event"] == "REJECT" and DENY.search(e["trigger"]):
            p = pos(text, e)
            window = text[max(0, p - 40) : p + len(e["trigger"]) + 50]
            others = [
                o for o in rec["events"] if o is not e and o.get("sentence") == e.get("sentence")
            ]
            denied = any(
                o["factuality"] == "negated" and set(o["actor"]) & set(e["actor"]) for o in others
            )
            accused = any(
                o["event"] == "ACCUSE" and set(o["recipient"]) & set(e["actor"]) for o in others
            )
            if (
                ALLEGATION.search(window)
                and not NOT_ALLEGATION.search(window)
                and (denied or accused)
            ):
                note = "" if denied else " (no negated act yet)"
                c[(w, "denial coded REJECT removed" + note)] += 1
                continue
        keep.append(e)
    rec["events"] = keep


def detect(rec: dict, c: Counter, w: str, listing: dict) -> None:
    text = rec["text"]
    for e in rec["events"]:
        if (
            e["event"] == "REJECT"
            and re.match(r"den(y|ie|ial)", e["trigger"].lower())
            and "entry" not in text[pos(text, e) : pos(text, e) + 20]
        ):
            c[(w, "LIST denial coded REJECT")] += 1
            listing["denial"].append(rec["id"])
        if e["event"] == "PROTEST" and set(e["actor"]) & {"EUR", "IGO", "UNO", "NGO"}:
            c[(w, "LIST protesters with a non-state code")] += 1
            listing["protest"].append(rec["id"])
        if "?" in text[pos(text, e) :] and e["factuality"] == "hypothetical":
            q = text.find("?", pos(text, e))
            if not re.search(r"[.!]\s", text[pos(text, e) : q]):
                c[(w, "LIST act asked about in a question, coded hypothetical")] += 1
                listing["question"].append(rec["id"])
        if "IGO" in e["actor"] + e["recipient"]:
            for k in ("actor", "recipient"):
                s = e.get(k + "_text") or ""
                if "IGO" in e[k] and re.search(r"\b(UN|U\.N\.|United Nations)\b", s):
                    c[(w, "LIST UN body coded IGO (repo gold: UNO)")] += 1
                if "IGO" in e[k] and re.search(r"\b(EU|European (Union|Commission))\b", s):
                    c[(w, "LIST EU body coded IGO (repo gold: EUR)")] += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--list", choices=["denial", "protest", "question"])
    args = ap.parse_args()
    files = args.files or sorted(glob.glob("training/corpus/*.jsonl"))
    c: Counter = Counter()
    listing: dict = {"denial": [], "protest": [], "question": []}
    seen: dict[str, str] = {}
    near = near_duplicates(files)
    for path in files:
        w = writer(path)
        out = []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            key = norm(rec["text"])
            if rec["id"] in near:
                c[(w, f"duplicate text removed (near {near[rec['id']]})")] += 1
                continue
            if key in seen:
                c[(w, f"duplicate text removed (of {seen[key]})")] += 1
                continue
            seen[key] = rec["id"]
            detect(rec, c, w, listing)
            for fix in (fix_abduct, fix_modes, fix_codes, fix_content, fix_endaid, fix_denial):
                fix(rec, c, w)
            if not rec["events"] and "negative" not in rec["tags"]:
                rec["tags"] += ["negative", "negative:other"]
                c[(w, "line became negative")] += 1
            out.append(rec)
        if args.apply:
            with open(path, "w", encoding="utf-8") as fh:
                for rec in out:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    kinds = sorted({k for _, k in c}, key=lambda k: (k.startswith("LIST"), k))
    ws = [writer(p) for p in files]
    print("change".ljust(58) + "".join(x.split(".")[0][-11:].rjust(12) for x in ws))
    for k in kinds:
        if k.startswith("duplicate"):
            continue
        print(k[:58].ljust(58) + "".join(str(c[(x, k)]).rjust(12) for x in ws))
    dup = Counter(x for (x, k) in c.elements() if k.startswith("duplicate"))
    print("duplicate texts removed".ljust(58) + "".join(str(dup[x]).rjust(12) for x in ws))
    if args.list:
        print("\n".join(listing[args.list]))
    print("(dry run: nothing written; use --apply)" if not args.apply else "(files rewritten)")


if __name__ == "__main__":
    main()
