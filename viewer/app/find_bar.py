"""Ctrl+F: a bar under the panes that searches the pane last focused, wrapping at the ends."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.app.pane import TextPane


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pane: TextPane | None = None
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in the focused text"))
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        prev_btn, next_btn, close_btn = QToolButton(self), QToolButton(self), QToolButton(self)
        prev_btn.setText(self.tr("Previous"))
        next_btn.setText(self.tr("Next"))
        close_btn.setText("✕")
        close_btn.setToolTip(self.tr("Close the find bar (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        for w in (prev_btn, next_btn, self.status, close_btn):
            layout.addWidget(w)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(lambda _t: self._find(forward=True, from_start_of_match=True))
        next_btn.clicked.connect(self.find_next)
        prev_btn.clicked.connect(self.find_previous)
        close_btn.clicked.connect(self.close_bar)

    def open_on(self, pane: TextPane) -> None:
        self.pane = pane
        self.show()
        selected = pane.textCursor().selectedText()
        if selected:
            self.edit.setText(selected)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(e)

    def find_next(self) -> bool:
        return self._find(forward=True)

    def find_previous(self) -> bool:
        return self._find(forward=False)

    def _find(self, forward: bool, from_start_of_match: bool = False) -> bool:
        text = self.edit.text()
        if self.pane is None or not text:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        cursor = self.pane.textCursor()
        if from_start_of_match:
            cursor.setPosition(cursor.selectionStart())
            self.pane.setTextCursor(cursor)
        if self.pane.find(text, flags):
            self.status.clear()
            return True
        wrap = QTextCursor(self.pane.document())
        wrap.movePosition(QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End)
        self.pane.setTextCursor(wrap)
        found = self.pane.find(text, flags)
        self.status.setText(self.tr("Wrapped") if found else self.tr("Not found"))
        return found
