"""The regular-expression grammar of temporal expressions, compiled from the word files.

Each alternative of :data:`ALTERNATIVES` is one shape of expression ("Wednesday 8 January",
"two weeks ago", "the past year" ...); its outer group is named after it, and
:mod:`.raw` reads a match of it into an unanchored :class:`~.raw.Raw`. All words come from
:class:`~.words.Vocab` / :class:`~.words.ReferenceWords`; what stays here is syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .words import Half, ReferenceWords, Vocab

#: Names of the pattern alternatives, in the order they are tried (ties of equal matches go
#: to the earlier one).
ALTERNATIVES = (
    "dmy",
    "mdy",
    "ddm",
    "mdd",
    "my",
    "yy",
    "decade",
    "seas",
    "weekend",
    "rd",
    "thispod",
    "ago",
    "past",
    "into",
    "ru",
    "wdonly",
)

YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?![\d%])"


def alt(words: Iterable[str], *, ci: bool) -> str:
    """Regex alternation of ``words``, longest first (``ci``: in any case)."""
    escaped = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    body = "|".join(escaped)
    return f"(?i:{body})" if ci else f"(?:{body})"


def squash_clock(text: str) -> str:
    """A clock time in lower case without dots and spaces ("6.30 P.M." -> "630pm")."""
    return text.lower().replace(".", "").replace(" ", "")


def _phrase_alt(phrases: Iterable[str]) -> str:
    """Alternation of phrases in any case, any run of white space between their words."""
    bodies = sorted(
        {r"\s+".join(re.escape(w) for w in p.split()) for p in phrases}, key=len, reverse=True
    )
    return f"(?i:{'|'.join(bodies)})"


@dataclass(frozen=True)
class Patterns:
    """The compiled grammar of one vocabulary."""

    core: tuple[re.Pattern[str], ...]  # one per ALTERNATIVES name; overlaps settled in scan
    year_token: re.Pattern[str]
    # Speed only: gates[gate_of[i]] matches a word every match of core[i] must contain (a
    # month, a weekday, a unit ...). Python's re cannot skip ahead in patterns that open with
    # an optional group, so a text without that word is not scanned by core[i] at all.
    gates: tuple[re.Pattern[str], ...]
    gate_of: tuple[int, ...]
    clock: re.Pattern[str]  # a clock time squashed (see :func:`squash_clock`): "630pm"
    clock_words: Mapping[str, str]  # squashed clock word -> HH:MM
    clock_halves: Mapping[str, Half]  # squashed suffix -> am | pm
    range_start: re.Pattern[str]  # "from"/"between" ending right before an expression
    range_gap: re.Pattern[str]  # the whole gap between two ends of a range
    range_dashes: frozenset[str]
    since: re.Pattern[str]  # "since" ending right before an expression
    relative: tuple[re.Pattern[str], ...]  # expressions counted from another event


def _core(v: Vocab) -> tuple[list[str], tuple[str, ...]]:
    """The pattern text of each alternative, and of the word each one cannot match without."""
    months = list(v.months) + [m.upper() for m in v.months if len(m) > 3]
    weekdays = list(v.weekdays) + [w.upper() for w in v.weekdays if len(w) > 3]
    the = alt(v.articles, ci=True)
    this = alt((w for w, n in v.relative_words.items() if n == 0), ci=True)
    dash_words = [j for j in v.range_joiners if j.isalpha()]
    dashes = [j for j in v.range_joiners if not j.isalpha()]
    MON = f"(?P<mon>{alt(months, ci=False)})(?![A-Za-z])"
    MON2 = f"(?P<mon2>{alt(months, ci=False)})(?![A-Za-z])"
    WD = f"(?P<wd>{alt(weekdays, ci=False)})(?![A-Za-z])"
    ORD = alt(v.ordinal_suffixes, ci=False)
    DAY = f"(?P<day>[0-3]?\\d){ORD}?(?![\\d:.]\\d)"
    DAY2 = f"(?P<day2>[0-3]?\\d){ORD}?(?![\\d:.]\\d)"
    POD = f"(?P<pod>{alt(v.parts_of_day, ci=True)})\\b"
    CLOCK = (
        f"(?P<clock>(?:[01]?\\d|2[0-3])(?:[:.][0-5]\\d)?\\s?{alt(v.clock_suffixes, ci=True)}|"
        f"(?:[01]?\\d|2[0-3])[:][0-5]\\d|{alt(v.clock_words, ci=True)})"
    )
    MOD = (
        f"(?:(?P<mod>{alt(v.modifiers, ci=True)})(?:-|\\s+)"
        f"(?:{alt(v.modifier_prepositions, ci=True)}\\s+)?)"
    )
    NUM = f"(?P<num>\\d+|{alt(v.numbers, ci=True)})"
    UNIT = f"(?P<unit>{alt(v.units, ci=True)})\\b"
    REL = f"(?P<rel>{alt(v.relative_words, ci=True)})"
    years = [u for u, k in v.units.items() if k == "year"]
    YREL = f"(?P<yrel>{alt(v.relative_words, ci=True)})\\s+{alt(years, ci=True)}\\b"
    RELDAY = f"(?P<relday>{alt(v.relative_days, ci=True)})\\b"
    PASTSPAN = f"(?P<pastspan>{alt(v.past_span_words, ci=True)})"
    SEASON = f"(?P<season>{alt(v.seasons, ci=True)})\\b"
    FROM = f"(?:{alt(v.range_start_words, ci=True)}\\s+)?"
    DASH = f"(?:\\s*{alt(dashes, ci=False)}\\s*|\\s+{alt(dash_words, ci=True)}\\s+)"
    TIME_SUFFIX = f"(?:,?\\s+(?:{alt(v.time_prepositions, ci=True)}\\s+)?(?:{POD}|{CLOCK}))?"
    lower_the, lower_of = alt(v.articles, ci=False), alt(v.of_words, ci=False)
    WEEKEND, AGO, INTO = (alt(w, ci=True) for w in (v.weekend_words, v.ago_words, v.into_words))
    patterns = [
        # Wednesday 8 January (2020) / Wednesday, the 8th of January / 8 January 2020
        f"(?P<dmy>{MOD}?(?:{WD},?\\s+(?:{lower_the}\\s+)?)?{DAY}(?:\\s+{lower_of})?\\s+{MON}"
        f"(?:,?\\s+{YEAR})?{TIME_SUFFIX})",
        # Wednesday, January 8(, 2020) / Jan. 3 / December 27
        f"(?P<mdy>{MOD}?(?:{WD},?\\s+)?{MON}\\s+{DAY}(?:,?\\s+{YEAR})?{TIME_SUFFIX})",
        # 27-29 December / December 27-29
        f"(?P<ddm>{FROM}{DAY}{DASH}{DAY2}\\s+{MON2}(?:,?\\s+{YEAR})?)",
        f"(?P<mdd>{FROM}{MON2}\\s+{DAY}{DASH}{DAY2}(?:,?\\s+{YEAR})?)",
        # January 2020 / early January / last December / in January / March last year
        f"(?P<my>{MOD}?(?:{REL}\\s+)?{MON}(?:,?\\s+{YEAR}|\\s+(?:{lower_of}\\s+)?{YREL})?)",
        # from 1992 to 1995 / between 2014 and 2017 / 2015-2018
        f"(?P<yy>{FROM}{YEAR}{DASH}(?P<year2b>1[89]\\d\\d|20\\d\\d)(?![\\d%]))",
        # the 1990s (not data: "s" is the plural of a number, as in "the 90s")
        f"(?P<decade>(?:{the}\\s+)?(?P<dec>1[89]\\d0|20\\d0)'?s\\b)",
        # season: last summer / summer 2019 / the summer of 2019
        f"(?P<seas>{MOD}?(?:{the}\\s+|{REL}\\s+)?{SEASON}"
        f"(?:\\s+(?:{alt(v.of_words, ci=True)}\\s+)?{YEAR})?)",
        # over the weekend / this weekend / last weekend
        f"(?P<weekend>(?:{the}|{REL})\\s+{WEEKEND}\\b)",
        # yesterday (morning) / last night / today
        f"(?P<rd>{MOD}?{RELDAY}(?:\\s+{POD})?)",
        # this morning / this evening
        f"(?P<thispod>{this}\\s+{POD})",
        # two weeks ago / a year ago
        f"(?P<ago>{NUM}\\s+{UNIT}\\s+{AGO})",
        # (over) the past two weeks / the last few months / the past year
        f"(?P<past>{PASTSPAN}\\s+(?:{NUM}\\s+)?{UNIT})",
        # three days into the new year / two weeks into January
        f"(?P<into>{NUM}\\s+{UNIT}\\s+{INTO}\\s+(?:(?P<intoyear>{_phrase_alt(v.year_phrases)})"
        f"|{MON2}|(?P<year2>1[89]\\d\\d|20\\d\\d)\\b))",
        # earlier this month / last year / next week / this year
        f"(?P<ru>{MOD}?{REL}\\s+{UNIT})",
        # (early on) Friday (morning) / last Tuesday / next Monday
        f"(?P<wdonly>{MOD}?(?:{REL}\\s+)?{WD}{TIME_SUFFIX})",
    ]
    # the word each alternative cannot match without (same case rules as in the pattern)
    gates = (
        alt(months, ci=False),  # 0
        r"1[89]\d\d|20\d\d",  # 1: a year or a decade
        alt(v.seasons, ci=True),  # 2
        WEEKEND,  # 3
        alt(v.relative_days, ci=True),  # 4
        this,  # 5
        AGO,  # 6
        alt(v.past_span_words, ci=True),  # 7
        INTO,  # 8
        alt(v.units, ci=True),  # 9
        alt(weekdays, ci=False),  # 10
    )
    return patterns, gates


_GATE_OF = (0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)


def _relative(v: Vocab, r: ReferenceWords) -> tuple[re.Pattern[str], ...]:
    units = [u for u, k in v.units.items() if k in ("day", "week", "month")]
    the = alt(v.articles, ci=True)
    num = f"(?P<num>\\d+|{alt(v.numbers, ci=True)})"
    unit = f"(?P<unit>{alt(units, ci=True)}|{alt(r.same_day_units, ci=True)})"
    direction = f"(?P<dir>{alt(r.after_words + r.before_words, ci=True)})"
    nxt = f"(?P<nx>{alt(r.next_words + r.previous_words, ci=True)})"
    dayw = f"(?P<dw>{alt(r.day_words, ci=True)}|{alt(r.whole_units, ci=True)})"
    return (
        # two days later / hours after that attack / a week earlier / three days on
        re.compile(f"\\b(?:{num}\\s+)?{unit}\\s+{direction}\\b"),
        # the following day / the next morning / the previous week
        re.compile(f"\\b{the}\\s+{nxt}\\s+{dayw}\\b"),
        # the day before / the day after the vote (not "the day before yesterday")
        re.compile(
            f"\\b{the}\\s+(?P<dw2>{alt(r.day_words, ci=True)})\\s+"
            f"(?P<dir2>{alt(r.naming_words, ci=True)})"
            f"\\b(?!\\s+{alt(r.day_phrase_ends, ci=True)})"
        ),
        # later that day / the same day
        re.compile(f"\\b(?P<same>{alt(r.same_day_phrases, ci=True)})\\b"),
    )


def compile_patterns(v: Vocab, r: ReferenceWords) -> Patterns:
    """Compile the grammar of a vocabulary (done once, when the vocabulary is loaded)."""
    core, gates = _core(v)
    assert len(_GATE_OF) == len(core) == len(ALTERNATIVES)
    halves = {squash_clock(s): half for s, half in v.clock_suffixes.items()}
    dashes = [j for j in v.range_joiners if not j.isalpha()]
    return Patterns(
        # Python forbids a group name twice in one pattern, so the alternatives stay separate.
        core=tuple(re.compile(a) for a in core),
        year_token=re.compile(YEAR),
        gates=tuple(re.compile(g) for g in gates),
        gate_of=_GATE_OF,
        clock=re.compile(f"(\\d{{1,2}})(?::?(\\d{{2}}))?({'|'.join(map(re.escape, halves))})?"),
        clock_words={squash_clock(w): hhmm for w, hhmm in v.clock_words.items()},
        clock_halves=halves,
        range_start=re.compile(
            f"(?i:\\b({'|'.join(re.escape(w) for w in v.range_start_words)})\\s+)$"
        ),
        range_gap=re.compile(f"\\s*(?i:{'|'.join(re.escape(j) for j in v.range_joiners)})\\s*"),
        range_dashes=frozenset(dashes),
        since=re.compile(f"(?i:\\b({'|'.join(re.escape(w) for w in v.since_words)})\\s+)$"),
        relative=_relative(v, r),
    )
