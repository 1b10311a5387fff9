"""The evaluation report: figures per gold file, as JSON-able data and as a text table."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import EVENT_TYPES
from .metrics import PRF, Accuracy, Confusion
from .scoring import CorpusScores, SentenceScores


@dataclass
class GoldSetResult:
    """The scores of one gold file. ``name`` is its format: plover | sentences | corpus."""

    name: str
    path: Path
    scores: SentenceScores | CorpusScores
    seconds: float = 0.0

    def figures(self) -> dict[str, float]:
        return self.scores.figures()


@dataclass
class EvalReport:
    results: list[GoldSetResult] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """Stable keys: {"gold_sets": [{"name", "path", "seconds", "figures", "scores"}]}."""
        return {
            "gold_sets": [
                {
                    "name": r.name,
                    "path": str(r.path),
                    "seconds": round(r.seconds, 2),
                    "figures": {k: round(v, 4) for k, v in r.figures().items()},
                    "scores": r.scores.to_dict(),
                }
                for r in self.results
            ]
        }

    def figures(self) -> dict[str, dict[str, float]]:
        return {r.name: r.figures() for r in self.results}

    def format(self) -> str:
        """A readable text report (the caller prints it)."""
        return "\n\n".join(_format_result(r) for r in self.results)


def _prf_rows(per_type: dict[str, PRF]) -> list[str]:
    rows = [f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    total = PRF()
    for t in [t for t in EVENT_TYPES if t in per_type]:
        p = per_type[t]
        total += p
        rows.append(
            f"  {t:<10} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f} {p.gold:5d} {p.pred:5d}"
        )
    rows.append(
        f"  {'micro':<10} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} "
        f"{total.gold:5d} {total.pred:5d}"
    )
    return rows


def _acc(name: str, acc: Accuracy) -> str:
    if not acc.total:
        return f"  {name:<22} n/a"
    return f"  {name:<22} {acc.value:6.3f}  ({acc.right}/{acc.total})"


def _confusion_rows(conf: Confusion) -> list[str]:
    labels = conf.labels(EVENT_TYPES)
    if not labels:
        return []
    short = {lab: lab[:4] for lab in labels}
    rows = ["  confusion (rows gold, columns predicted):"]
    rows.append("  " + " " * 10 + "".join(f"{short[lab]:>5}" for lab in labels))
    for g in labels:
        cells = "".join(f"{conf.counts.get((g, p), 0) or '.':>5}" for p in labels)
        rows.append(f"  {g:<10}{cells}")
    return rows


def _format_result(r: GoldSetResult) -> str:
    s = r.scores
    lines = [f"== {r.name}: {r.path} ({r.seconds:.1f}s)"]
    if isinstance(s, SentenceScores):
        lines.append(f"  {s.sentences} sentences; macro F1 {s.macro_f1():.3f}")
        lines += _prf_rows(s.per_type)
        lines.append(_acc("precision (factual)", s.factual_precision))
        for name in ("dyad", "actor", "recipient", "factuality", "date", "mode"):
            lines.append(_acc(f"{name} accuracy", getattr(s, name)))
        lines.append(_acc("negatives left empty", s.negatives))
        if s.by_tag:
            lines.append("  sentences exactly right, by tag:")
            for tag, acc in sorted(s.by_tag.items()):
                lines.append("  " + _acc(tag, acc))
    else:
        lines.append(f"  {s.articles} articles; mention-level scores")
        lines += _prf_rows(s.per_type)
        for name in ("dyad", "factuality", "date", "place"):
            lines.append(_acc(f"{name} accuracy", getattr(s, name)))
        if s.place_precision.total:
            lines.append(_acc("place + precision", s.place_precision))
        lines.append(f"  {'merge pairwise F1':<22} {s.merge_pairwise.f1:6.3f}")
        lines.append(f"  {'merge B3 F1':<22} {s.merge_b3.f1:6.3f}")
        lines.append(f"  {'story B3 F1':<22} {s.story_b3.f1:6.3f}")
        lines.append(_acc("discrepancy recall", s.discrepancy))
        lines.append(_acc("duplicate rows", s.duplicate_rows))
        lines.append(_acc("row dyad (Actor1/2)", s.row_dyad))
        lines.append(f"  {'nonevent violations':<22} {s.nonevents.right} of {s.nonevents.total}")
    lines += _confusion_rows(s.confusion)
    return "\n".join(lines)
