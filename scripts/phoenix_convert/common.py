"""Shared pieces of the Phoenix converter: errors, warnings, the dictionaries' phrase, plural
and date rules, CAMEO role codes -> PLOVER sectors, and the TSV writer with its provenance."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = "scripts/convert_phoenix.py"


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


class PhoenixFormatError(ValueError):
    """A line the converter cannot read; the message starts with ``file:line:``."""


@dataclass
class Warnings:
    """Recoverable problems (an entry skipped), reported on stderr with file and line."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


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


# Last words after which no plural is formed: the phrase ends in a preposition or article
# (a prefix such as "observers in") or its last word already reads as a plural.
_NO_PLURAL_AFTER = {"in", "of", "for", "on", "to", "at", "by", "with", "the", "and", "from"}


def noun_plural(phrase_text: str) -> str:
    """The regular plural of a noun phrase, or "" when forming one would make no word."""
    last = phrase_text.rsplit(" ", 1)[-1].lower()
    if last in _NO_PLURAL_AFTER or (last.endswith("s") and not last.endswith(("ss", "us", "is"))):
        return ""
    return plural(phrase_text)


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


def sectors_of(chunks: list[str]) -> str:
    """The PLOVER sector of a chain of CAMEO role codes (["GOV", "LEG"] -> "LEG")."""
    sectors = [ROLE_TO_SECTOR.get(c) or ("REL" if c in RELIGIONS else "") for c in chunks]
    sectors = [s for s in sectors if s]
    sector = sectors[0] if sectors else ""
    if sector == "GOV" and len(sectors) > 1 and sectors[1] in GOV_BRANCHES:
        sector = sectors[1]
    return sector
