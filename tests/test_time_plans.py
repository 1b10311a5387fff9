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


@pytest.mark.parametrize(
    "text, day, source",
    [
        # the day told after the act asked for is that act's: the call keeps the report's day
        (
            "Opposition leaders urged supporters to march in the capital on Saturday.",
            "2024-09-11",
            "publication",
        ),
        ("The union called for a general strike on Monday.", "2024-09-11", "publication"),
        (
            "The president asked parliament to approve the budget by Friday.",
            "2024-09-11",
            "publication",
        ),
        # told before it, the day is the call's own
        ("The union called on Sunday for a general strike.", "2024-09-08", "text"),
        (
            "The regional bloc on Tuesday urged both governments to show restraint.",
            "2024-09-10",
            "text",
        ),
    ],
)
def test_a_call_is_not_dated_by_the_day_it_asks_for(analyze, text, day, source):
    doc = analyze(text, published="2024-09-11")  # a Wednesday
    calls = [e for e in doc.events if e.event == "REQUEST"]
    assert calls, [(e.event, e.rule) for e in doc.events]
    assert (calls[0].date, calls[0].date_source) == (day, source)
