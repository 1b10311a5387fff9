"""The document pass: code every actor, recipient and speaker, and cluster the mentions of
one entity (persons and organisations first, then the participants in text order)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from copy import copy
from dataclasses import dataclass

from spacy.tokens import Token

from ...model import FACTUAL, Actor, Document, Entity, EventMention, Quote, Span, evolve
from ...within import Within
from ..place import Gazetteer, article_countries
from .antecedents import (
    act_named_in,
    coordinated_object,
    coordinated_patient,
    coordinated_speakers,
    country_named_before,
    entity_context,
    group_antecedent,
    noun_phrase,
    object_antecedent,
    possessor_antecedent,
    reporter,
    reporting_subject,
    tied,
    titled_subject_before,
    with_hyphens,
)
from .article import ArticleHome
from .attacks import attack_doer
from .branches import local_branches
from .coref import Cluster, Clusters, cluster_for, entity_key, own_titles, person_before
from .dateline_subject import after_dateline
from .definite import same_noun_before
from .dictionary import ActorDictionary
from .issuer import statement_issuer
from .joint import joint_partners
from .nonactor import instrument_owner, never_actor, unresolved_pronoun
from .phrase import Coded, code_phrase, head_of
from .places import DocumentPlaces, names_of_places
from .role_day import sentence_day
from .setting import Setting
from .spans import as_phrase, cut_name_phrase, phrase_text
from .stamps import without_stamps


def resolve_actors(
    doc: Document,
    events: list[EventMention],
    quotes: list[Quote],
    actors: ActorDictionary,
    gazetteer: Gazetteer,
) -> tuple[list[EventMention], list[Quote], list[Entity]]:
    """Code every actor/recipient/speaker and cluster mentions of the same entity."""
    parse = doc.parse
    if parse is None:
        return events, quotes, []
    places = DocumentPlaces(parse, actors, gazetteer, article_countries(doc, gazetteer))
    coder = ParticipantCoder(doc, actors, gazetteer, places.context)
    coder.name_entities(places)
    parties: Counter[str] = Counter()
    for cl in coder.clusters.in_order():
        if cl.code:
            parties[cl.code] += max(1, len(cl.mentions))
    setting = Setting(doc, actors, places, parties)
    out_events = []
    home = ArticleHome(doc, actors, setting)
    published = doc.article.published
    times = Within(doc.times, lambda t: (t.span.start, t.span.end))
    for ev in events:
        # a named actor's role is the one held on the event's day: a date the event's own
        # sentence gives, else the publication date (event dates are resolved later)
        day = sentence_day(ev, times.inside(ev.sentence.start, ev.sentence.end))
        coder.date = day or published
        told, actor = ev.actor, coder.code_side(ev.actor)
        named_doer_lost = coder.lost_pronoun
        spec = actors.types.get(ev.event)
        if not actor and spec is not None and spec.violent:
            same = ev.mode in (None, coder.last_mode)  # "the assassination": an assassination
            actor = attack_doer(ev, doc, actors.words, coder.last_attacker if same else None)
        recipient = coder.unbound(coder.code_side(ev.recipient, doer=False), actor)
        recipient = coder.attackers(recipient)
        recipient = coder.acts(recipient, actor)
        speaker = coder.code(ev.speaker) if ev.speaker is not None else None
        ev = setting.fill(
            evolve(ev, actor=actor, recipient=recipient, speaker=speaker),
            implicit=not named_doer_lost,
        )
        ev = local_branches(ev, doc, actors, places)
        coder.after_event(ev)
        # the article's own country last: no later pronoun or act noun reads it
        ev = home.fill(joint_partners(ev, spec), lost=told if named_doer_lost else ())
        out_events.append(without_stamps(ev, doc.article.text))
    out_quotes = [
        evolve(q, speaker=coder.code(q.speaker)) if q.speaker is not None else q for q in quotes
    ]
    return out_events, out_quotes, [cl.entity() for cl in coder.clusters.in_order()]


@dataclass
class _Group:
    """What "they"/"it" refers back to: the last doer's country, sector and entity."""

    code: str | None
    sector: str | None
    entity: str | None
    name: str


class ParticipantCoder:
    """Codes participants in text order, keeping the last person and group a pronoun may mean."""

    def __init__(
        self,
        doc: Document,
        kb: ActorDictionary,
        gazetteer: Gazetteer,
        context: Counter[str] | None = None,
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.gazetteer = gazetteer
        #: the countries (alpha-2) the article names: they choose between places of one name
        self.context = context
        self.date = doc.article.published
        self.clusters = Clusters()
        self.last_person: Cluster | None = None
        self.last_group: _Group | None = None
        #: the last side coded named a doer by a pronoun that refers to nothing
        self.lost_pronoun = False
        #: the first coded doer of the last attack reported ("condemned the strikes")
        self.last_attacker: Actor | None = None
        self.last_mode: str | None = None  # its act's: "the assassination" is one
        #: the country each participant phrase was given in its event, its setting included
        #: ("In Tehran, the government announced ... It said": "it" is that government's)
        self.filled: dict[str, str] = {}
        #: the two states of the last exchange between two ("urged the two sides") and its
        #: sentence; (sentence index, first coded doer) of every event; phrase codes (_code)
        self.last_pair: tuple[Actor, Actor] | None = None
        self.last_pair_sentence = -1
        self.doers: list[tuple[int, Actor]] = []
        parse = doc.parse
        self._sentence_starts = [s.start for s in parse.sents] if parse is not None else []
        self._coded: dict[tuple[tuple[int, ...], str | None], Coded] = {}

    def _code(self, toks: list[Token]) -> Coded:  # once per phrase and day; a copy to fill
        key = (tuple(t.i for t in toks), self.date)
        coded = self._coded.get(key)
        if coded is None:
            args = (self.kb, self.date, self.gazetteer, self.context)
            coded = self._coded[key] = code_phrase(toks, *args)
        return copy(coded)

    def name_entities(self, places: DocumentPlaces) -> None:
        """Pass 1: persons and organisations named anywhere, coded from their own phrase
        (apposition and modifiers: "Iranian commander Jane Doe", "Doe, the deputy leader of X")."""
        clusters = self.clusters
        placed = names_of_places(self.doc.parse, self.kb.words) if self.doc.parse else frozenset()
        for ent in places.ents:
            label = ent.label_
            if label not in ("PERSON", "ORG"):
                continue
            name = self.kb.words.drop_clitic(ent.text).strip()
            if label == "PERSON" and (
                self.kb.countries.get(name) or places.country_of(ent) or name.lower() in placed
            ):
                continue  # the NER calls some places and nationalities persons ("in Niamey")
            context = entity_context(ent)
            coded = self._code(context)
            whole = cut_name_phrase(ent) if coded.code is None else None
            if whole:
                coded = self._code(whole)
            if coded.code is None:
                # "As head of Iran's Quds Force, X ...", "X, the head of Iraq's militia body"
                for tie in tied(ent.root, self.kb.words):
                    wide = self._code(noun_phrase(tie, wide=True))
                    if wide.code:
                        coded.code = wide.code
                        coded.sector = coded.sector or wide.sector
                        break
            cl = clusters.add(entity_key(clusters, ent, name), name, label)
            if len(name) > len(cl.name):
                cl.name = name
            clusters.mention(cl, Span.of_tokens(ent))
            if coded.code and not cl.code:
                cl.code = coded.code
            if coded.sector and not cl.sector:
                cl.sector = coded.sector
            own = own_titles(coded.titles, context)
            dropped = set(coded.titles) - set(own)
            full = tuple(f for f in coded.full_titles if f not in dropped)
            clusters.add_titles(cl, own, full)
            clusters.add_heads(cl, name, coded.canonical)
            parts = name.split()
            if label == "PERSON" and len(parts) > 1:
                clusters.surname.setdefault(parts[-1].lower(), cl.key)

    def attackers(self, recipients: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """An uncoded recipient naming an attack ("condemned the strikes") is whoever carried
        out the last attack reported before it."""
        last = self.last_attacker
        if last is None:
            return recipients
        out = []
        for r in recipients:
            if self._uncoded_head(r, self.kb.words.attack_nouns) is not None:
                r = evolve(
                    r, name=last.name, code=last.code, sector=last.sector, entity=last.entity
                )
            out.append(r)
        return tuple(out)

    def _uncoded_head(self, r: Actor, nouns: frozenset[str]) -> Token | None:
        """The head word of an uncoded side whose head is one of ``nouns``, else None."""
        if r.code is not None:
            return None
        toks = self.doc.tokens(r.span)
        head = head_of(list(toks)) if toks is not None and len(toks) else None
        if head is None or (head.lemma_.lower() not in nouns and head.lower_ not in nouns):
            return None  # (a gerund the parser tagged a verb has the verb's lemma: "killing")
        return head

    #: how many sentences back an act noun ("the vote") looks for the act it names
    ACT_WINDOW = 5

    def acts(self, recipients: tuple[Actor, ...], actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """An uncoded recipient naming an earlier act or text ("welcomed the vote", "dismissed
        the arrests") is the doer of the nearest event of the sentences before that uses the
        same word, unless that doer is the addresser itself."""
        out = []
        own = {a.code for a in actors if a.code}
        for r in recipients:
            head = self._uncoded_head(r, self.kb.words.act_nouns)
            if head is not None:
                doer = self._act_doer(head, own)
                if doer is not None:
                    r = evolve(
                        r, name=doer.name, code=doer.code, sector=doer.sector, entity=doer.entity
                    )
            out.append(r)
        return tuple(out)

    def _act_doer(self, head: Token, own: set[str]) -> Actor | None:
        here = bisect_right(self._sentence_starts, head.i) - 1
        word = head.lemma_.lower()
        for sentence, doer in reversed(self.doers):
            if sentence >= here:
                continue
            if here - sentence > self.ACT_WINDOW:
                break
            if doer.code not in own and act_named_in(word, self._lemmas(sentence), self.kb.words):
                return doer
        return None

    def _lemmas(self, index: int) -> frozenset[str]:
        parse = self.doc.parse
        if parse is None:
            return frozenset()
        start = self._sentence_starts[index]
        return frozenset(t.lemma_.lower() for t in parse[start].sent)

    def after_event(self, ev: EventMention) -> None:
        """ "they" refers back to the last doer of an event, with its country."""
        spec = self.kb.types.get(ev.event)
        unknown = self.kb.sectors.codes.unknown
        named = [a for a in ev.actor if (a.code or a.entity) and a.sector != unknown]
        if spec is not None and spec.violent and named and ev.factuality in FACTUAL:
            self.last_attacker, self.last_mode = named[0], ev.mode  # (none planned)
        self._remember_pair(ev)
        coded = next((a for a in ev.actor if a.code), None)
        if coded is not None:
            self.doers.append((self._sentence_index(ev.sentence), coded))
        for a in (*ev.actor, *ev.recipient):
            if a.code:
                self.filled[self._key(a.name)] = a.code
        doers = [a for a in ev.actor if a.code or a.sector]
        unknown = self.kb.sectors.codes.unknown
        if doers and not all(a.sector == unknown for a in doers):
            d = doers[-1]
            self.last_group = _Group(d.code, d.sector, d.entity, d.name)

    def _key(self, name: str) -> str:
        """A participant phrase as ``filled`` keys it ("The government" -> "government")."""
        return self.kb.words.strip_article(name.strip(), fold=True).lower()

    def _sentence_index(self, span: Span) -> int:
        toks = self.doc.tokens(span)
        if toks is None or not len(toks):
            return -1
        return bisect_right(self._sentence_starts, toks[0].i) - 1

    def _remember_pair(self, ev: EventMention) -> None:
        """The two states of an exchange: a doer and a recipient of two different states, or
        two doers of different states ("A and B met")."""
        nonstate = self.kb.sectors.codes.nonstate
        if ev.event.lower() in self.kb.words.pairless_types:
            return
        parties = (*ev.actor, *ev.recipient)  # (a mutual act lists its doers on both sides)
        if any(len({a.span for a in side}) < len(side) for side in (ev.actor, ev.recipient)):
            return  # addressed to the pair itself ("spoke with both governments")
        states = [a for a in parties if a.code and a.code not in nonstate]
        first = states[0] if states else None
        other = next((a for a in states if first is not None and a.code != first.code), None)
        if first is not None and other is not None:
            self.last_pair = (first, other)
            self.last_pair_sentence = self._sentence_index(ev.sentence)

    def _pair(self, a: Actor, toks: list[Token]) -> tuple[Actor, ...] | None:
        """ "the two sides", "both leaders" (or a phrase they own: "the heads of the two
        countries' border services"): the two states of the last exchange reported in this or
        the previous three sentences, each as a party of this phrase."""
        words = self.kb.words
        if self.last_pair is None or not toks:
            return None
        owner = (t for t in toks if t.dep_ == "poss" and t.tag_ == "NNS")
        head = next(owner, head_of(toks))
        if head.lemma_.lower() not in words.pair_nouns or head.tag_ not in ("NNS", "NNPS"):
            return None
        before = [t for t in head.subtree if t.i < head.i]
        if not any(t.lower_ in words.pair_determiners for t in before):
            return None
        here = self._sentence_index(a.span)
        if here < 0 or not 0 <= here - self.last_pair_sentence <= 3:
            return None
        sector = self._code(toks).sector
        return tuple(
            evolve(a, name=f"{a.name} ({p.code})", code=p.code, sector=sector, entity=p.entity)
            for p in self.last_pair
        )

    def code_side(self, side: tuple[Actor, ...], doer: bool = True) -> tuple[Actor, ...]:
        """The participants of one side that are parties, coded (see :mod:`.nonactor`)."""
        out: list[Actor] = []
        self.lost_pronoun = False
        for a in side:
            toks = self.doc.tokens(a.span)
            tok_list = list(toks) if toks is not None else []
            if never_actor(tok_list, self.kb, doer):
                owner = instrument_owner(tok_list, self.kb) if doer else []
                if not owner:
                    continue
                # "Chinese coast guard ships blocked ...": the party named on the vessel
                a = as_phrase(a, owner)
                tok_list = owner
            real = after_dateline(tok_list, self.kb, self.gazetteer)
            if real is not None:
                # "Vilnius, 27 October 2025 The Ministry ... condemns": the dateline's place
                # is where the statement was issued, its subject is what follows the date
                if not real:
                    continue
                a = as_phrase(a, real)
                tok_list = real
            # ("Lithuania, Latvia and Estonia say they ...": each of them)
            speakers = coordinated_speakers(tok_list, self.kb.words)
            pair = self._pair(a, tok_list) or [self.code(as_phrase(a, list(s))) for s in speakers]
            if pair:
                out.extend(pair)
                continue
            coded = self.code(a, doer)
            if unresolved_pronoun(coded, tok_list):
                self.lost_pronoun = self.lost_pronoun or doer
            else:
                out.append(coded)
        return tuple(out)

    def unbound(
        self, recipients: tuple[Actor, ...], actors: tuple[Actor, ...]
    ) -> tuple[Actor, ...]:
        """Recipients but a plain pronoun resolved to the doer ("He urged him" is never him, but
        "himself": its antecedent is one the coder did not find; the side stays empty)."""
        out, bare = [], self.kb.words.strip_article  # ("The governor" is the governor)
        for r in recipients:
            toks = self.doc.tokens(r.span)
            tok_list = list(toks) if toks is not None else []
            pronoun = len(tok_list) == 1 and tok_list[0].pos_ == "PRON"
            if pronoun and not tok_list[0].lower_.endswith(("self", "selves")):
                same = any(
                    (r.entity is not None and r.entity == a.entity)
                    or bare(r.name.lower()) == bare(a.name.lower())
                    for a in actors
                )
                if same:
                    continue
            out.append(r)
        return tuple(out)

    def code(self, a: Actor, doer: bool = True) -> Actor:
        """Pass 2: one participant, coded from its phrase, its entity or its antecedent."""
        toks = self.doc.tokens(a.span)
        tok_list = list(toks) if toks is not None else []
        coded = self._code(tok_list)
        if coded.kind == "PRON":
            return self._pronoun(a, tok_list)
        return self._named(a, tok_list, coded, doer)

    def _pronoun(self, a: Actor, toks: list[Token]) -> Actor:
        words = self.kb.words
        word = toks[0].lower_ if toks else ""
        speaker = reporting_subject(toks[0], words) if toks else None
        if speaker is not None:
            # "Switzerland said it had expelled ...": the pronoun is the speaker
            sp_toks = noun_phrase(speaker)
            inner = self._code(sp_toks)
            if not inner.code:  # "Thousands of Israeli reservists say they": its "of" part
                wide = noun_phrase(speaker, wide=True)
                outer = self._code(wide) if len(wide) < 12 else None
                if outer is not None and (outer.code or not inner.sector):
                    inner, sp_toks = outer, wide
            sp_cl = cluster_for(sp_toks, self.clusters, words)
            if sp_cl is not None:
                self.clusters.mention(sp_cl, a.span)
                return evolve(
                    a,
                    name=sp_cl.name,
                    code=inner.code or sp_cl.code,
                    sector=sp_cl.sector or inner.sector,
                    entity=sp_cl.key,
                )
            if inner.code or inner.sector:
                code = inner.code or self.filled.get(self._key(phrase_text(sp_toks)))
                code = code or same_noun_before(sp_toks, self.kb, self._code)
                code = code or self._definite_organ(sp_toks, inner.sector)
                return evolve(a, name=phrase_text(sp_toks), code=code, sector=inner.sector)
        body = statement_issuer(a, word, self.clusters, self.doc, words)
        if body is not None:
            return body  # a statement's unquoted "we": the body that issued it
        patient = coordinated_object(toks[0], words) if toks else None
        if patient is not None:
            ante_toks = noun_phrase(patient)
            inner = self._code(ante_toks)
            return evolve(a, name=phrase_text(ante_toks), code=inner.code, sector=inner.sector)
        if word in words.person_pronouns and toks:
            # the person named last before the pronoun (this or the previous sentences)
            near = person_before(toks[0], self.clusters)
            if near is not None:
                self.last_person = near
            else:
                # no one named near: an office holder named by title ("The representative of
                # Kenya said ... He thanked the United States")
                titled = titled_subject_before(toks[0], self.kb.sectors.offices)
                if titled is not None:
                    wide = with_hyphens(noun_phrase(titled, wide=True))
                    inner = self._code(wide)
                    if inner.code or inner.sector:
                        return evolve(
                            a, name=phrase_text(wide), code=inner.code, sector=inner.sector
                        )
        antecedent = (
            group_antecedent(toks[0], words) if word in words.subject_group_pronouns else None
        )
        if antecedent is None and word in words.group_pronouns and toks:
            antecedent = object_antecedent(toks[0], words)
        if antecedent is not None:
            # "Washington lift the sanctions it imposed": the nearest subject before
            ante_toks = noun_phrase(antecedent)
            inner = self._code(ante_toks)
            if inner.code or inner.sector:
                code = inner.code or self.filled.get(self._key(phrase_text(ante_toks)))
                return evolve(a, name=phrase_text(ante_toks), code=code, sector=inner.sector)
        if word in words.person_pronouns and self.last_person is not None:
            person = self.last_person
            self.clusters.mention(person, a.span)
            return evolve(
                a, name=person.name, code=person.code, sector=person.sector, entity=person.key
            )
        if word in words.group_pronouns and self.last_group is not None:
            group = self.last_group
            return evolve(
                a, name=group.name, code=group.code, sector=group.sector, entity=group.entity
            )
        return evolve(a, code=None, sector=None, entity=None)

    def _named(self, a: Actor, toks: list[Token], coded: Coded, doer: bool) -> Actor:
        code, sector, entity_key = coded.code, coded.sector, None
        cl = cluster_for(toks, self.clusters, self.kb.words)
        if cl is not None:
            entity_key = cl.key
            if code is None or (coded.open_data and cl.code):
                # what the article says of the entity ("X, the UN's envoy") wins over the
                # Phoenix table's role for the name
                code = cl.code
            if sector is None or (cl.sector and coded.kind == "PERSON" and not coded.titles):
                sector = sector or cl.sector
            if a.span not in cl.mentions:
                self.clusters.mention(cl, a.span)
            if cl.kind == "PERSON":
                self.last_person = cl
        if code is None and toks:
            code = self._possessor_code(toks)
        if (code is None or coded.open_data) and toks:
            # "Y, the head of X's agency", "Y is X's envoy", "As head of X's army, Y ...":
            # what the text says of Y also wins over the Phoenix table's role for Y's name
            for tie in tied(head_of(toks), self.kb.words):
                wide = self._code(noun_phrase(tie, wide=True))
                if wide.code and not wide.open_data:
                    code, sector = wide.code, sector or wide.sector
                    if cl is not None and cl.code is None:
                        cl.code = code
                    break
        if code is None and toks:
            # "a camp for Congolese refugees", "a jail in northern Israel"
            code = self._code(noun_phrase(head_of(toks), wide=True)).code
        if code is None and toks and sector in self.kb.sectors.codes.state:
            code = self._reporter_state(head_of(toks))
        if code is None and toks:  # "a US envoy ... the envoy"; "Israeli jets ... the army"
            code = same_noun_before(toks, self.kb, self._code) or self._definite_organ(toks, sector)
        sector = self._force_named(toks, sector)
        if doer and (cl is None or cl.kind != "PERSON"):
            # "they" refers to a doer
            self.last_group = _Group(code, sector, entity_key, a.name)
        return evolve(a, code=code, sector=sector, entity=entity_key)

    def _force_named(self, toks: list[Token], sector: str | None) -> str | None:
        """ "Police clashed with protesters. Officers fired tear gas": a noun both forces use
        is the one force named as a doer in its own or the previous sentence."""
        forces = self.kb.sectors.codes.forces
        if not toks or sector not in forces:
            return sector
        head = head_of(toks)
        if head.lemma_.lower() not in self.kb.words.shared_force_nouns:
            return sector
        here = self._sentence_index(Span.of_token(head))
        named = {d.sector for i, d in self.doers if here - 1 <= i <= here and d.sector in forces}
        return named.pop() if len(named) == 1 else sector

    def _definite_organ(self, toks: list[Token], sector: str | None) -> str | None:
        """ "Israeli jets struck two villages. The army said ...": a state organ named by a
        definite common noun takes the country of a doer of the same sector (or, for forces,
        of any armed force or police: "Ugandan marine police ... The officers") in its own or
        the previous sentence, when exactly one country did so."""
        codes = self.kb.sectors.codes
        # (an armed force or the police: "the county commissioner" is the local office of a
        # state not named, "the general" one person)
        if sector is None or sector not in codes.forces or not toks:
            return None
        head = head_of(toks)
        if head.lemma_.lower() in self.kb.sectors.offices:
            return None
        dets = self.kb.words.articles
        # (the phrase's span leaves its article out: "The officers" is "officers")
        definite = [c for c in head.children if c.dep_ == "det"] + [t for t in toks if t.i < head.i]
        if head.pos_ != "NOUN" or not any(t.lower_ in dets for t in definite):
            return None
        here = self._sentence_index(Span.of_token(head))
        kin = codes.forces if sector in codes.forces else frozenset((sector,))
        found = {
            d.code
            for i, d in self.doers
            if here - 1 <= i <= here and d.sector in kin and d.code not in codes.nonstate
        }
        return found.pop() if len(found) == 1 else None

    def _reporter_state(self, head: Token) -> str | None:
        """ "The Kenyan minister said police had fired ...": an organ of a state named
        without a country, in a clause a state's official reports, is that state's."""
        source = reporter(head, self.kb.words)
        if source is None:
            return None
        inner = self._code(noun_phrase(source))
        codes = self.kb.sectors.codes
        if inner.code and inner.code not in codes.nonstate and inner.sector in codes.state:
            return inner.code
        return None

    def _possessor_code(self, toks: list[Token]) -> str | None:
        """ "twenty-four of its personnel": the possessor pronoun's antecedent's country."""
        words = self.kb.words
        owner = next(
            (
                t
                for t in toks
                if t.dep_ == "poss" and (t.pos_ == "PRON" or t.lower_ in words.relative_possessives)
            ),
            None,
        )
        if owner is not None and owner.lower_ in words.person_pronouns:
            near = person_before(owner, self.clusters)  # "his administration": the last person
            if near is not None:
                return near.code  # else the speaker, as for "its" ("X said his country ...")
        if owner is None:
            # "the agency's director general": the organisation named before by that head
            noun = next((t for t in toks if t.dep_ == "poss" and t.pos_ == "NOUN"), None)
            dets = words.anaphoric_determiners
            if noun is not None and any(c.lower_ in dets for c in noun.children):
                org = self.clusters.head_owner(noun.lemma_)
                found = org.code if org is not None else None
                return found or country_named_before(noun, words, self.kb.countries)
            return None
        ante = coordinated_patient(owner, words)
        if ante is None or self._code(noun_phrase(ante)).code is None:
            ante = possessor_antecedent(owner, words)
        if ante is None:
            return None
        inner = self._code(noun_phrase(ante, wide=self._code(noun_phrase(ante)).code is None))
        ante_cl = cluster_for(noun_phrase(ante), self.clusters, self.kb.words)
        return inner.code or (ante_cl.code if ante_cl is not None else None)
