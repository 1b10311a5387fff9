"""Temporal expressions: find them, normalise them against the publication date, date events.

Written by hand on top of the spaCy parse because the libraries get news dates wrong:
dateparser ignores a weekday given with a date ("Wednesday 8 January" published on
2020-01-03 becomes 2019-01-08, a Tuesday) and picks the direction of a bare weekday or a
date without a year from its settings, not from the clause's tense; HeidelTime needs a
Java runtime and also resolves weekdays without looking at the verb. The normaliser is the
stdlib ``datetime``/``calendar`` plus two word files (``resolve/data/time_vocab.yaml``,
``resolve/data/time_reference.yaml``) loaded once by :func:`load_time_vocab`.

Granularity is kept: a day, a week (Monday..Sunday range), a month ("2019-12"), a year
("2019"), or a range (``end`` set: "over the weekend", "since 2018", "between 2015 and 2018").

Modules: ``words`` (the word files), ``grammar`` (the patterns), ``raw`` (reading a match),
``calendar`` (anchoring), ``tense`` (a clause's direction), ``scan`` (finding expressions),
``relative`` (expressions counted from an event), ``publication`` (inferring the
publication date), ``attach`` / ``reference`` / ``dating`` (dating events).
"""

from .dating import resolve_dates
from .publication import infer_publication
from .relative import Relative, find_relative
from .scan import find_times
from .vocab import TimeVocab, load_time_vocab
from .words import ReferenceWords, Vocab, load_reference_words, load_vocab

__all__ = [
    "ReferenceWords",
    "Relative",
    "TimeVocab",
    "Vocab",
    "find_relative",
    "find_times",
    "infer_publication",
    "load_reference_words",
    "load_time_vocab",
    "load_vocab",
    "resolve_dates",
]
