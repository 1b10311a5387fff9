"""The event merge by date windows: the same events as the whole-corpus merge, in parts.

Why it can be done in parts: a mention is only compared with events whose dates lie in the
weeks its own date covers (the block index of :mod:`.cluster`), and the second pass joins
events at most ``date_slack_days`` apart; so a mention never meets anything more than
``7 + date_slack_days`` days beyond the dates its story covers.

How: every story (stories are grouped over the whole corpus first, see :mod:`.corpus`) is
owned by the window of ``window_days`` days (counted from day 1 of the calendar, so windows
are the same on every run) holding its first publication day. One *run* merges the stories
of a window together with every story whose dates come within the margin of them, and keeps
the events holding a mention of a story it owns. Stitching checks what the argument above
cannot rule out (a story met in a run's margin was clustered without its own far
neighbours): every mention must come out in the same event from every run that keeps it.
When two runs disagree, their windows are merged into one run and merged again, so the
stitched result never mixes two runs' views of one mention; ``WindowPlan.widened`` counts
how often that happened. Stories with no date at all only ever join their own story's
events and form a run of their own.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..model import Article, Entity, Event, EventMention, MergeResult, Quote, Story
from .config import DEFAULT_CONFIG, MergeConfig, prepare
from .corpus import Corpus, cluster_stories, events_of, story_anchor, story_records, story_span

#: the window of a story without any date (it meets no other story)
UNDATED = -1
#: weeks of the block index: a mention meets events up to this many days beyond its dates
_WEEK = 7
#: days per window when the caller does not say (a quarter: margins stay a fraction of it)
DEFAULT_WINDOW_DAYS = 91

#: runs holding more than this many times the mentions they cover become one run
MAX_OVERLAP = 2.0

Unit = tuple[int, int]  # a run: windows lo..hi (inclusive)


@dataclass(frozen=True)
class WindowPlan:
    """How a windowed merge split its corpus (reported by ``make bench`` and the API)."""

    window_days: int
    windows: int  # date windows holding at least one story (the undated run counts as one)
    runs: int  # merges run, re-runs after a disagreement included
    widened: int  # disagreements between neighbouring runs (each merged two runs into one)
    largest_run: int  # mentions in the largest run (its window plus its margin)


@dataclass(frozen=True)
class RunResult:
    """One run: the events holding a mention of a story the run owns, and those stories."""

    unit: Unit
    events: tuple[Event, ...]
    stories: tuple[tuple[int, Story], ...]  # (story index, story)
    mentions: int


class Windows:
    """Stories placed in date windows, and the runs that merge them."""

    def __init__(self, corpus: Corpus, window_days: int) -> None:
        if window_days < 1:
            raise ConfigError("merge window must be at least 1 day")
        self.corpus = corpus
        self.window_days = window_days
        self.margin = _WEEK + corpus.params.date_slack_days
        n = len(corpus.groups)
        self.span = [story_span(corpus, i) for i in range(n)]
        self.owner: list[int] = []
        for i in range(n):
            anchor = story_anchor(corpus, i)
            self.owner.append(UNDATED if anchor is None else anchor // window_days)
        self.owned: dict[int, list[int]] = {}
        for i, w in enumerate(self.owner):
            self.owned.setdefault(w, []).append(i)
        # dated stories by first day, for the margin look-up
        self._by_start = sorted((s[0], s[1], i) for i, s in enumerate(self.span) if s is not None)

        index = {sid: i for i, sid in enumerate(corpus.ids)}
        #: the window owning each article's story
        self.window_of: dict[str, int] = {
            aid: self.owner[index[sid]] for aid, sid in corpus.story_of.items()
        }

    def windows(self) -> list[int]:
        return sorted(self.owned)

    def mentions_in(self, stories: Iterable[int]) -> int:
        c = self.corpus
        return sum(len(c.mentions_by_article.get(a, ())) for i in stories for a in c.groups[i])

    def group(self, units: Sequence[Unit], max_overlap: float = MAX_OVERLAP) -> list[Unit]:
        """The units, or one run over all of them when their margins would make the runs
        hold more than ``max_overlap`` times the mentions they cover (long stories that reach
        across many windows put most of the corpus into every run: one run is cheaper)."""
        if len(units) <= 1:
            return list(units)
        runs = [set(self.stories_of(u)[1]) for u in units]
        covered = self.mentions_in(set().union(*runs))
        if sum(self.mentions_in(r) for r in runs) <= max_overlap * covered:
            return list(units)
        return [(min(u[0] for u in units), max(u[1] for u in units))]

    def stories_of(self, unit: Unit) -> tuple[list[int], list[int]]:
        """(the stories the run owns, every story it merges) in creation order."""
        lo, hi = unit
        core = sorted(i for w in self.owned if lo <= w <= hi for i in self.owned[w])
        spans = [self.span[i] for i in core if self.span[i] is not None]
        run = set(core)
        if spans:
            first = min(s[0] for s in spans if s) - self.margin
            last = max(s[1] for s in spans if s) + self.margin
            for start, end, i in self._by_start:
                if start > last:
                    break
                if end >= first:
                    run.add(i)
        return core, sorted(run)

    def run(self, unit: Unit) -> RunResult:
        c = self.corpus
        core, run = self.stories_of(unit)
        mine = {c.ids[i] for i in core}
        stories, entity_keys = story_records(c, run, stories=set(core))
        clusters = cluster_stories(c, run, entity_keys)
        kept = [cl for cl in clusters if any(x.story in mine for x in cl.members)]
        return RunResult(
            unit,
            tuple(events_of(c, kept)),
            tuple(zip(core, stories, strict=True)),
            self.mentions_in(run),
        )


# --- running and stitching ------------------------------------------------------------

_ACTIVE: Windows | None = None  # the windows a forked worker runs (set before the fork)


def _run_in_worker(unit: Unit) -> RunResult:
    assert _ACTIVE is not None
    return _ACTIVE.run(unit)


def execute(w: Windows, units: Sequence[Unit], workers: int) -> list[RunResult]:
    """Run the units, in ``workers`` forked processes when more than one (each reads the
    prepared corpus its parent holds, without copying it)."""
    global _ACTIVE
    if workers <= 1 or len(units) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [w.run(u) for u in units]
    _ACTIVE = w
    try:
        ctx = multiprocessing.get_context("fork")
        # no maxtasksperchild: a pool that replaces finished workers can fork one while
        # terminate() holds the task queue's lock, and that worker then blocks forever (seen
        # as a hung test); the workers exit by close() and join() once the map is done
        with ctx.Pool(min(workers, len(units))) as pool:
            results = pool.map(_run_in_worker, units, chunksize=1)
            pool.close()
            pool.join()
            return results
    finally:
        _ACTIVE = None


def conflicts(results: Iterable[tuple[Unit, Iterable[Event]]]) -> list[tuple[Unit, Unit]]:
    """Pairs of runs that put one mention into different events."""
    seen: dict[str, tuple[Unit, Event]] = {}
    out: set[tuple[Unit, Unit]] = set()
    for unit, events in results:
        for e in events:
            for mid in e.mention_ids:
                prior = seen.setdefault(mid, (unit, e))
                if prior[0] != unit and prior[1] != e:
                    out.add((prior[0], unit))
    return sorted(out)


def widen(units: Sequence[Unit], pairs: Sequence[tuple[Unit, Unit]]) -> list[Unit]:
    """The units with every disagreeing pair (and the windows between them) made one run."""
    merged = list(units)
    for a, b in pairs:
        lo, hi = min(a[0], b[0]), max(a[1], b[1])
        merged = [u for u in merged if not (lo <= u[0] and u[1] <= hi)] + [(lo, hi)]
    return sorted(set(merged))


def stitch(
    w: Windows, units: Sequence[Unit], workers: int, done: Mapping[Unit, RunResult] | None = None
) -> tuple[dict[Unit, RunResult], int, int]:
    """Run the units, re-running disagreeing neighbours as one until every run agrees:
    (results by unit, runs made, disagreements)."""
    results = dict(done or {})
    todo = [u for u in units if u not in results]
    runs = widened = 0
    while True:
        for r in execute(w, todo, workers):
            results[r.unit] = r
        runs += len(todo)
        pairs = conflicts((u, results[u].events) for u in sorted(results))
        if not pairs:
            return results, runs, widened
        widened += len(pairs)
        units = widen(sorted(results), pairs)
        results = {u: r for u, r in results.items() if u in units}
        todo = [u for u in units if u not in results]


def merge_windows(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = DEFAULT_CONFIG,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    workers: int = 1,
    max_overlap: float = MAX_OVERLAP,
) -> tuple[MergeResult, WindowPlan]:
    """:func:`newsevents.merge.merge` by date windows of ``window_days`` days (each run holds
    one window's stories and its margin; ``workers`` runs at a time; one run for all when
    the runs would overlap more than ``max_overlap`` times): the same stories and events,
    with the plan it followed."""
    w = Windows(prepare(articles, mentions, quotes, entities, config), window_days)
    units = w.group([(x, x) for x in w.windows()], max_overlap)
    results, runs, widened = stitch(w, units, workers)
    return assemble(w, results.values()), WindowPlan(
        window_days,
        len(w.windows()),
        runs,
        widened,
        max((r.mentions for r in results.values()), default=0),
    )


def assemble(w: Windows, results: Iterable[RunResult]) -> MergeResult:
    stories: dict[int, Story] = {}
    events: dict[str, Event] = {}
    for r in results:
        stories.update(r.stories)
        for e in r.events:
            events[e.id] = e
    ordered = sorted(events.values(), key=lambda e: (e.date or "9999", e.id))
    return MergeResult(stories=tuple(stories[i] for i in sorted(stories)), events=tuple(ordered))
