"""The one country an article is about, for parties its sentences leave without one: where
it places things, the countries its places, nationality words, dateline and named parties
give, else the country it names most (a part of :mod:`.setting`)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.tokens import Span as SpacySpan

from ...model import Document
from ..datelines import document_datelines, read_datelines
from ..place import untagged_city_countries
from .dictionary import ActorDictionary
from .places import DocumentPlaces, leading_country

#: a dateline ends with a dash ("KANO, Nigeria (Agency) -"); at most this many tokens long
_DATELINE_DASHES = frozenset({"-", "\u2013", "\u2014"})
_DATELINE_TOKENS = 16


def with_dateline(sent: SpacySpan) -> SpacySpan:
    """The report's first sentence read with its dateline: the parser gets them apart (so the
    dateline is never a subject), but the country a dateline names ("KANO, Nigeria (Agency)
    -") is the one a reader takes for the unnamed parties of the sentence that follows."""
    doc = sent.doc
    if sent.start == 0 or doc[sent.start - 1].text not in _DATELINE_DASHES:
        return sent
    prev = doc[sent.start - 1].sent
    return doc[prev.start : sent.end] if len(prev) <= _DATELINE_TOKENS else sent


@lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    return read_datelines()


class HomeCountry:
    """The article's own country, worked out once per ``where_first``."""

    def __init__(
        self,
        doc: Document,
        kb: ActorDictionary,
        places: DocumentPlaces,
        parties: Counter[str],
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.places = places
        self.parties = parties
        self._memo: dict[bool, str | None] = {}

    def _dateline_country(self) -> str | None:
        """The country of the place the report is datelined from ("NAIROBI -")."""
        found = document_datelines(self.doc, _dateline_patterns(), 400)
        if not found:
            return None
        for group in ("where", "city"):
            name = found[0].groupdict().get(group)  # ("where" is optional)
            if not name:
                continue
            name = " ".join(w.capitalize() if w.isupper() else w for w in name.split())
            hit = self.kb.countries.get(name)
            if hit is not None:
                return hit[0]
            place = self.places.gazetteer.lookup(name)
            if place is not None and place.country:
                return str(place.country)
        return None

    def home(self, where_first: bool = False) -> str | None:
        """The one country the article is about: where it places things most (``where_first``,
        when one country leads there), else the country its places, nationality words,
        dateline and named parties give most; None on a tie."""
        if where_first in self._memo:
            return self._memo[where_first]
        top = leading_country(self.places.where()) if where_first else None
        unplaced = not self.places.where() and not self.places.dominant()
        dateline = self._dateline_country() if top is None else None
        if top is None and unplaced and dateline is None:
            # no place the tagger found as such ("Djibo: ... Arbinda: ..." as persons): the
            # countries the article's place names give outweigh a named party's home
            # ("JNIM fighters" in a report on Burkina Faso)
            top = self._named_home()
        if top is None:
            counts = self.places.dominant() + self.parties
            if dateline is not None:
                counts[dateline] += 2  # where the reporter is: a strong cue
            for code in self.kb.sectors.codes.nonstate:
                counts.pop(code, None)
            ranked = counts.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                top = ranked[0][0]
        if top is None and unplaced:
            top = self._named_home() or self._local_paper_home()
        self._memo[where_first] = top
        return top

    def _local_paper_home(self) -> str | None:
        """A local paper naming no country nor any tagged place ("Residents of Kumbo stayed
        indoors"): the one country of the untagged city names it uses (see
        :func:`~newsevents.resolve.place.untagged_city_countries`)."""
        found = untagged_city_countries(self.doc, self.places.gazetteer)
        if self.places.context and set(self.places.context) != set(found):
            return None  # the article (or its title or outlet) names countries of its own
        if len(found) != 1:
            return None
        country = self.places.gazetteer.by_alpha2.get(next(iter(found)))
        return None if country is None else country.alpha3

    def _named_home(self) -> str | None:
        """The country the article names most by its own, its provinces' or its cities' names
        (the place stage's article countries), when the tagger found none of its places as
        such ("Police in Accra" untagged): named at least twice, and more than any other."""
        ranked = self.places.context.most_common(2) if self.places.context else []
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        country = self.places.gazetteer.by_alpha2.get(ranked[0][0])
        return None if country is None else country.alpha3
