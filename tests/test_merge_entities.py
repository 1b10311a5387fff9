"""Cross-article entities: person names, pronouns, datelines, codes, labels."""

from __future__ import annotations

import pytest

from builders import art, span
from newsevents.merge import merge
from newsevents.merge.knowledge import load_knowledge
from newsevents.merge.names import (
    alias_class,
    name_code,
    person_core,
    person_tokens,
    persons_match,
)
from newsevents.model import Entity


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jane Q. Doe", "Doe", True),
        ("J. Doe", "Jane Doe", True),
        ("Jane Doe", "Jane Q. Doe", True),
        ("al-Rashid", "Abu Omar al-Rashid", True),
        ("Omar el-Rashid", "Omar al Rashid", True),
        # a shared given or middle name is not identity
        ("Abu Omar al-Rashid", "Yusuf Abdul Omar", False),
        ("Jane Doe", "Mary Doe", False),
        ("Karim Haddad", "Karim Nassar", False),
    ],
)
def test_persons_match(a: str, b: str, same: bool) -> None:
    kb = load_knowledge()
    assert persons_match(person_tokens(a, kb), person_tokens(b, kb)) is same


@pytest.mark.parametrize(
    ("phrase", "core"),
    [
        ("Sylvanian general Jane Doe", "Jane Doe"),
        ("Caretaker Prime Minister Omar Haddad", "Omar Haddad"),
        ("Popular Front Committee deputy chief Abu Omar al-Rashid", "Abu Omar al-Rashid"),
        ("Jane Doe of the Harbor Union", "Jane Doe"),
        ("Secretary of State Ann Holt", "Ann Holt"),
        ("Doe's convoy", None),
        ("Popular Front Committee", None),
        ("PFC", None),
    ],
)
def test_person_core_drops_titles_and_modifiers(phrase: str, core: str | None) -> None:
    assert person_core(phrase, load_knowledge()) == core


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("PORTVILLE, Sylvania (Harbor Wire) -", "drop"),
        ("Harbor Wire", "drop"),
        ("the Wire", "drop"),
        ("We", "pronoun"),
        ("him", "pronoun"),
        ("convoy", "generic"),
        ("the regime", "generic"),
        ("Protesters", "generic"),  # sentence-initial capital of a lower-case word
        ("Kenyan regime", "named"),
        ("Jane Doe", "named"),
    ],
)
def test_alias_class(surface: str, expected: str) -> None:
    assert alias_class(surface, {"protesters", "convoy"}, {"harbor wire"}) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [("Kenyan regime", "KEN"), ("US embassy", "USA"), ("the regime", None), ("Jane Doe", None)],
)
def test_name_code(name: str, code: str | None) -> None:
    assert name_code(name) == code


def test_story_entities_split_wrong_coreference_and_drop_pronouns() -> None:
    t1 = (
        "PORTVILLE, Sylvania (Harbor Wire) - A strike killed militia deputy chief Abu Omar "
        "al-Rashid on Monday. Caretaker Prime Minister Yusuf Abdul Omar condemned it. "
        "We will respond, the Popular Front Committee said. The convoy burned."
    )
    t2 = (
        "Abu Omar al-Rashid died in a strike on his convoy. Yusuf Abdul Omar called it a "
        "crime. The Kenyan regime denied any role; the regime said it was not there."
    )
    t3 = "Mourners buried al-Rashid. Yusuf Abdul Omar attended. The convoy was hit by him."
    arts = [
        art("p1", "Harbor Wire", "2021-05-03", t1),
        art("p2", "Morning Ledger", "2021-05-03", t2),
        art("p3", "Continental Daily", "2021-05-04", t3),
    ]
    ents = {
        # a coder's in-document entity that wrongly ties two people, a body and pronouns
        "p1": [
            Entity(
                "k1",
                "militia deputy chief Abu Omar al-Rashid",
                "SYL",
                None,
                "PERSON",
                (
                    span(t1, "Abu Omar al-Rashid"),
                    span(t1, "Yusuf Abdul Omar"),
                    span(t1, "Popular Front Committee"),
                    span(t1, "We"),
                    span(t1, "convoy"),
                ),
            ),
            Entity("k2", "PORTVILLE, Sylvania (Harbor Wire) -", "SYL", None, "GPE"),
        ],
        "p2": [
            Entity("k1", "Abu Omar al-Rashid", "SYL", None, "PERSON", (span(t2, "his"),)),
            Entity("k2", "Yusuf Abdul Omar", "SYL", None, "PERSON"),
            # coded from context as another country: the adjective decides
            Entity("k3", "Kenyan regime", "SYL", None, "", (span(t2, "the regime"),)),
        ],
        "p3": [
            Entity("k1", "al-Rashid", "SYL", None, "PERSON", (span(t3, "him"),)),
            Entity("k2", "Yusuf Abdul Omar", "SYL", None, "PERSON"),
            Entity("k3", "convoy", None, None, ""),
        ],
    }
    (story,) = merge(arts, [], entities=ents).stories
    by_alias = {alias: e for e in story.entities for alias in e.aliases}
    rashid, omar = by_alias["Abu Omar al-Rashid"], by_alias["Yusuf Abdul Omar"]
    assert rashid.key != omar.key
    assert rashid.name == "Abu Omar al-Rashid" and len(rashid.article_ids) == 3
    assert "al-Rashid" in rashid.aliases and len(omar.article_ids) == 3
    assert by_alias["Popular Front Committee"].key not in (rashid.key, omar.key)
    every = {a for e in story.entities for a in e.aliases}
    assert not every & {"We", "him", "his", "the regime"}
    assert "convoy" not in rashid.aliases
    assert not any("Harbor Wire" in a or "PORTVILLE" in a for a in every)
    assert by_alias["Kenyan regime"].code == "KEN"
    # short readable label: named entities without titles
    assert story.label.split(", ")[:2] == ["Yusuf Abdul Omar", "Abu Omar al-Rashid"] or (
        story.label.split(", ")[:2] == ["Abu Omar al-Rashid", "Yusuf Abdul Omar"]
    )
    assert "chief" not in story.label and "(" not in story.label
