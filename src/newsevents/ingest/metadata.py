"""Article metadata: YAML front matter, record fields, and cues in the text's header/footer.

Cue patterns are data (``data/metadata.yaml``). Only the header zone (first paragraphs) and
the footer zone (last paragraphs) are searched, never the body narrative, so a date the story
talks about is not mistaken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import yaml

from ..errors import ConfigError
from ..resources import countries, read_yaml
from .clean import TERMINAL, chrome_reason, data_file, load_rules
from .markdown import HR, is_heading, markdown_line

HeaderField = Literal["title", "outlet", "author", "ignore"]
HEADER_FIELDS: tuple[HeaderField, ...] = ("title", "outlet", "author", "ignore")
#: "Label: value" -- a label of at most three words, then a colon and the value
_LABELLED = re.compile(
    r"^\s*(?P<label>[A-Za-z][A-Za-z-]*(?: [A-Za-z-]+){0,2})\s*:\s*(?P<value>\S.*)$"
)


@dataclass(frozen=True)
class Cues:
    months: dict[str, int]
    header: int
    footer: int
    date_cues: tuple[tuple[str, re.Pattern[str]], ...]
    dateline: re.Pattern[str]
    outlet_cues: tuple[tuple[str, re.Pattern[str]], ...]
    not_outlets: frozenset[str]
    byline: re.Pattern[str]
    weekdays: frozenset[str] = frozenset()
    year: re.Pattern[str] = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
    #: "Label: value" header lines: lower-case label -> field (title, outlet, author, ignore)
    header_fields: dict[str, HeaderField] = field(default_factory=dict)


def _rx(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise ConfigError(f"{where}: invalid regex ({e}); fix the data file") from e


def _date_pattern(months: dict[str, int], weekdays: list[str]) -> str:
    mon = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    wd = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
    weekday = rf"(?:(?:{wd})\.?,?\s+)?"
    return (
        rf"(?:{weekday}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{mon})\.?,?\s+(?P<y1>\d{{4}})"
        rf"|{weekday}(?P<m2>{mon})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{1,2}})-(?P<d3>\d{{1,2}}))(?!\d)"
    )


def parse_cues(data: Any, where: str = "metadata.yaml") -> Cues:
    """Shape-check the metadata cues (a mapping as in ``data/metadata.yaml``)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping at top level; fix the data file")
    need = [
        "months",
        "weekdays",
        "header_paragraphs",
        "footer_paragraphs",
        "date_cues",
        "dateline",
        "outlet_cues",
        "outlet_connectors",
        "not_outlets",
        "byline",
    ]
    for key in need:
        if key not in data:
            raise ConfigError(f"{where}: missing key {key!r}; add it (see the packaged file)")
    months = data["months"]
    if not isinstance(months, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and 1 <= v <= 12 for k, v in months.items()
    ):
        raise ConfigError(f"{where}: months must map a month name to 1..12")
    for key in ("weekdays", "outlet_connectors", "not_outlets"):
        if not isinstance(data[key], list) or not all(isinstance(x, str) for x in data[key]):
            raise ConfigError(f"{where}: {key} must be a list of words")
    for key in ("header_paragraphs", "footer_paragraphs"):
        if not isinstance(data[key], int) or data[key] < 1:
            raise ConfigError(f"{where}: {key} must be a positive integer")
    date = _date_pattern(months, data["weekdays"])
    conn = "|".join(re.escape(c) for c in data["outlet_connectors"])
    word = r"[A-Z][\w'’&.-]*[\w]"
    outlet = (
        rf"(?-i:(?P<outlet>(?:{word}|[A-Z])(?:\s+(?:(?:{conn})\s+)*{word})*"
        r"|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}))"
    )

    def cue_list(key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
        items = data[key]
        if not isinstance(items, list) or not items:
            raise ConfigError(f"{where}: {key} must be a non-empty list of name/pattern")
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not {"name", "pattern"} <= set(item):
                raise ConfigError(f"{where}: {key}[{i}] needs 'name' and 'pattern'")
            pat = str(item["pattern"]).replace("{DATE}", date).replace("{OUTLET}", outlet)
            out.append((str(item["name"]), _rx(pat, f"{where}: {key}[{i}]")))
        return tuple(out)

    return Cues(
        months={k.lower(): v for k, v in months.items()},
        header=data["header_paragraphs"],
        footer=data["footer_paragraphs"],
        date_cues=cue_list("date_cues"),
        dateline=_rx(str(data["dateline"]), f"{where}: dateline", 0),
        outlet_cues=cue_list("outlet_cues"),
        not_outlets=frozenset(w.lower() for w in data["not_outlets"]),
        byline=_rx(str(data["byline"]), f"{where}: byline", 0),
        weekdays=frozenset(w.lower() for w in data["weekdays"]),
        header_fields=_header_fields(data.get("header_fields", {}), where),
    )


def _header_fields(data: Any, where: str) -> dict[str, HeaderField]:
    """header_fields: field -> labels, checked, as label -> field."""
    if not isinstance(data, dict) or not set(data) <= set(HEADER_FIELDS):
        raise ConfigError(f"{where}: header_fields maps {', '.join(HEADER_FIELDS)} to labels")
    out: dict[str, HeaderField] = {}
    for name in HEADER_FIELDS:
        labels = data.get(name, [])
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise ConfigError(f"{where}: header_fields.{name} must be a list of labels")
        for label in labels:
            out[" ".join(label.lower().split())] = name
    return out


def header_field(line: str, cues: Cues) -> tuple[HeaderField, str] | None:
    """A labelled header line ("Source: Valley Courier") -> (field, value), else None."""
    m = _LABELLED.match(line)
    if m is None:
        return None
    kind = cues.header_fields.get(" ".join(m.group("label").lower().split()))
    return (kind, m.group("value").strip()) if kind is not None else None


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The packaged metadata cues (cached)."""
    path = data_file("metadata.yaml")
    return parse_cues(read_yaml(path), str(path))


# --- dates -------------------------------------------------------------------------------


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def date_from_match(m: re.Match[str], cues: Cues) -> str | None:
    g = m.groupdict()
    for i in "123":
        if g.get(f"y{i}"):
            mon = g[f"m{i}"]
            month = int(mon) if mon.isdigit() else cues.months.get(mon.lower().rstrip("."))
            if month is None:
                return None
            return _iso(int(g[f"y{i}"]), month, int(g[f"d{i}"]))
    return None


_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def normalise_date(value: Any) -> str | None:
    """A metadata date ("2020-01-03T10:32:00Z", "3 January 2020", "Jan 3, 2020") -> ISO date."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    s = str(value).strip()
    m = _ISO_PREFIX.match(s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    cues = load_cues()
    for _, pat in cues.date_cues:
        if pat.groupindex.keys() >= {"y1"}:
            m2 = pat.search(s)
            if m2 and (iso := date_from_match(m2, cues)):
                return iso
    for fmt in ("%a, %d %b %Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(s[: len(fmt) + 6].strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


_URLS = re.compile(r"https?://\S+|www\.\S+")


def _zones(paras: list[str], cues: Cues) -> tuple[list[str], list[str]]:
    """Header = first paragraphs; footer = last paragraphs that are not mostly links (a list
    of footnote URLs does not push the source line out of the footer)."""
    body = [p for p in paras if p and p != HR]
    wordy = [p for p in body if len(_URLS.sub("", p).strip(" -[]().0123456789")) > 0.5 * len(p)]
    # a header or footer line is short; the cue patterns are not linear on long lines, so a
    # paragraph over MAX_CUE_LINE characters is never searched (its place in the zone is kept)
    return _short(body[: cues.header]), _short(wordy[-cues.footer :])


#: Longest header/footer line the metadata cues are matched on (characters).
MAX_CUE_LINE = 2000


def _short(paras: list[str]) -> list[str]:
    return [p if len(p) <= MAX_CUE_LINE else "" for p in paras]


def date_from_text(paras: list[str]) -> str | None:
    """The publication date from header/footer cues; the first publication wins."""
    cues = load_cues()
    header, footer = _zones(paras, cues)
    for _, pat in cues.date_cues:
        for p in header + footer:
            m = pat.search(p)
            if m and (iso := date_from_match(m, cues)):
                return iso
    # dateline "CITY, Jan. 3 (Agency) -" with a year elsewhere in the header
    for p in header:
        m = cues.dateline.match(p)
        if not m:
            continue
        month = cues.months.get(m.group("month").lower())
        years = [y for q in header for y in cues.year.findall(q)]
        if month and years:
            return _iso(int(years[0]), month, int(m.group("day")))
    return None


# what may follow a header date: a time, am/pm, a time zone ("7:15 AM UTC", "at 10.32 GMT")
_TIME = re.compile(
    r"^\s*,?\s*(?:(?:at\s+)?\d{1,2}[:.]\d{2})?\s*(?:[ap]\.?m\.?(?!\w))?(?-i:\s*[A-Z]{2,4}\b)?",
    re.IGNORECASE,
)
_DASH_NAME = re.compile(
    r"^\s*[-–—|,]\s*(?:by\s+)?(?P<a>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*$"
)


def date_header(line: str) -> tuple[bool, str | None]:
    """Is ``line`` a header line that is only a date (with a time, a zone, "by Author",
    "- Author" or a parenthesis)? Returns (is it, the author it names)."""
    if len(line) > MAX_CUE_LINE:
        return False, None
    cues = load_cues()
    for name, pat in cues.date_cues:
        if name == "first_published":
            continue
        m = pat.match(line)
        if not m:
            continue
        rest = _TIME.sub("", line[m.end() :], count=1)
        author = None
        if (dash := _DASH_NAME.match(rest)) and not _is_date_word(dash.group("a"), cues):
            author = dash.group("a")
            rest = ""
        rest = re.sub(r"\([^)]*\)", "", rest)
        if by := re.search(r"\bby\b.*$", rest, flags=re.IGNORECASE):
            author = header_author(by.group(0))
            rest = rest[: by.start()]
        rest = _TIME.sub("", rest, count=1)
        if not re.search(r"\w", rest):
            return True, author
    return False, None


def is_date_header(line: str) -> bool:
    """A header line that is only a date, optionally with "by Author" and a parenthesis."""
    return date_header(line)[0]


# --- outlet / author / title ---------------------------------------------------------------


def _is_date_word(word: str, cues: Cues) -> bool:
    w = word.lower().rstrip(".")
    return w in cues.weekdays or w in cues.months


def is_outlet_name(name: str, cues: Cues | None = None) -> bool:
    """Can ``name`` be an outlet? Never a weekday, month or date word, a country/capital name
    (a dateline place), nor a word that starts a sentence ("Our", "This")."""
    cues = cues or load_cues()
    words = name.split()
    if not words or not re.search(r"[^\W\d_]", name):
        return False
    if name.lower() in cues.not_outlets or words[0].lower() in cues.not_outlets:
        return False
    if any(_is_date_word(w.strip(",."), cues) for w in words):
        return False
    places = countries()
    return not (name in places or name.title() in places)


def outlet_from_text(paras: list[str]) -> str | None:
    """The outlet named by a footer/header cue ("Make a donation to X", "Source: X", ...)."""
    cues = load_cues()
    header, footer = _zones(paras, cues)
    lines = [x for p in footer[::-1] + header for x in p.split("\n")]
    for _, pat in cues.outlet_cues:
        for line in lines:
            m = pat.search(line)
            if not m:
                continue
            name = m.group("outlet").strip(" .,'’")
            if is_outlet_name(name, cues):
                return name
    return None


def outlet_key(name: str) -> str:
    """Comparable form of an outlet name: letters and digits, no leading "The", casefolded
    ("The Meridian Wire" == "meridian wire" == "meridianwire")."""
    return re.sub(r"[\W_]+", "", re.sub(r"^\s*the\s+", "", name, flags=re.IGNORECASE)).casefold()


def domain_matches(domain: str, name: str) -> bool:
    """Does a domain ("meridianwire.example", "www.the-bugle.co.uk") spell outlet ``name``?"""
    labels = [x for x in domain.lower().split(".") if x not in ("www", "m", "amp")]
    key = outlet_key(name)
    return bool(key) and any(re.sub(r"\W+", "", x).removeprefix("the") == key for x in labels)


def is_domain(value: str) -> bool:
    return bool(re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", value.strip().lower()))


_AUX = re.compile(
    r"\b(had|has|have|was|were|is|are|will|would|said|says|the|a|an|to|of|it|they)\b"
)  # lower case: "The Valley Bugle" may be an affiliation, "the crowd had gone" is a clause
_INITIAL_END = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")


def byline_author(line: str) -> str | None:
    """The author of a byline line ("By Jane Doe", "By Jane Doe, Meridian Wire"), or None.

    A byline is a label: not a sentence ending in a full stop (an initial or "Jr." aside), its
    affiliation (after a comma or dash) a few words with no verb or article, and its author not
    a weekday or month ("By Friday, the crowd had gone." is body text).
    """
    if len(line) > 120:
        return None
    cues = load_cues()
    m = cues.byline.match(line)
    if not m:
        return None
    if line.rstrip()[-1:] in ".!?" and not _INITIAL_END.search(line.rstrip()):
        return None
    author = m.group("author").strip(" ,&")
    if any(_is_date_word(w, cues) for w in author.split()):
        return None
    affiliation = m.group("affiliation")
    if affiliation and (len(affiliation.split()) > 6 or _AUX.search(affiliation)):
        return None
    return author


_BY_IN_HEADER = re.compile(r"\bby\s+(?P<a>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")


def header_author(line: str) -> str | None:
    m = _BY_IN_HEADER.search(line)
    return m.group("a") if m else None


# --- front matter -------------------------------------------------------------------------

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases: nine nested "*a" references expand to 9^9 values
    when printed (a "billion laughs"); front matter never needs them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter ("---\\n...\\n---") -> (fields, rest). Bad YAML is left in the text."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.load(m.group(1), Loader=_FrontMatterLoader)
    except (yaml.YAMLError, RecursionError, ValueError):  # ValueError: "2020-02-30"
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return {str(k).lower(): v for k, v in data.items()}, text[m.end() :]


@dataclass
class Header:
    """What the header/footer scan found, and which lines it consumed."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    drop: set[int] = field(default_factory=set)
    masthead: int = 0  # masthead/tagline lines dropped


def _headline_candidate(line: str) -> bool:
    return bool(line) and line != HR and len(line) <= 200 and line[-1] not in TERMINAL


def _is_caption(plain: list[str], i: int, nonblank: list[int]) -> bool:
    """Line i is a photo caption: the next line repeats it with a credit "(Photo: ...)"."""
    later = [j for j in nonblank if j > i]
    if not later:
        return False
    nxt = plain[later[0]]
    return nxt != plain[i] and load_rules().credit.sub("", nxt).strip() == plain[i]


def scan_lines(
    raw_lines: list[str],
    *,
    find_title: bool = True,
    known_title: str | None = None,
    known_outlet: str | None = None,
) -> tuple[Header, list[str]]:
    """Scan raw (markdown) lines: title, byline, date header, outlet; returns plain lines.

    The title is a leading markdown heading, else the first headline-like line of the header
    (short, no final punctuation) that has article text after it -- skipping the masthead: a
    line that is the outlet's name, or any short line above a menu line ("Home | News") when a
    headline follows the menu (the site's name and tagline sit above its menu, the article's
    headline below). A photo caption (a line repeated with a credit) is never the title. A
    header line equal to ``known_title`` (from metadata) is dropped. Consumed lines become "".
    """
    h = Header()
    plain = [markdown_line(x) for x in raw_lines]
    plain = [" ".join(x.split()) if x != HR else x for x in plain]
    nonblank = [i for i, x in enumerate(plain) if x and x != HR]
    cues = load_cues()
    paras = [x for x in plain if x and x != HR]
    h.outlet = outlet_from_text(paras)
    outlets = {outlet_key(o) for o in (known_outlet, h.outlet) if o}
    header_idx = nonblank[: cues.header]
    menus = [i for i in header_idx if chrome_reason(plain[i]) == "menu"]
    # lines above the first menu are the masthead when a headline follows the menu
    banner_end = -1
    if menus and any(
        _headline_candidate(plain[j]) and chrome_reason(plain[j]) is None
        for j in header_idx
        if j > menus[0]
    ):
        banner_end = menus[0]
    for i in header_idx:
        line = plain[i]
        labelled = header_field(line, cues)
        if labelled is not None and not date_header(line)[0]:
            kind, value = labelled
            if kind == "title" and find_title and h.title is None:
                h.title = value
            elif kind == "outlet" and h.outlet is None:
                h.outlet = value
            elif kind == "author" and h.author is None:
                h.author = value
            h.drop.add(i)
            continue
        author = byline_author(line)
        if author and h.author is None:
            h.author = author
            h.drop.add(i)
            continue
        is_date, date_author = date_header(line)
        if is_date:
            h.author = h.author or date_author
            h.drop.add(i)
            continue
        if known_title and line.casefold() == known_title.casefold():
            h.drop.add(i)
            continue
        if chrome_reason(line) or _is_caption(plain, i, nonblank):
            continue  # left for remove_chrome
        if (
            _headline_candidate(line)
            and len(line) <= 100
            and (i < banner_end or outlet_key(line) in outlets)
        ):
            h.drop.add(i)
            h.masthead += 1
            continue
        if find_title and h.title is None:
            later = [j for j in nonblank if j > i]
            if is_heading(raw_lines[i]) or (_headline_candidate(line) and len(later) >= 2):
                h.title = line
                h.drop.add(i)
                continue
        # the first body line ends the search for a title
        find_title = False
    h.published = date_from_text(paras)
    # a signature line at the end repeating the author ("Jane Doe") is not article text; when
    # it gives the name in the other order ("DOE Jane" in the header), its form is kept
    if nonblank and h.author:
        for j in reversed(nonblank):
            if plain[j] == h.author:
                h.drop.add(j)
                break
            if plain[j].lower() == " ".join(h.author.split()[::-1]).lower():
                h.drop.add(j)
                h.author = plain[j]
                break
            if len(plain[j]) > 300:
                break
    lines = ["" if i in h.drop else x for i, x in enumerate(plain)]
    return h, lines
