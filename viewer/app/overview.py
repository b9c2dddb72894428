"""The overview strip beside a pane's scroll bar, as in Meld: every difference of that text as a
mark along its whole length, the stretch on screen as a frame; a click goes there.

Positions are fractions of the text's characters (the frame too), so the strip needs no layout of
a long text that Qt has not laid out yet and costs nothing while it arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from viewer import colours
from viewer.app import palette
from viewer.app.pane import TextPane

Mark = tuple[float, float, str, str]  # start and end as fractions of the text, meaning, difference key


class OverviewStrip(QWidget):
    jumped = Signal(str, int)  # side, offset: the reader clicked the strip

    def __init__(self, pane: TextPane, parent=None):
        super().__init__(parent)
        self.pane = pane
        self.marks: list[Mark] = []
        self.reviewed: set[str] = set()
        self._cache: tuple[tuple, QPixmap] | None = None  # the marks drawn once per size and theme
        self.setFixedWidth(14)
        self.setToolTip(self.tr("Where the differences of this text are; the frame is what is on screen. "
                                "Click to go there."))
        bar = pane.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    def set_marks(self, marks: list[Mark], reviewed: set[str]) -> None:
        self.marks, self.reviewed = marks, set(reviewed)
        self._cache = None
        self.update()

    def _marks(self) -> QPixmap:
        """The marks as a picture: a long pair has thousands, and the strip repaints at every scroll."""
        key = (self.width(), self.height(), palette.theme())
        if self._cache is None or self._cache[0] != key:
            pix = QPixmap(max(1, self.width()), max(1, self.height()))
            pix.fill(self.palette().base().color())
            p = QPainter(pix)
            h, w = float(self.height()), float(self.width())
            hues = {m: QColor(v) for m, v in colours.PASSAGE_HUE.items()}
            faded = {m: palette.with_alpha(c, 90) for m, c in hues.items()}
            for start, end, meaning, diff in self.marks:
                colour = (faded if diff in self.reviewed else hues).get(meaning, hues["related"])
                p.fillRect(QRectF(2, start * h, w - 4, max(2.0, (end - start) * h)), colour)
            p.end()
            self._cache = (key, pix)
        return self._cache[1]

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        h, w = float(self.height()), float(self.width())
        p.drawPixmap(0, 0, self._marks())
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
