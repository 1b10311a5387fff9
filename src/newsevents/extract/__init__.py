"""Extract stage: PLOVER events from the spaCy parse of an article.

``load_codebook`` reads the YAML codebook (packaged + ``--codebook`` files);
``extract_events`` makes one :class:`EventMention` per event frame: trigger, type, mode,
CAMEO code and Goldstein score, actor/recipient spans, quantities, factuality with its cue,
and the codebook rule that fired.

Modules: ``parse`` (token helpers, the Frame record), ``triggers`` (entry matching),
``frames`` (frames of a sentence), ``arguments`` (actors and recipients), ``topics`` (what
another event is about), ``commitments`` (recoding announced and conditional acts),
``factuality``, ``quantities``, ``mentions`` (frame -> EventMention), ``events`` (the
per-article loop) and ``codebook`` (the loader).
"""

from __future__ import annotations

from .codebook import Codebook, Entry, load_codebook
from .events import extract_events

__all__ = ["Codebook", "Entry", "extract_events", "load_codebook"]
