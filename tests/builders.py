"""Hand-built articles and event mentions for tests that exercise merge, time and place
without the event coder (import: ``from builders import art, men, span``)."""

from __future__ import annotations

from newsevents.model import Actor, Article, EventMention, Place, Quantity, Span


def art(aid: str, outlet: str, published: str, text: str, title: str = "") -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        format="txt",
        text=text,
        title=title or None,
        outlet=outlet,
        published=published,
    )


def span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def men(
    a: Article,
    index: int,
    sentence: str,
    trigger: str,
    event: str = "ASSAULT",
    *,
    actor: tuple[tuple[str, str | None], ...] = (),
    recipient: tuple[tuple[str, str | None], ...] = (),
    date: str | None = None,
    precision: str = "day",
    source: str = "text",
    place: tuple[str, str | None, str] | None = None,
    killed: int | None = None,
    factuality: str = "asserted",
    framing: tuple[str, ...] = (),
) -> EventMention:
    sent = span(a.text, sentence)
    trig = span(a.text, trigger)
    return EventMention(
        article_id=a.id,
        index=index,
        sentence=sent,
        trigger=trig,
        event=event,
        cameo={"ASSAULT": "190", "PROTEST": "145", "REJECT": "120", "RETREAT": "340"}.get(
            event, "010"
        ),
        intensity=-10.0 if event == "ASSAULT" else -5.0,
        factuality=factuality,
        actor=tuple(Actor(span(a.text, n), n, c) for n, c in actor),
        recipient=tuple(Actor(span(a.text, n), n, c) for n, c in recipient),
        quantities=(Quantity("killed", killed, False, trig),) if killed is not None else (),
        trigger_lemma=trigger.lower(),
        framing=framing or (trigger.lower(),),
        date=date,
        date_precision=precision if date else None,
        date_source=source if date else None,
        location=Place(place[0], place[1], None, None, place[2]) if place else None,
    )


def by_mention(result) -> dict[str, str]:
    """Merged event id of each mention id."""
    return {m: e.id for e in result.events for m in e.mention_ids}
