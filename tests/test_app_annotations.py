"""Notes in the window: add, edit, delete, jump; saved with the project and found after reopening;
autosave and the offer to restore after a crash."""

from __future__ import annotations

import pytest
from app_fixtures import make_comparison, shown_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from viewer.app import session as session_module
from viewer.app.annotation_dialog import AnnotationDialog
from viewer.app.autosave import recovery_folder
from viewer.project import load_project


@pytest.fixture(autouse=True)
def app_data_in_tmp(tmp_path, monkeypatch):
    """The recovery file goes to QStandardPaths.AppDataLocation, which follows XDG_DATA_HOME."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def answers(monkeypatch):
    """Scripted answers to QMessageBox.question (close prompt, restore offer), recorded."""
    script = {"answer": QMessageBox.StandardButton.Discard, "asked": []}

    def question(parent, title, text, *args, **kwargs):
        script["asked"].append(title)
        return script["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return script


def dialog_answers(monkeypatch, note: str, tag: str = "tone", author: str = "R. Analyst", ok: bool = True):
    def exec_(self):
        self.note.setPlainText(note)
        self.tag.setCurrentText(tag)
        self.author.setText(author)
        return int(ok)

    monkeypatch.setattr(AnnotationDialog, "exec", exec_)


def new_window(qtbot):
    return shown_window(qtbot)


def select(window, side, phrase):
    pane = window.panes[side]
    text = window.comparison.doc(side).text
    start = text.index(phrase)
    pane.setTextCursor(pane.cursor_for(start, start + len(phrase)))
    return start, start + len(phrase)


def add_note(window, monkeypatch, side, phrase, note):
    span = select(window, side, phrase)
    dialog_answers(monkeypatch, note)
    made = window.session.add_note(side)
    assert made is not None
    return made, span


def test_add_edit_delete_and_jump(qtbot, monkeypatch, answers):
    window = new_window(qtbot)
    window.set_comparison(make_comparison())
    assert not window.isWindowModified()
    made, span = add_note(window, monkeypatch, "A", "candid exchange", "B says frank, not candid")
    assert (made.side, made.start, made.end, made.quote) == ("A", *span, "candid exchange")
    assert made.tag == "tone" and made.author == "R. Analyst" and made.created and made.id
    assert window.session.notes == [made]
    assert window.isWindowModified() and "*" in window.windowTitle().replace("[*]", "*")
    panel = window.session.notes_panel
    assert panel.tree.topLevelItemCount() == 1
    assert [panel.tree.topLevelItem(0).text(k) for k in (0, 1, 2, 3)] == [
        "A", "candid exchange", "B says frank, not candid", "tone"]
    assert window.panes["A"].note_spans() == [span]

    dialog_answers(monkeypatch, "Frank is the stronger word", tag="wording")
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.edit_button.click()
    (edited,) = window.session.notes
    assert (edited.id, edited.note, edited.tag) == (made.id, "Frank is the stronger word", "wording")
    assert panel.tree.topLevelItem(0).text(2) == "Frank is the stronger word"

    window.panes["A"].setTextCursor(window.panes["A"].cursor_for(0, 0))
    panel.jump_button.click()
    cursor = window.panes["A"].textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == span

    window.panes["A"].setFocus()
    qtbot.keyClick(window.panes["A"], Qt.Key.Key_Delete)  # Delete in a pane deletes no note
    assert len(window.session.notes) == 1
    window.side_tabs.setCurrentWidget(panel)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert window.session.notes == [] and panel.tree.topLevelItemCount() == 0
    assert window.panes["A"].note_spans() == []
    assert "Undo" in window.note.text()

    undo = window.session.undo
    undo.undo()  # the deleted note is back, edited, marked in its pane
    assert window.session.notes == [edited] and window.panes["A"].note_spans() == [span]
    undo.undo()  # the edit undone
    assert window.session.notes[0].note == "B says frank, not candid"
    undo.undo()  # the note never added
    assert window.session.notes == [] and not window.isWindowModified()
    undo.redo()
    undo.redo()
    assert window.session.notes[0].note == "Frank is the stronger word"


def test_no_selection_no_note(qtbot, monkeypatch):
    window = new_window(qtbot)
    window.set_comparison(make_comparison())
    dialog_answers(monkeypatch, "never asked")
    assert window.session.add_note("B") is None
    assert window.session.notes == []


def test_notes_are_saved_and_found_after_reopening(qtbot, monkeypatch, tmp_path, answers):
    window = new_window(qtbot)
    window.set_comparison(make_comparison())
    made, _span = add_note(window, monkeypatch, "B", "sanctions harm", "Only B raises sanctions")
    path = tmp_path / "lisbon.counterpart"
    assert window.session.save_to(str(path))
    assert not window.isWindowModified() and "lisbon" in window.windowTitle()
    assert not window.session.autosave.path.exists()  # saved: nothing to recover
    assert load_project(path).annotations == [made]

    again = new_window(qtbot)
    with qtbot.waitSignal(again.analysisFinished, timeout=60_000):
        assert again.session.open_project(str(path))
    notes = again.session.notes
    assert [(n.side, n.quote, n.note) for n in notes] == [("B", "sanctions harm", "Only B raises sanctions")]
    assert again.comparison.b.text[notes[0].start:notes[0].end] == "sanctions harm"
    assert again.session.notes_panel.tree.topLevelItemCount() == 1
    assert not again.isWindowModified() and again.session.path == str(path)
    assert answers["asked"] == []  # nothing unsaved: no question on opening


def crash(window, monkeypatch) -> None:
    """What a kill leaves: the recovery file, and a lock whose process is gone (Qt then removes
    it as stale); the window's own close, at the test's end, must not tidy up after it."""
    autosave = window.session.autosave
    autosave._lock.unlock()
    monkeypatch.setattr(autosave, "close", lambda: None)


def test_autosave_and_restore_after_a_crash(qtbot, monkeypatch, answers):
    crashed = new_window(qtbot)
    crashed.set_comparison(make_comparison())
    add_note(crashed, monkeypatch, "A", "detained Ruritanian journalists", "Absent from B")
    qtbot.waitUntil(crashed.session.autosave.path.exists, timeout=5000)  # written shortly after the change
    crash(crashed, monkeypatch)
    prompts = []

    def recovery_answer(answer):
        monkeypatch.setattr(session_module, "ask_recovery", lambda parent, text: prompts.append(text) or answer)

    fresh = new_window(qtbot)
    recovery_answer("later")
    assert not fresh.session.offer_recovery()
    assert crashed.session.autosave.path.exists()  # "not now" keeps it for later
    # it names the pair and the notes it brings back
    assert "Ruritania" in prompts[0] and "Freedonia" in prompts[0] and "1 note" in prompts[0]
    # two other files asked for on the command line: they open, the work waits (no question)
    assert not fresh.session.offer_recovery(("other-a.txt", "other-b.txt")) and len(prompts) == 1
    assert "Restore Unsaved Work" in fresh.note.text()
    recovery_answer("restore")
    with qtbot.waitSignal(fresh.analysisFinished, timeout=60_000):
        assert fresh.session.restore_later()  # File > Restore Unsaved Work…
    notes = fresh.session.notes
    assert [(n.side, n.quote, n.note) for n in notes] == [("A", "detained Ruritanian journalists", "Absent from B")]
    assert fresh.isWindowModified()  # restored work is still unsaved
    assert fresh.panes["A"].note_spans()  # and marked in its pane
    # the work is in the fresh session's own file now, and the crashed session's is gone
    assert [p.name for p in recovery_folder().glob("*.counterpart")] == [fresh.session.autosave.path.name]

    answers["answer"] = QMessageBox.StandardButton.Discard
    assert fresh.close()
    assert not list(recovery_folder().glob("*.counterpart"))  # a clean close leaves nothing to restore


def test_closing_with_unsaved_notes_asks_and_cancel_keeps_the_window(qtbot, monkeypatch, answers):
    window = new_window(qtbot)
    window.set_comparison(make_comparison())
    add_note(window, monkeypatch, "A", "grain corridor", "Both welcome it")
    answers["answer"] = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible() and answers["asked"] == ["Unsaved changes"]
    answers["answer"] = QMessageBox.StandardButton.Discard
    assert window.close()


def test_notes_follow_their_text_when_the_sides_are_swapped(qtbot, monkeypatch, answers):
    window = new_window(qtbot)
    c = make_comparison()
    window.set_comparison(c)
    add_note(window, monkeypatch, "A", "detained Ruritanian journalists", "Only A")
    swapped = make_comparison()
    swapped.a, swapped.b = swapped.b, swapped.a
    window.set_comparison(swapped)
    (note,) = window.session.notes
    assert note.side == "B" and not note.detached
    assert swapped.b.text[note.start:note.end] == "detained Ruritanian journalists"
    answers["answer"] = QMessageBox.StandardButton.Discard
