"""The actor coder over the converted Phoenix dictionaries: dated roles, agents, discards,
name clashes, composed phrases, capitals as governments, and what is never an actor."""

from __future__ import annotations

import pytest

from newsevents.extract import extract_events
from newsevents.resolve.actors import load_actor_dictionary, resolve_actors
from newsevents.resolve.actors.dictionary import packaged_actor_paths
from newsevents.resolve.actors.nonactor import never_actor


@pytest.fixture(scope="module")
def kb(resources):
    return resources.actors


@pytest.fixture(scope="module")
def code(resources):
    from newsevents.resolve.actors import code_phrase

    def run(text, date=None):
        return code_phrase(list(resources.nlp(text)), resources.actors, date, resources.gazetteer)

    return run


@pytest.fixture(scope="module")
def sides(resources, parse):
    """``sides(text)``: (type, [(name, code, sector)], [(name, code, sector)]) per event."""

    def go(text, published=None):
        doc = parse(text, published)
        events = extract_events(doc, resources.codebook)
        out, _, _ = resolve_actors(doc, events, [], resources.actors, resources.gazetteer)
        return [
            (
                ev.event,
                [(a.name, a.code, a.sector) for a in ev.actor],
                [(a.name, a.code, a.sector) for a in ev.recipient],
            )
            for ev in out
        ]

    return go


def test_phoenix_tables_are_loaded(kb):
    assert kb.phoenix is not None and len(kb.phoenix) > 20_000
    assert kb.agents is not None and kb.discards is not None
    assert packaged_actor_paths()[0].name == "actors.yaml"


@pytest.mark.parametrize(
    ("text", "date", "country", "sector"),
    [
        # a role valid on the day: a legislator in the 1990s, then president (our own entry)
        ("Hassan Rouhani", "1995-06-01", "IRN", "LEG"),
        ("Hassan Rouhani", "2015-06-01", "IRN", "GOV"),
        # a name only the Phoenix table knows
        ("Abdelaziz Bouteflika", "2005-01-01", "DZA", "GOV"),
        # the phrase's own country wins over the table's clash for a short title + name
        ("King Hassan of Morocco", "1990-01-01", "MAR", None),
    ],
)
def test_dated_roles_from_the_open_table(code, text, date, country, sector):
    coded = code(text, date)
    assert coded.code == country
    if sector is not None:
        assert coded.sector == sector


def test_short_acronyms_match_only_in_capitals(kb):
    upper = kb.open_lookup("UN", None, frozenset({"ORG"}))
    assert upper is not None and upper.code == "UNO"
    assert kb.open_lookup("un", None, frozenset({"ORG"})) is None


def test_a_part_of_a_longer_name_is_not_another_person(code):
    # "Hassan" alone names other people in the table; inside "Hassan Rouhani" it never does
    assert code("Hassan Rouhani", "1995-06-01").code == "IRN"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Malian police", "MLI", "COP"),
        ("the Brazilian foreign ministry", "BRA", "GOV"),
        ("Nigerian herdsmen", "NGA", "AGR"),  # the sector from the Phoenix agents
        ("grieving mourners", None, "CVL"),
        ("thousands of angry mourners", None, "CVL"),  # the counted noun decides
        ("dozens of Nigerian herdsmen", "NGA", "AGR"),
        ("Tokyo", "JPN", "GOV"),
        ("Ottawa", "CAN", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Brussels", "EUR", "GOV"),  # the seat of the EU's institutions as an actor
    ],
)
def test_composed_phrases(code, text, country, sector):
    coded = code(text)
    assert (coded.code, coded.sector) == (country, sector)


def test_a_sponsor_is_not_the_country(code):
    coded = code("Moscow-backed separatists")
    assert coded.code != "RUS" and coded.sector == "REB"


def test_capital_as_the_doer_is_the_government(sides):
    events = sides("Ottawa imposed sanctions on Venezuela on Monday.")
    assert any(a == [("Ottawa", "CAN", "GOV")] and r[0][1] == "VEN" for _, a, r in events)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Saturday's march", True),
        ("2 million euros", True),
        ("the story", True),
        ("the vigils", True),
        ("nuclear warheads", True),
        ("the orders of the president", True),
        # acts are never doers: "the arrest followed a court order and called for calm"
        ("the arrest", True),
        ("the crackdown", True),
        ("the ceasefire", True),
        # a site is where an act happens, never who did it ("an attack on a camp that killed")
        ("a camp for displaced families", True),
        ("the riot police", False),
        ("Canadian police", False),
        ("the government", False),
    ],
)
def test_never_actor(resources, text, doer):
    toks = list(resources.nlp(text))
    assert never_actor(toks, resources.actors, doer=True) is doer


def test_a_thing_as_the_recipient_keeps_its_country(resources):
    # PLOVER codes the target of a blockade or a curfew by the country it lies in
    toks = list(resources.nlp("the blockade"))
    assert never_actor(toks, resources.actors, doer=True)
    assert not never_actor(toks, resources.actors, doer=False)


def test_a_place_named_as_a_place_is_no_doer(resources):
    doc = resources.nlp("Fighting broke out in Kirkuk.")
    kirkuk = [t for t in doc if t.text == "Kirkuk"]
    assert never_actor(kirkuk, resources.actors, doer=True)
    assert not never_actor(kirkuk, resources.actors, doer=False)


def test_no_time_or_amount_is_an_actor(sides):
    names = {
        name.lower()
        for _, actor, recipient in sides(
            "Saturday's protest drew thousands. The fine of 2 million euros angered Rome. "
            "Protesters in Lima attacked police on Sunday."
        )
        for name, _, _ in (*actor, *recipient)
    }
    assert not names & {"saturday's", "2 million euros", "sunday"}


def test_own_dictionary_without_open_data(resources):
    book = load_actor_dictionary(open_data=False)
    assert book.phoenix is None and book.agent_sector("police") is None
    assert resources.actors.agent_sector("police") == "COP"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a pronoun resolved to the reporting subject carries its name, not "it"
        ("Switzerland said it had expelled two Russian diplomats.", "Switzerland", "CHE"),
        ("The Kenyan government said it would arrest the smugglers.", "Kenyan government", "KEN"),
    ],
)
def test_a_resolved_pronoun_takes_its_antecedents_name(sides, text, name, country):
    doers = [a for _, actor, _ in sides(text) for a in actor]
    assert doers and all(a[0].lower() not in ("it", "they") for a in doers)
    assert any(name in a[0] and a[1] == country for a in doers)


@pytest.mark.parametrize("text", ["what", "which", "whose"])
def test_a_bare_question_word_is_no_actor(resources, text):
    toks = list(resources.nlp(text))
    assert never_actor(toks, resources.actors, doer=False)


def test_a_bare_determiner_is_no_actor(resources):
    doc = resources.nlp("The ministry rejected the plan.")
    the = [t for t in doc if t.lower_ == "the" and t.pos_ == "DET"]
    assert the and never_actor(the[-1:], resources.actors, doer=False)
    assert not never_actor(list(doc[:2]), resources.actors, doer=True)


def test_a_dateline_is_no_actor(resources):
    doc = resources.nlp("NAIROBI (Wire) - Police fired tear gas at protesters on Monday.")
    assert never_actor([doc[0]], resources.actors, doer=True)
    assert never_actor([doc[0]], resources.actors, doer=False)
    assert not never_actor([t for t in doc if t.text == "Police"], resources.actors, doer=True)


def test_a_dateline_with_its_country_is_no_actor(resources):
    doc = resources.nlp("KIRKUK, Iraq (Wire) - Rockets hit a base on Friday.")
    outlet_end = next(t.i for t in doc if t.text == ")")
    assert never_actor(list(doc[: outlet_end + 1]), resources.actors, doer=False)
    # a known name in capitals opening a sentence is no dateline
    named = resources.nlp("NATO (the alliance) said it would send troops.")
    assert not never_actor([named[0]], resources.actors, doer=True)


@pytest.mark.parametrize(
    "dateline",
    [
        "OSKEMEN, March 5 (Steppe Wire) - ",
        "OSKEMEN, March 5 - ",
        "Oskemen, March 5 (Steppe Wire) - ",
    ],
)
@pytest.mark.parametrize(
    ("sentence", "event", "head"),
    [
        (
            "Uzbek police arrested twelve activists outside the parliament on Tuesday, witnesses "
            "said.",
            "COERCE",
            "police",
        ),
        (
            "Kenyan troops shelled a militant camp near the border, the army said.",
            "ASSAULT",
            "troops",
        ),
        ("Protesters set fire to tyres outside the ministry on Monday.", "PROTEST", "Protesters"),
    ],
)
def test_the_sentence_after_a_dateline_keeps_its_own_subject(
    sides, dateline, sentence, event, head
):
    """The parser reads a dateline as a second subject of the first verb unless a sentence
    break sits after it (set before parsing, from the dateline shapes)."""
    (coded,) = [e for e in sides(dateline + sentence) if e[0] == event]
    assert [a[0].split()[-1] for a in coded[1]] == [head]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # a new line ends a paragraph even after a closing quote
        ('"We did not start this war."\nThe minister said troops would stay.', "The minister"),
        # a speaker's label in a transcript is not part of the answer
        ("Q: Did you sign it?\nA: We signed the accord on Monday.", "Did you"),
        ("MINISTER: We signed the accord on Monday.", "We signed"),
    ],
)
def test_layout_sets_sentence_starts(nlp, text, second):
    assert [s.text.strip() for s in nlp(text).sents][1].startswith(second)


def test_a_dateline_is_its_own_sentence_in_the_coders_parse(nlp):
    doc = nlp("OSKEMEN, March 5 (Steppe Wire) - Kazakh police detained nine activists.")
    assert [s.text for s in doc.sents][1].startswith("Kazakh police")
    # a text without a dateline is parsed as before
    assert len(list(nlp("Kazakh police detained nine activists on Friday.").sents)) == 1


def test_a_state_organ_in_a_states_report_is_that_states(sides):
    events = sides("The Kenyan interior minister said police had arrested 40 protesters.")
    doers = [a for _, actor, _ in events for a in actor]
    assert ("police", "KEN", "COP") in doers


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # the role held on the day the sentence names, not on the publication day
        ("In 1995, Hassan Rouhani criticised the United States.", "LEG"),
        ("Hassan Rouhani criticised the United States on Monday.", "GOV"),
    ],
)
def test_role_on_the_events_day(analyze, text, sector):
    doc = analyze(text, published="2016-05-04")
    doers = [a for ev in doc.events for a in ev.actor]
    assert doers and all((a.code, a.sector) == ("IRN", sector) for a in doers)


def test_an_unresolved_pronoun_leaves_the_side_empty(sides):
    events = sides("It condemned the raid on the village.")
    assert events, "the coder should find the accusation"
    assert all(actor == [] for _, actor, _ in events)


def test_an_unresolved_pronoun_is_not_replaced_by_the_place(sides):
    # the text names a doer ("it") the coder cannot resolve: no unidentified doer of the place
    events = sides("It shelled the market in Kismayo on Sunday.")
    assert events and all(actor == [] for _, actor, _ in events)


def test_an_unidentified_doer_is_named_as_such(sides):
    events = sides("Protests erupted in Minsk on Sunday.")
    doers = [a for kind, actor, _ in events if kind == "PROTEST" for a in actor]
    assert doers and doers[0][1] == "BLR"
    assert doers[0][0] == "unidentified (Minsk)"


def test_a_persons_possessive_takes_the_persons_country(sides):
    events = sides(
        "Canadian Prime Minister Jane Roe spoke on Monday. "
        "Her government imposed sanctions on Belarus."
    )
    doers = [a for kind, actor, _ in events if kind == "SANCTION" for a in actor]
    assert doers and doers[0][1] == "CAN"


def test_protesters_without_a_country_are_the_articles(sides):
    events = sides(
        "Fuel prices rose sharply across Nigeria last week. Lagos and Abuja saw long queues. "
        "On Monday protesters blocked roads and demanded a reversal."
    )
    doers = [a for kind, actor, _ in events if kind in ("PROTEST", "REQUEST") for a in actor]
    assert doers and all(code == "NGA" for _, code, _ in doers)


def test_the_first_party_named_after_the_act_is_first_in_the_text(sides):
    # the parse hangs the place higher than the target's nationality: the text's order decides
    events = sides(
        "China's coast guard fired water cannon at a Philippine supply boat near Second "
        "Thomas Shoal on Sunday."
    )
    assert any(r and r[0][1] == "PHL" for _, _, r in events), events


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a name is found in either spelling ("-isation" / "-ization")
        ("The World Health Organisation condemned the attack on the hospital.", "UNO"),
        ("The Organization of Islamic Cooperation condemned the attack.", "IGO"),
        ("The North Atlantic Treaty Organisation condemned the attack.", "IGO"),
    ],
)
def test_british_and_american_spellings_name_one_actor(analyze, text, code):
    (ev,) = analyze(text).events
    assert {a.code for a in ev.actor} == {code}


def test_brussels_as_a_place_stays_in_belgium(analyze):
    (ev,) = analyze("Belgian police arrested three men in Brussels on Friday.").events
    assert ev.location is not None and ev.location.country == "BEL"
