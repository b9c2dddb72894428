"""Atomic file writes: a brief, a JSON export or a saved project is either whole or not there.

The data goes to a temporary file in the destination's own folder (so the final rename never
crosses file systems), is flushed to disk, then renamed over the destination in one step.
A failure at any point removes the temporary file and leaves an existing destination untouched.
Several outputs of one command are written all or none: every one is checked and written to its
temporary file before the first is renamed into place.

An existing file or symbolic link is replaced only with `force`; a folder, a device, a pipe or a
socket never (writing a brief "over" /dev/full replaced the device node with a file). A temporary
file left by a killed write (`.brief.docx.counterpart-k2j4h5g6.part`) is removed by the next
write to that destination, or by the window at start, once it is STALE_AFTER seconds old.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer.errors import InputError, OutputError
from viewer.printable import printable

# Notes and projects nest four levels; deeper JSON is hostile (and json recurses on it).
MAX_JSON_DEPTH = 100
MAX_JSON_BYTES = 64 * 1024 * 1024  # two texts at the ingest limits, their notes, with room
_SURROGATE = re.compile("[\ud800-\udfff]")
STALE_AFTER = 15 * 60  # seconds: a write in progress takes seconds, a killed one never ends
PART_MARK = ".counterpart-"  # between the destination's name and mkstemp's 8 random characters

# Read once at import (os.umask can only be read by setting it, which is not thread-safe later):
# new files get the permissions an ordinary open() would give them, not mkstemp's private 0600.
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_NEVER_REPLACED = ((stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISFIFO, "a named pipe"),
                   (stat.S_ISSOCK, "a socket"))


def check_writable(path: str | Path, *, force: bool) -> Path:
    """Fail early, before any costly work, when `path` cannot be written."""
    path = Path(path)
    shown = printable(str(path))
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from exc
    if link is not None:
        target = _stat(path) or link  # a dangling link is a link
        if stat.S_ISDIR(target.st_mode):
            raise OutputError(f"{shown} is a folder, not a file")
        what = next((name for test, name in _NEVER_REPLACED if test(target.st_mode)), None)
        if what:
            raise OutputError(f"{shown} is {what}, not a file; it is never replaced")
        if not force:
            kind = "exists (a symbolic link)" if stat.S_ISLNK(link.st_mode) else "exists"
            raise OutputError(f"{shown} {kind}; use --force to overwrite")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"{shown}: folder {printable(str(folder))} does not exist")
    return path


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def atomic_write_all(outputs: Sequence[tuple[str | Path, bytes]], *, force: bool) -> None:
    """Write every (path, data) or none: all are checked and staged in temporary files first;
    only a failure of a rename itself (after the others succeeded) can leave some written."""
    paths = [check_writable(path, force=force) for path, _ in outputs]
    staged: list[tuple[str, Path]] = []
    try:
        for path, (_, data) in zip(paths, outputs, strict=True):
            clean_stale_parts(path.parent, path.name)
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            _replace(tmp, path)
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)  # after a failure; after success each is renamed away already
    for folder in dict.fromkeys(path.parent for path in paths):
        _sync_folder(folder)


def _stage(path: Path, data: bytes) -> str:
    """`data` in a flushed temporary file beside `path`, with the permissions `path` will have."""
    existing = _stat(path)
    mode = existing.st_mode & 0o777 if existing else 0o666 & ~_UMASK
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{PART_MARK}", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from exc
        raise
    return tmp


def _replace(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"{printable(str(path))}: cannot write ({exc.strerror or exc})")


def atomic_write_bytes(path: str | Path, data: bytes, *, force: bool) -> None:
    """Write `data` to `path` all at once; never overwrite an existing file unless `force`."""
    atomic_write_all([(path, data)], force=force)


def atomic_write_text(path: str | Path, text: str, *, force: bool, encoding: str = "utf-8") -> None:
    """`atomic_write_bytes` for text (UTF-8 unless told)."""
    atomic_write_bytes(path, text.encode(encoding), force=force)


def clean_stale_parts(folder: str | Path, name: str | None = None, *, older_than: float = STALE_AFTER) -> int:
    """Remove the temporary files our writes left in `folder` (for destination `name` only, or
    for any when None: only files of our own marked naming) older than `older_than` seconds;
    the number removed. Nothing else is touched, and nothing that cannot be removed matters."""
    if name is None:
        ours = re.compile(r"\..+" + re.escape(PART_MARK) + r"[a-z0-9_]{8}\.part")
    else:  # for a named destination, also the unmarked temporary files of earlier versions
        ours = re.compile(r"\." + re.escape(name) + r"\.(?:" + re.escape(PART_MARK[1:]) + r")?[a-z0-9_]{8}\.part")
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            with contextlib.suppress(OSError):
                if ours.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) \
                        and now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                    os.unlink(entry.path)
                    removed += 1
    return removed


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


_SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                  (stat.S_ISSOCK, "a socket"))


def read_regular(path: str | Path, source: str, max_bytes: int) -> tuple[bytes, int]:
    """At most `max_bytes` + 1 bytes of a regular file, and its size (nothing is read when that is
    over the limit). A folder, a pipe, a device or a socket is an InputError: opening a FIFO that
    has no writer blocked for ever, /dev/zero never ends. Other OSErrors are the caller's."""
    path = Path(path)
    if path.is_dir():
        raise InputError(source, "is a folder, not a file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO without a writer: returns at once
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _SPECIAL_FILES if test(info.st_mode)), "a special file")
            raise InputError(source, f"is {what}, not a file")
        if info.st_size > max_bytes:
            return b"", info.st_size
        os.set_blocking(fd, True)
        return handle.read(max_bytes + 1), info.st_size  # the file may grow between stat and read


def read_json(path: str | Path, what: str) -> Any:
    """A user's JSON file (notes, project), every failure an InputError naming the file and why.

    `what` names the kind of file in messages: "a notes file", "a Counterpart project". Lone
    surrogates that JSON escapes can spell ("\\udc00") become U+FFFD: no encoder accepts them.
    """
    source = str(path)
    try:
        data, size = read_regular(path, source, MAX_JSON_BYTES)
        if max(size, len(data)) > MAX_JSON_BYTES:
            raise InputError(source, f"is too large for {what}: the limit is {MAX_JSON_BYTES:,} bytes")
        raw = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except UnicodeDecodeError:
        raise InputError(source, f"not {what} (not UTF-8 text)") from None
    except OSError as exc:
        raise InputError(source, f"cannot read ({exc.strerror or exc})") from None
    too_deep = InputError(source, f"not {what} (its JSON nests more than {MAX_JSON_DEPTH} levels deep)")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            source, f"not {what} (invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:  # Python's own limit (about 1,000 levels) is past ours
        raise too_deep from None
    if _checked(data) > MAX_JSON_DEPTH:
        raise too_deep
    return data


def _checked(data: Any) -> int:
    """How deep lists and objects nest in `data`, counted without recursion; lone surrogates in
    its texts (keys too) are replaced on the way, in place."""
    if isinstance(data, str):
        return 0
    deepest = 0
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            for key in [k for k in item if _SURROGATE.search(k)]:
                item[_SURROGATE.sub("\ufffd", key)] = item.pop(key)
            slots = list(item.keys())
        elif isinstance(item, list):
            slots = range(len(item))
        else:
            continue
        deepest = max(deepest, depth)
        for slot in slots:
            value = item[slot]
            if isinstance(value, str):
                if _SURROGATE.search(value):
                    item[slot] = _SURROGATE.sub("\ufffd", value)
            else:
                stack.append((value, depth + 1))
    return deepest
