"""Mentions: an EventMention from a frame (spans, actors, quantities, factuality)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..model import Actor, Document, EventMention, Span, evolve
from ..resources import goldstein
from .codebook import Codebook
from .factuality import Factuality, assess
from .parse import (
    Frame,
    Parse,
    dep_tokens,
    lemma,
)
from .phrases import coordinated_origins, coordinated_owners, np_span, own_words
from .quantities import quantities_of

#: the case marks a possessor's phrase ends with
_POSSESSIVE_MARKS = ("'s", "\u2019s")


def _actors(
    doc: Document, toks: list[Token], book: Codebook, trigger: Token | None = None
) -> tuple[Actor, ...]:
    out: list[Actor] = []
    seen: set[tuple[int, int]] = set()
    text = doc.text
    for t in toks:
        if trigger is not None:
            lo, hi = sorted((t.idx, trigger.idx))
            if "\n" in text[lo:hi]:
                continue  # an argument across a line break is page furniture, not the actor
        start, end = np_span(t, book)
        # never let a phrase run across a line break (captions, headlines, page furniture)
        head_at = t.idx
        cut = text.rfind("\n", start, head_at)
        if cut != -1:
            start = cut + 1
        cut = text.find("\n", head_at, end)
        if cut != -1:
            end = cut
        while start < end and text[start].isspace():
            start += 1
        # a possessor is named without its case mark ("Doha's mediation" -> "Doha")
        for mark in _POSSESSIVE_MARKS:
            if text.endswith(mark, start, end) and end - len(mark) > start:
                end -= len(mark)
                break
        for lo, hi in _split_origins(t, start, end, book):
            if (lo, hi) in seen:
                continue
            seen.add((lo, hi))
            out.append(Actor(span=Span(lo, hi), name=text[lo:hi]))
    return tuple(out)


def _split_origins(t: Token, start: int, end: int, book: Codebook) -> list[tuple[int, int]]:
    """One span per coordinated nationality ("Armenian and Azerbaijani troops": "Armenian",
    "Azerbaijani troops"), each its own party; else the phrase itself."""
    origins = coordinated_origins(t, book.words("origin_labels"))
    if not origins or not start <= origins[0].idx < end:
        owners = coordinated_owners(t, book.words("owner_split_preps"))
        # (a from-phrase is outside the name's span: "delegations from Kabul and Islamabad")
        if not owners or owners[0].idx < start:
            return [(start, end)]
        # "the presidents of Kazakhstan and Uzbekistan": "presidents of Kazakhstan",
        # "Uzbekistan"; "soldiers of the Malian army and Russian mercenaries": likewise
        spans = [(start, owners[0].idx + len(owners[0].text))]
        for o in owners[1:]:
            own = own_words(o)  # "Latvia", not "Latvia and Lithuania"
            last = max(own, key=lambda t: t.i)
            spans.append((min(t.idx for t in own), last.idx + len(last.text)))
        if any(not start <= lo < hi for lo, hi in spans):
            return [(start, end)]
        return spans
    spans = [(_origin_start(o), o.idx + len(o.text)) for o in origins[:-1]]
    return [*spans, (_origin_start(origins[-1]), end)]


def _origin_start(origin: Token) -> int:
    """Where a nationality word's own name starts: with the modifiers written before it
    ("Sudanese and South Sudanese troops": "South Sudanese", not "Sudanese")."""
    first = origin
    for c in origin.children:
        if c.i < first.i and c.dep_ in ("amod", "compound") and c.ent_type_ == origin.ent_type_:
            first = c
    return first.idx


def mention_of(
    doc: Document, frame: Frame, fact: Factuality, sent: Span, book: Codebook
) -> EventMention:
    tok = frame.token
    trig_toks = [tok, *frame.extra]
    start = min(Span.of_token(t).start for t in trig_toks)
    end = max(Span.of_token(t).end for t in trig_toks)
    framing = tuple(lemma(m) for m in sorted(frame.modifiers, key=lambda t: t.i)) + (lemma(tok),)
    framing += tuple(
        dict.fromkeys(lemma(f.token) for f in frame.folded if lemma(f.token) not in framing)
    )
    cue = Span.of_token(fact.cue) if fact.cue is not None else None
    return EventMention(
        article_id=doc.article.id,
        index=0,
        sentence=sent,
        trigger=Span(start, end),
        event=frame.event,
        cameo=frame.cameo,
        intensity=goldstein(frame.cameo),
        factuality=fact.label,
        mode=frame.mode,
        context=frame.entry.context,
        actor=_actors(doc, frame.actors, book, tok),
        recipient=_actors(
            doc,
            [*frame.recipients, *(r for f in frame.folded for r in f.recipients)],
            book,
            tok,
        ),
        quantities=tuple(q for f in (frame, *frame.folded) for q in quantities_of(f, book)),
        rule=frame.entry.id,
        trigger_lemma=lemma(tok),
        framing=framing,
        cue=cue,
    )


def reindex(m: EventMention, i: int) -> EventMention:
    return evolve(m, index=i)


def must_requests(
    doc: Document, sent: SpacySpan, sent_span: Span, book: Codebook, parse: Parse
) -> list[EventMention]:
    """'A said B must X' is A demanding that B X (REQUEST)."""
    out: list[EventMention] = []
    report = book.words("report_verbs")
    for tok in dep_tokens(sent, "aux"):
        # the codebook's auxiliary entries code this construction ("must": a demand)
        entry = next((e for e in book.aux_entries if tok.lower_ in e.lemmas), None)
        if entry is None:
            continue
        clause = tok.head
        if clause.dep_ != "ccomp" or lemma(clause.head) not in report:
            continue
        speech = clause.head
        frame = Frame(tok, entry, entry.event, entry.cameo, entry.mode)
        frame.actors = parse.subjects(speech)
        frame.recipients = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        fact = assess(speech, book)
        if fact.label == "reported" and fact.reported_by is None:
            fact.label = "asserted"
        out.append(mention_of(doc, frame, fact, sent_span, book))
    return out
