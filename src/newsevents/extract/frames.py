"""Event frames from the dependency parse: trigger -> codebook entry, actor, recipient.

One pass over the tokens looks each lemma up in the precompiled codebook index and checks the
entry's argument constraints on the token's dependents. Arguments come from the parse:
subjects (inherited through coordination, control verbs and participles), by-agents of
passives, instrument nouns ("killed in a US strike"), possessive and national modifiers of
nominal triggers ("Iran's attack", "a US airstrike"), and the owners of abstract objects
("rejected Iraq's proposal"). Written by hand: spaCy gives the tree, not event frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import EventType
from .codebook import Codebook, Entry

#: Nouns for a text that speaks for its issuer, and for an attempt at an act.
_DOCUMENTS = {"declaration", "statement", "letter", "communique", "resolution", "report"}
_DOCUMENTS |= {"message", "note", "decree", "order", "notice", "petition", "appeal"}
_ATTEMPTS = {"attempt", "bid", "effort", "plot", "try", "move"}
#: Dependents that make a noun phrase for an actor mention.
_NP_DEPS = {"compound", "amod", "poss", "nmod", "flat", "case", "det", "nummod", "quantmod"}
_NP_DEPS |= {"npadvmod"}
#: Verbs whose object (not subject) does what their clausal complement says.
_OBJECT_CONTROL = {"urge", "ask", "order", "force", "allow", "tell", "persuade", "invite", "permit"}
_OBJECT_CONTROL |= {"help", "encourage", "pressure", "press", "call", "appeal", "request", "compel"}
_OBJECT_CONTROL |= {"instruct", "direct", "command", "let", "enable", "beg", "implore", "push"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
_RELATIVE = {"who", "which", "that"}
_ENT_LABELS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
_OCCUR = {"continue", "erupt", "occur", "happen", "break", "rage", "spread", "resume", "begin"}
_OCCUR |= {"take", "end", "follow", "escalate", "intensify", "start", "leave"}
_CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
_PATIENT_NOUN_EVENTS = {"ASSAULT", "COERCE", "RETREAT", "ACCUSE"}
# prepositions that introduce a recipient, by event type (first found wins)
_RECIPIENT_PREPS = {
    "CONSULT": ("with",),
    "COOPERATE": ("with", "to"),
    "AID": ("to", "for"),
    "REQUEST": ("on", "upon", "to", "from"),
    "ACCUSE": ("against", "over", "about", "with", "at", "on", "to"),
    "REJECT": ("from", "by", "of"),
    "THREATEN": ("against", "with", "on", "to"),
    "SANCTION": ("on", "against", "from", "to", "with", "for"),
    "MOBILIZE": ("to", "into", "against", "in", "near"),
    "RETREAT": ("from", "to"),
    "COERCE": ("on", "against", "in", "into"),
    "ASSAULT": ("on", "against", "at", "in", "into"),
    "PROTEST": ("against", "outside", "at", "in"),
    "SUPPORT": ("with", "to", "for"),
    "CONCEDE": ("to", "for", "in"),
    "AGREE": ("with", "to", "for"),
}
_GOODS_CLASSES: tuple[str, ...] = (
    "AID_GOODS",
    "TROOPS",
    "WEAPONS",
    "INTEL",
    "SANCTIONS",
    "RESTRICTION",
)
_GOODS_CLASSES += ("BLOCKADE", "CURFEW", "EMERGENCY", "PEACEKEEPERS", "INSPECTORS", "RELATIONS")
_GOODS_CLASSES += ("FIRE", "STONE", "SUPPORT_N", "RETALIATION", "ROAD", "WORK")


@dataclass
class Frame:
    """A matched trigger with its arguments (token level; turned into spans later)."""

    token: Any
    entry: Entry
    event: EventType
    cameo: str
    mode: str | None
    extra: list[Any] = field(default_factory=list)  # further trigger tokens (particles)
    actors: list[Any] = field(default_factory=list)
    recipients: list[Any] = field(default_factory=list)
    absorbed: bool = False
    instrument: Any = None  # nominal trigger merged into this verb ("killed in a US strike")
    anaphor: bool = False  # the doer is "the strike"/"the attack": an attack named before
    modifiers: list[Any] = field(default_factory=list)  # framing words
    #: casualty clauses of this attack by the same doer ("killed 25 and wounded 55",
    #: "pounded bases, killing 24"): their patients and counts belong to this event
    folded: list[Frame] = field(default_factory=list)


def lemma(tok: Any) -> str:
    return str(tok.lemma_).lower()


def forms(tok: Any) -> list[str]:
    """The lemma plus the written form with a regular ending removed ("staged" -> "stage"),
    because the statistical lemmatizer sometimes gets a verb wrong ("staged" -> "stag")."""
    low = tok.lower_
    out = [lemma(tok), low]
    if tok.pos_ == "VERB":
        for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + repl)
    return out


def _hyphen_word(tok: Any) -> str | None:
    """ "cease-fire", "air-strike": spaCy splits at hyphens; rebuild the written word."""
    doc = tok.doc
    i = tok.i
    if (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    ):
        return f"{doc[i - 2].lower_}-{lemma(tok)}"
    return None


def _pos(tok: Any) -> str | None:
    if tok.pos_ == "VERB":
        return "verb"
    if tok.pos_ == "NOUN":
        return "noun"
    if tok.pos_ == "ADJ":
        return "adj"
    return None


def is_passive(tok: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _with_conj(toks: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for t in toks:
        out.append(t)
        stack = [c for c in t.children if c.dep_ == "conj"]
        while stack:
            c = stack.pop(0)
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def _preps(tok: Any) -> dict[str, list[Any]]:
    """prep lemma -> its objects, for preps on the token or on its particle ("pull out of")."""
    out: dict[str, list[Any]] = {}
    heads = [tok, *_children(tok, "prt")]
    for h in heads:
        for p in h.children:
            if p.dep_ in ("prep", "agent", "dative") and p.pos_ in ("ADP", "ADV", "PART"):
                objs = _children(p, "pobj", "pcomp")
                out.setdefault(p.lower_, []).extend(objs)
                for inner in _children(p, "prep"):  # "out of", "away from"
                    out.setdefault(inner.lower_, []).extend(_children(inner, "pobj", "pcomp"))
    return out


def _word_set(tok: Any) -> set[str]:
    """Lemmas a constraint may match for an argument head: itself, its compounds, 'X of Y'."""
    words = {lemma(tok), tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            words.add(lemma(c))
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in _children(c, "pobj"):
                words.add(lemma(o))
                words.update(lemma(x) for x in o.children if x.dep_ == "compound")
    hw = _hyphen_word(tok)
    if hw:
        words.add(hw)
    return words


def _matches(toks: list[Any], items: tuple[str, ...], book: Codebook) -> bool:
    if not toks:
        return False
    words = book.expand(items)
    for t in toks:
        if "ANY" in items:
            return True
        if "PROPN" in items and (t.pos_ == "PROPN" or t.ent_type_ in _ENT_LABELS):
            return True
        if "VERB" in items and t.pos_ in ("VERB", "AUX"):
            return True
        if _word_set(t) & words:
            return True
    return False


class Parse:
    """Argument lookups over one token, cached per sentence pass."""

    def __init__(self, book: Codebook) -> None:
        self.book = book

    # --- arguments used by constraints ------------------------------------------------
    def objects(self, tok: Any, entry: Entry | None = None) -> list[Any]:
        if entry is not None and entry.prep:
            preps = _preps(tok)
            found = [o for p in entry.prep for o in preps.get(p, [])]
            if found:
                return _with_conj(found)
        if tok.pos_ == "NOUN":
            preps = _preps(tok)
            return _with_conj(preps.get("of", []))
        if is_passive(tok):
            subj = _children(tok, "nsubjpass")
            if subj:
                return _with_conj(subj)
        objs = _children(tok, "dobj", "attr", "oprd")
        if objs:
            # "killed X and at least five other people": the parser sometimes hangs the
            # second object on the verb as a conjunct
            objs += [
                c
                for c in tok.children
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not _children(c, "nsubj")
            ]
        if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs = [tok.head]
        if (
            not objs
            and tok.dep_ == "relcl"
            and (is_relative_object(tok) or (_children(tok, "nsubj") and not _preps(tok).get("by")))
        ):
            objs = [tok.head]  # "the sanctions (that) it imposed"
        return _with_conj(objs)

    def subjects(self, tok: Any, depth: int = 0) -> list[Any]:
        """The doer of a verb (or the support verb's subject for a noun), inherited if needed."""
        if depth > 6:
            return []
        if tok.pos_ == "NOUN":
            return []
        if is_passive(tok):
            preps = _preps(tok)
            return _with_conj(preps.get("by", []))
        subj = _children(tok, "nsubj", "csubj")
        if subj:
            s = subj[0]
            if s.lower_ in _RELATIVE:
                # "X, which was founded in 2003 and which has sent fighters": climb the
                # coordinated clauses to the relative clause; its head is the doer
                clause = tok
                while clause.dep_ == "conj" and clause.head != clause:
                    clause = clause.head
                if clause.dep_ == "relcl":
                    return _with_conj([clause.head])
            return _with_conj([s])
        dep, head = tok.dep_, tok.head
        if head == tok:
            return []
        if dep == "conj":
            if is_passive(head) and not is_passive(tok):
                # "X was indicted by the court and will resign": X resigns, not the court
                return _with_conj(_children(head, "nsubjpass"))
            return self.subjects(head, depth + 1)
        if dep == "xcomp":
            if lemma(head) in _OBJECT_CONTROL:
                obj = _children(head, "dobj")
                if obj:
                    return _with_conj(obj)
                on = _preps(head).get("on", []) + _preps(head).get("upon", [])
                if on:
                    return _with_conj(on)
            return self.subjects(head, depth + 1)
        if dep == "advcl" and not _children(tok, "mark"):
            return self.subjects(head, depth + 1)
        if dep == "acl" and tok.tag_ != "VBN":
            if lemma(head) in _DOCUMENTS | _ATTEMPTS:
                # "issued a declaration demanding ...": the issuer; "an attempt to kill X":
                # whoever attempted it (the noun's owner or the verb's subject)
                owners = [c for c in head.children if c.dep_ == "poss"]
                if owners:
                    return _with_conj(owners)
                sv = head.head if head.dep_ in ("dobj", "nsubjpass") else None
                return self.subjects(sv, depth + 1) if sv is not None else []
            return _with_conj([head])
        if dep == "pcomp" and head.dep_ == "prep":
            return self.subjects(head.head, depth + 1)
        if dep == "ccomp" and head.pos_ == "ADJ":
            return self.subjects(head, depth + 1)
        return []

    def support_verb(self, noun: Any) -> Any:
        """The verb a nominal trigger is the object/subject of ("held talks", "riots continued")."""
        head = noun.head
        if head == noun:
            return None
        if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
            return head
        if (
            noun.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ == "VERB"
            and head.lower_ in ("to", "in", "into")
            and lemma(head.head) in self.book.words("support_verbs")
        ):  # "resorted to throwing stones", "joined in protests"
            return head.head
        if noun.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
            return head
        return None


def _in_participle(tok: Any) -> bool:
    """Is the token inside a past-participle phrase modifying a noun ("property seized by
    the army in the 1970s", "a settlement reached in talks")? Such a phrase describes the
    noun; the act it names is background, not news."""
    node = tok
    for _ in range(8):
        if (
            node.dep_ == "acl"
            and node.tag_ == "VBN"
            and node.head.pos_ in ("NOUN", "PROPN")
            and node.head.dep_ not in ("ROOT", "appos", "npadvmod")  # a misparsed main verb
            # a clause with its own subject or auxiliary ("a report that X has killed Y") is
            # content, not a participle
            and not any(c.dep_ in ("nsubj", "aux", "mark") for c in node.children)
        ):
            return True
        if node.head == node or node.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj"):
            return False
        node = node.head
    return False


def is_relative_object(tok: Any) -> bool:
    return any(c.lower_ in _RELATIVE and c.dep_ in ("dobj", "nsubjpass") for c in tok.children)


def match(tok: Any, book: Codebook, parse: Parse) -> Entry | None:
    """The most specific codebook entry whose constraints hold for this token."""
    pos = _pos(tok)
    if pos is None:
        return None
    keys = forms(tok)
    hw = _hyphen_word(tok)
    if hw:
        keys.insert(0, hw)
    best: Entry | None = None
    seen: set[str] = set()
    for key in keys:
        for entry in book.index.get((key, pos), ()):
            if entry.id in seen:
                continue
            seen.add(entry.id)
            if _holds(tok, entry, book, parse) and (
                best is None
                or entry.specificity > best.specificity
                or (entry.specificity == best.specificity and entry.order < best.order)
            ):
                best = entry
    return best


def _holds(tok: Any, e: Entry, book: Codebook, parse: Parse) -> bool:
    prts = {c.lower_ for c in _children(tok, "prt")}
    preps = _preps(tok)
    if e.prt and not prts & set(e.prt):
        return False
    if e.not_prt and prts & set(e.not_prt):
        return False
    if e.prep and not set(preps) & set(e.prep):
        return False
    if e.not_prep:
        # "on Tuesday" is a date, not the "call on" of a request
        real = {
            p for p, objs in preps.items() if any(o.ent_type_ not in ("DATE", "TIME") for o in objs)
        }
        if real & set(e.not_prep):
            return False
    if e.mod or e.not_mod:
        mods = {lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "advmod")}
        mods |= {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        hw = _hyphen_word(tok)
        if hw:
            mods.add(hw.split("-")[0])
        if e.mod and not mods & book.expand(e.mod):
            return False
        if e.not_mod and mods & book.expand(e.not_mod):
            return False
    if e.obj or e.not_obj:
        objs = parse.objects(tok, e)
        if e.obj and not _matches(objs, e.obj, book):
            return False
        if e.not_obj and _matches(objs, e.not_obj, book):
            return False
    if e.subj or e.not_subj:
        subj = parse.subjects(tok)
        if tok.pos_ == "NOUN":
            sv = parse.support_verb(tok)
            subj = parse.subjects(sv) if sv is not None else []
        if e.subj and not _matches(subj, e.subj, book):
            return False
        if e.not_subj and any(lemma(t) in book.expand(e.not_subj) for t in subj):
            return False  # the head itself: "a car bomb killed" is not "a car killed"
    if e.ccomp:
        cs = _children(tok, "ccomp")
        if not cs or ("ANY" not in e.ccomp and not _matches(cs, e.ccomp, book)):
            return False
    if e.xcomp:
        xs = _children(tok, "xcomp")
        if not xs:
            return False
        if "ANY" not in e.xcomp and not _matches(xs, e.xcomp, book):
            return False
    if e.head:
        sv = tok.head if tok.head != tok else None
        if sv is None or lemma(sv) not in e.head:
            return False
    return True


def actor_modifiers(noun: Any) -> list[Any]:
    """Possessive / national / named modifiers of a nominal trigger: the doer."""
    out = []
    stack = list(noun.children)
    while stack:
        c = stack.pop(0)
        if c.dep_ == "poss" or (
            c.dep_ in ("compound", "amod", "nmod")
            and (c.ent_type_ in _ENT_LABELS or c.pos_ == "PROPN")
        ):
            out.append(c)
        elif c.dep_ == "compound" and c.pos_ == "NOUN":
            stack.extend(c.children)  # "US Predator attacks": US modifies the compound
    by = _preps(noun).get("by", [])
    return _with_conj(out + by) if out or by else []


def noun_licensed(noun: Any, entry: Entry, book: Codebook, parse: Parse) -> bool:
    """Does a nominal trigger report an event here (not just name one in passing)?"""
    if noun.dep_ == "compound":  # "attack plans", "peace talks process"
        return False
    if entry.bare:
        return True
    background = book.words("background_preps")
    if noun.dep_ == "pobj" and noun.head.lower_ in background:
        return False
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.dep_ == "pobj":
        # "in protest of X", "in the wake of X", "in response to X"
        return False
    sv = parse.support_verb(noun)
    if sv is not None and (
        bool(set(forms(sv)) & book.words("support_verbs"))
        or (noun.dep_ == "nsubj" and lemma(sv) in _OCCUR)
    ):
        return True
    if actor_modifiers(noun):
        return True
    return noun.dep_ in ("ROOT",) or (noun.dep_ == "nsubj" and sv is not None and sv.lemma_ == "be")


def find_frames(sent: Any, book: Codebook, parse: Parse) -> list[Frame]:
    """All event frames in one sentence (a spaCy Span), in token order."""
    frames: dict[int, Frame] = {}
    for tok in sent:
        if tok.dep_ in ("amod", "compound") and tok.pos_ == "VERB":
            continue  # "Iranian-backed militia", "the disputed border": modifiers, not events
        if _in_participle(tok):
            continue  # "weapons seized last year", "the accord signed in March": background
        if (
            tok.tag_ == "VBG"
            and tok.dep_ == "pcomp"
            and tok.head.head.pos_ == "NOUN"
            and not _children(tok, "nsubj")
            and lemma(tok.head.head) not in book.classes.get("ABSTRACT", frozenset())
        ):
            continue  # "its involvement in killing", "a history of attacking": a kind of act
        entry = match(tok, book, parse)
        if entry is None:
            continue
        if tok.pos_ == "NOUN" and not noun_licensed(tok, entry, book, parse):
            continue
        if tok.pos_ == "ADJ" and not _children(tok, "xcomp"):
            continue
        frame = Frame(tok, entry, entry.event, entry.cameo, entry.mode)
        frame.extra = [c for c in tok.children if c.dep_ == "prt"]
        frames[tok.i] = frame
    # nominal triggers that are the subject or instrument of a verb trigger merge into it
    for frame in list(frames.values()):
        tok = frame.token
        if tok.pos_ != "VERB":
            continue
        cands = _children(tok, "nsubj")
        for p in _children(tok, "prep", "agent"):
            if p.lower_ in ("in", "by", "during", "with", "through"):
                cands.extend(_children(p, "pobj"))
        for c in cands:
            inner = frames.get(c.i)
            if inner is None or inner.token.pos_ != "NOUN":
                continue
            if inner.event != frame.event and not (
                inner.event == "ASSAULT" and frame.event in ("ASSAULT", "COERCE")
            ):
                continue
            inner.absorbed = True
            frame.instrument = c
            if frame.mode is None and inner.mode is not None:
                frame.mode, frame.cameo = inner.mode, inner.cameo
    support = book.words("support_verbs")
    for frame in frames.values():
        tok = frame.token
        head = frames.get(tok.head.i)
        if (
            tok.pos_ == "NOUN"
            and tok.dep_ in ("dobj", "nsubjpass")
            and head is not None
            and head.token.pos_ == "VERB"
            and not set(forms(head.token)) & support
        ):
            frame.absorbed = True  # "rejected a UN appeal": the appeal is what is rejected
    # the demands of a protest are its topic, not a separate REQUEST (PLOVER, PROTEST)
    protests = [f for f in frames.values() if f.event == "PROTEST" and not f.absorbed]
    scopes: set[int] = set()
    for p in protests:
        sv = parse.support_verb(p.token) if p.token.pos_ == "NOUN" else None
        scopes.update(t.i for t in (sv if sv is not None else p.token).subtree)
    for frame in frames.values():
        if frame.event == "REQUEST" and frame.token.i in scopes:
            frame.absorbed = True
    for frame in frames.values():
        if not frame.absorbed:
            _arguments(frame, frames, book, parse)
    _fold_casualties(frames, book)
    return [f for _, f in sorted(frames.items()) if not f.absorbed]


_CASUALTY_KINDS = ("killed", "injured")


def _fold_casualties(frames: dict[int, Frame], book: Codebook) -> None:
    """A killing or wounding that the same doer's attack clause coordinates ("killed 25
    fighters and wounded 55") or elaborates with a participle ("pounded the bases, killing
    two dozen fighters") is that attack's outcome: one ASSAULT carrying all its victims and
    counts, not one event per verb. A clause with its own subject, negation, auxiliary,
    subordinator or a contrast ("but") is an act of its own and stays separate.
    """
    host_of: dict[int, Frame] = {}
    for i in sorted(frames):
        child = frames[i]
        tok = child.token
        if child.absorbed or child.event != "ASSAULT" or tok.pos_ != "VERB":
            continue
        if book.quantity_kinds.get(lemma(tok)) not in _CASUALTY_KINDS:
            continue
        coordinated = tok.dep_ == "conj"
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > tok.head.i
        if not (coordinated or participle):
            continue
        host = host_of.get(tok.head.i) or frames.get(tok.head.i)
        if host is None or host.absorbed or host.event != "ASSAULT":
            continue
        own = [
            c
            for c in tok.children
            if (c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "NUM")  # "12 wounded": patient
            or c.dep_ in ("neg", "aux", "mark")
            or (c.dep_ == "cc" and c.lower_ not in ("and", "as"))
        ]
        cc = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
        if own or (coordinated and cc and cc[-1].lower_ not in ("and",)):
            continue
        numeric = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NUM"]
        if numeric and is_passive(host.token):
            child.recipients = numeric  # "five were killed and 12 wounded": 12 are victims
        host.folded.append(child)
        if not host.actors and child.actors and not numeric:
            host.actors = list(child.actors)
        child.absorbed = True
        host_of[i] = host


def _owner(tok: Any, book: Codebook) -> list[Any]:
    """For an abstract object ("Iraq's proposal", "a US offer"), the party it belongs to."""
    owned = book.classes.get("ABSTRACT", frozenset()) | book.classes.get("ATTACK_NOUN", frozenset())
    if lemma(tok) not in owned:
        return [tok]
    owners = actor_modifiers(tok)
    if owners:
        return owners
    preps = _preps(tok)
    for p in ("from", "by", "of"):
        if preps.get(p):
            return _with_conj(preps[p])
    return []


def _arguments(frame: Frame, frames: dict[int, Frame], book: Codebook, parse: Parse) -> None:
    tok, event = frame.token, frame.event
    goods = book.expand(_GOODS_CLASSES)
    if tok.pos_ == "NOUN":
        actors = actor_modifiers(tok)
        patients: list[Any] = []
        if lemma(tok) in book.classes.get("PATIENT_NOUNS", frozenset()) and not _preps(tok).get(
            "of"
        ):
            # "his assassination": the possessor is the victim, not the doer
            patients = [a for a in actors if a.dep_ == "poss"]
            actors = [a for a in actors if a.dep_ != "poss"]
        if actors and all(a.pos_ == "PRON" for a in actors):
            # "held their first meeting", "reiterated its demand": the pronoun is the
            # subject of the verb that carries the noun
            sv = parse.support_verb(tok)
            named = parse.subjects(sv) if sv is not None else []
            if named and all(n.pos_ != "PRON" for n in named):
                actors = named
        if not actors:
            sv = parse.support_verb(tok)
            if sv is not None and tok.dep_ in ("dobj", "pobj"):
                actors = parse.subjects(sv)
            elif sv is not None and tok.dep_ == "nsubjpass":
                actors = _with_conj(_preps(sv).get("by", []))  # "X was voiced by Y"
            elif frame.entry.bare and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
                actors = parse.subjects(tok.head.head)  # "troops remained on alert"
        preps = _preps(tok)
        recips: list[Any] = []
        order = list(_RECIPIENT_PREPS.get(event, ()))
        if event in _PATIENT_NOUN_EVENTS:
            order.insert(0, "of")
        sv = parse.support_verb(tok)
        holders = [preps] + ([_preps(sv)] if sv is not None else [])
        if frame.entry.bare and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
            holders.append(_preps(tok.head.head))  # "troops remained on alert in X"
        for held in holders:
            for p in order:
                cands = [c for c in held.get(p, []) if c.ent_type_ not in ("DATE", "TIME")]
                if cands and p != "by":
                    recips = _with_conj(cands)
                    break
            if recips:
                break
        if not recips and event in ("REQUEST", "THREATEN"):
            # "its demand that Israel ease restrictions": the subject of the content clause
            # (attached to the noun, or to the verb that carries it)
            for c in [*tok.children, *(sv.children if sv is not None else [])]:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children
                ):
                    recips = _with_conj(_children(c, "nsubj", "nsubjpass"))
                    if recips:
                        break
        if patients and not recips:
            recips = patients
        actors = [a for a in actors if a not in recips]
        frame.actors, frame.recipients = actors, recips
        frame.modifiers = [
            c for c in tok.children if c.dep_ in ("compound", "amod") and c not in actors
        ]
        return
    actors = parse.subjects(tok)
    if frame.instrument is not None and (not actors or frame.instrument in actors):
        actors = actor_modifiers(frame.instrument)  # "a US strike killed X": the US
    attack_words = book.classes.get("ATTACK_NOUN", frozenset())
    if actors and all(lemma(a) in attack_words for a in actors):
        # "The strike also killed X": the weapon is not the doer
        mods = [m for a in actors for m in actor_modifiers(a)]
        frame.anaphor = not mods and any(
            c.lower_ in ("the", "this", "that") for a in actors for c in a.children
        )
        actors = mods
    if not actors and tok.pos_ == "ADJ":
        actors = _with_conj(_children(tok.head, "nsubj")) if tok.dep_ == "acomp" else []
    if not actors and event == "ASSAULT":
        # "were killed in the strikes", "killed in a US raid": the attack's doer, or the
        # attack just reported
        for p in ("in", "by", "during"):
            for o in _preps(tok).get(p, []):
                if lemma(o) in attack_words:
                    actors = actor_modifiers(o)
                    frame.anaphor = frame.anaphor or (
                        not actors
                        and any(c.lower_ in ("the", "these", "those", "that") for c in o.children)
                    )
    recips = []
    dative = _children(tok, "dative")
    dative = [d for d in dative if d.pos_ != "ADP"]
    if dative:
        recips = _with_conj(dative)
    if not recips:
        objs = parse.objects(tok)
        if event not in ("ASSAULT", "ACCUSE", "CONSULT") and frame.mode not in ("arrest", "deport"):
            objs = [o for o in objs if not (_word_set(o) & goods)]
        if event == "ASSAULT":
            # "fired rockets at X", "launched artillery fire against X camps": the weapon is
            # not the target; the target is its at/on/against phrase
            arms = book.expand(("WEAPONS", "ATTACK_NOUN")) | {"artillery", "round", "salvo"}
            targeted: list[Any] = []
            for o in objs:
                if not (_word_set(o) & arms):
                    targeted.append(o)
                    continue
                for h in _with_conj([o]):
                    op = _preps(h)
                    for p in ("at", "on", "against", "into", "upon"):
                        targeted.extend(op.get(p, []))
            objs = targeted
        if frame.mode == "withdraw":
            objs = []  # what is withdrawn is the actor's own; the recipient is "from X
        objs = [o for o in objs if o.pos_ != "VERB" and o.ent_type_ not in ("DATE", "TIME")]
        if objs:
            owners: list[Any] = []
            for o in objs:
                owners.extend(_owner(o, book))
            recips = owners
    preps = _preps(tok)
    if event in ("AID", "COOPERATE") and not any(_named(r) for r in recips):
        # "granted asylum to five officers", "extradited a suspect to Spain": the receiver
        to = [c for c in preps.get("to", []) if c.pos_ in ("NOUN", "PROPN")]
        for o in parse.objects(tok):
            to = to or [c for c in _preps(o).get("to", []) if c.pos_ in ("NOUN", "PROPN")]
        if to:
            recips = _with_conj(to)
    if not recips and event == "REQUEST":
        # "insisted on its demands that Burundi's government grant ...": the demand's addressee
        demands = book.classes.get("DEMANDS", frozenset())
        for objs in preps.values():
            for o in objs:
                if lemma(o) in demands:
                    for c in o.children:
                        if c.dep_ in ("acl", "ccomp", "relcl") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
                        ):
                            recips = recips or _with_conj(_children(c, "nsubj", "nsubjpass"))
    if not recips:
        for p in _RECIPIENT_PREPS.get(event, ()):
            cands = [
                c
                for c in preps.get(p, [])
                if c.pos_ in ("NOUN", "PROPN", "PRON") and c.ent_type_ not in ("DATE", "TIME")
            ]  # "on Thursday" is when, not whom
            if cands:
                owners = []
                for o in _with_conj(cands):
                    owners.extend(_owner(o, book))
                recips = owners
                break
    if not recips and lemma(tok) in ("allow", "permit", "let"):
        # "allowed the opposition leader to hold a rally": the one allowed
        for x in _children(tok, "ccomp", "xcomp"):
            recips = _with_conj(_children(x, "nsubj"))
            if recips:
                break
    if not recips and event == "REQUEST":
        for cc in _children(tok, "ccomp"):
            recips = _with_conj(_children(cc, "nsubj", "nsubjpass"))
            if recips:
                break
    if not recips:
        # "threatened to shell Iraqi towns", "refused to meet Jordan's king": the
        # recipient of what is threatened / refused / promised
        for x in _children(tok, "xcomp"):
            inner = frames.get(x.i)
            if inner is not None:
                _arguments(inner, frames, book, parse)
                recips = list(inner.recipients)
            else:
                objs = [o for o in parse.objects(x) if not (_word_set(o) & goods)]
                recips = [r for o in objs for r in _owner(o, book)]
            if recips:
                break
    recips = [r for r in recips if r.ent_type_ not in ("DATE", "TIME")]
    reciprocal = event == "CONSULT" and len(actors) > 1
    parties = book.expand(("PERSONS", "CROWD", "MILITARY", "DIPLOMATS"))
    patient = bool(recips) and (
        is_passive(tok) or any(r.pos_ == "PRON" or lemma(r) in parties for r in recips)
    )  # "the journalist was arrested in X": the patient stays; X is where, not whom
    if not reciprocal and not patient and not any(_named(r) for r in recips):
        # no party named in the argument slot: the first party named after the trigger in
        # its own clause ("promised military aid to Mozambique", "blocked roads in Algiers")
        named = _first_named_after(tok, actors)
        if not named and event == "CONSULT":
            # "discussed the decision to strike X with Britain's foreign secretary": the
            # parser may hang "with Y" deep inside the object
            for t in tok.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "with" and t.i > tok.i and _named(t):
                    named = _with_conj([t])
                    break
        if not named and event == "THREATEN":
            named = _conditioned_party(tok)  # "threatened to X unless Israel rescinds ..."
        if not named and event in _TOPIC_RECIPIENT:
            # "rejected a call for peacekeepers in East Timor", "blocked a road to show
            # their disapproval of US policy": the party the act is about
            named = _first_named_after(tok, actors, deep=True)
        if named:
            recips = named
    if lemma(tok) == "oppose" and preps.get("to") and tok.dep_ == "acomp":
        # "Israel is opposed to French mediation": a stance of the subject
        actors = _with_conj(_children(tok.head, "nsubj"))
        target = preps["to"][0]
        recips = actor_modifiers(target) or [target]
    elif is_passive(tok) and not _preps(tok).get("by"):
        passive_subject = _children(tok, "nsubjpass")
        if lemma(tok) == "oppose" and preps.get("to"):
            actors = _with_conj(passive_subject)
            target = preps["to"][0]
            recips = actor_modifiers(target) or [target]
        elif frame.mode in ("withdraw", "disarm") and not actors:
            # "peacekeepers were shipped out of X", "guerrillas were demobilized": the
            # withdrawn or disarmed party is the one that withdraws or disarms
            actors = _with_conj(passive_subject)
            recips = [r for r in recips if r not in actors]
    if not any(_named(r) for r in recips) and lemma(tok) in _RESPONSES:
        # "retaliate after a US strike killed X": a response targets the doer of the act
        # it answers
        around = [*tok.children, *(tok.head.children if tok.dep_ == "xcomp" else [])]
        for x in around:
            inner = frames.get(x.i)
            if x.dep_ == "advcl" and _subordinate(x) and inner is not None and not inner.absorbed:
                _arguments(inner, frames, book, parse)
                if inner.actors:
                    recips = list(inner.actors)
                    break
    if not any(_named(r) for r in recips):
        # the purpose names the party ("opened the bridge to allow aid to Afghanistan")
        for x in tok.children:
            inner = frames.get(x.i)
            purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children) and not any(
                c.dep_ in ("mark", "nsubj") for c in x.children
            )
            if x.dep_ == "advcl" and purpose and inner is not None and not inner.absorbed:
                _arguments(inner, frames, book, parse)
                named = [r for r in inner.recipients if _named(r)]
                if named:
                    recips = named
                    break
    # "A and B met": all participants stay actors (PLOVER reciprocal events)
    frame.actors = [a for a in actors if a not in recips]
    frame.recipients = recips
    if frame.entry.inverse and frame.recipients:
        frame.actors, frame.recipients = frame.recipients, frame.actors
    frame.modifiers = [c for c in tok.children if c.dep_ == "advmod" and c.pos_ == "ADV"][:0]


_PLACE_PREPS = ("in", "into", "at", "near", "outside", "across", "inside", "throughout")


def _subordinate(clause: Any) -> bool:
    """A clause of time, cause or condition ("after X killed Y"): background, not topic."""
    return any(
        c.dep_ == "mark" and c.lower_ not in ("to", "if", "unless", "until", "once")
        for c in clause.children
    ) or any(c.dep_ == "prep" and c.lower_ in ("after", "before", "since") for c in clause.children)


#: acts that answer another act ("retaliate after X ...")
_RESPONSES = {"retaliate", "avenge", "respond", "hit back", "strike back"}

#: events whose recipient, when no argument names one, is the party their topic names
_TOPIC_RECIPIENT = {"PROTEST", "REJECT", "REQUEST", "ACCUSE", "THREATEN", "AGREE", "SUPPORT"}


def _conditioned_party(tok: Any) -> list[Any]:
    """The subject of an "if"/"unless" clause under a threat: whom the threat addresses."""
    for t in tok.subtree:
        if t.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children
        ):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            if subj:
                return _with_conj(subj[:1])
    return []


def _named(tok: Any) -> bool:
    """Does this phrase name a party (a named entity or nationality somewhere in it)?"""
    return any(t.ent_type_ in _ENT_LABELS for t in tok.subtree if t.dep_ not in ("relcl", "acl"))


def _location(tok: Any, recips: list[Any]) -> list[Any]:
    """A named place the act happens in, from the trigger's or its object's preps."""
    for holder in [*recips, tok]:
        preps = _preps(holder)
        for p in _PLACE_PREPS:
            for o in preps.get(p, []):
                if any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in o.subtree):
                    return [o]
    return []


def _ent_root(t: Any) -> Any:
    """The syntactic root of the NER entity ``t`` is in (from the IOB tags)."""
    doc = t.doc
    start, end = t.i, t.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].root


def _first_named_after(tok: Any, actors: list[Any], deep: bool = False) -> list[Any]:
    """The first party named after the trigger: in its own clause, or (``deep``) also in
    the clauses it governs (its topic or purpose), never in relative clauses."""
    taken: set[int] = set()
    for a in actors:
        taken.update(t.i for t in a.subtree)
    stop = {"relcl", "parataxis"} if deep else {"relcl", "advcl", "parataxis", "ccomp", "acl"}

    def follow(c: Any) -> bool:
        if c.dep_ == "advcl" and _subordinate(c):
            return False
        if c.dep_ in stop:
            # "a call for its forces to be deployed in X": an infinitival relative is content
            return (
                deep
                and c.dep_ == "relcl"
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            )
        return True

    stack = [c for c in tok.children if c.i > tok.i and follow(c)]
    found: list[Any] = []
    while stack:
        t = stack.pop(0)
        if t.i in taken:
            continue
        if t.ent_type_ in _ENT_LABELS and t.pos_ != "PRON":
            found.append(_ent_root(t))
        else:
            stack.extend(c for c in t.children if follow(c))
        if found:
            break
    found.sort(key=lambda t: t.i)
    return _with_conj(found[:1]) if found else []


def np_span(tok: Any) -> tuple[int, int]:
    """Character span of the noun phrase an argument head stands for (without clauses)."""
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if (
                c.dep_ in _NP_DEPS
                or (c.dep_ == "prep" and c.lower_ == "of" and t.pos_ != "PROPN")
                or (c.dep_ == "pobj" and t.dep_ == "prep")
            ):
                toks.append(c)
                stack.append(c)
            elif c.dep_ == "punct" and c.text == "-":
                toks.append(c)
    toks = [t for t in toks if not (t.dep_ == "det" and t.i == min(x.i for x in toks))] or [tok]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end
