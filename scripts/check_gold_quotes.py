"""Check that every quote of a corpus gold file is an exact substring of the file it names.

    python scripts/check_gold_quotes.py tests/blind/articles/gold.jsonl tests/blind/merge/gold.jsonl

The gold is parsed with ``newsevents.evaluate.gold.load_gold`` (so its format is checked too);
then each event report and each nonevent quote is looked up in its article's text, whitespace
normalised on both sides (the evaluator compares quotes the same way). Files are found as the
evaluator finds them: relative to the gold file, its parent, or the current directory; a record
of a JSONL file is ``file.jsonl#L<n>`` (its ``maintext``/``text`` field). HTML is compared after
removing tags and unescaping entities; PDF and other binary files are reported as unchecked.

Also flags a quote found more than once in its file (not distinctive) as a warning. Exits 1
when any quote is missing or a file cannot be found, 0 otherwise. The coder is never run.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from newsevents.evaluate.gold import CorpusGold, GoldReport, load_gold, normalise_space

_TEXT_FIELDS = ("title", "maintext", "text", "content", "body", "article")
_TAG = re.compile(r"<[^>]+>")


def _locate(gold_path: Path, name: str) -> tuple[Path | None, int | None]:
    file, _, fragment = name.partition("#")
    line = int(fragment[1:]) if fragment.startswith("L") and fragment[1:].isdigit() else None
    for base in (gold_path.parent, gold_path.parent.parent, Path.cwd()):
        candidate = base / file
        if candidate.is_file():
            return candidate, line
    return None, line


def _text(path: Path, line: int | None) -> str | None:
    """The article text to search, or None when the format cannot be checked here."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return None
    raw = path.read_text(encoding="utf-8")
    if line is not None:
        record = json.loads(raw.splitlines()[line - 1])
        return "\n".join(str(record[k]) for k in _TEXT_FIELDS if isinstance(record.get(k), str))
    if suffix in (".html", ".htm"):
        return html.unescape(_TAG.sub(" ", raw))
    return raw


def check(gold_path: Path) -> tuple[int, int, int, list[str]]:
    """(quotes checked, missing, unchecked, messages) for one corpus gold file."""
    gold = load_gold(gold_path)
    if not isinstance(gold, CorpusGold):
        return 0, 0, 0, [f"{gold_path}: not a corpus gold file (format {gold.fmt}); skipped"]
    quotes: list[tuple[str, GoldReport]] = [
        (f"event {e.id}", r) for e in gold.events for r in e.reports
    ]
    quotes += [("nonevent", r) for r in gold.nonevents]
    texts: dict[str, str | None] = {}
    messages: list[str] = []
    missing = unchecked = checked = 0
    for what, report in quotes:
        if report.file not in texts:
            path, line = _locate(gold_path, report.file)
            if path is None:
                messages.append(f"ERROR {gold_path}: file {report.file!r} not found")
                texts[report.file] = None
                missing += 1
                continue
            found = _text(path, line)
            texts[report.file] = None if found is None else normalise_space(found)
        text = texts[report.file]
        if text is None:
            unchecked += 1
            continue
        checked += 1
        quote = normalise_space(report.quote)
        count = text.count(quote)
        if count == 0:
            missing += 1
            messages.append(f"ERROR {report.file}: {what} quote not found: {report.quote!r}")
        elif count > 1:
            messages.append(f"warning {report.file}: {what} quote occurs {count} times")
    return checked, missing, unchecked, messages


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[0])
        print("usage: python scripts/check_gold_quotes.py GOLD.jsonl [GOLD.jsonl ...]")
        return 2
    failed = False
    for name in argv:
        checked, missing, unchecked, messages = check(Path(name))
        for m in messages:
            print(m)
        print(f"{name}: {checked} quotes checked, {missing} missing, {unchecked} unchecked")
        failed = failed or missing > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
