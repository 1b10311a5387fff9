"""What the fourth type dev set found missing: first-person doers are the speaker, not the
writer, when a reporting clause or a transcript label names the speaker. Real spaCy;
hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_events


@pytest.fixture
def types(parse, codebook):
    """``types(text)``: the event types the coder finds in one text."""

    def run(text: str) -> set[str]:
        return {e.event for e in extract_events(parse(text), codebook)}

    return run


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("We firmly condemn the bombing of the market, the Chadian government said.", "ACCUSE"),
        ("A (Malian army spokesman): We bombed their depots near Kidal last night.", "ASSAULT"),
        ("Statement by the Latvian interior ministry: We arrested nine smugglers.", "COERCE"),
        ("SPEAKER OF THE HOUSE: I met the Cuban ambassador on Tuesday.", "CONSULT"),
    ],
)
def test_first_person_of_a_named_speaker(types, text, event):
    assert event in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Opinion: We must send more aid to the refugees in Chad.",
        "Live blog, 10:40: We will meet our correspondents in Riga at noon.",
        "Editorial: We condemn nobody; we ask questions.",
        "Column, Tbilisi: We will discuss the elections in next week's issue.",
    ],
)
def test_first_person_of_a_section_label_is_the_writer(types, text):
    assert types(text) == set()


@pytest.mark.parametrize(
    ("text", "event", "coded"),
    [
        ("The Slovak embassy declined to comment on the arrests.", "REJECT", False),
        ("A police spokeswoman in Riga refused to elaborate.", "REJECT", False),
        ("Latvia refused to extradite the Estonian banker.", "REJECT", True),
        ("Asked whether Peru would recall its envoy, the minister smiled.", "REQUEST", False),
        ("Asked about the curfew, the governor blamed the rebels.", "REQUEST", False),
        ("Peru asked Ecuador to recall its envoy.", "REQUEST", True),
        ("Peru asked Ecuador for an apology.", "REQUEST", True),
    ],
)
def test_no_comment_and_questions_are_no_act(types, text, event, coded):
    assert (event in types(text)) is coded


@pytest.mark.parametrize(
    "text",
    [
        "Slovenia sent a team of flood experts to Bosnia.",
        "Cuba sent 200 doctors to Angola.",
        "Jordan delivered field hospitals and generators to Lebanon.",
    ],
)
def test_helpers_and_relief_goods_sent_are_aid(types, text):
    assert "AID" in types(text)


@pytest.fixture
def coded(parse, codebook):
    """``coded(text)``: {(event, factuality)} of one text."""

    def run(text: str) -> set[tuple[str, str]]:
        return {(e.event, e.factuality) for e in extract_events(parse(text), codebook)}

    return run


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("Estonia denied reports that it had expelled the Russian consul.", "SANCTION"),
        ("Chad dismissed reports that its troops had arrested the Sudanese envoy.", "COERCE"),
        ("Peru rebutted claims that its army had shelled the Ecuadorian post.", "ASSAULT"),
    ],
)
def test_what_a_denied_report_claims_is_a_negated_act(coded, text, denied):
    assert (denied, "negated") in coded(text)


def test_dismissing_a_report_is_a_rejection(coded):
    events = coded("Chad dismissed reports that its troops had arrested the Sudanese envoy.")
    assert ("REJECT", "asserted") in events


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("There are reports that Malian troops shelled the camp.", "reported"),
        ("The UN is looking into allegations that Malian troops shelled the camp.", "reported"),
        ("Bamako confirmed reports that Malian troops had shelled the camp.", "asserted"),
        ("Bamako dismissed reports that Malian troops had shelled the camp.", "negated"),
    ],
)
def test_the_content_of_a_claim_is_hearsay_unless_confirmed(coded, text, factuality):
    assert ("ASSAULT", factuality) in coded(text)
