"""What Edit > Undo / Redo undoes: every change to the notes, and a change of a side's name or
language. Commands name notes by id, so they still find them after the notes were re-anchored
on a new comparison (reload, swap)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from viewer.model import Annotation, Side

Sides = dict[Side, tuple[str, str | None]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)  # side -> (label, forced language or None)


class NoteList:
    """What the note commands act on: the session's notes and its refresh."""

    def __init__(self, notes: Callable[[], list[Annotation]], changed: Callable[[], None]):
        self.notes, self.changed = notes, changed

    def index(self, note_id: str) -> int | None:
        return next((k for k, n in enumerate(self.notes()) if n.id == note_id), None)


class AddNote(QUndoCommand):
    def __init__(self, target: NoteList, note: Annotation):
        super().__init__(_tr("add note"))
        self.target, self.note = target, note

    def redo(self) -> None:
        self.target.notes().append(self.note)
        self.target.changed()

    def undo(self) -> None:
        k = self.target.index(self.note.id)
        if k is not None:
            self.note = self.target.notes().pop(k)  # as it is now (re-anchored), for a redo
        self.target.changed()


class DeleteNote(QUndoCommand):
    def __init__(self, target: NoteList, note_id: str):
        super().__init__(_tr("delete note"))
        self.target, self.note_id = target, note_id
        self.note: Annotation | None = None
        self.at = 0

    def redo(self) -> None:
        k = self.target.index(self.note_id)
        if k is not None:
            self.at, self.note = k, self.target.notes().pop(k)
        self.target.changed()

    def undo(self) -> None:
        if self.note is not None:
            notes = self.target.notes()
            notes.insert(min(self.at, len(notes)), self.note)
        self.target.changed()


class EditNote(QUndoCommand):
    """A note's text, tag and author changed."""

    def __init__(self, target: NoteList, note_id: str, values: tuple[str, str, str]):
        super().__init__(_tr("edit note"))
        self.target, self.note_id, self.values = target, note_id, values

    def _swap(self) -> None:
        k = self.target.index(self.note_id)
        if k is None:
            return
        notes = self.target.notes()
        n = notes[k]
        old = (n.note, n.tag, n.author)
        notes[k] = replace(n, note=self.values[0], tag=self.values[1], author=self.values[2])
        self.values = old
        self.target.changed()

    redo = _swap
    undo = _swap


class ChangeSides(QUndoCommand):
    """The sides' names and forced languages; `apply` re-runs what the change touches."""

    def __init__(self, apply: Callable[[Sides], None], before: Sides, after: Sides):
        super().__init__(_tr("rename sides") if all(before[s][1] == after[s][1] for s in before)
                         else _tr("change language"))
        self.apply, self.before, self.after = apply, before, after

    def redo(self) -> None:
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)
