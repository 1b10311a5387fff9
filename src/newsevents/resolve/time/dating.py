"""Dating events: :func:`resolve_dates`.

First each event takes the expression of its own sentence that dates it (:mod:`.attach`),
else the publication date; then, in text order, expressions relative to another event and
back-references are counted from the event they refer to (:mod:`.reference`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import DatePrecision, Document, EventMention, Span, TimeExpression, evolve
from ..datelines import LIVE_STAMP, document_dateline_span
from .attach import dist, own_times
from .calendar import Interval, format_interval
from .reference import (
    Dating,
    antecedent,
    dated_twin,
    day_of,
    main_of,
    named_doers,
    named_side,
    named_targets,
    nominal,
    relative_anchor,
    told_before,
)
from .reference import shift as shift_by
from .relative import Relative, SpanIndex, find_relative
from .scan import national_holidays
from .tense import PAST, clause_direction
from .vocab import TimeVocab


def _live_entry(text: str, pos: int) -> int | None:
    """The start of the live-page entry (a line opening with a clock stamp) holding
    character ``pos``, or None when its line is no such entry."""
    line = text.rfind("\n", 0, pos) + 1
    return line if LIVE_STAMP.match(text, line) else None


def resolve_dates(
    doc: Document, events: list[EventMention], times: list[TimeExpression], tv: TimeVocab
) -> list[EventMention]:
    """Date each event from the expression attached to its trigger, else the nearest one in
    its sentence; else, for a definite nominal referring back to an earlier event ("the
    strike also killed"), that event's date; else the publication date
    (``date_source="publication"``).

    An expression relative to an event ("two days later", "hours after that attack") is
    counted from that event: the one it names, else the latest event the text dates before
    it. A back-reference records ``date_source="text"`` and the antecedent's time span
    (outside its own sentence), so that place resolution can find the same antecedent.
    """
    rels = find_relative(doc, tv)
    rel_index = SpanIndex([x.span for x in rels])
    # the dateline's date ("KYIV, Oct 20 (Outlet) -") is the report's day, not an event's
    head = document_dateline_span(doc, tv.datelines)
    plain = [
        t
        for t in times
        if not rel_index.overlaps(t.span) and not (head is not None and head.contains(t.span))
    ]
    pub = _report_day(doc, times, head, tv) or doc.article.published
    plain = _with_national_holidays(doc, events, plain, [x.span for x in rels], pub, tv)
    # the relative expressions take part in attachment as placeholders (no value yet)
    cands = plain + [TimeExpression(x.span, "", "day") for x in rels]
    trig_toks = [doc.tokens(ev.trigger) for ev in events]
    chosen = own_times(
        doc,
        events,
        cands,
        trig_toks,
        tv.words.simultaneous_marks,
        tv.reference.event_nouns,
        tv.reference.naming_words,
        tv.naming_verbs,
        tv.words.sequence_preps | tv.words.response_nouns,
        {*tv.words.parts_of_day, *tv.words.units},
        tv.words.onset_marks,
        tv.words.dated_nouns,
        tv.words.forward_verbs,
    )
    inside = _inside_named_sides(doc, events, rels, plain, cands, trig_toks, chosen)
    state = [
        _first_date(ev, plain[ti] if ti is not None and ti < len(plain) else None, pub)
        for ev, ti in zip(events, chosen, strict=True)
    ]
    for ei, tt in enumerate(trig_toks):
        if _past_dated_ahead(state[ei], tt, pub, tv):
            # a day ahead of the report in a clause told as done is the day of the act it
            # asks for or announces ("urged them to march on Saturday"), not this one's
            state[ei] = _first_date(events[ei], None, pub)
    if not pub:
        return state  # nothing is dated relative to an unknown publication date
    ctx = Dating(
        doc=doc,
        tv=tv,
        state=state,
        order=sorted(range(len(events)), key=lambda i: events[i].trigger.start),
        trig_toks=trig_toks,
        events_at={
            tt.root.i: ev
            for tt, ev in zip(trig_toks, events, strict=True)
            if tt is not None and len(tt)
        },
        times=plain,
        sentence_starts=[s.start for s in doc.sentences],
        report_day=pub[:10],
    )
    # second pass in text order: relative expressions and back-references, so that a chain
    # ("on Sunday ... two days later ... the next day") counts from the dated one before
    rel_of = {x.span: x for x in rels}
    for ei in ctx.order:
        ti = chosen[ei]
        own = rel_of.get(cands[ti].span) if ti is not None and ti >= len(plain) else None
        if own is not None and ei not in inside:
            base = relative_anchor(ctx, own, ei)
            if base is not None:
                state[ei] = _text_dated(state[ei], shift_by(base, own), own.span)
            continue
        if ei in inside and (
            _date_from_main(ctx, ei, inside[ei]) or _date_from_narrative(ctx, ei, inside[ei])
        ):
            continue
        _date_by_back_reference(ctx, ei)
    for ei in ctx.order:
        # an act told as done before the main one keeps no day of its own, and takes the
        # main clause's only when the article dates it nowhere else
        ev = state[ei]
        if ev.date_source == "publication" and told_before(trig_toks[ei], tv.words.prior_marks):
            twin = dated_twin(ctx, ei)
            if twin is not None:
                state[ei] = _dated_as(ev, twin, "text", twin.time)
    _carry_narrative_dates(ctx)
    return state


def _with_national_holidays(
    doc: Document,
    events: Sequence[EventMention],
    plain: list[TimeExpression],
    rel_spans: Sequence[Span],
    pub: str | None,
    tv: TimeVocab,
) -> list[TimeExpression]:
    """``plain`` with the national holidays the text names ("on Independence Day") dated as
    the article's country keeps them: the countries of its events' actors, most often
    named first (known only now, after actor coding)."""
    if not tv.holidays.national or not pub or len(pub) < 10:
        return plain
    counts = Counter(
        a.code[:3]
        for ev in events
        for a in (*ev.actor, *ev.recipient)
        if a.code is not None and len(a.code) >= 3
    )
    countries = [c for c, _ in counts.most_common()]
    if not countries:
        return plain
    taken = SpanIndex(sorted([*(t.span for t in plain), *rel_spans], key=lambda s: s.start))
    found = national_holidays(doc, tv, date.fromisoformat(pub[:10]), countries, taken)
    return sorted(plain + found, key=lambda t: t.span.start) if found else plain


def _report_day(
    doc: Document, times: Sequence[TimeExpression], head: Span | None, tv: TimeVocab
) -> str | None:
    """The dateline's day when it gives one at most ``dateline_days`` before publication
    (the day the report was filed, as :func:`~.scan.find_times` anchors it), else None."""
    pub = (doc.article.published or "")[:10]
    if head is None or len(pub) < 10:
        return None
    for t in times:
        if head.contains(t.span) and t.precision == "day" and t.end is None:
            try:
                days = (date.fromisoformat(pub) - date.fromisoformat(t.value[:10])).days
            except ValueError:
                return None
            return t.value[:10] if 0 <= days <= tv.reference.dateline_days else None
    return None


def _carry_narrative_dates(ctx: Dating) -> None:
    """A past-tense event its own words do not date, told in the sentence of a dated event
    or the one right after it, happened in that narrative's time ("Iran fired missiles on
    Wednesday. Nobody was killed."): it takes the date of the latest such event (source
    ``context``, no time span of its own). Present and future clauses, hedged and
    hypothetical events keep the publication date, and so does an act the text introduces
    as a new one ("A strike killed nine")."""
    starts = ctx.sentence_starts
    last: EventMention | None = None
    news = _news_day(ctx)
    asked = _asked_days(ctx)
    answering = False  # ``last`` is a question's day: the answer tells its acts anew
    for ei in ctx.order:
        ev = ctx.state[ei]
        while asked and asked[0][0].start < ev.sentence.start:
            # "Q: What happened on Saturday? A: Police evicted 200 families.": the answer
            # tells of the day the question names
            question, t = asked.pop(0)
            if last is None or last.sentence.start < question.start:
                answering = True
                last = evolve(
                    ev,
                    sentence=question,
                    date=t.value[:10],
                    date_end=None,
                    date_precision="day",
                    date_source="text",
                )
        if ev.date_source == "text" and ev.date_precision in ("day", "month") and ev.date:
            tt = ctx.trig_toks[ei]
            background = _described(tt) and _long_before(ev.date, ctx.report_day)
            if not _since_clause(tt, ctx.tv.words.onset_marks) and not background:
                last, answering = ev, False
            continue
        if ev.date_source != "publication":
            continue
        if ev.factuality not in ("asserted", "reported", "negated"):
            continue
        tt = ctx.trig_toks[ei]
        if not _told_as_past(ctx, ev, tt) or _told_now(tt, ctx.tv.words.present_adverbs):
            continue
        entry = _live_entry(ctx.doc.article.text, ev.sentence.start)
        if entry is not None and (
            last is None or _live_entry(ctx.doc.article.text, last.sentence.start) != entry
        ):
            continue  # a live entry's act its words do not date was posted that day
        if last is not None:
            gap = bisect_right(starts, ev.sentence.start) - bisect_right(
                starts, last.sentence.start
            )
            new = not answering and _new_act(ctx, tt)
            # (an answer may stand after its speaker's label, "A:", a sentence of its own)
            if gap <= 1 + answering and (ev.date or "") >= (last.date or "") and not new:
                ctx.state[ei] = _dated_as(ev, last, "context", None)
                # the narrative goes on: the next sentence continues from this one
                last = evolve(last, sentence=ev.sentence)
                continue
        if news is not None and news[0] is not ev and news[1] < ev.trigger.start:
            ctx.state[ei] = _dated_as(ev, news[0], "context", None)


def _asked_days(ctx: Dating) -> list[tuple[Span, TimeExpression]]:
    """The questions that name a day and tell no act ("Q: What happened on Saturday?"), with
    that day, in text order: an interview's answer goes on from the question's day."""
    text = ctx.doc.article.text
    told = {bisect_right(ctx.sentence_starts, e.sentence.start) for e in ctx.state}
    out: list[tuple[Span, TimeExpression]] = []
    for t in ctx.times:
        if t.precision != "day" or len(t.value) < 10 or t.end:
            continue
        k = bisect_right(ctx.sentence_starts, t.span.start)
        if k in told or k == 0:
            continue
        sent = ctx.doc.sentences[k - 1]
        if text[sent.start : sent.end].rstrip().endswith("?"):
            out.append((sent, t))
    return out


def _since_clause(tt: SpacySpan | None, marks: frozenset[str]) -> bool:
    """Is the act told in a clause that only says since when something goes on ("killed
    since the protests began last Thursday")? Its day does not carry to the next sentence."""
    if tt is None or len(tt) == 0:
        return False
    for node in (tt.root, *tt.root.ancestors):
        if any(c.dep_ in ("mark", "prep") and c.lower_ in marks for c in node.children):
            return True
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in marks:
            return True
        if node.dep_ not in ("advcl", "pobj", "pcomp", "prep", "nsubj", "conj"):
            return False
    return False


def _described(tt: SpacySpan | None) -> bool:
    """Is the act told in a relative clause that describes a thing ("the truce it brokered
    with Moscow in March 2020")? That is background: its day does not carry to the acts told
    after it ("... and urged Russia to restrain Damascus")."""
    if tt is None or len(tt) == 0:
        return False
    return any(node.dep_ == "relcl" for node in (tt.root, *tt.root.ancestors))


def _long_before(day: str, report_day: str | None) -> bool:
    """Is ``day`` (YYYY, YYYY-MM or YYYY-MM-DD) in a year before the report's? History, not
    the story's days."""
    return bool(report_day) and day[:4] < (report_day or "")[:4]


def _told_now(tt: SpacySpan | None, adverbs: frozenset[str]) -> bool:
    """Does the act's own clause say it is news of now ("Now the army has deployed troops")?
    Then it is neither the next step of the story told before it nor the lede's news day:
    it keeps the report's day."""
    if tt is None or len(tt) == 0:
        return False
    verb = tt.root
    return any(c.dep_ == "advmod" and c.lower_ in adverbs for c in verb.children)


def _told_as_past(ctx: Dating, ev: EventMention, tt: SpacySpan | None) -> bool:
    """True when the event is told as done: its clause is past; or its verb has no tense of
    its own and hangs (as a complement or a bare participle) from a past one ("was detained,
    prompting the minister to denounce it"); or it is an act done by saying (``said_acts``)
    that a past speech verb reports, whatever its complement's tense ("said it would keep
    cooperating" was said then)."""
    direction = clause_direction(tt, ctx.tv.words)
    if direction == PAST:
        return True
    if tt is None or len(tt) == 0:
        return False
    ref = ctx.tv.reference
    verb = tt.root if tt.root.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return False
    cur = verb
    for _ in range(4):
        climbs = cur.dep_ in ("xcomp", "ccomp") or (
            cur.dep_ in ("advcl", "pcomp")
            and cur.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in cur.children)
        )
        if not climbs or cur.head.i == cur.i:
            return False
        said = cur.dep_ == "ccomp"
        cur = cur.head.head if cur.dep_ == "pcomp" else cur.head  # "before opening fire"
        past = cur.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in cur.children
        )
        if said:
            return past and ev.event in ref.said_acts and cur.lemma_.lower() in ref.speech_verbs
        if direction is None and past:
            return True
    return False


def _news_day(ctx: Dating) -> tuple[EventMention, int] | None:
    """The article's news day: its first past day, told by a dated act or by a time of its own
    in a clause the coder found no act in ("On Friday the United States made him pay"), if at
    most ``news_day_days`` before the report's day (the lede of a report on yesterday's
    news). Returned as an act dated that day, with where the text says it; else None."""
    limit = ctx.tv.reference.news_day_days
    pub = ctx.report_day
    if not limit or len(pub) < 10:
        return None
    first: tuple[int, EventMention] | None = None
    for ei in ctx.order:
        ev = ctx.state[ei]
        if ev.date_source != "text" or ev.date_precision != "day" or not ev.date:
            continue
        if ev.factuality not in ("asserted", "reported"):
            continue
        first = (ev.trigger.start, ev)
        break
    for t in ctx.times:
        day = _one_day(t)
        if day is None or day > pub:
            continue
        if first is None or t.span.start < first[0]:
            base = first[1] if first is not None else None
            if base is None and ctx.order:
                base = ctx.state[ctx.order[0]]
            if base is not None:
                dated = evolve(base, date=day, date_end=None, date_precision="day")
                first = (t.span.start, dated)
        break
    if first is None or first[1].date is None:
        return None
    try:
        days = (date.fromisoformat(pub) - date.fromisoformat(first[1].date[:10])).days
    except ValueError:
        return None
    return (first[1], first[0]) if 0 < days <= limit else None


def _new_act(ctx: Dating, tt: SpacySpan | None) -> bool:
    """True when the event's clause introduces a new act: told by an indefinite event noun
    ("A strike killed nine") or done by an indefinite agent ("Rockets hit a base"), not a
    step of the narrative before it (a passive "nine guards were killed" is one)."""
    if tt is None or len(tt) == 0:
        return False
    root = tt.root
    verb = root if root.pos_ in ("VERB", "AUX") else root.head
    ref = ctx.tv.reference

    def indefinite(n: Token) -> bool:
        return not any(
            (c.dep_ == "det" and c.lower_ in ref.determiners) or c.dep_ == "poss"
            for c in n.children
        )

    if root.lemma_.lower() in ref.event_nouns and indefinite(root):
        return True
    for c in verb.children:
        if c.dep_ == "nsubjpass" and c.lemma_.lower() in ref.event_nouns and indefinite(c):
            return True
        if (
            c.dep_ == "nsubj"
            and c.pos_ == "NOUN"
            and indefinite(c)
            and c.lemma_.lower() not in ref.standing_agents
        ):
            return True
    return False


def _inside_named_sides(
    doc: Document,
    events: Sequence[EventMention],
    rels: Sequence[Relative],
    plain: Sequence[TimeExpression],
    cands: Sequence[TimeExpression],
    trig_toks: Sequence[SpacySpan | None],
    chosen: list[int | None],
) -> dict[int, Relative]:
    """Events inside the named side of a relative expression ("two days after a drone killed
    him") are dated from the other side, never by its expression - unless their own side
    dates them ("a week after the army bombed it on 20 May"). Updates ``chosen``; returns
    the events left to date from the other side, with their expression."""
    inside: dict[int, Relative] = {}
    if doc.parse is None:
        return inside
    by_root: dict[int, list[int]] = {}
    for ei, tt in enumerate(trig_toks):
        if tt is not None and len(tt):
            by_root.setdefault(tt.root.i, []).append(ei)
    plain_roots = [_root(doc, t.span) for t in plain]
    for rel in rels:
        if rel.named is None:
            continue
        sub = named_side(doc, rel)
        for ei in sorted(ei for i in sub for ei in by_root.get(i, ())):
            ti = chosen[ei]
            if ti is not None and ti < len(plain) and _root(doc, cands[ti].span) in sub:
                continue
            own_side = [k for k, root in enumerate(plain_roots) if root in sub]
            if own_side:
                chosen[ei] = min(own_side, key=lambda k: dist(plain[k].span, events[ei].trigger))
                continue
            inside[ei] = rel
            chosen[ei] = None
    return inside


def _root(doc: Document, span: Span) -> int | None:
    toks = doc.tokens(span)
    return toks.root.i if toks is not None and len(toks) else None


def _past_dated_ahead(
    ev: EventMention, tt: SpacySpan | None, pub: str | None, tv: TimeVocab
) -> bool:
    """True when a verb told in the simple past got a day after the report's day."""
    if not pub or len(pub) < 10 or ev.date_source != "text" or ev.date_precision != "day":
        return False
    if not ev.date or ev.date[:10] <= pub[:10] or tt is None or len(tt) == 0:
        return False
    verb = tt.root
    return verb.tag_ == "VBD" and clause_direction(tt, tv.words) == PAST


def _first_date(ev: EventMention, t: TimeExpression | None, pub: str | None) -> EventMention:
    """``ev`` dated by its own expression, else by the publication date (if any)."""
    if t is not None:
        return evolve(
            ev,
            date=t.value,
            date_end=t.end,
            date_precision=t.precision,
            date_source="text",
            time=t.span,
        )
    if not pub:
        return ev
    precision: DatePrecision = "day" if len(pub) >= 10 else ("month" if len(pub) >= 7 else "year")
    return evolve(
        ev,
        date=pub[:10],
        date_end=None,
        date_precision=precision,
        date_source="publication",
        time=None,
    )


def _text_dated(ev: EventMention, iv: Interval, span: Span) -> EventMention:
    value, end = format_interval(iv)
    return evolve(
        ev, date=value, date_end=end, date_precision=iv.precision, date_source="text", time=span
    )


def _date_from_main(ctx: Dating, ei: int, rel: Relative) -> bool:
    """Date an event of the named side back from the main clause's date ("voted on Sunday,
    two days after ..."); False if the main clause has none."""
    main = main_of(ctx, rel, ei)
    if main is None:
        return False
    iv = shift_by(main, evolve(rel, sign=-rel.sign))
    ctx.state[ei] = _text_dated(ctx.state[ei], iv, rel.span)
    return True


def _date_from_narrative(ctx: Dating, ei: int, rel: Relative) -> bool:
    """Date an event of the named side back from the narrative's day when the main clause
    has no date of its own ("They met in X on Tuesday. The meeting came a day after rebels
    attacked a base": Monday): the day of the latest event the text dates, told in the
    expression's sentence or the one right before it; else the day of the article's lead
    act, the first its words date ("... The confrontation came a week after ...")."""
    sent = ctx.doc.tokens(ctx.state[ei].sentence)
    if sent is None or sent.root.idx > rel.span.start:
        return False  # "Two days after X, the rebels walked out": the clause is dated by it
    starts = ctx.sentence_starts
    here = bisect_right(starts, rel.span.start)
    told = [
        d
        for i in ctx.order
        if i != ei
        and ctx.state[i].trigger.start < rel.span.start
        and ctx.state[i].factuality in ("asserted", "reported")
        and here - bisect_right(starts, ctx.state[i].sentence.start) <= 1
        and (d := day_of(ctx.state[i])) is not None
    ]
    if not told:
        told = [d for d in (_lead_day(ctx, ei, rel),) if d is not None]
    if not told:
        return False
    iv = shift_by(told[-1], evolve(rel, sign=-rel.sign))
    ctx.state[ei] = _text_dated(ctx.state[ei], iv, rel.span)
    return True


def _lead_day(ctx: Dating, ei: int, rel: Relative) -> date | None:
    """The day of the first act the text tells and dates by its own words, before ``rel``."""
    for i in ctx.order:
        ev = ctx.state[i]
        if ev.trigger.start >= rel.span.start:
            return None
        factual = ev.factuality in ("asserted", "reported") and ev.date_source == "text"
        if i != ei and factual and (day := day_of(ev)) is not None:
            return day
    return None


def _date_by_back_reference(ctx: Dating, ei: int) -> None:
    """A definite nominal dated by publication only takes its antecedent's date and span."""
    ev = ctx.state[ei]
    if ev.date_source != "publication" or ev.factuality not in ("asserted", "reported", "negated"):
        return
    told = nominal(ctx, ev, ctx.trig_toks[ei])
    if told is None:
        return
    noun, kind = told
    ante = antecedent(
        ctx,
        min(noun.idx, ev.trigger.start),
        kind,
        noun.lemma_.lower(),
        doers=named_doers(ev, noun),
        targets=named_targets(ev, noun),
    )
    if ante is not None and ante is not ev:
        ctx.state[ei] = _dated_as(ev, ante, "text", ante.time)


def _one_day(t: TimeExpression) -> str | None:
    """The day a time names: a day, or the later day of a night across two ("the night of
    11 to 12 August": what happened that night is reported as of the morning), else None."""
    if t.precision != "day":
        return None
    if t.end is None:
        return t.value[:10]
    try:
        days = (date.fromisoformat(t.end[:10]) - date.fromisoformat(t.value[:10])).days
    except ValueError:
        return None
    return t.end[:10] if days == 1 else None


def _dated_as(
    ev: EventMention, other: EventMention, source: str, time: Span | None
) -> EventMention:
    """``ev`` dated like ``other`` (an antecedent or the act just told), with its source."""
    return evolve(
        ev,
        date=other.date,
        date_end=other.date_end,
        date_precision=other.date_precision,
        date_source=source,
        time=time,
    )
