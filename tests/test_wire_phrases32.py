"""Phrases read wrong before the thirty-second session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


def _events(doc, event=None):
    return [e for e in doc.events if event is None or e.event == event]


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry denied the allegations and said the police had acted lawfully.",
        "On Monday, Nairobi denied any involvement in the raid.",
        "The army spokesman refuted the reports of a massacre in the valley.",
    ],
)
def test_a_denied_claim_or_part_named_as_a_noun_is_a_rejection(analyze, text):
    (ev,) = _events(analyze(text, published="2022-03-02"), "REJECT")
    assert ev.factuality == "asserted"


def test_denying_charges_is_a_plea_not_a_rejection(analyze):
    doc = analyze("The ex-mayor denied the charges in court on Tuesday.", published="2022-03-02")
    assert _events(doc, "REJECT") == []


@pytest.mark.parametrize(
    "text",
    [
        "Lima has neither confirmed nor denied the reports.",
        "The ministry would not confirm or deny the reports.",
    ],
)
def test_neither_confirming_nor_denying_is_no_comment(analyze, text):
    assert _events(analyze(text, published="2022-03-02"), "REJECT") == []


def test_the_second_verb_after_nor_is_negated(analyze):
    doc = analyze("The militia has neither attacked nor shelled the town.", published="2022-03-02")
    assert {e.factuality for e in _events(doc, "ASSAULT")} == {"negated"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The offer was rejected by Ukraine on Friday.", "UKR"),
        ("The peace plan was turned down by Armenia.", "ARM"),
    ],
)
def test_a_passives_by_phrase_names_the_one_who_rejects(analyze, text, code):
    (ev,) = _events(analyze(text, published="2022-03-02"), "REJECT")
    assert [a.code for a in ev.actor] == [code]
    assert [a.code for a in ev.recipient] == []


@pytest.mark.parametrize(
    "text",
    [
        "Two patrol boats fired water cannon at the trawler, forcing it to turn back.",
        "The gangs have turned the highways into hunting grounds.",
    ],
)
def test_turning_back_or_into_is_no_rejection(analyze, text):
    assert _events(analyze(text, published="2022-03-02"), "REJECT") == []


def test_turning_down_an_offer_is_a_rejection(analyze):
    doc = analyze("The cabinet turned down the offer of talks.", published="2022-03-02")
    assert len(_events(doc, "REJECT")) == 1


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Dozens of the injured sought treatment at the district hospital.", "REQUEST"),
        ("The opposition leader has pleaded not guilty.", "REQUEST"),
        ("The evidence does not support the verdict, his lawyer said.", "SUPPORT"),
        ("The fighting has threatened the pipelines and mines near the border.", "THREATEN"),
        ("By Sunday the water had reached waist height in the market.", "AID"),
        (
            "Rebels shelled the town on Friday. Relatives waited for news of the wounded, "
            "who were flown to the capital.",
            "ASSAULT",
        ),
        ("Four miners were killed after a gallery collapsed at a small gold mine.", "ASSAULT"),
    ],
)
def test_words_that_name_no_political_act(analyze, text, event):
    doc = analyze(text, published="2022-03-02")
    found = [e for e in _events(doc, event) if e.sentence.start > 0 or "Rebels" not in text]
    assert found == []


def test_a_building_brought_down_by_a_strike_is_still_an_attack(analyze):
    doc = analyze(
        "Five people were killed when the building collapsed after a drone strike.",
        published="2022-03-02",
    )
    assert len(_events(doc, "ASSAULT")) >= 1


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ottawa imposed sanctions on two gang leaders on Friday.", "gang leaders"),
        ("The European Union imposed a travel ban on four senior judges.", "judges"),
    ],
)
def test_sanctions_on_unnamed_people_name_them_as_recipient(analyze, text, named):
    (ev,) = _events(analyze(text, published="2022-03-04"), "SANCTION")
    assert [r.name for r in ev.recipient if named in r.name]


@pytest.mark.parametrize(
    ("text", "met"),
    [
        (
            "The minister is due to fly to Pemba on Thursday to meet the provincial governor.",
            "governor",
        ),
        ("The envoy travelled to Kigali on Monday to meet Rwandan officials.", "officials"),
    ],
)
def test_a_journey_made_to_meet_someone_names_them_not_the_town(analyze, text, met):
    (ev,) = _events(analyze(text, published="2022-03-01"), "CONSULT")
    assert [r.name for r in ev.recipient] and all(met in r.name for r in ev.recipient)


def test_a_relative_clause_on_the_place_of_a_gang_is_the_gangs(analyze):
    doc = analyze(
        "Jean Morose leads the Base Pilate gang in the Nippes department, which has attacked "
        "farming villages.",
        published="2022-03-01",
    )
    (ev,) = _events(doc, "ASSAULT")
    assert [a.name for a in ev.actor] == ["Base Pilate gang"]


def test_a_date_that_only_qualifies_a_thing_dates_no_act(analyze):
    doc = analyze(
        "The foreign ministry summoned the Russian ambassador and handed him a note setting an "
        "August 15 deadline for the staff to leave.",
        published="2023-08-20",
    )
    (ev,) = _events(doc, "ACCUSE")
    assert ev.date == "2023-08-20"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Chad's main opposition parties boycotted the December 2024 elections.", "2024-12"),
        ("The March 3 attack killed five soldiers.", "2023-03-03"),
    ],
)
def test_a_date_of_the_acts_object_or_of_the_act_noun_still_dates_it(analyze, text, date):
    doc = analyze(text, published="2025-01-10" if "Chad" in text else "2023-07-27")
    assert [e.date for e in doc.events] == [date]


def test_a_rally_they_said_they_planned_is_ahead(analyze):
    doc = analyze(
        "Community leaders in the capital said they planned a mass rally at the stadium on "
        "Thursday.",
        published="2024-01-03",  # a Wednesday
    )
    (ev,) = _events(doc, "PROTEST")
    assert (ev.factuality, ev.date) == ("future", "2024-01-04")


@pytest.mark.parametrize(
    "text",
    [
        "Speaking by telephone from Spin Boldak, the spokesman said the firing began at dawn.",
        "Speaking to reporters in Kandahar, he said the border would stay shut.",
    ],
)
def test_speaking_to_make_a_statement_is_no_consultation(analyze, text):
    assert _events(analyze(text, published="2022-03-01"), "CONSULT") == []


def test_speaking_with_someone_by_telephone_is_still_a_consultation(analyze):
    doc = analyze("Erdogan spoke by telephone with Putin on Monday.", published="2022-03-01")
    assert len(_events(doc, "CONSULT")) == 1


_MATCH_REPORT = (
    "Rovers beat City 3-1 in a league match at the Riverside stadium on Saturday.\n\n"
    "Rovers attacked the City defence from the first whistle.\n\n"
    "Their captain killed off the contest in the 80th minute."
)


def test_the_words_of_violence_in_a_match_report_are_play(analyze):
    doc = analyze(_MATCH_REPORT, published="2022-03-07")
    assert [e for e in doc.events if e.event == "ASSAULT"] == []


def test_a_vote_in_the_lead_makes_no_match_report(analyze):
    doc = analyze(
        "The assembly approved the budget 51-49 in a final vote on Monday.\n\n"
        "Rebels attacked the town of Beni overnight, killing four villagers.",
        published="2022-03-07",
    )
    assert [e for e in doc.events if e.event == "ASSAULT"]


def test_people_who_gathered_are_the_protest_not_its_target(analyze):
    doc = analyze(
        "Relatives who gathered outside the justice ministry in Baku on Tuesday to demand "
        "news were dispersed by police.",
        published="2024-07-17",
    )
    (ev,) = _events(doc, "PROTEST")
    assert [a.name for a in ev.actor] == ["Relatives"]


@pytest.mark.parametrize(
    "text",
    [
        "The sanctions hurt its economy, officials said.",
        "The tariffs will hurt Chinese exports.",
    ],
)
def test_hurting_an_economy_wounds_no_one(analyze, text):
    assert _events(analyze(text, published="2022-03-01"), "ASSAULT") == []


def test_a_claim_made_without_providing_evidence_shares_nothing(analyze):
    doc = analyze(
        "The prosecutor said the attack had been planned abroad, without providing evidence.",
        published="2022-03-01",
    )
    assert _events(doc, "COOPERATE") == []


def test_a_time_of_day_is_never_a_recipient(analyze):
    doc = analyze(
        "Streets in the Petare district of eastern Caracas were quiet on Monday morning, but "
        "analysts said protests could break out later in the day if the dispute dragged on.",
        published="2022-03-01",
    )
    (ev,) = _events(doc, "PROTEST")
    assert all(r.name != "day" for r in ev.recipient)


def test_an_act_shortly_before_a_clock_time_is_on_that_day(analyze):
    doc = analyze(
        "Agents arrested the mayor at his home shortly before 5 a.m. on Thursday, relatives said.",
        published="2019-08-09",  # a Friday
    )
    (ev,) = _events(doc, "COERCE")
    assert ev.date == "2019-08-08"


def test_names_listed_before_provinces_say_the_articles_country(analyze):
    doc = analyze(
        "The committee has called a general strike for next Monday across Santiago, Espaillat "
        "and Duarte provinces, demanding lower fuel prices.",
        published="2018-10-24",
    )
    (ev,) = _events(doc, "PROTEST")
    assert ev.location is not None and ev.location.country == "DOM"


def test_walking_out_free_is_no_strike(analyze):
    doc = analyze("The soldiers walked out of the courtroom free.", published="2019-02-22")
    assert _events(doc, "PROTEST") == []


def test_a_defence_lawyer_is_of_the_judiciary_not_the_military(analyze):
    doc = analyze(
        "Defence lawyer Anna Petrova urged the court to release her client.",
        published="2019-02-22",
    )
    (ev,) = _events(doc, "REQUEST")
    assert [a.sector for a in ev.actor] == ["JUD"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Troops were ordered to fire on the protesters.", [], ["MIL"]),
        ("The army was ordered by the president to withdraw.", ["GOV"], ["MIL"]),
    ],
)
def test_troops_ordered_to_act_are_the_ones_ordered(analyze, text, actor, recipient):
    (ev,) = _events(analyze(text, published="2022-03-01"), "REQUEST")
    assert [a.sector for a in ev.actor] == actor
    assert [r.sector for r in ev.recipient] == recipient


def test_a_rally_at_a_stadium_is_still_a_protest(analyze):
    doc = analyze(
        "Thousands of protesters gathered at the national stadium on Sunday.",
        published="2022-03-07",
    )
    assert len(_events(doc, "PROTEST")) == 1


def test_a_press_releases_dateline_is_no_actor(analyze):
    doc = analyze(
        "Riga, 6 March 2024 - Latvia's foreign minister today condemned the military "
        "exercises that Russian forces began on Monday near the border.",
        published="2024-03-06",
    )
    (ev,) = _events(doc, "ACCUSE")
    assert [a.code for a in ev.actor] == ["LVA"]
    assert [r.code for r in ev.recipient] == ["RUS"]


def test_a_deed_condemned_is_its_doers_told_in_a_relative_clause(analyze):
    doc = analyze(
        "Nairobi condemned the remarks that Ugandan officials made on Friday.",
        published="2024-03-06",
    )
    (ev,) = _events(doc, "ACCUSE")
    assert [(r.code, r.sector) for r in ev.recipient] == [("UGA", "GOV")]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey sent a rescue team and two field hospitals to Morocco on Sunday.",
        "Japan said it would send engineers and heavy machinery to Fiji.",
    ],
)
def test_people_and_machines_sent_as_aid_are_what_is_sent(analyze, text):
    (ev,) = _events(analyze(text, published="2023-09-11"), "AID")
    assert [r.code for r in ev.recipient] in (["MAR"], ["FJI"])
