"""Actor coding: country + sector for every event participant, and in-document coreference.

Coding is compositional, as PLOVER codes actors: a country from a name, adjective/demonym or
capital used as a metonym anywhere in the actor's phrase ("Iran's top general", "Iraqi militia
commander", "leaders of Romania's government", "Washington") and a sector from its role words
("general" -> MIL, "militia" -> UAF, "protesters" -> CVL). A curated dictionary covers
organisations and well-known office holders (with the dates they held office). Mentions of one
person share an entity: full name, later surname, a title used for them ("the general"), and
"he"/"she" as the subject of a following clause. Written by hand: no library codes PLOVER
actors offline.

Modules: ``vocab`` and ``dictionary`` load the knowledge (one frozen ``ActorDictionary``, with
the Phoenix actors, agents and discards beneath our own files), ``nonactor`` says what is never
a party,
``phrase`` codes one phrase, ``places`` finds the countries of places, ``antecedents`` and
``coref`` link mentions, ``setting`` fills countries from the sentence and the article, and
``document`` runs the pass over one document.
"""

from .dictionary import ActorDictionary, ActorEntry, load_actor_dictionary
from .document import resolve_actors
from .phrase import ActorKind, Coded, code_phrase
from .places import DocumentPlaces, place_country
from .vocab import ActorWords, SectorTable, load_actor_words, load_sector_table

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorKind",
    "ActorWords",
    "Coded",
    "DocumentPlaces",
    "SectorTable",
    "code_phrase",
    "load_actor_dictionary",
    "load_actor_words",
    "load_sector_table",
    "place_country",
    "resolve_actors",
]
