"""The learned second opinion: the corpus loader, the weights file, the ``model`` component."""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsevents import api, learn
from newsevents.errors import ConfigError
from newsevents.learn.corpus import load_corpus, split_of, variety
from newsevents.learn.weights import OPTIONAL_THRESHOLDS, LearnedModels, LinearModel, save_learned
from newsevents.model import EVENT_TYPES, ModelScore, Span

GOOD = {
    "id": "t-agree-0001",
    "text": "Kenya and Ethiopia signed a deal on Tuesday to share power from a new dam.",
    "published": "2023-05-18",
    "events": [
        {
            "event": "AGREE",
            "factuality": "asserted",
            "actor": ["KEN", "ETH"],
            "recipient": [],
            "actor_text": "Kenya and Ethiopia",
            "recipient_text": None,
            "trigger": "signed a deal",
        }
    ],
    "tags": ["register:wire", "region:africa", "country:KEN"],
}


def _write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _event(**changes: object) -> dict:
    return {**GOOD, "events": [{**GOOD["events"][0], **changes}]}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({**GOOD, "text": "short"}, "'text' missing or shorter"),
        ({**GOOD, "published": "18 May 2023"}, "'published' must be YYYY-MM-DD"),
        ({**GOOD, "tags": ["region:africa"]}, "no valid register tag"),
        ({**GOOD, "tags": ["register:wire"]}, "no region tag"),
        ({**GOOD, "events": []}, "needs the 'negative' tag"),
        (_event(event="FIGHT"), "unknown event type 'FIGHT'"),
        (_event(factuality=None), "factuality must be one of"),
        (_event(actor=["Kenya"]), "'actor' must be a list of 3-letter codes"),
        (_event(actor_text="Nairobi"), "actor_text 'Nairobi' is not a substring"),
        (_event(trigger="agreed"), "trigger 'agreed' is not a substring"),
        (_event(trigger="a", trigger_start=3), "trigger_start 3 does not point at 'a'"),
        (_event(trigger="a"), "occurs twice; add trigger_start"),
        (_event(date="May 2023"), "date must be YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_a_bad_line_is_skipped_with_a_one_line_problem_naming_file_and_line(
    tmp_path, record, message
):
    path = _write(tmp_path / "c.jsonl", {**GOOD, "id": "t-ok-0001"}, record)
    corpus = load_corpus([tmp_path])
    assert [r.id for r in corpus.records] == ["t-ok-0001"]
    (problem,) = corpus.problems
    assert problem.startswith(f"{path}:2: ") and message in problem and "\n" not in problem


def test_duplicate_ids_and_broken_json_are_refused(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n{oops\n", encoding="utf-8")
    corpus = load_corpus([path])
    assert len(corpus.records) == 1
    assert corpus.problems[0].startswith(f"{path}:2: duplicate id")
    assert corpus.problems[1].startswith(f"{path}:3: not valid JSON")


def test_a_line_sharing_seven_words_with_a_blind_set_is_refused(tmp_path):
    blind = tmp_path / "blind"
    blind.mkdir()
    _write(
        blind / "sentences.jsonl",
        {"id": "b1", "text": "Ministers met in Oslo to share power from a new dam today."},
    )
    (blind / "article.txt").write_text("Nothing in common with the corpus here.", encoding="utf-8")
    six = {
        **GOOD,
        "id": "t-six",
        "text": "Rivals agreed to share power from a new plant.",
        "events": [],
        "tags": [*GOOD["tags"], "negative"],
    }  # 6 words shared: kept
    _write(tmp_path / "c.jsonl", GOOD, six)
    corpus = load_corpus([tmp_path / "c.jsonl"], blind_dir=blind)
    assert [r.id for r in corpus.records] == ["t-six"]
    assert "shares a 7-word run with a blind set" in corpus.problems[0]
    assert "Oslo" not in corpus.problems[0]  # the blind text is never shown


def test_the_split_is_a_stable_hash_of_the_id_near_80_10_10():
    ids = [f"x-none-{i:04d}" for i in range(4000)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in ids]
    counts = Counter(first)
    assert 0.77 < counts["train"] / 4000 < 0.83
    assert 0.08 < counts["dev"] / 4000 < 0.12 and 0.08 < counts["test"] / 4000 < 0.12
    # pinned: a change of the hash would move every line to another split
    assert [split_of(f"x-none-{i:04d}") for i in (9, 10, 19)] == ["train", "test", "dev"]


def test_variety_counts_trigger_words_countries_and_negatives(tmp_path):
    neg = {
        **GOOD,
        "id": "t-none-0001",
        "events": [],
        "tags": [*GOOD["tags"], "negative", "negative:sport"],
    }
    corpus = load_corpus([_write(tmp_path / "c.jsonl", GOOD, neg)])
    fig = variety(corpus.records)
    assert fig["records"] == 2 and fig["negatives"] == 1 and fig["negative_share"] == 0.5
    assert fig["trigger_words"]["AGREE"] == 1 and fig["countries"] == 2
    assert fig["kinds"] == {"negative:sport": 1} and fig["registers"] == {"wire": 2}


# --- the weights file ---------------------------------------------------------------------


def test_the_packaged_weights_load_and_pass_their_schema_check():
    models = learn.load_learned()
    assert set(models.type.classes) <= {"NONE", *EVENT_TYPES} and "NONE" in models.type.classes
    assert models.type.coef.shape == (len(models.type.index), len(models.type.classes))
    assert {"drop", "retype", "factuality"} <= set(models.thresholds)
    assert set(models.thresholds) <= {"drop", "retype", "factuality", *OPTIONAL_THRESHOLDS}
    assert learn.weights_path().stat().st_size < 30_000_000
    p = models.type.proba(["bias", "unknown feature"])
    assert abs(sum(p.values()) - 1.0) < 1e-5


def _tiny(name: str, classes: tuple[str, ...], weights: dict[str, dict[str, float]]) -> LinearModel:
    vocab = sorted(weights)
    coef = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    for i, f in enumerate(vocab):
        for label, w in weights[f].items():
            coef[i, classes.index(label)] = w
    return LinearModel(
        name,
        classes,
        {f: i for i, f in enumerate(vocab)},
        coef,
        np.zeros(len(classes), dtype=np.float32),
    )


FACT = ("asserted", "reported", "future", "hypothetical", "negated")


def _hand_models() -> LearnedModels:
    """A hand-written second opinion: an arrest is an assault said not to have happened, and
    a detention is no event."""
    types = ("NONE", "COERCE", "ASSAULT")
    return LearnedModels(
        type=_tiny(
            "type",
            types,
            {
                "lemma=arrest": {"ASSAULT": 9.0},
                "lemma=detain": {"NONE": 9.0},
                "rt=COERCE": {"COERCE": 1.0},
            },
        ),
        factuality=_tiny(
            "factuality", FACT, {"lemma=arrest": {"negated": 9.0}, "bias": {"asserted": 1.0}}
        ),
        thresholds={"drop": 0.9, "retype": 0.9, "factuality": 0.9},
    )


def test_a_written_weights_file_round_trips(tmp_path):
    hand = _hand_models()
    path = tmp_path / "w.npz"
    save_learned(path, {"type": hand.type, "factuality": hand.factuality}, hand.thresholds, {})
    back = learn.load_learned(path)
    assert back.type.classes == hand.type.classes and dict(back.thresholds) == hand.thresholds
    feats = ["lemma=arrest", "rt=COERCE"]
    assert back.type.proba(feats) == pytest.approx(hand.type.proba(feats))


def test_the_same_models_give_the_same_bytes(tmp_path, monkeypatch):
    """`make train` reproduces the shipped file: no clock in the weights file."""
    hand = _hand_models()
    models = {"type": hand.type, "factuality": hand.factuality}
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    monkeypatch.setattr(time, "time", lambda: 1.0e9)
    save_learned(a, models, hand.thresholds, {"seed": 15})
    monkeypatch.setattr(time, "time", lambda: 1.7e9)
    save_learned(b, models, hand.thresholds, {"seed": 15})
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type.coef": np.zeros((1, 3), dtype=np.float32)}, "do not fit"),
        ({"type.classes": np.array(["NONE", "FIGHT", "ASSAULT"])}, "bad labels"),
        ({"factuality.intercept": None}, "lacks intercept"),
        ({"meta": np.array(json.dumps({"format": 1, "thresholds": {"drop": 2}}))}, "threshold"),
        ({"meta": np.array(json.dumps({"format": 99}))}, "format is not 1"),
        ({"type.coef": np.full((3, 3), np.nan, dtype=np.float32)}, "non-finite"),
    ],
)
def test_a_broken_weights_file_is_a_config_error(tmp_path, change, message):
    hand = _hand_models()
    good = tmp_path / "good.npz"
    save_learned(good, {"type": hand.type, "factuality": hand.factuality}, hand.thresholds, {})
    with np.load(good) as npz:
        arrays = {k: npz[k] for k in npz.files}
    for key, value in change.items():
        if value is None:
            del arrays[key]
        else:
            arrays[key] = value
    bad = tmp_path / "bad.npz"
    np.savez(bad, **arrays)
    with pytest.raises(ConfigError, match=message):
        learn.load_learned(bad)


def test_a_missing_weights_file_says_to_train_or_use_no_model(tmp_path):
    with pytest.raises(ConfigError, match=r"make train.*--no-model"):
        learn.load_learned(tmp_path / "absent.npz")


# --- the component in the real pipeline ---------------------------------------------------


def test_the_model_component_retypes_drops_and_relabels_in_the_real_pipeline(resources):
    hand = dataclasses.replace(resources, learned=_hand_models())
    assert "model" in api.Pipeline(hand).names
    text = "Police arrested the opposition leader in Harare."
    (rule,) = api.analyze_text(text, resources=resources).events
    assert rule.event == "COERCE" and rule.scores == ()
    (seen,) = api.analyze_text(text, resources=hand).events
    assert seen.event == "ASSAULT" and seen.cameo == "180" and seen.mode is None
    assert seen.scores[0].model == "type" and seen.scores[0].action == "retyped from COERCE"
    assert seen.scores[0].score > 0.9
    assert seen.factuality == "negated" and seen.scores[1].action == "relabelled from asserted"
    detained = "Police detained the opposition leader in Harare."
    assert [m.event for m in api.analyze_text(detained, resources=resources).events] == ["COERCE"]
    assert api.analyze_text(detained, resources=hand).events == []


def test_the_packaged_models_score_every_kept_candidate(learned_resources):
    doc = api.analyze_text(
        "Russian forces shelled Kharkiv on Monday, killing four civilians.",
        resources=learned_resources,
    )
    assert doc.events
    for m in doc.events:
        assert [s.model for s in m.scores][:2] == ["type", "factuality"]
        assert {s.model for s in m.scores[2:]} <= {"actor", "recipient"}
        assert all(0.0 <= s.score <= 1.0 for s in m.scores)


def test_the_clause_model_adds_nothing_at_a_verb_of_relation(learned_resources, monkeypatch):
    # "it includes mortar attacks on posts": the attacks may be an event, "includes" is none;
    # the clause model is made to add an event at every clause it is asked about
    from newsevents.learn import combine

    monkeypatch.setattr(combine, "add_type", lambda p, t: "ASSAULT")
    monkeypatch.setattr(
        combine,
        "add_decision",
        lambda p, f, t: (
            ModelScore("type", "ASSAULT", 0.9),
            ModelScore("factuality", "asserted", 0.9),
        ),
    )
    doc = api.analyze_text(
        "It includes occasional mortar attacks on army posts in the north.",
        resources=learned_resources,
    )
    triggers = {m.trigger_lemma for m in doc.events if m.rule == "model:added"}
    assert "include" not in triggers


def test_no_model_leaves_the_rules_output_untouched(resources, learned_resources):
    text = "Iran denied attacking the tanker, and Britain said it would summon the ambassador."
    alone = api.analyze_text(text, resources=resources).events
    assert all(m.scores == () for m in alone)
    assert resources.learned is None
    with_model = api.analyze_text(text, resources=learned_resources).events
    kept = {m.trigger for m in with_model}
    for m in alone:  # what the models keep is the rules' candidate, scores aside
        if m.trigger in kept:
            other = next(x for x in with_model if x.trigger == m.trigger)
            assert other.rule == m.rule
            changed = {s.model for s in other.scores if s.action.endswith("changed")}
            assert "actor" in changed or other.actor == m.actor


# --- the commands ---------------------------------------------------------------------------

ARTICLE = (
    "Police arrested the opposition leader in Harare on Monday. Protesters marched to "
    "parliament and demanded his release, and the government said it would not talk to them."
)


@pytest.mark.slow
def test_analyze_stores_model_scores_that_explain_shows_and_no_model_stores_none(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for flags, scored in (([], True), (["--no-model"], False)):
        db = tmp_path / f"{'rules' if flags else 'model'}.db"
        result = CliRunner().invoke(
            main, ["analyze", str(tmp_path / "a.txt"), "--db", str(db), *flags]
        )
        assert result.exit_code == 0, result.output
        corpus = api.load_corpus(db)
        assert corpus.mentions
        assert all(bool(m.scores) == scored for m in corpus.mentions.values())
        event = corpus.events[0]
        shown = CliRunner().invoke(main, ["explain", event.id, "--db", str(db)])
        assert shown.exit_code == 0, shown.output
        assert ("model: type" in shown.output) == scored


@pytest.mark.slow
def test_eval_runs_with_and_without_the_models(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import main

    gold = _write(
        tmp_path / "g.jsonl",
        {
            "id": "g1",
            "text": "Police arrested the opposition leader in Harare.",
            "events": [{"event": "COERCE", "actor": ["ZWE"]}],
        },
    )
    for flags in ([], ["--no-model"]):
        result = CliRunner().invoke(main, ["eval", str(gold), *flags])
        assert result.exit_code == 0, result.output
        assert "COERCE" in result.output


TRAIN_LINES = [
    ("Police arrested the opposition leader in Harare.", "COERCE", "arrested"),
    ("Troops shelled the border town of Kassala overnight.", "ASSAULT", "shelled"),
    ("Kenya and Uganda signed a trade agreement in Nairobi.", "AGREE", "signed"),
    ("Protesters marched through the centre of Lima.", "PROTEST", "marched"),
    ("The minister accused Rwanda of backing the rebels.", "ACCUSE", "accused"),
    ("Japan sent food aid to the flooded provinces of Pakistan.", "AID", "sent"),
    ("The two presidents are due to meet in Geneva next week.", "CONSULT", "meet"),
    ("An earthquake hit the city of Van, destroying hundreds of homes.", None, None),
    ("A storm hit the coast of Queensland on Sunday night.", None, None),
    ("Argentina beat France on penalties in the final.", None, None),
    ("A gas explosion at a chemical plant killed twelve workers.", None, None),
]


@pytest.mark.slow
def test_the_trainer_writes_loadable_weights_and_a_card_from_a_tiny_corpus(tmp_path):
    from newsevents.evaluate.train import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = []
    for i in range(6):  # copies under other ids, so every split gets lines
        for k, (text, event, trigger) in enumerate(TRAIN_LINES):
            events = (
                []
                if event is None
                else [
                    {
                        "event": event,
                        "factuality": "future" if event == "CONSULT" else "asserted",
                        "actor": [],
                        "recipient": [],
                        "trigger": trigger,
                    }
                ]
            )
            tags = ["register:wire", "region:global"] + ([] if event else ["negative"])
            lines.append({"id": f"t-{i}-{k:04d}", "text": text, "events": events, "tags": tags})
    _write(corpus / "tiny.jsonl", *lines)
    out, card = tmp_path / "w.npz", tmp_path / "card.md"
    code = main(
        [
            "--corpus",
            str(corpus),
            "--blind",
            str(tmp_path / "no-blind"),
            "--out",
            str(out),
            "--card",
            str(card),
            "--no-ablation",
            "--c",
            "1.0",
        ]
    )
    assert code == 0
    models = learn.load_learned(out)
    assert "NONE" in models.type.classes and models.meta["trained_on"]["records"]["train"] > 0
    assert "## Figures on the corpus splits" in card.read_text(encoding="utf-8")
    again = tmp_path / "again.npz"
    main(
        [
            "--corpus",
            str(corpus),
            "--blind",
            str(tmp_path / "no-blind"),
            "--out",
            str(again),
            "--card",
            str(card),
            "--no-ablation",
            "--c",
            "1.0",
        ]
    )
    assert again.read_bytes() == out.read_bytes()  # reproducible


# --- features of the path above the trigger and per-label bars -----------------------------


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Kenya and Uganda plan to sign a border treaty.", "sign", "gov=plan|xcomp"),
        ("Kenya denied that its troops attacked the village.", "attack", "gov=deny|ccomp"),
        ("If Ghana attacks the border post, Togo will respond.", "attack", "own=mark:if"),
        ("Did Peru expel the ambassador?", "expel", "question"),
        ("Chile will not expel the ambassador.", "expel", "own=neg:not"),
    ],
)
def test_the_path_features_say_what_governs_the_trigger(analyze, text, lemma, expected):
    doc = analyze(text)
    (m,) = [m for m in doc.events if m.trigger_lemma == lemma] or [None]
    if m is None:  # the rules found no event there: describe the verb as a candidate
        tok = next(t for t in doc.parse if t.lemma_ == lemma)
        m = dataclasses.replace(
            _probe(doc), trigger=Span(tok.idx, tok.idx + len(tok)), trigger_lemma=lemma
        )
    assert expected in learn.candidate_features(doc, m)


def _probe(doc):
    from newsevents.model import EventMention

    return EventMention(
        article_id="t",
        index=0,
        sentence=doc.sentences[0],
        trigger=doc.sentences[0],
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
    )


def test_a_day_after_publication_in_the_sentence_is_a_feature(analyze):
    text = "Ghana and Togo will hold talks on 14 March 2031 in Lome."
    for published, expected in (("2030-12-01", "time=after"), ("2031-06-01", "time=before")):
        doc = analyze(text, published=published)
        tok = next(t for t in doc.parse if t.lemma_ == "talk")
        m = dataclasses.replace(
            _probe(doc), trigger=Span(tok.idx, tok.idx + len(tok)), trigger_lemma="talk"
        )
        assert expected in learn.candidate_features(doc, m)


def test_a_bar_per_factuality_label_overrides_the_common_one():
    p_type = {"NONE": 0.0, "CONSULT": 0.9, "AGREE": 0.1}
    p_fact = {"asserted": 0.3, "future": 0.7}
    common = {"drop": 0.9, "retype": 1.01, "factuality": 0.8}
    assert learn.decide("CONSULT", "asserted", p_type, p_fact, common).factuality == "asserted"
    own = {**common, "factuality.future": 0.6}
    assert learn.decide("CONSULT", "asserted", p_type, p_fact, own).factuality == "future"


def test_a_sure_pattern_is_never_dropped_or_retyped_only_relabelled():
    p_type = {"NONE": 0.95, "ASSAULT": 0.03, "PROTEST": 0.02}
    p_fact = {"asserted": 0.1, "reported": 0.9}
    bars = {"drop": 0.75, "retype": 0.01, "factuality": 0.8}
    assert not learn.decide("ASSAULT", "asserted", p_type, p_fact, bars).keep
    sure = learn.decide("ASSAULT", "asserted", p_type, p_fact, bars, sure=True)
    assert sure.keep and sure.event == "ASSAULT" and sure.factuality == "reported"
    assert sure.scores[0].action == "kept: the pattern is sure"


def test_a_weapon_hitting_or_killing_stays_an_event_with_the_models(learned_resources):
    # the learned type model reads "hit" after a noun subject as a disaster's (an earthquake
    # hit ...); a weapon or an attack as the subject leaves no such reading
    def coded(text: str) -> list[tuple[str, str]]:
        doc = api.analyze_text(text, resources=learned_resources, published="2025-04-01")
        return [(e.event, e.rule) for e in doc.events]

    hit = coded("A drone strike hit a market in Kharkiv on Monday.")
    assert hit == [("ASSAULT", "assault.projectile_hit")]
    # (the parse hangs "killed" on its subject as a participle: a direct object says it is not)
    killed = coded("A drone strike killed 12 people in a market town on Monday, residents said.")
    assert killed == [("ASSAULT", "assault.casualties_by_weapon")]


def test_an_unknown_threshold_in_the_weights_file_is_a_config_error(tmp_path):
    hand = _hand_models()
    path = tmp_path / "w.npz"
    save_learned(
        path,
        {"type": hand.type, "factuality": hand.factuality},
        {**hand.thresholds, "factuality.maybe": 0.5},
        {},
    )
    with pytest.raises(ConfigError, match=r"unknown threshold 'factuality\.maybe'"):
        learn.load_learned(path)


# --- the clause model (events the rules missed) and the party scorer ------------------------


def _with_clause_model(resources, **thresholds):
    hand = _hand_models()
    added = _tiny("added", ("NONE", "PROTEST"), {"lemma=table": {"PROTEST": 9.0}})
    models = dataclasses.replace(hand, added=added, thresholds={**hand.thresholds, **thresholds})
    return dataclasses.replace(resources, learned=models)


def test_the_clause_model_adds_an_event_where_the_rules_coded_nothing(resources):
    text = "The committee tabled the motion in Nairobi on Monday."
    assert api.analyze_text(text, resources=resources).events == []
    # without an "add" bar in the weights file the clause model adds nothing
    assert api.analyze_text(text, resources=_with_clause_model(resources)).events == []
    (m,) = api.analyze_text(text, resources=_with_clause_model(resources, add=0.9)).events
    assert m.event == "PROTEST" and m.rule == "model:added" and m.trigger_lemma == "table"
    assert m.scores[0].action == "added by the model" and m.scores[0].score > 0.9
    assert [a.name for a in m.actor] == ["The committee"]


@pytest.mark.parametrize(
    ("rule", "probs", "thresholds", "expected"),
    [
        # another head scores clearly better: it replaces the rules' choice
        (0, [{"recipient": 0.2}, {"recipient": 0.9}], {"party": 0.5, "party.margin": 0.3}, 1),
        # better, but not by the margin: the rules' choice stays
        (0, [{"recipient": 0.7}, {"recipient": 0.9}], {"party": 0.5, "party.margin": 0.3}, 0),
        # the rules left the slot empty: a head above the bar fills it
        (None, [{"recipient": 0.8}], {"party": 0.5, "party.margin": 0.3}, 0),
        (None, [{"recipient": 0.4}], {"party": 0.5, "party.margin": 0.3}, None),
        # no bar in the weights file: the scorer only scores
        (0, [{"recipient": 0.0}, {"recipient": 1.0}], {}, 0),
    ],
)
def test_the_party_scorer_keeps_the_rules_choice_unless_clearly_better(
    rule, probs, thresholds, expected
):
    from newsevents.learn.parties import choose

    assert choose("recipient", rule, probs, thresholds).head == expected


def test_only_a_named_phrase_may_replace_the_rules_choice(parse):
    from newsevents.learn.parties import choose, named

    doc = parse("Nigeria will withdraw its force from Chad.")
    force, chad = (next(t for t in doc.parse if t.text == w) for w in ("force", "Chad"))
    assert not named(force) and named(chad)
    probs = [{"recipient": 0.1}, {"recipient": 0.95}]
    th = {"party": 0.5, "party.margin": 0.3}
    assert choose("recipient", 0, probs, th, eligible=[True, named(force)]).head == 0
    assert choose("recipient", 0, probs, th, eligible=[True, named(chad)]).head == 1


def test_the_party_scorer_never_puts_one_phrase_in_both_slots():
    from newsevents.learn.parties import choose

    probs = [{"actor": 0.1, "recipient": 0.1}, {"actor": 0.95, "recipient": 0.95}]
    th = {"party": 0.5, "party.margin": 0.3}
    actor = choose("actor", 0, probs, th)
    assert actor.head == 1 and actor.changed
    assert choose("recipient", None, probs, th, taken=actor.head).head is None


def test_the_party_scorer_changes_a_recipient_in_the_real_pipeline(resources):
    text = "Kenyan police arrested a Ugandan trader at Busia on Monday."
    hand = _hand_models()
    party = _tiny(
        "party",
        ("actor", "recipient", "none"),
        {"rel=prep:at": {"recipient": 12.0}, "bias": {"none": 1.0}},
    )
    models = dataclasses.replace(
        hand,
        party=party,
        thresholds={**hand.thresholds, "party": 0.9, "party.margin": 0.3, "drop": 1.01},
    )
    res = dataclasses.replace(resources, learned=models)
    (rule,) = [m for m in api.analyze_text(text, resources=resources).events]
    (seen,) = [m for m in api.analyze_text(text, resources=res).events]
    assert [a.name for a in seen.recipient] != [a.name for a in rule.recipient]
    assert seen.recipient[0].name == "Busia"
    scores = {s.model: s for s in seen.scores}
    assert scores["recipient"].action == "recipient changed" and scores["actor"].action == "kept"


def test_the_corpus_loader_places_actor_and_recipient_text_nearest_the_trigger(tmp_path):
    line = {
        **GOOD,
        "id": "t-agree-0009",
        "text": "Chad thanked Niger. Later Chad and Niger signed a deal with Mali.",
        "events": [
            {
                "event": "AGREE",
                "factuality": "asserted",
                "actor": ["TCD"],
                "recipient": ["MLI"],
                "actor_text": "Chad",
                "recipient_text": "Mali",
                "trigger": "signed a deal",
            }
        ],
    }
    (rec,) = load_corpus([_write(tmp_path / "c.jsonl", line)]).records
    (e,) = rec.events
    assert e.actor_span is not None and e.actor_span.start == rec.text.index("Chad and")
    assert e.recipient_span is not None and e.recipient_span.of(rec.text) == "Mali"


def test_the_drop_bar_is_the_cleanest_within_the_f1_tolerance(monkeypatch):
    """Among drop bars within TOLERANCE of the best dev F1, the one with the cleanest
    negatives wins (then precision, then the highest bar), not simply the highest bar."""
    from newsevents.evaluate import train

    def fake_figures(records, cands, th, types):
        drop = th["drop"]
        # F1 flat within the tolerance from 0.7 to 0.8, negatives cleanest at 0.75
        f1 = 0.62 if drop <= 0.8 else 0.55
        negatives = 0.95 if drop == 0.75 else 0.90
        return {"f1": f1, "negatives_no_fact": negatives, "precision": 0.8}

    monkeypatch.setattr(train, "figures", fake_figures)
    monkeypatch.setattr(train, "_fact_accuracy", lambda aligned, th: 0.9)
    chosen = train.choose_thresholds([], [], None)  # type: ignore[arg-type]
    assert chosen["drop"] == 0.75
    assert min(train.DROP_GRID) >= 0.7


@pytest.mark.parametrize(
    ("accuracy", "expected"),
    [
        # a higher bar within ADD_GAIN of the best: the most conservative pair wins
        ({(0.5, 0.2): 0.7276, (0.8, 0.2): 0.7260}, {"party": 0.8, "party.margin": 0.2}),
        # only the best pair is near it
        ({(0.5, 0.2): 0.7400}, {"party": 0.5, "party.margin": 0.2}),
        # no pair beats the rules by more than ADD_GAIN: the rules' parties are kept
        ({(0.5, 0.2): 0.7240}, {}),
    ],
)
def test_the_party_bar_is_the_most_conservative_near_the_best(monkeypatch, accuracy, expected):
    from newsevents.evaluate import train

    def fake_accuracy(dev, th):
        if th is None:
            return 0.7232
        return accuracy.get((th["party"], th["party.margin"]), 0.7200)

    monkeypatch.setattr(train, "party_accuracy", fake_accuracy)
    assert train.party_thresholds([]) == expected


@pytest.mark.parametrize(
    ("text", "lemma", "hedged"),
    [
        ("Troops reportedly shelled the town. Talks resumed later.", "shell", True),
        ("Troops shelled the town. Talks reportedly resumed later.", "shell", False),
        ("Talks resumed later. Troops allegedly shelled the town.", "shell", True),
        ("Troops shelled the town.", "shell", False),
    ],
)
def test_a_hedge_counts_only_in_the_triggers_own_sentence(analyze, text, lemma, hedged):
    doc = analyze(text)
    tok = next(t for t in doc.parse if t.lemma_ == lemma)
    assert ("cls=hedge" in learn.features.cue_features(tok, "asserted")) is hedged


def test_missed_clauses_are_the_uncovered_verbs(analyze):
    from newsevents.learn.features import missed_clauses

    doc = analyze("The villagers sang loudly while the soldiers watched.")
    verbs = [t.lemma_ for t in missed_clauses(doc, [])]
    assert verbs == [t.lemma_ for t in doc.parse if t.pos_ == "VERB"]


@pytest.mark.parametrize(
    ("text", "passive"),
    [("The envoy was expelled by Peru.", True), ("Peru expelled the envoy.", False)],
)
def test_party_features_given_the_voice_match_those_reading_it(analyze, text, passive):
    from newsevents.learn.parties import is_passive, party_features

    doc = analyze(text)
    trigger = next(t for t in doc.parse if t.lemma_ == "expel")
    assert is_passive(trigger) is passive
    for h in (t for t in doc.parse if t.pos_ == "PROPN"):
        assert party_features(trigger, h, "EXPEL", passive) == party_features(trigger, h, "EXPEL")
        assert f"rel_pass={party_features(trigger, h, 'EXPEL')[1][4:]}|{passive}" in (
            party_features(trigger, h, "EXPEL")
        )


def test_the_party_model_never_makes_the_reactor_the_acts_doer(learned_resources):
    # "X condemned the killing": the rules leave the killing's doer empty, and the party
    # model may not fill it with the one who condemned it
    doc = api.analyze_text(
        "GENEVA - The Office of the UN High Commissioner for Human Rights condemned the "
        "killing of 40 people in Port-au-Prince on Monday.",
        resources=learned_resources,
        published="2024-03-08",
    )
    killing = [e for e in doc.events if e.trigger_lemma == "killing"]
    assert killing
    for e in killing:
        assert not any("Office" in a.name for a in e.actor)
