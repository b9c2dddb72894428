"""Preferences: author name, theme, pane font, user lexicon, language overrides; kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from viewer.app import palette
from viewer.model import SIDES

LANGUAGES = ("auto", "en", "fr", "ru", "zh", "es", "de", "uk")
AUTO = "auto"


@dataclass
class Preferences:
    author: str = ""
    theme: str = "system"
    font_family: str = ""  # "" = the built-in list of families
    point_size: int = palette.DEFAULT_POINT_SIZE
    lexicon: str = ""  # "" = built-in lexicon only
    languages: dict[str, str | None] = field(default_factory=lambda: {"A": None, "B": None})

    @classmethod
    def load(cls, s: QSettings) -> Preferences:
        return cls(
            author=str(s.value("user/author", "")),
            theme=str(s.value("view/theme", "system")) if s.value("view/theme") in palette.CHOICES else "system",
            font_family=str(s.value("view/fontFamily", "")),
            point_size=int(s.value("view/pointSize", palette.DEFAULT_POINT_SIZE)),
            lexicon=str(s.value("analysis/lexicon", "")),
            languages={side: (str(s.value(f"analysis/language{side}", "")) or None) for side in SIDES},
        )

    def store(self, s: QSettings) -> None:
        s.setValue("user/author", self.author)
        s.setValue("view/theme", self.theme)
        s.setValue("view/fontFamily", self.font_family)
        s.setValue("view/pointSize", self.point_size)
        s.setValue("analysis/lexicon", self.lexicon)
        for side in SIDES:
            s.setValue(f"analysis/language{side}", self.languages[side] or "")

    def lexicons(self) -> list[str]:
        return [self.lexicon] if self.lexicon else []


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.author = QLineEdit(prefs.author, self)
        self.author.setPlaceholderText(self.tr("Your name, put on the notes you write"))
        self.theme = QComboBox(self)
        for key, label in zip(palette.CHOICES, (self.tr("As the system"), self.tr("Light"), self.tr("Dark")), strict=True):
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.family = QFontComboBox(self)
        self.family.setCurrentFont(QFont(prefs.font_family) if prefs.font_family else palette.text_font())
        self.size = QSpinBox(self)
        self.size.setRange(6, 48)
        self.size.setValue(prefs.point_size)
        font_row = QHBoxLayout()
        font_row.addWidget(self.family, 1)
        font_row.addWidget(self.size)
        self.lexicon = QLineEdit(prefs.lexicon, self)
        self.lexicon.setPlaceholderText(self.tr("None: the built-in lexicon only"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        lexicon_row = QHBoxLayout()
        lexicon_row.addWidget(self.lexicon, 1)
        lexicon_row.addWidget(browse)
        self.languages: dict[str, QComboBox] = {}
        for side in SIDES:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(LANGUAGES)
            combo.setCurrentText(prefs.languages[side] or AUTO)
            combo.setToolTip(self.tr("auto detects the language; or an ISO 639-1 code such as en, fr, ru, zh"))
            self.languages[side] = combo
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Author name:"), self.author)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("Text &font:"), _wrap(font_row, self))
        form.addRow(self.tr("User &lexicon:"), _wrap(lexicon_row, self))
        form.addRow(self.tr("Language of &A:"), self.languages["A"])
        form.addRow(self.tr("Language of &B:"), self.languages["B"])
        form.addRow(buttons)
        self._family_chosen = bool(prefs.font_family)
        self.family.currentFontChanged.connect(lambda _f: setattr(self, "_family_chosen", True))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("User lexicon"), self.lexicon.text(),
                                              self.tr("Lexicon files (*.toml);;All files (*)"))
        if path:
            self.lexicon.setText(path)

    def preferences(self) -> Preferences:
        def language(side: str) -> str | None:
            code = self.languages[side].currentText().strip().lower()
            return None if code in ("", AUTO) else code

        return Preferences(
            author=self.author.text().strip(),
            theme=self.theme.currentData(),
            font_family=self.family.currentFont().family() if self._family_chosen else "",
            point_size=self.size.value(),
            lexicon=self.lexicon.text().strip(),
            languages={side: language(side) for side in SIDES},
        )


def _wrap(layout: QHBoxLayout, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    box.setLayout(layout)
    return box
