"""Events of one article: frames per sentence, topics dropped, commitments recoded."""

from __future__ import annotations

from typing import Any

from ..model import Document, EventMention, Span
from .codebook import Codebook
from .commitments import _recode
from .factuality import assess
from .frames import find_frames
from .mentions import _mention, _must_requests, _reindex
from .parse import Frame, Parse, lemma
from .topics import _must_topics, _topics


def extract_events(doc: Document, codebook: Codebook) -> list[EventMention]:
    """Event mentions of one parsed article, in text order (index 0..n-1)."""
    parse_doc = doc.parse
    if parse_doc is None:
        return []
    parse = Parse(codebook)
    mentions: list[EventMention] = []
    last_attackers: list[Any] = []
    for sent in parse_doc.sents:
        sent_span = Span(sent.start_char, sent.end_char)
        frames = find_frames(sent, codebook, parse)
        by_token = {f.token.i: f for f in frames}
        topics, predictions = _topics(frames, codebook)
        topics |= _must_topics(frames, codebook)
        sent_text = sent.text
        quoted = any(q in sent_text for q in _QUOTES)
        for frame in frames:
            if frame.token.i in predictions:
                continue
            if not quoted and _author_voice(frame):
                continue  # "we'll discuss", "let me offer": the writer, not a political actor
            if frame.anaphor and frame.event == "ASSAULT" and last_attackers:
                frame.actors = list(last_attackers)  # "the strike" = the attack just reported
            if frame.event == "ASSAULT" and frame.actors:
                last_attackers = list(frame.actors)
            fact = assess(frame.token, codebook)
            _recode(frame, fact, by_token, codebook)
            if fact.condition is not None and frame.event in ("THREATEN", "AGREE") and fact.topic:
                topics.update(t.i for t in fact.condition.subtree if t.i in by_token)
                fact.topic = False
            if frame.token.i in topics or (fact.label == "hypothetical" and fact.topic):
                continue  # what is demanded, threatened, promised, refused: not an event
            mentions.append(_mention(doc, frame, fact, sent_span, codebook))
        mentions.extend(_must_requests(doc, sent, sent_span, codebook, parse))
    mentions.sort(key=lambda m: (m.trigger.start, m.trigger.end))
    return [_reindex(m, i) for i, m in enumerate(mentions)]


_QUOTES = ('"', "\u201c", "\u201d", "''", "``")


_FIRST_SECOND = {"i", "me", "we", "us", "you"}


def _author_voice(frame: Frame) -> bool:
    """Outside quotations, "I"/"we"/"you" and "let me/us" are the writer and the reader."""
    if any(a.pos_ == "PRON" and a.lower_ in _FIRST_SECOND for a in frame.actors):
        return True  # ("US" the country is a proper noun, not the pronoun)
    node = frame.token
    for _ in range(3):
        near = [*node.children, *(g for c in node.children for g in c.children)]
        if lemma(node) == "let" and any(
            c.lower_ in ("me", "us") and c.pos_ == "PRON" for c in near
        ):
            return True
        if node.head == node:
            break
        node = node.head
    return False
