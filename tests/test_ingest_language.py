"""Language detection reads a bounded sample of the clean text (speed), with the same results."""

from __future__ import annotations

from pathlib import Path

import langdetect
import pytest

from newsevents.ingest import iter_inputs
from newsevents.ingest.readers import LANGUAGE_SAMPLE, detect_language, language_sample
from newsevents.model import Article, Skip
from test_ingest import BODY, GERMAN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("short text", "short text"),
        ("word " * 10, "word " * 10),
        ("abcd " * 1000, ("abcd " * 300).rstrip()),  # cut at the last space before the limit
        ("x" * 5000, "x" * LANGUAGE_SAMPLE),  # no space at all: a hard cut
    ],
)
def test_language_sample(text: str, expected: str) -> None:
    sample = language_sample(text)
    assert sample == expected
    assert len(sample) <= LANGUAGE_SAMPLE


def test_detector_reads_only_the_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = langdetect.detect_langs

    def spy(text: str) -> list[object]:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(langdetect, "detect_langs", spy)
    assert detect_language((BODY + "\n\n") * 40) == "en"
    assert seen and max(seen) <= LANGUAGE_SAMPLE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ((BODY + "\n\n") * 40, "en"),
        ((GERMAN + "\n\n") * 20, "de"),
        # the opening decides: an English article quoting a long German statement at its end
        ((BODY + "\n\n") * 12 + (GERMAN + "\n\n") * 10, "en"),
    ],
)
def test_long_texts_same_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_iter_inputs_languages_unchanged(tmp_path: Path) -> None:
    (tmp_path / "a_en.txt").write_text((BODY + "\n\n") * 30)
    (tmp_path / "b_de.txt").write_text((GERMAN + "\n\n") * 15)
    en, de = list(iter_inputs([str(tmp_path)]))
    assert isinstance(en, Article) and en.language == "en"
    assert isinstance(de, Skip) and "'de'" in de.reason
