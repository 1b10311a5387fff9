"""The report in a real headless Chromium: it renders offline, the script runs, text shows."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from newsevents.report.html import render_html
from test_report_html import sample_report

pytestmark = pytest.mark.slow

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def chromium() -> str:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"chromium did not finish in 90 s: {e}")


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    events, mentions, articles, stories = sample_report()
    path = tmp_path / "report.html"
    path.write_text(
        render_html(events, mentions, articles, stories, show_all=True), encoding="utf-8"
    )
    return path


def test_screenshot_is_a_real_image(tmp_path: Path, report_file: Path):
    shot = tmp_path / "shot.png"
    proc = run_chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", report_file.as_uri()
    )
    assert shot.is_file(), f"no screenshot (exit {proc.returncode}): {proc.stderr[-500:]}"
    data = shot.read_bytes()
    assert data[:8] == PNG_MAGIC
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2000)
    # a blank 1280x2000 PNG compresses to a few KB; a page of tables and text does not
    assert len(data) > 30_000


def test_dumped_dom_shows_events_actors_and_outlets(tmp_path: Path, report_file: Path):
    proc = run_chromium(tmp_path, "--dump-dom", report_file.as_uri())
    assert proc.returncode == 0, proc.stderr[-500:]
    dom = proc.stdout
    assert "<body" in dom
    text = unescape(re.sub(r"<[^>]+>", " ", dom))
    for expected in (
        "ASSAULT",
        "SANCTION",
        "CONSULT",
        "PROTEST",
        "Ruritanian navy",
        "Bordurian foreign minister",
        "Harbor Times",
        "Daily Ledger",
        "<i>Evil</i> Post",  # escaped in the source, so the browser shows it as text
    ):
        assert expected in text, f"{expected!r} not rendered"
    # the article's <script> stayed text: the browser made no element of it
    assert "<script>alert('owned')</script>" in text
    assert dom.count("<script") == 1
    # report.js ran: it reveals the filter bar that the static page keeps hidden
    form = re.search(r'<form[^>]*id="filters"[^>]*>', dom)
    assert form is not None and "hidden" not in form.group(0)
