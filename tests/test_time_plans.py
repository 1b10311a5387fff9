"""A present-tense plan verb puts the planned act ahead (twenty-fifth session): "opposition
parties plan a rally on Saturday" in a Wednesday report is the coming Saturday, as "will hold
a rally on Saturday" is; a plan told in the past ("planned a strike on Monday") keeps the
Monday before. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, day",
    [
        ("Opposition parties plan a rally in the capital on Saturday.", "2024-09-14"),
        ("The unions plan a general strike on Monday.", "2024-09-16"),
        ("The opposition will hold a rally on Saturday.", "2024-09-14"),
        ("The unions planned a strike on Monday.", "2024-09-09"),
    ],
)
def test_a_plan_is_dated_ahead(analyze, text, day):
    doc = analyze(text, published="2024-09-11")  # a Wednesday
    assert doc.events
    assert doc.events[0].date == day
