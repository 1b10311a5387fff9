"""The article's own country for the parties its sentence leaves without one (ninth session).

A report set in one country tells most of its acts without naming their parties again: "The
attack was the deadliest against the police this year", "Twelve people were arrested at the
scene", "the talks will continue next month", "the protests spread on Wednesday". A careful
coder reads them in the article: the doers and the people acted on are of the country the
article places its events in (PLOVER codes unnamed domestic parties by their country). So, after
every sentence- and article-level rule has run, an event whose coded parties are all of that
one country (or none is coded) and whose sentence (with its dateline) names no other country
gets it for every party still without one: an empty side becomes an unidentified party of
the country, an uncoded common-noun phrase ("six civilians", "the checkpoint") the country's.
The country must be one the article names (a country's, a province's or an unambiguous city's
name, a nationality word, its title or outlet: the place stage's article countries), never
only a guess from a namesake city. A recipient the text leaves out stays out when the text
gave the doer a country of its own: such a doer may act abroad ("Kenyan troops shelled
militant positions"); so it does for an act by word (a demand, an accusation), whose target
may be anyone. A physical act whose doers got the country from the article ("Police fired
on the crowd") is done to that country's people. A foreign doer's act that names no one it
is done to, in a sentence that names no country but the doer's, is done to the article's
country ("The White House welcomes the call" in a story set in Seoul), unless it is a threat
(its unnamed target is its enemy: "Iran vowed revenge" in a story set in Baghdad).

Never filled: a pronoun (its antecedent is someone), an attack or act noun (it stands for its
doer: :mod:`.document` resolves it), "both sides", and a phrase that holds a name of a place,
person or group (who or where it is comes from the name; the place stage reads such names).
Only the article is read: a pure function of the document and the data.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Actor, Document, EventMention, Span, evolve
from .dictionary import ActorDictionary
from .named_state import named_as_state
from .other_party import envoy
from .phrase import code_phrase, head_of
from .setting import Setting

#: entity labels that name a place, a person or a group: such a phrase is never filled
_NAMED = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})


class ArticleHome:
    """Fills the parties of one document's events with the country it places its events in."""

    def __init__(self, doc: Document, kb: ActorDictionary, setting: Setting) -> None:
        self.doc = doc
        self.kb = kb
        self.setting = setting

    def fill(self, ev: EventMention, lost: tuple[Actor, ...] = ()) -> EventMention:
        """``ev`` with its missing or uncoded parties given the article's country, when the
        event and its sentence allow it (see the module doc). ``lost``: the doer as the text
        named it by a pronoun the coder could not resolve; "it" or "they" ("It shelled the
        market") is someone, not an unidentified party, and no doer is made up for it; a
        speaker's "we" is a party of the article's country."""
        parties = (*ev.actor, *ev.recipient)
        if ev.actor and ev.recipient and all(a.code for a in parties):
            return ev
        home = self.setting.home(where_first=True)
        if home is None or home in self.kb.sectors.codes.nonstate:
            return ev
        places = self.setting.places
        if not places.context.get(places.gazetteer.alpha2_of_alpha3.get(home, ""), 0):
            return ev  # a home the article never names by a country's, province's or city's
            # own name, nor in its title or outlet, is a guess (a far namesake's country)
        if not {a.code for a in parties if a.code} <= {home}:
            return self._visitor(ev, home)
        sent = self.doc.tokens(ev.sentence)
        if sent is None or not self.setting.countries_named(sent) <= {home}:
            return ev
        # (no sector: an unidentified party's is unknown, and a merge reads sectors that
        # differ as two events)
        # named "unidentified" alone: the country is its code, and a name's words weigh in
        # the grouping of articles into stories (a boosted "@col" in every article on one
        # country would join its stories)
        label = self.kb.words.unidentified
        # an envoy of the home country acted on is abroad: whoever acts on them is not of
        # that country ("The foreign ministry summoned the Russian ambassador")
        abroad = any(
            r.code == home and envoy(self._tokens(r.span), self.kb.words) for r in ev.recipient
        )
        # (so is an organ of state acting on the home country named as such: _abroad)
        actor = tuple(
            a if abroad or self._abroad(a, ev, home) else self._party(a, home) for a in ev.actor
        )
        if not actor and self._speakers(lost):
            actor = (Actor(ev.trigger, label, home, None),)
        recipient = tuple(self._party(a, home) for a in ev.recipient)
        if not recipient and (not any(a.code for a in ev.actor) or self._at_home(ev)):
            # (a doer the text names with its own country, and no one acted on, may act
            # abroad: "Kenyan troops shelled militant positions" keeps an empty side)
            recipient = (Actor(ev.trigger, label, home, None),)
        return evolve(ev, actor=actor, recipient=recipient)

    def _abroad(self, a: Actor, ev: EventMention, home: str) -> bool:
        """An organ of state acting on the home country named as such ("The minister
        accused Serbia"): a foreign state's."""
        if a.sector not in self.kb.sectors.codes.state:
            return False
        return any(
            r.code == home and named_as_state(r, a, self.kb, self._tokens) for r in ev.recipient
        )

    def _tokens(self, span: Span) -> list[Token]:
        return list(self.doc.tokens(span) or ())

    def _speakers(self, lost: tuple[Actor, ...]) -> bool:
        """Is every pronoun of an unresolved doer the speaker's own ("we")? (True for none.)"""
        words = self.kb.words.speaker_pronouns
        for a in lost:
            toks = self.doc.tokens(a.span)
            if toks is None or not all(t.lower_ in words for t in toks):
                return False
        return True

    def _visitor(self, ev: EventMention, home: str) -> EventMention:
        """A foreign doer's act that names no one it is done to, in an article set in one
        country ("The White House welcomes the call", "Rwandan soldiers clashed with the
        insurgents"): done to that country, unless the sentence names another."""
        if ev.recipient or not ev.actor or not all(a.code for a in ev.actor):
            return ev
        spec = self.kb.types.get(ev.event)
        if spec is not None and spec.commitment == "conflict":
            return ev  # a threat's unnamed target is its enemy, not the host ("vowed revenge")
        own = {a.code for a in ev.actor if a.code}
        sent = self.doc.tokens(ev.sentence)
        if sent is None or not self.setting.countries_named(sent) <= own:
            return ev
        label = self.kb.words.unidentified
        return evolve(ev, recipient=(Actor(ev.trigger, label, home, None),))

    def _at_home(self, ev: EventMention) -> bool:
        """Is the event an act on people where it happens (a type whose target may be a
        place: an attack, an arrest, a deployment, a protest) by doers whose country came
        from the article, not from their own words ("Police fired on the crowd", "the
        gunmen shot villagers")? Such doers act on their own country's people."""
        spec = self.kb.types.get(ev.event)
        if spec is None or not spec.place_target:
            return False
        places = self.setting.places
        date = self.doc.article.published
        for a in ev.actor:
            toks = self.doc.tokens(a.span)
            if a.code is None or toks is None:
                continue
            own = code_phrase(list(toks), self.kb, date, places.gazetteer, places.context)
            if own.code is not None:
                return False
        return True

    def _party(self, a: Actor, home: str) -> Actor:
        if a.code is not None:
            return a
        toks = self.doc.tokens(a.span)
        tok_list = list(toks) if toks is not None else []
        if not tok_list or not self._fillable(tok_list):
            return a
        return evolve(a, code=home)

    def _fillable(self, toks: list[Token]) -> bool:
        """A common-noun phrase with no name in it, not a pronoun nor an act or attack."""
        head = head_of(toks)
        words = self.kb.words
        lemma = head.lemma_.lower()
        if head.pos_ in ("PRON", "PROPN") or any(t.ent_type_ in _NAMED for t in toks):
            return False
        return not (
            lemma in words.attack_nouns
            or lemma in words.act_nouns
            or lemma in words.counterpart_nouns
            or lemma in words.relational_nouns
        )
