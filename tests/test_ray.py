"""The Ray engine: the same inputs through a local Ray instance and through the local engine
give the same articles, mentions and merged events; without Ray it says how to install it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main
from newsevents.model import to_data
from newsevents.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SAMPLE = (  # three examples: two publication dates, html and txt
    "wire-2020-01-03-baghdad-strike.html",
    "sentinel-2020-01-04-soleimani.html",
    "ploughshare-2020-01-04-assassination.txt",
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SAMPLE:
        shutil.copy(EXAMPLES / name, folder / name)
    (folder / "blank.txt").write_text("\n", encoding="utf-8")  # one input that is a skip
    return folder


def test_without_ray_the_engine_says_how_to_install_it(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    res = CliRunner().invoke(
        main, ["analyze", str(inputs), "--engine", "ray", "--out", str(tmp_path / "out")]
    )
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "newsevents: error: --engine ray needs Ray Data: pip install 'newsevents[ray]'"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "ray"], "give --out DIR"),
        (["--out", "x"], "--address and --out go with --engine ray"),
        ([], "give --db DB"),
    ],
)
def test_engine_options_go_together(inputs: Path, args: list[str], message: str) -> None:
    res = CliRunner().invoke(main, ["analyze", str(inputs), *args])
    assert res.exit_code == 2 and message in res.output


def test_merge_from_a_folder_without_shards_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is absent: pip install 'newsevents[parquet]'")
    res = CliRunner().invoke(
        main, ["merge", "--db", str(tmp_path / "x.db"), "--from-parquet", str(tmp_path)]
    )
    assert res.exit_code == 2 and "holds no articles/ table" in res.output


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray Data's own settings
def test_ray_engine_gives_what_the_local_engine_gives(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ray = pytest.importorskip("ray", reason="ray is absent: pip install 'newsevents[ray]'")
    monkeypatch.chdir(tmp_path)
    inputs = inputs.relative_to(tmp_path)  # relative paths: the stored sources must agree
    runner = CliRunner()
    local_db, ray_db, out = tmp_path / "local.db", tmp_path / "ray.db", tmp_path / "shards"
    res = runner.invoke(main, ["analyze", str(inputs), "--db", str(local_db)])
    assert res.exit_code == 0, res.output
    try:
        res = runner.invoke(
            main, ["analyze", str(inputs), "--engine", "ray", "--workers", "1", "--out", str(out)]
        )
    finally:
        if ray.is_initialized():  # the command shuts down the Ray it started; make sure
            ray.shutdown()
    assert res.exit_code == 0, res.output
    assert "3 article(s) coded, 1 skipped" in res.output
    # partitioned by publication date
    assert sorted(p.name for p in (out / "mentions").iterdir()) == [
        "pub_date=2020-01-03",
        "pub_date=2020-01-04",
    ]
    res = runner.invoke(main, ["merge", "--db", str(ray_db), "--from-parquet", str(out)])
    assert res.exit_code == 0, res.output

    with Store(local_db, readonly=True) as a, Store(ray_db, readonly=True) as b:
        assert b.articles(with_raw=True) == a.articles(with_raw=True)
        assert {x.source for x in b.articles()} == {f"in/{name}" for name in SAMPLE}
        mentions = [to_data(m) for m in a.mentions()]
        assert len(mentions) > 10 and [to_data(m) for m in b.mentions()] == mentions
        assert [to_data(q) for q in b.quotes()] == [to_data(q) for q in a.quotes()]
        assert b.entities() == a.entities()
        events = [to_data(e) for e in a.events()]
        assert len(events) > 5 and [to_data(e) for e in b.events()] == events
        assert [to_data(s) for s in b.stories()] == [to_data(s) for s in a.stories()]
        assert b.skips() == a.skips()
    try:  # the README's DuckDB query over the shards
        import duckdb
    except ImportError:
        pass
    else:
        glob = str(out / "mentions" / "*" / "*.parquet")
        sql = f"SELECT pub_date, count(*) FROM read_parquet('{glob}', hive_partitioning = true)"
        counts = duckdb.sql(sql + " GROUP BY ALL").fetchall()
        assert sum(n for _, n in counts) == len(mentions) and len(counts) == 2
    # merging the same shards again adds nothing and keeps every event id
    res = runner.invoke(main, ["merge", "--db", str(ray_db), "--from-parquet", str(out)])
    assert res.exit_code == 0 and "stored 0 article(s)" in res.output
    with Store(ray_db, readonly=True) as b:
        assert [e.id for e in b.events()] == [e["id"] for e in events]


def test_a_bad_codebook_is_one_line_before_ray_starts(inputs: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="ray is absent: pip install 'newsevents[ray]'")
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - trigger: [\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["analyze", str(inputs), "--engine", "ray", "--out", str(out), "--codebook", str(bad)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2 and "is not valid YAML" in res.output
    assert not out.exists()


@pytest.mark.parametrize("learned", [True, False])
def test_each_ray_actor_codes_with_the_models_or_the_rules_alone(learned: bool) -> None:
    # what --no-model sets reaches the actors' resources (the Coder runs without Ray here)
    from newsevents import distributed

    coder = distributed.coder_class(distributed.Settings(learned=learned))()
    assert (coder.resources.learned is not None) == learned
