"""Speed-only internals give what the plain code gives: ``evolve`` as ``dataclasses.replace``,
batched model scoring to the last bit, the per-token argument memos as fresh lists."""

from __future__ import annotations

import dataclasses
import random

import pytest

from newsevents.extract import load_codebook
from newsevents.extract.parse import Parse, index_children, preps_of
from newsevents.learn.weights import load_learned
from newsevents.model import Actor, EventMention, Place, Span, evolve


def _mention() -> EventMention:
    return EventMention(
        article_id="a1",
        index=0,
        sentence=Span(0, 40),
        trigger=Span(5, 12),
        event="ASSAULT",
        cameo="190",
        intensity=-10.0,
        factuality="asserted",
        actor=(Actor(Span(0, 4), "Army"),),
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"index": 3},
        {"event": "PROTEST", "cameo": "140", "mode": None},
        {"actor": (), "recipient": (Actor(Span(20, 25), "Kenya", code="KEN"),)},
        {},
    ],
)
def test_evolve_is_replace(changes: dict[str, object]) -> None:
    m = _mention()
    new, want = evolve(m, **changes), dataclasses.replace(m, **changes)  # type: ignore[arg-type]
    assert new == want and hash(new) == hash(want)
    assert new is not m and m == _mention()  # the original is untouched


def test_evolve_other_records() -> None:
    place = Place("Nairobi", "KEN", -1.28, 36.82, "city", span=Span(1, 8))
    assert evolve(place, span=None) == dataclasses.replace(place, span=None)


def test_evolve_refuses_unknown_fields() -> None:
    with pytest.raises(TypeError, match="no field"):
        evolve(_mention(), nope=1)


def test_batched_scores_equal_one_by_one() -> None:
    learned = load_learned()
    rng = random.Random(7)
    for model in (learned.type, learned.factuality, learned.party):
        n = model.coef.shape[0]
        batch = [
            [rng.randrange(n) for _ in range(rng.choice([0, 1, 5, 13, 13, 40, 150]))]
            for _ in range(40)
        ]
        assert model.proba_rows_many(batch) == [model.proba_rows(rows) for rows in batch]
    feats = [["bias", "rt=ASSAULT", "lemma=strike"], ["bias"], []]
    assert learned.score_many(feats) == [learned.score(f) for f in feats]
    assert learned.type.proba_many([]) == []


def test_argument_memos_give_fresh_lists(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police arrested the protesters in the capital and charged them with rioting.")
    book = load_codebook(phoenix=False)
    plain = [(preps_of(t), Parse(book).objects(t), Parse(book).subjects(t)) for t in doc]
    index_children(doc)
    parse = Parse(book)
    for t, (preps, objs, subjs) in zip(doc, plain, strict=True):
        for _ in range(2):
            got = preps_of(t)
            assert got == preps
            got.setdefault("x", []).append(t)  # a caller's change stays its own
            o = parse.objects(t)
            assert o == objs
            o.append(t)
            assert parse.subjects(t) == subjs
