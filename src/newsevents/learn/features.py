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

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import VERB

from ..clauses import asking_aux, habitual
from ..model import Document, EventMention, Span, TimeExpression
from ..resources import FactualityCues, load_factuality_cues
from ..within import Within

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
#: the children of a governing word that say what scopes over the trigger (negation,
#: auxiliaries and modals, "if"/"whether" marks, the "to" of an infinitive, adverbs)
_SCOPE_DEPS = frozenset({"neg", "aux", "auxpass", "mark", "advmod", "prt"})
#: how far up the trigger's governing words the path goes
PATH = 5
#: verbs that head no clause of their own (an auxiliary-like or modifying use)
_NOT_CLAUSES = frozenset({"aux", "auxpass", "amod", "compound", "case"})


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


def candidate_features(
    doc: Document, m: EventMention, cache: dict[int, frozenset[str]] | None = None
) -> list[str]:
    """The feature strings of one candidate (sorted, without repeats). ``cache`` (one dict
    per document) keeps each sentence's own features for the next candidate in it."""
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
    sent = tok.sent
    feats |= _token_features(tok, sent, rule_type)
    feats |= _path_features(tok, sent, fact)
    feats |= cue_features(tok, fact)
    if cache is None:
        feats |= _sentence_features(sent)
    else:
        known = cache.get(sent.start)
        if known is None:
            known = cache[sent.start] = frozenset(_sentence_features(sent))
        feats |= known
    feats |= _time_features(doc, m.sentence, fact)
    return sorted(feats)


def missed_clauses(doc: Document, events: list[EventMention]) -> list[Token]:
    """The verbs of clauses the rules coded nothing in: a verb that is no candidate's trigger,
    nor the word governing one, nor governed by one. The model may add an event there."""
    if doc.parse is None:
        return []
    covered: set[int] = set()
    for m in events:
        tok = trigger_token(doc, m)
        if tok is None:
            continue
        covered.add(tok.i)
        covered.add(tok.head.i)
        covered.update(c.i for c in tok.children)
    # the verbs from the POS array: iterating the parse builds a Token per word
    verbs = [i for i, p in enumerate(doc.parse.to_array(POS).tolist()) if p == VERB]
    habits = load_factuality_cues().habitual_adverbs
    # (no act is missed in a yes/no question nor in a habit: "has always rejected")
    return [
        t
        for t in (doc.parse[i] for i in verbs)
        if t.i not in covered
        and t.dep_ not in _NOT_CLAUSES
        and asking_aux(t.sent) is None
        and not habitual(t, habits)
    ]


def clause_features(
    doc: Document, tok: Token, cache: dict[int, frozenset[str]] | None = None
) -> list[str]:
    """The features of a verb no rule fired on, as :func:`candidate_features` describes a
    candidate ("-" for the rule's type and factuality)."""
    sent = tok.sent
    lemma = _lemma(tok)
    feats = {"bias", "clause", f"lemma={lemma}", f"lemma_rt={lemma}|-"}
    feats |= _token_features(tok, sent, "-")
    feats |= _path_features(tok, sent, "-")
    feats |= cue_features(tok, "-")
    known = cache.get(sent.start) if cache is not None else None
    if known is None:
        known = frozenset(_sentence_features(sent))
        if cache is not None:
            cache[sent.start] = known
    feats |= known
    feats |= _time_features(doc, Span(sent.start_char, sent.end_char), "-")
    return sorted(feats)


def _token_features(tok: Token, sent: SpacySpan, rule_type: str) -> set[str]:
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
        if head.head == head:
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
    lo, hi = max(tok.i - WINDOW, sent.start), min(tok.i + WINDOW + 1, sent.end)
    for near in doc[lo:hi]:
        offset = near.i - tok.i
        if offset == 0 or near.is_punct:
            continue
        word = _word(near)
        feats.add(f"win={word}")
        if abs(offset) <= 2:
            feats.add(f"w{offset:+d}={word}")
    return feats


def _sentence_features(sent: SpacySpan) -> set[str]:
    feats: set[str] = set()
    for t in sent:
        if t.ent_type_ and t.ent_iob_ == "B":
            feats.add(f"ent={t.ent_type_}")
        if (t.pos_ in _CONTENT_POS and not t.is_stop) or t.tag_ == "MD" or t.dep_ == "neg":
            feats.add(f"s={_lemma(t)}")
    return feats


def _path_features(tok: Token, sent: SpacySpan, fact: str) -> set[str]:
    """The path from the trigger up to the root: each governing word with the relation that
    links the path to it ("plan|xcomp", "deny|ccomp", "say|ccomp", "due|xcomp"), what scopes
    over it there (its negation, modals, "if" marks, tense), the chain of relations, and
    the trigger's own marks. These say whether an act is planned, denied, conditional,
    questioned or attributed; each also with the rule's factuality, so the model learns when
    the rules misread one."""
    feats: set[str] = set()
    for child in tok.children:
        if child.dep_ in ("mark", "advmod", "aux", "auxpass", "neg"):
            feats.add(f"own={child.dep_}:{_lemma(child)}")
            feats.add(f"own_rf={child.dep_}:{_lemma(child)}|{fact}")
    feats.add(f"morph={tok.tag_}|{tok.dep_}")
    deps: list[str] = []
    node = tok
    for depth in range(1, PATH + 1):
        if node.head == node:
            break
        rel, node = node.dep_, node.head
        deps.append(rel)
        gov = f"{_lemma(node)}|{rel}"
        feats.add(f"gov={gov}")
        feats.add(f"gov_rf={gov}|{fact}")
        if depth <= 2:
            feats.add(f"gov{depth}={gov}")
            feats.add(f"gov{depth}_tag={node.tag_}|{rel}")
        for child in node.children:
            if child.dep_ in _SCOPE_DEPS and child.i != tok.i:
                word = _lemma(child)
                feats.add(f"scope={child.dep_}:{word}")
                feats.add(f"scope_rf={child.dep_}:{word}|{fact}")
                feats.add(f"scope_gov={child.dep_}:{word}|{_lemma(node)}")
    feats.add(f"dpath={'>'.join(deps[:3]) or '-'}")
    feats.add(f"dpath_rf={'>'.join(deps[:3]) or '-'}|{fact}")
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        feats.add("question")
    return feats


#: parse.user_data key of the token offsets of the article's hedge words (:func:`_hedged`)
_HEDGES = "newsevents.learn.hedges"


def _hedged(tok: Token, hedges: frozenset[str]) -> bool:
    """Whether the trigger's sentence holds a hedge ("reportedly"). The hedges' offsets come
    once per parse from the LOWER array: reading each candidate's sentence built a Token per
    word, for every candidate of the sentence."""
    doc = tok.doc
    memo = doc.user_data.get(_HEDGES)
    if memo is None or memo[0] is not hedges:
        ids = {get_string_id(w) for w in hedges}
        at = [i for i, h in enumerate(doc.to_array(LOWER).tolist()) if h in ids]
        memo = doc.user_data[_HEDGES] = (hedges, at)
    sent = tok.sent
    k = bisect_left(memo[1], sent.start)
    return k < len(memo[1]) and memo[1][k] < sent.end


#: parse.user_data key of the article's times sorted by start (:func:`_times`)
_TIMES = "newsevents.learn.times"


def _times(doc: Document) -> Within[TimeExpression]:
    """The article's times, asked by sentence (each candidate asks for its own), indexed once
    per document (again if the times were replaced)."""
    parse = doc.parse
    memo = parse.user_data.get(_TIMES) if parse is not None else None
    if memo is not None and memo[0] is doc.times:
        return memo[1]
    index = Within(doc.times, lambda t: (t.span.start, t.span.end))
    if parse is not None:
        parse.user_data[_TIMES] = (doc.times, index)
    return index


def _time_features(doc: Document, sentence: Span, fact: str) -> set[str]:
    """Whether the sentence names a day after or before the publication date (a plan "on
    Thursday" against a past act): the times found before the events are coded."""
    published = doc.article.published
    if not published:
        return set()
    feats: set[str] = set()
    for t in _times(doc).starting_in(sentence.start, sentence.end):
        day = t.value[:10]
        n = min(len(day), len(published))
        rel = (
            "after" if day[:n] > published[:n] else "before" if day[:n] < published[:n] else "same"
        )
        feats.add(f"time={rel}")
        feats.add(f"time_rf={rel}|{fact}")
    return feats


def _negative(tok: Token, cues: FactualityCues) -> bool:
    """A negative party: "nobody", "nothing", or a phrase under "no" / "neither"."""
    return tok.lower_ in cues.negative_pronouns or any(
        d.dep_ == "det" and d.lower_ in cues.negative_determiners for d in tok.children
    )


def cue_features(tok: Token, fact: str) -> set[str]:
    """The classes of factuality cue (``data/factuality_cues.yaml``, the list the rules read
    too) that scope over the trigger, each alone and with the rule's factuality: a plan or a
    schedule governs it ("are due to meet"), doubt ("is unlikely to visit"), a denial of the
    act or of a claim of it ("dismissed reports that ..."), a modal of possibility (with a
    perfect: "may have fired"), a condition, a negation of it or of its parties ("No troops
    crossed"), a hedge in the sentence ("reportedly"). A class names what an unseen lemma of
    the same kind does, which the lemma features cannot."""
    cues = load_factuality_cues()
    found: set[str] = set()

    def scope(node: Token, where: str) -> None:
        auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if auxes & cues.possibility_modals:
            found.add(f"modal_{where}")
            if "have" in auxes:
                found.add(f"modal_perfect_{where}")
        if auxes & {"will", "shall", "'ll"}:
            found.add(f"will_{where}")
        for c in node.children:
            if c.dep_ == "neg":
                found.add(f"neg_{where}")
            elif c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                found.add(f"cond_{where}")
            elif c.dep_ in ("nsubj", "dobj") and _negative(c, cues):
                found.add(f"negparty_{where}")
            elif c.dep_ == "nsubjpass" and _negative(c, cues):
                # "No aid was delivered" but also "No one was killed" (a toll): its own class
                found.add(f"negpass_{where}")

    scope(tok, "own")
    if tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in cues.negative_determiners for c in tok.children
    ):
        found.add("negparty_own")
    node = tok
    for _ in range(PATH):
        if node.head == node:
            break
        rel, gov = node.dep_, node.head
        lemma, word = _lemma(gov), gov.lower_
        if rel == "xcomp" and (lemma in cues.plan_governors or word in cues.plan_governors):
            found.add("plan")
        if lemma in cues.plan_nouns and rel in ("acl", "pcomp", "pobj", "prep"):
            found.add("plan_noun")
        if lemma in cues.doubt_governors:
            found.add("doubt")
        if lemma in cues.denial_verbs:
            found.add("deny")
        if lemma in cues.claim_nouns and _lemma(gov.head) in cues.denial_verbs:
            found.add("deny_claim")
        if rel in ("ccomp", "xcomp", "conj", "advcl", "prep", "pobj", "pcomp", "acl"):
            scope(gov, "gov")
        if rel == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children
        ):
            found.add("cond_own")
        node = gov
    if _hedged(tok, cues.hedge_adverbs):
        found.add("hedge")
    return {f"cls={c}" for c in found} | {f"cls_rf={c}|{fact}" for c in found}
