"""Words the fifth type set's tune half showed missing (nineteenth session), each a general
pattern: sanctions adopted or approved as a package, envoys ordered out of a country,
something set ablaze. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents import api


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council adopted a tenth package of sanctions against Belarus.",
            ("SANCTION", "sanction.impose"),
        ),
        (
            "Parliament approved new sanctions on Myanmar's generals.",
            ("SANCTION", "sanction.impose"),
        ),
        (
            "Twelve Iranian diplomats were ordered out by Albania.",
            ("SANCTION", "sanction.order_dipl_out"),
        ),
        (
            "Niger's rulers ordered the French ambassador out of the country.",
            ("SANCTION", "sanction.order_dipl_out"),
        ),
        (
            "Ukrainian drones set an oil refinery ablaze on Friday.",
            ("ASSAULT", "assault.armed_ablaze"),
        ),
        ("Rioters set two buses ablaze near the stadium.", ("PROTEST", "protest.riot_ablaze")),
    ],
)
def test_pattern_codes_the_act(coded, text, expected):
    assert expected in coded(text), coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "The assembly adopted a resolution on fisheries.",
        "The coach ordered the players out of the dressing room.",
        "The sunset set the sky ablaze.",
    ],
)
def test_no_sanction_or_attack_without_its_words(coded, text):
    assert not {e for e, _ in coded(text)} & {"SANCTION", "ASSAULT"}, coded(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani aircraft struck what Islamabad called militant hideouts late on Sunday.",
        "Troops raided what the ministry termed a bomb factory in the old town.",
    ],
)
def test_a_free_relative_of_naming_is_no_act_and_names_the_target(analyze, text):
    # "what X called Y" names Y: no request or accusation, and Y is what was struck
    doc = analyze(text)
    (act,) = doc.events
    assert act.event in ("ASSAULT", "COERCE"), act.event
    if "hideouts" in text:
        assert [a.name for a in act.recipient] == ["militant hideouts"]


@pytest.mark.parametrize(
    ("text", "arrest"),
    [
        ("A court in Minsk sentenced the activist to ten years in a penal colony.", True),
        ("A military court sentenced the colonel to life in prison.", True),
        ("A court sentenced the journalist to a suspended prison term.", False),
        ("The court fined the newspaper for libel.", False),
    ],
)
def test_a_prison_sentence_is_also_an_arrest(coded, text, arrest):
    # PLOVER manual, SANCTION "convict": sentences with imprisonment are also COERCE "arrest"
    types = {e for e, _ in coded(text)}
    assert ("COERCE" in types) == arrest, types


@pytest.mark.parametrize(
    "text",
    [
        "Police detained 300 refugees at the weekend, pending their deportation.",
        "Police arrested 40 protesters ahead of the president's visit.",
    ],
)
def test_an_act_pending_or_ahead_is_no_event(coded, text):
    # "pending their deportation", "ahead of the visit": not yet done, background
    assert [e for e, _ in coded(text)] == ["COERCE"], coded(text)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("She spoke to Revista Cerrado by telephone from Maraba on Wednesday.", "Revista Cerrado"),
        # the outlet as the talker: its own interview (thirty-first session)
        (
            "Sevan Basin Weekly spoke on Sunday to Garnik Avetisyan, the head of Sotk.",
            "Sevan Basin Weekly",
        ),
        ("The activist coordinates the Landless Workers' Movement in the state.", None),
    ],
)
def test_an_interview_with_the_outlet_and_a_post_held_are_no_events(resources, text, outlet):
    doc = api.analyze_text(text, resources=resources, outlet=outlet)
    assert not doc.events, [(e.event, e.rule) for e in doc.events]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # "high" and "low" are markets' nouns ("a record high"), not a title's adjectives
        ("Ottawa expelled the Indian high commissioner.", "SANCTION"),
        ("Nairobi summoned Uganda's acting high commissioner on Tuesday.", "ACCUSE"),
        ("The shares hit a record high on Monday.", None),
        # armed men, the military and police acting are politics whatever words stand around
        ("Italian police arrested a record number of smugglers this year.", "COERCE"),
        ("Rebels attacked the stadium during the match.", "ASSAULT"),
        ("Liverpool attacked the goal in the second half.", None),
    ],
)
def test_sport_and_market_words_veto_only_sport_and_markets(coded, text, event):
    types = {e for e, _ in coded(text)}
    assert (event in types) if event else not types, types


def test_a_place_in_a_free_relative_of_naming_places_the_act(analyze):
    text = "Pakistani aircraft struck what Islamabad called militant hideouts in Barmal district."
    (ev,) = analyze(text).events
    assert ev.location is not None and ev.location.name == "Barmal"
