"""Phrases read wrong before the thirty-second session. Real spaCy, gazetteer and
dictionaries; hand-written sentences."""

from __future__ import annotations

import pytest


def _events(doc, event=None):
    return [e for e in doc.events if event is None or e.event == event]


@pytest.mark.parametrize(
    "text",
    [
        "The interior ministry denied the allegations and said the police had acted lawfully.",
        "On Monday, Nairobi denied any involvement in the raid.",
        "The army spokesman refuted the reports of a massacre in the valley.",
    ],
)
def test_a_denied_claim_or_part_named_as_a_noun_is_a_rejection(analyze, text):
    (ev,) = _events(analyze(text, published="2022-03-02"), "REJECT")
    assert ev.factuality == "asserted"


def test_denying_charges_is_a_plea_not_a_rejection(analyze):
    doc = analyze("The ex-mayor denied the charges in court on Tuesday.", published="2022-03-02")
    assert _events(doc, "REJECT") == []


@pytest.mark.parametrize(
    "text",
    [
        "Lima has neither confirmed nor denied the reports.",
        "The ministry would not confirm or deny the reports.",
    ],
)
def test_neither_confirming_nor_denying_is_no_comment(analyze, text):
    assert _events(analyze(text, published="2022-03-02"), "REJECT") == []


def test_the_second_verb_after_nor_is_negated(analyze):
    doc = analyze("The militia has neither attacked nor shelled the town.", published="2022-03-02")
    assert {e.factuality for e in _events(doc, "ASSAULT")} == {"negated"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The offer was rejected by Ukraine on Friday.", "UKR"),
        ("The peace plan was turned down by Armenia.", "ARM"),
    ],
)
def test_a_passives_by_phrase_names_the_one_who_rejects(analyze, text, code):
    (ev,) = _events(analyze(text, published="2022-03-02"), "REJECT")
    assert [a.code for a in ev.actor] == [code]
    assert [a.code for a in ev.recipient] == []


@pytest.mark.parametrize(
    "text",
    [
        "Two patrol boats fired water cannon at the trawler, forcing it to turn back.",
        "The gangs have turned the highways into hunting grounds.",
    ],
)
def test_turning_back_or_into_is_no_rejection(analyze, text):
    assert _events(analyze(text, published="2022-03-02"), "REJECT") == []


def test_turning_down_an_offer_is_a_rejection(analyze):
    doc = analyze("The cabinet turned down the offer of talks.", published="2022-03-02")
    assert len(_events(doc, "REJECT")) == 1


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Dozens of the injured sought treatment at the district hospital.", "REQUEST"),
        ("The opposition leader has pleaded not guilty.", "REQUEST"),
        ("The evidence does not support the verdict, his lawyer said.", "SUPPORT"),
        ("The fighting has threatened the pipelines and mines near the border.", "THREATEN"),
        ("By Sunday the water had reached waist height in the market.", "AID"),
        (
            "Rebels shelled the town on Friday. Relatives waited for news of the wounded, "
            "who were flown to the capital.",
            "ASSAULT",
        ),
        ("Four miners were killed after a gallery collapsed at a small gold mine.", "ASSAULT"),
    ],
)
def test_words_that_name_no_political_act(analyze, text, event):
    doc = analyze(text, published="2022-03-02")
    found = [e for e in _events(doc, event) if e.sentence.start > 0 or "Rebels" not in text]
    assert found == []


def test_a_building_brought_down_by_a_strike_is_still_an_attack(analyze):
    doc = analyze(
        "Five people were killed when the building collapsed after a drone strike.",
        published="2022-03-02",
    )
    assert len(_events(doc, "ASSAULT")) >= 1
