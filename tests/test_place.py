"""Places: which named place is the event's, and how a name resolves offline."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from newsevents.errors import ConfigError
from newsevents.model import Article, Document, EventMention, Span
from newsevents.nlp import annotate
from newsevents.resolve import place as rplace
from newsevents.resolve.place import load_gazetteer, resolve_places


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _doc(nlp, text: str) -> Document:
    article = Article(id="p", source="test", format="txt", text=text, published="2021-03-17")
    return annotate(article, nlp(text))


def _event(doc: Document, trigger: str, index: int = 0) -> EventMention:
    start = doc.article.text.index(trigger)
    span = Span(start, start + len(trigger))
    sentence = doc.sentence_of(span)
    assert sentence is not None
    return EventMention(
        article_id="p",
        index=index,
        sentence=sentence,
        trigger=span,
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
    )


# (text, trigger, expected name or None, country alpha-3, precision)
CASES = [
    ("Protesters stormed the US embassy in Baghdad.", "stormed", "Baghdad", "IRQ", "city"),
    ("Missiles struck outside Baghdad airport.", "struck", "Baghdad", "IRQ", "city"),
    ("Gunmen attacked guards at the embassy in Tehran.", "attacked", "Tehran", "IRN", "city"),
    (
        "An Iranian general was killed in a drone strike near Kirkuk.",
        "killed",
        "Kirkuk",
        "IRQ",
        "city",
    ),
    # places in two countries: no one place is the event's; the same country keeps the first
    ("Jets struck targets in Iraq and Syria.", "struck", None, None, None),
    ("Jets struck rebel positions in Homs and Mosul.", "struck", None, None, None),
    ("Jets struck rebel positions in Homs and Hama.", "struck", "Homs", "SYR", "city"),
    # a temporal clause of arriving/leaving/being somewhere locates the main event
    (
        "The army shelled the rebels shortly after they arrived at the Aleppo stadium.",
        "shelled",
        "Aleppo",
        "SYR",
        "city",
    ),
    (
        "A drone fired on a convoy leaving Kabul airport, killing the general.",
        "fired",
        "Kabul",
        "AFG",
        "city",
    ),
    (
        "Police arrested the envoy when he was at a hotel in Lyon.",
        "arrested",
        "Lyon",
        "FRA",
        "city",
    ),
    # ... but the event's own place wins over the clause's
    (
        "Iran fired missiles at a base near Erbil shortly after the envoy landed in Baghdad.",
        "fired",
        "Erbil",
        "IRQ",
        "city",
    ),
    # a participle clause shares its verb's place
    (
        "At dawn a drone fired on a car leaving Mosul airport, killing two commanders.",
        "killing",
        "Mosul",
        "IRQ",
        "city",
    ),
    ("The air force struck back, hitting camps near Mosul.", "struck", "Mosul", "IRQ", "city"),
    # a city the NER model mislabels, in a locative phrase
    ("Jets bombed rebel positions near Erbil on Monday.", "bombed", "Erbil", "IRQ", "city"),
    # the subject's place, a conjoined verb's place, "the city of X", a nested phrase
    (
        "A drone strike near Kabul International Airport early on Friday killed the general.",
        "killed",
        "Kabul",
        "AFG",
        "city",
    ),
    (
        "A rocket barrage on Tuesday killed a contractor and wounded four soldiers at a base "
        "near the northern city of Kirkuk.",
        "killed",
        "Kirkuk",
        "IRQ",
        "city",
    ),
    (
        "Two guards were killed in a raid on a checkpoint near the bridge in Mosul.",
        "killed",
        "Mosul",
        "IRQ",
        "city",
    ),
    ("Rebels shelled Mosul on Monday.", "shelled", "Mosul", "IRQ", "city"),
    ("Police arrested protesters in Paris, Texas.", "arrested", "Paris", "USA", "city"),
    ("Riot police dispersed a march in Paris.", "dispersed", "Paris", "FRA", "city"),
    ("Fighting erupted in Tripoli, Lebanon.", "erupted", "Tripoli", "LBN", "city"),
    ("Libyan militias clashed in Tripoli.", "clashed", "Tripoli", "LBY", "city"),
    ("A bomb exploded in Kabul's diplomatic quarter.", "exploded", "Kabul", "AFG", "city"),
    ("Talks were held in Geneva, Switzerland.", "held", "Geneva", "CHE", "city"),
    (
        "The attack on the convoy in the Gaza Strip killed nine.",
        "attack",
        "Gaza Strip",
        "PSE",
        "region",
    ),
    ("Thousands marched in the United States.", "marched", "United States", "USA", "country"),
    # not places: nationality, owner, target country of a sanction, actor compound
    ("An Iranian general was killed in a drone strike.", "killed", None, None, None),
    ("Iraqi militias attacked the base.", "attacked", None, None, None),
    ("Protesters stormed the US embassy.", "stormed", None, None, None),
    ("Washington imposed sanctions on Iran.", "imposed", None, None, None),
    ("Rebels shelled Iraq on Monday.", "shelled", None, None, None),
]


@pytest.mark.parametrize(("text", "trigger", "name", "country", "precision"), CASES)
def test_event_place(nlp, gaz, text, trigger, name, country, precision):
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, trigger)], gaz)
    loc = ev.location
    if name is None:
        assert loc is None, f"unexpected place {loc}"
        return
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == (name, country, precision)
    assert loc.span is not None and name in loc.span.of(text)
    if precision == "city":
        assert loc.lat is not None and loc.lon is not None and loc.geonameid
    else:  # no centroid for countries and regions
        assert loc.lat is None and loc.lon is None


def test_attached_place_beats_other_place_in_sentence(nlp, gaz):
    text = "After talks in Cairo, the army bombed positions near Homs in Syria."
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, "bombed")], gaz)
    assert ev.location is not None and ev.location.country == "SYR"


def test_place_from_sentence_when_not_attached(nlp, gaz):
    # the trigger is a noun whose clause names the place in a locative phrase elsewhere
    text = "In Basra, the protests turned violent."
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, "protests")], gaz)
    loc = ev.location
    assert loc is not None and (loc.country, loc.precision) == ("IRQ", "city")
    assert loc.span is not None and loc.span.of(text) == "Basra"


def test_article_countries_disambiguate(nlp, gaz):
    text = (
        "Canadian police said the suspects were known to them. "
        "Officers arrested four men in London on Sunday. "
        "The province of Ontario and Canada's federal government condemned the attack."
    )
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, "arrested")], gaz)
    assert ev.location is not None and ev.location.country == "CAN"


def test_population_breaks_ties(gaz):
    place = gaz.lookup("London")
    assert place is not None and place.country == "GBR" and place.precision == "city"


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("U.S.", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("the Netherlands", "NLD", "country"),
        ("Iran", "IRN", "country"),
        ("Kyiv", "UKR", "city"),
        ("Kiev", "UKR", "city"),
        ("Sao Paulo", "BRA", "city"),
        ("West Bank", "PSE", "region"),
        ("Texas", "USA", "region"),
        ("Iraq's", "IRQ", "country"),
    ],
)
def test_lookup_names(gaz, name, country, precision):
    place = gaz.lookup(name)
    assert place is not None and (place.country, place.precision) == (country, precision)


@pytest.mark.parametrize("demonym", ["Iraqi", "Iranian", "American", "British", "Syrian"])
def test_demonym_is_not_a_place(gaz, demonym):
    assert gaz.lookup(demonym) is None


def test_context_prefers_article_country(gaz):
    place = gaz.lookup("Tripoli", Counter({"LB": 3}))
    assert place is not None and place.country == "LBN"


def test_bad_alias_row_raises(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    real = rplace._data
    for name in ("place_regions.tsv", "place_cues.tsv"):
        (data / name).write_text(real(name).read_text(encoding="utf-8"), encoding="utf-8")
    (data / "place_country_aliases.tsv").write_text("Atlantis\tQQ\n", encoding="utf-8")
    monkeypatch.setattr(rplace, "_data", lambda name: data / name)
    rplace.load_gazetteer.cache_clear()
    try:
        with pytest.raises(ConfigError):
            rplace.load_gazetteer()
    finally:
        rplace.load_gazetteer.cache_clear()


def test_no_events_no_work(nlp, gaz):
    doc = _doc(nlp, "Nothing happened in Baghdad.")
    assert resolve_places(doc, [], gaz) == []


def test_conjoined_verbs_share_place(nlp, gaz):
    text = "Rockets hit a base in Kirkuk and killed a contractor."
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, "killed")], gaz)
    assert ev.location is not None and ev.location.name == "Kirkuk"


def test_where_a_person_is_from_is_not_the_place(nlp, gaz):
    text = "Drones killed the commander, one of the most feared figures in Lebanon."
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, "killed")], gaz)
    assert ev.location is None


# (text, trigger, PLOVER type): a place describing the target of an act done by word or
# decision is where the target is, not where the act happened
REMOTE = [
    (
        "Activists urged voters to oppose the senator and his friends in Canada as they "
        "push for tariffs.",
        "oppose",
        "REJECT",
    ),
    ("The minister condemned the bombing in Kabul.", "condemned", "ACCUSE"),
    ("Washington sanctioned two banks in Tehran.", "sanctioned", "SANCTION"),
    ("The senator criticised the government in Tehran.", "criticised", "ACCUSE"),
    ("Officials in Tehran have demanded an apology.", "demanded", "REQUEST"),
]


@pytest.mark.parametrize(("text", "trigger", "event"), REMOTE)
def test_target_place_of_remote_act_is_not_its_place(nlp, gaz, text, trigger, event):
    doc = _doc(nlp, text)
    ev = dataclasses.replace(_event(doc, trigger), event=event)
    (got,) = resolve_places(doc, [ev], gaz)
    assert got.location is None


def test_venue_of_remote_act_is_its_place(nlp, gaz):
    text = "The senator criticised the government at a rally in Ohio."
    doc = _doc(nlp, text)
    ev = dataclasses.replace(_event(doc, "criticised"), event="ACCUSE")
    (got,) = resolve_places(doc, [ev], gaz)
    assert got.location is not None and got.location.name == "Ohio"


def test_target_place_of_physical_act_is_its_place(nlp, gaz):
    text = "Police arrested protesters in Paris."
    doc = _doc(nlp, text)
    ev = dataclasses.replace(_event(doc, "arrested"), event="COERCE")
    (got,) = resolve_places(doc, [ev], gaz)
    assert got.location is not None and got.location.name == "Paris"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered outside Kabul University on Monday.",
        "The striker scored twice against Lyon.",
    ],
)
def test_city_inside_organisation_name_is_not_a_place(nlp, gaz, text):
    doc = _doc(nlp, text)
    spans = [
        e.text for e in rplace._candidates(doc.parse, gaz) if e.label_ not in ("GPE", "LOC", "FAC")
    ]
    assert spans == []


def test_place_in_other_clause_is_not_borrowed(nlp, gaz):
    text = "Tehran promised revenge after the drone strike killed its general in Iraq."
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, "promised")], gaz)
    assert ev.location is None


# (text, triggers, expected place name of the last trigger or None): a back-reference
# without a place of its own takes its antecedent's (dated by the text) place
INHERITED = [
    (
        "Gunmen attacked a police station in Kabul on Monday. The attack also killed two "
        "passers-by.",
        ["attacked", "killed"],
        "Kabul",
    ),
    (
        "Jets bombed a camp near Mosul on Sunday. Nine guards were killed in the raids.",
        ["bombed", "killed"],
        "Mosul",
    ),
    # its own place wins
    (
        "Jets bombed a camp near Mosul on Sunday. The raids also killed two guards in Kirkuk.",
        ["bombed", "killed"],
        "Kirkuk",
    ),
    # no date in the text for the antecedent: no reference, no place
    (
        "Gunmen attacked a police station in Kabul. The attack also killed two passers-by.",
        ["attacked", "killed"],
        None,
    ),
]


@pytest.mark.parametrize(("text", "triggers", "name"), INHERITED)
def test_back_reference_takes_antecedent_place(nlp, gaz, time_vocab, text, triggers, name):
    from newsevents.resolve.time import find_times, resolve_dates

    doc = _doc(nlp, text)
    events = [_event(doc, t, i) for i, t in enumerate(triggers)]
    times = find_times(doc, time_vocab)
    events = resolve_places(doc, resolve_dates(doc, events, times, time_vocab), gaz)
    loc = events[-1].location
    if name is None:
        assert loc is None
    else:
        assert loc is not None and loc.name == name


# (text, trigger, expected name or None): places in separate locative phrases of one act
SEPARATE_PHRASES = [
    ("Jets struck two depots in northern Iraq and three more in eastern Syria.", "struck", None),
    (
        "Jets struck two depots in western Iraq and three more across the border in eastern Syria.",
        "struck",
        None,
    ),
    ("Gunmen shot a guard in Kabul and two drivers near Herat.", "shot", "Kabul"),
    # a place inside another phrase ("after talks in Cairo") is not the act's
    ("After talks in Cairo, the army bombed positions near Homs.", "bombed", "Homs"),
]


@pytest.mark.parametrize(("text", "trigger", "name"), SEPARATE_PHRASES)
def test_places_in_two_countries_in_separate_phrases(nlp, gaz, text, trigger, name):
    doc = _doc(nlp, text)
    (ev,) = resolve_places(doc, [_event(doc, trigger)], gaz)
    if name is None:
        assert ev.location is None
    else:
        assert ev.location is not None and ev.location.name == name


# (text, trigger, PLOVER type, expected city or None, country alpha-3): a landmark in a
# locative phrase is its city; as an actor by metonymy it is no place
LANDMARKS = [
    ("Protesters gathered outside the Kremlin on Monday.", "gathered", "PROTEST", "Moscow", "RUS"),
    ("Thousands of students rallied in Tahrir Square.", "rallied", "PROTEST", "Cairo", "EGY"),
    ("Police arrested two men near the Pentagon.", "arrested", "COERCE", "Arlington", "USA"),
    (
        "The two leaders signed a pact at the White House on Friday.",
        "signed",
        "AGREE",
        "Washington",
        "USA",
    ),
    (
        "The president signed a new trade accord at the White House on Wednesday.",
        "signed",
        "SUPPORT",
        "Washington",
        "USA",
    ),
    ("Riot police dispersed a march near Downing Street.", "dispersed", "COERCE", "London", "GBR"),
    ("Crowds camped outside the Green Zone.", "camped", "PROTEST", "Baghdad", "IRQ"),
    ("The White House condemned the attack.", "condemned", "ACCUSE", None, None),
    ("The Kremlin rejected the offer on Monday.", "rejected", "REJECT", None, None),
]


@pytest.mark.parametrize(("text", "trigger", "event", "name", "country"), LANDMARKS)
def test_landmark_in_locative_phrase_is_its_city(nlp, gaz, text, trigger, event, name, country):
    doc = _doc(nlp, text)
    ev = dataclasses.replace(_event(doc, trigger), event=event)
    (got,) = resolve_places(doc, [ev], gaz)
    loc = got.location
    if name is None:
        assert loc is None
        return
    assert loc is not None and (loc.name, loc.country, loc.precision) == (name, country, "city")
    assert loc.lat is not None and loc.span is not None


def test_every_landmark_resolves_to_its_city(gaz):
    assert len(gaz.landmarks) >= 20
    for key, (alpha2, _gid) in gaz.landmarks.items():
        place = gaz.landmark(key)
        assert place is not None and place.precision == "city"
        assert place.country == gaz.by_alpha2[alpha2].alpha3
