"""Knowledge the coder can draw on beyond its own data: the open PETRARCH2/Phoenix
dictionaries converted by ``scripts/convert_phoenix.py`` (see :mod:`.phoenix`).

No stage imports this package yet; it sits beside :mod:`newsevents.resources` in the layers.
"""

from .actors import ActorKind, ActorRecord, ActorRole, ActorTable, load_actors
from .phoenix import (
    AgentEntry,
    AgentTable,
    Discard,
    DiscardList,
    PhoenixKnowledge,
    load_agents,
    load_discards,
    load_phoenix,
)
from .tsv import normalise
from .verbs import CameoEvent, VerbForm, VerbLexicon, VerbPattern, load_verbs

__all__ = [
    "ActorKind",
    "ActorRecord",
    "ActorRole",
    "ActorTable",
    "AgentEntry",
    "AgentTable",
    "CameoEvent",
    "Discard",
    "DiscardList",
    "PhoenixKnowledge",
    "VerbForm",
    "VerbLexicon",
    "VerbPattern",
    "load_actors",
    "load_agents",
    "load_discards",
    "load_phoenix",
    "load_verbs",
    "normalise",
]
