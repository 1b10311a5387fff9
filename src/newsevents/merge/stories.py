"""Stories: articles about the same news story, grouped incrementally.

Articles are taken in publication order; each joins the most similar open story (cosine of
its TF-IDF vector of content words plus boosted entity names, against the story's summed
vector) when the similarity reaches the threshold and the story has an article published
within the time window; otherwise it starts a new story. Each article is in one story.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Article
from .text import Vector, add_into, content_words, dot, idf_table, name_tokens, tfidf


@dataclass
class _Open:
    index: int
    article_ids: list[str] = field(default_factory=list)
    vector: Vector = field(default_factory=dict)
    norm: float = 0.0
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
    tokens = {a.id: article_tokens(a, names.get(a.id, ()), name_boost) for a in articles}
    idf = idf_table(tokens.values())
    order = sorted(
        articles, key=lambda a: (day_of(a.published) is None, day_of(a.published) or 0, a.id)
    )
    stories: list[_Open] = []
    active: list[_Open] = []  # stories whose last article is recent enough (dated input)
    undated: list[_Open] = []  # stories started by an article without a date
    for art in order:
        vec = tfidf(tokens[art.id], idf)
        day = day_of(art.published)
        if day is not None:
            active = [s for s in active if s.last_day is None or day - s.last_day <= window_days]
            pool = active + undated
        else:
            pool = stories
        best: _Open | None = None
        best_sim = threshold
        for story in pool:
            # vec is unit length; the story's norm is cached (cosine without re-summing)
            sim = dot(vec, story.vector) / story.norm if story.norm else 0.0
            if sim >= best_sim and (best is None or sim > best_sim):
                best, best_sim = story, sim
        if best is None:
            best = _Open(index=len(stories))
            stories.append(best)
            (active if day is not None else undated).append(best)
        best.article_ids.append(art.id)
        add_into(best.vector, vec)
        best.norm = math.sqrt(sum(v * v for v in best.vector.values()))
        if day is not None:
            best.last_day = max(best.last_day or day, day)
            best.first_day = min(best.first_day or day, day)
    return [s.article_ids for s in stories], idf
