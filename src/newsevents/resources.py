"""Loaders for the packaged data files (codebook tables, gazetteer lists, scores).

Data lives in files under ``newsevents/data`` (TSV/YAML), never in Python literals; each
loader checks the file's shape and raises :class:`ConfigError` saying which line is wrong.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError


def data_path(name: str) -> Path:
    """Path of a packaged data file."""
    return Path(str(resources.files("newsevents") / "data" / name))


def read_tsv(path: Path, columns: int) -> list[list[str]]:
    """Rows of a TSV file, skipping blank lines and ``#`` comments; each row has >= columns."""
    rows: list[list[str]] = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
                if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                    continue
                if len(row) < columns:
                    raise ConfigError(
                        f"{path}:{lineno}: expected {columns} tab-separated columns, "
                        f"got {len(row)}; fix the line or remove it"
                    )
                rows.append([c.strip() for c in row])
    except OSError as e:
        raise ConfigError(f"cannot read data file {path}: {e.strerror}") from e
    return rows


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror}") from e
    except yaml.YAMLError as e:
        raise ConfigError(f"{path} is not valid YAML: {str(e).splitlines()[0]}") from e


@lru_cache(maxsize=1)
def goldstein_scores() -> dict[str, float]:
    """CAMEO code -> Goldstein score (published figures, see data/goldstein.tsv)."""
    scores: dict[str, float] = {}
    for code, value in read_tsv(data_path("goldstein.tsv"), 2):
        try:
            scores[code] = float(value)
        except ValueError as e:
            raise ConfigError(f"goldstein.tsv: score for {code!r} is not a number") from e
    return scores


def goldstein(cameo: str) -> float:
    """Goldstein score of a CAMEO code, falling back to its parent code (0 if unknown)."""
    scores = goldstein_scores()
    code = cameo
    while code:
        if code in scores:
            return scores[code]
        code = code[:-1]
    return 0.0


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """Surface form -> (ISO alpha-3, kind), kind: name, adjective or capital (countries.tsv).

    Keys keep their case ("US" the country, not "us"); lookups should try the form as written.
    """
    table: dict[str, tuple[str, str]] = {}
    for row in read_tsv(data_path("countries.tsv"), 2):
        code = row[0]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise ConfigError(f"countries.tsv: {code!r} is not an ISO alpha-3 code; fix the row")
        columns = (row[1:2], row[2:3], row[3:4])
        for kind, cells in zip(("name", "adjective", "capital"), columns, strict=True):
            for cell in cells:
                for form in cell.split("|"):
                    form = form.strip()
                    if form and form not in table:
                        table[form] = (code, kind)
    return table
