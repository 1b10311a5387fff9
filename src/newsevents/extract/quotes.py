"""Direct quotations with their speaker and cue verb.

Why hand-written: textacy's ``direct_quotations`` is the closest library, but it assigns a
quote whose cue has no subject ("It added, ...") to the speaker of the *next* sentence and
is not installed; the marks scan below is a small state machine and the speaker comes from
the spaCy dependency parse already on :attr:`Document.parse`.

Rules a human coder would state:

* Quotes are text between double marks (“...”, "...") or, at top level, single marks
  (‘...’, '...'); single marks inside a double quote are nested and belong to the outer
  quote; an apostrophe between letters (Iran’s) never opens or closes a quote; a quote
  never crosses a paragraph break.
* The cue is the nearest attribution verb (say, warn, tell, add, ...) outside the quote in
  the sentence(s) the quote occupies; the speaker is the cue's grammatical subject.
* A cue whose subject is missing or a pronoun ("It added", "he said") takes the speaker of
  the previous quote/cue in the article, never of a later one.
* A quote that is a whole sentence on its own, right after another quote, continues that
  quote's speaker; short scare quotes without a cue (2-3 words) are not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Token

from ..errors import ConfigError
from ..model import Actor, Document, Quote, Span
from ..resources import read_yaml

_DATA = Path(__file__).resolve().parent / "data" / "quote_cues.yaml"

_DOUBLE_OPEN = '“„"'
_DOUBLE_CLOSE = '”"'
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"
_OPEN_CONTEXT = " \t\n([{—–-:;,/"
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CUT_DEPS = ("relcl", "appos", "acl", "advcl", "punct", "cc", "conj")
_MIN_UNCUED_WORDS = 4
#: the only characters the marks scan acts on (a line break, the marks): it visits no other
_MARK_OR_BREAK = re.compile(
    "[\n" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE) + "]"
)


@dataclass(frozen=True)
class QuoteCues:
    cues: frozenset[str]
    pronouns: frozenset[str]


def load_quote_cues(path: Path = _DATA) -> QuoteCues:
    """The packaged cue verbs and back-pointing pronouns (shape-checked)."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with 'cues' and 'pronouns' lists")
    out: dict[str, frozenset[str]] = {}
    for key in ("cues", "pronouns"):
        items = data.get(key)
        if not isinstance(items, list) or not all(isinstance(x, str) and x for x in items):
            raise ConfigError(f"{path}: '{key}' must be a list of non-empty strings")
        out[key] = frozenset(x.strip().lower() for x in items)
    return QuoteCues(cues=out["cues"], pronouns=out["pronouns"])


def find_quote_spans(text: str) -> list[Span]:
    """Top-level quotations in ``text`` as spans of the quoted words (marks excluded)."""
    spans: list[Span] = []
    dbl: int | None = None  # index after the open double mark
    sgl: int | None = None  # index after the open single mark (top level only)
    n = len(text)
    for mark in _MARK_OR_BREAK.finditer(text):
        i = mark.start()
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if ch == "\n" and nxt == "\n":  # paragraph break ends any unclosed quote
            dbl = sgl = None
        elif dbl is not None:
            if ch in _DOUBLE_CLOSE and not prev.isspace():
                if i > dbl:
                    spans.append(Span(dbl, i))
                dbl = None
            elif ch in "“„":  # a new opener: the earlier mark was never closed
                dbl = i + 1
        elif sgl is not None:  # marks inside a top-level single quote are nested
            if ch in _SINGLE_CLOSE and not prev.isspace() and not nxt.isalnum() and i > sgl:
                spans.append(Span(sgl, i))
                sgl = None
        elif ch in _DOUBLE_OPEN and (prev in _OPEN_CONTEXT or ch != '"') and not nxt.isspace():
            dbl = i + 1
        elif ch in _SINGLE_OPEN and prev in _OPEN_CONTEXT and (nxt.isalnum() or nxt in '“"'):
            sgl = i + 1
    return sorted(spans)


def _region(doc: Document, span: Span) -> Span:
    """The sentences a quote occupies (spaCy may split a quote into several sentences)."""
    start, end = span.start, span.end
    touched = [s for s in doc.sentences if s.start <= span.end and span.start < s.end]
    if touched:
        start = min(start, touched[0].start)
        end = max(end, touched[-1].end)
    return Span(start, end)


def _inside(idx: int, spans: list[Span]) -> bool:
    # the marks themselves sit just outside the span
    return any(s.start - 1 <= idx < s.end + 1 for s in spans)


def _subject(verb: Token) -> Token | None:
    """Grammatical subject of a cue verb, climbing through coordination (X paused and said)."""
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
            tok = tok.head
        else:
            break
    return None


def _name_end(tok: Token) -> Token:
    """The last word of the proper-name run ``tok`` heads ("Ana" "Ruiz" -> "Ruiz")."""
    end = tok
    for t in tok.subtree:
        if t.i == end.i + 1 and t.pos_ == "PROPN":
            end = t
    return end


def _actor_of(subj: Token, text: str) -> Actor:
    """The subject's noun phrase: pre-modifiers plus tight post-modifiers, no clauses.

    A common-noun subject with a name in apposition is the whole phrase with the name
    ("Her defence minister Ana Ruiz"); a name set off by commas is the name alone ("the
    mayor, Maria Lopez,"). Leading determiners, possessive pronouns and paired
    conjunctions (neither/either/both) are not part of the speaker."""
    doc = subj.doc
    left = subj.left_edge
    tokens = list(subj.subtree)
    right = subj
    cut = any(t.i > subj.i and (t.dep_ in _CUT_DEPS or t.is_punct) for t in tokens)
    if not cut:
        right = subj.right_edge
    else:  # keep flat names / compounds right of the head ("Abu Mahdi al-Muhandis")
        for t in tokens:
            if t.i > subj.i and t.dep_ in ("compound", "flat") and t.i == right.i + 1:
                right = t
    if subj.pos_ != "PROPN":
        for child in subj.children:
            if child.i <= subj.i or child.dep_ not in ("appos", "compound", "flat"):
                continue
            if child.pos_ != "PROPN":
                continue
            first = child.left_edge
            between = doc[right.i + 1 : first.i]
            if not any(t.is_punct for t in between):  # "minister Ana Ruiz"
                right = _name_end(child)
            else:  # "the mayor, Maria Lopez," -> the name
                left, right = first, _name_end(child)
            break
    words = [t for t in doc[left.i : right.i + 1]]
    while len(words) > 1 and (
        words[0].dep_ in ("det", "preconj", "cc")
        or words[0].pos_ in ("DET", "CCONJ")
        or (words[0].pos_ == "PRON" and words[0].dep_ == "poss")
    ):
        words = words[1:]
    start = words[0].idx
    end = words[-1].idx + len(words[-1].text)
    name = text[start:end]
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return Actor(span=Span(start, end), name=name)


def _is_pronoun(tok: Token, cues: QuoteCues) -> bool:
    return bool(tok.pos_ == "PRON" or tok.lower_ in cues.pronouns)


def _cue_subject_outside(tok: Token, quotes: list[Span]) -> Token | None:
    subj = _subject(tok)
    if subj is None or _inside(subj.idx, quotes):
        return None
    return subj


def extract_quotes(doc: Document, cues: QuoteCues) -> list[Quote]:
    """Direct quotations of ``doc`` with cue verb and speaker (see module doc for rules)."""
    parse = doc.parse
    if parse is None:
        return []
    text = doc.text
    quote_spans = find_quote_spans(text)
    sentences = doc.sentences or [Span(0, len(text))]

    # cue verbs outside any quote, in text order (a cue clause without a quote still
    # names the speaker an "It added" in the next sentence points back to)
    # (verbs and auxiliaries from the POS array: iterating the parse builds a Token per word)
    verbs = [i for i, p in enumerate(parse.to_array(POS).tolist()) if p in (VERB, AUX)]
    cue_tokens = [
        t
        for t in (parse[i] for i in verbs)
        if t.lemma_.lower() in cues.cues
        and t.dep_ not in ("amod", "compound")  # "so-called", "much-promised"
        and not (t.i > 0 and parse[t.i - 1].text in "-‐")
        and not _inside(t.idx, quote_spans)
    ]

    quotes: list[Quote] = []
    last_speaker: Actor | None = None
    last_quote_end = -1
    cue_pos = 0
    for qspan in quote_spans:
        region = _region(doc, qspan)
        # cue clauses wholly before this quote's region update the running speaker
        while cue_pos < len(cue_tokens) and cue_tokens[cue_pos].idx < region.start:
            subj = _cue_subject_outside(cue_tokens[cue_pos], quote_spans)
            if subj is not None and not _is_pronoun(subj, cues):
                last_speaker = _actor_of(subj, text)
            cue_pos += 1
        candidates = [
            t
            for t in cue_tokens
            if region.start <= t.idx < region.end
            and not any(o != qspan and o.start - 1 <= t.idx < o.end + 1 for o in quote_spans)
        ]
        cue_tok = None
        if candidates:

            def distance(t: Token, q: Span = qspan) -> tuple[int, int]:
                if t.idx >= q.end:
                    return (t.idx - q.end, 0)
                return (q.start - (t.idx + len(t.text)), 1)

            cue_tok = min(candidates, key=distance)

        speaker: Actor | None = None
        cue: Span | None = None
        cue_lemma = ""
        if cue_tok is not None:
            cue = Span(cue_tok.idx, cue_tok.idx + len(cue_tok.text))
            cue_lemma = cue_tok.lemma_.lower()
            subj = _cue_subject_outside(cue_tok, quote_spans)
            if subj is None or _is_pronoun(subj, cues):
                speaker = last_speaker  # previous quote/cue, never a later one
                if speaker is None and subj is not None:
                    speaker = _actor_of(subj, text)
            else:
                speaker = _actor_of(subj, text)
        else:
            outside = (
                text[region.start : max(region.start, qspan.start - 1)]
                + text[min(region.end, qspan.end + 1) : region.end]
            )
            standalone = not any(c.isalpha() for c in outside)
            prev_sentence_quote = last_quote_end >= 0
            if standalone and prev_sentence_quote and _follows(sentences, last_quote_end, qspan):
                speaker = last_speaker
            elif len(text[qspan.start : qspan.end].split()) < _MIN_UNCUED_WORDS:
                continue  # scare quotes / titles, not a quotation
        if speaker is not None:
            last_speaker = speaker
        last_quote_end = qspan.end
        quotes.append(
            Quote(
                article_id=doc.article.id,
                index=len(quotes),
                span=qspan,
                sentence=region,
                cue=cue,
                cue_lemma=cue_lemma,
                speaker=speaker,
            )
        )
    return quotes


def _follows(sentences: list[Span], prev_end: int, span: Span) -> bool:
    """True when ``span`` starts in the sentence right after the one ``prev_end`` ends in."""
    idx_prev = next((i for i, s in enumerate(sentences) if s.start <= prev_end < s.end + 2), None)
    idx_this = next((i for i, s in enumerate(sentences) if s.start <= span.start < s.end), None)
    if idx_prev is None or idx_this is None:
        return False
    return 0 <= idx_this - idx_prev <= 1
