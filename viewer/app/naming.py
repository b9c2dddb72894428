"""What the window calls a text and the files it proposes: the pair's own names, never
"untitled" or "brief" beside text A."""

from __future__ import annotations

import re
from pathlib import Path

from viewer.model import Readout, Side


def readout_name(r: Readout | None, side: Side) -> str:
    """A text's label, else its file name (without the extension), else its letter."""
    if r is None:
        return side
    return r.label or (Path(r.source).stem if r.source else side)


def file_stem(names: list[str]) -> str:
    """A default file name from the two sides' names ("White House – Xinhua"), safe on every system."""
    stem = " – ".join(n for n in names if n) or "comparison"
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", stem).strip(" .")[:120] or "comparison"


def chosen_path(parent, path: str, suffix: str) -> tuple[str, bool] | None:
    """A path from a save dialog with `suffix` added when it has none, and whether it may replace
    a file: the dialog asked about the name it returned, not about the one with the suffix, so
    that one is asked about here. None: the user keeps the existing file."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    if Path(path).suffix:
        return path, True
    path += suffix
    if not Path(path).exists():
        return path, False
    tr = QCoreApplication.translate
    answer = QMessageBox.question(parent, tr("Save", "Replace the file?"),
                                  tr("Save", "{path} exists. Replace it?").format(path=path),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return (path, True) if answer == QMessageBox.StandardButton.Yes else None
