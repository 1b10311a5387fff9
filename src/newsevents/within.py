"""Which of an article's annotations lie inside a character range, without a scan per question.

The resolvers ask, for each event, which place names, times or sentences fall inside the
event's sentence; a scan of the whole article per event makes an article's cost grow with the
square of its length. :class:`Within` sorts the ranges once and answers each question with a
binary search, giving the items in their own order (the order a scan would have met them),
so every answer is the scan's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Within(Generic[T]):
    """``items`` with their ``(start, end)`` character ranges (``start <= end``), asked for
    those inside ``[start, end]`` or starting in ``[start, end)``, in the order of ``items``."""

    def __init__(self, items: Sequence[T], bounds: Callable[[T], tuple[int, int]]) -> None:
        self.items = list(items)
        self._bounds = [bounds(x) for x in self.items]
        self._order = sorted(range(len(self.items)), key=lambda k: self._bounds[k][0])
        self._starts = [self._bounds[k][0] for k in self._order]
        self._inside: dict[tuple[int, int], list[T]] = {}

    def _starting(self, start: int, end: int, closed: bool) -> list[int]:
        """Positions in ``items`` (ascending) of the items starting in the range."""
        lo = bisect_left(self._starts, start)
        hi = (bisect_right if closed else bisect_left)(self._starts, end)
        return sorted(self._order[lo:hi])

    def inside(self, start: int, end: int) -> list[T]:
        """The items wholly inside ``[start, end]`` (``start <= s and e <= end``); the list is
        kept for the next question about the same range: do not change it."""
        key = (start, end)
        found = self._inside.get(key)
        if found is None:
            bounds = self._bounds
            found = self._inside[key] = [
                self.items[k] for k in self._starting(start, end, True) if bounds[k][1] <= end
            ]
        return found

    def starting_in(self, start: int, end: int) -> list[T]:
        """The items whose start lies in ``[start, end)``."""
        return [self.items[k] for k in self._starting(start, end, False)]


def containing(starts: Sequence[int], ends: Sequence[int]) -> Callable[[int], int] | None:
    """For sorted, non-overlapping ranges: a function giving the index of the range that
    contains a character (``start <= char < end``), or -1; None when the ranges are not
    sorted and disjoint (the caller then scans)."""
    for k in range(1, len(starts)):
        if starts[k] < ends[k - 1] or starts[k] < starts[k - 1]:
            return None

    def index(char: int) -> int:
        k = bisect_right(starts, char) - 1
        return k if k >= 0 and char < ends[k] else -1

    return index
