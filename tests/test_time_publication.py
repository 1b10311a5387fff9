"""Publication-date inference (``infer_publication``) on short texts written for these tests."""

from __future__ import annotations

import pytest

from newsevents.resolve.time import find_times, infer_publication


def test_infer_publication_from_weekday_and_date(parse, time_vocab):
    text = (
        "The strike was carried out on 2 January 2020. "
        "Critics will hold a public meeting on Wednesday 8 January."
    )
    got = infer_publication(parse(text, None), time_vocab)
    assert got is not None
    value, confidence = got
    assert value == "2020-01-02"
    assert 0.5 <= confidence <= 1


def test_infer_publication_weekday_fixes_year(parse, time_vocab):
    # no full date at all: the weekday + date pair picks the year after the latest year named
    text = "Tensions have grown since 2018. Protesters marched on Sunday 29 December."
    got = infer_publication(parse(text, None), time_vocab)
    assert got is not None and got[0] == "2019-12-29"


# articles whose only full dates are upcoming ones (calls to action): the publication lies
# before them, on the lead's past weekday; past weekdays then resolve before it
CALL_TO_ACTION = [
    (
        "Tensions have risen since 2018. Police shot two students early on Tuesday morning. "
        "Their deaths come after troops killed nine marchers on Saturday. "
        "Get involved: Rally, No to the crackdown, Thursday 14 March, 5pm, Town Hall, Leeds. "
        "March, Justice for the students, Saturday 16 March, 1pm, Victoria Square, Leeds.",
        "2019-03-12",  # the Tuesday before Thursday 14 March 2019
        "Saturday",
        "2019-03-09",
    ),
    (
        "The union has campaigned since 2017. Guards beat a striker on Monday night. "
        "Managers locked out the workforce on Friday. "
        "Join the picket: Wednesday 25 November, 7am, main gate.",
        "2020-11-23",  # Monday 23 November, before Wednesday 25 November 2020
        "Friday",
        "2020-11-20",
    ),
]


@pytest.mark.parametrize(("text", "published", "weekday", "weekday_date"), CALL_TO_ACTION)
def test_infer_publication_before_calls_to_action(
    parse, time_vocab, time_at, text, published, weekday, weekday_date
):
    got = infer_publication(parse(text, None), time_vocab)
    assert got is not None
    value, confidence = got
    assert value == published
    assert confidence <= 0.6  # a window, not a dateline
    times = find_times(parse(text, value), time_vocab)
    found = time_at(times, text, weekday)
    assert found is not None and found.value == weekday_date


def test_infer_publication_only_plan_is_day_before(parse, time_vocab):
    text = "Activists have protested since 2017. Join the vigil on Sunday 6 October, 8pm."
    got = infer_publication(parse(text, None), time_vocab)
    assert got == ("2019-10-05", 0.2)


def test_infer_publication_none_without_dates(parse, time_vocab):
    assert infer_publication(parse("Protesters marched on Sunday.", None), time_vocab) is None
