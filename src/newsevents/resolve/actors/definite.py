"""A bare definite noun ("the envoy", "the military") is the last earlier mention of that noun
whose own words gave it a country ("a US envoy", "the Israeli military")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from .dictionary import ActorDictionary
from .phrase import Coded, head_of

#: dependents before a noun that say whose it is ("US envoy", "Israel's army", "the
#: Israeli military"); an earlier mention without any of them decides nothing
_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def same_noun_before(
    toks: Sequence[Token], kb: ActorDictionary, code: Callable[[list[Token]], Coded]
) -> str | None:
    """The country of the last earlier mention of the phrase's head noun that names one, when
    the phrase is only an article and that noun ("The envoy will then travel to Israel" after
    "A US envoy is expected in Beirut"); else None. ``code`` codes a phrase."""
    if not toks:
        return None
    head = head_of(toks)
    if head.pos_ != "NOUN":
        return None
    before = [t for t in toks if t.i < head.i] + [c for c in head.children if c.dep_ == "det"]
    if not before or any(t.lower_ not in kb.words.articles for t in before):
        return None
    nonstate = kb.sectors.codes.nonstate
    doc = head.doc
    for i in reversed(_owned_nouns(doc).get(head.lemma_.lower(), ())):
        if i >= head.i:
            continue
        prev = doc[i]
        first = min(c.left_edge.i for c in prev.children if c.dep_ in _OWNER_DEPS and c.i < i)
        found = code(list(doc[first : i + 1]))
        if found.code and found.code not in nonstate:
            return found.code
    return None


#: doc.user_data key of the document's nouns with an owner before them, by lemma
_OWNED = "newsevents.owned_nouns"


def _owned_nouns(doc: Doc) -> dict[str, list[int]]:
    """Lemma -> indices (in order) of the nouns with an owner dependent before them, listed
    once per document (a long article asks for many definite nouns: speed only)."""
    found: dict[str, list[int]] | None = doc.user_data.get(_OWNED)
    if found is None:
        found = {}
        for t in doc:
            # (a title in capitals is a proper noun to the tagger: "India's Foreign Minister")
            if t.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in _OWNER_DEPS and c.i < t.i for c in t.children
            ):
                found.setdefault(t.lemma_.lower(), []).append(t.i)
        doc.user_data[_OWNED] = found
    return found
