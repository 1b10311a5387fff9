"""Non-events the sample corpus's gold marks and the coder told as facts (eighteenth session),
each fixed by a general rule: blaming a cause that is no party accuses nobody; a background
noun phrase the parser read as a clause ("after the missile strikes") is background, as
"after the strikes" is; a capacity ("has the power to expel") is no act. Real spaCy;
hand-written sentences."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Airline officials blamed a technical problem for the crash.",
        "Organisers blamed bad weather for the delay of the ceremony.",
        "Hours after the missile strikes, a passenger plane crashed near the airport.",
        "Days after the air raids, aid workers reached the town.",
        # a capacity is no act, had or lacked
        "The cabinet lacks the power to expel the ambassador.",
        "The interim council has the authority to dissolve parliament.",
    ],
)
def test_no_event_is_coded(coded, text):
    assert not coded(text), coded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party blamed is an accusation, whatever it is blamed for
        ("Kyiv blamed Moscow for the failure of the talks.", "ACCUSE"),
        # a clause with an object of its own is no background noun phrase
        ("After the army shells the town, residents flee to the hills.", "ASSAULT"),
        # "authorities" is no capacity: their own act in a relative clause stays
        ("The authorities, who freed the journalist last month, expelled two envoys.", "RETREAT"),
    ],
)
def test_acts_named_like_them_stay(coded, text, expected):
    assert expected in {event for event, _ in coded(text)}
