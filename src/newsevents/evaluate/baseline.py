"""The quality gate: floors per figure and a hash of each gold file (tests/quality/baseline.json).

A floor is the figure measured when the baseline was written minus a small tolerance, rounded
down to two decimals, so the gate catches regressions without failing on noise. The hash pins
the gold file the floors were measured on: editing a gold file requires rewriting the baseline.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path
from typing import Any

from ..errors import GoldError
from .results import EvalReport

#: Where each gold set lives, relative to the project root (plover: the read-only ../shared).
GOLD_LOCATIONS: dict[str, str] = {
    "sentences": "tests/gold/sentences.jsonl",
    "plover": "../shared/eval/plover_gsr_dev.json",
    "corpus": "examples/gold.jsonl",
    "merge": "tests/data/merge_corpus/gold.jsonl",
    "dev-merge": "tests/dev/merge/gold.jsonl",
    "dev-merge2": "tests/dev/merge2/gold.jsonl",
    "dev-merge3": "tests/dev/merge3/gold.jsonl",
    "dev-merge4": "tests/dev/merge4/gold.jsonl",
    "dev-merge4check": "tests/dev/merge4check/gold.jsonl",
    "dev-dyad": "tests/dev/dyad/gold.jsonl",
    "dev-dyad2": "tests/dev/dyad2/gold.jsonl",
    "dev-dyad3": "tests/dev/dyad3/gold.jsonl",
    "dev-dyad4": "tests/dev/dyad4/gold.jsonl",
    "dev-dyad4check": "tests/dev/dyad4check/gold.jsonl",
    "dev-types": "tests/dev/types.jsonl",
    "dev-types2": "tests/dev/types2.jsonl",
    "dev-types3": "tests/dev/types3.jsonl",
    "dev-roles4": "tests/dev/roles4.jsonl",
    "dev-roles4check": "tests/dev/roles4check.jsonl",
    "dev-types4": "tests/dev/types4.jsonl",
    "dev-types4check": "tests/dev/types4check.jsonl",
    "dev-dates": "tests/dev/dates/gold.jsonl",
    "dev-places": "tests/dev/places/gold.jsonl",
    "dev-places2": "tests/dev/places2/gold.jsonl",
    "dev-places3": "tests/dev/places3/gold.jsonl",
    "dev-places4": "tests/dev/places4/gold.jsonl",
    "dev-places4check": "tests/dev/places4check/gold.jsonl",
    # fifteenth session: wire5 may be studied, wire5check is read as figures only
    "dev-wire5": "tests/dev/wire5/gold.jsonl",
    "dev-wire5check": "tests/dev/wire5check/gold.jsonl",
    # nineteenth session, written by a helper who never ran the coder on them: types5 may be
    # studied, types5check is read as figures only
    "dev-types5": "tests/dev/types5.jsonl",
    "dev-types5check": "tests/dev/types5check.jsonl",
    "dev-wire6": "tests/dev/wire6/gold.jsonl",
    "dev-wire6check": "tests/dev/wire6check/gold.jsonl",
    # twentieth session, written by a helper who never ran the coder on them, registered at
    # the session's end: wire7 may be studied, wire7check is read as figures only
    "dev-wire7": "tests/dev/wire7/gold.jsonl",
    "dev-wire7check": "tests/dev/wire7check/gold.jsonl",
    # twentieth/twenty-first session, written by a helper who never ran the coder on them:
    # types6 may be studied, types6check is read as figures only
    "dev-types6": "tests/dev/types6.jsonl",
    "dev-types6check": "tests/dev/types6check.jsonl",
    # twenty-first session, written by helpers who never ran the coder on them, committed
    # before that session's coder changes: wire8 and roles5 may be studied, their check
    # halves are read as figures only
    "dev-wire8": "tests/dev/wire8/gold.jsonl",
    "dev-wire8check": "tests/dev/wire8check/gold.jsonl",
    "dev-roles5": "tests/dev/roles5.jsonl",
    "dev-roles5check": "tests/dev/roles5check.jsonl",
    # twenty-second session, written by helpers who never ran the coder on them while that
    # session's coder changes were made; registered with figures at the session's start and
    # end: types7 and wire9 may be studied, their check halves are read as figures only
    "dev-types7": "tests/dev/types7.jsonl",
    "dev-types7check": "tests/dev/types7check.jsonl",
    "dev-wire9": "tests/dev/wire9/gold.jsonl",
    "dev-wire9check": "tests/dev/wire9check/gold.jsonl",
    # twenty-third session, written by helpers who never ran the coder on them while that
    # session's first coder change was made; registered with figures at the session's start
    # and end: types8, wire10 and merge5 may be studied, their check halves are read as
    # figures only
    "dev-types8": "tests/dev/types8.jsonl",
    "dev-types8check": "tests/dev/types8check.jsonl",
    "dev-wire10": "tests/dev/wire10/gold.jsonl",
    "dev-wire10check": "tests/dev/wire10check/gold.jsonl",
    "dev-merge5": "tests/dev/merge5/gold.jsonl",
    "dev-merge5check": "tests/dev/merge5check/gold.jsonl",
    # written before the coder changes they measure, never tuned on (tests/blind/README.md);
    # their floors only catch regressions
    "blind-sentences": "tests/blind/sentences.jsonl",
    "blind-articles": "tests/blind/articles/gold.jsonl",
    "blind-merge": "tests/blind/merge/gold.jsonl",
    # written in the sixth session before its coder changes landed
    "blind-sentences2": "tests/blind/sentences2.jsonl",
    # written in the ninth session before its coder changes landed
    "blind-sentences3": "tests/blind/sentences3.jsonl",
    "blind-articles2": "tests/blind/articles2/gold.jsonl",
    "blind-merge2": "tests/blind/merge2/gold.jsonl",
    # written in the ninth session, never run through the coder by their writer
    "blind-articles3": "tests/blind/articles3/gold.jsonl",
    "blind-merge3": "tests/blind/merge3/gold.jsonl",
    # written in the fifteenth session by a helper who never ran the coder on it, committed
    # before that session's coder changes were measured on it
    "blind-articles4": "tests/blind/articles4/gold.jsonl",
}

DEFAULT_TOLERANCE = 0.02
REWRITE = "python -m newsevents.evaluate --write-baseline tests/quality/baseline.json"


def gold_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def gold_paths(root: Path) -> dict[str, Path]:
    """The gold sets present under the project ``root``, by name."""
    found = {}
    for name, rel in GOLD_LOCATIONS.items():
        path = (root / rel).resolve()
        if path.is_file():
            found[name] = path
    return found


def floor(value: float, tolerance: float = DEFAULT_TOLERANCE) -> float:
    """``value - tolerance`` rounded down to two decimals, never below 0."""
    return max(0.0, math.floor(round((value - tolerance) * 100, 6)) / 100)


def make_baseline(report: EvalReport, tolerance: float = DEFAULT_TOLERANCE) -> dict[str, Any]:
    gold = {}
    floors = {}
    for r in report.results:
        path = Path(r.path).resolve()
        gold[r.name] = {"path": GOLD_LOCATIONS.get(r.name, str(path)), "sha256": gold_sha256(path)}
        floors[r.name] = {k: floor(v, tolerance) for k, v in sorted(r.figures().items())}
    return {
        "about": f"Quality floors (measured value - {tolerance}, rounded down). Rewrite with: "
        + REWRITE,
        "tolerance": tolerance,
        "gold": gold,
        "floors": floors,
    }


def write_baseline(
    report: EvalReport, path: Path, tolerance: float = DEFAULT_TOLERANCE
) -> dict[str, Any]:
    baseline = make_baseline(report, tolerance)
    Path(path).write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return baseline


def read_baseline(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise GoldError(f"cannot read baseline {path}: {e.strerror}; run {REWRITE}") from e
    except json.JSONDecodeError as e:
        raise GoldError(f"{path}: baseline is not valid JSON ({e.msg}); run {REWRITE}") from e
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise GoldError(f"{path}: baseline lacks 'floors'; run {REWRITE}")
    if not isinstance(data.get("gold"), dict):
        raise GoldError(f"{path}: baseline lacks 'gold' hashes; run {REWRITE}")
    return data


def check_hashes(baseline: dict[str, Any], paths: dict[str, Path]) -> list[str]:
    """Problems with the gold files present: unknown to the baseline, or changed since."""
    problems = []
    for name, path in sorted(paths.items()):
        entry = baseline["gold"].get(name)
        if entry is None:
            problems.append(f"gold set {name!r} ({path}) has no baseline entry; run {REWRITE}")
        elif entry.get("sha256") != gold_sha256(path):
            problems.append(
                f"gold file {path} changed since the baseline was written; review the change "
                f"and run {REWRITE}"
            )
    return problems


def check_baseline(report: EvalReport, baseline: dict[str, Any]) -> list[str]:
    """Figures below their floor (or gone), one line each naming figure, floor and value."""
    problems = []
    for r in report.results:
        figures = r.figures()
        for name, minimum in sorted(baseline["floors"].get(r.name, {}).items()):
            value = figures.get(name)
            if value is None:
                problems.append(
                    f"{r.name} {name}: no longer measured (floor {minimum:.2f}); "
                    f"fix the scorer or run {REWRITE}"
                )
            elif value < minimum:
                problems.append(f"{r.name} {name} = {value:.4f} is below its floor {minimum:.2f}")
    return problems
