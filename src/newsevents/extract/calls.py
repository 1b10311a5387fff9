"""Calls to action: the protests an article urges or lists, coded PROTEST with factuality
"future".

Activist and union articles end with listings ("Take action", then "Protest at <place>,
Wednesday 8 January, 6.30pm") and imperatives ("Join the march on Saturday"). The main
coder reads clauses and misses verbless listings, and spaCy often glues a listing line to
its neighbours, so this module reads the text line by line ("\\n" boundaries) and uses the
parse only for part-of-speech checks and for imperatives inside ordinary sentences.

Rules a human coder states (the word lists live in ``data/calls.yaml``):

* An imperative urging the reader to protest is a call: its verb is a protest verb
  ("Demonstrate outside the embassy") or a cue verb whose object names a protest ("Join the
  march", "Come to the rally", "Support the strike"). Questions and negated verbs are not.
* A line headed by a protest word ("National demonstration: Saturday 11 January, 12 noon")
  with no finite verb is a listing; without a call heading it must say when.
* Under a call heading ("Take action", "Join the protests") every item headed by a protest
  word is a call; one line may list several items, each running to the next one.
* Past tense, a past date ("last Saturday") or a question mark means a report, not a call.

Dates and places are left to ``resolve.time`` / ``resolve.place``: each mention's
``sentence`` is the item or sentence-on-its-line, so they only see the call's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..errors import ConfigError
from ..model import Actor, Document, EventMention, Span, TokenIndex, evolve
from ..resources import goldstein
from .call_lexicon import Action, CallLexicon, load_calls
from .call_lexicon import norm as _norm

__all__ = ["CallLexicon", "add_calls", "extract_calls", "load_calls"]

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# a sentence ends at . ! ? before a capitalised word, not after an abbreviation ("St.")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])[.!?](?=\s+[A-Z\"“‘'])")
_SPACE = " \t\r\f\v\u00a0\u2002\u2003\u2009\u202f"


# ----------------------------------------------------------------------------------------


@dataclass
class _Item:
    """A listed action: its head (protest word) and the text its details run to."""

    start: int  # where the item's head phrase starts
    noun: Span
    end: int
    block: bool  # under a call heading
    heading: Span | None


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # without trailing blanks

    def text(self, text: str) -> str:
        return text[self.start : self.end]


def _lines(text: str) -> list[_Line | None]:
    """Lines of the text with offsets, blanks stripped; None for an empty line."""
    out: list[_Line | None] = []
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and (text[s] in _SPACE):
            s += 1
        while e > s and (text[e - 1] in _SPACE):
            e -= 1
        out.append(_Line(s, e) if e > s else None)
    return out


@lru_cache(maxsize=8)
def _joined(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, int], ...]:
    """Each phrase without spaces, with the most tokens spaCy may split it into."""
    return tuple(("".join(p), len(p) + 2) for p in phrases)


def _heading(line: str, lex: CallLexicon) -> int | None:
    """Length of the heading at the start of ``line`` (to after its colon), else None."""
    stripped = line.rstrip(":!. " + _SPACE)
    if _norm(stripped) in lex.headings:
        return len(line)
    colon = line.find(":")
    if colon > 0 and _norm(line[:colon]) in lex.headings:
        return colon + 1
    return None


class _Extractor:
    def __init__(self, doc: Document, parse: Doc, lex: CallLexicon) -> None:
        self.doc = doc
        self.parse = parse
        self.text = doc.article.text
        self.lex = lex
        self.toks = TokenIndex(parse)
        self.headings: set[Span] = set()

    # -- listings ------------------------------------------------------------------------

    def _head_start(self, seg_start: int, noun: re.Match[str], anywhere: bool) -> int | None:
        """Start of the head phrase of a protest word, or None when the word does not head
        an item: only modifiers (known words, capitalised names, "'s") may precede it from
        the start of the segment; with ``anywhere`` a capitalised protest word mid-line also
        starts an item (a glued listing)."""
        text = self.text
        before = text[seg_start : noun.start()]
        toks = [t for t in self.toks.within(seg_start, noun.start()) if not t.is_space]
        ok = len(toks) <= 6 and all(self._modifier(t) for t in toks)
        if ok:
            return seg_start + (len(before) - len(before.lstrip(_SPACE + " ")))
        if anywhere and noun.group(0)[0].isupper():
            return noun.start()
        return None

    def _modifier(self, t: Token) -> bool:
        """May ``t`` stand before the protest word of a listing head? Known modifiers, names
        (inside an entity or a capitalised adjective/proper noun), quotes and dashes; never a
        verb ("Join the march"), a plural or count ("Students march", "Thousands protest")."""
        if _norm(t.text) in self.lex.head_modifiers or t.text in "\"'‘“-–—:|•*·":
            return t.tag_ not in _FINITE
        if t.dep_ == "poss" or any(c.tag_ == "POS" for c in t.children):
            return True  # "Teachers' strike", "the union's march"
        if t.tag_ in ("NNS", "CD", "PRP") or t.pos_ in ("VERB", "AUX", "ADP", "PRON"):
            return False
        if t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE", "FAC", "LOC"):
            return True
        return t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN")

    def _heads(self, start: int, end: int, block: bool) -> list[tuple[int, Span]]:
        out: list[tuple[int, Span]] = []
        seg = start
        for m in self.lex.noun_re.finditer(self.text, start, end):
            head = self._head_start(seg, m, anywhere=block)
            if head is None:
                continue
            if out and head < out[-1][1].end:
                continue
            out.append((head, Span(m.start(), m.end())))
            seg = m.end()
            if not block:
                break  # without a heading a line lists one action
        return out

    def listings(self) -> list[_Item]:
        """Listed actions, line by line. Cleaning may turn every listing line into its own
        paragraph, so blank lines neither end a heading's block nor detach a detail line
        from its item under a heading; a line that is neither an item nor a detail does."""
        text = self.text
        items: list[_Item] = []
        heading: Span | None = None
        blank_before = False
        current: list[_Item] = []  # items the next detail line belongs to
        for line in _lines(text):
            if line is None:
                blank_before = True
                continue
            lt = line.text(text)
            h = _heading(lt, self.lex)
            if h is not None:
                heading = Span(line.start, line.start + len(lt[:h].rstrip(":!. ")))
                current = []
                rest = line.start + h
                while rest < line.end and text[rest] in _SPACE + " ":
                    rest += 1
                if rest < line.end:
                    current = self._items(rest, line.end, heading)
                    own = self.lex.noun_re.search(text, line.start, heading.end)
                    if not current and own is not None:
                        # "Protests: Saturday 11 January, London" - the heading is the item
                        noun = Span(own.start(), own.end())
                        current = [_Item(line.start, noun, line.end, True, heading)]
                    items += current
            else:
                heads = self._heads(line.start, line.end, block=heading is not None)
                attach = heading is not None or not blank_before
                if heads:
                    current = self._items(line.start, line.end, heading, heads)
                    items += current
                elif current and attach and self._detail(line):
                    current[-1].end = line.end  # "Saturday 11 January, 12 noon" under its item
                else:
                    heading, current = None, []  # the listing has ended
            blank_before = False
        self.headings = {it.heading for it in items if it.heading is not None}
        return items

    def _items(
        self,
        start: int,
        end: int,
        heading: Span | None,
        heads: list[tuple[int, Span]] | None = None,
    ) -> list[_Item]:
        if heads is None:
            heads = self._heads(start, end, block=heading is not None)
        out = []
        for k, (h, noun) in enumerate(heads):
            stop = heads[k + 1][0] if k + 1 < len(heads) else end
            full = _SENTENCE_END.search(self.text, noun.end, stop)
            if full is not None:
                stop = full.start() + 1  # "..., London, W1A 1AA. For other protests ..."
            out.append(_Item(h, noun, stop, heading is not None, heading))
        return out

    def _detail(self, line: _Line) -> bool:
        """A short verbless line continuing an item: a date or time, or a name or number
        first (an address, "Piccadilly Gardens, Manchester"); not "For more events see ..."."""
        toks = [t for t in self.toks.within(line.start, line.end) if t.is_alpha or t.like_num]
        if not toks or len(toks) > 15 or line.text(self.text).rstrip().endswith("?"):
            return False
        if any(t.tag_ in _FINITE and t.is_lower for t in toks):
            return False
        first = toks[0]
        name_first = first.like_num or (
            first.text[:1].isupper() and first.pos_ in ("PROPN", "NOUN", "ADJ", "NUM")
        )
        return name_first or self._when(line.start, line.end) is not None

    def _when(self, start: int, end: int) -> re.Match[str] | None:
        for m in self.lex.when_re.finditer(self.text, start, end):
            word = m.group(0).lower()
            if word in self.lex.ambiguous_when and not self._dated(m):
                continue  # "may" the verb, "march" the protest: a month only beside a number
            return m
        return None

    def _dated(self, m: re.Match[str]) -> bool:
        around = self.text[max(0, m.start() - 4) : m.end() + 4]
        return bool(re.search(r"\d", around))

    def _past(self, start: int, end: int) -> bool:
        words = set(re.findall(r"[a-z]+", self.text[start:end].lower()))
        return bool(words & self.lex.past_markers)

    def keep_item(self, item: _Item) -> bool:
        text = self.text
        span_text = text[item.start : item.end]
        if "?" in span_text or self._past(item.start, item.end):
            return False
        for t in self.toks.within(item.start, item.end):
            if not (t.is_alpha and t.is_lower) or t.lemma_.lower() in self.lex.schedule_words:
                continue
            if t.tag_ == "VBD" or (t.tag_ == "VBN" and any(c.dep_ == "aux" for c in t.children)):
                return False  # a report: "the rally was held", "protests erupted"
            if t.tag_ in _FINITE and not item.block:
                return False  # a sentence, not a listing ("Students march in Tehran")
            noun = self._noun_token(item)
            if t.tag_ in _FINITE and noun is not None and t.i == noun.i:
                return False
        if item.block:
            return True
        when = self._when(item.noun.end, item.end)
        if when is None:
            return False
        # a listing sets its "when" off ("Protest, Wednesday 8 January" / ": Saturday") or
        # gives a clock time; "Protest in Baghdad on Friday" reads as a headline
        lead = text[item.noun.end : when.start()].rstrip(_SPACE + " ")
        clock = any(
            re.search(r"\d|noon|midday", m.group(0), re.IGNORECASE)
            for m in self.lex.when_re.finditer(text, item.noun.end, item.end)
        )
        return clock or not lead or lead[-1] in ",:;–—-(" or _norm(lead).endswith(("for", "from"))

    def _noun_token(self, item: _Item) -> Token | None:
        return self.toks.at(item.noun.start)

    # -- imperatives ---------------------------------------------------------------------

    def _segments(self) -> list[Span]:
        """Sentences cut at line breaks (spaCy glues listing lines to their neighbours)."""
        out = []
        for sent in self.doc.sentences:
            pos = sent.start
            for piece in self.text[sent.start : sent.end].split("\n"):
                s, e = pos, pos + len(piece)
                pos = e + 1
                while s < e and self.text[s] in _SPACE + " ":
                    s += 1
                while e > s and self.text[e - 1] in _SPACE + " ":
                    e -= 1
                if e > s:
                    out.append(Span(s, e))
        return out

    def _phrase_at(self, toks: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length in tokens of the first of ``phrases`` starting at toks[i] (0 if none);
        spaCy splits "let's" into two tokens, so phrases are compared without spaces."""
        if i >= len(toks):
            return 0
        first = _norm(toks[i].text)
        for want, limit in _joined(phrases):
            if not want.startswith(first):
                continue  # speed: the first token already differs
            got = ""
            for n, t in enumerate(toks[i : i + limit], start=1):
                got += _norm(t.text)
                if got == want:
                    return n
                if not want.startswith(got):
                    break
        return 0

    def imperatives(self) -> list[tuple[Span, Token, Span, Action]]:
        """(sentence, cue token, trigger, action) for each imperative call."""
        out = []
        for seg in self._segments():
            toks = [t for t in self.toks.within(seg.start, seg.end) if not t.is_space]
            if not toks or self.text[seg.start : seg.end].rstrip('"”’)').endswith("?"):
                continue
            i = 0
            while i < len(toks):
                if toks[i].is_punct:
                    i += 1
                    continue
                n = self._phrase_at(toks, i, self.lex.openers)
                if not n:
                    break
                i += n
            if i >= len(toks):
                continue
            verb = toks[i]
            if not self._imperative(verb, toks[i + 1 :], {t.i for t in toks[:i]}):
                continue
            word = _norm(verb.text)
            if word in self.lex.verbs and verb.pos_ == "VERB":
                action = self.lex.verbs[word]
                trig = Span(verb.idx, verb.idx + len(verb.text))
                out.append((seg, verb, trig, action))
                continue
            n = self._phrase_at(toks, i, self.lex.cue_verbs)
            if not n:
                continue
            found = self._urged(toks[i + n :], seg)
            if found is not None:
                trig, action = found
                out.append((seg, verb, trig, action))
        return out

    def _imperative(self, verb: Token, rest: list[Token], openers: set[int]) -> bool:
        """A base-form verb with no subject of its own ("Join", not "Joins"/"Join is");
        an opener the parser took for a subject ("Everyone, join", "Let's") does not count.
        A word tagged as a noun counts only when an object follows it directly ("Support
        the strike", not "Support for the strike")."""
        if not verb.is_alpha or verb.tag_ in ("VBD", "VBN", "VBZ", "VBG", "MD"):
            return False
        if verb.dep_ in ("nsubj", "nsubjpass") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i not in openers for c in verb.children
        ):
            return False
        nxt = next((t for t in rest if t.is_alpha), None)
        if nxt is not None and nxt.tag_ in _FINITE and nxt.is_lower:
            return False  # "Protest grows", "March is"
        first = rest[0] if rest else None
        if first is not None and first.like_num:
            return False  # "March 5": the month
        if verb.pos_ != "VERB":
            return first is not None and first.pos_ in ("DET", "PRON", "PROPN", "NOUN", "ADJ")
        return True

    def _urged(self, rest: list[Token], seg: Span) -> tuple[Span, Action] | None:
        """The protest a cue verb urges: the first protest word after it, unless a report
        ("who went on strike last week") or another clause comes first."""
        if not rest:
            return None
        for t in rest:
            if not (t.is_alpha and t.is_lower):
                continue
            if t.tag_ in ("VBD", "VBN") and t.lemma_.lower() not in self.lex.schedule_words:
                return None  # "who went on strike": a report
            if t.tag_ in ("VBZ", "VBP", "MD") and not any(
                c.lower_ in self.lex.urging_pronouns for c in t.children
            ):
                return None  # another clause with its own subject
        if self._past(seg.start, seg.end):
            return None
        start = rest[0].idx
        m = self.lex.noun_re.search(self.text, start, seg.end)
        verb = next((t for t in rest if _norm(t.text) in self.lex.verbs), None)
        if verb is not None and (m is None or verb.idx < m.start()):
            return Span(verb.idx, verb.idx + len(verb.text)), self.lex.verbs[_norm(verb.text)]
        if m is None:
            return None
        return Span(m.start(), m.end()), self._action(m.group(0))

    def _action(self, word: str) -> Action:
        action = self.lex.nouns.get(_norm(word))
        if action is not None:
            return action
        raise ConfigError(f"calls lexicon has no entry for {word!r}; check calls.yaml")

    # -- mentions ------------------------------------------------------------------------

    def organisers(self, start: int, end: int, head: Span) -> tuple[Actor, ...]:
        """Organisers named in the call: "called by the TUC", or an organisation named in
        the head before the protest word ("Stop the War Coalition demonstration")."""
        m = self.lex.organiser_re.search(self.text, start, end)
        if m is None:
            for ent in self.parse.ents:
                if ent.label_ == "ORG" and head.start <= ent.start_char < head.end:
                    e = min(ent.end_char, head.end)
                    while e > ent.start_char and not self.text[e - 1].isalnum():
                        e -= 1  # "Stop the War's": the name without the possessive
                    if self.text[e - 2 : e] in ("'s", "’s"):
                        e -= 2
                    span = Span(ent.start_char, e)
                    return (Actor(span=span, name=span.of(self.text)),)
            return ()
        s, e = m.span("org")
        name = self.text[s:e]
        cut = re.search(r"\s+(?:on|at|in|outside|from|this|next)\s", name)
        if cut:
            e = s + cut.start()
        while e > s and self.text[e - 1] in _SPACE + " ":
            e -= 1
        return (Actor(span=Span(s, e), name=self.text[s:e]),) if e > s else ()

    def framing(self, trigger: Span, start: int, action: Action) -> tuple[str, ...]:
        mods = [
            t.lower_
            for t in self.toks.within(start, trigger.start)
            if t.is_alpha and t.lower_ in self.lex.head_modifiers and t.pos_ == "ADJ"
        ]
        return (*mods, action.lemma)


def extract_calls(doc: Document, lex: CallLexicon) -> list[EventMention]:
    """Future PROTEST mentions for the calls to action of a parsed article, in text order.

    ``index`` counts from 0 within the result; the caller renumbers when merging with the
    main coder's mentions (see :func:`add_calls`).
    """
    if doc.parse is None:
        return []
    ex = _Extractor(doc, doc.parse, lex)
    text = doc.article.text
    found: list[EventMention] = []
    seen: set[tuple[int, int]] = set()

    def add(
        sentence: Span, trigger: Span, action: Action, rule: str, cue: Span | None, start: int
    ) -> None:
        key = (trigger.start, trigger.end)
        if key in seen:
            return
        seen.add(key)
        found.append(
            EventMention(
                article_id=doc.article.id,
                index=0,
                sentence=sentence,
                trigger=trigger,
                event=lex.event,
                cameo=action.cameo,
                intensity=goldstein(action.cameo),
                factuality="future",
                mode=action.mode,
                actor=ex.organisers(sentence.start, sentence.end, Span(start, trigger.start)),
                rule=f"call.{rule}",
                trigger_lemma=action.lemma,
                framing=ex.framing(trigger, start, action),
                cue=cue,
            )
        )

    items = ex.listings()
    for sent, verb, trig, action in ex.imperatives():
        if any(h.contains(trig) for h in ex.headings):
            continue  # "Join the protests" heading a listing: its items are the events
        cue = Span(verb.idx, verb.idx + len(verb.text))
        add(sent, trig, action, "imperative", cue, sent.start)
    for item in items:
        if not ex.keep_item(item):
            continue
        end = item.end
        while end > item.start and text[end - 1] in _SPACE + " ,;":
            end -= 1
        action = ex._action(text[item.noun.start : item.noun.end])
        if item.block:
            add(Span(item.start, end), item.noun, action, "heading", item.heading, item.start)
        else:
            when = ex._when(item.noun.end, end)
            when_span = Span(when.start(), when.end()) if when else None
            add(Span(item.start, end), item.noun, action, "listing", when_span, item.start)
    found.sort(key=lambda m: (m.trigger.start, m.trigger.end))
    return [evolve(m, index=i) for i, m in enumerate(found)]


def add_calls(events: list[EventMention], calls: list[EventMention]) -> list[EventMention]:
    """The main coder's mentions plus the calls, renumbered in text order.

    A call replaces a main-coder mention with an overlapping trigger (the call reading of
    "Join the march" is the more specific one); other mentions are kept as they are.
    """

    def overlaps(a: Span, b: Span) -> bool:
        return a.start < b.end and b.start < a.end

    # a heading ("Take action") is page furniture, not an act of the main coder's
    headings = [c.cue for c in calls if c.rule == "call.heading" and c.cue is not None]
    kept = [
        e
        for e in events
        if not any(overlaps(e.trigger, c.trigger) for c in calls)
        and not any(h.contains(e.trigger) for h in headings)
    ]
    merged = sorted([*kept, *calls], key=lambda m: (m.trigger.start, m.trigger.end))
    return [evolve(m, index=i) for i, m in enumerate(merged)]
