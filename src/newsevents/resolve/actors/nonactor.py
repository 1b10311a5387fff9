"""What is never an event's party: a phrase headed by a time, an amount, an event, a law or
a product (by its named-entity label) or holding a Phoenix discard; a doer headed by a common
noun naming a thing, an act, a weapon or a text ("the story", "vigils", "warheads", "the
orders of X") or by a place named as where something happens ("in Kirkuk"); a body of water
by name ("the Persian Gulf"); a dateline ("BAGHDAD (Wire) -"); a bare determiner or question
word ("the", "what"). An event keeps an empty side rather than a wrong one.

A recipient may be a thing or a place: PLOVER codes the target of a curfew, a blockade or a
deployment by the country it lies in ("a curfew in Abidjan"), so those keep their country
(and a thing without one stays too: the merge compares such names).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ...model import Actor
from .dictionary import ActorDictionary
from .phrase import head_of
from .places import ent_of

#: labels of named entities that can be a party
_PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def never_actor(toks: Sequence[Token], kb: ActorDictionary, doer: bool = True) -> bool:
    """Is the phrase, by its words alone, never a party (see the module doc)?"""
    if not toks:
        return False
    head = head_of(toks)
    words = kb.words
    if head.ent_type_.lower() in words.nonactor_labels and not _country_name(toks, kb):
        return True  # (a country the tagger mislabels, "threatened Cyprus" as a product, stays)
    if _dateline(toks, kb):
        return True
    if kb.discarded(" ".join(t.text for t in toks)):
        return True
    if head.pos_ == "DET" or head.lower_ in words.question_words:
        return True  # "the", "what", "which": a word left of a phrase the parse lost
    if water(head, kb):
        return True
    if not doer:
        return False
    return is_thing(head, kb) or _place_named_as_place(head, kb)


def _country_name(toks: Sequence[Token], kb: ActorDictionary) -> bool:
    """Is the phrase a country's name (or its capital's) as the country table has it?"""
    text = kb.words.strip_article(" ".join(t.text for t in toks), fold=True)
    return kb.countries.get(text) is not None


def water(head: Token, kb: ActorDictionary) -> bool:
    """A body of water by name ("the Persian Gulf", "Gulf of Oman", "the Black Sea"): a
    place, never a party."""
    return (
        head.lower_ in kb.words.water_nouns
        and (head.pos_ == "PROPN" or head.ent_type_ in _PLACE_LABELS)
        and head.text[:1].isupper()
    )


def is_thing(head: Token, kb: ActorDictionary) -> bool:
    """Is the head a common noun naming a thing, an act, a text or a time (not a role)?"""
    lemma = head.lemma_.lower()
    words = kb.words.nonactor_nouns
    # a common noun the tagger read as a name for its capital at a sentence's start
    # ("Rockets landed near the embassy"), with no entity label of its own
    opening = head.pos_ == "PROPN" and bool(head.is_sent_start) and not head.ent_type_
    if opening:
        lemma = head.lower_.removesuffix("s")  # ("Rockets"; the form itself is tested below)
    # a gerund the tagger read as a verb ("Fighting between two clans killed 14")
    gerund = head.tag_ == "VBG" and head.dep_ in ("nsubj", "nsubjpass")
    return (
        (head.pos_ == "NOUN" or opening or gerund)
        and head.ent_type_ not in _PARTY_LABELS
        and lemma not in kb.sectors.by_word
        and (lemma in words or head.lower_ in words)
    )


def _place_named_as_place(head: Token, kb: ActorDictionary) -> bool:
    """ "in Kirkuk", "near Goma": a place the phrase names as where something is."""
    if head.ent_type_ not in _PLACE_LABELS or head.dep_ != "pobj":
        return False
    ent = ent_of(head)
    return ent is not None and head.head.lower_ in kb.words.place_preps


#: punctuation that follows a dateline's place ("BAGHDAD (Wire) -", "PARIS -")
_DATELINE_NEXT = frozenset({"(", "-", "\u2013", "\u2014", ":"})


def _dateline(toks: Sequence[Token], kb: ActorDictionary) -> bool:
    """A dateline: the place in capitals that opens a report, perhaps with its country, before
    the outlet or a dash ("BAGHDAD (Wire) -", "KIRKUK, Iraq (Wire) -"): where it was filed,
    never a party."""
    first = toks[0]
    # the cheap tests first (``Token.sent`` walks the sentence)
    if not first.is_alpha or not first.text.isupper() or first.i != first.sent.start:
        return False
    if first.text in kb.forms or len(first.text) < 3:
        return False  # "NATO (the alliance) said", "UN (...)": a name, not a dateline
    doc = first.doc
    # the place's own words: capitals, then at most ", Country"
    end = first.i + 1
    while end < len(doc) and doc[end].is_alpha and doc[end].text.isupper():
        end += 1
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].pos_ == "PROPN":
        end += 2
    if end >= len(doc) or doc[end].text not in _DATELINE_NEXT:
        return False
    return toks[-1].i < end or any(t.text in _DATELINE_NEXT for t in toks)


def unresolved_pronoun(a: Actor, toks: Sequence[Token]) -> bool:
    """A pronoun the coder could tie to no entity, group, country or sector."""
    if a.code is not None or a.sector is not None or a.entity is not None or not toks:
        return False
    return head_of(toks).pos_ == "PRON"


def instrument_owner(toks: Sequence[Token], kb: ActorDictionary) -> list[Token]:
    """The party named on a vehicle or weapon ("Chinese coast guard ships", "Russian
    missiles", "the army's trucks", "a navy ship"): the words before the head from the first
    named or national modifier (else a state force's word) on; empty when none names a
    party."""
    head = head_of(toks)
    if head.lemma_.lower() not in kb.words.instrument_nouns:
        return []
    before = [t for t in toks if t.i < head.i and t.pos_ not in ("DET", "NUM", "PUNCT")]
    named = [
        t
        for t in before
        if t.ent_type_ in ("NORP", "GPE", "ORG")
        or (t.dep_ == "poss" and t.pos_ == "PROPN")
        or (t.text[:1].isupper() and kb.countries.get(t.text) is not None)
    ]
    if not named:
        # "a navy ship", "the army's trucks": a state force's word names the party
        state = kb.sectors.codes.state
        named = [t for t in before if kb.sectors.by_word.get(t.lemma_.lower()) in state]
    if not named:
        return []
    owner = [t for t in before if t.i >= named[0].i]
    if owner and owner[-1].lower_ in kb.words.possessive_clitics:
        owner = owner[:-1]
    return owner
