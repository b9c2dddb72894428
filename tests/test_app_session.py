"""No lost work: pasted text is the user's own and is autosaved like a note; the preferences'
languages apply to the texts opened after start-up, not only when the dialog is applied."""

from __future__ import annotations

from dataclasses import replace

from app_fixtures import make_comparison, shown_window
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from viewer.app.autosave import read_recovery
from viewer.app.identity import APPLICATION, ORGANISATION
from viewer.app.main_window import MainWindow
from viewer.app.settings_dialog import Preferences
from viewer.model import Readout


def new_window(qtbot) -> MainWindow:
    return shown_window(qtbot)


def pasted_comparison():
    c = make_comparison()
    c.b.readout = replace(c.b.readout, source=None)  # B came from the clipboard
    return c


def test_opened_files_alone_are_no_unsaved_work(qtbot):
    window = new_window(qtbot)
    window.set_comparison(make_comparison())
    assert not window.session.is_modified() and not window.isWindowModified()


def test_a_pasted_text_is_unsaved_work_autosaved_and_asked_about_on_close(qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Discard)
    window = new_window(qtbot)
    c = pasted_comparison()
    window.set_comparison(c)
    assert window.session.is_modified() and window.isWindowModified()
    recovery = window.session.autosave.path
    qtbot.waitUntil(recovery.exists, timeout=5000)
    project, origin = read_recovery(recovery)
    assert project.b.text == c.b.text and project.b.source is None and origin is None
    assert window.close()
    assert asked == ["Unsaved changes"]
    assert not recovery.exists()


def test_languages_from_the_preferences_apply_to_texts_opened_after_start(qtbot, monkeypatch):
    Preferences(languages={"A": None, "B": "fr"}).store(QSettings(ORGANISATION, APPLICATION))
    window = new_window(qtbot)
    started = []
    monkeypatch.setattr(window, "start_analysis", lambda notes=None: started.append(dict(window.readouts)))
    window.set_readouts(Readout(text="Un.", source="a.txt"), Readout(text="Deux.", source="b.txt"))
    assert [(r["A"].language, r["B"].language) for r in started] == [(None, "fr")]
    window.set_readout("B", Readout(text="Trois.", source="c.txt", language="en"))  # a text naming its own
    assert started[-1]["B"].language == "en"


def test_the_settings_dialog_starts_from_the_zoomed_size(qtbot, monkeypatch):
    from viewer.app.settings_dialog import SettingsDialog

    window = new_window(qtbot)
    shown = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: shown.append(self.size.value()) or 0)
    window.zoom(+2)
    window.session.open_settings()
    assert shown == [window.point_size] and window.point_size == window.session.prefs.point_size + 2


def test_the_empty_notes_tab_says_how_to_add_a_note(qtbot):
    from viewer.model import Annotation

    window = new_window(qtbot)
    panel = window.session.notes_panel
    assert panel.hint.isVisibleTo(panel) and "Add Note" in panel.hint.text()
    panel.set_annotations([Annotation("A", 0, 3, "The", "a note", id="n1")])
    assert not panel.hint.isVisibleTo(panel)
