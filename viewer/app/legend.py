"""The strip that says what each colour means, drawn from the same palette the marks use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from viewer.app import palette


def _entries() -> list[tuple[QColor, str, str]]:
    tr = QCoreApplication.translate
    return [
        (palette.ONLY_ONE_SIDE, tr("Legend", "Only one side"), tr("Legend", "A passage the other text has no counterpart for")),
        (palette.CHANGED_WORDS, tr("Legend", "Changed words"), tr("Legend", "Words added, dropped or changed inside linked passages")),
        (palette.KIND_TINT["reworded"], tr("Legend", "Reworded"), tr("Legend", "Linked passages with different wording")),
        (palette.KIND_TINT["related"], tr("Legend", "Related"), tr("Legend", "Passages on the same subject in other words or another language")),
        (palette.KIND_TINT["moved"], tr("Legend", "Moved"), tr("Legend", "A passage the other text places elsewhere")),
        (palette.KIND_TINT["identical"], tr("Legend", "Identical"), tr("Legend", "Passages both texts word alike")),
        (palette.KIND_TINT["translation"], tr("Legend", "Translation"), tr("Legend", "A passage and its rendering in the other language")),
    ]


class Legend(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(12)
        for colour, name, tip in _entries():
            swatch = QPixmap(14, 14)
            base = self.palette().base().color()
            # show the tint as it appears over the text background
            swatch.fill(_over(colour, base))
            painter = QPainter(swatch)
            painter.setPen(self.palette().mid().color())
            painter.drawRect(0, 0, 13, 13)
            painter.end()
            icon, text = QLabel(self), QLabel(name, self)
            icon.setPixmap(swatch)
            for w in (icon, text):
                w.setToolTip(tip)
            pair = QHBoxLayout()
            pair.setSpacing(4)
            pair.addWidget(icon)
            pair.addWidget(text)
            layout.addLayout(pair)
        layout.addStretch(1)


def _over(colour: QColor, base: QColor) -> QColor:
    a = colour.alphaF()
    return QColor.fromRgbF(*(a * c + (1 - a) * b for c, b in zip(
        (colour.redF(), colour.greenF(), colour.blueF()), (base.redF(), base.greenF(), base.blueF()), strict=True)))
