"""Dating events (``resolve_dates``): attachment in the sentence, back-references and
expressions relative to another event, on short texts written for these tests."""

from __future__ import annotations

import pytest

from newsevents.resolve.time import find_relative, find_times, resolve_dates

# Publication dates used below (weekday in brackets):
FRI = "2020-01-03"  # Friday
WED = "2021-03-17"  # Wednesday
MON = "2022-11-07"  # Monday


@pytest.fixture(scope="module")
def dated(parse, time_vocab, make_event):
    """``dated(text, published, triggers)``: one ASSAULT event per trigger word, dated by
    ``resolve_dates`` after ``find_times``; returns (events, doc)."""

    def run(text, published, triggers):
        doc = parse(text, published)
        events = [make_event(doc, t, i) for i, t in enumerate(triggers)]
        return resolve_dates(doc, events, find_times(doc, time_vocab), time_vocab), doc

    return run


def test_event_takes_attached_expression(dated):
    text = (
        "Rebels shelled the northern town on Monday, a week after the army bombed "
        "their camp on December 20."
    )
    evs, _ = dated(text, FRI, ["shelled", "bombed"])
    assert evs[0].date == "2019-12-30" and evs[0].date_source == "text"
    assert evs[1].date == "2019-12-20"


def test_nominal_trigger_takes_clause_time(dated):
    text = "The attack on the convoy came on Tuesday."
    evs, _ = dated(text, FRI, ["attack"])
    assert evs[0].date == "2019-12-31"
    assert evs[0].time is not None and evs[0].time.of(text) == "Tuesday"


def test_event_falls_back_to_publication(dated):
    text = "Militants ambushed a patrol near the border. Two soldiers died on Sunday."
    evs, _ = dated(text, WED, ["ambushed", "died"])
    assert (evs[0].date, evs[0].date_source, evs[0].date_precision) == (
        WED,
        "publication",
        "day",
    )
    assert evs[1].date == "2021-03-14" and evs[1].date_source == "text"


def test_range_goes_to_date_end(dated):
    text = "Jets struck militia depots in the valley over the weekend."
    evs, _ = dated(text, FRI, ["struck"])
    assert (evs[0].date, evs[0].date_end) == ("2019-12-28", "2019-12-29")


def test_time_claimed_by_other_event_not_borrowed(dated):
    text = "The funerals follow the raids that killed nine people on Sunday."
    evs, _ = dated(text, WED, ["killed", "funerals"])
    assert evs[0].date == "2021-03-14"
    assert evs[1].date_source == "publication"


def test_future_call_to_action_in_future(dated):
    text = (
        "Soldiers opened fire on marchers on Monday. "
        "Organisers urge supporters to protest outside the ministry on Friday 10 January."
    )
    evs, _ = dated(text, FRI, ["opened fire", "protest"])
    assert evs[0].date == "2019-12-30"
    assert evs[1].date == "2020-01-10"


def test_no_publication_no_date(dated):
    text = "Rebels shelled the town on Monday."
    evs, _ = dated(text, None, ["shelled"])
    assert evs[0].date is None and evs[0].date_source is None


def test_participle_clause_shares_time(dated):
    text = "So the army retaliated, striking five militia depots over the weekend."
    evs, _ = dated(text, FRI, ["retaliated", "striking"])
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
def test_elaborating_clause_dates_main_verb(dated, text, trigger, value, end):
    evs, _ = dated(text, FRI, [trigger])
    assert (evs[0].date, evs[0].date_end, evs[0].date_source) == (value, end, "text")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police said that gunmen killed two guards on Sunday.", "said"),
        ("Troops withdrew after rebels attacked them on Sunday.", "withdrew"),
    ],
)
def test_reported_or_subordinate_clause_time_is_not_shared(dated, text, trigger):
    evs, _ = dated(text, FRI, [trigger])
    assert evs[0].date_source == "publication"


def test_conjunct_with_own_tense_keeps_own_date(dated):
    text = "The militia was founded in 2003 and has sent fighters abroad."
    evs, _ = dated(text, WED, ["founded", "sent"])
    assert evs[0].date == "2003"
    assert evs[1].date_source == "publication"


def test_time_after_a_gerund_used_as_a_noun_dates_the_verb(dated):
    # the tagger calls "crossing" a verb, yet "the ... crossing" is a noun: no clause of its own
    text = "Border guards detained a trader at the Koidula crossing on Tuesday."
    evs, _ = dated(text, FRI, ["detained"])
    assert (evs[0].date, evs[0].date_source) == ("2019-12-31", "text")


def test_time_in_relative_clause_does_not_date_main_clause(dated):
    text = "The leader, who took office in 2016, threatened the neighbours with war."
    evs, _ = dated(text, WED, ["threatened"])
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
def test_back_reference_takes_antecedent_date(dated, text, published, triggers, dates):
    evs, _ = dated(text, published, triggers)
    for ev, want in zip(evs, dates, strict=True):
        if want is None:
            assert (ev.date, ev.date_source) == (published, "publication"), ev.trigger
        else:
            assert (ev.date, ev.date_source, ev.date_precision) == (want, "text", "day")


def test_back_reference_keeps_antecedent_range_and_span(dated):
    text = "Jets struck militia depots over the weekend. Ten fighters died in the strikes."
    evs, _ = dated(text, FRI, ["struck", "died"])
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
def test_relative_to_event(dated, text, published, triggers, dates, expr):
    evs, _ = dated(text, published, triggers)
    assert [e.date for e in evs] == dates
    last = evs[-1]
    assert (last.date_source, last.date_precision) == ("text", "day")
    assert last.time is not None and last.time.of(text) == expr


def test_event_inside_named_side_counts_back_from_main_clause(dated):
    text = (
        "Parliament voted on Sunday to expel the envoy, two days after a drone killed the general."
    )
    evs, _ = dated(text, FRI, ["expel", "killed"])
    assert [e.date for e in evs] == ["2019-12-29", "2019-12-27"]


def test_named_side_counts_back_from_the_narrative_day(dated):
    """ "The meeting came a day after ...": a main clause the text does not date is on the
    narrative's day (the sentence before), and the named side a day before it."""
    text = (
        "Negotiators met in Havana on Sunday. The meeting came a day after rebels attacked a base."
    )
    evs, _ = dated(text, FRI, ["met", "attacked"])
    assert [e.date for e in evs] == ["2019-12-29", "2019-12-28"]


def test_a_fronted_relative_dates_its_own_clause_not_the_named_side(dated):
    """ "Two days after X, the rebels walked out": the clause is dated from X, so X is not
    dated from the narrative's day."""
    text = (
        "Negotiators met in Havana on Sunday. "
        "Two days after a drone killed four fighters, the rebels walked out."
    )
    evs, _ = dated(text, FRI, ["met", "killed", "walked"])
    assert evs[1].date != "2019-12-27"


def test_relative_without_dated_event_falls_back(dated):
    text = "Two days later, police arrested the leader."
    evs, _ = dated(text, FRI, ["arrested"])
    assert evs[0].date_source == "publication"


def test_back_reference_to_undated_latest_act_lends_nothing(dated):
    text = (
        "Jets bombed depots on Sunday. Rockets hit a base near the border. "
        "The attack killed two guards."
    )
    evs, _ = dated(text, FRI, ["bombed", "hit", "killed"])
    assert [e.date_source for e in evs] == ["text", "publication", "publication"]


def test_previous_day_is_not_counted_from_publication(parse, time_vocab, time_at):
    text = "The talks had collapsed the previous day."
    doc = parse(text, FRI)
    assert time_at(find_times(doc, time_vocab), text, "the previous day") is None
    assert [r.span.of(text) for r in find_relative(doc, time_vocab)] == ["the previous day"]


# --- times lent by a simultaneous clause or a participle, and the narrative's date
# (sentences written for these tests)


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a "when" clause happens with the clause it hangs from
        (
            "A guard was killed when shells hit the depot on Wednesday evening.",
            "killed",
            "2021-03-17",
        ),
        (
            "A guard was killed and two were hurt when shells hit the depot on Monday.",
            "killed",
            "2021-03-15",
        ),
        # a participle describing the object carries the attack's time
        (
            "Militants fired rockets at a camp housing soldiers early on Monday.",
            "fired",
            "2021-03-15",
        ),
    ],
)
def test_time_of_simultaneous_clause_dates_main_clause(dated, text, trigger, want):
    evs, _ = dated(text, WED, [trigger])
    assert (evs[0].date, evs[0].date_source) == (want, "text")


@pytest.mark.parametrize(
    ("text", "triggers", "sources"),
    [
        # the next sentence's past-tense event happened in the narrative's time
        (
            "Gunmen attacked a checkpoint on Monday. Two officers were wounded.",
            ["attacked", "wounded"],
            ["text", "context"],
        ),
        # present and future clauses keep the publication date
        (
            "Gunmen attacked a checkpoint on Monday. Officials say more attacks will come.",
            ["attacked", "come"],
            ["text", "publication"],
        ),
        # two sentences on, after a lede weeks old (no news day): no longer the same
        # narrative step (a lede of the last two days sets the news day: see
        # test_place_time_pipeline.py)
        (
            "Gunmen attacked a checkpoint on March 1. The town is quiet. Two officers were "
            "wounded.",
            ["attacked", "wounded"],
            ["text", "publication"],
        ),
        # a clause that says it is news of now does not continue the story before it
        (
            "Gunmen attacked a checkpoint on Monday. Now the army has arrested their leader.",
            ["attacked", "arrested"],
            ["text", "publication"],
        ),
    ],
)
def test_narrative_date_carries_one_sentence(dated, text, triggers, sources):
    evs, _ = dated(text, WED, triggers)
    assert [e.date_source for e in evs] == sources
    if sources[1] == "context":
        assert evs[1].date == evs[0].date == "2021-03-15"


def test_bare_participle_shares_its_verbs_time(dated):
    text = "Farmers protested in the capital on Monday, blocking roads into the centre."
    evs, _ = dated(text, WED, ["protested", "blocking"])
    assert [(e.date, e.date_source) for e in evs] == [("2021-03-15", "text")] * 2


# --- the report's day, relative clauses of an event noun, months of a named year
# (sentences written for these tests)


@pytest.mark.parametrize(
    ("text", "published", "triggers", "dates"),
    [
        # a dated dateline is the report's day: weekdays count from it, not from a later
        # publication, and an undated act takes it
        (
            "HARBOURTON, Jan. 2 (Coast Wire) - Police detained six organisers on Friday. "
            "Talks are continuing. The ministry condemned the strikes.",
            "2025-01-06",
            ["detained", "condemned"],
            ["2024-12-27", "2025-01-02"],
        ),
        # a dateline more than two weeks older than the publication is not taken
        (
            "HARBOURTON, Jan. 2 (Coast Wire) - Police detained six organisers on Friday.",
            "2025-03-08",
            ["detained"],
            ["2025-03-07"],
        ),
    ],
)
def test_dateline_day_anchors_the_report(dated, text, published, triggers, dates):
    evs, _ = dated(text, published, triggers)
    assert [e.date for e in evs] == dates


def test_relative_clause_of_event_noun_takes_the_nouns_day(dated):
    text = (
        "Police arrested two men late on Tuesday over Monday's bombing of a bus on the road to "
        "Kelat, which killed nine people. A third suspect was shot dead a day earlier."
    )
    evs, _ = dated(text, "2023-11-08", ["arrested", "killed", "shot"])
    # "a day earlier" counts from the arrest the main clause tells, not the relative clause
    assert [e.date for e in evs] == ["2023-11-07", "2023-11-06", "2023-11-06"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Activists were detained in September last year.", "2024-09"),
        ("Activists were detained in March of last year.", "2024-03"),
        ("Activists were detained in January this year.", "2025-01"),
    ],
)
def test_month_of_a_named_year(dated, text, value):
    evs, _ = dated(text, "2025-03-08", ["detained"])
    assert (evs[0].date, evs[0].date_precision) == (value, "month")


def test_narrative_date_carries_on_from_sentence_to_sentence(dated):
    text = (
        "Police dispersed a rally on Saturday. The officers detained forty people. "
        "The ministry condemned the detentions."
    )
    evs, _ = dated(text, WED, ["dispersed", "detained", "condemned"])
    assert [e.date for e in evs] == ["2021-03-13"] * 3
    assert [e.date_source for e in evs] == ["text", "context", "context"]


def test_news_day_from_a_lede_time_without_a_coded_act(dated):
    # the lede's own act is not among the events; its day is still the news day
    text = (
        "On Thursday the government finally made its move. Talks went on all evening. "
        "Officials later said nine people were killed near the border."
    )
    evs, _ = dated(text, FRI, ["killed"])
    assert (evs[0].date, evs[0].date_source) == ("2020-01-02", "context")


def test_event_noun_names_the_act_it_is_the_subject_of(dated):
    # "the strike" is the act whose verb it is the subject of, not the latest assault
    text = (
        "The drone strike near the airport on 3 March killed ten people. Later, gunmen shot "
        "a guard at the gate. In a vote two days after the strike, the assembly called for "
        "a withdrawal."
    )
    evs, _ = dated(text, "2021-03-17", ["killed", "shot", "called"])
    assert evs[2].date == "2021-03-05"


def test_participle_inside_an_after_phrase_lends_no_time(dated):
    text = "The protest began after funerals for fighters killed in air strikes on Sunday."
    evs, _ = dated(text, WED, ["began"])
    assert evs[0].date_source == "publication"


@pytest.mark.parametrize(
    ("text", "triggers", "types", "dates"),
    [
        # an act done by saying is dated when said, whatever the tense of what was said
        (
            "The assembly voted on Sunday to expel foreign troops. "
            "The government said it would keep cooperating with the inspectors.",
            ["voted", "cooperating"],
            ["REQUEST", "AGREE"],
            ["2021-03-14", "2021-03-14"],
        ),
        # ... but not an act done by deed: a plan it tells is not dated by the saying
        (
            "The assembly voted on Sunday to expel foreign troops. "
            "The government said it would keep bombing the camps.",
            ["voted", "bombing"],
            ["REQUEST", "ASSAULT"],
            ["2021-03-14", "2021-03-17"],
        ),
        # a complement of a bare participle of a past verb is told as done
        (
            "The envoy was detained by police on Sunday after a vigil, prompting the minister "
            "to denounce the arrest.",
            ["detained", "denounce"],
            ["COERCE", "ACCUSE"],
            ["2021-03-14", "2021-03-14"],
        ),
    ],
)
def test_act_told_as_done_by_its_governing_verb(
    parse, time_vocab, make_event, text, triggers, types, dates
):
    doc = parse(text, WED)
    pairs = enumerate(zip(triggers, types, strict=True))
    events = [make_event(doc, t, i, event=k) for i, (t, k) in pairs]
    evs = resolve_dates(doc, events, find_times(doc, time_vocab), time_vocab)
    assert [e.date for e in evs] == dates


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a weekday set "for" a day is ahead, though the call is told in the past
        (
            "The opposition called a new rally in the capital for Tuesday.",
            "rally",
            "2025-03-18",
        ),
        # a possessive weekday is the act it names, not a day ahead
        ("Police arrested two men for Tuesday's attack on a bus.", "arrested", "2025-03-11"),
        # without "for", a bare weekday of past narration is in the past week
        ("The opposition held a rally in the capital on Tuesday.", "rally", "2025-03-11"),
    ],
)
def test_weekday_set_for_a_day_is_ahead(analyze, text, trigger, want):
    doc = analyze(text, "2025-03-12")  # a Wednesday
    (ev,) = [e for e in doc.events if e.trigger.of(doc.article.text) == trigger]
    assert ev.date == want


def test_back_reference_naming_its_doer_finds_that_doers_act(analyze):
    # "the Israeli raids" refers to Israel's strikes of Saturday, not to the later act of
    # another party (Monday's rockets), though Monday's date stands between them
    text = (
        "Israeli jets struck two villages in southern Lebanon on Saturday, killing four "
        "people. On Monday, Hezbollah fighters fired rockets at an army post in the Golan. "
        "Lebanon's president condemned the Israeli raids in a speech."
    )
    doc = analyze(text, "2024-03-06")  # a Wednesday
    (raids,) = [e for e in doc.events if e.trigger.of(doc.article.text) == "raids"]
    assert (raids.date, raids.date_source) == ("2024-03-02", "text")


def test_an_answer_tells_of_the_day_its_question_names(analyze):
    text = (
        "She spoke to us by telephone on Wednesday.\n\nQ: What happened on Saturday?\n\n"
        "A: Military police evicted about 200 families from the farm. They fired rubber "
        "bullets at people."
    )
    doc = analyze(text, "2024-06-13")  # a Thursday
    assert [e.date for e in doc.events if e.event in ("COERCE", "ASSAULT")] == [
        "2024-06-08",
        "2024-06-08",
    ]


def test_a_time_in_a_free_relative_of_naming_dates_the_act(analyze):
    # "what Islamabad called militant hideouts ... late on Sunday": the strike's time
    text = "Pakistani aircraft struck what Islamabad called militant hideouts late on Sunday."
    (ev,) = analyze(text, "2024-02-28").events  # a Wednesday
    assert (ev.event, ev.date) == ("ASSAULT", "2024-02-25")
