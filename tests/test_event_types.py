"""Event types are data: a user codebook declares a new type and its words, and the real
pipeline codes it with no Python change; bad declarations and word lists fail at load."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import api
from newsevents.errors import ConfigError
from newsevents.extract import extract_events, load_codebook

# A seventeenth type: giving oneself up to an opponent, with its recipient after "to". The
# entry keeps the id of the packaged "surrender" entry (RETREAT), which it replaces.
SURRENDER_CODEBOOK = """\
types:
  SURRENDER:
    cameo: "0874"
    recipient_preps: [to]
entries:
  - {id: retreat.surrender, lemma: [surrender], pos: verb, event: SURRENDER, cameo: "0874"}
"""


def test_a_seventeenth_type_needs_no_python(tmp_path: Path):
    path = tmp_path / "surrender.yaml"
    path.write_text(SURRENDER_CODEBOOK, encoding="utf-8")
    res = api.load_resources(codebook=[path])
    doc = api.analyze_text(
        "The rebel commander surrendered to the Colombian army on Monday.",
        resources=res,
        published="2020-01-10",
    )
    events = [e for e in doc.events if e.event == "SURRENDER"]
    assert len(events) == 1, [(e.event, e.trigger_lemma) for e in doc.events]
    event = events[0]
    assert event.cameo == "0874"
    assert [a.name for a in event.actor] == ["rebel commander"]
    assert [(r.name, r.code) for r in event.recipient] == [("Colombian army", "COL")]
    assert event.factuality == "asserted"


def test_packaged_codebook_without_the_extra_type(tmp_path: Path):
    book = load_codebook()
    assert "SURRENDER" not in book.types
    assert next(e for e in book.entries if e.id == "retreat.surrender").event == "RETREAT"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # an entry's event must be declared (here or in data/event_types.yaml)
        (
            'entries:\n  - {id: x.give, lemma: [yield], pos: verb, event: YIELD, cameo: "08"}\n',
            r"x\.give.*'YIELD' is not a declared event type",
        ),
        # trait values are checked
        (
            'types:\n  YIELD: {cameo: "08", commitment: maybe}\n',
            r"types\.YIELD: commitment must be one of cooperation, conflict",
        ),
        ('types:\n  YIELD: {cameo: "08", violent: often}\n', r"types\.YIELD: violent must be"),
        ('types:\n  YIELD: {cameo: "08", absorbs: [HUG]}\n', r"'HUG' is not a declared"),
        ('types:\n  YIELD: {cameo: "08", colour: red}\n', r"unknown key\(s\) \['colour'\]"),
        # word lists: a name to a non-empty list of words
        ("words:\n  order_verbs: command\n", r"order_verbs must be a non-empty list"),
        ("words:\n  Order_Verbs: [command]\n", r"list name 'Order_Verbs' must be lower case"),
        ("words: [command]\n", r"word lists must map a list name"),
        ("words:\n  goods_classes: [NOPE]\n", r"goods_classes: 'NOPE' is not a word class"),
        # a list named twice would lose one of its lists silently
        (
            "words:\n  order_verbs: [decree]\n  order_verbs: [edict]\n",
            r"'order_verbs' is written twice \(line 3\)",
        ),
    ],
)
def test_bad_declarations_fail_at_load(tmp_path: Path, text: str, match: str):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match) as err:
        load_codebook([path])
    assert "bad.yaml" in str(err.value)


def test_words_extend_the_lexicon_and_unknown_lists_fail(tmp_path: Path):
    path = tmp_path / "words.yaml"
    path.write_text("words:\n  order_verbs: [decree]\n", encoding="utf-8")
    book = load_codebook([path])
    assert {"decree", "order", "command"} <= book.words("order_verbs")
    assert book.words("report_verbs") >= {"say", "tell"}  # from the shared lexicon
    with pytest.raises(ConfigError, match="no word list 'order_verb'"):
        book.words("order_verb")


def test_own_people_is_declared_for_a_states_acts_on_its_people_only():
    book = load_codebook()
    assert {t for t in ("CONCEDE", "SANCTION", "COERCE") if book.spec(t).own_people} == {
        "CONCEDE",
        "SANCTION",
        "COERCE",
    }
    assert book.spec("COERCE").own_people == "CVL"
    assert book.spec("ASSAULT").own_people is None  # attacks cross borders


def test_announcements_come_from_the_type_declarations():
    book = load_codebook()
    assert book.commitment("cooperation") == "AGREE"
    assert book.commitment("conflict") == "THREATEN"
    announced = book.spec("ASSAULT").announced_as
    assert announced is not None and (announced.event, announced.cameo) == ("THREATEN", "138")
    # the verbs whose content is asked for or alleged follow content_factuality
    assert {"demand", "threaten"} <= book.words("content_hypothetical")
    assert "accuse" in book.words("content_reported")


# A user type that declares traits: what the engine does follows the declaration, not the
# type's name (its casualties fold into it, its announcement is a threat).
RAID_CODEBOOK = """\
types:
  RAID:
    cameo: "190"
    recipient_preps: ["on", against]
    announced_as: {event: THREATEN, cameo: "138", mode: violence}
    violent: true
entries:
  - {id: raid.pillage, lemma: [pillage], pos: verb, event: RAID, cameo: "190"}
"""


@pytest.mark.parametrize(
    ("text", "event", "cameo", "counts"),
    [
        ("Militants pillaged the village.", "RAID", "190", set()),
        # violent: the killings and woundings of the act are its casualties, one event
        (
            "Rebels pillaged the town, killing 12 soldiers and wounding 30.",
            "RAID",
            "190",
            {("killed", 12), ("injured", 30)},
        ),
        # announced_as: announced by its own actor, the act is a threat
        ("The rebels said they would pillage the capital.", "THREATEN", "138", set()),
    ],
)
def test_declared_traits_drive_the_coder(tmp_path: Path, parse, text, event, cameo, counts):
    path = tmp_path / "raid.yaml"
    path.write_text(RAID_CODEBOOK, encoding="utf-8")
    events = extract_events(parse(text), load_codebook([path]))
    assert [(e.event, e.cameo, e.rule) for e in events] == [(event, cameo, "raid.pillage")]
    assert {(q.kind, q.value) for q in events[0].quantities} == counts
