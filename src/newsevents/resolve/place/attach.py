"""How a place name hangs off an event's trigger in the dependency parse.

A place is the event's when the parse attaches it to the trigger (object of a locative
preposition, "at the embassy in Tehran", or a city compound of the trigger's object, "Baghdad
airport"), possibly through a temporal clause of arriving or being somewhere ("after he landed
in Baghdad"); else when it stands in a locative phrase of the trigger's own clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...prepositions import front_of
from ..syntax import governor, names_object
from .gazetteer import Gazetteer

# "prep": a locative phrase, any place; "prep_city" and "compound": a city only - a country
# modifying a noun names its owner or actor ("a US strike"), a city locates it ("Baghdad
# airport")
AttachKind = Literal["prep", "prep_city", "prep_destination", "compound"]


class Attachment(NamedTuple):
    kind: AttachKind
    steps: int  # parse edges from the place to the trigger
    bridged: bool  # reached through a temporal clause (see ``bridge``)


_PATH_DEPS = frozenset(
    {"pobj", "prep", "conj", "appos", "compound", "nmod", "dobj", "nsubjpass", "nsubj", "agent"}
)
# a place named as the trigger's object ("shelled Mosul"; the small parser sometimes
# labels such an object advmod/npadvmod) - a city only, see attachment
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "advmod", "npadvmod"})
TARGET_DEPS = frozenset({"dobj", "nsubjpass", "dative"})
_CLAUSE_DEPS = frozenset({"advcl", "pcomp", "acl", "relcl"})  # clauses a bridge may pass through
_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "npadvmod", "conj", "appos", "attr"})
_PEOPLE_LABELS = frozenset({"PERSON", "NORP", "ORG"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # a named place
_VERBS = ("VERB", "AUX")


def bridge(verb: Token, gaz: Gazetteer) -> bool:
    """True when ``verb`` heads a clause whose place locates the clause it hangs from:
    a temporal clause of arriving/leaving/being somewhere ("shortly after he arrived at
    Kabul airport", "after landing in Baghdad"), a clause simultaneous with it ("killed when
    rockets hit a base near Kirkuk"), or a participle describing where the target was
    ("fired on a convoy leaving the airport"), or a relative clause saying where the target
    was ("a crowd that had gathered in X")."""
    cues = gaz.cues
    presence = verb.lemma_.lower() in cues.presence
    subordinators = {
        c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i
    }
    if verb.dep_ == "advcl":
        if subordinators & cues.simultaneous:
            return True
        return presence and bool(subordinators & cues.temporal)
    if verb.dep_ == "pcomp":
        return presence and verb.head.lower_ in cues.temporal
    if verb.dep_ == "acl":
        return presence and verb.tag_ in ("VBG", "VBN")
    if verb.dep_ == "relcl":
        return presence  # "fired on a crowd that had gathered outside a police post in X"
    return False


def where_antecedent(tok: Token, gaz: Gazetteer) -> Token | None:
    """The noun a relative clause about a place hangs from, when ``tok`` lies in that clause:
    "the province of X, where farmers blocked roads" -> X (the parse hangs the clause from
    the name or from its place noun); None otherwise."""
    verb = governor(tok)
    if verb is None or verb.dep_ != "relcl":
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in gaz.cues.relative_where for c in verb.children):
        return None
    ante, link = verb.head, verb.head.head
    if (
        ante.dep_ == "pobj"
        and link.lower_ in gaz.cues.direction_links
        and link.head.lower_ in gaz.cues.directions
    ):
        # "in X, south of Y, where crowds blocked roads": the clause is about X
        return _name_located(link.head) or ante
    return ante


def people_tokens(ents: Iterable[SpacySpan]) -> set[int]:
    """Token indices inside person, nationality and organisation names."""
    return {i for e in ents if e.label_ in _PEOPLE_LABELS for i in range(e.start, e.end)}


def attachment(
    tok: Token,
    trigger_ids: set[int],
    gaz: Gazetteer,
    *,
    remote: bool = False,
    people: set[int] | None = None,
    own: set[int] | None = None,
) -> Attachment | None:
    """How a place token hangs off the trigger, or None.

    The path may pass through prepositions, their objects, the trigger's subject and object
    and appositions/conjuncts, "the city of X", but never into another clause except a
    bridging one. For an event done at a distance (``remote``: accusing, opposing,
    sanctioning), a place describing its target is not the act's place. ``own``: the
    trigger's own tokens, the only verb whose bare object may be the place itself.
    """
    if people is None:  # callers looping over a document pass it (doc.ents is costly)
        people = people_tokens(tok.doc.ents)
    if _where_cared_for(tok, gaz, own):
        return None
    via_compound = (
        (
            tok.dep_ in ("compound", "nmod", "poss")
            # (a place name the tagger calls an adjective: "raided the Kumbo camp")
            or (tok.dep_ == "amod" and (tok.pos_ == "PROPN" or tok.text[:1].isupper()))
        )
        and tok.head.lower_ not in gaz.cues.divisions
    )  # "in Zamfara state": the state itself
    # a seat of government or a square is a venue, never where a target merely is
    venue = gaz.key(tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text) in gaz.landmarks
    kind: AttachKind | None = None
    cur = tok
    bridged = False
    for steps in range(1, gaz.settings.max_path + 1):
        if not _on_path(cur, tok, via_compound, bridged, gaz):
            return None
        head = cur.head
        if head.i == cur.i or cur.dep_ == "appos" or (cur.dep_ == "conj" and head.i in people):
            return None  # "figures in Iran", "Trump and his allies in Britain": where people are
        if kind is None and _named_by_place_noun(cur, gaz):
            cur = head.head  # "the northern city of Kirkuk": Kirkuk is the city
            # ... and the city stands where its name would: "shelled the town of X" is
            # "shelled X" (an object of a physical act is its place)
            tok = cur
            via_compound = False
            continue
        front = front_of(cur) if kind is None else None
        if front is not None:
            cur, head = front, front.head  # "in front of the X building": where "in" says
        if cur.dep_ == "pobj" and kind is None:
            kind = _prep_kind(head, gaz)
            if kind is None and not remote and _destination(head, trigger_ids, gaz):
                kind = "prep_destination"
            if kind is None and not bridged:
                return None  # "sanctions against Iran", "talks with Iraq"
        if head.i in trigger_ids:
            if kind is None and cur is tok and own is not None and head.i not in own:
                # "killed X ... and brought Washington and Tehran closer": a bare name in an
                # argument of another verb of the act is a party to it, not its place
                return None
            # (a place on another verb of the act, "met X in Y, and he promised ...", is that
            # verb's venue: the restrictions of an act done by word do not apply to it)
            here = own is None or head.i in own
            # "a court in X sentenced ...": a body that acts where it sits
            seated = cur.dep_ == "nsubj" and cur.lemma_.lower() in gaz.cues.seat_nouns
            final = _kind_at_trigger(
                tok, cur, kind, via_compound, remote=remote and not venue and here and not seated
            )
            return None if final is None else Attachment(final, steps, bridged)
        if head.pos_ in _VERBS:
            if names_object(head, gaz.cues.naming_verbs):
                cur = head  # "struck what X called hideouts in Y": Y is the strike's place
                continue
            if not bridge(head, gaz):
                return None
            if kind is None and cur.dep_ in ("dobj", "npadvmod", "advmod"):
                kind = "compound"  # "after reaching Kabul", "leaving Kabul airport"
            bridged = True
        cur = head
    return None


def care_preposition(tok: Token, gaz: Gazetteer) -> Token | None:
    """The preposition of the care noun whose phrase holds place ``tok`` ("to" of "flown to a
    hospital in X", "at" of "died at the hospital in X"), else None."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    noun = tok.head.head
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in gaz.cues.care_nouns:
        return None
    return noun.head


def _where_cared_for(tok: Token, gaz: Gazetteer, own: set[int] | None) -> bool:
    """True for a place that says where victims were taken or treated: "flown to a hospital
    in X", "was wounded and died at the hospital in X" (the care noun's phrase on another
    verb than the act's own); "a bomb exploded at a hospital in X" keeps its place."""
    prep = care_preposition(tok, gaz)
    if prep is None:
        return False
    return prep.lower_ in gaz.cues.destinations or (own is not None and prep.head.i not in own)


def _on_path(cur: Token, tok: Token, via_compound: bool, bridged: bool, gaz: Gazetteer) -> bool:
    """True when the walk from place ``tok`` may go on from ``cur`` to its head."""
    if cur.dep_ in _PATH_DEPS or cur.dep_ == "poss" or names_object(cur, gaz.cues.naming_verbs):
        return True
    if cur.dep_ == "dative" and cur.pos_ == "ADP" and cur.i in (tok.head.i, tok.head.head.i):
        # "sent a battalion to X district" (the parse's "to" as a dative); not a place
        # inside the phrase ("handed a note to the embassy in X": where the addressee is)
        return True
    if cur.lower_ in gaz.cues.directions:
        # "struck positions north of X": the compass word leads to the verb; "in Kilinochchi,
        # south of Jaffna": it says where the name before it lies, X is no place of the act
        return _name_located(cur) is None
    if cur is tok and (via_compound or cur.dep_ in _OBJECT_DEPS):
        return True
    return bridged and cur.dep_ in _CLAUSE_DEPS


def _name_located(direction: Token) -> Token | None:
    """The place name a compass phrase (with its distance, "40 km north") follows after a
    comma: the phrase places that name ("Ilaga, 40 km north of Wamena"); else None."""
    first = min(t.i for t in direction.subtree)
    doc = direction.doc
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ in _PLACE_LABELS:
        return doc[first - 2]
    return None


def _named_by_place_noun(cur: Token, gaz: Gazetteer) -> bool:
    """True for the name in "the city of X": the object of "of" after a place noun."""
    head = cur.head
    return (
        cur.dep_ == "pobj"
        and head.lower_ in gaz.cues.place_noun_links
        and head.head.lower_ in gaz.cues.place_nouns
    )


def _destination(prep: Token, trigger_ids: set[int], gaz: Gazetteer) -> bool:
    """True for the "to" of "deployed troops to X" / "flew to X": a destination preposition
    on a trigger that moves people or goods (on the verb or, as the parse often hangs it,
    on its object)."""
    if prep.lower_ not in gaz.cues.destinations:
        return False
    verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return verb.i in trigger_ids and verb.lemma_.lower() in gaz.cues.destination_verbs


def _prep_kind(prep: Token, gaz: Gazetteer) -> AttachKind | None:
    word = prep.lower_
    if gaz.cues.places(prep):
        return "prep"
    if word in gaz.cues.city_only_locatives:
        return "prep_city"
    return None


def _kind_at_trigger(
    tok: Token,
    cur: Token,
    kind: AttachKind | None,
    via_compound: bool,
    *,
    remote: bool,
) -> AttachKind | None:
    """The attachment's kind once the walk from place ``tok`` reaches the trigger through
    ``cur``; None when the place is not the act's (``remote``: an act done at a distance
    whose place phrase is no venue)."""
    head = cur.head
    if remote and cur is not tok and cur.dep_ in TARGET_DEPS | {"nsubj"}:
        # "opposed his allies in Canada", "officials in Tehran demanded": where the target or
        # the speaker is, not where an act done by word happened
        return None
    if remote and via_compound and tok.head.pos_ == "NOUN" and cur is not tok:
        return None  # "called on Fano commanders": a name on the target, not the act's place
    if remote and cur.dep_ == "prep" and tok.head.i == cur.i and after_target(cur):
        return None  # "criticised the government in Tehran" (whatever the parse)
    if kind is None and cur is tok and cur.dep_ in _OBJECT_DEPS:
        if remote:
            return None  # "accused Moscow": the target of an act done by word, not its place
        kind = "compound"  # "shelled Aleppo": a city as the object is the place
    if kind is None and via_compound and cur.dep_ in ("dobj", "nsubjpass"):
        kind = "compound"
    if kind is None and via_compound and head.pos_ not in _VERBS:
        kind = "compound"  # "the Baghdad strike"
    if kind == "prep" and via_compound:
        kind = "prep_city"
    return kind


def after_target(prep: Token) -> bool:
    """True when a place phrase follows the verb's object right away: for an act done at a
    distance, "criticised the government in Tehran" describes the government (the parse's
    attachment of such a phrase is a guess); a phrase naming a venue ("at a rally in Ohio")
    is not affected."""
    verb = prep.head
    return any(
        c.dep_ in TARGET_DEPS and c.i < prep.i and c.right_edge.i + 1 == prep.i
        for c in verb.children
    )


def same_clause(place_tok: Token, trigger_tok: Token) -> bool:
    """A place not attached to the trigger counts only from the trigger's own clause (or,
    for a nominal trigger, the clause around it): a place in another clause locates that
    clause's act ("after it killed him in Iraq, Iran promised ...")."""
    gov = governor(place_tok)
    if gov is None:
        return True
    if trigger_tok.pos_ in _VERBS:
        return gov.i == trigger_tok.i
    tgov = governor(trigger_tok)
    return tgov is not None and tgov.i == gov.i


def in_sentence(tok: Token, gaz: Gazetteer) -> AttachKind | None:
    """Kind of locative use of a place anywhere in the sentence ("in Iraq"), else None."""
    cur = tok
    modifier = False
    while cur.dep_ in ("conj", "appos", "compound", "nmod") and cur.head.i != cur.i:
        modifier = modifier or cur.dep_ in ("compound", "nmod")
        cur = cur.head
    if cur.dep_ != "pobj" or cur.head.head.pos_ not in _VERBS:
        return None  # only a place phrase of the clause itself, not of one of its nouns
    kind = _prep_kind(cur.head, gaz)
    if kind == "prep" and modifier:
        return "prep_city"
    return kind


def locates_clause(tok: Token, verb: Token, gaz: Gazetteer) -> bool:
    """True when place token ``tok`` is in a locative phrase of ``verb``'s clause: on the verb
    itself or on one of its arguments ("struck two depots in Iraq and three more in Syria"),
    not inside another phrase ("after talks in Cairo")."""
    cur = tok
    while cur.dep_ in ("conj", "compound", "appos", "nmod") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "pobj" or not gaz.cues.places(cur.head):
        return False
    cur = cur.head.head
    for _ in range(gaz.settings.max_phrase_hops):
        if cur.i == verb.i:
            return True
        if cur.dep_ == "pobj" and gaz.cues.places(cur.head):
            cur = cur.head.head  # "across the border in Syria", "at a base in Erbil"
            continue
        if cur.dep_ not in _ARG_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False
