"""Convert the open PETRARCH2/Phoenix dictionaries into newsevents' own data files.

    python scripts/convert_phoenix.py [--shared ../shared] [--out src/newsevents] [--date D]

Reads ``<shared>/reference/petrarch2/`` (MIT, Open Event Data Alliance; format described in
its ``dictionaries.rst``), ``<shared>/reference/CAMEO2PLOVER-2021.txt`` (read to derive the
CAMEO -> PLOVER mapping; none of its text is shipped) and
``<shared>/reference/CAMEO_goldstein.tsv``, and writes compact TSV files (one record a line,
a header comment naming the columns and the provenance) under ``<out>``:

    resolve/data/phoenix/actors.tsv     actors with aliases, codes, sectors and dated roles
    resolve/data/phoenix/agents.tsv     noun phrases -> sector ("police" -> COP)
    resolve/data/phoenix/discards.tsv   phrases that are never actors (sport, fiction, ...)
    extract/data/phoenix/verbs.tsv      CAMEO verb patterns -> PLOVER type, mode, Goldstein
    extract/data/phoenix/verb_forms.tsv the verbs of each pattern block with their forms
    extract/data/phoenix/synsets.tsv    the pattern synonym sets (&CURRENCY ...), expanded
    extract/data/phoenix/cameo_plover.tsv  the derived CAMEO -> PLOVER mapping
    data/THIRD_PARTY.md                 the MIT notice and the provenance line

The output depends only on the inputs and ``--date`` (default: today, UTC), so a rerun with
the shipped files' date reproduces them byte for byte. Malformed entries that can be skipped
(an impossible date, an unknown code) are reported on stderr with file and line; a line the
converter cannot read at all stops it with ``file:line: reason``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "scripts/convert_phoenix.py"

# --- codes --------------------------------------------------------------------------------
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
# CAMEO role codes -> PLOVER sectors (PLOVER renamed MED media -> JRN, HLH health -> MED and
# folded INS/SEP into REB). Religion codes all become REL. Roles absent here (UNO, RAD, ...)
# are kept in the cameo column only.
ROLE_TO_SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "PTY": "PTY",
    "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "UAF", "SPY": "SPY", "OPP": "OPP",
    "ELI": "ELI", "CVL": "CVL", "PPL": "CVL", "BUS": "BUS", "AGR": "AGR", "CRM": "CRM",
    "EDU": "EDU", "LAB": "LAB", "REF": "REF", "MED": "JRN", "HLH": "MED", "REL": "REL",
    "HRI": "SOC", "ENV": "SOC", "DEV": "SOC", "NGO": "SOC", "PRM": "PRM", "UNR": "PRE",
}  # fmt: skip
RELIGIONS = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITH", "JAI", "JEW", "MOS", "MUS", "PRO", "SHI", "SHN", "SIK", "SUF", "SUN", "TAO", "ZRO",
}  # fmt: skip
# A more specific branch after GOV is the sector (IRNGOVLEG: a member of the Majlis -> LEG).
GOV_BRANCHES = {"LEG", "JUD"}

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


class PhoenixFormatError(ValueError):
    """A line the converter cannot read; the message starts with ``file:line:``."""


@dataclass
class Warnings:
    """Recoverable problems (an entry skipped), reported on stderr with file and line."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


# --- shared helpers -------------------------------------------------------------------------
def strip_comment(line: str) -> tuple[str, str]:
    """(content, comment): everything after ``#`` is a comment (the dictionaries' rule)."""
    i = line.find("#")
    return (line, "") if i < 0 else (line[:i], line[i + 1 :])


def phrase(raw: str) -> str:
    """A dictionary phrase as written in text: underscores -> spaces, markup dropped."""
    text = raw.replace("_", " ")
    return re.sub(r"\s+", " ", text).strip(" +")


def plural(word: str) -> str:
    """Regular English plural of a phrase's last word (the dictionaries' automatic plural)."""
    low = word.lower()
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + ("IES" if word[-1].isupper() else "ies")
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + ("ES" if word[-1].isupper() else "es")
    return word + ("S" if word[-1].isupper() else "s")


def parse_date(token: str, where: str, warnings: Warnings) -> str | None:
    """YYYYMMDD or YYMMDD (00-30 -> 20YY, else 19YY, as in KEDS/TABARI) -> ISO date."""
    if not token.isdigit() or len(token) not in (6, 8):
        warnings.add(where, f"date {token!r} is neither YYMMDD nor YYYYMMDD; role skipped")
        return None
    if len(token) == 6:
        yy = int(token[:2])
        token = f"{2000 + yy if yy <= 30 else 1900 + yy}{token[2:]}"
    try:
        return dt.date(int(token[:4]), int(token[4:6]), int(token[6:8])).isoformat()
    except ValueError:
        warnings.add(where, f"date {token!r} does not exist; role skipped")
        return None


def tsv_field(value: str, where: str) -> str:
    if "\t" in value or "\n" in value:
        raise PhoenixFormatError(f"{where}: a tab or newline inside a field")
    return value


# --- actor codes ----------------------------------------------------------------------------
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
    elif head in ISO or head in NONSTATE:
        country = head
    elif head in REGIONS:
        country = ""
    elif head in ROLE_TO_SECTOR or head in RELIGIONS:
        country, rest = "", chunks
    else:
        warnings.add(where, f"code {raw!r} starts with no known country or role; role skipped")
        return None
    sectors = [ROLE_TO_SECTOR.get(c) or ("REL" if c in RELIGIONS else "") for c in rest]
    sectors = [s for s in sectors if s]
    sector = sectors[0] if sectors else ""
    if sector == "GOV" and len(sectors) > 1 and sectors[1] in GOV_BRANCHES:
        sector = sectors[1]
    return Code(country, sector, cameo)


# --- actors ---------------------------------------------------------------------------------
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


def _names(raw: str) -> list[str]:
    """A phrase and the forms hidden in its markup: ``X_(ABC)_`` -> X, ABC; ``A+_B`` -> A, B;
    ``A_"NICK"_B`` -> A B, NICK; ``ORDER,_THE`` -> THE ORDER; ``SA`ID`` -> SAID."""
    out: list[str] = []
    for piece in raw.replace("`", "").split("+"):
        inner = re.findall(r"\(([^()]*)\)", piece) + re.findall(r'"([^"]*)"', piece)
        main = re.sub(r'\([^()]*\)|"[^"]*"', " ", piece)
        main = phrase(re.sub(r'[()"]', " ", main)).rstrip("?").strip()
        if main.endswith(", THE"):
            main = "THE " + main[: -len(", THE")]
        for name in [main, *(phrase(i) for i in inner)]:
            ok = re.search(r"[A-Za-z]", name) and "\ufffd" not in name  # U+FFFD: bytes lost
            if ok and name not in out:
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
            warnings.add(where, "a name without letters; dropped")
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


# --- agents ---------------------------------------------------------------------------------
_AGENT = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]\s*$"
)
_SUBST = re.compile(r"^(?P<marker>![A-Z]+!)\s*=\s*(?P<items>.+)$")

AGENT_COLUMNS = "phrase plurals sector cameo"


def agent_sector(raw: str, where: str) -> tuple[str, str]:
    """``~GOVMED`` -> ("GOV", "~GOVMED"); ``NGO~`` -> ("SOC", "NGO~")."""
    code = raw.strip()
    if code.count("~") != 1:
        raise PhoenixFormatError(f"{where}: agent code {code!r} needs one ~ (~GOV or NGO~)")
    body = code.replace("~", "")
    if len(body) % 3 or not body.isalpha():
        raise PhoenixFormatError(f"{where}: agent code {code!r} is not a chain of 3-letter codes")
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]
    sectors = [ROLE_TO_SECTOR.get(c) or ("REL" if c in RELIGIONS else "") for c in chunks]
    sectors = [s for s in sectors if s]
    sector = sectors[0] if sectors else ""
    if sector == "GOV" and len(sectors) > 1 and sectors[1] in GOV_BRANCHES:
        sector = sectors[1]
    return sector, code


def parse_agents(path: Path, warnings: Warnings) -> list[str]:
    """Rows ``phrase, plurals, sector, cameo`` of a Phoenix agents file (lower case)."""
    subst: dict[str, list[str]] = {}
    rows: list[str] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{lineno}"
        content = strip_comment(raw)[0].strip()
        if not content or content.startswith("<!"):
            continue
        m = _SUBST.match(content)
        if m:
            subst[m["marker"]] = [i.strip() for i in m["items"].split(",") if i.strip()]
            continue
        if "[" not in content:
            warnings.add(where, f"agent {content!r} has no [code]; skipped")
            continue
        m = _AGENT.match(content)
        if not m:
            raise PhoenixFormatError(f"{where}: cannot read agent entry {content!r}")
        sector, code = agent_sector(m["code"], where)
        text, given = m["phrase"], m["plural"]
        markers = re.findall(r"![A-Z]+!", text)
        if markers:
            marker = markers[0]
            if marker not in subst:
                raise PhoenixFormatError(f"{where}: substitution {marker} is not defined")
            variants = [(text.replace(marker, item), "") for item in subst[marker]]
        else:
            variants = [(text, "")]
        for variant, _ in variants:
            name = phrase(variant).lower()
            if not name:
                raise PhoenixFormatError(f"{where}: empty agent phrase")
            if markers or given == "":
                plurals: list[str] = []
            elif given is not None:
                plurals = [phrase(p).lower() for p in given.split() if phrase(p)]
            else:
                plurals = [plural(name)]
            cells = [name, "|".join(plurals), sector, code]
            rows.append("\t".join(tsv_field(c, where) for c in cells))
    return rows


# --- discards -------------------------------------------------------------------------------
DISCARD_COLUMNS = "phrase scope match"


def parse_discards(path: Path) -> list[str]:
    """Rows ``phrase, scope (sentence|story), match (word|stem)`` of a discards file."""
    rows: list[str] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{lineno}"
        content = strip_comment(raw)[0].strip()
        if not content or content.startswith("<!"):
            continue
        scope = "story" if content.startswith("+") else "sentence"
        match = "word" if content.endswith("_") else "stem"
        name = phrase(content).lower()
        if not re.search(r"[a-z0-9]", name):
            raise PhoenixFormatError(f"{where}: no phrase in discard entry {content!r}")
        rows.append("\t".join(tsv_field(c, where) for c in (name, scope, match)))
    return rows


# --- CAMEO -> PLOVER ------------------------------------------------------------------------
# Known quirks of CAMEO2PLOVER-2021 corrected here (code: (event, mode, context, why)).
CROSSWALK_FIXES: dict[str, tuple[str, str, str, str]] = {
    "195": ("ASSAULT", "aerial", "military", "195 aerial weapons: mode aerial, not heavy-weapons"),
    "185": ("ASSAULT", "targeted", "", "assassinate is no PLOVER mode: targeted"),
    "186": ("ASSAULT", "targeted", "", "assassinate is no PLOVER mode: targeted"),
    "175": ("ASSAULT", "", "pro_autocracy; military", "pro_autocracy is a context, not a mode"),
    "085": ("RETREAT", "", "economic", "ease is no longer a mode (the crosswalk's own remark)"),
    "1712": ("ASSAULT", "destroy", "human_security", "destroying property: mode destroy"),
}


def manual_modes(path: Path) -> dict[str, set[str]]:
    """PLOVER event -> its modes, read from the mode tables of the PLOVER manual (LaTeX);
    commented-out rows (``%massacre``) are not modes."""
    text = path.read_text(encoding="utf-8")
    modes: dict[str, set[str]] = {}
    caption = re.compile(r"\\caption\{((?:[^{}]|\{[^{}]*\})*)\}")
    for m in caption.finditer(text):
        if " modes" not in m.group(1):
            continue
        body = text[m.end() : text.find("\\end{tabular}", m.end())]
        rows = set(re.findall(r"^\s*([a-z][a-z_-]*)\s*&", body, re.M))
        for name in re.findall(r"[A-Z]{3,}", m.group(1)):
            modes.setdefault(name, set()).update(rows)
    return modes


@dataclass(frozen=True)
class Plover:
    event: str
    mode: str
    context: str
    note: str


def parse_crosswalk(path: Path) -> dict[str, Plover]:
    """CAMEO code -> PLOVER event, mode, context, read from CAMEO2PLOVER-2021.txt."""
    table: dict[str, Plover] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{lineno}"
        content = strip_comment(raw)[0].strip()
        if not content or content.startswith("~"):
            continue
        code, sep, rest = content.partition(":")
        code = code.strip()
        if not sep or not code.isdigit():
            raise PhoenixFormatError(f"{where}: expected 'CODE: EVENT, mode, context'")
        if len(code) == 2:  # a root heading ("08: RETREAT"); its 3-digit code has its own line
            continue
        cells = [c.strip() for c in rest.split(",")] + ["", ""]
        event, mode, context = (
            cells[0],
            cells[1],
            "; ".join(c.strip() for c in cells[2].split(";") if c.strip()),
        )
        if not event.isupper():
            raise PhoenixFormatError(f"{where}: {event!r} is not a PLOVER event name")
        value = Plover(event, mode, context, "crosswalk")
        if code in CROSSWALK_FIXES:
            e, m, c, why = CROSSWALK_FIXES[code]
            value = Plover(e, m, c, f"crosswalk, fixed: {why}")
        if code in table and table[code] != value:
            raise PhoenixFormatError(f"{where}: code {code} mapped twice, differently")
        table[code] = value
    return table


def plover_of(code: str, crosswalk: dict[str, Plover]) -> Plover | None:
    """The PLOVER reading of a CAMEO code: its own row, else its parent's; 01x: none;
    02x (appeals) read as the matching 10x (demands) row, keeping the CAMEO code."""
    if not code or code == "---" or code.startswith("01"):
        return None
    lookup, note = code, ""
    if code.startswith("02"):
        lookup, note = "10" + code[2:], f"derived: appeal {code} read as {'10' + code[2:]}"
    while lookup and lookup not in crosswalk:
        lookup = lookup[:-1]
        note = note or f"derived: parent {lookup}"
    if len(lookup) < 3:
        return None
    found = crosswalk[lookup]
    return Plover(found.event, found.mode, found.context, note or found.note)


def read_goldstein(path: Path) -> dict[str, str]:
    scores: dict[str, str] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        cells = raw.strip().split("\t")
        if not cells[0] or not cells[0].isdigit():
            continue
        if len(cells) != 2:
            raise PhoenixFormatError(f"{path.name}:{lineno}: expected CODE<TAB>SCORE")
        float(cells[1])
        scores[cells[0]] = cells[1]
    return scores


def goldstein_of(code: str, scores: dict[str, str]) -> str:
    while code and code not in scores:
        code = code[:-1]
    return scores.get(code, "")


CROSSWALK_COLUMNS = "cameo event mode context goldstein note"


def crosswalk_rows(
    scores: dict[str, str],
    crosswalk: dict[str, Plover],
    used: set[str],
    modes: dict[str, set[str]],
) -> list[str]:
    rows = []
    for code in sorted(set(scores) | set(crosswalk) | used):
        if len(code) < 3:
            continue
        p = plover_of(code, crosswalk)
        if p is None:
            cells = [code, "", "", "", scores.get(code, ""), "none: a statement, not an event"]
        else:
            note = p.note
            if modes and p.mode and p.mode not in modes.get(p.event, set()):
                note += f"; mode {p.mode} is not in the PLOVER manual's {p.event} modes"
            cells = [code, p.event, p.mode, p.context, goldstein_of(code, scores), note]
        rows.append("\t".join(cells))
    return rows


# --- verbs ----------------------------------------------------------------------------------
_BLOCK = re.compile(r"^---\s+(?P<name>\S.*?)\s+\[(?P<code>[^\]]*)\](?:---)?\s+---\s*$")
_VERB = re.compile(r"^(?P<verb>[^{\[\s]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?$")
_PATTERN = re.compile(r"^-\s*(?P<body>[^\[]*?)\s*\[(?P<code>[^\]]*)\]\s*$")
_PATTERN_TOKEN = re.compile(r"^[a-z0-9'&{}()$+^%_./-]+$")

VERB_COLUMNS = "block verb pre post cameo event mode context goldstein cameo_back"
FORM_COLUMNS = "block verb forms cameo event mode goldstein cameo_back"
SYNSET_COLUMNS = "set phrase plural"


def verb_forms(verb: str) -> list[str]:
    """Regular forms (-s, -ed, -ing) of a verb phrase; ``+`` marks the inflected word."""
    words = verb.split("_")
    idx = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    base = words[idx].lstrip("+").lower()
    forms = []
    third = plural(base)
    if base.endswith("e"):
        past, ing = base + "d", (base + "ing" if base.endswith("ee") else base[:-1] + "ing")
    elif re.search(r"[^aeiou]y$", base):
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    for form in (third, past, ing):
        forms.append(
            " ".join(
                [
                    *[w.lstrip("+").lower() for w in words[:idx]],
                    form,
                    *[w.lower() for w in words[idx + 1 :]],
                ]
            )
        )
    return forms


@dataclass
class VerbData:
    patterns: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    synsets: list[str] = field(default_factory=list)
    dropped_transformations: int = 0


def _code_cells(code: str, crosswalk: dict[str, Plover], scores: dict[str, str]) -> list[str]:
    p = plover_of(code, crosswalk)
    if p is None:
        return [code if code != "---" else "", "", "", "", goldstein_of(code, scores)]
    return [code, p.event, p.mode, p.context, goldstein_of(code, scores)]


def _pattern_side(text: str, where: str) -> str:
    tokens = text.lower().split()
    for tok in tokens:
        if not _PATTERN_TOKEN.match(tok):
            raise PhoenixFormatError(f"{where}: unexpected characters in pattern word {tok!r}")
    return " ".join(tokens)


def parse_verbs(
    path: Path, crosswalk: dict[str, Plover], scores: dict[str, str], warnings: Warnings
) -> VerbData:
    """Patterns, verb forms and synonym sets of a CAMEO verb dictionary (CAMEO.2.0.txt)."""
    out = VerbData()
    block = ""
    block_code = "---"
    block_verbs: list[str] = []
    synset = ""
    synset_plurals = True
    defined: set[str] = set()
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{lineno}"
        content, comment = strip_comment(raw)
        content = content.strip()
        if content.startswith("---"):
            m = _BLOCK.match(content)
            if not m:
                raise PhoenixFormatError(f"{where}: cannot read block header {raw.strip()!r}")
            block, block_code, block_verbs, synset = phrase(m["name"]).lower(), m["code"], [], ""
            continue
        if not content:
            continue
        if content.startswith("&"):
            synset = content[1:].strip()
            synset_plurals = not synset.endswith("_")
            synset = synset.rstrip("_").lower()
            defined.add(synset)
            if not synset:
                raise PhoenixFormatError(f"{where}: synonym set without a name")
            continue
        if content.startswith("+") and synset and not block:
            member = content[1:].strip()
            name = phrase(member).lower()
            many = plural(name) if synset_plurals and not member.endswith("_") else ""
            out.synsets.append("\t".join([synset, name, many]))
            continue
        if content.startswith("~"):
            out.dropped_transformations += 1
            continue
        if not block:
            raise PhoenixFormatError(f"{where}: {content!r} outside any synonym set or block")
        if content.startswith("-"):
            m = _PATTERN.match(content)
            if not m:
                raise PhoenixFormatError(f"{where}: cannot read pattern {content!r}")
            body = m["body"]
            if body.count("*") != 1:
                warnings.add(where, f"pattern {body!r} has no single '*' (verb); skipped")
                continue
            pre, post = body.split("*")
            undefined = [r for r in re.findall(r"&(\w+)", body.lower()) if r not in defined]
            if undefined:  # dictionaries.rst: such a pattern is ignored
                warnings.add(where, f"pattern uses undefined synonym set &{undefined[0]}; skipped")
                continue
            forward, _, back = m["code"].strip().partition(":")
            if not all(re.fullmatch(r"(\d{2,4}|---)?", c.strip()) for c in (forward, back)):
                warnings.add(where, f"pattern code [{m['code']}] is not a CAMEO code; skipped")
                continue
            said = phrase(comment.split()[0]).lower() if comment.split() else ""
            verb = said if said in block_verbs else (block_verbs[0] if block_verbs else block)
            cells = [block, verb, _pattern_side(pre, where), _pattern_side(post, where)]
            cells += _code_cells(forward.strip(), crosswalk, scores) + [back.strip()]
            out.patterns.append("\t".join(tsv_field(c, where) for c in cells))
            continue
        m = _VERB.match(content.split(";")[0].strip())  # ";" starts a TABARI-era comment
        if not m:
            raise PhoenixFormatError(f"{where}: cannot read verb entry {content!r}")
        lemma = phrase(m["verb"].replace("+", "")).lower()
        if m["forms"] is not None:
            forms = [phrase(f.replace("+", "")).lower() for f in m["forms"].split()]
        else:
            forms = verb_forms(m["verb"])
        block_verbs.append(lemma)
        code, _, back = (m["code"] or block_code).strip().partition(":")
        cells = [block, lemma, "|".join(forms)]
        cells += [c for i, c in enumerate(_code_cells(code.strip(), crosswalk, scores)) if i != 3]
        cells.append(back.strip())
        out.forms.append("\t".join(tsv_field(c, where) for c in cells))
    return out


# --- output ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Provenance:
    commit: str  # the source commit and its date, from SOURCE_COMMIT
    date: str  # conversion date (ISO)

    def lines(self, source: str) -> list[str]:
        return [
            f"# Converted from the PETRARCH2/Phoenix dictionaries: {source}",
            "# (MIT licence, Copyright (c) 2014 Open Event Data Alliance; notice in",
            "# newsevents/data/THIRD_PARTY.md).",
            f"# Source commit: {self.commit}.",
            f"# Converted {self.date} by {SCRIPT}. Do not edit: rerun the script.",
        ]


def write_tsv(
    path: Path,
    title: str,
    notes: list[str],
    columns: str,
    rows: list[str],
    prov: Provenance,
    source: str,
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = [f"# {title}", *prov.lines(source), *(f"# {n}" for n in notes)]
    header.append("# columns: " + "\t".join(columns.split()))
    path.write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")


ACTOR_NOTES = [
    "One row per (actor, role): rows of one actor are consecutive and repeat its name and",
    "aliases. aliases: |-separated, as written in text (the dictionary's upper case kept:",
    "match case-insensitively). code: ISO 3166-1 alpha-3 (withdrawn ISO 3166-3 codes for",
    "former states: DDR SUN YUG CSK SCG; KOS for Kosovo), a non-state code (IGO NGO IMG MNC",
    "NGM UIS) or empty (a region or no country). sector: PLOVER sector of the role (CAMEO MED",
    "-> JRN, HLH -> MED, INS/SEP -> REB, religions -> REL). from/to: ISO dates, inclusive;",
    "both empty: the default role, valid on any date no dated row of the actor covers.",
    "kind: PERSON, ORG or GPE (inferred). cameo: the dictionary's code where code + sector",
    "do not spell it (IGOUNOREFHCR, NGOUSAENV). source: Countries, International or",
    "MilNonState (Phoenix.<source>.actors.txt).",
]


def convert(shared: Path, out: Path, date: str) -> dict[str, int]:
    """Convert everything; returns row counts per written file."""
    src = shared / "reference" / "petrarch2"
    ref = shared / "reference"
    if not src.is_dir():
        raise PhoenixFormatError(f"{src}: no such folder (pass --shared)")
    commit = (src / "SOURCE_COMMIT").read_text(encoding="utf-8").strip()
    prov = Provenance(commit, date)
    warnings = Warnings()
    counts: dict[str, int] = {}

    actor_rows_all: list[str] = []
    actor_files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ]
    actors_total = 0
    for name in actor_files:
        actors = parse_actors(src / name, warnings)
        rows = actor_rows(actors, name, warnings)
        actors_total += len({r.split("\t", 1)[0] + "\t" + str(i) for i, r in enumerate(rows)})
        actor_rows_all += rows
    path = out / "resolve" / "data" / "phoenix" / "actors.tsv"
    write_tsv(
        path,
        "newsevents actors from Phoenix (countries, international, armed groups)",
        ACTOR_NOTES,
        ACTOR_COLUMNS,
        actor_rows_all,
        prov,
        ", ".join(actor_files),
    )
    counts["actors.tsv"] = len(actor_rows_all)

    agents = parse_agents(src / "Phoenix.agents.txt", warnings)
    write_tsv(
        out / "resolve" / "data" / "phoenix" / "agents.tsv",
        "newsevents agents: common noun phrases -> PLOVER sector",
        [
            "phrase: lower case; plurals: |-separated (empty: none); sector: PLOVER sector;",
            "cameo: the dictionary's agent code (~X: role after the actor's code, X~: before).",
        ],
        AGENT_COLUMNS,
        agents,
        prov,
        "Phoenix.agents.txt",
    )
    counts["agents.tsv"] = len(agents)

    discards = parse_discards(src / "Phoenix.discards.txt")
    write_tsv(
        out / "resolve" / "data" / "phoenix" / "discards.tsv",
        "newsevents discards: phrases that are never actors (sport, fiction, history)",
        [
            "scope: sentence (the sentence is not coded) or story (the whole story is not);",
            "match: word (the phrase ends at a word boundary) or stem (any continuation).",
        ],
        DISCARD_COLUMNS,
        discards,
        prov,
        "Phoenix.discards.txt",
    )
    counts["discards.tsv"] = len(discards)

    crosswalk = parse_crosswalk(ref / "CAMEO2PLOVER-2021.txt")
    scores = read_goldstein(ref / "CAMEO_goldstein.tsv")
    xdir = out / "extract" / "data" / "phoenix"
    verbs = parse_verbs(src / "CAMEO.2.0.txt", crosswalk, scores, warnings)
    used = {r.split("\t")[i] for r in verbs.patterns for i in (4, 9)}
    used |= {r.split("\t")[i] for r in verbs.forms for i in (3, 7)}
    manual = ref / "PLOVER_MANUAL.tex"
    modes = manual_modes(manual) if manual.is_file() else {}
    xrows = crosswalk_rows(scores, crosswalk, {c for c in used if c}, modes)
    write_tsv(
        xdir / "cameo_plover.tsv",
        "newsevents CAMEO code -> PLOVER event, mode, context",
        [
            "Derived for this project from the CAMEO2PLOVER-2021 crosswalk (Open Event Data",
            "Alliance); no text of it is copied. note: crosswalk, a correction of a known",
            "quirk, or how a code it lacks was derived. goldstein: CAMEO Goldstein score.",
        ],
        CROSSWALK_COLUMNS,
        xrows,
        prov,
        "CAMEO_goldstein.tsv codes",
    )
    counts["cameo_plover.tsv"] = len(xrows)

    notation = [
        "A pattern matches the verb (any form of any verb of its block, see verb_forms.tsv)",
        "with `pre` words before it and `post` words after it, in order. Notation: word = the",
        "head noun of a phrase; {a b} = a noun phrase whose head is the last word; (prep x) =",
        "a prepositional phrase; &set = any phrase of that set (synsets.tsv); a_b = consecutive",
        "words; $ = the source actor, + = the target actor, ^ = skip a phrase, % = compound.",
        "cameo: code of the event source -> target (empty: none); cameo_back: the event the",
        "pattern also codes target -> source (042:043 visit / host). event/mode/context: PLOVER",
        "reading of cameo (cameo_plover.tsv); goldstein: its Goldstein score.",
    ]
    write_tsv(
        xdir / "verbs.tsv",
        "newsevents CAMEO verb patterns",
        notation,
        VERB_COLUMNS,
        verbs.patterns,
        prov,
        "CAMEO.2.0.txt",
    )
    write_tsv(
        xdir / "verb_forms.tsv",
        "newsevents verbs of the CAMEO pattern blocks",
        [
            "forms: |-separated inflected forms (given or regular -s/-ed/-ing); cameo: the",
            "code of the verb alone (empty: it codes nothing without a pattern).",
        ],
        FORM_COLUMNS,
        verbs.forms,
        prov,
        "CAMEO.2.0.txt",
    )
    write_tsv(
        xdir / "synsets.tsv",
        "newsevents synonym sets used by the verb patterns",
        ["plural: the regular plural (empty where the dictionary asks for none)."],
        SYNSET_COLUMNS,
        verbs.synsets,
        prov,
        "CAMEO.2.0.txt",
    )
    counts["verbs.tsv"] = len(verbs.patterns)
    counts["verb_forms.tsv"] = len(verbs.forms)
    counts["synsets.tsv"] = len(verbs.synsets)
    counts["dropped: transformations"] = verbs.dropped_transformations

    write_notice(out / "data" / "THIRD_PARTY.md", src / "LICENSE", prov)
    for item in warnings.items:
        print(f"skipped: {item}", file=sys.stderr)
    counts["skipped entries"] = len(warnings.items)
    return counts


def write_notice(path: Path, licence: Path, prov: Provenance) -> None:
    text = licence.read_text(encoding="utf-8").strip()
    body = [
        "# Third-party data shipped with newsevents",
        "",
        "## PETRARCH2 / Phoenix dictionaries",
        "",
        "The files under `newsevents/resolve/data/phoenix/` and `newsevents/extract/data/phoenix/`",
        "are converted from the open event-data dictionaries of PETRARCH2 (Phoenix.*.actors.txt,",
        "Phoenix.agents.txt, Phoenix.discards.txt, CAMEO.2.0.txt) of the Open Event Data",
        f"Alliance. Source commit: {prov.commit}. Converted {prov.date} by `{SCRIPT}`.",
        "`cameo_plover.tsv` is derived from the CAMEO2PLOVER-2021 crosswalk (Open Event Data",
        "Alliance) and the CAMEO Goldstein scores; no text of the crosswalk is included.",
        "",
        "The dictionaries are distributed under this licence:",
        "",
        "```",
        text,
        "```",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "newsevents")
    parser.add_argument(
        "--date",
        default=dt.datetime.now(dt.timezone.utc).date().isoformat(),
        help="conversion date written in the headers (default: today, UTC)",
    )
    args = parser.parse_args(argv)
    try:
        counts = convert(args.shared, args.out, args.date)
    except (PhoenixFormatError, OSError) as e:
        print(f"convert_phoenix: {e}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
