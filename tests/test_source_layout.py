"""The house rule for the package's own code: one job per file, no file over 600 lines
(the split is made where a file outgrows it, as the sessions' splits did)."""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsevents"
LIMIT = 600


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_source_file_is_over_the_line_limit(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= LIMIT, f"{path.relative_to(PACKAGE)}: {lines} lines (limit {LIMIT})"
