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


def test_a_headline_city_says_the_country_of_a_local_paper(resources):
    """A local paper whose text names no country: a large city of one country in its
    headline says the country ("... clashes in Jos": Nigeria), and an old name of a far city
    in its text places nothing ("the Terminus market")."""
    text = (
        "The Plateau State government on Tuesday imposed a 24-hour curfew on the northern"
        " districts"
        " after clashes between youths left at least six people dead.\n\n"
        "Witnesses said the violence began on Monday evening when a group of young men"
        " attacked a mosque near the Terminus market. Police fired tear gas to disperse the"
        " crowds, the state police command said."
    )
    article = ingest.article_from_text(
        text, title="Curfew imposed after clashes in Jos", published="2025-05-14"
    )
    parse = nlp.parse_text(article.text, resources.nlp)
    doc = api.process_document(nlp.annotate(article, parse), resources)
    police = [e for e in doc.events if any(a.sector == "COP" for a in e.actor)]
    assert police
    assert {a.code for e in police for a in e.actor} == {"NGA"}
    assert all(e.location is None or e.location.country == "NGA" for e in doc.events)
