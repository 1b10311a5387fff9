"""Which files the paths given to ``analyze`` name: directories walked, hidden files left out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def visible_files(root: Path) -> list[Path]:
    """Files under ``root``, recursively and sorted, skipping hidden files and folders."""
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue
        # everything but directories: a FIFO, device or broken link becomes a skip with its
        # reason when read (never opened: a FIFO would block)
        if not p.is_dir():
            out.append(p)
    return out


def count_inputs(paths: Sequence[str]) -> int:
    """How many items :func:`iter_inputs` will yield, about (for a progress total): one per
    file, one per non-blank line of a JSONL file, one per missing path; cheap (no parsing)."""
    n = 0
    for p in paths:
        path = Path(p)
        try:
            files = visible_files(path) if path.is_dir() else [path]
        except OSError:
            files = [path]
        for f in files:
            n += 1
            if f.suffix.lower() in (".jsonl", ".ndjson") and f.is_file():
                try:
                    with f.open("rb") as fh:
                        n += sum(1 for line in fh if line.strip()) - 1
                except OSError:
                    pass
    return n
