"""Topics: frames that are what another event is about (demanded, threatened, refused ...)."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import Frame, background, infinitival, lemma
from .triggers import reacted_to


def _infinitive(tok: Token) -> bool:
    return infinitival(tok) and not any(c.dep_ in ("nsubj", "mark") for c in tok.children)


def _casualties(frame: Frame, book: Codebook) -> bool:
    """A killing or wounding: violence of its own even when it elaborates another act."""
    kind = book.quantity_kinds.get(lemma(frame.token))
    return book.spec(frame.event).violent and kind in book.words("casualty_kinds")


def topics_and_predictions(frames: list[Frame], codebook: Codebook) -> tuple[set[int], set[int]]:
    """Token ids of frames that are the topic of another event, and of speech frames that
    only report a danger ("Analysts warn that X could attack": the attack is the news).

    Topics: the complement of a demand/threat/promise/refusal/allegation ("urged Y to
    withdraw", "accused Y of torturing", "refused to allow inspectors"), and the purpose of
    any coded act ("gathered to oppose the bill", "opened fire to disperse them").
    """
    at = {f.token.i: f for f in frames}
    topics: set[int] = set()
    predictions: set[int] = set()
    refusals = codebook.refusals
    not_governing = codebook.words("non_governing_verbs")
    for g in frames:
        tok = g.token
        spec = codebook.spec(g.entry.event)
        if lemma(tok) in not_governing or (
            g.entry.event in refusals and (g.entry.ccomp or _rejects_claim(tok, codebook))
        ):
            continue  # a denial keeps what it denies, as a negated event
        governs = g.entry.speech or g.entry.promise or spec.governs_content
        warning = spec.commitment == "conflict" and g.entry.speech
        if governs and warning and _predicts(tok, at, codebook):
            predictions.add(tok.i)
            continue
        topics |= _elaborations(g, at, codebook)
        topics |= _within(_topic_roots(tok, governs, codebook), tok, at, codebook)
    return topics - predictions, predictions


def _rejects_claim(tok: Token, book: Codebook) -> bool:
    """ "dismissed reports that X arrested Y": the rejected object is a claim, and what it
    claims is denied (a negated event), not the topic of a demand."""
    claims = book.expand(("CLAIM_N",))
    return any(c.dep_ == "dobj" and lemma(c) in claims for c in tok.children)


def _topic_roots(tok: Token, governs: bool, book: Codebook) -> list[Token]:
    """The clauses a governing act is about (its complements, what its object asks for) and
    the purpose of any act."""
    topic_preps = book.words("topic_preps")
    roots: list[Token] = []
    for c in tok.children:
        if governs and c.dep_ in ("xcomp", "ccomp"):
            roots.append(c)
        elif governs and c.dep_ == "prep" and c.lower_ in topic_preps:
            roots.extend(x for x in c.children if x.dep_ in ("pcomp", "pobj"))
        elif governs and c.dep_ == "dobj":
            # "demanded an admission that X murdered ...": what the object asks for
            roots.extend(x for x in c.children if x.dep_ in ("acl", "ccomp", "prep"))
        elif governs and c.dep_ == "acl" and tok.pos_ == "NOUN" and _infinitive(c):
            roots.append(c)  # "an ultimatum to withdraw", "a call to release": what it asks
        elif c.dep_ == "advcl" and _infinitive(c):
            roots.append(c)  # purpose: the intent of the act coded here
        elif c.dep_ == "dobj":
            # "used tear gas to disperse them": the purpose hangs on the object
            roots.extend(x for x in c.children if x.dep_ in ("acl", "relcl") and _infinitive(x))
    if governs and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        # "made a call to release", "issued an ultimatum to leave": the infinitive the parse
        # hangs on the staging verb is what the noun asks for
        roots.extend(c for c in tok.head.children if c.dep_ == "advcl" and _infinitive(c))
    return roots


def _elaborations(g: Frame, at: dict[int, Frame], book: Codebook) -> set[int]:
    """ "rioted, setting fire to their mattresses": a participle after the act elaborates it,
    unless it is an act of its own (a speech act, an arrest, casualties, its own subject)."""
    tok = g.token
    separate = book.words("separate_modes")
    out: set[int] = set()
    for c in tok.children:
        if not (c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i) or _infinitive(c):
            continue  # not a participle after the act, or a purpose (see _topic_roots)
        for x in (c, *(y for y in c.subtree if y.dep_ == "conj" and y.head.i == c.i)):
            inner = at.get(x.i)
            if (
                inner is not None
                and not any(z.dep_ in ("nsubj", "mark") for z in x.children)
                and inner.event != g.entry.event
                and inner.mode not in separate
                and not inner.entry.speech  # "..., accusing Tehran of X": its own act
                and not _casualties(inner, book)  # "..., killing two": violence
            ):
                out.add(x.i)
    return out


def _within(roots: list[Token], tok: Token, at: dict[int, Frame], book: Codebook) -> set[int]:
    """Frames inside the topic clauses. A relative clause inside the topic is the writer's
    own statement ("demanded that X lift the sanctions it imposed"), and so is a clause of
    time or cause ("promised to retaliate after a US strike killed X"): they stay events."""
    out: set[int] = set()
    stack = list(roots)
    while stack:
        t = stack.pop()
        if t.i in at and t.i != tok.i and not reacted_to(t, book):
            out.add(t.i)  # (what a demand or purpose reacts to happened: "to protest the
            # abduction of X" keeps the abduction)
        stack.extend(
            c
            for c in t.children
            if c.dep_ not in ("relcl", "acl", "appos")
            and not (c.dep_ == "advcl" and background(c, book))
        )
    return out


def must_topics(frames: list[Frame], book: Codebook) -> set[int]:
    """ "A said B must X": A demands X (see ``must_requests``); X is that demand's topic."""
    report = book.words("report_verbs")
    obligation = {lem for e in book.aux_entries for lem in e.lemmas}
    out: set[int] = set()
    for f in frames:
        node = f.token
        while node.dep_ in ("conj", "xcomp") and node.head != node:
            node = node.head
        clause = node if node.pos_ in ("VERB", "AUX") else node.head
        must = any(c.dep_ == "aux" and c.lower_ in obligation for c in clause.children)
        if must and clause.dep_ == "ccomp" and lemma(clause.head) in report:
            out.add(f.token.i)
    return out


def _commanded_force(warn: Token, subj: Token, book: Codebook) -> bool:
    """ "The police chief warned that officers would shoot ...", "the ministry warned that
    troops would respond": a state organ, a police or an army warning that forces no one
    else is said to own will act warns of its own forces' act."""
    forces = book.expand(("MILITARY", "POLICE", "TROOPS"))
    organs = book.expand(("STATE_ORGANS", "MILITARY", "POLICE"))
    owned = any(
        m.dep_ in ("poss", "amod", "compound") and (m.pos_ == "PROPN" or m.ent_type_)
        for m in subj.children
    )
    if lemma(subj) not in forces or owned:
        return False
    warners = [c for c in warn.children if c.dep_ == "nsubj"]
    return any(
        lemma(w) in organs or any(m.dep_ == "compound" and lemma(m) in organs for m in w.children)
        for w in warners
    )


def _predicts(warn: Token, frames: dict[int, Frame], book: Codebook) -> bool:
    """ "X warned that Y could ...", "officials cautioned that no deadline was set": a
    statement about a danger or a fact, not X's threat. A warning is a threat when it has an
    addressee ("warned Iran"), names a response ("warned of retaliation"), or its clause is
    about the warner's own act ("warned it would strike")."""
    if any(c.dep_ in ("dobj", "dative") for c in warn.children):
        return False
    warning_preps = book.words("warning_preps")
    if any(c.dep_ == "prep" and c.lower_ in warning_preps for c in warn.children):
        return False
    warner = {lemma(c) for c in warn.children if c.dep_ == "nsubj"}
    for c in warn.children:
        if c.dep_ != "ccomp":
            continue
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].pos_ == "PRON" or lemma(subj[0]) in warner:
            return False
        if subj[0].dep_ == "nsubj" and any(
            p.dep_ == "poss" and p.pos_ == "PRON" for p in subj[0].children
        ):
            return False  # "warned that his men would storm ...": the warner's own side acts
        if _commanded_force(warn, subj[0], book):
            return False  # "the police chief warned that officers would shoot rioters"
        # "warned that any attack would meet a crushing response" is a threat
        response = book.words("response_words")
        # (the doer's own words are no response: "Russian forces could launch ...")
        # ("all options, including force" still names force)
        head = subj[0]
        doer = {head.i} | {m.i for m in head.children if m.dep_ in ("amod", "compound")}
        doer = doer if head.dep_ == "nsubj" else set()
        return all(lemma(t) not in response for t in c.subtree if t.i not in doer)
    # "X is possible but far from certain, officials cautioned": a caution tacked onto a
    # statement, with no addressee and no clause of its own, threatens nobody
    return warn.dep_ in ("conj", "parataxis")
