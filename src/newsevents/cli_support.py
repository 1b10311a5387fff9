"""What the command line needs besides commands: safe terminal text, option checks, progress.

Terminal safety: every string that comes from data (titles, outlets, sentences, file names)
is printed through :func:`plain` (control characters, ESC sequences included, become "?") and
as a rich ``Text`` (never parsed as markup), so no article can restyle, move or crash the
terminal output.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .model import EVENT_TYPES, Event

# C0 controls but tab/newline, DEL, C1 controls, and bidi overrides that reorder a line
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(value: object) -> str:
    """``value`` as a string safe to print: control characters become '?'."""
    return _CONTROL.sub("?", str(value))


def cell(value: object) -> Text:
    """A table cell or printable line from data: control characters replaced, no markup."""
    return Text(plain(value))


def oneline(value: object) -> str:
    """:func:`plain` with all whitespace (newlines, tabs) collapsed to single spaces."""
    return " ".join(plain(value).split())


# --- events -------------------------------------------------------------------------


def side(actors: Sequence[Any], limit: int = 3) -> str:
    """One name per distinct (code, sector), coded actors first; merged events carry every
    outlet's wording, which is what `explain` is for, so the table stays short."""
    seen: dict[tuple[str | None, str | None], str] = {}
    for a in sorted(actors, key=lambda a: a.code is None):
        key = (a.code, a.sector) if a.code else (None, a.name.lower())
        seen.setdefault(key, a.name)
    coded = [(k, n) for k, n in seen.items() if k[0]]
    shown = coded or list(seen.items())[:1]
    parts = [
        f"{name} ({'/'.join(x for x in key if x)})" if key[0] else name
        for key, name in shown[:limit]
    ]
    if len(shown) > limit:
        parts.append(f"+{len(shown) - limit}")
    return oneline(", ".join(parts))


def dyad(e: Event) -> str:
    return f"{side(e.actor) or '?'} -> {side(e.recipient) or '-'}"


# --- option checks ----------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(value: str) -> str:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date, else
    click.BadParameter (one line, exit 2)."""
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not a calendar date ({e})") from None
    return value.strip()


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return None if value is None else check_date(value)


def event_type_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    if value.strip().upper() not in EVENT_TYPES:
        raise click.BadParameter(
            f"unknown event type {value!r}; valid types: {', '.join(EVENT_TYPES)}"
        )
    return value.strip().upper()


def text_files_option(
    ctx: click.Context, param: click.Parameter, value: Sequence[Path]
) -> Sequence[Path]:
    """Each path must be a UTF-8 text file (a dictionary or codebook), not binary."""
    for path in value:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise click.BadParameter(f"{path}: cannot read ({e.strerror})") from None
        try:
            if b"\x00" in data:
                raise UnicodeDecodeError("utf-8", data, data.index(b"\x00"), 0, "NUL byte")
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise click.BadParameter(
                f"{path} is not a UTF-8 text file; give a YAML or TSV file"
            ) from None
    return value


def nonblank_option(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.strip():
        raise click.BadParameter("must not be empty")
    return value.strip()


class OneLineGroup(click.Group):
    """A command group whose usage errors (a bad option value, a missing argument) are one
    line on stderr, like every other error, with exit code 2; not click's usage block."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as e:
            hint = f" (see '{e.ctx.command_path} -h')" if e.ctx is not None else ""
            click.echo(f"newsevents: error: {oneline(e.format_message())}{hint}", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"newsevents: error: {oneline(e.format_message())}", err=True)
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("newsevents: aborted", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


# --- signals ----------------------------------------------------------------------------


class Terminated(KeyboardInterrupt):
    """SIGTERM/SIGHUP arrived: handled like Ctrl-C, so the run is recorded as interrupted."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def install_signal_handlers() -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


# --- progress ---------------------------------------------------------------------------


class ProgressLog:
    """Progress when stderr is not a terminal: one line per ``every`` inputs, with the count,
    the total, the rate and the time left (a log file or CI shows the run is alive);
    ``every=0`` only counts."""

    def __init__(self, console: Console, every: int = 100) -> None:
        self.console = console
        self.every = every
        self.total: int | None = None
        self.done = 0
        self.counts: dict[str, int] = {}
        self.start = time.monotonic()

    def __call__(self, kind: str, source: str) -> None:
        if kind == "total":
            self.total = int(source)
            self.start = time.monotonic()
            return
        self.done += 1
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if self.every and self.done % self.every == 0:
            self.console.print(self.line(), markup=False, highlight=False)

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        of = f"/{self.total}" if self.total else ""
        eta = ""
        if self.total and rate > 0 and self.total > self.done:
            eta = f", about {_duration((self.total - self.done) / rate)} left"
        parts = ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items()))
        return f"progress: {self.done}{of} inputs ({parts}); {rate:.2f}/s{eta}"


class AnalyzeProgress:
    """The ``analyze`` progress callback: on a terminal a bar with done/total, percentage,
    rate, elapsed time and time left; otherwise a :class:`ProgressLog` line per 100 inputs."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.log = ProgressLog(console, every=100 if not console.is_terminal else 0)
        self.bar = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}", markup=False),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.task = self.bar.add_task("analysing", total=None, rate="")

    def __enter__(self) -> AnalyzeProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.bar.__exit__(*exc)

    def __call__(self, kind: str, source: str) -> None:
        self.log(kind, source)
        if not self.console.is_terminal:
            return
        if kind == "total":
            self.bar.update(self.task, total=int(source))
            return
        elapsed = max(self.bar.tasks[self.task].elapsed or 0.0, 1e-9)
        self.bar.update(
            self.task,
            advance=1,
            description=f"{kind}: {oneline(Path(source).name)[:40]}",
            rate=f"{self.log.done / elapsed:.2f}/s",
        )


def _duration(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def exit_with(message: str, code: int) -> Any:
    click.echo(f"newsevents: error: {plain(message)}", err=True)
    sys.exit(code)
