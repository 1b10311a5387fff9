"""Places the parse does not attach to an act, found from the sentence and the article
(eighth session): the one place a sentence names, the countries of a title and outlet when
the text names none, and a town of the article's country before a far namesake. Every text
here was written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.tokens import Span as SpacySpan

from newsevents.model import Article
from newsevents.nlp import annotate
from newsevents.resolve.place import resolve_places
from newsevents.resolve.place.countries import article_countries
from newsevents.resolve.place.metadata import metadata_countries

# (text, trigger, expected place name or None): an act on the spot whose sentence names one
# place, in a locative phrase, and no other, is there even when the parse hangs the phrase
# off another word
ONE_PLACE = [
    (
        "Masked men seized eleven traders from the crowded bus park in Kasese before dawn.",
        "seized",
        "Kasese",
    ),
    # a country there says who the doers are, not where they acted
    (
        "Student groups in Kenya are staging protests at more than forty colleges this week.",
        "protests",
        None,
    ),
    # where a report was given is no place of the act
    (
        "Gunmen shot a nurse dead on Tuesday, a spokesman told reporters in Kasese.",
        "shot",
        None,
    ),
]


@pytest.mark.parametrize(("text", "trigger", "name"), ONE_PLACE)
def test_one_place_of_the_sentence(parse, make_event, gazetteer, text, trigger, name):
    doc = parse(text, "2024-05-09")
    (ev,) = resolve_places(doc, [make_event(doc, trigger)], gazetteer)
    got = ev.location
    assert (got.name if got is not None else None) == name
    if got is not None:
        assert got.source == "text" and got.precision == "city"


def _article(nlp, text: str, title: str | None, outlet: str | None):
    article = Article(id="t", source="test", format="txt", text=text, title=title, outlet=outlet)
    return annotate(article, nlp(text))


@pytest.mark.parametrize(
    ("title", "outlet", "country"),
    [
        ("Statement on the night's events", "Ministry of Defence of Cameroon", "CM"),
        ("Weekly digest", "The Iraqi Security Bulletin", "IQ"),
        ("Opinion: a bridge too far", "Vojvodina Evening Review", "RS"),
    ],
)
def test_title_and_outlet_name_the_country(nlp, gazetteer, title, outlet, country):
    doc = _article(nlp, "Soldiers searched the market at dawn.", title, outlet)
    assert metadata_countries(doc, gazetteer) == Counter({country: 1})
    assert article_countries(doc, gazetteer) == Counter({country: 1})


def test_text_countries_outweigh_the_outlet(nlp, gazetteer):
    doc = _article(
        nlp, "Police in Ghana detained two men.", None, "Ministry of Defence of Cameroon"
    )
    assert article_countries(doc, gazetteer) == Counter({"GH": 1})


def test_town_of_the_article_country_beats_a_far_city(gazetteer):
    # a name GeoNames gives a city abroad (by an alternate spelling) and a town in the
    # article's country: the town
    got = gazetteer.lookup("Tari", Counter({"PG": 3}))
    assert got is not None and got.country == "PNG"
    # without the article's country, the larger namesake
    far = gazetteer.lookup("Tari")
    assert far is not None


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # "Tari" and "Enga" are GeoNames alternate names of an Australian and a German town,
        # and the very names of a town and a province of Papua New Guinea
        (
            "Clan fighters burned houses in Tari on Monday, and police sent reinforcements "
            "to Enga.",
            {"PG"},
        ),
        # a name with a division word ("X province", "Y State") names a subdivision
        ("Gunmen raided two villages in Kebbi State overnight.", {"NG"}),
        # "the Highlands" is a region, not one of the towns called Highland(s); a name after
        # "the" that modifies a noun still counts ("the Batken region")
        ("Tribal fighting has displaced thousands in the Highlands.", set()),
        # a backer or a side ("Moscow-backed", "pro-Kyiv") is no country the story is set in
        ("Moscow-backed separatists shelled a village near the front line.", set()),
        ("Fighters attacked the Batken region on Monday.", {"KG"}),
    ],
)
def test_article_countries_read_exact_names_and_divisions(nlp, gazetteer, text, countries):
    doc = _article(nlp, text, None, None)
    assert set(article_countries(doc, gazetteer)) == countries


def _untagged(nlp, text: str):
    """An article whose entity tags are dropped: the small NER model leaves many towns of
    local papers untagged."""
    doc = _article(nlp, text, None, None)
    doc.parse.ents = []
    doc.entity_mentions = []
    return doc


def test_an_untagged_city_gives_a_local_paper_its_country(nlp, gazetteer):
    doc = _untagged(nlp, "Residents of Bamenda stayed indoors after gunmen raided the post.")
    assert article_countries(doc, gazetteer) == Counter({"CM": 1})


def test_a_word_of_a_longer_name_gives_no_country(nlp, gazetteer):
    # "Paz" alone is a Mexican city; "La Paz" is not read word by word
    doc = _untagged(nlp, "Hundreds of growers marched on the market of La Paz on Monday.")
    assert article_countries(doc, gazetteer) == Counter()


def test_a_name_the_article_gives_a_person_gives_no_country(nlp, gazetteer):
    doc = _untagged(nlp, "Soldiers detained Kumbo Bello, and Kumbo later said he was beaten.")
    doc.parse.ents = [SpacySpan(doc.parse, 2, 4, label="PERSON")]  # the model tags full names
    assert article_countries(doc, gazetteer) == Counter()


def test_a_town_naming_a_road_gives_no_country(nlp, gazetteer):
    # a road is named for a far town ("the Amman road" runs through other countries)
    doc = _untagged(nlp, "A bomb hit a patrol on the Hit - Riyadh road at dawn.")
    assert "SA" not in article_countries(doc, gazetteer)
