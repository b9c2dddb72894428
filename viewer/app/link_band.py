"""The band between the panes: one ribbon per link from its A lines to its B lines, as in Meld."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from viewer.app import palette
from viewer.app.navigation import sentence_at
from viewer.app.pane import TextPane
from viewer.model import Comparison


@dataclass
class Ribbon:
    link: int
    a_top: float  # band pixels
    a_bottom: float
    b_top: float
    b_bottom: float
    path: QPainterPath


class LinkBand(QWidget):
    linkClicked = Signal(int)

    def __init__(self, pane_a: TextPane, pane_b: TextPane, parent=None):
        super().__init__(parent)
        self.pane_a, self.pane_b = pane_a, pane_b
        self.comparison: Comparison | None = None
        self.selected: int | None = None
        self._by_sentence: dict[tuple[str, int], int] = {}
        self.setMinimumWidth(48)
        self.setToolTip(self.tr("Which passage of A speaks of the same thing as which passage of B"))
        for pane in (pane_a, pane_b):
            pane.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(64, 200)

    def set_comparison(self, comparison: Comparison, by_sentence: dict[tuple[str, int], int]) -> None:
        """`by_sentence`: the comparison's navigation.link_index (worked out off the UI thread)."""
        self.comparison = comparison
        self._by_sentence = by_sentence
        self.selected = None
        self.update()

    def _visible_links(self) -> list[int]:
        """Links with a sentence on screen in either pane: a 100,000-word pair has ~9,000 links,
        and placing every one of them at each paint would take half a second."""
        c = self.comparison
        found: set[int] = set()
        for side, pane in (("A", self.pane_a), ("B", self.pane_b)):
            doc, view = c.doc(side), pane.viewport()
            first, last = (pane.model_offset(pane.cursorForPosition(p).position())
                           for p in (QPoint(0, 0), QPoint(view.width() - 1, view.height() - 1)))
            lo, hi = sentence_at(doc, first), sentence_at(doc, last)
            for i in range(lo or 0, (hi if hi is not None else -1) + 1):
                n = self._by_sentence.get((side, i))
                if n is not None:
                    found.add(n)
        return sorted(found)

    def _band_y(self, pane: TextPane, y: float) -> float:
        return self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, int(y)))).y() + (y - int(y))

    def ribbons(self) -> list[Ribbon]:
        """Ribbons of the links with at least one end on screen, in band coordinates."""
        c = self.comparison
        if c is None:
            return []
        w = float(self.width())
        limit_a, limit_b = self.pane_a.viewport().height(), self.pane_b.viewport().height()
        out = []
        for n in self._visible_links():
            link = c.links[n]
            sa = [c.a.sentences[i] for i in link.a]
            sb = [c.b.sentences[j] for j in link.b]
            at, ab = self.pane_a.view_y_range(min(s.start for s in sa), max(s.end for s in sa))
            bt, bb = self.pane_b.view_y_range(min(s.start for s in sb), max(s.end for s in sb))
            if (ab < 0 or at > limit_a) and (bb < 0 or bt > limit_b):
                continue
            at, ab = self._band_y(self.pane_a, at), self._band_y(self.pane_a, ab)
            bt, bb = self._band_y(self.pane_b, bt), self._band_y(self.pane_b, bb)
            path = QPainterPath(QPointF(0, at))
            path.cubicTo(QPointF(w / 2, at), QPointF(w / 2, bt), QPointF(w, bt))
            path.lineTo(QPointF(w, bb))
            path.cubicTo(QPointF(w / 2, bb), QPointF(w / 2, ab), QPointF(0, ab))
            path.closeSubpath()
            out.append(Ribbon(n, at, ab, bt, bb, path))
        return out

    def paintEvent(self, event) -> None:
        if self.comparison is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        links = self.comparison.links
        ribbons = self.ribbons()
        # identical links underneath, so the differences stay visible where ribbons cross
        ribbons.sort(key=lambda r: (r.link == self.selected, links[r.link].kind != "identical"))
        for r in ribbons:
            kind = links[r.link].kind
            painter.setBrush(palette.KIND_RIBBON[kind])
            edge = palette.KIND_RIBBON[kind].darker(130)
            edge.setAlpha(200)
            pen = QPen(edge, 2.0 if r.link == self.selected else 0.8)
            if r.link == self.selected:
                pen.setColor(self.palette().highlight().color())
            painter.setPen(pen)
            painter.drawPath(r.path)
        painter.end()

    def mousePressEvent(self, e) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(e)
        hits = [r for r in self.ribbons() if r.path.contains(e.position())]
        if hits:
            # the narrowest ribbon under the pointer is the one the user aimed at
            best = min(hits, key=lambda r: (r.a_bottom - r.a_top) + (r.b_bottom - r.b_top))
            self.linkClicked.emit(best.link)
