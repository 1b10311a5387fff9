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
        # the Kurdish spelling of Nowruz
        ("Guards fired on porters on Newroz.", "2025-03-26", "Newroz", "2025-03-21"),
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


@pytest.mark.parametrize(
    ("text", "published", "expr", "value"),
    [
        # Easter moves: each year's Sunday by the Gregorian / Julian computus
        ("Churches were attacked on Easter Sunday.", "2019-04-23", "Easter Sunday", "2019-04-21"),
        (
            "Pilgrims were turned back at Orthodox Easter.",
            "2024-05-07",
            "Orthodox Easter",
            "2024-05-05",
        ),
        ("Police raided the camp on Good Friday.", "2030-04-22", "Good Friday", "2030-04-19"),
    ],
)
def test_moveable_christian_feasts(parse, time_vocab, time_at, text, published, expr, value):
    t = time_at(find_times(parse(text, published), time_vocab), text, expr)
    assert t is not None and (t.value, t.precision) == (value, "day")


def test_national_holiday_is_not_dated_without_its_country(parse, time_vocab, time_at):
    text = "Marchers gathered on Independence Day."
    assert (
        time_at(find_times(parse(text, "2025-03-08"), time_vocab), text, "Independence Day") is None
    )


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        (
            "Ghanaian police arrested marchers in Accra on Independence Day.",
            "2025-03-08",
            "2025-03-06",
        ),
        (
            "Mexican police arrested marchers in Mexico City on Independence Day.",
            "2025-09-20",
            "2025-09-16",
        ),
        (
            "Ukrainian troops struck a Russian depot on Independence Day.",
            "2024-08-27",
            "2024-08-24",
        ),
    ],
)
def test_national_holiday_is_its_countrys_day(analyze, text, published, value):
    doc = analyze(text, published)
    assert doc.events and {(ev.date, ev.date_source) for ev in doc.events} == {(value, "text")}


def test_holiday_file_checks_the_country(tmp_path):
    path = tmp_path / "time_holidays.tsv"
    path.write_text("Independence Day\t\t03-06\tGhana\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Independence Day.*alpha-3"):
        load_holidays(path)


def test_national_holiday_days_by_country(tmp_path):
    path = tmp_path / "time_holidays.tsv"
    path.write_text(
        "Christmas Day\t\t12-25\nIndependence Day\t\t03-06\tGHA\nIndependence Day\t\t09-16\tMEX\n",
        encoding="utf-8",
    )
    table = load_holidays(path)
    assert table.days_of("Independence Day", "MEX") == ((9, 16, None),)
    assert table.days_of("Independence Day") == ()
    assert table.days_of("Christmas Day", "GHA") == ((12, 25, None),)
