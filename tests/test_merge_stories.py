"""Stories: grouping articles by text, names and time; labels; acronyms and name spelling."""

from __future__ import annotations

import pytest

from builders import art, span
from newsevents.merge import merge
from newsevents.merge.entities import acronym_definitions
from newsevents.merge.text import name_key
from newsevents.model import Article, Entity


def _story_articles() -> list[Article]:
    flood = (
        "Heavy rain flooded the river valley of {c}; rescue teams evacuated villages "
        "and the dam overflowed."
    )
    talks = (
        "Negotiators from {c} and the rebels met for ceasefire talks; mediators praised "
        "the peace process."
    )
    return [
        art("f1", "Harbor Daily", "2021-07-01", flood.format(c="Sylvania"), "Floods in Sylvania"),
        art("t1", "Harbor Daily", "2021-07-01", talks.format(c="Freedonia"), "Ceasefire talks"),
        art(
            "f2",
            "Continental Wire",
            "2021-07-02",
            flood.format(c="Sylvania") + " Rescue continues.",
            "Sylvania flood rescue",
        ),
        art("t2", "Continental Wire", "2021-07-02", talks.format(c="Freedonia"), "Peace talks"),
        # a similar flood in the same valley two months later is another story
        art("f3", "Morning Ledger", "2021-09-10", flood.format(c="Sylvania"), "Floods again"),
    ]


def test_stories_group_by_text_names_and_time() -> None:
    res = merge(_story_articles(), [])
    groups = sorted(sorted(s.article_ids) for s in res.stories)
    assert groups == [["f1", "f2"], ["f3"], ["t1", "t2"]]


def test_story_label_and_entities_resolve_variants() -> None:
    t1 = (
        "Soldiers of the Popular Mobilisation Front (PMF) clashed with police. "
        "Jane Q. Doe, the commander, was wounded."
    )
    t2 = "The Popular Mobilization Front said its leader Doe was hurt. The PMF blamed police."
    t3 = "Commander Jane Doe of the P.M.F. was wounded in clashes with police; the PMF vowed calm."
    arts = [
        art("e1", "Harbor Daily", "2021-08-01", t1),
        art("e2", "Continental Wire", "2021-08-01", t2),
        art("e3", "Morning Ledger", "2021-08-02", t3),
    ]
    ents = {
        "e1": [
            Entity("k1", "Popular Mobilisation Front", None, None, "ORG", (span(t1, "PMF"),)),
            Entity(
                "k2",
                "Jane Q. Doe",
                "SYL",
                "MIL",
                "PERSON",
                (span(t1, "Jane Q. Doe"), span(t1, "the commander")),
            ),
        ],
        "e2": [
            Entity("k1", "Popular Mobilization Front", None, None, "ORG"),
            Entity("k2", "Doe", None, None, "PERSON"),
            Entity("k3", "PMF", None, None, "ORG"),
        ],
        "e3": [
            Entity("k1", "Commander Jane Doe", "SYL", None, "PERSON"),
            Entity("k2", "PMF", None, None, "ORG"),
        ],
    }
    res = merge(arts, [], entities=ents)
    (story,) = res.stories
    by_alias = {alias: e.key for e in story.entities for alias in e.aliases}
    assert by_alias["Popular Mobilisation Front"] == by_alias["Popular Mobilization Front"]
    assert by_alias["PMF"] == by_alias["Popular Mobilisation Front"]
    assert by_alias["Doe"] == by_alias["Jane Q. Doe"] == by_alias["Commander Jane Doe"]
    assert by_alias["Doe"] != by_alias["PMF"]
    doe = next(e for e in story.entities if "Doe" in e.aliases)
    assert doe.code == "SYL" and doe.kind == "PERSON" and len(doe.article_ids) == 3
    assert doe.why  # each joined alias says which rule joined it
    assert any(n in story.label for n in ("Popular Mobilization Front", "Jane Q. Doe"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Popular Front Committee (PFC) met", {"pfc": "Popular Front Committee"}),
        ("leaders of the Union of Rail Workers (URW) struck", {"urw": "Union of Rail Workers"}),
        ("the party (XYZ) said", {}),
    ],
)
def test_acronym_definitions(text: str, expected: dict[str, str]) -> None:
    assert acronym_definitions(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Qassem Soleimani", "Qasem Soleimani", True),
        ("Mobilisation", "Mobilization", True),
        ("Ḥaydar", "Haydar", True),
        ("Iran's army", "Iran army", True),
        ("Iran", "Iraq", False),
    ],
)
def test_name_key_spelling_variants(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same
