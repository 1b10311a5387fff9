"""The article's own country when the tagger finds none of its places as such (twenty-eighth
session): an incident list whose country its headline and outlet name, and whose town
headings the small model tags as persons ("Djibo (Soum province): ...", "Arbinda: ..."), is
about that country, not the home country of an armed group it names ("JNIM fighters"). Real
spaCy and dictionaries; hand-written text."""

from __future__ import annotations

from newsevents import api, ingest, nlp

_DIGEST = (
    "This update covers incidents reported between 1 and 7 October.\n\n"
    "Djibo (Soum province): On 2 October, suspected JNIM fighters attacked a convoy of supply"
    " lorries on the road to Namssiguia, killing four drivers.\n\n"
    "Arbinda: On 4 October, soldiers and volunteer defence militiamen detained about 20 men at"
    " the weekly market, accusing them of supplying the armed groups.\n\n"
    "Kaya: Displaced families staged a sit-in outside the regional governor's office on 6"
    " October to demand food rations.\n\n"
    "Elsewhere in the region, the World Food Programme delivered 300 tonnes of food to Dori by"
    " air on 5 October."
)


def test_common_nouns_take_the_country_of_the_places(resources):
    article = ingest.article_from_text(
        _DIGEST,
        title="Weekly security update - northern Burkina Faso",
        outlet="Sahel Relief Network",  # (the Sahel is one of Burkina Faso's regions)
        published="2025-10-09",
    )
    parse = nlp.parse_text(article.text, resources.nlp)
    doc = api.process_document(nlp.annotate(article, parse), resources)
    arrests = [e for e in doc.events if e.event == "COERCE"]
    assert arrests
    assert {a.code for e in arrests for a in (*e.actor, *e.recipient)} == {"BFA"}
