"""File > Export Brief…: the Word brief of the comparison on screen, with the window's notes as
Word comments. Building it takes about a second (matplotlib's import, the document itself), so
it runs in a Python thread while the window stays live; the result comes back as a queued signal."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog

from viewer.app.naming import chosen_path
from viewer.errors import CounterpartError
from viewer.model import Annotation, Comparison

BRIEF_FILTER = "Word documents (*.docx);;All files (*)"
SUFFIX = ".docx"


class BriefExport(QObject):
    exported = Signal(str)  # the path written
    failed = Signal(str)  # one plain line
    _ended = Signal(str, str)  # from the thread: path, error ("" on success)

    def __init__(self, window, notes: Callable[[], list[Annotation]], stem: Callable[[], str] = lambda: "comparison"):
        """`notes` gives the user's notes on the comparison shown, to become the brief's comments;
        `stem` the name a new brief is offered under (the pair's names)."""
        super().__init__(window)
        self.window = window
        self.notes = notes
        self.stem = stem
        self._thread: threading.Thread | None = None
        self._ended.connect(self._end, Qt.ConnectionType.QueuedConnection)

    def is_running(self) -> bool:
        return self._thread is not None

    def default_path(self) -> str:
        c = self.window.comparison
        source = c.a.readout.source if c is not None else None
        folder = Path(source).parent if source and Path(source).parent.is_dir() else Path.home()
        return str(folder / (self.tr("{pair} brief").format(pair=self.stem()) + SUFFIX))

    def choose_and_export(self) -> None:
        """Ask where (the dialog asks about overwriting), then write in the background."""
        w = self.window
        if w.comparison is None:
            w.error(self.tr("Nothing to export"), self.tr("Open two texts first."))
            return
        if self.is_running():
            return
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Export brief"), self.default_path(), self.tr(BRIEF_FILTER))
        if not path:
            return
        chosen = chosen_path(w, path, SUFFIX)
        if chosen is not None:
            self.start(w.comparison, self.notes(), chosen[0], force=chosen[1])

    def start(self, comparison: Comparison, notes: list[Annotation], path: str, *, force: bool) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.window.set_note(self.tr("Exporting the brief…"), 0)
        # the thread writes copies of the notes: editing them meanwhile cannot race the writer
        notes = [replace(n) for n in notes]
        self._thread = threading.Thread(target=self._write, args=(comparison, notes, path, force),
                                        name="brief-export", daemon=True)
        self._thread.start()

    def _write(self, comparison: Comparison, notes: list[Annotation], path: str, force: bool) -> None:
        from viewer.report.brief import write_brief  # python-docx and matplotlib load here, off the UI thread

        try:
            write_brief(comparison, path, notes=notes, force=force)
        except CounterpartError as exc:
            self._ended.emit(path, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in the writer must not take the window down
            traceback.print_exc()
            self._ended.emit(path, f"{path}: internal error while writing the brief: {exc!r}")
        else:
            self._ended.emit(path, "")

    def wait(self) -> None:
        """Block until a running export has written its file (the window is closing)."""
        if self._thread is not None:
            self._thread.join()

    def _end(self, path: str, error: str) -> None:
        self._thread.join()
        self._thread = None
        QApplication.restoreOverrideCursor()
        if error:
            self.window.set_note("")
            self.window.error(self.tr("Cannot export the brief"), error)
            self.failed.emit(error)
        else:
            self.window.set_note(self.tr("Brief saved to {path}").format(path=path), 6000)
            self.exported.emit(path)
