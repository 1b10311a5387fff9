"""A movement that fights under one name in many countries, coded where it acts."""

from __future__ import annotations

from ...model import Actor, Document, EventMention, evolve
from .dictionary import ActorDictionary
from .places import DocumentPlaces, leading_country


def local_branches(
    ev: EventMention, doc: Document, kb: ActorDictionary, places: DocumentPlaces
) -> EventMention:
    """A movement that fights under one name in many countries (codes.local_branch) is
    coded as the armed group of the country it acts in: the one country its sentence
    places things in, else the one the article places most of its events in."""
    branch = kb.sectors.codes.local_branch
    if not any(a.code in branch for a in (*ev.actor, *ev.recipient)):
        return ev
    sent = doc.tokens(ev.sentence)
    if sent is None:
        return ev
    # where things happen, never the country the article is merely about ("US drones
    # killed al-Qaeda leaders" in a report that places nothing)
    setting = {code for _, code in places.of_sentence(sent)}
    where = next(iter(setting)) if len(setting) == 1 else leading_country(places.where())
    if where is None:
        return ev

    def local(a: Actor) -> Actor:
        return evolve(a, code=where) if a.code in branch else a

    return evolve(ev, actor=tuple(map(local, ev.actor)), recipient=tuple(map(local, ev.recipient)))
