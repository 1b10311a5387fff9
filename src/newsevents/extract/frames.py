"""Event frames from the dependency parse: trigger -> codebook entry, actor, recipient.

One pass over the tokens looks each lemma up in the precompiled codebook index and checks the
entry's argument constraints on the token's dependents. Arguments come from the parse:
subjects (inherited through coordination, control verbs and participles), by-agents of
passives, instrument nouns ("killed in a US strike"), possessive and national modifiers of
nominal triggers ("Iran's attack", "a US airstrike"), and the owners of abstract objects
("rejected Iraq's proposal"). Written by hand: spaCy gives the tree, not event frames.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .arguments import fill_arguments
from .codebook import Codebook
from .doers import actor_modifiers
from .parse import (
    Frame,
    Parse,
    children_of,
    entry_tokens,
    forms,
    in_participle,
    is_passive,
    lemma,
    preps_of,
)
from .parties import fired_from
from .phrases import np_span
from .senses import told_sense
from .superlatives import superlative_subject
from .triggers import match, noun_licensed, reacted_to, toll_update

__all__ = ["Frame", "Parse", "find_frames", "lemma", "np_span"]


def find_frames(sent: SpacySpan, book: Codebook, parse: Parse) -> list[Frame]:
    """All event frames in one sentence, in token order."""
    frames = _matched(sent, book, parse)
    _merge_instruments(frames, book)
    _absorb_objects(frames, book)
    _absorb_voiced_demands(frames, book, parse)
    for frame in frames.values():
        if not frame.absorbed:
            fill_arguments(frame, frames, book, parse)
    _fold_casualties(frames, book)
    return [f for _, f in sorted(frames.items()) if not f.absorbed]


def _matched(sent: SpacySpan, book: Codebook, parse: Parse) -> dict[int, Frame]:
    """token index -> frame, for every token that matches an entry and reports an event."""
    frames: dict[int, Frame] = {}
    abstract = book.classes.get("ABSTRACT", frozenset())
    hardware = book.expand(("MIL_HARDWARE", "WEAPONS", "SMALL_ARMS", "VEHICLES"))
    for tok in entry_tokens(sent):  # (no entry can match another: ``match`` says None)
        if tok.dep_ in ("amod", "compound") and tok.pos_ == "VERB" and not _misread_verb(tok):
            continue  # "Iranian-backed militia", "the disputed border": modifiers, not events
        if (
            lemma(tok) in book.words("reception_verbs")
            and is_passive(tok)
            and "with" in preps_of(tok)
        ):
            continue  # "the plea was met with silence", "would be met with force": a reception
        if _kind_of_arm(tok, hardware):
            continue  # "attack helicopters", "strike aircraft", "assault rifles": a kind of arm
        if in_participle(tok) and not (tok.pos_ == "NOUN" and toll_update(tok, book)):
            continue  # "weapons seized last year", "the accord signed in March": background
        if (
            tok.tag_ == "VBG"
            and tok.dep_ == "pcomp"
            and tok.head.head.pos_ == "NOUN"
            and not children_of(tok, "nsubj")
            and lemma(tok.head.head) not in abstract
        ):
            continue  # "its involvement in killing", "a history of attacking": a kind of act
        if tok.pos_ == "VERB" and superlative_subject(tok):
            continue
        entry = match(tok, book, parse)
        if entry is None:
            continue
        entry = told_sense(tok, entry, book, parse)
        if book.spec(entry.event).violent and _against_an_ill(tok, book):
            continue  # "the war on drugs", "a battle against corruption": a policy, no fight
        if tok.pos_ == "NOUN" and not noun_licensed(tok, entry, book, parse):
            continue
        if tok.pos_ == "ADJ" and not children_of(tok, "xcomp"):
            continue
        frame = Frame(tok, entry, entry.event, entry.cameo, entry.mode)
        frame.extra = [c for c in tok.children if c.dep_ == "prt"]
        frames[tok.i] = frame
    return frames


def _against_an_ill(tok: Token, book: Codebook) -> bool:
    """Is the act aimed at a social ill or a force of nature rather than a party ("war on
    drugs", "an aerial attack on the blaze")?"""
    ills, held = book.words("social_ills") | book.words("natural_forces"), preps_of(tok)
    aimed = [o for p in book.words("target_preps_violent") for o in held.get(p, [])]
    return any(lemma(o) in ills for o in aimed)


def _kind_of_arm(tok: Token, hardware: frozenset[str]) -> bool:
    """ "attack helicopters", "strike aircraft": the word names a kind of arm, also when the
    parser reads it as a bare verb conjoined with a past one or with a noun ("delivered
    combat jets and attack helicopters": "attack" a verb whose object is "helicopters")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "compound":
        return lemma(tok.head) in hardware
    misread = (
        tok.pos_ == "VERB"
        and tok.tag_ in ("VB", "VBP")
        and tok.dep_ == "conj"
        and (tok.head.tag_ in ("VBD", "VBN") or tok.head.pos_ == "NOUN")
        and not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in tok.children)
    )
    return misread and any(c.dep_ == "dobj" and lemma(c) in hardware for c in tok.children)


def _misread_verb(tok: Token) -> bool:
    """A past-tense verb with a subject of its own that the parser hung on the next noun
    ("The RSF shelled neighbourhoods of X": "shelled" as a modifier of "neighbourhoods")."""
    return tok.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "nsubj" for c in tok.children)


def _merge_instruments(frames: dict[int, Frame], book: Codebook) -> None:
    """Nominal triggers that are the subject or means of a verb trigger of the same act
    ("a US strike killed X", "killed in a US strike", "arrested in a raid") merge into it."""
    means = book.words("instrument_preps")
    for frame in list(frames.values()):
        tok = frame.token
        if tok.pos_ != "VERB":
            continue
        cands = children_of(tok, "nsubj")
        for p in children_of(tok, "prep", "agent"):
            if p.lower_ in means:
                cands.extend(children_of(p, "pobj"))
        absorbs = book.spec(frame.event).absorbs
        for c in cands:
            inner = frames.get(c.i)
            if inner is None or inner.token.pos_ != "NOUN":
                continue
            if inner.event != frame.event and inner.event not in absorbs:
                continue
            inner.absorbed = True
            frame.instrument = c
            if frame.mode is None and inner.mode is not None:
                frame.mode, frame.cameo = inner.mode, inner.cameo


def _absorb_objects(frames: dict[int, Frame], book: Codebook) -> None:
    """A nominal trigger that is the object of another verb trigger is what that act is
    about ("rejected a UN appeal"), unless the verb only stages it ("held talks") or only
    judges a deed whose doer the noun names ("condemned the killing of X by Y's soldiers",
    "welcomed the release of the journalists by the junta": both acts are told)."""
    support = book.words("support_verbs")
    for frame in frames.values():
        tok = frame.token
        head = frames.get(tok.head.i)
        if (
            tok.pos_ == "NOUN"
            and tok.dep_ in ("dobj", "nsubjpass")
            and head is not None
            and head.token.pos_ == "VERB"
            and not set(forms(head.token)) & support
            and not _judged_deed(frame, head, book)
        ):
            frame.absorbed = True


def _judged_deed(frame: Frame, head: Frame, book: Codebook) -> bool:
    """Is the nominal object a deed (not a speech act) that a verb of judgement
    (``judgement_verbs``) is about, with its doer named by a name, a nationality or a
    by-phrase (a pronoun would take the judge as the doer)?"""
    if lemma(head.token) not in book.words("judgement_verbs"):
        return False
    if book.spec(frame.event).governs_content:
        return False  # "rejected Iraq's proposal", "welcomed Kenya's offer": the topic
    if reacted_to(frame.token, book):
        return True  # "condemned the detention of our nationals": the act is attested
    doers = [a for a in actor_modifiers(frame.token) if a.pos_ != "PRON"]
    doers = doers or fired_from(frame.token, book)  # "the firing from Azerbaijani positions"
    patient_noun = lemma(frame.token) in book.classes.get("PATIENT_NOUNS", frozenset())
    if patient_noun and not any(preps_of(frame.token).get(g) for g in book.words("genitive_preps")):
        doers = [a for a in doers if a.dep_ != "poss"]  # "his assassination": the victim
    return bool(doers)


def _absorb_voiced_demands(frames: dict[int, Frame], book: Codebook, parse: Parse) -> None:
    """The demands voiced within a protest's clause are its content, not separate demands
    (PLOVER, PROTEST): types with ``voices_demands`` absorb ``demand`` frames in scope."""
    scopes: set[int] = set()
    for p in frames.values():
        if p.absorbed or not book.spec(p.event).voices_demands:
            continue
        sv = parse.support_verb(p.token) if p.token.pos_ == "NOUN" else None
        scopes.update(t.i for t in (sv if sv is not None else p.token).subtree)
    for frame in frames.values():
        if book.spec(frame.event).demand and frame.token.i in scopes:
            frame.absorbed = True


def _fold_casualties(frames: dict[int, Frame], book: Codebook) -> None:
    """A killing or wounding that the same doer's attack clause coordinates ("killed 25
    fighters and wounded 55") or elaborates with a participle ("pounded the bases, killing
    two dozen fighters") is that attack's outcome: one violent event carrying all its victims
    and counts, not one event per verb. A clause with its own subject, negation, auxiliary,
    subordinator or a contrast ("but") is an act of its own and stays separate.
    """
    casualties = book.words("casualty_kinds")
    joining = book.words("casualty_conjunctions")
    last_joining = book.words("casualty_last_conjunctions")
    host_of: dict[int, Frame] = {}
    for i in sorted(frames):
        child = frames[i]
        tok = child.token
        if child.absorbed or not book.spec(child.event).violent or tok.pos_ != "VERB":
            continue
        if book.quantity_kinds.get(lemma(tok)) not in casualties and child.mode != "destroy":
            continue  # casualties, and the burning of the attack ("..., setting fire to X")
        coordinated = tok.dep_ == "conj"
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i
        if not (coordinated or participle):
            continue
        host = host_of.get(tok.head.i) or frames.get(tok.head.i)
        if host is None or host.absorbed or not book.spec(host.event).violent:
            continue
        own = [
            c
            for c in tok.children
            if (c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "NUM")  # "12 wounded": patient
            or c.dep_ in ("neg", "aux", "mark")
            or (c.dep_ == "cc" and c.lower_ not in joining)
        ]
        cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
        if own or (coordinated and cc and cc[-1].lower_ not in last_joining):
            continue
        numeric = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NUM"]
        if numeric and is_passive(host.token):
            child.recipients = numeric  # "five were killed and 12 wounded": 12 are victims
        host.folded.append(child)
        if not host.actors and child.actors and not numeric:
            host.actors = list(child.actors)
        child.absorbed = True
        host_of[i] = host
