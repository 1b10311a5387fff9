"""Arguments of a frame: its actors (doers) and recipients, from the parse.

A nominal trigger's doer is its possessive/national modifier or its verb's subject, its
recipient from its prepositions (or who survived it). A verbal trigger's doer is its
subject (through coordination and control); its recipient, in order: the dative or object
slot, the type's recipient prepositions, the one allowed or asked, the recipient of what it
governs, else the first party named after it. Roles per type: data/event_types.yaml.
"""

from __future__ import annotations

from spacy.tokens import Token

from .authors import document_doers
from .codebook import Codebook
from .doers import actor_modifiers
from .mutual import mutual_act
from .parse import (
    AGENT,
    ENT_LABELS,
    Frame,
    Parse,
    children_of,
    forms,
    infinitival,
    is_passive,
    lemma,
    names_party,
    nobody,
    preps_of,
    subordinate,
    with_conjuncts,
    word_set,
)
from .parties import (
    between_sides,
    conditioned_party,
    expelling_state,
    fired_from,
    first_named_after,
    fought_against,
    fought_with,
    is_mandate,
    mandator,
    other_side,
    owned_site,
    owner_of,
    pact_sides,
    sent_force,
    taken_from,
    unnamed_doer,
)
from .slots import (
    WHEN,
    content_subjects,
    counted,
    denies_clause,
    goods,
    in_venue,
    own_object,
    preposition_recipients,
    purpose_recipients,
    slot_recipients,
)
from .speakers import arms, arresting_speaker, launched_from
from .victims import life_owner, survivors

# the dependencies of a noun phrase: where a gerund stands for a noun
_NOMINAL_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def fill_arguments(frame: Frame, frames: dict[int, Frame], book: Codebook, parse: Parse) -> None:
    """Fill ``frame.actors`` and ``frame.recipients`` (and the framing modifiers)."""
    if frame.token.pos_ == "NOUN":
        _noun_arguments(frame, book, parse)
        return
    tok = frame.token
    violent = book.spec(frame.event).violent
    actors = arresting_speaker(tok, frame.mode, _verb_actors(frame, book, parse), book)
    if not actors and violent:  # (or by the act naming it: "Shelling from X positions hit Y")
        actors = unnamed_doer(tok, frame.instrument, book)
    recips = taken_from(frame, book) or slot_recipients(frame, book, parse)
    if _main_verb_as_acl(tok):
        # "ASEAN's envoy called on the army to ...": a sentence the parser read as a noun
        # with a participle; the noun is the doer, not the one acted on
        actors = actors or with_conjuncts([tok.head])
        recips = [r for r in recips if r not in actors]
    preps = preps_of(tok)
    if not actors and tok.tag_ == "VBG" and tok.dep_ in _NOMINAL_SLOTS:
        # "Fighting between the army and Fano militias has gripped X": a gerund used as a
        # noun names its sides as the noun would ("clashes between A and B")
        sides = between_sides(tok, book)
        if sides:
            frame.actors, frame.recipients = sides, list(sides)
            frame.modifiers = []
            return
    recips = recips or fought_against(frame, preps, book)
    recips = purpose_recipients(frame, book, parse) or preposition_recipients(
        frame, recips, preps, book, parse
    )
    recips = _governed_recipients(frame, recips, frames, book, parse)
    # "no one was killed", "not one American was hurt": a negative phrase is nobody
    recips = [r for r in recips if r.ent_type_ not in WHEN and not nobody(r)]
    recips = _named_party(frame, actors, recips, book)
    actors, recips = _stance_or_passive(frame, actors, recips, preps, book)
    recips = _answered_or_purpose(frame, recips, frames, book, parse)
    if _headline_passive(frame, actors, book):
        # "Four soldiers killed as gunmen ambush a convoy": the counted are the victims
        actors, recips = [], actors
    elif lemma(tok) in book.words("death_verbs") and book.spec(frame.event).violent:
        # "Two soldiers died in clashes with Tajik forces": the dead are the victims, the
        # other side of the fighting they died in the doer
        actors, recips = fought_with(tok, book), actors
    if mutual_act(frame, actors, recips, book):
        # "Indian and Chinese troops clashed", "A and B signed a pact": each side acts on the
        # other, so every doer is also a recipient
        frame.actors, frame.recipients = actors, list(actors)
    else:
        # "A and B met" with "with Y" named: all participants stay actors
        frame.actors = [a for a in actors if a not in recips]
        frame.recipients = recips
    if frame.entry.inverse and frame.recipients:
        frame.actors, frame.recipients = frame.recipients, frame.actors
    frame.modifiers = []  # a verb's framing is its own lemma (and those it folds)


def _noun_arguments(frame: Frame, book: Codebook, parse: Parse) -> None:
    """ "Iran's attack on X", "the shelling of Goma", "held talks with Y", "his arrest"."""
    tok = frame.token
    sv = parse.support_verb(tok)
    if sv is None and tok.dep_ == "conj":
        # "announced travel bans and asset freezes on X": the first conjunct's verb
        sv = parse.support_verb(_first_conjunct(tok))
    actors, patients = _noun_actors(frame, sv, book, parse)
    # "his assassination in Baghdad": the possessor is the victim, before any place phrase
    recips = patients or _noun_recipients(frame, sv, book) or survivors(tok, sv, book, parse)
    actors = [a for a in actors if a not in recips]
    mutual_noun = lemma(tok) in book.words("mutual_words")
    sides = between_sides(tok, book) if not actors else []
    if sides and (book.spec(frame.event).reciprocal or mutual_noun):
        # "talks between A and B resumed", "fighting between rival militias erupted in X"
        actors = recips = sides
    if not recips and mutual_noun and not book.spec(frame.event).reciprocal:
        recips = other_side(tok, book)  # "after the clashes with Tajik forces"
    if not actors and recips and book.spec(frame.event).reciprocal:
        actors = _speaker_side(tok, parse, book)
    if mutual_act(frame, actors, recips, book):
        recips = list(actors)  # "clashes between A and B", "A and B held talks"
    frame.actors, frame.recipients = actors, recips
    frame.modifiers = [
        c for c in tok.children if c.dep_ in ("compound", "amod") and c not in actors
    ]


def _speaker_side(noun: Token, parse: Parse, book: Codebook) -> list[Token]:
    """ "X said talks with Y were continuing": talks held with Y by no one named are the
    speaker's side's talks (the noun is the subject of the reported clause)."""
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return []
    if lemma(clause.head) not in book.words("report_verbs"):
        return []
    return [s for s in parse.subjects(clause.head) if s.pos_ != "PRON"]


def _first_conjunct(tok: Token) -> Token:
    """The first of coordinated words ("bans" in "bans and freezes")."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def _holding_verb(frame: Frame) -> Token | None:
    """The verb whose prepositional phrase holds a bare noun trigger ("troops remained on
    alert"), also through one noun of degree ("ordered units onto the highest level of
    combat readiness")."""
    tok = frame.token
    if not frame.entry.bare or tok.dep_ != "pobj":
        return None
    holder = tok.head.head
    if holder.pos_ == "NOUN" and holder.dep_ == "pobj" and tok.head.lower_ == "of":
        holder = holder.head.head
    return holder if holder.pos_ == "VERB" else None


def _noun_actors(
    frame: Frame, sv: Token | None, book: Codebook, parse: Parse
) -> tuple[list[Token], list[Token]]:
    """The doer of a nominal trigger, and the possessor that is its patient instead."""
    tok = frame.token
    actors = actor_modifiers(tok)
    patients: list[Token] = []
    own = preps_of(tok)
    if lemma(tok) in book.classes.get("PATIENT_NOUNS", frozenset()) and not any(
        own.get(g) for g in book.ordered("genitive_preps")
    ):
        # "his assassination": the possessor is the victim, not the doer
        patients = [a for a in actors if a.dep_ == "poss"]
        actors = [a for a in actors if a.dep_ != "poss"]
    if actors and all(a.pos_ == "PRON" for a in actors):
        # "held their first meeting", "reiterated its demand": the pronoun is the
        # subject of the verb that carries the noun; "affirmed its support ... and its
        # rejection of X", "during his first visit to Y": of the verb of its clause
        verb = sv if sv is not None else _clause_verb(tok)
        named = parse.subjects(verb) if verb is not None else []
        if named and all(n.pos_ != "PRON" for n in named):
            actors = named
    if not actors:
        slot = _first_conjunct(tok).dep_
        # (the written form too: the lemmatizer reads "staged" as "stag")
        support = sv is not None and bool(set(forms(sv)) & book.words("support_verbs"))
        if sv is not None and slot in ("dobj", "pobj") and support:
            actors = parse.subjects(sv)
        elif sv is not None and slot == "nsubjpass":
            actors = with_conjuncts(preps_of(sv).get(AGENT, []))  # "X was voiced by Y"
        elif (holder := _holding_verb(frame)) is not None:
            actors = parse.subjects(holder)  # "troops remained on alert"
    if not actors and sv is not None and is_passive(sv):
        actors = mandator(sv, book)  # "the raid was carried out on the orders of X"
    if not actors and book.spec(frame.event).violent:
        actors = fired_from(tok, book)  # "condemned the firing from Azerbaijani positions"
    return actors, patients


def _clause_verb(noun: Token) -> Token | None:
    """The verb whose clause holds a noun through coordination, objects and prepositions
    ("affirms its support and its rejection", "expressed regret during his visit")."""
    cur = noun
    for _ in range(4):
        if cur.dep_ in ("conj", "dobj", "pobj", "prep", "appos") and cur.head != cur:
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur
        else:
            return None
    return None


def _noun_recipients(frame: Frame, sv: Token | None, book: Codebook) -> list[Token]:
    """The recipient of a nominal trigger from the type's prepositions on the noun or on the
    verb that carries it, or the party of its content clause ("its demand that X ...")."""
    tok = frame.token
    spec = book.spec(frame.event)
    genitive = book.ordered("genitive_preps")
    order = [*(genitive if spec.patient_noun else ()), *spec.recipient_preps]
    holders = [preps_of(tok)] + ([preps_of(sv)] if sv is not None else [])
    holder = _holding_verb(frame)
    if holder is not None:
        holders.append(preps_of(holder))  # "troops remained on alert in X"
    for held in holders:
        for p in order:
            cands = [
                life_owner(c, book)  # "an attempt on his life": on him
                for c in held.get(p, [])
                if c.ent_type_ not in WHEN
                and lemma(c) not in book.words("time_nouns")  # "later in the day"
                and not is_mandate(c, book)
            ]
            if cands and p != AGENT:
                return with_conjuncts(cands)
    if spec.content_factuality == "hypothetical":
        # "its demand that Israel ease restrictions": the subject of the content clause
        # (attached to the noun, or to the verb that carries it)
        for c in [*tok.children, *(sv.children if sv is not None else [])]:
            recips = content_subjects(c, book)
            if recips:
                return recips
    return []


def _verb_actors(frame: Frame, book: Codebook, parse: Parse) -> list[Token]:
    """The doer of a verbal trigger; an attack noun as subject gives its own doer or marks
    the frame as pointing back to an attack already reported ("the strike also killed")."""
    tok = frame.token
    actors = document_doers(parse.subjects(tok), book, parse)  # "the statement accused": its author
    if frame.instrument is not None and (not actors or frame.instrument in actors):
        actors = _who_fired(frame.instrument, book)  # "a US strike killed X": the US
    attack_words = book.classes.get("ATTACK_NOUN", frozenset())
    pointing = book.words("anaphoric_determiners")
    if actors and all(lemma(a) in attack_words for a in actors):
        # "The strike also killed X": the weapon is not the doer
        mods = [m for a in actors for m in _who_fired(a, book)]
        frame.anaphor = not mods and any(c.lower_ in pointing for a in actors for c in a.children)
        actors = mods
    if actors and all(word_set(a, book) & arms(book) for a in actors):
        # "hit by mortar rounds fired by the rebels", "Russian missiles struck X": a weapon
        # is never the doer; the one who fired it is
        actors = [d for a in actors for d in _who_fired(a, book)]
    if not actors and tok.pos_ == "ADJ":
        actors = with_conjuncts(children_of(tok.head, "nsubj")) if tok.dep_ == "acomp" else []
    if not actors and book.spec(frame.event).violent:
        # "were killed in the strikes", "killed in a US raid": the attack's doer, or the
        # attack just reported
        preps = preps_of(tok)
        for p in book.ordered("attack_context_preps"):
            for o in preps.get(p, []):
                if lemma(o) in attack_words:
                    actors = actor_modifiers(o)
                    frame.anaphor = frame.anaphor or (
                        not actors and any(c.lower_ in pointing for c in o.children)
                    )
    return actors


def _who_fired(weapon: Token, book: Codebook) -> list[Token]:
    """Who a weapon or attack phrase says did it: its participle's agent ("rounds fired by
    the rebels"), the party its relative clause attributes it to ("the attacks, which locals
    attribute to the RSF"), else its possessive or national modifier ("Russian missiles")."""
    for c in weapon.children:
        if c.dep_ == "acl":
            agents = preps_of(c).get(AGENT, [])
            if agents:
                return with_conjuncts(agents)
        if c.dep_ == "relcl" and lemma(c) in book.words("attribution_verbs"):
            held = preps_of(c)
            named = [o for p in book.ordered("attributed_to_preps") for o in held.get(p, [])]
            if named and names_party(named[0]):
                return with_conjuncts(named[:1])
    return actor_modifiers(weapon) or launched_from(weapon, book)


def _deed_doers(noun: Token) -> list[Token]:
    """Who did the deed a noun names: the agent of its participle ("the remarks made by X"),
    its own by-phrase ("the remarks by X"), or the subject of a relative clause that has the
    noun for its object ("the exercises that Russian forces began"), when that names a party."""
    found = [a for c in children_of(noun, "acl") for a in preps_of(c).get(AGENT, [])]
    found += preps_of(noun).get(AGENT, [])
    found += [s for c in children_of(noun, "relcl") for s in children_of(c, "nsubj")]
    return with_conjuncts(found[:1]) if found and names_party(found[0]) else []


def _main_verb_as_acl(tok: Token) -> bool:
    """A sentence without a verb root whose noun root carries a participle with an object or
    a complement and no agent ("X's envoy called on the army to allow aid"): the participle
    is the main verb misread. A headline's bare passive ("Five officers killed as a bomb hits
    a patrol") has neither object nor complement and stays passive."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT":
        return False
    if head.pos_ not in ("NOUN", "PROPN") or preps_of(tok).get(AGENT):
        return False
    if any(c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in tok.children):
        return False
    # ("offered to host talks": the parser may call the infinitive an adverbial clause)
    return any(
        c.dep_ in ("dobj", "xcomp", "ccomp") or (c.dep_ == "advcl" and infinitival(c))
        for c in tok.children
    )


def _headline_passive(frame: Frame, actors: list[Token], book: Codebook) -> bool:
    """A headline's reduced passive ("Four soldiers killed ...", "12 students detained"): a
    verb that counts its victims (a quantity of a violent or domestic act), in the past form
    with no auxiliary, object or agent, whose subject is counted by a number."""
    tok = frame.token
    spec = book.spec(frame.event)
    if frame.entry.quantity is None or not (spec.violent or spec.domestic):
        return False
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBN") or is_passive(tok):
        return False
    subj = children_of(tok, "nsubj")
    if not subj or not actors or any(a not in with_conjuncts(subj) for a in actors):
        return False
    blocking = ("aux", "dobj", "dative", "xcomp", "ccomp", "attr", "oprd")
    if any(c.dep_ in blocking for c in tok.children) or preps_of(tok).get(AGENT):
        return False
    if any(c.dep_ == "conj" and children_of(c, "dobj") for c in tok.children):
        return False  # "gunmen killed and wounded several villagers": a shared object
    return any(s.pos_ == "NUM" or any(c.dep_ == "nummod" for c in s.children) for s in subj)


def _governed_recipients(
    frame: Frame, recips: list[Token], frames: dict[int, Frame], book: Codebook, parse: Parse
) -> list[Token]:
    """The one allowed or asked to act, or the recipient of what is threatened, refused or
    promised ("threatened to shell Iraqi towns", "refused to meet Jordan's king")."""
    tok = frame.token
    if not recips and lemma(tok) in book.words("permission_verbs"):
        # "allowed the opposition leader to hold a rally": the one allowed
        for x in children_of(tok, "ccomp", "xcomp"):
            recips = with_conjuncts(children_of(x, "nsubj"))
            if recips:
                break
    if not recips and frame.entry.ccomp and "ANY" not in frame.entry.ccomp:
        # a verbless small clause the parse takes for a clause ("declared two diplomats
        # persona non grata", "held the army responsible"): its subject is the one acted on
        for cc in children_of(tok, "ccomp"):
            recips = with_conjuncts(children_of(cc, "nsubj", "nsubjpass"))
            if recips:
                break
    if not recips and book.spec(frame.event).demand:
        for cc in children_of(tok, "ccomp"):
            recips = with_conjuncts(children_of(cc, "nsubj", "nsubjpass"))
            if recips:
                break
    if not recips:
        goods_words = goods(book)
        for x in children_of(tok, "xcomp"):
            inner = frames.get(x.i)
            if inner is not None:
                fill_arguments(inner, frames, book, parse)
                recips = list(inner.recipients)
            else:
                objs = [o for o in parse.objects(x) if not (word_set(o, book) & goods_words)]
                recips = [r for o in objs for r in owner_of(o, book)]
            if recips:
                break
    return recips


def _named_party(
    frame: Frame, actors: list[Token], recips: list[Token], book: Codebook
) -> list[Token]:
    """No party named in the argument slot: the first party named after the trigger in its
    own clause ("promised military aid to Mozambique"), never what the act moves nor a venue."""
    tok = frame.token
    spec = book.spec(frame.event)
    reciprocal = spec.reciprocal and len(actors) > 1
    parties = book.party_nouns
    patient = bool(recips) and (
        is_passive(tok)
        # "kidnapped 12 worshippers from a church in X": a counted object is the patient
        or any(r.pos_ == "PRON" or lemma(r) in parties or counted(r, book) for r in recips)
        # (an arrest's object is a person, whatever the noun: "detained the editor at his
        # home in X")
        or frame.mode in book.words("person_object_modes")
    )  # "the journalist was arrested in X": the patient stays; X is where, not whom
    pacts = book.expand(("AGREEMENT", "TALKS"))
    between = [p for r in recips if lemma(r) in pacts for p in pact_sides(r, book)]
    if between:
        return between  # "brokered a deal between Israel and Hamas": they, not the deal
    blamed = spec.content_factuality == "reported"
    if blamed and recips and not any(r.ent_type_ in ENT_LABELS for r in recips):
        # "condemned the insults aimed at Croatia by Serbia's minister", "criticised the
        # remarks made by X": the one blamed is who did the deed, not whom it was aimed at
        doers = [d for r in recips for d in _deed_doers(r)]
        if doers:
            return doers
    if reciprocal or patient or any(names_party(r) or owned_site(r, book) for r in recips):
        return recips
    attack_words = book.classes.get("ATTACK_NOUN", frozenset())
    if blamed and recips and all(lemma(r) in attack_words for r in recips):
        # "condemned the strikes as a violation of Yemen's sovereignty": the one blamed is
        # whoever struck (the coder resolves the act to its doer), not a party named later
        return recips
    own = (
        {t.i for o in children_of(tok, "dobj") for t in o.subtree if t.i <= o.i}
        if own_object(frame, book)
        else set()
    )
    if spec.violent:  # "launched from the Sunan area": where it came from is no target
        came = [o for p in book.words("origin_preps") for o in preps_of(tok).get(p, [])]
        own |= {t.i for o in came for t in o.subtree}
    named = first_named_after(tok, actors, book, skip=own)
    if spec.reciprocal and frame.mode not in book.words("host_place_modes"):
        # "are due to meet in Geneva": the venue of a meeting is no party to it (a visit's
        # place names its host: "arrived in Dhaka on a state visit")
        venue = book.words("mutual_place_preps")
        named = [n for n in named if not in_venue(n, venue)]
    if not named and spec.reciprocal:
        # "discussed the decision to strike X with Britain's foreign secretary": the
        # parser may hang "with Y" deep inside the object
        for t in tok.subtree:
            if (
                t.dep_ == "pobj"
                and t.head.lower_ in spec.recipient_preps
                and t.i > tok.i
                and names_party(t)
            ):
                named = with_conjuncts([t])
                break
    if not named and spec.commitment == "conflict":
        named = conditioned_party(tok, book)  # "threatened to X unless Israel rescinds ..."
    if not named and denies_clause(frame, book):
        named = _claimant(tok, book)  # "denied that ..., calling Georgetown's claim a lie"
    elif not named and spec.topic_recipient:
        # "rejected a call for peacekeepers in East Timor", "blocked a road to show
        # their disapproval of US policy": the party the act is about (not a party of the
        # clause a denial denies: "denied that its jets bombed X" is no act on X)
        named = first_named_after(tok, actors, book, deep=True, skip=own)
    return named or recips


def _claimant(tok: Token, book: Codebook) -> list[Token]:
    """Whose claim a denial answers, named beside the denied clause: the owner of a claim
    noun ("calling Lusaka's claim absurd") or the one who said it ("as Mogadishu had
    claimed"). The denial's recipient is that claimant."""
    claims = book.classes.get("CLAIM_N", frozenset())
    sayers = book.words("report_verbs")
    # beside the denied clause, or (as the parse often hangs them) an adverbial clause of it;
    # never the denied clause's own parties nor the denier
    around = [c for c in tok.children if c.dep_ not in ("ccomp", "nsubj", "nsubjpass")]
    around += [a for c in children_of(tok, "ccomp") for a in children_of(c, "advcl")]
    for child in around:
        for t in child.subtree:
            if lemma(t) in claims:
                owners = [c for c in t.children if c.dep_ == "poss" and names_party(c)]
                if owners:
                    return owners
            if t.pos_ == "VERB" and lemma(t) in sayers and t.dep_ == "advcl":
                sayer = [c for c in t.children if c.dep_ == "nsubj" and names_party(c)]
                if sayer:
                    return sayer
    return []


def _stance_or_passive(
    frame: Frame,
    actors: list[Token],
    recips: list[Token],
    preps: dict[str, list[Token]],
    book: Codebook,
) -> tuple[list[Token], list[Token]]:
    """ "Israel is opposed to French mediation": a stance of the subject; "guerrillas were
    demobilized": the disarmed party is the one that disarms."""
    tok = frame.token
    stance = lemma(tok) in book.words("stance_words")
    targets = [o for p in book.ordered("stance_preps") for o in preps.get(p, [])]
    if stance and targets and tok.dep_ == "acomp":
        target = targets[0]
        return with_conjuncts(children_of(tok.head, "nsubj")), actor_modifiers(target) or [target]
    if is_passive(tok) and not preps_of(tok).get(AGENT):
        passive_subject = children_of(tok, "nsubjpass")
        if stance and targets:
            target = targets[0]
            return with_conjuncts(passive_subject), actor_modifiers(target) or [target]
        if frame.mode in book.words("self_patient_modes") and not actors:
            # "guerrillas were demobilized": the withdrawn or disarmed party does it
            actors = with_conjuncts(passive_subject)
            recips = [r for r in recips if r not in actors]
        elif not actors and sent_force(frame, passive_subject, book):
            # "troops were deployed to X": the force sent is the sender's own
            actors = with_conjuncts(passive_subject)
            recips = [r for r in recips if r not in actors]
        elif not actors and book.spec(frame.event).hands_over:  # "Moroccan teams were flown"
            actors = [m for p in passive_subject for m in actor_modifiers(p)]
        elif not actors:
            actors = expelling_state(frame, preps, book)  # "were deported from Pakistan"
    return actors, recips


def _answered_or_purpose(
    frame: Frame, recips: list[Token], frames: dict[int, Frame], book: Codebook, parse: Parse
) -> list[Token]:
    """A response targets the doer of the act it answers ("retaliate after a US strike
    killed X"); a purpose may name the party ("opened the bridge to allow aid to X")."""
    tok = frame.token
    if not any(names_party(r) for r in recips) and lemma(tok) in book.words("response_verbs"):
        around = [*tok.children, *(tok.head.children if tok.dep_ == "xcomp" else [])]
        for x in around:
            inner = frames.get(x.i)
            if (
                x.dep_ == "advcl"
                and subordinate(x, book)
                and inner is not None
                and not inner.absorbed
            ):
                fill_arguments(inner, frames, book, parse)
                if inner.actors:
                    recips = list(inner.actors)
                    break
    if not any(names_party(r) for r in recips) and book.spec(frame.event).demand:
        # "Nairobi summoned Uganda's envoy and demanded the release of the fishermen": a
        # demand joined to an act on a party is addressed to that party
        before = frames.get(tok.head.i) if tok.dep_ == "conj" else None
        if before is not None and not book.spec(before.event).demand:
            fill_arguments(before, frames, book, parse)
            named = [r for r in before.recipients if names_party(r)]
            if named:
                return named
    if not recips and frame.event in book.refusals and tok.dep_ == "conj":
        # "Brussels asked Tunis to let the agencies in, but Tunis refused": a refusal with
        # no object, coordinated with a request made to its doer, refuses the requester
        asked = frames.get(tok.head.i)
        if asked is not None and book.spec(asked.event).demand:
            fill_arguments(asked, frames, book, parse)
            # (the refuser is the one asked, by name or by another name: "urged Uganda ...,
            # but Kampala refused"; never the one who asked)
            mine = {lemma(a) for a in children_of(tok, "nsubj")}
            if mine and asked.recipients and not mine & {lemma(a) for a in asked.actors}:
                return list(asked.actors)
    if not any(names_party(r) for r in recips):
        for x in tok.children:
            inner = frames.get(x.i)
            purpose = infinitival(x) and not any(c.dep_ in ("mark", "nsubj") for c in x.children)
            if x.dep_ == "advcl" and purpose and inner is not None and not inner.absorbed:
                fill_arguments(inner, frames, book, parse)
                # (with no object of its own, people it was done to count too: "fired tear
                # gas to disperse protesters")
                people = book.party_nouns if not recips else set()
                named = [r for r in inner.recipients if names_party(r) or lemma(r) in people]
                if named:
                    return named
    return recips
