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
