"""Ingestion: files, directories, stdin and JSON/JSONL records -> clean :class:`Article`.

``iter_inputs`` never raises for a bad input: it yields :class:`Skip` with a one-line reason.
See ``readers`` (formats, decoding), ``clean`` (text cleaning rules) and ``metadata`` (title,
author, outlet and publication date from front matter, records and the text's header/footer).
"""

from __future__ import annotations

from .readers import article_from_text, article_id, count_inputs, iter_inputs, read_article

__all__ = ["article_from_text", "article_id", "count_inputs", "iter_inputs", "read_article"]
