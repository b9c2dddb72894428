"""Autosave and crash recovery, one recovery file per window session.

While there is unsaved work, the project goes to this session's recovery file every 30 s and
shortly after each change; a clean close removes it, so a recovery file found at start means a
session ended without one (a crash, a kill, a power cut). Each session holds a lock on its file
(QLockFile, judged stale only when its process is gone, never by age) for as long as it runs,
and deletes no other file than its own: with one file per user, a second window that closed
cleanly, or had nothing unsaved at its 30 s tick, deleted the first one's, and a crash of the
first then lost every note. At start, a recovery file whose lock is free is offered for restore.
A write that fails (a full disk, a read-only folder) is reported by `failed`, so the window can
say so, and `saved` tells when writes work again.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from viewer.errors import CounterpartError
from viewer.fsutil import atomic_write_text, clean_stale_parts
from viewer.project import Project, load_project, project_to_dict

INTERVAL_MS = 30_000
AFTER_CHANGE_MS = 800  # a burst of edits gives one write
SUFFIX = ".counterpart"
LEGACY_NAME = "recovery.counterpart"  # the one file per user of earlier versions
ORIGIN_KEY = "recovery_of"  # the project file the unsaved work belongs to, if it had one


def app_data() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def recovery_folder() -> Path:
    return app_data() / "recovery"


def read_recovery(path: Path) -> tuple[Project, str | None]:
    """The recovered project and the path of the project file it came from (None: never saved)."""
    project = load_project(path)
    try:
        origin = json.loads(path.read_text(encoding="utf-8")).get(ORIGIN_KEY)
    except (OSError, ValueError, AttributeError, RecursionError):
        origin = None
    return project, origin if isinstance(origin, str) else None


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # stale only when its process is gone: a session may run for days
    return lock


class Orphan:
    """A recovery file whose session is gone, locked by this session while it decides."""

    def __init__(self, path: Path, lock: QLockFile | None):
        self.path = path
        self._lock = lock

    def remove(self) -> None:
        """Its work is restored elsewhere, saved or discarded: the file goes."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.release()

    def release(self) -> None:
        """Left for a later start."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def find_orphans() -> list[Orphan]:
    """Recovery files of sessions that ended without a clean close, newest first, each one locked
    by the caller (so that two windows starting at once never both restore it)."""
    folder = recovery_folder()
    found = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"*{SUFFIX}"):
            lock = _lock_for(path)
            if lock.tryLock(0):
                found.append(Orphan(path, lock))
    legacy = app_data() / LEGACY_NAME
    if legacy.is_file():
        found.append(Orphan(legacy, None))
    return sorted(found, key=lambda o: _mtime(o.path), reverse=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class Autosave(QObject):
    failed = Signal(str)  # a write failed: the reason, in one line
    saved = Signal()  # a write succeeded (after a failure, the window may stop warning)

    def __init__(self, snapshot: Callable[[], tuple[Project, str | None] | None], parent=None):
        """`snapshot` gives the project with unsaved changes and its file, or None when all is saved."""
        super().__init__(parent)
        self.snapshot = snapshot
        self.last_error: str | None = None
        folder = recovery_folder()
        self.path = folder / f"{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:8]}{SUFFIX}"
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            clean_stale_parts(folder)  # left by a write that was killed midway
        self._lock = _lock_for(self.path)
        self._lock.tryLock(0)  # a folder that cannot be written is reported by the first save
        self._superseded: list[Orphan] = []  # restored here: removed once this session's file holds them
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.save_now)

    def changed(self) -> None:
        self.soon.start()

    def save_now(self) -> bool:
        """Write the recovery file if there is unsaved work; False (and `failed`) when a write failed."""
        state = self.snapshot()
        if state is None:
            self.discard()
            return True
        project, origin = state
        data = project_to_dict(project)
        data[ORIGIN_KEY] = origin
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self._lock.isLocked():
                self._lock.tryLock(0)  # the folder did not exist when the session started
            atomic_write_text(self.path, json.dumps(data, ensure_ascii=False) + "\n", force=True)
        except (OSError, CounterpartError) as exc:
            reason = str(exc) if isinstance(exc, CounterpartError) else f"{self.path}: {exc.strerror or exc}"
            self.last_error = reason
            self.failed.emit(reason)
            return False
        self.last_error = None
        self._remove_superseded()
        self.saved.emit()
        return True

    def adopt(self, orphan: Orphan) -> None:
        """Work restored from `orphan` is this session's now: the old file goes once this
        session's own file holds the work (at once if it can be written)."""
        self._superseded.append(orphan)
        self.save_now()

    def discard(self) -> None:
        """Nothing unsaved (saved, or the user chose to discard): this session's file goes, and
        with it any file whose work was restored here."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._remove_superseded()

    def close(self) -> None:
        """A clean end of the session."""
        self.timer.stop()
        self.soon.stop()
        self.discard()
        self._lock.unlock()

    def _remove_superseded(self) -> None:
        for orphan in self._superseded:
            orphan.remove()
        self._superseded.clear()
