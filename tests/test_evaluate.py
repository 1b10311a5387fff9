"""The scorer proven on tiny hand-made predictions, and the gold loaders on small files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import GoldError
from newsevents.evaluate import (
    PRF,
    Confusion,
    CorpusSystem,
    EvalReport,
    GoldEvent,
    GoldSentence,
    GoldSetResult,
    SysEvent,
    SysMention,
    b_cubed,
    load_corpus,
    load_gold,
    pairwise,
    score_corpus,
    score_sentences,
)
from newsevents.evaluate.baseline import (
    check_baseline,
    check_hashes,
    floor,
    gold_sha256,
    make_baseline,
)
from newsevents.evaluate.scoring import date_matches

# --- metrics -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "pred_correct", "gold", "gold_found", "p", "r", "f"),
    [
        (4, 3, 6, 3, 0.75, 0.5, 0.6),
        (0, 0, 5, 0, 0.0, 0.0, 0.0),
        (2, 2, 2, 2, 1.0, 1.0, 1.0),
        (3, 0, 0, 0, 0.0, 0.0, 0.0),
    ],
)
def test_prf(pred, pred_correct, gold, gold_found, p, r, f):
    prf = PRF(pred=pred, pred_correct=pred_correct, gold=gold, gold_found=gold_found)
    assert prf.precision == pytest.approx(p)
    assert prf.recall == pytest.approx(r)
    assert prf.f1 == pytest.approx(f)


def test_b_cubed_textbook_example():
    # gold {a,b,c} {d,e}; system {a,b} {c,d,e}
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    system = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    score = b_cubed(gold, system)
    # precision per item: a,b 1; c 1/3; d,e 2/3 -> (2 + 1/3 + 4/3) / 5
    assert score.precision == pytest.approx((2 + 1 / 3 + 4 / 3) / 5)
    # recall per item: a,b 2/3; c 1/3; d,e 1 -> (4/3 + 1/3 + 2) / 5
    assert score.recall == pytest.approx((4 / 3 + 1 / 3 + 2) / 5)


@pytest.mark.parametrize(
    ("gold", "system", "p", "r"),
    [
        ({"a": 1, "b": 1}, {"a": "x", "b": "x"}, 1.0, 1.0),
        ({"a": 1, "b": 2}, {"a": "x", "b": "x"}, 0.5, 1.0),  # over-merged
        ({"a": 1, "b": 1}, {"a": "x", "b": "y"}, 1.0, 0.5),  # split
        ({"a": 1}, {"b": "x"}, 1.0, 1.0),  # no shared items: nothing to judge
    ],
)
def test_b_cubed_cases(gold, system, p, r):
    score = b_cubed(gold, system)
    assert (score.precision, score.recall) == pytest.approx((p, r))


@pytest.mark.parametrize(
    ("gold", "system", "p", "r", "f"),
    [
        # gold pairs ab, ac, bc, de; system pairs ab, cd, ce, de -> 2 shared
        (
            {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2},
            {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"},
            0.5,
            0.5,
            0.5,
        ),
        ({"a": 1, "b": 2}, {"a": "x", "b": "y"}, 1.0, 1.0, 1.0),  # all singletons agree
        ({"a": 1, "b": 1}, {"a": "x", "b": "y"}, 1.0, 0.0, 0.0),  # missed the only pair
        ({"a": 1, "b": 2}, {"a": "x", "b": "x"}, 0.0, 1.0, 0.0),  # wrongly joined
    ],
)
def test_pairwise(gold, system, p, r, f):
    score = pairwise(gold, system)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f))


def test_confusion_pairs_leftovers_in_order():
    conf = Confusion()
    order = ["AGREE", "REQUEST", "ASSAULT"]
    conf.add_item({"ASSAULT"}, {"ASSAULT"}, order)
    conf.add_item({"ASSAULT", "REQUEST"}, {"AGREE"}, order)  # REQUEST<->AGREE, ASSAULT missed
    conf.add_item(set(), {"AGREE"}, order)  # extra
    assert conf.to_dict() == {
        "ASSAULT": {"ASSAULT": 1, "none": 1},
        "REQUEST": {"AGREE": 1},
        "none": {"AGREE": 1},
    }
    assert conf.labels(order) == ["AGREE", "REQUEST", "ASSAULT", "none"]


@pytest.mark.parametrize(
    ("system", "gold", "ok"),
    [
        ("2020-01-03", "2020-01-03", True),
        ("2020-01-04", "2020-01-03", False),
        ("2020-01-04", "2020-01", True),
        ("2020-01", "2020-01-03", False),
        (None, "2020", False),
        ("2019-12-31", "2020", False),
    ],
)
def test_date_matches(system, gold, ok):
    assert date_matches(system, gold) is ok


@pytest.mark.parametrize(
    ("system", "gold", "precision", "ok"),
    [
        ("2020-01-05", "2020-01-03", "week", True),  # Sunday of the same ISO week
        ("2020-01-06", "2020-01-03", "week", False),  # next Monday
        ("2018-05-30", "2018-05", "month", True),
        ("2018-06-01", "2018-05-09", "month", False),
        ("2018-11-05", "2018", "year", True),
        ("2020-01-03", "2020-01-03", "day", True),
    ],
)
def test_date_matches_at_gold_precision(system, gold, precision, ok):
    assert date_matches(system, gold, precision) is ok


@pytest.mark.parametrize(
    ("system", "gold", "ok"),
    [
        ("IGO", "UNO", True),  # CAMEO-era IGO for the UN is right at the country level
        ("UNO", "IGO", True),
        ("EUR", "UNO", False),
        ("USAMIL", "USA", True),
        ("USA", "RUS", False),
    ],
)
def test_actor_codes_compare_on_country(system, gold, ok):
    s = score_sentences(
        [_sent("x", GoldEvent("REQUEST", ("FRA",), (gold,)))],
        {"x": [SysEvent("REQUEST", actor=("FRA",), recipient=(system,))]},
    )
    assert s.dyad.value == (1.0 if ok else 0.0)


# --- sentence scoring --------------------------------------------------------------------


def _sent(sid, *events, tags=()):
    return GoldSentence(id=sid, text=f"text {sid}", events=tuple(events), tags=tuple(tags))


GOLD = [
    _sent("s1", GoldEvent("ASSAULT", ("USA",), ("IRQ",), "asserted"), tags=("passive",)),
    _sent("s2", GoldEvent("REQUEST", ("FRA",), ("DEU",))),
    _sent("s3", GoldEvent("ASSAULT", ("RUS",), ("UKR",), "negated")),
    _sent("s4", tags=("negative",)),
    _sent("s5", GoldEvent("AGREE", ("EGY", "ISR"), ()), GoldEvent("CONSULT", ("EGY", "ISR"))),
]

PRED = {
    "s1": [SysEvent("ASSAULT", "asserted", ("USA",), ("IRQ",), date="2020-01-03")],
    "s2": [SysEvent("ACCUSE", "asserted", ("FRA",), ("DEU",))],
    "s3": [SysEvent("ASSAULT", "asserted", ("RUS",), ("UKR",))],  # factuality wrong
    "s4": [SysEvent("PROTEST", "asserted")],
    "s5": [SysEvent("AGREE", "future", ("EGY",)), SysEvent("AGREE", "asserted", ("ISR",))],
}


def test_score_sentences_per_type_counts():
    s = score_sentences(GOLD, PRED)
    a = s.per_type["ASSAULT"]
    # recall: s1 hit; s3 gold says negated, system asserted -> not a hit
    assert (a.gold, a.gold_found) == (2, 1)
    # precision: ASSAULT produced in s1 and s3, both sentences have gold ASSAULT
    assert (a.pred, a.pred_correct) == (2, 2)
    assert s.per_type["REQUEST"].recall == 0.0
    assert s.per_type["ACCUSE"].precision == 0.0
    assert s.per_type["PROTEST"].pred == 1 and s.per_type["PROTEST"].precision == 0.0
    # AGREE produced twice in s5 counts once
    assert (s.per_type["AGREE"].pred, s.per_type["AGREE"].pred_correct) == (1, 1)
    assert s.per_type["CONSULT"].gold_found == 0
    micro = s.micro
    assert (micro.gold, micro.gold_found, micro.pred, micro.pred_correct) == (5, 2, 5, 3)


def test_factual_precision_counts_only_asserted_and_reported_types():
    s = score_sentences(GOLD, PRED)
    # factual (sentence, type) pairs: s1 ASSAULT ok, s2 ACCUSE no, s3 ASSAULT ok,
    # s4 PROTEST no, s5 AGREE (the asserted one) ok
    assert (s.factual_precision.right, s.factual_precision.total) == (3, 5)
    only_future = score_sentences(GOLD, {"s4": [SysEvent("PROTEST", "future")]})
    assert only_future.factual_precision.total == 0


def test_score_sentences_accuracies():
    s = score_sentences(GOLD, PRED)
    # dyads: s1 right, s2 wrong type, s3 right (factuality does not matter for dyads)
    assert (s.dyad.right, s.dyad.total) == (2, 3)
    # factuality judged where the type was produced: s1 right, s3 wrong
    assert (s.factuality.right, s.factuality.total) == (1, 2)
    # actor judged on produced types: s1, s3, s5 AGREE
    assert (s.actor.right, s.actor.total) == (3, 3)
    assert (s.negatives.right, s.negatives.total) == (0, 1)
    assert s.by_tag["passive"].value == 1.0
    assert s.by_tag["negative"].value == 0.0
    assert s.confusion.counts[("REQUEST", "ACCUSE")] == 1
    assert s.confusion.counts[("none", "PROTEST")] == 1
    assert s.confusion.counts[("CONSULT", "none")] == 1


def test_score_sentences_perfect_and_empty():
    perfect = {
        "s1": [SysEvent("ASSAULT", "asserted", ("USAGOV",), ("IRQ",))],
        "s2": [SysEvent("REQUEST", "asserted", ("FRA",), ("DEU",))],
        "s3": [SysEvent("ASSAULT", "negated", ("RUS",), ("UKR",))],
        "s5": [SysEvent("AGREE", "future", ("EGY",)), SysEvent("CONSULT", "asserted", ("ISR",))],
    }
    s = score_sentences(GOLD, perfect)
    assert s.micro.f1 == 1.0
    assert s.dyad.value == 1.0  # "USAGOV" compares on its country part
    assert s.negatives.value == 1.0
    empty = score_sentences(GOLD, {})
    assert empty.micro.recall == 0.0 and empty.micro.pred == 0
    assert empty.negatives.value == 1.0


def test_figures_only_for_types_with_gold():
    figs = score_sentences(GOLD, PRED).figures()
    assert "f1.ASSAULT" in figs and "f1.PROTEST" not in figs
    assert figs["dyad_accuracy"] == pytest.approx(2 / 3)


# --- corpus scoring ----------------------------------------------------------------------


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


CORPUS = [
    {"kind": "article", "file": "a.txt", "story": "flood", "published": "2021-05-02"},
    {"kind": "article", "file": "b.txt", "story": "flood"},
    {"kind": "article", "file": "c.txt", "story": "vote"},
    {
        "kind": "event",
        "id": "e1",
        "event": "ASSAULT",
        "actor": ["ETH"],
        "recipient": ["ERI"],
        "date": "2021-05-01",
        "place": {"name": "Asmara", "country": "ERI"},
        "factuality": "asserted",
        "reports": [
            {"file": "a.txt", "quote": "shelled   the town"},
            {"file": "b.txt", "quote": "artillery hit"},
        ],
    },
    {
        "kind": "event",
        "id": "e2",
        "event": "PROTEST",
        "actor": ["KEN"],
        "date": "2021-05",
        "place": None,
        "factuality": "asserted",
        "reports": [{"file": "c.txt", "quote": "marched"}],
    },
    {
        "kind": "discrepancy",
        "event": "e1",
        "field": "killed",
        "values": {"a.txt": "4", "b.txt": "5"},
    },
    {"kind": "nonevent", "file": "c.txt", "quote": "might strike"},
]


def _m(mid, file, sentence, event, eid, **kw):
    return SysMention(
        id=mid,
        file=file,
        sentence=sentence,
        event=event,
        factuality=kw.pop("factuality", "asserted"),
        event_id=eid,
        **kw,
    )


def test_score_corpus(tmp_path):
    gold = load_corpus(_write(tmp_path / "gold.jsonl", CORPUS))
    system = CorpusSystem(
        mentions=(
            _m(
                "m1",
                "a.txt",
                "Troops shelled the\ntown.",
                "ASSAULT",
                "E1",
                actor=("ETH",),
                recipient=("ERI",),
                date="2021-05-01",
                place=("Asmara", "ERI"),
            ),
            _m(
                "m2",
                "b.txt",
                "The artillery hit homes.",
                "ASSAULT",
                "E2",
                actor=("ETH",),
                recipient=("SOM",),
                date="2021-05-02",
                place=None,
            ),
            _m(
                "m3",
                "c.txt",
                "Students marched on Monday.",
                "PROTEST",
                "E3",
                actor=("KEN",),
                date="2021-05-03",
                place=("Nairobi", "KEN"),
            ),
            _m(
                "m4",
                "c.txt",
                "Unions might strike later.",
                "PROTEST",
                "E4",
                factuality="hypothetical",
            ),
            _m("m5", "c.txt", "Police arrested two.", "COERCE", "E5", factuality="reported"),
        ),
        discrepancies={"E1": frozenset({"killed"})},
        stories={"a.txt": "S1", "b.txt": "S1", "c.txt": "S1"},
    )
    s = score_corpus(gold, system)
    assert (s.per_type["ASSAULT"].gold, s.per_type["ASSAULT"].gold_found) == (2, 2)
    assert (s.per_type["PROTEST"].pred, s.per_type["PROTEST"].pred_correct) == (2, 1)
    assert s.per_type["COERCE"].precision == 0.0
    assert (s.micro.pred, s.micro.pred_correct, s.micro.gold, s.micro.gold_found) == (5, 3, 3, 3)
    assert (s.dyad.right, s.dyad.total) == (1, 2)
    assert (s.date.right, s.date.total) == (2, 3)  # m2 wrong day; m3 inside the gold month
    assert (s.place.right, s.place.total) == (1, 3)  # m2 lacks Asmara; m3 gives one for null
    # the two ASSAULT reports sit in different system events: merge recall 0
    assert s.merge_pairwise.f1 == 0.0
    assert s.merge_b3.precision == 1.0 and s.merge_b3.recall == pytest.approx(2 / 3)
    # everything in one system story; gold has {a,b} {c}
    assert s.story_b3.recall == 1.0 and s.story_b3.precision == pytest.approx(5 / 9)
    assert (s.discrepancy.right, s.discrepancy.total) == (1, 1)
    # the hypothetical mention is not a factual violation
    assert (s.nonevents.right, s.nonevents.total) == (0, 1)
    assert s.figures()["nonevents_clean"] == 1.0
    assert s.figures()["merge_b3_f1"] == pytest.approx(s.merge_b3.f1)
    # factual rows E1, E2 (both the gold ASSAULT) and E3: one row repeats a real event
    assert (s.duplicate_rows.right, s.duplicate_rows.total) == (1, 3)
    assert s.figures()["rows_distinct"] == pytest.approx(2 / 3)


def test_corpus_merge_figures_absent_when_nothing_matched(tmp_path):
    gold = load_corpus(_write(tmp_path / "gold.jsonl", CORPUS))
    figures = score_corpus(gold, CorpusSystem(mentions=())).figures()
    assert "merge_b3_f1" not in figures and "merge_pairwise_f1" not in figures
    assert figures["event_recall"] == 0.0 and "story_b3_f1" in figures


def test_corpus_story_records_and_jsonl_lines(tmp_path):
    records = [
        {"kind": "story", "id": "s", "label": "A story"},
        {"kind": "article", "file": "x.jsonl#L2", "story": "s"},
        {
            "kind": "event",
            "id": "e1",
            "event": "AID",
            "date": "2020-01-03",
            "date_precision": "week",
            "reports": [{"file": "x.jsonl#L2", "quote": "sent tents"}],
        },
    ]
    gold = load_corpus(_write(tmp_path / "gold.jsonl", records))
    assert gold.stories == (("s", "A story"),)
    assert gold.events[0].date_precision == "week" and not gold.events[0].place_annotated
    bad = [*records[:1], {"kind": "article", "file": "y.txt", "story": "other"}]
    with pytest.raises(GoldError, match="unknown story 'other'"):
        load_corpus(_write(tmp_path / "bad.jsonl", bad))


def test_score_corpus_nonevent_violation(tmp_path):
    gold = load_corpus(_write(tmp_path / "gold.jsonl", CORPUS))
    system = CorpusSystem(
        mentions=(_m("m4", "c.txt", "Unions might strike later.", "PROTEST", "E4"),)
    )
    s = score_corpus(gold, system)
    assert (s.nonevents.right, s.nonevents.total) == (1, 1)
    assert s.discrepancy.value == 0.0
    assert s.micro.recall == 0.0


# --- loaders -----------------------------------------------------------------------------


def test_load_gold_detects_the_three_formats(tmp_path):
    plover = tmp_path / "p.json"
    plover.write_text(
        json.dumps(
            [
                {"id": "doc", "event": "DOCUMENT"},
                {
                    "id": "p1",
                    "event": "DISAPPROVE",
                    "text": "Chile criticised Peru.",
                    "source": [{"actorText": "Chile", "code": "CHLGOV"}],
                    "target": "",
                },
                {
                    "id": "p2",
                    "event": "FIGHT",
                    "text": "Rebels clashed with troops.",
                    "source": [{"actorText": "Rebels", "code": "COLREB"}],
                    "target": None,
                },
            ]
        )
    )
    g = load_gold(plover)
    assert g.fmt == "plover" and [s.id for s in g.sentences] == ["p1", "p2"]
    ev = g.sentences[0].events[0]
    assert (ev.event, ev.mode, ev.actor, ev.recipient) == ("ACCUSE", "disapprove", ("CHLGOV",), ())
    assert g.sentences[1].events[0].event == "ASSAULT"

    sentences = _write(
        tmp_path / "s.jsonl",
        [
            {"id": "a", "text": "It rained.", "events": [], "tags": ["negative"]},
            {
                "id": "b",
                "text": "Mali expelled the envoy.",
                "published": "2022-01-31",
                "events": [{"event": "SANCTION", "actor": ["MLI"], "factuality": "asserted"}],
            },
        ],
    )
    g2 = load_gold(sentences)
    assert g2.fmt == "sentences" and g2.sentences[0].events == ()
    assert g2.sentences[1].published == "2022-01-31"
    g3 = load_gold(_write(tmp_path / "c.jsonl", CORPUS))
    assert g3.fmt == "corpus" and len(g3.events) == 2 and g3.events[1].place is None
    assert g3.events[1].place_annotated and g3.events[0].place.country == "ERI"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "x", "events": []}\n{not json', "s.jsonl:2: not valid JSON"),
        ('{"id": "a", "text": "x", "events": [{"event": "ATTACK"}]}', "unknown event type"),
        ('{"id": "a", "text": "x", "events": {}}', "'events' must be a list"),
        ('{"id": "a", "events": []}', "missing required field 'text'"),
        (
            '{"id": "a", "text": "x", "events": [{"event": "AID", "factuality": "maybe"}]}',
            "unknown factuality",
        ),
        (
            '{"id": "a", "text": "x", "events": [{"event": "AID", "date": "3 May"}]}',
            "must be an ISO date",
        ),
        (
            '{"id": "a", "text": "x", "events": []}\n{"id": "a", "text": "y", "events": []}',
            "duplicate id",
        ),
        ('{"kind": "event", "id": "e", "event": "AID", "reports": []}', "'reports' must list"),
        ('{"kind": "article", "file": "a", "story": "s"}\n{"kind": "storyline"}', "unknown kind"),
        (
            '{"kind": "discrepancy", "event": "e9", "field": "killed", "values": {"a": 1, "b": 2}}',
            "unknown event 'e9'",
        ),
        ('[{"id": "p", "event": "AGREE", "text": "x", "source": "USA"}]', "list of {actorText"),
        ('{"foo": 1}', "unknown gold format"),
        ("", "holds no records"),
    ],
)
def test_malformed_gold_raises_one_line_gold_error(tmp_path, content, message):
    path = tmp_path / "s.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_gold_file_is_a_gold_error(tmp_path):
    with pytest.raises(GoldError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.jsonl")


# --- report and baseline -----------------------------------------------------------------


def _report(tmp_path, predictions):
    gold_path = tmp_path / "g.jsonl"
    gold_path.write_text('{"id": "s1", "text": "x", "events": []}\n')
    return EvalReport(
        [GoldSetResult("sentences", gold_path, score_sentences(GOLD, predictions))]
    ), gold_path


def test_report_to_dict_is_json_and_format_is_text(tmp_path):
    report, _ = _report(tmp_path, PRED)
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    (entry,) = data["gold_sets"]
    assert set(entry) == {"name", "path", "seconds", "figures", "scores"}
    assert entry["scores"]["per_type"]["ASSAULT"]["gold"] == 2
    text = report.format()
    assert "ASSAULT" in text and "dyad accuracy" in text and "confusion" in text


@pytest.mark.parametrize(
    ("value", "expected"), [(0.5, 0.48), (0.0, 0.0), (0.015, 0.0), (1.0, 0.98), (0.4567, 0.43)]
)
def test_floor(value, expected):
    assert floor(value) == pytest.approx(expected)


def test_baseline_catches_regressions_and_changed_gold(tmp_path):
    good, gold_path = _report(tmp_path, PRED)
    baseline = make_baseline(good)
    assert baseline["gold"]["sentences"]["sha256"] == gold_sha256(gold_path)
    assert check_baseline(good, baseline) == []
    assert check_hashes(baseline, {"sentences": gold_path}) == []
    worse, _ = _report(tmp_path, {k: v for k, v in PRED.items() if k != "s1"})
    problems = check_baseline(worse, baseline)
    assert any(p.startswith("sentences f1.ASSAULT = 0.0000 is below its floor") for p in problems)
    gold_path.write_text('{"id": "s1", "text": "changed", "events": []}\n')
    (problem,) = check_hashes(baseline, {"sentences": gold_path})
    assert "changed since the baseline" in problem
    (unknown,) = check_hashes(baseline, {"corpus": gold_path})
    assert "no baseline entry" in unknown


# --- end to end through the real pipeline -------------------------------------------------


ARTICLE_A = """Police arrest protest leaders in Lagos

Police in Lagos arrested 40 protesters on Monday after a march against fuel prices.
The state governor later met union leaders to discuss the fuel subsidy.
"""

ARTICLE_B = """Unions weigh their next step

Nigerian police detained dozens of demonstrators in Lagos on Monday, union officials said.
Union leaders said they would decide on a national strike next week.
"""


@pytest.mark.slow
def test_evaluate_gold_corpus_end_to_end(tmp_path, nlp):
    from newsevents import api
    from newsevents.evaluate import evaluate_gold
    from newsevents.evaluate.run import predict_corpus

    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    records = [
        {"kind": "article", "file": "a.txt", "story": "lagos", "published": "2023-06-13"},
        {"kind": "article", "file": "b.txt", "story": "lagos", "published": "2023-06-13"},
        {
            "kind": "event",
            "id": "e1",
            "event": "COERCE",
            "actor": ["NGA"],
            "recipient": ["NGA"],
            "date": "2023-06-12",
            "place": {"name": "Lagos", "country": "NGA"},
            "factuality": "asserted",
            "reports": [
                {"file": "a.txt", "quote": "arrested 40 protesters"},
                {"file": "b.txt", "quote": "detained dozens of demonstrators"},
            ],
        },
    ]
    gold_path = _write(tmp_path / "gold.jsonl", records)
    resources = api.load_resources()
    system = predict_corpus(load_corpus(gold_path), resources)
    # every stored mention and story is keyed by the gold's own file names
    assert {m.file for m in system.mentions} <= {"a.txt", "b.txt"}
    assert set(system.stories) == {"a.txt", "b.txt"}
    assert any("arrested 40 protesters" in m.sentence for m in system.mentions)
    report = evaluate_gold([gold_path], resources)
    (result,) = report.results
    assert result.name == "corpus" and result.scores.articles == 2
    assert json.loads(json.dumps(report.to_dict()))["gold_sets"][0]["name"] == "corpus"


def test_module_entry_writes_and_checks_a_baseline(tmp_path, nlp, capsys):
    from newsevents.evaluate.__main__ import main

    gold = tmp_path / "tests" / "gold" / "sentences.jsonl"
    gold.parent.mkdir(parents=True)
    _write(
        gold,
        [
            {
                "id": "a",
                "text": "Police in Minsk detained dozens of students.",
                "events": [{"event": "COERCE", "actor": ["BLR"], "recipient": ["BLR"]}],
            },
            {"id": "b", "text": "It rained all day in Bergen.", "events": []},
        ],
    )
    baseline = tmp_path / "baseline.json"
    assert main(["--root", str(tmp_path), "--write-baseline", str(baseline)]) == 0
    data = json.loads(baseline.read_text())
    assert set(data["floors"]) == {"sentences"} and "event_recall" in data["floors"]["sentences"]
    assert main(["--root", str(tmp_path), "--check", str(baseline)]) == 0
    # a floor above what is measured fails, naming the figure
    data["floors"]["sentences"]["event_recall"] = 1.01
    baseline.write_text(json.dumps(data))
    assert main(["--root", str(tmp_path), "--check", str(baseline)]) == 1
    assert "sentences event_recall =" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("place", "precision", "right"),
    [
        (("Zamfara", "NGA"), "province", 1),  # right place, right level
        (("Zamfara", "NGA"), "city", 0),  # right name, wrong level
        (("Kano", "NGA"), "province", 0),  # wrong place
    ],
)
def test_place_precision_is_a_separate_figure(tmp_path, place, precision, right):
    records = [
        {"kind": "story", "id": "s", "label": "A story"},
        {"kind": "article", "file": "z.txt", "story": "s"},
        {
            "kind": "event",
            "id": "e1",
            "event": "ASSAULT",
            "place": {"name": "Zamfara", "country": "NGA", "precision": "province"},
            "reports": [{"file": "z.txt", "quote": "abducted pupils"}],
        },
    ]
    gold = load_corpus(_write(tmp_path / "gold.jsonl", records))
    mention = _m(
        "m1",
        "z.txt",
        "Gunmen abducted pupils.",
        "ASSAULT",
        "E1",
        place=place,
        place_precision=precision,
    )
    s = score_corpus(gold, CorpusSystem(mentions=(mention,)))
    assert (s.place_precision.right, s.place_precision.total) == (right, 1)
    assert s.place.right == int(place[0] == "Zamfara")
    bad = [*records[:2], {**records[2], "place": {"name": "X", "precision": "street"}}]
    with pytest.raises(GoldError, match="place precision"):
        load_corpus(_write(tmp_path / "bad.jsonl", bad))


@pytest.mark.parametrize(
    ("system", "gold", "right"),
    [
        (("Estelí", "NIC"), "Esteli", True),  # the same name, with and without diacritics
        (("Esteli", "NIC"), "ESTELÍ", True),
        (("Esteli", "HND"), "Esteli", False),  # another country
        (("León", "NIC"), "Esteli", False),  # another place
    ],
)
def test_place_names_compare_without_diacritics(system, gold, right):
    from newsevents.evaluate.gold import GoldPlace
    from newsevents.evaluate.scoring import _place_ok

    assert _place_ok(system, GoldPlace(name=gold, country="NIC")) is right


def test_row_dyad_judges_each_factual_rows_first_actor_and_recipient(tmp_path):
    gold = load_corpus(_write(tmp_path / "gold.jsonl", CORPUS))
    mentions = (
        _m("m1", "a.txt", "Troops shelled the town.", "ASSAULT", "E1", actor=("ETH",)),
        _m("m2", "b.txt", "The artillery hit homes.", "ASSAULT", "E2", actor=("ETH",)),
        _m("m3", "c.txt", "Students marched on Monday.", "PROTEST", "E3", actor=("KEN",)),
    )
    # E1 shows the gold's dyad first; E2 puts a wrong recipient first; E3's gold event has
    # no recipient, so its row is not judged
    dyads = {"E1": ("ETH", "ERI"), "E2": ("ETH", "SOM"), "E3": ("KEN", None)}
    s = score_corpus(gold, CorpusSystem(mentions=mentions, row_dyads=dyads))
    assert (s.row_dyad.right, s.row_dyad.total) == (1, 2)
    assert s.figures()["row_dyad_accuracy"] == pytest.approx(0.5)
