"""The aligned texts in a two-column table: one row per link, the differences shaded.

Rows follow A's order; a sentence only B has goes right after the row holding its nearest
preceding B sentence, so it reads next to its neighbours. Inside a linked pair the cells show
the link's word diff (ops over the sentences joined by wording.JOINER) where the passages share
most of their wording (wording.shows_wording): words one side
changed are shaded blue; a sentence without counterpart is shaded orange as a whole;
identical passages are grey. Across languages there is no word diff: a grey line under each
pair says which concepts both passages carry and which only one does.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from viewer.align.crosslang import concept_label
from viewer.lexicon import Vocabulary
from viewer.model import Comparison, Document, Link, Names, Side
from viewer.report.brief.comments import Comments
from viewer.report.brief.style import (
    NOTE,
    ONLY,
    ONLY_FILL,
    REWORDED,
    SAME,
    Look,
    add_run,
    shade_cell,
    write_spans,
)
from viewer.wording import joined_pieces, joined_text, shows_wording


@dataclass
class Row:
    a: list[int]
    b: list[int]
    link: Link | None = None


def rows(c: Comparison) -> list[Row]:
    """Links and unmatched sentences in reading order (A's, with B-only rows beside neighbours)."""
    keyed: list[tuple[tuple[int, int, int], Row]] = []
    row_key_of_b: dict[int, tuple[int, int, int]] = {}
    for link in c.links:
        key = (min(link.a), 0, min(link.b))
        keyed.append((key, Row(list(link.a), list(link.b), link)))
        for j in link.b:
            row_key_of_b[j] = key
    keyed += [((i, 0, -1), Row([i], [])) for i in c.unmatched.get("A", [])]
    linked_b = sorted(row_key_of_b)
    for j in sorted(c.unmatched.get("B", [])):
        k = bisect_left(linked_b, j)
        anchor = row_key_of_b[linked_b[k - 1]][0] if k else -1
        keyed.append(((anchor, 1, j), Row([], [j])))
    return [row for _, row in sorted(keyed, key=lambda kr: kr[0])]


def _diff_marks(link: Link, side: Side, text: str) -> list[tuple[int, int, Look]]:
    """Shading of one cell from the link's diff; plain when the diff does not rebuild `text`."""
    if link.kind == "identical":
        return [(0, len(text), SAME)]
    if not shows_wording(link):
        return []
    own = -1 if side == "A" else 1
    marks, pos = [], 0
    for op, piece in link.diff:
        if op == -own:
            continue
        if op == own:
            marks.append((pos, pos + len(piece), REWORDED))
        pos += len(piece)
    return marks if pos == len(text) else []


def _locator(doc: Document, indices: list[int]):
    """Map spans of the side's text into the cell's joined text, when the span stays in the cell."""
    pieces = joined_pieces(doc, indices)

    def locate(start: int, end: int) -> tuple[int, int] | None:
        first = next((k for k, p in enumerate(pieces) if p.start <= start < p.start + p.length), None)
        last = next((k for k, p in enumerate(pieces) if p.start < end <= p.start + p.length), None)
        if first is None or last is None or last < first:
            return None
        if indices[first:last + 1] != list(range(indices[first], indices[last] + 1)):
            return None  # the span crosses a sentence this cell does not show
        return (pieces[first].at + start - pieces[first].start, pieces[last].at + end - pieces[last].start)

    return locate


def _fill(cell, c: Comparison, side: Side, indices: list[int], link: Link | None, comments: Comments) -> None:
    doc = c.doc(side)
    paragraph = cell.paragraphs[0]
    if not indices:
        return
    text = joined_text(doc, indices)
    if link is None:
        shade_cell(cell, ONLY_FILL)
        marks = []
    else:
        marks = _diff_marks(link, side, text)
        if link.kind == "moved":
            add_run(paragraph, "moved ", NOTE)
    shown = [doc.sentences[i] for i in indices]
    placed = comments.within(side, _locator(doc, indices), min(s.start for s in shown), max(s.end for s in shown))
    runs = write_spans(paragraph, text, marks=marks, cuts=[p for _, s, e in placed for p in (s, e)])
    comments.attach(placed, runs)


def concept_line(link: Link, lexicon: Vocabulary | Names, labels: tuple[str, str]) -> str:
    """ "shared: Taiwan, Joe Biden · only in MFA: nuclear weapons"; a name both sides carry under
    different ids (the topic Taiwan, the place Taiwan) counts as shared."""
    def names(ids: list[str]) -> list[str]:
        return list(dict.fromkeys(concept_label(lexicon, i, lang="en") for i in ids))

    shared, only_a, only_b = names(link.shared), names(link.only_a), names(link.only_b)
    shared += [n for n in only_a if n in only_b and n not in shared]
    parts = [f"shared: {', '.join(shared)}"] if shared else []
    for label, only in zip(labels, (only_a, only_b), strict=True):
        only = [n for n in only if n not in shared]
        if only:
            parts.append(f"only in {label}: {', '.join(only)}")
    return " · ".join(parts)


def _keep_with_next(row) -> None:
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _row_flag(row, tag: str) -> None:
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def keep_row_together(row) -> None:
    """w:cantSplit: a passage (or a picture) stays on one page."""
    _row_flag(row, "w:cantSplit")


def repeat_as_header(row) -> None:
    """w:tblHeader: the labels repeat at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def reorders_b(c: Comparison) -> bool:
    """Whether the table shows B's sentences out of B's own order (beside their counterparts)."""
    shown = [j for row in rows(c) for j in row.b]
    return shown != sorted(shown)


def add_legend(document, c: Comparison) -> None:
    p = document.add_paragraph()
    add_run(p, "Legend: ", NOTE)
    add_run(p, "only this side has it", ONLY)
    add_run(p, "   ")
    add_run(p, "words reworded between the two", REWORDED)
    add_run(p, "   ")
    add_run(p, "identical passage", SAME)
    add_run(p, "   plain: related passages (the same matter in other words, or in another language)", NOTE)
    if reorders_b(c):
        add_run(p, f". {c.label('B')}'s sentences stand next to their counterparts, so they "
                "do not always follow its own order; the appendix gives it in its own order.", NOTE)
    p.paragraph_format.keep_with_next = True


def add_table(document, c: Comparison, comments: Comments, width_cm: float) -> None:
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column in table.columns:
        column.width = Cm(width_cm / 2)
    labels = (c.label("A"), c.label("B"))
    header = table.rows[0]
    repeat_as_header(header)
    for cell, label in zip(header.cells, labels, strict=True):
        cell.width = Cm(width_cm / 2)
        add_run(cell.paragraphs[0], label, Look(bold=True))
    names = c.names if c.cross_language else None
    for row in rows(c):
        table_row = table.add_row()
        keep_row_together(table_row)
        cells = table_row.cells
        _fill(cells[0], c, "A", row.a, row.link, comments)
        _fill(cells[1], c, "B", row.b, row.link, comments)
        line = concept_line(row.link, names, labels) if names and row.link else ""
        if line:
            _keep_with_next(table_row)
            concepts = table.add_row()
            keep_row_together(concepts)
            cell = concepts.cells[0].merge(concepts.cells[1])
            add_run(cell.paragraphs[0], line, NOTE)
