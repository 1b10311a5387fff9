"""Reading the converted dictionary files: the ``# columns:`` header, cells, dates, scores,
and the one normalisation every lookup uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Literal

from ..errors import ConfigError

CODE = re.compile(r"^(?:[A-Z]{3})?$")
CAMEO = re.compile(r"^(?:\d{2,4})?$")
_SPACES = re.compile(r"\s+")


def normalise(phrase: str) -> str:
    """The lookup key of a phrase: case-folded, dots and underscores dropped, one space, and
    British "-isation" spelt as the dictionaries' "-ization" ("World Health Organisation")."""
    key = phrase.casefold().replace(".", "").replace("_", " ").replace("isation", "ization")
    return _SPACES.sub(" ", key).strip()


def phoenix_dir(stage: Literal["resolve", "extract"]) -> Path:
    """Folder of the packaged converted files of a stage."""
    return Path(str(resources.files("newsevents") / stage / "data" / "phoenix"))


def rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of a converted TSV file, after checking its columns header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read data file {path}: {e.strerror}") from e
    expected = "# columns: " + "\t".join(columns)
    header_seen = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        if line[0] == "#":
            if line.startswith("# columns:"):
                if line != expected:
                    raise ConfigError(
                        f"{path}:{lineno}: columns header should be {expected!r}; "
                        "rerun scripts/convert_phoenix.py"
                    )
                header_seen = True
            continue
        if not header_seen:
            raise ConfigError(f"{path}:{lineno}: data before the '# columns:' header")
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise ConfigError(
                f"{path}:{lineno}: expected {len(columns)} tab-separated cells "
                f"({', '.join(columns)}), got {len(cells)}"
            )
        yield lineno, cells
    if not header_seen:
        raise ConfigError(f"{path}: no '# columns:' header; rerun scripts/convert_phoenix.py")


def iso_date(value: str, path: Path, lineno: int) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{path}:{lineno}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def score(value: str, path: Path, lineno: int) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"{path}:{lineno}: Goldstein score {value!r} is not a number") from None
