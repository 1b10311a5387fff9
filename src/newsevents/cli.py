"""Command line: a thin layer over :mod:`newsevents.api`.

Every error reaches the user as one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__, api
from .cli_support import (
    AnalyzeProgress,
    OneLineGroup,
    Terminated,
    cell,
    date_option,
    dyad,
    event_type_option,
    install_signal_handlers,
    oneline,
    plain,
    text_files_option,
)
from .errors import NewsEventsError
from .model import FACTUAL
from .nlp import DEFAULT_MODEL
from .report import export as export_mod
from .report import parquet

F = TypeVar("F", bound=Callable[..., Any])


def _console(stderr: bool = False) -> Console:
    # Pipes get a wide console so tables are not wrapped at 80 columns.
    con = Console(stderr=stderr)
    if not con.is_terminal:
        con = Console(stderr=stderr, width=180)
    return con


def friendly_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsEventsError as e:
            click.echo(f"newsevents: error: {oneline(e)}", err=True)
            sys.exit(e.exit_code)
        except KeyboardInterrupt as e:
            click.echo(
                "newsevents: interrupted; stored articles are kept, run again to resume", err=True
            )
            sys.exit(128 + e.signum if isinstance(e, Terminated) else 130)
        except sqlite3.DatabaseError as e:
            click.echo(
                f"newsevents: error: database is corrupt or unreadable ({oneline(e)}); "
                "restore a backup or analyze into a new --db",
                err=True,
            )
            sys.exit(4)
        except BrokenPipeError:
            sys.exit(0)
        except OSError as e:
            click.echo(
                f"newsevents: error: {e.strerror or e}: {plain(e.filename or '')}".rstrip(),
                err=True,
            )
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


db_option = click.option(
    "--db",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database file.",
)


@click.group(cls=OneLineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def main() -> None:
    """newsevents: news articles in, sourced PLOVER event data out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SQLite database file (with --engine ray: also import the shards and merge).",
)
@click.option(
    "--published",
    callback=date_option,
    help="Publication date (YYYY[-MM[-DD]]) for single files without one.",
)
@click.option("--outlet", help="Outlet name for single files without one.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline.")
@click.option(
    "--codebook",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    callback=text_files_option,
    help="Extra codebook YAML (repeatable).",
)
@click.option(
    "--actors",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    callback=text_files_option,
    help="Extra actor dictionary file (repeatable).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that parse and code articles (each holds its own spaCy pipeline; this "
    "process reads, writes and merges; with --engine ray: Ray actors, each holding the "
    "pipeline). Output is the same for any number; an article on which a worker fails or dies "
    "is a recorded skip.",
)
@click.option(
    "--no-merge", is_flag=True, help="Skip the cross-article merge (run 'newsevents merge' later)."
)
@click.option(
    "--engine",
    type=click.Choice(("local", "ray")),
    default="local",
    show_default=True,
    help="ray: code on a Ray cluster (pip install 'newsevents[ray]') into Parquet shards.",
)
@click.option(
    "--address", help="--engine ray: the cluster to join ('auto': the local node's cluster)."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="--engine ray: new directory for the Parquet shards (articles, mentions, quotes).",
)
@click.option("--no-model", is_flag=True, help="Rules alone: skip the learned second opinion.")
@friendly_errors
def analyze(
    paths: Sequence[str],
    db: Path | None,
    published: str | None,
    outlet: str | None,
    model: str,
    codebook: Sequence[Path],
    actors: Sequence[Path],
    workers: int,
    no_merge: bool,
    engine: str,
    address: str | None,
    out: Path | None,
    no_model: bool,
) -> None:
    """Read articles (files, directories, '-' for stdin), code events, store them in --db
    (or, with --engine ray, write them as Parquet shards to --out)."""
    install_signal_handlers()
    err = _console(stderr=True)
    if engine == "local" and (address or out):
        raise click.UsageError("--address and --out go with --engine ray")
    if engine == "local" and db is None:
        raise click.UsageError("give --db DB (or --engine ray --out DIR)")
    if engine == "ray" and out is None:
        raise click.UsageError("--engine ray writes Parquet shards: give --out DIR")
    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing and len(missing) == len(paths):
        raise click.BadParameter(
            f"{plain(missing[0])}: no such file or directory", param_hint="PATHS"
        )
    for p in missing:
        err.print(cell(f"warning: {p}: no such file or directory (skipped)"))
    if engine == "ray" and out is not None:
        from .cli_ray import analyze_on_ray

        analyze_on_ray(
            err, paths, out, db=db, address=address, workers=workers, published=published,
            outlet=outlet, model=model, codebook=codebook, actors=actors, do_merge=not no_merge,
            learned=not no_model,
        )  # fmt: skip
        return
    assert db is not None
    with AnalyzeProgress(err) as progress:
        summary = api.analyze(
            list(paths),
            db,
            published=published,
            outlet=outlet,
            model=model,
            codebook=codebook,
            actors=actors,
            workers=workers,
            progress=progress,
            do_merge=not no_merge,
            learned=not no_model,
        )
    new_sources = f" ({summary.reports} read from a new source)" if summary.reports else ""
    merged = ""
    if summary.merge_deferred:
        merged = " -> merge left to the run still adding articles (or 'newsevents merge')"
    elif not no_merge:
        merged = f" -> {summary.merged_events} event(s) in {summary.stories} story(ies)"
    err.print(
        cell(
            f"read {summary.read} input(s): {summary.stored} analysed, {summary.already} already "
            f"in the database{new_sources}, "
            f"{len(summary.skipped)} skipped; {summary.events} event mention(s){merged}"
        )
    )
    for skip in summary.skipped:
        err.print(cell(f"  skipped {oneline(skip.source)}: {oneline(skip.reason)}"))
    if summary.undated:
        err.print(
            cell(
                f"warning: {len(summary.undated)} article(s) have no publication date, so "
                "dates relative to it ('on Monday') are '?'; give --published or a date in the "
                f"file: {', '.join(oneline(s) for s in summary.undated[:5])}"
                + (" ..." if len(summary.undated) > 5 else "")
            )
        )


@main.command()
@db_option
@friendly_errors
def articles(db: Path) -> None:
    """List stored articles and recorded skips."""
    arts, skips = api.list_articles(db)
    reports = api.list_reports(db)
    con = _console()
    table = Table("id", "published", "outlet", "title", "source", title=f"{len(arts)} article(s)")
    for a in arts:
        pub = (a.published or "?") + ("*" if a.published_source == "inferred" else "")
        others = [r for r in reports.get(a.id, []) if r[0] != a.source]
        source = a.source + (f" (+{len(others)} more)" if others else "")
        table.add_row(
            *map(cell, (a.id, pub, oneline(a.outlet or ""), oneline(a.title or "")[:60], source))
        )
    con.print(table)
    again = [(aid, r) for aid, rs in reports.items() for r in rs[1:]]
    if again:
        con.print(f"{len(again)} article(s) also read from another source:")
        for aid, (src, outlet) in again:
            con.print(cell(f"  {aid} {oneline(src)} ({oneline(outlet or '?')})"))
    if skips:
        con.print(f"{len(skips)} skipped input(s):")
        for s in skips:
            con.print(cell(f"  {oneline(s.source)}: {oneline(s.reason)}"))


@main.command()
@db_option
@click.option("--from", "date_from", callback=date_option, help="Earliest date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", callback=date_option, help="Latest date (YYYY[-MM[-DD]]).")
@click.option("--actor", help="Actor or recipient code (IRN, USA, IGO ...) or name.")
@click.option(
    "--type",
    "event_type",
    callback=event_type_option,
    help="PLOVER event type (ASSAULT, PROTEST ...).",
)
@click.option(
    "--all", "show_all", is_flag=True, help="Also show future, hypothetical and negated events."
)
@friendly_errors
def timeline(
    db: Path,
    date_from: str | None,
    date_to: str | None,
    actor: str | None,
    event_type: str | None,
    show_all: bool,
) -> None:
    """The merged timeline: one row per real-world event, with its outlets."""
    if date_from and date_to and date_to < date_from:
        raise click.BadParameter(f"--to {date_to} is before --from {date_from}")
    corpus = api.load_corpus(db)
    if actor:
        codes = {a.code for e in corpus.events for a in (*e.actor, *e.recipient) if a.code}
        names = {a.name.lower() for e in corpus.events for a in (*e.actor, *e.recipient)}
        if actor.upper() not in codes and actor.lower() not in names:
            raise click.BadParameter(
                f"no actor {plain(actor)!r} in {db}; codes present: "
                + (", ".join(sorted(codes)[:40]) or "none"),
                param_hint="--actor",
            )
    events = api.select_events(
        corpus.events,
        date_from=date_from,
        date_to=date_to,
        actor=actor,
        event_type=event_type,
        include_all=show_all,
    )
    hidden = sum(1 for e in corpus.events if e.factuality not in FACTUAL)
    con = _console()
    table = Table(
        "id", "date", "event", "who -> whom", "where", "outlets", "!",
        title=f"{len(events)} event(s)"
        + ("" if show_all else f" ({hidden} not-factual hidden; --all shows them)"),
    )  # fmt: skip
    for e in events:
        outlets = sorted(
            {
                corpus.articles[corpus.mentions[m].article_id].outlet or "?"
                for m in e.mention_ids
                if m in corpus.mentions
            }
        )
        date = (e.date or "?") + (f"..{e.date_end}" if e.date_end else "")
        label = e.event + (f"/{e.mode}" if e.mode else "") + f" [{e.cameo}]"
        if e.factuality not in FACTUAL:
            label += f" ({e.factuality})"
        place = e.location.name if e.location else ""
        flag = ",".join(d.field for d in e.discrepancies)
        table.add_row(
            *map(
                cell,
                (
                    e.id, date, label, dyad(e), oneline(place),
                    f"{len(outlets)}: " + oneline(", ".join(outlets)), flag,
                ),
            )
        )  # fmt: skip
    con.print(table)


@main.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice((*export_mod.FORMATS, "parquet")),
    default="plover-jsonl",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output file (default: stdout); for parquet, a directory of tables.",
)
@click.option(
    "--all/--factual-only",
    "show_all",
    default=None,
    help="Include future, hypothetical and negated events (default but for gdelt), or only "
    "asserted and reported ones (default for gdelt); each record says its factuality.",
)
@click.option("--header", is_flag=True, help="gdelt: write a header line (GDELT files have none).")
@friendly_errors
def export(db: Path, fmt: str, output: Path | None, show_all: bool | None, header: bool) -> None:
    """Export merged events: plover-jsonl (contract in README), gdelt (+ .mentions), csv,
    parquet (a directory of tables: events, sources, quantities, figures, discrepancies)."""
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a directory of tables: give -o DIR")
    if fmt != "parquet" and output is not None and output.is_dir():
        raise click.BadParameter(f"{plain(output)} is a directory; give a file", param_hint="-o")
    if fmt == "parquet":
        parquet.require_pyarrow()  # before loading the corpus: the one-line install hint
    corpus = api.load_corpus(db)
    if show_all is None:
        show_all = fmt != "gdelt"
    events = api.select_events(corpus.events, include_all=show_all)
    if fmt == "parquet" and output is not None:
        written = parquet.write_parquet(events, corpus.mentions, corpus.articles, output)
        click.echo(f"wrote {len(events)} event(s) to {len(written)} tables in {output}", err=True)
        return
    if fmt == "plover-jsonl":
        text = export_mod.to_plover_jsonl(events, corpus.mentions, corpus.articles)
    elif fmt == "csv":
        text = export_mod.to_csv(events, corpus.mentions, corpus.articles)
    else:
        text, mentions_text = export_mod.to_gdelt(
            events, corpus.mentions, corpus.articles, header=header
        )
        if output is None:
            raise click.UsageError("--format gdelt writes two files: give -o EVENTS.tsv")
        mentions_path = output.with_suffix(".mentions" + (output.suffix or ".tsv"))
        mentions_path.write_text(mentions_text, encoding="utf-8")
        click.echo(f"wrote {output} and {mentions_path}", err=True)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@main.command()
@db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("report.html"),
    show_default=True,
)
@click.option(
    "--all", "show_all", is_flag=True, help="Show future, hypothetical and negated events too."
)
@friendly_errors
def report(db: Path, output: Path, show_all: bool) -> None:
    """Write a self-contained HTML report (no server, no network)."""
    from .report import html

    corpus = api.load_corpus(db)
    page = html.render_html(
        corpus.events,
        corpus.mentions,
        corpus.articles,
        corpus.stories,
        corpus.quotes,
        title=f"newsevents report: {db.name}",
        show_all=show_all,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    click.echo(str(output))


@main.command()
@db_option
@friendly_errors
def stories(db: Path) -> None:
    """Stories: articles grouped by shared actors, time and text."""
    corpus = api.load_corpus(db)
    con = _console()
    for s in corpus.stories:
        n_events = sum(1 for e in corpus.events if e.story_id == s.id)
        con.print(
            Text.assemble(
                (plain(s.id), "bold"),
                plain(
                    f" {oneline(s.label)}  ({len(s.article_ids)} article(s), {n_events} event(s))"
                ),
            )
        )
        shared = [e for e in s.entities if len(e.article_ids) > 1]
        if shared:
            names = "; ".join(
                f"{e.name}"
                + (f" ({e.code})" if e.code else "")
                + (
                    f" aka {', '.join(a for a in e.aliases if a != e.name)}"
                    if len(e.aliases) > 1
                    else ""
                )
                for e in shared[:12]
            )
            con.print(cell(f"  entities in several articles: {oneline(names)}"))
        for aid in s.article_ids:
            a = corpus.articles.get(aid)
            if a:
                con.print(cell(f"  {a.published or '?'}  {a.outlet or '?'}: {a.title or a.source}"))


@main.command(name="merge")
@db_option
@click.option(
    "--event-threshold",
    type=click.FloatRange(0, 1),
    help="Probability (fitted merge score) a mention needs to join an event (0.5).",
)
@click.option(
    "--story-threshold",
    type=click.FloatRange(0, 1),
    help="Similarity an article needs to join a story.",
)
@click.option(
    "--date-slack-days",
    type=click.IntRange(0, 3660),
    help="Days two dates of one event may differ.",
)
@click.option(
    "--story-window-days",
    type=click.IntRange(0, 3660),
    help="Days a story stays open to new articles.",
)
@click.option("--no-cross-story", is_flag=True, help="Never merge events across stories.")
@click.option(
    "--from-parquet",
    "from_parquet",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="First store the coded articles of these Parquet shards (analyze --engine ray --out).",
)
@friendly_errors
def merge_cmd(
    db: Path,
    event_threshold: float | None,
    story_threshold: float | None,
    date_slack_days: int | None,
    story_window_days: int | None,
    no_cross_story: bool,
    from_parquet: Path | None,
) -> None:
    """Rebuild stories and merged events from the stored mentions (lossless, repeatable);
    with --from-parquet, first add the shards' articles to --db."""
    overrides: dict[str, Any] = {
        "event_threshold": event_threshold,
        "story_threshold": story_threshold,
        "date_slack_days": date_slack_days,
        "story_window_days": story_window_days,
    }
    if no_cross_story:
        overrides["cross_story"] = False
    config = api.merge_config(**overrides)
    if from_parquet is not None:
        from .cli_ray import merge_shards

        merge_shards(_console(stderr=True), db, from_parquet, config)
        return
    result = api.merge_db(db, config)
    click.echo(f"{len(result.events)} event(s) in {len(result.stories)} story(ies)")


@main.command()
@click.option(
    "--db",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SQLite database file (opened read-only).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@friendly_errors
def serve(db: Path, host: str, port: int) -> None:
    """The analyst's workbench: a local web app and JSON API over --db (read-only)."""
    import uvicorn

    from .web import create_app

    click.echo(f"newsevents workbench on http://{host}:{port}/  (Ctrl-C stops it)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo("newsevents: warning: other machines can reach it (no login)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option("--no-model", is_flag=True, help="Rules alone: skip the learned second opinion.")
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write all figures as JSON.",
)
@friendly_errors
def eval_cmd(gold: Sequence[Path], model: str, no_model: bool, json_out: Path | None) -> None:
    """Score the coder against gold files (PLOVER GSR JSON, sentence JSONL, corpus JSONL)."""
    from . import evaluate

    resources = api.load_resources(model, learned=not no_model)
    result = evaluate.evaluate_gold(list(gold), resources)
    click.echo(result.format())
    if json_out:
        json_out.write_text(
            json.dumps(result.to_dict(), indent=2, sort_keys=True), encoding="utf-8"
        )


if __name__ == "__main__":  # pragma: no cover
    main()


# The growth loop's commands (`actors`, `recode`) live in their own module; importing it
# registers them on `main` (it imports `main` from here, so this import comes last).
from . import cli_actors, cli_inspect  # noqa: E402, F401
