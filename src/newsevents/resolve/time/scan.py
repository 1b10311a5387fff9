"""Finding the temporal expressions of an article and normalising them.

:func:`scan` runs the grammar over the text once (each pattern at most once, gated by a word
it needs), adds bare years (after a time preposition or inside a spaCy DATE entity), keeps
the longest of overlapping matches, joins ranges ("from A to B", "since A") and reads each
clause's direction. Every step is linear in the text (plus a log factor for the overlap
checks). :func:`find_times` anchors what it found to the publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.attrs import IDX
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...model import Document, Span, TimeExpression
from ..datelines import document_dateline_span
from .calendar import Interval, format_interval, month_iv, resolve
from .grammar import ALTERNATIVES, Patterns
from .holidays import holiday_date
from .raw import Raw, read
from .relative import SpanIndex, find_relative
from .tense import FUTURE, PAST, Direction, clause_direction
from .vocab import TimeVocab

Match = tuple[int, int, Raw]


@dataclass(frozen=True)
class Found:
    """An expression found in the text, unanchored, with its clause's direction."""

    span: Span
    raw: Raw
    direction: Direction | None


#: parse.user_data key of the expressions scanned (the publication inference and the time
#: finding both ask for them; the grammar runs over the whole text)
_SCANNED = "newsevents.time_scan"


def scan(doc: Document, tv: TimeVocab) -> list[Found]:
    """Every temporal expression of the article, in text order, before anchoring; scanned
    once per parse and time vocabulary."""
    parse = doc.parse
    memo = parse.user_data.get(_SCANNED) if parse is not None else None
    if memo is not None and memo[0] is tv and memo[1] is doc.article.text:
        return list(memo[2])
    found = _scan(doc, tv)
    if parse is not None:
        parse.user_data[_SCANNED] = (tv, doc.article.text, tuple(found))
    return found


def _scan(doc: Document, tv: TimeVocab) -> list[Found]:
    text = doc.article.text
    matches = _pattern_matches(text, tv) + _bare_years(text, doc.parse, tv)
    chosen = _join_ranges(text, _longest_first(matches), tv.patterns)
    found = []
    for s, e, raw in chosen:
        toks = doc.tokens(Span(s, e))
        direction = clause_direction(toks, tv.words)
        if direction is None and _scheduled(raw, toks):
            direction = FUTURE
        if raw.kind == "weekday" and _ahead_preposition(text, s, e, tv):
            direction = FUTURE
        found.append(Found(Span(s, e), raw, direction))
    return found


def _pattern_matches(text: str, tv: TimeVocab) -> list[Match]:
    pats = tv.patterns
    present = [g.search(text) is not None for g in pats.gates]
    out: list[Match] = []
    for name, pat, gate in zip(ALTERNATIVES, pats.core, pats.gate_of, strict=True):
        if not present[gate]:
            continue
        for m in pat.finditer(text):
            raw = read(name, m, tv.words, pats)
            if raw is None:
                continue
            start, end = m.start(), m.end()
            # trailing punctuation or whitespace never belongs to the expression
            while end > start and text[end - 1] in " ,":
                end -= 1
            glued = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/")
            if glued and not (text[start - 1] == "-" and raw.kind in ("date", "month", "weekday")):
                continue  # inside a word or a code ("A-10", "x/3")
            out.append((start, end, raw))
    return out


def _bare_years(text: str, parse: Doc | None, tv: TimeVocab) -> list[Match]:
    """Bare years: after a time preposition, or inside a spaCy DATE entity; never inside a
    count or an amount ("2000 police")."""
    ents = parse.ents if parse is not None else ()
    dates = [(e.start_char, e.end_char) for e in ents if e.label_ == "DATE"]
    counts = [
        (e.start_char, e.end_char)
        for e in ents
        if e.label_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
    ]
    # entities are sorted and never overlap: the one that can hold offset s is the last one
    # starting at or before it
    date_starts, count_starts = [a for a, _ in dates], [a for a, _ in counts]
    # the token offsets from one array (iterating the Doc builds a Token per word)
    starts = parse.to_array(IDX).tolist() if parse is not None else []
    out: list[Match] = []
    for m in tv.patterns.year_token.finditer(text):
        s, e = m.start(), m.end()
        if (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "$£€/.#")) or (
            e < len(text) and (text[e].isalnum() or text[e] in "/")
        ):
            continue
        before = text[max(0, s - 12) : s].lower().split()
        d = bisect_right(date_starts, s) - 1
        in_ent = d >= 0 and e <= dates[d][1]
        c = bisect_right(count_starts, s) - 1
        if c >= 0 and s < counts[c][1]:
            continue  # a count, an amount: "2000 police"
        if before and before[-1] in tv.words.year_name_words and _noun_follows(e, parse, starts):
            continue  # "the 2015 nuclear deal": a name of a thing, not a time of the clause
        if _ends_a_name(s, parse, starts, tv):
            continue  # "the Finance Bill 2024", "Euro 2024": the year ends a proper name
        if in_ent or (before and before[-1].strip("(-") in tv.words.year_prepositions):
            out.append((s, e, Raw("year", year=int(m.group("year")))))
    return out


def _ends_a_name(start: int, parse: Doc | None, starts: list[int], tv: TimeVocab) -> bool:
    """Is the year at offset ``start`` the number of a proper name before it (the parse hangs
    it on a proper noun that is no date: not "June 2024", "Christmas 2023")?"""
    if parse is None:
        return False
    i = bisect_left(starts, start)
    if i >= len(parse) or parse[i].idx != start:
        return False
    tok = parse[i]
    head = tok.head
    return (
        tok.dep_ in ("nummod", "compound", "appos")
        and head.i < tok.i
        and head.pos_ == "PROPN"
        and head.ent_type_ != "DATE"
        and head.lower_ not in tv.words.months
    )


def _noun_follows(end: int, parse: Doc | None, starts: list[int]) -> bool:
    """True when the token after offset ``end`` (``starts``: the parse's token offsets) is a
    noun, adjective or proper noun: the year modifies it."""
    if parse is None:
        return False
    i = bisect_left(starts, end)
    return i < len(parse) and parse[i].pos_ in ("NOUN", "PROPN", "ADJ")


def _longest_first(matches: list[Match]) -> list[Match]:
    """The longest of overlapping matches (ties: the earliest, then the earlier pattern), in
    text order."""
    matches = sorted(matches, key=lambda t: (-(t[1] - t[0]), t[0]))
    starts: list[int] = []
    ends: list[int] = []  # chosen spans are disjoint, so ends are sorted too
    chosen: list[Match] = []
    for match in matches:
        s, e, _ = match
        j = bisect_left(starts, e) - 1  # the last chosen span starting before e
        if j >= 0 and ends[j] > s:
            continue
        k = bisect_left(starts, s)
        starts.insert(k, s)
        ends.insert(k, e)
        chosen.insert(k, match)
    return chosen


def _join_ranges(text: str, chosen: list[Match], pats: Patterns) -> list[Match]:
    """Join "from A to B", "between A and B", "A-B" into ranges and "since A" into a range."""
    out: list[Match] = []
    i = 0
    while i < len(chosen):
        s, e, raw = chosen[i]
        if i + 1 < len(chosen):
            s2, e2, raw2 = chosen[i + 1]
            gap = text[e:s2]
            pre = pats.range_start.search(text[max(0, s - 12) : s])
            if pats.range_gap.fullmatch(gap) and (pre or gap.strip() in pats.range_dashes):
                start = s - len(pre.group(0)) if pre else s
                out.append((start, e2, Raw("range", parts=[raw, raw2])))
                i += 2
                continue
        pre_since = pats.since.search(text[max(0, s - 10) : s])
        if pre_since and raw.kind in ("date", "month", "year", "decade", "season", "weekday"):
            out.append((s - len(pre_since.group(0)), e, Raw("since", parts=[raw])))
        else:
            out.append((s, e, raw))
        i += 1
    return out


def _ahead_preposition(text: str, start: int, end: int, tv: TimeVocab) -> bool:
    """True when a weekday follows a preposition that sets a day ahead ("called a new rally
    for Tuesday"), and is no possessive ("detained for Tuesday's attack")."""
    before = text[:start].rstrip().rsplit(None, 1)
    if not before or before[-1].lower() not in tv.words.ahead_prepositions:
        return False
    return text[end : end + 2] not in ("'s", "’s")


def _scheduled(raw: Raw, toks: SpacySpan | None) -> bool:
    """A date given with a clock time in a verbless listing ("Rally, Thursday 14 March,
    5pm, Town Hall") announces a meeting: it is ahead. A sentence with a tensed verb tells
    its own direction instead (a caption, "troops arrive on 31 December", is not a plan)."""
    if toks is None or len(toks) == 0 or raw.kind != "date" or not raw.pod:
        return False
    if not re.fullmatch(r"\d\d:\d\d", raw.pod):
        return False
    sent = toks[0].sent
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.is_alpha for t in sent)


def publication_anchor(doc: Document) -> date | None:
    """The publication day, the anchor of relative expressions (None if not a full date)."""
    pub = doc.article.published
    if not pub:
        return None
    try:
        return date.fromisoformat(pub[:10])
    except ValueError:
        return None  # a partial date ("2020-01") cannot anchor a weekday


def dateline_day(doc: Document, tv: TimeVocab, found: list[Found], pub: date | None) -> date | None:
    """The day a dated dateline gives ("DHAKA, Jan. 2 (Agency) -"): the report was filed
    then, so its weekdays and yesterdays count from it, not from a later publication (a
    weekly reprinting wire copy). A dateline date without a year is the nearest such day
    on or before publication; one more than ``dateline_days`` before it is not taken."""
    head = document_dateline_span(doc, tv.datelines)
    if head is None:
        return None
    for f in found:
        if not head.contains(f.span) or f.raw.kind != "date" or f.raw.day is None:
            continue
        if f.raw.year is None and pub is None:
            return None
        iv = resolve(f.raw, pub, PAST)
        if iv is None or iv.precision != "day":
            return None
        day = iv.start
        if pub is not None and not 0 <= (pub - day).days <= tv.reference.dateline_days:
            return None
        return day
    return None


def find_times(doc: Document, tv: TimeVocab) -> list[TimeExpression]:
    """All temporal expressions of the article, normalised against its report day: the
    dateline's date when it gives one, else the publication date.

    Without either only the expressions that need no anchor (dates with a year, years,
    decades) are returned.
    """
    pub = publication_anchor(doc)
    found = scan(doc, tv)
    anchor = dateline_day(doc, tv, found, pub) or pub
    out: list[TimeExpression] = []
    # "the previous day", "two days later" count from an event, not from the publication
    relative = SpanIndex([r.span for r in find_relative(doc, tv)])
    text = doc.article.text
    story_year: int | None = None  # the year the text named last
    for f in found:
        if relative.overlaps(f.span):
            continue
        if _narrative_month(f, text, tv):
            # "In May 2023 ... That September": the month of the year the story is in
            if story_year is None or f.raw.month is None:
                continue
            iv: Interval | None = month_iv(story_year, f.raw.month)
        elif _in_story_year(f, text, tv) and story_year is not None:
            iv = resolve(replace(f.raw, year=story_year), anchor, f.direction)
        else:
            iv = resolve(f.raw, anchor, f.direction)
        if f.raw.year is not None and f.raw.kind in ("date", "month", "year", "season"):
            story_year = f.raw.year
        if iv is None:
            continue
        value, end = format_interval(iv)
        out.append(TimeExpression(f.span, value, iv.precision, end, iv.pod))
    if anchor is not None:
        out.extend(_holidays(doc, tv, anchor, SpanIndex([t.span for t in out]), relative))
        out.sort(key=lambda t: t.span.start)
    return out


def _narrative_month(f: Found, text: str, tv: TimeVocab) -> bool:
    """A month named without a year after a narrative determiner ("That September")."""
    if f.raw.kind != "month" or f.raw.year is not None or f.raw.rel is not None:
        return False
    before = text[max(0, f.span.start - 12) : f.span.start].lower().split()
    return bool(before) and before[-1] in tv.words.narrative_month_words


def _in_story_year(f: Found, text: str, tv: TimeVocab) -> bool:
    """A day or month without a year followed by "that year" ("on 10 November that year")."""
    if f.raw.kind not in ("date", "month") or f.raw.year is not None or f.raw.rel is not None:
        return False
    after = " ".join(text[f.span.end : f.span.end + 24].lower().replace(",", " ").split())
    return any(after.startswith(p) for p in tv.words.narrative_year_phrases)


def national_holidays(
    doc: Document, tv: TimeVocab, anchor: date, countries: Sequence[str], taken: SpanIndex
) -> list[TimeExpression]:
    """The national holidays named in the text ("on Independence Day") as the first of
    ``countries`` (most likely first) that has a holiday of that name celebrates it; the
    holidays of every country are found by :func:`find_times`."""
    return _holidays(doc, tv, anchor, taken, SpanIndex([]), countries)


def _holidays(
    doc: Document,
    tv: TimeVocab,
    anchor: date,
    taken: SpanIndex,
    relative: SpanIndex,
    countries: Sequence[str] = (),
) -> list[TimeExpression]:
    """Holidays named in the text ("on New Year's Eve", "during Eid"), each the nearest such
    day in its clause's direction; never inside another expression. With ``countries``,
    only the national holidays of the first of them that has one of the name."""
    out: list[TimeExpression] = []
    text = doc.article.text
    table = tv.holidays
    for m in table.pattern.finditer(text):
        span = Span(m.start(), m.end())
        if taken.overlaps(span) or relative.overlaps(span):
            continue
        name = m.group(0)
        country = None
        if countries:
            if name in table.days:
                continue
            own = table.national.get(name, {})
            country = next((c for c in countries if c in own), None)
            if country is None:
                continue
        direction = clause_direction(doc.tokens(span), tv.words)
        day = holiday_date(name, anchor, direction, table, country)
        if day is not None:
            out.append(TimeExpression(span, day.isoformat(), "day", None, None))
    return out
