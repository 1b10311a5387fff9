"""The growth loop: `actors --unresolved` lists the phrases the coder could not code, with a
stub to fill in; `recode` runs the pipeline again on the stored articles with the user's files.

The articles are small, hand-written and about invented parties (the "Velmoran Liberation
Front", "Olumide Tarkvasta"), so no packaged dictionary can know them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsevents import api
from newsevents.cli import main
from newsevents.errors import ConfigError, StoreError
from newsevents.model import to_data
from newsevents.resolve.actors import load_actor_dictionary
from newsevents.store import Store

ARTICLES = {
    "border-raid.txt": """---
title: Raid on a border post
outlet: Test Wire
published: 2024-03-04
---
The Velmoran Liberation Front attacked an army post in northern Chad on Sunday, killing four
soldiers, officials said.

The government of Chad accused the Velmoran Liberation Front of smuggling weapons across the
border.

"We will not let them burn our villages," said Olumide Tarkvasta, a spokesman for the Sahel
Citizens Council.

Tarkvasta condemned the raid and urged the Velmoran Liberation Front to free the hostages.
""",
    "talks-refused.txt": """---
title: Offer of talks refused
outlet: Other Daily
published: 2024-03-06
---
The Velmoran Liberation Front rejected an offer of talks from the Chadian government on
Tuesday.
""",
}

VLF = "Velmoran Liberation Front"
TARKVASTA = "Olumide Tarkvasta"


@pytest.fixture(scope="module")
def built(tmp_path_factory, resources) -> Path:
    """A database of the two articles, analysed once (copy it before writing)."""
    folder = tmp_path_factory.mktemp("growth")
    inputs = folder / "articles"
    inputs.mkdir()
    for name, text in ARTICLES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    db = folder / "events.db"
    summary = api.analyze([str(inputs)], db, resources=resources)
    assert summary.stored == len(ARTICLES) and not summary.skipped
    return db


@pytest.fixture
def db(built, tmp_path) -> Path:
    """A private copy of the analysed database, to write to."""
    copy = tmp_path / "copy.db"
    with Store(built) as store:  # fold the WAL into the file before copying it
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(built, copy)
    return copy


def _filled(db: Path, codes: dict[str, tuple[str, str]], out: Path) -> Path:
    """The --yaml stub file of ``db`` with the given (code, sector) filled in; the other
    entries deleted, as a user would."""
    data = yaml.safe_load(api.actors_yaml(api.unresolved_actors(db), db))
    kept = []
    for entry in data["actors"]:
        if entry["name"] in codes:
            entry["code"], entry["sector"] = codes[entry["name"]]
            kept.append(entry)
    out.write_text(yaml.safe_dump({"actors": kept}, sort_keys=False), encoding="utf-8")
    return out


def _state(db: Path) -> dict:
    with Store(db, readonly=True) as store:
        return {
            "articles": [to_data(a) for a in store.articles()],
            "mentions": [to_data(m) for m in store.mentions()],
            "quotes": [to_data(q) for q in store.quotes()],
            "entities": {k: [to_data(e) for e in v] for k, v in store.entities().items()},
            "events": [to_data(e) for e in store.events()],
            "runs": len(store.runs()),
        }


def _codes_of(db: Path, name: str) -> set[str | None]:
    """The codes the actors and recipients written ``name`` (or "the ``name``") got."""
    with Store(db, readonly=True) as store:
        return {
            a.code
            for m in store.mentions()
            for a in (*m.actor, *m.recipient)
            if a.name.removeprefix("the ").removeprefix("The ") == name
        }


# --- actors --unresolved ------------------------------------------------------------------


def test_unresolved_phrases_are_listed_by_frequency_with_counts_and_stubs(built):
    found = api.unresolved_actors(built)
    by_phrase = {a.phrase: a for a in found}
    assert VLF in by_phrase and TARKVASTA in by_phrase, [a.phrase for a in found]
    counts = [a.count for a in found]
    assert counts == sorted(counts, reverse=True)
    vlf = by_phrase[VLF]
    # (the condemned raid now stands for its doer, coded with the country its attack got)
    assert vlf.count >= 2 and vlf.articles == 2
    assert {"actor", "recipient"} <= set(vlf.roles)
    assert "REJECT" in vlf.event_types
    texts = [" ".join(t.split()) for t in ARTICLES.values()]
    assert VLF in vlf.sample and any(vlf.sample in t for t in texts)
    # the surname used later is the same entity: counted under the full name, an alias
    tark = by_phrase[TARKVASTA]
    assert "Tarkvasta" not in by_phrase
    # his condemnation and call take the article's own country now (the setting counts the
    # countries of the parties it names, sixth session), so only his quote is left uncoded
    assert "speaker" in tark.roles and tark.count >= 1
    entry = yaml.safe_load(tark.stub)[0]
    # (his surname's mentions are coded now, so the stub no longer needs it as an alias)
    assert entry == {
        "name": TARKVASTA,
        "aliases": [],
        "code": None,
        "sector": entry["sector"],
        "kind": "PERSON",
    }
    # pronouns are resolved from the text, never listed
    assert not {"We", "we", "them", "it"} & set(by_phrase)


def test_limit_keeps_the_most_frequent(built):
    everything = api.unresolved_actors(built)
    assert api.unresolved_actors(built, limit=1) == everything[:1]


def test_yaml_stubs_are_one_actors_file_refused_until_codes_are_filled(built, tmp_path):
    found = api.unresolved_actors(built)
    text = api.actors_yaml(found, built)
    data = yaml.safe_load(text)
    assert [e["name"] for e in data["actors"]] == [a.phrase for a in found]
    unedited = tmp_path / "stubs.yaml"
    unedited.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="code must be"):
        load_actor_dictionary([unedited])
    filled = _filled(built, {VLF: ("TCD", "REB")}, tmp_path / "mine.yaml")
    assert any(e.name == VLF and e.code == "TCD" for e in load_actor_dictionary([filled]).entries)


def test_store_lists_only_uncoded_participants_with_their_sentence(built):
    with Store(built, readonly=True) as store:
        every = store.participants()
        uncoded = store.participants(uncoded=True)
        assert uncoded and len(uncoded) < len(every)
        for p in uncoded:
            sentence = store.text_of(p.article_id, p.sentence)
            assert p.name.removesuffix("'s") in sentence


# --- recode ---------------------------------------------------------------------------------


def test_recode_with_the_filled_stub_gives_the_actors_codes(db, tmp_path, monkeypatch):
    assert None in _codes_of(db, VLF)
    filled = _filled(db, {VLF: ("TCD", "REB"), TARKVASTA: ("NGO", "CVL")}, tmp_path / "m.yaml")

    def no_reading(*args, **kwargs):
        raise AssertionError("recode must not read or ingest the inputs again")

    for name in ("iter_inputs", "read_article", "article_from_text"):
        monkeypatch.setattr(api.ingest, name, no_reading)
    summary = api.recode(db, actors=[filled])
    assert summary.recoded == summary.articles == len(ARTICLES)
    assert summary.unresolved_after < summary.unresolved_before
    assert _codes_of(db, VLF) == {"TCD"}
    assert _codes_of(db, "Tarkvasta") == {"NGO"}
    left = {a.phrase for a in api.unresolved_actors(db)}
    assert VLF not in left and TARKVASTA not in left
    # the merged events carry the new codes too
    with Store(db, readonly=True) as store:
        assert any(a.code == "TCD" and VLF in a.name for e in store.events() for a in e.actor)


def test_recode_is_idempotent_keeps_ids_and_equals_a_fresh_analysis(db, tmp_path, resources):
    filled = _filled(db, {VLF: ("TCD", "REB")}, tmp_path / "m.yaml")
    before = _state(db)
    res = api.load_resources(actors=[filled])
    api.recode(db, res)
    once = _state(db)
    api.recode(db, res)
    twice = _state(db)
    assert once["articles"] == twice["articles"] == before["articles"]  # ids and metadata
    assert [m["article_id"] for m in once["mentions"]] == [
        m["article_id"] for m in before["mentions"]
    ]
    assert {k: v for k, v in once.items() if k != "runs"} == {
        k: v for k, v in twice.items() if k != "runs"
    }
    assert once["mentions"] != before["mentions"]  # the file did change something
    # recoding gives what analysing the same articles afresh with the file gives
    fresh = tmp_path / "fresh.db"
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name, text in ARTICLES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    api.analyze([str(inputs)], fresh, resources=res)
    again = _state(fresh)
    for key in ("mentions", "quotes", "entities", "events"):
        assert again[key] == once[key], key


def test_recode_without_files_changes_nothing_but_the_run_log(db, resources):
    before = _state(db)
    api.recode(db, resources)  # the resources the database was analysed with
    after = _state(db)
    assert after["runs"] == before["runs"] + 1
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"
    }


@pytest.mark.parametrize(
    "content",
    [
        "actors:\n  - {name: Velmoran Liberation Front, code: null}\n",  # an unfilled stub
        "actors:\n  - {name: Velmoran Liberation Front, code: TCD, sector: NOPE}\n",
        "actors: [unclosed\n",  # not YAML
        "people: []\n",  # not an actors file
    ],
)
def test_a_bad_actors_file_is_a_one_line_error_and_changes_nothing(db, tmp_path, content):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    before = _state(db)
    result = CliRunner().invoke(main, ["recode", "--db", str(db), "--actors", str(bad)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("newsevents:")]
    assert len(errors) == 1 and str(bad) in errors[0], result.output
    assert _state(db) == before  # not even a run recorded


def test_recode_of_a_missing_database_creates_nothing(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no database"):
        api.recode(missing)
    assert not missing.exists()


def test_replace_annotations_of_an_unknown_article_writes_nothing(db, analyze):
    doc = analyze("The Velmoran Liberation Front attacked a village on Monday.")
    before = _state(db)
    with Store(db) as store:
        assert store.replace_annotations(doc) is False
    assert _state(db) == before


# --- the commands ---------------------------------------------------------------------------


def test_cli_lists_unresolved_phrases_and_prints_the_stub_file(built):
    runner = CliRunner()
    listed = runner.invoke(main, ["actors", "--unresolved", "--db", str(built), "--limit", "5"])
    assert listed.exit_code == 0, listed.output
    assert VLF in listed.output and "code: null" in listed.output
    as_yaml = runner.invoke(main, ["actors", "--unresolved", "--db", str(built), "--yaml"])
    assert as_yaml.exit_code == 0, as_yaml.output
    assert [e["name"] for e in yaml.safe_load(as_yaml.stdout)["actors"]][:2] == [
        a.phrase for a in api.unresolved_actors(built, limit=2)
    ]


def test_cli_actors_without_a_listing_is_a_one_line_error(built):
    result = CliRunner().invoke(main, ["actors", "--db", str(built)])
    assert result.exit_code == 2
    assert result.output.count("newsevents: error:") == 1


def test_cli_recode_reports_what_changed(db, tmp_path):
    filled = _filled(db, {VLF: ("TCD", "REB")}, tmp_path / "m.yaml")
    result = CliRunner().invoke(main, ["recode", "--db", str(db), "--actors", str(filled)])
    assert result.exit_code == 0, result.output
    assert f"recoded {len(ARTICLES)} of {len(ARTICLES)} stored article(s)" in result.output


def test_an_article_whose_recode_fails_keeps_its_coding_and_is_a_recorded_skip(
    db, tmp_path, monkeypatch
):
    from newsevents import pipeline

    class FailsOnTalks(pipeline.Pipeline):
        def __call__(self, doc):
            if "talks" in (doc.article.title or ""):
                raise ValueError("a coder bug")
            return super().__call__(doc)

    monkeypatch.setattr(api, "Pipeline", FailsOnTalks)
    before = _state(db)
    filled = _filled(db, {VLF: ("TCD", "REB")}, tmp_path / "m.yaml")
    summary = api.recode(db, actors=[filled])
    assert summary.recoded == len(ARTICLES) - 1
    assert [s.reason for s in summary.skipped] == ["recode failed: ValueError: a coder bug"]
    after = _state(db)
    talks = {a["id"] for a in after["articles"] if "talks" in a["title"]}
    kept = [m for m in after["mentions"] if m["article_id"] in talks]
    assert kept == [m for m in before["mentions"] if m["article_id"] in talks]
    assert any(m["article_id"] not in talks for m in after["mentions"])
    assert after["mentions"] != before["mentions"]  # the other article was recoded
    with Store(db, readonly=True) as store:
        assert len(store.skips()) == 1
