"""Which expression of its own sentence dates each event.

The one attached to its trigger, else to its clause, else the nearest in the sentence (when
that time's clause is the trigger's or encloses it). Times and triggers are indexed by the
tokens they reach once per article, so the work grows with the number of events and times,
not with their product.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...model import Document, EventMention, Span, TimeExpression
from ..syntax import governor, names_object

_ATTACH_DEPS = frozenset(
    {
        "prep",
        "pobj",
        "npadvmod",
        "tmod",
        "obl",
        "nmod",
        "advmod",
        "compound",
        "appos",
        "nummod",
        "pcomp",
        "amod",
        "conj",
        "cc",
        "poss",
        "quantmod",
        "det",
    }
)
_ELABORATING = frozenset({"advcl", "xcomp", "conj", "dep"})


def attach_path(
    time_toks: SpacySpan | None,
    sequence: Collection[str] = (),
    time_nouns: Collection[str] = (),
) -> tuple[int, ...]:
    """Token indices a time reaches going up through prep/pobj/npadvmod/tmod-like links,
    without crossing into another clause: the time is attached to a trigger exactly when
    the trigger holds one of them. It stops at a noun a ``sequence`` preposition puts the
    act before or after ("arrested ... ahead of a rally on Saturday": the rally's day)."""
    if time_toks is None or len(time_toks) == 0:
        return ()
    tok = time_toks.root
    path = [tok.i]
    subject = tok.head
    if (
        tok.dep_ == "npadvmod"
        and subject.dep_ in ("nsubj", "nsubjpass")
        and subject.i < tok.i < subject.head.i
    ):
        # "The Observatory today called on ...": the parse hangs the adverbial time on the
        # subject before the verb; it dates the verb
        return (tok.i, subject.i, subject.head.i)
    for _ in range(10):
        if tok.dep_ not in _ATTACH_DEPS or tok.head.i == tok.i:
            break
        if tok.i != path[0] and sequenced(tok, sequence, time_nouns):
            break
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            # "the ceasefire agreement of 12 August 2008": the noun's own date, not the
            # clause's ("condemned on Monday a violation of the agreement of ...")
            path += [tok.head.i, tok.head.head.i]
            break
        tok = tok.head
        path.append(tok.i)
        if tok.pos_ in ("VERB", "AUX"):
            break
    return tuple(path)


def sequenced(tok: Token, sequence: Collection[str], time_nouns: Collection[str] = ()) -> bool:
    """Is ``tok`` a noun that a sequence preposition puts an act before or after ("ahead of
    a rally", "before the vote")? Not a time of day or a unit ("before dawn on Monday",
    "shortly before 5 a.m. on Thursday": a clock time the tagger labels as one)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.lower_ in time_nouns:
        return False
    if tok.ent_type_ == "TIME":
        return False
    prep = tok.head
    if prep.lower_ in ("of", "to", "for"):  # "ahead of", "prior to", "revenge for"
        prep = prep.head
    return prep.lower_ in sequence


def _elaboration_chain(verb: Token, naming: Collection[str] = ()) -> tuple[int, ...]:
    """The verbs whose act ``verb``'s clause elaborates: a participle without a subordinator
    ("retaliated, striking ..."), a complement, or a conjunct without a subject or tense of
    its own; a free relative of naming (``naming`` verbs: "struck what X called hideouts
    late on Sunday") is part of the act it names the object of. A clause with its own
    subordinator ("after they arrived ...") or reported content ("said that ...") is another
    act."""
    chain: list[int] = []
    cur = verb
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        if names_object(cur, naming):
            cur = cur.head
            chain.append(cur.i)
            continue
        if cur.dep_ not in _ELABORATING:
            break
        kids = list(cur.children)
        if any(c.dep_ == "mark" for c in kids):
            break
        if cur.dep_ == "advcl" and cur.tag_ != "VBG":
            break
        if cur.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ in ("aux", "auxpass") and c.tag_ != "TO")
            for c in kids
        ):
            break
        cur = cur.head
        chain.append(cur.i)
    return tuple(chain)


def clause_head(trigger_toks: SpacySpan | None) -> Token | None:
    """The clause an event's trigger belongs to: the nearest verb above a nominal trigger,
    the governing verb of a coordinated or complement verb."""
    if trigger_toks is None or len(trigger_toks) == 0:
        return None
    tok = trigger_toks.root
    if tok.pos_ not in ("VERB", "AUX"):
        for _ in range(6):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
        return None
    return _shared_with(tok)


def shared_heads(head: Token | None) -> list[Token]:
    """``head`` and the verbs whose time it shares in turn ("On Friday X summoned the envoy
    and lodged a protest": "lodged" shares "summoned"'s; "turned a water cannon on a boat
    last Thursday, shattering windows and injuring two": "injuring" shares "shattering"'s,
    which shares "turned"'s)."""
    out: list[Token] = []
    while head is not None and len(out) < 4 and all(h.i != head.i for h in out):
        out.append(head)
        head = _shared_with(head) if head.pos_ in ("VERB", "AUX") else None
    return out


def _shared_with(tok: Token) -> Token | None:
    """The verb whose time the verb ``tok`` shares, or None."""
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        return tok.head
    if (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in tok.children)
    ):
        # "protested on Tuesday, blocking roads": a bare participle shares its verb's time
        return tok.head
    if (
        tok.dep_ == "csubj"
        and tok.tag_ == "VBG"
        and not any(c.dep_ == "nsubj" for c in tok.children)
    ):
        # "In 2022, fighting along the border killed 100 people": an act named by a gerund
        # as the subject happens when its verb says
        return tok.head
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        # "stormed the embassy on Tuesday and set fires" share the time, but a conjunct
        # with its own auxiliary has its own tense ("was founded in 2003 and has sent")
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in tok.children):
            return None
        return tok.head
    return None


def dist(a: Span, b: Span) -> int:
    """Characters between two spans (0 if they touch or overlap)."""
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


class _Verbless:
    """Whether a sentence has no verb of its own (a listing: "Rally, Saturday 11 January,
    noon"): spaCy may glue it to its neighbours, so clause attachment says nothing; its date
    is its own. Each sentence is looked at once, through the tokens that start inside it."""

    def __init__(self, parse: Doc | None):
        self._parse = parse
        self._seen: dict[Span, bool] = {}

    def __call__(self, sentence: Span) -> bool:
        if sentence not in self._seen:
            parse = self._parse
            assert parse is not None
            lo = bisect_left(parse, sentence.start, key=_idx)
            hi = bisect_left(parse, sentence.end, key=_idx)
            self._seen[sentence] = not any(
                t.pos_ in ("VERB", "AUX") and t.text.islower() for t in parse[lo:hi]
            )
        return self._seen[sentence]


def _idx(tok: Token) -> int:
    return tok.idx


class _TimeIndex:
    """The times of an article indexed by the tokens their attachment path reaches, by the
    verbs their clause elaborates, and by position."""

    def __init__(
        self,
        doc: Document,
        times: Sequence[TimeExpression],
        naming: Collection[str] = (),
        sequence: Collection[str] = (),
        time_nouns: Collection[str] = (),
    ):
        toks = [doc.tokens(t.span) for t in times]
        self.has_tokens = [xt is not None and len(xt) > 0 for xt in toks]
        #: the noun a time only qualifies ("an August 15 deadline": "deadline"), else None
        self.qualified: list[Token | None] = [
            xt.root.head
            if xt is not None
            and len(xt) > 0
            and xt.root.dep_ in ("nmod", "compound", "amod")
            and xt.root.head.pos_ == "NOUN"
            else None
            for xt in toks
        ]
        #: the noun a time's prepositional phrase hangs on ("talks on Thursday": "talks")
        self.prep_noun: list[Token | None] = [
            xt.root.head.head
            if xt is not None
            and len(xt) > 0
            and xt.root.dep_ == "pobj"
            and xt.root.head.dep_ == "prep"
            and xt.root.head.head.pos_ == "NOUN"
            else None
            for xt in toks
        ]
        self.govs = [governor(xt.root) if xt is not None and len(xt) else None for xt in toks]
        self.on_path: dict[int, list[int]] = {}
        #: times a sequence preposition's noun holds ("ahead of a rally on Saturday"): they
        #: date that noun's act only, never a verb of the sentence by being near it
        self.sequenced: list[bool] = []
        for ti, xt in enumerate(toks):
            path = attach_path(xt, sequence, time_nouns)
            for i in path:
                self.on_path.setdefault(i, []).append(ti)
            end = xt.doc[path[-1]] if xt is not None and path else None
            self.sequenced.append(end is not None and sequenced(end, sequence, time_nouns))
        self.elaborating: dict[int, list[int]] = {}
        for ti, gov in enumerate(self.govs):
            if gov is not None:
                for i in _elaboration_chain(gov, naming):
                    self.elaborating.setdefault(i, []).append(ti)
        #: the words each time opens with or hangs from ("since" in "held since 2022")
        self.heads = [
            {xt[0].lower_, xt.root.lower_, xt.root.head.lower_}
            if xt is not None and len(xt)
            else set()
            for xt in toks
        ]
        self._by_start = sorted(range(len(times)), key=lambda ti: times[ti].span.start)
        self._starts = [times[ti].span.start for ti in self._by_start]
        self._times = times

    def marked(self, ti: int, words: Collection[str]) -> bool:
        """Does time ``ti`` hang from one of ``words`` ("since 2022")?"""
        return bool(self.heads[ti] & set(words))

    def within(self, sentence: Span) -> list[int]:
        """Indices of the times inside ``sentence``, in list order."""
        lo = bisect_left(self._starts, sentence.start)
        hi = bisect_left(self._starts, sentence.end)
        return sorted(ti for ti in self._by_start[lo:hi] if sentence.contains(self._times[ti].span))


def own_times(
    doc: Document,
    events: Sequence[EventMention],
    times: Sequence[TimeExpression],
    trig_toks: Sequence[SpacySpan | None],
    simultaneous: frozenset[str] = frozenset(),
    event_nouns: Collection[str] = frozenset(),
    sequence: Collection[str] = (),
    naming: Collection[str] = (),
    sequence_preps: Collection[str] = (),
    time_nouns: Collection[str] = (),
    onset: Collection[str] = (),
    dated_nouns: Collection[str] = (),
    forward: Collection[str] = (),
) -> list[int | None]:
    """Index of the expression that dates each event in its own sentence: the one attached
    to its trigger, else to its clause, else the nearest in the sentence (None: none).
    A time inside a clause that happens with the trigger's own (``simultaneous``
    subordinators: "killed when rockets hit the base on Friday") or inside a participle
    describing its object ("fired at bases housing troops early on Wednesday") dates it
    too, even when that clause's own event claims the time."""
    index = _TimeIndex(doc, times, naming, sequence_preps, time_nouns)
    verbless = _Verbless(doc.parse)
    # which times hang directly off some event's trigger (they are not lent to others)
    claimed: dict[int, set[int]] = {}
    for ei, tt in enumerate(trig_toks):
        if tt is None:
            continue
        reached = sorted({ti for t in tt for ti in index.on_path.get(t.i, ())})
        for ti in reached:
            claimed.setdefault(ti, set()).add(ei)
    rank = {ti: k for k, ti in enumerate(claimed)}
    claims: dict[int, list[int]] = {}
    for ti, evs in claimed.items():
        for ei in evs:
            claims.setdefault(ei, []).append(ti)
    trigger_heads = {tt.root.i: ei for ei, tt in enumerate(trig_toks) if tt is not None and len(tt)}

    def lent_by_noun(ti: int, trigger_toks: SpacySpan | None) -> bool:
        """A time that qualifies a noun dates only that noun's act or an act on it ("the
        March 3 attack killed five", "boycotted the December 2024 elections"), not any
        verb near it ("summoned the envoy and set an August 15 deadline")."""
        noun = index.qualified[ti]
        if noun is None or noun.lemma_.lower() in event_nouns:
            return True
        if trigger_toks is None or not len(trigger_toks):
            return False
        return _on_trigger(noun, trigger_toks.root)

    def ahead(ti: int, trigger_toks: SpacySpan | None) -> bool:
        """The time dates the act the trigger's object names, which lies ahead of it
        ("invited them to talks on Thursday": the talks', not the invitation's)."""
        noun = index.qualified[ti] or index.prep_noun[ti]
        if noun is None or trigger_toks is None or not len(trigger_toks):
            return False
        trigger = trigger_toks.root
        return (
            trigger.lemma_.lower() in forward
            and noun.lemma_.lower() in event_nouns
            and _on_trigger(noun, trigger)
        )

    def free(ti: int, ei: int) -> bool:  # not claimed by another event
        return not (claimed.get(ti, set()) - {ei})

    def nearest(cands: list[int], ev: EventMention) -> int:
        if ev.factuality == "future" and all(times[ti].value for ti in cands):
            # "said on Monday it would hold talks next month": the parse may hang the
            # saying's day on the planned act too; a plan happens on the latest of its days
            # (a relative time is still a placeholder here, with no value to compare)
            return max(cands, key=lambda ti: times[ti].value)
        return min(cands, key=lambda ti: dist(times[ti].span, ev.trigger))

    out: list[int | None] = []
    for ei, ev in enumerate(events):
        chosen: int | None = None
        tt = trig_toks[ei]
        direct = sorted(claims.get(ei, ()), key=rank.__getitem__)
        if not direct and tt is not None and len(tt):
            # "retaliated, striking targets over the weekend": a participle clause without
            # a subordinator (or a complement, or a conjunct without its own subject)
            # elaborates the act of the verb it hangs from and shares its time - the
            # nearest such time, whichever of these shapes the parse gives the clause
            root = tt.root
            direct = [
                ti
                for ti in index.elaborating.get(root.i, ())
                if (gov := index.govs[ti]) is not None
                and gov.i != root.i
                and not (claimed.get(ti, set()) - {ei} - _events_at(gov, trigger_heads))
            ]
        if not direct and tt is not None and len(tt):
            # "Monday's bombing of a bus on the road to Mastung, which killed nine": the
            # relative clause tells the act its event noun names, on that noun's day
            noun = _relative_antecedent(tt.root, event_nouns)
            if noun is not None:
                direct = [
                    ti
                    for ti in index.on_path.get(noun.i, ())
                    if ev.sentence.contains(times[ti].span)
                ]
        direct = [ti for ti in direct if not ahead(ti, tt)]
        if direct:
            chosen = nearest(direct, ev)
        head = clause_head(tt)
        # a nominal trigger that is what another event is about ("condemned the strikes")
        # names an earlier act: the other event's time does not date it
        referred = (
            head is not None
            and tt is not None
            and tt.root.pos_ not in ("VERB", "AUX")
            and trigger_heads.get(head.i, ei) != ei
        )
        for h in shared_heads(head) if chosen is None and not referred else []:
            cands = [
                ti
                for ti in index.on_path.get(h.i, ())
                if ev.sentence.contains(times[ti].span)
                # a time the clause's own verb claims is shared with what elaborates it
                and not (claimed.get(ti, set()) - {ei} - _events_at(h, trigger_heads))
                and not ahead(ti, tt)
            ]
            if cands:
                chosen = nearest(cands, ev)
                break
        if chosen is None and not referred and tt is not None and len(tt):
            lent = [
                ti
                for ti in index.within(ev.sentence)
                if _lends(index.govs[ti], tt.root, simultaneous, sequence, dated_nouns)
                and not index.sequenced[ti]
                and lent_by_noun(ti, tt)
                # "released two nationals held since 2022": since when a state lasts
                and not index.marked(ti, onset)
            ]
            if lent:
                chosen = nearest(lent, ev)
        if chosen is None and not referred:
            # the nearest in the sentence, if its clause is the trigger's or encloses it
            # (a time inside another clause dates that clause: "who took office in 2016")
            same = [
                ti
                for ti in index.within(ev.sentence)
                if free(ti, ei)
                and not index.sequenced[ti]
                and lent_by_noun(ti, tt)
                and not ahead(ti, tt)
                and (_encloses(index.govs[ti], index.has_tokens[ti], tt) or verbless(ev.sentence))
            ]
            if same:
                chosen = nearest(same, ev)
        out.append(chosen)
    return out


def _on_trigger(noun: Token, trigger: Token) -> bool:
    """Is ``noun`` the trigger's object, or the object of one of its prepositions?"""
    return noun.head == trigger or (noun.dep_ == "pobj" and noun.head.head == trigger)


def _relative_antecedent(trig: Token, event_nouns: Collection[str]) -> Token | None:
    """The event noun a relative clause's trigger refers back to: the clause's head noun,
    or the noun up its chain of prepositional phrases ("the bombing of a bus on the road to
    Mastung, which killed nine": bombing) - None when the trigger heads no relative clause
    or no such noun names an event."""
    if trig.dep_ != "relcl" or not event_nouns:
        return None
    tok = trig.head
    for _ in range(8):
        if tok.lemma_.lower() in event_nouns or tok.lower_ in event_nouns:
            return tok
        if tok.dep_ not in ("pobj", "prep", "compound", "appos") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _lends(
    gov: Token | None,
    trig: Token,
    simultaneous: frozenset[str],
    sequence: Collection[str] = (),
    dated_nouns: Collection[str] = (),
) -> bool:
    """True when a time governed by ``gov`` dates the trigger's act too: ``gov`` heads a
    clause hanging from the trigger's clause (or a verb coordinated with it: "was killed and
    others wounded when ...") with a subordinator of simultaneity, or a
    participle (no subject of its own) inside the trigger's phrase."""
    if gov is None:
        return False
    verb = trig if trig.pos_ in ("VERB", "AUX") else governor(trig)
    if verb is None or gov.i == verb.i:
        return False
    if gov.dep_ == "advcl" and gov.head.i in {verb.i, *(c.i for c in verb.conjuncts)}:
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in simultaneous for c in gov.children)
    if gov.dep_ == "acl" and gov.tag_ in ("VBG", "VBN"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in gov.children):
            return False
        # "a violation of the truce signed in March 2023": the truce's day (also when the
        # parse hangs the participle on a noun further up: "of the understanding reached")
        before = gov.doc[gov.i - 1] if gov.i else gov
        if gov.tag_ == "VBN" and (
            gov.head.lemma_.lower() in dated_nouns or before.lemma_.lower() in dated_nouns
        ):
            return False
        for a in gov.ancestors:
            if a.i == verb.i:
                return True
            if a.dep_ == "prep" and a.lower_ in sequence:
                # "began after funerals for fighters killed on Sunday": the phrase names an
                # earlier act, whose time is not the trigger's
                return False
            if a.dep_ == "prep" and a.head.dep_ == "acl" and a.head.tag_ == "VBN":
                # "arrested men suspected of crimes committed in 1999": what a suspicion or a
                # charge is about was done before it, not with the trigger's act
                return False
            if a.dep_ == "prep" and a.i == a.sent.start and verb.sent == a.sent:
                # "In a statement issued on Tuesday, the EU's chief called on ...": a phrase
                # opening the sentence frames its main clause, however the parse hangs it
                # (not a relative or adverbial clause's act; a main verb misread as a noun's
                # participle, "chief, X, called on", is the main clause)
                misread = verb.dep_ == "acl" and verb.head.dep_ == "ROOT"
                return verb.dep_ not in ("relcl", "acl", "advcl") or misread
        return False
    return False


def _events_at(tok: Token, trigger_heads: dict[int, int]) -> set[int]:
    """Indices of the events whose trigger is ``tok`` (a time they claim is also shared)."""
    return {trigger_heads[tok.i]} if tok.i in trigger_heads else set()


def _encloses(gov: Token | None, has_tokens: bool, trigger_toks: SpacySpan | None) -> bool:
    """True when the time's clause (``gov``: its governing verb) is the trigger's clause or
    one that contains it."""
    if not has_tokens or trigger_toks is None or gov is None:
        return True  # no parse: keep the plain nearest-in-sentence rule
    trig = trigger_toks.root
    return gov.i == trig.i or any(a.i == gov.i for a in trig.ancestors)
