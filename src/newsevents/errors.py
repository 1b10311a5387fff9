"""The one exception tree. Messages are one line and say how to fix the problem.

Third-party errors are wrapped at the boundary (``raise InputError(...) from e``) so the CLI
can print a single line and exit non-zero, never a traceback.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class for every error newsevents raises on purpose."""

    exit_code = 1


class InputError(NewsEventsError):
    """An input article cannot be read or holds no usable article text (recorded as a skip)."""

    exit_code = 2


class ConfigError(NewsEventsError):
    """A codebook, actor list, gazetteer or option is invalid."""

    exit_code = 2


class ModelError(NewsEventsError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 3


class StoreError(NewsEventsError):
    """The SQLite store cannot be opened, migrated or written."""

    exit_code = 4


class GoldError(NewsEventsError):
    """A gold file for ``newsevents eval`` is malformed."""

    exit_code = 2
