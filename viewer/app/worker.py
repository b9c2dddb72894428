"""The analysis off the UI thread: a QObject living in its own QThread, speaking only by signals."""

from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from viewer import analysis
from viewer.app.display import Display, prepare
from viewer.app.word_marks import NO_IGNORE, Ignore
from viewer.errors import Cancelled, CounterpartError
from viewer.model import Annotation, Comparison, Readout, Settings

_paused_runs = 0
_pause_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's full garbage collections scan the whole heap with the global lock held: while a
    100,000-word analysis grows the heap they took 100-230 ms each, and froze the window as long.
    So no automatic collection while an analysis runs; afterwards everything alive is frozen
    (gc.freeze: left out of later scans; still freed by reference counting). The price: reference
    cycles the analysis dropped are never collected."""
    global _paused_runs
    with _pause_lock:
        _paused_runs += 1
        gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _paused_runs -= 1
            if not _paused_runs:
                gc.freeze()
                gc.enable()


class AnalysisWorker(QObject):
    progress = Signal(str, float)
    finished = Signal(object)  # Comparison
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, a: Readout, b: Readout, settings: Settings, notes: list[Annotation], *,
                 previous: Comparison | None = None, ignore: Ignore = NO_IGNORE):
        """`previous`: the comparison on screen; a change that leaves the texts alone (a label, the
        mode) re-runs only the stages it touches on it (analysis.rerun)."""
        super().__init__()
        self.a, self.b, self.settings = a, b, settings
        self.notes = notes  # carried with the run so they land on the comparison of these texts
        self.previous, self.ignore = previous, ignore
        self.display: Display | None = None
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the analysis polls this flag between (and inside) its stages."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        with collector_paused():
            self._run()

    def _run(self) -> None:
        try:
            result = self._analyse()
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
                self.display = prepare(result, self.ignore)  # the colouring too, so the UI thread only applies it
                self.finished.emit(result)


    def _analyse(self) -> Comparison:
        readouts = {"A": self.a, "B": self.b}
        previous = self.previous
        if previous is not None and analysis.first_stage(previous, readouts, self.settings) not in ("lexicon", "segment"):
            return analysis.rerun(previous, readouts, self.settings, progress=self.progress.emit,
                                  should_cancel=self._stop.is_set)
        # looked up at call time so tests can substitute the analysis
        return analysis.compare(self.a, self.b, mode=self.settings.mode, lexicons=self.settings.lexicons,
                                progress=self.progress.emit, should_cancel=self._stop.is_set)


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
