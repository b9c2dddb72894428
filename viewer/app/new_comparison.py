"""File > New Comparison…: both files picked in one dialog (or a recent pair), and the mode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from viewer.model import SIDES

FILE_FILTER = "Readouts (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"


class NewComparisonDialog(QDialog):
    def __init__(self, recent: list[tuple[str, str]], current: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Comparison"))
        self.resize(620, 380)
        self.edits = {side: QLineEdit(path, self) for side, path in zip(SIDES, current, strict=True)}
        form = QFormLayout(self)
        for side, hint in zip(SIDES, (self.tr("left: the first readout"), self.tr("right: the other readout")),
                              strict=True):
            edit = self.edits[side]
            edit.setPlaceholderText(hint)
            edit.textChanged.connect(lambda _t: self._update())
            browse = QPushButton(self.tr("Browse…"), self)
            browse.clicked.connect(lambda _c=False, s=side: self._browse(s))
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(edit, 1)
            row.addWidget(browse)
            box = QWidget(self)
            box.setLayout(row)
            form.addRow(self.tr("Text &{side}:").format(side=side), box)
        swap = QPushButton(self.tr("&Swap A and B"), self)
        swap.clicked.connect(self._swap)
        form.addRow("", swap)
        self.mode_box = QComboBox(self)
        for text, key in ((self.tr("Chosen from the texts"), None),
                          (self.tr("Two readouts (aligned by meaning)"), "readouts"),
                          (self.tr("Two versions of one text (every changed word)"), "versions")):
            self.mode_box.addItem(text, key)
        form.addRow(self.tr("&Mode:"), self.mode_box)
        self.recent = QListWidget(self)
        for a, b in recent:
            item = QListWidgetItem(f"{Path(a).name}  ↔  {Path(b).name}")
            item.setToolTip(f"{a}\n{b}")
            item.setData(Qt.ItemDataRole.UserRole, (a, b))
            self.recent.addItem(item)
        self.recent.itemClicked.connect(self._pick)
        self.recent.itemDoubleClicked.connect(lambda item: self._pick(item) or self.accept())
        form.addRow(QLabel(self.tr("Recent pairs:") if recent else self.tr("No recent pairs yet."), self))
        form.addRow(self.recent)
        self.recent.setVisible(bool(recent))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._update()

    def _browse(self, side: str) -> None:
        start = str(Path(self.edits[side].text()).parent) if self.edits[side].text() else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Text {side}").format(side=side), start,
                                              self.tr(FILE_FILTER))
        if path:
            self.edits[side].setText(path)

    def _swap(self) -> None:
        a, b = self.edits["A"].text(), self.edits["B"].text()
        self.edits["A"].setText(b)
        self.edits["B"].setText(a)

    def _pick(self, item: QListWidgetItem) -> None:
        a, b = item.data(Qt.ItemDataRole.UserRole)
        self.edits["A"].setText(a)
        self.edits["B"].setText(b)

    def _update(self) -> None:
        ok = all(self.edits[s].text().strip() for s in SIDES)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def paths(self) -> tuple[str, str]:
        return self.edits["A"].text().strip(), self.edits["B"].text().strip()

    def mode(self) -> str | None:
        return self.mode_box.currentData()
