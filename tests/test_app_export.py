"""File > Export Brief…: the brief is written off the UI thread, the window's notes become Word
comments, the dialog's overwrite answer is the only licence to replace a file, errors are shown."""

from __future__ import annotations

import docx
import pytest
from app_fixtures import make_comparison
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.app.annotation_dialog import AnnotationDialog
from viewer.app.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.set_comparison(make_comparison())
    return w


def save_dialog_returns(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "Word documents (*.docx)"))


def add_note(window, monkeypatch, side, phrase, note):
    def exec_(self):
        self.note.setPlainText(note)
        self.author.setText("R. Analyst")
        return 1

    monkeypatch.setattr(AnnotationDialog, "exec", exec_)
    pane = window.panes[side]
    start = window.comparison.doc(side).text.index(phrase)
    pane.setTextCursor(pane.cursor_for(start, start + len(phrase)))
    return window.session.add_note(side)


def test_export_writes_the_brief_with_the_windows_note_as_a_comment(window, qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)  # close
    add_note(window, monkeypatch, "B", "sanctions harm", "Only B raises sanctions")
    out = tmp_path / "lisbon.docx"
    save_dialog_returns(monkeypatch, out)
    with qtbot.waitSignal(window.session.export.exported, timeout=60_000) as blocker:
        window.session.export_action.trigger()
    assert blocker.args == [str(out)]
    comments = list(docx.Document(str(out)).comments)
    assert [(c.text, c.author) for c in comments] == [("Only B raises sanctions", "R. Analyst")]
    assert "lisbon.docx" in window.note.text()
    assert not window.session.export.is_running()


def test_a_name_without_suffix_gets_docx_and_an_existing_file_is_not_replaced_unasked(
        window, qtbot, monkeypatch, tmp_path):
    existing = tmp_path / "brief.docx"
    existing.write_bytes(b"the user's own file")
    save_dialog_returns(monkeypatch, tmp_path / "brief")  # the dialog checked "brief", not "brief.docx"
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.No)
    window.session.export.choose_and_export()
    assert asked == ["Replace the file?"] and not window.session.export.is_running()
    assert existing.read_bytes() == b"the user's own file"


def test_an_output_error_is_shown_in_one_line(window, qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    save_dialog_returns(monkeypatch, tmp_path / "missing" / "brief.docx")
    with qtbot.waitSignal(window.session.export.failed, timeout=60_000):
        window.session.export.choose_and_export()
    assert len(shown) == 1 and "does not exist" in shown[0] and "\n" not in shown[0]


def test_nothing_to_export_without_a_comparison(qtbot, monkeypatch):
    w = MainWindow()
    qtbot.addWidget(w)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(title))
    w.session.export.choose_and_export()
    assert shown == ["Nothing to export"]
