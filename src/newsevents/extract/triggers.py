"""Triggers: the codebook entry a token matches, and whether a noun reports an event."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .cargo import carried
from .codebook import Codebook, Entry
from .doers import actor_modifiers, named_owner
from .formulas import (
    business_deal,
    causation,
    custody_located,
    generic_gerund,
    no_comment_pair,
    occasion_held,
    people_named_by_participle,
    quoted_question,
    speaking_to_say,
    without_evidence,
)
from .games import game_report, match_report, played
from .mishaps import accident_outcome, industrial_blast
from .parse import (
    AGENT,
    ENT_LABELS,
    HYPHEN,
    Parse,
    children_of,
    entry_pos,
    forms,
    hyphen_word,
    infinitival,
    is_passive,
    lemma,
    named_by_free_relative,
    names_parties,
    preps_of,
    word_set,
)
from .parties import fired_from
from .slots import WHEN

_POLITICAL_LABELS = frozenset({"GPE", "ORG", "NORP"})  # a state, body or nationality


def _matches(toks: list[Token], items: tuple[str, ...], book: Codebook) -> bool:
    if not toks:
        return False
    words = book.expand(items)
    for t in toks:
        if "ANY" in items:
            return True
        if "PROPN" in items and (t.pos_ == "PROPN" or t.ent_type_ in ENT_LABELS):
            return True
        if "PERSON_NAME" in items and t.ent_type_ == "PERSON":
            return True
        if "VERB" in items and t.pos_ in ("VERB", "AUX"):
            return True
        if word_set(t, book) & words:
            return True
    return False


#: clauses a Phoenix pattern does not code: the dictionary was written for main clauses
_EMBEDDED = frozenset({"xcomp", "acl", "relcl", "advcl", "pcomp", "csubj", "pobj"})


def match(tok: Token, book: Codebook, parse: Parse) -> Entry | None:
    """The most specific codebook entry whose constraints hold for this token."""
    pos = entry_pos(tok)
    if pos is None or (pos == "adj" and tok.dep_ == "amod" and tok.nbor(1).tag_ == "HYPH"):
        return None  # (the first word of a compound adjective: "ready-to-eat rations")
    keys = forms(tok)
    hw = hyphen_word(tok)
    if hw:
        keys.insert(0, hw)
    best = _best(tok, [book.index.get((key, pos), ()) for key in keys], book, parse)
    if (
        best is None
        and pos == "verb"
        and (tok.dep_ not in _EMBEDDED or _after_label(tok))
        and not _agentless_passive(tok)
    ):
        # the converted Phoenix patterns: a layer below the codebook (ours wins)
        best = _best(tok, [_pattern_candidates(tok, keys, book, parse)], book, parse)
        if best is not None and _event_object(tok, book, parse):
            return None  # "held talks", "reiterated its demand": the noun's own entry codes it
    if best is not None and pos == "verb" and _nonevent(tok, book, parse, best):
        return None
    if best is not None and game_report(tok, book):
        # "the Super Eagles attacked Cameroon's defence", "the visitors protested to the
        # referee", "rejected the idea of sitting back": a match report's acts are play
        return None
    if (
        best is not None
        and pos == "noun"
        and book.spec(best.event).violent
        and match_report(tok, book)
    ):
        return None  # "Benfica's attack proved too much for Sporting ... won the derby 3-1"
    if (
        best is not None
        and best.id in book.words("staging_rules")
        and _event_object(tok, book, parse)
    ):
        return None  # "ordered the deployment of 1,200 soldiers": the deployment is the act
    return best


def _pattern_candidates(tok: Token, keys: list[str], book: Codebook, parse: Parse) -> list[Entry]:
    """The patterns of this verb whose key word (object, prepositional object, particle or
    doer head) is among the token's argument words: the others cannot hold."""
    keys = [k for k in keys if k in book.patterns]
    if not keys:
        return []
    objs = parse.objects(tok)
    args = list(objs)
    for h in (tok, *objs):
        args.extend(o for os in preps_of(h).values() for o in os)
    words: set[str] = _particles(tok, book) | _real(preps_of(tok))
    for t in (*args, *parse.subjects(tok)):
        words |= word_set(t, book)
    return [e for k in keys for w in words for e in book.pattern_keys.get((k, w), ())]


def _event_object(tok: Token, book: Codebook, parse: Parse) -> bool:
    """Is the verb's object a noun the codebook codes as an event itself?"""
    return any((f, "noun") in book.index for o in parse.objects(tok) for f in forms(o))


def _nonevent(tok: Token, book: Codebook, parse: Parse, entry: Entry) -> bool:
    """Natural forces, accidents, illness, sport and markets are not events, nor is the
    anonymity formula of a source."""
    if _background_noun_as_clause(tok, book):
        return True  # "Hours after the missile strikes, ...": the parser made a verb of it
    if people_named_by_participle(tok):
        return True  # "visited the wounded in hospital": the people, not a new wounding
    if quoted_question(tok, book):
        return True  # "'Who will pay us back?' she asked"
    if entry.pattern and causation(tok, book):
        return True  # "which has led to violent incidents": a cause, no visit
    if custody_located(tok, book) or generic_gerund(tok):
        return True  # "find out where they are held", "Summoning an envoy is a rare step"
    if named_by_free_relative(tok, book):
        return True  # "struck what Islamabad called militant hideouts": a name, no act
    args = parse.objects(tok) + [o for os in preps_of(tok).values() for o in os]
    subjects = parse.subjects(tok)
    kinds = book.expand(("MIL_HARDWARE", *book.ordered("force_doer_classes")))  # "Typhoon jets"
    heads = [t for t in subjects if not named_owner(t) and lemma(t) not in kinds]
    subjects += [c for t in heads for c in children_of(t, "compound")]
    genitive = book.words("genitive_preps")
    subjects += [  # "gangs of football fans"
        o for t in subjects for p in genitive for o in preps_of(t).get(p, [])
    ]
    doers = {w for t in subjects for w in (lemma(t), t.lower_, t.lower_.removesuffix("s"))}
    anonymity = book.words("anonymity_verbs")
    if any(c.dep_ == "xcomp" and lemma(c) in anonymity for c in tok.children):
        return True  # "who asked not to be named"
    if no_comment_pair(tok, book) or speaking_to_say(tok, book) or without_evidence(tok, book):
        return True  # "neither confirmed nor denied", "Speaking by telephone, he said"
    if business_deal(tok, book):
        return True  # "agreed to buy a Czech lender": firms trading firms
    # (the parser may hang "where ..." on the main verb)
    where = any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
    described = tok.dep_ in ("relcl", "acl") or (tok.dep_ == "advcl" and where)
    if described and lemma(tok) in book.words("occupancy_verbs"):
        return True  # "bases where US troops are stationed": who is there, no act
    if (
        entry.pattern
        and entry.mode in book.words("party_doer_modes")
        and (_thing_doers(subjects, book) or _crowd_doers(subjects, book))
    ):
        return True  # "the vessel was heading to Djibouti", "farmers went back to their fields"
    if entry.speech and _hazard_warning(tok, book):
        return True  # "warned of torrential rain in Yilan": a forecast, no threat
    if accident_outcome(tok, book) or industrial_blast(subjects, book):
        return True  # "a ferry capsized, killing 32"; "a blast at a fireworks factory killed"
    scored = book.spec(entry.event).violent or entry.event in book.words("scoreline_types")
    if scored and played(tok, book):
        return True  # "beat the visitors 94-89" (a vote "rejected the bill 51-49" stays)
    # "beat Hungary to win the title": a purpose of winning places the act in sport
    winning = book.words("winning_verbs")
    purpose = [
        o
        for c in tok.children
        if c.dep_ == "advcl" and infinitival(c) and lemma(c) in winning
        for o in parse.objects(c)
    ]
    # armed men, troops or police acting are politics whatever the words around ("attacked
    # the stadium during the match", "arrested a record number of smugglers")
    forces = book.expand(book.ordered("force_doer_classes"))
    context = _context(args + purpose, book) and not doers & forces
    crime = not context and not doers & forces and not book.spec(entry.event).voices_demands
    if crime and _context(args, book, "CRIME_CONTEXT"):
        # (a protest at crime is no crime; a place the act happened in is no party: "shot
        # dead in a robbery in Soweto")
        context = not any(
            t.ent_type_ in _POLITICAL_LABELS and (t.ent_type_ != "GPE" or t.dep_ != "pobj")
            for t in subjects + args
        )
    return context or bool(doers & book.expand(("NONEVENT_DOERS",)))


def _thing_doers(subjects: list[Token], book: Codebook) -> bool:
    """Subjects that are all common nouns of things, not of people or bodies."""
    return bool(subjects) and all(
        t.pos_ == "NOUN" and not t.ent_type_ and lemma(t) not in book.party_nouns for t in subjects
    )


def _crowd_doers(subjects: list[Token], book: Codebook) -> bool:
    """Subjects that are all ordinary people ("farmers", "residents"): going somewhere is
    their errand, no visit between parties."""
    crowd = book.expand(("CROWD",))
    return bool(subjects) and all(t.pos_ == "NOUN" and lemma(t) in crowd for t in subjects)


def _hazard_warning(tok: Token, book: Codebook) -> bool:
    """A warning about a natural hazard ("warned of heavy rain", "cautioned about the
    storm") with no one it is addressed to."""
    if children_of(tok, "dobj", "dative"):
        return False
    hazards = book.expand(("NONEVENT_DOERS",))
    return any(
        lemma(o) in hazards for p in book.ordered("warning_preps") for o in preps_of(tok).get(p, [])
    )


def _background_noun_as_clause(tok: Token, book: Codebook) -> bool:
    """A background noun phrase the parser read as a clause ("after the missile strikes,
    a plane crashed": "strikes" a present-tense verb with "the missile" its subject): a
    present-tense verb under a background preposition, its subject a determined noun, with
    nothing else of its own. Background, as "after the strikes" is."""
    if tok.dep_ != "advcl" or tok.tag_ not in ("VBZ", "VBP"):
        return False
    # ("Hours after ...": a measure of time hangs on the verb too)
    kids = [c for c in tok.children if c.dep_ not in ("punct", "dep", "npadvmod")]
    marks = [c for c in kids if c.dep_ == "mark" and c.lower_ in book.words("background_preps")]
    subjects = [c for c in kids if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return (
        len(marks) == 1
        and len(subjects) == 1
        and any(d.dep_ == "det" for d in subjects[0].children)
        and len(kids) == 2
    )


def _agentless_passive(tok: Token) -> bool:
    """ "The claim could not be verified", "flights have been suspended", "is considered
    unlikely": a passive without its doer, which the Phoenix patterns (written for a doer
    and its object) misread; our own entries still code such a verb."""
    return is_passive(tok) and not preps_of(tok).get(AGENT)


def _after_label(tok: Token) -> bool:
    """ "Court statement: Prosecutors charged X": the parse hangs the clause after a label and
    its colon on the label's noun; it is the sentence's main clause."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and head.i < tok.i
        and any(t.is_punct and ":" in t.text for t in tok.doc[head.i + 1 : tok.i])
    )


def _best(
    tok: Token, candidates: list[Sequence[Entry]], book: Codebook, parse: Parse
) -> Entry | None:
    best: Entry | None = None
    seen: set[str] = set()
    for entries in candidates:
        for entry in entries:
            if entry.id in seen:
                continue
            seen.add(entry.id)
            # the constraints (the costly part) are read only for an entry that would win
            if (
                best is None
                or entry.specificity > best.specificity
                or (entry.specificity == best.specificity and entry.order < best.order)
            ) and _holds(tok, entry, book, parse):
                best = entry
    return best


def _holds(tok: Token, e: Entry, book: Codebook, parse: Parse) -> bool:
    """Do the entry's constraints hold for this token?"""
    return (
        _holds_attached(tok, e, book)
        and _holds_arguments(tok, e, book, parse)
        and _holds_clauses(tok, e, book)
    )


def _real(preps: dict[str, list[Token]]) -> set[str]:
    """Prepositions with an object that is not a date or time (nor begins with one: the
    parser may make "on Wednesday opposition claims" one phrase)."""
    return {
        p
        for p, objs in preps.items()
        if any(o.ent_type_ not in WHEN and o.left_edge.ent_type_ not in WHEN for o in objs)
    }


def _holds_attached(tok: Token, e: Entry, book: Codebook) -> bool:
    """Particles, prepositions and modifiers ("call off", "call for", "hunger strike")."""
    if e.prt or e.not_prt:  # (most entries ask for neither: the parse is read only if asked)
        prts = _particles(tok, book)
        if e.prt and not prts & set(e.prt):
            return False
        if e.not_prt and prts & set(e.not_prt):
            return False
    if (e.prep and not e.pobj) or e.not_prep:
        preps = preps_of(tok)
        # a pattern's bare "(for)" is no "for two decades", nor a violent act's target "on"
        # the day ("fired back on Wednesday, saying ...": a retort, no shot)
        dated = e.pattern or book.spec(e.event).violent
        if e.prep and not e.pobj and not set(_real(preps) if dated else preps) & set(e.prep):
            return False
        if e.not_prep and _real(preps) & set(e.not_prep):
            return False  # "on Tuesday" is a date, not the "call on" of a request
    if e.mod or e.not_mod:
        # a compound's own modifiers count too: "joint coast guard exercise", "joint naval drill"
        near = list(tok.children)
        stack = children_of(tok, "compound")
        while stack:
            c = stack.pop()
            near.extend(c.children)
            stack.extend(children_of(c, "compound"))
        # (an object predicate too: "set the depot ablaze")
        deps = ("compound", "amod", "nmod", "advmod", "oprd", "acomp")
        mods = {lemma(c) for c in near if c.dep_ in deps or (c.dep_ == "advcl" and c.pos_ == "ADJ")}
        mods |= {c.lower_ for c in near if c.dep_ in ("compound", "amod", "nmod")}
        hw = hyphen_word(tok)
        if hw:
            mods.add(hw.split(HYPHEN)[0])
        if e.mod and not mods & book.expand(e.mod):
            return False
        if e.not_mod and mods & book.expand(e.not_mod):
            return False
    return True


def _particles(tok: Token, book: Codebook) -> set[str]:
    """The verb's particles, also where the parse hangs one as an adverb or a preposition
    without an object of its own ("pulled back from", "pulled out of")."""
    prts = {c.lower_ for c in children_of(tok, "prt")}
    particles = book.words("prt_words")
    bare_verb = not children_of(tok, "dobj")
    for c in children_of(tok, "advmod", "prep"):
        if c.lower_ in particles and (not children_of(c, "pobj") or bare_verb):
            prts.add(c.lower_)  # "voted down the amendments": the object hangs on the particle
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.dep_ == "quantmod" and after.lower_ in particles:
        prts.add(after.lower_)  # "handed over 32 prisoners": read as "over 32", more than 32
    return prts


def _purposes(tok: Token) -> list[Token]:
    """The verbs of the to-clauses of purpose of ``tok`` ("arrived in X to help Y", "in order
    to help")."""
    return [
        c
        for c in children_of(tok, "advcl", "xcomp")
        if c.pos_ == "VERB" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
    ]


def _context(toks: list[Token], book: Codebook, cls: str = "NONEVENT_CONTEXT") -> bool:
    """Is an argument a word of a non-political context (sport, markets; ``cls``: another
    such class)? Its adjectives do not count ("a record high" is a market's, "the high
    commissioner" an envoy)."""
    if cls not in book.classes:
        return False
    words = book.expand((cls,))
    for t in toks:
        if (
            t.pos_ == "PROPN"
            and t.dep_ in ("dobj", "nsubjpass")
            and lemma(t) in book.words("body_context_words")
        ):
            continue  # a body named as the act's target ("banned the Awami League")
        adjectives = {lemma(c) for c in t.children if c.dep_ == "amod"} - {lemma(t)}
        if (word_set(t, book) - adjectives) & words:
            return True
    return False


def _modified(toks: list[Token], mods: tuple[str, ...]) -> list[Token]:
    """The heads among ``toks`` that carry one of ``mods`` as compound or adjective."""
    if not mods:
        return toks
    return [
        t
        for t in toks
        if any(c.dep_ in ("compound", "amod") and lemma(c) in mods for c in t.children)
    ]


def _holds_arguments(tok: Token, e: Entry, book: Codebook, parse: Parse) -> bool:
    """The object and the doer ("sent troops", "a car bomb killed" is not "a car killed")."""
    if e.pobj:  # a Phoenix pattern: "(prep x)" on the verb or on its object
        objs = parse.objects(tok)
        heads = [tok, *objs]
        pobjs = [o for h in heads for p in e.prep for o in preps_of(h).get(p, [])]
        if not _matches(_modified(pobjs, e.pobj_mod), e.pobj, book):
            return False
        if e.obj and not _matches(_modified(objs, e.obj_mod), e.obj, book):
            return False

    elif e.obj or e.not_obj:
        negation = book.words("negation")
        objs = parse.objects(tok, e)
        if lemma(tok) in book.words("sending_verbs"):
            objs = carried(objs, book)  # "sent a plane carrying tents": the tents
        # a double-object verb in the passive keeps its thing as the object the pattern
        # names ("was granted asylum", "was handed a prison term"): the subject is the person
        kept = children_of(tok, "dobj") if is_passive(tok) else []
        if e.obj and not _matches(_modified(objs + kept, e.obj_mod), e.obj, book):
            return False
        if e.pattern and any(
            c.dep_ == "det" and c.lower_ in negation for o in objs for c in o.children
        ):
            return False  # "gave no details": no act
        if e.not_obj and _matches(objs, e.not_obj, book):
            return False
    if e.subj or e.not_subj:
        subj = parse.subjects(tok)
        if tok.pos_ == "NOUN":
            sv = parse.support_verb(tok)
            subj = parse.subjects(sv) if sv is not None else []
            subj += children_of(tok, "poss")  # "the doctors' strike"
        if e.subj and not _matches(subj, e.subj, book):
            return False
        if e.not_subj and any(lemma(t) in book.expand(e.not_subj) for t in subj):
            return False  # the head itself: "a car bomb killed" is not "a car killed"
    return True


def _holds_clauses(tok: Token, e: Entry, book: Codebook) -> bool:
    """The clause it governs and the word it depends on ("fail to reach", "wants X to go")."""
    if e.ccomp:
        cs = children_of(tok, "ccomp")
        if not cs or ("ANY" not in e.ccomp and not _matches(cs, e.ccomp, book)):
            return False
    if e.xcomp:
        xs = children_of(tok, "xcomp")
        if not xs:
            return False
        if "ANY" not in e.xcomp and not _matches(xs, e.xcomp, book):
            return False
    if e.not_xcomp and _matches(children_of(tok, "xcomp"), e.not_xcomp, book):
        return False
    if e.purpose and not _matches(_purposes(tok), e.purpose, book):
        return False
    if e.not_mark and any(
        m.dep_ == "mark" and m.lower_ in e.not_mark
        for c in tok.children
        if c.dep_ in ("ccomp", "advcl")
        for m in c.children
    ):
        return False
    if e.head:
        sv = tok.head if tok.head != tok else None
        if sv is None or lemma(sv) not in e.head:
            return False
    return True


def noun_licensed(noun: Token, entry: Entry, book: Codebook, parse: Parse) -> bool:
    """Does a nominal trigger report an event here (not just name one in passing)?"""
    if noun.dep_ == "compound":  # "attack plans", "peace talks process"
        return False
    if noun.dep_ in ("nsubj", "nsubjpass") and lemma(noun) in book.words("unit_nouns"):
        # "A navy patrol opened fire": the patrol is the doer, no deployment ("a joint patrol
        # was carried out" still reports one)
        unit_sv = parse.support_verb(noun) if noun.dep_ == "nsubjpass" else None
        if unit_sv is None or not set(forms(unit_sv)) & book.words("support_verbs"):
            return False
    if entry.bare:
        return True
    if toll_update(noun, book):
        return True
    background = book.words("background_preps")
    if noun.dep_ == "pobj" and noun.head.lower_ in background:
        return _attested_background(noun, book)
    occasion = occasion_held(noun, book)
    if occasion is not None:
        return occasion  # "sealed at a meeting between A and B"; "at a news conference"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "pobj":
        # "in protest of X", "in the wake of X", "in response to X"
        return False
    sv = parse.support_verb(noun)
    support = book.words("support_verbs")
    support = support if noun.dep_ == "dobj" else support - book.object_only_support
    if sv is not None and book.spec(entry.event).violent and _sport_doer(sv, book, parse):
        return False  # "the rider launched an attack on the Galibier": a race, no assault
    if sv is not None and (
        bool(set(forms(sv)) & support)
        or (noun.dep_ == "nsubj" and lemma(sv) in book.words("occurrence_verbs"))
        # "clashes were reported in Goma", "no protests were reported"
        or (noun.dep_ == "nsubjpass" and lemma(sv) in book.words("attested_verbs"))
        # "residents reported heavy gunfire", "witnesses heard explosions"
        or (noun.dep_ == "dobj" and lemma(sv) in book.words("heard_verbs"))
        # ("a meeting between A and B was scheduled for Saturday"; not "the summit is set for
        # May", a calendar naming no parties)
        or (
            noun.dep_ == "nsubjpass"
            and lemma(sv) in book.words("scheduled_verbs")
            and names_parties(noun, book)
        )
    ):
        return True
    if actor_modifiers(noun) or (book.spec(entry.event).violent and _fired_from_named(noun, book)):
        return True  # "Russian shelling", "the shelling from Azerbaijani positions"
    if _named_by_patient(noun, entry, book):
        return True
    copula = book.words("copula_verbs")
    generic = noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children)
    # "the attack was the deadliest" names an event; "protests are healthy" no event; nor
    # "the allegations were a fiction" (a said act judged: the accusation was told before)
    said = book.spec(entry.event).said_act
    return noun.dep_ in ("ROOT",) or (
        noun.dep_ == "nsubj" and sv is not None and sv.lemma_ in copula and not generic and not said
    )


def _sport_doer(sv: Token, book: Codebook, parse: Parse) -> bool:
    """The support verb's doer is one the codebook never takes for a party (a rider, a
    striker, a storm: ``NONEVENT_DOERS``)."""
    doers = book.classes.get("NONEVENT_DOERS", frozenset())
    return any(lemma(s) in doers for s in parse.subjects(sv))


def _fired_from_named(noun: Token, book: Codebook) -> bool:
    """ "the shelling from Azerbaijani positions" (not "any attack from Afghan territory":
    a kind of act)."""
    dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
    return not dets - book.words("anaphoric_determiners") and bool(fired_from(noun, book))


def toll_update(noun: Token, book: Codebook) -> bool:
    """ "The number of people killed in Monday's clashes rose to three", "raised the death toll
    from the attack to 12": a changed count of an act's victims reports that act again (the
    later report of an event the merge joins to the first), even inside a participle."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in book.words("toll_preps"):
        return False
    counted = noun.head.head  # "killed in X", "the toll from X", or "raised (the toll) from X"
    heads = book.words("toll_heads")
    if lemma(counted) not in heads and not any(
        lemma(c) in heads for c in children_of(counted, "dobj", "nsubj", "nsubjpass")
    ):
        return False
    return any(lemma(t) in book.words("toll_change_verbs") for t in (counted, *counted.ancestors))


def _named_by_patient(noun: Token, entry: Entry, book: Codebook) -> bool:
    """ "The expulsion of two diplomats drew a response", "the arrest of X sparked outrage":
    a nominal act that is the subject of its clause and names who it was done to reports that
    act. Not for acts that govern content ("the threat of sanctions looms" is no threat), nor
    when the clause's verb is a trigger itself."""
    if book.spec(entry.event).governs_content:
        return False
    if reacted_to(noun, book):
        pass  # "condemned the killing of our citizens": the reaction attests the act
    elif noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    elif (lemma(noun.head), "verb") in book.index:
        return False  # "the deployment of peacekeepers arrived": the verb's act tells it
    preps = preps_of(noun)
    return any(preps.get(p) for p in book.words("genitive_preps"))


def reacted_to(noun: Token, book: Codebook) -> bool:
    """The object of a reaction to a past act that names who it was done to ("condemned the
    detention of", "protest the abduction of", "an investigation over the beating of"): the
    reaction attests the act. Only acts done to people (``PATIENT_NOUNS``): "condemned the
    incursions of balloons" names no victim."""
    if lemma(noun) not in book.classes.get("PATIENT_NOUNS", frozenset()):
        return False
    if not any(preps_of(noun).get(p) for p in book.words("genitive_preps")):
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head  # "an inquiry into / over the beating of X"
    elif noun.dep_ != "dobj":
        return False
    return lemma(head) in book.words("reaction_words")


def _attested_background(noun: Token, book: Codebook) -> bool:
    """ "after talks with Macron", "after clashes between X and Y": an act in the background
    that names a party happened ("after the talks" stays background)."""
    if noun.head.lower_ not in book.words("attested_background_preps"):
        return False
    return names_parties(noun, book)
