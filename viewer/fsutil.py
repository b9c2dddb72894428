"""Atomic file writes: a brief, a JSON export or a saved project is either whole or not there.

The data goes to a temporary file in the destination's own folder (so the final rename never
crosses file systems), is flushed to disk, then renamed over the destination in one step.
A failure at any point removes the temporary file and leaves an existing destination untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from viewer.errors import InputError, OutputError

# Read once at import (os.umask can only be read by setting it, which is not thread-safe later):
# new files get the permissions an ordinary open() would give them, not mkstemp's private 0600.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def check_writable(path: str | Path, *, force: bool) -> Path:
    """Fail early, before any costly work, when `path` cannot be written."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a folder, not a file")
    if path.exists() and not force:
        raise OutputError(f"{path} exists; use --force to overwrite")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    return path


def atomic_write_bytes(path: str | Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` all at once; never overwrite an existing file unless `force`."""
    path = check_writable(path, force=force)
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
        raise
    _sync_folder(path.parent)


def atomic_write_text(path: str | Path, text: str, *, force: bool, encoding: str = "utf-8") -> None:
    """`atomic_write_bytes` for text (UTF-8 unless told)."""
    atomic_write_bytes(path, text.encode(encoding), force=force)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened for this on Windows."""
    if os.name != "posix":
        return
    # Some file systems (network, FUSE) refuse fsync on folders; the data itself is already safe.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_json(path: str | Path, what: str) -> Any:
    """A user's JSON file (notes, project), every failure an InputError naming the file and why.

    `what` names the kind of file in messages: "a notes file", "a Counterpart project".
    """
    source = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except IsADirectoryError:
        raise InputError(source, f"is a folder, not {what}") from None
    except UnicodeDecodeError:
        raise InputError(source, f"not {what} (not UTF-8 text)") from None
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            source, f"not {what} (invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
