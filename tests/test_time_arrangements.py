"""Dates of arranged acts and of nouns (twenty-third session): "is to receive X on Friday"
is an arrangement ahead, so its weekday is the coming one; a date in a noun's "of" phrase
("the ceasefire agreement of 12 August 2008") is that noun's, not the clause's. Real spaCy;
hand-written sentences, published on Tuesday 10 June 2025."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, the foreign minister is to receive her Turkish counterpart in Tbilisi.",
        "The president is to visit Nairobi on Friday.",
    ],
)
def test_an_arranged_act_is_ahead(analyze, text):
    doc = analyze(text, published="2025-06-10")
    assert [e.date for e in doc.events] == ["2025-06-13"]


def test_a_date_of_a_noun_does_not_date_the_clause(analyze):
    doc = analyze(
        "On Monday, the Ministry of Foreign Affairs of Moldova condemned these arrests as a "
        "serious breach of the truce accord of 21 July 1992, and called on the OSCE mission "
        "to secure the men's release.",
        published="2025-06-10",
    )
    assert {e.date for e in doc.events} == {"2025-06-09"}
