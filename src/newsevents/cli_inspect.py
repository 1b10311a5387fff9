"""The inspection commands, ``explain`` (one event: sources, words, rules, merge reasons and
figures) and ``compare`` (where outlets disagree): a thin layer over :mod:`newsevents.api`.

Kept out of ``cli.py`` to keep that file short; importing this module registers the commands
on :data:`newsevents.cli.main` (``cli.py`` imports it at its end).
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from . import api
from .cli import _console, db_option, friendly_errors, main
from .cli_support import cell, dyad, nonblank_option, oneline, plain, side
from .errors import NewsEventsError


@main.command()
@click.argument("event_id", callback=nonblank_option)
@db_option
@click.option(
    "--versus",
    metavar="OTHER_ID",
    help="Instead: why this event and OTHER_ID are two rows (each mention tested as a join).",
)
@friendly_errors
def explain(event_id: str, db: Path, versus: str | None) -> None:
    """Why an event is what it is: its sources, trigger words, rules and merge decisions;
    with --versus, why it was not merged with another event."""
    if versus is not None:
        _explain_apart(event_id, versus, db)
        return
    found = api.get_event(db, event_id)
    if found is None:
        raise NewsEventsError(
            f"no event {event_id!r} in {db}; 'newsevents export --db {db}' lists ids"
        )
    e, corpus = found
    con = _console()
    con.print(
        Text.assemble(
            (plain(e.id), "bold"),
            plain(
                f" {e.event}/{e.mode or '-'} CAMEO {e.cameo} "
                f"(Goldstein {e.intensity}) {e.factuality}"
            ),
        )
    )
    con.print(
        cell(
            f"  {dyad(e)}  date {e.date or '?'} ({e.date_precision or '?'})  "
            f"place {oneline(e.location.name) if e.location else '-'}"
        )
    )
    for mid in e.mention_ids:
        m = corpus.mentions.get(mid)
        if m is None:
            continue
        a = corpus.articles[m.article_id]
        con.print(
            cell(
                f"- {oneline(a.outlet or a.source)} [{m.factuality}] rule {m.rule!r} "
                f"trigger {oneline(m.trigger.of(a.text))!r} date {m.date} ({m.date_source})"
            )
        )
        # what this mention itself says: the event's dyad is its mentions' consensus
        con.print(
            cell(
                f"    coded: {side(m.actor) or '?'} -> {side(m.recipient) or '-'}"
                f"  place {oneline(m.location.name) if m.location else '-'}"
            )
        )
        if m.scores:
            con.print(
                cell(
                    "    model: "
                    + "; ".join(
                        f"{sc.model} {sc.label} {sc.score:.2f} ({sc.action})" for sc in m.scores
                    )
                )
            )
        con.print(cell(f"    {oneline(m.sentence.of(a.text))}"))
    for line in e.explanation:
        con.print(cell(f"  merge: {oneline(line)}"))
    for r in e.figures:
        con.print(
            cell(
                f"  {r.kind}: low {r.low} best {r.best} high {r.high}"
                + ("  (outlets disagree)" if r.disputed else "")
            )
        )
        for fig in r.figures:
            text = corpus.articles[fig.article_id].text if fig.article_id in corpus.articles else ""
            con.print(
                cell(
                    f"    {fig.outlet or fig.article_id} {fig.reported or '?'}: "
                    f"{'~' if fig.approximate else ''}{fig.value}"
                    + (" (superseded by a later report)" if fig.superseded else "")
                    + f"  {oneline(fig.sentence.of(text))}"
                )
            )


def _explain_apart(event_id: str, other_id: str, db: Path) -> None:
    a, b, tests = api.why_apart(db, event_id, other_id)
    corpus = api.load_corpus(db)
    con = _console()
    for e in (a, b):
        con.print(
            cell(f"{e.id} {e.event} {e.date or '?'}  {dyad(e)}  ({len(e.mention_ids)} mentions)")
        )
    con.print(cell(f"each mention of {a.id} tested as a join to {b.id}:"))
    for t in tests:
        m = corpus.mentions.get(t.mention_id)
        art = corpus.articles.get(m.article_id) if m is not None else None
        where = oneline(art.outlet or art.source) if art is not None else t.mention_id
        said = oneline(m.sentence.of(art.text))[:140] if m is not None and art is not None else ""
        if t.refused is not None:
            verdict = f"refused: {t.refused}"
        elif t.would_join:
            verdict = (
                f"p={t.probability:.2f} >= {t.threshold:.2f}: would join alone; kept apart by "
                "the merge's order (the event it joined first, or this event's other members)"
            )
        else:
            verdict = f"p={t.probability:.2f} < {t.threshold:.2f}"
        con.print(cell(f"- {where}: {verdict}"))
        con.print(cell(f"    {said}"))
        if t.refused is None:
            con.print(cell(f"    {oneline(t.explanation)}"))


@main.command()
@db_option
@click.option("--story", help="Only this story id.")
@friendly_errors
def compare(db: Path, story: str | None) -> None:
    """Where outlets disagree (numbers, dates, places) and the words each uses."""
    corpus = api.load_corpus(db)
    con = _console()
    shown = 0
    for e in corpus.events:
        if story and e.story_id != story:
            continue
        outlets = {
            corpus.articles[corpus.mentions[m].article_id].outlet
            for m in e.mention_ids
            if m in corpus.mentions
        }
        if not e.discrepancies and len(outlets) < 2:
            continue
        shown += 1
        con.print(
            Text.assemble(
                (plain(f"{e.date or '?'} {e.event}"), "bold"), plain(f" {dyad(e)}  ({e.id})")
            )
        )
        for d in e.discrepancies:
            con.print(Text.assemble("  ", (plain(f"{d.field} differs"), "red"), ":"))
            for v in d.values:
                said = oneline(v.sentence.of(corpus.articles[v.article_id].text))[:160]
                con.print(cell(f"    {oneline(v.outlet or v.article_id)}: {v.value}  <- {said}"))
        for outlet, words in e.framing:
            con.print(cell(f"  words, {oneline(outlet)}: {oneline(', '.join(words))}"))
    if not shown:
        con.print("no event is reported by more than one outlet")
