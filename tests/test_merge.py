"""Merge decisions on hand-built mentions: events, discrepancies, framing, explanations,
stories and cross-article entities (independent of the event coder)."""

from __future__ import annotations

import dataclasses

import pytest

from newsevents.errors import ConfigError
from newsevents.merge import MergeConfig, merge
from newsevents.merge.entities import acronym_definitions
from newsevents.merge.text import name_key
from newsevents.model import Actor, Article, Entity, EventMention, Place, Quantity, Quote, Span


def art(aid: str, outlet: str, published: str, text: str, title: str = "") -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        format="txt",
        text=text,
        title=title or None,
        outlet=outlet,
        published=published,
    )


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def men(
    a: Article,
    index: int,
    sentence: str,
    trigger: str,
    event: str = "ASSAULT",
    *,
    actor: tuple[tuple[str, str | None], ...] = (),
    recipient: tuple[tuple[str, str | None], ...] = (),
    date: str | None = None,
    precision: str = "day",
    source: str = "text",
    place: tuple[str, str | None, str] | None = None,
    killed: int | None = None,
    factuality: str = "asserted",
    framing: tuple[str, ...] = (),
) -> EventMention:
    sent = _span(a.text, sentence)
    trig = _span(a.text, trigger)
    return EventMention(
        article_id=a.id,
        index=index,
        sentence=sent,
        trigger=trig,
        event=event,
        cameo={"ASSAULT": "190", "PROTEST": "145", "REJECT": "120", "RETREAT": "340"}.get(
            event, "010"
        ),
        intensity=-10.0 if event == "ASSAULT" else -5.0,
        factuality=factuality,
        actor=tuple(Actor(_span(a.text, n), n, c) for n, c in actor),
        recipient=tuple(Actor(_span(a.text, n), n, c) for n, c in recipient),
        quantities=(Quantity("killed", killed, False, trig),) if killed is not None else (),
        trigger_lemma=trigger.lower(),
        framing=framing or (trigger.lower(),),
        date=date,
        date_precision=precision if date else None,
        date_source=source if date else None,
        location=Place(place[0], place[1], None, None, place[2]) if place else None,
    )


# Two outlets on one drone strike (12 vs 14 killed), plus a second strike two days later.
A1 = art(
    "a1",
    "Harbor Daily",
    "2021-03-06",
    "A drone strike by Freedonian forces killed 12 fighters in Port Vela on Friday. "
    "A second strike hit Port Vela on Sunday, officials said.",
)
A2 = art(
    "a2",
    "Continental Wire",
    "2021-03-06",
    "Freedonian drones bombed a militia camp in Port Vela, killing 14 fighters. "
    "The militia vowed revenge.",
)
FRE, SYL = ("Freedonian forces", "FRE"), ("fighters", "SYL")


def _strike_mentions() -> list[EventMention]:
    return [
        men(
            A1,
            0,
            "A drone strike by",
            "strike",
            actor=(FRE,),
            recipient=(SYL,),
            date="2021-03-05",
            place=("Port Vela", "SYL", "city"),
            killed=12,
            framing=("drone", "strike"),
        ),
        men(
            A1,
            1,
            "A second strike",
            "strike",
            date="2021-03-07",
            place=("Port Vela", "SYL", "city"),
        ),
        men(
            A2,
            0,
            "Freedonian drones bombed",
            "bombed",
            actor=(("Freedonian", "FRE"),),
            recipient=(("militia camp", "SYL"),),
            date="2021-03-05",
            place=("Port Vela", "SYL", "city"),
            killed=14,
            framing=("bomb",),
        ),
    ]


def _by_mention(result) -> dict[str, str]:
    return {m: e.id for e in result.events for m in e.mention_ids}


def test_same_strike_two_outlets_is_one_event_other_day_stays_apart() -> None:
    res = merge([A1, A2], _strike_mentions())
    ev = _by_mention(res)
    assert ev["a1:0"] == ev["a2:0"]
    assert ev["a1:1"] != ev["a1:0"]
    (merged,) = [e for e in res.events if "a2:0" in e.mention_ids]
    assert merged.date == "2021-03-05" and merged.event == "ASSAULT"
    assert {a.code for a in merged.actor} == {"FRE"}
    assert merged.quantities[0].value == 14  # max-credible, each figure in discrepancies


def test_discrepancy_names_outlets_and_sentences() -> None:
    res = merge([A1, A2], _strike_mentions())
    (merged,) = [e for e in res.events if "a2:0" in e.mention_ids]
    (d,) = [d for d in merged.discrepancies if d.field == "killed"]
    got = {(v.outlet, v.value, v.mention_id) for v in d.values}
    assert got == {("Harbor Daily", "12", "a1:0"), ("Continental Wire", "14", "a2:0")}
    v = next(v for v in d.values if v.article_id == "a2")
    assert v.sentence.of(A2.text).startswith("Freedonian drones bombed")


def test_explanation_has_one_line_per_joining_mention() -> None:
    res = merge([A1, A2], _strike_mentions())
    (merged,) = [e for e in res.events if "a2:0" in e.mention_ids]
    assert len(merged.explanation) == len(merged.mention_ids)
    joined = merged.explanation[1]
    assert f"joined {merged.id}" in joined
    for part in ("same type ASSAULT", "same day", "actor FRE=FRE", "place port vela", "score"):
        assert part in joined


def test_framing_per_outlet_and_quoted_words_go_to_the_speaker() -> None:
    text = (
        'General Ana Ruiz said "the cowardly massacre will be answered" on Friday. '
        "The army confirmed the strike in Port Vela."
    )
    a3 = art("a3", "Morning Ledger", "2021-03-06", text)
    q = Quote(
        "a3",
        0,
        _span(text, "the cowardly massacre will be answered"),
        _span(text, "General Ana Ruiz said"),
        None,
        "say",
        Actor(_span(text, "General Ana Ruiz"), "General Ana Ruiz", "SYL"),
    )
    ms = [
        *_strike_mentions(),
        men(
            a3,
            0,
            "General Ana Ruiz said",
            "massacre",
            actor=(),
            date="2021-03-05",
            place=("Port Vela", "SYL", "city"),
            framing=("cowardly", "massacre"),
        ),
        men(
            a3,
            1,
            "The army confirmed",
            "strike",
            date="2021-03-05",
            place=("Port Vela", "SYL", "city"),
        ),
    ]
    res = merge([A1, A2, a3], ms, quotes=[q])
    (merged,) = [e for e in res.events if "a2:0" in e.mention_ids]
    framing = dict(merged.framing)
    assert framing["Harbor Daily"] == ("drone", "strike")
    assert framing["Continental Wire"] == ("bomb",)
    assert framing["speaker: General Ana Ruiz"] == ("cowardly", "massacre")
    assert framing["Morning Ledger"] == ("strike",)


@pytest.mark.parametrize(
    ("second", "same"),
    [
        # a week-precision date overlaps the day
        (dict(date="2021-03-04", precision="week"), True),
        # a date defaulted to publication (one day later) may mean the day before
        (dict(date="2021-03-06", source="publication"), True),
        # another outlet one day off (time zones): joins, and the date is a discrepancy
        (dict(date="2021-03-06"), True),
        # three days off: a different strike
        (dict(date="2021-03-08"), False),
        # hypothetical never joins an asserted event
        (dict(date="2021-03-05", factuality="hypothetical"), False),
        # different attacker country
        (dict(date="2021-03-05", actor=(("Ruritanian", "RUR"),)), False),
        # another city of the same country
        (dict(date="2021-03-05", place=("Kessa", "SYL", "city")), False),
        # the country of the city: compatible
        (dict(date="2021-03-05", place=("Sylvania", "SYL", "country")), True),
        # no actor given: compatible (missing = unknown)
        (dict(date="2021-03-05", actor=()), True),
        # a riot told as an attack: PROTEST ~ ASSAULT are compatible types
        (dict(date="2021-03-05", event="PROTEST"), True),
        # incompatible type
        (dict(date="2021-03-05", event="CONSULT"), False),
    ],
)
def test_merge_decisions(second: dict, same: bool) -> None:
    first = men(
        A1,
        0,
        "A drone strike by",
        "strike",
        actor=(FRE,),
        recipient=(SYL,),
        date="2021-03-05",
        place=("Port Vela", "SYL", "city"),
        killed=12,
    )
    kw = dict(
        actor=(("Freedonian", "FRE"),),
        recipient=(("militia camp", "SYL"),),
        place=("Port Vela", "SYL", "city"),
    )
    kw.update(second)
    if kw["actor"] and kw["actor"][0][0] == "Ruritanian":
        a2 = art("a2", "Continental Wire", "2021-03-06", "Ruritanian drones bombed a camp.")
        kw["recipient"] = ()
        m2 = men(a2, 0, "Ruritanian drones bombed", "bombed", **kw)
    else:
        a2 = A2
        m2 = men(a2, 0, "Freedonian drones bombed", "bombed", **kw)
    res = merge([A1, a2], [first, m2])
    assert (len(res.events) == 1) is same


def test_one_day_apart_is_a_date_discrepancy_but_same_outlet_two_days_is_two_events() -> None:
    first = men(
        A1,
        0,
        "A drone strike by",
        "strike",
        actor=(FRE,),
        date="2021-03-05",
        place=("Port Vela", "SYL", "city"),
    )
    other = men(
        A2,
        0,
        "Freedonian drones bombed",
        "bombed",
        actor=(("Freedonian", "FRE"),),
        date="2021-03-06",
        place=("Port Vela", "SYL", "city"),
    )
    res = merge([A1, A2], [first, other])
    (e,) = res.events
    (d,) = [d for d in e.discrepancies if d.field == "date"]
    assert {v.value for v in d.values} == {"2021-03-05", "2021-03-06"}
    same_outlet = men(
        A1,
        1,
        "A second strike",
        "strike",
        actor=(FRE,),
        date="2021-03-06",
        place=("Port Vela", "SYL", "city"),
    )
    assert len(merge([A1], [first, same_outlet]).events) == 2


def test_factuality_asserted_wins_and_speculation_merges_among_itself() -> None:
    m1 = men(
        A1, 0, "A drone strike by", "strike", actor=(FRE,), date="2021-03-05", factuality="reported"
    )
    m2 = men(
        A2,
        0,
        "Freedonian drones bombed",
        "bombed",
        actor=(("Freedonian", "FRE"),),
        date="2021-03-05",
    )
    h1 = men(
        A1,
        1,
        "A second strike",
        "strike",
        actor=(FRE,),
        date="2021-03-07",
        factuality="hypothetical",
    )
    h2 = men(
        A2,
        1,
        "The militia vowed revenge",
        "revenge",
        actor=(("Freedonian", "FRE"),),
        date="2021-03-07",
        factuality="hypothetical",
    )
    res = merge([A1, A2], [m1, m2, h1, h2])
    ev = _by_mention(res)
    assert ev["a1:0"] == ev["a2:0"] and ev["a1:1"] == ev["a2:1"] != ev["a1:0"]
    facts = {e.factuality for e in res.events}
    assert facts == {"asserted", "hypothetical"}


def test_coalition_and_member_are_compatible_actors() -> None:
    a1 = art("n1", "Harbor Daily", "2021-05-02", "NATO jets struck a depot near Kessa on Saturday.")
    a2 = art("n2", "Continental Wire", "2021-05-02", "British jets struck a fuel depot at Kessa.")
    m1 = men(
        a1,
        0,
        "NATO jets struck",
        "struck",
        actor=(("NATO", "IGO"),),
        date="2021-05-01",
        place=("Kessa", "SYL", "city"),
    )
    m2 = men(
        a2,
        0,
        "British jets struck",
        "struck",
        actor=(("British", "GBR"),),
        date="2021-05-01",
        place=("Kessa", "SYL", "city"),
    )
    res = merge([a1, a2], [m1, m2])
    (e,) = res.events
    assert "coalition" in e.explanation[1]


def test_compatible_types_reject_retreat() -> None:
    a1 = art("r1", "Harbor Daily", "2021-05-02", "Freedonia scrapped the water treaty on Friday.")
    a2 = art("r2", "Continental Wire", "2021-05-02", "Freedonia pulled out of the water treaty.")
    m1 = men(
        a1,
        0,
        "Freedonia scrapped",
        "scrapped",
        "REJECT",
        actor=(("Freedonia", "FRE"),),
        recipient=(("treaty", None),),
        date="2021-04-30",
    )
    m2 = men(
        a2,
        0,
        "Freedonia pulled out",
        "pulled",
        "RETREAT",
        actor=(("Freedonia", "FRE"),),
        date="2021-04-30",
    )
    res = merge([a1, a2], [m1, m2])
    (e,) = res.events
    assert "compatible types" in e.explanation[1]


def test_event_ids_stable_and_thresholds_rebuild() -> None:
    ms = _strike_mentions()
    r1 = merge([A1, A2], ms)
    r2 = merge([A2, A1], list(reversed(ms)))
    assert [e.id for e in r1.events] == [e.id for e in r2.events]
    assert [s.id for s in r1.stories] == [s.id for s in r2.stories]
    strict = merge([A1, A2], ms, config=MergeConfig(event_threshold=2.0))
    assert len(strict.events) == 3


@pytest.mark.parametrize(
    "kwargs", [dict(story_threshold=1.5), dict(date_slack_days=-1), dict(max_candidates=0)]
)
def test_bad_config_raises(kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        MergeConfig(**kwargs)


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
            Entity("k1", "Popular Mobilisation Front", None, None, "ORG", (_span(t1, "PMF"),)),
            Entity(
                "k2",
                "Jane Q. Doe",
                "SYL",
                "MIL",
                "PERSON",
                (_span(t1, "Jane Q. Doe"), _span(t1, "the commander")),
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


def test_cross_story_merge_needs_same_dyad() -> None:
    # two stories (different topics, a week apart) both mention one earlier strike
    a1 = art(
        "x1",
        "Harbor Daily",
        "2021-03-06",
        "Freedonian drones struck Sylvanian militia bases on Friday near the border.",
    )
    a2 = art(
        "x2",
        "Continental Wire",
        "2021-03-14",
        "Oil prices rose as traders weighed the Friday strike by Freedonian drones "
        "on Sylvanian militia.",
    )
    m1 = men(
        a1,
        0,
        "Freedonian drones struck",
        "struck",
        actor=(("Freedonian", "FRE"),),
        recipient=(("Sylvanian militia", "SYL"),),
        date="2021-03-05",
    )
    m2 = men(
        a2,
        0,
        "Oil prices rose",
        "strike",
        actor=(("Freedonian", "FRE"),),
        recipient=(("Sylvanian militia", "SYL"),),
        date="2021-03-05",
    )
    res = merge([a1, a2], [m1, m2])
    assert len(res.stories) == 2 and len(res.events) == 1
    m2b = dataclasses.replace(m2, recipient=())
    assert len(merge([a1, a2], [m1, m2b]).events) == 2


# --- cross-article entities: person names, pronouns, datelines, codes, labels ----------

from newsevents.merge.knowledge import load_knowledge  # noqa: E402
from newsevents.merge.names import (  # noqa: E402
    alias_class,
    name_code,
    person_core,
    person_tokens,
    persons_match,
)


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
                    _span(t1, "Abu Omar al-Rashid"),
                    _span(t1, "Yusuf Abdul Omar"),
                    _span(t1, "Popular Front Committee"),
                    _span(t1, "We"),
                    _span(t1, "convoy"),
                ),
            ),
            Entity("k2", "PORTVILLE, Sylvania (Harbor Wire) -", "SYL", None, "GPE"),
        ],
        "p2": [
            Entity("k1", "Abu Omar al-Rashid", "SYL", None, "PERSON", (_span(t2, "his"),)),
            Entity("k2", "Yusuf Abdul Omar", "SYL", None, "PERSON"),
            # coded from context as another country: the adjective decides
            Entity("k3", "Kenyan regime", "SYL", None, "", (_span(t2, "the regime"),)),
        ],
        "p3": [
            Entity("k1", "al-Rashid", "SYL", None, "PERSON", (_span(t3, "him"),)),
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


# --- opinions about an act are not reports of it -----------------------------------------

from newsevents.merge.events import evaluative_subject  # noqa: E402


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


def test_generic_descriptions_join_only_generic_ones() -> None:
    t1 = "Both sides agreed to set up a monitoring commission. The convoy left at dawn."
    t2 = "The commission will meet weekly, the envoy said. Doe's convoy was late."
    arts = [
        art("g1", "Harbor Daily", "2021-05-03", t1),
        art("g2", "Morning Ledger", "2021-05-03", t2),
    ]
    ents = {
        "g1": [
            Entity("k1", "monitoring commission", None, None, ""),
            Entity("k2", "convoy", None, None, ""),
        ],
        "g2": [
            Entity("k1", "commission", None, None, ""),
            Entity("k2", "Doe's convoy", None, None, ""),
        ],
    }
    (story,) = merge(arts, [], entities=ents).stories
    by_alias = {alias: e.key for e in story.entities for alias in e.aliases}
    assert by_alias["commission"] == by_alias["monitoring commission"]
    assert by_alias["convoy"] != by_alias["Doe's convoy"]


def test_merged_actor_is_shown_by_its_most_informative_wording() -> None:
    from newsevents.merge.events import _union_actors

    def act(name: str, code: str | None) -> Actor:
        return Actor(Span(0, len(name)), name, code)

    merged = _union_actors(
        [act("it", "FRE"), act("Freedonia's army", "FRE"), act("they", None), act("it", "FRE")]
    )
    assert [a.name for a in merged] == ["Freedonia's army", "they"]


@pytest.mark.parametrize(("other_year", "same"), [("2019", True), ("2016", False)])
def test_year_dates_one_apart_are_one_event_with_a_date_discrepancy(other_year, same) -> None:
    b1 = art("b1", "Harbor Daily", "2020-01-04",
             "Freedonia scrapped the water treaty with Sylvania in 2018, it recalled.")  # fmt: skip
    b2 = art("b2", "Continental Wire", "2020-01-05",
             "Freedonia tore up the water treaty with Sylvania last year.")  # fmt: skip
    ms = [
        men(b1, 0, "Freedonia scrapped", "scrapped", "REJECT", actor=(("Freedonia", "FRE"),),
            recipient=(("Sylvania", "SYL"),), date="2018", precision="year"),
        men(b2, 0, "Freedonia tore up", "tore up", "REJECT", actor=(("Freedonia", "FRE"),),
            recipient=(("Sylvania", "SYL"),), date=other_year, precision="year"),
    ]  # fmt: skip
    res = merge([b1, b2], ms)
    ev = _by_mention(res)
    assert (ev["b1:0"] == ev["b2:0"]) is same
    if same:
        (merged,) = [e for e in res.events if "b1:0" in e.mention_ids]
        assert [d.field for d in merged.discrepancies] == ["date"]
        assert {v.value for v in merged.discrepancies[0].values} == {"2018", "2019"}
