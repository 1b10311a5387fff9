"""Direct quotations: marks, cue verbs and speakers on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsevents.errors import ConfigError
from newsevents.extract.quotes import extract_quotes, find_quote_spans, load_quote_cues

CUES = load_quote_cues()


@pytest.fixture
def triples(parse):
    """(quoted words, cue lemma, speaker name) of each quote of a text."""

    def found(text: str) -> list[tuple[str, str, str | None]]:
        return [
            (q.span.of(text), q.cue_lemma, q.speaker.name if q.speaker else None)
            for q in extract_quotes(parse(text), CUES)
        ]

    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speaker after the quote
        (
            '"We will not back down," the prime minister said on Tuesday.',
            [("We will not back down,", "say", "prime minister")],
        ),
        # speaker before the quote, colon
        (
            'Maria Lopez, the mayor of the port city, said: "The water is still rising."',
            [("The water is still rising.", "say", "Maria Lopez")],
        ),
        # cue verb with a that-clause
        (
            'The foreign minister warned that a "severe response is coming" for the attackers.',
            [("severe response is coming", "warn", "foreign minister")],
        ),
        # inverted order: cue before its subject
        (
            '"The dam will hold," insisted the chief engineer of the province.',
            [("The dam will hold,", "insist", "chief engineer of the province")],
        ),
        # "It added" takes the previous cue's speaker
        (
            "The interior ministry said the protesters had blocked the bridge. "
            'It added, "Order will be restored within hours."',
            [("Order will be restored within hours.", "add", "interior ministry")],
        ),
        # two speakers in a row
        (
            '"Our troops are ready," General Omar Haddad said. '
            '"This war is a mistake," Senator Anne Holt replied.',
            [
                ("Our troops are ready,", "say", "General Omar Haddad"),
                ("This war is a mistake,", "reply", "Senator Anne Holt"),
            ],
        ),
        # nested single quotes stay inside the outer quote
        (
            "“They called it ‘a minor incident’ but people died,” the union leader told reporters.",
            [("They called it ‘a minor incident’ but people died,", "tell", "union leader")],
        ),
        # a quote spanning two sentences
        (
            "“We will respond. Our patience has run out,” the army chief declared.",
            [("We will respond. Our patience has run out,", "declare", "army chief")],
        ),
        # a stand-alone quote sentence continues the previous speaker
        (
            '"Our troops are ready," General Omar Haddad said. "We will hold the line."',
            [
                ("Our troops are ready,", "say", "General Omar Haddad"),
                ("We will hold the line.", "", "General Omar Haddad"),
            ],
        ),
        # top-level single quotes are quotations; "so-called" is not a cue
        (
            "Rebel commander Ines Varga said: 'The ceasefire is dead.'",
            [("The ceasefire is dead.", "say", "Rebel commander Ines Varga")],
        ),
        ("The council rejected the so-called 'peace plan' on Monday.", []),
        # a common-noun subject with a name in apposition: the whole phrase with the name
        (
            'His secretary of state Ana Ruiz claimed that "the border is secure."',
            [("the border is secure.", "claim", "secretary of state Ana Ruiz")],
        ),
        # a name set off by commas: the name
        (
            '"The dam will hold," the mayor, Maria Lopez, said.',
            [("The dam will hold,", "say", "Maria Lopez")],
        ),
        # paired conjunctions are not part of the speaker
        (
            'Neither al-Rashid nor his deputies said "we will negotiate" in public.',
            [("we will negotiate", "say", "al-Rashid")],
        ),
        (
            'Either Holt or her deputy will say "the vote is over" tonight.',
            [("the vote is over", "say", "Holt")],
        ),
    ],
)
def test_quotes(triples, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert triples(text) == expected


def test_pronoun_cue_never_takes_next_sentence_speaker(triples) -> None:
    # textacy assigns this quote to the next sentence's speaker; the rule is previous only
    text = (
        "The health ministry said 40 people were treated in hospital. "
        'It added, "Most of them have gone home." '
        'Doctor Lina Farouk said, "Three remain in intensive care."'
    )
    got = triples(text)
    assert got[0] == ("Most of them have gone home.", "add", "health ministry")
    assert got[1] == ("Three remain in intensive care.", "say", "Doctor Lina Farouk")


def test_pronoun_cue_without_previous_speaker_keeps_the_pronoun(triples) -> None:
    text = 'It added, "Talks are over." The rebel spokesman Omar Said said they would fight.'
    got = triples(text)
    assert got == [("Talks are over.", "add", "It")]


def test_quote_fields_are_spans_into_the_text(parse) -> None:
    text = 'Negotiators met in Oslo. "A deal is close," the mediator told journalists.'
    doc = parse(text)
    (q,) = extract_quotes(doc, CUES)
    assert q.id == "t:q0"
    assert q.cue is not None and q.cue.of(text) == "told"
    assert q.speaker is not None and q.speaker.span.of(text) == "mediator"
    assert q.sentence.of(text).startswith('"A deal is close,"')


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Iran’s envoy and the militias’ leaders met.", []),
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“Unclosed quote\n\nNext paragraph “closed here” now.", ["closed here"]),
        ("The '90s were quiet years.", []),
    ],
)
def test_find_quote_spans(text: str, quoted: list[str]) -> None:
    assert [s.of(text) for s in find_quote_spans(text)] == quoted


def test_bad_cue_file_raises_config_error(tmp_path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("cues: say\npronouns: [he]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cues"):
        load_quote_cues(bad)
