"""Casualty and other figures of one merged event, kept as analysts keep them.

Every figure stays with its outlet, sentence and report date. Within one outlet a later
report supersedes the earlier figure of the same kind ("the toll rose to six"): both stay
visible, only the latest counts. Over the outlets' latest figures the event gets a range:
``low`` (the smallest), ``high`` (the largest) and ``best`` (the median, the lower middle
one for an even count) - like ACLED and UCDP a single best estimate with a range, and a
median so that one outlier outlet moves neither end of the agreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..model import Figure, FigureRange
from .features import Features


def _order(x: Features) -> tuple[str, str, int]:
    return (x.published or "", x.m.article_id, x.m.index)


def figure_ranges(members: Sequence[Features]) -> tuple[FigureRange, ...]:
    told: dict[str, list[tuple[Features, int, bool]]] = defaultdict(list)
    for x in sorted(members, key=_order):
        seen: set[str] = set()
        for q in x.m.quantities:
            if q.kind not in seen:  # one figure of a kind per mention
                seen.add(q.kind)
                told[q.kind].append((x, q.value, q.approximate))
    out = []
    for kind in sorted(told):
        rows = told[kind]
        latest: dict[str, int] = {}  # outlet -> index of its latest report
        for i, (x, _, _) in enumerate(rows):
            latest[x.outlet or x.m.article_id] = i
        current = sorted(rows[i][1] for i in latest.values())
        figures = tuple(
            Figure(
                kind=kind,
                value=value,
                approximate=approx,
                outlet=x.outlet or None,
                article_id=x.m.article_id,
                mention_id=x.m.id,
                sentence=x.m.sentence,
                reported=x.published,
                superseded=latest[x.outlet or x.m.article_id] != i,
            )
            for i, (x, value, approx) in enumerate(rows)
        )
        out.append(
            FigureRange(
                kind=kind,
                low=current[0],
                best=current[(len(current) - 1) // 2],
                high=current[-1],
                figures=figures,
            )
        )
    return tuple(out)
