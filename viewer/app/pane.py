"""One side's text: read-only, coloured by the comparison, with geometry helpers for the link
band and the scroll sync, sentence tooltips, and file drops.

Offsets in the model are Python string indices (code points); Qt counts UTF-16 units, so
characters outside the Basic Multilingual Plane shift positions and are accounted for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextEdit, QToolTip

from viewer.app import palette
from viewer.model import Side

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # characters Qt counts as two UTF-16 units
PAINT_CHUNK = 150  # spans in reading order: a few ms a chunk on this machine
TEXT_CHUNK = 10_000  # characters appended a turn: ~5 ms of layout


class TextPane(QTextEdit):
    fileDropped = Signal(str, str)  # side, path
    offsetClicked = Signal(str, int)  # side, character offset (model units)

    def __init__(self, side: Side, parent=None):
        super().__init__(parent)
        self.side = side
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFont(palette.text_font())
        self.document().setUndoRedoEnabled(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._astral: list[int] = []  # code-point offsets of characters that take two UTF-16 units
        self._note_marks: list[QTextEdit.ExtraSelection] = []  # annotated passages, under any selection
        self.tooltip_for: Callable[[int], str | None] | None = None  # offset -> tooltip text
        self.setObjectName(f"pane{side}")
        self._pending: list[tuple[int, int, QColor]] = []  # spans still to paint, in order
        self._text_pending: list[str] = []  # the rest of a long text, appended before any span is painted
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._paint_next)

    # --- text and marks -------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show `text`; a long one arrives TEXT_CHUNK characters per turn of the event loop, since
        Qt lays a QTextEdit's document out in steps of up to 200,000 characters (~150 ms each),
        while an appended chunk is laid out on its own."""
        self._pending = []
        self._text_pending = []
        self._paint_timer.stop()
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self.setPlainText(text[:TEXT_CHUNK])
        self._text_pending = [text[k:k + TEXT_CHUNK] for k in range(TEXT_CHUNK, len(text), TEXT_CHUNK)]
        if self._text_pending:
            self._paint_timer.start()
        self._note_marks = []
        self.setExtraSelections([])

    def qt_pos(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def model_offset(self, pos: int) -> int:
        """Inverse of qt_pos (positions inside a surrogate pair fall on the character)."""
        lo, hi = 0, len(self._astral)
        while lo < hi:  # count astral characters whose second unit lies before pos
            mid = (lo + hi) // 2
            if self._astral[mid] + mid + 1 < pos:
                lo = mid + 1
            else:
                hi = mid
        return pos - lo

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        last = self.document().characterCount() - 1
        cursor.setPosition(min(self.qt_pos(start), last))
        cursor.setPosition(min(self.qt_pos(end), last), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def paint_spans(self, spans: list[tuple[int, int, QColor]]) -> None:
        """Lasting background marks, written into the document once (cheap to repaint)."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, colour in spans:
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            c = self.cursor_for(start, end)
            c.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def paint_spans_gradually(self, spans: list[tuple[int, int, QColor]]) -> None:
        """paint_spans, a chunk per turn of the event loop: every edit block costs a relayout, and
        20,000 spans of a 100,000-word text at once would freeze the window for seconds."""
        if len(spans) <= PAINT_CHUNK and not self._text_pending:
            self.paint_spans(spans)
            return
        self._pending = list(spans)
        self._paint_timer.start()

    def _paint_next(self) -> None:
        """One step: the next piece of text while any is left, then the next chunk of spans."""
        if self._text_pending:
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(self._text_pending.pop(0), QTextCharFormat())
        else:
            chunk, self._pending = self._pending[:PAINT_CHUNK], self._pending[PAINT_CHUNK:]
            self.paint_spans(chunk)
        if not self._pending and not self._text_pending:
            self._paint_timer.stop()

    def is_painting(self) -> bool:
        """True until the whole text is in and coloured."""
        return bool(self._pending or self._text_pending)

    def select_spans(self, spans: list[tuple[int, int]]) -> None:
        """The transient highlight of what the user picked (extra selections, easily cleared)."""
        selections = []
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(start, end)
            sel.format.setBackground(palette.SELECTED)
            # yellow over the orange of one-sided text is a faint change: an underline makes it plain
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            sel.format.setUnderlineColor(palette.SELECTED_LINE)
            selections.append(sel)
        self.setExtraSelections(self._note_marks + selections)

    def set_note_spans(self, spans: list[tuple[int, int]]) -> None:
        """Mark annotated passages with a wavy underline that stays under the transient selection."""
        keep = self.extraSelections()[len(self._note_marks):]
        self._note_marks = []
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(start, end)
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            sel.format.setUnderlineColor(palette.tint("vermillion", 255))
            self._note_marks.append(sel)
        self.setExtraSelections(self._note_marks + keep)

    # --- geometry -------------------------------------------------------------------
    def doc_y_range(self, start: int, end: int) -> tuple[float, float]:
        """Top of the line holding `start` and bottom of the line holding `end`, in document pixels."""
        return self._line_y(start, top=True), self._line_y(max(start, end - 1), top=False)

    def _line_y(self, offset: int, top: bool) -> float:
        doc: QTextDocument = self.document()
        pos = min(self.qt_pos(offset), doc.characterCount() - 1)
        block = doc.findBlock(pos)
        block_rect = doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(pos - block.position()) if layout else None
        if line is None or not line.isValid():
            return block_rect.top() if top else block_rect.bottom()
        y = block_rect.top() + line.y()
        return y if top else y + line.height()

    def view_y_range(self, start: int, end: int) -> tuple[float, float]:
        """The same range in viewport pixels (negative or beyond the height when off screen)."""
        top, bottom = self.doc_y_range(start, end)
        scroll = self.verticalScrollBar().value()
        return top - scroll, bottom - scroll

    def span_rect(self, start: int, end: int) -> QRect:
        top, bottom = self.view_y_range(start, end)
        return QRect(0, int(top), self.viewport().width(), int(bottom - top))

    def centre_on(self, start: int, end: int) -> None:
        top, bottom = self.doc_y_range(start, end)
        page = self.viewport().height()
        middle = (top + bottom) / 2 if bottom - top < page else top + page / 3
        self.verticalScrollBar().setValue(int(middle - page / 2))

    # --- events ---------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            pos = self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos())).position()
            text = self.tooltip_for(self.model_offset(pos))
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def mouseReleaseEvent(self, e) -> None:
        super().mouseReleaseEvent(e)
        if not self.textCursor().hasSelection():
            pos = self.cursorForPosition(e.position().toPoint()).position()
            self.offsetClicked.emit(self.side, self.model_offset(pos))

    def _local_file(self, mime) -> str | None:
        for url in mime.urls() if mime.hasUrls() else []:
            if url.isLocalFile():
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, e) -> None:
        if self._local_file(e.mimeData()):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e) -> None:
        if self._local_file(e.mimeData()):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e) -> None:
        path = self._local_file(e.mimeData())
        if path:
            e.acceptProposedAction()
            self.fileDropped.emit(self.side, str(Path(path)))
        else:
            e.ignore()
