"""Events of one article: frames per sentence, topics dropped, commitments recoded."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..clauses import habitual
from ..model import Document, EventMention, Span
from .codebook import Codebook
from .commitments import recode
from .factuality import Cues, assess
from .frames import find_frames
from .mentions import mention_of, must_requests, reindex
from .parse import Frame, Parse, index_children, kids, lemma
from .topics import must_topics, topics_and_predictions


def extract_events(doc: Document, codebook: Codebook) -> list[EventMention]:
    """Event mentions of one parsed article, in text order (index 0..n-1)."""
    parse_doc = doc.parse
    if parse_doc is None:
        return []
    index_children(parse_doc)
    parse = Parse(codebook)
    mentions: list[EventMention] = []
    attackers: list[Token] = []  # the doers of the last violent act, for "the strike"
    cues = Cues.of(codebook)
    issued = _issued_statement(doc.article.title, codebook)
    for sent in parse_doc.sents:
        mentions.extend(_sentence_mentions(doc, sent, codebook, parse, cues, attackers, issued))
        mentions.extend(must_requests(doc, sent, Span.of_tokens(sent), codebook, parse))
    mentions.sort(key=lambda m: (m.trigger.start, m.trigger.end))
    return [reindex(m, i) for i, m in enumerate(mentions)]


def _sentence_mentions(
    doc: Document,
    sent: SpacySpan,
    book: Codebook,
    parse: Parse,
    cues: Cues,
    attackers: list[Token],
    issued: bool,
) -> list[EventMention]:
    """The mentions of one sentence's frames that are events of their own (not the topic
    of another, not a prediction, not the writer's voice), recoded as a coder would. In a
    body's own statement (``issued``) "we" is that body, not a writer."""
    sent_span = Span.of_tokens(sent)
    frames = find_frames(sent, book, parse)
    by_token = {f.token.i: f for f in frames}
    topics, predictions = topics_and_predictions(frames, book)
    topics |= must_topics(frames, book)
    text = sent.text
    quoted = any(q in text for q in book.words("quote_marks"))
    out: list[EventMention] = []
    kept: list[Frame] = []  # the frame of each mention in ``out``
    for frame in frames:
        if frame.token.i in predictions:
            continue
        fact = assess(frame.token, book, cues, book.spec(frame.event).violent)
        if (
            not quoted
            and not issued
            and fact.reported_by is None
            and _author_voice(frame, book)
            and not _speaker_label(frame.token, book)
        ):
            continue  # "we'll discuss", "let me offer": the writer, not a political actor
        # ("We condemn X, the ministry said", "A (army spokesman): We shelled ...": the named
        # speaker's words, quoted or not)
        if book.spec(frame.event).violent:
            if frame.anaphor and attackers:
                frame.actors = list(attackers)  # "the strike" = the attack just reported
            if frame.actors:
                attackers[:] = frame.actors
        recode(frame, fact, by_token, book)
        committed = book.spec(frame.event).commitment is not None
        if fact.condition is not None and committed and fact.topic:
            topics.update(t.i for t in fact.condition.subtree if t.i in by_token)
            fact.topic = False
        if frame.token.i in topics or (fact.label == "hypothetical" and fact.topic):
            continue  # what is demanded, threatened, promised, refused: not an event
        if fact.question:
            continue  # what is asked about ("unclear whether X will ...")
        if habitual(frame.token, cues.habits):
            continue  # "has always rejected the claim": a standing stance, no act of a day
        if _interview(frame, doc.article.outlet, book):
            continue  # "She spoke to <this outlet> by telephone": the interview, no meeting
        out.append(mention_of(doc, frame, fact, sent_span, book))
        kept.append(frame)
        prison = _imprisonment(frame, book)
        if prison is not None:
            out.append(mention_of(doc, prison, fact, sent_span, book))
            kept.append(prison)
    return _one_per_act(out, kept)


def _one_per_act(out: list[EventMention], kept: list[Frame]) -> list[EventMention]:
    """ "imposed a curfew on the city": the verb and its object noun both code the curfew, one
    act; the verb's mention stays, with the noun's recipients when it has none of its own
    (the noun's phrase carries them: "on the city")."""
    verbs = {(f.token.i, f.event): k for k, f in enumerate(kept) if f.token.pos_ == "VERB"}
    result = list(out)
    dropped: set[int] = set()
    for k, f in enumerate(kept):
        tok = f.token
        if tok.pos_ != "NOUN" or tok.dep_ not in ("dobj", "nsubjpass"):
            continue
        v = verbs.get((tok.head.i, f.event))
        if v is None:
            continue
        dropped.add(k)
        if not result[v].recipient and out[k].recipient:
            result[v] = replace(result[v], recipient=out[k].recipient)
    return [m for k, m in enumerate(result) if k not in dropped]


def _interview(frame: Frame, outlet: str | None, book: Codebook) -> bool:
    """A talk whose other party is the outlet publishing the article ("spoke to Revista
    Cerrado by telephone" in Revista Cerrado, "Revista Cerrado spoke on Sunday to X"): the
    interview itself, not an event."""
    if not outlet or not book.spec(frame.event).reciprocal:
        return False
    name = " ".join(outlet.lower().split())

    def is_outlet(sides: list[Token]) -> bool:
        return bool(sides) and all(
            " ".join(r.doc[r.left_edge.i : r.right_edge.i + 1].text.lower().split()) == name
            or r.text.lower() == name
            for r in sides
        )

    return is_outlet(frame.recipients) or is_outlet(frame.actors)


def _imprisonment(frame: Frame, book: Codebook) -> Frame | None:
    """A conviction to a prison term ("sentenced X to 16 years in a penal colony") is also
    an arrest of the convicted (the PLOVER manual's rule): that second frame, or None."""
    if frame.mode != "convict" or not frame.recipients:
        return None
    terms, suspended = book.words("prison_term_words"), book.words("suspension_words")
    to = [
        o
        for p in kids(frame.token)
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in kids(p)
        if o.dep_ == "pobj"
    ]
    if not any(lemma(o) in terms and not any(lemma(t) in suspended for t in o.subtree) for o in to):
        return None
    by_id = {e.id: e for e in book.entries}
    entry = next((by_id[r] for r in book.ordered("imprisonment_rules") if r in by_id), None)
    if entry is None:
        return None
    return Frame(
        token=frame.token,
        entry=entry,
        event=entry.event,
        cameo=entry.cameo,
        mode=entry.mode,
        actors=list(frame.actors),
        recipients=list(frame.recipients),
    )


def _issued_statement(title: str | None, book: Codebook) -> bool:
    """Does the title make the text a body's own statement, communique or briefing?"""
    if not title:
        return False
    words = set(re.findall(r"[^\W\d_]+", title.lower()))
    return bool(words & book.words("statement_titles"))


def _author_voice(frame: Frame, book: Codebook) -> bool:
    """Outside quotations, "I"/"we"/"you" and "let me/us" are the writer and the reader."""
    first_second = book.words("first_second_pronouns")
    if any(a.pos_ == "PRON" and a.lower_ in first_second for a in frame.actors):
        return True  # ("US" the country is a proper noun, not the pronoun)
    let, let_pronouns = book.words("let_verbs"), book.words("let_pronouns")
    node = frame.token
    for _ in range(3):
        if lemma(node) in let:  # (the dependents are listed only for a "let" verb)
            near = [*kids(node), *(g for c in kids(node) for g in kids(c))]
            if any(c.lower_ in let_pronouns and c.pos_ == "PRON" for c in near):
                return True
        if node.head == node:
            break
        node = node.head
    return False


_LABEL_ENDS = frozenset({".", "?", "!", ":", ";"})


def _speaker_label(tok: Token, book: Codebook) -> bool:
    """Is the clause of ``tok`` the words of a speaker a transcript or statement names before a
    colon on the same line ("A (army spokesman): We ...", "Statement by the ministry: We ...")?
    A label with a verb ("the minister said:") or a section name ("Opinion:", "Live blog,
    11:02:") names no speaker."""
    doc = tok.doc
    colon = -1
    for i in range(tok.i - 1, max(tok.i - 80, -1), -1):
        if "\n" in doc[i].text_with_ws:
            return False
        if doc[i].is_punct and ":" in doc[i].text:  # ":" or "):" as one token
            colon = i
            break
    if colon < 1:
        return False
    label: list[Token] = []
    for i in range(colon - 1, max(colon - 12, -1), -1):
        t = doc[i]
        if (t.is_punct and any(c in _LABEL_ENDS for c in t.text)) or "\n" in t.text_with_ws:
            break
        label.append(t)
    if not label or len(label) > 10:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in label):
        return False
    return not any(lemma(t) in book.words("section_labels") for t in label)
