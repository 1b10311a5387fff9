"""Phoenix agents (nouns -> sector) and discards (phrases that are never actors)."""

from __future__ import annotations

import re
from pathlib import Path

from .common import (
    PhoenixFormatError,
    Warnings,
    noun_plural,
    phrase,
    sectors_of,
    strip_comment,
    tsv_field,
)

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
    sector = sectors_of(chunks)
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
                plurals = [noun_plural(name)] if noun_plural(name) else []
            cells = [name, "|".join(plurals), sector, code]
            rows.append("\t".join(tsv_field(c, where) for c in cells))
    return rows


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
