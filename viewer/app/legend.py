"""The strip above the panes that says what every mark means, drawn from the same colours the
marks use, for the theme in force. It lists the kinds of passage the comparison on screen has
(translations in a pair of languages, moved passages in versions mode), then the reader's marks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from viewer.app import palette

# the order the legend reads in; link kinds not listed (a future one) come after "related"
ORDER = ("only", "changed", "reworded", "related", "translation", "moved", "identical")
READER_MARKS = ("picked", "note", "band")


def describe(key: str) -> tuple[str, str]:
    """(name, explanation) of a mark."""
    tr = QCoreApplication.translate
    return {
        "only": (tr("Legend", "Only one side"), tr("Legend", "A passage the other text has no counterpart for")),
        "changed": (tr("Legend", "Changed words"), tr("Legend", "Words added, dropped or changed inside a linked "
                                                                "passage: a stronger shade, underlined")),
        "reworded": (tr("Legend", "Reworded"), tr("Legend", "Linked passages that word the same matter differently")),
        "related": (tr("Legend", "Related"), tr("Legend", "Passages on the same subject in other words")),
        "translation": (tr("Legend", "Translation"), tr("Legend", "A passage and its counterpart in the other "
                                                                  "language, saying the same")),
        "moved": (tr("Legend", "Moved"), tr("Legend", "A passage the other text places elsewhere")),
        "identical": (tr("Legend", "Identical"), tr("Legend", "Passages both texts word alike")),
        "picked": (tr("Legend", "Selected"), tr("Legend", "What you clicked, or a finding's evidence: a frame "
                                                          "in the panes, an outlined ribbon in the band")),
        "note": (tr("Legend", "Note"), tr("Legend", "A passage you annotated: a bar in the margin and a dotted "
                                                    "underline; hover it to read the note")),
        "band": (tr("Legend", "Ribbon"), tr("Legend", "Links between the texts: the more opaque, the closer the "
                                                       "match; a dashed line and ↑/↓ lead to a counterpart off "
                                                       "screen")),
    }.get(key, (key.capitalize(), ""))


def legend_keys(kinds: set[str], wording: bool) -> list[str]:
    """The marks to explain for a comparison whose links are of `kinds`; `wording` when it shows
    changed words."""
    extra = sorted(k for k in kinds if k not in ORDER)
    keys = [k for k in ORDER if k == "only" or (k == "changed" and wording) or k in kinds]
    at = keys.index("related") + 1 if "related" in keys else len(keys)
    return keys[:at] + extra + keys[at:] + list(READER_MARKS)


def swatch(key: str, size: int = 14) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = palette.colour("text")
    box = QRectF(0.5, 0.5, size - 1, size - 1)
    if key == "changed":
        p.fillRect(box, palette.colour("changed_reworded"))
        p.setPen(QPen(ink, 1.2))
        p.drawLine(2, size - 3, size - 2, size - 3)
    elif key == "picked":
        p.fillRect(box, palette.colour("page"))
        p.setPen(QPen(ink, 2.0))
        p.drawRoundedRect(box.adjusted(1, 1, -1, -1), 2, 2)
    elif key == "note":
        p.fillRect(box, palette.colour("page"))
        p.setPen(QPen(ink, 3.0))
        p.drawLine(2, 2, 2, size - 2)
        p.setPen(QPen(ink, 1.0, Qt.PenStyle.DotLine))
        p.drawLine(5, size - 3, size - 1, size - 3)
    elif key == "band":
        p.fillRect(box, palette.with_alpha(palette.colour("text"), 40))
        p.fillRect(QRectF(0.5, 0.5, size / 2, size - 1), palette.with_alpha(palette.colour("text"), 140))
    else:
        p.fillRect(box, palette.passage(key))
        p.setPen(QPen(palette.colour("text").lighter(150) if palette.theme() == "light" else palette.colour("text"),
                      0.6))
        p.drawRect(box)
    p.end()
    return pix


class LegendTable(QFrame):
    """Every mark with its explanation: the legend's "All marks…" popup, and Help > Legend."""

    def __init__(self, keys: list[str], parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        for row, key in enumerate(keys):
            name, tip = describe(key)
            icon = QLabel(self)
            icon.setPixmap(swatch(key))
            label = QLabel(f"<b>{name}</b>", self)
            text = QLabel(tip, self)
            text.setWordWrap(True)
            text.setMinimumWidth(320)
            grid.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 2)


class Legend(QWidget):
    """The passages' colours in one line; "All marks…" explains every mark."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(4)
        self.keys: list[str] = []
        self.more = QToolButton(self)
        self.more.setText(self.tr("All marks…"))
        self.more.setToolTip(self.tr("What every colour, frame, bar and line means"))
        self.more.setAutoRaise(True)
        self.more.clicked.connect(self.show_all)
        self.set_kinds({"reworded", "related", "identical"}, wording=True)

    def set_kinds(self, kinds: set[str], wording: bool) -> None:
        keys = legend_keys(kinds, wording)
        if keys != self.keys:
            self.keys = keys
            self._rebuild()

    def _rebuild(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None and item.widget() is not self.more:
                item.widget().deleteLater()
        for key in self.keys:
            if key in READER_MARKS:
                continue  # in "All marks…": the strip stays one short line at any width
            name, tip = describe(key)
            icon, text = QLabel(self), QLabel(name, self)
            icon.setPixmap(swatch(key))
            for w in (icon, text):
                w.setToolTip(tip)
            self._layout.addWidget(icon)
            self._layout.addWidget(text)
            self._layout.addSpacing(8)
        self._layout.addWidget(self.more)
        self._layout.addStretch(1)

    def names(self) -> list[str]:
        return [describe(k)[0] for k in self.keys]

    def show_all(self) -> None:
        popup = LegendTable(self.keys, self)
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setFrameShape(QFrame.Shape.StyledPanel)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.move(self.more.mapToGlobal(self.more.rect().bottomLeft()))
        popup.show()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.PaletteChange and self.keys:
            self._rebuild()
