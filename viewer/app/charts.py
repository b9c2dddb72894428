"""The emphasis charts, drawn with QPainter (Essentials has no QtCharts and we want no web view).

Both charts put side A on the left and side B on the right, in the same two Okabe-Ito hues, and
take their text and line colours from the widget's palette so they read on light and dark themes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.app import palette

SIDE_COLOUR = {"A": palette.side("A"), "B": palette.side("B")}  # viewer/colours.py: one colour per side everywhere
STUB = 5.0  # px: a topic touched only in passing still gets a visible (hatched) mark
PAD = 6.0


def side_brush(side: str, light: bool) -> QBrush:
    """Solid for what a side discusses; hatched for what it only touches in passing."""
    colour = QColor(SIDE_COLOUR[side])
    return QBrush(colour, Qt.BrushStyle.BDiagPattern if light else Qt.BrushStyle.SolidPattern)


@dataclass
class BarRow:
    key: str
    label: str
    a: float  # share, 0..1
    b: float
    light_a: bool = False  # only in passing on this side: hatched stub
    light_b: bool = False
    tip: str = ""


class _Chart(QWidget):
    """Shared plumbing: rows keyed by id, a selected key, clicks and tooltips by hit-test."""

    clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.selected: str | None = None
        self.rows: list[BarRow | SlopeRow] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[BarRow | SlopeRow]) -> None:
        self.rows = rows
        self.selected = None
        self.updateGeometry()
        self.update()

    def key_at(self, pos: QPointF) -> str | None:
        raise NotImplementedError

    def tip_for(self, key: str) -> str:
        return next(r.tip for r in self.rows if r.key == key)

    def _begin_paint(self) -> tuple[QPainter, QColor, QColor, QFontMetrics]:
        """An antialiased painter, the palette's text and mid colours, and the font's metrics."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        return p, pal.text().color(), pal.mid().color(), QFontMetrics(self.font())

    def select(self, key: str | None) -> None:
        self.selected = key
        self.update()

    def mousePressEvent(self, e) -> None:
        key = self.key_at(e.position())
        if key is not None and e.button() == Qt.MouseButton.LeftButton:
            self.select(key)
            self.clicked.emit(key)
        super().mousePressEvent(e)

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            key = self.key_at(QPointF(e.pos()))
            if key is not None:
                QToolTip.showText(e.globalPos(), self.tip_for(key), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _row_height(self) -> float:
        return QFontMetrics(self.font()).height() + 6.0

    def _selection_fill(self) -> QColor:
        return palette.with_alpha(self.palette().highlight().color(), 70)


class DivergingBars(_Chart):
    """One row per item: its label on a line of its own (never cut for room), and under it A's
    share as a bar to the left of the centre, B's to the right, so one glance shows who gives a
    topic (or a speaker) more room."""

    rows: list[BarRow]

    def sizeHint(self) -> QSize:
        return QSize(320, int(self._top() + self._row_height() * max(1, len(self.rows)) + PAD))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _row_height(self) -> float:
        return QFontMetrics(self.font()).height() * 1.8 + 8.0  # the label, then the bars

    def _top(self) -> float:
        return QFontMetrics(self.font()).height() + 6.0  # the scale line

    def _scale(self) -> float:
        """The largest share shown, so the longest bar fills its half."""
        return max([0.05] + [max(r.a, r.b) for r in self.rows])

    def key_at(self, pos: QPointF) -> str | None:
        k = int((pos.y() - self._top()) // self._row_height())
        return self.rows[k].key if pos.y() >= self._top() and 0 <= k < len(self.rows) else None

    def paintEvent(self, _event) -> None:
        p, text, mid, fm = self._begin_paint()
        w, rh, top = float(self.width()), self._row_height(), self._top()
        centre = w / 2
        half = centre - PAD - 2
        scale = self._scale()
        line = fm.height()
        p.setPen(text)
        p.drawText(QRectF(PAD, 0, half, line + 4), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   f"A ← {scale:.0%}")
        p.drawText(QRectF(centre, 0, half, line + 4), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"{scale:.0%} → B")
        for k, row in enumerate(self.rows):
            y = top + k * rh
            if row.key == self.selected:
                p.fillRect(QRectF(0, y, w, rh), self._selection_fill())
            p.setPen(text)
            label = fm.elidedText(row.label, Qt.TextElideMode.ElideRight, int(w - 2 * PAD))
            p.drawText(QRectF(PAD, y + 2, w - 2 * PAD, line), Qt.AlignmentFlag.AlignCenter, label)
            bar_y, bar_h = y + line + 4, rh - line - 8
            for side, value, light in (("A", row.a, row.light_a), ("B", row.b, row.light_b)):
                length = half * value / scale if value > 0 else (STUB if light else 0.0)
                if length <= 0:
                    continue
                x = centre - 1 - length if side == "A" else centre + 1
                p.setPen(QPen(SIDE_COLOUR[side], 1))
                p.setBrush(side_brush(side, light and value <= 0))
                p.drawRect(QRectF(x, bar_y, length, bar_h))
            p.setPen(QPen(mid, 1))  # the centre axis beside the bars, never through the label
            p.drawLine(QPointF(centre, bar_y - 2), QPointF(centre, bar_y + bar_h + 2))
        p.end()


@dataclass
class SlopeRow:
    key: str
    label: str
    rank_a: int | None  # None: absent on that side
    rank_b: int | None
    passing_a: bool = False  # absent but touched in passing
    passing_b: bool = False
    tip: str = ""


class SlopeChart(_Chart):
    """The order of topics: rank in A on the left, rank in B on the right, a line per topic.
    A topic one side does not discuss ends in the "absent" slot at the bottom, so what one side
    leads with and the other buries or leaves out shows as a steep line."""

    rows: list[SlopeRow]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.absent_label = self.tr("absent")
        self._fit: tuple[tuple, float] = ((), 0.0)  # (width, rows, font) -> row height

    def _slots(self) -> int:
        ranks = [r for row in self.rows for r in (row.rank_a, row.rank_b) if r is not None]
        return max(ranks, default=0) + 1  # + the absent slot

    def sizeHint(self) -> QSize:
        return QSize(320, int(self._row_height() * (self._slots() + 1) + 2 * PAD))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _y(self, rank: int | None) -> float:
        slot = rank if rank is not None else self._slots()
        return PAD + self._row_height() * (slot + 0.5)

    def _columns(self) -> tuple[float, float, float]:
        """x of the A axis, x of the B axis, width of a label column (the lines keep 50 px)."""
        label_w = max(60.0, (self.width() - 2 * PAD - 50) / 2)
        return PAD + label_w, self.width() - PAD - label_w, label_w

    def _row_height(self) -> float:
        """Two lines a slot when a label would not fit on one: topic labels are never cut."""
        fm = QFontMetrics(self.font())
        width = int(self._columns()[2] - 12)
        key = (width, id(self.rows), fm.height())
        if self._fit[0] != key:
            long = any(fm.horizontalAdvance(f"{max(r.rank_a or 0, r.rank_b or 0)}. {r.label}") > width
                       for r in self.rows)
            self._fit = (key, fm.height() * (2 if long else 1) + 6.0)
        return self._fit[1]

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self.updateGeometry()  # the height follows the label lines

    def _ends(self, row: SlopeRow) -> dict[str, tuple[QPointF, QRectF]]:
        xa, xb, lw = self._columns()
        rh = self._row_height()
        ends = {}
        for side, rank, x, lx in (("A", row.rank_a, xa, PAD), ("B", row.rank_b, xb, xb + 8)):
            if rank is None:
                continue  # an absent end has no label of its own: the line says where it went
            y = self._y(rank)
            ends[side] = (QPointF(x, y), QRectF(lx, y - rh / 2, lw - 8, rh))
        return ends

    def key_at(self, pos: QPointF) -> str | None:
        for row in self.rows:
            for point, rect in self._ends(row).values():
                if rect.contains(pos) or (abs(point.x() - pos.x()) < 8 and abs(point.y() - pos.y()) < 8):
                    return row.key
        return None

    def paintEvent(self, _event) -> None:
        p, text, mid, fm = self._begin_paint()
        xa, xb, lw = self._columns()
        rh = self._row_height()
        p.setPen(text)
        p.drawText(QRectF(xa - 20, 0, 40, PAD + rh * 0.8), Qt.AlignmentFlag.AlignCenter, "A")
        p.drawText(QRectF(xb - 20, 0, 40, PAD + rh * 0.8), Qt.AlignmentFlag.AlignCenter, "B")
        absent_y = self._y(None)
        p.setPen(QPen(mid, 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(xa, absent_y - rh / 2), QPointF(xb, absent_y - rh / 2))
        p.setPen(mid)
        p.drawText(QRectF(xa, absent_y - rh / 2, xb - xa, rh), Qt.AlignmentFlag.AlignCenter, self.absent_label)
        for row in sorted(self.rows, key=lambda r: r.key == self.selected):  # the selected line on top
            ya, yb = self._y(row.rank_a), self._y(row.rank_b)
            chosen = row.key == self.selected
            colour = self._line_colour(row, mid)
            p.setPen(QPen(colour, 3.5 if chosen else 1.6,
                          Qt.PenStyle.DashLine if None in (row.rank_a, row.rank_b) else Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(xa, ya), QPointF(xb, yb))
            for side, rank, passing, x, y in (("A", row.rank_a, row.passing_a, xa, ya),
                                               ("B", row.rank_b, row.passing_b, xb, yb)):
                p.setPen(QPen(SIDE_COLOUR[side], 1.5))
                # absent: a hollow dot; absent but touched in passing: hatched
                p.setBrush(QBrush(SIDE_COLOUR[side]) if rank is not None
                           else side_brush(side, True) if passing else Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(x, y), 4, 4)
            for side, (_point, rect) in self._ends(row).items():
                if chosen:
                    p.fillRect(rect, self._selection_fill())
                p.setPen(text)
                rank = row.rank_a if side == "A" else row.rank_b
                box = rect.adjusted(0, 0, -4, 0) if side == "A" else rect
                align = Qt.AlignmentFlag.AlignRight if side == "A" else Qt.AlignmentFlag.AlignLeft
                p.drawText(box, align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, f"{rank}. {row.label}")
        p.end()

    @staticmethod
    def _line_colour(row: SlopeRow, neutral: QColor) -> QColor:
        """The colour of the side that puts the topic higher; neutral when both rank it alike."""
        a = row.rank_a if row.rank_a is not None else 10**6
        b = row.rank_b if row.rank_b is not None else 10**6
        return SIDE_COLOUR["A"] if a < b else SIDE_COLOUR["B"] if b < a else neutral
