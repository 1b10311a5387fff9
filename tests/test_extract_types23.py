"""Wire phrases read wrong before the twenty-ninth session. Real spaCy and gazetteer;
hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Police imposed a curfew in the town of Kaduna on Tuesday.",
        "The army declared a dusk-to-dawn curfew on the district after the riots.",
        "The governor ordered a curfew in three wards along the river.",
    ],
)
def test_a_verb_and_its_object_of_one_kind_are_one_act(analyze, text):
    # "imposed a curfew": the verb's entry and the noun's both code a curfew; one mention
    doc = analyze(text, published="2025-03-05")
    assert [e.event for e in doc.events].count("COERCE") == 1


@pytest.mark.parametrize(
    ("text", "province", "country"),
    [
        # the small model tags "Amhara" a DATE, "Lanao del Sur" an ORG
        ("The government declared a state of emergency in Amhara on Friday.", "Amhara", "ETH"),
        (
            "The Philippine army said it would deploy two more battalions to Lanao del Sur.",
            "Lanao del Sur",
            "PHL",
        ),
    ],
)
def test_a_province_the_model_mislabels_places_the_act(analyze, text, province, country):
    doc = analyze(text, published="2025-03-05")
    places = [(e.location.name, e.location.country) for e in doc.events if e.location]
    assert (province, country) in places


def test_the_latest_in_a_series_is_no_doer(analyze):
    # the parser makes "agreed" the main verb with "the latest" as its subject: the strike
    # is still reported, and no agreement is
    doc = analyze(
        "A drone strike on a car near the town of Bint Jbeil killed two people on Wednesday,"
        " the health ministry said, the latest in a series of attacks despite the ceasefire"
        " agreed in November.",
        published="2025-04-09",
    )
    assert [e.event for e in doc.events] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the federal army and Fano militias has gripped the Amhara region.",
        "Heavy fighting between rival militias erupted in Tripoli on Monday.",
    ],
)
def test_fighting_between_sides_has_them_on_both_sides(analyze, text):
    doc = analyze(text, published="2025-03-05")
    (fight,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert fight.actor and {a.name for a in fight.actor} == {r.name for r in fight.recipient}
    assert "Tripoli" not in {r.name for r in fight.recipient}


def test_a_market_named_after_a_far_town_is_in_the_story(analyze):
    # Naivasha is a Kenyan town; "the Naivasha market" in a story on Sudan is a market there
    doc = analyze(
        "Sudanese army shells struck the crowded Naivasha market in El Fasher on Sunday,"
        " killing at least 23 civilians, medics said.",
        published="2024-06-18",
    )
    codes = {a.code for e in doc.events for a in (*e.actor, *e.recipient)}
    places = {(e.location.name, e.location.country) for e in doc.events if e.location}
    assert "KEN" not in codes
    assert places == {("El Fasher", "SDN")}


def test_analysts_warning_of_an_offensive_threaten_nobody(analyze):
    # "forces" is the doer of the predicted act, not a named response ("would meet force")
    doc = analyze(
        "Military analysts warn that Russian forces could launch a wider offensive once the"
        " ground freezes.",
        published="2025-10-08",
    )
    assert "THREATEN" not in {e.event for e in doc.events}
    assert {a.sector for e in doc.events for a in e.actor} <= {"MIL", None, ""}


@pytest.mark.parametrize(
    "text",
    [
        "Traders blamed a poor harvest and higher transport costs for the rise in prices.",
        "The ministry blamed inflation and a weak currency for the shortages.",
    ],
)
def test_blaming_a_market_cause_accuses_nobody(analyze, text):
    doc = analyze(text, published="2025-03-05")
    assert "ACCUSE" not in {e.event for e in doc.events}


def test_an_analyst_is_no_soldier(analyze):
    doc = analyze("Defence analysts criticised the army's handling of the siege.")
    (critic,) = [a for e in doc.events if e.event == "ACCUSE" for a in e.actor]
    assert critic.sector == "EDU"


def test_the_curfew_keeps_the_nouns_recipient(analyze):
    doc = analyze("The army imposed a curfew on the city on Monday.", published="2025-03-05")
    (curfew,) = doc.events
    assert curfew.trigger.of(doc.article.text) == "imposed"
    assert [r.name for r in curfew.recipient] == ["city"]


def test_shells_fired_from_a_sides_positions_are_that_sides(analyze):
    doc = analyze(
        "The army said the shells had been fired from RSF positions east of the city.",
        published="2024-06-18",
    )
    (fire,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [a.name for a in fire.actor] == ["RSF"]
    assert "RSF" not in {r.name for r in fire.recipient}


def test_leading_a_march_is_the_march(analyze):
    doc = analyze("The union will lead a march to parliament on Friday.", published="2025-03-05")
    assert [(e.event, e.factuality) for e in doc.events] == [("PROTEST", "future")]


def test_inquiries_that_led_to_no_trial_are_no_new_inquiry(analyze):
    doc = analyze(
        "Activists said earlier inquiries into police shootings had never led to a trial.",
        published="2025-03-05",
    )
    assert "ACCUSE" not in {e.event for e in doc.events}


def test_a_one_word_persons_name_inside_a_groups_name_is_the_group(analyze):
    # "Hassan" alone is a Jordanian prince in the open dictionaries; here it ends a group's
    # hyphened name
    doc = analyze(
        "Fourteen members of the Dawlah Islamiyah-Hassan Group surrendered to government"
        " troops in Maguindanao del Sur on Wednesday.",
        published="2024-04-18",
    )
    codes = {a.code for e in doc.events for a in (*e.actor, *e.recipient)}
    assert "JOR" not in codes


def test_a_raid_told_as_revenge_keeps_its_own_day(analyze):
    # "last week" dates the killing the raid avenged, not the raid
    doc = analyze(
        "Militants stormed a police checkpoint in Bannu on Tuesday, killing four policemen."
        " The TTP claimed responsibility, saying the raid was revenge for the killing of two"
        " of its commanders in a drone strike last week.",
        published="2024-08-06",
    )
    assert {e.date for e in doc.events if e.event == "ASSAULT"} == {"2024-08-06"}
