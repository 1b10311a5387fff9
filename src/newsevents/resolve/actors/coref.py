"""Entities of one document: mentions of the same person or organisation share a cluster
(full name, later surname, a title used for them, a pronoun)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Entity, Span
from .phrase import head_of, title_of
from .vocab import ActorWords


@dataclass
class Cluster:
    key: str
    name: str
    kind: str  # NER label: PERSON or ORG
    order: int  # creation order: earlier clusters win ties
    code: str | None = None
    sector: str | None = None
    mentions: list[Span] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    #: head nouns of an organisation's names ("agency" for the International Atomic Energy
    #: Agency, "ministry" for the Ministry of Foreign Affairs of X)
    heads: set[str] = field(default_factory=set)

    def entity(self) -> Entity:
        return Entity(
            key=self.key,
            name=self.name,
            code=self.code,
            sector=self.sector,
            kind=self.kind,
            mentions=tuple(sorted(set(self.mentions))),
        )


class Clusters:
    """The document's clusters by key, with the indexes coreference looks them up by: a
    one-word person name, a title, the person mentions by position (so that finding the
    person named before a pronoun looks at a few sentences, not the whole article)."""

    def __init__(self) -> None:
        self.by_key: dict[str, Cluster] = {}
        self._ordered: list[Cluster] = []
        self.surname: dict[str, str] = {}  # lower-cased surname -> key of the full name
        self._one_word_person: dict[str, str] = {}  # lower-cased key -> key
        self._title_owners: dict[str, list[Cluster]] = {}
        self._full_title_owners: dict[str, list[Cluster]] = {}
        self._person_mentions: list[tuple[int, int, int]] = []  # (start, order, end)
        self._head_owners: dict[str, list[Cluster]] = {}
        self._initials: dict[str, str] = {}  # "SPFW" -> key of "Sahel Press Freedom Watch"

    def __contains__(self, key: str) -> bool:
        return key in self.by_key

    def get(self, key: str) -> Cluster | None:
        return self.by_key.get(key)

    def add(self, key: str, name: str, kind: str) -> Cluster:
        """The cluster ``key``, created on first use."""
        cl = self.by_key.get(key)
        if cl is None:
            cl = self.by_key[key] = Cluster(key, name, kind, order=len(self._ordered))
            self._ordered.append(cl)
            if kind == "PERSON" and len(key.split()) == 1:
                self._one_word_person.setdefault(key.lower(), key)
            elif kind != "PERSON":
                # a body's capitalised words give its short form ("the National Unity
                # Government" -> NUG), by which the article goes on naming it
                capitals = [w[0] for w in name.split() if w[:1].isupper()]
                if len(capitals) >= 2:
                    self._initials.setdefault("".join(capitals), key)
        return cl

    def mention(self, cl: Cluster, span: Span) -> None:
        cl.mentions.append(span)
        if cl.kind == "PERSON":
            insort(self._person_mentions, (span.start, cl.order, span.end))

    def add_titles(self, cl: Cluster, titles: Sequence[str], full: Sequence[str] = ()) -> None:
        """Role words used for a person ("minister") and the whole titles ("prime minister")."""
        for title in titles:
            if title not in cl.titles and cl.kind == "PERSON":
                self._title_owners.setdefault(title, []).append(cl)
            cl.titles.add(title)
        for title in full:
            owners = self._full_title_owners.setdefault(title, [])
            if cl.kind == "PERSON" and cl not in owners:
                owners.append(cl)

    def add_heads(self, cl: Cluster, *names: str | None) -> None:
        """The head nouns of an organisation's names, by which "the agency" refers to it."""
        if cl.kind != "ORG":
            return
        for name in names:
            head = name_head(name) if name else None
            if head:
                cl.heads.add(head)
                owners = self._head_owners.setdefault(head, [])
                if cl not in owners:
                    owners.append(cl)

    def head_owner(self, noun: str) -> Cluster | None:
        """The organisation whose name has ``noun`` as its head, or None: none, or several of
        different countries ("the IAEA's Board of Governors" and "the IAEA" both have the
        agency's name and code: the first named stands for both)."""
        owners = self._head_owners.get(fold_spelling(noun.lower()), [])
        return owners[0] if owners and len({o.code for o in owners}) == 1 else None

    def title_owners(self, title: str, full: bool = False) -> list[Cluster]:
        """The person clusters a title was used for ("the general"); ``full``: used as the
        whole title ("president", not part of "vice president")."""
        return (self._full_title_owners if full else self._title_owners).get(title, [])

    def person_mentions(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, cluster order, end) of person mentions starting in ``[start, end)``."""
        i = bisect_left(self._person_mentions, (start,))
        j = bisect_left(self._person_mentions, (end,))
        return self._person_mentions[i:j]

    def in_order(self) -> list[Cluster]:
        return list(self._ordered)

    def nth(self, order: int) -> Cluster:
        return self._ordered[order]

    def key_for(self, name: str) -> str:
        """The key of the cluster a name belongs to (a new key if none)."""
        norm = " ".join(name.split())
        if norm in self.by_key:
            return norm
        parts = norm.split()
        if len(parts) == 1 and norm.lower() in self.surname:
            return self.surname[norm.lower()]
        # a longer form of a name seen before ("Doe" then "Jane Doe")
        if parts and parts[-1].lower() in self._one_word_person:
            return self._one_word_person[parts[-1].lower()]
        # a body's short form after its full name ("Sahel Press Freedom Watch (SPFW)")
        if len(parts) == 1 and norm.isupper() and norm in self._initials:
            return self._initials[norm]
        return norm


def entity_key(clusters: Clusters, ent: SpacySpan, name: str) -> str:
    """The cluster key of a named entity: "the Mission" after "the United Nations Assistance
    Mission for Iraq" (the tagger takes the capitalised head alone for a name) is that
    organisation; any other name is keyed by :meth:`Clusters.key_for`."""
    if ent.label_ == "ORG" and len(ent) == 1 and ent.start > 0:
        det = ent.doc[ent.start - 1]
        owner = clusters.head_owner(ent[0].lemma_) if det.lower_ == "the" else None
        if owner is not None and owner.kind == "ORG":
            return owner.key
    return clusters.key_for(name)


def fold_spelling(word: str) -> str:
    """One spelling for British and American forms ("organisation" -> "organization")."""
    return word.replace("isation", "ization")


#: the prepositions that end an organisation name's head and open its complement ("Ministry
#: of Defence", "Mission for Iraq", "Office in Haiti"); only written in lower case
_NAME_PREPS = frozenset({"of", "for", "in", "on", "to", "at", "against"})


def name_head(name: str) -> str | None:
    """The head noun of a multiword organisation name: the word before its first lower-case
    preposition, else its last word ("International Atomic Energy Agency" -> "agency",
    "Ministry of Foreign Affairs of Georgia" -> "ministry", "United Nations Assistance
    Mission for Iraq" -> "mission"); None for a one-word name or an acronym."""
    words = name.split()
    if len(words) < 2:
        return None
    cut = next((i for i, w in enumerate(words) if i and w in _NAME_PREPS), None)
    head = words[cut - 1] if cut is not None else words[-1]
    if not head[:1].isalpha() or head.isupper():
        return None
    return fold_spelling(head.lower())


def person_before(pron: Token, clusters: Clusters) -> Cluster | None:
    """The person entity mentioned last before ``pron``, at most two sentences back."""
    sent = pron.sent
    doc = pron.doc
    start = sent.start_char
    prev = sent.start - 1
    for _ in range(2):
        if prev < 0:
            break
        start = doc[prev].sent.start_char
        prev = doc[prev].sent.start - 1
    best: tuple[int, int, int, int] | None = None
    for m_start, order, m_end in clusters.person_mentions(start, pron.idx):
        tok = doc.char_span(m_start, m_end, alignment_mode="expand")
        # a subject is the likelier antecedent ("Soleimani wasn't hiding like bin Laden.
        # Killing him ..." is Soleimani)
        subject = int(tok is not None and tok.root.dep_ in ("nsubj", "nsubjpass"))
        # a person named earlier in the pronoun's own sentence comes before any of the
        # sentences before it ("X condemned it. A drone hit Y's car, killing him" is Y)
        here = int(m_start >= sent.start_char)
        rank = (here, subject, m_start, -order)
        if best is None or rank > best:
            best = rank
    if best is None:
        return None
    return clusters.nth(-best[3])


def cluster_for(toks: Sequence[Token], clusters: Clusters, words: ActorWords) -> Cluster | None:
    """The cluster an actor phrase refers to: a name, a surname, or a title used before."""
    ents = [t for t in toks if t.ent_type_ in ("PERSON", "ORG")]
    surname = clusters.surname
    if ents:
        doc = ents[0].doc
        name = words.drop_clitic(str(doc[ents[0].i : ents[-1].i + 1].text)).strip()
        if ents[-1].i - ents[0].i + 1 != len(ents):
            name = " ".join(t.text for t in ents if t.text not in words.possessive_clitics)
        key = clusters.key_for(name)
        if key in clusters:
            return clusters.get(key)
        for part in reversed(name.split()):
            if part.lower() in surname:
                return clusters.get(surname[part.lower()])
    # a surname the NER did not tag this time ("al-Muhandis", "Al-Sadr")
    for t in toks:
        if t.lower_ in surname and t.pos_ == "PROPN":
            return clusters.get(surname[t.lower_])
    if toks:
        run = str(toks[0].doc[toks[0].i : toks[-1].i + 1].text)
        for part in reversed(run.split()):
            if words.drop_clitic(part.lower()) in surname:
                return clusters.get(surname[words.drop_clitic(part.lower())])
    # "the general": a title used before for exactly one person
    head = head_of(toks) if toks else None
    dets = words.anaphoric_determiners
    anaphoric = head is not None and (
        toks[0].lower_ in dets or any(c.dep_ == "det" and c.lower_ in dets for c in head.children)
    )
    # "the Mission": the tagger may take the capitalised head alone for a name
    if head is not None and anaphoric and (not ents or ents == [head]):
        # "the agency": the one organisation named before whose name has that head
        owner = clusters.head_owner(head.lemma_)
        if owner is not None:
            return owner
        # the whole title first ("the prime minister" among several ministers, "the president"
        # beside a vice president), then the role word ("the general")
        for title, full in ((title_of(head), True), (head.lemma_.lower(), False)):
            owners = clusters.title_owners(title, full)
            if len(owners) == 1:
                return owners[0]
            if owners:
                break
        noun = head.lemma_.lower()
        if noun in words.group_nouns:
            return _group_before(toks[0], clusters, lambda cl: cl.sector, words.group_sectors)
        if noun in words.bloc_nouns:
            return _group_before(toks[0], clusters, lambda cl: cl.code, words.bloc_codes)
    return None


def _group_before(
    tok: Token,
    clusters: Clusters,
    label: Callable[[Cluster], str | None],
    wanted: frozenset[str],
) -> Cluster | None:
    """ "JNIM fighters attacked a post ... The group said", "EU ministers met ... the bloc
    agreed": the organisation named last before the definite noun whose ``label`` (sector,
    code) is one of ``wanted``."""
    found: list[tuple[int, int]] = []  # (its latest mention before, cluster order)
    for cl in clusters.in_order():
        if cl.kind == "ORG" and (label(cl) or "").lower() in wanted:
            before = [m.start for m in cl.mentions if m.end <= tok.idx]
            if before:
                found.append((max(before), cl.order))
    return clusters.nth(max(found)[1]) if found else None


def own_titles(titles: tuple[str, ...], context: list[Token]) -> tuple[str, ...]:
    """The role words that are the person's own title: not one that only modifies another
    noun ("the army commander", "the group's secretary-general"), so that "the army" or "the
    group" later is never that person."""
    out = []
    for title in titles:
        toks = [t for t in context if t.lemma_.lower() == title]
        modifier = bool(toks) and all(
            t.dep_ in ("compound", "poss") and t.head.pos_ == "NOUN" and t.head.i != t.i
            for t in toks
        )
        if not modifier:
            out.append(title)
    return tuple(out)
