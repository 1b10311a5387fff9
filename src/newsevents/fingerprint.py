"""Near-duplicate fingerprints of article bodies: MinHash over word 5-grams, banded for lookup.

The same story saved once as a web page and once as text, or re-run by a second outlet under
its own headline and page chrome, has a different clean text, hence a different article id,
but nearly the same body; analysing both would code every event twice. A MinHash signature
estimates the Jaccard similarity of two texts' word 5-gram sets; its bands (locality-sensitive
hashing) let the store find candidates with one indexed lookup instead of comparing every
stored article. Written here rather than taken from a library (datasketch) because it is a
few numpy lines and the band index has to live in the store's SQLite file anyway.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: a pair with Jaccard 0.85 shares a band with p > 0.999
#: Least estimated Jaccard similarity of two bodies that are one article: edits of a wire story
#: by two outlets or a page's chrome stay above it; an updated story with a new paragraph in
#: every five falls below and is kept as its own article.
SAME_BODY = 0.85
#: Fewer shingles than this and the text is too short to call a near duplicate (the exact
#: article id still catches identical texts).
MIN_SHINGLES = 20

_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20200103)  # fixed: signatures must agree across runs and machines
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")

Signature = np.ndarray


# memo, not data: analyze looks an article up before parsing, again before saving (another
# article of the batch may have had its body) and indexes it when saved - one text, one signature
@lru_cache(maxsize=64)
def signature(text: str) -> Signature | None:
    """The text's MinHash signature (``PERMUTATIONS`` uint64 values), None if too short."""
    words = _WORD.findall(text.casefold())
    n = len(words) - SHINGLE_WORDS + 1
    if n < MIN_SHINGLES:
        return None
    hashes = np.fromiter(
        (zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode()) for i in range(n)),
        dtype=np.uint64,
        count=n,
    )
    hashes = np.unique(hashes)
    # (a*x + b) mod p for every permutation, the product wrapping at 2**64 (as datasketch
    # does): with a and b drawn below p the 64 orders are unrelated; a small a would order every
    # permutation by x alone and make all 64 minima the same shingle.
    permuted = (np.outer(_A, hashes) + _B[:, None]) % np.uint64(_PRIME)
    sig = permuted.min(axis=1)
    sig.setflags(write=False)  # shared by the memo
    return sig


def bands(sig: Signature) -> list[int]:
    """One hash per band of rows, as signed 63-bit integers SQLite can index."""
    rows = len(sig) // BANDS
    out = []
    for b in range(BANDS):
        digest = zlib.crc32(sig[b * rows : (b + 1) * rows].tobytes())
        out.append(b << 32 | digest)
    return out


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a == b))


def to_blob(sig: Signature) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> Signature:
    return np.frombuffer(blob, dtype="<u8")
