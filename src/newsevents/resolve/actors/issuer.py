"""The body that issues a statement: the "we" of a press release or communique.

Outside quotations the coder keeps "we" only where a body speaks for itself (a statement,
press release or briefing, or after a speaker's label: :mod:`newsevents.extract.events`).
When the outlet is such a body and the text names it ("The Enga Churches Peace Network
grieves ... We condemn the killings"), its unquoted "we" is that body, not the last group
the text named.
"""

from __future__ import annotations

from ...model import Actor, Document, Quote, Span, evolve
from .coref import Cluster, Clusters
from .vocab import ActorWords


def _bare(name: str, words: ActorWords) -> str:
    return " ".join(words.strip_article(name.strip(), fold=True).lower().split())


def issuer(clusters: Clusters, outlet: str | None, words: ActorWords) -> Cluster | None:
    """The entity the text names by the outlet's own name, or None."""
    if not outlet:
        return None
    want = _bare(outlet, words)
    for cl in clusters.in_order():
        if _bare(cl.name, words) == want:  # (the tagger calls some bodies persons)
            return cl
    return None


def _titled(clusters: Clusters, doc: Document, words: ActorWords) -> Cluster | None:
    """The body a title names before its colon ("UNHCR briefing: new attacks in X"), when the
    text names it too."""
    title = doc.article.title or ""
    if ":" not in title:
        return None
    head = f" {_bare(title.split(':', 1)[0], words)} "
    for cl in clusters.in_order():
        name = _bare(cl.name, words)
        if name and f" {name} " in head:
            return cl
    return None


def quoted(span: Span, quotes: list[Quote]) -> bool:
    """Is the span inside a direct quotation (a quoted "we" is its speaker's)?"""
    return any(q.span.start <= span.start and span.end <= q.span.end for q in quotes)


def statement_issuer(
    a: Actor, word: str, clusters: Clusters, doc: Document, words: ActorWords
) -> Actor | None:
    """The participant ``a`` (the pronoun ``word``) as the body that issued the text, when
    it is an unquoted "I"/"we" and the text names the outlet; else None."""
    if word not in words.speaker_pronouns or quoted(a.span, doc.quotes):
        return None
    text = doc.article.text
    line = text[text.rfind("\n", 0, a.span.start) + 1 : a.span.start]
    if ":" in line:
        return None  # "A: We marched ...": a labelled speaker of a transcript, not the outlet
    body = issuer(clusters, doc.article.outlet, words) or _titled(clusters, doc, words)
    if body is None:
        return None
    return evolve(a, name=body.name, code=body.code, sector=body.sector, entity=body.key)
