"""The converted Phoenix actors (``resolve/data/phoenix/actors.tsv``): names, aliases and
dated roles, indexed by normalised phrase.

The TSV file is checked and parsed once; the checked table (plain tuples and the phrase index)
is then kept as a ``marshal`` file in the user cache folder (``$NEWSEVENTS_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents``), keyed by the TSV file's path,
size and modification time, so later runs skip the parse. Records are built on lookup.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, cast

from ..errors import ConfigError
from .tsv import CODE, iso_date, normalise, phoenix_dir, rows

ActorKind = Literal["PERSON", "ORG", "GPE"]
ACTOR_COLUMNS = ("name", "aliases", "code", "sector", "from", "to", "kind", "cameo", "source")
_KINDS = frozenset({"PERSON", "ORG", "GPE"})
_CACHE_FORMAT = 1

# (code, sector, from, to, cameo) and (name, aliases, kind, source, roles): checked cells
RawRole = tuple[str, str, str, str, str]
RawRecord = tuple[str, tuple[str, ...], str, str, tuple[RawRole, ...]]


@dataclass(frozen=True, slots=True)
class ActorRole:
    """One role of an actor: country/non-state code and PLOVER sector, valid between dates
    (inclusive; None = open). A role with neither date is the actor's default."""

    code: str
    sector: str
    start: date | None
    end: date | None
    cameo: str  # the dictionary's code where code + sector do not spell it

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorRecord:
    name: str
    aliases: tuple[str, ...]
    kind: ActorKind
    source: str  # Countries, International or MilNonState
    roles: tuple[ActorRole, ...]

    def role_on(self, day: date | None) -> ActorRole | None:
        """The role valid on ``day``: the dated role covering it (the latest-starting one when
        several do), else the default role; without a day, the default role, else the role
        that started last."""
        defaults = [r for r in self.roles if not r.dated]
        if day is None:
            if defaults:
                return defaults[0]
            return max(self.roles, key=lambda r: r.start or date.min, default=None)
        covering = [r for r in self.roles if r.dated and r.covers(day)]
        if covering:
            return max(covering, key=lambda r: r.start or date.min)
        return defaults[0] if defaults else None


def _record(raw: RawRecord) -> ActorRecord:
    name, aliases, kind, source, roles = raw
    built = tuple(
        ActorRole(
            code,
            sector,
            date.fromisoformat(start) if start else None,
            date.fromisoformat(end) if end else None,
            cameo,
        )
        for code, sector, start, end, cameo in roles
    )
    return ActorRecord(name, aliases, cast(ActorKind, kind), source, built)


@dataclass(frozen=True, slots=True, eq=False)
class ActorTable:
    """Read-only table of actors with an index by normalised name or alias. Rows are kept as
    checked cells and turned into :class:`ActorRecord` on lookup."""

    raw: tuple[RawRecord, ...] = field(repr=False)
    index: Mapping[str, tuple[int, ...]] = field(repr=False)
    # Built records by row: a country's row carries hundreds of dated roles, and building them
    # was the coder's costliest single function (make bench profile, session 33).
    built: dict[int, ActorRecord] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.raw)

    def __iter__(self) -> Iterator[ActorRecord]:
        return (_record(r) for r in self.raw)

    def record(self, i: int) -> ActorRecord:
        got = self.built.get(i)
        if got is None:
            got = self.built[i] = _record(self.raw[i])
        return got

    def phrases(self) -> int:
        """Number of distinct normalised phrases in the index."""
        return len(self.index)

    def lookup(self, phrase: str) -> tuple[ActorRecord, ...]:
        """Every actor named (or aliased) ``phrase``, in dictionary order."""
        return tuple(self.record(i) for i in self.index.get(normalise(phrase), ()))


def _check_role(cells: list[str], path: Path, lineno: int) -> RawRole:
    code, sector, start, end, cameo = cells[2], cells[3], cells[4], cells[5], cells[7]
    if not CODE.match(code) or not CODE.match(sector):
        raise ConfigError(f"{path}:{lineno}: code and sector must be 3 capital letters or empty")
    first, last = iso_date(start, path, lineno), iso_date(end, path, lineno)
    if first and last and last < first:
        raise ConfigError(f"{path}:{lineno}: role ends ({end}) before it starts ({start})")
    return (code, sector, start, end, cameo)


def parse_actors(path: Path) -> tuple[tuple[RawRecord, ...], dict[str, tuple[int, ...]]]:
    """Check and read actors.tsv: the records (consecutive rows of one actor grouped) and the
    phrase index."""
    records: list[RawRecord] = []
    index: dict[str, list[int]] = {}
    key: tuple[str, str, str, str] | None = None
    roles: list[RawRole] = []

    def flush() -> None:
        if key is None:
            return
        name, aliases, kind, source = key
        forms = (name, *aliases.split("|")) if aliases else (name,)
        n = len(records)
        records.append((name, forms[1:], kind, source, tuple(roles)))
        for form in forms:
            slot = index.setdefault(normalise(form), [])
            if not slot or slot[-1] != n:
                slot.append(n)

    for lineno, cells in rows(path, ACTOR_COLUMNS):
        if not cells[0]:
            raise ConfigError(f"{path}:{lineno}: empty actor name")
        if cells[6] not in _KINDS:
            raise ConfigError(f"{path}:{lineno}: kind {cells[6]!r} is not PERSON, ORG or GPE")
        row_key = (cells[0], cells[1], cells[6], cells[8])
        if row_key != key:
            flush()
            key, roles = row_key, []
        roles.append(_check_role(cells, path, lineno))
    flush()
    return tuple(records), {k: tuple(v) for k, v in index.items()}


def default_cache_dir() -> Path:
    env = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "newsevents"


def _cache_file(path: Path, folder: Path) -> Path:
    """``phoenix-actors-<file>-<version>.marshal``: one cache per TSV file, named by its path
    and by its size, modification time and the cache format."""
    st = path.stat()
    where = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    version = hashlib.sha256(f"{st.st_size}|{st.st_mtime_ns}|{_CACHE_FORMAT}".encode())
    return folder / f"phoenix-actors-{where}-{version.hexdigest()[:12]}.marshal"


def _write_cache(
    target: Path, raw: tuple[RawRecord, ...], index: dict[str, tuple[int, ...]]
) -> None:
    """Write the cache atomically and remove the caches of older versions of the same file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((_CACHE_FORMAT, raw, index)))
        os.replace(tmp, target)
        stem = target.name.rsplit("-", 1)[0]
        for old in target.parent.glob(f"{stem}-*.marshal"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # no writable cache folder: every run parses the file


def load_actors(
    path: Path | None = None, *, cache: bool = True, cache_dir: Path | None = None
) -> ActorTable:
    """The converted Phoenix actors, from the cache when it matches the file (see module)."""
    path = path or phoenix_dir("resolve") / "actors.tsv"
    if not path.is_file():
        raise ConfigError(f"cannot read data file {path}: no such file")
    target = _cache_file(path, cache_dir or default_cache_dir()) if cache else None
    if target is not None and target.is_file():
        try:
            fmt, raw, index = marshal.loads(target.read_bytes())
            if fmt == _CACHE_FORMAT:
                return ActorTable(raw, index)
        except (OSError, EOFError, ValueError, TypeError):
            pass  # an unreadable cache is rebuilt below
    raw, index = parse_actors(path)
    if target is not None:
        _write_cache(target, raw, index)
    return ActorTable(raw, index)
