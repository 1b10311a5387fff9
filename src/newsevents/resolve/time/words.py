"""The two word files of the time resolver, read and shape-checked.

``resolve/data/time_vocab.yaml`` holds the words of expressions (weekdays, months, units,
parts of day, the function words of the pattern grammar, the words that give a clause its
direction); ``resolve/data/time_reference.yaml`` the words for dating an event by reference
to another (back-references, "two days later"). A bad shape raises :class:`ConfigError`
naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from ...errors import ConfigError
from ...resources import load_event_types, read_yaml

#: The calendar unit a unit word names.
Unit = Literal["day", "week", "month", "year", "decade"]
UNITS: tuple[Unit, ...] = get_args(Unit)
#: The half of the day a clock suffix names ("pm").
Half = Literal["am", "pm"]


@dataclass(frozen=True)
class Vocab:
    """The words of ``time_vocab.yaml`` (lower-cased where matched in any case)."""

    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    numbers: Mapping[str, int]
    units: Mapping[str, Unit]
    parts_of_day: Mapping[str, str]
    relative_days: Mapping[str, tuple[int, str | None]]
    relative_words: Mapping[str, int]
    past_span_words: tuple[str, ...]
    seasons: Mapping[str, tuple[int, int]]
    modifiers: tuple[str, ...]
    range_start_words: tuple[str, ...]
    range_joiners: tuple[str, ...]
    since_words: tuple[str, ...]
    year_prepositions: frozenset[str]
    narrative_month_words: frozenset[str]
    narrative_year_phrases: tuple[str, ...]  # "on 10 November that year"
    year_name_words: frozenset[str]  # "the 2015 deal": a year after one of these names a thing
    articles: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    of_words: tuple[str, ...]
    modifier_prepositions: tuple[str, ...]
    time_prepositions: tuple[str, ...]
    weekend_words: tuple[str, ...]
    ago_words: tuple[str, ...]
    into_words: tuple[str, ...]
    year_phrases: tuple[str, ...]
    clock_words: Mapping[str, str]
    clock_suffixes: Mapping[str, Half]
    future_auxiliaries: frozenset[str]
    future_verbs: frozenset[str]
    # "said it would march on Saturday": ahead unless "would have"
    reported_future_auxiliaries: frozenset[str]
    appeal_verbs: frozenset[str]  # "called on them to march on Saturday": ahead of the call
    commitment_verbs: frozenset[str]  # "agreed to meet on Friday": ahead of the agreement
    scheduling_words: frozenset[str]
    plan_verbs: frozenset[str]  # "parties plan a rally on Saturday": the planned act is ahead
    forward_verbs: frozenset[str]  # "invited them to talks on Thursday": the talks' day only
    ahead_prepositions: frozenset[str]  # "called a rally for Tuesday": the weekday is ahead
    be_verbs: frozenset[str]
    have_verbs: frozenset[str]
    simultaneous_marks: frozenset[str]  # "killed when rockets hit ... on Friday"
    present_adverbs: frozenset[str]  # "Now the army has deployed": news of now
    onset_marks: frozenset[str]  # "since the protests began last Thursday": background
    prior_marks: frozenset[str] = frozenset()  # "after a drone strike killed five": earlier
    sequence_preps: frozenset[str] = frozenset()  # "ahead of a rally on Saturday": the rally's
    response_nouns: frozenset[str] = frozenset()  # "revenge for the killing last week"
    dated_nouns: frozenset[str] = frozenset()  # "the truce signed in March 2023"


@dataclass(frozen=True)
class ReferenceWords:
    """The words of ``time_reference.yaml`` (all lower case)."""

    determiners: frozenset[str]
    same_words: frozenset[str]
    standing_agents: frozenset[str]
    instrument_prepositions: frozenset[str]
    max_sentences: int
    news_day_days: int  # how many days before publication the lede's day may be (0: off)
    dateline_days: int  # how many days before publication a dateline's date may be
    event_nouns: Mapping[str, str]
    after_words: tuple[str, ...]
    before_words: tuple[str, ...]
    naming_words: tuple[str, ...]
    ambiguous_after_words: tuple[str, ...]
    day_phrase_ends: tuple[str, ...]
    same_day_units: tuple[str, ...]
    next_words: tuple[str, ...]
    previous_words: tuple[str, ...]
    day_words: tuple[str, ...]
    whole_units: tuple[str, ...]
    same_day_phrases: tuple[str, ...]
    speech_verbs: frozenset[str] = frozenset()  # lemmas: "said it would ..." reports a saying
    said_acts: frozenset[str] = frozenset()  # event types done by saying, dated when said


def _data_path(name: str) -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / name))


def _mapping(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of word lists at top level")
    return data


def _str_int_map(data: dict[str, Any], key: str, path: Path) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise ConfigError(f"{path}: '{key}' must be a non-empty mapping of word -> number")
    out: dict[str, int] = {}
    for word, num in value.items():
        if not isinstance(num, int) or isinstance(num, bool):
            raise ConfigError(f"{path}: {key}.{word} must be an integer, got {num!r}")
        out[str(word)] = num
    return out


def _str_map(
    data: dict[str, Any], key: str, path: Path, allowed: Collection[str] = ()
) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f"{path}: '{key}' must be a non-empty mapping of word -> name")
    if allowed and not all(v in allowed for v in value.values()):
        raise ConfigError(f"{path}: '{key}' must map words to {'|'.join(allowed)}")
    return {str(k).lower(): str(v) for k, v in value.items()}


def _str_list(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def _lower_list(data: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    return tuple(w.lower() for w in _str_list(data, key, path))


def load_vocab(path: Path | None = None) -> Vocab:
    """Read and shape-check ``time_vocab.yaml`` (ConfigError names the bad key)."""
    path = path or _data_path("time_vocab.yaml")
    data = _mapping(path)
    reldays = data.get("relative_days")
    seasons = data.get("seasons")
    units = _str_map(data, "units", path, UNITS)
    pods = _str_map(data, "parts_of_day", path)
    if not isinstance(reldays, dict) or not all(
        isinstance(v, list) and len(v) == 2 and isinstance(v[0], int) for v in reldays.values()
    ):
        raise ConfigError(f"{path}: 'relative_days' must map words to [offset, part or null]")
    if not isinstance(seasons, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(m, int) and 1 <= m <= 12 for m in v)
        for v in seasons.values()
    ):
        raise ConfigError(f"{path}: 'seasons' must map words to [first month, last month]")
    months = _str_int_map(data, "months", path)
    weekdays = _str_int_map(data, "weekdays", path)
    if not all(1 <= m <= 12 for m in months.values()):
        raise ConfigError(f"{path}: month numbers must be 1..12")
    if not all(0 <= d <= 6 for d in weekdays.values()):
        raise ConfigError(f"{path}: weekday numbers must be 0 (Monday) .. 6 (Sunday)")
    clock_words = _str_map(data, "clock_words", path)
    if not all(len(v) == 5 and v[2] == ":" for v in clock_words.values()):
        raise ConfigError(f"{path}: 'clock_words' must map words to HH:MM times")

    def words(key: str) -> frozenset[str]:
        return frozenset(_lower_list(data, key, path))

    return Vocab(
        weekdays=weekdays,
        months=months,
        numbers={k.lower(): v for k, v in _str_int_map(data, "numbers", path).items()},
        units=units,
        parts_of_day=pods,
        relative_days={str(k).lower(): (int(v[0]), v[1]) for k, v in reldays.items()},
        relative_words={
            k.lower(): v for k, v in _str_int_map(data, "relative_words", path).items()
        },
        past_span_words=_str_list(data, "past_span_words", path),
        seasons={str(k).lower(): (int(v[0]), int(v[1])) for k, v in seasons.items()},
        modifiers=_str_list(data, "modifiers", path),
        range_start_words=_str_list(data, "range_start_words", path),
        range_joiners=_str_list(data, "range_joiners", path),
        since_words=_str_list(data, "since_words", path),
        year_prepositions=words("year_prepositions"),
        narrative_month_words=words("narrative_month_words"),
        narrative_year_phrases=_lower_list(data, "narrative_year_phrases", path),
        year_name_words=words("year_name_words"),
        articles=_lower_list(data, "articles", path),
        ordinal_suffixes=_lower_list(data, "ordinal_suffixes", path),
        of_words=_lower_list(data, "of_words", path),
        modifier_prepositions=_lower_list(data, "modifier_prepositions", path),
        time_prepositions=_lower_list(data, "time_prepositions", path),
        weekend_words=_lower_list(data, "weekend_words", path),
        ago_words=_lower_list(data, "ago_words", path),
        into_words=_lower_list(data, "into_words", path),
        year_phrases=_lower_list(data, "year_phrases", path),
        clock_words=clock_words,
        clock_suffixes=_str_map(data, "clock_suffixes", path, get_args(Half)),
        future_auxiliaries=words("future_auxiliaries"),
        future_verbs=words("future_verbs"),
        reported_future_auxiliaries=words("reported_future_auxiliaries"),
        appeal_verbs=words("appeal_verbs"),
        commitment_verbs=words("commitment_verbs"),
        scheduling_words=words("scheduling_words"),
        plan_verbs=words("plan_verbs"),
        forward_verbs=words("forward_verbs"),
        ahead_prepositions=words("ahead_prepositions"),
        be_verbs=words("be_verbs"),
        have_verbs=words("have_verbs"),
        simultaneous_marks=words("simultaneous_marks"),
        present_adverbs=words("present_adverbs"),
        onset_marks=words("onset_marks"),
        prior_marks=words("prior_marks"),
        sequence_preps=words("sequence_preps"),
        response_nouns=words("response_nouns"),
        dated_nouns=words("dated_nouns"),
    )


def load_reference_words(
    path: Path | None = None, event_types: Collection[str] | None = None
) -> ReferenceWords:
    """Read and shape-check ``time_reference.yaml`` (ConfigError names the bad key).

    ``event_nouns`` must name declared event types (``event_types``; by default the
    packaged declarations of ``data/event_types.yaml``).
    """
    if event_types is None:
        event_types = load_event_types()
    path = path or _data_path("time_reference.yaml")
    data = _mapping(path)
    nouns = data.get("event_nouns")
    if not isinstance(nouns, dict) or not all(v in event_types for v in nouns.values()):
        raise ConfigError(f"{path}: 'event_nouns' must map nouns to declared event types")
    news_days = data.get("news_day_days")
    if not isinstance(news_days, int) or isinstance(news_days, bool) or news_days < 0:
        raise ConfigError(f"{path}: 'news_day_days' must be a whole number >= 0")
    dateline_days = data.get("dateline_days", 0)
    if not isinstance(dateline_days, int) or isinstance(dateline_days, bool) or dateline_days < 0:
        raise ConfigError(f"{path}: 'dateline_days' must be a whole number >= 0")
    limit = data.get("max_sentences")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ConfigError(f"{path}: 'max_sentences' must be a whole number >= 0")

    def words(key: str) -> tuple[str, ...]:
        return _lower_list(data, key, path)

    return ReferenceWords(
        determiners=frozenset(words("determiners")),
        same_words=frozenset(words("same_words")),
        standing_agents=frozenset(words("standing_agents")),
        instrument_prepositions=frozenset(words("instrument_prepositions")),
        max_sentences=limit,
        news_day_days=news_days,
        dateline_days=dateline_days,
        event_nouns={str(k).lower(): str(v) for k, v in nouns.items()},
        after_words=words("after_words"),
        before_words=words("before_words"),
        naming_words=words("naming_words"),
        ambiguous_after_words=words("ambiguous_after_words"),
        day_phrase_ends=words("day_phrase_ends"),
        same_day_units=words("same_day_units"),
        next_words=words("next_words"),
        previous_words=words("previous_words"),
        day_words=words("day_words"),
        whole_units=words("whole_units"),
        same_day_phrases=words("same_day_phrases"),
        speech_verbs=frozenset(words("speech_verbs")),
        said_acts=frozenset(_said_acts(data, path, event_types)),
    )


def _said_acts(data: Mapping[str, Any], path: Path, event_types: Collection[str]) -> list[str]:
    acts = data.get("said_acts", [])
    if not isinstance(acts, list) or not all(a in event_types for a in acts):
        raise ConfigError(f"{path}: 'said_acts' must list declared event types")
    return [str(a) for a in acts]
