"""One side's text: read-only, coloured by the comparison, with geometry helpers for the link
band and the scroll sync, sentence tooltips, note marks, find highlights, and file drops.

Offsets in the model are Python string indices (code points); Qt counts UTF-16 units, so
characters outside the Basic Multilingual Plane shift positions and are accounted for.

Marks, bottom to top: the passage tints written into the document (lasting, keyed by meaning so a
theme change repaints them), find highlights (extra selections), then what the reader picked and
the notes, drawn over the text as outlines and margin bars in the text's own colour, so they stay
visible on every tint.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QTimer, Signal
from PySide6.QtGui import (
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip

from viewer.app import palette
from viewer.lang.script import han_count
from viewer.model import Side

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # characters Qt counts as two UTF-16 units
PAINT_CHUNK = 150  # spans in reading order: a few ms a chunk on this machine
TEXT_CHUNK = 10_000  # characters appended a turn: ~5 ms of layout
HAN_CHUNK = 2_500  # Chinese: every character is a word to shape, 10,000 took ~100 ms a turn


def chunk_size(text: str) -> int:
    """Characters a turn: fewer for a Chinese text."""
    sample = text[:4000]
    return HAN_CHUNK if sample and han_count(sample) > len(sample) // 4 else TEXT_CHUNK
MARGIN = 14  # px of document margin: room on the left for the note bars
FIND_SHOWN = 2000  # matches highlighted at once (all are counted)

Span = tuple[int, int, str]  # start, end, meaning (viewer/colours.py: "only", "changed_reworded"…)


def span_format(meaning: str) -> QTextCharFormat:
    """A passage tint, or for changed words a stronger shade of it, underlined."""
    fmt = QTextCharFormat()
    fmt.setBackground(palette.colour(meaning))
    if meaning.startswith("changed_"):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(palette.colour("text"))
    return fmt


class TextPane(QTextEdit):
    fileDropped = Signal(str, str)  # side, path
    offsetClicked = Signal(str, int)  # side, character offset (model units)
    focused = Signal(str)  # side: the reader is working in this pane

    def __init__(self, side: Side, parent=None):
        super().__init__(parent)
        self.side = side
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFont(palette.text_font())
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(MARGIN)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setObjectName(f"pane{side}")
        self._text = ""
        self._astral: list[int] = []  # code-point offsets of characters that take two UTF-16 units
        self._spans: list[Span] = []  # every lasting mark, for a repaint in another theme
        self._formats: dict[str, QTextCharFormat] = {}
        self._pending: list[Span] = []  # spans still to paint, in order
        self._text_pending: list[str] = []  # the rest of a long text, appended before any span is painted
        self._picked: list[tuple[int, int]] = []
        self._notes: list[tuple[int, int, str]] = []  # start, end, the note (for the tooltip)
        self._find: list[QTextEdit.ExtraSelection] = []
        self.tooltip_for: Callable[[int], str | None] | None = None  # offset -> tooltip text
        self._paint_timer = QTimer(self)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._paint_next)

    # --- text ----------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show `text`, without marks; a long one arrives TEXT_CHUNK characters per turn of the
        event loop, since Qt lays a QTextEdit's document out in steps of up to 200,000 characters
        (~150 ms each), while an appended chunk is laid out on its own."""
        self._text = text
        self._pending, self._spans = [], []
        self._paint_timer.stop()
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        size = chunk_size(text)
        self.setPlainText(text[:size])
        self._text_pending = [text[k:k + size] for k in range(size, len(text), size)]
        if self._text_pending:
            self._paint_timer.start()
        self._picked, self._notes, self._find = [], [], []
        self.setExtraSelections([])

    def text(self) -> str:
        """The model text shown (whole, even while the end of a long one is still arriving)."""
        return self._text

    def has_spans(self, spans: list[Span]) -> bool:
        """True when exactly these marks are painted (or on their way)."""
        return bool(self._spans) and self._spans == spans

    def is_plain(self, text: str) -> bool:
        """True when `text` is shown and nothing is painted on it yet: marks can go on as it is."""
        return self._text == text and not self._spans

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

    # --- lasting marks ---------------------------------------------------------------
    def _format(self, meaning: str) -> QTextCharFormat:
        fmt = self._formats.get(meaning)
        if fmt is None:
            fmt = self._formats[meaning] = span_format(meaning)
        return fmt

    def paint_spans(self, spans: list[Span]) -> None:
        """Lasting background marks, written into the document once (cheap to repaint)."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for start, end, meaning in spans:
            self.cursor_for(start, end).mergeCharFormat(self._format(meaning))
        cursor.endEditBlock()

    def paint_spans_gradually(self, spans: list[Span]) -> None:
        """paint_spans, a chunk per turn of the event loop: every edit block costs a relayout, and
        20,000 spans of a 100,000-word text at once would freeze the window for seconds."""
        self._spans = list(spans)
        if len(spans) <= PAINT_CHUNK and not self._text_pending:
            self.paint_spans(spans)
            return
        self._pending = list(spans)
        self._paint_timer.start()

    def repaint_spans(self, spans: list[Span]) -> None:
        """Other marks on the same text: the old ones cleared, the view left where it is."""
        if not self._text_pending:
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
        self.paint_spans_gradually(spans)

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

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.PaletteChange and self._spans:
            self._formats = {}  # the theme changed: the same meanings in its colours
            self.paint_spans_gradually(self._spans)

    # --- transient marks -------------------------------------------------------------
    def select_spans(self, spans: list[tuple[int, int]]) -> None:
        """Outline what the reader picked (a link, a finding's evidence): the tints stay readable."""
        self._picked = list(spans)
        self.viewport().update()

    def picked_spans(self) -> list[tuple[int, int]]:
        return list(self._picked)

    def set_note_spans(self, notes: list[tuple[int, int, str]]) -> None:
        """Annotated passages (start, end, note): a dotted underline and a bar in the margin, in
        the text's colour; hovering shows the note."""
        self._notes = sorted(notes)
        self._apply_selections()

    def note_spans(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _n in self._notes]

    def set_find_matches(self, matches: list[tuple[int, int]], current: int | None) -> None:
        """Every match lightly highlighted (up to FIND_SHOWN), the current one selected."""
        light = palette.with_alpha(self.palette().highlight().color(), 80)
        shown = list(range(min(len(matches), FIND_SHOWN)))
        if current is not None and current >= FIND_SHOWN:
            shown.append(current)
        self._find = []
        for k in shown:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(*matches[k])
            if k == current:
                sel.format.setBackground(self.palette().highlight())
                sel.format.setForeground(self.palette().highlightedText())
            else:
                sel.format.setBackground(light)
            self._find.append(sel)
        self._apply_selections()

    def _apply_selections(self) -> None:
        notes = []
        for start, end, _note in self._notes:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self.cursor_for(start, end)
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            sel.format.setUnderlineColor(palette.colour("text"))
            notes.append(sel)
        self.setExtraSelections(notes + self._find)
        self.viewport().update()

    def note_at(self, offset: int) -> str | None:
        for start, end, note in self._notes:
            if start <= offset < end:
                return note
        return None

    def paintEvent(self, e) -> None:
        super().paintEvent(e)
        if not (self._picked or self._notes):
            return
        painter = QPainter(self.viewport())
        ink = palette.colour("text")
        height = self.viewport().height()
        painter.setPen(QPen(ink, 2.0))
        for start, end in self._picked:
            top, bottom = self.view_y_range(start, end)
            if bottom >= 0 and top <= height:
                painter.drawPath(self._outline(start, end))
        painter.setPen(QPen(ink, 3.0))
        for start, end, _note in self._notes:
            top, bottom = self.view_y_range(start, end)
            if bottom >= 0 and top <= height:
                painter.drawLine(QPoint(4, int(top) + 1), QPoint(4, int(bottom) - 1))
        painter.end()

    def _outline(self, start: int, end: int) -> QPainterPath:
        """The shape of a passage on screen: from its first character to the end of its last line,
        so a sentence that starts or ends mid-line is framed alone, not with its neighbours."""
        first = self.cursorRect(self.cursor_for(start, start))
        last = self.cursorRect(self.cursor_for(end, end))
        left, right = MARGIN - 3.0, self.viewport().width() - MARGIN + 3.0
        x0, y0, h0 = first.left() - 1.0, float(first.top()), float(first.height())
        x1, y1, h1 = last.left() + 1.0, float(last.top()), float(last.height())
        path = QPainterPath()
        if abs(y1 - y0) < 1:
            path.addRoundedRect(QRectF(x0, y0, max(4.0, x1 - x0), h0), 2, 2)
            return path
        path.moveTo(x0, y0)
        for x, y in ((right, y0), (right, y1), (x1, y1), (x1, y1 + h1), (left, y1 + h1), (left, y0 + h0),
                     (x0, y0 + h0)):
            path.lineTo(x, y)
        path.closeSubpath()
        return path

    # --- differences only --------------------------------------------------------------
    def show_only(self, keep: Callable[[int, int], bool] | None) -> None:
        """Hide the paragraphs for which keep(start, end) is False (None: show all); a blank line
        goes with the paragraph before it."""
        doc = self.document()
        block, hidden_before = doc.begin(), False
        while block.isValid():
            start = self.model_offset(block.position())
            end = self.model_offset(block.position() + block.length() - 1)
            if keep is None:
                visible = True
            elif end <= start:  # a blank line
                visible = not hidden_before
            else:
                visible = keep(start, end)
                hidden_before = not visible
            block.setVisible(visible)
            block = block.next()
        doc.markContentsDirty(0, doc.characterCount())
        self.viewport().update()

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
        if line is None or not line.isValid() or not block.isVisible():
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

    def offset_at(self, point: QPoint) -> int:
        """The model offset of the character at a viewport point."""
        return self.model_offset(self.cursorForPosition(point).position())

    def top_offset(self) -> int:
        """The offset at the top-left of the view."""
        return self.offset_at(QPoint(MARGIN, 0))

    def visible_offsets(self) -> tuple[int, int]:
        view = self.viewport()
        return self.top_offset(), self.offset_at(QPoint(view.width() - 1, view.height() - 1))

    def cursor_offset(self) -> int | None:
        """The text cursor's offset, when it is on screen (else the reader has moved on)."""
        rect = self.cursorRect()
        if not self.viewport().rect().intersects(rect):
            return None
        return self.model_offset(self.textCursor().position())

    def place_cursor(self, offset: int) -> None:
        """Move the text cursor (no selection, no scrolling)."""
        bar = self.verticalScrollBar()
        value = bar.value()
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.qt_pos(offset), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        bar.setValue(value)

    # --- events ---------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            offset = self.offset_at(self.viewport().mapFromGlobal(e.globalPos()))
            note = self.note_at(offset)
            parts = [self.tr("Note: {note}").format(note=note)] if note is not None else []
            info = self.tooltip_for(offset) if self.tooltip_for is not None else None
            if info:
                parts.append(info)
            if parts:
                QToolTip.showText(e.globalPos(), "\n\n".join(parts), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def focusInEvent(self, e) -> None:
        super().focusInEvent(e)
        self.focused.emit(self.side)

    def mouseReleaseEvent(self, e) -> None:
        super().mouseReleaseEvent(e)
        if not self.textCursor().hasSelection():
            self.offsetClicked.emit(self.side, self.offset_at(e.position().toPoint()))

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
        self.dragEnterEvent(e)

    def dropEvent(self, e) -> None:
        path = self._local_file(e.mimeData())
        if path:
            e.acceptProposedAction()
            self.fileDropped.emit(self.side, str(Path(path)))
        else:
            e.ignore()

