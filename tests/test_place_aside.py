"""Places that take a name away from the scene (twenty-third session): where a spokesman
gave a report and where the hurt were taken or treated are not where the act happened; a
care noun that is the act's own venue keeps its place. Real spaCy and gazetteer;
hand-written articles."""

from __future__ import annotations

import pytest

_STORY = (
    "Gunmen killed two herders near Marsabit on Monday, police said. "
    "The herders were watering camels when the gunmen opened fire, a police spokesman in "
    "Nairobi told reporters. A third herder was wounded and was flown to a hospital in Nairobi."
)


def _places(doc, lemma):
    return [e.location.name if e.location else None for e in doc.events if e.trigger_lemma == lemma]


@pytest.mark.parametrize("lemma", ["open", "wound"])
def test_where_it_was_said_or_treated_is_not_the_scene(analyze, lemma):
    doc = analyze(_STORY, published="2025-03-05")
    assert _places(doc, lemma), [e.trigger_lemma for e in doc.events]
    assert "Nairobi" not in _places(doc, lemma)


def test_a_hospital_that_is_the_venue_keeps_its_place(analyze):
    doc = analyze("Gunmen opened fire at a hospital in Herat on Monday.", published="2025-03-05")
    assert {e.location.name for e in doc.events if e.location} == {"Herāt"}
