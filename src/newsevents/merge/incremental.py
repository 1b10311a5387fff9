"""New articles merged into an existing merge, re-merging only the date windows they touch.

The stories of the existing merge are kept: their articles stay in them, and only the new
articles are grouped, in publication order, each joining the most similar story open at its
date or starting one (:func:`.stories.group_stories` with ``fixed``). The word weights are
those of the articles already merged (a word no merged article used gets the weight of a
word no article used): new articles never move an old one to another story, however many
words they bring. Mentions are placed in date windows as :mod:`.windows` does; a mention is
*changed* when it is new, when its window moved (its story gained articles and now spans
more days), or when its story now holds other old articles than before. A window is
*touched* when it owns, or owned, a changed mention; only touched windows are merged again
(with their margins). A long story split by date that gains today's reports thus touches
only today's window, not every window it spans.

Every event with no mention in a touched window is kept as it was: same id (an event's id is
a hash of its mention ids) and same row, unless its story's id changed (a story's id is a
hash of its articles, so a story gaining an article gets a new id): then only the event's
``story_id`` is rewritten. Stitching checks a re-merged window against the kept events beside
it: when a kept event and a re-merged event share a mention (a new report joins an event
told across the window edge), the windows of both are merged again as one.

How this differs from a merge from scratch (measured by ``make bench-merge``): a merge from
scratch weighs words over every article, new ones included, and regroups every article with
those weights, so articles near the similarity threshold may form other stories; a kept
event keeps the similarities (and the explanation) of the merge that made it, and a kept
event of a long story keeps the entity keys its story had when it was merged.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Entity, Event, EventMention, MergeResult, Quote, Story
from .config import DEFAULT_CONFIG, MergeConfig, prepare
from .heap import no_cycle_collection
from .windows import (
    DEFAULT_SPLIT_DAYS,
    DEFAULT_WINDOW_DAYS,
    UNDATED,
    RunResult,
    Unit,
    Windows,
    conflicts,
    execute,
    marks,
    place_story,
    widen,
)


@dataclass(frozen=True)
class MergeUpdate:
    """The merge after new articles, and what changed in it."""

    result: MergeResult  # the whole merge, kept and re-merged parts together
    stories_removed: tuple[str, ...]
    stories_added: tuple[Story, ...]
    events_removed: tuple[str, ...]  # events re-merged or relabelled (their rows rewritten)
    events_added: tuple[Event, ...]  # re-merged events, and kept events with a new story id
    windows: int  # date windows owning mentions
    windows_touched: int  # of them, merged again
    widened: int  # re-merged windows that disagreed with a kept event beside them
    relabelled: int = 0  # kept events (same id, same mentions) whose story id changed


def _touched(w: Windows, previous: MergeResult) -> set[int]:
    """The windows owning (now or before) a changed mention (see the module text)."""
    c = w.corpus
    old_groups = [[a for a in s.article_ids if a in c.by_id] for s in previous.stories]
    old_articles = {a for g in old_groups for a in g}
    before: dict[str, tuple[int, int]] = {}  # mention id -> (window, old story)
    for k, group in enumerate(old_groups):
        for m, owner, _ in place_story(c, group, w.window_days, w.split_days)[0]:
            before[m.id] = (owner, k)
    old_sets = [frozenset(g) for g in old_groups]
    now_sets = [frozenset(a for a in g if a in old_articles) for g in c.groups]
    touched: set[int] = set()
    for p, m in enumerate(w.mentions):
        was = before.pop(m.id, None)
        if was is None:
            touched.add(w.own[p])
        elif was[0] != w.own[p] or old_sets[was[1]] != now_sets[w.story[p]]:
            touched |= {was[0], w.own[p]}
    touched |= {owner for owner, _ in before.values()}  # mentions gone
    return touched


def merge_incremental(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote],
    entities: Mapping[str, Sequence[Entity]] | None,
    previous: MergeResult,
    config: MergeConfig = DEFAULT_CONFIG,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    split_days: int = DEFAULT_SPLIT_DAYS,
    workers: int = 1,
) -> MergeUpdate:
    """Merge every article and mention, reusing ``previous`` (the merge of the corpus
    before the new articles: its stories are kept, see the module text) wherever no new or
    changed mention reaches."""
    with no_cycle_collection():
        return _update(
            articles, mentions, quotes, entities, previous, config, window_days, split_days, workers
        )


def _update(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote],
    entities: Mapping[str, Sequence[Entity]] | None,
    previous: MergeResult,
    config: MergeConfig,
    window_days: int,
    split_days: int,
    workers: int,
) -> MergeUpdate:
    kept_groups = [s.article_ids for s in previous.stories]
    c = prepare(articles, mentions, quotes, entities, config, previous=kept_groups)
    w = Windows(c, window_days, split_days)
    old_stories = {s.id: s for s in previous.stories}
    window_of_mention = {m.id: w.own[p] for p, m in enumerate(w.mentions)}

    def span(e: Event) -> Unit:
        ws = [window_of_mention[mid] for mid in e.mention_ids if mid in window_of_mention]
        return (min(ws), max(ws)) if ws else (UNDATED, UNDATED)

    touched = _touched(w, previous)
    for e in previous.events:  # an event with a mention gone is merged again
        if any(mid not in window_of_mention for mid in e.mention_ids):
            touched |= {window_of_mention[m] for m in e.mention_ids if m in window_of_mention}

    units = w.group([(x, x) for x in sorted(touched)])
    results: dict[Unit, RunResult] = {}
    widened = 0
    while True:
        inside = {x for x in w.owned if any(lo <= x <= hi for lo, hi in units)}
        kept: dict[Unit, list[Event]] = {}
        for e in previous.events:
            wins = [window_of_mention.get(mid) for mid in e.mention_ids]
            if all(x is not None and x not in inside for x in wins):  # none gone or touched
                kept.setdefault(span(e), []).append(e)
        for r in execute(w, [u for u in units if u not in results], workers):
            results[r.unit] = r
        pairs = conflicts(
            [*((u, results[u].marks) for u in units), *((u, marks(es)) for u, es in kept.items())]
        )
        if not pairs:
            break
        widened += len(pairs)
        units = widen(units, pairs)
        results = {u: r for u, r in results.items() if u in units}

    events = {e.id: e for es in kept.values() for e in es}
    added: dict[str, Event] = {}
    relabelled = 0
    for e in events.values():  # the story id a merge from scratch gives (see events_of)
        sids = [c.story_of.get(mid.rsplit(":", 1)[0]) for mid in e.mention_ids]
        top = Counter(s for s in sids if s).most_common(1)
        sid = top[0][0] if top else None
        if sid != e.story_id:
            added[e.id] = dataclasses.replace(e, story_id=sid)
            relabelled += 1
    for u in units:
        for e in results[u].events:
            added[e.id] = e
    # a relabelled event is removed and written again (same id, new row)
    removed = [e.id for e in previous.events if e.id not in events or e.id in added]
    events.update(added)
    fresh = [i for i, sid in enumerate(c.ids) if sid not in old_stories]
    new_stories = {s.id: s for s in w.stories(fresh)}
    stories = tuple(old_stories.get(sid) or new_stories[sid] for sid in c.ids)
    current = set(c.ids)
    return MergeUpdate(
        result=MergeResult(
            stories=stories,
            events=tuple(sorted(events.values(), key=lambda e: (e.date or "9999", e.id))),
        ),
        stories_removed=tuple(sid for sid in old_stories if sid not in current),
        stories_added=tuple(s for s in stories if s.id not in old_stories),
        events_removed=tuple(removed),
        events_added=tuple(added.values()),
        windows=len(w.owned),
        windows_touched=len(inside),
        widened=widened,
        relabelled=relabelled,
    )
