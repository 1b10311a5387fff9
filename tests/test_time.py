"""Temporal expressions: a table of sentences written for these tests, normalised against a
publication date, plus event dating on short articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ConfigError
from newsevents.model import Article, Document, EventMention, Span, TimeExpression
from newsevents.nlp import annotate
from newsevents.resolve import time as rtime
from newsevents.resolve.time import find_times, infer_publication, load_vocab, resolve_dates

# Publication dates used below (weekday in brackets):
FRI = "2020-01-03"  # Friday
WED = "2021-03-17"  # Wednesday
SUN = "2019-06-30"  # Sunday
MON = "2022-11-07"  # Monday
SAT = "2018-12-29"  # Saturday
TUE = "2023-02-28"  # Tuesday


def _doc(nlp, text: str, published: str | None) -> Document:
    article = Article(id="t", source="test", format="txt", text=text, published=published)
    return annotate(article, nlp(text))


def _find(times: list[TimeExpression], text: str, expr: str) -> TimeExpression | None:
    start = text.index(expr)
    end = start + len(expr)
    hits = [t for t in times if t.span.start < end and start < t.span.end]
    return hits[0] if hits else None


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
def test_expression_table(nlp, sentence, published, expr, value, end, precision, pod):
    doc = _doc(nlp, sentence, published)
    found = _find(find_times(doc), sentence, expr)
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
def test_not_an_expression(nlp, sentence, published, expr):
    doc = _doc(nlp, sentence, published)
    assert _find(find_times(doc), sentence, expr) is None


def test_spans_point_into_text(nlp):
    text = "Troops stormed the compound early on Friday morning, three days into the new year."
    times = find_times(_doc(nlp, text, FRI))
    assert [t.span.of(text) for t in times] == [
        "early on Friday morning",
        "three days into the new year",
    ]


# --- publication date inference


def test_infer_publication_from_weekday_and_date(nlp):
    text = (
        "The strike was carried out on 2 January 2020. "
        "Critics will hold a public meeting on Wednesday 8 January."
    )
    got = infer_publication(_doc(nlp, text, None))
    assert got is not None
    value, confidence = got
    assert value == "2020-01-02"
    assert 0.5 <= confidence <= 1


def test_infer_publication_weekday_fixes_year(nlp):
    # no full date at all: the weekday + date pair picks the year after the latest year named
    text = "Tensions have grown since 2018. Protesters marched on Sunday 29 December."
    got = infer_publication(_doc(nlp, text, None))
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
def test_infer_publication_before_calls_to_action(nlp, text, published, weekday, weekday_date):
    got = infer_publication(_doc(nlp, text, None))
    assert got is not None
    value, confidence = got
    assert value == published
    assert confidence <= 0.6  # a window, not a dateline
    times = find_times(_doc(nlp, text, value))
    found = _find(times, text, weekday)
    assert found is not None and found.value == weekday_date


def test_infer_publication_only_plan_is_day_before(nlp):
    text = "Activists have protested since 2017. Join the vigil on Sunday 6 October, 8pm."
    got = infer_publication(_doc(nlp, text, None))
    assert got == ("2019-10-05", 0.2)


def test_infer_publication_none_without_dates(nlp):
    assert infer_publication(_doc(nlp, "Protesters marched on Sunday.", None)) is None


# --- vocabulary file shape check


def test_vocab_shape_error(tmp_path: Path):
    bad = tmp_path / "v.yaml"
    bad.write_text("weekdays: {Monday: 9}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_vocab(bad)


def test_vocab_loads():
    v = rtime.vocab()
    assert v.weekdays["Friday"] == 4 and v.months["Dec."] == 12


# --- dating events


def _event(doc: Document, trigger: str, index: int = 0, occurrence: int = 0) -> EventMention:
    text = doc.article.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    span = Span(start, start + len(trigger))
    sentence = doc.sentence_of(span)
    assert sentence is not None
    return EventMention(
        article_id="t",
        index=index,
        sentence=sentence,
        trigger=span,
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
    )


def _dated(nlp, text, published, triggers):
    doc = _doc(nlp, text, published)
    events = [_event(doc, t, i) for i, t in enumerate(triggers)]
    return resolve_dates(doc, events, find_times(doc)), doc


def test_event_takes_attached_expression(nlp):
    text = (
        "Rebels shelled the northern town on Monday, a week after the army bombed "
        "their camp on December 20."
    )
    evs, _ = _dated(nlp, text, FRI, ["shelled", "bombed"])
    assert evs[0].date == "2019-12-30" and evs[0].date_source == "text"
    assert evs[1].date == "2019-12-20"


def test_nominal_trigger_takes_clause_time(nlp):
    text = "The attack on the convoy came on Tuesday."
    evs, _ = _dated(nlp, text, FRI, ["attack"])
    assert evs[0].date == "2019-12-31"
    assert evs[0].time is not None and evs[0].time.of(text) == "Tuesday"


def test_event_falls_back_to_publication(nlp):
    text = "Militants ambushed a patrol near the border. Two soldiers died on Sunday."
    evs, _ = _dated(nlp, text, WED, ["ambushed", "died"])
    assert (evs[0].date, evs[0].date_source, evs[0].date_precision) == (
        WED,
        "publication",
        "day",
    )
    assert evs[1].date == "2021-03-14" and evs[1].date_source == "text"


def test_range_goes_to_date_end(nlp):
    text = "Jets struck militia depots in the valley over the weekend."
    evs, _ = _dated(nlp, text, FRI, ["struck"])
    assert (evs[0].date, evs[0].date_end) == ("2019-12-28", "2019-12-29")


def test_time_claimed_by_other_event_not_borrowed(nlp):
    text = "The funerals follow the raids that killed nine people on Sunday."
    evs, _ = _dated(nlp, text, WED, ["killed", "funerals"])
    assert evs[0].date == "2021-03-14"
    assert evs[1].date_source == "publication"


def test_future_call_to_action_in_future(nlp):
    text = (
        "Soldiers opened fire on marchers on Monday. "
        "Organisers urge supporters to protest outside the ministry on Friday 10 January."
    )
    evs, _ = _dated(nlp, text, FRI, ["opened fire", "protest"])
    assert evs[0].date == "2019-12-30"
    assert evs[1].date == "2020-01-10"


def test_no_publication_no_date(nlp):
    text = "Rebels shelled the town on Monday."
    evs, _ = _dated(nlp, text, None, ["shelled"])
    assert evs[0].date is None and evs[0].date_source is None


def test_participle_clause_shares_time(nlp):
    text = "So the army retaliated, striking five militia depots over the weekend."
    evs, _ = _dated(nlp, text, FRI, ["retaliated", "striking"])
    assert [(e.date, e.date_end) for e in evs] == [("2019-12-28", "2019-12-29")] * 2


# (text, trigger, value, end): the elaborating clause's time dates the main verb whatever
# shape the parse gives it, even when the participle is not itself an event trigger
ELABORATION = [
    (
        "And so the army retaliated, striking five militia depots in the north over the weekend.",
        "retaliated",
        "2019-12-28",
        "2019-12-29",
    ),
    (
        "So it retaliated, hitting five of the group's bases in the north over the weekend.",
        "retaliated",
        "2019-12-28",
        "2019-12-29",
    ),
    ("The air force struck back, hitting the camps on Sunday.", "struck", "2019-12-29", None),
]


@pytest.mark.parametrize(("text", "trigger", "value", "end"), ELABORATION)
def test_elaborating_clause_dates_main_verb(nlp, text, trigger, value, end):
    evs, _ = _dated(nlp, text, FRI, [trigger])
    assert (evs[0].date, evs[0].date_end, evs[0].date_source) == (value, end, "text")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police said that gunmen killed two guards on Sunday.", "said"),
        ("Troops withdrew after rebels attacked them on Sunday.", "withdrew"),
    ],
)
def test_reported_or_subordinate_clause_time_is_not_shared(nlp, text, trigger):
    evs, _ = _dated(nlp, text, FRI, [trigger])
    assert evs[0].date_source == "publication"


def test_conjunct_with_own_tense_keeps_own_date(nlp):
    text = "The militia was founded in 2003 and has sent fighters abroad."
    evs, _ = _dated(nlp, text, WED, ["founded", "sent"])
    assert evs[0].date == "2003"
    assert evs[1].date_source == "publication"


def test_time_in_relative_clause_does_not_date_main_clause(nlp):
    text = "The leader, who took office in 2016, threatened the neighbours with war."
    evs, _ = _dated(nlp, text, WED, ["threatened"])
    assert evs[0].date_source == "publication"


# --- back-references and expressions relative to another event (written for these tests)

# (text, published, triggers, expected date of each trigger; None = publication date)
BACK_REFERENCES = [
    # a definite subject naming the act
    (
        "Gunmen attacked a police station on Monday. The attack also killed two passers-by.",
        FRI,
        ["attacked", "killed"],
        ["2019-12-30", "2019-12-30"],
    ),
    # the object of an instrument preposition
    (
        "Jets bombed rebel depots on Sunday. Nine guards were killed in the raids.",
        FRI,
        ["bombed", "killed"],
        ["2019-12-29", "2019-12-29"],
    ),
    (
        "Troops raided a village on Tuesday. In the same raid, soldiers also shot the mayor.",
        WED,
        ["raided", "shot"],
        ["2021-03-16", "2021-03-16"],
    ),
    # a demonstrative nominal trigger
    (
        "Militants shelled the airport on Saturday night. That shelling closed the runway.",
        MON,
        ["shelled", "shelling"],
        ["2022-11-05", "2022-11-05"],
    ),
    # its own time wins
    (
        "Jets bombed depots on Sunday. The strike on Monday killed nine.",
        FRI,
        ["bombed", "killed"],
        ["2019-12-29", "2019-12-30"],
    ),
    # an indefinite nominal is a new act
    (
        "Jets bombed depots on Sunday. A strike killed nine.",
        FRI,
        ["bombed", "killed"],
        ["2019-12-29", None],
    ),
    # the antecedent must be dated by the text
    (
        "Jets bombed depots near the border. The strike killed nine.",
        FRI,
        ["bombed", "killed"],
        [None, None],
    ),
    # never across another explicit date
    (
        "Jets bombed depots on Sunday. On Tuesday the ministers met. The strike killed nine.",
        FRI,
        ["bombed", "killed"],
        ["2019-12-29", None],
    ),
    # at most five sentences back
    (
        "Jets bombed depots on Sunday. The minister spoke. Crowds gathered. Shops shut. "
        "Roads closed. Schools stayed open. Trains ran late. The strike killed nine.",
        FRI,
        ["bombed", "killed"],
        ["2019-12-29", None],
    ),
]


@pytest.mark.parametrize(("text", "published", "triggers", "dates"), BACK_REFERENCES)
def test_back_reference_takes_antecedent_date(nlp, text, published, triggers, dates):
    evs, _ = _dated(nlp, text, published, triggers)
    for ev, want in zip(evs, dates, strict=True):
        if want is None:
            assert (ev.date, ev.date_source) == (published, "publication"), ev.trigger
        else:
            assert (ev.date, ev.date_source, ev.date_precision) == (want, "text", "day")


def test_back_reference_keeps_antecedent_range_and_span(nlp):
    text = "Jets struck militia depots over the weekend. Ten fighters died in the strikes."
    evs, _ = _dated(nlp, text, FRI, ["struck", "died"])
    assert (evs[1].date, evs[1].date_end) == ("2019-12-28", "2019-12-29")
    assert evs[1].time == evs[0].time  # the antecedent's span, outside its own sentence


# (text, published, triggers, expected dates, expression the last trigger is dated by)
RELATIVE = [
    (
        "Gunmen attacked a checkpoint on Sunday. Two days later, police arrested the leader.",
        FRI,
        ["attacked", "arrested"],
        ["2019-12-29", "2019-12-31"],
        "Two days later",
    ),
    (
        "Gunmen attacked a checkpoint on Sunday. The next day, troops withdrew from the town.",
        FRI,
        ["attacked", "withdrew"],
        ["2019-12-29", "2019-12-30"],
        "The next day",
    ),
    (
        "Rebels shelled the town on Monday. A week earlier, jets had bombed a depot.",
        FRI,
        ["shelled", "bombed"],
        ["2019-12-30", "2019-12-23"],
        "A week earlier",
    ),
    (
        "Rebels shelled the town on Monday. The day before, jets bombed a depot.",
        FRI,
        ["shelled", "bombed"],
        ["2019-12-30", "2019-12-29"],
        "The day before",
    ),
    (
        "Jets bombed the depot on Tuesday morning. Later that day, rebels shelled the town.",
        FRI,
        ["bombed", "shelled"],
        ["2019-12-31", "2019-12-31"],
        "Later that day",
    ),
    # the event named after "after" is the anchor
    (
        "Jets bombed a camp on Monday. Rebels shelled the town three days after the bombing.",
        FRI,
        ["bombed", "shelled"],
        ["2019-12-30", "2020-01-02"],
        "three days after",
    ),
    (
        "Jets bombed a camp on Sunday. Hours after that attack, police arrested the leader.",
        WED,
        ["bombed", "arrested"],
        ["2021-03-14", "2021-03-14"],
        "Hours after",
    ),
    # a chain counts from the latest dated event
    (
        "Gunmen attacked a checkpoint on Sunday. Two days later, police arrested the leader. "
        "The following day, troops withdrew from the town.",
        FRI,
        ["attacked", "arrested", "withdrew"],
        ["2019-12-29", "2019-12-31", "2020-01-01"],
        "The following day",
    ),
]


@pytest.mark.parametrize(("text", "published", "triggers", "dates", "expr"), RELATIVE)
def test_relative_to_event(nlp, text, published, triggers, dates, expr):
    evs, _ = _dated(nlp, text, published, triggers)
    assert [e.date for e in evs] == dates
    last = evs[-1]
    assert (last.date_source, last.date_precision) == ("text", "day")
    assert last.time is not None and last.time.of(text) == expr


def test_event_inside_named_side_counts_back_from_main_clause(nlp):
    text = (
        "Parliament voted on Sunday to expel the envoy, two days after a drone killed the general."
    )
    evs, _ = _dated(nlp, text, FRI, ["expel", "killed"])
    assert [e.date for e in evs] == ["2019-12-29", "2019-12-27"]


def test_relative_without_dated_event_falls_back(nlp):
    text = "Two days later, police arrested the leader."
    evs, _ = _dated(nlp, text, FRI, ["arrested"])
    assert evs[0].date_source == "publication"


def test_previous_day_is_not_counted_from_publication(nlp):
    text = "The talks had collapsed the previous day."
    doc = _doc(nlp, text, FRI)
    assert _find(find_times(doc), text, "the previous day") is None
    assert [r.span.of(text) for r in rtime.find_relative(doc)] == ["the previous day"]


def test_reference_words_shape_error(tmp_path: Path):
    bad = tmp_path / "ref.yaml"
    bad.write_text("event_nouns: {strike: BOMBING}\nmax_sentences: 5\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        rtime.load_reference_words(bad)


def test_back_reference_to_undated_latest_act_lends_nothing(nlp):
    text = (
        "Jets bombed depots on Sunday. Rockets hit a base near the border. "
        "The attack killed two guards."
    )
    evs, _ = _dated(nlp, text, FRI, ["bombed", "hit", "killed"])
    assert [e.date_source for e in evs] == ["text", "publication", "publication"]
