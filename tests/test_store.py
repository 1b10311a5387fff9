"""The SQLite store: migrations, idempotent saves, skips, merge results, JSON round trip."""

from __future__ import annotations

import sqlite3

import pytest

from newsevents.errors import StoreError
from newsevents.model import (
    Actor,
    Article,
    Discrepancy,
    Document,
    Event,
    EventMention,
    MergeResult,
    Place,
    Quantity,
    Skip,
    SourceValue,
    Span,
    Story,
    from_data,
    to_data,
)
from newsevents.store import SCHEMA_VERSION, Store

TEXT = "Rebels attacked a convoy near Gao on Tuesday. The army said 12 soldiers were killed."


def make_doc(article_id: str = "a1", text: str = TEXT) -> Document:
    article = Article(id=article_id, source="t.txt", format="txt", text=text, raw=text.encode())
    mention = EventMention(
        article_id=article_id,
        index=0,
        sentence=Span(0, 45),
        trigger=Span(7, 15),
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
        actor=(Actor(Span(0, 6), "rebels", None, "REB"),),
        quantities=(Quantity("killed", 12, False, Span(61, 63)),),
        location=Place("Gao", "MLI", 16.27, -0.04, "city", Span(30, 33)),
        date="2024-03-05",
        date_precision="day",
        date_source="text",
    )
    return Document(article=article, sentences=[Span(0, 45), Span(46, len(text))], events=[mention])


def test_migrates_to_current_schema_version(db_path):
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
    raw = sqlite3.connect(db_path)
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "sentences", "entity_mentions", "mentions", "events", "runs"} <= tables
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_save_document_is_idempotent_on_article_id(db_path):
    with Store(db_path) as store:
        assert store.save_document(make_doc()) is True
        assert store.save_document(make_doc()) is False
        counts = store.counts()
    assert counts["articles"] == 1
    assert counts["mentions"] == 1
    assert counts["sentences"] == 2


def test_mentions_round_trip_through_json(db_path):
    doc = make_doc()
    with Store(db_path) as store:
        store.save_document(doc)
        (loaded,) = store.mentions()
    assert loaded == doc.events[0]
    assert loaded.sentence.of(TEXT) == "Rebels attacked a convoy near Gao on Tuesday."


def test_merge_results_replace_previous_ones(db_path):
    doc = make_doc()
    value = SourceValue("12", "a1:0", "a1", "Wire", Span(46, len(TEXT)))
    event = Event(
        id="e1",
        story_id="s1",
        mention_ids=("a1:0",),
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
        discrepancies=(Discrepancy("killed", (value,)),),
        framing=(("Wire", ("attack",)),),
    )
    with Store(db_path) as store:
        store.save_document(doc)
        store.save_merge(MergeResult(stories=(Story("s1", ("a1",), "Mali"),), events=(event,)))
        store.save_merge(MergeResult(stories=(Story("s1", ("a1",), "Mali"),), events=(event,)))
        assert store.events() == [event]
        assert store.stories()[0].label == "Mali"
        assert store.counts()["events"] == 1


def test_skips_are_recorded_with_their_run(db_path):
    with Store(db_path) as store:
        run = store.start_run("analyze", {"paths": ["x"]})
        store.record_skip(Skip("bad.pdf", "PDF has no text layer"), run)
        store.finish_run(run, status="done", read=1, stored=0, skipped=1, events=0)
        assert store.skips(run) == [Skip("bad.pdf", "PDF has no text layer")]
        assert store.runs()[0].status == "done"


def test_readonly_open_of_missing_database_says_how_to_fix(tmp_path):
    with pytest.raises(StoreError, match="newsevents analyze"):
        Store(tmp_path / "missing.db", readonly=True)


def test_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(bad)


def test_newer_schema_is_refused(db_path):
    Store(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="upgrade newsevents"):
        Store(db_path)


@pytest.mark.parametrize(
    "obj",
    [
        Span(1, 4),
        Actor(Span(0, 3), "Mali", "MLI", "GOV", "e1"),
        Place("Gao", "MLI", None, None, "country"),
        make_doc().events[0],
    ],
)
def test_model_to_data_from_data_round_trip(obj):
    assert from_data(type(obj), to_data(obj)) == obj
