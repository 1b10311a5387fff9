"""Actors across the article (issue 10): the article's own country for unnamed organs and
crowds, pronouns and titles that refer back, checked through the real pipeline on our own
short texts (written for these tests; see tests/dev/dyad4/ for the dev set)."""

from __future__ import annotations

import pytest


def _codes(side) -> set[str | None]:
    return {a.code for a in side}


def _event(doc, kind, word):
    found = [
        e
        for e in doc.events
        if e.event == kind and word in doc.text[e.sentence.start : e.sentence.end]
    ]
    assert found, f"no {kind} with {word!r} in {[e.event for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "word", "kind", "actor"),
    [
        # no country named in the text but a tie of foreign ones: the dateline decides
        (
            "LILONGWE - Officers arrested forty traders at the main market on Monday, "
            "the police said.\n\n"
            "France and Japan urged restraint.",
            "forty traders",
            "COERCE",
            "MWI",
        ),
        # the persons the article names tell its country when its places tie
        (
            "President Cyril Ramaphosa opened the new bridge on Friday.\n\n"
            "Police detained six opposition activists near the venue.\n\n"
            "Diplomats from Britain attended. Ramaphosa thanked them.",
            "six opposition",
            "COERCE",
            "ZAF",
        ),
    ],
)
def test_unnamed_organ_takes_the_articles_country(analyze, text, word, kind, actor):
    ev = _event(analyze(text, published="2024-05-06"), kind, word)
    assert _codes(ev.actor) == {actor}


def test_their_skips_a_singular_subject_for_the_previous_coordination(analyze):
    doc = analyze(
        "Canada, Norway and Australia criticised the crackdown. "
        "The interior ministry summoned their ambassadors.",
        published="2024-05-06",
    )
    ev = _event(doc, "ACCUSE", "summoned")
    assert _codes(ev.recipient) & {"CAN", "NOR", "AUS"}


def test_he_is_an_office_holder_named_by_title(analyze):
    doc = analyze(
        "Chile pledged 200 engineers to the relief effort. "
        "The representative of Chile said the engineers would stay until March. "
        "He thanked Peru for its help.",
        published="2024-05-06",
    )
    ev = _event(doc, "SUPPORT", "thanked")
    assert _codes(ev.actor) == {"CHL"}
    assert _codes(ev.recipient) == {"PER"}


def test_the_army_is_the_last_armys_not_the_army_commanders(analyze):
    doc = analyze(
        "Parliament elected Joseph Aoun, the army commander, as president on Thursday. "
        "Israeli jets struck two villages near Nabatieh on Wednesday. "
        "The army said it had targeted a weapons depot.",
        published="2025-01-10",
    )
    ev = _event(doc, "ASSAULT", "weapons depot")
    assert _codes(ev.actor) == {"ISR"}


def test_a_pronoun_never_takes_a_subject_named_after_it(analyze):
    doc = analyze(
        "Last week in Nairobi he asked the African Union to slow the withdrawal of its "
        "troops; the Commission chairperson backed the request.",
        published="2023-02-20",
    )
    ev = _event(doc, "REQUEST", "asked")
    assert "IGO" not in _codes(ev.actor)
