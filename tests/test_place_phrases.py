"""Place phrases the resolver reads (sentences written for these tests): the level an ISO
3166-2 subdivision's type gives, a named division the gazetteer does not list, a part of a
place ("the outskirts of X"), a relative clause about a place, a dateline's city, a town
named in a verb's object, a place on the subject of a verb that carries a noun trigger
("farmers in X held a rally"), a country adjective that says which town of a shared name ("the
Spanish city of X"), a paragraph heading."""

from __future__ import annotations

from collections import Counter

import pytest


@pytest.mark.parametrize(
    ("name", "context", "want"),
    [
        # a "Province" under a region or an autonomous community is still a province
        ("Lanao del Sur", {"PH": 1}, ("Lanao del Sur", "PHL", "province")),
        ("Jaén province", {"ES": 1}, ("Jaén", "ESP", "province")),
        # a first-level type that is no province keeps its level
        ("Garissa County", {"KE": 1}, ("Garissa", "KEN", "province")),
    ],
)
def test_subdivision_precision_follows_its_type(gazetteer, name, context, want):
    place = gazetteer.lookup(name, Counter(context))
    assert place is not None
    assert (place.name, place.country, place.precision) == want


def _place(doc, trigger):
    (ev,) = [e for e in doc.events if e.trigger.of(doc.article.text) == trigger]
    loc = ev.location
    return None if loc is None else (loc.name, loc.country, loc.precision)


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a named district the gazetteer does not know: the name, the article's country
        (
            "Pakistan said on Monday that gunmen attacked a checkpoint in the Qarnak district"
            " on Sunday.",
            "attacked",
            ("Qarnak", "PAK", "district"),
        ),
        # a part of a city: the event is in that city
        (
            "Shells hit a market on the northern outskirts of Kharkiv on Monday.",
            "hit",
            ("Kharkiv", "UKR", "city"),
        ),
        # a relative clause about a place: its act happened there
        (
            "The unrest in Spain spread to the province of Jaen, where farmers blocked roads"
            " on Monday.",
            "blocked",
            ("Jaén", "ESP", "province"),
        ),
        # a town named in the verb's object, in the article's country
        (
            "Kenya's interior ministry said police raided the Dadaab refugee camp on Monday.",
            "raided",
            ("Dadaab", "KEN", "city"),
        ),
        # "the Kenyan capital": the capital of the country the adjective names
        (
            "Police fired tear gas at students in the Kenyan capital on Monday.",
            "fired",
            ("Nairobi", "KEN", "city"),
        ),
        # a country the small NER model tags as a person, in a locative phrase
        (
            "Jihadists ambushed a convoy in northern Mali on Monday, killing 11 soldiers.",
            "ambushed",
            ("Mali", "MLI", "country"),
        ),
        # a district is local: never a far town that shares the name
        (
            "Protesters set fire to a police station in Nepal's Bara district on Monday.",
            "set",
            ("Bara", "NPL", "district"),
        ),
        # an article naming no country: its adjectives say which Granada
        (
            "Nicaraguan police detained 14 students in Granada on Monday.",
            "detained",
            ("Granada", "NIC", "city"),
        ),
        # the coast of a country: that country
        (
            "Pirates hijacked a cargo ship off the coast of Somalia on Monday.",
            "hijacked",
            ("Somalia", "SOM", "country"),
        ),
        # a sea the region table knows
        (
            "Rebels fired a missile at a tanker in the Gulf of Aden on Monday.",
            "fired",
            ("Gulf of Aden", None, "region"),
        ),
        # a square in a named city: that city, not a far town named like the square
        (
            "Demonstrators gathered at Independence Square in Kyiv on Monday.",
            "gathered",
            ("Kyiv", "UKR", "city"),
        ),
        # a square named like a town of the same country: the city the phrase names
        (
            "Police detained seventeen activists on Sukhbaatar Square in Ulaanbaatar on Monday.",
            "detained",
            ("Ulaanbaatar", "MNG", "city"),
        ),
        # a part of a place ("the hills of", "the entrance of") places the act in it
        (
            "Guerrillas ambushed a police patrol in the hills of Northern Samar on Friday.",
            "ambushed",
            ("Northern Samar", "PHL", "province"),
        ),
        (
            "Iraqi officials said gunmen fired on a checkpoint at the entrance of Tuz Khurmatu"
            " late on Friday.",
            "fired",
            ("Ţūz Khūrmātū", "IRQ", "city"),
        ),
        # a town's facility ("the police station of X") places the act in the town
        (
            "Colombian officials said a drone struck the police station of Morales on Friday.",
            "struck",
            ("Morales", "COL", "city"),
        ),
        # a capital named only as a party ("share intelligence with X") is no city the
        # article reports from: it places none of the article's acts
        (
            "Gunmen attacked a bus on the road north of the border on Tuesday, killing four"
            " passengers. Somalia pledged to share intelligence with Nairobi.",
            "attacked",
            None,
        ),
        # the relative clause about a place may hang from an apposition to its name
        (
            "Farmers marched to Jaen, the provincial capital, where police detained ten of them.",
            "detained",
            ("Jaén", "ESP", "city"),
        ),
        # an apposition says a name the gazetteer does not list is a town
        (
            "Indonesian security forces burned six houses in Sugapa, the main town of the"
            " regency, Indonesia's army said.",
            "burned",
            ("Sugapa", "IDN", "city"),
        ),
        # "in Borno and Yobe states": the division word covers each conjunct
        (
            "Nigerian soldiers killed 20 militants in Borno and Yobe states on Monday.",
            "killed",
            ("Borno", "NGA", "province"),
        ),
        # a destination below the country is where troops or envoys go and act
        (
            "Ecuador's army has deployed two more battalions to Guayas province, officials said.",
            "deployed",
            ("Guayas", "ECU", "province"),
        ),
        (
            "Kenya sent 400 police officers to Port-au-Prince on Tuesday.",
            "sent",
            ("Port-au-Prince", "HTI", "city"),
        ),
        # ... also a town the tagger mislabels (an organisation here), of the article's country
        (
            "Estonia sent 60 police officers to Narva on Wednesday.",
            "sent",
            ("Narva", "EST", "city"),
        ),
        # a country there is the recipient, not a place
        ("Germany sent 300 soldiers to Lithuania on Tuesday.", "sent", None),
        # a quarter or landmark of a named city is that city, whatever town elsewhere shares
        # the quarter's name
        (
            "Riot police in Bolivia detained 20 protesters in Miraflores, La Paz, on Monday.",
            "detained",
            ("La Paz", "BOL", "city"),
        ),
        (
            "Police detained 20 protesters in Miraflores in La Paz on Monday.",
            "detained",
            ("La Paz", "BOL", "city"),
        ),
        (
            "Gunmen attacked a police post in Sadr City in Baghdad on Monday.",
            "attacked",
            ("Baghdad", "IRQ", "city"),
        ),
        # a promise made at a meeting the sentence places is made there
        (
            "We met the Peruvian interior minister in Lima last week, and she promised an inquiry.",
            "promised",
            ("Lima", "PER", "city"),
        ),
        # "Congo" alone is the Democratic Republic, as wire copy uses it
        (
            "Gunmen killed ten villagers in eastern Congo on Sunday.",
            "killed",
            ("Democratic Republic of the Congo", "COD", "country"),
        ),
        # a town the tagger calls an adjective, modifying the object
        (
            "Separatist fighters in Cameroon raided the Kumbo gendarmerie camp on Tuesday.",
            "raided",
            ("Kumbo", "CMR", "city"),
        ),
        # "the town of X" as an act's object names a place whatever the NER made of X
        (
            "PORT-AU-PRINCE (Test Wire) - Gang members stormed the central Haitian town of"
            " Mirebalais before dawn on Saturday, killing at least 15 people.",
            "stormed",  # gang members storming is the assault, the killing its toll
            ("Mirebalais", "HTI", "city"),
        ),
    ],
)
def test_place_phrases(analyze, text, trigger, want):
    assert _place(analyze(text, "2023-06-13"), trigger) == want


def test_capital_standing_for_its_government_is_no_place(analyze):
    # a capital as the object of another verb of the act is a party, not where it happened,
    # and it does not move the act away from the dateline's city
    doc = analyze(
        "BAGHDAD (Test Wire) - Militia supporters pulled back from the embassy on Wednesday,"
        " ending a standoff that prompted Washington to rush troops to the region.",
        "2020-01-02",
    )
    place = _place(doc, "pulled")
    assert place is not None and place[:2] == ("Baghdad", "IRQ")


def test_common_noun_district_is_no_place(analyze):
    doc = analyze("Pakistan said police detained six men in the district on Monday.", "2023-06-13")
    assert _place(doc, "detained") is None


def test_dateline_is_the_city_not_the_state_of_that_name(gazetteer, parse):
    from newsevents.resolve.place.dateline import dateline_place

    doc = parse("WASHINGTON (Test Agency) - Police detained six protesters on Monday.")
    home = dateline_place(doc, gazetteer, Counter())
    assert home is not None and (home.name, home.precision) == ("Washington", "city")
    # a country's name stays the country, whatever town shares it
    doc = parse("LEBANON (Test Agency) - Police detained six protesters on Monday.")
    home = dateline_place(doc, gazetteer, Counter())
    assert home is not None and home.precision == "country"


# --- the sentence before, and a dateline far from the story


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # the next sentence of the paragraph goes on with the same incident
        (
            "Gunmen attacked a market in Mombasa on Monday. Police arrested four men the same day.",
            "arrested",
            "Mombasa",
        ),
        # a paragraph break does not end it (wire paragraphs are a sentence long)
        (
            "NAIROBI (Test Wire) - Gunmen attacked a market in Mombasa on Monday.\n\n"
            "Police arrested four men on Monday.",
            "arrested",
            "Mombasa",
        ),
        # days far apart are two incidents
        (
            "NAIROBI (Test Wire) - Gunmen attacked a market in Mombasa on Monday.\n\n"
            "Police arrested four men in March.",
            "arrested",
            None,
        ),
        # a sentence naming two places: which one goes on is unknown
        (
            "Gunmen attacked a market in Mombasa on Monday, an official in Nairobi said. Police"
            " arrested four men on Monday.",
            "arrested",
            None,
        ),
        # a sentence naming a place of its own is not continued
        (
            "Gunmen attacked a market in Mombasa on Monday. Police arrested four men in Kenya"
            " the next day, a Nairobi official said.",
            "arrested",
            "Kenya",
        ),
    ],
)
def test_next_sentence_continues_the_incident(analyze, text, trigger, want):
    got = _place(analyze(text, "2023-06-13"), trigger)
    assert (got[0] if got is not None else None) == want


def test_dateline_is_no_prior_once_the_story_is_abroad(analyze):
    text = (
        "WASHINGTON, June 12 (Test Wire) - American jets bombed depots in Yemen on Monday,"
        " officials said.\n\nHouthi gunmen attacked a checkpoint on Monday, a spokesman said."
    )
    # the next sentence continues the story abroad, never the reporter's city
    assert _place(analyze(text, "2023-06-13"), "attacked") == ("Yemen", "YEM", "country")
    two = (
        "WASHINGTON, June 12 (Test Wire) - American jets bombed depots in Yemen on Monday,"
        " officials said.\n\nThe minister met reporters at noon.\n\n"
        "Houthi gunmen attacked a checkpoint on Monday, a spokesman said."
    )
    # a sentence naming no place does not end the story: the attack of the same Monday goes
    # on with the last placed scene (follow_previous), still never the reporter's city
    assert _place(analyze(two, "2023-06-13"), "attacked") == ("Yemen", "YEM", "country")
    local = "WASHINGTON, June 12 (Test Wire) - Police arrested four protesters on Monday."
    assert _place(analyze(local, "2023-06-13"), "arrested") == ("Washington", "USA", "city")


def test_capital_of_an_adjective(gazetteer):
    assert gazetteer.capital_of("Malian").name == "Bamako"
    assert gazetteer.capital_of("Martian") is None


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a sentence naming no place (a statement) between: the story goes on, both acts
        # dated by the text on the same day
        (
            "Gunmen attacked a market in Mombasa on Monday. The governor condemned the attack."
            " Police arrested four men on Monday.",
            "arrested",
            "Mombasa",
        ),
        # further back than the sentence before, an undated act is not linked
        (
            "Gunmen attacked a market in Mombasa on Monday. The governor condemned the attack."
            " Police arrested four men.",
            "arrested",
            None,
        ),
        # a place named only as where people came from is not the act's own place
        (
            "Gunmen attacked a market in Mombasa on Monday. Police officers from Nairobi"
            " arrested four men on Monday.",
            "arrested",
            "Mombasa",
        ),
        # where a report was given is not the act's place ("told reporters in X")
        (
            "Gunmen attacked a market in Mombasa on Monday. Police arrested four men on"
            " Monday, a spokesman told reporters in Nairobi.",
            "arrested",
            "Mombasa",
        ),
        # a street the gazetteer does not know is a spot inside the place, not a second one
        (
            "Riot police detained 30 people on Moi Avenue in Mombasa on Monday. Officers beat"
            " several journalists on Monday.",
            "beat",
            "Mombasa",
        ),
        # another act of the same sentence, which names that one place
        (
            "Police detained 30 people in Mombasa on Monday after hundreds of traders marched"
            " to the county offices.",
            "marched",
            "Mombasa",
        ),
        # "in the X quarter": a part of the story's town the gazetteer does not know, not
        # another place (an unknown name alone, "near X", keeps the act unplaced)
        (
            "Police dispersed a rally in Mombasa on Monday. Officers arrested 17 men in the"
            " Mwembe Tayari quarter on Tuesday.",
            "arrested",
            "Mombasa",
        ),
        # a sentence with a locative place no act was given is another scene: it ends the
        # search
        (
            "Gunmen attacked a market in Mombasa on Monday. Many of the traders live in"
            " Malindi. Police arrested four men on Monday.",
            "arrested",
            None,
        ),
    ],
)
def test_story_place_of_an_earlier_sentence(analyze, text, trigger, want):
    doc = analyze(text, "2023-06-13")
    (ev,) = [e for e in doc.events if e.trigger.of(doc.article.text) == trigger]
    # the text's place only: the article's one city may still be given as a prior
    # (source "dateline", not this rule)
    loc = ev.location if ev.location is not None and ev.location.source == "text" else None
    assert (loc.name if loc is not None else None) == want


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # "the town of X" as the object of a physical act is X, like the bare name
        ("Rebels attacked the town of Mopti in central Mali on Sunday.", "attacked", "Mopti"),
        ("Rebels attacked Mopti in central Mali on Sunday.", "attacked", "Mopti"),
        # a town named as the target of an act done by word is still no place
        ("The minister accused the town of Mopti of sheltering rebels.", "accused", None),
    ],
)
def test_the_town_of_x_as_object(analyze, text, trigger, want):
    got = _place(analyze(text, "2024-06-05"), trigger)
    assert (got[0] if got is not None else None) == want


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # plural words for parts of a town: "of" after them places the act in the town, at
        # the town's level (not the district called X)
        ("Fighters shelled residential districts of Mopti on Sunday.", "shelled", "city"),
        ("Fighters shelled the eastern neighbourhoods of Mopti on Sunday.", "shelled", "city"),
        # a singular division word still names the division
        ("Protesters gathered in the province of Balochistan on Monday.", "gathered", "province"),
    ],
)
def test_parts_of_a_town(analyze, text, trigger, want):
    got = _place(analyze(text, "2024-06-05"), trigger)
    assert got is not None and got[2] == want


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
        # a paragraph's heading places the acts its words leave unplaced (the killing folds into
        # the raid: one ASSAULT)
        ("raided", ("Maradi", "NER", "city")),
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


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a city several countries share names the article's country when one namesake is
        # far the largest ("Cali": the Colombian city), so a small town there is found
        (
            "Farmers blocked the highway in Tibu on Monday. Buses to Cali were cancelled.",
            ("Tibú", "COL", "city"),
        ),
        # so does a province no other country has a province of that name
        (
            "Farmers blocked the highway in Silvia on Monday, the governor of Cauca said.",
            ("Silvia", "COL", "city"),
        ),
    ],
)
def test_a_dominant_city_or_a_province_names_the_country(analyze, text, want):
    assert _place(analyze(text, "2025-06-03"), "blocked") == want


def test_a_hyphenated_name_tagged_in_part_is_placed_whole(analyze):
    # the tokenizer splits "Mazar-i-Sharif" and the NER may tag "Mazar" alone
    doc = analyze(
        "Police detained at least 20 young men who gathered at a shrine in Mazar-i-Sharif "
        "on Thursday, relatives said.",
        published="2024-03-08",
    )
    ev = next(e for e in doc.events if e.event == "COERCE")
    assert ev.location is not None and ev.location.country == "AFG"
