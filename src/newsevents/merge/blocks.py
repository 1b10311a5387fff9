"""The candidate index of the event clustering (blocking, as in record linkage).

A mention may only join an event of its own type group and factuality class whose dates lie
in the weeks its own date covers, and, of those, only one of its own story or one sharing a
side (an actor or recipient code) or its place (see :mod:`.cluster`). Scanning every event
of the weeks and then filtering costs events-per-week per mention: quadratic in the density
of the news. This index keys each event by (type group, factuality class, week) and, inside
a week, by each *slot* a candidate can share: its stories, actor codes, recipient codes and
place keys. A look-up returns a superset of the candidates the filter keeps (an event's
place key can change as members join; its old key stays indexed), and the caller applies the
exact filter, so the result is the one the full scan gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the clusters index themselves; the import would be circular
    from .cluster import Cluster
    from .features import Features

#: what a candidate may share with a mention: story, actor code, recipient code, place key
SlotKind = Literal["s", "a", "r", "p"]
Slot = tuple[SlotKind, str | None]
Block = tuple[str, str]  # (type group, factuality class)

WEEK = 7


def slots(x: Features) -> Iterator[Slot]:
    """The slots a mention shares with any event it may join from another story."""
    yield ("s", x.story)
    for code in x.actor.codes:
        yield ("a", code)
    for code in x.recipient.codes:
        yield ("r", code)
    if x.place_key:
        yield ("p", x.place_key)


class BlockIndex:
    """Dated events by block, week and slot; undated events by block and story."""

    def __init__(self) -> None:
        self._weeks: dict[Block, dict[int, dict[Slot, dict[int, Cluster]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(dict))
        )
        self._span: dict[int, tuple[int, int]] = {}  # event idx -> weeks it is filed under
        self._story: dict[tuple[str, str, str | None], dict[int, Cluster]] = defaultdict(dict)
        self._undated: dict[tuple[str, str, str | None], dict[int, Cluster]] = defaultdict(dict)

    def file(self, c: Cluster, x: Features) -> None:
        """A new event ``c`` seeded by ``x``: filed under the weeks of the seed's dates
        (fixed from then on) and under the seed's story (as undated while it has no date)."""
        if x.iv is not None:
            self._span[c.idx] = (x.iv[0] // WEEK, x.iv[1] // WEEK)
        self._story[(c.group, c.fclass, x.story)][c.idx] = c
        if c.iv is None:
            self._undated[(c.group, c.fclass, x.story)][c.idx] = c
        self.joined(c, x)

    def joined(self, c: Cluster, x: Features) -> None:
        """``x`` joined ``c``: ``c`` becomes reachable by ``x``'s slots too."""
        if c.iv is not None:
            self._undated[(c.group, c.fclass, c.members[0].story)].pop(c.idx, None)
        span = self._span.get(c.idx)
        if span is None:
            return
        weeks = self._weeks[(c.group, c.fclass)]
        keys = list(slots(x))
        for w in range(span[0], span[1] + 1):
            week = weeks[w]
            for k in keys:
                week[k][c.idx] = c

    def dated(self, block: Block, lo: int, hi: int, x: Features) -> Iterable[Cluster]:
        """Events filed in the weeks of days ``lo..hi`` sharing a slot with ``x`` (a
        superset of those the clustering may join ``x`` to; each event once)."""
        weeks = self._weeks.get(block)
        if not weeks:
            return ()
        keys = list(slots(x))
        out: dict[int, Cluster] = {}
        for w in range(lo // WEEK, hi // WEEK + 1):
            week = weeks.get(w)
            if not week:
                continue
            for k in keys:
                got = week.get(k)
                if got:
                    out.update(got)
        return out.values()

    def of_story(self, block: Block, story: str | None) -> Iterable[Cluster]:
        """Every event seeded in ``story``."""
        return self._story.get((*block, story), {}).values()

    def undated_of_story(self, block: Block, story: str | None) -> Iterable[Cluster]:
        """The events seeded in ``story`` that have no date yet."""
        return self._undated.get((*block, story), {}).values()
