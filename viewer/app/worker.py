"""The analysis off the UI thread: a QObject living in its own QThread, speaking only by signals."""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from viewer import analysis
from viewer.app.display import Display, prepare
from viewer.errors import Cancelled, CounterpartError
from viewer.model import Annotation, Readout


class AnalysisWorker(QObject):
    progress = Signal(str, float)
    finished = Signal(object)  # Comparison
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, a: Readout, b: Readout, options: dict, notes: list[Annotation]):
        super().__init__()
        self.a, self.b, self.options = a, b, options
        self.notes = notes  # carried with the run so they land on the comparison of these texts
        self.display: Display | None = None
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the analysis polls this flag between (and inside) its stages."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            # looked up at call time so tests can substitute the analysis
            result = analysis.compare(self.a, self.b, progress=self.progress.emit,
                                      should_cancel=self._stop.is_set, **self.options)
        except Cancelled:
            self.cancelled.emit()
        except CounterpartError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in the analysis must not take the window down
            traceback.print_exc()
            self.failed.emit(f"internal error in the analysis: {exc!r}")
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.display = prepare(result)  # the colouring too, so the UI thread only applies it
                self.finished.emit(result)


class AnalysisRun(QObject):
    """One worker in one thread; the thread ends when the worker reports."""

    def __init__(self, worker: AnalysisWorker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread(self)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        for signal in (worker.finished, worker.failed, worker.cancelled):
            signal.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Cancel and wait: the analysis polls the flag between steps, so this is short."""
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait()
