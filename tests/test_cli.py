"""The CLI is thin: one line per error, non-zero exit, no traceback; commands wire to api."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import main

ARTICLES = Path(__file__).parent / "data" / "articles"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "cli.db"
    result = CliRunner().invoke(main, ["analyze", str(ARTICLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--db", "{missing}"],
        ["articles", "--db", "{missing}"],
        ["export", "--db", "{missing}"],
        ["analyze", "{nofile}", "--db", "{db}", "--model", "no_such_spacy_model"],
    ],
)
def test_errors_are_one_line_without_traceback(tmp_path, args):
    subst = {
        "{missing}": str(tmp_path / "missing.db"),
        "{nofile}": str(ARTICLES),
        "{db}": str(tmp_path / "x.db"),
    }
    result = CliRunner().invoke(main, [subst.get(a, a) for a in args])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    err_lines = [line for line in result.output.splitlines() if line.startswith("newsevents:")]
    assert len(err_lines) == 1, result.output


@pytest.mark.slow
def test_export_writes_parseable_plover_jsonl(analysed, tmp_path):
    out = tmp_path / "ev.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(analysed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for line in out.read_text().splitlines():
        record = json.loads(line)
        assert {"id", "date", "event", "cameo", "intensity", "sources"} <= set(record)


@pytest.mark.slow
def test_export_factual_only_drops_the_other_events(analysed, tmp_path):
    def facts(*flag: str) -> list[str]:
        out = tmp_path / "ev.jsonl"
        args = ["export", "--db", str(analysed), "-o", str(out), *flag]
        assert CliRunner().invoke(main, args).exit_code == 0
        return [json.loads(line)["factuality"] for line in out.read_text().splitlines()]

    every, factual = facts(), facts("--factual-only")
    assert set(factual) <= {"asserted", "reported"}
    assert len(factual) == sum(f in ("asserted", "reported") for f in every) < len(every)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["timeline", "articles", "stories", "compare"])
def test_reading_commands_run(analysed, command):
    result = CliRunner().invoke(main, [command, "--db", str(analysed)])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_gdelt_export_needs_an_output_file_and_writes_two(analysed, tmp_path):
    result = CliRunner().invoke(main, ["export", "--db", str(analysed), "--format", "gdelt"])
    assert result.exit_code != 0
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(
        main, ["export", "--db", str(analysed), "--format", "gdelt", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.exists() and (tmp_path / "events.mentions.tsv").exists()
    rows = [r.split("\t") for r in out.read_text().splitlines()]
    assert all(r[-2] in ("asserted", "reported") for r in rows)  # factual only by default
    args = ["export", "--db", str(analysed), "--format", "gdelt", "-o", str(out)]
    assert CliRunner().invoke(main, [*args, "--all", "--header"]).exit_code == 0
    rows_all = [r.split("\t") for r in out.read_text().splitlines()]
    assert rows_all[0][0] == "GlobalEventID" and len(rows_all) - 1 >= len(rows)


def test_explain_shows_every_join_feature_and_each_figure(analysed):
    from newsevents import api

    corpus = api.load_corpus(analysed)
    joined = next(e for e in corpus.events if len(e.mention_ids) > 1)
    counted = next(e for e in corpus.events if e.figures)
    for event in (joined, counted):
        result = CliRunner().invoke(main, ["explain", event.id, "--db", str(analysed)])
        assert result.exit_code == 0, result.output
        out = " ".join(result.output.split())
        # each mention shows its own coded dyad beside the event's consensus
        assert out.count("coded: ") == len(event.mention_ids)
        if event is joined:
            assert "merge: " in out and "p=" in out and "text_sim=" in out
        else:
            r = event.figures[0]
            assert f"{r.kind}: low {r.low} best {r.best} high {r.high}" in out
            assert all(f.outlet in out for f in r.figures if f.outlet)


def test_explain_versus_says_why_two_events_are_two_rows(analysed):
    from newsevents import api

    corpus = api.load_corpus(analysed)
    by_type: dict[str, list] = {}
    for e in corpus.events:
        by_type.setdefault(e.event, []).append(e)
    a, b = next(es for es in by_type.values() if len(es) >= 2)[:2]
    result = CliRunner().invoke(main, ["explain", a.id, "--versus", b.id, "--db", str(analysed)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert f"tested as a join to {b.id}" in out
    # one verdict per mention of the first event: a refusing rule or a probability
    assert out.count("refused: ") + out.count(" p=") >= len(a.mention_ids)
    _, _, tests = api.why_apart(analysed, a.id, b.id)
    assert [t.mention_id for t in tests] == list(a.mention_ids)
    # two different merged events: no mention of one would join the other on its own
    # unless the merge's order kept it apart, which the verdict then says
    assert all(t.refused or t.probability is not None for t in tests)


def test_explain_versus_an_unknown_event_is_a_one_line_error(analysed):
    result = CliRunner().invoke(main, ["explain", "e0", "--versus", "enope", "--db", str(analysed)])
    assert result.exit_code != 0
    assert "no event" in result.output
