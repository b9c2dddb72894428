"""A folder of prebuilt data (the compiled lexicon): built on first use, re-used by later runs.

Building the lexicon (reading its TOML files, stemming 7,500 terms, indexing CLDR's country
names of six locales) costs more than everything else a short comparison does; unpickling the
result costs a tenth of it. Each entry is stored with a key (the size and modification time of
every file it was built from, the code that builds it and the libraries it uses): a stale key
rebuilds it. The cache is an optimisation only: a missing, unreadable, corrupt or read-only
folder means building in memory as before, never an error.

The folder: $COUNTERPART_CACHE if set, else the platform's cache folder (~/.cache/counterpart,
~/Library/Caches/counterpart, %LOCALAPPDATA%\\counterpart\\Cache).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV = "COUNTERPART_CACHE"
FORMAT = 1  # bumped when the layout of an entry file changes
_MISSING = object()


def cache_dir() -> Path:
    """Where prebuilt data is kept on this platform."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "counterpart" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "counterpart"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "counterpart"


def file_key(paths: Iterable[str | Path]) -> tuple[tuple[str, int, int], ...]:
    """(path, size, mtime) of each file: changes when any of them is edited (0, 0 when missing)."""
    key = []
    for p in paths:
        try:
            st = os.stat(p)
            key.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            key.append((str(p), 0, 0))
    return tuple(key)


def code_key(modules: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """file_key of the source of each module, every file of a package's folder for a package
    (found without importing them): the code that builds an entry, the classes it pickles."""
    paths: list[Path] = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        origin = Path(spec.origin)
        paths += sorted(origin.parent.glob("*.py")) if spec.submodule_search_locations else [origin]
    return file_key(paths)


def cached(name: str, key: Hashable, build: Callable[[], T]) -> T:
    """The entry `name` when its stored key equals `key`, else `build()` (then stored for next time)."""
    path = cache_dir() / f"{name}.pickle"
    full_key = (FORMAT, sys.version_info[:2], key)
    value = _load(path, full_key)
    if value is not _MISSING:
        return value
    value = build()
    _store(path, full_key, value)
    return value


def _load(path: Path, key: Hashable):
    try:
        with path.open("rb") as handle:
            if pickle.load(handle) != key:
                return _MISSING
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, truncated, corrupt or from another version: rebuild
        return _MISSING


def _store(path: Path, key: Hashable, value: object) -> None:
    """Written to a temporary file and renamed, so a reader never sees half an entry."""
    import tempfile  # imports shutil, bz2 and lzma: only when an entry is written

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(key, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):  # a read-only or full disk: the next run builds again
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
