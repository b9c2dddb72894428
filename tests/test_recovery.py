"""Crash recovery with more than one window: each session has its own recovery file under a
lock, no window deletes another's, a killed window's notes come back; a failed autosave is
shown in the window; --screenshot never waits on a dialog."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from app_fixtures import make_comparison, shown_window
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from viewer import fsutil
from viewer.app import session as session_module
from viewer.app.autosave import recovery_folder
from viewer.model import Annotation

ROOT = Path(__file__).resolve().parent.parent
QUOTES = ("detained Ruritanian journalists", "candid exchange", "sanctions harm")


@pytest.fixture(autouse=True)
def app_data_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def answers(monkeypatch):
    script = {"answer": QMessageBox.StandardButton.Discard, "asked": []}

    def question(parent, title, text, *args, **kwargs):
        script["asked"].append(title)
        return script["answer"]

    def recovery(parent, text):  # the recovery prompt's three answers, from the same script
        script["asked"].append("Restore unsaved work?")
        return "restore" if script["answer"] == QMessageBox.StandardButton.Yes else "later"

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(session_module, "ask_recovery", recovery)
    return script


def with_notes(window, count: int = 3) -> None:
    c = window.comparison
    for k, quote in enumerate(QUOTES[:count]):
        side = "A" if quote in c.a.text else "B"
        start = c.doc(side).text.index(quote)
        window.session.notes.append(Annotation(side, start, start + len(quote), quote, f"note {k}", id=f"n{k}"))
    window.session.refresh()


def recovery_files() -> list[str]:
    return sorted(p.name for p in recovery_folder().glob("*.counterpart"))


def test_a_second_window_neither_deletes_nor_offers_the_first_ones_work(qtbot, answers):
    first = shown_window(qtbot)
    first.set_comparison(make_comparison())
    with_notes(first)
    assert first.session.autosave.save_now()
    second = shown_window(qtbot)
    assert not second.session.offer_recovery()  # the first is running: its file is not an orphan
    assert answers["asked"] == []
    second.set_comparison(make_comparison())
    assert second.session.autosave.save_now()  # nothing unsaved at its tick: it removes only its own
    assert second.close()
    assert recovery_files() == [first.session.autosave.path.name]
    assert json.loads(first.session.autosave.path.read_text())["annotations"][2]["quote"] == QUOTES[2]


_KILLED_WINDOW = """
import sys, time
sys.path[:0] = [{tests!r}]
from PySide6.QtWidgets import QApplication
from app_fixtures import make_comparison
from test_recovery import with_notes
from viewer.app.main_window import MainWindow
app = QApplication([])
app.setOrganizationName({org!r})
app.setApplicationName({name!r})  # the test's own: the same recovery folder
window = MainWindow()
window.show()
window.set_comparison(make_comparison())
with_notes(window)
assert window.session.autosave.save_now()
print("saved", flush=True)
while True:
    app.processEvents()
    time.sleep(0.05)
"""


def test_notes_of_a_window_killed_with_sigkill_come_back(qtbot, answers, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    app = QCoreApplication.instance()
    script = _KILLED_WINDOW.format(tests=str(ROOT / "tests"), org=app.organizationName(), name=app.applicationName())
    victim = subprocess.Popen([sys.executable, "-c", script],
                              env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert victim.stdout.readline().strip() == "saved"
        other = shown_window(qtbot)  # a second instance opens and closes while the first runs
        assert not other.session.offer_recovery()
        assert other.close()
        assert len(recovery_files()) == 1
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait()
    answers["answer"] = QMessageBox.StandardButton.Yes
    fresh = shown_window(qtbot)
    with qtbot.waitSignal(fresh.analysisFinished, timeout=60_000):
        assert fresh.session.offer_recovery()
    assert sorted(n.quote for n in fresh.session.notes) == sorted(QUOTES)
    assert recovery_files() == [fresh.session.autosave.path.name]
    answers["answer"] = QMessageBox.StandardButton.Discard


def test_a_failed_autosave_is_shown_until_one_succeeds(qtbot, monkeypatch, answers):
    window = shown_window(qtbot)
    window.set_comparison(make_comparison())
    with_notes(window, 1)
    real_fsync = os.fsync

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    assert not window.session.autosave.save_now()
    warning = window.session.autosave_warning
    assert warning.isVisible() and "Autosave failed" in warning.text() and "No space left on device" in warning.text()
    monkeypatch.setattr(fsutil.os, "fsync", real_fsync)
    assert window.session.autosave.save_now()
    assert not warning.isVisible()


def test_stale_temporary_files_in_the_recovery_folder_are_removed_at_start(qtbot):
    folder = recovery_folder()
    folder.mkdir(parents=True)
    stale = folder / ".20240312-101010-abcdef12.counterpart.counterpart-k2j4h5g6.part"
    stale.write_bytes(b"x" * 1000)
    old = time.time() - fsutil.STALE_AFTER - 60
    os.utime(stale, (old, old))
    shown_window(qtbot)
    assert not stale.exists()


def test_a_screenshot_of_a_project_naming_a_missing_lexicon_exits_without_a_dialog(tmp_path):
    project = tmp_path / "talks.counterpart"
    project.write_text(json.dumps({
        "format": "counterpart.project", "version": 1, "settings": {"lexicons": [str(tmp_path / "gone.toml")]},
        "readouts": {"A": {"label": "A", "text": "The ministers met."}, "B": {"label": "B", "text": "They met."}}}))
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--project", str(project), "--screenshot",
                          str(tmp_path / "x.png")], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "gone.toml" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "x.png").exists()
