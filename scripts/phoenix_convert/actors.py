"""Phoenix actor dictionaries (``Phoenix.*.actors.txt``) -> rows of ``actors.tsv``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    RELIGIONS,
    ROLE_TO_SECTOR,
    PhoenixFormatError,
    Warnings,
    parse_date,
    phrase,
    sectors_of,
    strip_comment,
    tsv_field,
)

# CAMEO country codes that are not the ISO 3166-1 alpha-3 code of the same state (checked
# against the dictionaries: Romania is ROU and Germany DEU there already). None: not a state
# (fictional test country, coder initials typed as a code) -> the role is dropped.
CAMEO_TO_ISO: dict[str, str | None] = {  # "": no country
    "TMP": "TLS",  # East Timor (TMP is the withdrawn ISO code)
    "ROM": "ROU",  # Romania (older CAMEO)
    "ZAR": "COD",  # Zaire -> DR Congo
    "USR": "SUN",  # USSR (CAMEO) -> ISO 3166-3 SUN
    "FRY": "YUG",  # Federal Republic of Yugoslavia used ISO YUG until 2003
    "KSV": "KOS",  # Kosovo has no ISO code; PLOVER (and this project) use KOS
    "SRP": "BIH",  # Republika Srpska: an entity of Bosnia and Herzegovina
    "KRJ": "HRV",  # Republic of Serbian Krajina: inside Croatia
    "FRN": "FRA",  # French overseas territories
    "ANG": "AGO",  # Angola, old code typed in MilNonState
    "KNT": None,  # Kinakuta: the fictional country of the TABARI test suite
    "KKL": "",  # coder initials typed as a country code: the group's country is unknown
}


# Withdrawn ISO 3166-3 codes kept as they are (historical states with dated roles).
HISTORIC_ISO = {"DDR", "SUN", "YUG", "CSK", "SCG"}


# Non-state "country" codes (PLOVER's table plus CAMEO's NGM and UIS).
NONSTATE = {"IGO", "NGO", "IMG", "MNC", "ISM", "NGM", "UIS"}


# CAMEO regional codes: a region is not a country, the code column stays empty.
REGIONS = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "INT", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST",
}  # fmt: skip


# Words that make a name an organisation rather than a person (kind inference).
ORG_WORDS = {
    "ARMY", "FORCE", "FORCES", "FRONT", "PARTY", "MOVEMENT", "ORGANIZATION", "ORGANISATION",
    "COUNCIL", "COMMITTEE", "MINISTRY", "DEPARTMENT", "AGENCY", "UNION", "LEAGUE", "BRIGADE",
    "BRIGADES", "GROUP", "CORPS", "COURT", "BANK", "ASSOCIATION", "FEDERATION", "INSTITUTE",
    "COMMISSION", "ASSEMBLY", "PARLIAMENT", "CONGRESS", "SENATE", "POLICE", "GUARD",
    "GUARDS", "MILITIA", "COMPANY", "CORPORATION", "INC", "LTD", "NETWORK", "ALLIANCE",
    "SOCIETY", "FOUNDATION", "UNIVERSITY", "CENTER", "CENTRE", "OFFICE", "BUREAU", "SERVICE",
    "SERVICES", "AUTHORITY", "GOVERNMENT", "CABINET", "REGIME", "COALITION", "CELLS", "CELL",
    "BATTALION", "REGIMENT", "COMMAND", "NAVY", "MARINES", "MILITARY", "TRIBUNAL", "FUND",
    "PROGRAM", "PROGRAMME", "ORGANISATIONS", "ORGANIZATIONS", "GROUPS", "NEWS", "TIMES",
    "PRESS", "RADIO", "TELEVISION", "AIRLINES", "INTERNATIONAL", "WORKERS", "REBELS",
    "FIGHTERS", "COMMANDOS", "SQUAD", "SQUADS", "MUJAHIDEEN", "JIHAD", "HEZBOLLAH", "AL-QAEDA",
}  # fmt: skip


PERSON_SOURCES = ("COUNTRYINFO", "IGORULERS", "LEADERS", "RELIG")


def _iso_codes() -> set[str]:
    import pycountry  # a dependency of newsevents

    return {c.alpha_3 for c in pycountry.countries} | HISTORIC_ISO


ISO = _iso_codes()


@dataclass(frozen=True)
class Code:
    code: str  # ISO alpha-3, a non-state code, or "" (a region, a bare role)
    sector: str  # PLOVER sector of the role ("" when the code names none)
    cameo: str  # the dictionary's code as written


def split_code(raw: str, where: str, warnings: Warnings) -> Code | None:
    """``IRNGOVLEG`` -> Code("IRN", "LEG", "IRNGOVLEG"); None for a code that is no actor."""
    raw = re.sub(r"\d+", "", cameo := raw)  # numeric qualifiers (NGOCHRPRO214) carry no role
    if len(raw) % 3 or not raw.isalpha() or not raw.isupper():
        warnings.add(where, f"code {raw!r} is not a chain of 3-letter codes; role skipped")
        return None
    chunks = [raw[i : i + 3] for i in range(0, len(raw), 3)]
    head, rest = chunks[0], chunks[1:]
    if head in CAMEO_TO_ISO:
        mapped = CAMEO_TO_ISO[head]
        if mapped is None:
            warnings.add(where, f"code {raw!r} names no real state; role skipped")
            return None
        country = mapped
    elif head == "IGO" and rest[:1] == ["UNO"]:
        country, rest = "UNO", rest[1:]  # PLOVER 2.0 codes the UN system UNO, not IGO
    elif head == "IGO" and rest[:2] == ["EUR", "EEC"]:
        country, rest = "EUR", rest[2:]  # and the European Union EUR
    elif head in ISO or head in NONSTATE:
        country = head
    elif head in REGIONS:
        country = ""
    elif head in ROLE_TO_SECTOR or head in RELIGIONS:
        country, rest = "", chunks
    else:
        warnings.add(where, f"code {raw!r} starts with no known country or role; role skipped")
        return None
    sector = sectors_of(rest)
    return Code(country, sector, cameo)


@dataclass(frozen=True)
class Role:
    code: Code
    start: str  # ISO date or ""
    end: str


@dataclass
class Actor:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


_BRACKET = re.compile(r"\[([^\]]*)\]")


def _roles(text: str, where: str, warnings: Warnings) -> list[Role]:
    """Every ``[CODE restriction]`` group of a line."""
    roles: list[Role] = []
    if text.count("[") != text.count("]"):
        raise PhoenixFormatError(f"{where}: unbalanced [ ] in {text.strip()!r}")
    for m in _BRACKET.finditer(text):
        parts = m.group(1).split()
        if not parts:
            raise PhoenixFormatError(f"{where}: empty code bracket []")
        if parts[0] == "---":  # the null code: explicitly no actor
            continue
        code = split_code(parts[0], where, warnings)
        if code is None:
            continue
        start = end = ""
        if len(parts) > 1:
            restriction = "".join(parts[1:])
            if restriction.startswith("<"):
                end = parse_date(restriction[1:], where, warnings) or "!"
            elif restriction.startswith(">"):
                start = parse_date(restriction[1:], where, warnings) or "!"
            elif "-" in restriction:
                a, b = restriction.split("-", 1)
                start = parse_date(a, where, warnings) or "!"
                end = parse_date(b, where, warnings) or "!"
            else:
                warnings.add(where, f"restriction {restriction!r} has no <, > or -; role skipped")
                continue
            if "!" in (start, end):
                continue
            if start and end and end < start:
                warnings.add(where, f"role {m.group(1).strip()!r} ends before it starts; skipped")
                continue
        roles.append(Role(code, start, end))
    return roles


# Aliases that would match ordinary English words in any text ("an" for Aryan Nations): the
# actor keeps its other names. "US" stays: it is how news writes the United States.
UNSAFE_ALIASES = {
    "A", "AN", "THE", "IT", "IS", "IN", "ON", "AT", "OF", "OR", "AS", "BE", "BY", "HE", "WE",
    "ME", "MY", "NO", "SO", "TO", "UP", "DO", "GO", "IF", "AND", "FOR", "BUT", "NOT", "ARE",
    "WAS", "HAS", "HIS", "HER", "ITS", "OUR", "WHO", "YOU",
}  # fmt: skip


def _is_acronym(inner: str, main: str) -> bool:
    """Is a parenthesised ``(ABC)`` the acronym of ``main`` (its letters are initials of main's
    words, in order)? Otherwise it is a gloss such as ``GEORGIA_(COUNTRY)`` and is dropped."""
    letters = re.sub(r"[^A-Z]", "", inner.upper())
    if not letters or " " in inner.strip() or len(letters) > 8:
        return False
    initials = iter(w[0] for w in re.split(r"[\s-]+", main.upper()) if w)
    return all(any(c == i for i in initials) for c in letters)


def _names(raw: str) -> list[str]:
    """A phrase and the forms hidden in its markup: ``X_Y_(XY)_`` -> X Y, XY; ``A+_B`` -> A, B;
    ``A_"NICK"_B`` -> A B, NICK; ``ORDER,_THE`` -> THE ORDER; ``SA`ID`` -> SAID."""
    out: list[str] = []
    for piece in raw.replace("`", "").split("+"):
        main = re.sub(r'\([^()]*\)|"[^"]*"', " ", piece)
        main = phrase(re.sub(r'[()"]', " ", main)).rstrip("?").strip()
        if main.endswith(", THE"):
            main = "THE " + main[: -len(", THE")]
        inner = [i for i in re.findall(r"\(([^()]*)\)", piece) if _is_acronym(phrase(i), main)]
        inner += re.findall(r'"([^"]*)"', piece)
        for name in [main, *(phrase(i) for i in inner)]:
            ok = re.search(r"[A-Za-z]", name) and "\ufffd" not in name  # U+FFFD: bytes lost
            if ok and name not in out and name.upper() not in UNSAFE_ALIASES and len(name) > 1:
                out.append(name)
    return out


def parse_actors(path: Path, warnings: Warnings) -> list[Actor]:
    """The records of a Phoenix ``.actors.txt`` file, in file order."""
    actors: list[Actor] = []
    current: Actor | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{lineno}"
        content, comment = strip_comment(raw)
        if not content.strip():
            continue
        if content[0] in " \t":  # a date restriction (or default code) of the current actor
            if current is None:
                raise PhoenixFormatError(f"{where}: a code line before any actor")
            if "[" not in content:
                raise PhoenixFormatError(f"{where}: indented line without a [code]")
            current.roles.extend(_roles(content, where, warnings))
            continue
        text, _, codes = content.partition("[")
        codes = "[" + codes if codes else ""
        if text.startswith("+"):
            if current is None:
                raise PhoenixFormatError(f"{where}: a synonym (+) before any actor")
            current.aliases.extend(n for n in _names(text[1:]) if n not in current.aliases)
        else:
            names = _names(text) or [""]  # "" (no letters): dropped with its synonyms
            if not text.strip():
                raise PhoenixFormatError(f"{where}: no actor name before {content.strip()!r}")
            current = Actor(names[0], lineno, aliases=names[1:])
            actors.append(current)
        current.comments.append(comment.upper())
        if codes:
            current.roles.extend(_roles(codes, where, warnings))
    return actors


def actor_kind(actor: Actor, source: str) -> str:
    """PERSON, ORG or GPE, as well as the dictionary tells."""
    person_source = any(s in c for c in actor.comments for s in PERSON_SOURCES)
    if (
        source.startswith("Phoenix.Countries")
        and not person_source
        and all(r.code.sector in ("", "PRE") and r.code.code for r in actor.roles)
    ):
        return "GPE"  # a country, a former state, a city standing for its country
    words = set(re.split(r"[\s-]+", " ".join([actor.name, *actor.aliases]).upper()))
    if words & ORG_WORDS:
        return "ORG"
    if person_source or any(r.start or r.end for r in actor.roles):
        return "PERSON"  # a leaders' list, or dated roles: office terms
    if any(r.code.sector == "ELI" for r in actor.roles):
        return "PERSON"
    return "ORG"


ACTOR_COLUMNS = "name aliases code sector from to kind cameo source"


def actor_rows(actors: list[Actor], source: str, warnings: Warnings) -> list[str]:
    rows: list[str] = []
    seen: set[str] = set()  # the International file lists some records twice
    for actor in actors:
        where = f"{source}:{actor.line}"
        if not actor.name:
            warnings.add(where, "no usable name (no letters, one letter, a common word); dropped")
            continue
        if not actor.roles:
            warnings.add(where, f"{actor.name!r} has no code; dropped")
            continue
        kind = actor_kind(actor, source)
        aliases = "|".join(a for a in actor.aliases if a != actor.name)
        short = source.split(".")[1]  # Phoenix.Countries.actors.txt -> Countries
        for role in dict.fromkeys(actor.roles):  # a role listed twice is written once
            c = role.code
            cameo = "" if c.cameo == c.code + c.sector else c.cameo
            cells = [actor.name, aliases, c.code, c.sector, role.start, role.end, kind]
            row = "\t".join(tsv_field(x, where) for x in [*cells, cameo, short])
            if row not in seen:
                seen.add(row)
                rows.append(row)
    return rows


ACTOR_NOTES = [
    "One row per (actor, role): rows of one actor are consecutive and repeat its name and",
    "aliases. aliases: |-separated, as written in text (the dictionary's upper case kept:",
    "match case-insensitively). code: ISO 3166-1 alpha-3 (withdrawn ISO 3166-3 codes for",
    "former states: DDR SUN YUG CSK SCG; KOS for Kosovo), a non-state code (UNO: the UN system,",
    "EUR: the European Union, as PLOVER 2.0 codes them; IGO NGO IMG MNC NGM UIS) or empty (a",
    "region or no country). sector: PLOVER sector of the role (CAMEO MED",
    "-> JRN, HLH -> MED, INS/SEP -> REB, religions -> REL). from/to: ISO dates, inclusive;",
    "both empty: the default role, valid on any date no dated row of the actor covers.",
    "kind: PERSON, ORG or GPE (inferred). cameo: the dictionary's code where code + sector",
    "do not spell it (IGOUNOREFHCR, NGOUSAENV). source: Countries, International or",
    "MilNonState (Phoenix.<source>.actors.txt).",
]
