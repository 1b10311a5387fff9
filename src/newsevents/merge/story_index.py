"""The open stories' vectors by term, for the cosine of each new article against all of them.

Why not a plain inverted index: in dense news (a GDELT week, or the generated million
mentions) a few thousand stories are open at once, and the words an article uses (a
country's name, "forces", the topic words a long story has gathered) are each held by
hundreds of them, so summing over postings costs articles x open stories in Python. Here a
term held by ``DENSE_AT`` or more open stories becomes a column of weights (one float per
open story slot, numpy), and an article's dot products with every open story are a few
vector additions; the terms few stories hold stay in dicts (a small corpus never has a
column, and its sums are those of the plain inverted index, term by term in the article's
order). Column terms are summed first, then the dict terms: the same products, added in
another order (a difference in the last bit of a float, at most).

Slots of closed stories are reused, so the columns are as long as the most stories ever
open at once.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


class StoryIndex:
    """Open stories (by their index in creation order) and their term weights."""

    #: a term held by this many open stories becomes a column
    DENSE_AT = 48

    def __init__(self, dense_at: int = DENSE_AT) -> None:
        self.dense_at = dense_at
        self.slot_of: dict[int, int] = {}  # story -> slot
        self.story_at: list[int] = []  # slot -> story (-1: free)
        self.free: list[int] = []
        self.norms: Floats = np.zeros(0)  # per slot; inf when empty or free (a cosine of 0)
        self.sparse: dict[str, dict[int, float]] = {}  # term -> slot -> weight
        self.columns: dict[str, Floats] = {}  # term -> weight per slot
        self.held: dict[str, int] = {}  # term -> open stories holding it (columns only)

    def __contains__(self, story: int) -> bool:
        return story in self.slot_of

    def __len__(self) -> int:
        return len(self.slot_of)

    # --- changes ------------------------------------------------------------------------

    def add(self, story: int, vector: Mapping[str, float], norm: float) -> None:
        """Open a story (a new one, or a closed one again) with its whole vector."""
        if not self.free:
            self._grow()
        slot = self.free.pop()
        self.slot_of[story] = slot
        self.story_at[slot] = story
        self._set(slot, vector, vector)
        self.norms[slot] = norm or np.inf

    def update(
        self, story: int, changed: Mapping[str, float], vector: Mapping[str, float], norm: float
    ) -> None:
        """The story's weights of the ``changed`` terms are now those of ``vector``."""
        slot = self.slot_of[story]
        self._set(slot, changed, vector)
        self.norms[slot] = norm or np.inf

    def remove(self, story: int, vector: Mapping[str, float]) -> None:
        """Close a story (``vector``: its terms)."""
        slot = self.slot_of.pop(story)
        self.story_at[slot] = -1
        self.free.append(slot)
        self.norms[slot] = np.inf
        for t in vector:
            col = self.columns.get(t)
            if col is None:
                got = self.sparse.get(t)
                if got is not None:
                    got.pop(slot, None)
                    if not got:
                        del self.sparse[t]
                continue
            col[slot] = 0.0
            self.held[t] -= 1
            if self.held[t] < self.dense_at // 4:  # back to a dict (weights are > 0)
                del self.columns[t], self.held[t]
                self.sparse[t] = {int(s): float(col[s]) for s in np.flatnonzero(col)}

    def sparse_only(self) -> None:
        """Every column back to a dict (before every story ever made becomes a candidate:
        columns that long would not pay)."""
        self.dense_at = 1 << 62
        for t, col in self.columns.items():
            self.sparse[t] = {int(s): float(col[s]) for s in np.flatnonzero(col)}
        self.columns.clear()
        self.held.clear()

    def _set(self, slot: int, terms: Mapping[str, float], vector: Mapping[str, float]) -> None:
        for t in terms:
            w = vector[t]
            col = self.columns.get(t)
            if col is not None:
                if col[slot] == 0.0:
                    self.held[t] += 1
                col[slot] = w
                continue
            got = self.sparse.get(t)
            if got is None:
                got = self.sparse[t] = {}
            got[slot] = w
            if len(got) >= self.dense_at:
                col = np.zeros(len(self.story_at))
                for s, x in got.items():
                    col[s] = x
                self.columns[t] = col
                self.held[t] = len(got)
                del self.sparse[t]

    def _grow(self) -> None:
        old = len(self.story_at)
        new = max(64, 2 * old)
        self.story_at.extend([-1] * (new - old))
        self.free.extend(range(new - 1, old - 1, -1))  # the lowest slot first
        self.norms = np.concatenate([self.norms, np.full(new - old, np.inf)])
        for t, col in self.columns.items():
            self.columns[t] = np.concatenate([col, np.zeros(new - old)])

    # --- the look-up --------------------------------------------------------------------

    def best(self, vec: Mapping[str, float], threshold: float) -> int | None:
        """The open story with the highest cosine with the unit vector ``vec`` when it reaches
        ``threshold`` (the first created of equal ones), else None."""
        if not self.slot_of:
            return None
        acc: Floats | None = None
        tmp: Floats = np.empty(0)
        extra: dict[int, float] = {}
        for t, v in vec.items():
            col = self.columns.get(t)
            if col is not None:
                if acc is None:
                    acc = v * col
                    tmp = np.empty_like(acc)
                else:  # acc + v * col, in place (the same products and sums)
                    np.multiply(col, v, out=tmp)
                    np.add(acc, tmp, out=acc)
                continue
            got = self.sparse.get(t)
            if got:
                for slot, w in got.items():
                    extra[slot] = extra.get(slot, 0.0) + v * w
        if acc is None:  # dicts only: scalar sums, as a plain inverted index makes them
            top, found = threshold, None
            for slot, dot in extra.items():
                sim = dot / self.norms[slot]
                story = self.story_at[slot]
                if sim > top or (sim == top and (found is None or story < found)):
                    top, found = sim, story
            if found is None and threshold <= 0.0:
                return min(self.slot_of)  # no shared term is still a cosine of 0
            return found
        for slot, dot in extra.items():
            acc[slot] += dot
        sims = acc / self.norms
        if threshold <= 0.0:
            sims[[s for s, x in enumerate(self.story_at) if x < 0]] = -1.0
        top = float(sims.max())
        if top < threshold:
            return None
        return min(self.story_at[int(s)] for s in np.flatnonzero(sims == top))
