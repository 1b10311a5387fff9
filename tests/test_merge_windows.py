"""The merge by date windows gives the whole-corpus merge; the incremental merge keeps the
old stories, gives what merging every window again gives, and leaves what new articles do
not reach as it was."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from builders import art, men
from newsevents import api
from newsevents.merge import merge, merge_incremental, merge_windows
from newsevents.merge.config import prepare
from newsevents.merge.features import interval, mention_features
from newsevents.merge.synthetic import synthetic_corpus
from newsevents.merge.windows import (
    DEFAULT_SPLIT_DAYS,
    Windows,
    block_parts,
    conflicts,
    marks,
    place_story,
    widen,
)
from newsevents.model import Article, Event, EventMention, MergeResult
from newsevents.store import Store

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = [1, 7, 30, 91, 1000]
SPLIT = float("inf")  # never one run for all windows: every window merged on its own


def _clusters(result: MergeResult) -> set[frozenset[str]]:
    return {frozenset(e.mention_ids) for e in result.events}


def _inputs(db: Path) -> tuple[list[Article], list[EventMention], list, dict]:
    with Store(db, readonly=True) as store:
        return store.articles(), store.mentions(), store.quotes(), store.entities()


@pytest.fixture(scope="module")
def merge_corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("mc") / "events.db"
    api.analyze(sorted(str(p) for p in (ROOT / "tests/data/merge_corpus").glob("*.txt")), db)
    return db


@pytest.fixture(scope="module")
def synthetic() -> tuple[list[Article], list[EventMention]]:
    articles, mentions, _ = synthetic_corpus(3000, seed=2)
    return articles, mentions


@pytest.mark.slow
@pytest.mark.parametrize(
    ("corpus", "days"),
    [(c, d) for c in ("merge_corpus", "examples") for d in WINDOWS],
)
def test_windowed_merge_is_the_whole_merge_on_analysed_corpora(
    corpus, days, merge_corpus_db, workbench_db
) -> None:
    inputs = _inputs(merge_corpus_db if corpus == "merge_corpus" else workbench_db)
    whole = merge(*inputs)
    windowed, plan = merge_windows(*inputs, window_days=days, max_overlap=SPLIT)
    assert plan.windows >= 1 and plan.runs >= plan.windows
    loose = _loose(inputs[0], inputs[1], days, DEFAULT_SPLIT_DAYS)
    if not loose:
        assert windowed == whole  # same stories, same events (ids, members, every field)
        return
    # a story longer than split_days (an anniversary piece a year on, in the sample corpus):
    # the documented bound, its mentions without a day of their own may end apart
    assert windowed.stories == whole.stories
    apart = {frozenset()}  # a loose mention alone in its event
    assert {c - loose for c in _clusters(windowed)} - apart == {
        c - loose for c in _clusters(whole)
    } - apart


def _loose(articles, mentions, window_days: int, split: int) -> set[str]:
    """Mentions of split stories with no day of their own (the bound of the windowed merge)."""
    c = prepare(articles, mentions)
    loose: set[str] = set()
    for group in c.groups:
        placed, is_split = place_story(c, group, window_days, split)
        for m, _, _ in placed:
            iv = interval(m, c.params.publication_lookback_days)
            if is_split and (iv is None or iv[1] - iv[0] > split):
                loose.add(m.id)
    return loose


# a place the coder gave only half a year later, in another story, which both sentences name
_BLAME = "Officials in Springfield accused the rebels of shelling the market on Monday."
_TOLD = "Springfield officials blamed outside agitators for shelling the market on Monday."
_LATER = "Police arrested dozens of protesters in Springfield on Friday."


@pytest.mark.parametrize("days", [1, 7, 30])
def test_a_place_coded_outside_the_window_counts_as_in_the_whole_merge(days) -> None:
    """A sentence names a known place (``place_named`` evidence) when the coder gave that
    place to any mention of the corpus, whichever window the mention is in: a run's own
    mentions used to decide it, and the windows kept apart what the whole merge joined (the
    eighth session's sample-corpus defect: three accusations naming a far-coded place)."""
    a1 = art("a1", "Outlet A", "2021-03-02", _BLAME)
    a2 = art("a2", "Outlet B", "2021-03-02", _TOLD)
    a3 = art("a3", "Outlet C", "2021-09-10", _LATER)
    mentions = [
        men(a1, 0, _BLAME, "accused", "ACCUSE", actor=(("Officials", "USAGOV"),),
            recipient=(("the rebels", None),), date="2021-03-01"),
        men(a2, 0, _TOLD, "blamed", "ACCUSE", date="2021-03-01"),
        men(a3, 0, _LATER, "arrested", "COERCE", actor=(("Police", "USACOP"),),
            date="2021-09-10", place=("Springfield", "USA", "city")),
    ]  # fmt: skip
    articles = [a1, a2, a3]
    whole = merge(articles, mentions)
    assert {("a1:0", "a2:0"), ("a3:0",)} == {e.mention_ids for e in whole.events}
    windowed, plan = merge_windows(articles, mentions, window_days=days, max_overlap=SPLIT)
    assert plan.runs >= 2 and windowed == whole


@pytest.mark.parametrize("days", WINDOWS)
def test_windowed_merge_is_the_whole_merge_on_synthetic_mentions(days, synthetic) -> None:
    whole = merge(*synthetic)
    windowed, plan = merge_windows(*synthetic, window_days=days, max_overlap=SPLIT)
    assert windowed == whole
    if days <= 30:  # two years of stories: many windows, each run smaller than the corpus
        assert plan.windows > 10 and plan.largest_run < len(synthetic[1]) / 2
        assert plan.runs >= plan.windows
    grouped, plan = merge_windows(*synthetic, window_days=days)
    assert grouped == whole


def test_windowed_merge_in_worker_processes(synthetic) -> None:
    windowed, plan = merge_windows(*synthetic, window_days=91, workers=2, max_overlap=SPLIT)
    assert windowed == merge(*synthetic) and plan.runs >= 8


@pytest.mark.parametrize(("days", "workers"), [(7, 1), (91, 2), (100_000, 2)])
def test_a_sink_gets_every_event_once(days, workers, synthetic) -> None:
    """With a sink the merge hands the events on run by run instead of gathering them:
    the same events, each once, and the same stories."""
    whole, _ = merge_windows(*synthetic, window_days=days, workers=workers, max_overlap=SPLIT)
    got: list[list[Event]] = []
    streamed, _ = merge_windows(
        *synthetic, window_days=days, workers=workers, max_overlap=SPLIT, sink=got.append
    )
    events = [e for batch in got for e in batch]
    assert streamed.events == () and streamed.stories == whole.stories
    assert len(events) == len(whole.events) and set(events) == set(whole.events)
    assert (len(got) > 1) == (days < 100_000)  # one batch a run


@pytest.mark.parametrize("corpus", ["synthetic", "merge_corpus", "examples"])
def test_one_run_clustered_by_blocks_in_worker_processes_is_the_whole_merge(
    corpus, synthetic, merge_corpus_db, workbench_db
) -> None:
    """One window for everything (the usual batch of one day's news): its blocks are
    clustered in two processes, and every story and event is the one-process merge's."""
    if corpus == "synthetic":
        inputs: tuple = synthetic
    else:
        inputs = _inputs(merge_corpus_db if corpus == "merge_corpus" else workbench_db)
    one, plan = merge_windows(*inputs, window_days=100_000, max_overlap=SPLIT)
    two, plan2 = merge_windows(*inputs, window_days=100_000, max_overlap=SPLIT, workers=2)
    assert plan.runs == plan2.runs == 1 and two == one and len(one.events) > 5


def test_block_parts_keep_whole_blocks_in_input_order(synthetic) -> None:
    c = prepare(*synthetic)
    feats = mention_features(list(synthetic[1]), c.by_id, c.story_of, {}, c.idf, c.kb, c.params)
    parts = block_parts(feats, 3)
    assert len(parts) == 3 and sorted(map(id, feats)) == sorted(id(x) for p in parts for x in p)
    blocks = [{(x.group, x.fclass) for x in p} for p in parts]
    assert all(not (a & b) for i, a in enumerate(blocks) for b in blocks[i + 1 :])
    position = {id(x): k for k, x in enumerate(feats)}
    assert all([position[id(x)] for x in p] == sorted(position[id(x)] for x in p) for p in parts)
    assert block_parts(feats, 1) == [feats]


def test_features_reused_from_the_last_run_are_the_features_made_afresh(synthetic) -> None:
    """Neighbouring runs share their margins: a run reuses the features the last run in its
    process made, and they equal those a run made alone computes."""
    w = Windows(prepare(*synthetic), 30)
    units = [(x, x) for x in w.windows()[3:5]]
    w.stories()
    first = w.features(w.positions(units[0])[1])
    positions = w.positions(units[1])[1]
    second = w.features(positions)
    alone = Windows(w.corpus, 30)
    alone.stories()
    afresh = alone.features(positions)
    shared = {id(x) for x in first}
    assert any(id(x) in shared for x in second) and not any(id(x) in shared for x in afresh)
    assert second == afresh


def test_split_stories_differ_from_the_whole_merge_only_by_mentions_without_a_day(
    synthetic,
) -> None:
    """The documented bound: a story longer than ``split_days`` is merged by date; its
    mentions without a day of their own (undated, or vaguer than ``split_days``) only meet
    events near their article's date. Everything else is the whole-corpus merge."""
    split = 7
    c = prepare(*synthetic)
    loose: set[str] = set()
    long_stories = 0
    for group in c.groups:
        placed, is_split = place_story(c, group, 30, split)
        long_stories += is_split
        for m, _, _ in placed:
            iv = interval(m, c.params.publication_lookback_days)
            if is_split and (iv is None or iv[1] - iv[0] > split):
                loose.add(m.id)
    assert long_stories and loose  # the test means something
    whole = merge(*synthetic)
    windowed, plan = merge_windows(*synthetic, window_days=30, split_days=split, max_overlap=SPLIT)
    assert plan.split_stories == long_stories
    assert windowed.stories == whole.stories
    assert {c - loose for c in _clusters(windowed)} == {c - loose for c in _clusters(whole)}
    assert {m for c in _clusters(windowed) for m in c} == {m.id for m in synthetic[1]}


def _event(eid: str, *mids: str) -> Event:
    return Event(
        id=eid,
        story_id=None,
        mention_ids=mids,
        event="PROTEST",
        cameo="140",
        intensity=-6.5,
        factuality="asserted",
    )


def test_runs_that_disagree_are_merged_into_one() -> None:
    a, b = _event("e1", "m1", "m2"), _event("e2", "m2", "m3")
    assert conflicts([((0, 0), marks([a])), ((1, 1), marks([a]))]) == []  # the same event
    assert conflicts([((0, 0), marks([a])), ((2, 2), marks([b]))]) == [((0, 0), (2, 2))]
    # the same mentions told otherwise (another field) is a disagreement too
    told = dataclasses.replace(a, intensity=-7.0)
    assert conflicts([((0, 0), marks([a])), ((1, 1), marks([told]))]) == [((0, 0), (1, 1))]
    assert widen([(0, 0), (1, 1), (2, 2), (5, 5)], [((0, 0), (2, 2))]) == [(0, 2), (5, 5)]
    # two disagreements sharing a window: one run, not two overlapping ones
    chain = [((0, 0), (1, 1)), ((1, 1), (2, 2))]
    assert widen([(0, 0), (1, 1), (2, 2), (3, 3)], chain) == [(0, 2), (3, 3)]


@pytest.mark.parametrize(("new", "workers"), [(1, 1), (1, 2), (5, 1), (40, 1)])
def test_incremental_merge_is_every_window_merged_again(new, workers, synthetic) -> None:
    articles, mentions = synthetic
    # the newest articles arrive last, as a daily update does
    latest = {a.id for a in sorted(articles, key=lambda a: (a.published, a.id))[-new:]}
    before = merge(
        [a for a in articles if a.id not in latest],
        [m for m in mentions if m.article_id not in latest],
    )
    update = merge_incremental(
        articles, mentions, (), None, before, window_days=30, workers=workers
    )
    # the old stories are kept whole (new articles may join them), never split or joined
    now = {a: s.id for s in update.result.stories for a in s.article_ids}
    for s in before.stories:
        assert len({now[a] for a in s.article_ids}) == 1
    assert len(update.result.stories) >= len(before.stories)
    scratch, _ = merge_windows(
        articles, mentions, window_days=30, previous=[s.article_ids for s in before.stories]
    )
    assert _clusters(update.result) == _clusters(scratch)
    assert update.result.stories == scratch.stories
    assert 1 <= update.windows_touched < update.windows
    # the story of each event is the one a merge from scratch gives (kept events relabelled)
    story = {frozenset(e.mention_ids): e.story_id for e in scratch.events}
    assert all(story[frozenset(e.mention_ids)] == e.story_id for e in update.result.events)
    # every event no new mention reached keeps its id and its record (its row is not
    # rewritten), or only its story id changed (its story gained an article)
    kept = set(before.events) - {e for e in before.events if e.id in update.events_removed}
    assert kept and kept <= set(update.result.events)
    assert len(kept) > len(before.events) / 2
    touched = {m.id for m in mentions if m.article_id in latest}
    assert all(not touched & set(e.mention_ids) for e in kept)


def test_incremental_merge_without_new_articles_changes_nothing(synthetic) -> None:
    before = merge(*synthetic)
    update = merge_incremental(*synthetic, (), None, before, window_days=30)
    assert update.windows_touched == 0
    assert not (update.events_added or update.events_removed or update.stories_added)
    assert update.result.events == before.events


# --- the store: ``analyze NEW --db EXISTING`` ------------------------------------------

ARTICLES = {
    "jan-a": ("2021-01-12", "Outlet A", "Police arrested 12 protesters in Lima on Monday. The "
              "interior minister of Peru condemned the march."),
    "jan-b": ("2021-01-13", "Outlet B", "Peruvian police detained 12 demonstrators in Lima on "
              "Monday, the interior ministry said."),
    "aug-a": ("2021-08-03", "Outlet A", "Rebels attacked an army base near Mopti on Sunday, "
              "killing 7 soldiers. The president of Mali promised to respond."),
    "aug-new": ("2021-08-04", "Outlet C", "Seven soldiers were killed when rebels attacked an "
                "army base near Mopti in Mali on Sunday, officials said."),
}  # fmt: skip


def _write(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        day, outlet, text = ARTICLES[name]
        path = folder / f"{name}.md"
        path.write_text(f"---\npublished: {day}\noutlet: {outlet}\n---\n{text}\n")
        paths.append(str(path))
    return paths


def _event_rows(db: Path) -> dict[str, tuple[int, str, str]]:
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT rowid, id, cameo, data FROM events").fetchall()
    return {r["id"]: (r["rowid"], r["cameo"], r["data"]) for r in rows}


@pytest.mark.slow
def test_analyze_into_an_existing_store_touches_only_the_new_articles_window(
    tmp_path, resources
) -> None:
    db = tmp_path / "events.db"
    api.analyze(_write(tmp_path / "old", ["jan-a", "jan-b", "aug-a"]), db, resources=resources)
    with Store(db, readonly=True) as store:
        january = {e.id for e in store.events() if (e.date or "").startswith("2021-01")}
    assert january
    # a mark on January's rows: a merge that deleted and wrote them again would lose it
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET cameo = 'untouched' WHERE date LIKE '2021-01%'")
    before = _event_rows(db)
    api.analyze(_write(tmp_path / "new", ["aug-new"]), db, resources=resources)
    after = _event_rows(db)
    # January's rows are the very same rows (not deleted and written again)
    assert {k: after[k] for k in january} == {k: before[k] for k in january}
    assert {after[k][1] for k in january} == {"untouched"}
    scratch = tmp_path / "scratch.db"
    api.analyze(
        _write(tmp_path / "all", ["jan-a", "jan-b", "aug-a", "aug-new"]), scratch,
        resources=resources,
    )  # fmt: skip
    assert after.keys() != before.keys()  # the new report did change August's event
    # (four articles: the word weights of three or four give the same stories)
    stored = [{frozenset(e.mention_ids) for e in api.load_corpus(d).events} for d in (db, scratch)]
    assert stored[0] == stored[1]


def test_a_nested_fork_keeps_what_was_frozen_before_it() -> None:
    """``gc.unfreeze`` hands back every frozen object: an inner freeze (block workers forked
    inside a forked run) must not thaw the outer one's."""
    import gc

    from newsevents.merge.heap import frozen_for_fork

    before = gc.get_freeze_count()
    with frozen_for_fork():
        outer = gc.get_freeze_count()
        with frozen_for_fork():
            kept = [object() for _ in range(3)]  # alive now: frozen by the inner call
            assert gc.get_freeze_count() >= outer
        assert gc.get_freeze_count() >= outer > 0 and kept
    assert gc.get_freeze_count() == 0 or before > 0


def test_a_merge_in_workers_keeps_the_callers_frozen_objects(synthetic) -> None:
    """``runner.prepare`` freezes the loaded resources before coding; the merge's workers,
    forked after, must leave them frozen (else the collector walks them again and a later
    fork copies them)."""
    import gc

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        merge_windows(*synthetic, window_days=91, workers=2, max_overlap=SPLIT)
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
