"""The user's work behind the window: notes, reviewed ticks, undo, the project file, autosave and
recovery, the close prompt, the title, preferences. The window owns a session and asks it before
closing; the session speaks to the window only through what SessionHost lists.

Notes follow the texts: after every new comparison (reload, swap, new settings) they are moved
to the side that holds their text and re-anchored by quote; a note whose quote is gone is kept,
flagged detached.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QPushButton, QWidget

from viewer import colours
from viewer.app import identity, palette
from viewer.app.annotation_dialog import AnnotationDialog
from viewer.app.annotations_panel import AnnotationsPanel
from viewer.app.autosave import Autosave, Orphan, find_orphans, read_recovery
from viewer.app.emphasis_panel import EmphasisPanel, topic_evidence
from viewer.app.export import BriefExport
from viewer.app.findings_panel import FindingsPanel
from viewer.app.naming import file_stem, readout_name
from viewer.app.settings_dialog import Preferences, SettingsDialog
from viewer.app.undo import AddNote, ChangeSides, DeleteNote, EditNote, NoteList, Sides
from viewer.errors import CounterpartError
from viewer.model import SIDES, Annotation, Comparison, Evidence, Readout, Settings, Side, other
from viewer.project import Project, load_project, project_to_dict, reanchor, save_project

PROJECT_FILTER = "Counterpart projects (*.counterpart);;All files (*)"
SUFFIX = ".counterpart"
Recovery = Literal["restore", "later", "discard"]


class SessionHost(Protocol):
    """What the session uses of the window (viewer/app/main_window.py declares each of these)."""

    comparisonChanged: Signal
    analysisFinished: Signal
    readoutsChanged: Signal
    comparison: Comparison | None
    readouts: dict[Side, Readout | None]
    settings: Settings
    languages: dict[Side, str | None]
    findings: FindingsPanel

    def names(self) -> dict[Side, str]: ...
    def add_actions(self, section: str, actions: list[QAction]) -> None: ...
    def add_pane_action(self, action: QAction) -> None: ...
    def add_status_widget(self, widget: QWidget) -> None: ...
    def add_side_tab(self, widget: QWidget, title: str) -> int: ...
    def selection(self, side: Side | None = None) -> tuple[Side, int, int] | None: ...
    def set_note_marks(self, side: Side, notes: list[tuple[int, int, str]]) -> None: ...
    def show_span(self, side: Side, start: int, end: int) -> None: ...
    def set_reviewed(self, findings: set[str], differences: set[str]) -> None: ...
    def reveal(self, evidence: list[Evidence]) -> None: ...
    def start_project(self, project: Project) -> None: ...
    def take_project_notes(self) -> list[Annotation] | None: ...
    def set_sides(self, sides: Sides) -> None: ...
    def set_lexicons(self, lexicons: list[str]) -> None: ...
    def set_text_font(self, family: str, point_size: int) -> None: ...
    @property
    def point_size(self) -> int: ...
    def set_note(self, text: str, ms: int = 4000) -> None: ...
    def error(self, title: str, message: str) -> None: ...
    def setWindowTitle(self, title: str) -> None: ...
    def setWindowModified(self, modified: bool) -> None: ...


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


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the spaces and line breaks around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _tr(text: str) -> str:
    return QCoreApplication.translate("Session", text)


def recovery_text(project: Project, when: datetime | None) -> str:
    """What the recovery prompt says it will restore: the pair, the notes, the time."""
    names = [readout_name(project.readout(side), side) for side in SIDES]
    n = len(project.annotations)
    notes = _tr("no notes") if n == 0 else _tr("1 note") if n == 1 else _tr("{n} notes").format(n=n)
    stamp = when.astimezone().strftime("%d %b %Y, %H:%M") if when else _tr("an unknown time")
    return _tr("Counterpart was not closed properly. Unsaved work from {when} can be restored:\n\n"
                      "{a}  ↔  {b}, with {notes}.").format(when=stamp, a=names[0], b=names[1], notes=notes)


def ask_recovery(parent: QWidget, text: str) -> Recovery:
    """Restore now, not now (the file stays for next time), or discard it for good."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Restore unsaved work?"), text, parent=parent)
    restore = box.addButton(_tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    later: QPushButton = box.addButton(_tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton(_tr("Discard It"), QMessageBox.ButtonRole.DestructiveRole)
    later.setToolTip(_tr("Keep it: File > Restore Unsaved Work… brings it back later"))
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


class ProjectSession(QObject):
    def __init__(self, window: SessionHost):
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.path: str | None = None
        self.notes: list[Annotation] = []
        self.reviewed: dict[str, set[str]] = {"findings": set(), "differences": set()}
        self.undo = QUndoStack(self)
        self._note_list = NoteList(lambda: self.notes, self.refresh)
        self._texts: dict[str, str | None] = {"A": None, "B": None}
        self._baseline: dict | None = None
        self._restored = False  # the project on its way is unsaved work brought back after a crash
        self.prefs = Preferences.load(identity.settings())
        window.languages = dict(self.prefs.languages)
        window.set_lexicons(self.prefs.lexicons())
        palette.apply_theme(self.prefs.theme)
        window.set_text_font(self.prefs.font_family, self.prefs.point_size)

        self.emphasis = EmphasisPanel(window)  # type: ignore[arg-type]
        self.notes_panel = AnnotationsPanel(window)  # type: ignore[arg-type]
        window.add_side_tab(self.emphasis, self.tr("Emphasis"))
        window.add_side_tab(self.notes_panel, self.tr("Notes"))
        self.autosave = Autosave(self.snapshot, self)
        self.autosave_warning = QLabel(window)  # type: ignore[arg-type]  # a failed autosave stays in sight until one succeeds
        self.autosave_warning.setStyleSheet(f"color: {colours.OKABE_ITO['vermillion']}; font-weight: bold")
        self.autosave_warning.hide()
        window.add_status_widget(self.autosave_warning)
        self.autosave.failed.connect(self._autosave_failed)
        self.autosave.saved.connect(self.autosave_warning.hide)
        self.export = BriefExport(window, lambda: self.notes, self.default_stem)
        self._build_actions()
        window.comparisonChanged.connect(self._comparison_changed)
        window.readoutsChanged.connect(self.refresh)
        window.findings.reviewedChanged.connect(self._finding_reviewed)
        self.emphasis.topicClicked.connect(self.show_topic)
        self.emphasis.evidenceRequested.connect(window.reveal)
        self.notes_panel.editRequested.connect(self.edit_note)
        self.notes_panel.deleteRequested.connect(self.delete_note)
        self.notes_panel.jumpRequested.connect(self.jump_to)

    def _action(self, text: str, slot: Callable, keys=(), tip: str = "") -> QAction:
        action = QAction(text, self.window)  # type: ignore[arg-type]
        bound = []
        for k in keys:
            bound.extend(QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)])
        action.setShortcuts(bound)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        w = self.window
        undo = self.undo.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = self.undo.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) + [QKeySequence("Ctrl+Y")])
        w.add_actions("edit-history", [undo, redo])
        self.export_action = self._action(self.tr("&Export Brief…"), self.export.choose_and_export, ["Ctrl+E"],
                                          self.tr("Write a Word brief of this comparison, with your notes as comments"))
        self.restore_action = self._action(self.tr("Restore &Unsaved Work…"), self.restore_later, [],
                                           self.tr("Bring back the work a session that ended badly left"))
        w.add_actions("file-project", [
            self._action(self.tr("&Save Project"), self.save, [QKeySequence.StandardKey.Save]),
            self._action(self.tr("Save Project &As…"), self.save_as, [QKeySequence.StandardKey.SaveAs]),
            self.export_action, self.restore_action])
        self.restore_action.setEnabled(self._has_recovery())
        self.add_note_action = self._action(self.tr("Add &Note…"), self.add_note, ["Ctrl+Alt+M"],
                                            self.tr("A note on the passage you selected"))
        settings = self._action(self.tr("&Settings…"), self.open_settings)
        keys = [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) if not k.isEmpty()]
        settings.setShortcuts(keys or [QKeySequence("Ctrl+,")])
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        w.add_actions("edit-notes", [
            self.add_note_action,
            self._action(self.tr("Rename Sides and &Languages…"), self.edit_sides, ["Ctrl+Shift+N"],
                         self.tr("The names the findings give the two texts, and their languages")),
            settings])
        w.add_pane_action(self.add_note_action)
        theme = QMenu(self.tr("&Theme"), w)  # type: ignore[arg-type]
        self.theme_actions = QActionGroup(theme)
        for key, text in zip(palette.CHOICES, (self.tr("As the &System"), self.tr("&Light"), self.tr("&Dark")),
                             strict=True):
            a = theme.addAction(text)
            a.setData(key)
            a.setCheckable(True)
            a.setChecked(key == self.prefs.theme)
            a.triggered.connect(lambda _on=False, k=key: self.apply_preferences(replace(self.prefs, theme=k)))
            self.theme_actions.addAction(a)
        w.add_actions("view", [theme.menuAction()])

    # --- state ----------------------------------------------------------------------------
    def project(self) -> Project | None:
        a, b = self.window.readouts["A"], self.window.readouts["B"]
        if a is None or b is None:
            return None
        s = self.window.settings
        return Project(a=a, b=b, mode=s.mode, lexicons=list(s.lexicons), annotations=list(self.notes),
                       reviewed={k: sorted(v) for k, v in self.reviewed.items()})

    def is_modified(self) -> bool:
        """Unsaved work of the user's own: notes, ticks, pasted text, or changes to a project that
        has a file. Texts opened from files and not yet annotated are no loss: they are in their files."""
        pasted = any(r is not None and not r.source for r in self.window.readouts.values())
        ticked = any(self.reviewed.values())
        if self.path is None and not self.notes and not pasted and not ticked:
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
            if self._texts != {"A": c.a.text, "B": c.b.text} and self._texts != {"A": c.b.text, "B": c.a.text}:
                self.reviewed["differences"] = set()  # other texts: other differences
            self._texts = {"A": c.a.text, "B": c.b.text}
        self.emphasis.set_comparison(c)
        self.window.set_reviewed(self.reviewed["findings"], self.reviewed["differences"])
        self.refresh()

    def default_stem(self) -> str:
        return file_stem([self.window.names()[s] for s in SIDES if self.window.readouts[s] is not None])

    def refresh(self) -> None:
        """Notes list, note marks in the panes, title; then let autosave know."""
        w = self.window
        self.notes_panel.set_annotations(self.notes)
        for side in SIDES:
            w.set_note_marks(side, [(n.start, n.end, n.note) for n in self.notes if n.side == side and not n.detached])
        names = w.names()
        pair = " ↔ ".join(names[s] for s in SIDES if w.readouts[s] is not None)
        if self.path:
            w.setWindowTitle(self.tr("{name}[*] — {pair} — Counterpart").format(name=Path(self.path).stem, pair=pair))
        else:
            w.setWindowTitle(self.tr("{pair}[*] — Counterpart").format(pair=pair) if pair else self.tr("Counterpart"))
        modified = self.is_modified()
        w.setWindowModified(modified)
        if modified:
            self.autosave.changed()

    # --- notes ----------------------------------------------------------------------------
    def add_note(self, side: Side | None = None) -> Annotation | None:
        w = self.window
        picked = w.selection(side)
        if w.comparison is None or picked is None:
            w.set_note(self.tr("Select a passage in one of the texts first."), 4000)
            return None
        side_, start, end = picked
        text = w.comparison.doc(side_).text
        start, end = trimmed(text, start, end)
        if start == end:
            w.set_note(self.tr("Select some words, not only spaces."), 4000)
            return None
        quote = text[start:end]
        dialog = AnnotationDialog(quote, author=self.prefs.author, parent=w)  # type: ignore[arg-type]
        if not dialog.exec():
            return None
        note, tag, author = dialog.values()
        made = Annotation(side=side_, start=start, end=end, quote=quote, note=note, tag=tag, author=author,
                          created=datetime.now(UTC).isoformat(timespec="seconds"), id=uuid.uuid4().hex[:12])
        self.undo.push(AddNote(self._note_list, made))
        self.notes_panel.select(made.id)
        return made

    def _note(self, annotation_id: str) -> Annotation | None:
        return next((n for n in self.notes if n.id == annotation_id), None)

    def edit_note(self, annotation_id: str) -> None:
        n = self._note(annotation_id)
        if n is None:
            return
        dialog = AnnotationDialog(n.quote, note=n.note, tag=n.tag, author=n.author,
                                  parent=self.window)  # type: ignore[arg-type]
        if dialog.exec() and dialog.values() != (n.note, n.tag, n.author):
            self.undo.push(EditNote(self._note_list, annotation_id, dialog.values()))

    def delete_note(self, annotation_id: str) -> None:
        if self._note(annotation_id) is not None:
            self.undo.push(DeleteNote(self._note_list, annotation_id))
            self.window.set_note(self.tr("Note deleted; Edit > Undo (Ctrl+Z) brings it back."), 5000)

    def jump_to(self, annotation_id: str) -> None:
        n = self._note(annotation_id)
        if n is not None and not n.detached:
            self.window.show_span(n.side, n.start, n.end)

    def show_topic(self, topic: str) -> None:
        if self.window.comparison is not None:
            self.window.reveal(topic_evidence(self.window.comparison, topic))

    # --- reviewed ticks ----------------------------------------------------------------------
    def _finding_reviewed(self, key: str, on: bool) -> None:
        (self.reviewed["findings"].add if on else self.reviewed["findings"].discard)(key)
        self.refresh()

    def set_reviewed_differences(self, keys: set[str]) -> None:
        self.reviewed["differences"] = set(keys)
        self.refresh()

    # --- sides --------------------------------------------------------------------------------
    def sides(self) -> Sides:
        return {side: (r.label, r.language) if (r := self.window.readouts[side]) is not None else ("", None)
                for side in SIDES}

    def change_sides(self, after: Sides) -> None:
        """New names or languages for the texts, undoable."""
        before = self.sides()
        if after != before:
            self.undo.push(ChangeSides(self.window.set_sides, before, after))

    def edit_sides(self) -> None:
        from viewer.app.sides_dialog import SidesDialog

        if self.window.readouts["A"] is None or self.window.readouts["B"] is None:
            self.window.set_note(self.tr("Open two texts first."), 3000)
            return
        dialog = SidesDialog(self.sides(), self.window)  # type: ignore[arg-type]
        if dialog.exec():
            self.change_sides(dialog.sides())

    # --- files ----------------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_to(self.path) if self.path else self.save_as()

    def _default_folder(self) -> Path:
        r = self.window.readouts["A"]
        folder = Path(r.source).parent if r is not None and r.source else Path.home()
        return folder if folder.is_dir() else Path.home()

    def save_as(self) -> bool:
        start = self.path or str(self._default_folder() / (self.default_stem() + SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start,  # type: ignore[arg-type]
                                              self.tr(PROJECT_FILTER))
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
            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), "",  # type: ignore[arg-type]
                                                  self.tr(PROJECT_FILTER))
            if not path:
                return False
        if not self.may_discard():
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
        self.reviewed = {k: set(project.reviewed.get(k, [])) for k in ("findings", "differences")}
        self.undo.clear()
        self._texts = {"A": project.a.text, "B": project.b.text}
        self._baseline = project_to_dict(project) if saved else None
        self._restored = not saved
        self.window.start_project(project)
        self.refresh()

    # --- recovery -------------------------------------------------------------------------
    def _has_recovery(self) -> bool:
        orphans = find_orphans()
        for orphan in orphans:
            orphan.release()
        return bool(orphans)

    def _recovery(self) -> tuple[Orphan, Project, str | None, datetime | None] | None:
        """The newest work a session left without a clean close, its file locked by this session
        (the others are left for a later start, never another running window's)."""
        orphans = find_orphans()
        if not orphans:
            return None
        orphan = orphans[0]
        for other_orphan in orphans[1:]:
            other_orphan.release()
        try:
            project, origin = read_recovery(orphan.path)
            when = datetime.fromtimestamp(orphan.path.stat().st_mtime, UTC)
        except (CounterpartError, OSError) as exc:
            orphan.release()  # kept as it is, for a person to look at: the message names it
            self.window.error(self.tr("Cannot restore"), str(exc))
            return None
        return orphan, project, origin, when

    def offer_recovery(self, requested: tuple[str, str] | None = None) -> bool:
        """At start: if a session left unsaved work, say what it is and offer it back. With two
        files asked for on the command line, it is offered only when it is their pair; else they
        open and the status line says how to restore it later. "Not now" keeps it."""
        found = self._recovery()
        if found is None:
            return False
        orphan, project = found[0], found[1]
        if requested is not None:
            sources = {str(Path(p).resolve()) for p in requested}
            mine = {str(Path(r.source).resolve()) for r in (project.a, project.b) if r.source}
            if sources != mine:
                orphan.release()
                self.window.set_note(self.tr("Unsaved work of an earlier session is kept: "
                                             "File > Restore Unsaved Work… brings it back."), 0)
                return False
        return self._answer(*found)

    def restore_later(self) -> bool:
        """File > Restore Unsaved Work…"""
        if not self.may_discard():
            return False
        found = self._recovery()
        if found is None:
            self.window.set_note(self.tr("No unsaved work to restore."), 3000)
            self.restore_action.setEnabled(False)
            return False
        return self._answer(*found)

    def _answer(self, orphan: Orphan, project: Project, origin: str | None, when: datetime | None) -> bool:
        answer = ask_recovery(self.window, recovery_text(project, when))  # type: ignore[arg-type]
        if answer == "later":
            orphan.release()
            return False
        if answer == "discard":
            orphan.remove()
            self.restore_action.setEnabled(self._has_recovery())
            return False
        self.show_project(project, origin, saved=False)
        self.autosave.adopt(orphan)  # the work is this session's now: the old file goes once it is saved here
        self.restore_action.setEnabled(self._has_recovery())
        return True

    def _autosave_failed(self, reason: str) -> None:
        self.autosave_warning.setText(self.tr("Autosave failed: {reason}. Save the project (Ctrl+S) to keep "
                                              "your work.").format(reason=reason))
        self.autosave_warning.setToolTip(reason)
        self.autosave_warning.show()

    # --- closing ----------------------------------------------------------------------------
    def may_discard(self) -> bool:
        """Ask Save / Discard / Cancel when there is unsaved work; True when it may go."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"), self.tr("Save the changes to this project?"),  # type: ignore[arg-type]
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def may_close(self) -> bool:
        """The window is closing: True when it may (the unsaved work was saved or given up)."""
        if not self.may_discard():
            return False
        self.autosave.close()  # a clean close: nothing of this session to recover next time
        self.export.wait()  # a brief being written is finished, not cut off
        return True

    # --- preferences ----------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(replace(self.prefs, point_size=self.window.point_size),
                                self.window)  # type: ignore[arg-type]
        if dialog.exec():
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        old, self.prefs = self.prefs, prefs
        prefs.store(identity.settings())
        palette.apply_theme(prefs.theme)
        for a in self.theme_actions.actions():
            a.setChecked(a.data() == prefs.theme)
        w = self.window
        w.set_text_font(prefs.font_family, prefs.point_size)
        w.languages = dict(prefs.languages)
        w.set_lexicons(prefs.lexicons())
        if prefs.languages != old.languages and w.readouts["A"] is not None and w.readouts["B"] is not None:
            self.change_sides({side: (label, prefs.languages[side]) for side, (label, _l) in self.sides().items()})
