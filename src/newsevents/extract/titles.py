"""Coordinated titles of one person ("Deputy Prime Minister and Foreign Minister Ishaq
Dar"): the parse coordinates the titles as if they were two parties."""

from __future__ import annotations

from spacy.tokens import Token


def _bare_title(t: Token) -> bool:
    """A capitalised title without a name or an article ("Deputy Prime Minister")."""
    return (
        t.pos_ == "PROPN"
        and not t.ent_type_
        and not any(
            c.dep_ == "det" or c.ent_type_ for c in t.children if c.dep_ not in ("conj", "appos")
        )
    )


def titled_person(t: Token) -> Token | None:
    """The one person two coordinated titles name ("Deputy Prime Minister and Foreign
    Minister Ishaq Dar", "Prime Minister and Finance Minister Jane Doe"): the parse makes
    two parties of them; None when the coordination is no such pair."""
    if not _bare_title(t):
        return None
    conjs = [c for c in t.children if c.dep_ == "conj"]
    if len(conjs) != 1:
        return None
    (c,) = conjs
    if c.ent_type_ == "PERSON" and any(k.dep_ == "compound" and _bare_title(k) for k in c.children):
        return c
    names = [a for a in t.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
    if names and names[0].i > c.i and _bare_title(c):
        return names[0]
    return None
