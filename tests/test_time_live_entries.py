"""Live pages (twenty-third session): an entry that opens with the clock time it was posted
tells of the page's day unless its own words date its act, whatever day the entry before it
told of; the places of a partly recognised state carry the project's country code. Real
spaCy; hand-written pages."""

from __future__ import annotations

_LIVE = (
    "09:10 - Hundreds of farmers have gathered outside parliament in Lilongwe to protest "
    "against the arrest of two union leaders, who were detained late on Thursday.\n\n"
    "10:25 - Police fired tear gas at the farmers outside parliament.\n\n"
    "11:40 - The crowd has dispersed."
)


def test_a_live_entry_is_dated_by_its_page(analyze):
    doc = analyze(_LIVE, published="2025-05-17")
    days = {e.trigger_lemma: e.date for e in doc.events}
    assert days.get("detain") == "2025-05-15"  # "late on Thursday": its own words
    assert days.get("fire") == "2025-05-17"  # the next entry: the page's day


def test_a_line_without_a_stamp_goes_on_with_the_story(analyze):
    doc = analyze(_LIVE.replace("10:25 - ", ""), published="2025-05-17")
    days = {e.trigger_lemma: e.date for e in doc.events}
    assert days.get("fire") == "2025-05-15"  # no entry: the narrative's day, as before


def test_kosovo_places_carry_the_project_code(analyze):
    doc = analyze("Police detained four men in Pristina on Friday.", published="2025-05-17")
    assert {e.location.country for e in doc.events if e.location} == {"KOS"}


def test_a_live_entry_stamp_is_no_part_of_a_name(analyze):
    doc = analyze(_LIVE, published="2025-05-17")
    names = [a.name for e in doc.events for a in (*e.actor, *e.recipient)]
    assert names and not any(n[:1].isdigit() for n in names), names
