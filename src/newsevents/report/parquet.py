"""``export --format parquet -o DIR``: merged events as columnar tables (pyarrow).

Five Parquet files, one row per thing, joined on ``event_id`` (DuckDB, pandas, Polars and
Spark read them as they are): ``events``, ``sources`` (event <-> mention, article and
sentence), ``quantities`` (an event's headline counts), ``figures`` (every outlet's casualty
figure with the event's low/best/high) and ``discrepancies`` (one row per outlet's value).
The tables hold exactly what a plover-jsonl record holds: :func:`read_records` rebuilds the
records from them (the round-trip test compares the two). The layout is public (README,
"Columnar export"); change it only together with the README and the test.

pyarrow is an optional dependency (the ``parquet`` extra; the ``ray`` extra brings it too):
without it :func:`write_parquet` raises one ConfigError line saying how to install it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Article, Event, EventMention
from .export import plover_record

INSTALL_HINT = "pip install 'newsevents[parquet]'"
TABLES = ("events", "sources", "quantities", "figures", "discrepancies")


def require_pyarrow(what: str = "--format parquet") -> Any:
    """The ``pyarrow`` module, or a one-line ConfigError saying how to install it."""
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        raise ConfigError(f"{what} needs pyarrow: {INSTALL_HINT}") from None


def _schemas(pa: Any) -> dict[str, Any]:
    actor = pa.list_(
        pa.struct(
            [
                ("name", pa.string()),
                ("text", pa.string()),
                ("code", pa.string()),
                ("sector", pa.string()),
            ]
        )
    )
    s, i64, f64, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    return {
        "events": pa.schema(
            [
                ("id", s), ("date", s), ("date_end", s), ("date_precision", s), ("event", s),
                ("mode", s), ("context", pa.list_(s)), ("cameo", s), ("intensity", f64),
                ("factuality", s), ("actor", actor), ("recipient", actor),
                ("location_name", s), ("location_country", s), ("location_lat", f64),
                ("location_lon", f64), ("location_precision", s), ("story", s),
                ("framing", pa.list_(pa.struct([("outlet", s), ("words", pa.list_(s))]))),
                ("n_sources", i64),
            ]
        ),
        "sources": pa.schema(
            [
                ("event_id", s), ("position", i64), ("article_id", s), ("mention_id", s),
                ("outlet", s), ("title", s), ("url", s), ("published", s), ("sentence", s),
                ("start", i64), ("end", i64), ("trigger", s), ("factuality", s), ("rule", s),
            ]
        ),
        "quantities": pa.schema(
            [
                ("event_id", s), ("position", i64), ("kind", s), ("value", i64),
                ("approximate", b),
            ]
        ),
        "figures": pa.schema(
            [
                ("event_id", s), ("range_position", i64), ("kind", s), ("low", i64),
                ("best", i64), ("high", i64), ("position", i64), ("value", i64),
                ("approximate", b), ("outlet", s), ("article_id", s), ("mention_id", s),
                ("reported", s), ("superseded", b), ("start", i64), ("end", i64),
            ]
        ),
        "discrepancies": pa.schema(
            [
                ("event_id", s), ("discrepancy_position", i64), ("field", s), ("position", i64),
                ("value", s), ("outlet", s), ("article_id", s), ("mention_id", s),
                ("start", i64), ("end", i64),
            ]
        ),
    }  # fmt: skip


_VALUE_KEYS: tuple[str, ...] = ("value", "approximate", "outlet", "article_id", "mention_id")
_VALUE_KEYS += ("reported", "superseded", "start", "end")


def _rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One plover record as rows of the five tables."""
    eid = record["id"]
    loc = record["location"] or {}
    event = {k: record[k] for k in ("id", "date", "date_end", "date_precision", "event", "mode")}
    event |= {k: record[k] for k in ("context", "cameo", "intensity", "factuality", "actor")}
    event |= {
        "recipient": record["recipient"],
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "story": record["story"],
        "framing": record["framing"],
        "n_sources": len(record["sources"]),
    }
    figures = []
    for r, rng in enumerate(record["figures"]):
        head = {"event_id": eid, "range_position": r, "kind": rng["kind"]}
        head |= {"low": rng["low"], "best": rng["best"], "high": rng["high"]}
        # a range without values still gets one row (value columns null) so it round-trips
        values = rng["values"] or [dict.fromkeys(_VALUE_KEYS)]
        for p, v in enumerate(values):
            figures.append(head | {"position": p if rng["values"] else None} | v)
    discrepancies = []
    for d, disc in enumerate(record["discrepancies"]):
        head = {"event_id": eid, "discrepancy_position": d, "field": disc["field"]}
        vals = disc["values"] or [dict.fromkeys(("value", "outlet", "article_id", "mention_id"))]
        for p, v in enumerate(vals):
            discrepancies.append(head | {"position": p if disc["values"] else None} | v)
    return {
        "events": [event],
        "sources": [{"event_id": eid, "position": p} | s for p, s in enumerate(record["sources"])],
        "quantities": [
            {"event_id": eid, "position": p} | q for p, q in enumerate(record["quantities"])
        ],
        "figures": figures,
        "discrepancies": discrepancies,
    }


def parquet_tables(
    events: Iterable[Event], mentions: Mapping[str, EventMention], articles: Mapping[str, Article]
) -> dict[str, Any]:
    """The five tables (``pyarrow.Table``) of ``events``, built from their plover records."""
    pa = require_pyarrow()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for e in events:
        for table, more in _rows(plover_record(e, mentions, articles)).items():
            rows[table].extend(more)
    schemas = _schemas(pa)
    return {t: pa.Table.from_pylist(rows[t], schema=schemas[t]) for t in TABLES}


def write_parquet(
    events: Iterable[Event],
    mentions: Mapping[str, EventMention],
    articles: Mapping[str, Article],
    out_dir: str | Path,
) -> list[Path]:
    """Write ``DIR/<table>.parquet`` for the five tables; returns the paths written."""
    tables = parquet_tables(events, mentions, articles)
    pq = importlib.import_module("pyarrow.parquet")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} is a file; --format parquet writes a directory of tables")
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables.items():
        path = out / f"{name}.parquet"
        pq.write_table(table, path)
        paths.append(path)
    return paths


def read_records(out_dir: str | Path) -> list[dict[str, Any]]:
    """The plover-jsonl records the tables in ``out_dir`` hold, in the events table's order
    (the inverse of :func:`write_parquet`; pyarrow only)."""
    require_pyarrow("reading the parquet export")
    pq = importlib.import_module("pyarrow.parquet")
    data = {t: pq.read_table(Path(out_dir) / f"{t}.parquet").to_pylist() for t in TABLES}
    by_event: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in TABLES[1:]:
        for row in data[table]:
            by_event.setdefault(row["event_id"], {}).setdefault(table, []).append(row)
    records = []
    for ev in data["events"]:
        rows = by_event.get(ev["id"], {})

        def ordered(table: str, rows: dict[str, list[dict[str, Any]]] = rows) -> list[dict]:
            return sorted(rows.get(table, []), key=lambda r: r["position"] or 0)

        record = {k: ev[k] for k in ("id", "date", "date_end", "date_precision", "event")}
        record |= {k: ev[k] for k in ("mode", "context", "cameo", "intensity", "factuality")}
        record |= {"actor": ev["actor"], "recipient": ev["recipient"]}
        record["location"] = (
            None
            if ev["location_name"] is None
            else {
                "name": ev["location_name"],
                "country": ev["location_country"],
                "lat": ev["location_lat"],
                "lon": ev["location_lon"],
                "precision": ev["location_precision"],
            }
        )
        record["quantities"] = [_drop(q, "event_id", "position") for q in ordered("quantities")]
        record["figures"] = _groups(
            ordered("figures"), "range_position", ("kind", "low", "best", "high"), _VALUE_KEYS
        )
        record["story"] = ev["story"]
        record["sources"] = [_drop(s, "event_id", "position") for s in ordered("sources")]
        disc_keys = ("value", "outlet", "article_id", "mention_id", "start", "end")
        record["discrepancies"] = _groups(
            ordered("discrepancies"), "discrepancy_position", ("field",), disc_keys
        )
        record["framing"] = ev["framing"]
        records.append(record)
    return records


def _drop(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}


def _groups(
    rows: list[dict[str, Any]], group: str, head: tuple[str, ...], value_keys: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Rows of one event grouped back into ``{head..., "values": [...]}`` objects."""
    out: dict[int, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (r[group], r["position"] or 0)):
        item = out.setdefault(row[group], {k: row[k] for k in head} | {"values": []})
        if row["position"] is not None:
            item["values"].append({k: row[k] for k in value_keys})
    return [out[k] for k in sorted(out)]
