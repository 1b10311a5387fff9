"""Language detection on the opening of an article's clean text.

A cheap word test first (:func:`clearly_english`, its words in ``data/language.yaml``):
a sample full of English function words is English without asking langdetect, which costs
about 2 ms of CPU an article. Every other sample is langdetect's decision, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import ConfigError
from ..resources import read_yaml
from .clean import data_file

LANGUAGE_SAMPLE = 1500  # characters of clean text the language is detected on

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class EnglishTest:
    """The word test of ``data/language.yaml``."""

    words: frozenset[str]
    min_words: int
    min_share: float


def parse_english_test(data: Any, where: str = "language.yaml") -> EnglishTest:
    """Shape-check the word test (a mapping as in ``data/language.yaml``)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping with words, min_words, min_share")
    words, min_words, min_share = data.get("words"), data.get("min_words"), data.get("min_share")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise ConfigError(f"{where}: words must be a non-empty list of strings")
    if not isinstance(min_words, int) or isinstance(min_words, bool) or min_words < 1:
        raise ConfigError(f"{where}: min_words must be a positive integer")
    if not isinstance(min_share, int | float) or not 0 < min_share <= 1:
        raise ConfigError(f"{where}: min_share must be a number in (0, 1]")
    return EnglishTest(frozenset(w.lower() for w in words), min_words, float(min_share))


@lru_cache(maxsize=1)
def load_english_test() -> EnglishTest:
    """The packaged word test (cached)."""
    path = data_file("language.yaml")
    return parse_english_test(read_yaml(path), str(path))


def language_sample(text: str, size: int = LANGUAGE_SAMPLE) -> str:
    """The first ``size`` characters of ``text``, cut at a space so no word is split.

    Language detection costs time in proportion to the text it reads; an article's opening
    paragraphs tell its language as well as the whole does (chrome is already gone).
    """
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size + 1)
    return text[: cut if cut > size // 2 else size]


def clearly_english(sample: str, test: EnglishTest | None = None) -> bool:
    """Whether ``sample`` has enough words and, in each of its halves, enough of them
    English function words."""
    test = test or load_english_test()
    words = _WORD.findall(sample.lower())
    if len(words) < test.min_words:
        return False
    half = len(words) // 2
    return all(
        sum(1 for w in part if w in test.words) >= test.min_share * len(part)
        for part in (words[:half], words[half:])
    )


def detect_language(text: str) -> str | None:
    """Language code of ``text``: "en" when :func:`language_sample` is clearly English, else
    langdetect's on that sample, seeded for determinism (None if unsure)."""
    sample = language_sample(text)
    if clearly_english(sample):
        return "en"
    return _langdetect(sample)


def warm_up() -> None:
    """Load langdetect's language profiles now (about 0.3 s of CPU, once per process; otherwise the
    first article the word test leaves to langdetect pays it). The bench counts it as load."""
    _langdetect("warm up")


def _langdetect(sample: str) -> str | None:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        langs = detect_langs(sample)
    except LangDetectException:
        return None
    if not langs:
        return None
    # langdetect is unreliable on a few words: a short text is only called non-English when
    # the detector is nearly sure, so a short English article is not skipped by mistake
    if langs[0].lang != "en" and len(sample) < 200 and langs[0].prob < 0.99:
        return None
    return str(langs[0].lang)
