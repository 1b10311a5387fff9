"""The receiver of a hand-over: a party named in the "to" phrase wins over an object that
only carries a name, and is found where the parse hangs the phrase deep in the object.
Real spaCy and the full pipeline; hand-written sentences."""

from __future__ import annotations

import pytest

from newsevents import api


def _codes(actors):
    return sorted({(a.code or "")[:3] for a in actors if a.code})


@pytest.mark.parametrize(
    ("text", "receiver"),
    [
        ("Turkey sent three cargo planes loaded with tents and medicine to Myanmar.", "MMR"),
        ("Qatar sent two planes carrying flour and blankets to Sudan.", "SDN"),
        # a named party as the object stays the receiver
        ("Spain extradited a Russian hacker to the United States.", "USA"),
    ],
)
def test_receiver_of_a_hand_over(analyze, text, receiver):
    doc = analyze(text)
    assert any(receiver in _codes(e.recipient) for e in doc.events), [
        (e.event, _codes(e.recipient)) for e in doc.events
    ]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "Chinese, Laotian, Myanmar and Thai police launched another joint patrol on the "
            "Mekong river.",
            ["CHN", "LAO", "MMR", "THA"],
        ),
    ],
)
def test_learned_party_scorer_keeps_coordinated_actors(learned_resources, text, actors):
    # the party scorer may not replace the rules' several coordinated actors by one of them
    (ev,) = api.analyze_text(text, resources=learned_resources).events
    assert _codes(ev.actor) == actors
