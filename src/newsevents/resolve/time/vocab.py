"""Everything the time resolver knows, loaded once: :func:`load_time_vocab`."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ConfigError
from ..datelines import read_datelines
from .grammar import Patterns, compile_patterns
from .holidays import Holidays, load_holidays
from .words import ReferenceWords, Vocab, load_reference_words, load_vocab


@dataclass(frozen=True)
class TimeVocab:
    """The words of the time files, the grammar compiled from them, and the holidays."""

    words: Vocab
    reference: ReferenceWords
    patterns: Patterns
    holidays: Holidays
    # place_dateline.tsv: the dateline's date is the report's day, never an event's
    datelines: tuple[re.Pattern[str], ...] = field(default=())
    # the shared lexicon's verbs of naming: "struck what X called hideouts late on Sunday"
    # dates the strike
    naming_verbs: frozenset[str] = field(default=frozenset())


def load_time_vocab(
    event_types: Collection[str] | None = None,
    *,
    vocab_path: Path | None = None,
    reference_path: Path | None = None,
    holidays_path: Path | None = None,
    naming_verbs: Collection[str] = (),
) -> TimeVocab:
    """Read ``time_vocab.yaml`` and ``time_reference.yaml`` (or the given files), check their
    shape (event nouns must name one of ``event_types``, by default the packaged
    declarations) and compile the grammar."""
    words = load_vocab(vocab_path)
    reference = load_reference_words(reference_path, event_types)
    for unit in reference.whole_units:
        if words.units.get(unit) not in ("week", "month"):
            raise ConfigError(
                f"{reference_path or 'time_reference.yaml'}: whole_units: {unit!r} must be a "
                "week or month unit word of time_vocab.yaml"
            )
    patterns = compile_patterns(words, reference)
    return TimeVocab(
        words,
        reference,
        patterns,
        load_holidays(holidays_path),
        read_datelines(),
        frozenset(naming_verbs),
    )
