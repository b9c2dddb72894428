"""Edit > Rename Sides and Languages…: the names the findings give the two texts and the language
each is read in. The session makes the change undoable; the analysis re-runs only what it touches
(a name: the labels and the findings; a language: everything)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from viewer.app.settings_dialog import AUTO, LANGUAGES
from viewer.app.undo import Sides
from viewer.model import SIDES


class SidesDialog(QDialog):
    def __init__(self, sides: Sides, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sides"))
        form = QFormLayout(self)
        self.labels: dict[str, QLineEdit] = {}
        self.languages: dict[str, QComboBox] = {}
        for side in SIDES:
            label, language = sides[side]
            edit = QLineEdit(label, self)
            edit.setPlaceholderText(self.tr("e.g. White House, Xinhua, the Kremlin"))
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(LANGUAGES)
            combo.setCurrentText(language or AUTO)
            combo.setToolTip(self.tr("auto detects the language; or an ISO 639-1 code such as en, fr, ru, zh"))
            self.labels[side], self.languages[side] = edit, combo
            form.addRow(self.tr("Name of &{side}:").format(side=side), edit)
            form.addRow(self.tr("Language of {side}:").format(side=side), combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def sides(self) -> Sides:
        def language(side: str) -> str | None:
            code = self.languages[side].currentText().strip().lower()
            return None if code in ("", AUTO) else code

        return {side: (self.labels[side].text().strip(), language(side)) for side in SIDES}
