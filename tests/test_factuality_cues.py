"""The factuality cue words (data/factuality_cues.yaml): their loader's schema check, the
rules' use of them (extract.factuality) and the learned model's cue-class features."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsevents import learn
from newsevents.errors import ConfigError
from newsevents.model import EventMention, Span
from newsevents.resources import FactualityCues, load_factuality_cues, read_factuality_cues


def test_the_packaged_cues_load_with_every_list():
    cues = load_factuality_cues()
    for f in dataclasses.fields(FactualityCues):
        assert getattr(cues, f.name), f"{f.name} is empty"
    assert "due" in cues.plan_governors and "deny" in cues.denial_verbs


def _write(tmp_path: Path, change: dict[str, object]) -> Path:
    lists: dict[str, object] = {f.name: ["word"] for f in dataclasses.fields(FactualityCues)}
    lists.update(change)
    lists = {k: v for k, v in lists.items() if v is not None}
    path = tmp_path / "cues.yaml"
    path.write_text("\n".join(f"{k}: {v!r}".replace("'", '"') for k, v in lists.items()))
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"denial_verbs": None}, r"missing lists \['denial_verbs'\]"),
        ({"maybe_words": ["perhaps"]}, r"unknown lists \['maybe_words'\]"),
        ({"hedge_adverbs": ["Reportedly"]}, "hedge_adverbs must be a list of lower-case words"),
        ({"plan_nouns": "plan"}, "plan_nouns must be a list of lower-case words"),
    ],
)
def test_a_broken_cue_file_is_a_config_error(tmp_path, change, message):
    with pytest.raises(ConfigError, match=message):
        read_factuality_cues(_write(tmp_path, change))


def test_a_well_formed_cue_file_reads(tmp_path):
    assert read_factuality_cues(_write(tmp_path, {})).claim_nouns == frozenset({"word"})


@pytest.mark.parametrize(
    ("text", "event", "fact"),
    [
        # a schedule ("due to", "slated to", "is to") is a plan of the act's own type
        ("The two foreign ministers are due to meet in Lusaka on Friday.", "CONSULT", "future"),
        ("The premier is slated to visit Accra next month.", "CONSULT", "future"),
        # doubt
        ("The prime minister is unlikely to visit Beirut this year.", "CONSULT", "hypothetical"),
        # a denied claim of the act
        ("The army denied claims of shelling the village.", "ASSAULT", "negated"),
        ("The ministry denied reports that its troops had shelled the town.", "ASSAULT", "negated"),
        # a negative doer or object, a sentence opening with "Nor"
        ("Nobody arrested the reporters.", "COERCE", "negated"),
        ("Nor has the government lifted the curfew.", "CONCEDE", "negated"),
        # a negative passive subject gives a toll: the act happened
        ("No one was killed when rebels attacked the convoy.", "ASSAULT", "asserted"),
        # of any other act a negative patient says it did not happen
        ("This time nobody was arrested at the rally.", "COERCE", "negated"),
        ("None of the activists were detained by the guards.", "COERCE", "negated"),
        ("Rebels attacked the convoy near the border.", "ASSAULT", "asserted"),
        # a conjunct clause with its own subject keeps its own mood: the first's "not" and
        # "will" are not the second's
        ("Putin did not attend, but Erdogan met Aliyev in Baku.", "CONSULT", "asserted"),
        ("Mali will not attend, but Niger sent troops to the border.", "MOBILIZE", "asserted"),
    ],
)
def test_the_rules_read_the_cues(analyze, text, event, fact):
    found = [e.factuality for e in analyze(text).events if e.event == event]
    assert fact in found, found


def _at(doc, word: str) -> EventMention:
    tok = next(t for t in doc.parse if t.text == word)
    return EventMention(
        article_id="t",
        index=0,
        sentence=doc.sentences[0],
        trigger=Span(tok.idx, tok.idx + len(tok)),
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
        trigger_lemma=tok.lemma_,
    )


@pytest.mark.parametrize(
    ("text", "word", "expected", "absent"),
    [
        ("Ghana and Togo are due to meet in Lome.", "meet", "cls=plan", "cls=deny"),
        ("Mali dismissed reports that its troops shelled Gao.", "shelled", "cls=deny_claim", None),
        ("No troops crossed the border.", "crossed", "cls=negparty_own", "cls=plan"),
        ("The army may have shelled the town.", "shelled", "cls=modal_perfect_own", None),
        ("Rebels reportedly shelled the town.", "shelled", "cls=hedge", "cls=modal_own"),
        ("Rebels shelled the town.", "shelled", None, "cls=hedge"),
    ],
)
def test_the_model_sees_the_cue_classes(parse, text, word, expected, absent):
    doc = parse(text)
    feats = learn.candidate_features(doc, _at(doc, word))
    assert expected is None or expected in feats
    assert absent is None or absent not in feats


@pytest.mark.parametrize(
    ("p_fact", "thresholds", "added"),
    [
        # a fact needs the "add" bar; a planned act only the lower "add.unreal" bar
        ({"asserted": 0.9, "future": 0.1}, {"add": 0.8, "add.unreal": 0.6}, False),
        ({"asserted": 0.1, "future": 0.9}, {"add": 0.8, "add.unreal": 0.6}, True),
        # without "add.unreal" nothing unreal is added, without "add" nothing factual
        ({"asserted": 0.1, "future": 0.9}, {"add": 0.6}, False),
        ({"asserted": 0.9, "future": 0.1}, {"add.unreal": 0.6}, False),
    ],
)
def test_each_added_factuality_has_its_bar(p_fact, thresholds, added):
    p_added = {"NONE": 0.3, "CONSULT": 0.7}
    chosen = learn.add_decision(p_added, p_fact, thresholds)
    assert (chosen is not None) is added


@pytest.mark.parametrize(
    ("gold", "rule", "expected"),
    [
        # the gold type: the gold factuality
        (("CONSULT", "future"), ("CONSULT", "asserted"), "future"),
        # an announced expulsion the rules coded as a threat: the threat was made
        (("SANCTION", "hypothetical"), ("THREATEN", "asserted"), "asserted"),
        (("ASSAULT", "future"), ("THREATEN", "reported"), "reported"),
        # a planned meeting coded as a promise (AGREE): coders may read it either way
        (("CONSULT", "future"), ("AGREE", "reported"), None),
        # not an announcement: no label (REJECT for a denial has its own factuality)
        (("ASSAULT", "negated"), ("REJECT", "asserted"), None),
        (("CONSULT", "asserted"), ("AGREE", "asserted"), None),
    ],
)
def test_a_declared_commitment_keeps_the_rules_factuality_as_its_label(
    resources, gold, rule, expected
):
    from newsevents.evaluate.train import _fact_label
    from newsevents.learn.corpus import TrainEvent

    g = TrainEvent(event=gold[0], factuality=gold[1], trigger=Span(0, 4))
    m = EventMention(
        article_id="t",
        index=0,
        sentence=Span(0, 10),
        trigger=Span(0, 4),
        event=rule[0],  # type: ignore[arg-type]
        cameo="000",
        intensity=0.0,
        factuality=rule[1],  # type: ignore[arg-type]
    )
    assert _fact_label(g, m, resources.types) == expected
