"""Casualty figures per outlet and report date: updates supersede, low/best/high per event."""

from __future__ import annotations

import pytest

from builders import art, men
from newsevents.merge import merge

PLACE = ("Port Vela", "SYL", "city")
FRE = ("Freedonian forces", "FRE")


def _strike(aid: str, outlet: str, published: str, killed: int):
    a = art(aid, outlet, published, f"Freedonian forces bombed Port Vela, killing {killed}.")
    m = men(a, 0, "Freedonian forces bombed", "bombed", actor=(FRE,), date="2021-03-05",
            place=PLACE, killed=killed)  # fmt: skip
    return a, m


@pytest.mark.parametrize(
    ("reports", "low", "best", "high", "superseded"),
    [
        # one outlet raises its toll two days later: the update counts, the first stays visible
        ([("h1", "Harbor Daily", "2021-03-05", 4), ("h2", "Harbor Daily", "2021-03-07", 5)],
         5, 5, 5, {"h1:0"}),
        # two outlets disagree, one of them later raises its toll: range over latest figures
        ([("h1", "Harbor Daily", "2021-03-05", 3), ("w1", "Continental Wire", "2021-03-05", 4),
          ("w2", "Continental Wire", "2021-03-07", 6)], 3, 3, 6, {"w1:0"}),
        # three outlets: the median is best, one outlier moves only the high end
        ([("h1", "Harbor Daily", "2021-03-06", 12), ("w1", "Continental Wire", "2021-03-06", 12),
          ("l1", "Morning Ledger", "2021-03-06", 15)], 12, 12, 15, set()),
    ],
)  # fmt: skip
def test_figures_low_best_high_and_updates(reports, low, best, high, superseded) -> None:
    built = [_strike(*r) for r in reports]
    res = merge([a for a, _ in built], [m for _, m in built])
    (event,) = res.events
    (r,) = event.figures
    assert (r.kind, r.low, r.best, r.high) == ("killed", low, best, high)
    assert {f.mention_id for f in r.figures if f.superseded} == superseded
    assert len(r.figures) == len(reports)  # every figure stays visible
    assert all(f.reported and f.sentence for f in r.figures)
    assert [q.value for q in event.quantities] == [best]  # the headline is the best estimate
    assert r.disputed is (low != high)
    # a disagreement is between outlets' current figures, not one outlet's update
    assert ("killed" in {d.field for d in event.discrepancies}) is (low != high)
