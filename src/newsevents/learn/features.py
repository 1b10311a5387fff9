"""Sparse features of one rule candidate (an :class:`EventMention` over a parsed document).

The trainer (``python -m newsevents.evaluate.train``) and the pipeline's ``model`` component
call the same :func:`candidate_features`, so a model sees at run time exactly the features it
was trained on. A feature is a string (``"lem=strike"``); the weights map each known string to
a row of coefficients, and unknown strings are ignored.

What a candidate is described by: what the rule decided (type, factuality, entry id, mode),
the trigger word (lemma, tag, dependency), its head and the verbs that govern it (deny, plan,
could ...), its children (negation, auxiliaries and modals, subject, object, prepositional
object with their entity labels), the words around it, and the sentence's content words and
entity labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Document, EventMention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: How many governing tokens (head, head's head ...) are described.
ANCESTORS = 4
#: Words on each side of the trigger described by position and as a bag.
WINDOW = 4
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP", "PART", "SCONJ"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _word(tok: Token) -> str:
    """A lemma, or the entity label for a named token (names do not generalise)."""
    if tok.ent_type_ and tok.pos_ == "PROPN":
        return f"<{tok.ent_type_}>"
    if tok.like_num:
        return "<NUM>"
    return _lemma(tok)


def trigger_token(doc: Document, m: EventMention) -> Token | None:
    """The token the rule fired on: the trigger's token with the rule's lemma, else the
    syntactic root of the trigger words."""
    toks: SpacySpan | None = doc.tokens(m.trigger)
    if toks is None or len(toks) == 0:
        return None
    for tok in toks:
        if _lemma(tok) == m.trigger_lemma.lower():
            return tok
    return toks.root


def candidate_features(doc: Document, m: EventMention) -> list[str]:
    """The feature strings of one candidate (sorted, without repeats)."""
    rule_type, fact = m.event, m.factuality
    feats = {
        "bias",
        f"rt={rule_type}",
        f"rf={fact}",
        f"rt_rf={rule_type}|{fact}",
        f"rule={m.rule}",
        f"mode={m.mode or '-'}",
        f"nact={min(len(m.actor), 2)}",
        f"nrec={min(len(m.recipient), 2)}",
        f"lemma={m.trigger_lemma.lower()}",
        f"lemma_rt={m.trigger_lemma.lower()}|{rule_type}",
    }
    if m.speaker is not None:
        feats.add("quoted")
    if m.cue is not None:
        cue = doc.tokens(m.cue)
        if cue is not None and len(cue):
            feats.add(f"cue={_lemma(cue[0])}")
            feats.add(f"cue_rf={_lemma(cue[0])}|{fact}")
    tok = trigger_token(doc, m)
    if tok is None:
        return sorted(feats)
    feats |= _token_features(tok, rule_type)
    feats |= _sentence_features(tok)
    return sorted(feats)


def _token_features(tok: Token, rule_type: str) -> set[str]:
    feats = {
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lem_dep={_lemma(tok)}|{tok.dep_}",
    }
    for child in tok.children:
        dep = child.dep_
        feats.add(f"ch={dep}:{_word(child)}")
        if dep == "neg":
            feats.add("neg")
            feats.add(f"neg_rt={rule_type}")
        elif dep in ("aux", "auxpass"):
            feats.add(f"aux={_lemma(child)}")
            feats.add(f"aux_rt={_lemma(child)}|{rule_type}")
        elif dep in _SUBJECTS:
            feats.add(f"subj={_word(child)}")
            feats.add(f"subj_ent={child.ent_type_ or '-'}")
        elif dep in _OBJECTS:
            feats.add(f"obj={_word(child)}")
            feats.add(f"obj_ent={child.ent_type_ or '-'}")
            feats.add(f"obj_rt={_word(child)}|{rule_type}")
        elif dep == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    feats.add(f"pobj={_lemma(child)}:{_word(pobj)}")
                    feats.add(f"pobj_ent={_lemma(child)}:{pobj.ent_type_ or '-'}")
                    feats.add(f"pobj_rt={_lemma(child)}:{_word(pobj)}|{rule_type}")
        elif dep in ("amod", "compound", "nmod", "poss"):
            feats.add(f"mod={_word(child)}")
    head = tok
    for depth in range(1, ANCESTORS + 1):
        if head.head is head:
            break
        head = head.head
        feats.add(f"anc={_lemma(head)}")
        feats.add(f"anc_rt={_lemma(head)}|{rule_type}")
        if depth == 1:
            feats.add(f"head={_lemma(head)}|{tok.dep_}")
        for child in head.children:
            if child.dep_ == "neg":
                feats.add("anc_neg")
            elif child.dep_ == "aux" and child.tag_ == "MD":
                feats.add(f"anc_md={_lemma(child)}")
                feats.add(f"anc_md_rt={_lemma(child)}|{rule_type}")
    doc = tok.doc
    for offset in range(-WINDOW, WINDOW + 1):
        k = tok.i + offset
        if offset == 0 or k < tok.sent.start or k >= tok.sent.end or doc[k].is_punct:
            continue
        word = _word(doc[k])
        feats.add(f"win={word}")
        if abs(offset) <= 2:
            feats.add(f"w{offset:+d}={word}")
    return feats


def _sentence_features(tok: Token) -> set[str]:
    feats: set[str] = set()
    for t in tok.sent:
        if t.ent_type_ and t.ent_iob_ == "B":
            feats.add(f"ent={t.ent_type_}")
        if (t.pos_ in _CONTENT_POS and not t.is_stop) or t.tag_ == "MD" or t.dep_ == "neg":
            feats.add(f"s={_lemma(t)}")
    return feats
