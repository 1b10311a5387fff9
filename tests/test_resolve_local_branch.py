"""Where a movement acts and which division a place names (twenty-third session): a
movement that fights under one name in many countries is coded as the armed group of the
country it acts in, the project's gold convention for armed groups; "X region" names a
division, so a subdivision of that name comes before a namesake town. Real spaCy and data;
hand-written sentences."""

from __future__ import annotations

from collections import Counter

import pytest

from newsevents.resolve.actors.places import place_country


def _sides(doc, kind):
    ev = next(e for e in doc.events if e.event == kind)
    return {a.code for a in ev.actor}, {a.code for a in ev.recipient}


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Islamic State fighters ambushed an army convoy near Palmyra on Tuesday.", "SYR"),
        ("Insurgents loyal to the Islamic State burned a church near Pemba.", "MOZ"),
        ("Al-Qaeda gunmen attacked a checkpoint in Abyan province.", "YEM"),
    ],
)
def test_a_transnational_movement_takes_the_country_it_acts_in(analyze, text, actor):
    actors, _ = _sides(analyze(text, published="2025-04-01"), "ASSAULT")
    assert actors == {actor}


def test_without_a_place_the_movement_keeps_its_own_code(analyze):
    # nothing placed: the country the report is about is the adversary's, not the branch's
    doc = analyze(
        "American drones have killed six al-Qaeda commanders since March, the Pentagon said.",
        published="2025-04-01",
    )
    _, recipients = _sides(doc, "ASSAULT")
    assert "USA" not in recipients


@pytest.mark.parametrize("countries", [{"ET": 1, "SO": 1}, {"ET": 2}])
def test_a_named_division_is_the_subdivision_not_a_namesake_town(resources, countries):
    # Gedo is a region of Somalia and a town in Ethiopia; the writer says "region", so even
    # in a story on Ethiopia it is the Somali region
    doc = resources.nlp("Militants attacked a base in the Gedo region, near the Ethiopian border.")
    gedo = next(e for e in doc.ents if e.text == "Gedo")
    code = place_country(gedo, resources.actors, resources.gazetteer, Counter(countries))
    assert code == "SOM"
