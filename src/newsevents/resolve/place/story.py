"""The story's place: an act whose own words name no place happened where the story is.

A wire report names the scene once ("Gunmen attacked a market in X on Monday.") and tells the
rest of the incident without repeating it ("Police fired tear gas at the crowd."). Two steps,
each over the whole article (the second reads what the first placed):

1. within a sentence: an act on the spot that its words leave unplaced is where the other
   acts of its sentence were placed, when the sentence names that one scene; or, when none
   of its acts was placed, where the one place the sentence names in a locative phrase is
   (the parse may hang the phrase off another word);
2. across sentences: an act on the spot whose sentence names no place goes on with the scene
   of the nearest earlier sentence naming one (:func:`follow_previous`).

A place coarser than another place the same sentence names in the same country ("near the
town of X in central Mali", "in X in the Batken region") says where that place lies: it is
the same scene, not a second one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import PLACE_PRECISION, Document, EventMention, Place, TimeExpression
from ...within import containing
from ..syntax import opens_sentence
from .attach import care_preposition
from .dateline import day_of, unlisted_place
from .gazetteer import Gazetteer
from .names import locative_slot

_RANK = {p: i for i, p in enumerate(PLACE_PRECISION)}  # city first
# clauses of their own: a place inside one that does not hold the trigger is not the act's
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "pcomp"})
PlaceKey = tuple[str, str | None, str]  # (name, country, precision)
Placed = dict[int, dict[PlaceKey, EventMention]]  # sentence -> its acts' places


@dataclass
class _Scenes:
    """The place names of an article's sentences (by sentence number)."""

    gaz: Gazetteer
    resolve: Callable[[SpacySpan], Place | None] | None
    #: the place names a sentence holds (not where people came from, nor where a report was
    #: given, nor a street or building)
    names: dict[int, set[str]] = field(default_factory=dict)
    #: the names in its locative phrases
    where: dict[int, set[str]] = field(default_factory=dict)
    #: (sentence, name) -> its first use (a locative one when there is one)
    first: dict[tuple[int, str], SpacySpan] = field(default_factory=dict)
    #: the day-precise time expressions a sentence holds
    days: dict[int, list[TimeExpression]] = field(default_factory=dict)
    #: (sentence, name) -> its place (worked out once)
    places: dict[tuple[int, str], Place | None] = field(default_factory=dict)

    def place(self, i: int, key: str) -> Place | None:
        if (i, key) not in self.places:
            ent = self.first.get((i, key))
            got = None if ent is None or self.resolve is None else self.resolve(ent)
            self.places[(i, key)] = got
        return self.places[(i, key)]

    def scenes(self, i: int, keys: set[str]) -> set[str]:
        """``keys`` of sentence ``i`` without those that only say where another of them lies
        (a coarser place of the same country)."""
        if len(keys) < 2 or self.resolve is None:
            return keys
        got = {k: self.place(i, k) for k in keys}
        return {k for k in keys if not contains_another(got[k], got.values())}

    def only_place(self, i: int) -> Place | None:
        """The one place sentence ``i`` names, in a locative phrase, naming no other scene
        (nor where a report was given: "told journalists in X"): a proper name ("the city" is
        only a back-reference) below a country ("groups in the US staged protests": a
        country there says who the doers are)."""
        where = self.scenes(i, self.where.get(i, set()))
        if self.resolve is None or len(where) != 1:
            return None
        if self.scenes(i, self.names.get(i, set())) != where:
            return None
        (key,) = where
        if key in self.gaz.cues.home_nouns or key in self.gaz.cues.capital_nouns:
            return None
        place = self.place(i, key)
        if place is None or place.precision == "country":
            return None
        return dataclasses.replace(place, source="text")


def contains_another(place: Place | None, others: Iterable[Place | None]) -> bool:
    """True when ``place`` is coarser than another of ``others`` in its own country: it says
    where that one lies ("X in central Mali")."""
    if place is None or place.country is None or place.precision == "city":
        return False
    return any(
        o is not None and o.country == place.country and _RANK[o.precision] < _RANK[place.precision]
        for o in others
    )


def follow_previous(
    doc: Document,
    events: list[EventMention],
    gaz: Gazetteer,
    ents: list[SpacySpan],
    resolve: Callable[[SpacySpan], Place | None] | None = None,
) -> list[EventMention]:
    """An act on the spot whose sentence names no place (a place named only as where people
    came from, "troops were sent from Juba to the area", or where a report was given, "a
    spokesman told journalists in X", does not count) goes on with the story told before
    it: the nearest earlier sentence that names a place in a locative phrase decides. When
    that sentence placed its acts on the spot in one scene and their days agree, the act is
    there ("Gunmen attacked a market in X on Monday. [An official said ...] Police fired
    tear gas at the crowd on Monday."); when it placed no act but names one scene and a day
    that agrees with the act's ("Monday's clashes in X", "an operation in X on Wednesday":
    an incident the coder did not code), the act is in that scene. Sentences naming no
    locative place (statements, quotes, background) are skipped, but a sentence further
    back than the one right before links only when both tell their day; a sentence with
    several scenes, or with a scene it tells no placed act or day of ("many traders live in
    X"), ends the search (which one? another scene). A wire report's paragraphs are a
    sentence or two long, so a paragraph break does not end it.

    With ``resolve`` (a name -> its place): an act told by a verb whose sentence names one
    place, in a locative phrase, and no other, is there even when the parse hangs the phrase
    elsewhere ("gunmen kidnapped 39 girls from their dormitory in X": one sentence, one
    scene)."""
    order = {s.start: i for i, s in enumerate(doc.sentences)}
    scenes = _scenes(doc, gaz, ents, resolve, order)
    within = _within_sentences(doc, events, order, scenes, gaz)
    placed = _placed(within, order, gaz)
    out: list[EventMention] = []
    for ev in within:
        i = order.get(ev.sentence.start, -1)
        if (
            ev.location is None
            and ev.event not in gaz.cues.remote_events
            and i > 0
            and i not in scenes.names
            and not unlisted_place(doc, ev, gaz)  # "at a base in the Upper Galilee"
            and not _new_scene(doc, ev, gaz)
        ):
            found = _story_place(ev, i, placed, scenes)
            if found is not None:
                ev = dataclasses.replace(ev, location=found)
        out.append(ev)
    return out


def _scenes(
    doc: Document,
    gaz: Gazetteer,
    ents: list[SpacySpan],
    resolve: Callable[[SpacySpan], Place | None] | None,
    order: dict[int, int],
) -> _Scenes:
    scenes = _Scenes(gaz, resolve)
    start_of = _sentence_starts(doc)
    for e in ents:
        i = order.get(start_of(e.start_char), -1)
        key = gaz.key(e.text)
        if _feature(e, gaz) or _aside(e.root, gaz):
            continue
        if locative_slot(e.root, gaz):
            scenes.where.setdefault(i, set()).add(key)
            scenes.first.setdefault((i, key), e)
        elif _owner_country(e, gaz):
            continue  # "Iran fired", "a Kyrgyz checkpoint": who, not where
        if not _origin(e.root, gaz) and not _where_said(e.root, gaz):
            scenes.names.setdefault(i, set()).add(key)
    for e in ents:  # a name no locative phrase holds: its first use
        i = order.get(start_of(e.start_char), -1)
        key = gaz.key(e.text)
        if key in scenes.names.get(i, ()):
            scenes.first.setdefault((i, key), e)
    for t in doc.times:
        if t.precision == "day" and t.end is None:
            i = order.get(start_of(t.span.start), -1)
            scenes.days.setdefault(i, []).append(t)
    return scenes


def _placed(events: list[EventMention], order: dict[int, int], gaz: Gazetteer) -> Placed:
    """Sentence -> the places the text gave its acts on the spot (an act each)."""
    placed: Placed = {}
    for ev in events:
        loc = ev.location
        if loc is not None and loc.source == "text" and ev.event not in gaz.cues.remote_events:
            i = order.get(ev.sentence.start, -1)
            placed.setdefault(i, {}).setdefault((loc.name, loc.country, loc.precision), ev)
    return placed


def _within_sentences(
    doc: Document,
    events: list[EventMention],
    order: dict[int, int],
    scenes: _Scenes,
    gaz: Gazetteer,
) -> list[EventMention]:
    """Step 1: an unplaced act on the spot takes the one scene of its own sentence."""
    placed = _placed(events, order, gaz)
    out: list[EventMention] = []
    for ev in events:
        i = order.get(ev.sentence.start, -1)
        if ev.location is not None or ev.event in gaz.cues.remote_events:
            out.append(ev)
            continue
        here = _one_scene(placed.get(i, {}))
        if here is not None:
            # its own sentence placed its acts on the spot in the one scene it names ("police
            # detained 30 people in X after protesters marched to parliament", "gang members
            # stormed the town of X, killing 15")
            key = _key_of(doc, here, gaz)
            if key is not None and scenes.scenes(i, scenes.names.get(i, set()) | {key}) == {key}:
                assert here.location is not None
                if _same_days(here, ev, gaz):
                    ev = dataclasses.replace(ev, location=here.location)
        elif not placed.get(i) and _told_by_verb(doc, ev):
            # the one place its sentence names, in a locative phrase the parse hung elsewhere
            found = scenes.only_place(i)
            if found is not None and not _clause_apart(doc, found, ev):
                ev = dataclasses.replace(ev, location=found)
        out.append(ev)
    return out


def _clause_apart(doc: Document, place: Place, ev: EventMention) -> bool:
    """True when the place is named inside a clause that does not hold the act's trigger
    ("... gathered near the gate, carrying placards against mining, which they blame for
    poisoning rivers in X"): that clause tells of something else."""
    toks = doc.tokens(ev.trigger)
    named = doc.tokens(place.span) if place.span is not None else None
    if toks is None or named is None:
        return False
    trigger = toks.root
    cur = named.root
    while cur.head.i != cur.i:
        if cur.dep_ in _CLAUSES and not (cur.left_edge.i <= trigger.i <= cur.right_edge.i):
            return True
        cur = cur.head
    return False


def _one_scene(acts: dict[PlaceKey, EventMention]) -> EventMention | None:
    """The act placed in the finest of the places a sentence gave its acts, when the others
    only say where it lies ("ordered troops into X state after gunmen kidnapped girls in Y"),
    else None (none, or two scenes)."""
    if not acts:
        return None
    places = [ev.location for ev in acts.values()]
    kept = [ev for ev in acts.values() if not contains_another(ev.location, places)]
    return kept[0] if len(kept) == 1 else None


def _key_of(doc: Document, ev: EventMention, gaz: Gazetteer) -> str | None:
    """The gazetteer key of the words that name an act's place."""
    loc = ev.location
    if loc is None or loc.span is None:
        return None
    return gaz.key(loc.span.of(doc.article.text))


def _story_place(ev: EventMention, i: int, placed: Placed, scenes: _Scenes) -> Place | None:
    """The scene of the nearest earlier sentence that names a place in a locative phrase (see
    :func:`follow_previous`), or None."""
    gaz = scenes.gaz
    for j in range(i - 1, -1, -1):
        acts = placed.get(j, {})
        where = scenes.scenes(j, scenes.where.get(j, set()))
        if not acts and not where:
            continue  # no locative place: a statement, a quote, background
        before = _one_scene(acts)
        if before is None and acts:
            return None  # "nurses in X ..., porters in Y": which?
        if len(where) > 1:
            return None
        if before is None:
            # a scene no act was placed in: an incident the text tells by the day it gives
            return _dated_scene(ev, i, j, scenes)
        if j < i - 1 and not (before.date_source == ev.date_source == "text"):
            return None  # further back, only a day the text gives both links the two acts
        return before.location if _same_days(before, ev, gaz) else None
    return None


def _dated_scene(ev: EventMention, i: int, j: int, scenes: _Scenes) -> Place | None:
    """The one scene of sentence ``j``, which placed no act, when it gives a day that agrees
    with the act's (further back than the sentence right before, only for an act the text
    dates), or when the sentence right before opens on it ("In Yerevan the mood was one of
    fury. Thousands gathered ...": a scene set for what follows)."""
    if j == i - 1 and _opens_on_place(j, scenes):
        return scenes.only_place(j)
    if ev.date_precision != "day" or (j < i - 1 and ev.date_source != "text"):
        return None
    day = day_of(ev.date)
    if day is None:
        return None
    limit = scenes.gaz.settings.dateline_days
    told = [day_of(t.value) for t in scenes.days.get(j, ())]
    if not any(d is not None and abs((d - day).days) <= limit for d in told):
        return None
    return scenes.only_place(j)


def _opens_on_place(j: int, scenes: _Scenes) -> bool:
    """Does sentence ``j`` open with its one locative place ("In Yerevan, ...")?"""
    where = scenes.where.get(j, set())
    ent = scenes.first.get((j, next(iter(where)))) if len(where) == 1 else None
    return ent is not None and opens_sentence(ent)


def _owner_country(ent: SpacySpan, gaz: Gazetteer) -> bool:
    """True for a country named outside a locative phrase, or a capital as a verb's subject or
    object: the actor or owner ("Iran fired", "a Kyrgyz checkpoint", "the Kyrgyz border
    service said", "Washington said"), which says nothing of where."""
    if gaz.country(ent.text) is not None or ent.text.lower() in gaz.adjectives:
        return True
    return gaz.capital_as_party(ent)


def _new_scene(doc: Document, ev: EventMention, gaz: Gazetteer) -> bool:
    """True when the act's sentence opens another incident ("In a separate incident, ...",
    "Elsewhere, ...")."""
    toks = doc.tokens(ev.sentence)
    return toks is not None and any(t.lower_ in gaz.cues.new_scene for t in toks)


def _told_by_verb(doc: Document, ev: EventMention) -> bool:
    """True when a verb tells the act ("gunmen kidnapped ..."); an event noun ("the Wabag
    attack", "the shooting in X") often names another act than the sentence's own."""
    toks = doc.tokens(ev.trigger)
    return toks is not None and toks.root.pos_ == "VERB"


def _feature(ent: SpacySpan, gaz: Gazetteer) -> bool:
    """True for a facility or feature name the gazetteer does not know ("on X Avenue in
    Tbilisi", "at the Y transit centre"): a spot inside a place, not a second place."""
    return (
        ent.label_ in ("FAC", "LOC", "ORG")
        and gaz.lookup(ent.text) is None
        and gaz.landmark(ent.text) is None
    )


def _where_said(tok: Token, gaz: Gazetteer) -> bool:
    """True when a place name only says where a report was given ("a spokesman told
    journalists in X", "said in a statement issued in X"): the first verb above it, past
    participles modifying a noun ("a statement issued in X"), is a reporting verb, reached
    other than through its subject ("police in X said" names the speakers' own place)."""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("acl", "amod"):
            return cur.lemma_.lower() in gaz.cues.report_verbs
    return False


def _aside(tok: Token, gaz: Gazetteer) -> bool:
    """True when a place name is on a noun that takes it away from the scene: the speaker of
    a report ("a police spokesman in X told reporters") or where victims were taken ("was
    flown to a hospital in X"); the noun's own phrase holds the name ("in X")."""
    if care_preposition(tok, gaz) is not None:
        return True
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    noun = tok.head.head
    return (
        noun.lemma_.lower() in gaz.cues.speaker_nouns
        and noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in gaz.cues.report_verbs
    )


def _origin(tok: Token, gaz: Gazetteer) -> bool:
    """True when a place name only says where people or things came from or headed ("refugees
    from X", "sent from X", "carrying fuel towards X"), not where an act happened ("20 km from
    X" locates)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head  # "towards the garrison town of X"
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("from", "towards", "toward"):
        return False
    return tok.head.head.lower_ not in gaz.cues.directions


def _sentence_starts(doc: Document) -> Callable[[int], int]:
    """The start of the sentence holding a character, by a binary search over them."""
    sents = doc.sentences
    index = containing([s.start for s in sents], [s.end for s in sents])
    if index is None:
        return lambda char: _sentence_start(doc, char)

    def start(char: int) -> int:
        k = index(char)
        return sents[k].start if k >= 0 else -1

    return start


def _sentence_start(doc: Document, char: int) -> int:
    for sent in doc.sentences:
        if sent.start <= char < sent.end:
            return sent.start
    return -1


def _same_days(a: EventMention, b: EventMention, gaz: Gazetteer) -> bool:
    """False when both acts are dated and their dates disagree: days further apart than
    ``dateline_days``, or another month or year at the coarser precision."""
    if not a.date or not b.date:
        return True
    da, db = day_of(a.date), day_of(b.date)
    if da is None or db is None:
        n = min(len(a.date), len(b.date))
        return a.date[:n] == b.date[:n]
    return abs((da - db).days) <= gaz.settings.dateline_days
