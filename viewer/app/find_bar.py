"""Ctrl+F: a bar under the panes that searches both texts at once, counts the matches in each,
highlights them all, and steps through them (F3 / Shift+F3), wrapping at the ends.

A search that finds nothing moves nothing: both panes stay where the reader was. A search typed
before the texts are there (while a file is read or analysed) runs when they arrive.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.app.pane import TextPane
from viewer.model import SIDES, Side

Match = tuple[Side, int, int]  # side, start, end (model offsets)


class FindBar(QWidget):
    closed = Signal()
    matchChosen = Signal(str, int, int)  # side, start, end: the window brings it into view

    def __init__(self, panes: dict[Side, TextPane], parent=None):
        super().__init__(parent)
        self.panes = panes
        self.matches: list[Match] = []
        self.current: int | None = None
        self.side: Side = "A"  # the pane the reader was in: the search starts there
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in both texts"))
        self.edit.setClearButtonEnabled(True)
        self.case = QCheckBox(self.tr("Match &case"), self)
        self.status = QLabel(self)
        prev_btn, next_btn, close_btn = QToolButton(self), QToolButton(self), QToolButton(self)
        prev_btn.setText(self.tr("Previous"))
        prev_btn.setToolTip(self.tr("Previous match (Shift+F3)"))
        next_btn.setText(self.tr("Next"))
        next_btn.setToolTip(self.tr("Next match (F3, Enter)"))
        close_btn.setText("✕")
        close_btn.setToolTip(self.tr("Close the find bar (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        for w in (self.case, prev_btn, next_btn, self.status, close_btn):
            layout.addWidget(w)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(lambda _t: self.refresh())
        self.case.toggled.connect(lambda _on: self.refresh())
        next_btn.clicked.connect(self.find_next)
        prev_btn.clicked.connect(self.find_previous)
        close_btn.clicked.connect(self.close_bar)

    def open_on(self, side: Side) -> None:
        self.side = side
        self.show()
        selected = self.panes[side].textCursor().selectedText()
        if selected and "\u2029" not in selected:  # a passage over paragraphs is no search
            self.edit.setText(selected)
        self.edit.setFocus()
        self.edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], None
        self._highlight()
        self.closed.emit()

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(e)

    # --- searching ------------------------------------------------------------------
    def _search(self) -> list[Match]:
        text = self.edit.text()
        if not text:
            return []
        pattern = re.compile(re.escape(text), 0 if self.case.isChecked() else re.IGNORECASE)
        return [(side, m.start(), m.end()) for side in SIDES for m in pattern.finditer(self.panes[side].text())]

    def refresh(self) -> None:
        """Search again (new words, the case option, texts that arrived). The current match stays
        if it still matches; else the first one from where the reader is. Nothing moves when
        nothing matches."""
        if not self.isVisible() and not self.matches:
            return
        old = self.matches[self.current] if self.current is not None else None
        self.matches = self._search()
        self.current = None
        if self.matches:
            if old is not None:
                anchor_side, anchor = old[0], old[1]
            else:
                anchor_side, anchor = self.side, self.panes[self.side].top_offset()
            self.current = self._first_from(anchor_side, anchor)
        self._highlight()
        if self.current is not None and self.matches[self.current] != old:
            self.matchChosen.emit(*self.matches[self.current])

    def _first_from(self, side: Side, offset: int) -> int:
        """The first match at or after `offset` in `side`, else the other side's first, else the first."""
        for k, (s, start, _end) in enumerate(self.matches):
            if s == side and start >= offset:
                return k
        for k, (s, _start, _end) in enumerate(self.matches):
            if s != side:
                return k
        return 0

    def find_next(self) -> bool:
        return self._step(+1)

    def find_previous(self) -> bool:
        return self._step(-1)

    def _step(self, step: int) -> bool:
        if not self.isVisible():
            self.open_on(self.side)
        if not self.matches:
            self.refresh()
        if not self.matches:
            return False
        k = (self.current + step) if self.current is not None else (0 if step > 0 else len(self.matches) - 1)
        wrapped = not 0 <= k < len(self.matches)
        self.current = k % len(self.matches)
        self._highlight(wrapped)
        self.matchChosen.emit(*self.matches[self.current])
        return True

    def _highlight(self, wrapped: bool = False) -> None:
        for side in SIDES:
            mine = [(k, (s, e)) for k, (sd, s, e) in enumerate(self.matches) if sd == side]
            current = next((j for j, (k, _span) in enumerate(mine) if k == self.current), None)
            self.panes[side].set_find_matches([span for _k, span in mine], current)
        self.status.setText(self._status(wrapped))

    def _status(self, wrapped: bool) -> str:
        if not self.edit.text():
            return ""
        if not any(self.panes[side].text() for side in SIDES):
            return self.tr("Searching when the texts arrive")
        if not self.matches:
            return self.tr("Not found")
        counts = self.counts()
        text = self.tr("{k} of {n} (A: {a}, B: {b})").format(
            k=(self.current or 0) + 1, n=len(self.matches), a=counts["A"], b=counts["B"])
        return text + (self.tr(", wrapped") if wrapped else "")

    def counts(self) -> dict[Side, int]:
        return {side: sum(1 for m in self.matches if m[0] == side) for side in SIDES}
