"""The speaker as the doer of a verb the parser hung inside the speaker's reported clause."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook

#: entity labels of a phrase that can do an act (what the parse helpers count as a party)
_PARTY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _party_like(tok: Token, book: Codebook) -> bool:
    return (
        tok.pos_ == "PRON"
        or tok.ent_type_ in _PARTY_LABELS
        or tok.lemma_.lower() in book.party_nouns
        or tok.lemma_.lower() in book.expand(("TROOPS", "POLICE", "ARMED", "RIOTERS"))
        or any(c.ent_type_ in _PARTY_LABELS for c in tok.children if c.dep_ in ("poss", "amod"))
    )


def arms(book: Codebook) -> frozenset[str]:
    """Words for what is fired (weapons, rounds), never a party (one set, built once)."""
    return book.expand((*book.ordered("fired_classes"), *book.ordered("fired_words")))


def launched_from(weapon: Token, book: Codebook) -> list[Token]:
    """'a missile fired from Yemen', 'rockets launched from Gaza': the party the place it
    was fired from names, when nothing else says who fired it (the parser often makes the
    participle the weapon's own verb, 'missile' its subject). A place that is no party
    names no doer ('from the Sunan area')."""
    verbs = [c for c in weapon.children if c.dep_ == "acl"]
    if weapon.dep_ == "nsubj" and weapon.head.tag_ in ("VBN", "VBD"):
        verbs.append(weapon.head)
    origin = book.words("origin_preps")
    for v in verbs:
        if v.lemma_.lower() not in book.words("launch_verbs"):
            continue
        came = [
            o
            for p in v.children
            if p.dep_ == "prep" and p.lower_ in origin
            for o in p.children
            if o.dep_ == "pobj"
        ]
        if came and _party_like(came[0], book):
            return came[:1]
    return []


def _modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def reported_speaker(conj: Token, book: Codebook) -> list[Token]:
    """ "X said the islands fell under the treaty and urged China to ...", "X said the case
    showed a campaign and called on Y": the parser hangs the second verb on the reported
    clause, whose subject (a thing, not a party) cannot do it; the one who said it does.
    Also past over a modal the conjunct cannot share ("said the government could not
    guarantee security, and called for ..."). Empty when the clause's own subject can act."""
    if conj.tag_ != "VBD" or _modal(conj) or conj.dep_ != "conj":
        return []
    cur = conj.head
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ == "nsubj"]
        hits = subj and conj.lemma_.lower() in book.words("impact_verbs")
        weapon = hits and subj[0].lemma_.lower() in arms(book)
        fired = weapon and bool(launched_from(subj[0], book))
        if subj and (_party_like(subj[0], book) or fired) and not _modal(cur):
            # the reported clause's own doer; "a missile fired from Yemen struck X, the US
            # military said": who fired it, by where from (an army telling of its own
            # drone's strike is its doer: "the army said a drone struck X")
            return []
        if cur.dep_ not in ("ccomp", "conj") or cur.head == cur:
            return []
        cur = cur.head
        if cur.lemma_.lower() in book.words("report_verbs"):
            said = [c for c in cur.children if c.dep_ == "nsubj"]
            return said if said and _party_like(said[0], book) else []
    return []


def arresting_speaker(
    verb: Token, mode: str | None, actors: list[Token], book: Codebook
) -> list[Token]:
    """``actors``, or for "Police said nine men had been detained (by Tuesday)": a passive
    arrest without its agent, told by the police or an authority that makes arrests, was
    made by that speaker."""
    if any(a.ent_type_ not in ("DATE", "TIME") for a in actors):
        return actors
    if mode not in book.words("person_object_modes"):
        return actors
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return actors
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in book.words("report_verbs"):
        return actors
    said = [c for c in speech.children if c.dep_ == "nsubj"]
    if said and said[0].lemma_.lower() in book.words("arresting_speakers"):
        return said[:1]
    return actors
