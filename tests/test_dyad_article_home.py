"""The article's own country for parties a sentence leaves without one, and place names read
in the article's countries (issue 10, ninth session; ``resolve/actors/article.py`` and
``DocumentPlaces.context``). Our own short texts, through the real pipeline."""

from __future__ import annotations

from collections import Counter

import pytest

from newsevents.resolve.actors.setting import Setting


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


COLOMBIA = (
    "Gunmen attacked a police post in Cauca, Colombia, on Monday, killing two officers.\n\n"
    "Twelve people were arrested at the scene and held overnight."
)
SENEGAL = (
    "Supporters of the opposition rallied in Dakar, Senegal, on Friday.\n\n"
    "The fighting broke out in the afternoon and went on until late in the evening."
)


@pytest.mark.parametrize(
    ("text", "word", "kind", "country"),
    [
        (COLOMBIA, "Twelve people", "COERCE", "COL"),  # a passive without agent
        (SENEGAL, "fighting", "ASSAULT", "SEN"),  # a nominal act that names no party
        # an act on people where it happens, by doers the article gives a country
        (
            "Supporters of the opposition rallied in Dakar, Senegal, on Friday.\n\n"
            "Police opened fire late in the evening, witnesses said.",
            "opened fire",
            "ASSAULT",
            "SEN",
        ),
    ],
)
def test_unnamed_parties_take_the_articles_country(analyze, text, word, kind, country):
    ev = _event(analyze(text, published="2025-04-22"), kind, word)
    assert _codes(ev.actor) == {country}
    assert _codes(ev.recipient) == {country}


def test_a_doer_with_its_own_country_keeps_an_empty_recipient(analyze):
    doc = analyze(
        "Militants killed five police officers in Mandera, Kenya, on Tuesday.\n\n"
        "Kenyan troops later shelled suspected positions near the border.",
        published="2023-06-28",
    )
    ev = _event(doc, "ASSAULT", "shelled")
    assert _codes(ev.actor) == {"KEN"}
    assert not ev.recipient


def test_no_country_is_guessed_for_an_article_that_names_none(analyze):
    doc = analyze("The talks will continue next month, the spokesman said.", published="2025-04-22")
    for ev in doc.events:
        assert not {a.code for a in (*ev.actor, *ev.recipient) if a.code}


@pytest.mark.parametrize(
    ("text", "word", "kind", "country"),
    [
        # a city of one name in several countries: the article's country decides
        (
            "Farmers across Spain blocked motorways on Tuesday over fuel prices.\n\n"
            "Police detained six protesters near Cordoba after the tractors left.",
            "Cordoba",
            "COERCE",
            "ESP",
        ),
        (
            "Pakistan's government raised fuel prices on Monday.\n\n"
            "Police in Hyderabad arrested two men on suspicion of smuggling rifles.",
            "Hyderabad",
            "COERCE",
            "PAK",
        ),
        # a capital's namesake in the article's country ("Tripoli" in a story on Lebanon)
        (
            "Lebanon's government raised the price of bread on Thursday.\n\n"
            "In Tripoli, several hundred people protested against the rising price of bread.",
            "Tripoli",
            "PROTEST",
            "LBN",
        ),
    ],
)
def test_a_place_name_is_read_in_the_articles_countries(analyze, text, word, kind, country):
    ev = _event(analyze(text, published="2024-10-05"), kind, word)
    assert _codes(ev.actor) == {country}


@pytest.mark.parametrize(
    ("second", "word", "kind", "actor"),
    [
        ("The United States said it was ready to provide assistance.", "ready", "AGREE", "USA"),
        ("The European Union pledged emergency aid on Thursday.", "pledged", "AID", "EUR"),
    ],
)
def test_a_foreign_doers_act_on_no_one_named_is_on_the_articles_country(
    analyze, second, word, kind, actor
):
    text = (
        "Floods have displaced thousands of people in Mozambique's Cabo Delgado province "
        "this week.\n\n" + second
    )
    ev = _event(analyze(text, published="2024-10-05"), kind, word)
    assert _codes(ev.actor) == {actor}
    assert _codes(ev.recipient) == {"MOZ"}


class _UntaggedPlaces:
    """The article's places as the actor coder sees them when the tagger found none of its
    place names ("Police in Accra" untagged), with the countries the place stage read."""

    def __init__(self, gazetteer, context):
        self.gazetteer = gazetteer
        self.context = context

    def where(self):
        return Counter()

    def dominant(self):
        return Counter()


@pytest.mark.parametrize(
    ("context", "home"),
    [
        (Counter({"MZ": 2}), "MOZ"),  # named twice: the article's country
        (Counter({"MZ": 3, "TZ": 1}), "MOZ"),
        (Counter({"MZ": 1}), None),  # once is a guess (a namesake, an outlet's name)
        (Counter({"MZ": 2, "TZ": 2}), None),  # a tie tells nothing
    ],
)
def test_the_countries_the_article_names_give_its_home_when_no_place_was_tagged(
    analyze, resources, context, home
):
    doc = analyze("Fighters burned a clinic and killed nine civilians before fleeing.")
    places = _UntaggedPlaces(resources.gazetteer, context)
    setting = Setting(doc, resources.actors, places)  # type: ignore[arg-type]
    assert setting.home(where_first=True) == home


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Students marched through central Lima, Peru, on Monday.\n\n"
            "The crowd broke into the grounds of the consulate on Tuesday, burning a car and "
            "chanting slogans against Chile.",
            "CHL",
        ),
        (
            "Hundreds of people rallied in Karachi, Pakistan, on Friday.\n\n"
            "A crowd stormed the gates of the mission, burning flags and chanting slogans "
            "against the United States.",
            "USA",
        ),
    ],
)
def test_a_crowd_protesting_against_a_named_country_is_of_the_place(analyze, text, target):
    # the country a protest is against is its recipient, never the protesters' own country
    doc = analyze(text, published="2024-05-10")
    ev = next(
        e
        for e in doc.events
        if e.event == "PROTEST" and "against" in doc.text[e.sentence.start : e.sentence.end]
    )
    assert target in _codes(ev.recipient)
    assert target not in _codes(ev.actor)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "MANILA - Chinese coast guard ships blocked a Philippine supply boat on Monday.\n\n"
            "The Department of Foreign Affairs summoned a Chinese diplomat on Tuesday.",
            "summoned",
        ),
        (
            "NAIROBI - Gunmen attacked a police post in Mandera, Kenya, on Monday.\n\n"
            "The Ministry of Interior condemned the attack on Tuesday.",
            "condemned",
        ),
    ],
)
def test_a_state_organ_named_by_its_office_is_the_articles_state(analyze, text, word):
    doc = analyze(text, published="2024-03-08")
    ev = next(e for e in doc.events if word in doc.text[e.trigger.start : e.trigger.end])
    home = "PHL" if "MANILA" in text else "KEN"
    assert home in _codes(ev.actor)


@pytest.mark.parametrize(
    ("text", "kind", "side", "wrong"),
    [
        # "the attack" stands for its doer (a group with a country of its own); the minister
        # condemning it is not of that group's country
        (
            "NAIROBI - Al-Shabaab fighters attacked a police post in Mandera on Tuesday, "
            "killing two officers.\n\nInterior Minister John Kamau condemned the attack on "
            "Wednesday.",
            "ACCUSE",
            "actor",
            "SOM",
        ),
        # in a report set in Iraq, Iran's vow of revenge names no target: the target is its
        # enemy, not the country the report is set in
        (
            "BAGHDAD - Rockets hit a base near Kirkuk on Friday, Iraqi officials said.\n\n"
            "Iran's supreme leader vowed severe revenge on Saturday.",
            "THREATEN",
            "recipient",
            "IRQ",
        ),
    ],
)
def test_a_foreign_party_does_not_lend_or_take_the_wrong_country(analyze, text, kind, side, wrong):
    doc = analyze(text, published="2024-03-10")
    ev = next(e for e in doc.events if e.event == kind)
    assert wrong not in _codes(getattr(ev, side))


def test_a_city_called_exactly_so_outranks_a_bigger_citys_other_name(analyze):
    # GeoNames lists "Dili" among Delhi's other names; the article is about Timor-Leste
    doc = analyze(
        "Supporters of the jailed candidate picketed the electoral commission in Dili.",
        published="2024-03-08",
    )
    ev = next(e for e in doc.events if e.event == "PROTEST")
    assert _codes(ev.actor) == {"TLS"}
