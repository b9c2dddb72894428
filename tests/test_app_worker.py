"""The analysis runs in a worker thread: a real pair end to end, and cancelling a slow one."""

from __future__ import annotations

import threading
import time

import pytest
from app_fixtures import make_comparison, shown_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from viewer import analysis
from viewer.errors import Cancelled
from viewer.model import Readout


@pytest.fixture
def window(qtbot):
    return shown_window(qtbot, 1000, 600)


def test_opening_a_pair_runs_the_analysis_and_shows_it(window, qtbot, tmp_path):
    a, b = tmp_path / "north.txt", tmp_path / "south.txt"
    a.write_text("The two ministers met in Oslo. They discussed fishing quotas and the harbour treaty.\n\n"
                 "The northern minister raised the detained sailors.", encoding="utf-8")
    b.write_text("The two ministers met in Oslo. They discussed the harbour treaty and fishing quotas.\n\n"
                 "The southern minister praised the new ferry line.", encoding="utf-8")
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        window.open_pair(str(a), str(b))
    c = window.comparison
    assert c is not None and c.a.readout.source and c.a.readout.source.endswith("north.txt")
    assert window.panes["A"].toPlainText() == c.a.text
    assert window.panes["B"].toPlainText() == c.b.text
    assert window.recent_pairs()[0] == (str(a), str(b))
    assert not window.is_busy() and not window.progress.isVisible()


def test_cancel_stops_the_worker_and_keeps_the_old_comparison(window, qtbot, monkeypatch):
    old = make_comparison()
    window.set_comparison(old)
    started, stopped = threading.Event(), threading.Event()

    def slow_compare(a, b, *, progress=None, should_cancel=None, **kw):
        started.set()
        for k in range(2000):  # 20 s unless cancelled
            progress("align", k / 2000)
            if should_cancel():
                stopped.set()
                raise Cancelled("align")
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(analysis, "compare", slow_compare)
    window.set_readouts(Readout(text="New A text."), Readout(text="New B text."))
    assert window.is_busy() and started.wait(10)
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=5000)
    assert window.cancel_button.isVisible()
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert stopped.is_set() and not window.is_busy()
    assert window.comparison is old
    assert window.readouts["A"] is old.a.readout
    assert window.panes["A"].toPlainText() == old.a.text


def test_a_failing_analysis_shows_a_message_not_a_crash(window, qtbot, monkeypatch):
    old = make_comparison()
    window.set_comparison(old)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))

    def broken(a, b, **kw):
        raise ValueError("boom")

    monkeypatch.setattr(analysis, "compare", broken)
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        window.set_readouts(Readout(text="x."), Readout(text="y."))
    assert shown and "boom" in shown[0]
    assert window.comparison is old


def test_a_project_opens_with_its_settings_and_notes(window, qtbot, monkeypatch):
    from viewer.model import Annotation
    from viewer.project import Project

    seen = {}

    def fake_compare(a, b, **kw):
        seen.update(kw)
        c = make_comparison()
        c.a.readout, c.b.readout = a, b
        return c

    monkeypatch.setattr(analysis, "compare", fake_compare)
    c = make_comparison()
    note = Annotation(side="A", start=0, end=3, quote=c.a.text[:3], note="check this")
    project = Project(a=c.a.readout, b=c.b.readout, mode="versions", annotations=[note])
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        window.start_project(project)
    assert seen["mode"] == "versions"
    assert [n.note for n in window.session.notes] == ["check this"]
