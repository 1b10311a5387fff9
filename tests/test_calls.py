"""Calls to action: listings and imperatives coded as future PROTEST events (real spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import api, ingest
from newsevents.errors import ConfigError
from newsevents.extract import extract_events
from newsevents.extract.calls import add_calls, extract_calls, load_calls
from newsevents.model import Article, EventMention, Span
from newsevents.nlp import annotate
from newsevents.resolve import actors as resolve_actors
from newsevents.resolve import place as resolve_place
from newsevents.resolve import time as resolve_time


def calls(nlp, text: str) -> list[EventMention]:
    doc = annotate(Article(id="t", source="test", format="txt", text=text), nlp(text))
    return extract_calls(doc)


# (text, trigger words, cue words, rule, cameo)
IMP, L, H = "call.imperative", "call.listing", "call.heading"
CALLS = [
    ("Join the march on Saturday.", "march", "Join", IMP, "141"),
    ("Demonstrate outside the embassy on Friday.", "Demonstrate", "Demonstrate", IMP, "141"),
    ("Come to the rally in Leeds on Monday at 5pm.", "rally", "Come", IMP, "141"),
    ("Please join the vigil outside the town hall tonight.", "vigil", "join", IMP, "141"),
    ("Support the strike on 14 January!", "strike", "Support", IMP, "143"),
    ("Let's march on the parliament on Saturday!", "march", "march", IMP, "141"),
    ("Everyone, join the picket line at the depot from 6am.", "picket line", "join", IMP, "141"),
    ("Join us as we march on the embassy on Friday.", "march", "Join", IMP, "141"),
    ("Protest at Downing Street, Wednesday 8 January, 6.30pm", "Protest", "Wednesday", L, "141"),
    ("National demonstration: Saturday 11 January, noon", "demonstration", "Saturday", L, "141"),
    ("Teachers' strike: Monday 13 January, all schools", "strike", "Monday", L, "143"),
    ("Demonstration planned for Saturday 11 January.", "Demonstration", "Saturday", L, "141"),
    ("Protests: Saturday 11 January, Cardiff", "Protests", "Protests", H, "141"),
    ("Join the rallies across the country on Saturday.", "rallies", "Join", IMP, "141"),
    ("Support the days of action on 9 and 10 January.", "days of action", "Support", IMP, "141"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "cue", "rule", "cameo"), CALLS)
def test_call_is_one_future_protest(nlp, text, trigger, cue, rule, cameo):
    found = calls(nlp, text)
    assert len(found) == 1, [(m.rule, m.trigger.of(text)) for m in found]
    m = found[0]
    assert (m.event, m.factuality, m.cameo) == ("PROTEST", "future", cameo)
    assert m.trigger.of(text) == trigger
    assert m.cue is not None and m.cue.of(text) == cue
    assert m.rule == rule
    assert m.sentence.contains(m.trigger)
    assert m.intensity < 0  # Goldstein of a 14x code
    assert m.mode == ("strike" if cameo == "143" else "demo")


NOT_CALLS = [
    "Thousands marched on Friday.",
    "They joined the march on Saturday.",
    "The rally was held in London on Saturday.",
    "Protests erupted in Baghdad on Friday.",
    "Rally held in London last Saturday.",
    "Students march in Tehran on Saturday",
    "Protesters march in London on Saturday",
    "Will you join the march on Saturday?",
    "Why not join the protest on Friday?",
    "Don't join the march.",
    "Join the union today.",
    "Support the nurses who went on strike last week.",
    "Support for the strike is growing.",
    "March 5 marks the anniversary of the uprising.",
    "Protest grows against the war.",
    "Protest in Baghdad on Friday",
    "The march will start at noon.",
]


@pytest.mark.parametrize("text", NOT_CALLS)
def test_reports_questions_and_past_tense_are_not_calls(nlp, text):
    assert calls(nlp, text) == [], text


ARTICLE = """Campaigners warned on Thursday that the war could spread across the region.

The coalition has held three marches since the autumn.

Take action

Protest at the embassy, Grosvenor Road, London
Friday 10 January, 5pm

Rally in Manchester: Saturday 11 January, 1pm, Albert Square
Vigil, Sunday 12 January, Glasgow
For more events see our website.
"""


def test_article_listing_under_a_heading(nlp):
    found = calls(nlp, ARTICLE)
    got = [(m.trigger.of(ARTICLE), m.sentence.of(ARTICLE), m.cue.of(ARTICLE)) for m in found]
    assert got == [
        ("Protest", "Protest at the embassy, Grosvenor Road, London\nFriday 10 January, 5pm",
         "Take action"),
        ("Rally", "Rally in Manchester: Saturday 11 January, 1pm, Albert Square", "Take action"),
        ("Vigil", "Vigil, Sunday 12 January, Glasgow", "Take action"),
    ]  # fmt: skip
    assert all(m.rule == "call.heading" and m.factuality == "future" for m in found)
    assert [m.index for m in found] == [0, 1, 2]


def test_glued_listing_after_inline_heading(nlp):
    text = (
        "Take action: Public meeting, No cuts, Tuesday 7 January, 7pm, Friends Hall, Leeds "
        "Demonstration, Save our jobs, Saturday 11 January, noon, City Square, Leeds. "
        "For other protests and activities, go to our website\n"
    )
    found = calls(nlp, text)
    assert [m.trigger.of(text) for m in found] == ["Demonstration"]
    sentence = found[0].sentence.of(text)
    assert sentence.startswith("Demonstration") and sentence.endswith("City Square, Leeds.")
    assert "Tuesday" not in sentence  # the meeting's date is not the demonstration's


def test_heading_imperative_is_not_an_event_itself(nlp):
    text = (
        "Join the protests\n"
        "Birmingham: rally, Saturday 11 January, 11am, Victoria Square\n"
        "Leeds: demonstration outside the Town Hall, Saturday 11 January, noon\n"
    )
    found = calls(nlp, text)
    assert [m.trigger.of(text) for m in found] == ["rally", "demonstration"]
    assert all(m.cue is not None and m.cue.of(text) == "Join the protests" for m in found)


def test_organisers_are_the_actor(nlp):
    text = "Join the protest called by the Trades Union Congress on Saturday."
    (m,) = calls(nlp, text)
    assert [a.name for a in m.actor] == ["Trades Union Congress"]
    (m,) = calls(nlp, "Join the march on Saturday.")
    assert m.actor == ()


def test_add_calls_replaces_overlaps_and_heading_furniture(nlp):
    text = "Take action\n\nRally, Saturday 11 January, noon, George Square\n"
    found = calls(nlp, text)
    assert len(found) == 1
    base = dict(article_id="t", event="COERCE", cameo="173", intensity=-5.0)
    furniture = EventMention(  # a main-coder reading of the heading verb
        index=0, sentence=Span(0, 11), trigger=Span(0, 4), factuality="hypothetical", **base
    )
    other = EventMention(
        index=1, sentence=Span(0, 11), trigger=Span(13, 18), factuality="asserted", **base
    )
    merged = add_calls([furniture, other], found)
    assert [(m.rule, m.index) for m in merged] == [("call.heading", 0)]


def test_lexicon_shape_errors(tmp_path: Path):
    lex = load_calls()
    assert lex.nouns["rally"].cameo == lex.nouns["rallies"].cameo == "141"
    assert lex.nouns["walkouts"] == lex.nouns["walkout"]
    bad = tmp_path / "calls.yaml"
    bad.write_text("actions: {demo: {cameo: '190', nouns: [rally]}}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="CAMEO 14x"):
        load_calls(bad)
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mapping"):
        load_calls(bad)


@pytest.fixture(scope="module")
def resources(nlp):
    res = api.load_resources()
    res.nlp = nlp
    return res


def pipeline(doc, res) -> list[EventMention]:
    """process_document's stages with the calls added after the main coder."""
    times = resolve_time.find_times(doc)
    events = add_calls(extract_events(doc, res.codebook), extract_calls(doc))
    events, _, _ = resolve_actors.resolve_actors(doc, events, [], res.actors, res.gazetteer)
    events = resolve_time.resolve_dates(doc, events, times)
    return resolve_place.resolve_places(doc, events, res.gazetteer)


def dated_calls(nlp, res, text: str) -> dict[str, EventMention]:
    article = ingest.article_from_text(text, published="2020-01-03")
    doc = annotate(article, nlp(article.text))
    return {m.trigger.of(article.text): m for m in pipeline(doc, res) if m.rule.startswith("call.")}


@pytest.mark.slow
def test_pipeline_dates_calls_from_their_listing(nlp, resources):
    """Through ingest cleaning and resolve.time: listed dates, not the publication date."""
    got = dated_calls(nlp, resources, ARTICLE)
    assert set(got) == {"Protest", "Rally", "Vigil"}
    assert all(m.date is not None and m.date.startswith("2020-01") for m in got.values())
    assert got["Protest"].date == "2020-01-10"
    assert got["Vigil"].date == "2020-01-12"
    assert got["Rally"].location is not None and got["Rally"].location.name == "Manchester"
    assert all(m.factuality == "future" for m in got.values())


@pytest.mark.slow
def test_pipeline_dates_each_item_from_its_own_line(nlp, resources):
    got = dated_calls(nlp, resources, ARTICLE)
    assert got["Rally"].date == "2020-01-11"


@pytest.mark.slow
def test_seed_call_to_action(nlp, resources, seeds):
    """Seed 000 ends with a glued listing: its demonstration comes out, dated from it."""
    path = next((p for p in seeds if p.name.startswith("000_")), None)
    if path is None:
        pytest.skip("seed 000 is absent")
    (article,) = list(ingest.iter_inputs([str(path)], published="2020-01-03"))
    doc = annotate(article, nlp(article.text))
    found = [m for m in pipeline(doc, resources) if m.rule.startswith("call.")]
    assert len(found) == 1
    (m,) = found
    assert (m.event, m.factuality, m.cameo, m.mode) == ("PROTEST", "future", "141", "demo")
    assert m.date == "2020-01-11" and m.date_source == "text"
