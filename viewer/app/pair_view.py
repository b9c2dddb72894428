"""The two texts side by side: headers, panes, the link band between them, an overview strip
beside each scroll bar, the legend above and the find bar below; scrolling in step by the
alignment, zoom that keeps the linked passage level, next/previous difference from where the
reader is, "differences only". It shows a Comparison and the reader's marks on it; it never
analyses and holds no notes (the session gives it their spans).
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from viewer.app import palette
from viewer.app.display import Display, prepare
from viewer.app.find_bar import FindBar
from viewer.app.legend import Legend
from viewer.app.link_band import LinkBand
from viewer.app.navigation import Difference, sentence_at, step_from
from viewer.app.overview import OverviewStrip
from viewer.app.pane import TextPane
from viewer.app.scroll_sync import follower_value, interpolate
from viewer.app.sentence_info import describe_sentence
from viewer.model import SIDES, Comparison, Evidence, Readout, Side, other


class SideHeader(QWidget):
    """One line above a pane: the side's letter in its colour and its name, elided to fit (the
    whole line is the tooltip), so the header never wraps onto the text."""

    def __init__(self, side: Side, parent=None):
        super().__init__(parent)
        self.side = side
        self.badge = QLabel(side, self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedWidth(20)
        self.badge.setStyleSheet(f"background: {palette.side(side).name()}; color: white; font-weight: bold; "
                                 "border-radius: 3px")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.full = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.badge)
        row.addWidget(self.label, 1)

    def set_text(self, text: str, tip: str = "") -> None:
        self.full = text
        self.setToolTip(f"{text}\n{tip}" if tip else text)
        self._elide()

    def text(self) -> str:
        return self.full

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._elide()

    def _elide(self) -> None:
        self.label.setText(self.label.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight,
                                                               max(20, self.label.width())))


def header_text(r: Readout | None, language: str | None, name: str) -> str:
    if r is None:
        return QCoreApplication.translate("PairView", "open a file, paste or drop one here")
    parts = [name]
    if r.title and r.title != r.label:
        parts.append(r.title)
    if r.date:
        parts.append(r.date)
    if language:
        parts.append(language)
    return " — ".join(parts)


class PairView(QWidget):
    linkSelected = Signal(object)  # int | None: the link the reader picked
    noteRequested = Signal(str, str, int)  # message for the status line, ms
    differenceShown = Signal(object)  # Difference | None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.display: Display | None = None
        self.names: dict[Side, str] = {"A": "A", "B": "B"}
        self.panes: dict[Side, TextPane] = {side: TextPane(side, self) for side in SIDES}
        self.headers: dict[Side, SideHeader] = {side: SideHeader(side, self) for side in SIDES}
        self.strips = {side: OverviewStrip(self.panes[side], self) for side in SIDES}
        self.band = LinkBand(self.panes["A"], self.panes["B"], self)
        self.legend = Legend(self)
        self.find_bar = FindBar(self.panes, self)
        self.find_bar.hide()
        self.focused_side: Side = "A"
        self.sync = True  # View > Scroll Together
        self.differences_only = False
        self.reviewed: set[str] = set()  # keys of the differences the reader ticked
        self._syncing = False
        self._current_diff = -1
        self._placed: dict[Side, int] = {}  # where a jump to a difference left each pane's cursor
        self._point_size = palette.DEFAULT_POINT_SIZE
        self._build()
        for side, pane in self.panes.items():
            pane.verticalScrollBar().valueChanged.connect(lambda v, s=side: self._scrolled(s, v))
            pane.offsetClicked.connect(self._clicked)
            pane.focused.connect(self._focused)
            pane.tooltip_for = lambda offset, s=side: self._tooltip(s, offset)
            self.strips[side].jumped.connect(self._strip_jump)
        self.band.linkClicked.connect(self.select_link)
        self.find_bar.matchChosen.connect(self._show_match)

    def _build(self) -> None:
        vbox = QVBoxLayout(self)
        vbox.setContentsMargins(0, 0, 0, 0)
        vbox.setSpacing(2)
        vbox.addWidget(self.legend)
        heads = QHBoxLayout()
        heads.addWidget(self.headers["A"], 1)
        heads.addSpacing(self.band.sizeHint().width() + self.strips["A"].width())
        heads.addWidget(self.headers["B"], 1)
        heads.addSpacing(self.strips["B"].width())
        vbox.addLayout(heads)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.panes["A"], 1)
        row.addWidget(self.strips["A"])
        row.addWidget(self.band)
        row.addWidget(self.panes["B"], 1)
        row.addWidget(self.strips["B"])
        self.band.setFixedWidth(self.band.sizeHint().width())
        vbox.addLayout(row, 1)
        vbox.addWidget(self.find_bar)

    # --- texts ----------------------------------------------------------------------
    def show_readouts(self, readouts: dict[Side, Readout | None], names: dict[Side, str]) -> None:
        """The texts as they are read, before (or without) an analysis: a long pair is readable
        at once, and a search runs on it."""
        for side in SIDES:
            r = self.readouts_text(readouts[side])
            if self.panes[side].text() != r:
                self.panes[side].set_text(r)
            self.set_header(side, readouts[side], None, names[side])
        self.find_bar.refresh()

    @staticmethod
    def readouts_text(r: Readout | None) -> str:
        return r.text if r is not None else ""

    def set_header(self, side: Side, r: Readout | None, language: str | None, name: str) -> None:
        self.headers[side].set_text(header_text(r, language, name),
                                    (r.source or self.tr("pasted text")) if r is not None else "")

    def show_comparison(self, c: Comparison, display: Display | None, names: dict[Side, str]) -> None:
        """Show a comparison; `display` is its colouring worked out beforehand (by the worker)."""
        display = display or prepare(c)
        self.comparison, self.display, self.names = c, display, dict(names)
        self._current_diff = -1
        self._placed = {}
        for side in SIDES:
            doc, pane, spans = c.doc(side), self.panes[side], display.spans[side]
            if pane.text() != doc.text:
                pane.set_text(doc.text)
                pane.paint_spans_gradually(spans)
            elif pane.is_plain(doc.text):
                pane.paint_spans_gradually(spans)  # the text shown while it was analysed
            elif not pane.has_spans(spans):
                pane.repaint_spans(spans)  # the same text coloured anew: the reader stays where they are
            self.set_header(side, doc.readout, doc.language, names[side])
        self.band.set_comparison(c, display.links_by_sentence, display.kinds)
        kinds = set(display.kinds)
        self.legend.set_kinds(kinds, wording=any(s[2].startswith("changed_") for side in SIDES
                                                 for s in display.spans[side]))
        self._update_strips()
        if self.differences_only:
            self._apply_differences_only()
        self.find_bar.refresh()

    def set_display(self, display: Display) -> None:
        """The same comparison coloured anew (ignore options changed)."""
        if self.comparison is not None:
            self.show_comparison(self.comparison, display, self.names)

    def _update_strips(self) -> None:
        if self.display is not None:
            for side in SIDES:
                self.strips[side].set_marks(self.display.overview[side], self.reviewed)

    # --- where the reader is ------------------------------------------------------------
    def _focused(self, side: str) -> None:
        self.focused_side = side  # type: ignore[assignment]

    def focused_pane(self) -> TextPane:
        return self.panes[self.focused_side]

    def _tooltip(self, side: Side, offset: int) -> str | None:
        c = self.comparison
        if c is None:
            return None
        i = sentence_at(c.doc(side), offset)
        if i is None:
            return None
        n = self.display.links_by_sentence.get((side, i)) if self.display else None
        link = c.links[n] if n is not None else None
        kind = self.display.kinds[n] if n is not None and self.display else None
        return describe_sentence(c, side, i, link, kind)

    # --- scrolling in step ------------------------------------------------------------
    def _anchors(self, leader: Side) -> list[tuple[float, float]]:
        c = self.comparison
        pts: list[tuple[float, float]] = []
        for n in self.display.sync_links if self.display else []:
            link = c.links[n]
            ys = {}
            for side, idx in (("A", link.a), ("B", link.b)):
                doc = c.doc(side)
                ys[side] = self.panes[side].doc_y_range(doc.sentences[min(idx)].start, doc.sentences[max(idx)].end)
            f = other(leader)
            pts.append((ys[leader][0], ys[f][0]))
            pts.append((ys[leader][1], ys[f][1]))
        pts.sort()
        return pts

    def _scrolled(self, side: Side, value: int) -> None:
        if self._syncing or self.comparison is None or not self.sync:
            return
        lead, follow = self.panes[side], self.panes[other(side)]
        anchors = self._anchors(side)
        bar, fbar = lead.verticalScrollBar(), follow.verticalScrollBar()
        target = follower_value(value, bar.maximum(), lead.viewport().height(), fbar.maximum(),
                                follow.viewport().height(), lambda y: interpolate(anchors, y))
        self._syncing = True
        try:
            fbar.setValue(target)
        finally:
            self._syncing = False

    def follow(self, side: Side) -> None:
        """Bring the other pane level with this one."""
        self._scrolled(side, self.panes[side].verticalScrollBar().value())

    def set_sync(self, on: bool) -> None:
        self.sync = on
        if on:
            self.follow(self.focused_side)

    def reveal(self, evidence: list[Evidence]) -> None:
        """Scroll both panes to these sentences and frame them (used by every panel)."""
        if self.comparison is None:
            return
        by_side: dict[Side, list[int]] = {"A": [], "B": []}
        for e in evidence:
            by_side[e.side].append(e.sentence)
        self._syncing = True
        try:
            for side in SIDES:
                doc, pane = self.comparison.doc(side), self.panes[side]
                spans = [(doc.sentences[i].start, doc.sentences[i].end) for i in sorted(set(by_side[side]))
                         if 0 <= i < len(doc.sentences)]
                pane.select_spans(spans)
                if spans:
                    pane.centre_on(spans[0][0], spans[0][1])
        finally:
            self._syncing = False
        # a side without evidence follows the other by the alignment
        for side in SIDES:
            if by_side[side] and not by_side[other(side)]:
                self.follow(side)
        self.band.update()

    def select_link(self, n: int | None) -> None:
        self.band.select(n)
        self.linkSelected.emit(n)
        if n is not None:
            link = self.comparison.links[n]
            self.reveal([Evidence("A", i) for i in link.a] + [Evidence("B", j) for j in link.b])

    def _clicked(self, side: Side, offset: int) -> None:
        if self.comparison is None:
            return
        i = sentence_at(self.comparison.doc(side), offset)
        if i is None:
            return
        n = self.display.links_by_sentence.get((side, i))
        if n is not None:
            self.select_link(n)
        else:
            self.band.select(None)
            self.linkSelected.emit(None)
            self.reveal([Evidence(side, i)])

    def _show_match(self, side: Side, start: int, end: int) -> None:
        """A find match: its pane scrolls to it, the other follows by the alignment."""
        pane = self.panes[side]
        top, bottom = pane.view_y_range(start, end)
        if top < 0 or bottom > pane.viewport().height():
            pane.centre_on(start, end)
        self.follow(side)

    def _strip_jump(self, side: Side, offset: int) -> None:
        self.panes[side].centre_on(offset, offset + 1)
        self.follow(side)

    # --- differences ----------------------------------------------------------------
    @property
    def differences(self) -> list[Difference]:
        return self.display.differences if self.display else []

    def current_difference(self) -> Difference | None:
        diffs = self.differences
        return diffs[self._current_diff] if 0 <= self._current_diff < len(diffs) else None

    def go_difference(self, step: int) -> None:
        """F7 / Shift+F7: the next or previous difference from where the reader is (the cursor
        in the pane they work in, or the top of its view), wrapping round the ends."""
        diffs = self.differences
        if not diffs:
            self.noteRequested.emit(self.tr("No differences"), "", 3000)
            return
        side, pane = self.focused_side, self.focused_pane()
        offset = pane.cursor_offset()
        moved = pane.model_offset(pane.textCursor().position()) != self._placed.get(side)
        if 0 <= self._current_diff < len(diffs) and not moved:
            k = self._current_diff + step  # the reader has not moved since the last jump
            k, wrapped = k % len(diffs), not 0 <= k < len(diffs)
        else:
            here = offset if offset is not None else pane.top_offset()
            k, wrapped = step_from(diffs, side, sentence_at(self.comparison.doc(side), here) or 0, step)
        self.show_difference(k)
        d = diffs[k]
        note = self.tr("Difference {k} of {n}").format(k=k + 1, n=len(diffs))
        if d.key in self.reviewed:
            note += self.tr(" (reviewed)")
        if wrapped:
            note += self.tr(", wrapped to the first") if step > 0 else self.tr(", wrapped to the last")
        self.noteRequested.emit(note, "", 3000)

    def show_difference(self, k: int) -> None:
        d = self.differences[k]
        self._current_diff = k
        self.band.select(d.link)
        self.reveal([Evidence("A", i) for i in d.a] + [Evidence("B", j) for j in d.b])
        self._placed = {}
        for side, idx in (("A", d.a), ("B", d.b)):
            pane = self.panes[side]
            if idx:
                pane.place_cursor(self.comparison.doc(side).sentences[min(idx)].start)
            # where the jump left the cursor: while it stays there, F7 goes on from this difference
            self._placed[side] = pane.model_offset(pane.textCursor().position())
        self.differenceShown.emit(d)

    def set_reviewed(self, keys: set[str]) -> None:
        if set(keys) != self.reviewed:
            self.reviewed = set(keys)
            self._update_strips()

    # --- differences only -------------------------------------------------------------
    def set_differences_only(self, on: bool) -> None:
        self.differences_only = on
        self._apply_differences_only()

    def _apply_differences_only(self) -> None:
        c = self.comparison
        for side in SIDES:
            pane = self.panes[side]
            if c is None or not self.differences_only:
                pane.show_only(None)
                continue
            doc = c.doc(side)
            wanted = sorted({i for d in self.differences for i in (d.a if side == "A" else d.b)})
            spans = [(doc.sentences[i].start, doc.sentences[i].end) for i in wanted]
            starts = [s for s, _e in spans]

            def keep(start: int, end: int, spans=spans, starts=starts) -> bool:
                k = bisect_right(starts, end) - 1  # the last difference starting before the paragraph ends
                return k >= 0 and spans[k][1] > start

            pane.show_only(keep)
        self.band.update()

    # --- view -----------------------------------------------------------------------
    def set_text_font(self, font: QFont) -> None:
        """A new font (zoom): the passage at the top of the pane the reader works in stays at the
        top, and the other pane comes level with it."""
        side = self.focused_side
        pane = self.panes[side]
        anchor = pane.top_offset() if pane.text() else None
        for p in self.panes.values():
            p.setFont(font)
        if anchor is not None:
            self._keep_at_top(side, anchor)
            QTimer.singleShot(0, lambda: self._keep_at_top(side, anchor))  # once Qt has laid the text out again
        QTimer.singleShot(0, self.band.update)

    def _keep_at_top(self, side: Side, offset: int) -> None:
        pane = self.panes[side]
        top, _bottom = pane.doc_y_range(offset, offset + 1)
        self._syncing = True
        try:
            pane.verticalScrollBar().setValue(int(top))
        finally:
            self._syncing = False
        self.follow(side)
        self.band.update()

    def set_wrap(self, on: bool) -> None:
        mode = TextPane.LineWrapMode.WidgetWidth if on else TextPane.LineWrapMode.NoWrap
        for pane in self.panes.values():
            pane.setLineWrapMode(mode)
        self.band.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.band.update()

    def selected_pair_text(self) -> str | None:
        """The selected link's two passages, each under its side's name, for the clipboard."""
        c, n = self.comparison, self.band.selected
        if c is None or n is None:
            return None
        link = c.links[n]
        parts = []
        for side, idx in (("A", link.a), ("B", link.b)):
            doc = c.doc(side)
            parts.append(f"{side} — {c.label(side)}:\n" + " ".join(doc.sentences[i].text for i in sorted(idx)))
        return "\n\n".join(parts)

