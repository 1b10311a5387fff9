"""Parties that act together: "A and B did X" names no one else it is done to.

When the doers of an event are of two or more countries (or a country and an international
body) and the text names no recipient, each doer acted with or against the others ("Spanish
and Moroccan police dismantled a ring", "Rwanda and Burundi restored relations", "Indian and
Chinese troops clashed"): PLOVER codes such a joint act as a dyad between them, so the
recipient side holds the same parties, the last first. An act done by saying or a protest
is not joint in that way: "Turkey and Egypt called for calm" asks no one of the two of the other.
"""

from __future__ import annotations

from ...model import EventMention, evolve
from ...resources import EventTypeSpec


def joint_partners(ev: EventMention, spec: EventTypeSpec | None) -> EventMention:
    """The event with its doers as each other's recipients, when they are of several
    countries and no recipient is named; else unchanged."""
    if ev.recipient or (spec is not None and (spec.said_act or spec.voices_demands)):
        return ev
    coded = [a for a in ev.actor if a.code]
    if len({a.code for a in coded}) < 2:
        return ev
    return evolve(ev, recipient=tuple(reversed(coded)))
