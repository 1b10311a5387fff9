"""The clustering's candidate index (merge.blocks) finds every event the full scan of the
weeks would keep, and story grouping closes stories by their last article's day."""

from __future__ import annotations

import pytest

from builders import art
from newsevents.merge.blocks import WEEK, BlockIndex
from newsevents.merge.cluster import Cluster, _shares_a_slot, days_apart
from newsevents.merge.config import prepare
from newsevents.merge.corpus import story_records
from newsevents.merge.evidence import join_evidence
from newsevents.merge.features import Features, mention_features
from newsevents.merge.stories import group_stories
from newsevents.merge.story_index import StoryIndex
from newsevents.merge.synthetic import synthetic_corpus


@pytest.fixture(scope="module")
def features() -> list[Features]:
    articles, mentions, _ = synthetic_corpus(600, seed=5)
    c = prepare(articles, mentions)
    _, keys = story_records(c, range(len(c.groups)), stories=())
    return mention_features(mentions, c.by_id, c.story_of, keys, c.idf, c.kb, c.params)


def _scan(clusters: list[Cluster], spans: dict[int, tuple[int, int]], x: Features) -> set[int]:
    """The full scan the index replaces: events filed in x's weeks sharing its story or a slot."""
    assert x.iv is not None
    lo, hi = x.iv[0] // WEEK, x.iv[1] // WEEK
    return {
        c.idx
        for c in clusters
        if (c.group, c.fclass) == (x.group, x.fclass)
        and c.idx in spans
        and spans[c.idx][0] <= hi
        and lo <= spans[c.idx][1]
        and (x.story in c.stories or _shares_a_slot(x, c))
    }


@pytest.mark.parametrize("pairs", [1, 3])
def test_index_finds_every_candidate_of_the_full_scan(features, pairs) -> None:
    # events of ``pairs`` mentions each (members joined after filing, as the clustering
    # does), so an event is found by a slot of a later member too
    index, clusters, spans = BlockIndex(), [], {}
    for i in range(0, len(features), pairs):
        c = Cluster(idx=len(clusters), group=features[i].group, fclass=features[i].fclass)
        c.add(features[i], None)
        index.file(c, features[i])
        if features[i].iv is not None:
            spans[c.idx] = (features[i].iv[0] // WEEK, features[i].iv[1] // WEEK)
        for x in features[i + 1 : i + pairs]:
            if (x.group, x.fclass) == (c.group, c.fclass):
                c.add(x, "joined")
                index.joined(c, x)
        clusters.append(c)
    checked = 0
    for x in features:
        if x.iv is None:
            continue
        want = _scan(clusters, spans, x)
        found = index.dated((x.group, x.fclass), x.iv[0], x.iv[1], x)
        got = {c.idx for c in found if x.story in c.stories or _shares_a_slot(x, c)}
        assert got == want
        checked += bool(want)
    assert checked > len(features) // 2  # most mentions have candidates: the test is not empty


def test_candidates_skipped_for_their_dates_are_those_the_score_refuses(features) -> None:
    # the clustering skips a candidate whose dates do not meet the mention's without scoring
    # it (days_apart): the score must refuse every such join, or the skip would change events
    c0 = prepare(*synthetic_corpus(600, seed=5)[:2])
    skipped = 0
    for i, y in enumerate(features[:150]):
        event = Cluster(idx=0, group=y.group, fclass=y.fclass)
        event.add(y, None)
        for x in features[i + 1 :]:
            if days_apart(x, event):
                skipped += 1
                assert join_evidence(x, event, c0.kb, c0.params, 0) is None
            else:
                assert (
                    x.iv is None
                    or event.iv is None
                    or max(x.iv[0], event.iv[0]) <= min(x.iv[1], event.iv[1])
                )
    assert skipped > 10_000  # most pairs are days apart: the test is not empty


def test_undated_events_are_found_by_their_seed_story_until_dated(features) -> None:
    undated = next(x for x in features if x.iv is None)
    dated = next(
        x
        for x in features
        if x.iv is not None and (x.group, x.fclass) == (undated.group, undated.fclass)
    )
    index = BlockIndex()
    c = Cluster(idx=0, group=undated.group, fclass=undated.fclass)
    c.add(undated, None)
    index.file(c, undated)
    block = (c.group, c.fclass)
    assert [e.idx for e in index.undated_of_story(block, undated.story)] == [0]
    c.add(dated, "joined")
    index.joined(c, dated)
    assert list(index.undated_of_story(block, undated.story)) == []
    assert [e.idx for e in index.of_story(block, undated.story)] == [0]


@pytest.mark.parametrize(
    ("second_day", "together"),
    [("2021-03-08", True), ("2021-03-09", False), ("2021-03-20", False)],
)
def test_a_story_closes_when_its_last_article_is_older_than_the_window(
    second_day, together
) -> None:
    text = "Dockworkers in Portoria walked out over unpaid wages; the harbour stood still."
    articles = [
        art("a", "Harbor Daily", "2021-03-01", text, "Dock strike"),
        # other news keeps arriving (each day closes what has gone quiet)
        art("x", "Harbor Daily", "2021-03-05", "Snow closed the mountain pass.", "Snow"),
        art("b", "Continental Wire", second_day, text, "Dock strike"),
    ]
    groups, _ = group_stories(articles, {}, threshold=0.15, window_days=7, name_boost=3)
    assert (["a", "b"] in groups) is together


def _best_by_hand(stories: list[dict[str, float]], vec: dict[str, float], threshold: float):
    """The plain scan: every story's cosine, the highest reaching the threshold, first wins."""
    best, top = None, threshold
    for i, sv in enumerate(stories):
        norm = sum(w * w for w in sv.values()) ** 0.5
        sim = sum(v * sv.get(t, 0.0) for t, v in vec.items()) / norm
        if sim > top or (sim == top and best is None):
            best, top = i, sim
    return best


@pytest.mark.parametrize("dense_at", [1, 2, 1000])
@pytest.mark.parametrize("threshold", [0.0, 0.15, 0.4, 0.9])
def test_the_story_index_finds_the_story_the_plain_scan_finds(dense_at, threshold) -> None:
    # four open stories, two of them sharing only common words with the article
    common = {"forces": 0.2, "killing": 0.2}
    stories = [{**common, **extra} for extra in [{"harbour": 0.9}, {"dock": 0.9}, {}, {}]]
    index = StoryIndex(dense_at)
    for i, sv in enumerate(stories):
        index.add(i, sv, sum(w * w for w in sv.values()) ** 0.5)
    for article in (
        {"forces": 0.1, "killing": 0.1, "harbour": 0.98},
        {"forces": 0.7, "killing": 0.7},
        {"snow": 1.0},
    ):
        assert index.best(article, threshold) == _best_by_hand(stories, article, threshold)
    # a story closes: it is never found again; its slot serves the next story
    index.remove(0, stories[0])
    assert index.best({"harbour": 1.0}, 0.1) is None
    index.add(7, {"harbour": 0.5}, 0.5)
    assert index.best({"harbour": 1.0}, 0.1) == 7


def test_columns_give_the_stories_dicts_give() -> None:
    articles, mentions, _ = synthetic_corpus(900, seed=3)
    names: dict[str, list[str]] = {}
    for m in mentions:
        names.setdefault(m.article_id, []).extend(a.name for a in (*m.actor, *m.recipient))
    args = {"threshold": 0.15, "window_days": 7, "name_boost": 3}
    dicts, _ = group_stories(articles, names, dense_at=1 << 30, **args)
    columns, _ = group_stories(articles, names, dense_at=2, **args)
    assert columns == dicts
    assert len(dicts) < len(articles) / 2  # stories of several articles were formed


def test_an_update_keeps_the_old_stories_and_groups_only_the_new_articles() -> None:
    text = "Dockworkers in Portoria walked out over unpaid wages; the harbour stood still."
    articles = [
        art("a", "Harbor Daily", "2021-03-01", text, "Dock strike"),
        art("b", "Continental Wire", "2021-03-02", "Snow closed the mountain pass.", "Snow"),
        art("new", "Morning Ledger", "2021-03-03", text, "Dock strike"),
    ]
    args = {"threshold": 0.15, "window_days": 7, "name_boost": 3}
    # an earlier merge (other settings) put a and b together: they stay together
    groups, idf = group_stories(articles, {}, fixed={"a": 0, "b": 0}, idf={"dock": 2.0}, **args)
    assert groups == [["a", "b", "new"]]
    assert idf == {"dock": 2.0}  # the weights given are the weights used
    groups, _ = group_stories(articles, {}, fixed={"a": 0, "b": 1}, **args)
    assert groups == [["a", "new"], ["b"]]
