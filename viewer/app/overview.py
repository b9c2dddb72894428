"""The overview strip beside a pane's scroll bar, as in Meld: every difference of that text as a
mark along its whole length, the stretch on screen as a frame; a click goes there.

Positions are fractions of the text's characters (the frame too), so the strip needs no layout of
a long text that Qt has not laid out yet and costs nothing while it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from viewer import colours
from viewer.app import palette
from viewer.app.pane import TextPane

Mark = tuple[float, float, str, bool]  # start and end as fractions of the text, meaning, reviewed


class OverviewStrip(QWidget):
    jumped = Signal(str, int)  # side, offset: the reader clicked the strip

    def __init__(self, pane: TextPane, parent=None):
        super().__init__(parent)
        self.pane = pane
        self.marks: list[Mark] = []
        self.setFixedWidth(14)
        self.setToolTip(self.tr("Where the differences of this text are; the frame is what is on screen. "
                                "Click to go there."))
        bar = pane.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    def set_marks(self, marks: list[Mark]) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        h, w = float(self.height()), float(self.width())
        p.fillRect(self.rect(), self.palette().base())
        for start, end, meaning, reviewed in self.marks:
            hue = QColor(colours.PASSAGE_HUE.get(meaning, colours.PASSAGE_HUE["related"]))
            y0 = start * h
            rect = QRectF(2, y0, w - 4, max(2.0, (end - start) * h))
            p.fillRect(rect, palette.with_alpha(hue, 90 if reviewed else 255))
        length = len(self.pane.text())
        if length:
            first, last = self.pane.visible_offsets()
            p.setPen(QPen(palette.colour("text"), 1.5))
            p.drawRect(QRectF(0.75, first / length * h, w - 1.5, max(4.0, (last - first) / length * h)))
        p.end()

    def mousePressEvent(self, e) -> None:
        self._go(e.position().y())

    def mouseMoveEvent(self, e) -> None:
        self._go(e.position().y())

    def _go(self, y: float) -> None:
        length = len(self.pane.text())
        if length and self.height() > 0:
            offset = int(max(0.0, min(1.0, y / self.height())) * (length - 1))
            self.jumped.emit(self.pane.side, offset)
