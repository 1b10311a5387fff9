"""``export --format parquet``: five tables that give back the plover-jsonl records exactly,
readable by pyarrow and (when installed) by DuckDB with the README's example query."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import api
from newsevents.cli import main
from newsevents.report import export, parquet
from test_export import corpus

pa = pytest.importorskip("pyarrow", reason="pyarrow is absent: pip install 'newsevents[parquet]'")
README = Path(__file__).resolve().parent.parent / "README.md"


def test_tables_round_trip_to_the_plover_records(tmp_path: Path) -> None:
    events, mentions, articles = corpus()
    parquet.write_parquet(events, mentions, articles, tmp_path)
    want = [
        json.loads(line)
        for line in export.to_plover_jsonl(events, mentions, articles).split("\n")
        if line
    ]
    assert parquet.read_records(tmp_path) == want
    # one row per outlet's figure and per discrepancy value, each keyed on the event
    pq = pytest.importorskip("pyarrow.parquet")
    figures = pq.read_table(tmp_path / "figures.parquet").to_pylist()
    assert [(f["kind"], f["value"], f["outlet"]) for f in figures] == [
        ("killed", 14, "Lakes Wire"),
        ("killed", 17, "Kivu Daily"),
    ]
    assert {f["best"] for f in figures} == {14}
    disc = pq.read_table(tmp_path / "discrepancies.parquet").to_pylist()
    assert [(d["field"], d["value"]) for d in disc] == [("killed", "~14"), ("killed", "17")]


def test_pandas_reads_the_nested_actor_column(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is absent")
    events, mentions, articles = corpus()
    parquet.write_parquet(events, mentions, articles, tmp_path)
    frame = pd.read_parquet(tmp_path / "events.parquet")
    assert list(frame["id"]) == ["ev-goma-1"]
    assert [a["code"] for a in frame["actor"][0]] == ["COD"]


def test_no_events_still_writes_every_table_with_its_columns(tmp_path: Path) -> None:
    paths = parquet.write_parquet([], {}, {}, tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{t}.parquet" for t in parquet.TABLES)
    pq = pytest.importorskip("pyarrow.parquet")
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.num_rows == 0 and "actor" in events.column_names
    assert parquet.read_records(tmp_path) == []


@pytest.mark.slow
def test_cli_parquet_export_of_the_examples_equals_plover_jsonl(
    workbench_db: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    jsonl = runner.invoke(main, ["export", "--db", str(workbench_db)])
    assert jsonl.exit_code == 0, jsonl.output
    out = tmp_path / "tables"
    res = runner.invoke(
        main, ["export", "--db", str(workbench_db), "--format", "parquet", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    want = [json.loads(line) for line in jsonl.output.splitlines() if line]
    got = parquet.read_records(out)
    assert len(got) == len(want) == len(api.load_corpus(workbench_db).events) > 0
    assert got == want


def test_parquet_needs_an_output_directory(workbench_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["export", "--db", str(workbench_db), "--format", "parquet"])
    assert res.exit_code == 2 and "give -o DIR" in res.output
    res = runner.invoke(main, ["export", "--db", str(workbench_db), "-o", str(tmp_path)])
    assert res.exit_code == 2 and "is a directory" in res.output


def test_the_readme_duckdb_query_runs_on_the_export(workbench_db: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is absent (a dev-only dependency)")
    block = re.search(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "README has no ```sql example for the parquet export"
    out = tmp_path / "tables"
    parquet.write_parquet(*_corpus_of(workbench_db), out)
    con = duckdb.connect()
    rows = con.execute(block.group(1).replace("'tables/", f"'{out}/")).fetchall()
    events = api.load_corpus(workbench_db).events
    # the example counts each type's events and their distinct outlets: check the counts
    counts: dict[str, int] = {}
    for e in events:
        counts[e.event] = counts.get(e.event, 0) + 1
    assert {r[0]: r[1] for r in rows} == counts


def _corpus_of(db: Path):
    c = api.load_corpus(db)
    return c.events, c.mentions, c.articles
