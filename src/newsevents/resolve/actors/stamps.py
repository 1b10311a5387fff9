"""A live page's clock stamp is no part of a participant's name.

"10:55 - Several thousand Serbs have gathered ..." opens an entry of a live page; the parser
makes the stamp part of the subject's phrase, so the export would show "10:55 - Several
thousand Serbs". A participant whose words begin at such a line's start loses the stamp (its
span and its name); the stamp's shape is the dateline module's (``LIVE_STAMP``).
"""

from __future__ import annotations

from ...model import Actor, EventMention, Span, evolve
from ..datelines import LIVE_STAMP


def _unstamped(a: Actor, text: str) -> Actor:
    m = LIVE_STAMP.match(text, a.span.start)
    if m is None or m.end() >= a.span.end:
        # (a name taken from an entity the tagger began at the stamp: "12:40 - Lithuania")
        named = LIVE_STAMP.match(a.name)
        if named is None or named.end() >= len(a.name):
            return a
        return evolve(a, name=a.name[named.end() :])
    name = a.name
    stamp = text[a.span.start : m.end()]
    if name.startswith(stamp):
        name = name[len(stamp) :]
    return evolve(a, span=Span(m.end(), a.span.end), name=name)


def without_stamps(ev: EventMention, text: str) -> EventMention:
    """``ev`` with its participants' clock stamps removed (the event itself when none has)."""
    actor = tuple(_unstamped(a, text) for a in ev.actor)
    recipient = tuple(_unstamped(a, text) for a in ev.recipient)
    if actor == ev.actor and recipient == ev.recipient:
        return ev
    return evolve(ev, actor=actor, recipient=recipient)
