"""The user's annotations as real Word comments on the exact words they annotate.

Each annotation becomes one comment, placed where a reader meets it first: on its sentence in
the side-by-side table when the whole span lies in one cell, otherwise (a span across
passages that sit in different rows) on the same words in the appendix's full text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from docx.text.run import Run

from viewer.model import Annotation, Side

# Maps an annotation's span in its side's text to a span in the text being written, or None.
Locate = Callable[[int, int], tuple[int, int] | None]


def initials(author: str) -> str:
    """ "Ann Q. Analyst" -> "AQA"; a Chinese name keeps its first character (the surname)."""
    parts = [p for p in re.split(r"[\s\-.]+", author) if p]
    return "".join(p[0].upper() for p in parts)[:3]


def _when(created: str) -> datetime:
    try:
        when = datetime.fromisoformat(created)
    except ValueError:
        return datetime.now(UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


class Comments:
    """Annotations still waiting for a place, and the document they are attached to."""

    def __init__(self, document, annotations: list[Annotation]):
        self._document = document
        self.waiting = list(annotations)

    def within(self, side: Side, locate: Locate) -> list[tuple[Annotation, int, int]]:
        """The waiting annotations of `side` that `locate` places, with their local spans."""
        out = []
        for note in self.waiting:
            if note.side == side:
                span = locate(note.start, note.end)
                if span is not None:
                    out.append((note, *span))
        return out

    def attach(self, note: Annotation, start: int, end: int, runs: list[tuple[int, int, Run]]) -> None:
        """Comment on the runs lying in [start, end); `runs` were cut at start and end."""
        covered = [run for s, e, run in runs if s >= start and e <= end]
        if not covered:
            return
        text = f"[{note.tag}] {note.note}" if note.tag else note.note
        author = note.author or "Counterpart"
        comment = self._document.add_comment(covered, text=text, author=author, initials=initials(author))
        comment._comment_elm.date = _when(note.created)
        self.waiting.remove(note)
