"""Help > Keyboard Shortcuts: every menu command with its keys, read from the menus themselves,
so the list is never out of date."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)


def shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) of every menu command that has keys."""
    rows = []

    def walk(menu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {action.text().replace('&', '')}")
            elif action.shortcuts() and not action.isSeparator():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                rows.append((path, action.text().replace("&", "").rstrip("…"), keys))

    for top in bar.actions():
        if top.menu() is not None:
            walk(top.menu(), top.text().replace("&", ""))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 620)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for menu, command, keys in shortcuts(bar):
            self.tree.addTopLevelItem(QTreeWidgetItem([f"{menu} > {command}", keys]))
        extra = [(self.tr("Find bar > Next / previous match"), self.tr("Enter, F3 / Shift+F3")),
                 (self.tr("Find bar > Close"), self.tr("Esc")),
                 (self.tr("Note dialog > Save the note"), self.tr("Ctrl+Enter")),
                 (self.tr("Notes tab > Delete the note (undoable)"), self.tr("Delete")),
                 (self.tr("Findings tab > Copy with quotes"), self.tr("Ctrl+C"))]
        for command, keys in extra:
            self.tree.addTopLevelItem(QTreeWidgetItem([command, keys]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
