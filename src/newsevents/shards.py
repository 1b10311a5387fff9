"""Parquet shards of analysed articles: what ``analyze --engine ray --out DIR`` writes and
``merge --from-parquet DIR`` reads (one job: the columnar form of a :class:`Document`).

``DIR`` holds four tables, each a folder of Parquet files; the first three are partitioned by
the article's publication date (hive style, ``pub_date=2020-01-03/``; ``pub_date=undated``
for an article without one), so a date window is read without the rest:

* ``articles/``: one row per article: its metadata, clean text, raw input and its
  per-article annotations as JSON (sentences, named-entity mentions, times, entities);
* ``mentions/``: one row per event mention, with query columns and the whole mention as JSON
  (``data``, :func:`newsevents.model.to_data`);
* ``quotes/``: one row per quotation, likewise;
* ``skips/``: one row per input that gave no article (source, reason).

The workers' output (``documents`` rows, one per input item) is turned into these tables by
the pure functions below, so the tables do not depend on Ray. Needs pyarrow.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .model import (
    Article,
    Document,
    Entity,
    EntityMention,
    EventMention,
    Quote,
    Skip,
    Span,
    TimeExpression,
    from_data,
    to_data,
)

TABLES = ("articles", "mentions", "quotes", "skips")
PARTITION = "pub_date"
UNDATED = "undated"
_ARTICLE_FIELDS = (
    "id", "source", "format", "title", "outlet", "author", "url", "published",
    "published_source", "language", "text",
)  # fmt: skip
_ANNOTATIONS = ("sentences", "entity_mentions", "times", "entities")


def _pa() -> Any:
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        raise ConfigError("Parquet shards need pyarrow: pip install 'newsevents[ray]'") from None


def schemas() -> dict[str, Any]:
    """The pyarrow schema of the workers' rows (``documents``) and of each table."""
    pa = _pa()
    s, i64 = pa.string(), pa.int64()
    article = [(f, s) for f in _ARTICLE_FIELDS]
    article += [("published_confidence", pa.float64()), ("raw", pa.binary())]
    article += [(f, s) for f in _ANNOTATIONS]  # JSON lists
    return {
        "documents": pa.schema(
            [("kind", s), ("source", s), ("reason", s), (PARTITION, s), ("doc", s)]
            + [("raw", pa.binary()), ("n_events", i64), ("n_quotes", i64)]
        ),
        "articles": pa.schema([*article, (PARTITION, s)]),
        "mentions": pa.schema(
            [
                ("id", s), ("article_id", s), ("idx", i64), ("event", s), ("cameo", s),
                ("mode", s), ("intensity", pa.float64()), ("factuality", s), ("date", s),
                ("date_end", s), ("date_precision", s), ("sentence_start", i64),
                ("sentence_end", i64), ("actor_codes", pa.list_(s)),
                ("recipient_codes", pa.list_(s)), ("place", s), ("country", s), ("data", s),
                (PARTITION, s),
            ]
        ),
        "quotes": pa.schema(
            [
                ("id", s), ("article_id", s), ("idx", i64), ("speaker", s),
                ("speaker_code", s), ("start", i64), ("end", i64), ("data", s), (PARTITION, s),
            ]
        ),
        "skips": pa.schema([("source", s), ("reason", s)]),
    }  # fmt: skip


def pub_date(article: Article) -> str:
    """The partition an article's rows go to: its publication date as given, or 'undated'."""
    return article.published or UNDATED


def documents_table(items: Iterable[Document | Skip]) -> Any:
    """The workers' output: one ``documents`` row per coded document or skip."""
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Skip):
            rows.append({"kind": "skip", "source": item.source, "reason": item.reason})
            continue
        data = {"article": to_data(item.article)}
        data |= {k: to_data(getattr(item, k)) for k in (*_ANNOTATIONS, "events", "quotes")}
        rows.append(
            {
                "kind": "article",
                "source": item.article.source,
                PARTITION: pub_date(item.article),
                "doc": json.dumps(data, ensure_ascii=False),
                "raw": item.article.raw,
                "n_events": len(item.events),
                "n_quotes": len(item.quotes),
            }
        )
    return _pa().Table.from_pylist(rows, schema=schemas()["documents"])


def _docs(table: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for row in table.to_pylist():
        if row["kind"] == "article":
            yield row, json.loads(row["doc"])


def articles_table(documents: Any) -> Any:
    rows = []
    for row, doc in _docs(documents):
        art = doc["article"]
        out = {f: art[f] for f in _ARTICLE_FIELDS}
        out |= {"published_confidence": art["published_confidence"], "raw": row["raw"]}
        out |= {k: json.dumps(doc[k], ensure_ascii=False) for k in _ANNOTATIONS}
        rows.append(out | {PARTITION: row[PARTITION]})
    return _pa().Table.from_pylist(rows, schema=schemas()["articles"])


def mentions_table(documents: Any) -> Any:
    rows = []
    for row, doc in _docs(documents):
        for m in doc["events"]:
            loc = m["location"] or {}
            rows.append(
                {
                    "id": f"{m['article_id']}:{m['index']}",
                    "article_id": m["article_id"],
                    "idx": m["index"],
                    **{k: m[k] for k in ("event", "cameo", "mode", "intensity", "factuality")},
                    **{k: m[k] for k in ("date", "date_end", "date_precision")},
                    "sentence_start": m["sentence"]["start"],
                    "sentence_end": m["sentence"]["end"],
                    "actor_codes": [a["code"] for a in m["actor"]],
                    "recipient_codes": [a["code"] for a in m["recipient"]],
                    "place": loc.get("name"),
                    "country": loc.get("country"),
                    "data": json.dumps(m, ensure_ascii=False),
                    PARTITION: row[PARTITION],
                }
            )
    return _pa().Table.from_pylist(rows, schema=schemas()["mentions"])


def quotes_table(documents: Any) -> Any:
    rows = []
    for row, doc in _docs(documents):
        for q in doc["quotes"]:
            speaker = q["speaker"] or {}
            rows.append(
                {
                    "id": f"{q['article_id']}:q{q['index']}",
                    "article_id": q["article_id"],
                    "idx": q["index"],
                    "speaker": speaker.get("name"),
                    "speaker_code": speaker.get("code"),
                    "start": q["span"]["start"],
                    "end": q["span"]["end"],
                    "data": json.dumps(q, ensure_ascii=False),
                    PARTITION: row[PARTITION],
                }
            )
    return _pa().Table.from_pylist(rows, schema=schemas()["quotes"])


def skips_table(documents: Any) -> Any:
    rows = [
        {"source": r["source"], "reason": r["reason"]}
        for r in documents.to_pylist()
        if r["kind"] == "skip"
    ]
    return _pa().Table.from_pylist(rows, schema=schemas()["skips"])


# --- reading ---------------------------------------------------------------------------


def partitions(root: str | Path) -> list[str]:
    """The publication-date partitions of ``root/articles``, in date order ('undated' last)."""
    folder = Path(root) / "articles"
    if not folder.is_dir():
        raise ConfigError(f"{root} holds no articles/ table: give the --out DIR of an analyze run")
    values = [p.name.split("=", 1)[1] for p in folder.glob(f"{PARTITION}=*") if p.is_dir()]
    return sorted(values, key=lambda v: (v == UNDATED, v))


def _read(root: Path, table: str, partition: str | None) -> list[dict[str, Any]]:
    """The rows of one table (one partition of it), or none when it has no files there."""
    folder = root / table if partition is None else root / table / f"{PARTITION}={partition}"
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return []
    pq = importlib.import_module("pyarrow.parquet")
    rows: list[dict[str, Any]] = []
    for f in files:
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def read_documents(root: str | Path) -> Iterator[Document]:
    """Every article in the shards under ``root`` as a coded :class:`Document` (raw input
    included, no spaCy parse), one date partition at a time, by source within a partition."""
    _pa()
    base = Path(root)
    for part in partitions(base):
        mentions: dict[str, dict[str, EventMention]] = {}
        for r in _read(base, "mentions", part):
            mentions.setdefault(r["article_id"], {})[r["id"]] = from_data(
                EventMention, json.loads(r["data"])
            )
        quotes: dict[str, dict[str, Quote]] = {}
        for r in _read(base, "quotes", part):
            quotes.setdefault(r["article_id"], {})[r["id"]] = from_data(
                Quote, json.loads(r["data"])
            )
        seen: set[tuple[str, str]] = set()
        for r in sorted(_read(base, "articles", part), key=lambda r: (r["source"], r["id"])):
            if (r["id"], r["source"]) in seen:  # the same input twice in the shards
                continue
            seen.add((r["id"], r["source"]))
            fields = {f: r[f] for f in _ARTICLE_FIELDS}
            article = Article(
                **fields, published_confidence=r["published_confidence"], raw=r["raw"]
            )
            ms = sorted(mentions.get(article.id, {}).values(), key=lambda m: m.index)
            qs = sorted(quotes.get(article.id, {}).values(), key=lambda q: q.index)
            yield Document(
                article=article,
                sentences=[from_data(Span, s) for s in json.loads(r["sentences"])],
                entity_mentions=[
                    from_data(EntityMention, e) for e in json.loads(r["entity_mentions"])
                ],
                times=[from_data(TimeExpression, t) for t in json.loads(r["times"])],
                entities=[from_data(Entity, e) for e in json.loads(r["entities"])],
                events=ms,
                quotes=qs,
            )


def read_skips(root: str | Path) -> list[Skip]:
    return [Skip(r["source"], r["reason"]) for r in _read(Path(root), "skips", None)]
