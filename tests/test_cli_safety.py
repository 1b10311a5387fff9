"""Data never drives the terminal or a spreadsheet; every bad value at the CLI is one line."""

from __future__ import annotations

import csv
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from newsevents.cli import main
from newsevents.cli_support import ProgressLog, check_date, plain
from newsevents.model import Skip
from newsevents.report.export import safe_cell
from newsevents.store import Store

ARTICLES = Path(__file__).parent / "data" / "articles"
CLI = Path(sys.executable).parent / "newsevents"

# Two short reports of one event by two outlets whose names and titles are rich markup, a
# spreadsheet formula and terminal escape sequences.
HOSTILE = {
    "a.md": (
        "---\ntitle: '[/] closing tag [/b]'\noutlet: '[/b]'\npublished: 2021-05-04\n---\n"
        "Police arrested 40 protesters in Lima on Monday \x1b[2J\x1b]0;owned\x07 after a march "
        "on the parliament. The interior minister condemned the protest [/] in a statement.\n"
    ),
    "b.md": (
        "---\ntitle: Arrests in Lima\noutlet: '=1+2'\npublished: 2021-05-04\n---\n"
        "Police arrested 45 protesters in Lima on Monday after a march on the parliament, "
        "officials said. The interior minister condemned the protest.\n"
    ),
}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "h.db"
    result = CliRunner().invoke(main, ["analyze", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.slow
@pytest.mark.parametrize("command", ["articles", "timeline", "compare", "stories"])
def test_markup_and_escapes_in_data_never_reach_the_terminal(hostile_db, command):
    code, out = _run(command, "--db", str(hostile_db))
    assert code == 0, out
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.slow
def test_timeline_rows_carry_the_event_id_explain_needs(hostile_db):
    code, out = _run("timeline", "--db", str(hostile_db), "--all")
    assert code == 0, out
    from newsevents import api

    events = api.load_corpus(hostile_db).events
    assert events
    for e in events:
        assert e.id in out
        code, text = _run("explain", e.id, "--db", str(hostile_db))
        assert code == 0, text
        assert "\x1b" not in text and "\x07" not in text


@pytest.mark.slow
def test_csv_export_neutralises_formulas(hostile_db):
    code, out = _run("export", "--db", str(hostile_db), "--format", "csv")
    assert code == 0, out
    cells = [c for row in csv.reader(io.StringIO(out)) for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert any(c.startswith("'=1+2") for c in cells)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tTab", "'\tTab"), ("-12.5", "-12.5"), ("plain", "plain"), (-3.0, -3.0)],
)  # fmt: skip
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_plain_replaces_control_characters():
    assert plain("a\x1b[31mb\x07c\u202ed") == "a?[31mb?c?d"


@pytest.mark.parametrize("value", ["notadate", "2020-02-30", "2020-13", "20200101", "2020-1-1"])
def test_bad_dates_are_rejected(value):
    with pytest.raises(Exception, match="date"):
        check_date(value)


@pytest.mark.parametrize("value", ["2020", "2020-02", "2020-02-29"])
def test_good_dates_pass(value):
    assert check_date(value) == value


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "{article}", "--db", "{db}", "--published", "notadate"],
        ["analyze", "{article}", "--db", "{db}", "--published", "2020-02-30"],
        ["analyze", "{tmp}/nonexistent.txt", "--db", "{db}"],
        ["analyze", "{article}", "--db", "{db}", "--actors", "{binary}"],
        ["timeline", "--db", "{db}", "--from", "notadate"],
        ["timeline", "--db", "{db}", "--from", "2020-02-01", "--to", "2020-01-01"],
        ["timeline", "--db", "{db}", "--type", "NOSUCHTYPE"],
        ["explain", "", "--db", "{db}"],
        ["merge", "--db", "{db}", "--story-threshold", "7"],
        ["articles", "--db", "{foreign}"],
        ["analyze", "{article}", "--db", "{foreign}"],
    ],
)
def test_bad_values_are_one_line_errors_with_exit_2_or_more(tmp_path, args):
    binary = tmp_path / "actors.tsv"
    binary.write_bytes(bytes(range(256)) * 4)
    foreign = tmp_path / "foreign.db"
    import sqlite3

    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    subst = {
        "{article}": str(sorted(ARTICLES.iterdir())[0]),
        "{db}": str(tmp_path / "x.db"),
        "{tmp}": str(tmp_path),
        "{binary}": str(binary),
        "{foreign}": str(foreign),
    }
    argv = []
    for a in args:
        for k, v in subst.items():
            a = a.replace(k, v)
        argv.append(a)
    result = CliRunner().invoke(main, argv)
    assert result.exit_code >= 2, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert result.output.startswith("newsevents: error: ")
    assert foreign.read_bytes() == before
    assert not (tmp_path / "x.db").exists() or args[0] != "analyze"


@pytest.mark.slow
def test_a_missing_path_next_to_good_ones_is_a_warning(tmp_path):
    good = sorted(ARTICLES.iterdir())[0]
    code, out = _run(
        "analyze", str(good), str(tmp_path / "nope.txt"), "--db", str(tmp_path / "d.db")
    )
    assert code == 0, out
    assert "warning" in out and "nope.txt" in out


@pytest.mark.slow
def test_same_text_from_a_second_outlet_is_recorded_and_skips_are_not_repeated(tmp_path):
    body = (
        "Police arrested 40 protesters in Lima on Monday after a march on the parliament. "
        "The interior minister condemned the protest in a statement on Tuesday.\n"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.md").write_text(f"---\noutlet: First Wire\n---\n{body}")
    (folder / "two.md").write_text(f"---\noutlet: Second Post\n---\n{body}")
    (folder / "crlf.md").write_bytes(f"---\r\noutlet: Third\r\n---\r\n{body}".encode())
    (folder / "empty.txt").write_text("")
    db = tmp_path / "r.db"
    for _ in range(3):
        code, out = _run("analyze", str(folder), "--db", str(db))
        assert code == 0, out
    with Store(db, readonly=True) as store:
        assert store.article_count() == 1
        reports = next(iter(store.reports().values()))
        assert sorted(o for _, o in reports) == ["First Wire", "Second Post", "Third"]
        assert [s.source for s in store.skips()] == [str(folder / "empty.txt")]
    code, out = _run("articles", "--db", str(db))
    assert "Second Post" in out


def test_progress_log_prints_count_total_rate_and_eta_every_n():
    buf = io.StringIO()
    log = ProgressLog(Console(file=buf, width=200), every=2)
    log("total", "5")
    for kind in ("stored", "skipped", "stored", "already"):
        log(kind, "x")
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("progress: 4/5 inputs") and "/s" in lines[1] and "left" in lines[1]


@pytest.mark.slow
def test_sigterm_marks_the_run_interrupted(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    src = sorted(p for p in ARTICLES.iterdir())
    for i in range(40):
        text = src[i % len(src)].read_bytes()
        (folder / f"{i}{src[i % len(src)].suffix}").write_bytes(text + f"\n\nCopy {i}.".encode())
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [str(CLI), "analyze", str(folder), "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the run is recorded
        time.sleep(0.5)
        if db.exists():
            try:
                with Store(db, readonly=True) as store:
                    if store.runs():
                        break
            except Exception:
                continue
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "interrupted" in err and "Traceback" not in err
    with Store(db, readonly=True) as store:
        assert [r.status for r in store.runs()] == ["interrupted"]


@pytest.mark.slow
def test_undated_articles_are_warned_about(tmp_path):
    (tmp_path / "u.txt").write_text(
        "Police arrested 40 protesters in Lima after a march on the parliament. The interior "
        "minister condemned the protest in a statement.\n"
    )
    code, out = _run("analyze", str(tmp_path / "u.txt"), "--db", str(tmp_path / "u.db"))
    assert code == 0, out
    assert "no publication date" in out


@pytest.mark.parametrize("command", ["articles", "timeline", "export"])
def test_reading_a_corrupt_database_is_one_line(tmp_path, command):
    db = tmp_path / "c.db"
    with Store(db) as store:
        for i in range(300):
            store.record_skip(Skip(f"file{i}.txt", "reason " * 20), None)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    for off in range(4096 * 2, len(data)):
        data[off] = 0xA5
    db.write_bytes(bytes(data))
    result = CliRunner().invoke(main, [command, "--db", str(db)])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow
def test_an_unknown_actor_is_an_error_listing_the_codes(hostile_db):
    code, out = _run("timeline", "--db", str(hostile_db), "--actor", "NOSUCHCODE")
    assert code == 2, out
    assert "codes present" in out
