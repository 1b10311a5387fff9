"""Phrases read wrong before the fortieth session. Real spaCy, gazetteer and dictionaries;
hand-written sentences."""

from __future__ import annotations

import pytest


def _codes(actors) -> list[str | None]:
    return [a.code for a in actors]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Interior Minister Jon Vale accused Belgrade on Saturday of lying.", "SRB"),
        ("The defence minister accused Armenia of shelling border villages.", "ARM"),
        ("Foreign Minister Ana Ruiz criticised Caracas for the expulsions.", "VEN"),
    ],
)
def test_an_official_acting_on_a_state_named_as_such_is_not_of_that_state(analyze, text, recipient):
    """A national official accusing a state named by its name or capital is a foreign
    state's, not a state accusing itself: the doer keeps no country rather than a wrong one."""
    doc = analyze(text, published="2025-05-18")
    (act,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert _codes(act.recipient) == [recipient]
    assert _codes(act.actor) != [recipient]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The regional governor, Ana Ruiz, accused Lima on Thursday of sending police "
            "instead of negotiators.",
            "PER",
        ),
        (
            "The chief minister accused Kathmandu of withholding the province's share of "
            "federal revenue.",
            "NPL",
        ),
    ],
)
def test_a_local_office_holder_addressing_the_capital_is_at_home(analyze, text, country):
    """A governor or chief minister naming the capital addresses the national government of
    their own country (sectors.yaml local_offices)."""
    doc = analyze(text, published="2025-05-18")
    (act,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert (_codes(act.actor), _codes(act.recipient)) == ([country], [country])


@pytest.mark.parametrize(
    "text",
    [
        "The Government of Guatemala rejects the claim of the Republic of Honduras to the "
        "islands in its entirety.",
        "Kenya rejected Somalia's claim to the disputed waters.",
    ],
)
def test_a_rejection_whose_object_has_a_to_phrase_is_a_rejection(one_event, text):
    """'rejected X's claim to Y': the parser may hang 'to Y' on the verb; reject.reject keeps
    no 'not_prep' left from when 'turn (to, on, against)' was one of its words."""
    assert one_event(text, published="2025-05-18").event == "REJECT"
