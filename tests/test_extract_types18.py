"""Phrases whose particle, preposition or object decides the act (twenty-fourth session):
police breaking up a protest coerce it (a crowd breaking up is no coercion); standing behind
or with a state or a people supports it; announcing or unveiling aid gives it (the Phoenix
pattern read it as an agreement); thanking "you" is an interview's courtesy. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, fact",
    [
        ("Police broke up the protest in Tbilisi on Friday.", ("COERCE", "asserted")),
        ("Security forces broke up a rally of opposition supporters.", ("COERCE", "asserted")),
        (
            "Ecuador stands firmly behind Colombia, the foreign minister said.",
            ("SUPPORT", "reported"),
        ),
        ("Chile stood with the people of Bolivia during the crisis.", ("SUPPORT", "asserted")),
        ("Sweden announced new humanitarian aid for Yemen on Monday.", ("AID", "asserted")),
        ("Korea unveiled $20 million in aid for the flood victims.", ("AID", "asserted")),
        # an attack as the doer of wrecking: kept whatever the learned model says
        ("The raid also destroyed the village's only school.", ("ASSAULT", "asserted")),
        ("The shelling damaged the district hospital in Kherson.", ("ASSAULT", "asserted")),
    ],
)
def test_the_phrase_decides(event_facts, text, fact):
    assert fact in event_facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The band broke up in 1999.",
        "The firm announced a 5 million euro profit.",
        "She stood behind the counter for an hour.",
        # an interview's courtesy to the one spoken to
        "Commander, thank you for joining us this morning.",
        "Thank you.",
    ],
)
def test_no_act(event_facts, text):
    assert event_facts(text) == []
