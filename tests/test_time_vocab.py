"""The time word files: they load, and a bad shape is a ConfigError naming file and key."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from newsevents.errors import ConfigError
from newsevents.resolve.time import find_times, load_reference_words, load_time_vocab, load_vocab


def test_vocab_loads(time_vocab):
    v = time_vocab.words
    assert v.weekdays["Friday"] == 4 and v.months["Dec."] == 12
    assert v.units["weeks"] == "week" and v.clock_words["noon"] == "12:00"
    assert "on" in v.modifier_prepositions  # quoted in YAML: a bare `on` is a boolean


def _packaged(name: str) -> dict:
    path = resources.files("newsevents.resolve") / "data" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_vocab_shape_error(tmp_path: Path):
    bad = tmp_path / "v.yaml"
    bad.write_text("weekdays: {Monday: 9}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_vocab(bad)


# (key, bad value, words the message must hold)
BAD_VOCAB = [
    ("units", {"fortnight": "fortnight"}, "'units'"),
    ("months", {"Jan": 13}, "month numbers"),
    ("seasons", {"summer": [6]}, "'seasons'"),
    ("relative_days", {"today": "now"}, "'relative_days'"),
    ("modifier_prepositions", ["in", True], "'modifier_prepositions'"),
    ("clock_words", {"noon": "midday"}, "'clock_words'"),
    ("clock_suffixes", {"pm": "evening"}, "'clock_suffixes'"),
    ("be_verbs", None, "'be_verbs'"),
]


@pytest.mark.parametrize(("key", "value", "message"), BAD_VOCAB)
def test_vocab_bad_key_is_named(tmp_path: Path, key, value, message):
    data = _packaged("time_vocab.yaml")
    data[key] = value
    path = _write(tmp_path, "time_vocab.yaml", data)
    with pytest.raises(ConfigError, match=message) as err:
        load_vocab(path)
    assert str(path) in str(err.value)


def test_reference_words_shape_error(tmp_path: Path):
    bad = tmp_path / "ref.yaml"
    bad.write_text("event_nouns: {strike: BOMBING}\nmax_sentences: 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="event_nouns"):
        load_reference_words(bad)


def test_event_nouns_may_name_a_declared_type(tmp_path: Path):
    """A type declared in a codebook (not in the packaged ones) is a valid event noun type."""
    data = _packaged("time_reference.yaml")
    data["event_nouns"]["stampede"] = "STAMPEDE"
    path = _write(tmp_path, "time_reference.yaml", data)
    with pytest.raises(ConfigError, match="event_nouns"):
        load_reference_words(path)
    declared = {*data["event_nouns"].values(), *data["said_acts"], "STAMPEDE"}
    words = load_reference_words(path, event_types=declared)
    assert words.event_nouns["stampede"] == "STAMPEDE"


def test_whole_units_must_be_week_or_month_units(tmp_path: Path):
    data = _packaged("time_reference.yaml")
    data["whole_units"] = ["week", "year"]
    path = _write(tmp_path, "time_reference.yaml", data)
    with pytest.raises(ConfigError, match="whole_units"):
        load_time_vocab(reference_path=path)


def test_a_new_word_needs_no_code(tmp_path: Path, parse):
    """A word added to the data file is matched with no change of code."""
    data = _packaged("time_vocab.yaml")
    data["weekdays"]["Weds"] = 2
    tv = load_time_vocab(vocab_path=_write(tmp_path, "time_vocab.yaml", data))
    text = "Officials met on Weds to discuss the budget."
    times = find_times(parse(text, "2023-02-28"), tv)
    assert [(t.span.of(text), t.value) for t in times] == [("Weds", "2023-02-22")]


def test_said_acts_must_be_declared_types(tmp_path):
    src = Path(str(resources.files("newsevents.resolve") / "data" / "time_reference.yaml"))
    path = tmp_path / "time_reference.yaml"
    path.write_text(
        src.read_text(encoding="utf-8").replace("said_acts: [AGREE,", "said_acts: [GREET,"),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="said_acts"):
        load_reference_words(path)
