"""The growth loop's commands, ``actors --unresolved`` and ``recode`` (a thin layer over
:func:`newsevents.api.unresolved_actors` and :func:`newsevents.api.recode`).

Kept out of ``cli.py`` to keep that file short; importing this module registers the commands
on :data:`newsevents.cli.main` (``cli.py`` imports it at its end).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from rich.progress import MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import api
from .cli import _console, db_option, friendly_errors, main
from .errors import ConfigError
from .nlp import DEFAULT_MODEL


@main.command()
@click.option("--unresolved", is_flag=True, help="The actor phrases that got no code.")
@db_option
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=1), help="Phrases shown."
)
@click.option(
    "--yaml", "as_yaml", is_flag=True, help="Print only the YAML stubs, as one file to save."
)
@friendly_errors
def actors(unresolved: bool, db: Path, limit: int, as_yaml: bool) -> None:
    """Actor phrases: with --unresolved, those with no country or non-state code, most
    frequent first, with their event types, a sample sentence and a YAML stub to edit."""
    if not unresolved:
        raise ConfigError("say which actors to list: --unresolved (the phrases with no code)")
    found = api.unresolved_actors(db, limit)
    if as_yaml:
        click.echo(api.actors_yaml(found, db), nl=False)
        return
    for a in found:
        where = f"{a.articles} article(s); {', '.join(a.roles)}"
        types = f"; {', '.join(a.event_types)}" if a.event_types else ""
        click.echo(f"{a.count:>5}  {a.phrase}  ({where}{types})")
        click.echo(f"       {a.sample_id}: {a.sample}")
        click.echo(f"       {a.stub}")
    err = _console(stderr=True)
    if not found:
        err.print("no actor phrase without a code", highlight=False)
    else:
        err.print(
            f"{len(found)} phrase(s). Save the stubs: newsevents actors --unresolved --db {db} "
            f"--yaml > my-actors.yaml; fill in the codes; then: newsevents recode --db {db} "
            "--actors my-actors.yaml",
            highlight=False,
            markup=False,
        )


@main.command()
@db_option
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra actor dictionary file (repeatable).",
)
@click.option(
    "--codebook",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra codebook YAML (repeatable).",
)
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline.")
@click.option("--no-merge", is_flag=True, help="Skip the merge (run 'newsevents merge' later).")
@friendly_errors
def recode(
    db: Path, actor_files: Sequence[Path], codebook: Sequence[Path], model: str, no_merge: bool
) -> None:
    """Code the stored articles again (from their stored text, no re-ingest) with your
    --actors and --codebook files, replacing their events, quotes and entities, then merge."""
    err = _console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("recoding", total=None)

        def progress(kind: str, source: str) -> None:
            bar.update(task, advance=1, description=f"{kind}: {Path(source).name[:40]}")

        summary = api.recode(
            db,
            model=model,
            codebook=codebook,
            actors=actor_files,
            progress=progress,
            do_merge=not no_merge,
        )
    err.print(
        f"recoded {summary.recoded} of {summary.articles} stored article(s), "
        f"{len(summary.skipped)} skipped; {summary.events} event mention(s); actor slots "
        f"without a code: {summary.unresolved_before} -> {summary.unresolved_after}"
        + (
            ""
            if no_merge
            else f"; {summary.merged_events} event(s) in {summary.stories} story(ies)"
        ),
        highlight=False,
    )
    for skip in summary.skipped:
        err.print(f"  kept as it was {skip.source}: {skip.reason}", highlight=False, markup=False)
