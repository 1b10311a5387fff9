"""New articles merged into an existing merge, re-merging only the date windows they touch.

Stories are grouped again over the whole corpus (cheap, and a new article may join an old
story). A window is *touched* when it owns a story that is new or whose articles changed;
only touched windows are merged again (with their margins, see :mod:`.windows`). Every
event with no mention in a touched window is kept as it was: same id (an event's id is a
hash of its mention ids), same row. Stitching checks a re-merged window against the kept
events beside it: when a kept event and a re-merged event share a mention (a new report
joins an event told across the window edge), the windows of both are merged again as one,
so the result is the one a merge from scratch gives.

One difference is allowed and measured by ``make bench``: sentence vectors are weighed by
the corpus-wide IDF table, which new articles shift a little; a kept event keeps the
similarities (and the explanation) of the merge that made it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Article, Entity, Event, EventMention, MergeResult, Quote, Story
from .config import DEFAULT_CONFIG, MergeConfig, prepare
from .windows import (
    DEFAULT_WINDOW_DAYS,
    UNDATED,
    RunResult,
    Unit,
    Windows,
    conflicts,
    execute,
    widen,
)


@dataclass(frozen=True)
class MergeUpdate:
    """The merge after new articles, and what changed in it."""

    result: MergeResult  # the whole merge, kept and re-merged parts together
    stories_removed: tuple[str, ...]
    stories_added: tuple[Story, ...]
    events_removed: tuple[str, ...]
    events_added: tuple[Event, ...]
    windows: int  # date windows holding stories
    windows_touched: int  # of them, merged again
    widened: int  # re-merged windows that disagreed with a kept event beside them


def merge_incremental(
    articles: Sequence[Article],
    mentions: Sequence[EventMention],
    quotes: Sequence[Quote],
    entities: Mapping[str, Sequence[Entity]] | None,
    previous: MergeResult,
    config: MergeConfig = DEFAULT_CONFIG,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    workers: int = 1,
) -> MergeUpdate:
    """Merge every article and mention, reusing ``previous`` (the merge of the corpus
    before the new articles) wherever no new or changed story reaches."""
    w = Windows(prepare(articles, mentions, quotes, entities, config), window_days)
    c = w.corpus
    old_stories = {s.id: s for s in previous.stories}
    touched = {w.owner[i] for i, sid in enumerate(c.ids) if sid not in old_stories}
    window_of_mention = {
        m.id: w.window_of[aid] for aid, ms in c.mentions_by_article.items() for m in ms
    }

    def span(e: Event) -> Unit:
        ws = [window_of_mention[mid] for mid in e.mention_ids if mid in window_of_mention]
        return (min(ws), max(ws)) if ws else (UNDATED, UNDATED)

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
        pairs = conflicts([*((u, results[u].events) for u in units), *kept.items()])
        if not pairs:
            break
        widened += len(pairs)
        units = widen(units, pairs)
        results = {u: r for u, r in results.items() if u in units}

    events = {e.id: e for es in kept.values() for e in es}
    added: dict[str, Event] = {}
    new_stories: dict[str, Story] = {}
    for u in units:
        for e in results[u].events:
            added[e.id] = e
        for _, s in results[u].stories:
            new_stories[s.id] = s
    removed = [e.id for e in previous.events if e.id not in events]
    events.update(added)
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
        windows_touched=len({x for x in w.owned if any(lo <= x <= hi for lo, hi in units)}),
        widened=widened,
    )
