"""Phrases read wrong before the thirty-third session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


def _events(doc, event=None):
    return [e for e in doc.events if event is None or e.event == event]


@pytest.mark.parametrize(
    ("text", "event", "code", "sector"),
    [
        ("A Chadian military air strike killed nine herders near the border.", "ASSAULT",
         "TCD", "MIL"),
        ("The Ecuadorian police crackdown on the strikers left dozens injured.", "COERCE",
         "ECU", "COP"),
    ],
)  # fmt: skip
def test_the_body_named_between_a_country_and_its_act_is_the_doer(
    analyze, text, event, code, sector
):
    (ev,) = _events(analyze(text, published="2023-05-02"), event)
    assert [(a.code, a.sector) for a in ev.actor] == [(code, sector)]
