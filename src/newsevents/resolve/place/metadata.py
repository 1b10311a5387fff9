"""Countries an article's title and outlet name (for an article whose text names none)."""

from __future__ import annotations

from collections import Counter

from ...model import Document
from .gazetteer import Gazetteer


def metadata_countries(doc: Document, gaz: Gazetteer) -> Counter[str]:
    """Countries (alpha-2) an article's title and outlet name, for an article whose text
    names none: a country ("Ministry of Defence of Cameroon"), a country's adjective ("the
    Iraqi Security Media Cell"), a first-level subdivision only one country has
    ("Vojvodina Weekly Review"), or a large city only one country has ("... clashes in
    Jos"). Runs of one to three words are tried, longest first."""
    out: Counter[str] = Counter()
    for field in (doc.article.title, doc.article.outlet):
        words = [w.strip(".,:;()\"'-–—") for w in (field or "").split()]
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                run = [w for w in words[i : i + n] if w]
                if len(run) != n or not run[0][:1].isupper():
                    continue
                name = " ".join(run)
                got = _metadata_country(gaz, name)
                if got is not None:
                    out[got] += 1
                    i += n - 1
                    break
            i += 1
    return out


def _metadata_country(gaz: Gazetteer, name: str) -> str | None:
    """Alpha-2 of the country a name of a title or outlet names (see metadata_countries)."""
    country = gaz.country(name)
    if country is not None:
        return country.alpha2
    if name.lower() in gaz.adjectives:
        return gaz.adjectives[name.lower()]
    subs = {
        s.country2 for s in gaz.subdivisions.get(gaz.key(name), ()) if s.precision == "province"
    }
    if len(subs) == 1:
        return next(iter(subs))
    # a large city of one country only, by its own name ("Curfew imposed after clashes in Jos")
    key = gaz.key(name)
    cities = gaz.cities.get(key, ())
    if (
        not subs
        and len({c.country2 for c in cities}) == 1
        and any(gaz.main_name(c, key) for c in cities)
        and max(gaz.population(c.geonameid) for c in cities) >= _METADATA_CITY_POPULATION
    ):
        return cities[0].country2
    return None


#: the smallest city a headline or outlet name says the country by (a smaller town's name is
#: as often a word or a person's name)
_METADATA_CITY_POPULATION = 100_000
