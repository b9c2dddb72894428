"""The dialog to write or edit a note on a passage: the note, a tag and the author's name.
Tab moves to the next field (a note needs no tab characters) and Ctrl+Enter presses OK."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from viewer.app import palette

QUOTE_SHOWN = 240  # characters of the quote shown above the note


def default_tags() -> list[str]:
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    return [tr("Notes", "omission"), tr("Notes", "tone"), tr("Notes", "wording"), tr("Notes", "question")]


class AnnotationDialog(QDialog):
    def __init__(self, quote: str, *, note: str = "", tag: str = "", author: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        shown = quote if len(quote) <= QUOTE_SHOWN else quote[: QUOTE_SHOWN - 1] + "…"
        self.quote = QLabel(f"“{shown}”", self)
        self.quote.setWordWrap(True)
        self.quote.setFont(palette.text_font(self.font().pointSize()))
        self.note = QPlainTextEdit(note, self)
        self.note.setPlaceholderText(self.tr("What this passage tells you (Ctrl+Enter to save)"))
        self.note.setTabChangesFocus(True)
        self.tag = QComboBox(self)
        self.tag.setEditable(True)
        self.tag.addItems(default_tags())
        self.tag.setCurrentText(tag)
        self.author = QLineEdit(author, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        self.note.installEventFilter(self)  # Ctrl+Enter in the note saves (Enter elsewhere already does)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Passage:"), self.quote)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Tag:"), self.tag)
        form.addRow(self.tr("&Author:"), self.author)
        form.addRow(buttons)
        self.resize(480, 320)
        self.note.setFocus()

    def eventFilter(self, obj, event) -> bool:
        if (obj is self.note and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(obj, event)

    def values(self) -> tuple[str, str, str]:
        """(note, tag, author) as entered, trimmed."""
        return self.note.toPlainText().strip(), self.tag.currentText().strip(), self.author.text().strip()
