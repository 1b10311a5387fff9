"""The story's scene carried to the acts that name no place (resolve/place/story.py, ninth
session): a country that only says where a named town lies is the same scene, a country
named as the doer or owner is no place, a sentence that tells where and when something
happened that no act was coded for is a scene, a street is a spot inside the scene, a
sentence that opens another incident keeps its own, a place in a clause about something
else is not the act's. Every text here was written for these tests."""

from __future__ import annotations

import pytest


def _text_place(doc, trigger):
    """The place the text gives the act (not a dateline or one-city prior)."""
    evs = [e for e in doc.events if e.trigger.of(doc.article.text) == trigger]
    assert evs, f"no event {trigger!r}"
    loc = evs[0].location
    return loc.name if loc is not None and loc.source == "text" else None


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # the country after the town says where the town lies: one scene
        (
            "Gunmen killed 23 villagers near the town of Mopti in central Mali on Sunday."
            " The gunmen burned granaries and shot villagers who tried to flee.",
            "burned",
            "Mopti",
        ),
        # a country named as owner or doer ("a Kyrgyz checkpoint") says nothing of where
        (
            "Tajik and Kyrgyz border troops fought near Osh on Monday."
            " Tajik soldiers shelled a Kyrgyz checkpoint on Monday.",
            "shelled",
            "Osh",
        ),
        # a street the gazetteer does not know is a spot in the scene, not another place
        (
            "Police detained forty protesters in Yerevan on Sunday."
            " On Monday the protesters marched along Baghramyan Avenue to the parliament.",
            "marched",
            "Yerevan",
        ),
    ],
)
def test_the_story_scene_goes_on(analyze, text, trigger, want):
    assert _text_place(analyze(text, "2025-03-12"), trigger) == want


def test_a_separate_incident_is_not_the_story_scene(analyze):
    text = (
        "Gunmen attacked a market in Mombasa on Monday."
        " In a separate incident, bandits ambushed a bus on Monday."
    )
    assert _text_place(analyze(text, "2025-03-12"), "ambushed") is None


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        # a scene told with its day, whatever act the coder made of it, places the next
        # act of that day
        (
            "Hundreds of traders camped outside the town hall in Kasese on Monday."
            " Police arrested 32 of them on Monday.",
            "arrested",
            "Kasese",
        ),
        # ... but a scene without a day ("many traders live in X") ends the search
        (
            "Gunmen attacked a market in Mombasa on Monday. Many of the traders live in"
            " Malindi. Police arrested four men on Monday.",
            "arrested",
            None,
        ),
        # ... and so does a day that does not agree with the act's
        (
            "Hundreds of traders camped outside the town hall in Kasese on 2 March."
            " Police arrested 32 of them on Tuesday.",
            "arrested",
            None,
        ),
    ],
)
def test_a_dated_scene_without_a_placed_act(analyze, text, trigger, want):
    assert _text_place(analyze(text, "2025-03-12"), trigger) == want


def test_a_place_in_a_clause_about_something_else(analyze):
    text = (
        "Police in Kumasi fired tear gas at anti-mining campaigners who tried to march towards"
        " the palace, witnesses said. About 300 protesters had gathered near the Prempeh Gate"
        " on Friday, carrying banners against illegal gold mining, which they blame for"
        " poisoning rivers in the Western and Ashanti regions."
    )
    # the rivers' region is not where the protesters gathered
    assert _text_place(analyze(text, "2025-03-08"), "gathered") is None


def test_a_country_the_tagger_reads_as_a_person_still_weighs_the_namesakes(analyze):
    # the small tagger labels "Mali" PERSON and "Bamako" ORG here; Gao is Mali's city, not
    # Burkina Faso's namesake, and no dateline city stands in for it
    text = (
        "ALGIERS, May 3 (Wire) - Algeria recalled its envoy from Mali on Friday. Bamako "
        "said the dispute was closed. Malian soldiers detained six Algerian drivers in Gao "
        "on Thursday, a security source said."
    )
    doc = analyze(text, published="2025-05-03")
    detained = [e for e in doc.events if e.event == "COERCE"]
    assert detained and detained[0].location is not None
    assert (detained[0].location.name, detained[0].location.country) == ("Gao", "MLI")
