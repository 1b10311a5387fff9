"""Dating an event by reference to other events of the same article.

Two things no library does with a parse (so they are written here): a definite nominal
without a time of its own ("the strike also killed", "killed in the raids", "those
attacks") refers back to the latest earlier event of its kind and shares its date; and an
expression relative to an event ("two days later", "the following day", "hours after that
attack") is counted from that event's date, not from the publication date.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Document, EventMention, Span, TimeExpression
from .calendar import Interval, add_months, day_iv, month_iv, week_iv
from .relative import Relative
from .vocab import TimeVocab


@dataclass
class Dating:
    """The state of dating one article's events: ``state`` holds each event as dated so far;
    ``order`` is the events' text order."""

    doc: Document
    tv: TimeVocab
    state: list[EventMention]
    order: list[int]
    trig_toks: Sequence[SpacySpan | None]
    events_at: dict[int, EventMention]  # trigger root token index -> event
    times: Sequence[TimeExpression]  # the expressions counted from the publication
    sentence_starts: list[int]
    report_day: str = ""  # the dateline's day, else the publication's (ISO; "" if unknown)

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the number of sentences if none)."""
        sents = self.doc.sentences
        j = bisect_right(self.sentence_starts, pos) - 1
        return j if j >= 0 and pos < sents[j].end else len(sents)


def shift(d: date, rel: Relative) -> Interval:
    """The day (or whole week/month) ``rel`` counts to from ``d``."""
    if rel.unit == "week":
        day = d + timedelta(days=7 * rel.n * rel.sign)
        return week_iv(day) if rel.whole else day_iv(day)
    if rel.unit == "month":
        day = add_months(d, rel.n * rel.sign)
        return month_iv(day.year, day.month) if rel.whole else day_iv(day)
    return day_iv(d + timedelta(days=rel.n * rel.sign))


def day_of(ev: EventMention) -> date | None:
    """The day the text dates an event to (None: dated by publication, or not to a day)."""
    if ev.date_source != "text" or not ev.date or len(ev.date) < 10:
        return None
    try:
        return date.fromisoformat(ev.date[:10])
    except ValueError:
        return None


def nominal(ctx: Dating, ev: EventMention, trig: SpacySpan | None) -> tuple[Token, str] | None:
    """The definite nominal an event is told through, with the type of act it names: the
    trigger itself ("those airstrikes"), the verb's subject ("the strike also killed") or the
    object of an instrument preposition ("killed in the raids", "in the same attack, ...")."""
    r = ctx.tv.reference
    if trig is None or len(trig) == 0:
        return None
    root = trig.root
    cands: list[Token] = []
    has_det = any(c.dep_ == "det" for c in root.children)
    if root.pos_ in ("NOUN", "PROPN") or has_det:  # "that shelling" may be tagged a verb
        cands.append(root)
    else:
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                cands.append(c)
            if c.dep_ == "prep" and c.lower_ in r.instrument_prepositions:
                cands.extend(g for g in c.children if g.dep_ == "pobj")
    for noun in cands:
        if noun.pos_ != "NOUN" and not any(c.dep_ == "det" for c in noun.children):
            continue
        kids = list(noun.children)
        definite = any(k.dep_ == "det" and k.lower_ in r.determiners for k in kids)
        same = any(k.lower_ in r.same_words for k in kids)
        if not (definite or same):
            continue
        if noun.i == root.i:
            return noun, ev.event
        other = ctx.events_at.get(noun.i)
        kind = other.event if other is not None else r.event_nouns.get(noun.lemma_.lower())
        if kind is not None:
            return noun, kind
    return None


def antecedent(
    ctx: Dating,
    pos: int,
    kind: str,
    lemma: str,
    *,
    window: bool = True,
    exclude: int | None = None,
    doers: frozenset[str] = frozenset(),
    targets: frozenset[str] = frozenset(),
) -> EventMention | None:
    """The event a nominal at ``pos`` refers back to: among the factual events of type
    ``kind`` before it, the latest one called by the same noun, else the latest one; it
    counts only when the text dates it. Bounded (``window``): at most ``max_sentences``
    back, and never across a time expression with another date in between. ``doers``: the
    countries the nominal itself names ("the US attack", "Israel's raids"); another
    country's act is not the one it refers to. ``targets``: the entities the nominal names
    as its targets ("the killing of the governor"): an act on someone else is not it."""
    sents = ctx.doc.sentences
    state = ctx.state
    earlier = [
        state[i]
        for i in ctx.order
        if i != exclude
        and state[i].trigger.start < pos
        and state[i].event == kind
        and state[i].factuality in ("asserted", "reported")
        and (not doers or any((a.code or "")[:3] in doers for a in state[i].actor))
        and (not targets or any(a.entity in targets for a in state[i].recipient))
    ]
    if window:
        here = ctx.sentence_index(pos)
        lo = sents[max(0, here - ctx.tv.reference.max_sentences)].start if sents else 0
        earlier = [e for e in earlier if e.sentence.start >= lo]
    if not earlier:
        return None
    same_noun = [e for e in earlier if _called(ctx, e, lemma)]
    ante = (same_noun or earlier)[-1]
    # the latest one is the antecedent; undated, it lends nothing (an older dated act of the
    # same kind is more likely another act than this one)
    if ante.date_source != "text":
        return None
    if window and not doers and not targets:  # a named side's act is found across others'
        between = [
            t
            for t in ctx.times
            if ante.sentence.end <= t.span.start
            and t.span.end <= pos
            and (t.value, t.end) != (ante.date, ante.date_end)
        ]
        if between:
            return None
    return ante


def named_doers(ev: EventMention, noun: Token) -> frozenset[str]:
    """The countries of ``ev``'s coded actors written inside the nominal ``noun`` before it
    ("the US attack", "Israel's raids", "those American strikes"), not guessed from the rest
    of the sentence."""
    lo, hi = noun.left_edge.idx, noun.idx
    return frozenset(
        a.code[:3]
        for a in ev.actor
        if a.code and len(a.code) >= 3 and lo <= a.span.start and a.span.end <= hi
    )


def named_targets(ev: EventMention, noun: Token) -> frozenset[str]:
    """The entities of ``ev``'s recipients written inside the nominal ``noun`` after it
    ("the killing of the governor", "the raid on the camp")."""
    lo, hi = noun.idx, noun.right_edge.idx + len(noun.right_edge)
    return frozenset(
        a.entity
        for a in ev.recipient
        if a.entity is not None and lo <= a.span.start and a.span.end <= hi
    )


def _called(ctx: Dating, ev: EventMention, lemma: str) -> bool:
    """True when the text calls ``ev`` by the noun ``lemma``: its trigger, or the subject of
    its verb ("The drone strike near the airport killed ten": the strike)."""
    if ev.trigger_lemma.lower() == lemma:
        return True
    tt = ctx.doc.tokens(ev.trigger)
    if tt is None or len(tt) == 0:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == lemma for c in tt.root.children
    )


def named_side(doc: Document, rel: Relative) -> set[int]:
    """Token indices of the event an expression names: the object of "after"/"before"
    ("two days after the vote") or the clause it introduces ("two days after a drone
    killed him")."""
    assert rel.named is not None
    word = doc.tokens(Span(rel.named, rel.named + 1))
    if word is None or len(word) == 0:
        return set()
    tok = word.root
    own_toks = doc.tokens(rel.span)
    own = {t.i for t in own_toks} if own_toks is not None else set()
    if tok.dep_ == "mark" and tok.head.i != tok.i:
        return {t.i for t in tok.head.subtree} - own
    return {t.i for t in tok.subtree} - own - {tok.i}


def main_of(ctx: Dating, rel: Relative, ei: int) -> date | None:
    """The date of the event a relative expression belongs to, when its own words date it
    ("voted on Sunday, two days after ..."): an event of the sentence with another time."""
    for i in ctx.order:
        e = ctx.state[i]
        if i == ei or not e.sentence.contains(rel.span) or e.time is None:
            continue
        if e.time != rel.span and e.sentence.contains(e.time) and day_of(e) is not None:
            return day_of(e)
    return None


def relative_anchor(ctx: Dating, rel: Relative, ei: int) -> date | None:
    """The day an expression counts from: the event it names, else the latest dated one."""
    if rel.named is not None:
        return _named_anchor(ctx, rel, ei)
    before = [
        i
        for i in ctx.order
        if i != ei
        and ctx.state[i].trigger.start < rel.span.start
        and day_of(ctx.state[i]) is not None
        and ctx.state[i].factuality in ("asserted", "reported")
    ]
    if not before:
        return None
    # of the acts of that latest sentence, the one its main clause tells ("arrested two men
    # on Tuesday over Monday's bombing, which killed nine. ... a day earlier": the arrest)
    last = ctx.state[before[-1]].sentence
    told = [i for i in before if ctx.state[i].sentence == last and not _in_relative(ctx, i)]
    return day_of(ctx.state[told[-1] if told else before[-1]])


def _in_relative(ctx: Dating, i: int) -> bool:
    """True when event ``i``'s trigger is inside a relative clause (background to its noun)."""
    tt = ctx.trig_toks[i]
    if tt is None or len(tt) == 0:
        return False
    tok = tt.root
    return tok.dep_ == "relcl" or any(a.dep_ == "relcl" for a in tok.ancestors)


def _named_anchor(ctx: Dating, rel: Relative, ei: int) -> date | None:
    """The day of the event "after"/"before" names: a dated event of that side, else the
    act an event noun there refers back to."""
    doc, parse = ctx.doc, ctx.doc.parse
    if parse is None:
        return None
    assert rel.named is not None
    sub = named_side(doc, rel)
    word = doc.tokens(Span(rel.named, rel.named + 1))
    if not sub or word is None:
        return None
    for i in ctx.order:
        tt = ctx.trig_toks[i]
        if tt is not None and len(tt) and tt.root.i in sub and day_of(ctx.state[i]) is not None:
            return day_of(ctx.state[i])
    # an event noun not coded, or coded without a date: the act it refers back to
    nouns = ctx.tv.reference.event_nouns
    for tok in (parse[i] for i in sorted(sub)):
        if tok.dep_ not in ("pobj", "nsubj", "nsubjpass") or tok.pos_ != "NOUN":
            continue
        kind = (
            ctx.events_at[tok.i].event if tok.i in ctx.events_at else nouns.get(tok.lemma_.lower())
        )
        if kind is None:
            continue
        ante = antecedent(ctx, tok.idx, kind, tok.lemma_.lower(), window=False, exclude=ei)
        if ante is not None:
            return day_of(ante)
    return None


def told_before(tt: SpacySpan | None, marks: frozenset[str]) -> bool:
    """Is the act told in a clause or phrase that puts it before the main clause's ("after a
    drone strike killed five soldiers", "following a raid on the camp")?"""
    if tt is None or len(tt) == 0:
        return False
    root = tt.root
    if root.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in root.children):
        return True
    return root.dep_ in ("pobj", "pcomp") and root.head.lower_ in marks


def dated_twin(ctx: Dating, ei: int) -> EventMention | None:
    """The act the article dates elsewhere that an undated act told before the main clause
    is ("summoned the envoy on Wednesday after a drone strike killed five. ... The strike
    took place on Monday"): the factual events of its type, in other sentences, called by
    the same event noun (its trigger or its subject) and dated by their words, all to one
    day no later than the report's. None when there is none or they disagree."""
    ev = ctx.state[ei]
    tt = ctx.trig_toks[ei]
    if tt is None or len(tt) == 0:
        return None
    root = tt.root
    nouns = ctx.tv.reference.event_nouns
    if root.pos_ == "NOUN":
        lemma = root.lemma_.lower()
    else:
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
        lemma = subj[0].lemma_.lower() if subj else ""
    if lemma not in nouns:
        return None
    twins = [
        e
        for i, e in enumerate(ctx.state)
        if i != ei
        and e.event == ev.event
        and e.sentence != ev.sentence
        and e.factuality in ("asserted", "reported")
        and (day := day_of(e)) is not None
        and (not ctx.report_day or day.isoformat() <= ctx.report_day)
        and _called(ctx, e, lemma)
    ]
    if len({e.date for e in twins}) != 1:
        return None
    return min(twins, key=lambda e: abs(e.trigger.start - ev.trigger.start))
