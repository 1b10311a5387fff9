"""The learned models as data: linear classifiers read from ``learn/data/weights.npz``.

The file is written by ``make train`` (``python -m newsevents.evaluate.train``) and holds,
per model ``NAME`` (``type``, ``factuality``, optionally ``added``, ``party``): ``NAME.vocab``
(feature strings), ``NAME.classes`` (labels), ``NAME.coef`` (one row per feature, one column
per label) and ``NAME.intercept``; plus ``meta``, a JSON string with the format version, the
decision thresholds chosen on the corpus dev split, and what the models were trained on.
Inference is a sum of coefficient rows and a softmax (numpy only, no scikit-learn).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import ConfigError
from ..model import EVENT_TYPES, FACTUALITY

#: Version of the weights file's layout; the loader refuses another.
FORMAT = 1
#: The models the file must hold, and the labels each may use.
NONE = "NONE"
LABELS: dict[str, frozenset[str]] = {
    "type": frozenset({NONE, *EVENT_TYPES}),
    "factuality": frozenset(FACTUALITY),
    "added": frozenset({NONE, *EVENT_TYPES}),
    "party": frozenset({"actor", "recipient", "none"}),
}
#: The decision thresholds the file must give (see :mod:`newsevents.learn.combine`).
THRESHOLDS = ("drop", "retype", "factuality")
#: The thresholds the file may give: a re-labelling bar per factuality label
#: (``factuality.future`` ...; ``factuality`` for the labels without one) and the bar for
#: adding an event the rules missed (``add``; none: the model adds nothing; ``add.unreal``: the
#: bar for one the factuality model finds planned, possible or denied), and the bar and
#: margin for changing a party (``party``, ``party.margin``; none: never).
OPTIONAL_THRESHOLDS = (
    *(f"factuality.{f}" for f in FACTUALITY),
    "add",
    "add.unreal",
    "party",
    "party.margin",
)


def weights_path() -> Path:
    """The packaged weights file."""
    return Path(str(resources.files("newsevents") / "learn" / "data" / "weights.npz"))


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over sparse binary features."""

    name: str
    classes: tuple[str, ...]
    index: Mapping[str, int]
    coef: npt.NDArray[np.float32]  # (features, classes)
    intercept: npt.NDArray[np.float32]  # (classes,)

    def proba(self, features: Iterable[str]) -> dict[str, float]:
        """Label -> probability for one candidate's features (unknown features ignored)."""
        get = self.index.get
        rows = [i for i in map(get, features) if i is not None]
        return self.proba_rows(rows)

    def proba_rows(self, rows: list[int]) -> dict[str, float]:
        """Label -> probability from the rows of the features present."""
        logits = self.intercept + self.coef[rows].sum(axis=0)
        logits = logits - logits.max()
        p = np.exp(logits)
        p /= p.sum()
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    def proba_many(self, batch: Sequence[Iterable[str]]) -> list[dict[str, float]]:
        """:meth:`proba` of each candidate's features, computed together."""
        get = self.index.get
        return self.proba_rows_many([[i for i in map(get, fs) if i is not None] for fs in batch])

    def proba_rows_many(self, batch: Sequence[list[int]]) -> list[dict[str, float]]:
        """:meth:`proba_rows` of many candidates in a few array operations instead of several
        per candidate: one gather of every candidate's rows, padded to the longest with zero
        rows, summed along each candidate's rows (numpy adds them in the same order as one
        candidate's ``sum(axis=0)``, and adding zeros changes no sum), so every probability is
        the same to the last bit. (``np.add.reduceat`` would save the padding, but it adds in
        another order: the last bits differ.)"""
        if not batch:
            return []
        longest = max(map(len, batch))
        rows = np.zeros((len(batch), longest), dtype=np.intp)
        present = np.zeros((len(batch), longest), dtype=bool)
        for k, candidate in enumerate(batch):
            rows[k, : len(candidate)] = candidate
            present[k, : len(candidate)] = True
        picked = self.coef[rows]
        picked[~present] = 0
        logits = self.intercept + picked.sum(axis=1)
        logits = logits - logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        classes = self.classes
        return [dict(zip(classes, row, strict=True)) for row in p.tolist()]


@dataclass(frozen=True)
class LearnedModels:
    """Everything the ``model`` pipeline component needs, loaded once."""

    type: LinearModel
    factuality: LinearModel
    thresholds: Mapping[str, float]
    meta: Mapping[str, Any] = field(default_factory=dict)
    #: the clause model: an event type (or NONE) for a verb the rules coded nothing on
    added: LinearModel | None = None
    #: the party model: is a noun phrase the candidate's actor, its recipient or neither
    party: LinearModel | None = None
    #: feature -> its row in the type and the factuality model (-1: unknown to that one),
    #: so scoring a candidate looks each feature up once
    joint: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.joint:
            t, f = self.type.index, self.factuality.index
            joint = {k: (t.get(k, -1), f.get(k, -1)) for k in set(t) | set(f)}
            object.__setattr__(self, "joint", joint)

    def score(self, features: Iterable[str]) -> tuple[dict[str, float], dict[str, float]]:
        """The type model's and the factuality model's probabilities for one candidate."""
        rows_t, rows_f = self._rows(features)
        return self.type.proba_rows(rows_t), self.factuality.proba_rows(rows_f)

    def score_many(
        self, batch: Sequence[Iterable[str]]
    ) -> list[tuple[dict[str, float], dict[str, float]]]:
        """:meth:`score` of each candidate's features, computed together."""
        rows = [self._rows(features) for features in batch]
        p_type = self.type.proba_rows_many([r[0] for r in rows])
        p_fact = self.factuality.proba_rows_many([r[1] for r in rows])
        return list(zip(p_type, p_fact, strict=True))

    def _rows(self, features: Iterable[str]) -> tuple[list[int], list[int]]:
        pairs = [pair for pair in map(self.joint.get, features) if pair is not None]
        return [t for t, _ in pairs if t >= 0], [f for _, f in pairs if f >= 0]


def load_learned(path: Path | None = None) -> LearnedModels:
    """Read and check a weights file (the packaged one by default); a bad file raises
    :class:`ConfigError` naming what is wrong."""
    path = path or weights_path()
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except FileNotFoundError as e:
        raise ConfigError(f"no model weights at {path}: run 'make train', or use --no-model") from e
    except (OSError, ValueError, zipfile.BadZipFile) as e:
        raise ConfigError(f"{path}: not a readable weights file ({e}); rerun 'make train'") from e
    if "meta" not in arrays:
        raise ConfigError(f"{path}: no 'meta' entry; rerun 'make train'")
    try:
        meta = json.loads(str(arrays["meta"]))
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}: 'meta' is not JSON ({e.msg}); rerun 'make train'") from e
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ConfigError(f"{path}: weights format is not {FORMAT}; rerun 'make train'")
    thresholds = meta.get("thresholds")
    if not isinstance(thresholds, dict):
        raise ConfigError(f"{path}: meta has no 'thresholds' object; rerun 'make train'")
    for name in THRESHOLDS:
        if name not in thresholds:
            raise ConfigError(f"{path}: threshold {name!r} is missing; rerun 'make train'")
    for name, value in thresholds.items():
        if name not in THRESHOLDS and name not in OPTIONAL_THRESHOLDS:
            raise ConfigError(f"{path}: unknown threshold {name!r}; rerun 'make train'")
        if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.01:
            raise ConfigError(f"{path}: threshold {name!r} must be a number in [0, 1.01]")
    return LearnedModels(
        type=_linear(path, "type", arrays),
        factuality=_linear(path, "factuality", arrays),
        thresholds={k: float(v) for k, v in thresholds.items()},
        meta=meta,
        added=_linear(path, "added", arrays) if "added.vocab" in arrays else None,
        party=_linear(path, "party", arrays) if "party.vocab" in arrays else None,
    )


def _linear(path: Path, name: str, arrays: Mapping[str, Any]) -> LinearModel:
    missing = [k for k in ("vocab", "classes", "coef", "intercept") if f"{name}.{k}" not in arrays]
    if missing:
        raise ConfigError(f"{path}: model {name!r} lacks {', '.join(missing)}; rerun 'make train'")
    vocab = [str(v) for v in arrays[f"{name}.vocab"]]
    classes = tuple(str(c) for c in arrays[f"{name}.classes"])
    coef = np.asarray(arrays[f"{name}.coef"], dtype=np.float32)
    intercept = np.asarray(arrays[f"{name}.intercept"], dtype=np.float32)
    unknown = sorted(set(classes) - LABELS[name])
    if unknown or len(set(classes)) != len(classes) or len(classes) < 2:
        raise ConfigError(f"{path}: model {name!r} has bad labels {list(classes)}")
    if coef.shape != (len(vocab), len(classes)) or intercept.shape != (len(classes),):
        raise ConfigError(
            f"{path}: model {name!r} coefficients {coef.shape} do not fit "
            f"{len(vocab)} features x {len(classes)} labels"
        )
    if len(set(vocab)) != len(vocab):
        raise ConfigError(f"{path}: model {name!r} repeats a feature in its vocabulary")
    if not (np.isfinite(coef).all() and np.isfinite(intercept).all()):
        raise ConfigError(f"{path}: model {name!r} has non-finite coefficients")
    return LinearModel(
        name=name,
        classes=classes,
        index={f: i for i, f in enumerate(vocab)},
        coef=coef,
        intercept=intercept,
    )


def save_learned(
    path: Path, models: Mapping[str, LinearModel], thresholds: Mapping[str, float], meta: Any
) -> None:
    """Write a weights file :func:`load_learned` reads (the trainer calls this)."""
    arrays: dict[str, Any] = {
        "meta": np.array(
            json.dumps({**meta, "format": FORMAT, "thresholds": dict(thresholds)}, sort_keys=True)
        )
    }
    for name, m in models.items():
        vocab = sorted(m.index, key=lambda f: m.index[f])
        arrays[f"{name}.vocab"] = np.array(vocab)
        arrays[f"{name}.classes"] = np.array(m.classes)
        arrays[f"{name}.coef"] = m.coef.astype(np.float32)
        arrays[f"{name}.intercept"] = m.intercept.astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    # written member by member with a fixed time stamp (np.savez stamps each member with the
    # clock), so the same training gives the same bytes: `make train` reproduces the file
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=True) as fh:
                np.lib.format.write_array(fh, np.asanyarray(arrays[name]), allow_pickle=False)
