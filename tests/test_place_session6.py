"""Place phrases added in session 6 (sentences written for these tests): a place on the
subject of a verb that carries a noun trigger ("farmers in X held a rally"), a country
adjective that says which town of a shared name ("the Spanish city of X")."""

from __future__ import annotations

import pytest


def _place(doc, trigger):
    (ev,) = [e for e in doc.events if e.trigger.of(doc.article.text) == trigger]
    loc = ev.location
    return None if loc is None else (loc.name, loc.country, loc.precision)


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a support verb carries the noun trigger: the city of its subject is the act's
        (
            "Hundreds of dock workers in Mombasa held a protest on Tuesday over unpaid wages.",
            "protest",
            ("Mombasa", "KEN", "city"),
        ),
        (
            "Several hundred teachers in Kisumu held a demonstration on Friday over unpaid"
            " allowances.",
            "demonstration",
            ("Kisumu", "KEN", "city"),
        ),
        # a country there says who the doers are, not where they gathered
        (
            "Students in Kenya held protests in dozens of towns on Friday.",
            "protests",
            None,
        ),
        # a verb of saying is no support verb: the speaker's place is not the act's
        (
            "Officials in Mombasa said gunmen had staged an attack on a bus near Garissa.",
            "attack",
            ("Garissa", "KEN", "city"),
        ),
    ],
)
def test_support_verb_subject_place(analyze, text, trigger, want):
    assert _place(analyze(text, "2024-06-05"), trigger) == want


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # a country adjective on the place noun says which of the towns of that name
        ("A court in the Spanish city of Mérida jailed two smugglers on Monday.", "jailed", "ESP"),
        ("A court in the Mexican city of Mérida jailed two smugglers on Monday.", "jailed", "MEX"),
        ("Police arrested two men in Valencia, a Venezuelan city, on Monday.", "arrested", "VEN"),
    ],
)
def test_adjective_says_which_town(analyze, text, trigger, country):
    got = _place(analyze(text, "2024-06-05"), trigger)
    assert got is not None and got[1] == country


HEADED = (
    "Incidents recorded this week in Niger\n\n"
    "Maradi (Maradi region): gunmen raided a cattle market on 30 November and killed four"
    " herders.\n\n"
    "Zinder: police arrested 12 students at the university on Monday.\n\n"
    "Q: What happened next?\n\n"
    "A: Soldiers detained three more students on Tuesday.\n"
)


@pytest.mark.parametrize(
    ("trigger", "want"),
    [
        # a paragraph's heading places the acts its words leave unplaced
        ("killed", ("Maradi", "NER", "city")),
        ("arrested", ("Zinder", "NER", "city")),
    ],
)
def test_paragraph_heading_places_its_acts(analyze, trigger, want):
    assert _place(analyze(HEADED, "2024-12-04"), trigger) == want


def test_speaker_label_is_no_heading(analyze):
    got = _place(analyze(HEADED, "2024-12-04"), "detained")
    assert got is None or got[0] not in ("Q", "A")


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # "the city" is the city named last before it, not only a dateline's
        (
            "Gunmen killed two traders in Mombasa on Monday. Police detained 15 men on the"
            " outskirts of the city on Tuesday, and the governor of Garissa condemned the"
            " killings.",
            "detained",
            "Mombasa",
        ),
        # without a city before it, "the city" names nothing of its own
        ("Police detained 15 men in the city on Tuesday.", "detained", None),
    ],
)
def test_the_city_is_the_city_named_before(analyze, text, trigger, want):
    got = _place(analyze(text, "2024-06-05"), trigger)
    assert (got[0] if got is not None else None) == want


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("CÓRDOBA, Argentina, March 14 (Wire) – Police arrested nine people.", "CÓRDOBA"),
        ("SÃO PAULO (Wire) - Teachers walked out on Monday.", "SÃO PAULO"),
        ("Bogotá, June 3 (Wire) – Police arrested nine people.", "Bogotá"),
    ],
)
def test_dateline_city_with_accents(text, city):
    from newsevents.resolve.datelines import dateline_matches, read_datelines

    (m,) = dateline_matches(text, read_datelines(), 200)[:1]
    assert m.group("city") == city
