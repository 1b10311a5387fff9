"""Trigger classes and argument-decides-type patterns the third type dev set found missing:
what follows the verb picks the type ("jailed him for six years" is a sentence, "hacked to
death" an assault, "put their signatures to" a signing), and sport words keep a verb out of
politics. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_events


@pytest.fixture
def types(parse, codebook):
    """``types(text)``: {event: rule} of the events the coder finds in one sentence."""

    def run(text: str) -> dict[str, str]:
        return {e.event: e.rule for e in extract_events(parse(text), codebook)}

    return run


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The mayor of Lviv gave his word that the shelters would stay open.", "AGREE"),
        ("The Bolivian parliament approved the border treaty with Peru.", "SUPPORT"),
        ("Estonia and Finland put their signatures to the ferry protocol.", "SUPPORT"),
        ("Ugandan and Kenyan police worked alongside each other at the border.", "COOPERATE"),
        ("Chilean and Peruvian marines trained together off Arica.", "COOPERATE"),
        ("Spanish prosecutors handed over evidence to their Moroccan colleagues.", "COOPERATE"),
        ("Norway and Sweden pooled their rescue helicopters for the winter.", "COOPERATE"),
        ("Austria donated six ambulances to the Moldovan health ministry.", "AID"),
        ("The Asian Development Bank approved a $90 million loan for Laos.", "AID"),
        ("The Netherlands returned four looted statues to Sri Lanka.", "RETREAT"),
        ("The opposition pointed the finger at the defence ministry.", "ACCUSE"),
        ("The ombudsman in Sofia opened a probe into the tender.", "ACCUSE"),
        ("The appeals court in Baku upheld the sentence against the reporter.", "SANCTION"),
        ("A court in Ankara jailed the mayor for six years.", "SANCTION"),
        ("Prague declared two Russian diplomats persona non grata.", "SANCTION"),
        ("Cambodia's supreme court dissolved the main opposition party.", "COERCE"),
        ("Greek coast guards intercepted a boat carrying rifles.", "COERCE"),
        ("The army declared a state of exception in three provinces.", "COERCE"),
        ("Nigerian soldiers came under attack near Damboa.", "ASSAULT"),
        ("Gunmen hacked three farmers to death near Beni.", "ASSAULT"),
        ("Estonia beefed up its presence along the Narva river.", "MOBILIZE"),
        ("Bus drivers in Lagos observed a general strike on Monday.", "PROTEST"),
        ("Algeria expressed its readiness to mediate between Mali and the rebels.", "AGREE"),
        ("Montenegrin border units were put on full combat readiness.", "MOBILIZE"),
        ("The militia chief warned that his fighters would storm the city.", "THREATEN"),
        ("Thailand handed over two defectors to Beijing.", "COERCE"),
        ("Maltese patrol boats pushed back a dinghy carrying migrants.", "COERCE"),
        ("Slovenia banned all arms transfers to Israel.", "SANCTION"),
        ("Nurses in Lima downed chalk for a third week.", "PROTEST"),
        ("The two delegations sat across the table in Geneva.", "CONSULT"),
        ("Norwegian mediators shuttled between the two delegations.", "CONSULT"),
        ("The president arrived in Hanoi on a state visit.", "CONSULT"),
        ("Negotiators hashed out the text in Doha.", "CONSULT"),
        ("Polish investigators shared intercepted communications with Ukraine.", "COOPERATE"),
        ("The two sides reached a final agreement in Doha.", "AGREE"),
        ("Putin congratulated the winner on his election victory.", "SUPPORT"),
    ],
)
def test_arguments_decide_the_type(types, text, event):
    assert event in types(text), types(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a sporting win, a space probe, a council's own agenda and a finding of fact
        ("The Kenyan sprinter stormed to victory in the final.", "PROTEST"),
        ("Uruguay will meet Chile in the semi-final on Sunday.", "AGREE"),
        ("Uruguay will meet Chile in the semi-final on Sunday.", "CONSULT"),
        ("The Japanese space agency launched a probe towards Mars.", "ACCUSE"),
        ("The city council of Graz will discuss the tram plan on Monday.", "CONSULT"),
        ("The city council of Graz will discuss the tram plan on Monday.", "AGREE"),
        ("Gunmen hacked three farmers to death near Beni.", "COERCE"),
        ("The minister accused unnamed forces of trying to divide the country.", "PROTEST"),
        # what an ultimatum or a call asks for is its content, not a fact
        ("The junta gave Paris an ultimatum to withdraw its troops.", "RETREAT"),
        ("The UN made a call to release the hostages.", "RETREAT"),
        # willingness is no military alert; a crowd pushed back is no deportation
        ("Algeria expressed its readiness to mediate between Mali and the rebels.", "MOBILIZE"),
        ("Riot police fired tear gas to push them back towards the square.", "COERCE"),
        # a caution tacked onto a statement threatens nobody
        ("A truce in Darfur is possible but far from certain, diplomats cautioned.", "THREATEN"),
    ],
)
def test_non_political_senses(types, text, absent):
    assert absent not in types(text), types(text)


def test_trying_does_not_make_an_accusation_sport(types):
    """'try' is a rugby score and an attempt: it must not mark a clause as sport."""
    assert "ACCUSE" in types("The minister accused unnamed forces of trying to divide the country.")


def test_a_caution_with_its_own_threat_stays_a_threat(types):
    assert "THREATEN" in types("We will strike back hard, the Ethiopian general warned.")
