"""The band between the panes: one ribbon per link from its A lines to its B lines, as in Meld.

Readable also across languages, where most sentences are linked and links reach far: a ribbon is
as opaque as its link is strong (its score); a link with both ends on screen is drawn whole, one
whose other end is off screen only as a faint line towards it, counted at the band's edge ("↑ 3");
a link over sentences apart on one side gets one ribbon per stretch, not a wedge over the gap; the
selected link is drawn last, over the others, in a strong outline.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from viewer import colours
from viewer.app import palette
from viewer.app.navigation import sentence_at
from viewer.app.pane import TextPane
from viewer.model import Comparison, Link


@dataclass
class Ribbon:
    link: int
    a_top: float  # band pixels
    a_bottom: float
    b_top: float
    b_bottom: float
    path: QPainterPath
    near: bool  # both ends on screen: drawn whole; else a faint line towards the end off screen


def runs(indices: list[int]) -> list[tuple[int, int]]:
    """Contiguous stretches (first, last) of sorted sentence indices."""
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and i == out[-1][1] + 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def ribbon_alpha(score: float) -> int:
    """Opacity by link strength: a weak link is a hint, a strong one a solid band."""
    return int(45 + 150 * max(0.0, min(1.0, score)))


def far_counts(ribbons: list[Ribbon], height: float, selected: int | None = None) -> tuple[int, int]:
    """Links going off screen above and below, as the band's edge counts them (the selected one
    is drawn whole)."""
    up = down = 0
    for r in ribbons:
        if r.near or r.link == selected:
            continue
        a_mid, b_mid = (r.a_top + r.a_bottom) / 2, (r.b_top + r.b_bottom) / 2
        far = b_mid if 0 <= a_mid <= height else a_mid
        up += far < 0
        down += far > height
    return up, down


class LinkBand(QWidget):
    linkClicked = Signal(int)

    def __init__(self, pane_a: TextPane, pane_b: TextPane, parent=None):
        super().__init__(parent)
        self.pane_a, self.pane_b = pane_a, pane_b
        self.comparison: Comparison | None = None
        self.selected: int | None = None
        self.kinds: list[str] = []  # the kind each link is shown as (display.Display.kinds)
        self._by_sentence: dict[tuple[str, int], int] = {}
        self.setMinimumWidth(48)
        self.setToolTip(self.tr("Which passage of A speaks of the same thing as which passage of B; "
                                "the more opaque, the closer. Click a ribbon to select both passages."))
        for pane in (pane_a, pane_b):
            pane.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(72, 200)

    def set_comparison(self, comparison: Comparison, by_sentence: dict[tuple[str, int], int],
                       kinds: list[str] | None = None) -> None:
        """`by_sentence`: the comparison's navigation.link_index (worked out off the UI thread)."""
        self.comparison = comparison
        self._by_sentence = by_sentence
        self.kinds = kinds if kinds is not None else [link.kind for link in comparison.links]
        self.selected = None
        self.update()

    def select(self, n: int | None) -> None:
        self.selected = n
        self.update()

    def _visible_links(self) -> list[int]:
        """Links with a sentence on screen in either pane: a 100,000-word pair has ~9,000 links,
        and placing every one of them at each paint would take half a second."""
        c = self.comparison
        found: set[int] = set()
        for side, pane in (("A", self.pane_a), ("B", self.pane_b)):
            doc = c.doc(side)
            first, last = pane.visible_offsets()
            lo, hi = sentence_at(doc, first), sentence_at(doc, last)
            for i in range(lo or 0, (hi if hi is not None else -1) + 1):
                n = self._by_sentence.get((side, i))
                if n is not None:
                    found.add(n)
        if self.selected is not None and self.selected < len(c.links):
            found.add(self.selected)
        return sorted(found)

    def _offset(self, pane: TextPane) -> float:
        """Band y of a pane's viewport top (the panes and the band need not start level)."""
        return float(self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y())

    def ribbons(self) -> list[Ribbon]:
        """Ribbons of the links with at least one end on screen, in band coordinates."""
        c = self.comparison
        if c is None:
            return []
        w = float(self.width())
        panes = {"A": (self.pane_a, c.a, self._offset(self.pane_a)), "B": (self.pane_b, c.b, self._offset(self.pane_b))}

        def stretches(side: str, indices: list[int]) -> list[tuple[float, float, bool]]:
            pane, doc, dy = panes[side]
            out = []
            for first, last in runs(indices):
                top, bottom = pane.view_y_range(doc.sentences[first].start, doc.sentences[last].end)
                out.append((top + dy, bottom + dy, bottom >= 0 and top <= pane.viewport().height()))
            return out

        out = []
        for n in self._visible_links():
            link = c.links[n]
            b_stretches = stretches("B", link.b)
            for at, ab, a_seen in stretches("A", link.a):
                for bt, bb, b_seen in b_stretches:
                    if not (a_seen or b_seen):
                        continue
                    path = QPainterPath(QPointF(0, at))
                    path.cubicTo(QPointF(w / 2, at), QPointF(w / 2, bt), QPointF(w, bt))
                    path.lineTo(QPointF(w, bb))
                    path.cubicTo(QPointF(w / 2, bb), QPointF(w / 2, ab), QPointF(0, ab))
                    path.closeSubpath()
                    out.append(Ribbon(n, at, ab, bt, bb, path, a_seen and b_seen))
        return out

    def _hue(self, link: Link, n: int) -> QColor:
        """The strong shade of the passages' own tint, in the theme in force."""
        kind = self.kinds[n] if n < len(self.kinds) else link.kind
        return palette.colour(f"changed_{kind}" if kind in colours.PASSAGE_HUE else "changed_related")

    def paintEvent(self, event) -> None:
        if self.comparison is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        links = self.comparison.links
        ribbons = self.ribbons()
        # the same content underneath, so the differences stay visible where ribbons cross
        ribbons.sort(key=lambda r: (r.link == self.selected, r.near,
                                    self.kinds[r.link] not in ("identical", "translation"), links[r.link].score))
        h, w = self.height(), float(self.width())
        ink = palette.colour("text")
        for r in ribbons:
            link = links[r.link]
            hue = self._hue(link, r.link)
            if r.link == self.selected:
                painter.setBrush(palette.with_alpha(hue, 230))
                painter.setPen(QPen(ink, 2.5))
                painter.drawPath(r.path)
            elif r.near:
                painter.setBrush(palette.with_alpha(hue, ribbon_alpha(link.score)))
                painter.setPen(QPen(palette.with_alpha(hue.darker(140), 160), 0.6 + link.score))
                painter.drawPath(r.path)
            else:  # the other end is off screen: a faint line towards it, counted at the edge
                a_mid, b_mid = (r.a_top + r.a_bottom) / 2, (r.b_top + r.b_bottom) / 2
                painter.setPen(QPen(palette.with_alpha(hue.darker(120), 90), 1.0, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                line = QPainterPath(QPointF(0, a_mid))
                line.cubicTo(QPointF(w / 2, a_mid), QPointF(w / 2, b_mid), QPointF(w, b_mid))
                painter.drawPath(line)
        painter.setPen(self.palette().placeholderText().color())
        up, down = far_counts(ribbons, h, self.selected)
        if up:
            painter.drawText(QRectF(0, 2, w, 16), Qt.AlignmentFlag.AlignHCenter, f"↑ {up}")
        if down:
            painter.drawText(QRectF(0, h - 18, w, 16), Qt.AlignmentFlag.AlignHCenter, f"↓ {down}")
        painter.end()

    def mousePressEvent(self, e) -> None:
        if e.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(e)
        hits = [r for r in self.ribbons() if (r.near or r.link == self.selected) and r.path.contains(e.position())]
        if hits:
            # the narrowest ribbon under the pointer is the one the user aimed at
            best = min(hits, key=lambda r: (r.a_bottom - r.a_top) + (r.b_bottom - r.b_top))
            self.linkClicked.emit(best.link)
