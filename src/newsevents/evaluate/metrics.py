"""Scoring primitives: precision/recall/F1 counts, clustering scores, a confusion table.

Written by hand because they are a few lines each and the clustering scores are defined
over *matched* items only, which no scoring library offers in this form.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations, zip_longest
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
L = TypeVar("L", bound=Hashable)

NONE = "none"  # the confusion-table label for a miss (gold side) or an extra (system side)


def ratio(num: float, den: float) -> float:
    """``num / den``, 0.0 when nothing was counted."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class PRF:
    """Counts for one label. ``pred_correct`` and ``gold_found`` are kept apart because a
    sentence-level scorer may credit precision and recall on different terms."""

    pred: int = 0  # items the system produced
    pred_correct: int = 0  # of which correct
    gold: int = 0  # gold items
    gold_found: int = 0  # of which found

    @property
    def precision(self) -> float:
        return ratio(self.pred_correct, self.pred)

    @property
    def recall(self) -> float:
        return ratio(self.gold_found, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def __iadd__(self, other: PRF) -> PRF:
        self.pred += other.pred
        self.pred_correct += other.pred_correct
        self.gold += other.gold
        self.gold_found += other.gold_found
        return self

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "gold": self.gold,
            "pred": self.pred,
            "gold_found": self.gold_found,
            "pred_correct": self.pred_correct,
        }


@dataclass
class Accuracy:
    """Right / judged for one attribute (dyad, factuality, date, ...)."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def value(self) -> float:
        return ratio(self.right, self.total)

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass(frozen=True)
class ClusterScore:
    precision: float
    recall: float
    items: int = 0  # how many items were judged (0: nothing to judge, figures are vacuous)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "items": self.items,
        }


def _clusters(labels: Mapping[K, L]) -> dict[L, set[K]]:
    out: dict[L, set[K]] = {}
    for item, label in labels.items():
        out.setdefault(label, set()).add(item)
    return out


def b_cubed(gold: Mapping[K, L], system: Mapping[K, L]) -> ClusterScore:
    """B³ (Bagga & Baldwin 1998) over the items both mappings label (item -> cluster).

    Per item: precision = |same system cluster ∩ same gold cluster| / |same system cluster|,
    recall = the same over |same gold cluster|; both averaged over items. No items: 1.0.
    """
    items = [i for i in gold if i in system]
    if not items:
        return ClusterScore(1.0, 1.0)
    g = {i: gold[i] for i in items}
    s = {i: system[i] for i in items}
    gc, sc = _clusters(g), _clusters(s)
    p = r = 0.0
    for i in items:
        both = len(gc[g[i]] & sc[s[i]])
        p += both / len(sc[s[i]])
        r += both / len(gc[g[i]])
    return ClusterScore(p / len(items), r / len(items), len(items))


def pairwise(gold: Mapping[K, L], system: Mapping[K, L]) -> ClusterScore:
    """Pairwise clustering score over the items both mappings label.

    precision = system same-cluster pairs that are gold same-cluster pairs / system pairs,
    recall = the converse. With no system pairs precision is 1.0 (nothing wrongly joined);
    with no gold pairs recall is 1.0 (nothing to find).
    """
    items = sorted((i for i in gold if i in system), key=repr)
    gold_pairs = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    sys_pairs = {(a, b) for a, b in combinations(items, 2) if system[a] == system[b]}
    both = len(gold_pairs & sys_pairs)
    precision = both / len(sys_pairs) if sys_pairs else 1.0
    recall = both / len(gold_pairs) if gold_pairs else 1.0
    return ClusterScore(precision, recall, len(items))


class Confusion:
    """Gold label x predicted label counts, with :data:`NONE` for misses and extras."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def add_item(self, gold: Iterable[str], pred: Iterable[str], order: Iterable[str]) -> None:
        """Add one item (a sentence) with its gold and predicted label sets.

        Shared labels go on the diagonal; the leftovers are paired in ``order`` (gold i-th
        leftover with predicted i-th leftover); what remains is a miss or an extra.
        """
        rank = {label: i for i, label in enumerate(order)}
        g, p = set(gold), set(pred)
        for label in g & p:
            self.counts[(label, label)] += 1
        g_left = sorted(g - p, key=lambda x: (rank.get(x, len(rank)), x))
        p_left = sorted(p - g, key=lambda x: (rank.get(x, len(rank)), x))
        for a, b in zip_longest(g_left, p_left, fillvalue=NONE):
            self.counts[(a, b)] += 1

    def to_dict(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for (g, p), n in sorted(self.counts.items()):
            table.setdefault(g, {})[p] = n
        return table

    def labels(self, order: Iterable[str]) -> list[str]:
        used = {x for pair in self.counts for x in pair}
        return [label for label in (*order, NONE) if label in used]
