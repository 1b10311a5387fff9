"""The CAMEO verb dictionary (``CAMEO.2.0.txt``) and the CAMEO -> PLOVER mapping derived from
the CAMEO2PLOVER-2021 crosswalk, the PLOVER manual's mode tables and the Goldstein scores."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    PhoenixFormatError,
    Warnings,
    noun_plural,
    phrase,
    plural,
    strip_comment,
    tsv_field,
)

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
            many = noun_plural(name) if synset_plurals and not member.endswith("_") else ""
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
