"""Text helpers for merge: name keys, content words, sparse TF-IDF vectors.

Why hand-written: scikit-learn is not a dependency and the vectors here are tiny sparse
dicts built incrementally (articles arrive in publication order), which a dict-based
cosine does in a few lines; name keys are the spelling rules a human coder applies
(diacritics, -s-/-z-, doubled letters), which no installed library offers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_DOUBLED = re.compile(r"(.)\1+")
_POSSESSIVE = re.compile(r"['’]s\b")
_APOS = re.compile(r"['’`]")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")

Vector = dict[str, float]


def fold(text: str) -> str:
    """Lower case, diacritics removed, apostrophes dropped, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _APOS.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def spelling_key(word: str) -> str:
    """One word's spelling-variant key: -z- as -s-, doubled letters single (Qassem=Qasem)."""
    return _DOUBLED.sub(r"\1", word.replace("z", "s"))


@lru_cache(maxsize=1 << 16)
def name_tokens(name: str) -> tuple[str, ...]:
    """A name's words as spelling keys, leading article and possessive 's removed."""
    words = fold(_POSSESSIVE.sub("", name)).split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return tuple(spelling_key(w) for w in words)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def content_words(text: str) -> list[str]:
    """Lower-case content words (no stop words, no 1-2 letter words), spelling-keyed."""
    key = _word_key
    return [k for w in _WORD.findall(text) if (k := key(w))]


@lru_cache(maxsize=1 << 17)
def _word_key(word: str) -> str:
    w = word.lower().strip("'’-")
    if len(w) < 3 or w in STOP_WORDS:
        return ""
    return spelling_key(fold(w).replace(" ", ""))


def idf_table(docs: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over the given token collections."""
    df: Counter[str] = Counter()
    n = 0
    for tokens in docs:
        n += 1
        df.update(set(tokens))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def tfidf(tokens: Iterable[str], idf: Mapping[str, float], default_idf: float = 1.0) -> Vector:
    """L2-normalised TF-IDF vector (sublinear tf) of a token list."""
    tf = Counter(tokens)
    vec = {t: (1.0 + math.log(c)) * idf.get(t, default_idf) for t, c in tf.items()}
    return normalise(vec)


def normalise(vec: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0:
        return {}
    return {t: v / norm for t, v in vec.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine of two sparse vectors (either may be unnormalised)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (iterates over ``a``: pass the smaller first)."""
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def add_into(acc: dict[str, float], vec: Mapping[str, float]) -> None:
    for t, v in vec.items():
        acc[t] = acc.get(t, 0.0) + v
