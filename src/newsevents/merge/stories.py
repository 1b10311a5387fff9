"""Stories: articles about the same news story, grouped incrementally.

Articles are taken in publication order; each joins the most similar open story (cosine of
its TF-IDF vector of content words plus boosted entity names, against the story's summed
vector) when the similarity reaches the threshold and the story has an article published
within the time window; otherwise it starts a new story. Each article is in one story.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Article
from .text import Vector, add_into, content_words, idf_table, name_tokens, tfidf


@dataclass
class _Open:
    index: int
    article_ids: list[str] = field(default_factory=list)
    vector: Vector = field(default_factory=dict)
    norm: float = 0.0
    norm_sq: float = 0.0
    last_day: int | None = None
    first_day: int | None = None


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


def group_stories(
    articles: Sequence[Article],
    names: Mapping[str, Sequence[str]],
    *,
    threshold: float,
    window_days: int,
    name_boost: int,
) -> tuple[list[list[str]], dict[str, float]]:
    """Article id groups (one per story, in creation order) and the IDF table used."""
    # tokens are made twice (for the IDF table, then for each vector) rather than held for
    # every article at once: a million-mention corpus would keep gigabytes of them
    idf = idf_table(article_tokens(a, names.get(a.id, ()), name_boost) for a in articles)
    order = sorted(
        articles, key=lambda a: (day_of(a.published) is None, day_of(a.published) or 0, a.id)
    )
    stories: list[_Open] = []
    # open stories by the day of their last article (a heap; a story's older entries are
    # stale once it gains a later article): a dated article closes the stories whose last
    # article is more than ``window_days`` before it, without visiting the others
    closing: list[tuple[int, int]] = []
    # inverted index term -> open stories holding it: a cosine touches only the stories
    # that share a term with the article, not every open story. While articles are dated
    # (they come first), it holds exactly the stories an article may join
    postings: dict[str, dict[int, _Open]] = defaultdict(dict)
    indexed: dict[int, _Open] = {}
    # term -> the largest share (weight / norm) it ever had in a story: bounds what the
    # common terms can add to a cosine (see _dot_products)
    ceiling: dict[str, float] = {}
    everything = False  # an undated article was seen: every story stays a candidate
    undated_later = any(day_of(a.published) is None for a in articles)

    def index(story: _Open, terms: Iterable[str]) -> None:
        for t in terms:
            postings[t][story.index] = story

    for art in order:
        vec = tfidf(article_tokens(art, names.get(art.id, ()), name_boost), idf)
        day = day_of(art.published)
        if day is not None:
            while closing and day - closing[0][0] > window_days:
                last, idx = heapq.heappop(closing)
                s = stories[idx]
                if s.last_day != last or idx not in indexed:
                    continue  # a stale entry: the story had a later article
                for t in s.vector:  # the story closes: out of the index
                    postings[t].pop(idx, None)
                del indexed[idx]
                if not undated_later:  # no article can reopen it: drop its words
                    s.vector = {}
        elif not everything:  # from now on every story is a candidate of undated articles
            everything = True
            for s in stories:
                if s.index not in indexed:
                    indexed[s.index] = s
                    index(s, s.vector)
        # vec is unit length; the story's norm is cached (cosine without re-summing)
        acc = _dot_products(vec, postings, ceiling, threshold)
        best: _Open | None = None
        best_sim = threshold
        for idx in sorted(acc):  # story creation order: the first of equal scores wins
            story = indexed[idx]
            sim = acc[idx] / story.norm if story.norm else 0.0
            if sim >= best_sim and (best is None or sim > best_sim):
                best, best_sim = story, sim
        if best is None and threshold <= 0.0:  # no shared term is still a cosine of 0
            best = indexed[min(indexed)] if indexed else None
        if best is None:
            best = _Open(index=len(stories))
            stories.append(best)
            indexed[best.index] = best
        best.article_ids.append(art.id)
        # the squared norm updated by the terms that change (not summed over the whole
        # vector again: a long story's vector holds thousands of terms)
        for t, v in vec.items():
            old = best.vector.get(t, 0.0)
            best.norm_sq += (old + v) * (old + v) - old * old
        add_into(best.vector, vec)
        index(best, vec)
        best.norm = math.sqrt(max(best.norm_sq, 0.0))
        if best.norm:  # the other terms' shares only fell (every weight is positive)
            for t in vec:
                share = best.vector[t] / best.norm
                if share > ceiling.get(t, 0.0):
                    ceiling[t] = share
        if day is not None:
            best.last_day = max(best.last_day or day, day)
            best.first_day = min(best.first_day or day, day)
            if not everything:
                heapq.heappush(closing, (best.last_day, best.index))
    return [s.article_ids for s in stories], idf


def _dot_products(
    vec: Vector,
    postings: Mapping[str, Mapping[int, _Open]],
    ceiling: Mapping[str, float],
    threshold: float,
) -> dict[int, float]:
    """Dot product of ``vec`` with each open story sharing a term with it, for every story
    whose cosine may reach ``threshold`` (the others may be left out).

    Words many articles use ("forces", "said", a country's name) are held by most open
    stories, so summing over their postings costs articles x open stories. What a term can
    add to a story's cosine is at most ``v * ceiling[t]``; terms are set aside, those held
    by the most stories first, while the sum of those bounds stays below the threshold
    (MaxScore, as search engines prune). A story holding none of the other terms cannot
    reach the threshold; the stories holding one are scored over all their terms, in the
    order of ``vec``: the same sum, term by term, as the full accumulation gives."""
    held = sorted(((len(got), t) for t in vec if (got := postings.get(t))), key=lambda p: -p[0])
    bound, rare = 0.0, []
    for _, t in held:
        b = vec[t] * ceiling.get(t, 1.0)
        if threshold > 0.0 and bound + b < threshold - 1e-9:
            bound += b  # set aside
        else:
            rare.append(t)
    acc: dict[int, float] = defaultdict(float)
    if len(rare) == len(held):  # nothing set aside: the full accumulation
        for t, v in vec.items():
            for idx, story in postings.get(t, {}).items():
                acc[idx] += v * story.vector[t]
        return acc
    reached: dict[int, _Open] = {}
    for t in rare:
        reached.update(postings[t])
    aside = {t for _, t in held} - set(rare)
    for t, v in vec.items():  # in the order of vec, as the full accumulation adds
        got = postings.get(t)
        if not got:
            continue
        if t not in aside:
            for idx, story in got.items():
                acc[idx] += v * story.vector[t]
        elif len(got) < len(reached):
            for idx, story in got.items():
                if idx in reached:
                    acc[idx] += v * story.vector[t]
        else:
            for idx, story in reached.items():
                w = story.vector.get(t)
                if w is not None:
                    acc[idx] += v * w
    return acc
