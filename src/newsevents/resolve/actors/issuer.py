"""The body that issues a statement: the "we" of a press release or communique.

Outside quotations the coder keeps "we" only where a body speaks for itself (a statement,
press release or briefing, or after a speaker's label: :mod:`newsevents.extract.events`).
When the outlet is such a body and the text names it ("The Enga Churches Peace Network
grieves ... We condemn the killings"), its unquoted "we" is that body, not the last group
the text named.
"""

from __future__ import annotations

from ...model import Actor, Document, Quote, Span, evolve
from .coref import Cluster, Clusters, cluster_for
from .interview import answers_at, interviewee
from .spans import cut_name
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


def _statement_by(clusters: Clusters, doc: Document, words: ActorWords) -> Cluster | None:
    """The organisation a statement names as its author in its title, after "by"/"from"
    ("Statement by the Ministry of Foreign Affairs on ..."), when the text names it too."""
    bodies = [cl for cl in clusters.in_order() if cl.kind == "ORG" and len(cl.name.split()) > 1]
    if not bodies:
        return None
    title = f" {_bare(doc.article.title or '', words)} "
    for marker in (" by ", " from "):
        before, _, rest = title.partition(marker)
        if rest and before.split() and before.split()[-1] in words.statement_titles:
            after = f"{_bare(rest, words)} "
            found = [cl for cl in bodies if after.startswith(f"{_bare(cl.name, words)} ")]
            if found:
                return max(found, key=_whole)
    return None


def _whole(cl: Cluster) -> tuple[int, int]:
    """The longest name, and of two as long the one named first (a release introduces
    itself before it names others' ministries)."""
    words = cl.name.split()
    return len(" ".join(words[:-1] if cut_name(cl.name) else words)), -cl.order


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
        # "A: We marched ...": a labelled speaker of a transcript, not the outlet; an
        # interview's answer is the person it says it spoke to
        return _interviewee(a, clusters, doc, words)
    body = (
        issuer(clusters, doc.article.outlet, words)
        or _titled(clusters, doc, words)
        or _statement_by(clusters, doc, words)
    )
    if body is None:
        return None
    name = " ".join(body.name.split()[: -1 if cut_name(body.name) else None])
    return evolve(a, name=name, code=body.code, sector=body.sector, entity=body.key)


def _interviewee(a: Actor, clusters: Clusters, doc: Document, words: ActorWords) -> Actor | None:
    parse = doc.parse
    if parse is None or not answers_at(parse, a.span.start, words):
        return None
    person = interviewee(parse, words, doc.article.outlet)
    cl = cluster_for(list(person), clusters, words) if person is not None else None
    if cl is None or cl.code is None:
        return None  # (a person of no known country: the pronoun is coded as before)
    return evolve(a, name=cl.name, code=cl.code, sector=cl.sector, entity=cl.key)
