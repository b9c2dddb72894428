"""Autosave: while there are unsaved changes, the project goes to a recovery file every 30 s and
shortly after each change; a clean close removes it, so a recovery file found at start means the
last session ended without one (a crash, a kill, a power cut)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from viewer.errors import CounterpartError
from viewer.fsutil import atomic_write_text
from viewer.project import Project, load_project, project_to_dict

INTERVAL_MS = 30_000
AFTER_CHANGE_MS = 800  # a burst of edits gives one write
RECOVERY_NAME = "recovery.counterpart"
ORIGIN_KEY = "recovery_of"  # the project file the unsaved work belongs to, if it had one


def recovery_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    return folder / RECOVERY_NAME


def read_recovery(path: Path) -> tuple[Project, str | None]:
    """The recovered project and the path of the project file it came from (None: never saved)."""
    project = load_project(path)
    try:
        origin = json.loads(path.read_text(encoding="utf-8")).get(ORIGIN_KEY)
    except (OSError, ValueError, AttributeError):
        origin = None
    return project, origin if isinstance(origin, str) else None


class Autosave(QObject):
    def __init__(self, snapshot: Callable[[], tuple[Project, str | None] | None], parent=None):
        """`snapshot` gives the project with unsaved changes and its file, or None when all is saved."""
        super().__init__(parent)
        self.snapshot = snapshot
        self.last_error: str | None = None
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
        """Write the recovery file if there is unsaved work; False when a write failed."""
        state = self.snapshot()
        if state is None:
            self.discard()
            return True
        project, origin = state
        path = recovery_path()
        data = project_to_dict(project)
        data[ORIGIN_KEY] = origin
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, json.dumps(data, ensure_ascii=False) + "\n", force=True)
        except (OSError, CounterpartError) as exc:
            self.last_error = str(exc)
            return False
        self.last_error = None
        return True

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            recovery_path().unlink()
