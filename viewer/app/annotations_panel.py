"""The Notes tab: every annotation with its side, quote, note, tag, author and date; edit,
delete (the button or the Delete key), and jump to the annotated passage. Detached notes (quote no longer in the text) stay
listed, greyed and marked, so nothing the user wrote disappears."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.model import Annotation

QUOTE_CHARS = 60


class AnnotationsPanel(QWidget):
    editRequested = Signal(str)  # annotation id
    deleteRequested = Signal(str)
    jumpRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Side"), self.tr("Quote"), self.tr("Note"), self.tr("Tag"),
                                   self.tr("Author"), self.tr("Date")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        # the panel is narrow: short columns as wide as their text, quote and note share the rest
        header = self.tree.header()
        header.setStretchLastSection(False)
        for col in range(6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col in (1, 2)
                                        else QHeaderView.ResizeMode.ResizeToContents)
        for col in (4, 5):  # author and date: in each row's tooltip; the header's menu shows them
            header.hideSection(col)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for col in range(6):
            toggle = QAction(self.tree.headerItem().text(col), header)
            toggle.setCheckable(True)
            toggle.setChecked(not header.isSectionHidden(col))
            toggle.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
            header.addAction(toggle)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.jump_button = QPushButton(self.tr("&Go to"), self)
        buttons = QHBoxLayout()
        for b in (self.jump_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("No notes yet. Select a passage in either text, then right-click "
                                   "> Add note…, or Edit > Add Note… (Ctrl+Alt+M)."), self)
        self.hint.setWordWrap(True)
        self.hint.setMargin(8)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._emit(self.jumpRequested, item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested, self.tree.currentItem()))
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested, self.tree.currentItem()))
        self.jump_button.clicked.connect(lambda: self._emit(self.jumpRequested, self.tree.currentItem()))
        self.tree.installEventFilter(self)  # Delete in the list deletes the note (undoably)
        self._update_buttons()

    def eventFilter(self, obj, event) -> bool:
        if obj is self.tree and event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Delete):
            self._emit(self.deleteRequested, self.tree.currentItem())
            return True
        return super().eventFilter(obj, event)

    def set_annotations(self, annotations: list[Annotation]) -> None:
        current = self.current_id()
        self.tree.clear()
        for n in sorted(annotations, key=lambda n: (n.detached, n.side, n.start)):
            quote = n.quote if len(n.quote) <= QUOTE_CHARS else n.quote[: QUOTE_CHARS - 1] + "…"
            side = self.tr("{side} (detached)").format(side=n.side) if n.detached else n.side
            item = QTreeWidgetItem([side, quote, n.note, n.tag, n.author, n.created[:10]])
            item.setData(0, Qt.ItemDataRole.UserRole, n.id)
            by = self.tr("{author}, {date}").format(author=n.author or "?", date=n.created[:10])
            item.setToolTip(0, by)
            item.setToolTip(1, f"{n.quote}\n— {by}")
            item.setToolTip(2, f"{n.note}\n— {by}")
            if n.detached:
                item.setToolTip(0, self.tr("The quoted passage is no longer in the text; the note is kept."))
                font = QFont(self.tree.font())
                font.setItalic(True)
                for col in range(6):
                    item.setFont(col, font)
                    item.setForeground(col, self.palette().placeholderText())
            self.tree.addTopLevelItem(item)
            if n.id == current:
                self.tree.setCurrentItem(item)
        self.hint.setVisible(not annotations)
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def select(self, annotation_id: str) -> None:
        for k in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(k)
            if item.data(0, Qt.ItemDataRole.UserRole) == annotation_id:
                self.tree.setCurrentItem(item)

    def _emit(self, signal, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            signal.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        chosen = self.tree.currentItem() is not None
        for b in (self.edit_button, self.delete_button, self.jump_button):
            b.setEnabled(chosen)
