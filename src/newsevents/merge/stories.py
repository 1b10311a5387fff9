"""Stories: articles about the same news story, grouped incrementally.

Articles are taken in publication order; each joins the most similar open story (cosine of
its TF-IDF vector of content words plus boosted entity names, against the story's summed
vector) when the similarity reaches the threshold and the story has an article published
within the time window; otherwise it starts a new story. Each article is in one story.

An update (:func:`group_stories` with ``fixed``) keeps the stories of a previous grouping:
their articles go back into the stories they were in, unscored, and only the other (new)
articles are scored against the stories open at their date, with the word weights given
(those of the previous grouping: a new word gets the weight of a word no article used).
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Article
from .story_index import StoryIndex
from .text import Vector, add_into, content_words, idf_table, name_tokens, tfidf


@dataclass
class _Open:
    index: int
    article_ids: list[str] = field(default_factory=list)
    vector: Vector = field(default_factory=dict)
    norm_sq: float = 0.0
    last_day: int | None = None


def day_of(iso: str | None) -> int | None:
    """Ordinal day of an ISO date (partial dates take their first day)."""
    if not iso:
        return None
    parts = iso[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(y, m, d).toordinal()
    except (ValueError, IndexError):
        return None


def article_tokens(article: Article, names: Sequence[str], name_boost: int) -> list[str]:
    tokens = content_words(article.title or "") * 2 + content_words(article.text)
    for n in names:  # each word of a name, so "Jane Doe" and "Doe" share "@doe"
        for w in name_tokens(n):
            if len(w) > 2 and w not in STOP_WORDS:
                tokens.extend([f"@{w}"] * name_boost)
    return tokens


def unseen_idf(documents: int) -> float:
    """The weight :func:`idf_table` gives a word no article of ``documents`` used."""
    return math.log(1 + documents) + 1.0


def group_stories(
    articles: Sequence[Article],
    names: Mapping[str, Sequence[str]],
    *,
    threshold: float,
    window_days: int,
    name_boost: int,
    fixed: Mapping[str, int] | None = None,
    idf: Mapping[str, float] | None = None,
    default_idf: float = 1.0,
    dense_at: int = StoryIndex.DENSE_AT,
) -> tuple[list[list[str]], dict[str, float]]:
    """Article id groups (one per story, in creation order) and the IDF table used.

    ``fixed`` (article id -> story number of a previous grouping) puts those articles back
    into their stories without scoring them; ``idf`` (with ``default_idf`` for a word it
    lacks) replaces the table computed over ``articles``."""
    fixed = fixed or {}
    if idf is None:
        # tokens are made twice (for the IDF table, then for each vector) rather than held
        # for every article at once: a million-mention corpus would keep gigabytes of them
        idf = idf_table(article_tokens(a, names.get(a.id, ()), name_boost) for a in articles)
    order = sorted(
        articles, key=lambda a: (day_of(a.published) is None, day_of(a.published) or 0, a.id)
    )
    # after the last article to score, the others only go back into their stories
    last_new = max((i for i, a in enumerate(order) if a.id not in fixed), default=-1)
    stories: list[_Open] = []
    of_fixed: dict[int, _Open] = {}
    # open stories by the day of their last article (a heap; a story's older entries are
    # stale once it gains a later article): a dated article closes the stories whose last
    # article is more than ``window_days`` before it, without visiting the others
    closing: list[tuple[int, int]] = []
    index = StoryIndex(dense_at)  # the open stories' vectors by term (see .story_index)
    everything = False  # an undated article was seen: every story stays a candidate
    # a closed story's words are dropped unless an article may still meet it
    keep_words = bool(fixed) or any(day_of(a.published) is None for a in articles)

    for position, art in enumerate(order):
        was = fixed.get(art.id)
        if position > last_new and was is not None:
            if was not in of_fixed:
                of_fixed[was] = _Open(index=len(stories))
                stories.append(of_fixed[was])
            of_fixed[was].article_ids.append(art.id)
            continue
        day = day_of(art.published)
        if day is not None:
            while closing and day - closing[0][0] > window_days:
                last, idx = heapq.heappop(closing)
                s = stories[idx]
                if s.last_day != last or idx not in index:
                    continue  # a stale entry: the story had a later article
                index.remove(idx, s.vector)
                if not keep_words:
                    s.vector = {}
        elif not everything:  # from now on every story is a candidate of undated articles
            everything = True
            index.sparse_only()
            for s in stories:
                if s.index not in index:
                    index.add(s.index, s.vector, _norm(s))
        vec = tfidf(article_tokens(art, names.get(art.id, ()), name_boost), idf, default_idf)
        best: _Open | None
        if was is not None:
            best = of_fixed.get(was)
            if best is not None and best.index not in index:  # reopened (other settings)
                index.add(best.index, best.vector, _norm(best))
        else:
            found = index.best(vec, threshold)
            best = stories[found] if found is not None else None
        if best is None:
            best = _Open(index=len(stories))
            stories.append(best)
            index.add(best.index, {}, 0.0)
            if was is not None:
                of_fixed[was] = best
        best.article_ids.append(art.id)
        # the squared norm updated by the terms that change (not summed over the whole
        # vector again: a long story's vector holds thousands of terms)
        for t, v in vec.items():
            old = best.vector.get(t, 0.0)
            best.norm_sq += (old + v) * (old + v) - old * old
        add_into(best.vector, vec)
        index.update(best.index, vec, best.vector, _norm(best))
        if day is not None:
            best.last_day = max(best.last_day or day, day)
            if not everything:
                heapq.heappush(closing, (best.last_day, best.index))
    return [s.article_ids for s in stories], dict(idf)


def _norm(s: _Open) -> float:
    return math.sqrt(max(s.norm_sq, 0.0))
