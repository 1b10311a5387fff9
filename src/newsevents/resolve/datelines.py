"""The dateline's shape, shared by the resolvers of this stage (time, place).

"CITY, Sept 12 (Outlet) -" opens a wire report: ``place_dateline.tsv`` holds its patterns (a
group ``city``, optionally ``where``). Place resolution reads the city (where the outlet
reports from); time resolution reads the span, since the dateline's date is the day of the
report, never an event's own date.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ConfigError
from ..model import Document, Span
from ..resources import read_tsv

DATELINE_FILE = Path(__file__).parent / "data" / "place_dateline.tsv"
#: how far into the text a dateline may start when no setting says otherwise (the place
#: resolver reads its own from place_settings.tsv: dateline_chars)
DATELINE_CHARS = 1500
#: an entry of a live page opens its line with the clock time it was posted ("10:55 - ...",
#: "16:40: ..."): time resolution dates the entry's acts on the page's day. (Setting a
#: sentence start after it was measured: blind dyad -0.014, the stamp's own sentence breaks
#: the carrying of places and dates from the sentence before.)
LIVE_STAMP = re.compile(
    r"^[ \t]*(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:GMT|UTC|[A-Z]{2,4}T)?\s*"
    r"[-\u2013\u2014:|][ \t]+(?=\S)",
    re.MULTILINE,
)


def read_patterns(path: Path, group: str) -> tuple[re.Pattern[str], ...]:
    """A TSV of name -> regular expression (multi-line) that must hold a group ``group``."""
    out: list[re.Pattern[str]] = []
    for name, pattern, *_ in read_tsv(path, 2):
        try:
            rx = re.compile(pattern, re.MULTILINE)
        except re.error as e:
            raise ConfigError(f"{path}: {name}: bad regular expression: {e}") from e
        if group not in rx.groupindex:
            raise ConfigError(f"{path}: {name}: the pattern needs a group named '{group}'")
        out.append(rx)
    return tuple(out)


def read_datelines(path: Path = DATELINE_FILE) -> tuple[re.Pattern[str], ...]:
    """place_dateline.tsv: name -> regular expression with a group "city"."""
    out = read_patterns(path, "city")
    if not out:
        raise ConfigError(f"{path}: no dateline patterns")
    return out


def dateline_matches(
    text: str, patterns: tuple[re.Pattern[str], ...], chars: int
) -> list[re.Match[str]]:
    """Matches of the dateline patterns in the first ``chars`` characters, earliest first."""
    head = text[:chars]
    found = [m for rx in patterns if (m := rx.search(head)) is not None]
    return sorted(found, key=lambda m: m.start())


#: parse.user_data key of the dateline matches found, by patterns and reach (the time scan,
#: the dating, the place and the actor resolvers all ask)
_FOUND = "newsevents.datelines"


def document_datelines(
    doc: Document, patterns: tuple[re.Pattern[str], ...], chars: int
) -> list[re.Match[str]]:
    """:func:`dateline_matches` of the article's text, searched once per parse."""
    text = doc.article.text
    if doc.parse is None:
        return dateline_matches(text, patterns, chars)
    memo = doc.parse.user_data.setdefault(_FOUND, {})
    key = (patterns, chars)  # equal patterns (the same source and flags) match alike
    hit = memo.get(key)
    if hit is None or hit[0] is not text:
        hit = memo[key] = (text, tuple(dateline_matches(text, patterns, chars)))
    return list(hit[1])


def dateline_span(
    text: str, patterns: tuple[re.Pattern[str], ...], chars: int = DATELINE_CHARS
) -> Span | None:
    """The span of the article's dateline (city to dash), or None without one."""
    found = dateline_matches(text, patterns, chars)
    return Span(found[0].start(), found[0].end()) if found else None


def document_dateline_span(
    doc: Document, patterns: tuple[re.Pattern[str], ...], chars: int = DATELINE_CHARS
) -> Span | None:
    """:func:`dateline_span` of the article, searched once per parse."""
    found = document_datelines(doc, patterns, chars)
    return Span(found[0].start(), found[0].end()) if found else None
