"""Ingestion (PLACEHOLDER created by the lead so imports work; the ingest owner replaces it)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..model import Article, Skip


def article_from_text(text: str, *, source: str = "<text>", fmt: str = "txt", **meta: str | None) -> Article:
    aid = hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()[:16]
    return Article(id=aid, source=source, format=fmt, text=text, raw=text.encode(), **meta)  # type: ignore[arg-type]


def iter_inputs(
    paths: Sequence[str], *, published: str | None = None, outlet: str | None = None
) -> Iterator[Article | Skip]:
    for p in paths:
        for f in sorted(Path(p).rglob("*")) if Path(p).is_dir() else [Path(p)]:
            if f.is_file():
                yield article_from_text(f.read_text(), source=str(f), published=published, outlet=outlet)
