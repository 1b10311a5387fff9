"""Parties named around a trigger: the owner of an abstract object, the party of a
condition, the first party named after the trigger."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from .codebook import Codebook
from .doers import actor_modifiers
from .parse import (
    ENT_LABELS,
    Frame,
    ent_root,
    infinitival,
    is_passive,
    lemma,
    names_party,
    preps_of,
    subordinate,
    with_conjuncts,
    word_set,
)


def owned_site(tok: Token, book: Codebook) -> bool:
    """A site named for its owner ("a police station", "an army post", "Kurdish offices",
    "army positions": ground a party holds, not its stance; "the offices of opposition
    parties") or by its own name ("the Sebba garrison", "the Jarinje crossing"): the party the
    act was done to, whatever country is named after it."""
    if lemma(tok) not in book.expand(("GROUND", "BUILDING")):
        return False  # ("the opposition candidate" is a person, named by a party)
    owners = [o for p in book.words("genitive_preps") for o in preps_of(tok).get(p, [])]
    return any(
        c.dep_ in ("compound", "amod")
        and c.tag_ not in ("VBN", "VBD")  # ("suspected positions": no suspect's)
        and (lemma(c) in book.party_nouns or c.ent_type_ in ("NORP", "ORG") or c.pos_ == "PROPN")
        for c in tok.children
    ) or any(
        lemma(x) in book.party_nouns or x.ent_type_ in ("NORP", "ORG")
        for o in owners
        for x in (o, *(m for m in o.children if m.dep_ in ("compound", "amod")))
    )


def owner_of(tok: Token, book: Codebook) -> list[Token]:
    """For an abstract object ("Iraq's proposal", "a US offer"), the party it belongs to."""
    acts = book.classes.get("ATTACK_NOUN", frozenset()) | book.words("doer_owned_acts")
    owned = book.classes.get("ABSTRACT", frozenset()) | acts
    authored = owned | book.expand(book.ordered("authored_classes"))
    if lemma(tok) in authored:
        # "rejected the amendments demanded by Bulgaria", "dismissed the allegations made by
        # the opposition leader": whoever the participle's agent names
        agents = [
            p
            for c in tok.children
            if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children
            if a.dep_ == "agent"
            for p in a.children
            if p.dep_ == "pobj"
        ]
        if agents:
            return with_conjuncts(agents[:1])
    if lemma(tok) not in owned or owned_site(tok, book):
        return [tok]
    owners = actor_modifiers(tok)
    if owners:
        return owners
    preps = preps_of(tok)
    if lemma(tok) in acts:
        # "the killing of a farmer by soldiers": an attack belongs to whoever attacked, not
        # to its victim (the of-phrase); the by-phrase may hang on the victim
        genitive = book.words("genitive_preps")
        victims = [v for g in genitive for v in preps.get(g, [])]
        for p in book.ordered("owner_preps"):
            if p in genitive:
                continue
            found = preps.get(p) or [a for v in victims for a in preps_of(v).get(p, [])]
            if found:
                return with_conjuncts(found)
        # no doer named: an attack noun has no owner; another act noun ("dismissed the
        # arrests") stands for itself, the doer of the act it names (resolve looks it up)
        return [] if lemma(tok) in book.classes.get("ATTACK_NOUN", frozenset()) else [tok]
    for p in book.ordered("owner_preps"):
        if preps.get(p):
            return with_conjuncts(preps[p])
    return []


def conditioned_party(tok: Token, book: Codebook) -> list[Token]:
    """The subject of an "if"/"unless" clause under a threat: whom the threat addresses,
    when it is a party ("unless Israel rescinds ..."), not a thing ("if the bill is passed":
    the threatened act's own target is the one addressed)."""
    marks = book.words("commitment_marks")
    parties = book.party_nouns
    for t in tok.subtree:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in t.children):
            subj = [
                c
                for c in t.children
                if c.dep_ in ("nsubj", "nsubjpass")
                and c.pos_ != "PRON"
                and (names_party(c) or lemma(c) in parties)
            ]
            if subj:
                return with_conjuncts(subj[:1])
    return []


def first_named_after(
    tok: Token,
    actors: list[Token],
    book: Codebook,
    deep: bool = False,
    skip: AbstractSet[int] = frozenset(),
) -> list[Token]:
    """The first party named after the trigger: in its own clause, or (``deep``) also in
    the clauses it governs (its topic or purpose), never in relative clauses; not the
    tokens ``skip`` (the doer's own thing the act moves)."""
    taken: set[int] = set()
    for a in actors:
        taken.update(t.i for t in a.subtree)
    stop = {"relcl", "parataxis"} if deep else {"relcl", "advcl", "parataxis", "ccomp", "acl"}

    def follow(c: Token) -> bool:
        if c.dep_ == "advcl" and subordinate(c, book):
            return False
        if helper_phrase(c, book):
            return False  # "with mediation from X": who helped, not whom the act was done to
        if c.dep_ in stop:
            # "a call for its forces to be deployed in X": an infinitival relative is content
            return deep and c.dep_ == "relcl" and infinitival(c)
        return True

    stack = [c for c in tok.children if c.i > tok.i and follow(c)]
    found: list[Token] = []
    while stack:
        t = stack.pop(0)
        if t.i in taken:
            continue
        if t.ent_type_ in ENT_LABELS and t.pos_ not in ("PRON", "ADP") and t.i not in skip:
            root = ent_root(t)
            # (a preposition the tagger swept into a name, "the ministry on Monday", is no
            # party: the name's own noun is)
            found.append(_party_head(t if root.pos_ == "ADP" else root, book))
        else:
            stack.extend(c for c in t.children if follow(c))
    # the first in the text, not the shallowest in the parse ("fired at a Philippine boat
    # near X": the boat's owner comes before the place)
    found.sort(key=lambda t: t.i)
    return with_conjuncts(found[:1]) if found else []


def helper_phrase(tok: Token, book: Codebook) -> bool:
    """Is ``tok`` the noun of a phrase naming who helped ("with mediation from X", "with the
    help of X", "under the auspices of X") or such a participle ("a deal brokered by X")?"""
    if tok.dep_ == "acl":
        return lemma(tok) in book.words("helper_verbs")
    return (
        tok.dep_ == "pobj"
        and lemma(tok) in book.words("helper_nouns")
        and tok.head.lower_ in book.words("helper_preps")
    )


def _party_head(named: Token, book: Codebook) -> Token:
    """ "sanctions on Venezuelan officials": a nationality naming a party noun names that
    party (the officials, with their sector), not the bare country; "Venezuelan oil" stays
    Venezuela's."""
    head = named.head
    if named.dep_ in ("amod", "compound", "nmod") and lemma(head) in book.party_nouns:
        return head
    return named


def mandator(verb: Token, book: Codebook) -> list[Token]:
    """X in "on the orders of X" / "at the request of X" on a verb: who ordered the act."""
    genitive = book.ordered("genitive_preps")
    for objs in preps_of(verb).values():
        for o in objs:
            if is_mandate(o, book):
                held = preps_of(o)
                found = [c for g in genitive for c in held.get(g, [])]
                if found:
                    return with_conjuncts(found)
    return []


def is_mandate(tok: Token, book: Codebook) -> bool:
    """ "on the orders of X", "at his request": who ordered the act, not its target (only
    with its orderer: "called on the authorities to ..." addresses them); nor is a bare motive
    ("launched operations in response", "in retaliation for X")."""
    if lemma(tok) in book.words("motive_nouns") and not any(
        c.dep_ in ("det", "poss") for c in tok.children
    ):
        return True
    nouns, by = book.words("mandate_nouns"), book.words("genitive_preps") | {"from", "by"}
    return (lemma(tok) in nouns or tok.lower_ in nouns) and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in by) for c in tok.children
    )


def sent_force(frame: Frame, subject: list[Token], book: Codebook) -> bool:
    """Is the passive subject a force sent (``own_force_classes``) by a type whose object
    is what is sent, not a party?"""
    if book.spec(frame.event).object_party or frame.mode in book.words("person_object_modes"):
        return False
    if book.spec(frame.event).demand:
        return False  # "troops were ordered to fire": the troops are the ones ordered
    forces = book.expand(book.ordered("own_force_classes"))
    return bool(subject) and all(word_set(s, book) & forces for s in subject)


def expelling_state(frame: Frame, preps: dict[str, list[Token]], book: Codebook) -> list[Token]:
    """ "Hundreds of migrants were deported from Pakistan": with no agent named, the state
    they were sent out of did it (the named party of its "from" phrase), else nobody."""
    if frame.mode not in book.words("expelled_from_modes"):
        return []
    named = [o for p in book.ordered("expelled_from_preps") for o in preps.get(p, [])]
    return with_conjuncts([o for o in named if names_party(o)][:1])


def names_side(r: Token, trigger: Token, where: frozenset[str]) -> bool:
    """Does a recipient name another side, not the place of the act ("fought in the Galwan
    valley", "signed a pact in Canberra": no side named)?"""
    if _in_place_phrase(r, trigger, where):
        return False
    return any(
        t.ent_type_ in ENT_LABELS and not _in_place_phrase(t, r, where)
        for t in r.subtree
        if t.dep_ not in ("relcl", "acl")
    )


def _in_place_phrase(tok: Token, top: Token, where: frozenset[str]) -> bool:
    """Is ``tok`` inside a place phrase ("in X", "near X") below ``top``?"""
    node = tok
    for _ in range(12):
        if node == top or node.head == node:
            return False
        if node.dep_ == "prep" and node.lower_ in where:
            return True
        node = node.head
    return False


def between_sides(noun: Token, book: Codebook) -> list[Token]:
    """The sides a mutual act's between-phrase names ("talks between Armenia and Azerbaijan",
    "talks between Sudan's warring generals"), or []."""
    held = preps_of(noun)
    return with_conjuncts([o for p in book.ordered("between_preps") for o in held.get(p, [])])


def other_side(noun: Token, book: Codebook) -> list[Token]:
    """The other side a mutual act told as a noun names ("the clashes with Tajik forces"): a
    named party or a nationality's forces, never "fighting with rifles"."""
    others = book.words("mutual_other_preps")
    return [
        o
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in others
        for o in p.children
        if o.dep_ == "pobj" and names_party(o)
    ]


def pact_sides(pact: Token, book: Codebook) -> list[Token]:
    """Whom a pact binds: the sides its between-phrase names ("a deal between Israel and
    Hamas"), else the other side its with-phrase names ("signed a peace agreement with the
    rebels")."""
    return between_sides(pact, book) or with_conjuncts(other_side(pact, book))


def taken_from(frame: Frame, book: Codebook) -> list[Token]:
    """ "retook the town from rebels", "seized the port from government forces": ground taken
    by force is taken from a party, the recipient (a party named or a party noun, not "from
    the north")."""
    tok = frame.token
    if not book.spec(frame.event).violent or tok.pos_ != "VERB":
        return []
    ground = book.expand(("GROUND", "BUILDING"))
    objs = [o for o in tok.children if o.dep_ == "dobj" and word_set(o, book) & ground]
    if not objs:
        return []
    parties = book.party_nouns | book.expand(("ARMED",))
    # (the parse may hang "from X" on the object: "retook control of the port from gangs")
    held = preps_of(tok).get("from", []) + [
        o for t in objs[0].subtree if t.lower_ == "from" for o in t.children if o.dep_ == "pobj"
    ]
    return with_conjuncts([o for o in held if names_party(o) or lemma(o) in parties][:1])


def fought_against(frame: Frame, preps: dict[str, list[Token]], book: Codebook) -> list[Token]:
    """ "Protesters clashed with police", "rebels fought with government troops": the other
    side of a fight told by its verb, a party named or a party noun (not "with rifles")."""
    if not book.spec(frame.event).violent or lemma(frame.token) not in book.words("mutual_words"):
        return []
    parties = book.party_nouns
    return with_conjuncts(
        [
            o
            for p in book.ordered("mutual_other_preps")
            for o in preps.get(p, [])
            if names_party(o) or lemma(o) in parties
        ][:1]
    )


def fought_with(verb: Token, book: Codebook) -> list[Token]:
    """The other side named in the fighting a death verb's prepositional phrase tells ("died
    in clashes with Tajik forces" -> Tajik forces), or []."""
    mutual = book.words("mutual_words")
    return [
        o
        for p in verb.children
        if p.dep_ == "prep"
        for n in p.children
        if n.dep_ == "pobj" and lemma(n) in mutual
        for o in other_side(n, book)
    ]


# NER labels of a side named on the positions it fired from (not a place's)
_SIDE_LABELS = frozenset({"ORG", "NORP", "PERSON"})


def fired_from(tok: Token, book: Codebook) -> list[Token]:
    """ "The shells had been fired from RSF positions", "Shelling from Russian positions hit
    X", "condemned the firing from Azerbaijani positions": the side whose positions a violent
    act told without its doer came from did it (a place names no doer: "from the Sunan
    area"). Only for a passive verb, a gerund without a subject, or a noun."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    if tok.pos_ == "VERB" and not is_passive(tok) and (tok.tag_ != "VBG" or subject):
        return []
    # (the parse may hang the phrase on the verb whose object the act is: "condemned the
    # shelling from X positions")
    holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
    return [
        m
        for h in holders
        for p in book.ordered("origin_preps")
        for o in preps_of(h).get(p, [])
        if lemma(o) in book.words("origin_nouns")
        for m in o.children
        if m.dep_ in ("compound", "amod")
        and (m.ent_type_ in _SIDE_LABELS or (not m.ent_type_ and lemma(m) in book.party_nouns))
    ][:1]


def unnamed_doer(tok: Token, instrument: Token | None, book: Codebook) -> list[Token]:
    """The doer of a violent act its verb tells without one: the side it was fired from
    (on the verb or on the act naming it, :func:`fired_from`), else the forces acting in its
    clause of occasion ("Two people were killed as police clashed with protesters")."""
    found = fired_from(tok, book) or fired_from(instrument or tok, book)
    if found or not is_passive(tok) or any(c.dep_ == "agent" for c in tok.children):
        return found
    forces = book.expand(book.ordered("force_doer_classes"))
    marks = book.words("occasion_marks")
    for verb in (tok, *tok.conjuncts):  # ("were killed and arrested as police clashed")
        for c in verb.children:
            occasion = any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in c.children)
            doers = [s for s in c.children if s.dep_ == "nsubj" and lemma(s) in forces]
            if c.dep_ == "advcl" and occasion and doers:
                return doers
    return []
