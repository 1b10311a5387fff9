"""Cleaning rules, second round: headline lists under section headings, menu lines, copyright
and wire credit lines, donation/subscription calls that run on after the call.

Every line here is written for the tests (fictional places, people and outlets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from newsevents.errors import ConfigError
from newsevents.ingest.clean import (
    chrome_reason,
    clean_text,
    data_file,
    is_menu,
    parse_rules,
    remove_chrome,
)
from newsevents.resources import read_yaml

BODY = (
    "Dockworkers in the fictional port of Eastport walked out on Tuesday over pay, their "
    "union said.\n\n"
    "The port authority said it would meet union leaders on Friday. Ferries to the islands "
    "were cancelled for the day."
)


@pytest.mark.parametrize(
    ("tail", "reasons"),
    [
        # heading + headline lines, no blank lines between
        (
            "Most read\nValley farmers block the highway\nHarbour fees to rise in spring\n"
            "Where to find the best fish market",
            {"sections": 1, "section_list": 3},
        ),
        # markdown bullets; a listed headline may ask a question
        (
            "Related\n- Who runs the port of Eastport?\n- Ferry crews vote on new rota",
            {"sections": 1, "section_list": 2},
        ),
        # one paragraph per line (as HTML extraction gives), other chrome inside the list
        (
            "Latest news\n\nFishing quotas cut again\n\nNew bridge opens in Portville\n\n"
            "© 2021 The Harbour Ledger",
            {"sections": 1, "section_list": 2, "copyright": 1},
        ),
    ],
)
def test_section_heading_takes_its_headline_list(tail: str, reasons: dict[str, int]) -> None:
    cleaned = clean_text(f"{BODY}\n\n{tail}\n")
    assert cleaned.text == BODY
    for reason, n in reasons.items():
        assert cleaned.removed[reason] == n


def test_headline_list_stops_at_the_first_sentence() -> None:
    text = (
        f"{BODY}\n\nRelated\nFerry crews vote on new rota\n\n"
        "The strike is the first at the port since 2009, the union said.\n"
    )
    paras = clean_text(text).text.split("\n\n")
    assert paras[-1] == "The strike is the first at the port since 2009, the union said."
    assert "Ferry crews vote on new rota" not in paras


def test_headline_list_only_after_a_heading() -> None:
    # short unpunctuated lines with no section heading above them are not removed by this rule
    lines = ["Ferry crews vote on new rota", "", "The port reopened on Monday."]
    assert remove_chrome(lines, Counter()) == lines


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Home | News | Analysis | Campaigns | Shop", True),
        ("World | Middle East | Markets | Politics", True),
        ("Home › Harbour › Eastport", True),
        ("News • Sport • Weather • Fishing", True),
        ("Harbour | Weather", False),  # two items are not a menu
        ("Fees rose 3% / 4% / 5% in May.", False),  # a sentence
        ("Dockworkers walked out | the union backed them | ferries stopped sailing", False),
    ],
)
def test_menu_lines(line: str, menu: bool) -> None:
    assert is_menu(line) is menu
    assert (chrome_reason(line) == "menu") is menu


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("© 2021 The Harbour Ledger. All rights reserved.", "copyright"),
        ("© The Valley Bugle 2021", "copyright"),
        ("Copyright 2019-2021 Eastport Daily", "copyright"),
        ("(c) 2020 Lindmoor Review", "copyright"),
        ("All rights reserved.", "rights_reserved"),
        ("(Reporting by Ada Lind in Eastport; Editing by Ode Brannigan)", "credit_line"),
        (
            "(Reporting by Ada Lind in Eastport and Ina Roe in Portville; "
            "Editing by Ode Brannigan)",
            "credit_line",
        ),
        ("Mara Quill reported from Portville; additional reporting by Ina Roe.", "credit_line"),
        ("Additional reporting by Ina Roe", "credit_line"),
        (
            "Support The Valley Bugle: make a donation today and keep independent journalism free.",
            "donate",
        ),
        ("Make a donation to The Valley Bugle. Our reporting depends on readers.", "donate"),
        (
            "Subscribe to Lindmoor Weekly for news from the valley, the hills and the coast.",
            "subscribe",
        ),
        # body text stays
        ("Copyright law was changed by the assembly in 2019.", None),
        ("(c) the third option was rejected by the council", None),
        ("Reporting by the Harbour Ledger suggested the port would close.", None),
        ("Support for the strike: 62 percent of dockworkers backed it.", None),
        ("Support among members fell - one said the union had lost its way.", None),
        ("The charity asked residents to make a donation, and many did.", None),
        ("Farmers subscribe to the view that the charges are unfair.", None),
    ],
)
def test_chrome_reason_second_round(line: str, reason: str | None) -> None:
    assert chrome_reason(line) == reason


def test_credit_and_copyright_lines_leave_the_text() -> None:
    text = (
        f"{BODY}\n\n(Reporting by Ada Lind in Eastport; Editing by Ode Brannigan)\n\n"
        "© 2021 The Harbour Ledger. All rights reserved.\n"
    )
    assert clean_text(text).text == BODY


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.__setitem__("macros", ["NAME"]),
        lambda d: d.__setitem__("macros", {"NAME": 3}),
        lambda d: d.__setitem__("fragments", {"x": [{"NAME": "a"}]}),
        lambda d: d["macros"].__setitem__("NAME", "(unclosed"),
    ],
)
def test_chrome_macros_shape_check(mutate: Callable[[dict[str, Any]], None]) -> None:
    data = read_yaml(data_file("chrome.yaml"))
    mutate(data)
    with pytest.raises(ConfigError):
        parse_rules(data)


# --- in-word hyphen artefacts with a bare suffix (PDF layout) -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tail is a bare inflection/suffix and the head a lower-case stem: joined, even
        # when the joined word is used nowhere else in the text
        ("The plan, which he describ-ed as flawed, failed.", "which he described as flawed"),
        ("The motion is expect-ed to pass.", "The motion is expected to pass."),
        ("Crews work-ing through the night.", "Crews working through the night."),
        ("The talks ended abrupt-ly on Monday.", "The talks ended abruptly on Monday."),
        ("The announce-ment came late.", "The announcement came late."),
        ("A new regula-tion took effect.", "A new regulation took effect."),
        ("Its weak-ness showed.", "Its weakness showed."),
        ("The strong-est storm in years.", "The strongest storm in years."),
        ("The vessel-s stopped.", "The vessels stopped."),
        # the joined word used elsewhere in the text decides too (existing rule)
        ("An offer came. The off-er was refused.", "The offer was refused."),
        # real compounds survive
        ("The minister spoke of self-defense.", None),
        ("Troops at al-Asad and an Iranian-backed militia.", None),
        ("An anti-war march and a well-known counter-attack.", None),
        ("Early-warning systems; an early-warning system.", None),
        ("The Democratic-controlled House and the US-led coalition.", None),
        ("A co-ed school and an ex-es reunion.", None),  # head under 3 letters / a prefix
        ("The Harbour-ed ship.", None),  # capitalised head: a name, not a stem
        ("The pre-ed course.", None),  # compound prefix
    ],
)
def test_in_word_suffix_artefacts(text: str, expected: str | None) -> None:
    from newsevents.ingest.clean import repair_hyphens

    out = repair_hyphens(text)
    if expected is None:
        assert out == text
    else:
        assert expected in out and out.count("-") < text.count("-")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("artefact_suffixes"),
        lambda d: d.__setitem__("artefact_suffixes", "ed"),
        lambda d: d.__setitem__("artefact_suffixes", ["ed", "-ing"]),
    ],
)
def test_artefact_suffixes_shape_check(mutate: Callable[[dict[str, Any]], None]) -> None:
    data = read_yaml(data_file("chrome.yaml"))
    mutate(data)
    with pytest.raises(ConfigError):
        parse_rules(data)
