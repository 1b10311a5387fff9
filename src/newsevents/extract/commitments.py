"""Commitments and recoding: type changes a coder makes from the clause around a trigger."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from spacy.tokens import Token

from ..model import EventType
from ..model import Factuality as FactualityLabel
from ..resources import Announced, Commitment, countries
from .codebook import Codebook
from .factuality import Factuality
from .parse import Frame, infinitival, is_passive, lemma


def _declared_by_actor(frame: Frame, fact: Factuality) -> bool:
    """Is the act announced by its own actor ("Nigeria said it would withdraw ...")?"""
    clause = frame.token
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    speech = fact.reported_by
    if speech is None and clause.dep_ in ("ccomp", "parataxis"):
        speech = clause.head  # "X could arrest Y, his lawyer warned": the lawyer's words
    if speech is None:
        return False  # the writer's own "if X, Y will ..." is a conditional, not a commitment
    subjects = [c for c in speech.children if c.dep_ == "nsubj"]
    speaker = {lemma(c) for c in subjects}
    # "Iran's military chief said Tehran would ...": a state's own official speaks for the
    # state named by its country or capital ("a Polish government source", "Bulgarian
    # diplomats" only tell of it: a hedged report, see docs/GOLD.md)
    own = {
        code for s in subjects for t in s.subtree if t.dep_ == "poss" and (code := _country_code(t))
    }
    return any(
        a.pos_ == "PRON" or lemma(a) in speaker or (own and _country_code(a) in own)
        for a in frame.actors
    )


def _country_code(t: Token) -> str | None:
    """The country a one-word country, capital or nationality names ("Tehran", "Iran's",
    "Iranian"), else None."""
    known = countries().get(t.text)
    return known[0] if known is not None else None


def _others_quoted(frame: Frame, book: Codebook) -> bool:
    """'"They will attack the town again," said the mayor': a pronoun doer inside a direct
    quotation that is not "I"/"we" names others, so the speaker predicts, not threatens."""
    marks = book.words("quote_marks")
    for a in frame.actors:
        if a.pos_ != "PRON" or a.lower_ in book.words("first_second_pronouns"):
            continue
        before = a.doc[a.sent.start : a.i].text
        if sum(before.count(m) for m in marks) % 2 == 1:
            return True
    return False


def recode(frame: Frame, fact: Factuality, by_token: dict[int, Frame], book: Codebook) -> None:
    """Type changes a human coder makes from the clause, not the trigger word alone."""
    _promised(frame, by_token, book)
    _conditional(frame, fact, book)
    _ordered(frame, by_token, book)
    _announced_or_refused(frame, fact, book)


def _announcement(event: str, kind: Commitment, book: Codebook) -> Announced | None:
    """How an announced act of this type is coded, when it is a commitment of ``kind``
    (cooperation: CONSULT -> AGREE 036; conflict: ASSAULT -> THREATEN 138)."""
    announced = book.spec(event).announced_as
    if announced is not None and announced.event == book.commitment(kind):
        return announced
    return None


def _promised(frame: Frame, by_token: dict[int, Frame], book: Codebook) -> None:
    """What is promised or threatened decides the commitment: a promise (or a threat) of a
    conflictual act is a threat, with that act's mode and CAMEO code."""
    if not (frame.entry.promise or book.spec(frame.event).commitment == "conflict"):
        return
    aspect = book.words("aspect_verbs")
    for x in frame.token.children:
        finite = x.dep_ == "ccomp" and frame.entry.promise  # "vowed that his men would storm"
        if (
            x.dep_ != "xcomp"
            and not finite
            and not (x.dep_ in ("advcl", "ccomp") and infinitival(x))
        ):
            continue
        while x.i not in by_token and lemma(x) in aspect:  # "vowed to keep attacking"
            nxt = [c for c in x.children if c.dep_ == "xcomp"]
            if not nxt:
                break
            x = nxt[0]
        inner = by_token.get(x.i)
        threat = _announcement(inner.event, "conflict", book) if inner is not None else None
        if threat is not None:
            frame.event = book.commitment("conflict")
            frame.mode = threat.mode or frame.mode
            frame.cameo = threat.cameo
            return
    if frame.entry.promise and _vows_response(frame, book):
        conflict = book.commitment("conflict")
        frame.event, frame.mode, frame.cameo = conflict, None, book.spec(conflict).cameo


def _vows_response(frame: Frame, book: Codebook) -> bool:
    """Does a promise vow a response ("vowed revenge", "vowed that those responsible would be
    punished", "swore that severe revenge awaited them")? That is a threat, not a promise."""
    response = book.words("response_words")
    own_cost = book.words("own_cost_words")
    for x in frame.token.children:
        if x.dep_ not in ("dobj", "xcomp", "ccomp") or any(c.dep_ == "neg" for c in x.children):
            continue  # ("pledged not to use force against each other": no threat)
        # "promised to pay the arrears": the promiser pays, no one is made to
        skip = x.i if x.dep_ == "xcomp" and lemma(x) in own_cost else -1
        if any(lemma(t) in response and not _named_unit(t) for t in _vowed_words(x) if t.i != skip):
            return True
    return False


def _named_unit(t: Token) -> bool:
    """ "the new African Union force", "a regional force": a body of troops, not the force
    a threat vows ("would be met with force", "overwhelming military force")."""
    return t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ != "all" for c in t.children)


def _vowed_words(x: Token) -> Iterator[Token]:
    """The words of a vow's content without the clauses that only describe one of its nouns
    ("pledged to rebuild the bridges destroyed in the war": the destruction is not vowed)."""
    yield x
    for child in x.children:
        if child.dep_ not in ("acl", "relcl"):
            yield from _vowed_words(child)


def _conditional(frame: Frame, fact: Factuality, book: Codebook) -> None:
    """ "X said it would/could do A if/unless Y ...": a conditional commitment by X. "Unless"
    coerces (a threat); "if" offers cooperation or threatens a conflictual act."""
    spec = book.spec(frame.event)
    if not (
        fact.label == "hypothetical"
        and fact.condition is not None
        and fact.condition_mark in book.words("commitment_marks")
        and _declared_by_actor(frame, fact)
        and spec.commitment is None  # already a commitment
        and spec.content_factuality != "hypothetical"  # a demand's content is not its own
    ):
        return
    threat = _announcement(frame.event, "conflict", book)
    promise = _announcement(frame.event, "cooperation", book)
    if fact.condition_mark in book.words("coercive_marks") or threat is not None:
        conflict = book.commitment("conflict")
        frame.mode = (threat.mode or frame.mode) if threat is not None else frame.mode
        frame.cameo = threat.cameo if threat is not None else book.spec(conflict).cameo
        frame.event = conflict
    elif promise is not None:
        frame.cameo = promise.cameo
        frame.event, frame.mode = book.commitment("cooperation"), None
    if book.spec(frame.event).commitment is not None:
        fact.label = "asserted"  # the actor's own statement is the commitment
        fact.topic = True  # marks the condition clause as the commitment's topic


def _ordered(frame: Frame, by_token: dict[int, Frame], book: Codebook) -> None:
    """An authority ordering someone to close, stop or leave coerces them by that order."""
    if not (book.spec(frame.event).demand and lemma(frame.token) in book.words("order_verbs")):
        return
    for x in frame.token.children:
        inner = by_token.get(x.i) if x.dep_ == "xcomp" else None
        if inner is not None and book.spec(inner.event).by_order:
            frame.event, frame.mode, frame.cameo = inner.event, inner.mode, inner.cameo
            break


def _announced_or_refused(frame: Frame, fact: Factuality, book: Codebook) -> None:
    """Announced cooperation is a promise (AGREE); an announced conflictual act by its own
    actor is a threat; "X will not allow / would not meet" is a refusal, which did happen."""
    promise = _announcement(frame.event, "cooperation", book)
    threat = _announcement(frame.event, "conflict", book)
    refused = book.spec(frame.event).refused_as
    said: FactualityLabel = "reported" if fact.reported_by is not None else "asserted"
    own = frame.event in book.words("announced_own_types")  # "will supply arms": AID, future
    if (
        fact.label == "future"
        and promise is not None
        and not fact.purpose
        and not fact.intent
        and not own
    ):
        # "wants to meet", "is scheduled to attend": a plan or a wish, not a promise
        frame.cameo = promise.cameo
        frame.event, frame.mode = book.commitment("cooperation"), None
        fact.label = said
    elif (
        fact.label == "future"
        and threat is not None
        and not own
        and fact.declared
        and not fact.intent  # "plans to impose tariffs": a plan of its own type, not a threat
        and not _others_quoted(frame, book)
    ):
        frame.mode = threat.mode
        frame.cameo = threat.cameo
        frame.event = book.commitment("conflict")
        fact.label = said
        if not frame.actors and is_passive(frame.token) and fact.reported_by is not None:
            # "warned that protesters would be arrested": who warns threatens the arrest
            speech = fact.reported_by
            while speech.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in speech.children):
                speech = speech.head  # "warned that ... and said X would be arrested"
            frame.actors = [c for c in speech.children if c.dep_ == "nsubj"][:1]
    elif fact.label == "negated" and fact.modal_negation and refused is not None:
        frame.event, frame.mode = cast(EventType, refused), None
        frame.cameo = book.spec(refused).cameo
        fact.label = said
