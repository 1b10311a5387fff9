"""Language detection reads a bounded sample of the clean text (speed), with the same results."""

from __future__ import annotations

from pathlib import Path

import langdetect
import pytest
import spacy.lang

from newsevents import bench
from newsevents.errors import ConfigError
from newsevents.ingest import iter_inputs
from newsevents.ingest.language import (
    _langdetect,
    clearly_english,
    load_english_test,
    parse_english_test,
)
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
    assert detect_language((GERMAN + "\n\n") * 40) == "de"
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


# --- the cheap English test before langdetect -----------------------------------------------


def test_clear_english_skips_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[str] = []
    monkeypatch.setattr(langdetect, "detect_langs", lambda text: called.append(text) or [])
    assert detect_language((BODY + "\n\n") * 40) == "en"
    assert called == []


def _english_texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    texts = bench.make_corpus(30)
    for folder in ("examples/articles", "tests/data/articles", "tests/data/merge_corpus"):
        texts += [a.text for a in iter_inputs([str(root / folder)]) if isinstance(a, Article)]
    return texts


def test_shortcut_agrees_with_langdetect() -> None:
    """Every sample of our English corpora the word test calls English, langdetect also calls
    English; and the test takes most of them (else it would save nothing)."""
    samples = [language_sample(t) for t in _english_texts()]
    shortcut = [s for s in samples if clearly_english(s)]
    assert len(shortcut) >= 0.8 * len(samples)
    assert [s[:60] for s in shortcut if _langdetect(s) != "en"] == []


def _other_languages() -> list[str]:
    folder = Path(spacy.lang.__file__).parent
    return sorted(
        p.name
        for p in folder.iterdir()
        if (p / "examples.py").is_file() and p.name not in {"en", "xx"}
    )


@pytest.mark.parametrize("lang", _other_languages())
def test_other_languages_go_to_langdetect(lang: str) -> None:
    """spaCy's example sentences of each other language never pass as clear English."""
    module = __import__(f"spacy.lang.{lang}.examples", fromlist=["sentences"])
    text = " ".join(module.sentences)
    assert not clearly_english(language_sample(text))
    assert not clearly_english(language_sample(" ".join([text] * 5)))


@pytest.mark.parametrize(
    ("sample", "english"),
    [
        ("The minister said that the talks would resume after the election. " * 4, True),
        ("The talks.", False),  # too few words: langdetect decides
        ("Paris Lima Nairobi Ankara Tokyo Berlin Cairo Warsaw Abuja Brasilia. " * 4, False),
        ((GERMAN + " ") * 3, False),
        # an English lead, then German: not clear, langdetect decides
        (BODY[:500] + " " + GERMAN + " " + GERMAN, False),
    ],
)
def test_clearly_english(sample: str, english: bool) -> None:
    assert clearly_english(sample) is english


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"words": [], "min_words": 3, "min_share": 0.2},
        {"words": ["the", 3], "min_words": 3, "min_share": 0.2},
        {"words": ["the"], "min_words": 0, "min_share": 0.2},
        {"words": ["the"], "min_words": True, "min_share": 0.2},
        {"words": ["the"], "min_words": 3, "min_share": 1.5},
        {"words": ["the"], "min_words": 3},
    ],
)
def test_english_test_schema(data: object) -> None:
    with pytest.raises(ConfigError):
        parse_english_test(data, "x.yaml")


def test_packaged_english_test_loads() -> None:
    test = load_english_test()
    assert "the" in test.words and test.min_words > 0 and 0 < test.min_share <= 1
