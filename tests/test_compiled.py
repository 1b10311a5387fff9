"""The compiled cache: built once, read back, rebuilt when a source changes or the entry is
damaged, and never an error when the folder cannot be written."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from newsevents import api, compiled


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSEVENTS_CACHE", raising=False)
    return tmp_path / "cache"


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, object]:
        self.calls += 1
        return {"view": MappingProxyType({"a": (1, 2)}), "n": self.calls}


def test_built_once_then_read(folder: Path) -> None:
    build = Builder()
    first = compiled.cached("demo", dict, build)
    second = compiled.cached("demo", dict, build)
    assert build.calls == 1
    assert second == first
    assert isinstance(second["view"], MappingProxyType)  # read-only views stay read-only
    assert len(list(folder.glob("demo-*.pickle"))) == 1


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_damaged_entry_is_rebuilt(folder: Path, damage: bytes) -> None:
    build = Builder()
    compiled.cached("demo", dict, build)
    (entry,) = folder.glob("demo-*.pickle")
    entry.write_bytes(damage)
    assert compiled.cached("demo", dict, build)["n"] == 2
    assert compiled.cached("demo", dict, build)["n"] == 2  # and stored again


def test_wrong_kind_is_rebuilt(folder: Path) -> None:
    compiled.cached("demo", list, lambda: [1])  # the same entry holds another kind
    build = Builder()
    assert compiled.cached("demo", dict, build)["n"] == 1


def test_user_file_change_makes_a_new_entry(folder: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("a: 1\n", encoding="utf-8")
    build = Builder()
    compiled.cached("demo", dict, build, files=[user])
    user.write_text("a: 2\n", encoding="utf-8")
    compiled.cached("demo", dict, build, files=[user])
    assert build.calls == 2
    assert len(list(folder.glob("demo-*.pickle"))) == 1  # the old version is removed


def test_other_options_keep_their_own_entry(folder: Path) -> None:
    build = Builder()
    compiled.cached("demo", dict, build, options=["learned=True"])
    compiled.cached("demo", dict, build, options=["learned=False"])
    compiled.cached("demo", dict, build, options=["learned=True"])
    assert build.calls == 2


def test_unwritable_folder_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(blocker / "cache"))  # under a file
    build = Builder()
    assert compiled.cached("demo", dict, build)["n"] == 1
    assert compiled.cached("demo", dict, build)["n"] == 2


def test_turned_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE", "0")
    build = Builder()
    compiled.cached("demo", dict, build)
    compiled.cached("demo", dict, build)
    assert build.calls == 2
    assert not folder.exists()


def test_missing_user_file_is_the_loaders_error(folder: Path, tmp_path: Path) -> None:
    def build() -> dict[str, int]:
        raise FileNotFoundError("the loader's own message")

    with pytest.raises(FileNotFoundError, match="loader's own"):
        compiled.cached("demo", dict, build, files=[tmp_path / "missing.yaml"])


@pytest.mark.slow
def test_resources_from_the_cache_code_alike(folder: Path) -> None:
    """The resources read back from the cache code an article as freshly built ones do."""
    # (the accented capital: the cache once read the country table back as a plain dict,
    # which lost the accent-folding lookup, and coded Asunción as Chile)
    text = (
        "Kenyan police arrested 20 protesters in Nairobi on Tuesday, officials said. "
        "Chile accused Asunción of meddling in the border talks."
    )
    fresh = api.load_resources(learned=False)  # builds and writes the entry
    assert list(folder.glob("resources-*.pickle"))
    cached = api.load_resources(learned=False)
    assert cached.codebook is not fresh.codebook
    assert cached.gazetteer.cities.keys() == fresh.gazetteer.cities.keys()
    ours, theirs = (
        [
            (e.event, e.trigger, e.actor, e.recipient)
            for doc in api.analyze_texts([(text, "2021-06-01")], resources=r)
            for e in doc.events
        ]
        for r in (fresh, cached)
    )
    assert ours == theirs
    assert ours
    assert any(a.code == "PRY" for _, _, _, recipient in ours for a in recipient)
