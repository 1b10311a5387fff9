"""Quantities: head counts of an event's patients, read as a coder reads written numbers."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Quantity, Span
from .codebook import Codebook, Entry
from .parse import HYPHEN, Frame, Parse, lemma, nobody

_DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")


#: entity labels of numbers that are never counts of people (years, dates, ages, money,
#: percentages, measures, ranks)
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}

#: the kinds of count a negative party ("no one") sets to zero
CASUALTY_KINDS = frozenset({"killed", "injured"})


def _word_value(text: str, book: Codebook) -> float | None:
    if _DIGITS.match(text):
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    parts = [p for p in text.split(HYPHEN) if p]
    if parts and all(p in book.numbers for p in parts):
        return float(sum(book.numbers[p] for p in parts))  # "twenty-four" as one token
    return None


def _number_phrase(num: Token, book: Codebook) -> tuple[int, Token, Token] | None:
    """(value, first token, last token) of the written number around ``num``, or None when
    it is no head count. Hand-written: a dozen lines over the tokens the parser already
    made, with the codebook's number words ("two dozen", "a hundred and ten",
    "twenty-four", "1.5 million"); no packaged library reads spaCy tokens in place.
    """
    if num.ent_type_ in _NOT_COUNTS and not _lone_day_number(num):
        return None
    lo, hi = _extent(num, book)
    if _not_a_count(num.doc, num.sent, lo, hi, book):
        return None
    total = _value(num.doc[lo : hi + 1], book)
    if total <= 0:
        return None
    return int(total), num.doc[lo], num.doc[hi]


def _lone_day_number(num: Token) -> bool:
    """A bare number of one or two digits the entity recogniser took for a day ("injuring 31"
    read as the 31st): with no month, weekday or other word in its entity it is a count."""
    doc = num.doc
    # read off the token's own IOB tags: ``doc.ents`` would build every entity's Span
    lone = num.ent_iob_ == "B" and (num.i + 1 == len(doc) or doc[num.i + 1].ent_iob_ != "I")
    return lone and num.ent_type_ == "DATE" and num.text.isdigit() and len(num.text) <= 2


def _extent(num: Token, book: Codebook) -> tuple[int, int]:
    """Token indices of the first and last word of the written number around ``num``."""
    doc, sent = num.doc, num.sent
    scales, conj = book.words("scale_words"), book.words("number_conjunctions")

    def numeric(t: Token) -> bool:
        return _word_value(t.lower_, book) is not None

    lo = hi = num.i
    while lo - 1 >= sent.start:
        t = doc[lo - 1]
        if numeric(t) or (t.text == HYPHEN and lo - 2 >= sent.start and numeric(doc[lo - 2])):
            lo -= 1
        elif t.lower_ in conj and lo - 2 >= sent.start and doc[lo - 2].lower_ in scales:
            lo -= 1  # "a hundred and ten"
        else:
            break
    while hi + 1 < sent.end:
        t = doc[hi + 1]
        if (
            numeric(t)
            or (t.text == HYPHEN and hi + 2 < sent.end and numeric(doc[hi + 2]))
            or (
                t.lower_ in conj
                and doc[hi].lower_ in scales
                and hi + 2 < sent.end
                and numeric(doc[hi + 2])
                and (_word_value(doc[hi + 2].lower_, book) or 0) < 100
            )
        ):
            hi += 1
        else:
            break
    articles = book.words("indefinite_articles")
    if lo > sent.start and doc[lo - 1].lower_ in articles and doc[lo].lower_ in scales:
        lo -= 1  # "a dozen", "a hundred"
    return lo, hi


def _not_a_count(doc: Doc, sent: SpacySpan, lo: int, hi: int, book: Codebook) -> bool:
    """A vague magnitude, money, a share, an age or a measure, not a head count."""
    vague, not_next = book.words("vague_number_words"), book.words("not_count_next")
    before = doc[lo - 1] if lo > sent.start else None
    after = doc[hi + 1] if hi + 1 < sent.end else None
    if before is not None and (
        before.lower_ in vague or before.text in book.words("currency_signs")
    ):
        return True  # "several hundred", "$5 million"
    if after is not None and (after.lower_ in not_next or after.lower_ in vague):
        return True  # "25 percent", "12-year-old", "hundreds of thousands"
    hyphen = after is not None and after.text == HYPHEN and hi + 2 < sent.end
    return hyphen and doc[hi + 2].lower_ in not_next  # "12-year-old" split by the tokenizer


def _value(words: SpacySpan, book: Codebook) -> float:
    """The value of a written number: "two dozen" 24, "a hundred and ten" 110."""
    scales, glue = book.words("scale_words"), book.words("number_glue")
    small = book.words("small_scale_words")
    total, current = 0.0, 0.0
    for t in words:
        if t.lower_ in glue:
            continue
        value = _word_value(t.lower_, book)
        if value is None:
            continue
        if t.lower_ in small:
            current = (current or 1) * value
        elif value >= 1000 and t.lower_ in scales:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current


def _count(head: Token, book: Codebook) -> tuple[int, bool, Span] | None:
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


def _kind(tok: Token, entry: Entry, book: Codebook) -> str | None:
    """The kind of count a trigger's patient carries: that of the trigger word itself
    ("wounded 55" -> injured, even when the clause matched a killing entry), an entry's own
    kind for words the codebook does not list, "killed" with a death complement ("shot
    dead", "beaten to death")."""
    if book.spec(entry.event).violent:
        # the parser hangs "dead" / "to death" on the verb or on its object
        dead, death = book.words("death_complements"), book.words("death_words")
        to = book.words("death_preps")
        near = [*tok.children]
        near += [g for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for g in c.children]
        for c in near:
            if c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "amod") and c.lower_ in dead:
                return "killed"
            to_death = any(g.lower_ in death for g in c.children)
            if c.dep_ == "prep" and c.lower_ in to and to_death:
                return "killed"
    if entry.quantity is None:
        if entry.mode is not None and entry.mode in book.words("arrest_modes"):
            return "arrested"  # a converted pattern of arrest ("were taken into custody")
        return None  # the entry does not count its patients ("sent food")
    return book.quantity_kinds.get(lemma(tok), entry.quantity)


def _toll_noun(t: Token, book: Codebook) -> bool:
    """ "toll", or "number" / "count" of the dead ("the number of people killed")."""
    if t.lower_ in book.words("toll_nouns"):
        return True
    deaths = book.words("toll_death_lemmas")
    return t.lower_ in book.words("count_nouns") and any(
        lemma(d) in deaths for d in t.subtree if d.i > t.i
    )


def toll_update(tok: Token, book: Codebook) -> Quantity | None:
    """The updated death toll a violent act's sentence tells ("raised the toll from Sunday's
    bombing to four soldiers", "the number of people killed in the attack is now fourteen"):
    the first head count after the toll noun that follows a word of the update ("to",
    "now"). None when the sentence tells no toll."""
    sent = tok.sent
    nouns = [t for t in sent if t.pos_ == "NOUN" and _toll_noun(t, book)]
    if not nouns:
        return None
    before = book.words("toll_figure_before")
    for t in tok.doc[nouns[0].i + 1 : sent.end]:
        if t.pos_ != "NUM" or t.i == 0 or tok.doc[t.i - 1].lower_ not in before:
            continue
        found = _number_phrase(t, book)
        if found is not None:
            value, first, last = found
            return Quantity("killed", value, False, Span(first.idx, last.idx + len(last.text)))
    return None


def _death_verb(tok: Token, book: Codebook) -> Token | None:
    """The verb that tells deaths by its subject, at the act's trigger or with the act as its
    prepositional object: "ten people died in the fighting", "two gendarmes died in Tuesday's
    attack", "three officers lost their lives in the attack"."""
    verbs, losing, lives = (
        book.words("death_verbs"),
        book.words("life_loss_verbs"),
        book.words("life_nouns"),
    )

    def tells_deaths(v: Token) -> bool:
        if v.pos_ not in ("VERB", "AUX"):
            return False
        if lemma(v) in verbs:
            return True
        return lemma(v) in losing and any(
            c.dep_ == "dobj" and lemma(c) in lives for c in v.children
        )

    if tells_deaths(tok):
        return tok
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tells_deaths(tok.head.head):
        return tok.head.head
    return None


def death_toll(tok: Token, book: Codebook) -> Quantity | None:
    """The dead a death verb counts by its subject ("ten people died in the fighting"), for
    the violent act at ``tok`` (see :func:`_death_verb`)."""
    verb = _death_verb(tok, book)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ == "nsubj":
            found = _count(c, book)
            if found is not None:
                value, approximate, span = found
                return Quantity("killed", value, approximate, span)
    return None


def left_casualties(tok: Token, book: Codebook) -> tuple[Quantity, ...]:
    """The casualties an act leaves behind ("struck the station, leaving one officer
    injured", "leaving three dead", "the raid left six men dead"): the count of the outcome
    verb's object, of the kind its complement names."""
    out: list[Quantity] = []
    outcomes = book.words("outcome_verbs")
    verbs = [v for v in tok.children if v.dep_ == "advcl" and lemma(v) in outcomes]
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and lemma(tok.head) in outcomes:
        verbs.append(tok.head)  # "Tuesday's raid left six men dead": the act is the subject
    for verb in verbs:
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            states = [*obj.children, *verb.children]
            kinds = [
                book.quantity_kinds.get(lemma(c)) or book.quantity_kinds.get(c.lower_)
                for c in states
                if c.dep_ in ("ccomp", "oprd", "xcomp", "amod", "acomp", "acl") and c.i > obj.i
            ]
            kind = next((k for k in kinds if k in ("killed", "injured")), None)
            found = _count(obj, book) if kind else None
            if kind and found is not None:
                out.append(Quantity(kind, found[0], found[1], found[2]))
    return tuple(out)


def quantities_of(frame: Frame, book: Codebook) -> tuple[Quantity, ...]:
    tok = frame.token
    kind = _kind(tok, frame.entry, book)
    violent = book.spec(frame.entry.event).violent
    if violent and (toll := toll_update(tok, book)) is not None:
        own = () if kind is None else _own_quantities(frame, tok, kind, book)
        return (toll, *(q for q in own if q.kind != "killed"))
    own = () if kind is None else _own_quantities(frame, tok, kind, book)
    if not violent:
        return own
    if not any(q.kind == "killed" for q in own) and (dead := death_toll(tok, book)) is not None:
        own = (*own, dead)
    told = {q.kind for q in own}
    return (*own, *(q for q in left_casualties(tok, book) if q.kind not in told))


def _own_quantities(frame: Frame, tok: Token, kind: str, book: Codebook) -> tuple[Quantity, ...]:
    parse = Parse(book)
    heads = parse.subjects(tok) if kind == "people" else parse.objects(tok)
    if not heads and tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.head.children):
        # "five were killed and 12 wounded": the parser makes the number the subject
        heads = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NUM"]
    if kind == "people" and tok.pos_ == "NOUN":
        heads = [c for c in tok.children if c.dep_ in ("nummod",)] or heads
    out: list[Quantity] = []
    parts: list[tuple[Token, Quantity | None]] = []
    for h in heads:
        found = _count(h, book)
        if found is None and kind in CASUALTY_KINDS and nobody(h):
            # "no one was killed", "not one American was hurt": a toll of zero, the figure
            # analysts keep against an outlet that claims deaths
            found = (0, False, Span(h.left_edge.idx, h.idx + len(h.text)))
        if found is None:
            parts.append((h, None))
            continue
        value, approximate, span = found
        if any(q.span.start <= span.start < q.span.end for q in out):
            continue  # "a hundred and ten": the parser's conjunct inside one number
        out.append(Quantity(kind, value, approximate, span))
        parts.append((h, out[-1]))
    return _listed_total(parts, kind, book)


def _listed_total(
    parts: list[tuple[Token, Quantity | None]], kind: str, book: Codebook
) -> tuple[Quantity, ...]:
    """The toll of one act is the sum of the victims it lists: "killed the mayor, his driver
    and eight others" / "eight of their companions" is ten dead, "5 soldiers and 3
    civilians" eight. Only one coordination is added up (the parser's stray objects and
    appositions are not victims of the list). Each named or singular victim counts one,
    each counted group its number. A plural group without a number ("soldiers and three
    others") cannot be added: its counts stay as written; a list with no number gives none.
    """
    glue, singular = book.words("list_glue"), book.words("singular_pronouns")
    collective = book.words("collective_nouns")  # "a number of soldiers and a driver": no total
    groups: list[list[tuple[Token, Quantity | None]]] = []
    last_end = -1
    for h, q in sorted(parts, key=lambda p: p[0].i):
        start = min(t.i for t in h.subtree)
        between = h.doc[last_end + 1 : start] if last_end >= 0 else None
        if between is not None and all(t.lower_ in glue for t in between):
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
            elif (h.tag_ in ("NN", "NNP") and h.lower_ not in collective) or h.lower_ in singular:
                total += 1
            else:
                total = -1  # "soldiers and three others": no total
                break
        if len(members) > 1 and counted and total > 0:
            out.append(Quantity(kind, total, approximate, counted[-1].span))
        elif not counted and len(ones := _one_victims(members, kind, book)) == len(members):
            # "a taxi driver was shot dead" one, "killed a soldier and a civilian" two
            out.append(Quantity(kind, len(ones), False, ones[-1].span))
        else:
            out.extend(counted)
    return tuple(out)


def _one_victims(
    members: list[tuple[Token, Quantity | None]], kind: str, book: Codebook
) -> list[Quantity]:
    """ "a taxi driver was shot dead", "wounding a policeman": each victim named by a singular
    noun with an indefinite article counts one, the figure an outlet gives against another's
    "two killed" (only for the dead and hurt: "arrested a man" is often one of several)."""
    if kind not in CASUALTY_KINDS:
        return []
    articles, collective = book.words("indefinite_articles"), book.words("collective_nouns")
    out = []
    for h, _ in members:
        det = next((c for c in h.children if c.dep_ == "det" and c.lower_ in articles), None)
        if h.tag_ == "NN" and det is not None and h.lower_ not in collective:
            out.append(Quantity(kind, 1, False, Span(det.idx, h.idx + len(h.text))))
    return out
