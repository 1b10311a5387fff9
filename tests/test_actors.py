"""Actor coding (country + sector, compositional), the actor dictionary, coreference."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import ConfigError
from newsevents.extract import extract_events, load_codebook
from newsevents.model import Actor, Article, Span
from newsevents.nlp import annotate
from newsevents.resolve.actors import code_phrase, load_actor_dictionary, resolve_actors


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary()


def _doc(nlp, text, published=None):
    art = Article(id="t", source="test", format="txt", text=text, published=published)
    return annotate(art, nlp(text))


@pytest.mark.parametrize(
    ("phrase", "code", "sector"),
    [
        ("Iran's top general", "IRN", "MIL"),
        ("Iraqi militia commander", "IRQ", "UAF"),
        ("the Turkish foreign minister", "TUR", "GOV"),
        ("Kenyan riot police", "KEN", "COP"),
        ("Egyptian protesters", "EGY", "CVL"),
        ("a senior Shia cleric in Iraq", "IRQ", "REL"),
        ("leaders of Romania's opposition party", "ROU", "PTY"),
        ("Colombian rebels", "COL", "REB"),
        ("the Brazilian supreme court", "BRA", "JUD"),
        ("Washington", "USA", "GOV"),
        ("the United Nations", "IGO", None),
        ("NATO troops", "IGO", "MIL"),
        ("Iranian-backed militia", None, "UAF"),
        ("a US-led coalition", "USA", None),
    ],
)
def test_compositional_coding(nlp, actors, phrase, code, sector):
    toks = [t for t in nlp(phrase) if not t.is_punct or t.text == "-"]
    coded = code_phrase(toks, actors, None)
    assert coded.code == code
    if sector is not None:
        assert coded.sector == sector


def test_dictionary_respects_term_dates(nlp, actors):
    toks = list(nlp("Obama"))
    assert code_phrase(toks, actors, "2015-06-01").code == "USA"
    assert code_phrase(toks, actors, "2019-06-01").code is None


def _run(nlp, actors, text, published=None):
    doc = _doc(nlp, text, published)
    events = extract_events(doc, load_codebook())
    return resolve_actors(doc, events, [], actors)


def test_coreference_full_name_surname_and_pronoun(nlp, actors):
    text = (
        "Iranian commander Jane Q. Doe visited Damascus on Monday. "
        "Doe met Syrian officials. He condemned the Israeli strikes."
    )
    events, _, entities = _run(nlp, actors, text)
    doe = [e for e in entities if e.name == "Jane Q. Doe"]
    assert doe and doe[0].code == "IRN"
    meet = next(e for e in events if e.event == "CONSULT" and e.trigger_lemma == "meet")
    assert meet.actor[0].code == "IRN" and meet.actor[0].entity == doe[0].key
    accuse = next(e for e in events if e.event == "ACCUSE")
    assert accuse.actor[0].entity == doe[0].key and accuse.actor[0].code == "IRN"
    assert len(doe[0].mentions) >= 3


def test_title_refers_back_to_person(nlp, actors):
    text = "Militia commander John Roe, a Libyan, attacked the port. The commander later fled."
    _, _, entities = _run(nlp, actors, text)
    roe = [e for e in entities if "Roe" in e.name]
    assert roe and roe[0].sector == "UAF"


def test_pronoun_in_reported_clause_is_the_speaker(nlp, actors):
    events, _, _ = _run(nlp, actors, "Switzerland said it had expelled two Russian diplomats.")
    ev = next(e for e in events if e.event == "SANCTION")
    assert ev.actor[0].code == "CHE" and ev.recipient[0].code == "RUS"


def test_quote_speakers_are_coded(nlp, actors):
    from newsevents.model import Quote

    text = "The Turkish foreign minister said the talks had failed."
    doc = _doc(nlp, text)
    speaker = Actor(span=Span(0, 28), name="The Turkish foreign minister")
    q = Quote(
        article_id="t", index=0, span=Span(34, 55), sentence=Span(0, len(text)), speaker=speaker
    )
    _, quotes, _ = resolve_actors(doc, [], [q], actors)
    assert quotes[0].speaker is not None
    assert (quotes[0].speaker.code, quotes[0].speaker.sector) == ("TUR", "GOV")


def test_actor_file_extension_and_errors(tmp_path: Path, nlp):
    extra = tmp_path / "actors.yaml"
    extra.write_text("actors:\n  - {name: Zed Quux, aliases: [Quux], code: NOR, sector: GOV}\n")
    book = load_actor_dictionary([extra])
    assert code_phrase(list(nlp("Quux")), book, None).code == "NOR"
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {name: Zed, code: NOR, sector: XYZ}\n")
    with pytest.raises(ConfigError, match="Zed"):
        load_actor_dictionary([bad])
    worse = tmp_path / "worse.yaml"
    worse.write_text("actors:\n  - {name: Zed, code: norway}\n")
    with pytest.raises(ConfigError, match="code"):
        load_actor_dictionary([worse])


def _event(events, kind):
    return next(e for e in events if e.event == kind)


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        # the place where it happens gives uncoded parties their country
        ("Police in Lusaka detained dozens of opposition supporters.", "COERCE", "ZMB", "ZMB"),
        ("Thousands of people marched through Lima on Friday.", "PROTEST", "PER", None),
        # a state's acts on its own people: the people are the state's
        ("The Chilean president pardoned 40 political prisoners.", "CONCEDE", "CHL", "CHL"),
        # a society addressing its rulers belongs to the rulers' country
        (
            "Families of the missing miners appealed to the Peruvian government.",
            "REQUEST",
            "PER",
            "PER",
        ),
        # an actor whose verb is "backed" is not an "X-backed" sponsor phrase
        ("The Indonesian government backed the proposal.", "SUPPORT", "IDN", None),
        # "ethnic X" names a people living in the place, not the state X
        ("Ethnic Hungarians demonstrated in Cluj on Sunday.", "PROTEST", "ROU", None),
        # regions and cities the country table lacks come from the gazetteer
        ("Rebels shelled the outskirts of Kherson.", "ASSAULT", None, "UKR"),
        # kinds of non-state body
        ("Human rights groups accused the Bangladeshi police of abuses.", "ACCUSE", "NGO", "BGD"),
        # apposition ties a person to an organisation
        (
            "Jane Roe, the United Nations relief coordinator, urged Sudan to open the border.",
            "REQUEST",
            "IGO",
            "SDN",
        ),
    ],
)
def test_country_from_context(nlp, actors, text, kind, actor, recipient):
    events, _, _ = _run(nlp, actors, text)
    ev = _event(events, kind)
    if actor is not None:
        assert actor in {a.code for a in ev.actor}
    if recipient is not None:
        assert recipient in {a.code for a in ev.recipient}


def test_other_party_country_is_not_given_to_a_titled_doer(nlp, actors):
    # "President X threatened Russia": nothing ties X to Russia
    events, _, _ = _run(nlp, actors, "President Zed Quux threatened further action against Russia.")
    ev = _event(events, "THREATEN")
    assert ev.actor and ev.actor[0].code is None


def test_unnamed_doer_of_arrest_is_the_place(nlp, actors):
    events, _, _ = _run(nlp, actors, "The journalist was arrested in Istanbul.")
    ev = _event(events, "COERCE")
    assert [a.code for a in ev.actor] == ["TUR"]
    assert ev.actor[0].sector == "UNK"


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        # a protest naming no target addresses the protesters' own government
        ("Young Kenyans blocked roads in the city centre on Sunday.", "PROTEST", "KEN", "KEN"),
        # the party a protest's purpose names is its target
        (
            "Students in Lahore blocked a road to show their anger at India's policy.",
            "PROTEST",
            "PAK",
            "IND",
        ),
        # a threat addresses the party its condition names
        (
            "Ghana threatened to close the border unless Togo released the traders.",
            "THREATEN",
            "GHA",
            "TGO",
        ),
        # the place of the report's source is not the place of the event
        (
            "Rebels shelled Goma, killing 20 people, aid officials in Nairobi said.",
            "ASSAULT",
            None,
            "COD",
        ),
        # complaints: the party complained about, not the addressee
        (
            "Lebanon complained to the United Nations over Israeli air raids.",
            "ACCUSE",
            "LBN",
            "ISR",
        ),
        # "on Thursday" is a date, not a recipient
        (
            "Japan on Thursday demanded that North Korea halt its missile tests.",
            "REQUEST",
            "JPN",
            "PRK",
        ),
        # a national compound modifier of a compound ("US Predator attacks")
        ("US Predator attacks killed four militants in Waziristan.", "ASSAULT", "USA", None),
    ],
)
def test_recipients_from_the_clause(nlp, actors, text, kind, actor, recipient):
    events, _, _ = _run(nlp, actors, text)
    evs = [e for e in events if e.event == kind]
    assert evs
    if actor is not None:
        assert any(actor in {a.code for a in e.actor} for e in evs)
    if recipient is not None:
        assert any(recipient in {a.code for a in e.recipient} for e in evs)


def test_pronoun_takes_the_person_named_before(nlp, actors):
    text = (
        "Colonel Jane Roe, a senior Malian army officer, arrived in Niamey on Monday. "
        "Later that day he met the Nigerien defence minister."
    )
    events, _, entities = _run(nlp, actors, text)
    roe = next(e for e in entities if "Roe" in e.name)
    meet = next(e for e in events if e.event == "CONSULT")
    assert meet.actor[0].entity == roe.key and meet.actor[0].code == "MLI"


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        # a possessive pronoun on a nominal event is the support verb's subject
        (
            "A group of Malian diplomats held their first meeting with Senegal's president.",
            "CONSULT",
            "MLI",
            "SEN",
        ),
        # a document speaks for its issuer
        (
            "The Nigerian government issued a statement demanding that Chad close the border.",
            "REQUEST",
            "NGA",
            "TCD",
        ),
        # transfers: the receiver is the 'to' party
        ("Peru granted asylum to three Bolivian officers.", "AID", "PER", "BOL"),
    ],
)
def test_actor_and_receiver_rules(nlp, actors, text, kind, actor, recipient):
    events, _, _ = _run(nlp, actors, text)
    ev = _event(events, kind)
    assert actor in {a.code for a in ev.actor}
    assert recipient in {a.code for a in ev.recipient}


@pytest.mark.parametrize(
    ("text", "kind", "side", "code"),
    [
        # a multiword name is one actor: not the shorter dictionary name inside it
        (
            "A mob of Kata'ib Hezbollah fighters stormed the embassy in Baghdad.",
            "PROTEST",
            "actor",
            "IRQ",
        ),
        (
            "Soldiers struck five Asa'ib Ahl al-Haq positions near Mosul.",
            "ASSAULT",
            "recipient",
            "IRQ",
        ),
        # a named person's country is not the place of the event ...
        (
            "Colonel Zed Quux arrived in Kabul to visit the Afghan defence minister.",
            "CONSULT",
            "actor",
            None,
        ),
        # ... unless their office is exercised at home
        ("President Zed Quux imposed a curfew in Algiers.", "COERCE", "actor", "DZA"),
    ],
)
def test_names_and_offices(nlp, actors, text, kind, side, code):
    events, _, _ = _run(nlp, actors, text)
    ev = _event(events, kind)
    parties = ev.actor if side == "actor" else ev.recipient
    assert parties
    if code is None:
        assert all(a.code is None for a in parties)
    else:
        assert code in {a.code for a in parties}


def test_later_short_name_keeps_the_code(nlp, actors):
    text = (
        "As head of Nigeria's air force, General Zed Quux ordered the strike. "
        "Quux later met Chadian officials."
    )
    events, _, _ = _run(nlp, actors, text)
    meet = _event(events, "CONSULT")
    assert meet.actor[0].entity is not None and meet.actor[0].code == "NGA"


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        # "anti-X" is a stance, not a nationality
        (
            "A prominent anti-Iran journalist was killed in a bomb blast in Beirut.",
            "ASSAULT",
            "LBN",
            "LBN",
        ),
        # a judge acting on officials of a country belongs to it
        (
            "Judge Zed Quux opened investigations against 20 Peruvian government officials.",
            "ACCUSE",
            "PER",
            "PER",
        ),
        # a stance of the subject
        ("Turkey is opposed to French mediation in the dispute.", "REJECT", "TUR", "FRA"),
        # the withdrawn party withdraws
        (
            "Eighty UN peacekeepers were pulled out of the Congolese town of Beni.",
            "SANCTION",
            "IGO",
            "COD",
        ),
        # a demand's addressee is the subject of its that-clause
        (
            "The ILO reiterated its demand that Qatar ease restrictions on migrant workers.",
            "REQUEST",
            "IGO",
            "QAT",
        ),
        # a call's content names the party it is about
        (
            "The United Nations rejected a call for its troops to be deployed in Haiti.",
            "REJECT",
            "IGO",
            "HTI",
        ),
    ],
)
def test_more_dyads(nlp, actors, text, kind, actor, recipient):
    events, _, _ = _run(nlp, actors, text)
    ev = _event(events, kind)
    assert actor in {a.code for a in ev.actor}
    assert recipient in {a.code for a in ev.recipient}


def test_pronouns_and_anaphors_across_sentences(nlp, actors):
    text = (
        "The United States blamed the militia for the raid on its base. In reply it hit back, "
        "striking four militia depots in Syria. The militia later said at least twelve of "
        "its fighters were killed in the strikes."
    )
    events, _, _ = _run(nlp, actors, text)
    strike = next(e for e in events if e.trigger_lemma == "strike")
    assert strike.actor and strike.actor[0].code == "USA"
    killed = next(e for e in events if e.trigger_lemma == "kill")
    assert killed.actor and killed.actor[0].code == "USA"
    assert killed.quantities and killed.quantities[0].value == 12


def test_retaliation_targets_the_doer_of_what_it_answers(nlp, actors):
    text = "Syria promised to retaliate after an Israeli airstrike killed two officers."
    events, _, _ = _run(nlp, actors, text)
    threat = _event(events, "THREATEN")
    assert "ISR" in {a.code for a in threat.recipient}
    killed = next(e for e in events if e.event == "ASSAULT")
    assert killed.factuality == "asserted"  # the answered act is not the threat's topic
