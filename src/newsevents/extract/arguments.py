"""Arguments of a frame: its actors (doers) and recipients, from the parse."""

from __future__ import annotations

from typing import Any

from .codebook import Codebook
from .parse import (
    _ENT_LABELS,
    Frame,
    Parse,
    _children,
    _ent_root,
    _named,
    _preps,
    _subordinate,
    _with_conj,
    _word_set,
    actor_modifiers,
    is_passive,
    lemma,
)

_GOODS_CLASSES: tuple[str, ...] = (
    "AID_GOODS",
    "TROOPS",
    "WEAPONS",
    "INTEL",
    "SANCTIONS",
    "RESTRICTION",
)


_GOODS_CLASSES += ("BLOCKADE", "CURFEW", "EMERGENCY", "PEACEKEEPERS", "INSPECTORS", "RELATIONS")


_GOODS_CLASSES += ("FIRE", "STONE", "SUPPORT_N", "RETALIATION", "ROAD", "WORK")


_PATIENT_NOUN_EVENTS = {"ASSAULT", "COERCE", "RETREAT", "ACCUSE"}


# prepositions that introduce a recipient, by event type (first found wins)
_RECIPIENT_PREPS = {
    "CONSULT": ("with",),
    "COOPERATE": ("with", "to"),
    "AID": ("to", "for"),
    "REQUEST": ("on", "upon", "to", "from"),
    "ACCUSE": ("against", "over", "about", "with", "at", "on", "to"),
    "REJECT": ("from", "by", "of"),
    "THREATEN": ("against", "with", "on", "to"),
    "SANCTION": ("on", "against", "from", "to", "with", "for"),
    "MOBILIZE": ("to", "into", "against", "in", "near"),
    "RETREAT": ("from", "to"),
    "COERCE": ("on", "against", "in", "into"),
    "ASSAULT": ("on", "against", "at", "in", "into"),
    "PROTEST": ("against", "outside", "at", "in"),
    "SUPPORT": ("with", "to", "for"),
    "CONCEDE": ("to", "for", "in"),
    "AGREE": ("with", "to", "for"),
}


def _owner(tok: Any, book: Codebook) -> list[Any]:
    """For an abstract object ("Iraq's proposal", "a US offer"), the party it belongs to."""
    owned = book.classes.get("ABSTRACT", frozenset()) | book.classes.get("ATTACK_NOUN", frozenset())
    if lemma(tok) not in owned:
        return [tok]
    owners = actor_modifiers(tok)
    if owners:
        return owners
    preps = _preps(tok)
    for p in ("from", "by", "of"):
        if preps.get(p):
            return _with_conj(preps[p])
    return []


def _arguments(frame: Frame, frames: dict[int, Frame], book: Codebook, parse: Parse) -> None:
    tok, event = frame.token, frame.event
    goods = book.expand(_GOODS_CLASSES)
    if tok.pos_ == "NOUN":
        actors = actor_modifiers(tok)
        patients: list[Any] = []
        if lemma(tok) in book.classes.get("PATIENT_NOUNS", frozenset()) and not _preps(tok).get(
            "of"
        ):
            # "his assassination": the possessor is the victim, not the doer
            patients = [a for a in actors if a.dep_ == "poss"]
            actors = [a for a in actors if a.dep_ != "poss"]
        if actors and all(a.pos_ == "PRON" for a in actors):
            # "held their first meeting", "reiterated its demand": the pronoun is the
            # subject of the verb that carries the noun
            sv = parse.support_verb(tok)
            named = parse.subjects(sv) if sv is not None else []
            if named and all(n.pos_ != "PRON" for n in named):
                actors = named
        if not actors:
            sv = parse.support_verb(tok)
            if sv is not None and tok.dep_ in ("dobj", "pobj"):
                actors = parse.subjects(sv)
            elif sv is not None and tok.dep_ == "nsubjpass":
                actors = _with_conj(_preps(sv).get("by", []))  # "X was voiced by Y"
            elif frame.entry.bare and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
                actors = parse.subjects(tok.head.head)  # "troops remained on alert"
        preps = _preps(tok)
        recips: list[Any] = []
        order = list(_RECIPIENT_PREPS.get(event, ()))
        if event in _PATIENT_NOUN_EVENTS:
            order.insert(0, "of")
        sv = parse.support_verb(tok)
        holders = [preps] + ([_preps(sv)] if sv is not None else [])
        if frame.entry.bare and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
            holders.append(_preps(tok.head.head))  # "troops remained on alert in X"
        for held in holders:
            for p in order:
                cands = [c for c in held.get(p, []) if c.ent_type_ not in ("DATE", "TIME")]
                if cands and p != "by":
                    recips = _with_conj(cands)
                    break
            if recips:
                break
        if not recips and event in ("REQUEST", "THREATEN"):
            # "its demand that Israel ease restrictions": the subject of the content clause
            # (attached to the noun, or to the verb that carries it)
            for c in [*tok.children, *(sv.children if sv is not None else [])]:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children
                ):
                    recips = _with_conj(_children(c, "nsubj", "nsubjpass"))
                    if recips:
                        break
        if patients and not recips:
            recips = patients
        actors = [a for a in actors if a not in recips]
        frame.actors, frame.recipients = actors, recips
        frame.modifiers = [
            c for c in tok.children if c.dep_ in ("compound", "amod") and c not in actors
        ]
        return
    actors = parse.subjects(tok)
    if frame.instrument is not None and (not actors or frame.instrument in actors):
        actors = actor_modifiers(frame.instrument)  # "a US strike killed X": the US
    attack_words = book.classes.get("ATTACK_NOUN", frozenset())
    if actors and all(lemma(a) in attack_words for a in actors):
        # "The strike also killed X": the weapon is not the doer
        mods = [m for a in actors for m in actor_modifiers(a)]
        frame.anaphor = not mods and any(
            c.lower_ in ("the", "this", "that") for a in actors for c in a.children
        )
        actors = mods
    if not actors and tok.pos_ == "ADJ":
        actors = _with_conj(_children(tok.head, "nsubj")) if tok.dep_ == "acomp" else []
    if not actors and event == "ASSAULT":
        # "were killed in the strikes", "killed in a US raid": the attack's doer, or the
        # attack just reported
        for p in ("in", "by", "during"):
            for o in _preps(tok).get(p, []):
                if lemma(o) in attack_words:
                    actors = actor_modifiers(o)
                    frame.anaphor = frame.anaphor or (
                        not actors
                        and any(c.lower_ in ("the", "these", "those", "that") for c in o.children)
                    )
    recips = []
    dative = _children(tok, "dative")
    dative = [d for d in dative if d.pos_ != "ADP"]
    if dative:
        recips = _with_conj(dative)
    if not recips:
        objs = parse.objects(tok)
        if event not in ("ASSAULT", "ACCUSE", "CONSULT") and frame.mode not in ("arrest", "deport"):
            objs = [o for o in objs if not (_word_set(o) & goods)]
        if event == "ASSAULT":
            # "fired rockets at X", "launched artillery fire against X camps": the weapon is
            # not the target; the target is its at/on/against phrase
            arms = book.expand(("WEAPONS", "ATTACK_NOUN")) | {"artillery", "round", "salvo"}
            targeted: list[Any] = []
            for o in objs:
                if not (_word_set(o) & arms):
                    targeted.append(o)
                    continue
                for h in _with_conj([o]):
                    op = _preps(h)
                    for p in ("at", "on", "against", "into", "upon"):
                        targeted.extend(op.get(p, []))
            objs = targeted
        if frame.mode == "withdraw":
            objs = []  # what is withdrawn is the actor's own; the recipient is "from X
        objs = [o for o in objs if o.pos_ != "VERB" and o.ent_type_ not in ("DATE", "TIME")]
        if objs:
            owners: list[Any] = []
            for o in objs:
                owners.extend(_owner(o, book))
            recips = owners
    preps = _preps(tok)
    if event in ("AID", "COOPERATE") and not any(_named(r) for r in recips):
        # "granted asylum to five officers", "extradited a suspect to Spain": the receiver
        to = [c for c in preps.get("to", []) if c.pos_ in ("NOUN", "PROPN")]
        for o in parse.objects(tok):
            to = to or [c for c in _preps(o).get("to", []) if c.pos_ in ("NOUN", "PROPN")]
        if to:
            recips = _with_conj(to)
    if not recips and event == "REQUEST":
        # "insisted on its demands that Burundi's government grant ...": the demand's addressee
        demands = book.classes.get("DEMANDS", frozenset())
        for objs in preps.values():
            for o in objs:
                if lemma(o) in demands:
                    for c in o.children:
                        if c.dep_ in ("acl", "ccomp", "relcl") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
                        ):
                            recips = recips or _with_conj(_children(c, "nsubj", "nsubjpass"))
    if not recips:
        for p in _RECIPIENT_PREPS.get(event, ()):
            cands = [
                c
                for c in preps.get(p, [])
                if c.pos_ in ("NOUN", "PROPN", "PRON") and c.ent_type_ not in ("DATE", "TIME")
            ]  # "on Thursday" is when, not whom
            if cands:
                owners = []
                for o in _with_conj(cands):
                    owners.extend(_owner(o, book))
                recips = owners
                break
    if not recips and lemma(tok) in ("allow", "permit", "let"):
        # "allowed the opposition leader to hold a rally": the one allowed
        for x in _children(tok, "ccomp", "xcomp"):
            recips = _with_conj(_children(x, "nsubj"))
            if recips:
                break
    if not recips and event == "REQUEST":
        for cc in _children(tok, "ccomp"):
            recips = _with_conj(_children(cc, "nsubj", "nsubjpass"))
            if recips:
                break
    if not recips:
        # "threatened to shell Iraqi towns", "refused to meet Jordan's king": the
        # recipient of what is threatened / refused / promised
        for x in _children(tok, "xcomp"):
            inner = frames.get(x.i)
            if inner is not None:
                _arguments(inner, frames, book, parse)
                recips = list(inner.recipients)
            else:
                objs = [o for o in parse.objects(x) if not (_word_set(o) & goods)]
                recips = [r for o in objs for r in _owner(o, book)]
            if recips:
                break
    recips = [r for r in recips if r.ent_type_ not in ("DATE", "TIME")]
    reciprocal = event == "CONSULT" and len(actors) > 1
    parties = book.expand(("PERSONS", "CROWD", "MILITARY", "DIPLOMATS"))
    patient = bool(recips) and (
        is_passive(tok) or any(r.pos_ == "PRON" or lemma(r) in parties for r in recips)
    )  # "the journalist was arrested in X": the patient stays; X is where, not whom
    if not reciprocal and not patient and not any(_named(r) for r in recips):
        # no party named in the argument slot: the first party named after the trigger in
        # its own clause ("promised military aid to Mozambique", "blocked roads in Algiers")
        named = _first_named_after(tok, actors)
        if not named and event == "CONSULT":
            # "discussed the decision to strike X with Britain's foreign secretary": the
            # parser may hang "with Y" deep inside the object
            for t in tok.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "with" and t.i > tok.i and _named(t):
                    named = _with_conj([t])
                    break
        if not named and event == "THREATEN":
            named = _conditioned_party(tok)  # "threatened to X unless Israel rescinds ..."
        if not named and event in _TOPIC_RECIPIENT:
            # "rejected a call for peacekeepers in East Timor", "blocked a road to show
            # their disapproval of US policy": the party the act is about
            named = _first_named_after(tok, actors, deep=True)
        if named:
            recips = named
    if lemma(tok) == "oppose" and preps.get("to") and tok.dep_ == "acomp":
        # "Israel is opposed to French mediation": a stance of the subject
        actors = _with_conj(_children(tok.head, "nsubj"))
        target = preps["to"][0]
        recips = actor_modifiers(target) or [target]
    elif is_passive(tok) and not _preps(tok).get("by"):
        passive_subject = _children(tok, "nsubjpass")
        if lemma(tok) == "oppose" and preps.get("to"):
            actors = _with_conj(passive_subject)
            target = preps["to"][0]
            recips = actor_modifiers(target) or [target]
        elif frame.mode in ("withdraw", "disarm") and not actors:
            # "peacekeepers were shipped out of X", "guerrillas were demobilized": the
            # withdrawn or disarmed party is the one that withdraws or disarms
            actors = _with_conj(passive_subject)
            recips = [r for r in recips if r not in actors]
    if not any(_named(r) for r in recips) and lemma(tok) in _RESPONSES:
        # "retaliate after a US strike killed X": a response targets the doer of the act
        # it answers
        around = [*tok.children, *(tok.head.children if tok.dep_ == "xcomp" else [])]
        for x in around:
            inner = frames.get(x.i)
            if x.dep_ == "advcl" and _subordinate(x) and inner is not None and not inner.absorbed:
                _arguments(inner, frames, book, parse)
                if inner.actors:
                    recips = list(inner.actors)
                    break
    if not any(_named(r) for r in recips):
        # the purpose names the party ("opened the bridge to allow aid to Afghanistan")
        for x in tok.children:
            inner = frames.get(x.i)
            purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children) and not any(
                c.dep_ in ("mark", "nsubj") for c in x.children
            )
            if x.dep_ == "advcl" and purpose and inner is not None and not inner.absorbed:
                _arguments(inner, frames, book, parse)
                named = [r for r in inner.recipients if _named(r)]
                if named:
                    recips = named
                    break
    # "A and B met": all participants stay actors (PLOVER reciprocal events)
    frame.actors = [a for a in actors if a not in recips]
    frame.recipients = recips
    if frame.entry.inverse and frame.recipients:
        frame.actors, frame.recipients = frame.recipients, frame.actors
    frame.modifiers = [c for c in tok.children if c.dep_ == "advmod" and c.pos_ == "ADV"][:0]


#: acts that answer another act ("retaliate after X ...")
_RESPONSES = {"retaliate", "avenge", "respond", "hit back", "strike back"}


#: events whose recipient, when no argument names one, is the party their topic names
_TOPIC_RECIPIENT = {"PROTEST", "REJECT", "REQUEST", "ACCUSE", "THREATEN", "AGREE", "SUPPORT"}


def _conditioned_party(tok: Any) -> list[Any]:
    """The subject of an "if"/"unless" clause under a threat: whom the threat addresses."""
    for t in tok.subtree:
        if t.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children
        ):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            if subj:
                return _with_conj(subj[:1])
    return []


def _first_named_after(tok: Any, actors: list[Any], deep: bool = False) -> list[Any]:
    """The first party named after the trigger: in its own clause, or (``deep``) also in
    the clauses it governs (its topic or purpose), never in relative clauses."""
    taken: set[int] = set()
    for a in actors:
        taken.update(t.i for t in a.subtree)
    stop = {"relcl", "parataxis"} if deep else {"relcl", "advcl", "parataxis", "ccomp", "acl"}

    def follow(c: Any) -> bool:
        if c.dep_ == "advcl" and _subordinate(c):
            return False
        if c.dep_ in stop:
            # "a call for its forces to be deployed in X": an infinitival relative is content
            return (
                deep
                and c.dep_ == "relcl"
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            )
        return True

    stack = [c for c in tok.children if c.i > tok.i and follow(c)]
    found: list[Any] = []
    while stack:
        t = stack.pop(0)
        if t.i in taken:
            continue
        if t.ent_type_ in _ENT_LABELS and t.pos_ != "PRON":
            found.append(_ent_root(t))
        else:
            stack.extend(c for c in t.children if follow(c))
        if found:
            break
    found.sort(key=lambda t: t.i)
    return _with_conj(found[:1]) if found else []
