"""Holidays as dates (resolve/data/time_holidays.tsv); sentences written for these tests."""

from __future__ import annotations

import pytest

from newsevents.errors import ConfigError
from newsevents.resolve.time import find_times
from newsevents.resolve.time.holidays import load_holidays


@pytest.mark.parametrize(
    ("text", "published", "expr", "value"),
    [
        # past narration: the latest such day on or before publication
        (
            "Crowds stormed the gate on New Year's Eve.",
            "2020-01-04",
            "New Year's Eve",
            "2019-12-31",
        ),
        (
            "Crowds stormed the gate on New Year’s Eve.",
            "2020-01-04",
            "New Year’s Eve",
            "2019-12-31",
        ),
        (
            "Police detained forty men on Christmas Day.",
            "2021-12-27",
            "Christmas Day",
            "2021-12-25",
        ),
        # a plan: the next such day
        ("The union will strike on Christmas Eve.", "2021-12-01", "Christmas Eve", "2021-12-24"),
        # a moveable feast: that year's day; "Eid" is the nearest of both feasts
        ("Markets were bombed during Eid al-Fitr.", "2023-04-25", "Eid al-Fitr", "2023-04-21"),
        ("Markets were bombed during Eid.", "2024-06-20", "Eid", "2024-06-16"),
    ],
)
def test_holiday_is_its_day(parse, time_vocab, time_at, text, published, expr, value):
    t = time_at(find_times(parse(text, published), time_vocab), text, expr)
    assert t is not None and (t.value, t.precision) == (value, "day")


def test_holiday_without_publication_date_is_not_guessed(parse, time_vocab, time_at):
    text = "Crowds stormed the gate on New Year's Eve."
    assert time_at(find_times(parse(text, None), time_vocab), text, "New Year's Eve") is None


def test_holiday_dates_the_event(analyze):
    doc = analyze("Protesters stormed the embassy compound on New Year's Eve.", "2020-01-04")
    (ev,) = doc.events
    assert (ev.date, ev.date_source) == ("2019-12-31", "text")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("Founders Day\t\t13-45\n", ["Founders Day", "13-45"]),
        ("Founders Day\t\t\n", ["Founders Day", "no days"]),
    ],
)
def test_bad_holiday_file_names_the_holiday(tmp_path, content, words):
    path = tmp_path / "time_holidays.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_holidays(path)
    for word in words:
        assert word in str(err.value)
