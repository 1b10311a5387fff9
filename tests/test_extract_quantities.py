"""Quantities attached to events: the kind follows the governing word, numbers parse as a
coder reads them, and casualty clauses of one attack are one event (real spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span as SpacySpan

from newsevents.errors import ConfigError
from newsevents.extract import extract_events, load_codebook
from newsevents.model import Article, EventMention
from newsevents.nlp import annotate


def code(parse, codebook, text: str) -> list[EventMention]:
    doc = parse(text)
    return extract_events(doc, codebook)


def counts(events: list[EventMention]) -> set[tuple[str, int, bool]]:
    return {(q.kind, q.value, q.approximate) for e in events for q in e.quantities}


# (sentence, expected (kind, value, approximate) among the event quantities)
KINDS = [
    # the kind is that of the verb governing the number, not of the entry that matched
    ("The shelling wounded 14 people in Aleppo.", ("injured", 14, False)),
    ("The explosion injured 9 shoppers.", ("injured", 9, False)),
    ("Rebels hurt 6 soldiers in the ambush.", ("injured", 6, False)),
    ("The bombing killed 31 worshippers.", ("killed", 31, False)),
    ("Police detained 40 students in Dhaka.", ("arrested", 40, False)),
    ("Security forces arrested 15 opposition activists.", ("arrested", 15, False)),
    ("Nigeria deployed 800 troops to the border.", ("troops", 800, False)),
    # a death complement makes any casualty verb's count a death toll
    ("Police shot dead 3 protesters in Lagos.", ("killed", 3, False)),
    ("Guards beat 2 inmates to death.", ("killed", 2, False)),
    # passive voice: the counted patient is the subject
    ("Seven villagers were killed by gunmen.", ("killed", 7, False)),
    ("Eleven demonstrators were detained by police.", ("arrested", 11, False)),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_kind_follows_the_governing_word(parse, codebook, text, expected):
    got = counts(code(parse, codebook, text))
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # hitting or destroying things is not a death toll
        ("The strike destroyed 3 buildings in the town.", "killed"),
        ("The missile hit 2 warehouses near the port.", "killed"),
        # shooting alone does not say whether anyone died
        ("Police shot 4 protesters in the capital.", "killed"),
        # a wounding clause never carries a death toll
        ("The mortar attack wounded 20 soldiers.", "killed"),
    ],
)
def test_no_wrong_kind(parse, codebook, text, wrong):
    got = counts(code(parse, codebook, text))
    assert all(kind != wrong for kind, _, _ in got), got


def test_quantity_words_shape(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("quantity_words: [kill, wound]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="quantity_words"):
        load_codebook([bad])
    twice = tmp_path / "twice.yaml"
    twice.write_text("quantity_words:\n  killed: [maul]\n  injured: [maul]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="maul"):
        load_codebook([twice])
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "quantity_words:\n  injured: [maul]\n"
        "entries:\n  - {id: t.maul, lemma: [maul], pos: verb, event: ASSAULT, cameo: '190',"
        " quantity: killed}\n",
        encoding="utf-8",
    )
    assert load_codebook([extra]).quantity_kinds["maul"] == "injured"


# (sentence, (kind, value, approximate)): numbers as a coder reads them
NUMBERS = [
    ("Gunmen killed two dozen villagers in Zamfara.", ("killed", 24, False)),
    ("Rebels killed a dozen soldiers near Goma.", ("killed", 12, False)),
    ("The militia killed twenty-four civilians.", ("killed", 24, False)),
    ("The army detained a hundred and ten students.", ("arrested", 110, False)),
    ("Police arrested three hundred protesters in Minsk.", ("arrested", 300, False)),
    ("Police detained 1,250 people after the rally.", ("arrested", 1250, False)),
    ("The government deployed 1.5 million troops.", ("troops", 1500000, False)),
    ("Gunmen killed at least 12 villagers in Borno.", ("killed", 12, True)),
    ("Police arrested some 300 demonstrators in Minsk.", ("arrested", 300, True)),
    ("The bombing killed about 40 people in Kabul.", ("killed", 40, True)),
    ("The strike killed around 15 militants.", ("killed", 15, True)),
    ("The shelling killed nearly 60 civilians.", ("killed", 60, True)),
    ("Troops killed more than 1,200 rebels.", ("killed", 1200, True)),
    ("Police detained up to 40 teachers.", ("arrested", 40, True)),
    ("Soldiers killed at least twenty-four protesters.", ("killed", 24, True)),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers(parse, codebook, text, expected):
    got = counts(code(parse, codebook, text))
    assert expected in got, got


@pytest.mark.parametrize(
    "text",
    [
        # orders of magnitude are not counts: omitted rather than given an invented value
        "Gunmen killed dozens of villagers in Borno.",
        "Troops killed scores of rebels.",
        "Police detained hundreds of students.",
        "Police arrested tens of thousands of protesters.",
        "Police arrested several hundred students.",
        # years, dates, ages, money, percentages are never counts
        "Troops killed 25 percent of the rebels.",
        "Police detained the 2019 graduates.",
    ],
)
def test_not_exact_counts(parse, codebook, text):
    events = code(parse, codebook, text)
    assert events, "the event itself is still coded"
    assert counts(events) == set()


def test_an_age_is_no_count_but_the_victim_is_one(parse, codebook):
    """ "a 12-year-old boy": the age is never the toll; the one boy is (twenty-fourth
    session: a victim named with "a" counts one)."""
    assert counts(code(parse, codebook, "The militia killed a 12-year-old boy.")) == {
        ("killed", 1, False)
    }


def test_number_span_covers_the_written_number(parse, codebook):
    text = "Gunmen killed two dozen villagers."
    qs = [q for e in code(parse, codebook, text) for q in e.quantities]
    assert [text[q.span.start : q.span.end] for q in qs] == ["two dozen"]


def assaults(events: list[EventMention]) -> list[EventMention]:
    return [e for e in events if e.event == "ASSAULT"]


# (sentence, trigger lemma of the one attack, framing words it keeps, its counts)
ONE_ATTACK = [
    (
        "The raids killed 25 fighters and wounded 55 others.",
        "kill",
        {"kill", "wound"},
        {("killed", 25, False), ("injured", 55, False)},
    ),
    (
        "The car bomb killed 4 people and injured 20.",
        "kill",
        {"kill", "injure"},
        {("killed", 4, False), ("injured", 20, False)},
    ),
    (
        "Five soldiers were killed and 12 wounded in the ambush.",
        "kill",
        {"kill", "wound"},
        {("killed", 5, False), ("injured", 12, False)},
    ),
    (
        "US warplanes pounded militia bases, killing two dozen fighters.",
        "pound",
        {"pound", "kill"},
        {("killed", 24, False)},
    ),
    (
        "Jets bombed rebel positions near Idlib, killing at least 9 fighters and wounding 14.",
        "bomb",
        {"bomb", "kill", "wound"},
        {("killed", 9, True), ("injured", 14, False)},
    ),
    (
        "Iran fired missiles at two bases, wounding 11 soldiers.",
        "fire",
        {"fire", "wound"},
        {("injured", 11, False)},
    ),
]


@pytest.mark.parametrize(("text", "trigger", "framing", "expected"), ONE_ATTACK)
def test_casualties_of_one_attack_are_one_event(parse, codebook, text, trigger, framing, expected):
    found = assaults(code(parse, codebook, text))
    assert len(found) == 1, [(e.trigger_lemma, e.quantities) for e in found]
    event = found[0]
    assert event.trigger_lemma == trigger
    assert framing <= set(event.framing), event.framing
    assert counts([event]) == expected


def test_folded_participle_keeps_actor_and_adds_victims(parse, codebook):
    text = "US warplanes pounded militia bases, killing two dozen fighters."
    (event,) = assaults(code(parse, codebook, text))
    assert [text[a.span.start : a.span.end] for a in event.actor] == ["US warplanes"]
    victims = {text[r.span.start : r.span.end] for r in event.recipient}
    assert {"militia bases", "two dozen fighters"} <= victims


@pytest.mark.parametrize(
    "text",
    [
        # a different doer: two acts
        "Rebels killed 5 soldiers and the army wounded 3 rebels.",
        # a contrast is not one outcome
        "The strike hit the convoy but killed 2 farmers nearby.",
    ],
)
def test_separate_doers_stay_separate(parse, codebook, text):
    assert len(assaults(code(parse, codebook, text))) == 2


def test_casualties_elaborating_another_act_are_an_assault(parse, codebook):
    text = "Rioters stormed the town hall, injuring 3 policemen."
    events = code(parse, codebook, text)
    assert ("injured", 3, False) in counts(assaults(events))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll of one act is the sum of the victims it lists
        ("The blast killed the mayor, his driver and eight others.", {("killed", 10, False)}),
        ("The raid killed him, his aide and six of their guards.", {("killed", 8, False)}),
        ("Gunmen killed the governor and at least five more people.", {("killed", 6, True)}),
        ("The attack killed 5 soldiers and 3 others.", {("killed", 8, False)}),
        ("The attack killed 5 soldiers and 3 civilians.", {("killed", 8, False)}),
        ("Troops killed the commander and more than 20 fighters.", {("killed", 21, True)}),
        # no total when a listed group has no number; no count when nothing is counted
        ("The attack killed soldiers and 3 others.", {("killed", 3, False)}),
        ("The attack killed the mayor and his driver.", set()),
        # words outside the list (sources, appositions the parser hangs on the verb) are
        # not victims
        (
            "The strikes killed 12 fighters and wounded 30, according to statements from "
            "the Defence Ministry, the agency that runs the army.",
            {("killed", 12, False), ("injured", 30, False)},
        ),
        # what is included in a toll is not added to it
        ("The bombing killed 30 people, including a senior commander.", {("killed", 30, False)}),
    ],
)
def test_listed_victims_add_up(parse, codebook, text, expected):
    assert counts(code(parse, codebook, text)) == expected


# a death toll told as an update: the updated figure is the act's toll (issue 11)
@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Rebels shelled the market on Friday, and the hospital raised the death toll to 14.",
         ("killed", 14, False), None),
        ("Gunmen attacked a bus near Osk on Monday, and officials raised the toll to eleven.",
         ("killed", 11, False), None),
        # the updated toll replaces the first count of the same sentence
        ("Rebels killed four guards at the depot on Monday, and the hospital raised the toll "
         "to nine.", ("killed", 9, False), ("killed", 4, False)),
        # no toll noun: a figure after "to" is no death toll
        ("Militants killed three guards at the depot, and the price of fuel rose to five "
         "dollars.", ("killed", 3, False), None),
        # "the number of wounded" is no death toll
        ("Militants killed three guards at the depot; the number of wounded rose to nine.",
         ("killed", 3, False), ("killed", 9, False)),
    ],
)  # fmt: skip
def test_an_updated_toll_is_the_acts_death_toll(parse, codebook, text, expected, absent):
    got = counts(code(parse, codebook, text))
    assert expected in got, got
    assert absent not in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dead counted as the subject of a death verb the act hangs on
        ("Three porters died in Sunday's ambush on the road.", ("killed", 3, False)),
        ("Two nurses lost their lives in Monday's raid on the clinic.", ("killed", 2, False)),
        # the casualties an act leaves behind
        ("A rocket struck the depot, leaving three workers injured.", ("injured", 3, False)),
        ("Militants attacked the convoy, leaving six soldiers dead.", ("killed", 6, False)),
    ],
)
def test_casualties_told_beside_the_act(parse, codebook, text, expected):
    got = counts(code(parse, codebook, text))
    assert expected in got, got


def test_a_bare_number_read_as_a_day_is_still_a_count(nlp, codebook):
    """The entity recogniser sometimes takes "injuring 31" for the 31st of a month."""
    text = "Troops shelled Tartus on Friday, killing five people and wounding 27, a medic said."
    d = nlp(text)
    num = next(t for t in d if t.text == "27")
    d.ents = [e for e in d.ents if not (e.start <= num.i < e.end)] + [
        SpacySpan(d, num.i, num.i + 1, label="DATE")
    ]
    got = counts(
        extract_events(annotate(Article(id="t", source="t", format="txt", text=text), d), codebook)
    )
    assert ("injured", 27, False) in got, got


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # no count, or a state that is no casualty
        ("Rebels attacked the base, leaving the road closed.", "injured"),
        ("Gunmen attacked the village, leaving two houses burned.", "killed"),
    ],
)
def test_no_casualties_without_a_count(parse, codebook, text, wrong):
    got = counts(code(parse, codebook, text))
    assert not any(k == wrong for k, _, _ in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negative party is a toll of zero, the figure kept against an outlet claiming deaths
        ("Rebels shelled the town, but no one was killed.", ("killed", 0, False)),
        ("Officials said nobody was killed in the blast.", ("killed", 0, False)),
        ("No soldiers were wounded in the ambush.", ("injured", 0, False)),
        ("Not a single civilian was killed in the raid.", ("killed", 0, False)),
    ],
)
def test_a_negative_party_is_a_toll_of_zero(parse, codebook, text, expected):
    events = code(parse, codebook, text)
    assert expected in counts(events)
    # and nobody is no recipient ("no one" is not a party called "one")
    violent = [e for e in events if e.quantities and e.quantities[0].value == 0]
    assert violent and not any(e.recipient for e in violent)


def test_a_count_of_a_negated_act_is_not_zero(parse, codebook):
    # "no one was arrested": the arrest did not happen, it is no figure
    assert not any(v == 0 for _, v, _ in counts(code(parse, codebook, "No one was arrested.")))


def test_a_bare_participle_shares_the_passive(parse, codebook):
    # "were killed or injured": both verbs have the counted as their patient, nobody as doer
    events = code(parse, codebook, "Twelve villagers were killed or injured in the flooding.")
    kinds = {(q.kind, q.value) for e in events for q in e.quantities}
    assert {("killed", 12), ("injured", 12)} <= kinds, kinds
    assert not any(e.actor for e in events)
