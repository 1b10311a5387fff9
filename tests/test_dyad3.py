"""Who did it to whom, fifth session: the general causes the dev-dyad3 articles showed
(tests/dev/dyad3/), each fixed by a general rule and checked through the real pipeline on
our own sentences."""

from __future__ import annotations

import pytest


def _codes(side) -> set[str | None]:
    return {a.code for a in side}


def _event(doc, kind):
    found = [e for e in doc.events if e.event == kind]
    assert found, f"no {kind} in {[e.event for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        # "whose X": the noun the relative clause hangs from owns X
        (
            "Turkey, whose jets struck Syrian army posts on Sunday, rejected the charge.",
            "ASSAULT",
            "TUR",
        ),
        (
            "Chile, whose navy had seized two Peruvian trawlers, rejected the protest.",
            "COERCE",
            "CHL",
        ),
        # "their X" after coordinated states: the previous sentence's subject owns X
        (
            "Niger and Chad renewed their pact. Their defence ministers met Sudan's envoy in "
            "Khartoum on Friday.",
            "CONSULT",
            "NER",
        ),
    ],
)
def test_a_possessive_takes_its_antecedents_country(analyze, text, kind, actor):
    ev = _event(analyze(text), kind)
    assert actor in _codes(ev.actor)
