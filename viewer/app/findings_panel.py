"""The ranked findings in plain language, each with the words it quotes from both sides; filters
by kind, side and topic; a reviewed tick the project keeps; copy. Activating one asks the window
to show its evidence."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from viewer.app import palette
from viewer.model import FINDING_KINDS, Comparison, Finding

BAR = QSize(36, 12)
ROWS_A_TURN = 250
ANY = ""  # the filters' "all" entry


def kind_name(kind: str) -> str:
    return _kind_names().get(kind, kind.capitalize())


@lru_cache(maxsize=1)
def _kind_names() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    return {"omission": tr("Findings", "Omission"), "prominence": tr("Findings", "Prominence"),
            "share": tr("Findings", "Share of text"), "voice": tr("Findings", "Voice"),
            "tone": tr("Findings", "Tone"), "wording": tr("Findings", "Wording"),
            "distinctive": tr("Findings", "Distinctive words"), "attributed": tr("Findings", "Attributed"),
            "framing": tr("Findings", "Framing"), "commitment": tr("Findings", "Commitment"),
            "blame": tr("Findings", "Blame")}


def finding_key(f: Finding) -> str:
    """Names a finding in a project file (its reviewed tick): what it is about and its evidence,
    not its wording, which changes with the sides' names."""
    evidence = ",".join(f"{e.side}{e.sentence}" for e in sorted(f.evidence, key=lambda e: (e.side, e.sentence)))
    return "|".join([f.kind, f.side or "", f.topic or "", f.marker or "", f.speaker or "", evidence])


def finding_text(f: Finding, c: Comparison | None) -> str:
    """The finding and the words it quotes, one line a side under the side's name (each quote once):
    a row, and what Copy copies."""
    lines = [f.text]
    by_side: dict[str, list[str]] = {}
    for q in f.quotes:
        words = q.text.strip()
        if words and words not in by_side.setdefault(q.side, []):
            by_side[q.side].append(words)
    for side, quotes in by_side.items():
        name = c.label(side) if c is not None else side
        lines.append(f"    {side} ({name}): " + ", ".join(f"“{q}”" for q in quotes))
    return "\n".join(lines)


def weight_icon(finding: Finding) -> QIcon:
    """A small bar as long as the finding's weight, in the colour of the side it is about (made once
    per side and twentieth of weight: a long pair has a thousand findings)."""
    return _bar(finding.side, round(max(0.0, min(1.0, finding.weight)) * 20))


@lru_cache(maxsize=128)
def _bar(side: str | None, twentieths: int) -> QIcon:
    pixmap = QPixmap(BAR)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = palette.side(side)
    painter.setPen(colour.darker(140))
    painter.drawRect(0, 0, BAR.width() - 1, BAR.height() - 1)
    painter.fillRect(1, 1, round((BAR.width() - 2) * twentieths / 20), BAR.height() - 2, colour)
    painter.end()
    return QIcon(pixmap)


class _WrappedRows(QStyledItemDelegate):
    """Row height from the text wrapped at the list's real width (Qt's own guess overlaps rows)."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        # icon, check box, gaps and text margins
        width = view.viewport().width() - BAR.width() - 2 * view.spacing() - 56
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(0, 0, max(width, 80), 10_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class FindingsPanel(QWidget):
    findingActivated = Signal(int)  # index into comparison.findings
    reviewedChanged = Signal(str, bool)  # finding_key, ticked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.findings: list[Finding] = []
        self.reviewed: set[str] = set()
        self._generation = 0  # set_findings calls, so a batch of older findings is dropped
        self.kind, self.side, self.topic = QComboBox(self), QComboBox(self), QComboBox(self)
        for combo, tip in ((self.kind, self.tr("Show one kind of finding")),
                           (self.side, self.tr("Show the findings about one side")),
                           (self.topic, self.tr("Show the findings on one topic"))):
            combo.setToolTip(tip)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(lambda _i: self._filter())
        self.hide_reviewed = QCheckBox(self.tr("Hide reviewed"), self)
        self.hide_reviewed.toggled.connect(lambda _on: self._filter())
        self.count = QLabel(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setIconSize(BAR)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSpacing(2)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setItemDelegate(_WrappedRows(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap the texts when the tab is resized
        # a long pair has thousands of findings, each measured by the delegate: all at once froze
        # the window for ~250 ms; in batches, the event loop runs between them
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(50)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # wrap, never scroll sideways
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setMinimumHeight(3 * self.legend.fontMetrics().height())
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setToolTip(self.tr("Copy the selected findings with their quotes (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        for w in (self.kind, self.side, self.topic):
            filters.addWidget(w, 1)
        status = QHBoxLayout()
        status.addWidget(self.hide_reviewed)
        status.addWidget(self.count, 1)
        status.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.legend)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.itemChanged.connect(self._ticked)
        self._fill_legend()

    def _fill_legend(self) -> None:
        def chip(side: str | None, name: str) -> str:
            return f'<span style="background:{palette.side(side).name()}">&nbsp;&nbsp;&nbsp;</span> {name}'

        self.legend.setText(self.tr(
            "Bar: weight (longer ranks higher), in the colour of the side the finding is about: {a}, {b}, "
            "{both}. Tick it when reviewed (the project keeps it).").format(
            a=chip("A", "A"), b=chip("B", "B"), both=chip(None, self.tr("both or neither"))))

    # --- content ----------------------------------------------------------------------
    def set_findings(self, findings: list[Finding], comparison: Comparison | None = None) -> None:
        """The rows arrive ROWS_A_TURN at a time: a long pair has a thousand findings, and making
        every row at once held the window up for some 50 ms."""
        self.comparison, self.findings = comparison, findings
        self._generation += 1
        self.list.clear()
        if not findings:
            item = QListWidgetItem(self.tr("No findings: the two texts give the same weight to the same things."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        self._fill_filters()
        self._add_rows(0, self._generation)

    def _add_rows(self, start: int, generation: int) -> None:
        if generation != self._generation:
            return  # other findings came meanwhile
        end = min(len(self.findings), start + ROWS_A_TURN)
        self.list.blockSignals(True)
        for n in range(start, end):
            f = self.findings[n]
            item = QListWidgetItem(weight_icon(f), f"{kind_name(f.kind)} · {finding_text(f, self.comparison)}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if finding_key(f) in self.reviewed else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("{kind}, weight {weight:.2f}; click to show the evidence, tick when reviewed").format(
                kind=kind_name(f.kind), weight=f.weight))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter()
        if end < len(self.findings):
            QTimer.singleShot(0, lambda: self._add_rows(end, generation))

    def _fill_filters(self) -> None:
        c = self.comparison
        kinds = [k for k in FINDING_KINDS if any(f.kind == k for f in self.findings)]
        topics = sorted({f.topic for f in self.findings if f.topic},
                        key=lambda t: c.names.topic_label(t) if c else t)
        entries = {
            self.kind: [(self.tr("All kinds"), ANY)] + [(kind_name(k), k) for k in kinds],
            self.side: [(self.tr("Both sides"), ANY)] + [(f"{s}: {c.label(s) if c else s}", s) for s in ("A", "B")]
            + [(self.tr("Neither side alone"), "-")],
            self.topic: [(self.tr("All topics"), ANY)] + [(c.names.topic_label(t) if c else t, t) for t in topics],
        }
        for combo, items in entries.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def set_reviewed(self, keys: set[str]) -> None:
        if set(keys) == self.reviewed:
            return  # the ticks shown are these (set_findings put them on)
        self.reviewed = set(keys)
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            n = item.data(Qt.ItemDataRole.UserRole)
            if n is not None:
                ticked = finding_key(self.findings[int(n)]) in self.reviewed
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter()

    def shows(self, f: Finding) -> bool:
        kind, side, topic = self.kind.currentData(), self.side.currentData(), self.topic.currentData()
        return ((not kind or f.kind == kind)
                and (not side or (f.side == side if side != "-" else f.side is None))
                and (not topic or f.topic == topic)
                and not (self.hide_reviewed.isChecked() and finding_key(f) in self.reviewed))

    def _filter(self) -> None:
        shown = 0
        for row in range(self.list.count()):
            n = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            if n is None:
                continue
            visible = self.shows(self.findings[int(n)])
            self.list.setRowHidden(row, not visible)
            shown += visible
        total = len(self.findings)
        ticked = sum(1 for f in self.findings if finding_key(f) in self.reviewed)
        self.count.setText(self.tr("{shown} of {total} shown, {ticked} reviewed").format(
            shown=shown, total=total, ticked=ticked) if total else "")

    def visible_findings(self) -> list[int]:
        return [int(self.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.list.count())
                if not self.list.isRowHidden(r) and self.list.item(r).data(Qt.ItemDataRole.UserRole) is not None]

    # --- actions ----------------------------------------------------------------------
    def _activated(self, item: QListWidgetItem) -> None:
        n = item.data(Qt.ItemDataRole.UserRole)
        if n is not None:
            self.findingActivated.emit(int(n))

    def _ticked(self, item: QListWidgetItem) -> None:
        n = item.data(Qt.ItemDataRole.UserRole)
        if n is None:
            return
        key = finding_key(self.findings[int(n)])
        on = item.checkState() == Qt.CheckState.Checked
        if on != (key in self.reviewed):
            (self.reviewed.add if on else self.reviewed.discard)(key)
            self.reviewedChanged.emit(key, on)
            self._filter()

    def selected_text(self) -> str:
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        picked = [self.findings[int(n)] for r in rows
                  if (n := self.list.item(r).data(Qt.ItemDataRole.UserRole)) is not None]
        return "\n\n".join(finding_text(f, self.comparison) for f in picked)

    def copy(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Copy"), self.copy).setEnabled(bool(self.list.selectedItems()))
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()
