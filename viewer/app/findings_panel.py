"""The ranked findings in plain language; activating one asks the window to show its evidence."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from viewer.app import palette
from viewer.model import Finding

BAR = QSize(36, 12)


def weight_icon(finding: Finding) -> QIcon:
    """A small bar as long as the finding's weight, in its kind's colour."""
    pixmap = QPixmap(BAR)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = palette.tint(palette.FINDING_KIND.get(finding.kind, "grey"), 255)
    painter.setPen(colour.darker(140))
    painter.drawRect(0, 0, BAR.width() - 1, BAR.height() - 1)
    painter.fillRect(1, 1, round((BAR.width() - 2) * max(0.0, min(1.0, finding.weight))), BAR.height() - 2, colour)
    painter.end()
    return QIcon(pixmap)


class _WrappedRows(QStyledItemDelegate):
    """Row height from the text wrapped at the list's real width (Qt's own guess overlaps rows)."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        width = view.viewport().width() - BAR.width() - 2 * view.spacing() - 32  # icon gap and text margins
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(0, 0, max(width, 80), 10_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class FindingsPanel(QWidget):
    findingActivated = Signal(int)  # index into comparison.findings

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setIconSize(BAR)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSpacing(2)
        self.list.setItemDelegate(_WrappedRows(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap the texts when the tab is resized
        # a long pair has thousands of findings, each measured by the delegate: all at once froze
        # the window for ~250 ms; in batches, the event loop runs between them
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, never scroll sideways
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)

    def set_findings(self, findings: list[Finding]) -> None:
        self.list.clear()
        if not findings:
            item = QListWidgetItem(self.tr("No findings: the two texts give the same weight to the same things."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for n, f in enumerate(findings):
            item = QListWidgetItem(weight_icon(f), f.text)
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setToolTip(self.tr("{kind}, weight {weight:.2f}; click to show the evidence").format(
                kind=f.kind, weight=f.weight))
            self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        n = item.data(Qt.ItemDataRole.UserRole)
        if n is not None:
            self.findingActivated.emit(int(n))
