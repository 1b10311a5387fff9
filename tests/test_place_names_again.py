"""Place names written with a word after them, or named twice (twenty-eighth session): "in
X city" and "in X town" are the city or town X (a name GeoNames lists whole, "Gaza City",
stays whole); a name the article has called a town is that town again in a later locative
phrase, whatever label the small NER model gives it there. Real spaCy and gazetteer;
hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents import api, ingest, nlp


def _places(doc):
    return [(e.event, e.location.name, e.location.country) for e in doc.events if e.location]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "In Kharkiv city, a Russian guided bomb hit a block of flats on Monday, killing"
            " three people.",
            ("ASSAULT", "Kharkiv", "UKR"),
        ),
        (
            "Israeli aircraft struck a house in Gaza City on Sunday, medics said.",
            ("ASSAULT", "Gaza City", "PSE"),
        ),
    ],
)
def test_a_city_word_after_the_name(analyze, text, place):
    assert place in _places(analyze(text, published="2025-06-03"))


def test_a_town_named_again_under_another_label(analyze):
    text = (
        "Kyrgyz and Tajik border guards traded fire near the village of Dostuk in Kyrgyzstan's"
        " Batken region on Tuesday, the border service said.\n\n"
        "Officials said Tajik troops had fired mortars at a Kyrgyz post outside Dostuk at"
        " about 6 a.m."
    )
    events = analyze(text, published="2025-04-16").events
    mortars = [e for e in events if "mortars" in text[e.sentence.start : e.sentence.end]]
    assert [(e.location.name, e.location.country) for e in mortars if e.location] == [
        ("Dostuk", "KGZ")
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the parse hangs "to" from the verb as a dative and tags the name ORG
        (
            "Kyrgyzstan sent an additional battalion to Leilek district overnight, the"
            " defence ministry said.",
            ("Leilek", "KGZ", "district"),
        ),
        (
            "Latvia's interior ministry deployed 300 police officers to Balvi district on"
            " Wednesday.",
            ("Balvi", "LVA", "district"),
        ),
    ],
)
def test_a_district_troops_are_sent_to_is_the_place(analyze, text, place):
    doc = analyze(text, published="2025-04-16")
    got = [
        (e.location.name, e.location.country, e.location.precision)
        for e in doc.events
        if e.event == "MOBILIZE" and e.location
    ]
    assert got == [place]


_RALLY = (
    "Georgian riot police used water cannon to disperse several thousand protesters outside"
    " parliament late on Monday, the interior ministry said.\n\n"
    "Smaller rallies took place in Batumi and Kutaisi, local media reported."
)


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Police break up Tbilisi rally as opposition vows to march again", "Tbilisi"),
        ("Police break up rally as opposition vows to march again", None),
    ],
)
def test_the_headline_city_is_the_story_town(resources, title, place):
    text = _RALLY + "\n\nThe European Union urged Tbilisi to show restraint."
    article = ingest.article_from_text(text, title=title, published="2025-01-14", clean=False)
    doc = api.process_document(
        nlp.annotate(article, nlp.parse_text(text, resources.nlp)), resources
    )
    cannon = [e for e in doc.events if e.event == "ASSAULT"]
    assert cannon
    assert {e.location.name if e.location else None for e in cannon} == {place}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the name is tagged a person; it stands where the police are sent
        (
            "Moldova's government deployed forty police officers to Anenii Noi district on"
            " Wednesday.",
            ("MOBILIZE", "Anenii Noi", "MDA"),
        ),
        # a crowd holding a spot is there: the shots at it were fired there
        (
            "When gendarmes fired tear gas last week at young men who had blocked the coastal"
            " road in Saly, it was the third such clash, Senegalese media said.",
            ("ASSAULT", "Saly", "SEN"),
        ),
    ],
)
def test_where_the_people_acted_on_are(analyze, text, place):
    assert place in _places(analyze(text, published="2025-04-16"))


def test_an_old_name_of_a_far_city_is_no_place_without_countries(analyze):
    """An untagged name that is only one of a city's other names places nothing in an
    article that names no country ("Terminus" is an old name of Atlanta)."""
    doc = analyze(
        "Witnesses said the violence began on Monday evening when a group of young men"
        " attacked a mosque near the Terminus market.",
        published="2025-05-14",
    )
    assert [e.event for e in doc.events] == ["ASSAULT"]
    assert _places(doc) == []
