"""The project behind the window: notes, save and open, autosave and recovery, the close prompt,
the title, preferences. Attached to the main window from outside, so the window stays a viewer.

Notes follow the texts: after every new comparison (reload, swap, new settings) they are moved
to the side that holds their text and re-anchored by quote; a note whose quote is gone is kept,
flagged detached.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from viewer.app import palette
from viewer.app.annotation_dialog import AnnotationDialog
from viewer.app.annotations_panel import AnnotationsPanel
from viewer.app.autosave import Autosave, find_orphans, read_recovery
from viewer.app.emphasis_panel import EmphasisPanel, topic_evidence
from viewer.app.export import BriefExport
from viewer.app.settings_dialog import Preferences, SettingsDialog, apply_theme
from viewer.errors import CounterpartError
from viewer.model import SIDES, Annotation, Comparison, Side, other
from viewer.project import Project, load_project, project_to_dict, reanchor, save_project

PROJECT_FILTER = "Counterpart projects (*.counterpart);;All files (*)"
SUFFIX = ".counterpart"


def carry_notes(notes: list[Annotation], texts: dict[str, str | None], c: Comparison) -> list[Annotation]:
    """Notes made on `texts` placed on the comparison's texts: a side whose text moved to the
    other side (swap) takes its notes along; then each is re-anchored by its quote."""
    moved = []
    for n in notes:
        old = texts.get(n.side)
        side: Side = other(n.side) if old is not None and c.doc(n.side).text != old and \
            c.doc(other(n.side)).text == old else n.side
        moved.append(replace(n, side=side))
    return reanchor(moved, {"A": c.a.text, "B": c.b.text})


class ProjectSession(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path: str | None = None
        self.notes: list[Annotation] = []
        self._texts: dict[str, str | None] = {"A": None, "B": None}
        self._baseline: dict | None = None
        self._restored = False  # the project on its way is unsaved work brought back after a crash
        self.prefs = Preferences.load(self._settings())
        window.defaults["lexicons"] = self.prefs.lexicons()
        window.languages = dict(self.prefs.languages)
        apply_theme(self.prefs.theme)
        window.set_text_font(self.prefs.font_family, self.prefs.point_size)

        self.emphasis = EmphasisPanel(window)
        self.notes_panel = AnnotationsPanel(window)
        window.add_side_tab(self.emphasis, self.tr("Emphasis"))
        window.add_side_tab(self.notes_panel, self.tr("Notes"))
        self.autosave = Autosave(self.snapshot, self)
        self.autosave_warning = QLabel(window)  # a failed autosave stays in sight until one succeeds
        self.autosave_warning.setStyleSheet(f"color: {palette.OKABE_ITO['vermillion']}; font-weight: bold")
        self.autosave_warning.hide()
        window.statusBar().addPermanentWidget(self.autosave_warning)
        self.autosave.failed.connect(self._autosave_failed)
        self.autosave.saved.connect(self.autosave_warning.hide)
        self.export = BriefExport(window, lambda: self.notes)
        self._build_actions()
        window.comparisonChanged.connect(self._comparison_changed)
        self.emphasis.topicClicked.connect(self.show_topic)
        self.emphasis.evidenceRequested.connect(window.reveal)
        self.notes_panel.editRequested.connect(self.edit_note)
        self.notes_panel.deleteRequested.connect(self.delete_note)
        self.notes_panel.jumpRequested.connect(self.jump_to)
        for pane in window.panes.values():
            pane.setContextMenuPolicy(pane.contextMenuPolicy().CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda pos, p=pane: self._context_menu(p, pos))
        window.installEventFilter(self)

    def _settings(self) -> QSettings:
        from viewer.app.main_window import APPLICATION, ORGANISATION

        return QSettings(ORGANISATION, APPLICATION)

    def _build_actions(self) -> None:
        w = self.window
        before = w.file_menu.actions()[-2]  # the separator above Quit

        def add(menu, text, slot, keys=(), at=None) -> QAction:
            action = QAction(text, w)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            menu.insertAction(at, action) if at is not None else menu.addAction(action)
            return action

        w.file_menu.insertSeparator(before)
        add(w.file_menu, self.tr("&Save Project"), self.save, [QKeySequence.StandardKey.Save], before)
        add(w.file_menu, self.tr("Save Project &As…"), self.save_as, [QKeySequence.StandardKey.SaveAs], before)
        self.export_action = add(w.file_menu, self.tr("&Export Brief…"), self.export.choose_and_export,
                                 ["Ctrl+E"], before)
        self.export_action.setStatusTip(self.tr("Write a Word brief of this comparison, with your notes as comments"))
        w.edit_menu.addSeparator()
        self.add_note_action = add(w.edit_menu, self.tr("Add &Note…"), self.add_note, ["Ctrl+Alt+M"])
        keys = [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) if not k.isEmpty()]
        settings = add(w.edit_menu, self.tr("&Settings…"), self.open_settings)
        settings.setShortcuts(keys or [QKeySequence("Ctrl+,")])
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)

    # --- state ----------------------------------------------------------------------------
    def project(self) -> Project | None:
        a, b = self.window.readouts["A"], self.window.readouts["B"]
        if a is None or b is None:
            return None
        options = {**self.window.defaults, **self.window.options}
        return Project(a=a, b=b, mode=options.get("mode"), lexicons=[str(p) for p in options.get("lexicons", [])],
                       annotations=list(self.notes))

    def is_modified(self) -> bool:
        """Unsaved work of the user's own: notes, pasted text, or changes to a project that has a
        file. Texts opened from files and not yet annotated are no loss: they are in their files."""
        pasted = any(r is not None and not r.source for r in self.window.readouts.values())
        if self.path is None and not self.notes and not pasted:
            return False
        project = self.project()
        return project is not None and project_to_dict(project) != self._baseline

    def snapshot(self) -> tuple[Project, str | None] | None:
        return (self.project(), self.path) if self.is_modified() else None

    def _mark_saved(self) -> None:
        project = self.project()
        self._baseline = project_to_dict(project) if project else None
        self.refresh()

    def _comparison_changed(self, c: Comparison) -> None:
        placed = self.window.take_project_notes()
        if placed is not None:  # a project's notes, placed on its texts by MainWindow.start_project
            self.notes = placed
            self._texts = {"A": c.a.text, "B": c.b.text}
            if not self._restored:
                self._mark_saved()
            self._restored = False
        else:
            self.notes = carry_notes(self.notes, self._texts, c)
            self._texts = {"A": c.a.text, "B": c.b.text}
        self.emphasis.set_comparison(c)
        self.refresh()

    def refresh(self) -> None:
        """Notes list, note marks in the panes, title; then let autosave know."""
        w = self.window
        self.notes_panel.set_annotations(self.notes)
        for side in SIDES:
            w.panes[side].set_note_spans([(n.start, n.end) for n in self.notes if n.side == side and not n.detached])
        name = Path(self.path).stem if self.path else self.tr("Untitled")
        labels = [r.label or (Path(r.source).name if r.source else s)
                  for s, r in w.readouts.items() if r is not None]
        pair = " ↔ ".join(labels)
        w.setWindowTitle(self.tr("{name}[*] — {pair} — Counterpart").format(name=name, pair=pair) if pair
                         else self.tr("{name}[*] — Counterpart").format(name=name))
        modified = self.is_modified()
        w.setWindowModified(modified)
        if modified:
            self.autosave.changed()

    # --- notes ----------------------------------------------------------------------------
    def add_note(self, side: Side | None = None) -> Annotation | None:
        w = self.window
        pane = w.panes[side] if side else w._focused_pane()
        cursor = pane.textCursor()
        if w.comparison is None or not cursor.hasSelection():
            w.set_note(self.tr("Select a passage in one of the texts first."), 4000)
            return None
        start, end = pane.model_offset(cursor.selectionStart()), pane.model_offset(cursor.selectionEnd())
        quote = w.comparison.doc(pane.side).text[start:end]
        dialog = AnnotationDialog(quote, author=self.prefs.author, parent=w)
        if not dialog.exec():
            return None
        note, tag, author = dialog.values()
        made = Annotation(side=pane.side, start=start, end=end, quote=quote, note=note, tag=tag, author=author,
                          created=datetime.now(UTC).isoformat(timespec="seconds"), id=uuid.uuid4().hex[:12])
        self.notes.append(made)
        self.refresh()
        self.notes_panel.select(made.id)
        return made

    def _note(self, annotation_id: str) -> Annotation | None:
        return next((n for n in self.notes if n.id == annotation_id), None)

    def edit_note(self, annotation_id: str) -> None:
        n = self._note(annotation_id)
        if n is None:
            return
        dialog = AnnotationDialog(n.quote, note=n.note, tag=n.tag, author=n.author, parent=self.window)
        if dialog.exec():
            n.note, n.tag, n.author = dialog.values()
            self.refresh()

    def delete_note(self, annotation_id: str) -> None:
        self.notes[:] = [n for n in self.notes if n.id != annotation_id]
        self.refresh()

    def jump_to(self, annotation_id: str) -> None:
        n = self._note(annotation_id)
        if n is None or n.detached:
            return
        pane = self.window.panes[n.side]
        pane.centre_on(n.start, n.end)
        pane.setTextCursor(pane.cursor_for(n.start, n.end))
        pane.setFocus()

    def show_topic(self, topic: str) -> None:
        if self.window.comparison is not None:
            self.window.band.selected = None
            self.window.reveal(topic_evidence(self.window.comparison, topic))

    def _context_menu(self, pane, pos) -> None:
        menu = pane.createStandardContextMenu(pos)
        menu.addSeparator()
        action = menu.addAction(self.tr("Add note…"), lambda: self.add_note(pane.side))
        action.setEnabled(pane.textCursor().hasSelection())
        menu.exec(pane.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- files ----------------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        start = self.path or str(Path.home() / (self.tr("untitled") + SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start, self.tr(PROJECT_FILTER))
        if not path:
            return False
        if not Path(path).suffix:
            path += SUFFIX
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        project = self.project()
        if project is None:
            self.window.error(self.tr("Nothing to save"), self.tr("Open two texts first."))
            return False
        try:
            save_project(project, path, force=True)  # the file dialog has asked about overwriting
        except CounterpartError as exc:
            self.window.error(self.tr("Cannot save the project"), str(exc))
            return False
        self.path = str(path)
        self._mark_saved()
        self.autosave.discard()
        self.window.set_note(self.tr("Saved {path}").format(path=path), 4000)
        return True

    def open_project(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), "", self.tr(PROJECT_FILTER))
            if not path:
                return False
        if not self._may_discard():
            return False
        try:
            project = load_project(path)
        except CounterpartError as exc:
            self.window.error(self.tr("Cannot open the project"), str(exc))
            return False
        self.show_project(project, str(path), saved=True)
        return True

    def show_project(self, project: Project, path: str | None, *, saved: bool) -> None:
        self.path = path
        self.notes = list(project.annotations)
        self._texts = {"A": project.a.text, "B": project.b.text}
        self._baseline = project_to_dict(project) if saved else None
        self._restored = not saved
        self.window.start_project(project)
        self.refresh()

    def offer_recovery(self) -> bool:
        """At start: if a session ended without a clean close, offer to bring its work back (the
        newest such; any other is left for a later start). Never another running window's."""
        orphans = find_orphans()
        if not orphans:
            return False
        orphan = orphans[0]
        for other_orphan in orphans[1:]:
            other_orphan.release()
        answer = QMessageBox.question(
            self.window, self.tr("Restore unsaved work?"),
            self.tr("Counterpart was not closed properly last time. Restore the unsaved work?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            orphan.remove()
            return False
        try:
            project, origin = read_recovery(orphan.path)
        except CounterpartError as exc:
            orphan.release()  # kept as it is, for a person to look at: the message names it
            self.window.error(self.tr("Cannot restore"), str(exc))
            return False
        self.show_project(project, origin, saved=False)
        self.autosave.adopt(orphan)
        return True

    def _autosave_failed(self, reason: str) -> None:
        self.autosave_warning.setText(self.tr("Autosave failed: {reason}. Save the project (Ctrl+S) to keep "
                                              "your work.").format(reason=reason))
        self.autosave_warning.setToolTip(reason)
        self.autosave_warning.show()

    def _may_discard(self) -> bool:
        """Ask Save / Discard / Cancel when there is unsaved work; True when it may go."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"), self.tr("Save the changes to this project?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close:
            if not self._may_discard():
                event.ignore()
                return True
            self.autosave.close()  # a clean close: nothing of this session to recover next time
            self.export.wait()  # a brief being written is finished, not cut off
        return super().eventFilter(obj, event)

    # --- preferences ----------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(replace(self.prefs, point_size=self.window.point_size), self.window)
        if dialog.exec():
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        old, self.prefs = self.prefs, prefs
        prefs.store(self._settings())
        apply_theme(prefs.theme)
        w = self.window
        w.set_text_font(prefs.font_family, prefs.point_size)
        w.defaults["lexicons"] = prefs.lexicons()
        w.languages = dict(prefs.languages)
        if prefs.lexicon == old.lexicon and prefs.languages == old.languages:
            return
        w.options["lexicons"] = prefs.lexicons()
        for side in SIDES:
            if w.readouts[side] is not None:
                w.readouts[side].language = prefs.languages[side]
        if w.readouts["A"] is not None and w.readouts["B"] is not None:
            w.start_analysis()
