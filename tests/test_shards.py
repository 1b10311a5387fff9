"""Parquet shards (what the Ray engine writes): a coded Document goes in and comes back the
same, partitioned by publication date; needs pyarrow only (no Ray)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsevents import shards
from newsevents.model import Skip, to_data

pa = pytest.importorskip("pyarrow", reason="pyarrow is absent: pip install 'newsevents[parquet]'")
pq = pytest.importorskip("pyarrow.parquet")

TEXT = (
    'Police arrested 12 protesters in Nairobi on Tuesday. "We will not stop," said the '
    "organiser, Jane Wanjiru. Kenya accused Uganda of violating the border agreement."
)


def _write(root: Path, documents) -> None:
    """The tables as the Ray engine lays them out (hive partitions by publication date)."""
    for name, table in (
        ("articles", shards.articles_table),
        ("mentions", shards.mentions_table),
        ("quotes", shards.quotes_table),
    ):
        pq.write_to_dataset(table(documents), root / name, partition_cols=[shards.PARTITION])
    (root / "skips").mkdir()
    pq.write_table(shards.skips_table(documents), root / "skips" / "part-0.parquet")


def test_a_coded_document_round_trips_through_the_shards(analyze, tmp_path: Path) -> None:
    dated = analyze(TEXT, published="2020-01-07")
    undated = analyze(TEXT.replace("Nairobi", "Kampala"))
    assert dated.events and dated.quotes, "the sample text should give mentions and a quote"
    dated.article = dataclasses.replace(dated.article, raw=b"<raw bytes>")
    documents = shards.documents_table([undated, Skip("bad.txt", "empty file"), dated])
    _write(tmp_path, documents)

    assert shards.partitions(tmp_path) == ["2020-01-07", shards.UNDATED]
    back = list(shards.read_documents(tmp_path))
    assert [d.article.id for d in back] == [dated.article.id, undated.article.id]
    for got, want in zip(back, (dated, undated), strict=True):
        assert got.article == want.article  # raw bytes included
        for name in ("sentences", "entity_mentions", "times", "entities", "events", "quotes"):
            assert to_data(getattr(got, name)) == to_data(getattr(want, name)), name
    assert shards.read_skips(tmp_path) == [Skip("bad.txt", "empty file")]
    # the query columns agree with the JSON they sit beside
    rows = pq.read_table(tmp_path / "mentions").to_pylist()
    assert len(rows) == len(dated.events) + len(undated.events)
    assert {r["id"] for r in rows} == {m.id for m in (*dated.events, *undated.events)}


def test_a_folder_without_shards_is_refused_in_one_line(tmp_path: Path) -> None:
    from newsevents.errors import ConfigError

    with pytest.raises(ConfigError, match="holds no articles/ table"):
        list(shards.read_documents(tmp_path))
