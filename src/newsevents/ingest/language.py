"""Language detection on the opening of an article's clean text."""

from __future__ import annotations

LANGUAGE_SAMPLE = 1500  # characters of clean text the language is detected on


def language_sample(text: str, size: int = LANGUAGE_SAMPLE) -> str:
    """The first ``size`` characters of ``text``, cut at a space so no word is split.

    Language detection costs time in proportion to the text it reads; an article's opening
    paragraphs tell its language as well as the whole does (chrome is already gone).
    """
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size + 1)
    return text[: cut if cut > size // 2 else size]


def detect_language(text: str) -> str | None:
    """Language code of ``text`` via langdetect on :func:`language_sample`, seeded for
    determinism (None if unsure)."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    sample = language_sample(text)
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
