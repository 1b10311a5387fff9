"""Set phrases that name no new act: people named by what was done to them ("the wounded"),
the no-comment formula ("neither confirmed nor denied"), the manner of a statement
("Speaking by telephone from X, he said"), a claim made "without providing evidence", a
question quoted before "she asked", a cause ("led to clashes"); and an occasion naming its
parties, which took place ("at a meeting between A and B")."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import children_of, lemma, names_parties


def people_named_by_participle(tok: Token) -> bool:
    """ "the wounded", "the injured" as a noun phrase (the object, subject or complement of
    another verb, with its determiner): the people the act left, not the act told again."""
    kids = list(tok.children)
    if _after_the_and(tok) and not any(c.dep_ in ("dobj", "agent", "nsubj") for c in kids):
        return True  # "lists of the dead and wounded" (the parse makes a verb of the second)
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.pos_ == "NUM" and not kids:
        # "The two accused denied the charges": the parse hangs the noun on the number
        return tok.head.dep_ in ("nsubj", "nsubjpass", "dobj")
    # (the article may stand on an adjective before it: "The third accused, a former ...")
    dets = [c for k in (tok, *(c for c in kids if c.dep_ == "amod")) for c in k.children]
    return (
        tok.tag_ in ("VBN", "JJ")
        and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
        and any(c.dep_ == "det" for c in dets)
        # (a verb the parse buried in a noun phrase keeps its own phrases: "Families of the
        # missing protested outside the parliament"; a relative clause on "who" describes the
        # people: "news of the wounded, who were flown in"; an apposition names them)
        and all(c.dep_ in ("det", "amod", "advmod", "punct", "appos") or _on_who(c) for c in kids)
    )


def _after_the_and(tok: Token) -> bool:
    """Is the participle the second of "the X and Y" whose first is a bare adjective ("the
    dead and wounded", "the sick and injured")?"""
    doc, i = tok.doc, tok.i
    return (
        tok.tag_ in ("VBN", "JJ")
        and i >= 3
        and doc[i - 1].lower_ == "and"
        and doc[i - 2].pos_ == "ADJ"
        and doc[i - 3].lower_ == "the"
    )


def _on_who(clause: Token) -> bool:
    return clause.dep_ == "relcl" and any(
        c.lower_ in ("who", "whom", "whose") for c in clause.children
    )


def no_comment_pair(tok: Token, book: Codebook) -> bool:
    """Is the verb one of the pair of the no-comment formula, coordinated with the other?"""
    pair = book.words("no_comment_pair")
    if lemma(tok) not in pair:
        return False
    others = [tok.head] if tok.dep_ == "conj" else children_of(tok, "conj")
    return any(lemma(o) in pair and lemma(o) != lemma(tok) for o in others)


def speaking_to_say(tok: Token, book: Codebook) -> bool:
    """ "Speaking by telephone from Spin Boldak, he said ...", "speaking to reporters, she
    said": a participle telling how a statement was made, with no one named it was made
    with, is the statement's manner, not a consultation."""
    return (
        lemma(tok) in book.words("speaking_verbs")
        and tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and lemma(tok.head) in book.words("report_verbs")
        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    )


def without_evidence(tok: Token, book: Codebook) -> bool:
    """ "said X did it, without providing evidence": the wire's formula for a claim left
    unsupported, no sharing of intelligence that did not happen."""
    return (
        tok.dep_ == "pcomp"
        and tok.head.lower_ in book.words("negating_preps")
        and any(c.dep_ == "dobj" and lemma(c) in book.words("evidence_nouns") for c in tok.children)
    )


def business_deal(tok: Token, book: Codebook) -> bool:
    """ "agreed to buy a Czech lender", "threatened to launch a hostile counter-bid": a
    trade in companies, no political act (its parties are firms)."""
    verbs = book.words("commerce_verbs")
    goods = book.words("business_objects")
    # (the parse may hang "to launch" as an adverbial clause: "threatened in July to launch")
    clauses = children_of(tok, "xcomp") + [
        c for c in children_of(tok, "advcl") if any(a.lower_ == "to" for a in c.children)
    ]
    for x in clauses:
        if lemma(x) in verbs:
            objs = [o for o in x.children if o.dep_ == "dobj"]  # ("counter", "-", "bid")
            heads = {lemma(o) for o in objs} | {lemma(c) for o in objs for c in o.children}
            if heads & goods:
                return True
    return False


def custody_located(tok: Token, book: Codebook) -> bool:
    """ "find out where they are held", "unclear where the men are being detained": a
    passive verb of custody in a clause that says (or asks) where someone is kept tells the
    detention already told, no act of its own ("where police detained 12" is one)."""
    return (
        lemma(tok) in book.words("custody_verbs")
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
        and any(c.dep_ == "advmod" and c.lower_ == "where" and c.i < tok.i for c in tok.children)
    )


def generic_gerund(tok: Token) -> bool:
    """An act named by a gerund as the subject of a present-tense "is" ("Summoning an
    ambassador is a rare step", "Arresting reporters is a crime"): a kind of act judged, none
    done; "Attacking the embassy was a mistake" judges one that was."""
    head = tok.head
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "csubj"
        and lemma(head) == "be"
        and head.tag_ in ("VBZ", "VBP")
        and not children_of(tok, "nsubj", "poss")
    )


def causation(tok: Token, book: Codebook) -> bool:
    """A verb of causing with its preposition ("has led to violent incidents", "resulted in
    clashes"): what caused what, not an act of its subject on anyone (a dictionary pattern
    of leading a delegation "to" a city reads it as a visit)."""
    phrases = book.words("causal_phrases")
    kids = list(tok.children)
    # ("led a delegation to Cairo" has an object: no cause)
    return not any(c.dep_ == "dobj" for c in kids) and any(
        c.dep_ == "prep" and f"{lemma(tok)} {c.lower_}" in phrases for c in kids
    )


def quoted_question(tok: Token, book: Codebook) -> bool:
    """ "'Who will pay us back?' she asked": asking a question the quote puts before the
    verb, with nothing asked of anyone ("asked the government to pay" stays a request)."""
    if lemma(tok) not in book.words("question_verbs") or children_of(tok, "xcomp"):
        return False
    return any(t.text == "?" for t in tok.sent if t.i < tok.i)


def occasion_held(noun: Token, book: Codebook) -> bool | None:
    """An act noun as the occasion of another ("at a meeting", "during talks"): it took place
    when it names its parties ("at a meeting between A and B"), or is the act an owner or a
    day names ("during Monday's protest": the other checks decide); else it only says when
    or where ("told a news conference", "at the summit"). None: no occasion."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in book.words("occasion_preps"):
        return None
    if names_parties(noun, book):
        return True
    return None if any(c.dep_ == "poss" for c in noun.children) else False
