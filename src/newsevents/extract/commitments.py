"""Commitments and recoding: type changes a coder makes from the clause around a trigger."""

from __future__ import annotations

from .codebook import Codebook
from .factuality import Factuality
from .parse import Frame, lemma

_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}


_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}


_ORDERS = {"order", "command", "instruct", "direct", "force", "compel"}


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
    speaker = {lemma(c) for c in speech.children if c.dep_ == "nsubj"}
    return any(a.pos_ == "PRON" or lemma(a) in speaker for a in frame.actors)


def _recode(frame: Frame, fact: Factuality, by_token: dict[int, Frame], book: Codebook) -> None:
    """Type changes a human coder makes from the clause, not the trigger word alone."""
    tok = frame.token
    # commitments: what is promised/threatened decides AGREE vs THREATEN, and its mode
    if frame.entry.promise or frame.event == "THREATEN":
        for x in tok.children:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
            if x.dep_ != "xcomp" and not (x.dep_ in ("advcl", "ccomp") and infinitive):
                continue
            inner = by_token.get(x.i)
            if inner is not None and inner.event in _CONFLICT:
                frame.event = "THREATEN"
                frame.mode = book.threat_modes.get(inner.event, frame.mode)
                frame.cameo = book.threat_cameo.get(inner.event, frame.cameo)
            elif inner is not None and frame.event == "THREATEN" and inner.event == "SANCTION":
                frame.mode = book.threat_modes.get("SANCTION")
    # "X said it would/could do A if/unless Y ...": a conditional commitment by X. "Unless"
    # coerces (a threat); "if" offers cooperation (AGREE) or threatens a conflictual act.
    if (
        fact.label == "hypothetical"
        and fact.condition is not None
        and fact.condition_mark in ("if", "unless")
        and _declared_by_actor(frame, fact)
        and frame.event not in ("THREATEN", "AGREE", "REQUEST")
    ):
        if fact.condition_mark == "unless" or frame.event in _CONFLICT | {"SANCTION"}:
            frame.mode = book.threat_modes.get(frame.event, frame.mode)
            frame.cameo = book.threat_cameo.get(frame.event, "130")
            frame.event = "THREATEN"
        elif frame.event in _COOPERATIVE:
            frame.cameo = book.intent_cameo.get(frame.event, "030")
            frame.event, frame.mode = "AGREE", None
        if frame.event in ("THREATEN", "AGREE"):
            fact.label = "asserted"  # the actor's own statement is the commitment
            fact.topic = True  # marks the condition clause as the commitment's topic
    # an authority ordering someone to close, stop or leave coerces them by that order
    if frame.event == "REQUEST" and lemma(tok) in _ORDERS:
        for x in tok.children:
            inner = by_token.get(x.i) if x.dep_ == "xcomp" else None
            if inner is not None and inner.event in ("COERCE", "SANCTION"):
                frame.event, frame.mode, frame.cameo = inner.event, inner.mode, inner.cameo
                break
    # announced cooperation is AGREE; an announced conflictual act is a THREATEN
    if fact.label == "future" and frame.event in _COOPERATIVE and not fact.purpose:
        frame.cameo = book.intent_cameo.get(frame.event, "030")
        frame.event, frame.mode = "AGREE", None
        fact.label = "reported" if fact.reported_by is not None else "asserted"
    elif (
        fact.label == "future"
        and frame.event in _CONFLICT
        and fact.declared
        and not fact.intent  # "plans to impose tariffs": a plan of its own type, not a threat
    ):
        frame.mode = book.threat_modes.get(frame.event)
        frame.cameo = book.threat_cameo.get(frame.event, "130")
        frame.event = "THREATEN"
        fact.label = "reported" if fact.reported_by is not None else "asserted"
    elif (
        fact.label == "negated" and fact.modal_negation and frame.event in _COOPERATIVE | {"AGREE"}
    ):
        # "X will not allow / would not meet": a refusal, which did happen
        frame.event, frame.mode, frame.cameo = "REJECT", None, "120"
        fact.label = "reported" if fact.reported_by is not None else "asserted"
