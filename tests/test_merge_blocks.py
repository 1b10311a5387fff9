"""The clustering's candidate index (merge.blocks) finds every event the full scan of the
weeks would keep, and story grouping closes stories by their last article's day."""

from __future__ import annotations

import pytest

from builders import art
from newsevents.merge.blocks import WEEK, BlockIndex
from newsevents.merge.cluster import Cluster, _shares_a_slot
from newsevents.merge.config import prepare
from newsevents.merge.corpus import story_records
from newsevents.merge.features import Features, mention_features
from newsevents.merge.stories import _dot_products, _Open, group_stories
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


@pytest.mark.parametrize("threshold", [0.0, 0.15, 0.4])
def test_pruned_cosines_keep_every_story_that_can_reach_the_threshold(threshold) -> None:
    # four open stories, two of them sharing only common words with the article
    common = {"forces": 0.2, "killing": 0.2}
    stories = []
    for i, extra in enumerate([{"harbour": 0.9}, {"dock": 0.9}, {}, {}]):
        vec = {**common, **extra}
        norm = sum(v * v for v in vec.values()) ** 0.5
        stories.append(_Open(index=i, vector=vec, norm=norm, norm_sq=norm * norm))
    postings: dict = {}
    ceiling: dict = {}
    for s in stories:
        for t in s.vector:
            postings.setdefault(t, {})[s.index] = s
            ceiling[t] = max(ceiling.get(t, 0.0), s.vector[t] / s.norm)
    article = {"forces": 0.1, "killing": 0.1, "harbour": 0.98}
    full = {
        s.index: sum(v * s.vector[t] for t, v in article.items() if t in s.vector) for s in stories
    }
    got = _dot_products(article, postings, ceiling, threshold)
    for idx, dot in full.items():
        if dot / stories[idx].norm >= threshold:
            assert got[idx] == dot  # the same float, not an approximation
    if threshold > 0.2:
        assert set(got) == {0}  # the stories sharing only common words were not scored
