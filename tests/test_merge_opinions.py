"""Opinions about an act are not reports of it (evaluative clauses never join a report)."""

from __future__ import annotations

import dataclasses

import pytest

from builders import art, men
from newsevents.merge import MergeConfig, merge
from newsevents.merge.features import evaluative_subject
from newsevents.merge.knowledge import load_knowledge
from newsevents.model import Actor, Article, EventMention, Span


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Killing him was a grave mistake.", "Killing", True),
        ("The raid on the port would be reckless, analysts said.", "raid", True),
        ("Critics said that, but the strike was illegal.", "strike", True),
        ("Drones struck the port on Monday.", "struck", False),
        ("The raid killed four people, and the port was closed.", "raid", False),
        ("Officials said the strike was carried out at dawn.", "strike", False),
    ],
)
def test_evaluative_subject(sentence: str, trigger: str, expected: bool) -> None:
    a = art("v1", "Harbor Daily", "2021-03-06", sentence)
    m = men(a, 0, sentence, trigger)
    assert evaluative_subject(m, a.text, load_knowledge()) is expected


def _opinion_pair(factuality: str = "asserted") -> tuple[list[Article], list[EventMention]]:
    r = art(
        "o1",
        "Harbor Daily",
        "2021-03-06",
        "Freedonian drones killed rebel commander Ito Vance near Lake Mora on Friday.",
    )
    o = art(
        "o2",
        "Morning Ledger",
        "2021-03-06",
        "Killing Ito Vance was a reckless Freedonian gamble that will cost Lake Mora dearly.",
    )
    kw = dict(actor=(("Freedonian", "FRE"),), date="2021-03-05", killed=None)
    m1 = men(r, 0, r.text, "killed", **kw)  # type: ignore[arg-type]
    m2 = men(o, 0, o.text, "Killing", factuality=factuality, **kw)  # type: ignore[arg-type]
    return [r, o], [m1, m2]


def test_opinion_about_an_act_does_not_join_its_report() -> None:
    arts, ms = _opinion_pair()
    res = merge(arts, ms)
    assert len(res.events) == 2
    # the same pair joins when the opinion is worded like the report (threshold lowered)
    loose = merge(arts, ms, config=MergeConfig(evaluative_similarity=0.0))
    assert len(loose.events) == 1
    assert any("evaluative clause" in line for line in loose.events[0].explanation)


@pytest.mark.parametrize("factuality", ["hypothetical", "future", "negated"])
def test_non_factual_never_joins_a_factual_event(factuality: str) -> None:
    arts, ms = _opinion_pair(factuality)
    same = [ms[0], dataclasses.replace(ms[0], article_id="o2", factuality=factuality)]
    for config in (MergeConfig(), MergeConfig(evaluative_similarity=0.0, event_threshold=0.0)):
        res = merge(arts, same, config=config)
        assert len(res.events) == 2
        assert {e.factuality for e in res.events} == {"asserted", factuality}


def test_opinion_naming_the_reports_person_joins_it() -> None:
    """An opinion about an act joins its report on a concrete participant in common: a named
    person the coder tied to an entity counts, even when both sides carry a country code."""
    r = art("p1", "Harbor Daily", "2021-03-06", "Freedonian drones killed commander Ito Vance.")
    o = art("p2", "Harbor Daily", "2021-03-06", "The killing of Vance is a reckless gamble.")
    m1 = men(r, 0, r.text, "killed", actor=(("Freedonian", "FRE"),), date="2021-03-05")
    m2 = men(o, 0, o.text, "killing", date="2021-03-06")

    def named(m: EventMention, text: str, name: str, code: str | None) -> EventMention:
        start = text.index(name)
        who = Actor(Span(start, start + len(name)), name, code, entity=name if code else None)
        return dataclasses.replace(m, recipient=(who,))

    joined = merge(
        [r, o], [named(m1, r.text, "Ito Vance", "GRV"), named(m2, o.text, "Vance", "GRV")]
    )
    assert len(joined.events) == 1
