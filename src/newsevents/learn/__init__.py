"""The learned second opinion (issue 15): small linear classifiers, shipped as data, that
keep, drop or re-type the rules' candidates and re-label their factuality.

* :mod:`.features`: the sparse features of one candidate over the parse;
* :mod:`.weights`: the weights file (``data/weights.npz``), its loader and schema check;
* :mod:`.combine`: the decisions (:func:`decide`) and the pipeline's step (:func:`review`);
* :mod:`.corpus`: the training corpus loader, its schema check, split and variety figures.

Training (scikit-learn, dev extra only) is ``make train`` (``newsevents.evaluate.train``).
"""

from .combine import Decision, add_decision, decide, review
from .features import candidate_features, clause_features, missed_clauses
from .weights import LearnedModels, LinearModel, load_learned, save_learned, weights_path

__all__ = [
    "Decision",
    "LearnedModels",
    "LinearModel",
    "add_decision",
    "candidate_features",
    "clause_features",
    "decide",
    "load_learned",
    "missed_clauses",
    "review",
    "save_learned",
    "weights_path",
]
