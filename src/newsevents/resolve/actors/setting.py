"""Countries for uncoded participants, from the sentence and the article.

A careful coder gives an actor without a country of its own (a titled person, "police",
"prisoners", "protesters") the country the text ties it to, in this order: the place where
the event happens ("Police in Minsk", "arrested in Istanbul"); for a state's acts on its own
people (types declared ``domestic``: arrests, pardons, charges, bans) the state's country;
for a society addressing its rulers (types declared ``addresses``: demands, protests) the
rulers' country; for a holder of a national office, the one country the article is about. A
country that is itself the other party of the event ("threatened Russia") is never used for
the doer. As a last resort, a party still without a country takes the place its own name
is, else the one country its sentence names, unless that country is the other party's (the
recipient of a domestic act may share its doer's country). Each type's declaration
(data/event_types.yaml) says what it allows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...model import Actor, Document, EventMention, Span, evolve
from ...resources import EventTypeSpec
from .antecedents import noun_phrase
from .dictionary import ActorDictionary
from .home_country import HomeCountry, with_dateline
from .named_sides import across_border, against, quoted, within
from .named_state import is_country, named_as_state
from .other_party import envoy, other_parties
from .phrase import code_phrase, head_of
from .places import DocumentPlaces, backer, dispute_sides, ethnic, namesake

#: the traits of a type nobody declared: nothing is inferred for it
_UNDECLARED = EventTypeSpec(name="", cameo="0")
#: entity labels of a named place (spaCy's label set)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class Side:
    """One participant as the setting rules see it."""

    actor: Actor
    head: Token | None
    person_office: bool  # a state official named by a national office ("the president")
    home_office: bool = False  # ... exercised at home ("the governor")


class Setting:
    """Fills the countries of one document's event participants (see the module doc)."""

    def __init__(
        self,
        doc: Document,
        kb: ActorDictionary,
        places: DocumentPlaces,
        parties: Counter[str] | None = None,
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.places = places
        #: the countries of the persons and organisations the article names (one vote each:
        #: an article on "President X" and "the Y party" is about their country)
        self.parties = parties if parties is not None else Counter()
        self._country = HomeCountry(doc, kb, places, self.parties)
        #: the countries each sentence names, by its first token (asked for every event)
        self._named: dict[int, frozenset[str]] = {}

    def home(self, where_first: bool = False) -> str | None:
        """The one country the article is about (:meth:`.HomeCountry.home`)."""
        return self._country.home(where_first)

    def _tokens(self, span: Span) -> list[Token]:
        toks = self.doc.tokens(span)
        return list(toks) if toks is not None else []

    def _side(self, a: Actor) -> Side:
        toks = self._tokens(a.span)
        head = head_of(toks) if toks else None
        sectors = self.kb.sectors
        state = a.sector in sectors.codes.state
        office = bool(
            head is not None
            and state
            and (
                any(t.lemma_.lower() in sectors.offices for t in toks)
                # "she" for an official the article named ("Mayor X ... She urged")
                or (head.pos_ == "PRON" and head.lower_ in self.kb.words.person_pronouns)
            )
        )
        home = office and any(t.lemma_.lower() in sectors.home_offices for t in toks)
        return Side(a, head, office, home)

    def fill(self, ev: EventMention, implicit: bool = True) -> EventMention:
        """The event with its participants' countries filled; ``implicit=False`` when the text
        named a doer the coder could not code (an unresolved "it"): no unidentified doer of
        the place then stands in for it."""
        spec = self.kb.types.get(ev.event, _UNDECLARED)
        if not implicit:
            spec = evolve(spec, implicit_doer=None)
        if not ev.actor and not ev.recipient and spec.implicit_doer is None:
            return ev
        doers0 = {a.code for a in ev.actor if a.code}
        organs = {a.code for a in ev.actor if a.code and a.sector in self.kb.sectors.codes.state}
        ev = evolve(
            ev, recipient=other_parties(ev.recipient, doers0, self.kb, self._tokens, organs)
        )
        sent = self.doc.tokens(ev.sentence)
        if spec.implicit_target is not None and ev.actor and sent is not None:
            named = self._named_target(ev.actor, sent, spec.implicit_target)
            if named is not None and all(r.span != named.span for r in ev.recipient):
                # whom the protest is against, rather than where it was held ("rallied in
                # central Baghdad, chanting slogans against the United States"), once
                kept = tuple(r for r in ev.recipient if not self._where(r))
                ev = evolve(ev, recipient=(*kept, named))
        if (
            all(a.code for a in (*ev.actor, *ev.recipient))
            and ev.actor
            and (ev.recipient or (spec.implicit_target is None and spec.own_people is None))
            and not (spec.implicit_target is not None and any(map(self._venue, ev.recipient)))
        ):
            return ev
        sp = self.doc.tokens(ev.sentence)
        if sp is None:
            return ev
        actors = [self._side(a) for a in ev.actor]
        recips = [self._side(a) for a in ev.recipient]
        # places are objects of "in", "at", ...: a party named as such ("against Russia")
        # is never among them
        places = self.places.of_sentence(sp) or self.places.scene_before(sp)
        setting = {code for _, code in places}
        here = next(iter(setting)) if len(setting) == 1 else None
        new_actor = tuple(self._fill_one(s, recips, spec, here, True) for s in actors)
        new_recip = tuple(self._fill_one(s, actors, spec, here, False) for s in recips)
        if not new_actor and here is not None and spec.implicit_doer is not None:
            ent = next(e for e, c in places if c == here)
            # named as what it is, an unidentified doer of the place, not the place itself
            label = f"{self.kb.words.unidentified} ({ent.text})"
            new_actor = (Actor(ev.trigger, label, here, spec.implicit_doer),)
        if not all(a.code for a in (*new_actor, *new_recip)):
            # the last resort: a party still without a country takes the one country its
            # sentence names ("Tuareg rebels seized the northern Malian town of Kidal")
            # (never the other party's own country: "killed 24 militiamen" by a US strike)
            doer_spans = [a.span for a in new_actor if a.code]
            only = self._sentence_country(with_dateline(sp), doer_spans)
            a_codes: set[str] = {a.code for a in new_actor if a.code}
            r_codes: set[str] = {a.code for a in new_recip if a.code}
            new_actor = tuple(self._last_resort(a, only, r_codes) for a in new_actor)
            # a state's act on its own people: "Ghana's anti-graft office charged two ex-ministers"
            domestic = bool(spec.domestic)
            new_recip = tuple(
                self._last_resort(a, only, set() if domestic else a_codes, civil=domestic)
                for a in new_recip
            )
        if not all(a.code for a in (*new_actor, *new_recip)):
            # an organ, force or group named without any country in its sentence ("Municipal
            # police detained four men", "military jets bombed a village") belongs to the
            # one country the article is about
            before = new_actor
            new_actor = tuple(self._in_article(a, new_recip, spec) for a in new_actor)
            inferred = [a for a, b in zip(new_actor, before, strict=True) if a is not b]
            new_recip = tuple(self._in_article(a, new_actor, spec, inferred) for a in new_recip)
        doers = {a.code for a in new_actor if a.code}
        new_recip = other_parties(new_recip, doers, self.kb, self._tokens)
        new_actor, new_recip = self._at_home(new_actor, new_recip, sp)
        if spec.own_people is not None and new_actor and not new_recip:
            people = self._own_people(new_actor, sp, spec.own_people, ev.trigger)
            new_recip = (people,) if people is not None else ()
        if spec.own_people is not None and implicit and not new_actor and new_recip:
            # "Twelve people were arrested at the scene": only a state arrests, sentences or
            # imposes a curfew; in an article set in one country, that country's state did
            state = self._state_of(new_recip, sp)
            if state is not None:
                label = f"{self.kb.words.unidentified} ({state})"
                new_actor = (Actor(ev.trigger, label, state, self.kb.sectors.codes.unknown),)
        target_sector = spec.implicit_target
        if target_sector is not None and new_actor:
            # "rallied in Jayapura": where a protest is held is its place (its country may
            # code the doers, above), not whom it addresses: the doers' state, when found
            parties = tuple(r for r in new_recip if not self._venue(r))
            if not any(r.code for r in parties):
                target = self._named_target(new_actor, sp, target_sector)
                # (a venue dropped here does not name the state: "in Lima" is no government)
                by_place = len(parties) == len(new_recip)
                target = target or self._own_state(new_actor, sp, target_sector, by_place)
                target = target or self._state_addressed(new_actor, sp, target_sector, ev.trigger)
                if target is not None:
                    new_recip = (*(r for r in parties if r.code), target)
        return evolve(ev, actor=new_actor, recipient=new_recip)

    def _at_home(
        self, actors: tuple[Actor, ...], recips: tuple[Actor, ...], sent: SpacySpan
    ) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        """An act within one state: a party still without a country ("Police fired on the
        marchers", "soldiers killed nine civilians", "gunmen shot dead a councillor") belongs
        to the country of the other party when that is the country the article places its
        events in (or is about) and the sentence names no other one. The price: in a text
        that names one country only ("US jets bombed a depot, killing 24 militiamen") the
        victims take it too."""
        nonstate = self.kb.sectors.codes.nonstate
        a_codes = {a.code for a in actors if a.code} - nonstate
        r_codes = {r.code for r in recips if r.code} - nonstate
        if not (len(a_codes) == 1 or len(r_codes) == 1):
            return actors, recips
        # the country the article places its events in, else the one it is about, else (an
        # article that names no country but its parties') the party's own
        where = self.home(where_first=True) or next(iter(a_codes or r_codes))
        if not self._named_countries(sent) <= {where}:
            return actors, recips
        if a_codes == {where}:
            recips = tuple(self._home_party(r, where) for r in recips)
        # ("The ministry accused Kenya": a country addressed as such may be a foreign one's;
        # "The foreign ministry summoned the Russian ambassador": an envoy is abroad, never
        # at home with the one who acts on them)
        if (
            r_codes == {where}
            and not any(is_country(r, self.kb) for r in recips)
            and not any(
                envoy(self._tokens(r.span), self.kb.words) for r in recips if r.code == where
            )
        ):
            actors = tuple(self._home_party(a, where) for a in actors)
        return actors, recips

    def _state_of(self, recips: tuple[Actor, ...], sent: SpacySpan) -> str | None:
        """The country of the people a state's act was done to, when the article places its
        events there and the sentence names no other country."""
        codes = {r.code for r in recips if r.code} - self.kb.sectors.codes.nonstate
        where = self.home(where_first=True)
        if where is None or codes != {where} or not self._named_countries(sent) <= codes:
            return None
        return where

    def _own_people(
        self, doers: tuple[Actor, ...], sent: SpacySpan, sector: str, trigger: Span
    ) -> Actor | None:
        """A state's act that names no one it is done to ("lifted the curfew", "declared a
        state of emergency in Amhara") is done to its own people, named by the country word
        that codes the state or a place of it in the sentence, else (the state's country
        came from the article: "The district administration imposed a curfew") by its code."""
        codes = self.kb.sectors.codes
        state = any(a.sector in codes.state or is_country(a, self.kb) for a in doers if a.code)
        if not state or not self._named_countries(sent) <= {a.code for a in doers}:
            return None
        found = self._own_state(doers, sent, sector)
        return found or self._state_addressed(doers, sent, sector, trigger)

    def _uncoded_head(self, a: Actor) -> Token | None:
        """The head word of a party still without a country, or None (coded, or no words)."""
        if a.code is not None:
            return None
        toks = self._tokens(a.span)
        return head_of(toks) if toks else None

    def _home_party(self, a: Actor, home: str) -> Actor:
        head = self._uncoded_head(a)
        if head is None:
            return a
        if head.pos_ == "PRON" or self._unplaced(head):
            return a
        if head.lemma_.lower() in self.kb.words.act_nouns:
            return a  # "defended the arrests": an act stands for its doer (document.acts)
        if head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG"):
            # a named person or group is who it is, not where it acts ("President X
            # threatened Russia"); its country is for the actor files (the growth loop)
            return a
        return evolve(a, code=home)

    def _sentence_countries(
        self, sent: SpacySpan, targets: bool = True, parties: Sequence[Span] = ()
    ) -> set[str]:
        """Every country a sentence names (places and nationality words); ``targets=False``:
        not those named as whom an act is against ("file a case against China"), inside a
        quotation, or as one of ``parties`` (a capital for its government, "Brussels")."""
        codes: set[str] = set()
        words = self.kb.words
        for ent in self.places.ents_in(sent):
            if backer(ent, self.kb) or across_border(ent, words):
                continue  # "Moscow-backed separatists", "pro-Kyiv": a backer or a side
            if not targets and (
                against(ent, words) or quoted(ent, sent, words) or within(ent, parties)
            ):
                continue
            if ent.label_ == "NORP":
                hit = self.kb.countries.get(ent.text)
                code = hit[0] if hit is not None and not ethnic(ent.root, self.kb) else None
            else:
                code = self.places.country_of(ent)
            if code is not None:
                codes.add(code)
        return codes - self.kb.sectors.codes.nonstate

    def _named_countries(self, sent: SpacySpan) -> frozenset[str]:
        """Every country a sentence names, also by a country word the tagger did not take for
        an entity ("The Tajik foreign ministry said ...")."""
        known = self._named.get(sent.start)
        if known is not None:
            return known
        codes = self._sentence_countries(sent)
        for t in sent:
            if t.text[:1].isupper() and not ethnic(t, self.kb) and not namesake(t, self.kb):
                hit = self.kb.countries.get(t.text)
                if hit is not None:
                    codes.add(hit[0])
        found = frozenset(codes - self.kb.sectors.codes.nonstate)
        self._named[sent.start] = found
        return found

    def countries_named(self, sent: SpacySpan) -> frozenset[str]:
        """Every country a sentence names, its dateline's included ("KANO, Nigeria -")."""
        return self._named_countries(with_dateline(sent))

    def _sentence_country(self, sent: SpacySpan, parties: Sequence[Span] = ()) -> str | None:
        """The one country a sentence names that can be home to its unnamed parties, or None
        ("lawmakers urged the government to file a case against China": not China)."""
        codes = self._sentence_countries(sent, targets=False, parties=parties)
        return next(iter(codes)) if len(codes) == 1 else None

    def _last_resort(
        self, a: Actor, only: str | None, others: set[str], civil: bool = False
    ) -> Actor:
        """An uncoded party: the place it names itself, else the sentence's one country."""
        head = self._uncoded_head(a)
        if head is None:
            return a
        if head.pos_ == "PRON" and a.sector is None:
            return a
        if self._unplaced(head):
            return a
        if head.pos_ == "PROPN" and (a.sector is None or head.ent_type_):
            # (a sector's word capitalised at a sentence's start is no town: "Police" is one
            # in Poland)
            name = self.kb.words.strip_article(a.name).strip()
            place = self.places.gazetteer.lookup(name, self.places.context)
            # "the Mission", "the Forum": a town's name takes no article (a body's does)
            the = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            if place is not None and place.country and not (the and place.precision == "city"):
                return evolve(a, code=str(place.country))
        civil_codes = self.kb.sectors.codes.civil
        party = (a.sector is not None and (civil or a.sector not in civil_codes)) or (
            a.sector is None and (civil or head.ent_type_ in ("PERSON", "ORG", "NORP"))
        )
        if only is None or not party or only in others:
            return a
        return evolve(a, code=only)

    def _where(self, a: Actor) -> bool:
        """Is the participant a place named as where something happened ("in Baghdad")?"""
        toks = self._tokens(a.span)
        head = head_of(toks) if toks else None
        return (
            head is not None
            and head.dep_ == "pobj"
            and head.head.lower_ in self.kb.words.place_preps
        )

    def _venue(self, a: Actor) -> bool:
        """A named place where something happened ("in Jayapura"; not an organ, "parliament")."""
        if a.sector is not None or not self._where(a):  # (no words: no place either)
            return False
        head = head_of(self._tokens(a.span))
        return head.ent_type_ in _PLACE_LABELS or (
            head.pos_ == "PROPN"
            and self.places.gazetteer.lookup(a.name, self.places.context) is not None
        )

    def _named_target(self, doers: tuple[Actor, ...], sent: SpacySpan, sector: str) -> Actor | None:
        """A protest that names whom it is against ("chanting slogans against the United
        States") or besieges a foreign state's mission ("stormed the US embassy") addresses
        that state, not the protesters' own."""
        words = self.kb.words
        codes = self.kb.sectors.codes
        own = {a.code for a in doers if a.code}
        date = self.doc.article.published
        for tok in sent:
            if tok.lower_ in words.target_preps and tok.dep_ == "prep":
                phrases = [noun_phrase(c) for c in tok.children if c.dep_ == "pobj"]
            elif tok.lemma_.lower() in words.mission_nouns and tok.pos_ == "NOUN":
                phrases = [list(tok.doc[min(t.i for t in tok.subtree) : tok.i + 1])]
            else:
                continue
            for phrase in phrases:
                coded = code_phrase(
                    phrase, self.kb, date, self.places.gazetteer, self.places.context
                )
                if coded.code and coded.code not in own and coded.code not in codes.nonstate:
                    span = tok.doc[phrase[0].i : phrase[-1].i + 1]
                    return Actor(Span.of_tokens(span), span.text, coded.code, sector)
        return None

    def _own_state(
        self, doers: tuple[Actor, ...], sent: SpacySpan, sector: str, by_place: bool = True
    ) -> Actor | None:
        """An act that names no target addresses the doers' own state (a protest): the
        recipient is the country word that codes them ("Young Algerians", "in Baghdad")."""
        codes = {a.code for a in doers if a.code} - self.kb.sectors.codes.nonstate
        if len(codes) != 1:
            return None
        (code,) = codes
        for a in doers:
            for t in self._tokens(a.span):
                hit = self.kb.countries.get(t.text)
                if hit is not None and hit[0] == code:
                    return Actor(Span.of_token(t), t.text, code, sector)
        for ent, c in self.places.of_sentence(sent):
            if c == code:  # (a venue is where, not who: "in Lima" -> "Peru (Lima)")
                state = self.kb.country_name(code)
                name = ent.text if by_place else f"{state} ({ent.text})"
                return Actor(Span.of_tokens(ent), name, code, sector)
        return None

    def _state_addressed(
        self, doers: tuple[Actor, ...], sent: SpacySpan, sector: str, trigger: Span
    ) -> Actor | None:
        """The same, when no word of the sentence codes the doers (their country came from the
        place or the article: "Residents of Jos blocked a road"): their state, named by its
        code, if the sentence names no other country."""
        codes = {a.code for a in doers if a.code} - self.kb.sectors.codes.nonstate
        if len(codes) != 1 or not self._named_countries(sent) <= codes:
            return None
        (code,) = codes
        return Actor(trigger, self.kb.country_name(code), code, sector)

    def _fill_one(
        self, side: Side, others: list[Side], spec: EventTypeSpec, here: str | None, doer: bool
    ) -> Actor:
        a = side.actor
        if a.code is not None or side.head is None:
            return a
        if self._unplaced(side.head):
            return a
        if side.head.pos_ == "PRON" and a.sector is None:
            return a
        if (
            not doer
            and spec.place_target
            and side.head.pos_ == "PROPN"
            and (a.sector is None or side.head.ent_type_)
        ):
            place = self.places.gazetteer.lookup(a.name, self.places.context)  # "shelled Goma"
            if place is not None and place.country:
                return evolve(a, code=str(place.country))
        party = (
            a.sector is not None
            or side.head.ent_type_ in ("PERSON", "ORG", "NORP")
            or side.head.pos_ == "NUM"  # "arresting 12"
        )
        if not party:
            return a
        if here is not None and (side.head.ent_type_ != "PERSON" or side.home_office):
            # a named person's country is who they are, not where the event happens, unless
            # they hold an office exercised at home ("President X ... a curfew in Algiers")
            return evolve(a, code=here)
        code = self._other_party_country(side, others, spec, doer)
        civil = self.kb.sectors.codes.civil
        crowd = doer and spec.implicit_target is not None and a.sector in civil
        if code is None and (side.person_office or crowd):
            # protesters named without a country protest where the article's events happen
            code = self._article_country(others, where_first=crowd)
        return a if code is None else evolve(a, code=code)

    def _other_party_country(
        self, side: Side, others: Sequence[Side], spec: EventTypeSpec, doer: bool
    ) -> str | None:
        """The other party's country, where the act ties this party to it."""
        codes = self.kb.sectors.codes
        other_codes = {o.actor.code for o in others if o.actor.code} - codes.nonstate
        if len(other_codes) != 1:
            return None
        (other,) = other_codes
        if doer and any(envoy(self._tokens(o.actor.span), self.kb.words) for o in others):
            return None  # "the minister criticised the Chinese ambassador": a host, not China
        a = side.actor
        other_state = any(
            o.actor.sector in codes.state or is_country(o.actor, self.kb)
            for o in others
            if o.actor.code
        )
        if not doer and spec.domestic and other_state:
            return other  # "Sri Lanka's president pardoned 93 prisoners"
        organ = any(
            o.actor.sector in codes.state and not is_country(o.actor, self.kb, ("name",))
            for o in others
            if o.actor.code
        )
        if doer and spec.addresses and organ and a.sector in codes.civil:
            # "Families appealed to the Nigerian government" (an organ of the state, not
            # a country named as such: "militia leaders blamed the United States", "a crowd
            # ... chanting slogans against the United States" protests where it is)
            return other
        civil_other = (
            any(o.actor.sector in codes.civil for o in others)
            or spec.implicit_target is not None  # the doers of a protest are the society
        )
        if not doer and a.sector in codes.state and spec.addresses and civil_other:
            return other  # "Rwandan rebels demanded the president quit"
        # people of a nationality ("Zambian prisoners"), not an act standing for its doer
        # ("the interior minister condemned the attack" by a foreign armed group)
        population = any(
            (o.actor.sector in codes.civil and not self._stands_for_doer(o))
            or (o.head is not None and o.head.ent_type_ == "NORP" and o.actor.sector is None)
            for o in others
        )
        if doer and side.person_office and population:
            return other  # "the president pardoned Zambian prisoners"
        if (
            doer
            and side.home_office
            and spec.domestic
            and not any(map(self._stands_for_doer, others))
            # a state named as such ("Minister X accused Belgrade"): a foreign one's, as
            # in _at_home
            and not any(
                named_as_state(o.actor, a, self.kb, self._tokens)
                for o in others
                if o.actor.code == other
            )
        ):
            return other  # "Judge X opened inquiries into Chilean officials"
        return None

    def _in_article(
        self,
        a: Actor,
        others: Sequence[Actor],
        spec: EventTypeSpec,
        inferred: Sequence[Actor] = (),
    ) -> Actor:
        """An uncoded party named by a common noun with a sector ("police", "rebels"), or by
        a pronoun for one ("The army said it had ..."), takes the one country the article is
        about. Never a named person; the other party's country only for an act within one
        state: a domestic type, a state organ attacked by the state's rebels ("M23 fighters
        shelled army positions, killing six soldiers"), or an other party that took the
        article's country the same way ("military jets bombed a village"). Victims of a
        named foreign force stay uncoded ("US jets bombed a depot, killing 24 militiamen")."""
        codes = self.kb.sectors.codes
        if a.code is not None or a.sector is None or a.sector == codes.unknown:
            return a
        toks = self._tokens(a.span)
        if not toks:
            return a
        head = head_of(toks)
        # a common noun the tagger took for a name ("Officers arrested ..."), or a pronoun
        # that stands for a common noun (its name is its antecedent's)
        common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and not head.ent_type_)
        common = common or (head.pos_ == "PRON" and a.name.lower() != head.lower_)
        # "The Ministry of Defence", "the Department of Foreign Affairs": a state organ named
        # by its office alone is the article's state's, like "the ministry"
        organ = (
            head.pos_ == "PROPN"
            and head.ent_type_ == "ORG"
            and self.kb.sectors.by_word.get(head.lemma_.lower()) in codes.state
        )
        if not (common or organ) or head.ent_type_ == "PERSON" or self._unplaced(head):
            return a
        top = self.home()
        if top is None or top in codes.nonstate:
            return a
        other_codes = {o.code for o in others if o.code}
        if any(envoy(self._tokens(o.span), self.kb.words) for o in others if o.code == top):
            return a  # "summoned the Russian ambassador": whoever summons, not Russia
        if (organ or a.sector in codes.state) and any(
            named_as_state(o, a, self.kb, self._tokens) for o in others if o.code == top
        ):
            return a  # "The Foreign Ministry accused Kenya": a foreign ministry, whosever
        if top in other_codes and not spec.domestic:
            same = [o for o in others if o.code == top]
            rebels_against_state = a.sector in codes.state and all(
                o.sector is not None and o.sector not in codes.state for o in same
            )
            if not rebels_against_state and not all(o in inferred for o in same):
                return a
        return evolve(a, code=top)

    def _stands_for_doer(self, side: Side) -> bool:
        """Is the party an act named for its doer ("condemned the attack")?"""
        if side.head is None:
            return False
        lemma = side.head.lemma_.lower()
        return lemma in self.kb.words.attack_nouns or lemma in self.kb.words.act_nouns

    def _unplaced(self, head: Token) -> bool:
        """An attack (it stands for its doer), "both sides" or "all parties" (a dispute's
        sides, whoever they are): never coded by where it happened or what its sentence or
        article names; nor are relations ("Western allies" are others)."""
        w, lemma = self.kb.words, head.lemma_.lower()
        if dispute_sides(head, self.kb):
            return True
        return any(lemma in s for s in (w.attack_nouns, w.counterpart_nouns, w.relational_nouns))

    def _article_country(self, others: Sequence[Side], where_first: bool = False) -> str | None:
        """The one country the article is about most, unless it is the other party."""
        top = self.home(where_first)
        if top is not None and top not in {o.actor.code for o in others}:
            return top
        return None
