"""Wire phrases read wrong before the twenty-ninth session. Real spaCy and gazetteer;
hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Police imposed a curfew in the town of Kaduna on Tuesday.",
        "The army declared a dusk-to-dawn curfew on the district after the riots.",
        "The governor ordered a curfew in three wards along the river.",
    ],
)
def test_a_verb_and_its_object_of_one_kind_are_one_act(analyze, text):
    # "imposed a curfew": the verb's entry and the noun's both code a curfew; one mention
    doc = analyze(text, published="2025-03-05")
    assert [e.event for e in doc.events].count("COERCE") == 1


@pytest.mark.parametrize(
    ("text", "province", "country"),
    [
        # the small model tags "Amhara" a DATE, "Lanao del Sur" an ORG
        ("The government declared a state of emergency in Amhara on Friday.", "Amhara", "ETH"),
        (
            "The Philippine army said it would deploy two more battalions to Lanao del Sur.",
            "Lanao del Sur",
            "PHL",
        ),
    ],
)
def test_a_province_the_model_mislabels_places_the_act(analyze, text, province, country):
    doc = analyze(text, published="2025-03-05")
    places = [(e.location.name, e.location.country) for e in doc.events if e.location]
    assert (province, country) in places
