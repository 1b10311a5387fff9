"""``python -m newsevents.evaluate``: run every gold set present; check or rewrite the gate.

    python -m newsevents.evaluate                        # figures of every gold set present
    python -m newsevents.evaluate --check tests/quality/baseline.json
    python -m newsevents.evaluate --write-baseline tests/quality/baseline.json

This is a script entry (like the CLI), so it writes to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import api
from ..errors import NewsEventsError
from ..nlp import DEFAULT_MODEL
from .baseline import (
    DEFAULT_TOLERANCE,
    check_baseline,
    check_hashes,
    gold_paths,
    read_baseline,
    write_baseline,
)
from .run import evaluate_gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsevents.evaluate")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write-baseline", type=Path, metavar="PATH")
    group.add_argument("--check", type=Path, metavar="PATH")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--no-model", action="store_true", help="the rules alone")
    parser.add_argument("--json", type=Path, help="also write all figures as JSON")
    args = parser.parse_args(argv)
    try:
        paths = gold_paths(args.root)
        if not paths:
            raise NewsEventsError(f"no gold files under {args.root}; run from the project root")
        report = evaluate_gold(
            list(paths.values()),
            api.load_resources(args.model, learned=not args.no_model),
            names=list(paths),
        )
        sys.stdout.write(report.format() + "\n")
        if args.json:
            args.json.write_text(json.dumps(report.to_dict(), indent=2, sort_keys=True) + "\n")
        if args.write_baseline:
            write_baseline(report, args.write_baseline, args.tolerance)
            sys.stdout.write(f"\nwrote {args.write_baseline}\n")
        elif args.check:
            baseline = read_baseline(args.check)
            problems = check_hashes(baseline, paths) + check_baseline(report, baseline)
            for p in problems:
                sys.stdout.write(f"FAIL {p}\n")
            return 1 if problems else 0
    except NewsEventsError as e:
        sys.stderr.write(f"error: {e}\n")
        return e.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
