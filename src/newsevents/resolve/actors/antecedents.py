"""What a pronoun or an actor phrase refers to, read from the dependency parse: the noun
phrase under a head, the phrases the text equates with an actor, and the antecedents of
"it"/"they", of "its"/"their" and of a pronoun in a reported clause."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .places import ent_of
from .vocab import ActorWords

#: dependents that start a clause or a new phrase, not a modifier of the noun
_NOT_NP = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj", "cc", "punct"})
_SUBJECTS = ("nsubj", "nsubjpass")


def noun_phrase(head: Token, wide: bool = False) -> list[Token]:
    """Tokens of the noun phrase under ``head`` (with its prepositional phrases if wide)."""
    skip = _NOT_NP if wide else _NOT_NP | {"prep"}
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ not in skip:
                out.append(c)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def with_hyphens(phrase: list[Token]) -> list[Token]:
    """The phrase with the hyphens inside it that the parse hangs off as punctuation ("the
    Secretary-General" is not "the Secretary General")."""
    if not phrase:
        return phrase
    inside = phrase[0].doc[phrase[0].i : phrase[-1].i + 1]
    kept = {t.i for t in phrase}
    return [t for t in inside if t.i in kept or t.tag_ == "HYPH"]


def tied(head: Token, words: ActorWords) -> list[Token]:
    """Phrases the text equates with an actor: appositions ("Y, the head of X's agency"),
    predicate nominals ("Y is X's envoy", "Y, who is X's envoy") and "as" phrases ("As head
    of X's army, Y ...")."""
    out = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        out.append(head.head)
    for clause in head.children:
        # "Y, who was the deputy head of X's militia body"
        if clause.dep_ == "relcl" and clause.lemma_ in words.copulas:
            out.extend(c for c in clause.children if c.dep_ in ("attr", "acomp"))
    if head.dep_ in _SUBJECTS:
        verb = head.head
        if verb.lemma_ in words.copulas:
            out.extend(c for c in verb.children if c.dep_ in ("attr", "acomp"))
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ in words.role_prepositions:
                out.extend(c for c in p.children if c.dep_ == "pobj")
    return out


def entity_context(ent: SpacySpan) -> list[Token]:
    """The entity's tokens plus its noun-phrase modifiers and appositions."""
    root = ent.root
    toks = {t.i: t for t in ent}
    for t in list(root.subtree):
        if t.dep_ in ("relcl", "acl") or t.i in toks:
            continue
        # keep modifiers and appositive phrases, not clauses
        anc = t
        ok = True
        while anc != root and anc.head != anc:
            if anc.dep_ in ("relcl", "acl", "advcl", "ccomp", "conj", "cc"):
                ok = False
                break
            anc = anc.head
        if ok:
            toks[t.i] = t
    # "commander X" where X is the head's apposition/compound target
    head = root.head
    if root.dep_ in ("appos", "compound") and head != root:
        for t in head.subtree:
            if t.dep_ not in ("relcl", "acl", "conj") and abs(t.i - root.i) <= 8:
                toks.setdefault(t.i, t)
    return [toks[i] for i in sorted(toks)]


def possessor_antecedent(pron: Token, words: ActorWords) -> Token | None:
    """For "its"/"their", the speaker of the reported clause it stands in ("X said that 24 of
    its personnel were killed"); else, for "their", the nearest earlier subject naming several
    parties, in its sentence or as the previous sentence's main subject ("Mali and Burkina Faso
    ... Their foreign ministers visited"); for "whose", the noun its relative clause hangs from
    ("Israel, whose aircraft struck ..."). A lone "its" outside a reported clause is left to
    the sentence and the article: the previous subject is too often not its owner. "his"/"her"
    with no person named before: the speaker too ("X's minister said his country ...")."""
    low = pron.lower_
    if low in words.relative_possessives:
        return _relative_head(pron)
    if low not in words.possessive_group_pronouns and low not in words.person_pronouns:
        return None
    node = pron
    speaking = words.report_verbs | words.account_verbs
    for _ in range(8):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in speaking:
            own = [c for c in node.children if c.dep_ == "nsubj" and c.ent_type_ == "GPE"]
            if own and pron not in own[0].subtree:
                return own[0]  # "X fired into the sea off its coast, Seoul said": X's coast
            subj = [c for c in node.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subj[0] if subj else None
        if node.dep_ in ("acl", "ccomp") and _owned_claim(node.head, words):
            # "X dismissed reports that its jets had bombed ...": the party answering a claim
            # about "its" forces is their owner, whoever made the claim
            subj = [c for c in node.head.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subj[0] if subj else None
        if node.head == node:
            break
        node = node.head
    if low not in words.plural_possessives:
        return None
    return _earlier_subject(pron)


def _owned_claim(noun: Token, words: ActorWords) -> bool:
    """A claim, report or charge named as the object of a verb ("rejected claims that ...")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in words.claim_nouns and noun.dep_ == "dobj"


def country_named_before(
    noun: Token, words: ActorWords, countries: Mapping[str, tuple[str, str]]
) -> str | None:
    """ "The French envoy to Mali was expelled by the country's rulers": for "the country",
    the last country named by its name (not a nationality) before it, in its sentence or the
    one before."""
    if noun.lemma_.lower() not in words.country_head_nouns:
        return None
    doc, start = noun.doc, noun.sent.start
    if start > 0:
        start = doc[start - 1].sent.start  # (the sentence before)
    for t in reversed(doc[start : noun.i]):
        ent = ent_of(t)  # (any label: the tagger may call "Mali" a person)
        known = countries.get(ent.text.removeprefix("the ") if ent is not None else t.text)
        if known is not None and known[1] == "name":
            return known[0]
    return None


def coordinated_patient(pron: Token, words: ActorWords) -> Token | None:
    """ "arrested 14 Sri Lankan fishermen and seized their trawlers": for "their" in the object
    of a verb coordinated with one whose object is plural, that object (the caller checks
    that it names a party with a country), else None."""
    if pron.lower_ not in words.plural_possessives or pron.head.dep_ != "dobj":
        return None
    verb = pron.head.head
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS")]
    return objs[0] if objs else None


def coordinated_object(pron: Token, words: ActorWords) -> Token | None:
    """ "arrested a suspect in X and released him a week later": for "him"/"her" as the
    object of a verb coordinated with one whose object is a singular noun, that noun; for
    "them" ("seized six guards and held them"), a plural one."""
    plural = pron.lower_ == "them"
    if (pron.lower_ not in words.person_pronouns and not plural) or pron.dep_ != "dobj":
        return None
    verb = pron.head
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    tags = ("NNS", "NNPS") if plural else ("NN", "NNP")
    objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.tag_ in tags]
    return objs[0] if objs else None


def _small_clause(verb: Token) -> bool:
    """A bare participle or infinitive with its own subject ("ordered him held", "saw them
    leave"): no auxiliary, so no reported clause of a speaker's."""
    return verb.tag_ in ("VBN", "VB") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


def titled_subject_before(pron: Token, offices: frozenset[str], back: int = 2) -> Token | None:
    """For "he"/"she" when no person is named near: the nearest subject before it (or object
    in its own sentence), in its sentence or the ``back`` sentences before, that names one
    holder of an office ("The representative of Kenya said ... He thanked"), or None."""
    doc = pron.doc
    start = pron.sent.start
    for _ in range(back):
        if start > 0:
            start = doc[start - 1].sent.start
    # a non-subject pronoun, or the subject of a small clause, is never the subject of the
    # clause that governs it ("the minister thanked him", "the judge ordered him held")
    head = pron.head
    small = pron.dep_ in _SUBJECTS and head.dep_ == "ccomp" and _small_clause(head)
    governor = head.head if small else head
    bound = (
        {c.i for c in governor.children if c.dep_ in _SUBJECTS}
        if small or pron.dep_ not in _SUBJECTS
        else set()
    )
    for t in reversed(doc[start : pron.i]):
        # (in the pronoun's own sentence an object too: "we met the minister, and he
        # promised ...")
        own = t.i >= pron.sent.start and t.dep_ in ("dobj", "dative")
        if t.i in bound:
            continue
        if (
            (t.dep_ in _SUBJECTS or own)
            and t.tag_ in ("NN", "NNP")
            and (not t.ent_type_ or _office_name(t, offices))
            and t.lemma_.lower() in offices
        ):
            return t
    return None


def _office_name(tok: Token, offices: frozenset[str]) -> bool:
    """Is the entity ``tok`` ends an office's title alone ("the Secretary-General", which the
    NER calls an organisation), naming no person or body?"""
    ent = ent_of(tok)
    if ent is None or ent.label_ != "ORG":
        return False
    return all(t.lemma_.lower() in offices for t in ent if not t.is_punct)


def _relative_head(pron: Token) -> Token | None:
    """The noun a relative clause holding ``pron`` hangs from, or None."""
    node = pron
    for _ in range(6):
        if node.dep_ == "relcl":
            return node.head if node.head.pos_ in ("NOUN", "PROPN") else None
        if node.head == node:
            return None
        node = node.head
    return None


def _earlier_subject(pron: Token) -> Token | None:
    """The nearest subject before ``pron`` in its sentence, else the previous sentence's main
    subject, that names several parties: a plural noun or coordinated names (of any NER
    label: the NER takes some coordinated countries for persons, "Mali and Burkina Faso")."""
    sent = pron.sent
    here = [t for t in sent[: pron.i - sent.start] if t.dep_ in _SUBJECTS]
    found = _several(here)
    if found is None and sent.start > 0:
        # a singular subject of its own sentence is not what "their" stands for ("The
        # ministry summoned their envoys"): the previous sentence's main subject then
        prev = pron.doc[sent.start - 1].sent
        found = _several([t for t in prev if t.dep_ == "nsubj" and _main_clause(t.head)])
    return found


def _several(subjects: list[Token]) -> Token | None:
    """The last of the subjects that names several parties, or None."""
    for t in reversed(subjects):
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children):
            return t
    return None


def _main_clause(verb: Token) -> bool:
    """Is the verb the sentence's main verb or coordinated with it ("..., and X did Y")?"""
    for _ in range(6):
        if verb.dep_ == "ROOT":
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def group_antecedent(pron: Token, words: ActorWords) -> Token | None:
    """For "it"/"they" inside a sentence, the nearest earlier subject that agrees in number
    and names a party (a country, organisation or group), or None."""
    if pron.dep_ not in _SUBJECTS:
        return None
    plural = pron.lower_ in words.plural_pronouns
    sent = pron.sent
    if plural and pron.dep_ == "nsubjpass" and sent.start > 0:
        # "Police arrested 40 protesters. A group said they had been beaten": those acted on
        # before are those acted on now (the previous sentence's last plural object)
        prev = pron.doc[sent.start - 1].sent
        objects = [t for t in prev if t.dep_ == "dobj" and t.tag_ in ("NNS", "NNPS")]
        if objects:
            return objects[-1]
    before = list(sent[: pron.i - sent.start])
    if sent.start > 0 and not any(t.dep_ in _SUBJECTS and t.pos_ != "PRON" for t in before):
        # "The United States said the militia was behind it. And so it retaliated": the
        # previous sentence's main subject first, then its other subjects
        prev = pron.doc[sent.start - 1].sent
        main = [t for t in prev if t.dep_ == "nsubj" and _main_clause(t.head)]
        before = list(prev) + main + before
    for t in reversed(before):
        if t.dep_ not in _SUBJECTS or t.pos_ == "PRON":
            continue
        if t.ent_type_ == "PERSON":
            continue
        is_plural = t.tag_ in ("NNS", "NNPS")
        if is_plural == plural or (not plural and t.ent_type_ in ("GPE", "ORG")):
            return t
    return None


def object_antecedent(pron: Token, words: ActorWords) -> Token | None:
    """For "it"/"them" that is not a subject, the nearest earlier named party of its sentence
    that is not a subject either ("wrote to the Security Council asking it to meet",
    "criticised Ukraine and accused it of ..."): a plain object pronoun never means the
    clause's own subject."""
    if pron.dep_ in _SUBJECTS and pron.head.dep_ != "xcomp":
        return None
    plural = pron.lower_ in words.plural_pronouns or pron.lower_ == "them"
    sent = pron.sent
    for t in reversed(list(sent[: pron.i - sent.start])):
        if t.dep_ in _SUBJECTS or t.pos_ not in ("PROPN", "NOUN"):
            continue
        if plural and t.tag_ == "NNS" and _national(t):
            return t  # "expelled two Croatian diplomats, accusing them of spying"
        if t.ent_type_ not in ("GPE", "ORG", "NORP") or t.head.ent_type_ == t.ent_type_:
            continue  # a word inside a longer name: its last word stands for it
        if (t.tag_ in ("NNS", "NNPS")) == plural or (not plural and t.ent_type_ != "NORP"):
            return t
    if pron.lower_ == "them" and sent.start > 0:
        # "I have asked the leaders of both clans to ... And I am warning them": the plural
        # object of the sentence before (its last one; the caller takes it only when it
        # names a party)
        before = pron.doc[sent.start - 1].sent
        for t in reversed(list(before)):
            if t.dep_ in ("dobj", "dative") and t.tag_ in ("NNS", "NNPS"):
                return t
    return None


def _national(noun: Token) -> bool:
    """Is a common noun named with a nationality or country ("Croatian diplomats")?"""
    return any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in noun.children
    )


def reporting_subject(pron: Token, words: ActorWords | None = None) -> Token | None:
    """For a pronoun subject of a reported clause, the subject of the report verb; with
    ``words``, for "I"/"we" after a speaker's label, the label's noun."""
    plural = words.plural_pronouns if words is not None else frozenset()
    if words is not None and pron.lower_ not in words.speaker_pronouns and _in_quote(pron):
        return None  # '"They will attack the town," said the mayor': others, not the mayor
    found = _report_verb_subject(pron, plural)
    if found is None and words is not None and pron.lower_ in words.speaker_pronouns:
        return speaker_label(pron)
    return found


#: not data: typography. Quotation marks that open and close a direct quotation
_STRAIGHT, _OPENING, _CLOSING = '"', "\u201c", "\u201d"


def _in_quote(tok: Token) -> bool:
    """Is the token inside a direct quotation of its sentence (an odd number of straight
    marks, or more curly openings than closings, before it)?"""
    before = tok.doc[tok.sent.start : tok.i].text
    return before.count(_STRAIGHT) % 2 == 1 or before.count(_OPENING) > before.count(_CLOSING)


#: at most this many words in a speaker's label ("GUATEMALAN FOREIGN MINISTER:"); the
#: label and the pronoun at most this many tokens apart
_LABEL_WORDS = 8
_LABEL_REACH = 40


def speaker_label(pron: Token) -> Token | None:
    """ "Statement by the Kenyan foreign ministry: We condemn ...", "A (Montenegrin justice
    minister): We have told ...": "I"/"we" after a short label ending in a colon, on the same
    line, is the labelled speaker (the label's last noun), or None."""
    doc = pron.doc
    colon = None
    for i in range(pron.i - 1, max(-1, pron.i - _LABEL_REACH), -1):
        if "\n" in doc[i].text:
            return None  # not data: a line break ends a speaker's turn
        if doc[i].text.endswith(":"):  # ":", and "):" the tokenizer keeps whole
            colon = i
            break
    if colon is None:
        return None
    label = []
    for i in range(colon - 1, max(-1, colon - 3 * _LABEL_WORDS), -1):
        t = doc[i]
        if "\n" in t.text or t.text in (".", "?", "!") or t.text.endswith(":"):
            break
        label.append(t)
    nouns = [t for t in label if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or len([t for t in label if not t.is_punct]) > _LABEL_WORDS:
        return None
    return nouns[0]  # the label's last noun (read backwards)


def _report_verb_subject(pron: Token, plural: frozenset[str] = frozenset()) -> Token | None:
    if pron.dep_ == "poss" and pron.head.dep_ in _SUBJECTS:
        pron = pron.head  # "Ukraine said its drones had hit ...": the owner is the speaker
    if pron.dep_ not in _SUBJECTS:
        return None
    clause = pron.head
    if clause.dep_ not in ("ccomp", "conj") or clause.head == clause:
        return None
    if _small_clause(clause):
        return None  # "the judge ordered him held": a small clause, its subject another's
    verb = clause.head
    if pron.i < verb.i and any(t.text == ";" for t in pron.doc[pron.i : verb.i]):
        # not data: punctuation. A semicolon ends an independent clause: a parse that hung
        # "he asked ..." under "...; the chairperson backed" names no speaker. A quote told
        # first ('"We will not ...," said X') keeps its speaker after the pronoun.
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if subj and pron.dep_ == "nsubjpass" and pron.lower_ in plural and subj[0].tag_ == "NN":
        # "Their lawyer said they were tortured": the ones it befell are not the speaker
        return None
    return subj[0] if subj else None


def coordinated_speakers(toks: Sequence[Token], words: ActorWords) -> list[SpacySpan]:
    """ "Lithuania, Latvia and Estonia say they are imposing ...": "they" is each of the
    coordinated names that report it (their proper-noun spans), or []."""
    if len(toks) != 1 or toks[0].lower_ not in words.plural_pronouns:
        return []
    speaker = _report_verb_subject(toks[0], words.plural_pronouns)
    if speaker is None or speaker.pos_ != "PROPN":
        return []
    heads = [speaker, *(c for c in speaker.subtree if c.dep_ == "conj" and c.pos_ == "PROPN")]
    if len(heads) < 2:
        return []
    doc = speaker.doc
    return [
        doc[min([h.i, *(c.i for c in h.lefts if c.dep_ == "compound")]) : h.i + 1] for h in heads
    ]


def reporter(tok: Token, words: ActorWords) -> Token | None:
    """The subject of the report verb whose reported clause holds ``tok`` ("The Kenyan
    minister said police had fired ..." -> "minister"), or None."""
    node = tok
    for _ in range(10):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in words.report_verbs:
            subj = [c for c in node.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            return subj[0] if subj else None
        if node.head == node:
            return None
        node = node.head
    return None


def act_named_in(noun: str, lemmas: frozenset[str], words: ActorWords | None = None) -> bool:
    """Does a sentence use the act noun or a word of its family ("the criticism" after
    "criticised", "the accusations" after "accused", "the deportations" after "deported")?
    One family: a common beginning of five letters or more, most of the shorter word. With
    ``words``, a noun of reproach names any verb of reproach ("rejected the criticism" after
    "accused the peacekeepers of failing")."""
    if noun in lemmas:
        return True
    if words is not None and noun in words.reproach_nouns and lemmas & words.reproach_verbs:
        return True
    if words is not None and noun in words.generic_act_nouns and lemmas:
        return True  # "Guyana calls both steps illegal": whatever act was told before
    for lemma in lemmas:
        n = 0
        for a, b in zip(noun, lemma, strict=False):
            if a != b:
                break
            n += 1
        if n >= 5 and n >= 0.7 * min(len(noun), len(lemma)):
            return True
    return False
