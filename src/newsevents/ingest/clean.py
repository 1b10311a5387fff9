"""Text cleaning: markdown to plain text, paragraphs, hyphenation repair, site-chrome removal.

The rules are data (``data/chrome.yaml``); this module applies them. Written by hand because
no installed library removes the chrome that survives extraction from scraped *text* (trafilatura
works on HTML) or repairs PDF hyphenation.

Output convention: paragraphs separated by exactly one blank line ("\\n\\n"), whitespace inside a
paragraph collapsed to single spaces, so sentence splitting never glues a heading to a sentence.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..resources import read_yaml
from .markdown import HR, markdown_line

TERMINAL = ".!?…:;\"'”’)»"
_URL = re.compile(r"https?://\S+|www\.\S+")


def data_file(name: str) -> Path:
    """Path of a data file packaged with the ingest stage."""
    return Path(str(importlib_resources.files("newsevents.ingest") / "data" / name))


@dataclass(frozen=True)
class ChromeRules:
    max_line: int
    fragments: tuple[tuple[str, re.Pattern[str]], ...]
    credit: re.Pattern[str]
    footer_heading: re.Pattern[str]
    compound_prefixes: frozenset[str]
    artefact_suffixes: frozenset[str]


def _compile(pattern: Any, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{where}: expected a non-empty regex string; fix the data file")
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise ConfigError(f"{where}: invalid regex {pattern!r} ({e}); fix the data file") from e


def parse_rules(data: Any, where: str = "chrome.yaml") -> ChromeRules:
    """Shape-check the chrome rules (a mapping as in ``data/chrome.yaml``)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping at top level; fix the data file")
    need = (
        "max_chrome_line",
        "fragments",
        "credit",
        "footer_headings",
        "compound_prefixes",
        "artefact_suffixes",
    )
    for key in need:
        if key not in data:
            raise ConfigError(f"{where}: missing key {key!r}; add it (see the packaged file)")
    if not isinstance(data["max_chrome_line"], int) or data["max_chrome_line"] <= 0:
        raise ConfigError(f"{where}: max_chrome_line must be a positive integer")
    frags = data["fragments"]
    if not isinstance(frags, dict) or not frags:
        raise ConfigError(f"{where}: fragments must map a reason to a list of regexes")
    macros = data.get("macros") or {}
    if not isinstance(macros, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in macros.items()
    ):
        raise ConfigError(f"{where}: macros must map a NAME to a regex string")

    def expand(pattern: str) -> str:
        # macros may use earlier macros; expand until nothing changes (bounded)
        for _ in range(5):
            new = pattern
            for name, value in macros.items():
                new = new.replace("{" + name + "}", value)
            if new == pattern:
                break
            pattern = new
        return pattern

    compiled: list[tuple[str, re.Pattern[str]]] = []
    for reason, pats in frags.items():
        if not isinstance(pats, list) or not pats or not all(isinstance(p, str) for p in pats):
            raise ConfigError(f"{where}: fragments.{reason} must be a non-empty list of regexes")
        # each fragment must be matched as a whole phrase: anchored at word edges
        alt = "|".join(f"(?:{expand(p)})" for p in pats)
        compiled.append(
            (str(reason), _compile(rf"(?<!\w)(?:{alt})(?!\w)", f"{where}: fragments.{reason}"))
        )
    heads = data["footer_headings"]
    if not isinstance(heads, list) or not all(isinstance(h, str) for h in heads):
        raise ConfigError(f"{where}: footer_headings must be a list of regex strings")
    prefixes = data["compound_prefixes"]
    if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
        raise ConfigError(f"{where}: compound_prefixes must be a list of words")
    suffixes = data["artefact_suffixes"]
    if not isinstance(suffixes, list) or not all(
        isinstance(x, str) and x.isalpha() for x in suffixes
    ):
        raise ConfigError(f"{where}: artefact_suffixes must be a list of words (letters only)")
    return ChromeRules(
        max_line=data["max_chrome_line"],
        fragments=tuple(compiled),
        credit=_compile(data["credit"], f"{where}: credit"),
        footer_heading=_compile(
            r"^\W*(?:" + "|".join(f"(?:{h})" for h in heads) + r")\W*$", f"{where}: footer"
        ),
        compound_prefixes=frozenset(p.lower() for p in prefixes),
        artefact_suffixes=frozenset(x.lower() for x in suffixes),
    )


@lru_cache(maxsize=1)
def load_rules() -> ChromeRules:
    """The packaged chrome rules (cached)."""
    path = data_file("chrome.yaml")
    return parse_rules(read_yaml(path), str(path))


_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalise_lines(text: str) -> list[str]:
    """Newlines unified, invisible characters dropped, runs of spaces collapsed, lines stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


# --- chrome ------------------------------------------------------------------------------


_MENU_SEP = re.compile(r"\s+(?:\||•|·|»|›|>|/)\s+")


def is_menu(line: str) -> bool:
    """A menu or breadcrumb line: three or more items of one to three words each, separated
    by "|", "•", "·", "›", "»", ">" or "/", none ending a sentence ("Home | News | Shop")."""
    items = _MENU_SEP.split(line.strip(" |•·»›>/"))
    return len(items) >= 3 and all(
        0 < len(x.split()) <= 3 and re.search(r"\w", x) and x[-1] not in ".!?;:," for x in items
    )


def chrome_reason(line: str, rules: ChromeRules | None = None) -> str | None:
    """Why ``line`` is site chrome (a reason key), or None if it is not.

    A short line is chrome when nothing but chrome fragments and punctuation is left after
    removing them; a credit-only line is chrome too; a menu line ("Home | News | Shop") is
    chrome by its shape (see :func:`is_menu`).
    """
    packaged = load_rules()
    rules = rules or packaged
    if not line or len(line) > rules.max_line:
        return None
    if rules is packaged:  # header lines are asked about up to four times
        return _packaged_reason(line)
    return _chrome_reason(line, rules)


@lru_cache(maxsize=4096)
def _packaged_reason(line: str) -> str | None:
    return _chrome_reason(line, load_rules())


def _chrome_reason(line: str, rules: ChromeRules) -> str | None:
    if is_menu(line):
        return "menu"
    rest = line
    reason: str | None = None
    most = 0
    for name, pat in rules.fragments:
        new = pat.sub(" ", rest)
        if new != rest:
            gone = len(rest) - len(new)
            if gone > most:  # the reason is the fragment that covers most of the line
                reason, most = name, gone
            rest = new
    if reason and not re.search(r"\w", rest):
        return reason
    if not re.search(r"\w", rules.credit.sub(" ", line)):
        return "credit"
    return None


def _headline_like(line: str) -> bool:
    return bool(line) and len(line) <= 120 and line[-1] not in TERMINAL


def _listed_headline(line: str) -> bool:
    """A line of a headline list (under "Latest news", "Most read", "Related"): short, no
    sentence-ending full stop/colon/semicolon/comma (a headline may ask a question)."""
    return (
        bool(line)
        and line != HR
        and len(line) <= 120
        and len(line.split()) <= 16
        and line.rstrip("\"'”’)»")[-1:] not in ".:;,…"
    )


def remove_chrome(lines: list[str], removed: Counter[str]) -> list[str]:
    """Drop chrome lines; blank lines ("") are kept so paragraph structure survives.

    Rules (general, each tested):
    * fragment-only lines (see :func:`chrome_reason`);
    * a "read more" link takes with it the headline-like lines right above it (the teaser of
      another article, no blank line between);
    * a section heading ("Latest news", "Most read", "Related") takes with it the headline
      lines that follow it (blank lines between them allowed), up to the first line that is
      not a short headline: those are other articles, not this one;
    * a photo caption: a headline-like line followed by itself plus a credit "(Pic: ...)" or
      by itself again; both lines go (a caption is not article text);
    * a line repeating the line before it.
    """
    rules = load_rules()
    out: list[str] = []
    in_list = False  # inside the headline list under a section heading
    for line in lines:
        if not line or line == HR:
            out.append(line)
            in_list = in_list and line != HR
            continue
        reason = chrome_reason(line, rules)
        if not reason and in_list and _listed_headline(line):
            removed["section_list"] += 1
            continue
        if reason:
            removed[reason] += 1
            in_list = reason == "sections" or (in_list and _listed_headline(line))
            if reason == "read_more":
                while out and out[-1] and out[-1] != HR and _headline_like(out[-1]):
                    out.pop()
                    removed["read_more_teaser"] += 1
            continue
        in_list = False
        prev = out[-1] if out else ""
        if prev and prev != HR:
            without_credit = rules.credit.sub("", line).strip()
            if without_credit == prev and _headline_like(prev):
                out.pop()
                removed["caption"] += 2
                continue
            if line == prev:
                removed["repeat"] += 1
                continue
        out.append(line)
    return out


# --- paragraphs --------------------------------------------------------------------------


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if not line or line == HR:
            if cur:
                blocks.append(cur)
                cur = []
            if line == HR:
                blocks.append([HR])
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def wrap_width(lines: list[str]) -> int | None:
    """The line width of hard-wrapped text (PDF, e-mail), or None when lines are paragraphs.

    Text is hard-wrapped when most lines sit near one width (<= 110 characters) and several
    lines follow one another without blank lines.
    """
    lens = [len(x) for x in lines if x and x != HR]
    if len(lens) < 5:  # too few lines to tell wrapping from one-line paragraphs
        return None
    width = sorted(lens)[int(len(lens) * 0.9) - 1 if len(lens) >= 10 else -1]
    if width > 110 or width < 40:
        return None
    full = sum(1 for n in lens if n >= 0.6 * width)
    consecutive = sum(1 for a, b in itertools.pairwise(lines) if a and b)
    if full < 0.5 * len(lens) or consecutive < 0.5 * len(lens):
        return None
    return width


def paragraphs(lines: list[str], *, width: int | None = None) -> list[str]:
    """Group lines into paragraphs: blank lines separate; hard-wrapped lines are joined.

    When ``width`` is given (hard-wrapped text) a line shorter than 60 % of it, or ending a
    sentence while 15 % shorter, ends its paragraph. Line-end hyphens are kept as "-\\n" for
    :func:`repair_hyphens` to decide.
    """
    out: list[str] = []
    for block in _blocks(lines):
        if block == [HR]:
            out.append(HR)
            continue
        if width is None:
            out.extend(block)
            continue
        cur = ""
        for line in block:
            if cur:
                cur += "\n" if cur.endswith("-") else " "
            cur += line
            short = len(line) < 0.6 * width
            ends = line[-1] in TERMINAL and len(line) < 0.85 * width
            hyphen = len(line) > 1 and line[-1] == "-" and line[-2].isalpha()
            if (short or ends) and not hyphen:
                out.append(cur)
                cur = ""
        if cur:
            out.append(cur)
    return out


def join_broken(paras: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the next one when it starts in lower case.

    A page break (PDF, print layout) leaves "... and it also includes sporadic" / "air strikes,
    ..." as two paragraphs; no real paragraph starts with a lower-case word after an unfinished
    one.
    """
    out: list[str] = []
    for p in paras:
        if (
            out
            and out[-1] != HR
            and p != HR
            and out[-1][-1] not in TERMINAL
            and out[-1][-1] != "-"
            and p[0].islower()
            and len(out[-1]) > 80
        ):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out


# --- page furniture (PDF) ------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)


def strip_page_furniture(
    pages: list[str], removed: Counter[str], lines_out: list[str] | None = None
) -> list[str]:
    """Remove running headers/footers and page numbers from the pages of a PDF.

    A line among the first or last two lines of a page is furniture when it is a page number
    ("3", "Page 3 of 10") or when the same line (digits ignored) opens or closes at least half
    of the pages (two at least): a running title, the outlet's name, a date. The removed
    lines are appended to ``lines_out`` (they may name the outlet).
    """
    split = [[x for x in p.split("\n")] for p in pages]

    def edges(lines: list[str]) -> list[int]:
        idx = [i for i, x in enumerate(lines) if x.strip()]
        return sorted(set(idx[:2] + idx[-2:]))

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()).casefold())

    counts: Counter[str] = Counter()
    for lines in split:
        counts.update({key(lines[i]) for i in edges(lines)})
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in split:
        drop = set()
        for i in edges(lines):
            if _PAGE_NUMBER.match(lines[i]):
                drop.add(i)
                removed["page_number"] += 1
            elif len(pages) >= 2 and counts[key(lines[i])] >= need and len(lines[i]) <= 120:
                drop.add(i)
                removed["running_header"] += 1
        if lines_out is not None:
            lines_out.extend(" ".join(lines[i].split()) for i in sorted(drop))
        out.append("\n".join(x for i, x in enumerate(lines) if i not in drop))
    return out


# --- hyphenation -------------------------------------------------------------------------

_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")
# the look-behind makes a match start only where a word starts: without it a run of n letters
# with no hyphen costs n^2 steps (every start position scans to the end of the run)
_LINE_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-\n([^\W\d_]+)")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")


def vocabulary(text: str) -> set[str]:
    """Lower-cased words the text uses on their own (not inside hyphenated tokens)."""
    return {w.lower() for w in _WORD.findall(text)}


def repair_hyphens(text: str, rules: ChromeRules | None = None) -> str:
    """Repair hyphenation left by layout, using the document's own vocabulary.

    * line-end hyphen ("infor-\\nmation"): joined, unless the joined word is not used elsewhere
      and the first part is capitalised ("Iranian-\\nbacked"), or a compound prefix
      ("anti-\\nwar"), or the hyphenated form is used elsewhere;
    * in-word artefact ("actua-l-action", "p-olicies", "off-er"): a hyphen is dropped when the
      joined word is used elsewhere in the text and one side of the hyphen is not a word the
      text uses ("actua", "olicies", "er"). Real compounds ("well-known") have words on both
      sides and survive.
    * in-word artefact with a bare suffix ("describ-ed", "expect-ed", "quick-ly"): dropped when
      the part after the hyphen is an inflection/suffix (``artefact_suffixes``) and the part
      before it is a lower-case stem of 3+ letters that is not a compound prefix. Real compounds
      ("self-defense", "al-Asad", "Iranian-backed") never end in a bare suffix.
    """
    rules = rules or load_rules()
    vocab = vocabulary(text.replace("-\n", "-"))
    hyphenated = {h.lower() for h in _HYPHENATED.findall(text)}

    def line_end(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        joined = (a + b).lower()
        if joined in vocab:
            return a + b
        if f"{a}-{b}".lower() in hyphenated:
            return f"{a}-{b}"
        if a[0].isupper() or b[0].isupper() or a.lower() in rules.compound_prefixes:
            return f"{a}-{b}"
        return a + b

    text = _LINE_HYPHEN.sub(line_end, text)

    def in_word(m: re.Match[str]) -> str:
        parts = m.group(0).split("-")
        out = [parts[0]]
        for part in parts[1:]:
            left = out[-1]
            joined = (left + part).lower()
            fragment = left.lower() not in vocab or part.lower() not in vocab
            suffix = (
                part in rules.artefact_suffixes  # lower case as written
                and len(left) >= 3
                and left.islower()
                and left not in rules.compound_prefixes
            )
            if (joined in vocab and fragment) or suffix:
                out[-1] = left + part
            else:
                out.append(part)
        return "-".join(out)

    return _HYPHENATED.sub(in_word, text)


# --- footnotes and footers -----------------------------------------------------------------

_FOOTNOTE_MARK = re.compile(r"\s?\[\d{1,3}\]")
_FOOTNOTE_ITEM = re.compile(r"^\[?\d{1,3}[\].)]?\s*(https?://\S+|www\.\S+)?")


def _is_footer_para(p: str, rules: ChromeRules) -> bool:
    """A paragraph that belongs to a trailing notes/reference list."""
    if p == HR or rules.footer_heading.match(p):
        return True
    stripped = _URL.sub("", p).strip(" -–—:;,.")
    if not stripped:  # URL only
        return True
    m = _FOOTNOTE_ITEM.match(p)
    return bool(m and m.group(1) and len(_URL.sub("", p[m.end() :]).strip()) < 40)


def strip_footer(paras: list[str], removed: Counter[str]) -> list[str]:
    """Remove the trailing reference section: footnote lists of URLs, "Notes"/"Footnotes"
    headings, a horizontal rule followed only by short source/biography lines with URLs."""
    rules = load_rules()
    end = len(paras)
    while end > 0 and _is_footer_para(paras[end - 1], rules):
        end -= 1
    # a rule or a notes heading near the end opens a footer when all that follows is short
    # and it holds a link: "---", "P.S.", "Outlet, 01.03.2020: <url>", "X is a writer ..."
    for i in range(end - 1, max(-1, end - 12), -1):
        if paras[i] == HR or rules.footer_heading.match(paras[i]):
            tail = paras[i + 1 : end]
            if all(len(p) <= 300 for p in tail) and any(_URL.search(p) for p in paras[i:]):
                end = i
                while end > 0 and paras[end - 1] == HR:
                    end -= 1
            break
    if end < len(paras):
        removed["footer"] += len(paras) - end
    kept = [p for p in paras[:end] if p != HR]
    out = []
    for p in kept:
        new = _FOOTNOTE_MARK.sub("", p)
        if new != p:
            removed["footnote_marker"] += 1
        out.append(new)
    return out


# --- whole text --------------------------------------------------------------------------


@dataclass
class Cleaned:
    text: str
    removed: Counter[str] = field(default_factory=Counter)


def finish(paras: list[str]) -> str:
    """Paragraphs -> the clean text: whitespace collapsed, joined by one blank line."""
    out = []
    for p in paras:
        p = " ".join(p.split())
        if p and p != HR:
            out.append(p)
    return "\n\n".join(out)


def clean_lines(lines: list[str], *, chrome: bool = True, width: int | None = None) -> Cleaned:
    """Plain-text lines (markdown already reduced) -> clean paragraphs.

    ``chrome=False`` keeps every line (article_from_text on a sentence); otherwise chrome and
    footers go. If cleaning would leave nothing, the text is kept as it was: a lone sentence
    is never deleted.
    """
    removed: Counter[str] = Counter()
    kept = remove_chrome(lines, removed) if chrome else list(lines)
    if width is None:
        width = wrap_width(kept)
    paras = paragraphs(kept, width=width)
    if chrome:
        paras = strip_footer(paras, removed)
    paras = join_broken(paras)
    joined = "\n\n".join(" ".join(p.replace("-\n", "-\x01").split()) for p in paras if p != HR)
    text = finish(repair_hyphens(joined.replace("-\x01", "-\n")).split("\n\n"))
    if not text.strip() and any(x and x != HR for x in lines):
        fallback = [x for x in lines if x != HR]
        return Cleaned(finish(paragraphs(fallback, width=None)), Counter())
    return Cleaned(text, removed)


def clean_text(text: str, *, chrome: bool = True, markdown: bool = True) -> Cleaned:
    """A whole text -> :class:`Cleaned` (used for strings without a header to analyse)."""
    lines = normalise_lines(text)
    if markdown:
        lines = [markdown_line(x) for x in lines]
        lines = [_SPACES.sub(" ", x).strip() if x != HR else x for x in lines]
    return clean_lines(lines, chrome=chrome)
