"""The character span of the noun phrase an argument head stands for, and the coordinated
parties one phrase names ("Armenian and Azerbaijani troops", "the presidents of X and Y")."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import ENT_LABELS, HYPHEN
from .slots import WHEN

#: dependents that make a noun phrase for an actor mention
_NP_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "flat", "case", "det", "nummod", "quantmod", "npadvmod"}
)


def _noun_obj(prep: Token, head: Token, book: Codebook) -> bool:
    """Does the of-phrase of a common noun hold a noun ("the president of X"), or a name's
    of-phrase continue the name ("the Department of Foreign Affairs")? A title written with
    a capital is a common noun ("The Minister of Foreign Affairs of Kazakhstan")."""
    inside = bool(head.ent_type_) and prep.ent_iob_ == "I"
    common = head.pos_ != "PROPN" or inside or head.lower_ in book.party_nouns
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    # "the Head of State", "the Chief of Staff": a capitalised title, no name on either side
    title = not head.ent_type_ and bool(objs) and not any(o.ent_type_ for o in objs)
    return (common or title) and bool(objs)


_MODIFIER_DEPS = ("amod", "compound", "nmod")


def np_span(tok: Token, book: Codebook) -> tuple[int, int]:
    """Character span of the noun phrase an argument head stands for (without clauses)."""
    genitive = book.words("genitive_preps")
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "amod" and c.i > t.i and t is tok:
                continue  # "protesters angry at the result": a reduced clause, not the name
            if c.dep_ == "amod" and any(
                d.dep_ in ("det", "nummod") and c.i < d.i < t.i for d in t.children
            ):
                continue  # "shot dead two workers": no adjective comes before the numeral
            if (
                c.dep_ == "amod"
                and c.i == t.head.i + 1
                and c.lower_ in book.words("resultative_adjectives")
            ):
                continue  # "shot dead Governor Kaseya": the act's result, not the name
            if c.ent_type_ in WHEN and c.dep_ != "pobj":
                continue  # "On Thursday morning police ...": the parse's compound is a time
            if (
                c.dep_ in _NP_DEPS
                # ("accused X of ramming": an of-phrase with a verb is a clause, not the name)
                or (c.dep_ == "prep" and c.lower_ in genitive and _noun_obj(c, t, book))
                or (c.dep_ == "pobj" and t.dep_ == "prep")
                # "Prime Minister Modi": a name right after its title, read as an apposition
                or (c.dep_ == "appos" and c.i == t.i + 1 and c.ent_type_ == "PERSON")
                # "The Horn of Africa Rights Observatory": one name the parse cut in two
                or (c.dep_ == "appos" and c.i > t.i and _one_name(t, c))
            ):
                toks.append(c)
                stack.append(c)
            elif c.dep_ == "punct" and c.text == HYPHEN:
                toks.append(c)
    toks = [t for t in toks if not (t.dep_ == "det" and t.i == min(x.i for x in toks))] or [tok]
    doc = tok.doc
    if tok.dep_ in _MODIFIER_DEPS and tok.i < tok.head.i:
        # "a Myanmar military air strike", "the Kenyan police crackdown": the doer named as a
        # modifier of the act takes the modifiers between it and the act ("military",
        # "police"), which say which of its bodies acted
        i = tok.right_edge.i + 1
        while (
            i < tok.head.i and doc[i].dep_ in _MODIFIER_DEPS and tok.i < doc[i].head.i <= tok.head.i
        ):
            toks.append(doc[i])
            i += 1
    first = min(t.i for t in toks)
    while (
        first >= 2
        and doc[first - 1].text == HYPHEN
        and doc[first - 2].head == tok.head
        and doc[first - 2].dep_ == tok.dep_
    ):
        toks.append(doc[first - 2])  # the pieces of a hyphenated noun before its last one
        first -= 2
    # a dash with space around it parts a label from the phrase ("08:10 GMT - An Israeli
    # drone", a live blog's time stamp): the phrase starts after it
    dashes = [
        t.i
        for t in toks
        if t.i < tok.i and t.is_punct and t.i > 0 and doc[t.i - 1].whitespace_ and t.whitespace_
    ]
    if dashes:
        toks = [t for t in toks if t.i > max(dashes)] or [tok]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def coordinated_origins(tok: Token, labels: frozenset[str]) -> list[Token]:
    """The coordinated nationality or country modifiers of a noun, when there are several
    ("Armenian and Azerbaijani troops" -> Armenian, Azerbaijani); else []."""
    for a in tok.children:
        if a.dep_ in ("amod", "compound", "nmod") and a.i < tok.i and a.ent_type_ in ENT_LABELS:
            # either word may carry another entity label ("Azerbaijani" misread as a person)
            group = [a, *(c for c in a.conjuncts if c.ent_type_ in ENT_LABELS and c.i < tok.i)]
            if len(group) > 1 and any(g.ent_type_ in labels for g in group):
                return sorted(group, key=lambda t: t.i)
    return []


def coordinated_owners(tok: Token, genitive: frozenset[str]) -> list[Token]:
    """The coordinated parties of a noun's of-phrase, when there are several and each names
    one ("the presidents of Kazakhstan and Uzbekistan" -> Kazakhstan, Uzbekistan); else []."""
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in genitive:
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            group = [o, *o.conjuncts]
            # (each by its own words: "the Minister of Justice, Legal and Parliamentary
            # Affairs" is one office, though "Legal ... Affairs" is an entity)
            if len(group) > 1 and all(_own_party(g) for g in group):
                return sorted(group, key=lambda t: t.i)
    return []


#: a conjunct's dependents that are not its own words: its fellows and clauses
_NOT_OWN = frozenset({"conj", "cc", "relcl", "acl", "punct"})


def own_words(tok: Token) -> list[Token]:
    """A conjunct's own words, without its fellow conjuncts' ("Latvia" of "Estonia, Latvia
    and Lithuania", whose parse hangs the last name on the middle one)."""
    return [tok, *(t for c in tok.children if c.dep_ not in _NOT_OWN for t in c.subtree)]


def _own_party(tok: Token) -> bool:
    """Does this conjunct name a party by its own words (not its fellow conjuncts')?"""
    return any(t.ent_type_ in ENT_LABELS for t in own_words(tok))


def _one_name(t: Token, c: Token) -> bool:
    """Do ``t`` and the later ``c`` lie in one named entity, with no break between?"""
    doc = t.doc
    return bool(t.ent_type_) and all(doc[k].ent_iob_ == "I" for k in range(t.i + 1, c.i + 1))
