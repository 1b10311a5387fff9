"""Factuality of an event mention, decided from the clause around its trigger.

Walks from the trigger up the dependency tree through the clauses that scope over it
(complements, coordinated and participial clauses) and collects cues: negation, modal and
future auxiliaries, governing verbs ("threatened to", "plans to", "refused to", "denied"),
conditionals ("if", "unless"), near-miss phrases ("minutes away from"), and attribution
("X said", "according to", "reportedly"). Subordinate clauses of time or cause ("after X
happened") and relative clauses keep their own factuality, so the walk stops there.
Written by hand because no library gives event factuality over a spaCy parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..clauses import asking_aux
from ..model import Factuality as FactualityLabel
from ..resources import load_factuality_cues
from .codebook import Codebook
from .parse import forms, infinitival, names_parties
from .superlatives import superlative_subject

_RANK = {"negated": 4, "hypothetical": 3, "future": 2, "reported": 1, "asserted": 0}
_STOP_DEPS = {"relcl", "acl", "appos", "csubj"}


@dataclass
class Factuality:
    label: FactualityLabel = "asserted"
    cue: Token | None = None  # the spaCy token that decided it
    declared: bool = False  # a future/intended act announced by its own actor
    reported_by: Token | None = None  # the report verb when the clause is attributed
    modal_negation: bool = False  # "will not" / "would not": a refusal rather than a denial
    intent: bool = False  # future from an intention verb ("plans to"), not from a statement
    #: the event is what another act asks for, offers, threatens or proposes ("urged X to
    #: withdraw", "an appeal to lay down arms"): its topic, not an event of its own
    topic: bool = False
    purpose: bool = False  # the act is the purpose of another ("was in Y to visit Z")
    #: the act is asked about ("it is unclear whether X will settle"), only hoped for or
    #: considered ("hopes to visit"), or what a refusal noun refused ("the refusal to accept
    #: X"): never an event of its own
    question: bool = False
    #: the "if"/"unless" clause the act is conditioned on (its verb), and the mark
    condition: Token | None = None
    condition_mark: str = ""

    def mark(self, label: FactualityLabel, cue: Token) -> None:
        if _RANK[label] > _RANK[self.label]:
            self.label = label
            self.cue = cue


@dataclass(frozen=True)
class Cues:
    """The codebook's cue words for factuality, gathered once."""

    fut: frozenset[str]
    would: frozenset[str]
    hypo: frozenset[str]
    neg: frozenset[str]
    never: frozenset[str]
    spec: frozenset[str]
    rep_adv: frozenset[str]
    according: frozenset[str]
    going: frozenset[str]
    report: frozenset[str]
    cond: frozenset[str]
    report_nouns: frozenset[str]
    about: frozenset[str]
    without: frozenset[str]
    stop_preps: frozenset[str]
    near_preps: frozenset[str]
    near: frozenset[str]
    gov_fut: frozenset[str]
    gov_hypo: frozenset[str]
    gov_neg: frozenset[str]
    alleged: frozenset[str]
    hypo_heads: frozenset[str]
    abilities: frozenset[str]
    proposals: frozenset[str]
    topical: frozenset[str]
    topic_nouns: frozenset[str]
    denial: frozenset[str]
    warning: frozenset[str]
    owns_condition: frozenset[str]
    onset: frozenset[str]
    plan_objects: frozenset[str]  # "was planning an attack": the act is ahead, not done
    speculating: frozenset[str]
    question: frozenset[str]
    pending: frozenset[str]
    refusal: frozenset[str]
    wish: frozenset[str]
    courtesy: frozenset[str]  # "wishes to inform": a formula, the speaker informs
    #: data/factuality_cues.yaml (shared with the learned model's features)
    claims: frozenset[str]
    confirming: frozenset[str]
    neg_dets: frozenset[str]
    neg_pronouns: frozenset[str]
    generic: frozenset[str]
    habits: frozenset[str]  # "has always rejected": a standing stance, no event
    anyone: frozenset[str]  # "anyone held for ...": no one act

    @classmethod
    def of(cls, book: Codebook) -> Cues:
        w = book.words
        # speculation ("the risk that X attacks") is kept as hypothetical; a proposal ("plans
        # to attack") is hypothetical and the topic of the proposal
        speculation = w("speculation_heads")
        hypo_heads = speculation | w("proposal_heads")
        proposals = hypo_heads | book.classes.get("ABSTRACT", frozenset()) | w("offer_nouns")
        proposals -= w("done_act_nouns")  # "a statement demanding X", "the decision to ...": done
        shared = load_factuality_cues()
        return cls(
            fut=w("future_aux"),
            would=w("would_aux"),
            hypo=w("hypothetical_aux"),
            neg=w("negation"),
            never=w("negative_adverbs"),
            spec=w("speculative_adverbs"),
            rep_adv=w("reported_adverbs"),
            according=w("attribution_preps"),
            going=w("future_going"),
            report=w("report_verbs"),
            cond=w("conditional_marks"),
            report_nouns=w("report_nouns"),
            about=w("report_topic_preps"),
            without=w("negating_preps"),
            stop_preps=w("stop_preps"),
            near_preps=w("near_preps"),
            near=w("near_words"),
            gov_fut=w("future_governors") | shared.plan_governors,
            gov_hypo=w("hypothetical_governors")
            | w("content_hypothetical")
            | shared.doubt_governors,
            gov_neg=w("negating_governors"),
            alleged=w("content_reported"),
            hypo_heads=hypo_heads,
            abilities=w("ability_heads"),
            proposals=proposals,
            topical=w("topic_governors") | w("content_hypothetical"),
            topic_nouns=proposals - speculation,
            denial=w("denial_verbs") | shared.denial_verbs,
            warning=w("warning_verbs"),
            owns_condition=w("condition_owning_verbs"),
            onset=w("onset_governors"),
            plan_objects=w("plan_object_verbs"),
            speculating=w("speculation_verbs"),
            question=w("question_marks"),
            pending=w("pending_marks"),
            refusal=w("refusal_nouns"),
            wish=w("wish_governors"),
            courtesy=book.classes.get("COURTESY", frozenset()),
            claims=shared.claim_nouns,
            confirming=w("confirming_verbs"),
            neg_dets=shared.negative_determiners,
            neg_pronouns=shared.negative_pronouns,
            generic=w("generic_pronouns"),
            habits=shared.habitual_adverbs,
            anyone=w("any_pronouns"),
        )


@dataclass
class _Walk:
    """The state of one walk up the tree: the result so far, whether a report verb was
    passed, and a "would" waiting to learn whether it is reported speech (future) or not."""

    result: Factuality = field(default_factory=Factuality)
    in_speech: bool = False
    pending_would: Token | None = None


def assess(
    trigger: Token, book: Codebook, cues: Cues | None = None, violent: bool = True
) -> Factuality:
    """Factuality of the event whose trigger token is ``trigger`` (``cues``: the codebook's
    cue words, gathered once per article by the caller, else here; ``violent``: the event's
    type is violent, see :func:`_negative_parties`)."""
    cues = cues if cues is not None else Cues.of(book)
    walk = _Walk()
    result = walk.result
    node = trigger
    independent = False  # the last step came up from a conjunct clause with its own subject
    for _ in range(40):
        if (node.pos_ in ("VERB", "AUX", "ADJ") or node == trigger) and not independent:
            # ("Putin did not attend, but Erdogan met Aliyev": the first clause's negation,
            # tense and mood are not the second's; what governs both still counts)
            _own_cues(node, walk, cues)
        if node == trigger:
            _negative_parties(node, result, cues, violent)
        dep = node.dep_
        if node == trigger and node.pos_ == "NOUN" and dep in ("nsubj", "nsubjpass"):
            if (
                dep == "nsubjpass"
                and node.head.lemma_.lower() in cues.gov_fut
                and names_parties(node, book)  # (not "the summit is set for May")
            ):
                result.mark("future", node.head)  # "a meeting was scheduled for Saturday"
                result.declared = result.intent = True  # (a plan, as "due to meet")
            break  # "his killing will make X less safe": the verb's mood is not the killing's
        _clause_mood(node, result, cues)
        if node.head == node or dep == "ROOT" or superlative_subject(node.head):
            break
        _embedding_cues(node, result, cues)
        if dep == "relcl" and _generic_condition(node, cues):
            result.mark("hypothetical", node.head)
            break
        if dep in ("relcl", "acl") and node.head.lower_ in cues.anyone:
            result.mark("hypothetical", node.head)  # "anyone held for taking part in X"
            break
        if _stops(node, cues):
            break
        _governor_cues(node, walk, cues)
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        # (a conjunct with its own tense, "did not comment but said", is no longer under the
        # first's "not", nor under a copula's, "these were not drones and called the reports
        # a provocation"; a bare one shares it, "did not attack or kill")
        finite = node.tag_ in ("VBD", "VBZ", "VBP") and (
            node.head.tag_ in ("VB", "VBN") or node.head.pos_ == "AUX"
        )
        independent = dep == "conj" and node.pos_ in ("VERB", "AUX") and (subject or finite)
        if (
            dep == "conj"
            and node.lemma_.lower() in cues.report
            and node.head.dep_ == "ccomp"
            and not subject
        ):
            # "denied that his men had fled and said they withdrew": the parse hangs the
            # second speech verb inside the first one's content; it is the speaker's own
            node = node.head
        node = node.head
    if walk.pending_would is not None:
        result.mark("hypothetical", walk.pending_would)
    return result


def _own_cues(node: Token, walk: _Walk, cues: Cues) -> None:
    """Cues among a clause's own dependents: negation, auxiliaries, adverbs, conditions."""
    result = walk.result
    for child in node.children:
        low = child.lower_
        if child.dep_ == "det" and low in cues.neg and node.pos_ == "NOUN":
            result.mark("negated", child)  # "no arrests have been made"
        elif child.dep_ == "preconj" and low == "neither":
            result.mark("negated", child)  # "has neither confirmed nor denied" (both verbs)
        elif child.dep_ == "neg" or (child.dep_ == "advmod" and low in cues.never):
            if low in cues.neg or low in cues.never:
                result.mark("negated", child)
                modal = cues.fut | cues.would
                if any(c.dep_ == "aux" and c.lower_ in modal for c in node.children):
                    result.modal_negation = True
        elif child.dep_ in ("aux", "auxpass") and (low in cues.fut | cues.would | cues.hypo):
            if low in cues.fut:
                result.mark("future", child)
            elif low in cues.would:
                walk.pending_would = child
            elif low in cues.hypo:
                result.mark("hypothetical", child)
        elif child.dep_ == "advmod" and low in cues.spec:
            result.mark("hypothetical", child)
        elif child.dep_ == "advmod" and low in cues.rep_adv:
            result.mark("reported", child)
            result.reported_by = child
        elif child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in cues.cond for m in child.children
        ):
            if node.lemma_.lower() in cues.owns_condition:
                continue  # "threatened to expel X if Y ...": the threat was made
            result.mark("hypothetical", child)
            if result.condition is None:
                result.condition = child
                result.condition_mark = next(m.lower_ for m in child.children if m.dep_ == "mark")
        elif child.dep_ == "prep" and low in cues.according:
            result.mark("reported", child)
            result.reported_by = child
        elif child.dep_ == "aux" and low in cues.going:
            result.mark("future", child)


def _negative_parties(trigger: Token, result: Factuality, cues: Cues, violent: bool) -> None:
    """The act's own subject or object is negative ("No troops crossed", "Nobody will deport
    anybody", "promised nothing", "no contact took place"), or a sentence opens with "Nor"
    ("Nor has X lifted ..."): the act did not happen."""
    # the doer or the object only: a negative passive subject ("No one was killed") most
    # often gives the toll of an attack that did happen; of another act ("nobody was
    # arrested", "no one was expelled") it says the act did not happen
    slots = ("nsubj", "dobj") if violent else ("nsubj", "dobj", "nsubjpass")
    for child in trigger.children:
        party = child.dep_ in slots and (
            child.lower_ in cues.neg_pronouns
            or any(d.dep_ == "det" and d.lower_ in cues.neg_dets for d in child.children)
        )
        none = child.dep_ == "det" and trigger.pos_ == "NOUN" and child.lower_ in cues.neg_dets
        nor = child.lower_ == "nor" and child.i == trigger.sent.start
        if party or none or nor:
            result.mark("negated", child)
    if trigger.dep_ == "conj":  # "neither confirmed nor denied", "did not attack nor shell"
        for cc in trigger.head.children:
            if cc.dep_ == "cc" and cc.lower_ == "nor" and cc.i < trigger.i:
                result.mark("negated", cc)


def _clause_mood(node: Token, result: Factuality, cues: Cues) -> None:
    """Speculation over a whole clause, a condition, an imperative."""
    dep, head = node.dep_, node.head
    if dep == "ccomp" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in cues.hypo_heads for c in head.children
    ):
        # "it is inconceivable that X will (not) ...": speculation about the whole clause,
        # negation inside it included
        if result.label == "negated":
            result.label, result.cue = "hypothetical", head
        result.mark("hypothetical", head)
    if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.cond for m in node.children):
        # "if the group did not disarm, ...": a condition, its negation included
        mark = next(m for m in node.children if m.dep_ == "mark")
        if result.label == "negated":
            result.label, result.cue = "hypothetical", mark
        result.mark("hypothetical", mark)
    if dep == "advcl" and _pending(node, cues):
        # "until their demands are met": a condition still open, not an event
        result.mark("hypothetical", node)
        result.topic = True
    question = [m for m in node.children if m.dep_ == "mark" and m.lower_ in cues.question]
    if question and dep != "advcl":
        # "it is unclear whether X will settle": an open question, not an event
        result.mark("hypothetical", question[0])
        result.question = True
    if (
        dep == "ROOT"
        and node.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in node.children)
    ):
        result.mark("hypothetical", node)  # an imperative ("Help fund ...") reports nothing
    aux = _polar_question(node)
    if aux is not None:
        # "Will Ghana sign the deal?" asks, it does not tell: like "unclear whether X will
        # sign", what is asked about is no event of its own (docs/GOLD.md, questions)
        result.mark("hypothetical", aux)
        result.question = True


def _polar_question(node: Token) -> Token | None:
    """The fronted auxiliary of a yes/no question ("Did the army fire ...?", "Will X sign?"):
    an auxiliary before the subject, no question word before it, and the clause ends at a
    question mark. A question word keeps the act told ("Why did X expel Y?" says X did)."""
    subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    if not subjects or not auxes or auxes[0].i > subjects[0].i:
        return asking_aux(node.sent)
    first = auxes[0]
    if any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in node.doc[node.left_edge.i : first.i]):
        return None
    doc = node.doc
    last = node.right_edge.i  # back over closing quotes and brackets, then on past them
    while last > node.i and doc[last].is_punct and doc[last].text != "?":
        last -= 1
    after = node.right_edge.i + 1
    while after < len(doc) and doc[after].is_punct and doc[after].text != "?":
        after += 1
    asking = doc[last].text == "?" or (after < len(doc) and doc[after].text == "?")
    return first if asking else None


def _pending(node: Token, cues: Cues) -> bool:
    """A present-tense clause of "until": what has not happened yet."""
    if not any(m.dep_ in ("mark", "prep") and m.lower_ in cues.pending for m in node.children):
        return False
    verbs = [node, *(c for c in node.children if c.dep_ in ("aux", "auxpass"))]
    return any(v.tag_ in ("VBP", "VBZ") for v in verbs)


def _embedding_cues(node: Token, result: Factuality, cues: Cues) -> None:
    """The clause is the content of a proposal, an allegation or a report, is negated by
    "without", or is the purpose of another act."""
    dep, head = node.dep_, node.head
    if dep in ("acl", "ccomp", "pcomp", "pobj", "relcl") and head.lemma_.lower() in cues.proposals:
        result.mark("hypothetical", head)  # "plans to attack", "an appeal to lay down arms"
        result.topic = result.topic or head.lemma_.lower() in cues.topic_nouns
    if dep == "acl" and head.lemma_.lower() in cues.abilities and infinitival(node):
        result.mark("hypothetical", head)  # "has the power to expel": a capacity, no act
        result.topic = True
    if (
        dep in ("pcomp", "pobj")
        and head.dep_ == "prep"
        and head.head.lemma_.lower() in cues.proposals
    ):
        result.mark("hypothetical", head.head)  # "an appeal for deploying troops"
        result.topic = result.topic or head.head.lemma_.lower() in cues.topic_nouns
    if dep in ("xcomp", "ccomp", "pcomp") and (
        head.lemma_.lower() in cues.alleged or head.head.lemma_.lower() in cues.alleged
    ):
        result.mark("reported", head)  # "accused X of violating": an allegation
        result.reported_by = result.reported_by or head
    if (
        dep == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in cues.about
        and head.head.lemma_.lower() in cues.report_nouns
    ):
        result.mark("reported", head.head)  # "reports about two missile attacks"
        result.reported_by = result.reported_by or head.head
    if dep in ("acl", "xcomp") and head.lemma_.lower() in cues.refusal:
        result.mark("negated", head)  # "the refusal to accept the vote": refused, not done
        result.question = True
    if _denied_claim(node, cues):
        result.mark("negated", head)  # "dismissed reports that X", "denied claims of X"
    elif (
        dep in ("acl", "ccomp")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in cues.claims
        and head.head.lemma_.lower() not in cues.confirming
    ):
        result.mark("reported", head)  # "looking into reports that X shelled": hearsay
    if dep in ("pcomp", "pobj") and head.lower_ in cues.without:
        result.mark("negated", head)  # "without providing evidence"
    if (
        dep == "advcl"
        and node.pos_ == "VERB"
        and infinitival(node)
        and not any(c.dep_ in ("mark", "nsubj") for c in node.children)
    ):
        result.mark("future", node)  # a purpose: intended, not (yet) done
        result.purpose = True


def _denied_claim(node: Token, cues: Cues) -> bool:
    """Is the clause the content of a claim a denial verb rejects ("dismissed reports that
    troops shelled", "rejected claims of shelling", "denied allegations that ...")?"""
    dep, head = node.dep_, node.head
    if dep in ("pobj", "pcomp") and head.dep_ == "prep":
        dep, head = "acl", head.head
    return (
        dep in ("acl", "ccomp")
        and head.lemma_.lower() in cues.claims
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.lemma_.lower() in cues.denial
    )


def _generic_condition(relcl: Token, cues: Cues) -> bool:
    """ "protesters who block roads will be arrested", "anyone who joins the strike would be
    detained": a relative clause on a generic noun whose clause is future or conditional is
    a condition, not an act that happened."""
    noun = relcl.head
    bare = noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in noun.children
    )
    if not (bare or noun.lower_ in cues.generic) or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in cues.fut | cues.would for c in noun.head.children)


def _stops(node: Token, cues: Cues) -> bool:
    """Relative clauses and clauses of time or cause keep their own factuality."""
    dep, head = node.dep_, node.head
    if dep in _STOP_DEPS and node.pos_ in ("VERB", "AUX"):
        return True
    if dep == "advcl" and any(
        m.dep_ == "mark" and m.lower_ not in cues.cond for m in node.children
    ):
        return True
    return dep in ("pcomp", "pobj") and head.lower_ in cues.stop_preps


def _governor_cues(node: Token, walk: _Walk, cues: Cues) -> None:
    """The verb or noun governing the clause: a near miss, a refusal, a demand or threat, an
    intention, a report, a denial, speculation."""
    result = walk.result
    dep, head = node.dep_, node.head
    hl = head.lemma_.lower()
    if dep == "xcomp" and node.lemma_.lower() in cues.courtesy:
        pass  # "wishes to inform the public that ...": the ministry informs, wishing nothing
    elif dep == "xcomp" or (dep == "pcomp" and head.dep_ == "prep"):
        gov = head if dep == "xcomp" else head.head
        gl = gov.lemma_.lower()
        near = gl in cues.near or gov.lower_ in cues.near
        if dep == "pcomp" and head.lower_ in cues.near_preps and near:
            result.mark("hypothetical", gov)
        elif dep == "xcomp" and gl in cues.gov_neg:
            result.mark("negated", gov)
        elif dep == "xcomp" and set(forms(gov)) & cues.wish:  # the lemmatizer: "hopes" -> "hop"
            result.mark("hypothetical", gov)  # "hopes to visit": wished, not done or promised
            result.question = True
        elif dep == "xcomp" and gl in cues.gov_hypo:
            result.mark("hypothetical", gov)
            result.topic = result.topic or gl in cues.topical
        elif dep == "xcomp" and gl in cues.onset and _past(gov):
            pass  # "began lifting the measures", "has started shelling": it is under way
        elif dep == "xcomp" and (gl in cues.gov_fut or gov.lower_ in cues.gov_fut):
            result.mark("future", gov)
            result.declared = True
            result.intent = True
    elif dep in ("ccomp", "parataxis"):
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in cues.courtesy for c in head.children):
            pass  # "wishes to inform the public that X" (the parse hangs X on "wishes"): said
        elif hl in cues.report and not walk.in_speech:
            walk.in_speech = True
            result.mark("reported", head)
            result.reported_by = head
            if walk.pending_would is not None:
                result.mark("future", walk.pending_would)
                result.declared = True
                walk.pending_would = None
            elif result.label == "future":
                result.declared = True
        elif hl in cues.denial:
            result.mark("negated", head)
        elif hl in cues.speculating and (
            result.label in ("future", "hypothetical") or infinitival(node)
        ):
            # "observers believe the junta may free him", "analysts expect Tehran to resume
            # talks": a guess, not an event
            result.mark("hypothetical", head)
            result.topic = True
        elif hl in cues.gov_hypo or hl in cues.hypo_heads:
            result.mark("hypothetical", head)
            # "warned that X could ...": a report of a danger, not a topic
            result.topic = result.topic or (hl in cues.topical and hl not in cues.warning)
    elif dep in ("ccomp", "acl", "advcl") and hl in cues.hypo_heads:
        result.mark("hypothetical", head)
    elif (
        dep == "dobj" and hl in cues.plan_objects and (not _past(head) or _backshifted(head, cues))
    ):
        result.mark("future", head)  # "was planning an imminent attack", "are plotting raids"
        result.intent = True


def _backshifted(verb: Token, cues: Cues) -> bool:
    """A simple past told in reported speech ("said they planned a rally on Thursday"): the
    tense follows the saying's, the plan may still be ahead."""
    return (
        verb.tag_ == "VBD"
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in cues.report
        and verb.head.tag_ == "VBD"
    )


def _past(verb: Token) -> bool:
    """A verb in the past ("began") or the perfect ("has begun"), not a plan or a future."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )
