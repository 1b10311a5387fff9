"""Temporal expressions: a table of sentences written for these tests, normalised against a
publication date by ``find_times``, and words that only look like dates."""

from __future__ import annotations

import pytest

from newsevents.resolve.time import find_times

# Publication dates used below (weekday in brackets):
FRI = "2020-01-03"  # Friday
WED = "2021-03-17"  # Wednesday
SUN = "2019-06-30"  # Sunday
MON = "2022-11-07"  # Monday
SAT = "2018-12-29"  # Saturday
TUE = "2023-02-28"  # Tuesday

# (sentence, published, expression, value, end, precision, part of day)
TABLE = [
    # --- bare weekdays: past narration, the publication weekday, future clauses
    ("Gunmen attacked a checkpoint on Monday.", FRI, "Monday", "2019-12-30", None, "day", None),
    (
        "Rebels shelled the town early on Friday morning.",
        FRI,
        "Friday",
        "2020-01-03",
        None,
        "day",
        "morning",
    ),
    ("The talks began Thursday evening.", FRI, "Thursday", "2020-01-02", None, "day", "evening"),
    # "overnight into Wednesday": the night that ends on that day, not the publication's
    (
        "Drones struck a fuel depot overnight into Wednesday.",
        FRI,
        "Wednesday",
        "2020-01-01",
        None,
        "day",
        None,
    ),
    ("Shells hit the port overnight on Tuesday.", FRI, "Tuesday", "2019-12-31", None, "day", None),
    (
        "Police arrested dozens of students on Tuesday.",
        WED,
        "Tuesday",
        "2021-03-16",
        None,
        "day",
        None,
    ),
    ("The minister resigned on Wednesday.", WED, "Wednesday", "2021-03-17", None, "day", None),
    ("The envoy will visit the capital on Friday.", WED, "Friday", "2021-03-19", None, "day", None),
    ("Unions plan to strike on Monday.", WED, "Monday", "2021-03-22", None, "day", None),
    ("Join the march on Saturday.", WED, "Saturday", "2021-03-20", None, "day", None),
    ("The court ruled last Friday.", MON, "Friday", "2022-11-04", None, "day", None),
    ("Voters go to the polls next Sunday.", MON, "Sunday", "2022-11-13", None, "day", None),
    ("Troops withdrew on Saturday night.", SUN, "Saturday", "2019-06-29", None, "day", "night"),
    ("The ceasefire collapsed on Sunday.", SUN, "Sunday", "2019-06-30", None, "day", None),
    ("The summit is set to open on Thursday.", MON, "Thursday", "2022-11-10", None, "day", None),
    (
        "Demonstrators marched through the city on Sunday afternoon.",
        SAT,
        "Sunday",
        "2018-12-23",
        None,
        "day",
        "afternoon",
    ),
    (
        "The cabinet is expected to respond on Tuesday.",
        TUE,
        "Tuesday",
        "2023-02-28",
        None,
        "day",
        None,
    ),
    ("Officials met on Wed. to discuss the budget.", TUE, "Wed.", "2023-02-22", None, "day", None),
    (
        "Fighting raged from Monday to Wednesday.",
        WED,
        "Monday",
        "2021-03-15",
        "2021-03-17",
        "day",
        None,
    ),
    ("The rebels will lay down arms this Friday.", WED, "Friday", "2021-03-19", None, "day", None),
    # --- a weekday given with a date fixes the year
    (
        "Protest at the parliament, Wednesday 8 January, 6.30pm.",
        FRI,
        "Wednesday",
        "2020-01-08",
        None,
        "day",
        "18:30",
    ),
    ("Rally, Saturday 11 January, 12 noon.", FRI, "Saturday", "2020-01-11", None, "day", "12:00"),
    ("The vote was held on Tuesday, December 31.", FRI, "Tuesday", "2019-12-31", None, "day", None),
    ("Delegates will gather on Monday 6 January.", FRI, "Monday", "2020-01-06", None, "day", None),
    (
        "The strike took place on Sunday 29 December.",
        FRI,
        "Sunday",
        "2019-12-29",
        None,
        "day",
        None,
    ),
    ("The trial opens on Thursday, March 25.", WED, "Thursday", "2021-03-25", None, "day", None),
    ("Strikes resumed on Friday, Feb. 24.", TUE, "Friday", "2023-02-24", None, "day", None),
    (
        "Demonstrate outside the ministry on Wednesday 8 January.",
        FRI,
        "Wednesday",
        "2020-01-08",
        None,
        "day",
        None,
    ),
    (
        "Unions called for a general strike on Thursday 9 January.",
        FRI,
        "Thursday",
        "2020-01-09",
        None,
        "day",
        None,
    ),
    (
        "The paper went to press on Saturday 4 January 2020.",
        None,
        "Saturday",
        "2020-01-04",
        None,
        "day",
        None,
    ),
    # --- dates without a year: the nearest one in the clause's direction
    ("Rockets hit the base on December 27.", FRI, "December", "2019-12-27", None, "day", None),
    ("The embassy was attacked on 31 December.", FRI, "December", "2019-12-31", None, "day", None),
    ("He flew home on Jan. 2.", FRI, "Jan.", "2020-01-02", None, "day", None),
    ("Elections will be held on January 20.", FRI, "January", "2020-01-20", None, "day", None),
    ("The treaty expires on 1 March.", FRI, "March", "2020-03-01", None, "day", None),
    ("The blockade began on June 5.", WED, "June", "2020-06-05", None, "day", None),
    ("The law takes effect on April 1.", WED, "April", "2021-04-01", None, "day", None),
    ("Negotiators met on the 14th of March.", WED, "March", "2021-03-14", None, "day", None),
    ("Fighting broke out on Nov. 30.", SAT, "Nov.", "2018-11-30", None, "day", None),
    ("The new parliament will convene on Jan. 8.", SAT, "Jan.", "2019-01-08", None, "day", None),
    ("Clashes erupted on 2 July.", SUN, "July", "2018-07-02", None, "day", None),
    ("The mission ends on 2 July.", SUN, "July", "2019-07-02", None, "day", None),
    ("Storms hit the coast on 27-29 December.", FRI, "27", "2019-12-27", "2019-12-29", "day", None),
    ("The festival runs December 27-29.", SAT, "December", "2018-12-27", "2018-12-29", "day", None),
    (
        "Talks were held between 3 and 5 January.",
        FRI,
        "January",
        "2020-01-03",
        "2020-01-05",
        "day",
        None,
    ),
    # --- absolute dates, years, decades, ranges
    ("The accord was signed on 3 January 2020.", None, "January", "2020-01-03", None, "day", None),
    ("The deal was signed on January 3, 2020.", MON, "January", "2020-01-03", None, "day", None),
    ("The city fell in March 2015.", None, "March", "2015-03", None, "month", None),
    ("Sanctions were imposed in 2018.", None, "2018", "2018", None, "year", None),
    ("The group was founded in 2003.", FRI, "2003", "2003", None, "year", None),
    ("Since 2018, inflation has doubled.", FRI, "2018", "2018", "2020", "year", None),
    ("Since 2018 inflation has doubled.", None, "2018", "2018", None, "year", None),
    ("The war lasted from 1992 to 1995.", None, "1992", "1992", "1995", "year", None),
    (
        "Between 2014 and 2017 the militia held the city.",
        None,
        "2014",
        "2014",
        "2017",
        "year",
        None,
    ),
    ("Talks ran from 3 to 5 March 2019.", None, "March", "2019-03-03", "2019-03-05", "day", None),
    ("The country industrialised in the 1990s.", None, "1990s", "1990", "1999", "year", None),
    ("Power cuts were common in early 2019.", WED, "2019", "2019", None, "year", None),
    ("The army took the town in mid-2017.", WED, "2017", "2017", None, "year", None),
    ("The 2015-2018 drought ruined farmers.", WED, "2015", "2015", "2018", "year", None),
    (
        "Since March 2011 the war has killed thousands.",
        WED,
        "March",
        "2011-03",
        "2021-03",
        "month",
        None,
    ),
    ("Talks collapsed in the summer of 2014.", None, "summer", "2014-06", "2014-08", "month", None),
    # --- months without a year
    ("Prices rose in May.", WED, "May", "2020-05", None, "month", None),
    ("Elections are due in October.", WED, "October", "2021-10", None, "month", None),
    ("The ruling came last December.", WED, "December", "2020-12", None, "month", None),
    ("Exports will resume next March.", WED, "March", "2022-03", None, "month", None),
    ("The offensive started in late December.", FRI, "December", "2019-12", None, "month", None),
    ("The siege was lifted in early January.", FRI, "January", "2020-01", None, "month", None),
    # --- relative days
    ("The rally took place yesterday.", WED, "yesterday", "2021-03-16", None, "day", None),
    ("Parliament votes tomorrow.", WED, "tomorrow", "2021-03-18", None, "day", None),
    ("The president spoke today.", WED, "today", "2021-03-17", None, "day", None),
    ("Shells fell on the city last night.", WED, "last night", "2021-03-16", None, "day", "night"),
    (
        "Troops left the base yesterday morning.",
        WED,
        "yesterday",
        "2021-03-16",
        None,
        "day",
        "morning",
    ),
    (
        "Riot police cleared the square this morning.",
        WED,
        "morning",
        "2021-03-17",
        None,
        "day",
        "morning",
    ),
    ("Ministers will meet tonight.", WED, "tonight", "2021-03-17", None, "day", "night"),
    (
        "The pact was agreed the day before yesterday.",
        WED,
        "day before",
        "2021-03-15",
        None,
        "day",
        None,
    ),
    # --- offsets, relative units
    (
        "The strike happened two weeks ago.",
        FRI,
        "weeks ago",
        "2019-12-16",
        "2019-12-22",
        "week",
        None,
    ),
    ("The minister resigned three days ago.", MON, "days ago", "2022-11-04", None, "day", None),
    ("The deal collapsed a year ago.", MON, "year ago", "2021", None, "year", None),
    ("The siege began six months ago.", MON, "months ago", "2022-05", None, "month", None),
    ("The company was founded a decade ago.", MON, "decade ago", "2012", None, "year", None),
    ("The rebels took the town 10 days ago.", MON, "10 days", "2022-10-28", None, "day", None),
    ("Unemployment fell last year.", FRI, "last year", "2019", None, "year", None),
    ("Fighting intensified last month.", FRI, "last month", "2019-12", None, "month", None),
    (
        "The mayor was arrested earlier this month.",
        WED,
        "this month",
        "2021-03",
        None,
        "month",
        None,
    ),
    ("Talks resumed this week.", WED, "this week", "2021-03-15", "2021-03-21", "week", None),
    ("The envoy returns next week.", WED, "next week", "2021-03-22", "2021-03-28", "week", None),
    ("Protests spread last week.", WED, "last week", "2021-03-08", "2021-03-14", "week", None),
    ("Inflation will peak later this year.", WED, "this year", "2021", None, "year", None),
    ("Elections take place next month.", MON, "next month", "2022-12", None, "month", None),
    ("Reforms are planned for early next year.", WED, "next year", "2022", None, "year", None),
    (
        "Aid arrived three days into the new year.",
        FRI,
        "three days",
        "2020-01-03",
        None,
        "day",
        None,
    ),
    (
        "The ceasefire broke down two weeks into January.",
        WED,
        "two weeks",
        "2021-01-11",
        "2021-01-17",
        "week",
        None,
    ),
    (
        "Fighting has raged over the past two weeks.",
        WED,
        "past two weeks",
        "2021-03-03",
        "2021-03-17",
        "day",
        None,
    ),
    (
        "The currency lost half its value over the past three months.",
        WED,
        "three months",
        "2020-12",
        "2021-03",
        "month",
        None,
    ),
    (
        "The regime has jailed hundreds over the past two years.",
        WED,
        "two years",
        "2019",
        "2021",
        "year",
        None,
    ),
    # --- weekends and seasons
    (
        "Militias struck five targets over the weekend.",
        FRI,
        "weekend",
        "2019-12-28",
        "2019-12-29",
        "day",
        None,
    ),
    ("Fans celebrated over the weekend.", MON, "weekend", "2022-11-05", "2022-11-06", "day", None),
    ("The festival opens this weekend.", WED, "weekend", "2021-03-20", "2021-03-21", "day", None),
    ("Strikers will march next weekend.", SAT, "weekend", "2019-01-05", "2019-01-06", "day", None),
    ("Crowds gathered last weekend.", WED, "weekend", "2021-03-13", "2021-03-14", "day", None),
    ("Rains flooded the valley last summer.", WED, "summer", "2020-06", "2020-08", "month", None),
    (
        "The offensive is planned for the spring.",
        TUE,
        "spring",
        "2023-03",
        "2023-05",
        "month",
        None,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "published", "expr", "value", "end", "precision", "pod"), TABLE
)
def test_expression_table(
    parse, time_vocab, time_at, sentence, published, expr, value, end, precision, pod
):
    doc = parse(sentence, published)
    found = time_at(find_times(doc, time_vocab), sentence, expr)
    assert found is not None, f"no expression found at {expr!r}"
    assert (found.value, found.end, found.precision, found.part_of_day) == (
        value,
        end,
        precision,
        pod,
    )


def test_table_size():
    assert len(TABLE) >= 80


# Expressions that must NOT come out: relative ones without a publication date, and words
# that only look like dates.
ABSENT = [
    ("Gunmen attacked a convoy on Monday.", None, "Monday"),
    ("The mayor resigned yesterday.", None, "yesterday"),
    ("Rockets hit the base on December 27.", None, "December"),
    ("Rally on Saturday 11 January.", None, "Saturday"),
    ("The plan may fail, officials warned.", FRI, "may"),
    ("Some 400 troops and 2000 police were deployed.", FRI, "2000"),
    ("March on the capital, the leaders said.", FRI, "March"),
    ("The next day, troops withdrew.", FRI, "next day"),
    ("The suspect, 25, was arrested with 1500 dollars.", FRI, "1500"),
]


@pytest.mark.parametrize(("sentence", "published", "expr"), ABSENT)
def test_not_an_expression(parse, time_vocab, time_at, sentence, published, expr):
    doc = parse(sentence, published)
    assert time_at(find_times(doc, time_vocab), sentence, expr) is None


def test_spans_point_into_text(parse, time_vocab, time_at):
    text = "Troops stormed the compound early on Friday morning, three days into the new year."
    times = find_times(parse(text, FRI), time_vocab)
    assert [t.span.of(text) for t in times] == [
        "early on Friday morning",
        "three days into the new year",
    ]
