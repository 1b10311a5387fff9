"""Double-object verbs in the passive (twenty-third session): "was granted asylum", "was
handed a prison term" keep the thing the pattern names as their object while the subject is
the person acted on; a prison or jail term handed down is a conviction, a second term at the
polls is not. Real spaCy; hand-written sentences."""

from __future__ import annotations

import pytest


def _coded(doc, kind):
    ev = next(e for e in doc.events if e.event == kind)
    return {a.code for a in ev.actor}, {a.code for a in ev.recipient}


@pytest.mark.parametrize(
    "text, kind, actor, recipient",
    [
        (
            "A former Bangladeshi minister was granted asylum by the United Kingdom.",
            "AID",
            "GBR",
            "BGD",
        ),
        ("An Iranian dissident was offered refuge by Germany last year.", "AID", "DEU", "IRN"),
        (
            "A Belarusian blogger was handed a prison term by a court in Gomel.",
            "SANCTION",
            "BLR",
            "BLR",
        ),
        (
            "A Tunisian court handed the opposition leader a 12-year jail term.",
            "SANCTION",
            "TUN",
            "TUN",
        ),
    ],
)
def test_the_person_is_acted_on_and_the_thing_decides(analyze, text, kind, actor, recipient):
    actors, recipients = _coded(analyze(text, published="2025-04-01"), kind)
    assert actor in actors and recipient in recipients


def test_a_term_at_the_polls_is_no_conviction(event_facts):
    assert event_facts("Voters handed the president a second term.") == []
