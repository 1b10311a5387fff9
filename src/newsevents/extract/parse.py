"""Parse helpers over spaCy tokens: the frame record, lemmas, dependents, argument lookups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.attrs import DEP, HEAD, ORTH, POS
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import EventType
from ..prepositions import past_front
from ..resources import load_factuality_cues
from .codebook import Codebook, Entry, EntryPos
from .relatives import own_subject, relative_antecedent
from .speakers import reported_speaker
from .titles import titled_person


@dataclass
class Frame:
    """A matched trigger with its arguments (token level; turned into spans later)."""

    token: Token
    entry: Entry
    event: EventType
    cameo: str
    mode: str | None
    extra: list[Token] = field(default_factory=list)  # further trigger tokens (particles)
    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    absorbed: bool = False
    instrument: Token | None = (
        None  # nominal trigger merged into this verb ("killed in a US strike")
    )
    anaphor: bool = False  # the doer is "the strike"/"the attack": an attack named before
    modifiers: list[Token] = field(default_factory=list)  # framing words
    #: casualty clauses of this attack by the same doer ("killed 25 and wounded 55",
    #: "pounded bases, killing 24"): their patients and counts belong to this event
    folded: list[Frame] = field(default_factory=list)


def lemma(tok: Token) -> str:
    return str(tok.lemma_).lower()


def forms(tok: Token) -> list[str]:
    """The lemma plus the written form with a regular ending removed ("staged" -> "stage"),
    because the statistical lemmatizer sometimes gets a verb wrong ("staged", "staging" ->
    "stag")."""
    low = tok.lower_
    out = [lemma(tok), low]
    if tok.pos_ == "VERB":
        # not data: regular English inflection (morphology), tried after the lemmatizer
        for suffix, repl in (
            ("ied", "y"),
            ("ed", "e"),
            ("ed", ""),
            ("d", ""),
            ("s", ""),
            ("ing", "e"),
            ("ing", ""),
        ):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + repl)
    return out


def hyphen_word(tok: Token) -> str | None:
    """ "cease-fire", "air-strike": spaCy splits at hyphens; rebuild the written word."""
    doc = tok.doc
    i = tok.i
    hyphens: set[int] | None = doc.user_data.get(_HYPHENS)
    if hyphens is not None and i - 1 not in hyphens:
        return None  # (the index of an indexed document spares building the token before)
    if (
        i >= 2
        and doc[i - 1].text == HYPHEN
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    ):
        return f"{doc[i - 2].lower_}-{lemma(tok)}"
    return None


def entry_pos(tok: Token) -> EntryPos | None:
    if tok.pos_ == "VERB":
        return "verb"
    if tok.pos_ == "NOUN":
        return "noun"
    if tok.pos_ == "ADJ":
        return "adj"
    return None


#: doc.user_data key of each token's children, listed once per document (index_children)
_CHILDREN = "newsevents.children"


#: doc.user_data key of the prepositions of each token asked for (preps_of), by token index
_PREPS = "newsevents.preps"


#: doc.user_data key of the indices of the tokens written "-" (hyphen_word)
_HYPHENS = "newsevents.hyphens"


def index_children(doc: Doc) -> None:
    """List every token's children once: ``Token.children`` builds new Token objects on each
    call, and the coder asks a verb for its dependents tens of times (speed only). Also
    starts the document's memo of :func:`preps_of`.

    The lists come from the heads in one array (``Token.children`` walks each token's span
    of the sentence): a token's children are the other tokens whose head it is, in text
    order, which is the order ``Token.children`` gives them in."""
    children: list[list[Token]] = [[] for _ in range(len(doc))]
    for tok, offset in zip(doc, doc.to_array(HEAD).astype("int64").tolist(), strict=True):
        if offset:
            children[tok.i + offset].append(tok)
    doc.user_data[_CHILDREN] = children
    doc.user_data[_PREPS] = {}
    orth = doc.to_array(ORTH).tolist()
    hyphen = doc.vocab.strings[HYPHEN]
    doc.user_data[_HYPHENS] = {i for i, o in enumerate(orth) if o == hyphen}
    doc.user_data[_POS] = doc.to_array(POS).tolist()
    doc.user_data[_DEP] = doc.to_array(DEP).tolist()


#: doc.user_data keys of each token's part of speech and dependency label (their ids)
_POS = "newsevents.pos"
_DEP = "newsevents.dep"
#: the parts of speech :func:`entry_pos` gives an entry for
_ENTRY_POS = frozenset({int(VERB), int(NOUN), int(ADJ)})


def entry_tokens(sent: SpacySpan) -> Iterator[Token]:
    """The tokens of ``sent`` whose part of speech :func:`entry_pos` accepts, in order; of an
    indexed document only those are built (speed only)."""
    doc = sent.doc
    pos: list[int] | None = doc.user_data.get(_POS)
    if pos is None:
        yield from (t for t in sent if entry_pos(t) is not None)
        return
    for i in range(sent.start, sent.end):
        if pos[i] in _ENTRY_POS:
            yield doc[i]


def dep_tokens(sent: SpacySpan, label: str) -> Iterator[Token]:
    """The tokens of ``sent`` whose dependency label is ``label``, in order; of an indexed
    document only those are built (speed only)."""
    doc = sent.doc
    deps: list[int] | None = doc.user_data.get(_DEP)
    if deps is None:
        yield from (t for t in sent if t.dep_ == label)
        return
    wanted = doc.vocab.strings[label]
    for i in range(sent.start, sent.end):
        if deps[i] == wanted:
            yield doc[i]


def kids(tok: Token) -> list[Token]:
    """The token's children, from the document's index when there is one."""
    index = tok.doc.user_data.get(_CHILDREN)
    return index[tok.i] if index is not None else list(tok.children)


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(tok))


def nobody(head: Token) -> bool:
    """A negative party: "nobody", "none", "no one", "no soldiers", "not one American",
    "not a single civilian"."""
    cues = load_factuality_cues()
    if head.lower_ in cues.negative_pronouns:
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in cues.negative_determiners)
        or (c.dep_ == "neg" and c.i < head.i)
        or (c.dep_ == "nummod" and any(g.dep_ == "neg" for g in c.children))
        for c in head.children
    )


def shares_passive(tok: Token) -> bool:
    """A bare participle joined to a passive verb ("was killed or injured"): it shares the
    passive's subject and agent."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VBN"
        and is_passive(tok.head)
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in kids(tok))
    )


def children_of(tok: Token, *deps: str) -> list[Token]:
    found = [c for c in kids(tok) if c.dep_ in deps]
    if len(found) < 3 or not any(c.text == "-" for c in found):
        return found
    # "called on the co-chairs": the parser may hang each piece of a hyphenated noun on the
    # head ("co", "-", "chairs"); the word is one party, headed by its last piece
    parts = {c.i for c in found}
    return [
        c
        for c in found
        if c.text != "-"
        and not (c.i + 1 in parts and c.doc[c.i + 1].text == "-" and c.i + 2 in parts)
    ]


def with_conjuncts(toks: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        person = titled_person(t)
        if person is not None:
            out.append(person)  # "Deputy Prime Minister and Foreign Minister X": one man
            continue
        out.append(t)
        stack = [c for c in kids(t) if c.dep_ == "conj" or _listed_after(t, c)]
        while stack:
            c = stack.pop(0)
            out.append(c)
            stack.extend(x for x in kids(c) if x.dep_ == "conj")
    return out


def _listed_after(t: Token, c: Token) -> bool:
    """ "Saudi Arabia, the UAE, Bahrain and Egypt cut ties": a state the parse makes an
    apposition of a state, with conjuncts of its own, is the next item of a list."""
    return (
        c.dep_ == "appos"
        and t.ent_type_ == c.ent_type_ == "GPE"
        and any(x.dep_ == "conj" for x in kids(c))
    )


def preps_of(tok: Token) -> dict[str, list[Token]]:
    """prep lemma -> its objects, for preps on the token or on its particle ("pull out of").
    Worked out once per token of an indexed document (a fresh copy each call)."""
    memo: dict[int, dict[str, list[Token]]] | None = tok.doc.user_data.get(_PREPS)
    if memo is None:
        return _preps_of(tok)
    found = memo.get(tok.i)
    if found is None:
        found = memo[tok.i] = _preps_of(tok)
    return {p: list(objs) for p, objs in found.items()}


def names_parties(noun: Token, book: Codebook) -> bool:
    """Does a nominal act name its parties ("talks with Macron", "a meeting between A and
    B")? (``party_preps``)"""
    held = preps_of(noun)
    return any(held.get(p) for p in book.words("party_preps"))


def _preps_of(tok: Token) -> dict[str, list[Token]]:
    out: dict[str, list[Token]] = {}
    heads = [tok, *children_of(tok, "prt")]
    for h in heads:
        for p in kids(h):
            if p.dep_ in ("prep", "agent", "dative") and p.pos_ in ("ADP", "ADV", "PART", "SCONJ"):
                objs = [past_front(o) for o in children_of(p, "pobj", "pcomp")]
                out.setdefault(p.lower_, []).extend(objs)
                for inner in children_of(p, "prep"):  # "out of", "away from"
                    out.setdefault(inner.lower_, []).extend(children_of(inner, "pobj", "pcomp"))
    return out


def word_set(tok: Token, book: Codebook) -> set[str]:
    """Lemmas a constraint may match for an argument head: itself, its compounds, 'X of Y'."""
    words = {lemma(tok), tok.lower_}
    if tok.pos_ == "PROPN" and tok.lower_ == lemma(tok) and tok.lower_.endswith("s"):
        words.add(tok.lower_[:-1])  # a capitalised plural tagged as a name ("Rockets landed")
    genitive = book.words("genitive_preps")
    # "gave no details of the weapons": what a telling noun is about is not what is given
    about = lemma(tok) in book.words("telling_nouns")
    for c in kids(tok):
        if c.dep_ in ("compound", "amod"):
            words.add(lemma(c))
        if c.dep_ == "prep" and c.lower_ in genitive and not about:
            for o in children_of(c, "pobj"):
                words.add(lemma(o))
                words.update(lemma(x) for x in o.children if x.dep_ == "compound")
    hw = hyphen_word(tok)
    if hw:
        words.add(hw)
    return words


#: The hyphen spaCy splits compounds at ("cease-fire", "twenty-four"). Not data: punctuation.
HYPHEN = "-"
#: The preposition of a passive's agent ("killed by X"): spaCy's "agent" label; grammar, not data.
AGENT = "by"
#: tags of a verb with a tense of its own (a clause, not a participle or a small clause)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


ENT_LABELS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}


class Parse:
    """Argument lookups over one token, cached per sentence pass."""

    def __init__(self, book: Codebook) -> None:
        self.book = book
        # what objects() and subjects() found for a token (of the document of _doc)
        self._doc: Doc | None = None
        self._objects: dict[tuple[int, tuple[str, ...]], list[Token]] = {}
        self._subjects: dict[int, list[Token]] = {}

    def _same_doc(self, tok: Token) -> None:
        doc = tok.doc
        if doc is not self._doc:
            self._doc = doc
            self._objects, self._subjects = {}, {}

    # --- arguments used by constraints ------------------------------------------------
    def objects(self, tok: Token, entry: Entry | None = None) -> list[Token]:
        """The token's objects (``entry``: the objects of its prepositions first); worked
        out once per token and entry prepositions (a fresh list each call)."""
        self._same_doc(tok)
        key = (tok.i, entry.prep if entry is not None else ())
        found = self._objects.get(key)
        if found is None:
            found = self._objects[key] = self._find_objects(tok, entry)
        return list(found)

    def _find_objects(self, tok: Token, entry: Entry | None) -> list[Token]:
        if entry is not None and entry.prep:
            preps = preps_of(tok)
            found = [o for p in entry.prep for o in preps.get(p, [])]
            if found:
                return with_conjuncts(found)
        if entry is not None and entry.prt and not children_of(tok, "dobj"):
            # "voted down the amendments": the parser hangs the particle as a preposition
            found = [
                o
                for c in children_of(tok, "prep")
                if c.lower_ in entry.prt
                for o in children_of(c, "pobj")
            ]
            if found:
                return with_conjuncts(found)
        if tok.pos_ == "NOUN":
            preps = preps_of(tok)
            return with_conjuncts(
                [o for p in self.book.ordered("genitive_preps") for o in preps.get(p, [])]
            )
        if is_passive(tok):
            subj = children_of(tok, "nsubjpass")
            if subj:
                return with_conjuncts(subj)
        objs = children_of(tok, "dobj", "attr", "oprd")
        if objs:
            # "killed X and at least five other people": the parser sometimes hangs the
            # second object on the verb as a conjunct
            objs += [
                c
                for c in tok.children
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not children_of(c, "nsubj")
            ]
        if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs = [tok.head]
        for c in children_of(tok, "ccomp") if not objs and tok.pos_ == "VERB" else ():
            named = named_by_free_relative(c, self.book)
            if named:
                objs = named  # "struck what Islamabad called militant hideouts": the hideouts
                break
            # "pardoned 57 men jailed for ...", "declared two envoys persona non grata": the
            # parser makes the object the subject of a clause that has no tense of its own
            if c.tag_ not in _FINITE and not children_of(c, "aux", "auxpass", "mark"):
                objs = [s for s in children_of(c, "nsubj") if s.pos_ in ("NOUN", "PROPN")]
        if (
            not objs
            and tok.dep_ == "relcl"
            and (
                is_relative_object(tok, self.book)
                or (own_subject(tok, self.book) and not preps_of(tok).get(AGENT))
            )
        ):
            objs = [tok.head]  # "the sanctions (that) it imposed" ("relatives who gathered")
        if not objs and shares_passive(tok):
            objs = children_of(tok.head, "nsubjpass")
        return with_conjuncts(objs)

    def subjects(self, tok: Token, depth: int = 0) -> list[Token]:
        """The doer of a verb (or the support verb's subject for a noun), inherited if needed
        (worked out once per token; a fresh list each call)."""
        if depth:
            return self._find_subjects(tok, depth)
        self._same_doc(tok)
        found = self._subjects.get(tok.i)
        if found is None:
            found = self._subjects[tok.i] = self._find_subjects(tok, 0)
        return list(found)

    def _find_subjects(self, tok: Token, depth: int = 0) -> list[Token]:
        if depth > 6:
            return []
        if tok.pos_ == "NOUN":
            return []
        if is_passive(tok):
            preps = preps_of(tok)
            return with_conjuncts(preps.get(AGENT, []))
        subj = children_of(tok, "nsubj", "csubj")
        if subj:
            return self._own_subject(tok, subj[0])
        dep, head = tok.dep_, tok.head
        if head == tok:
            return []
        if dep == "conj":
            if is_passive(head) and not is_passive(tok):
                if shares_passive(tok):
                    return self.subjects(head, depth + 1)
                # "X was indicted by the court and will resign": X resigns, not the court
                return with_conjuncts(children_of(head, "nsubjpass"))
            return reported_speaker(tok, self.book) or self.subjects(head, depth + 1)
        if dep == "xcomp":
            if is_passive(head) and not self._controller(head):
                # "X is expected to reject", "X was asked to leave": the passive subject
                # of the raising or control verb does the act, not its agent
                raised = with_conjuncts(children_of(head, "nsubjpass"))
                if raised:
                    return raised
            return self._controller(head) or self.subjects(head, depth + 1)
        if dep == "acomp" and head.pos_ == "AUX":
            return self.subjects(head, depth + 1)  # "X is unlikely to back ..."
        if dep in ("acl", "advcl") and tok.tag_ in ("VBN", "VBD") and children_of(tok, "agent"):
            # "the levy demanded by the eurozone" (however the parse hangs the participle):
            # a bare participle with a by-phrase is passive, its agent the doer
            return with_conjuncts(preps_of(tok).get(AGENT, []))
        if dep == "advcl" and not children_of(tok, "mark"):
            return self.subjects(head, depth + 1)
        if dep == "acl" and (tok.tag_ != "VBN" or children_of(tok, "dobj")):
            return self._noun_clause_subject(head, depth)  # (a VBN with an object: active)
        if dep == "pcomp" and head.dep_ == "prep":
            if any(
                c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and not children_of(c, "dobj")
                for c in tok.children
            ):
                # "after fighting flared in X": the parse makes a gerund of the noun that is
                # the subject of the clause; the fighting is nobody's the clause names
                return []
            if head.lower_ in self.book.words("reason_preps") and head.head.pos_ == "VERB":
                # "thanked Hungary for vetoing X", "accused Y of shelling Z": the one
                # thanked or accused did it
                objs = children_of(head.head, "dobj")
                if objs:
                    return with_conjuncts(objs)
            return self.subjects(head.head, depth + 1)
        if dep == "ccomp" and head.pos_ == "ADJ":
            return self.subjects(head, depth + 1)
        return []

    def _own_subject(self, tok: Token, s: Token) -> list[Token]:
        """The subject of the clause itself, or for a relative pronoun the noun it stands for
        ("X, which was founded in 2003 and which has sent fighters": climb the coordinated
        clauses to the relative clause; its head is the doer)."""
        if s.lower_ in self.book.words("relative_pronouns"):
            clause = tok
            while clause.dep_ == "conj" and clause.head != clause:
                clause = clause.head
            if clause.dep_ == "relcl":
                return with_conjuncts([relative_antecedent(clause.head, self.book)])
        return with_conjuncts([s])

    def _controller(self, head: Token) -> list[Token]:
        """The object of an object-control verb ("urged X to ...", "called on X to ...")."""
        if lemma(head) not in self.book.words("object_control_verbs"):
            return []
        obj = children_of(head, "dobj")
        if obj:
            return with_conjuncts(obj)
        held = preps_of(head)
        return with_conjuncts(
            [o for p in self.book.ordered("control_preps") for o in held.get(p, [])]
        )

    def _noun_clause_subject(self, head: Token, depth: int) -> list[Token]:
        """The doer of a clause modifying a noun: the noun itself, or for a document or an
        attempt its issuer ("issued a declaration demanding ...", "an attempt to kill X":
        the noun's owner or the verb's subject)."""
        issued = self.book.words("document_nouns") | self.book.words("attempt_nouns")
        if lemma(head) not in issued | self.book.words("intent_nouns"):
            return with_conjuncts([head])
        owners = [c for c in head.children if c.dep_ == "poss"]
        if owners:
            return with_conjuncts(owners)
        sv = head.head if head.dep_ in ("dobj", "nsubjpass") else None
        if head.dep_ == "pobj" and head.head.lower_ in self.book.words("medium_preps"):
            verb = head.head.head  # "said in a statement accusing X", "answered with a letter"
            saying = self.book.words("report_verbs") | self.book.words("answer_verbs")
            sv = verb if lemma(verb) in saying else None
        if sv is None or sv.pos_ not in ("VERB", "AUX"):
            return []
        return self.subjects(sv, depth + 1)

    def support_verb(self, noun: Token) -> Token | None:
        """The verb a nominal trigger is the object/subject of ("held talks", "riots continued")."""
        head = noun.head
        if head == noun:
            return None
        if noun.dep_ == "dobj" and any(
            c.dep_ == "oprd"
            or (c.dep_ == "dobj" and c.i > noun.i and "," not in c.doc[noun.i : c.i].text)
            for c in head.children
        ):  # "called the arrest a provocation": named, not done, by the subject (an
            return None  # apposition after a comma is no such name: "a visit, his first trip")
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            return head
        if (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ == "VERB"
            and head.lower_ in self.book.words("support_preps")
            and set(forms(head.head)) & self.book.prep_support_verbs
        ):  # "resorted to throwing stones", "joined in protests" (not "led to a prosecution")
            return head.head
        if noun.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
            return head
        return None


def in_participle(tok: Token) -> bool:
    """Is the token inside a past-participle phrase modifying a noun ("property seized by
    the army in the 1970s", "a settlement reached in talks")? Such a phrase describes the
    noun; the act it names is background, not news."""
    node = tok
    for _ in range(8):
        dep, head = node.dep_, node.head  # each ``.head`` builds a new Token: read once
        if (
            dep == "acl"
            and node.tag_ == "VBN"
            and head.pos_ in ("NOUN", "PROPN")
            and head.dep_ not in ("ROOT", "appos", "npadvmod")  # a misparsed main verb
            # a clause with its own subject or auxiliary ("a report that X has killed Y") is
            # content, not a participle; one with a direct object is a main verb the parse
            # hung on its subject ("A drone strike killed 12 people, residents said")
            and not any(c.dep_ in ("nsubj", "aux", "mark", "dobj") for c in kids(node))
        ):
            return True
        if head.i == node.i or dep in ("ROOT", "ccomp", "advcl", "relcl", "conj"):
            return False
        node = head
    return False


def is_relative_object(tok: Token, book: Codebook) -> bool:
    relative = book.words("relative_pronouns")
    return any(c.lower_ in relative and c.dep_ in ("dobj", "nsubjpass") for c in tok.children)


def named_by_free_relative(clause: Token, book: Codebook) -> list[Token]:
    """The thing a free relative of naming names ("what Islamabad called militant
    hideouts" -> hideouts), or []."""
    if clause.lemma_.lower() not in book.words("naming_verbs"):
        return []
    kids = list(clause.children)
    if not any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in kids):
        return []
    return [c for c in kids if c.dep_ in ("dobj", "oprd", "attr") and c.tag_ not in ("WP", "WDT")]


def names_party(tok: Token) -> bool:
    """Does this phrase name a party (a named entity or nationality somewhere in it)?"""
    return any(t.ent_type_ in ENT_LABELS for t in tok.subtree if t.dep_ not in ("relcl", "acl"))


def ent_root(t: Token) -> Token:
    """The syntactic root of the NER entity ``t`` is in (from the IOB tags)."""
    doc = t.doc
    start, end = t.i, t.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].root


def background(clause: Token, book: Codebook) -> bool:
    """A clause of time or cause ("after X", "because X", "when X"), not a condition."""
    kept = book.words("non_background_marks")
    return any(c.dep_ == "mark" and c.lower_ not in kept for c in clause.children)


def subordinate(clause: Token, book: Codebook) -> bool:
    """A clause of time, cause or condition ("after X killed Y"): background, not topic."""
    preps = book.words("background_clause_preps")
    return background(clause, book) or any(
        c.dep_ == "prep" and c.lower_ in preps for c in clause.children
    )


def infinitival(tok: Token) -> bool:
    """Does the clause have the infinitive marker ("to withdraw")? (a PTB tag, not a word)"""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
