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

from dataclasses import dataclass
from typing import Any

from ..model import Factuality as FactualityLabel
from .codebook import Codebook

_RANK = {"negated": 4, "hypothetical": 3, "future": 2, "reported": 1, "asserted": 0}
_STOP_DEPS = {"relcl", "acl", "appos", "csubj"}
_HYPO_HEADS = {"possibility", "possible", "likely", "risk", "danger", "prospect", "chance"}
_HYPO_HEADS |= {"inconceivable", "conceivable", "fear", "threat", "scenario", "whether"}
_HYPO_HEADS |= {"plan", "plot", "intention", "scheme", "proposal", "call"}
#: abstract nouns whose content was done, not proposed
_ACTS = {"statement", "decision", "position", "claim", "resolution", "move", "policy"}
#: heads that make their content speculation (kept, as hypothetical) rather than a topic
_SPECULATION = {"possibility", "possible", "likely", "risk", "danger", "prospect", "chance"}
_SPECULATION |= {"inconceivable", "conceivable", "fear", "threat", "scenario", "whether"}


@dataclass
class Factuality:
    label: FactualityLabel = "asserted"
    cue: Any = None  # the spaCy token that decided it
    declared: bool = False  # a future/intended act announced by its own actor
    reported_by: Any = None  # the report verb when the clause is attributed
    modal_negation: bool = False  # "will not" / "would not": a refusal rather than a denial
    intent: bool = False  # future from an intention verb ("plans to"), not from a statement
    #: the event is what another act asks for, offers, threatens or proposes ("urged X to
    #: withdraw", "an appeal to lay down arms"): its topic, not an event of its own
    topic: bool = False
    purpose: bool = False  # the act is the purpose of another ("was in Y to visit Z")
    #: the "if"/"unless" clause the act is conditioned on (its verb), and the mark
    condition: Any = None
    condition_mark: str = ""

    def mark(self, label: FactualityLabel, cue: Any) -> None:
        if _RANK[label] > _RANK[self.label]:
            self.label = label
            self.cue = cue


def assess(trigger: Any, book: Codebook) -> Factuality:
    """Factuality of the event whose trigger token is ``trigger``."""
    w = book.words
    fut, would, hypo = w("future_aux"), w("would_aux"), w("hypothetical_aux")
    neg, spec, rep_adv = w("negation"), w("speculative_adverbs"), w("reported_adverbs")
    report, cond = w("report_verbs"), w("conditional_marks")
    report_nouns = w("report_nouns")
    gov_fut, gov_hypo, gov_neg = (
        w("future_governors"),
        w("hypothetical_governors"),
        w("negating_governors"),
    )
    near = w("near_words")
    gov_hypo = gov_hypo | w("content_hypothetical")
    alleged = w("content_reported")
    proposals = _HYPO_HEADS | book.classes.get("ABSTRACT", frozenset()) | {"invitation"}
    proposals -= _ACTS  # "a statement demanding X", "the decision to endorse X": done
    topical = w("topic_governors") | w("content_hypothetical")
    topic_nouns = proposals - _SPECULATION
    result = Factuality()
    node = trigger
    in_speech = False
    pending_would: Any = None
    steps = 0
    while steps < 40:
        steps += 1
        is_clause = node.pos_ in ("VERB", "AUX", "ADJ") or node == trigger
        if is_clause:
            for child in node.children:
                low = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "advmod" and low == "never"):
                    if low in neg or low == "never":
                        result.mark("negated", child)
                        if any(c.dep_ == "aux" and c.lower_ in fut | would for c in node.children):
                            result.modal_negation = True
                elif child.dep_ in ("aux", "auxpass") and (low in fut | would | hypo):
                    if low in fut:
                        result.mark("future", child)
                    elif low in would:
                        pending_would = child
                    elif low in hypo:
                        result.mark("hypothetical", child)
                elif child.dep_ == "advmod" and low in spec:
                    result.mark("hypothetical", child)
                elif child.dep_ == "advmod" and low in rep_adv:
                    result.mark("reported", child)
                    result.reported_by = child
                elif child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in cond for m in child.children
                ):
                    result.mark("hypothetical", child)
                    if result.condition is None:
                        result.condition = child
                        result.condition_mark = next(
                            m.lower_ for m in child.children if m.dep_ == "mark"
                        )
                elif child.dep_ == "prep" and low == "according":
                    result.mark("reported", child)
                    result.reported_by = child
                elif child.dep_ == "aux" and low == "going":
                    result.mark("future", child)
        dep = node.dep_
        head = node.head
        if node == trigger and node.pos_ == "NOUN" and dep in ("nsubj", "nsubjpass"):
            break  # "his killing will make X less safe": the verb's mood is not the killing's
        if dep == "ccomp" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in _HYPO_HEADS for c in head.children
        ):
            # "it is inconceivable that X will (not) ...": speculation about the whole clause,
            # negation inside it included
            if result.label == "negated":
                result.label, result.cue = "hypothetical", head
            result.mark("hypothetical", head)
        if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in cond for m in node.children):
            result.mark("hypothetical", next(m for m in node.children if m.dep_ == "mark"))
        if (
            dep == "ROOT"
            and node.tag_ == "VB"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in node.children)
        ):
            result.mark("hypothetical", node)  # an imperative ("Help fund ...") reports nothing
        if head == node or dep == "ROOT":
            break
        if dep in ("acl", "ccomp", "pcomp", "pobj", "relcl") and head.lemma_.lower() in proposals:
            result.mark("hypothetical", head)  # "plans to attack", "an appeal to lay down arms"
            result.topic = result.topic or head.lemma_.lower() in topic_nouns
        if (
            dep in ("pcomp", "pobj")
            and head.dep_ == "prep"
            and head.head.lemma_.lower() in proposals
        ):
            result.mark("hypothetical", head.head)  # "an appeal for deploying troops"
            result.topic = result.topic or head.head.lemma_.lower() in topic_nouns
        if dep in ("xcomp", "ccomp", "pcomp") and (
            head.lemma_.lower() in alleged or head.head.lemma_.lower() in alleged
        ):
            result.mark("reported", head)  # "accused X of violating": an allegation
            result.reported_by = result.reported_by or head
        if (
            dep == "pobj"
            and head.dep_ == "prep"
            and head.lower_ in ("about", "of", "on")
            and head.head.lemma_.lower() in report_nouns
        ):
            result.mark("reported", head.head)  # "reports about two missile attacks"
            result.reported_by = result.reported_by or head.head
        if dep in ("pcomp", "pobj") and head.lower_ == "without":
            result.mark("negated", head)  # "without providing evidence"
        if (
            dep == "advcl"
            and node.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            and not any(c.dep_ in ("mark", "nsubj") for c in node.children)
        ):
            result.mark("future", node)  # a purpose: intended, not (yet) done
            result.purpose = True
        if dep in _STOP_DEPS and node.pos_ in ("VERB", "AUX"):
            break
        if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ not in cond for m in node.children):
            break
        if dep in ("pcomp", "pobj") and head.lower_ in ("after", "before", "since", "despite"):
            break
        hl = head.lemma_.lower()
        if dep == "xcomp" or (dep == "pcomp" and head.dep_ == "prep"):
            gov = head if dep == "xcomp" else head.head
            gl = gov.lemma_.lower()
            if dep == "pcomp" and head.lower_ == "from" and (gl in near or gov.lower_ in near):
                result.mark("hypothetical", gov)
            elif dep == "xcomp" and gl in gov_neg:
                result.mark("negated", gov)
            elif dep == "xcomp" and gl in gov_hypo:
                result.mark("hypothetical", gov)
                result.topic = result.topic or gl in topical
            elif dep == "xcomp" and gl in gov_fut:
                result.mark("future", gov)
                result.declared = True
                result.intent = True
        elif dep in ("ccomp", "parataxis"):
            if hl in report and not in_speech:
                in_speech = True
                result.mark("reported", head)
                result.reported_by = head
                if pending_would is not None:
                    result.mark("future", pending_would)
                    result.declared = True
                    pending_would = None
                elif result.label == "future":
                    result.declared = True
            elif hl == "deny":
                result.mark("negated", head)
            elif hl in gov_hypo or hl in _HYPO_HEADS:
                result.mark("hypothetical", head)
                # "warned that X could ...": a report of a danger, not a topic
                result.topic = result.topic or (hl in topical and hl not in ("warn", "caution"))
        elif (dep == "acl" and hl in _HYPO_HEADS) or (
            dep in ("ccomp", "acl", "advcl") and hl in _HYPO_HEADS
        ):
            result.mark("hypothetical", head)
        node = head
    if pending_would is not None:
        result.mark("hypothetical", pending_would)
    return result
