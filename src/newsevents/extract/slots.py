"""Recipients from a trigger's own slots: the dative or object, the type's recipient
prepositions, the receiver of a hand-over, the addressee of a demand; and the refusals and
own-object acts whose object or clause is no recipient (used by :mod:`.arguments`)."""

from __future__ import annotations

from spacy.tokens import Token

from .codebook import Codebook
from .parse import (
    Frame,
    Parse,
    children_of,
    lemma,
    names_party,
    preps_of,
    with_conjuncts,
    word_set,
)
from .parties import helper_phrase, is_mandate, owner_of
from .relatives import PLACE_LABELS

WHEN = ("DATE", "TIME")  # entity labels of when, not whom


def content_subjects(clause: Token, book: Codebook) -> list[Token]:
    """The subject of a "that" content clause ("demanded that Israel ease ...")."""
    marks = book.words("content_marks")
    if clause.dep_ in ("acl", "ccomp", "relcl") and any(
        m.dep_ == "mark" and m.lower_ in marks for m in clause.children
    ):
        return with_conjuncts(children_of(clause, "nsubj", "nsubjpass"))
    return []


def goods(book: Codebook) -> frozenset[str]:
    """Words for what is given, sent or imposed (not a party)."""
    return book.expand(book.ordered("goods_classes"))


def slot_recipients(frame: Frame, book: Codebook, parse: Parse) -> list[Token]:
    """The recipient in the dative or object slot ("gave Iraq X", "attacked the village")."""
    tok = frame.token
    spec = book.spec(frame.event)
    dative = [d for d in children_of(tok, "dative") if d.pos_ != "ADP"]
    if dative:
        return with_conjuncts(dative)
    objs = [_counted_group(o, book) for o in parse.objects(tok)]
    # (whoever is told to act is addressed, troops too: "ordered troops to withdraw")
    controlled = spec.demand and bool(children_of(tok, "xcomp"))
    if (
        not spec.object_party
        and not controlled
        and frame.mode not in book.words("person_object_modes")
        and lemma(tok) not in book.words("person_object_verbs")
    ):
        goods_words = goods(book)
        # (a building is no goods, whoever's it is: "torched a police station")
        buildings = book.classes.get("BUILDING", frozenset())
        objs = [o for o in objs if lemma(o) in buildings or not (word_set(o, book) & goods_words)]
    if spec.violent:
        objs = [r for o in _fired_at(objs, book) for r in _occupants(o, book) or [o]]
        objs = [o for o in objs if lemma(o) not in book.words("open_space")]
    objs = [r for o in objs for r in _writ_subject(o, book) or [o]]
    if own_object(frame, book):
        objs = []  # what is withdrawn is the actor's own; the recipient is "from X"
    # an object predicate says what the object is called or made ("called the vote a sham"),
    # never who is acted on
    objs = [
        o
        for o in objs
        if (o.pos_ != "VERB" or _gerund_noun(o)) and o.ent_type_ not in WHEN and o.dep_ != "oprd"
    ]
    attack_words = book.classes.get("ATTACK_NOUN", frozenset())
    # an attack condemned without its doer ("condemned the strikes") stands for that doer
    blamed = spec.content_factuality == "reported"
    if blamed and not objs:
        objs = children_of(tok, "nsubjpass")  # "the attack was blamed on X"
    if blamed and objs and all(lemma(o) in attack_words for o in objs):
        # "blamed the attack on Turkey": the one it is blamed on
        held = preps_of(tok)
        on = [c for p in book.ordered("blame_preps") for c in held.get(p, []) if names_party(c)]
        if on:
            return with_conjuncts(on)
    sites = _held_sites(objs, book) if spec.violent else set()
    return [
        r
        for o in objs
        for r in (
            [o]
            if o.i in sites
            else owner_of(o, book) or ([o] if blamed and lemma(o) in attack_words else [])
        )
    ]


def _held_sites(objs: list[Token], book: Codebook) -> set[int]:
    """Sites attacked that name who holds them ("attacked army positions", "shelled rebel
    positions"): a place held, not a stance, and its holder is whom the attack hit."""
    sites = book.expand(("GROUND", "BUILDING"))
    parties = book.party_nouns
    return {
        o.i
        for o in objs
        if lemma(o) in sites
        and any(
            c.dep_ in ("compound", "amod")
            and c.pos_ != "VERB"  # ("suspected positions": no one named)
            and (lemma(c) in parties or c.ent_type_ in ("NORP", "ORG", "GPE"))
            for c in o.children
        )
    }


def _counted_group(obj: Token, book: Codebook) -> Token:
    """ "killed five of the soldiers", "freed some of the hostages": the group counted from
    is who is acted on (with its sector), not the number."""
    if obj.tag_ == "CD" or lemma(obj) in book.words("partitive_words"):
        group = [o for p in book.ordered("genitive_preps") for o in preps_of(obj).get(p, [])]
        if group and group[0].pos_ in ("NOUN", "PROPN"):
            return group[0]
    return obj


def counted(group: Token, book: Codebook) -> bool:
    """ "kidnapped 12 worshippers", "killed four of the policemen", "killed 12": a counted
    object (a bare number as the object counts people)."""
    if any(c.dep_ == "nummod" and c.ent_type_ not in WHEN for c in group.children):
        return True
    if group.dep_ == "dobj" and group.tag_ == "CD" and group.ent_type_ not in WHEN:
        return True
    part = group.head.head if group.dep_ == "pobj" else group
    return part is not group and _counted_group(part, book) is group


def _gerund_subject(obj: Token) -> Token:
    """ "fired tear gas at protesters marching on parliament": the parser makes the people
    the subject of a gerund after the preposition; they are the ones fired at."""
    if obj.dep_ == "pcomp" and obj.tag_ == "VBG":
        subj = [c for c in obj.children if c.dep_ == "nsubj" and c.i < obj.i]
        if subj and subj[0].pos_ in ("NOUN", "PROPN"):
            return subj[0]
    return obj


def _writ_subject(obj: Token, book: Codebook) -> list[Token]:
    """ "issued an arrest warrant for X", "a warrant for the arrest of X": a writ acts on
    whom its preposition names (through the act it orders), not on itself; [] otherwise."""
    if lemma(obj) not in book.words("writ_nouns"):
        return []

    def party(t: Token) -> bool:
        return names_party(t) or lemma(t) in book.party_nouns

    # the parser may hang "for X" on the verb ("issued warrants for two commanders")
    on_verb = preps_of(obj.head) if obj.dep_ == "dobj" else {}
    held = [
        c
        for h in (preps_of(obj), on_verb)
        for p in book.ordered("writ_preps")
        for c in h.get(p, [])
    ]
    for named in held:
        ordered = [o for p in book.ordered("genitive_preps") for o in preps_of(named).get(p, [])]
        if not named.ent_type_ and ordered and party(ordered[0]):
            return with_conjuncts(ordered[:1])  # "for the arrest of X"
        if party(named):
            return with_conjuncts([named])
    return []


def _occupants(place: Token, book: Codebook) -> list[Token]:
    """Who a place attacked houses, when the text says so ("bases housing American troops", "a
    camp where UN peacekeepers are stationed"): they are whom the attack is aimed at, not the
    country the place is in; [] when it does not say."""
    for clause in children_of(place, "acl"):
        if lemma(clause) in book.words("operator_verbs"):
            # "a health centre run by Doctors Without Borders": whose the place is
            found = [o for a in children_of(clause, "agent") for o in children_of(a, "pobj")]
            if found and names_party(found[0]):
                return with_conjuncts(found[:1])
    places = book.expand(("GROUND", "BUILDING", "VEHICLES"))
    # (the small tagger lemmatises "bases" as "basis")
    if lemma(place) not in places and place.lower_.removesuffix("s") not in places:
        return []
    verbs = book.words("occupancy_verbs")
    for clause in place.children:
        if clause.dep_ not in ("acl", "relcl") or lemma(clause) not in verbs:
            continue
        slots = ("dobj",) if clause.dep_ == "acl" else ("nsubj", "nsubjpass", "dobj")
        found = [c for c in children_of(clause, *slots) if names_party(c)]
        if found:
            return with_conjuncts(found[:1])
    return []


def _fired_at(objs: list[Token], book: Codebook) -> list[Token]:
    """ "fired rockets at X", "launched artillery fire against X camps": the weapon is not
    the target; the target is its at/on/against phrase."""
    arms = book.expand(book.ordered("fired_classes")) | book.words("fired_words")
    targeted: list[Token] = []
    for o in objs:
        if not (word_set(o, book) & arms):
            targeted.append(o)
            continue
        for h in with_conjuncts([o]):
            op = preps_of(h)
            for p in book.ordered("target_preps"):
                targeted.extend(op.get(p, []))
    return targeted


def preposition_recipients(
    frame: Frame,
    recips: list[Token],
    preps: dict[str, list[Token]],
    book: Codebook,
    parse: Parse,
) -> list[Token]:
    """The receiver of a hand-over, the addressee of a demand, or the type's recipient
    prepositions ("talks with X", "aid to X", "demands on X")."""
    tok = frame.token
    spec = book.spec(frame.event)
    if spec.hands_over:
        recips = _receiver(tok, recips, preps, book, parse)
    if not recips and spec.demand:
        # "insisted on its demands that Burundi's government grant ...": the demand's addressee
        demands = book.classes.get("DEMANDS", frozenset())
        for objs in preps.values():
            for o in objs:
                if lemma(o) in demands:
                    for c in o.children:
                        recips = recips or content_subjects(c, book)
    if not recips and spec.demand:
        # "requested troops from Rwanda", "demanded an apology from Tokyo": the one asked is
        # named on what is asked for (where the parse hangs the phrase)
        asked = book.ordered("asked_preps")
        for o in parse.objects(tok):
            held = preps_of(o)
            named = [c for p in asked for c in held.get(p, []) if names_party(c)]
            if named:
                recips = with_conjuncts(named)
                break
    if not recips:
        # the verb's own phrases, then those of an object naming the same act ("imposed
        # sanctions on two gang leaders", "launched attacks against the positions")
        acts = [o for o in parse.objects(tok) if _names_act(o, frame, book)]
        for held in (preps, *map(preps_of, acts)):
            found = _after_recipient_preps(frame, held, book)
            if found:
                return found
    return recips


def purpose_recipients(frame: Frame, book: Codebook, parse: Parse) -> list[Token]:
    """Whom a journey is made to meet: the party its purpose verb names ("flew to Pemba to
    meet the provincial governor": the governor, not the town)."""
    purposes = set(frame.entry.purpose)
    if frame.mode in book.words("host_place_modes"):
        purposes |= book.words("meeting_verbs")  # "flew to Cairo to meet X" (consult.travel_to)
    if not purposes:
        return []
    for x in children_of(frame.token, "advcl", "xcomp"):
        if lemma(x) in purposes:
            met = [
                o
                for o in parse.objects(x)
                if (names_party(o) or lemma(o) in book.party_nouns)
                and o.ent_type_ not in PLACE_LABELS
            ]
            if met:
                return with_conjuncts(met)
    return []


def _names_act(noun: Token, frame: Frame, book: Codebook) -> bool:
    """Is the noun the act the verb does: what is sent, given or imposed that its entry
    asks for ("imposed sanctions") or a trigger of the same event type ("launched attacks")?"""
    if noun.pos_ != "NOUN":
        return False
    sent_or_imposed = book.expand(book.ordered("imposed_classes"))
    if word_set(noun, book) & book.expand(frame.entry.obj) & sent_or_imposed:
        return True
    return any(e.event == frame.event for e in book.index.get((lemma(noun), "noun"), ()))


def _after_recipient_preps(
    frame: Frame, preps: dict[str, list[Token]], book: Codebook
) -> list[Token]:
    """The first objects of the type's recipient prepositions that can be a party."""
    spec = book.spec(frame.event)
    for p in spec.recipient_preps:
        # (a passive's "by" names its doer: "the offer was rejected by Kyiv"; a phrase before
        # the subject sets the scene: "In Dhaka, police fired tear gas", though a protest's
        # venue names the state it addresses, see resolve.actors.setting)
        scene = spec.implicit_target is None
        after = [
            c
            for c in preps.get(p, [])
            if c.head.dep_ != "agent" and not (scene and _fronted(c.head, frame.token))
        ]
        after = [_gerund_subject(c) for c in after] if spec.violent else after
        cands = [
            c
            for c in after
            if c.pos_ in ("NOUN", "PROPN", "PRON")
            and c.ent_type_ not in WHEN
            and lemma(c) not in book.words("time_nouns")  # "later in the day"
            and not is_mandate(c, book)
            and lemma(c) not in book.words("open_space")
            and not helper_phrase(c, book)
        ]  # "on Thursday" is when, not whom; "on the orders of X" is who ordered it
        if cands:
            if spec.violent:  # "fired at bases housing American troops"
                cands = [r for o in cands for r in _occupants(o, book) or [o]]
            return [r for o in with_conjuncts(cands) for r in owner_of(o, book)]
    return []


def _fronted(prep: Token, verb: Token) -> bool:
    """Does the verb's phrase ``prep`` come before the verb's subject (a scene-setting
    adverbial: "In Dhaka, police fired ...")?"""
    return prep.head == verb and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > prep.i for c in verb.children
    )


def _receiver(
    tok: Token, recips: list[Token], preps: dict[str, list[Token]], book: Codebook, parse: Parse
) -> list[Token]:
    """ "granted asylum to five officers", "extradited a suspect to Spain", "sent three cargo
    planes loaded with tents to Myanmar": the receiver of a hand-over. A party named in it
    wins over an object that only carries a name ("four IRIS-T systems"), not over a named
    party ("handed Iraq the keys" is a dative, taken before)."""
    receiver = book.ordered("receiver_preps")
    objs = parse.objects(tok)
    to = [c for p in receiver for c in preps.get(p, []) if c.pos_ in ("NOUN", "PROPN")]
    for o in objs:
        held = preps_of(o)
        to = to or [c for p in receiver for c in held.get(p, []) if c.pos_ in ("NOUN", "PROPN")]
    if not any(names_party(r) for r in recips):
        return with_conjuncts(to) if to else recips
    if any(r.ent_type_ for r in recips):
        return recips  # the object is a named party itself
    # deeper in the object ("planes loaded with tents to Myanmar") only a named party counts
    to = [c for c in to if names_party(c)] or [
        t
        for o in objs
        for t in o.subtree
        if t.dep_ == "pobj" and t.head.lower_ in receiver and t.ent_type_ in ("GPE", "NORP")
    ][:1]
    return with_conjuncts(to) if to else recips


def denies_clause(frame: Frame, book: Codebook) -> bool:
    """A refusal of a clause ("denied that its troops shelled X"): the clause is denied (a
    negated event of its own), its parties are not the refusal's recipient."""
    return frame.event in book.refusals and bool(frame.entry.ccomp)


def own_object(frame: Frame, book: Codebook) -> bool:
    """What the act moves is the doer's own ("withdrew its troops from X", "withdrew the
    United States from the accord"): its object is no recipient."""
    return frame.entry.id in book.own_object_rules


def _gerund_noun(tok: Token) -> bool:
    """A gerund with a determiner is a noun the parser tagged as a verb: "called the killing
    an act of terrorism" names the killing as what is condemned."""
    return tok.tag_ == "VBG" and any(c.dep_ == "det" for c in tok.children)


def in_venue(tok: Token, venue: frozenset[str]) -> bool:
    """Is ``tok`` where a mutual act took place ("met in Geneva", "met on the island of
    Saint Vincent": the place noun's "of" too), not its other side?"""
    for _ in range(2):
        if tok.dep_ != "pobj":
            return False
        if tok.head.lower_ in venue:
            return True
        if tok.head.lower_ != "of" or tok.head.head.pos_ != "NOUN":
            return False
        tok = tok.head.head
    return False
