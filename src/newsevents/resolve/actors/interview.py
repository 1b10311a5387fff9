"""The interviewee of a question-and-answer text: whom its answers' "I" and "we" stand for.

An interview introduces its subject once ("We spoke to Jane Doe, Freedonia's foreign
minister, ...") and then prints "Q:" and "A:" turns; the answers' first person is that
person (and "we" the body they speak for), never the last party named before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .places import ent_of
from .vocab import ActorWords


def _turn_label(text: str, pos: int) -> str:
    """The label a line opens with before its colon ("Q", "A"), lower case, or ""."""
    start = text.rfind("\n", 0, pos) + 1
    head, colon, _ = text[start : start + 12].partition(":")
    return head.strip().lower() if colon and len(head.split()) == 1 else ""


def answers_at(doc: Doc, pos: int, words: ActorWords) -> bool:
    """Does the line holding character ``pos`` open with an answer label ("A: ...")?"""
    return _turn_label(doc.text, pos) in words.answer_labels


def interviewee(doc: Doc, words: ActorWords, outlet: str | None = None) -> SpacySpan | None:
    """The person the text says it spoke to before its first question ("We spoke to X",
    "talked with X", "interviewed X"), else the person who spoke ("She spoke to Revista X":
    the subject, a pronoun standing for the last person named). None when the text has no
    question line."""
    first_q = _first_question(doc.text, words.question_labels)
    if first_q is None:
        return None
    own = (outlet or "").strip().lower()
    for tok in doc:
        if tok.idx >= first_q:
            break
        if tok.lemma_.lower() not in words.interview_verbs:
            continue
        objects = _objects(tok)
        for obj in objects:
            person = ent_of(obj) if obj.ent_type_ == "PERSON" else None
            if person is not None and person.text.lower() != own:
                return person
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            if subj.ent_type_ == "PERSON":
                return ent_of(subj)
            if subj.pos_ == "PRON" and subj.lower_ in words.person_pronouns:
                named = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= subj.i]
                return named[-1] if named else None
    return None


def _first_question(text: str, labels: frozenset[str]) -> int | None:
    for m in _LABEL.finditer(text):
        if m.group(1).lower() in labels:
            return m.start()
    return None


_LABEL = re.compile(r"^[ \t]*(\w+)[ \t]*:", re.MULTILINE)


def _objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out
