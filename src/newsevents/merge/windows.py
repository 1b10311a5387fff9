"""The event merge by date windows: the same events as the whole-corpus merge, in parts.

Why it can be done in parts: a mention is only compared with events whose dates lie in the
weeks its own date covers (the block index of :mod:`.cluster`), and the second pass joins
events at most ``date_slack_days`` apart; so a mention never meets anything more than
``7 + date_slack_days`` days beyond the days its date covers (its *reach*).

How: stories are grouped over the whole corpus first (see :mod:`.corpus`), and each story's
entities are resolved once, over the whole story; the places a sentence may name are those
of the whole corpus (``Corpus.places``), so a mention's features do not depend on its run.
Every mention is then *owned* by one window of ``window_days`` days (counted from day 1 of
the calendar, so windows are the same on every run):

* a story whose dates cover at most ``split_days`` days is kept whole: all its mentions
  belong to the window of its first publication day (its undated mentions reach over the
  story's dates, as in the whole-corpus merge);
* a longer story (a story chains on for as long as related reports keep coming) is split
  by date: each mention belongs to the window of its own first day; a mention without a day
  of its own (undated, or a date vaguer than ``split_days``, e.g. a bare year) belongs to
  its article's publication window and reaches the ``publication_lookback_days`` before it.

One *run* merges the mentions its windows own together with every mention whose reach comes
within the margin of theirs (whole stories or not), and keeps the events holding a mention it
owns. Stitching checks what the argument above cannot rule out (a mention met in a run's
margin was clustered without its own far neighbours): every mention must come out in the
same event from every run that keeps it. When two runs disagree, their windows are merged
into one run and merged again, so the stitched result never mixes two runs' views of one
mention; ``WindowPlan.widened`` counts how often that happened. Stories with no date at all
only ever join their own story's events and form a run of their own.

With ``workers`` > 1, runs go to forked processes; a merge of one run (a day's or a quarter's
news) instead clusters its blocks (type group, factuality class) in the processes, since a
mention only ever meets events of its own block (:func:`block_parts`).

The one difference from the whole-corpus merge (tested, and documented in the README): in a
split story, a mention without a day of its own meets only the events within its reach and
the margin, where the whole-corpus merge lets it join its story's events at any date.
"""

from __future__ import annotations

import multiprocessing
import pickle
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TypeVar

from ..errors import ConfigError
from ..model import Article, Entity, Event, EventMention, MergeResult, Quote, Story
from .cluster import cluster_mentions
from .config import DEFAULT_CONFIG, MergeConfig, prepare
from .corpus import Corpus, corpus_features, events_of, story_records
from .features import Features, interval
from .heap import frozen_for_fork, no_cycle_collection
from .stories import day_of

#: the window of a story without any date (it meets no other story)
UNDATED = -1
#: weeks of the block index: a mention meets events up to this many days beyond its dates
_WEEK = 7
#: days per window when the caller does not say (a quarter: margins stay a fraction of it)
DEFAULT_WINDOW_DAYS = 91
#: a story whose dates cover more days than this is split by date (see the module text)
DEFAULT_SPLIT_DAYS = 91

#: runs holding more than this many times the mentions they cover become one run
MAX_OVERLAP = 2.0

T = TypeVar("T")
R = TypeVar("R")
Unit = tuple[int, int]  # a run: windows lo..hi (inclusive)
Placed = tuple[EventMention, int, tuple[int, int] | None]  # mention, owner window, reach


@dataclass(frozen=True)
class WindowPlan:
    """How a windowed merge split its corpus (reported by ``make bench`` and the API)."""

    window_days: int
    windows: int  # date windows owning at least one mention (the undated run counts as one)
    runs: int  # merges run, re-runs after a disagreement included
    widened: int  # disagreements between neighbouring runs (each merged two runs into one)
    largest_run: int  # mentions in the largest run (its windows plus their margin)
    split_stories: int = 0  # stories longer than ``split_days``, merged by date


#: what stitching compares of an event: its mention ids, and its id with the hash of every
#: field (forked workers share the parent's string hashes, so equal events hash alike)
Mark = tuple[tuple[str, ...], tuple[str, int]]


def marks(events: Iterable[Event]) -> tuple[Mark, ...]:
    return tuple((e.mention_ids, (e.id, hash(e))) for e in events)


@dataclass(frozen=True)
class RunResult:
    """One run: the events holding a mention the run owns, as records or (a merge with a
    sink, see :func:`merge_windows`) pickled and compressed until they are handed on."""

    unit: Unit
    held: tuple[Event, ...] | bytes
    mentions: int
    marks: tuple[Mark, ...]

    @classmethod
    def of(cls, unit: Unit, events: Sequence[Event], mentions: int, pack: bool) -> RunResult:
        held = zlib.compress(pickle.dumps(tuple(events), 5), 1) if pack else tuple(events)
        return cls(unit, held, mentions, marks(events))

    @property
    def events(self) -> tuple[Event, ...]:
        if isinstance(self.held, bytes):
            events: tuple[Event, ...] = pickle.loads(zlib.decompress(self.held))
            return events
        return self.held


def place_story(
    c: Corpus, article_ids: Sequence[str], window_days: int, split_days: int
) -> tuple[list[Placed], bool]:
    """Each mention of one story with the window owning it and its reach; and whether the
    story is split by date (see the module text)."""
    lookback = c.params.publication_lookback_days
    rows: list[tuple[EventMention, tuple[int, int] | None, int | None]] = []
    days: list[int] = []
    pubs: list[int] = []
    vague: list[int] = []
    for aid in article_ids:
        a = c.by_id.get(aid)
        pub = day_of(a.published) if a is not None else None
        if pub is not None:
            pubs.append(pub)
        for m in c.mentions_by_article.get(aid, ()):
            iv = interval(m, lookback)
            if iv is not None and iv[1] - iv[0] > split_days:
                vague.extend(iv)
                rows.append((m, None, pub))
                continue
            if iv is not None:
                days.extend(iv)
            rows.append((m, iv, pub))
    days.extend(pubs)
    if not days:
        days = vague
    if not days:  # no date at all: a run of its own
        return [(m, UNDATED, None) for m, _, _ in rows], False
    span = (min(days), max(days))
    if span[1] - span[0] <= split_days:
        owner = (min(pubs) if pubs else span[0]) // window_days
        return [(m, owner, iv or span) for m, iv, _ in rows], False
    out: list[Placed] = []
    for m, iv, pub in rows:
        if iv is None:
            day = pub if pub is not None else span[0]
            iv = (day - lookback, day)
            out.append((m, day // window_days, iv))
        else:
            out.append((m, iv[0] // window_days, iv))
    return out, True


class Windows:
    """Mentions placed in date windows, and the runs that merge them."""

    def __init__(
        self, corpus: Corpus, window_days: int, split_days: int = DEFAULT_SPLIT_DAYS
    ) -> None:
        if window_days < 1 or split_days < 1:
            raise ConfigError("merge windows and story splits must be at least 1 day")
        self.corpus = corpus
        self.window_days, self.split_days = window_days, split_days
        self.margin = _WEEK + corpus.params.date_slack_days
        self.mentions: list[EventMention] = []
        self.story = array("l")  # story index of each mention
        self.own = array("l")  # owner window of each mention
        self.lo, self.hi = array("l"), array("l")  # its reach (UNDATED: none)
        self.owned: dict[int, list[int]] = {}
        self.split_stories = 0
        for i, group in enumerate(corpus.groups):
            placed, split = place_story(corpus, group, window_days, split_days)
            self.split_stories += split
            for m, owner, reach in placed:
                p = len(self.mentions)
                self.mentions.append(m)
                self.story.append(i)
                self.own.append(owner)
                self.lo.append(reach[0] if reach else UNDATED)
                self.hi.append(reach[1] if reach else UNDATED)
                self.owned.setdefault(owner, []).append(p)
        # dated mentions by the first day they reach, for the margin look-up
        self._order = sorted(
            (p for p in range(len(self.mentions)) if self.own[p] != UNDATED),
            key=lambda p: self.lo[p],
        )
        self._los = array("l", (self.lo[p] for p in self._order))
        self._longest = max((self.hi[p] - self.lo[p] for p in self._order), default=0)
        self.entity_keys: dict[tuple[str, str], str] = {}
        self._keyed: set[int] = set()
        self.pack = False  # runs keep their events pickled and compressed (RunResult.of)
        self._feats: dict[int, Features] = {}  # the last run's features in this process

    def windows(self) -> list[int]:
        return sorted(self.owned)

    def stories(self, indices: Iterable[int] | None = None) -> list[Story]:
        """The Story records of the chosen stories (all by default), their entities resolved
        over the whole story; the entity keys of their articles are kept for the runs."""
        chosen = sorted(range(len(self.corpus.groups)) if indices is None else set(indices))
        out, keys = story_records(self.corpus, chosen)
        self.entity_keys.update(keys)
        self._keyed.update(chosen)
        return out

    def mark_keyed(self, indices: Iterable[int]) -> None:
        self._keyed.update(indices)

    def _ensure_keys(self, indices: Collection[int]) -> None:
        missing = [i for i in sorted(set(indices)) if i not in self._keyed]
        if missing:
            _, keys = story_records(self.corpus, missing, stories=())
            self.entity_keys.update(keys)
            self._keyed.update(missing)

    def positions(self, unit: Unit) -> tuple[list[int], list[int]]:
        """(the mentions the run owns, every mention it merges) as positions, in order."""
        lo, hi = unit
        core = sorted(p for w in self.owned if lo <= w <= hi for p in self.owned[w])
        dated = [p for p in core if self.own[p] != UNDATED]
        if not dated:
            return core, core
        first = min(self.lo[p] for p in dated) - self.margin
        last = max(self.hi[p] for p in dated) + self.margin
        a = bisect_left(self._los, first - self._longest)
        b = bisect_right(self._los, last)
        run = set(core)
        run.update(p for p in self._order[a:b] if self.hi[p] >= first)
        return core, sorted(run)

    def group(self, units: Sequence[Unit], max_overlap: float = MAX_OVERLAP) -> list[Unit]:
        """The units, or one run over all of them when their margins would make the runs
        hold more than ``max_overlap`` times the mentions they cover."""
        if len(units) <= 1:
            return list(units)
        runs = [self.positions(u)[1] for u in units]
        covered = len(set().union(*runs))
        if sum(len(r) for r in runs) <= max_overlap * covered:
            return list(units)
        return [(min(u[0] for u in units), max(u[1] for u in units))]

    def run(self, unit: Unit, workers: int = 1) -> RunResult:
        """Merge one run; with ``workers`` > 1 its blocks are clustered in that many forked
        processes (see :func:`block_parts`)."""
        core, run = self.positions(unit)
        self._ensure_keys({self.story[p] for p in run})
        mine = {self.mentions[p].id for p in core}
        feats = self.features(run)
        parts = block_parts(feats, workers)
        if len(parts) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            return RunResult.of(unit, self.events(feats, mine), len(run), self.pack)
        global _PARTS
        _PARTS = (self, parts, mine)
        try:
            done = _fork_map(_part_in_worker, range(len(parts)), workers)
        finally:
            _PARTS = None
        events = sorted((e for part in done for e in part), key=lambda e: (e.date or "9999", e.id))
        return RunResult.of(unit, events, len(run), self.pack)

    def features(self, run: Sequence[int]) -> list[Features]:
        """The features of the mentions at ``run``; those the last run in this process made
        are reused (a mention's features do not depend on its run, see the module text):
        neighbouring runs share their margins, about half of what each holds."""
        c, held = self.corpus, self._feats
        made = iter(
            corpus_features(c, [self.mentions[p] for p in run if p not in held], self.entity_keys)
        )
        feats = [held[p] if p in held else next(made) for p in run]
        self._feats = dict(zip(run, feats, strict=True))
        return feats

    def events(self, feats: list[Features], mine: Collection[str]) -> list[Event]:
        """The events of ``feats`` holding a mention of ``mine``, in the merge's order."""
        clusters = cluster_mentions(feats, self.corpus.kb, self.corpus.params)
        kept = [cl for cl in clusters if any(x.m.id in mine for x in cl.members)]
        return events_of(self.corpus, kept)


def block_parts(feats: list[Features], parts: int) -> list[list[Features]]:
    """``feats`` split into at most ``parts`` lists of whole blocks (type group, factuality
    class), for clustering in parallel. A mention only ever meets events of its own block
    (the block index of :mod:`.cluster`, its second pass and its back-references all look
    up one block), and ties between events are broken by their creation order, which a part
    keeps for each of its blocks: so the parts give the clusters the whole list gives (a test
    holds it to that). Blocks are dealt largest first to the lightest part, weighed by the
    square of their size (the comparisons grow faster than the mentions); each part keeps
    the input order."""
    if parts <= 1:
        return [feats]
    blocks: dict[tuple[str, str], list[int]] = {}
    for k, x in enumerate(feats):
        blocks.setdefault((x.group, x.fclass), []).append(k)
    bins: list[list[int]] = [[] for _ in range(min(parts, len(blocks)))]
    loads = [0] * len(bins)
    for key in sorted(blocks, key=lambda b: (-len(blocks[b]), b)):
        i = loads.index(min(loads))
        bins[i].extend(blocks[key])
        loads[i] += len(blocks[key]) ** 2
    return [[feats[k] for k in sorted(b)] for b in bins if b]


# --- running and stitching ------------------------------------------------------------

_ACTIVE: Windows | None = None  # the windows a forked worker runs (set before the fork)


def _run_in_worker(unit: Unit) -> RunResult:
    assert _ACTIVE is not None
    return _ACTIVE.run(unit)


#: a run's windows, its parts and the mentions it owns (set before the fork)
_PARTS: tuple[Windows, list[list[Features]], Collection[str]] | None = None


def _part_in_worker(i: int) -> list[Event]:
    assert _PARTS is not None
    w, parts, mine = _PARTS
    return w.events(parts[i], mine)


def _fork_map(
    func: Callable[[T], R], items: Sequence[T], workers: int, *, contiguous: bool = False
) -> list[R]:
    """``func`` over ``items`` in ``workers`` forked processes. The parent's objects are
    frozen out of the cyclic collector first: a collection in a child would otherwise write
    to every object's header and copy the whole corpus into each child. No collection runs
    before the freeze (as Python's ``gc.freeze`` documentation has it): a full pass over the
    merge's objects took ~0.1 s of the parent's time per map on the bench, while the children
    waited. ``contiguous``: each worker takes one run of neighbouring items in order (runs
    of neighbouring windows then reuse each other's features, :meth:`Windows.features`)."""
    chunk = -(-len(items) // max(1, min(workers, len(items)))) if contiguous else 1
    with (
        frozen_for_fork(),
        multiprocessing.get_context("fork").Pool(min(workers, len(items))) as pool,
    ):
        # no maxtasksperchild: a pool that replaces finished workers can fork one while
        # terminate() holds the task queue's lock, and that worker then blocks forever
        # (seen as a hung test); the workers exit by close() and join() after the map
        results = pool.map(func, items, chunksize=chunk)
        pool.close()
        pool.join()
        return results


def _stories_in_worker(indices: list[int]) -> tuple[list[Story], dict[tuple[str, str], str]]:
    assert _ACTIVE is not None
    return story_records(_ACTIVE.corpus, indices)


def all_stories(w: Windows, workers: int) -> list[Story]:
    """Every story's record (:meth:`Windows.stories`), in ``workers`` forked processes when
    more than one: contiguous slices of about equal mentions, so the order is kept."""
    n = len(w.corpus.groups)
    if workers <= 1 or n < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return w.stories()
    sizes = [0] * n
    for i in w.story:
        sizes[i] += 1
    per = max(1, sum(sizes) // (4 * workers))
    slices: list[list[int]] = [[]]
    held = 0
    for i, k in enumerate(sizes):
        if held >= per:
            slices.append([])
            held = 0
        slices[-1].append(i)
        held += k + 1
    global _ACTIVE
    _ACTIVE = w
    try:
        parts = _fork_map(_stories_in_worker, slices, workers)
    finally:
        _ACTIVE = None
    out: list[Story] = []
    for part, keys in parts:
        out.extend(part)
        w.entity_keys.update(keys)
    w.mark_keyed(range(n))
    return out


def _run_and_send(unit: Unit, workers: int, conn: Connection) -> None:
    assert _ACTIVE is not None
    try:
        conn.send(_ACTIVE.run(unit, workers))
    except Exception as e:  # handed to the parent, which raises it
        conn.send(e)
    finally:
        conn.close()


def run_apart(w: Windows, unit: Unit, workers: int) -> RunResult:
    """One run in a forked process of its own (its blocks clustered in that process's
    ``workers`` processes): the features and clusters of the run are freed with the
    process. Run in the parent, a re-merged run (two windows or more, see :func:`stitch`)
    left the parent's heap at its own peak: 170 MB above the story step at 100,000
    mentions, and the bulk of the parent's 2.5 GB at 300,000. (Not :func:`_fork_map`: a
    pool's workers are daemonic and may not fork the run's own block workers.)"""
    global _ACTIVE
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    _ACTIVE = w
    try:
        with frozen_for_fork():  # as in _fork_map: no collection in the child copies the corpus
            proc = ctx.Process(target=_run_and_send, args=(unit, workers, send))
            proc.start()
            send.close()
            got: RunResult | Exception = recv.recv()
            proc.join()
    finally:
        recv.close()
        _ACTIVE = None
    if isinstance(got, Exception):
        raise got
    return got


def execute(
    w: Windows, units: Sequence[Unit], workers: int, *, apart: bool = False
) -> list[RunResult]:
    """Run the units, in ``workers`` forked processes when more than one (each reads the
    prepared corpus its parent holds, without copying it). One unit runs in the parent,
    its blocks in the workers, or with ``apart`` (a re-merged run) in a process of its own
    (:func:`run_apart`)."""
    global _ACTIVE
    if len(units) == 1:  # one run: its blocks in the workers
        if apart and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
            return [run_apart(w, units[0], workers)]
        return [w.run(units[0], workers)]
    if workers <= 1 or not units or "fork" not in multiprocessing.get_all_start_methods():
        return [w.run(u) for u in units]
    _ACTIVE = w
    try:
        return _fork_map(_run_in_worker, units, workers, contiguous=True)
    finally:
        _ACTIVE = None


def conflicts(results: Iterable[tuple[Unit, Iterable[Mark]]]) -> list[tuple[Unit, Unit]]:
    """Pairs of runs that put one mention into different events (:func:`marks` of each
    run's events)."""
    seen: dict[str, tuple[Unit, tuple[str, int]]] = {}
    out: set[tuple[Unit, Unit]] = set()
    for unit, events in results:
        for mids, e in events:
            for mid in mids:
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
    # two widened runs sharing a window become one: each would own that window's mentions
    # and merge them again, and their overlap would disagree again at the next stitch
    out: list[Unit] = []
    for u in sorted(set(merged)):
        if out and u[0] <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], u[1]))
        else:
            out.append(u)
    return out


def stitch(
    w: Windows, units: Sequence[Unit], workers: int, done: Mapping[Unit, RunResult] | None = None
) -> tuple[dict[Unit, RunResult], int, int]:
    """Run the units, re-running disagreeing neighbours as one until every run agrees:
    (results by unit, runs made, disagreements)."""
    results = dict(done or {})
    todo = [u for u in units if u not in results]
    runs = widened = 0
    apart = False  # the first runs as planned; re-merged ones each in a process of their own
    while True:
        for r in execute(w, todo, workers, apart=apart):
            results[r.unit] = r
        runs += len(todo)
        pairs = conflicts((u, results[u].marks) for u in sorted(results))
        if not pairs:
            return results, runs, widened
        widened += len(pairs)
        units = widen(sorted(results), pairs)
        results = {u: r for u, r in results.items() if u in units}
        todo = [u for u in units if u not in results]
        apart = True


def merge_windows(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote] = (),
    entities: Mapping[str, Sequence[Entity]] | None = None,
    config: MergeConfig = DEFAULT_CONFIG,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    split_days: int = DEFAULT_SPLIT_DAYS,
    workers: int = 1,
    max_overlap: float = MAX_OVERLAP,
    previous: Sequence[Sequence[str]] | None = None,
    sink: Callable[[list[Event]], None] | None = None,
) -> tuple[MergeResult, WindowPlan]:
    """:func:`newsevents.merge.merge` by date windows of ``window_days`` days (each run holds
    its windows' mentions and their margin; ``workers`` runs at a time; one run for all when
    the runs would overlap more than ``max_overlap`` times; stories longer than
    ``split_days`` split by date): the same stories and events, with the plan it followed.
    ``previous`` (the article ids of each story of an earlier merge) keeps those stories, as
    :func:`.incremental.merge_incremental` does, and merges every window again.

    With ``sink``, the events are not gathered: each run holds its events pickled and
    compressed until every run agrees, then ``sink`` gets them run by run (each event once,
    in the runs' date order, each run's in the merge's order) and the result has the
    stories only. The merge's memory is then its inputs and one run, not every event."""
    with no_cycle_collection():
        c = prepare(articles, mentions, quotes, entities, config, previous=previous)
        w = Windows(c, window_days, split_days)
        w.pack = sink is not None
        stories = all_stories(w, workers)  # before the runs: their workers share the keys
        units = w.group([(x, x) for x in w.windows()], max_overlap)
        results, runs, widened = stitch(w, units, workers)
        plan = WindowPlan(
            window_days,
            len(w.windows()),
            runs,
            widened,
            max((r.mentions for r in results.values()), default=0),
            w.split_stories,
        )
        if sink is None:
            return assemble(stories, results.values()), plan
        handed: set[str] = set()
        for unit in sorted(results):
            fresh = [e for e in results.pop(unit).events if e.id not in handed]
            handed.update(e.id for e in fresh)
            sink(fresh)
    return MergeResult(stories=tuple(stories), events=()), plan


def assemble(stories: Sequence[Story], results: Iterable[RunResult]) -> MergeResult:
    events: dict[str, Event] = {}
    for r in results:
        for e in r.events:
            events[e.id] = e
    ordered = sorted(events.values(), key=lambda e: (e.date or "9999", e.id))
    return MergeResult(stories=tuple(stories), events=tuple(ordered))
