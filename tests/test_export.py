"""Export formats. plover-jsonl is a public contract: a golden file pins it.

Regenerate them deliberately with ``NEWSEVENTS_UPDATE_GOLDEN=1 pytest tests/test_export.py``
and say why in the commit.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from newsevents.model import (
    Actor,
    Article,
    Discrepancy,
    Event,
    EventMention,
    Figure,
    FigureRange,
    Place,
    Quantity,
    SourceValue,
    Span,
)
from newsevents.report import export

GOLDEN = Path(__file__).parent / "data" / "golden"

TEXT_A = (
    "Government troops shelled rebel positions outside Goma on Sunday, killing at least 14 "
    "fighters. The army said the operation would continue."
)
TEXT_B = "The army bombarded rebel camps near Goma over the weekend, killing 17 people."


def corpus():
    a = Article(
        id="aaaa", source="a.txt", format="txt", text=TEXT_A, title="Shelling near Goma",
        outlet="Lakes Wire", url="https://example.org/a", published="2023-05-02",
    )  # fmt: skip
    b = Article(
        id="bbbb", source="b.html", format="html", text=TEXT_B, title="Army bombards camps",
        outlet="Kivu Daily", url=None, published="2023-05-03",
    )  # fmt: skip
    sa = Span(0, TEXT_A.index(".") + 1)
    sb = Span(0, len(TEXT_B))
    goma = Place("Goma", "COD", -1.6792, 29.2228, "city", None, 216281)
    ma = EventMention(
        article_id="aaaa", index=0, sentence=sa, trigger=Span(18, 25), event="ASSAULT",
        cameo="195", intensity=-10.0, factuality="asserted", mode="heavy-weapons",
        actor=(Actor(Span(0, 17), "Government troops", "COD", "MIL"),),
        recipient=(Actor(Span(26, 31), "rebels", "COD", "REB"),),
        quantities=(Quantity("killed", 14, True, Span(74, 85)),),
        rule="assault.shell", trigger_lemma="shell", framing=("shell",),
        date="2023-04-30", date_precision="day", date_source="text", location=goma,
    )  # fmt: skip
    mb = EventMention(
        article_id="bbbb", index=0, sentence=sb, trigger=Span(9, 18), event="ASSAULT",
        cameo="195", intensity=-10.0, factuality="asserted", mode="heavy-weapons",
        actor=(Actor(Span(4, 8), "army", "COD", "MIL"),),
        recipient=(Actor(Span(19, 24), "rebels", "COD", "REB"),),
        quantities=(Quantity("killed", 17, False, Span(67, 69)),),
        rule="assault.bombard", trigger_lemma="bombard", framing=("bombard",),
        date="2023-04-29", date_end="2023-04-30", date_precision="week", date_source="text",
        location=goma,
    )  # fmt: skip
    event = Event(
        id="ev-goma-1", story_id="st-1", mention_ids=("aaaa:0", "bbbb:0"), event="ASSAULT",
        cameo="195", intensity=-10.0, factuality="asserted", mode="heavy-weapons",
        actor=ma.actor, recipient=ma.recipient, date="2023-04-30", date_precision="day",
        location=goma, quantities=(Quantity("killed", 17, False, Span(67, 69)),),
        discrepancies=(
            Discrepancy("killed", (
                SourceValue("~14", "aaaa:0", "aaaa", "Lakes Wire", sa),
                SourceValue("17", "bbbb:0", "bbbb", "Kivu Daily", sb),
            )),
        ),
        framing=(("Kivu Daily", ("bombard",)), ("Lakes Wire", ("shell",))),
        explanation=("bbbb:0 joined aaaa:0: same type, dates overlap, actor COD=COD",),
        figures=(
            FigureRange("killed", 14, 14, 17, (
                Figure("killed", 14, True, "Lakes Wire", "aaaa", "aaaa:0", sa, "2023-05-02"),
                Figure("killed", 17, False, "Kivu Daily", "bbbb", "bbbb:0", sb, "2023-05-03"),
            )),
        ),
    )  # fmt: skip
    return [event], {"aaaa:0": ma, "bbbb:0": mb}, {"aaaa": a, "bbbb": b}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("NEWSEVENTS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: the export contract moved"


def test_plover_jsonl_matches_golden_file():
    events, mentions, articles = corpus()
    check_golden("export.plover.jsonl", export.to_plover_jsonl(events, mentions, articles))


def test_plover_sources_slice_the_clean_text_exactly():
    events, mentions, articles = corpus()
    (line,) = export.to_plover_jsonl(events, mentions, articles).splitlines()
    record = json.loads(line)
    assert [s["outlet"] for s in record["sources"]] == ["Lakes Wire", "Kivu Daily"]
    for src in record["sources"]:
        text = articles[src["article_id"]].text
        assert text[src["start"] : src["end"]] == src["sentence"]
    assert record["actor"][0] == {
        "name": "Government troops", "text": "Government troops", "code": "COD", "sector": "MIL"
    }  # fmt: skip
    assert record["discrepancies"][0]["field"] == "killed"
    (killed,) = record["figures"]
    assert (killed["low"], killed["best"], killed["high"]) == (14, 14, 17)
    for v in killed["values"]:  # each figure with its outlet, report date and sentence
        text = articles[v["article_id"]].text
        assert v["reported"] and text[v["start"] : v["end"]] == next(
            s["sentence"] for s in record["sources"] if s["mention_id"] == v["mention_id"]
        )


def test_gdelt_has_61_event_columns_and_a_mentions_file():
    events, mentions, articles = corpus()
    ev, mn = export.to_gdelt(events, mentions, articles, header=True)
    rows = list(csv.reader(io.StringIO(ev), delimiter="\t"))
    # GDELT's 61 columns, then our Factuality and DatePrecision
    assert len(rows[0]) == 63 == len(rows[1]) and rows[0][:61][-1] == "SOURCEURL"
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["EventCode"] == "195" and row["EventRootCode"] == "19"
    assert row["QuadClass"] == "4" and row["Actor1CountryCode"] == "COD"
    assert row["Day"] == "20230430" and row["NumSources"] == "2"
    assert row["Factuality"] == events[0].factuality
    assert row["DatePrecision"] == (events[0].date_precision or "")
    mrows = list(csv.reader(io.StringIO(mn), delimiter="\t"))
    assert len(mrows) == 3 and len(mrows[1]) == len(export.GDELT_MENTION_COLUMNS)


def test_gdelt_has_no_header_by_default_and_no_place_in_actor_geography():
    events, mentions, articles = corpus()
    ev, mn = export.to_gdelt(events, mentions, articles)
    rows = list(csv.reader(io.StringIO(ev), delimiter="\t"))
    assert len(rows) == len(events) and rows[0][0] != "GlobalEventID"
    assert len(list(csv.reader(io.StringIO(mn), delimiter="\t"))) == 2
    row = dict(zip(export.GDELT_EVENT_COLUMNS, rows[0], strict=True))
    assert all(row[f"Actor{n}Geo_{c}"] == "" for n in (1, 2) for c in export._GEO)


@pytest.mark.parametrize(
    ("cameo", "quad"), [("010", 1), ("057", 1), ("073", 2), ("112", 3), ("145", 4), ("190", 4)]
)
def test_quad_class(cameo, quad):
    assert export._quad_class(cameo) == quad


def test_csv_has_one_row_per_event():
    events, mentions, articles = corpus()
    rows = list(csv.DictReader(io.StringIO(export.to_csv(events, mentions, articles))))
    assert len(rows) == 1
    assert rows[0]["outlets"] == "Kivu Daily;Lakes Wire"
    assert rows[0]["discrepancies"] == "killed"
