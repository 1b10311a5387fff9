"""Phrases read wrong before the thirty-first session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


def _of(doc, event):
    (ev,) = [e for e in doc.events if e.event == event]
    return ev


@pytest.mark.parametrize(
    ("text", "event", "speaker"),
    [
        # the parser hangs the second verb on the reported clause, whose subject is a thing
        (
            "The Dutch foreign ministry said the ruling showed a pattern of abuse and urged "
            "Caracas to free the prisoners.",
            "REQUEST",
            ("NLD", "GOV"),
        ),
        (
            "Chilean senators said the report proved that the police could not keep order, "
            "and called for an independent inquiry.",
            "REQUEST",
            ("CHL", "LEG"),
        ),
    ],
)
def test_a_verb_hung_on_a_reported_clause_is_the_speakers(analyze, text, event, speaker):
    ev = _of(analyze(text, published="2022-05-04"), event)
    assert [(a.code, a.sector) for a in ev.actor] == [speaker]


def test_a_reported_clause_with_a_doer_of_its_own_keeps_it(analyze):
    doc = analyze(
        "Police said the rebels crossed the river and attacked a village near Gulu.",
        published="2022-05-04",
    )
    ev = _of(doc, "ASSAULT")
    assert [a.sector for a in ev.actor] == ["REB"]


@pytest.mark.parametrize(
    "text",
    [
        "Ugandan police said eleven men had been arrested in Jinja.",
        "Ugandan police said on Friday that eleven men had been detained by Thursday.",
    ],
)
def test_police_who_report_arrests_made_them(analyze, text):
    ev = _of(analyze(text, published="2022-05-07"), "COERCE")
    assert [(a.code, a.sector) for a in ev.actor] == [("UGA", "COP")]


def test_relatives_who_report_arrests_did_not_make_them(analyze):
    ev = _of(
        analyze("Relatives said eleven men had been arrested in Jinja.", published="2022-05-07"),
        "COERCE",
    )
    assert all(a.sector != "CVL" for a in ev.actor)
