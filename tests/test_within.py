"""newsevents.within: the binary-search answers are the linear scan's, in the scan's order."""

from __future__ import annotations

import pytest

from newsevents.within import Within, containing

# unsorted, overlapping, nested, empty and repeated ranges
RANGES = [(10, 20), (0, 5), (12, 15), (10, 20), (30, 30), (18, 25), (5, 9), (0, 40)]


@pytest.mark.parametrize(
    ("start", "end"), [(0, 40), (10, 20), (12, 15), (0, 5), (30, 30), (21, 29), (5, 10), (-3, 2)]
)
def test_within_answers_as_a_scan(start: int, end: int) -> None:
    index = Within(list(range(len(RANGES))), lambda k: RANGES[k])
    inside = [k for k, (s, e) in enumerate(RANGES) if start <= s and e <= end]
    starting = [k for k, (s, _) in enumerate(RANGES) if start <= s < end]
    assert index.inside(start, end) == inside
    assert index.inside(start, end) == inside  # (the kept answer)
    assert index.starting_in(start, end) == starting


@pytest.mark.parametrize(
    ("ranges", "sorted_disjoint"),
    [
        ([(0, 5), (5, 5), (5, 10), (12, 20)], True),
        ([(0, 10), (5, 12)], False),  # overlapping
        ([(10, 20), (0, 5)], False),  # out of order
    ],
)
def test_containing_finds_the_range_or_refuses(
    ranges: list[tuple[int, int]], sorted_disjoint: bool
) -> None:
    index = containing([s for s, _ in ranges], [e for _, e in ranges])
    assert (index is not None) == sorted_disjoint
    if index is None:
        return
    for char in range(-2, 23):
        scan = next((k for k, (s, e) in enumerate(ranges) if s <= char < e), -1)
        assert index(char) == scan, char
