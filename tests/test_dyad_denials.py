"""A denial of a clause ("X denied that its troops shelled Y"): "its" is the denier (as in a
reported clause), the denied act is X's negated act on Y, and the denial itself has no
recipient from the clause it denies. Real spaCy and the full pipeline; hand-written
sentences."""

from __future__ import annotations

import pytest


def _codes(actors):
    return sorted({(a.code or "")[:3] for a in actors if a.code})


@pytest.mark.parametrize(
    ("text", "denier", "doer", "target"),
    [
        ("Moscow denied that its jets had bombed the hospital in Idlib.", "RUS", "RUS", "SYR"),
        ("Kigali denied that its soldiers had shelled Congolese villages.", "RWA", "RWA", "COD"),
        (
            "Ankara insisted that its troops had not shelled Kurdish towns in Syria.",
            None,
            "TUR",
            "SYR",
        ),
    ],
)
def test_denier_owns_its_and_denial_names_no_recipient(analyze, text, denier, doer, target):
    doc = analyze(text)
    by_type = {e.event: e for e in doc.events}
    act = by_type["ASSAULT"]
    assert act.factuality == "negated"
    assert _codes(act.actor) == [doer] and target in _codes(act.recipient)
    if denier is not None:
        denial = by_type["REJECT"]
        assert _codes(denial.actor) == [denier] and not denial.recipient


def test_a_charge_still_names_the_accused(analyze):
    # an accusation's clause names whom it accuses: not a denial
    doc = analyze("Azerbaijan charged that Armenian forces had violated the truce overnight.")
    (acc,) = [e for e in doc.events if e.event == "ACCUSE"]
    assert _codes(acc.recipient) == ["ARM"]
