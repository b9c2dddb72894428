"""Versions mode: the second text as Word tracked changes against the first.

python-docx has no API for revisions, so w:ins / w:del (with w:delText) are built by hand
around ordinary runs. The word diff is wording.text_diff over the whole texts. A paragraph
break inside inserted or deleted text becomes an inserted or deleted paragraph mark, so
"Accept all" in Word gives B's paragraphs and "Reject all" A's.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from viewer.model import Comparison
from viewer.report.brief.style import add_run
from viewer.wording import text_diff

AUTHOR = "Counterpart"
_BREAK = re.compile(r"[ \t]*\n\s*")


class _Revisions:
    """Numbering and dating of revision marks; ids must not collide with comment ids."""

    def __init__(self, first_id: int):
        self.next_id = first_id
        self.date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, op: int):
        el = OxmlElement("w:ins" if op > 0 else "w:del")
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        return el


def _track_mark(paragraph: Paragraph, mark) -> None:
    """Track the paragraph's own mark (its break) as inserted or deleted."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    rpr.append(mark)


def add_tracked_changes(document, c: Comparison, first_id: int) -> int:
    """Append B as tracked changes against A; returns the next free revision id."""
    revisions = _Revisions(first_id)
    paragraph = document.add_paragraph()
    for op, text in text_diff(c.a.text.strip(), c.b.text.strip(), c.a.language):
        for k, piece in enumerate(_BREAK.split(text)):
            if k:
                if op:
                    _track_mark(paragraph, revisions.mark(op))
                paragraph = document.add_paragraph()
            if not piece:
                continue
            run = add_run(paragraph, piece)._r
            if op:
                wrapper = revisions.mark(op)
                run.addprevious(wrapper)
                wrapper.append(run)
                if op < 0:
                    for t in run.iter(qn("w:t")):
                        t.tag = qn("w:delText")
    return revisions.next_id
