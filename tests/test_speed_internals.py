"""Speed-only internals give what the plain code gives: ``evolve`` as ``dataclasses.replace``,
batched model scoring to the last bit, the per-token argument memos as fresh lists, the quote
marks scan that skips to the marks, the per-document phrase codes as fresh copies, the
remembered place-name keys."""

from __future__ import annotations

import dataclasses
import pickle
import random

import pytest

from newsevents.extract import load_codebook, quotes
from newsevents.extract.parse import Parse, index_children, preps_of
from newsevents.learn.weights import load_learned
from newsevents.model import Actor, EventMention, Place, Span, evolve
from newsevents.resolve.actors.document import ParticipantCoder
from newsevents.resolve.actors.phrase import code_phrase
from newsevents.resolve.place.gazetteer import NameKey


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


def _quote_spans_char_by_char(text: str) -> list[tuple[int, int]]:
    """The marks scan as it was before it skipped to the marks: every character visited."""
    spans: list[tuple[int, int]] = []
    dbl: int | None = None
    sgl: int | None = None
    for i, ch in enumerate(text):
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "\n" and nxt == "\n":
            dbl = sgl = None
        elif dbl is not None:
            if ch in quotes._DOUBLE_CLOSE and not prev.isspace():
                if i > dbl:
                    spans.append((dbl, i))
                dbl = None
            elif ch in "“„":
                dbl = i + 1
        elif sgl is not None:
            if ch in quotes._SINGLE_CLOSE and not prev.isspace() and not nxt.isalnum() and i > sgl:
                spans.append((sgl, i))
                sgl = None
        elif (
            ch in quotes._DOUBLE_OPEN
            and (prev in quotes._OPEN_CONTEXT or ch != '"')
            and not nxt.isspace()
        ):
            dbl = i + 1
        elif (
            ch in quotes._SINGLE_OPEN
            and prev in quotes._OPEN_CONTEXT
            and (nxt.isalnum() or nxt in '“"')
        ):
            sgl = i + 1
    return sorted(spans)


def test_quote_scan_skipping_to_the_marks_finds_the_same_spans() -> None:
    rng = random.Random(3)
    alphabet = "\n“„\"”‘'’ ab.(-:"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts.append('He said: "We will not leave." Iran’s envoy called it ‘a lie’.\n\n“Never')
    for text in texts:
        got = [(s.start, s.end) for s in quotes.find_quote_spans(text)]
        assert got == _quote_spans_char_by_char(text), text


def test_phrase_codes_are_memoised_as_fresh_copies(resources, parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("Iranian Foreign Minister Javad Zarif met the French ambassador in Tehran.")
    coder = ParticipantCoder(doc, resources.actors, resources.gazetteer)
    toks = list(doc.parse[0:5])
    first = coder._code(toks)
    assert first.code == "IRN"
    first.code = "XXX"  # a caller filling in a gap changes its own copy only
    again = coder._code(toks)
    assert again is not first and again.code == "IRN"
    assert again == code_phrase(toks, resources.actors, coder.date, resources.gazetteer)


def test_name_keys_are_remembered_as_computed() -> None:
    key = NameKey(frozenset({"the"}), ("'s", "'"))
    names = ["the Netherlands'", "Kenya’s", "  New   York ", "the", "Tigray's", "Kenya’s"]
    assert [key(n) for n in names] == [key._key(n) for n in names]
    assert [key(n) for n in names] == ["netherlands", "kenya", "new york", "the", "tigray", "kenya"]
    copy = pickle.loads(pickle.dumps(key))  # the compiled cache holds no remembered keys
    assert copy == key and hash(copy) == hash(key) and not copy._keys
    assert copy("the Netherlands'") == "netherlands"
