"""Extract stage: PLOVER events from the spaCy parse of an article.

``load_codebook`` reads the YAML codebook (packaged + ``--codebook`` files);
``extract_events`` makes one :class:`EventMention` per event frame: trigger, type, mode,
CAMEO code and Goldstein score, actor/recipient spans, quantities, factuality with its cue,
and the codebook rule that fired.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Actor, Document, EventMention, Quantity, Span
from ..resources import goldstein
from .codebook import Codebook, Entry, load_codebook
from .factuality import Factuality, assess
from .frames import Frame, Parse, find_frames, lemma, np_span

__all__ = ["Codebook", "Entry", "extract_events", "load_codebook"]

_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
_ORDERS = {"order", "command", "instruct", "direct", "force", "compel"}
#: words that make a warning about someone else's act a threat of the warner's response
_RESPONSE = {"response", "retaliation", "retaliate", "respond", "consequence", "force", "revenge"}
_RESPONSE |= {"punish", "punishment", "reprisal", "price", "pay", "crush", "destroy"}
_DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")


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


#: events whose clausal complement is their topic (what is demanded, threatened, promised,
#: refused, allowed, alleged), which a coder does not code as a separate event
_GOVERNORS = {"REQUEST", "THREATEN", "REJECT", "AGREE", "CONCEDE", "ACCUSE"}
#: verbs that govern a complement without making it their topic ("failed to agree" is an
#: agreement that did not happen, "denied that it attacked" an attack said not to have
#: happened: both kept with their own factuality)
_NOT_GOVERNING = {"fail", "deny", "refute"}


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


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ in ("nsubj", "mark") for c in tok.children
    )


def _casualties(frame: Frame, book: Codebook) -> bool:
    """A killing or wounding: violence of its own even when it elaborates another act."""
    kind = book.quantity_kinds.get(lemma(frame.token))
    return frame.event == "ASSAULT" and kind in ("killed", "injured")


def _topics(frames: list[Frame], codebook: Codebook) -> tuple[set[int], set[int]]:
    """Token ids of frames that are the topic of another event, and of speech frames that
    only report a danger ("Analysts warn that X could attack": the attack is the news).

    Topics: the complement of a demand/threat/promise/refusal/allegation ("urged Y to
    withdraw", "accused Y of torturing", "refused to allow inspectors"), and the purpose of
    any coded act ("gathered to oppose the bill", "opened fire to disperse them").
    """
    at = {f.token.i: f for f in frames}
    topics: set[int] = set()
    predictions: set[int] = set()
    for g in frames:
        tok = g.token
        if lemma(tok) in _NOT_GOVERNING or (g.entry.event == "REJECT" and g.entry.ccomp):
            continue  # a denial keeps what it denies, as a negated event
        governs = g.entry.speech or g.entry.promise or g.entry.event in _GOVERNORS
        if governs and g.entry.event == "THREATEN" and g.entry.speech and _predicts(tok, at):
            predictions.add(tok.i)
            continue
        roots = []
        for c in tok.children:
            if governs and c.dep_ in ("xcomp", "ccomp"):
                roots.append(c)
            elif governs and c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "with"):
                roots.extend(x for x in c.children if x.dep_ in ("pcomp", "pobj"))
            elif governs and c.dep_ == "dobj":
                # "demanded an admission that X murdered ...": what the object asks for
                roots.extend(x for x in c.children if x.dep_ in ("acl", "ccomp", "prep"))
            elif c.dep_ == "advcl" and _infinitive(c):
                roots.append(c)  # purpose: the intent of the act coded here
            elif c.dep_ == "dobj":
                # "used tear gas to disperse them": the purpose hangs on the object
                roots.extend(x for x in c.children if x.dep_ in ("acl", "relcl") and _infinitive(x))
            elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i:
                # "rioted, setting fire to their mattresses": an elaboration of the act
                for x in (c, *(y for y in c.subtree if y.dep_ == "conj" and y.head.i == c.i)):
                    inner = at.get(x.i)
                    if (
                        inner is not None
                        and not any(z.dep_ in ("nsubj", "mark") for z in x.children)
                        and inner.event != g.entry.event
                        and inner.mode != "arrest"
                        and not inner.entry.speech  # "..., accusing Tehran of X": its own act
                        and not _casualties(inner, codebook)  # "..., killing two": violence
                    ):
                        topics.add(x.i)
        stack = list(roots)
        while stack:
            t = stack.pop()
            if t.i in at and t.i != tok.i:
                topics.add(t.i)
            # a relative clause inside the topic is the writer's own statement ("demanded
            # that X lift the sanctions it imposed"), and so is a clause of time or cause
            # ("promised to retaliate after a US strike killed X"): they stay events
            stack.extend(
                c
                for c in t.children
                if c.dep_ not in ("relcl", "acl", "appos")
                and not (c.dep_ == "advcl" and _background(c))
            )
    return topics - predictions, predictions


def _must_topics(frames: list[Frame], book: Codebook) -> set[int]:
    """ "A said B must X": A demands X (see ``_must_requests``); X is that demand's topic."""
    report = book.words("report_verbs")
    out: set[int] = set()
    for f in frames:
        node = f.token
        while node.dep_ in ("conj", "xcomp") and node.head != node:
            node = node.head
        clause = node if node.pos_ in ("VERB", "AUX") else node.head
        must = any(c.dep_ == "aux" and c.lower_ == "must" for c in clause.children)
        if must and clause.dep_ == "ccomp" and lemma(clause.head) in report:
            out.add(f.token.i)
    return out


def _background(clause: Any) -> bool:
    """A clause of time or cause ("after X", "because X", "when X"), not a condition."""
    return any(
        c.dep_ == "mark" and c.lower_ not in ("to", "if", "unless", "until", "once")
        for c in clause.children
    )


def _predicts(warn: Any, frames: dict[int, Frame]) -> bool:
    """ "X warned that Y could ...", "officials cautioned that no deadline was set": a
    statement about a danger or a fact, not X's threat. A warning is a threat when it has an
    addressee ("warned Iran"), names a response ("warned of retaliation"), or its clause is
    about the warner's own act ("warned it would strike")."""
    if any(c.dep_ in ("dobj", "dative") for c in warn.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("of", "against", "about") for c in warn.children):
        return False
    warner = {lemma(c) for c in warn.children if c.dep_ == "nsubj"}
    for c in warn.children:
        if c.dep_ != "ccomp":
            continue
        subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].pos_ == "PRON" or lemma(subj[0]) in warner:
            return False
        # "warned that any attack would meet a crushing response" is a threat
        return all(lemma(t) not in _RESPONSE for t in c.subtree)
    return False


def _declared_by_actor(frame: Frame, fact: Factuality) -> bool:
    """Is the act announced by its own actor ("Nigeria said it would withdraw ...")?"""
    clause = frame.token
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    speech = fact.reported_by
    if speech is None and clause.dep_ in ("ccomp", "parataxis"):
        speech = clause.head  # "X could arrest Y, his lawyer warned": the lawyer's words
    if speech is None:
        return False  # the writer's own "if X, Y will ..." is a conditional, not a commitment
    speaker = {lemma(c) for c in speech.children if c.dep_ == "nsubj"}
    return any(a.pos_ == "PRON" or lemma(a) in speaker for a in frame.actors)


def _reindex(m: EventMention, i: int) -> EventMention:
    from dataclasses import replace

    return replace(m, index=i)


def _recode(frame: Frame, fact: Factuality, by_token: dict[int, Frame], book: Codebook) -> None:
    """Type changes a human coder makes from the clause, not the trigger word alone."""
    tok = frame.token
    # commitments: what is promised/threatened decides AGREE vs THREATEN, and its mode
    if frame.entry.promise or frame.event == "THREATEN":
        for x in tok.children:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
            if x.dep_ != "xcomp" and not (x.dep_ in ("advcl", "ccomp") and infinitive):
                continue
            inner = by_token.get(x.i)
            if inner is not None and inner.event in _CONFLICT:
                frame.event = "THREATEN"
                frame.mode = book.threat_modes.get(inner.event, frame.mode)
                frame.cameo = book.threat_cameo.get(inner.event, frame.cameo)
            elif inner is not None and frame.event == "THREATEN" and inner.event == "SANCTION":
                frame.mode = book.threat_modes.get("SANCTION")
    # "X said it would/could do A if/unless Y ...": a conditional commitment by X. "Unless"
    # coerces (a threat); "if" offers cooperation (AGREE) or threatens a conflictual act.
    if (
        fact.label == "hypothetical"
        and fact.condition is not None
        and fact.condition_mark in ("if", "unless")
        and _declared_by_actor(frame, fact)
        and frame.event not in ("THREATEN", "AGREE", "REQUEST")
    ):
        if fact.condition_mark == "unless" or frame.event in _CONFLICT | {"SANCTION"}:
            frame.mode = book.threat_modes.get(frame.event, frame.mode)
            frame.cameo = book.threat_cameo.get(frame.event, "130")
            frame.event = "THREATEN"
        elif frame.event in _COOPERATIVE:
            frame.cameo = book.intent_cameo.get(frame.event, "030")
            frame.event, frame.mode = "AGREE", None
        if frame.event in ("THREATEN", "AGREE"):
            fact.label = "asserted"  # the actor's own statement is the commitment
            fact.topic = True  # marks the condition clause as the commitment's topic
    # an authority ordering someone to close, stop or leave coerces them by that order
    if frame.event == "REQUEST" and lemma(tok) in _ORDERS:
        for x in tok.children:
            inner = by_token.get(x.i) if x.dep_ == "xcomp" else None
            if inner is not None and inner.event in ("COERCE", "SANCTION"):
                frame.event, frame.mode, frame.cameo = inner.event, inner.mode, inner.cameo
                break
    # announced cooperation is AGREE; an announced conflictual act is a THREATEN
    if fact.label == "future" and frame.event in _COOPERATIVE and not fact.purpose:
        frame.cameo = book.intent_cameo.get(frame.event, "030")
        frame.event, frame.mode = "AGREE", None
        fact.label = "reported" if fact.reported_by is not None else "asserted"
    elif (
        fact.label == "future"
        and frame.event in _CONFLICT
        and fact.declared
        and not fact.intent  # "plans to impose tariffs": a plan of its own type, not a threat
    ):
        frame.mode = book.threat_modes.get(frame.event)
        frame.cameo = book.threat_cameo.get(frame.event, "130")
        frame.event = "THREATEN"
        fact.label = "reported" if fact.reported_by is not None else "asserted"
    elif (
        fact.label == "negated" and fact.modal_negation and frame.event in _COOPERATIVE | {"AGREE"}
    ):
        # "X will not allow / would not meet": a refusal, which did happen
        frame.event, frame.mode, frame.cameo = "REJECT", None, "120"
        fact.label = "reported" if fact.reported_by is not None else "asserted"


def _actors(doc: Document, toks: list[Any], trigger: Any = None) -> tuple[Actor, ...]:
    out: list[Actor] = []
    seen: set[tuple[int, int]] = set()
    text = doc.text
    for t in toks:
        if trigger is not None:
            lo, hi = sorted((t.idx, trigger.idx))
            if "\n" in text[lo:hi]:
                continue  # an argument across a line break is page furniture, not the actor
        start, end = np_span(t)
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
        if (start, end) in seen:
            continue
        seen.add((start, end))
        name = text[start:end]
        out.append(Actor(span=Span(start, end), name=name))
    return tuple(out)


def _mention(
    doc: Document, frame: Frame, fact: Factuality, sent: Span, book: Codebook
) -> EventMention:
    tok = frame.token
    trig_toks = [tok, *frame.extra]
    start = min(t.idx for t in trig_toks)
    end = max(t.idx + len(t.text) for t in trig_toks)
    framing = tuple(lemma(m) for m in sorted(frame.modifiers, key=lambda t: t.i)) + (lemma(tok),)
    framing += tuple(
        dict.fromkeys(lemma(f.token) for f in frame.folded if lemma(f.token) not in framing)
    )
    cue = Span(fact.cue.idx, fact.cue.idx + len(fact.cue.text)) if fact.cue is not None else None
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
        actor=_actors(doc, frame.actors, tok),
        recipient=_actors(
            doc, [*frame.recipients, *(r for f in frame.folded for r in f.recipients)], tok
        ),
        quantities=tuple(q for f in (frame, *frame.folded) for q in _quantities(f, book)),
        rule=frame.entry.id,
        trigger_lemma=lemma(tok),
        framing=framing,
        cue=cue,
    )


def _must_requests(
    doc: Document, sent: Any, sent_span: Span, book: Codebook, parse: Parse
) -> list[EventMention]:
    """'A said B must X' is A demanding that B X (REQUEST)."""
    out: list[EventMention] = []
    report = book.words("report_verbs")
    entry = next((e for e in book.entries if e.id == "request.must_clause"), None)
    if entry is None:
        return out
    for tok in sent:
        if tok.lower_ not in entry.lemmas or tok.dep_ != "aux":
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
        out.append(_mention(doc, frame, fact, sent_span, book))
    return out


#: entity labels of numbers that are never counts of people (years, dates, ages, money,
#: percentages, measures, ranks)
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
#: words after a number that make it a measure, share or age, not a head count
_NOT_COUNT_NEXT = {"%", "percent", "per", "year", "years", "year-old", "years-old"}
_NOT_COUNT_NEXT |= {"dollar", "dollars", "euro", "euros", "pound", "pounds", "am", "pm"}
_CURRENCY = {"$", "€", "£", "¥", "us$"}
#: multipliers: "two dozen" = 24, "three hundred" = 300, "a thousand and ten" = 1010
_SCALES = {"dozen", "hundred", "thousand", "million", "billion"}
#: plural scale words give an order of magnitude, not a count ("dozens", "scores of",
#: "hundreds", "tens of thousands"): such counts are omitted rather than invented
_VAGUE = {"dozens", "scores", "score", "hundreds", "thousands", "millions", "tens"}
_VAGUE |= {"several", "few", "many", "numerous", "countless"}


def _word_value(text: str, book: Codebook) -> float | None:
    if _DIGITS.match(text):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    parts = [p for p in text.split("-") if p]
    if parts and all(p in book.numbers for p in parts):
        return float(sum(book.numbers[p] for p in parts))  # "twenty-four" as one token
    return None


def _number_phrase(num: Any, book: Codebook) -> tuple[int, Any, Any] | None:
    """(value, first token, last token) of the written number around ``num``, or None when
    it is no head count. Hand-written: a dozen lines over the tokens the parser already
    made, with the codebook's number words ("two dozen", "a hundred and ten",
    "twenty-four", "1.5 million"); no packaged library reads spaCy tokens in place.
    """
    doc, sent = num.doc, num.sent
    if num.ent_type_ in _NOT_COUNTS:
        return None

    def numeric(t: Any) -> bool:
        return _word_value(t.lower_, book) is not None

    lo = hi = num.i
    while lo - 1 >= sent.start:
        t = doc[lo - 1]
        if numeric(t) or (t.text == "-" and lo - 2 >= sent.start and numeric(doc[lo - 2])):
            lo -= 1
        elif t.lower_ == "and" and lo - 2 >= sent.start and doc[lo - 2].lower_ in _SCALES:
            lo -= 1  # "a hundred and ten"
        else:
            break
    while hi + 1 < sent.end:
        t = doc[hi + 1]
        if (
            numeric(t)
            or (t.text == "-" and hi + 2 < sent.end and numeric(doc[hi + 2]))
            or (
                t.lower_ == "and"
                and doc[hi].lower_ in _SCALES
                and hi + 2 < sent.end
                and numeric(doc[hi + 2])
                and (_word_value(doc[hi + 2].lower_, book) or 0) < 100
            )
        ):
            hi += 1
        else:
            break
    if lo > sent.start and doc[lo - 1].lower_ in ("a", "an") and doc[lo].lower_ in _SCALES:
        lo -= 1  # "a dozen", "a hundred"
    before = doc[lo - 1] if lo > sent.start else None
    after = doc[hi + 1] if hi + 1 < sent.end else None
    if before is not None and (before.lower_ in _VAGUE or before.text in _CURRENCY):
        return None  # "several hundred", "$5 million"
    if after is not None and (after.lower_ in _NOT_COUNT_NEXT or after.lower_ in _VAGUE):
        return None  # "25 percent", "12-year-old", "hundreds of thousands"
    hyphen = after is not None and after.text == "-" and hi + 2 < sent.end
    if hyphen and doc[hi + 2].lower_ in _NOT_COUNT_NEXT:
        return None  # "12-year-old" split by the tokenizer
    total, current = 0.0, 0.0
    for t in doc[lo : hi + 1]:
        if t.lower_ in ("a", "an", "and", "-"):
            continue
        value = _word_value(t.lower_, book)
        if value is None:
            continue
        if t.lower_ in ("dozen", "hundred"):
            current = (current or 1) * value
        elif value >= 1000 and t.lower_ in _SCALES:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    total += current
    if total <= 0:
        return None
    return int(total), doc[lo], doc[hi]


def _count(head: Any, book: Codebook) -> tuple[int, bool, Span] | None:
    """(value, approximate, span of the number) for a counted noun phrase head."""
    nums = [head] if head.pos_ == "NUM" else [c for c in head.children if c.dep_ == "nummod"]
    if not nums:
        return None
    found = _number_phrase(nums[0], book)
    if found is None:
        return None
    value, first, last = found
    approx_words = book.words("approximate_words")
    doc = head.doc
    # "at least", "some", "about", "more than", "up to": the words just before the number
    # (within its own noun phrase) or its own modifiers
    left = min(t.i for t in head.subtree)
    window = [doc[i] for i in range(max(first.i - 3, left), first.i)]
    window += [c for t in doc[first.i : last.i + 1] for c in t.children if c.i < first.i]
    approximate = any(t.lower_ in approx_words for t in window)
    return value, approximate, Span(first.idx, last.idx + len(last.text))


_DEATH = {"dead", "death"}


def _kind(tok: Any, entry: Entry, book: Codebook) -> str | None:
    """The kind of count a trigger's patient carries: that of the trigger word itself
    ("wounded 55" -> injured, even when the clause matched a killing entry), an entry's own
    kind for words the codebook does not list, "killed" with a death complement ("shot
    dead", "beaten to death")."""
    if entry.event == "ASSAULT":
        # the parser hangs "dead" / "to death" on the verb or on its object
        near = [*tok.children]
        near += [g for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for g in c.children]
        for c in near:
            if c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "amod") and c.lower_ == "dead":
                return "killed"
            to_death = any(g.lower_ in _DEATH for g in c.children)
            if c.dep_ == "prep" and c.lower_ == "to" and to_death:
                return "killed"
    if entry.quantity is None:
        return None  # the entry does not count its patients ("sent food")
    return book.quantity_kinds.get(lemma(tok), entry.quantity)


def _quantities(frame: Frame, book: Codebook) -> tuple[Quantity, ...]:
    tok = frame.token
    kind = _kind(tok, frame.entry, book)
    if kind is None:
        return ()
    parse = Parse(book)
    heads = parse.subjects(tok) if kind == "people" else parse.objects(tok)
    if not heads and tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children):
        # "five were killed and 12 wounded": the parser makes the number the subject
        heads = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NUM"]
    if kind == "people" and tok.pos_ == "NOUN":
        heads = [c for c in tok.children if c.dep_ in ("nummod",)] or heads
    out: list[Quantity] = []
    parts: list[tuple[Any, Quantity | None]] = []
    for h in heads:
        found = _count(h, book)
        if found is None:
            parts.append((h, None))
            continue
        value, approximate, span = found
        if any(q.span.start <= span.start < q.span.end for q in out):
            continue  # "a hundred and ten": the parser's conjunct inside one number
        out.append(Quantity(kind, value, approximate, span))
        parts.append((h, out[-1]))
    return _listed_total(parts, kind)


_LIST_GLUE = {",", "and", "&"}


def _listed_total(parts: list[tuple[Any, Quantity | None]], kind: str) -> tuple[Quantity, ...]:
    """The toll of one act is the sum of the victims it lists: "killed the mayor, his driver
    and eight others" / "eight of their companions" is ten dead, "5 soldiers and 3
    civilians" eight. Only one coordination is added up (the parser's stray objects and
    appositions are not victims of the list). Each named or singular victim counts one,
    each counted group its number. A plural group without a number ("soldiers and three
    others") cannot be added: its counts stay as written; a list with no number gives none.
    """
    groups: list[list[tuple[Any, Quantity | None]]] = []
    last_end = -1
    for h, q in sorted(parts, key=lambda p: p[0].i):
        start = min(t.i for t in h.subtree)
        between = h.doc[last_end + 1 : start] if last_end >= 0 else None
        if between is not None and all(t.lower_ in _LIST_GLUE for t in between):
            groups[-1].append((h, q))  # "A, B and N others": one list however parsed
        else:
            groups.append([(h, q)])
        last_end = max(t.i for t in h.subtree)
    out: list[Quantity] = []
    for members in groups:
        counted = [q for _, q in members if q is not None]
        total, approximate = 0, False
        for h, q in members:
            if q is not None:
                total += q.value
                approximate = approximate or q.approximate
            elif h.tag_ in ("NN", "NNP") or h.lower_ in ("him", "her"):
                total += 1
            else:
                total = -1  # "soldiers and three others": no total
                break
        if len(members) > 1 and counted and total > 0:
            out.append(Quantity(kind, total, approximate, counted[-1].span))
        else:
            out.extend(counted)
    return tuple(out)
