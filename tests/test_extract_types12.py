"""Event-type classes found by walking the training corpus's train split with the rules
(seventeenth session): a third party brokering a deal mediates, leaders shaking hands or
flying to a named place meet, troops leaving a place withdraw, calling a deed a crime
condemns it. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brokering is a third party's mediation (CAMEO 045); the parties reach the deal
        ("Qatar brokered a ceasefire between the two militias on Sunday.", "CONSULT"),
        ("Norway quietly brokered the talks that led to the accord.", "CONSULT"),
        ("The two governments reached a deal on fishing rights.", "AGREE"),
        # shaking hands is a meeting
        ("The two presidents shook hands at the border post.", "CONSULT"),
        # a leader flying to a named place visits it
        ("The Kenyan president flew to Addis Ababa on Monday.", "CONSULT"),
        ("Foreign Minister Ana Lopez travelled to Montevideo last week.", "CONSULT"),
        # troops leaving a place withdraw
        ("The last French soldiers left Niger on Friday.", "RETREAT"),
        ("Government forces left the town without a fight.", "RETREAT"),
        # calling a deed or a person names of crime condemns them
        ("The opposition called the election a sham.", "ACCUSE"),
        ("Ankara called the decision a violation of international law.", "ACCUSE"),
        ("The minister called the protest leader a traitor.", "ACCUSE"),
    ],
)
def test_corpus_classes_are_coded(coded, text, expected):
    assert expected in {event for event, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the parties' own deal stays an agreement, not a mediation
        ("The two governments reached a deal on fishing rights.", "CONSULT"),
        # people who are not leaders flying somewhere visit nobody
        ("Hundreds of pilgrims flew to Jeddah on Monday.", "CONSULT"),
        # leaving something in a state, leaving dead, or leaving for a mission is no withdrawal
        ("The rebels left five soldiers dead in the ambush.", "RETREAT"),
        ("Cutting the troops now would leave Iraq exposed to attacks.", "RETREAT"),
        ("The police left the marchers alone.", "RETREAT"),
        # a call for something, or a call to a leader, condemns nobody
        ("The opposition called for an inquiry into the violence.", "ACCUSE"),
        ("The chancellor called the Polish president on Tuesday.", "ACCUSE"),
        ("The minister called the talks a success.", "ACCUSE"),
    ],
)
def test_corpus_classes_do_not_overreach(coded, text, absent):
    assert absent not in {event for event, _ in coded(text)}


def test_a_name_called_is_no_recipient(parse, codebook):
    """ "called the vote a sham": the predicate noun says what the vote is called; the
    recipient slot holds the vote, never "sham"."""
    events = [e for e in extract_events(parse("The opposition called the vote a sham."), codebook)]
    accuse = [e for e in events if e.event == "ACCUSE"]
    assert accuse
    doc_text = "The opposition called the vote a sham."
    names = {r.span.of(doc_text) for e in accuse for r in e.recipient if r.span is not None}
    assert "sham" not in " ".join(names)


@pytest.mark.parametrize(
    "text",
    [
        # deaths told as the outcome of a mishap are accidents
        "A bus skidded off a mountain road and overturned, killing 14 passengers.",
        "The roof of a market hall collapsed in the storm, killing nine traders.",
        # an explosion or a fire at a site of industry, a leak, a collapse, a burst dam
        "A blast at a fireworks factory killed eight workers.",
        "A gas leak at the chemical plant killed 12 people.",
        "A bridge collapse killed more than 100 people.",
        "A dam burst after heavy rain, killing 40 villagers.",
        # bushfires and volcanic ash close and burn; a museum closed for renovation
        "Bushfires burned through the western forests.",
        "Volcanic ash from the eruption closed the airport for a week.",
        "The museum will be closed for renovation until May.",
        # sport results: a scoreline, a team named by its sport, a purpose of winning a title
        "The home side beat the visitors 3-1 on Sunday.",
        "Kenya's rugby team beat Samoa in the semi-final.",
        "The champions thrashed their rivals to retain the league title.",
        "Oxford beat Cambridge in the annual regatta.",
        # coaches, audiences and astronauts praise and welcome outside politics
        "The club's coach praised his young side after the draw.",
        "The astronauts welcomed a cargo capsule on Sunday.",
    ],
)
def test_accidents_and_sport_are_no_events(coded, text):
    assert {event for event, _ in coded(text)} == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attacks told the same way stay attacks
        ("Gunmen stormed the village, killing 12 people.", "ASSAULT"),
        ("A car bomb exploded outside the ministry, killing nine.", "ASSAULT"),
        ("A car bomb explosion at a market killed 20.", "ASSAULT"),
        ("Israel's strike on a fuel depot killed four people.", "ASSAULT"),
        ("Police beat the protesters with batons.", "ASSAULT"),
        # marching to demand higher wages is a protest, not a market report
        ("Thousands of teachers marched in Lima to demand higher wages.", "PROTEST"),
        ("Rebels exploded a series of bombs in the capital.", "ASSAULT"),
    ],
)
def test_attacks_told_like_accidents_stay(coded, text, expected):
    assert expected in {event for event, _ in coded(text)}


def test_a_vote_count_is_no_scoreline(coded):
    """Only a violent verb's scoreline is sport: a vote count keeps its event."""
    assert "REJECT" in {event for event, _ in coded("The Senate rejected the bill 51-49.")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hitting someone with sanctions sanctions them; with rockets, attacks them
        ("The EU hit Minsk with fresh sanctions on Monday.", "SANCTION"),
        ("Washington slapped Caracas with new sanctions.", "SANCTION"),
        ("Rebels hit the convoy with rockets.", "ASSAULT"),
        ("Trump threatened Turkey with sanctions.", "THREATEN"),
    ],
)
def test_hit_with_sanctions(coded, text, expected):
    assert {event for event, _ in coded(text)} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The interior ministry menaced the strikers with dismissal.", "THREATEN"),
        ("The rebel leader raised the threat of a return to war.", "THREATEN"),
        ("Parliament paid tribute to the firefighters who died.", "SUPPORT"),
        ("Britain handed the territory to Chinese sovereignty at midnight.", "RETREAT"),
        ("The donors suspended disbursements to the health ministry.", "SANCTION"),
        ("The army abandoned the border town after the offensive.", "RETREAT"),
        ("Two fighter jets were scrambled to shadow the bombers.", "MOBILIZE"),
    ],
)
def test_more_corpus_classes(coded, text, expected):
    assert expected in {event for event, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a danger poses a threat; a state that will not abandon its towns moves no troops
        ("The flooding poses a threat to the harvest.", "THREATEN"),
        ("The governor said the state would not abandon the northern towns.", "REJECT"),
        ("The government abandoned the plan after protests.", "RETREAT"),
    ],
)
def test_more_corpus_classes_do_not_overreach(coded, text, absent):
    assert absent not in {event for event, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sport words as a modifier of a political noun place nothing in sport
        ("The two sides reached a final agreement in Doha.", "AGREE"),
        ("Police arrested 20 people after race riots in the city.", "COERCE"),
    ],
)
def test_sport_words_as_modifiers_keep_the_event(coded, text, expected):
    assert expected in {event for event, _ in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Israel rejected the report, calling it blackmail.",
        "Beijing denied the reports, calling them hysteria.",
        "The minister called the opposition leader a traitor.",
    ],
)
def test_calling_names_condemns(coded, text):
    assert "ACCUSE" in {event for event, _ in coded(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The WFP delivered 2,500 tonnes of sorghum to displaced families.", "AID"),
        ("Aid workers delivered surgical kits to two hospitals.", "AID"),
        ("The junta expelled the UN humanitarian coordinator.", "SANCTION"),
        ("Police sent water cannon to the square.", "MOBILIZE|none"),
    ],
)
def test_aid_goods_and_expelled_officials(coded, text, expected):
    events = {event for event, _ in coded(text)}
    if expected == "MOBILIZE|none":
        assert "AID" not in events  # water cannon are no relief water
    else:
        assert expected in events


def test_a_press_release_label_releases_nobody(coded):
    """ "Press release:" heads a statement; a release of prisoners in it is still one."""
    assert coded("Press release: The ministry confirms two new cases of measles.") == set()
    assert "RETREAT" in {
        event
        for event, _ in coded("Press release: The ministry announces the release of 30 prisoners.")
    }
