"""Phrases read wrong before the thirty-eighth session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A number of soldiers were killed in the raid on Tuesday.", []),
        ("Gunmen killed a family in the village on Tuesday.", []),
        ("A handful of protesters were wounded when police charged on Tuesday.", []),
        ("A group of miners was killed in the ambush on Tuesday.", []),
        ("Gunmen shot dead a policeman in the village on Tuesday.", [1]),
    ],
)
def test_a_group_noun_is_no_single_victim(analyze, text, killed):
    """'a number of', 'a handful of', 'a group of' tell no figure; 'a policeman' is one."""
    doc = analyze(text, published="2024-05-15")
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [q.value for q in act.quantities if q.kind in ("killed", "injured")] == killed


@pytest.mark.parametrize(
    ("text", "recipient", "code"),
    [
        ("Rebels fired rockets at army positions in Kidal on Monday.", "army positions", "MLI"),
        ("Russian forces shelled Ukrainian positions near Bakhmut.", "Ukrainian positions", "UKR"),
    ],
)
def test_positions_held_by_a_party_are_ground_not_a_stance(analyze, text, recipient, code):
    """'position' is a stance ("Israel's position") and a site: with a party or a people
    before it ("army positions", "Ukrainian positions") it is the site shelled, not the
    town after it."""
    doc = analyze(text, published="2024-05-15")
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [(r.name, r.code) for r in act.recipient] == [(recipient, code)]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "A ballistic missile fired from Yemen struck a tanker in the Red Sea on Tuesday, "
            "killing one sailor, the US military said.",
            "YEM",
        ),
        ("A rocket launched from Lebanon hit a house on Monday, the army said.", "LBN"),
    ],
)
def test_a_weapon_fired_from_a_country_names_no_speaker_as_its_doer(analyze, text, actor):
    """The parser makes 'missile' the subject of 'fired' and 'struck' its conjunct: the
    speaker who tells of it ('the US military said') did not fire it; where it was fired
    from does name the side."""
    doc = analyze(text, published="2024-03-12")
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [a.code for a in act.actor] == [actor]


def test_an_army_telling_of_a_drone_strike_is_its_doer(analyze):
    """No place it was fired from: the army that tells of its drone's strike did it."""
    doc = analyze(
        "The Malian army said a drone struck a rebel convoy near Kidal and killed three fighters.",
        published="2024-03-12",
    )
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [(a.code, a.sector) for a in act.actor] == [("MLI", "MIL")]


def test_ordered_onto_a_level_of_readiness_is_the_orderers_mobilisation(analyze):
    doc = analyze(
        "Serbia's president accused Kosovo of terror on Monday. Late on Monday he ordered army "
        "units onto the highest level of combat readiness.",
        published="2024-06-11",
    )
    (alert,) = [e for e in doc.events if e.event == "MOBILIZE"]
    assert [a.code for a in alert.actor] == ["SRB"]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Gunmen attacked the Kessa garrison in Burkina Faso on Monday.", "Kessa garrison"),
        ("Rebels shelled the Tessit checkpoint in Mali on Monday.", "Tessit checkpoint"),
    ],
)
def test_a_site_named_by_its_own_name_is_the_target(analyze, text, recipient):
    """'the Kessa garrison' is the site attacked, not the country named after it."""
    doc = analyze(text, published="2023-11-17")
    (act,) = [e for e in doc.events if e.event == "ASSAULT"]
    assert [r.name for r in act.recipient] == [recipient]


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("The police chief warned that officers would shoot rioters on sight.", True),
        ("The defence ministry warned that troops would respond to any provocation.", True),
        ("Analysts warned that Russian troops could attack the capital.", False),
    ],
)
def test_a_warning_that_ones_own_forces_will_act_is_a_threat(analyze, text, threat):
    """An organ that commands forces warning what those forces will do threatens; a warning
    about another party's forces reports a danger."""
    doc = analyze(text, published="2025-11-17")
    assert any(e.event == "THREATEN" for e in doc.events) is threat


@pytest.mark.parametrize(
    "text",
    [
        "The third accused, a former police chief, received five years in prison.",
        "The two accused denied the charges on Monday.",
    ],
)
def test_the_accused_are_defendants_not_an_accusation(analyze, text):
    doc = analyze(text, published="2025-11-17")
    assert not [e for e in doc.events if e.event == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "Beijing last month put 15 American defence firms on its export control list.",
            ["SANCTION"],
        ),
        ("Washington added six Chinese companies to its entity list on Friday.", ["SANCTION"]),
        (
            "The government will designate additional individuals and entities involved in the "
            "missile programme.",
            ["SANCTION"],
        ),
        ("On Wednesday police searched the offices of opposition parties.", ["COERCE"]),
        ("Police searched the area for the gunmen on Wednesday.", []),
        ("Russia delivered combat jets and attack helicopters to Bamako in January.", ["AID"]),
        ("Two other crew members were badly burned, the company said.", []),
        ("North Korea fired two ballistic missiles into the sea on Monday.", ["MOBILIZE"]),
        ("Most expect Caracas to stop short, but few are willing to rule it out.", []),
        ("New Zealand's All Blacks demolished Italy 96-17 in Lyon.", []),
        ("Analysts fear China may try to blockade Taiwan before the end of the decade.", []),
        (
            "A plea by Somalia's president for more African Union troops was met with "
            "silence in Addis Ababa.",
            ["REQUEST"],
        ),
        ("Greece will sign a strategic defence partnership with France.", ["AGREE"]),
        (
            "Details on the suspects were passed to Belgian investigators by French "
            "intelligence services.",
            ["COOPERATE"],
        ),
        ("The government launched a battle against corruption on Monday.", []),
        (
            "The court opened an investigation into killings during the country's war on drugs.",
            ["ACCUSE"],
        ),
        ("The ministry said four RAF Typhoon jets had bombed two Houthi sites.", ["ASSAULT"]),
        ("A spokesman said any push for independence would be met with force.", []),
        ("The president was met by the prime minister at the airport.", ["CONSULT"]),
    ],
)
def test_the_types_these_sentences_code(analyze, text, events):
    """Sanctions by listing, a search of premises, kinds of arms, a launch into the sea, a
    scoreline, observers' fears, receptions, partnerships, shared details, a war on an ill,
    aircraft named for storms: the types each of these sentences codes, and nothing else."""
    doc = analyze(text, published="2024-05-15")
    assert [e.event for e in doc.events] == events


def test_offering_troops_to_a_named_force_is_no_threat(analyze):
    """'the new African Union force' is a body of troops, not the force a threat vows."""
    doc = analyze(
        "Cairo has also offered to contribute troops to the new African Union force.",
        published="2024-08-28",
    )
    assert [e.event for e in doc.events] == ["AGREE"]


def test_a_pledge_not_to_use_force_is_no_threat(analyze):
    doc = analyze(
        "The two presidents met on the island of Saint Vincent in December and pledged not "
        "to use force against each other.",
        published="2024-09-16",
    )
    assert "THREATEN" not in [e.event for e in doc.events]
    (meeting,) = [e for e in doc.events if e.event == "CONSULT"]
    assert not meeting.recipient  # the island is where they met, not whom


def test_an_act_after_before_takes_its_clauses_day(analyze):
    """'set off a bomb ... before opening fire': the gerund under 'before' is told as done,
    on the narrative's day, not the publication's."""
    doc = analyze(
        "Gunmen ambushed a military convoy near Gayeri in Burkina Faso on Thursday, killing "
        "nine soldiers. The attackers set off a roadside bomb under the lead vehicle before "
        "opening fire from both sides of the road, a survivor said.",
        published="2023-11-17",
    )
    assert {e.date for e in doc.events} == {"2023-11-16"}


def test_a_fronted_phrase_dates_the_main_clause_however_parsed(analyze):
    """'In a statement issued ... on Tuesday, the UN's chief, X, called on ...': the parser
    makes 'chief' the root and 'called' its participle; the opening phrase still dates the
    call (not the narrative's Monday)."""
    doc = analyze(
        "UN presses both sides to protect civilians as fighting spreads\n\n"
        "The United Nations has told the army and the rebels to spare civilians, two days "
        "after Monday's shelling of a market in the town.\n\n"
        "In a statement issued in Geneva on Tuesday, the UN's human rights chief, Volker "
        "Turk, called on both sides to refrain from any attack on civilians.",
        published="2024-06-12",
    )
    (call,) = [e for e in doc.events if e.rule == "request.call_on"]
    assert call.date == "2024-06-11"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A statement from the Kenyan foreign ministry accused Uganda of arming rebels.", "KEN"),
        ("A UN report accused the Malian army of killing civilians in the market.", "UNO"),
        (
            "The Kenyan foreign ministry issued a statement on Tuesday. The statement accused "
            "Uganda of arming rebels.",
            "KEN",
        ),
    ],
)
def test_a_document_speaks_for_its_author(analyze, text, actor):
    """A statement, report or communique that accuses, demands or declares is its author's
    act: named with it, or the last one the article names an author for."""
    doc = analyze(text, published="2023-11-15")
    (act,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert [a.code for a in act.actor] == [actor]


def test_a_named_owners_board_is_no_business_executive(analyze):
    """'executive' names a firm's officer, no party; 'the IMF's executive board' is the
    IMF's body, and its bailout is aid."""
    doc = analyze(
        "The IMF's executive board approved a $3 billion bailout for Sri Lanka on Monday.",
        published="2023-03-22",
    )
    assert [(e.event, [r.code for r in e.recipient]) for e in doc.events] == [("AID", ["LKA"])]


def test_the_raf_is_british(analyze):
    doc = analyze("RAF jets bombed two Houthi sites on Friday.", published="2024-01-12")
    (act,) = doc.events
    assert [(a.code, a.sector) for a in act.actor] == [("GBR", "MIL")]


def test_both_steps_name_the_acts_told_before(analyze):
    """'Guyana calls both steps illegal': the steps are Venezuela's, not Guyana's own."""
    doc = analyze(
        "Venezuela deployed troops to Anacoco Island and began building an airstrip there. "
        "Guyana calls both steps illegal.",
        published="2024-09-16",
    )
    (blame,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert [r.code for r in blame.recipient] == ["VEN"]
