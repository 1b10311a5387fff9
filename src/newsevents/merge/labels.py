"""A story's label: who and where, in a few short proper names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import StoryEntity
from ..resources import countries
from .entities import is_label_name
from .knowledge import MergeKnowledge

_PLACE_KINDS = ("LOC", "GPE", "FAC")


def story_label(
    story_ents: Sequence[StoryEntity],
    counts: Mapping[str, int],
    spread: Mapping[str, set[str]],
    kb: MergeKnowledge,
) -> str:
    """Who and where: the two most named actors and the place most articles name, as
    short proper names (no titles, no descriptions like "the convoy")."""
    table = countries()
    named = {
        e.key: e
        for e in story_ents
        if e.key in counts
        and is_label_name(e.name, kb)
        and table.get(e.name, ("", ""))[1] != "adjective"  # "Chinese": said by "China"
    }

    def is_place(e: StoryEntity) -> bool:
        return e.kind in _PLACE_KINDS or e.name in table or any(":place:" in m for m in e.members)

    actors = sorted(
        (k for k, e in named.items() if not is_place(e)),
        key=lambda k: (-counts[k], -len(spread[k]), named[k].name),
    )
    places = sorted(
        (k for k, e in named.items() if is_place(e)),
        key=lambda k: (-len(spread[k]), -counts[k], named[k].name),
    )
    picked = actors[:2] + places[:1]
    picked += [k for k in actors[2:] + places[1:] if k not in picked][: 3 - len(picked)]
    return ", ".join(named[k].name for k in picked)
