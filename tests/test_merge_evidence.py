"""The evidence a join needs, the hard rules, and the fitted weights file's schema check."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import replace
from pathlib import Path

import pytest

from builders import art, men, span
from newsevents.errors import ConfigError
from newsevents.merge import candidate_pairs, merge
from newsevents.merge.cluster import Cluster
from newsevents.merge.evidence import FEATURES, load_weights, parse_weights, weights_path
from newsevents.merge.features import EventParams, back_reference, mention_features
from newsevents.merge.knowledge import load_knowledge
from newsevents.model import Place, Quantity, Quote, Span

ROOT = Path(__file__).resolve().parent.parent
FRE = ("Freedonian forces", "FRE")
SYL = ("Sylvanian troops", "SYL")


def _pair(first: dict, second: dict):
    a1 = art("e1", "Harbor Daily", "2021-03-06", "Freedonian forces shelled the border post.")
    a2 = art(
        "e2", "Continental Wire", "2021-03-06", "Freedonian forces and Sylvanian troops hit a post."
    )
    m1 = men(a1, 0, "Freedonian forces shelled", "shelled", **first)
    m2 = men(a2, 0, "Freedonian forces and Sylvanian troops hit", "hit", **second)
    return [a1, a2], [m1, m2]


@pytest.mark.parametrize(
    ("first", "second", "events", "why"),
    [
        # type and date alone never join
        (dict(date="2021-03-05"), dict(date="2021-03-05"), 2, "no evidence"),
        # the same place is evidence
        (dict(date="2021-03-05", place=("Port Vela", "SYL", "city")),
         dict(date="2021-03-05", place=("Port Vela", "SYL", "city")), 1, None),
        # places in different countries refuse, whatever else agrees
        (dict(date="2021-03-05", actor=(FRE,), killed=4, place=("Port Vela", "SYL", "city")),
         dict(date="2021-03-05", actor=(FRE,), killed=4, place=("Kessa", "RUR", "city")),
         2, "countries"),
        # coded actors of different countries refuse
        (dict(date="2021-03-05", actor=(FRE,)), dict(date="2021-03-05", actor=(SYL,)), 2,
         "actor mismatch"),
        # a day apart needs two items of evidence: the actor alone is not enough ...
        (dict(date="2021-03-05", actor=(FRE,)), dict(date="2021-03-06", actor=(FRE,)), 2,
         "no evidence"),
        # ... the actor and the same toll are
        (dict(date="2021-03-05", actor=(FRE,), killed=4),
         dict(date="2021-03-06", actor=(FRE,), killed=4), 1, None),
    ],
)  # fmt: skip
def test_a_join_needs_evidence(first, second, events, why) -> None:
    articles, mentions = _pair(first, second)
    assert len(merge(articles, mentions).events) == events
    pairs = candidate_pairs(articles, mentions)
    assert (pairs == []) is (why is not None)


@pytest.mark.parametrize(
    ("second_article", "events"),
    [
        # two sentences of one article with only the sides in common: the outlet tells two
        # acts (it refers back to an act it already told, or gives an item of it)
        (False, 2),
        # another outlet's report of the same dyad on the same day is one act told twice
        (True, 1),
    ],
)
def test_the_sides_alone_join_no_two_sentences_of_one_article(
    second_article: bool, events: int
) -> None:
    first = "Freedonian forces shelled the Sylvanian troops on Friday."
    second = "Freedonian forces raided the Sylvanian troops on Friday."
    if second_article:
        a1 = art("s1", "Harbor Daily", "2021-03-06", first)
        a2 = art("s2", "Continental Wire", "2021-03-06", second)
    else:
        a1 = a2 = art("s1", "Harbor Daily", "2021-03-06", f"{first} Shops shut. {second}")
    sides = dict(actor=(FRE,), recipient=(SYL,), date="2021-03-05")
    mentions = [men(a1, 0, first, "shelled", **sides), men(a2, 1, second, "raided", **sides)]
    assert len(merge(list({a.id: a for a in (a1, a2)}.values()), mentions).events) == events


def test_packaged_weights_name_every_feature() -> None:
    w = load_weights()
    assert set(w.weights) == set(FEATURES) and w.fitted_on
    data = json.loads(weights_path().read_text(encoding="utf-8"))
    assert parse_weights(data, "packaged").bias == w.bias


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["weights"].pop("place_same"), "missing ['place_same']"),
        (lambda d: d["weights"].update(colour=1.0), "unknown ['colour']"),
        (lambda d: d["weights"].update(same_day="high"), "must be numbers"),
        (lambda d: d.pop("bias"), "number 'bias'"),
    ],
)
def test_weights_schema_check(change, message) -> None:
    data = json.loads(weights_path().read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_weights(data, "w.json")


@pytest.mark.parametrize("held_out", ["blind/merge", "dev/merge4check"])
def test_fit_script_refuses_blind_and_check_gold(resources, held_out) -> None:
    """Blind gold and the held-out check halves are never fitted on (the refusal comes
    before the gold file is read, so the test needs neither file)."""
    pytest.importorskip("scipy")
    spec = importlib.util.spec_from_file_location("fit_merge", ROOT / "scripts" / "fit_merge.py")
    assert spec and spec.loader
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    with pytest.raises(SystemExit, match="never used for fitting"):
        fit.labelled_pairs(ROOT / "tests" / held_out / "gold.jsonl", resources)


def _fit_module():
    pytest.importorskip("scipy")
    spec = importlib.util.spec_from_file_location("fit_merge", ROOT / "scripts" / "fit_merge.py")
    assert spec and spec.loader
    fit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fit)
    return fit


def test_fit_keeps_each_weight_to_its_sign() -> None:
    """Collinear evidence (place_same always with text_sim here, and more often on pairs of
    two events) would get a negative weight unconstrained; the bounded fit keeps it >= 0."""
    import numpy as np

    fit = _fit_module()
    i, j, k = (FEATURES.index(f) for f in ("place_same", "text_sim", "day_apart"))
    rows, labels = [], []
    for n in range(40):
        x = [0.0] * len(FEATURES)
        same = n % 2 == 0
        x[j] = 1.0 if same else 0.0
        x[i] = 1.0 if (n % 4 == 1 or n % 8 == 0) else 0.0  # more among separate pairs
        x[k] = 1.0 if n % 5 == 0 and not same else 0.0
        rows.append(x)
        labels.append(float(same))
    _, w = fit.fit(np.array(rows), np.array(labels), 10.0)
    assert w[i] >= 0.0 and w[k] <= 0.0 and w[j] > 0.0


def _told(sentences: str, first: str, second: str, **second_kw):
    """Two ASSAULT mentions on one day: the first at Port Vela with an actor."""
    lead = "Freedonian forces shelled the Sylvanian border districts. "
    a1 = art("p1", "Harbor Daily", "2021-03-06", lead + "Freedonian forces shelled Port Vela.")
    a2 = art("p2", "Continental Wire", "2021-03-06", lead + sentences)
    m1 = men(a1, 0, "Freedonian forces shelled Port Vela.", "shelled", actor=(FRE,),
             date="2021-03-05", place=("Port Vela", "SYL", "city"))  # fmt: skip
    m2 = men(a2, 0, first, first.split()[1], date="2021-03-05")
    ms = [m1, m2]
    if second:
        ms.append(men(a2, 1, second, second.split()[-1].rstrip("."), date="2021-03-05",
                      **second_kw))  # fmt: skip
    return [a1, a2], ms


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        # the unplaced report names the place the other outlet gave: one event
        ("Shells hit homes near Port Vela on Friday.", 1),
        # it names no place (nor actor, nor figure): type and date alone, two events
        ("Shells hit homes on the edge of a town on Friday.", 2),
    ],
)
def test_a_sentence_naming_the_place_is_evidence(sentence, events) -> None:
    articles, ms = _told(sentence, sentence, "")
    assert len(merge(articles, ms).events) == events


@pytest.mark.parametrize(
    ("text", "second", "joined"),
    [
        # the next sentence, naming no actor, goes on telling the act
        ("Drones bombed Port Vela on Friday. Nobody was killed.", "Nobody was killed.", True),
        # a sentence in between: no longer a continuation
        ("Drones bombed Port Vela on Friday. Markets stayed open. Nobody was killed.",
         "Nobody was killed.", False),
        # the next sentence with an actor of its own is not a continuation
        ("Freedonian drones bombed Port Vela on Friday. Militiamen fired at a camp.",
         "Militiamen fired at a camp.", False),
    ],
)  # fmt: skip
def test_the_next_sentence_continues_an_act(text, second, joined) -> None:
    a = art("c1", "Harbor Daily", "2021-03-06", text)
    opening = text.split(". ")[0] + "."
    first = men(a, 0, opening, "bombed", date="2021-03-05", place=("Port Vela", "SYL", "city"),
                actor=(("Freedonian drones", "FRE"),) if "Freedonian" in text else ())  # fmt: skip
    actor = (("Militiamen", None),) if "Militiamen" in second else ()
    trigger = "fired" if "fired" in second else "killed"
    other = men(a, 1, second, trigger, date="2021-03-05", actor=actor)
    ev = merge([a], [first, other]).events
    assert (len(ev) == 1) is joined


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        # the doer's own words right after its act go on telling it
        ('"We will not back down," she told reporters.', True),
        # the same side's next act, not quoted, is another act
        ("Freedonian diplomats walked out of talks in Geneva.", False),
    ],
)
def test_the_doers_quote_after_its_act_continues_it(second, joined) -> None:
    opening = "President Ana Ruiz of Freedonia rejected criticism from unions."
    a = art("q1", "Harbor Daily", "2021-03-06", f"{opening} {second}")
    side = (("President Ana Ruiz", "FRE"),)
    first = men(a, 0, opening, "rejected", event="REJECT", date="2021-03-05", actor=side)
    trigger = "back down" if "back" in second else "walked out"
    own = (("We" if "We" in second else "Freedonian diplomats", "FRE"),)
    other = men(a, 1, second, trigger, event="REJECT", date="2021-03-05", actor=own)
    # the quotations the extract stage found in the article
    words = "We will not back down,"
    quotes = [Quote(a.id, 0, span(a.text, words), other.sentence)] if words in second else []
    assert (len(merge([a], [first, other], quotes).events) == 1) is joined


# --- one sentence, set-apart sentences, back-references (issue 11) ---------------------


def _story(text: str, *mentions: tuple[str, str, dict]):
    """One article (and one story) holding ``text``; each mention (sentence, trigger, fields)."""
    a = art("s1", "Harbor Daily", "2021-03-06", text)
    return [a], [men(a, i, s, t, **kw) for i, (s, t, kw) in enumerate(mentions)]


@pytest.mark.parametrize(
    ("second", "same"),
    [
        # two words for one act in one sentence ("fought ... shelled"): one event, even when
        # the coder gave them doers of two countries
        (("shelled", dict(actor=(("Sylvanian troops", "SYL"),))), True),
        # two types in one sentence are two acts ("blocked the road, and police fired")
        (("shelled", dict(event="PROTEST")), False),
    ],
)
def test_one_sentence_one_act_per_type(second, same) -> None:
    text = "Freedonian forces fought near Kessa, and Sylvanian troops shelled the post."
    trigger, kw = second
    articles, mentions = _story(
        text,
        (text, "fought", dict(actor=(FRE,), date="2021-03-05")),
        (text, trigger, dict(date="2021-03-05", **kw)),
    )
    assert (len(merge(articles, mentions).events) == 1) is same


@pytest.mark.parametrize(
    "opening", ["Separately,", "In a separate incident,", "Elsewhere,", "On the same day,"]
)
def test_a_sentence_set_apart_tells_another_act(opening: str) -> None:
    text = (
        "Freedonian gunmen attacked the market in Port Vela on Saturday. "
        f"{opening} Freedonian gunmen attacked a police post in Port Vela on Saturday."
    )
    first, second = text.split(". ")
    # (the same place: without it, the sides alone join no two sentences of one article)
    kw = dict(
        actor=(("Freedonian gunmen", "FRE"),), date="2021-03-05", place=("Port Vela", "SYL", "city")
    )
    articles, mentions = _story(
        text, (first + ".", "attacked", kw), (second, "attacked a police", kw)
    )
    assert len(merge(articles, mentions).events) == 2
    plain = text.replace(opening + " ", "")
    articles, mentions = _story(
        plain, (first + ".", "attacked", kw), (plain.split(". ")[1], "attacked a police", kw)
    )
    assert len(merge(articles, mentions).events) == 1


def test_a_back_reference_joins_the_act_its_story_told() -> None:
    """ "The fighting started on Friday night" (no doer, a day before the day the other outlets
    gave) joins the fighting they told: a back-reference waits for every telling of the act,
    then joins the likeliest event of its story within the date slack."""
    a1 = art(
        "r1", "Harbor Daily", "2021-03-07", "Freedonian troops attacked Kessa village on Saturday."
    )
    a2 = art(
        "r2", "Continental Wire", "2021-03-08", "The fighting in Kessa village started on Friday."
    )
    told = men(a1, 0, a1.text, "attacked", actor=(("Freedonian troops", "FRE"),), date="2021-03-06")
    ref = replace(men(a2, 0, a2.text, "fighting", date="2021-03-05"), trigger_lemma="fight")
    # a third article on something else: words two reports share weigh for their story
    a3 = art("r3", "Harbor Daily", "2021-03-08", "Ruritanian farmers harvested grain in Osk.")
    result = merge([a1, a2, a3], [told, ref])
    assert len(result.stories) == 2
    assert len(result.events) == 1
    assert any("refers back to the act" in r for r in result.events[0].explanation)
    # a telling with a doer of its own is no back-reference: a day apart, it stays apart
    a2 = art("r2", "Continental Wire", "2021-03-08", "Sylvanian troops fought in Kessa on Friday.")
    other = men(a2, 0, a2.text, "fought", actor=(("Sylvanian troops", "SYL"),), date="2021-03-05")
    assert len(merge([a1, a2, a3], [told, other]).events) == 2


# --- figures as evidence: whom a figure counts; the act as the subject (issue 11) -------------


@pytest.mark.parametrize(
    ("counted", "events"),
    [
        # "nine people" and "11 civilians": close figures of one kind agree, one event
        ("people", 1),
        # "nine fighters" and "11 civilians" count two classes of people: two acts
        ("fighters", 2),
    ],
)
def test_a_figure_agrees_only_on_the_same_people(counted: str, events: int) -> None:
    second = f"Soldiers killed nine {counted} at a camp on Tuesday."
    text = f"Gunmen killed 11 civilians in Osk on Tuesday. Markets stayed shut. {second}"
    a = art("f1", "Harbor Daily", "2021-03-10", text)
    first = men(a, 0, "Gunmen killed 11 civilians in Osk on Tuesday.", "killed", date="2021-03-09")
    other = men(a, 1, second, "killed nine", date="2021-03-09")
    first = replace(first, quantities=(Quantity("killed", 11, False, span(text, "11")),))
    other = replace(
        other, quantities=(Quantity("killed", 9, False, span(text, "nine")),), trigger_lemma="kill"
    )
    assert len(merge([a], [first, other]).events) == events


@pytest.mark.parametrize(
    ("later", "events"),
    [
        # the known act is the subject ("The strikes ... killed"): the doer the coder gave it
        # from the rest of the sentence is a guess, weighed rather than a veto
        ("The strikes on three bases killed 25 fighters.", 1),
        # a doer of its own: coded actors of two countries are two acts
        ("Militia leaders killed 25 fighters at three bases.", 2),
    ],
)
def test_an_act_named_as_the_subject_softens_the_actor(later: str, events: int) -> None:
    text = f"Freedonian jets struck three bases on Sunday, killing 25 fighters. {later}"
    a = art("t1", "Harbor Daily", "2021-03-08", text)
    first = men(a, 0, text.split(". ")[0] + ".", "struck", actor=(("Freedonian jets", "FRE"),),
                date="2021-03-07", killed=25)  # fmt: skip
    other = men(a, 1, later, "killed", actor=((later.split()[1], "SYL"),), date="2021-03-07",
                killed=25)  # fmt: skip
    first = replace(first, trigger_lemma="strike")
    assert len(merge([a], [first, other]).events) == events


@pytest.mark.parametrize(
    ("second", "role", "events"),
    [
        # the separatists who attacked are the doers again: one act told twice
        ("Separatists burned a truck at the post on Tuesday.", "actor", 1),
        # the attackers of one act are the targets of the next (a reprisal): two acts
        ("Soldiers shot separatists at a camp on Tuesday.", "recipient", 2),
    ],
)
def test_a_participant_is_evidence_in_the_same_role(second: str, role: str, events: int) -> None:
    first = "Separatists attacked the gendarmerie post on Tuesday."
    text = f"{first} Shops stayed shut. {second}"
    a = art("h1", "Harbor Daily", "2021-03-10", text)
    named = ((("Separatists" if role == "actor" else "separatists"), None),)
    mentions = [
        men(a, 0, first, "attacked", actor=(("Separatists", None),), date="2021-03-09"),
        men(a, 1, second, second.split()[1], date="2021-03-09", **{role: named}),
    ]
    assert len(merge([a], mentions).events) == events


@pytest.mark.parametrize(
    ("sentence", "trigger", "named"),
    [
        ("Two died in the weekend fighting.", "fighting", True),
        ("The Pentagon is sending troops to the region.", "sending", False),
        ("The crew were hit with rods.", "hit", False),
    ],
)
def test_a_copula_makes_the_trigger_a_verb(sentence: str, trigger: str, named: bool) -> None:
    a = art("b1", "Harbor Daily", "2021-03-10", sentence)
    lemma = {"fighting": "fight", "sending": "send"}.get(trigger, trigger)
    m = replace(men(a, 0, sentence, trigger), trigger_lemma=lemma)
    assert back_reference(m, sentence, load_knowledge().evaluative_copulas) is named


@pytest.mark.parametrize(
    ("sentence", "trigger", "lemma", "named"),
    [
        # a name opening the sentence is the subject; the trigger is its verb
        ("The Council urges both sides to talk.", "urges", "urge", False),
        ("The Lake Forum calls on the police to act.", "calls", "call", False),
        # a plural noun for a known act after the determiner is still a back-reference
        ("The raids killed four herders.", "raids", "raid", True),
        ("Police said the Sunday raids killed four.", "raids", "raid", True),
        ("Two died in the weekend fighting.", "fighting", "fight", True),
    ],
)
def test_a_name_opening_the_sentence_makes_the_trigger_its_verb(
    sentence: str, trigger: str, lemma: str, named: bool
) -> None:
    a = art("b2", "Harbor Daily", "2021-03-10", sentence)
    m = replace(men(a, 0, sentence, trigger), trigger_lemma=lemma)
    assert back_reference(m, sentence, load_knowledge().evaluative_copulas) is named


@pytest.mark.parametrize(
    ("lead", "events"),
    [
        # the lead names the district with the city: the district is in the city, one act
        ("Police fired tear gas in Osk on Monday, pushing the crowd into the Vela district.", 1),
        # nothing ties the district to the city: two places of city level, two acts
        ("Police fired tear gas in Osk on Monday, pushing the crowd back.", 2),
    ],
)
def test_a_district_named_with_its_city_is_nested(lead: str, events: int) -> None:
    later = "Police fired tear gas in the Vela district on Monday."
    text = f"{lead} Shops stayed shut. {later}"
    a = art("d1", "Harbor Daily", "2021-03-09", text)
    police = (("Police", "SYL"),)
    mentions = [
        men(a, 0, lead, "fired", actor=police, date="2021-03-08", place=("Osk", "SYL", "city")),
        men(a, 1, later, "fired tear gas in the", actor=police, date="2021-03-08",
            place=("Vela", "SYL", "district")),
    ]  # fmt: skip
    assert len(merge([a], mentions).events) == events


# --- a toll update refers back to an act told days before (issue 11) --------------------------


@pytest.mark.parametrize(
    ("later", "events"),
    [
        # the update is dated to the day it was made, two days after the act: it joins the
        # act, and the two outlets' tolls are a disagreement
        ("On Wednesday the governor raised the toll from the depot attack in Osk to five.", 1),
        # the same figure without a toll word is a report of its own day: two events
        ("On Wednesday gunmen killed five guards at a depot in Osk.", 2),
    ],
)
def test_a_toll_update_joins_the_act_before_it(later: str, events: int) -> None:
    a1 = art("u1", "Harbor Daily", "2021-03-09", "Gunmen attacked the depot in Osk on Monday.")
    a2 = art("u2", "Continental Wire", "2021-03-11", later)
    first = men(a1, 0, a1.text, "attacked", date="2021-03-08", killed=3,
                place=("Osk", "SYL", "city"))  # fmt: skip
    trigger = "attack" if "toll" in later else "killed"
    update = men(a2, 0, later, trigger, date="2021-03-10", killed=5,
                 place=("Osk", "SYL", "city"))  # fmt: skip
    result = merge([a1, a2], [first, update])
    assert len(result.events) == events
    if events == 1:
        assert "killed" in {d.field for d in result.events[0].discrepancies}


@pytest.mark.parametrize(
    ("where", "events"),
    [
        # the coder carried a foreign country over from the sentence before (the ministry's
        # seat): a guess, no veto; the figure and the place named join the two reports
        ("carried", 1),
        # a foreign country named in the mention's own sentence: two countries, two acts
        ("stated", 2),
    ],
)
def test_a_country_carried_over_is_no_veto(where: str, events: int) -> None:
    a1 = art("v1", "Harbor Daily", "2021-03-09", "Gunmen attacked the depot in Osk on Monday.")
    told = "Gunmen attacked the depot in Osk on Monday, killing three guards."
    if where == "stated":
        told = "Gunmen attacked a depot in Freedonia on Monday, killing three guards."
    text = f"The ministry of Freedonia issued a statement. {told}"
    a2 = art("v2", "Continental Wire", "2021-03-10", text)
    first = men(a1, 0, a1.text, "attacked", date="2021-03-08", killed=3,
                place=("Osk", "SYL", "city"))  # fmt: skip
    second = men(a2, 0, told, "attacked", date="2021-03-08", killed=3)
    at = text.index("Freedonia") if where == "carried" else text.rindex("Freedonia")
    place = Place("Freedonia", "FRE", None, None, "country", span=Span(at, at + len("Freedonia")))
    assert len(merge([a1, a2], [first, replace(second, location=place)]).events) == events


@pytest.mark.parametrize(
    ("count", "events"),
    [
        # another story (an official statement grouped apart): one side and a figure that
        # agrees, on days that overlap, are enough
        (47, 1),
        # ... but not when the figures disagree beyond an outlet's error
        (12, 2),
    ],
)
def test_another_story_joins_on_a_side_and_a_specific_item(count: int, events: int) -> None:
    told = "Riot police detained about 60 protesters in Tarsk on Thursday, lawyers said."
    a1 = art("x1", "Harbor Daily", "2021-05-13", told)
    note = f"In the course of these operations, {count} persons were arrested for offences."
    a2 = art("x2", "Ministry of the Interior", "2021-05-14", f"Communique. {note}")
    m1 = men(a1, 0, told, "detained", "COERCE", recipient=(("protesters", "SYL"),),
             date="2021-05-13")  # fmt: skip
    m2 = men(a2, 0, note, "arrested", "COERCE", recipient=(("persons", "SYL"),),
             date="2021-05-14", source="publication")  # fmt: skip
    m1 = replace(m1, quantities=(Quantity("arrested", 60, True, span(told, "60")),))
    m2 = replace(m2, quantities=(Quantity("arrested", count, False, span(a2.text, str(count))),))
    result = merge([a1, a2], [m1, m2])
    assert len(result.stories) == 2  # the statement stands apart from the report
    assert len(result.events) == events


@pytest.mark.parametrize(
    ("first", "second", "told"),
    [
        # two outlets' narratives give the act one day: the same day told
        ("context", "context", "same day"),
        ("text", "context", "same day"),
        # the report's day by default is no day told
        ("publication", "context", "overlap"),
    ],
)
def test_a_narrative_day_told_by_two_outlets_is_the_same_day(first, second, told) -> None:
    """A ``context`` date is the day the article's narrative gives the act: two reports
    dating one act to one day that way tell the same day (``same_day``), as two reports
    stating it do; the report's own day by default does not."""
    # the same place as well, so the pair joins whatever weight the date's kind carries
    where = ("Port Vela", "SYL", "city")
    articles, mentions = _pair(
        dict(date="2021-03-05", actor=(FRE,), source=first, place=where),
        dict(date="2021-03-05", actor=(FRE,), source=second, place=where),
    )
    explained = " ".join(line for e in merge(articles, mentions).events for line in e.explanation)
    assert f"2021-03-05 {told}" in explained or f"..2021-03-05 {told}" in explained


def test_a_narrative_day_within_one_report_is_no_day_told_twice() -> None:
    """Two sentences of one article carry its narrative's day: one telling, not two outlets
    agreeing, so no ``same_day`` (one article tells several acts of a day)."""
    text = "Freedonian forces shelled the border post. Freedonian forces shelled a bridge."
    a = art("e1", "Harbor Daily", "2021-03-06", text)
    first = men(
        a,
        0,
        "Freedonian forces shelled the border post.",
        "shelled",
        actor=(FRE,),
        date="2021-03-05",
        source="context",
    )
    later = text.index("a bridge")
    second = replace(
        men(a, 1, "Freedonian forces shelled a bridge.", "shelled", actor=(FRE,),
            date="2021-03-05", source="context"),
        trigger=Span(later - 8, later - 1),
    )  # fmt: skip
    explained = " ".join(line for e in merge([a], [first, second]).events for line in e.explanation)
    assert "same day" not in explained


# --- a back-reference names its own act (tenth session, issue 11) ----------------------------


def _toll_pair(
    first_text: str, first_trigger: str, first: dict, later_text: str, later: dict
) -> int:
    """Events of an act told by one outlet and a later report raising "the toll from
    <day>'s bombing" (a back-reference to its own act) by another."""
    a1 = art("b1", "Harbor Daily", "2021-03-08", first_text)
    a2 = art("b2", "Continental Wire", "2021-03-09", later_text)
    m1 = men(a1, 0, first_text, first_trigger, **first)
    m2 = replace(men(a2, 0, later_text, "bombing", **later), trigger_lemma="bomb")
    return len(merge([a1, a2], [m1, m2]).events)


@pytest.mark.parametrize(
    ("later_day", "events"),
    [
        # "Sunday's bombing" names an act of the day before another attack by the same
        # sides: the back-reference says the outlet knows *an* act, not this one
        ("2021-03-06", 2),
        # the bombing the attack report told that day: one event
        ("2021-03-07", 1),
    ],
)
def test_a_back_reference_alone_does_not_join_an_act_a_day_apart(later_day, events) -> None:
    sides = dict(actor=(("Freedonian rebels", "FRE"),), recipient=(("Sylvanian police", "SYL"),))
    first = "Freedonian rebels attacked Sylvanian police on Monday."
    later = "Freedonian rebels raised the toll from Sunday's bombing of Sylvanian police."
    got = _toll_pair(
        first, "attacked", dict(date="2021-03-07", **sides), later, dict(date=later_day, **sides)
    )
    assert got == events


@pytest.mark.parametrize(("source", "stated"), [("text", True), ("publication", False)])
def test_a_toll_update_states_the_day_its_words_give(source: str, stated: bool) -> None:
    """ "Raised the toll from Sunday's bombing" states Sunday for that outlet, though the
    interval the merge compares is widened back for the act: a second event the outlet puts
    on Monday is then another act, not the same one told on another day."""
    text = "Officials raised the toll from Sunday's bombing to four."
    a = art("t9", "Harbor Daily", "2021-03-09", text)
    m = men(a, 0, text, "bombing", date="2021-03-07", source=source, killed=4)
    kb, params = load_knowledge(), EventParams(0.5, 1, 10, 50, cross_story=True)
    (x,) = mention_features([m], {a.id: a}, {}, {}, {}, kb, params)
    assert x.iv is not None and x.iv[0] < x.iv[1]  # widened back for the act
    c = Cluster(idx=0, group=x.group, fclass=x.fclass)
    c.add(x, None)
    assert (("Harbor Daily", "2021-03-07") in c.stated) is stated


@pytest.mark.parametrize(
    ("later", "doer", "events"),
    [
        # the known act without a doer: the coder's guess of its doer is weighed
        ("Klow condemned the strikes on the embassy compound in Klow.", None, 1),
        # the reference names its own doer: another country's act is another act
        ("Klow condemned the Bordurian strikes on the embassy compound in Klow.", "Bordurian", 2),
    ],
)
def test_a_back_reference_naming_its_doer_keeps_the_actor_veto(
    later: str, doer: str | None, events: int
) -> None:
    first_text = "Syldavian militiamen struck the embassy compound in Klow on Monday."
    a = art("t1", "Harbor Daily", "2021-03-08", first_text)
    b = art("t2", "Ledger", "2021-03-08", later)
    first = men(a, 0, first_text, "struck", actor=(("Syldavian militiamen", "SYL"),),
                date="2021-03-08", place=("Klow", "SYL", "city"))  # fmt: skip
    actor = ((doer, "BOR"),) if doer else (("Klow", "SYL"),)
    other = men(b, 0, later, "strikes", actor=actor, date="2021-03-08",
                place=("Klow", "SYL", "city"))  # fmt: skip
    first = replace(first, trigger_lemma="strike")
    other = replace(other, trigger_lemma="strike")
    assert len(merge([a, b], [first, other]).events) == events


@pytest.mark.parametrize(
    ("counted", "told", "agrees"),
    [
        # "the toll has risen to 12" (no class) beside "nine villagers": 12 counts villagers,
        # so "15 attackers" killed in a pursuit is no agreeing figure
        ("combatants", {("killed", 9, "civilians"), ("killed", 12, None)}, False),
        ("civilians", {("killed", 9, "civilians"), ("killed", 12, None)}, True),
        # with no class told at all, any figure of the kind compares
        ("combatants", {("killed", 12, None)}, True),
    ],
)
def test_an_unclassed_toll_counts_the_events_class(counted, told, agrees) -> None:
    from types import SimpleNamespace

    from newsevents.merge.evidence import _numbers

    quantities: dict[str, set] = {}
    for kind, value, cls in told:
        quantities.setdefault(kind, set()).add((value, cls))
    toll = Quantity("killed", 15, False, Span(0, 2))
    x = SimpleNamespace(m=SimpleNamespace(quantities=[toll]), counted=(counted,))
    c = SimpleNamespace(quantities=quantities)
    assert _numbers(x, c)[0] is agrees


def _with_sector(m, sector: str):
    return replace(m, actor=tuple(replace(a, sector=sector) for a in m.actor))


@pytest.mark.parametrize(
    ("first", "second", "events"),
    [
        # rebels firing rockets and the army's jets bombing, one day, one town: two acts
        ("REB", "MIL", 2),
        ("UAF", "COP", 2),
        # two bodies of the state (the army, the police) may tell one act
        ("MIL", "COP", 1),
    ],
)
def test_doers_on_opposing_sides_of_one_country_are_two_acts(first, second, events) -> None:
    mentions, articles = [], []
    for key, outlet, doer, sector in (
        ("o1", "Harbor Daily", "Freedonian fighters", first),
        ("o2", "Continental Wire", "Freedonian units", second),
    ):
        text = f"{doer} shelled the town."
        a = art(key, outlet, "2021-03-06", text)
        m = men(a, 0, text, "shelled", actor=((doer, "FRE"),), date="2021-03-05",
                place=("Port Vela", "FRE", "city"), killed=3)  # fmt: skip
        articles.append(a)
        mentions.append(_with_sector(m, sector))
    assert len(merge(articles, mentions).events) == events


def _with_entity(m, side: str, entity: str, sector: str | None = None):
    """``m`` with its ``side``'s actors tied to the document entity ``entity``."""
    actors = tuple(replace(a, entity=entity, sector=sector or a.sector) for a in getattr(m, side))
    return replace(m, **{side: actors})


@pytest.mark.parametrize(
    ("entity_first", "entity_second", "events"),
    [
        # the same named person killed, told twice in one article: one act
        ("Vardan Osk", "Vardan Osk", 1),
        # two named persons: the sides alone in one article, two acts
        ("Vardan Osk", "Mira Telen", 2),
    ],
)
def test_a_named_person_in_the_same_role_is_a_participant(
    entity_first: str, entity_second: str, events: int
) -> None:
    text = (
        f"A Freedonian drone killed {entity_first} near Port Vela on Friday. Markets shut. "
        f"Freedonian forces bombed {entity_second} on Friday."
    )
    a = art("n1", "Harbor Daily", "2021-03-06", text)
    first = text.split(". ")[0] + "."
    second = text.split(". ")[2]
    m1 = men(a, 0, first, "killed", actor=(("A Freedonian drone", "FRE"),),
             recipient=((entity_first, "SYL"),), date="2021-03-05")  # fmt: skip
    m2 = men(a, 1, second, "bombed", actor=(("Freedonian forces", "FRE"),),
             recipient=((entity_second, "SYL"),), date="2021-03-05")  # fmt: skip
    m1 = _with_entity(m1, "recipient", entity_first.lower())
    m2 = _with_entity(m2, "recipient", entity_second.lower())
    assert len(merge([a], [m1, m2]).events) == events


@pytest.mark.parametrize(("sector", "events"), [("UNK", 1), (None, 2)])
def test_an_unidentified_doer_does_not_conflict_with_a_named_one(sector, events) -> None:
    """An unidentified doer's country is the coder's guess from the place (guessed_sectors
    in merge.yaml): it does not refuse a join with another outlet's named doer."""
    a1 = art("u1", "Harbor Daily", "2021-03-06", "Gunmen shelled Port Vela on Friday.")
    a2 = art("u2", "Continental Wire", "2021-03-06", "Freedonian forces shelled Port Vela.")
    place = ("Port Vela", "SYL", "city")
    m1 = men(a1, 0, "Gunmen shelled Port Vela on Friday.", "shelled",
             actor=(("Gunmen", "SYL"),), date="2021-03-05", place=place)  # fmt: skip
    m1 = replace(m1, actor=tuple(replace(x, sector=sector) for x in m1.actor))
    m2 = men(a2, 0, "Freedonian forces shelled Port Vela.", "shelled", actor=(FRE,),
             date="2021-03-05", place=place)  # fmt: skip
    assert len(merge([a1, a2], [m1, m2]).events) == events


@pytest.mark.parametrize(("narrative_day", "events"), [("2021-03-02", 1), ("2021-03-06", 2)])
def test_a_narrative_date_reaches_only_a_few_days_back(narrative_day, events) -> None:
    """A date the coder carried from the article's narrative (``context``) is the outlet's
    account of the day: an act stated five days before it is another act of the story."""
    a1 = art("k1", "Harbor Daily", "2021-03-02", "Freedonian forces shelled Port Vela on Monday.")
    a2 = art("k2", "Continental Wire", "2021-03-07", "Freedonian forces also shelled Port Vela.")
    place = ("Port Vela", "SYL", "city")
    m1 = men(a1, 0, "Freedonian forces shelled Port Vela on Monday.", "shelled", actor=(FRE,),
             date="2021-03-01", place=place)  # fmt: skip
    m2 = men(a2, 0, "Freedonian forces also shelled Port Vela.", "shelled", actor=(FRE,),
             date=narrative_day, source="context", place=place)  # fmt: skip
    assert len(merge([a1, a2], [m1, m2]).events) == events


@pytest.mark.parametrize(
    ("second_mode", "events"),
    [
        # a curfew told in a report of its own is another act than the arrests
        ("curfew", 2),
        # an arrest told by another outlet is the same act
        ("arrest", 1),
    ],
)
def test_a_curfew_is_no_arrest(second_mode: str, events: int) -> None:
    first = "Freedonian police detained 40 Sylvanian marchers in Port Vela on Friday."
    second = "Freedonian police imposed a curfew on Sylvanian marchers in Port Vela on Friday."
    a1 = art("c1", "Harbor Daily", "2021-03-06", first)
    a2 = art("c2", "Continental Wire", "2021-03-06", second)
    sides = dict(
        actor=(("Freedonian police", "FRE"),),
        recipient=(("Sylvanian marchers", "SYL"),),
        date="2021-03-05",
        place=("Port Vela", "FRE", "city"),
    )
    m1 = replace(men(a1, 0, first, "detained", "COERCE", **sides), mode="arrest")
    m2 = replace(men(a2, 0, second, "imposed", "COERCE", **sides), mode=second_mode)
    assert len(merge([a1, a2], [m1, m2]).events) == events


@pytest.mark.parametrize(
    ("second_sides", "events"),
    [
        # each side's accusation of the other, told in one sentence: two acts
        (((SYL,), (FRE,)), 2),
        # two words of one accusation in one sentence ("accused ... and blamed"): one act
        (((FRE,), (SYL,)), 1),
    ],
)
def test_crossed_sides_in_one_sentence_are_two_acts(second_sides, events) -> None:
    fre, syl = ("Freedonia", "FRE"), ("Sylvania", "SYL")
    second_sides = tuple(tuple(fre if s == FRE else syl for s in side) for side in second_sides)
    text = (
        "Freedonia accused Sylvania of shelling its posts, and Sylvania accused Freedonian "
        "troops of firing first."
    )
    a = art("x1", "Harbor Daily", "2021-03-06", text)
    m1 = men(a, 0, text, "accused", "ACCUSE", actor=(fre,), recipient=(syl,), date="2021-03-05")
    second = text.index("accused", text.index("accused") + 1)
    actor, recipient = second_sides
    m2 = replace(
        men(a, 1, text, "accused", "ACCUSE", actor=actor, recipient=recipient, date="2021-03-05"),
        trigger=Span(second, second + len("accused")),
    )
    assert len(merge([a], [m1, m2]).events) == events


def test_an_unrelated_incident_stays_apart_when_events_join_across_days() -> None:
    """One wire tells a border clash and, 'In an unrelated incident', a shooting by a third
    country's guards; another outlet's 'Wednesday's clash' joins across the day slack. The
    clash's event must not absorb the unrelated shooting through the back-reference."""
    wire = (
        "At least four people were killed on Wednesday when Freedonian and Sylvanian border "
        "guards exchanged gunfire near Kessa. In an unrelated incident on Wednesday, Ruritanian "
        "border guards shot dead a Freedonian man near Osk."
    )
    clash, unrelated = wire.split(". ")
    a1 = art("w1", "Continental Wire", "2021-03-03", wire)
    a2 = art(
        "w2",
        "Atlas Daily",  # (its mention is merged first: the outlets' order)
        "2021-03-05",
        "Wednesday's clash near the Freedonian village of Kessa left six people dead.",
    )
    fre, syl, rur = ("Freedonian", "FRE"), ("Sylvanian", "SYL"), ("Ruritanian", "RUR")
    kessa = ("Kessa", "FRE", "city")
    m1 = men(
        a1,
        0,
        clash + ".",
        "killed",
        actor=(fre,),
        recipient=(fre,),
        date="2021-03-03",
        place=kessa,
        killed=4,
    )
    m2 = men(
        a1,
        1,
        clash + ".",
        "exchanged",
        actor=(fre, syl),
        recipient=(fre, syl),
        date="2021-03-03",
        source="context",
        place=kessa,
    )
    m3 = men(a1, 2, unrelated, "shot", actor=(rur,), recipient=(fre,), date="2021-03-03")
    m4 = replace(
        men(
            a2,
            0,
            a2.text,
            "clash",
            actor=(fre,),
            recipient=(fre,),
            date="2021-03-03",
            place=kessa,
            killed=6,
        ),
        trigger_lemma="clash",
    )
    events = merge([a1, a2], [m1, m2, m3, m4]).events
    shooting = next(e for e in events if m3.id in e.mention_ids)
    assert list(shooting.mention_ids) == [m3.id]


def test_a_second_word_of_one_sentence_joins_that_sentences_act() -> None:
    """'jets struck rebel camps ..., and a soldier was killed': the killing has no doer of
    its own and is the strike's toll. It joins the strike told in its own sentence, even when
    an earlier act shares more with it (the same town and the same figure)."""
    first = "Sylvanian rebels shelled Port Vela on Monday, killing one soldier."
    second = "Freedonian jets struck rebel camps on Monday, and a soldier was killed in Port Vela."
    a = art("s1", "Harbor Daily", "2021-03-02", f"{first} {second}")
    vela = ("Port Vela", "FRE", "city")
    shelling = men(a, 0, first, "shelled", actor=(("Sylvanian rebels", "FRE"),),
                   date="2021-03-01", place=vela, killed=1)  # fmt: skip
    strike = men(a, 1, second, "struck", actor=(("Freedonian jets", "FRE"),),
                 recipient=(("rebel camps", "FRE"),), date="2021-03-01")  # fmt: skip
    killing = men(a, 2, second, "killed", recipient=(("soldier", "FRE"),), date="2021-03-01",
                  source="context", place=vela, killed=1)  # fmt: skip
    shelling, strike = _with_sector(shelling, "REB"), _with_sector(strike, "MIL")
    events = merge([a], [shelling, strike, killing]).events
    (joined,) = [e for e in events if strike.id in e.mention_ids]
    assert killing.id in joined.mention_ids and shelling.id not in joined.mention_ids
