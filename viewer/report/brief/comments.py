"""The user's annotations as real Word comments on the exact words they annotate.

Each annotation becomes one comment, placed where a reader meets it first: on its sentence in
the side-by-side table when the whole span lies in one cell, otherwise (a span across
passages that sit in different rows) on the same words in the appendix's full text.
Thousands of notes cost no more than their number: notes are found by offset and runs by
bisection, and comments are numbered from the last one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import UTC, datetime

from docx.oxml.comments import CT_Comments
from docx.oxml.ns import qn
from docx.oxml.parser import register_element_cls
from docx.text.run import Run

from viewer.model import SIDES, Annotation, Side
from viewer.printable import xml_safe

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


class _NumberedComments(CT_Comments):
    """`w:comments` that numbers a new comment after the last one. python-docx's own numbering
    reads every comment's id for each new comment: 8,000 notes took 75 s."""

    def _next_available_comment_id(self) -> int:
        last = next(self.iterchildren(qn("w:comment"), reversed=True), None)
        return 0 if last is None else int(last.get(qn("w:id"))) + 1


register_element_cls("w:comments", _NumberedComments)


class Comments:
    """Annotations still waiting for a place, and the document they are attached to."""

    def __init__(self, document, annotations: list[Annotation]):
        self._document = document
        self._notes = {side: sorted((n for n in annotations if n.side == side), key=lambda n: n.start)
                       for side in SIDES}
        self._placed: set[int] = set()  # id() of the notes attached

    def within(self, side: Side, locate: Locate, start: int = 0, end: int | None = None
               ) -> list[tuple[Annotation, int, int]]:
        """The waiting annotations of `side` starting in [start, end) that `locate` places, with
        their local spans, in order of position."""
        notes = self._notes[side]
        lo = bisect_left(notes, start, key=lambda n: n.start)
        hi = len(notes) if end is None else bisect_left(notes, end, lo, key=lambda n: n.start)
        out = []
        for note in notes[lo:hi]:
            if id(note) not in self._placed and (span := locate(note.start, note.end)) is not None:
                out.append((note, *span))
        return out

    def attach(self, placed: list[tuple[Annotation, int, int]], runs: list[tuple[int, int, Run]]) -> None:
        """Comment each note on the runs lying in its span; `runs` are in order and were cut at
        every start and end."""
        starts = [s for s, _, _ in runs]
        ends = [e for _, e, _ in runs]
        for note, start, end in placed:
            first, last = bisect_left(starts, start), bisect_right(ends, end) - 1
            if first > last:
                continue
            text = xml_safe(f"[{note.tag}] {note.note}" if note.tag else note.note)
            author = xml_safe(note.author or "Counterpart")
            comment = self._document.add_comment([runs[first][2], runs[last][2]], text=text, author=author,
                                                 initials=initials(author))
            comment._comment_elm.date = _when(note.created)
            self._placed.add(id(note))
