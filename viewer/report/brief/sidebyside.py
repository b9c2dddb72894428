"""The aligned texts in a two-column table: one row per link, the differences shaded.

Rows follow A's order; a sentence only B has goes right after the row holding its nearest
preceding B sentence, so it reads next to its neighbours. Every sentence starts with its number
("A3", "B7", counted from 1 in its own text), which the findings cite; a cell that joins
sentences far apart in their text puts each stretch on a line of its own after a "…", so two
speakers' words never run together. Inside a linked pair the cells show the link's word diff
(ops over the sentences joined by wording.JOINER) where the passages share most of their wording
(wording.shows_wording): words one side changed are shaded blue; a sentence without counterpart
is shaded orange as a whole; identical passages are grey. How strong a link is shows as ●●●,
●●○ or ●○○ after the first number of B's cell, and a weak link's cells get dashed borders.
Across languages there is no word diff: a grey line under each pair says which concepts both
passages carry and which only one does (for a translation: what it drops and adds).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from viewer.align.crosslang import concept_label
from viewer.lexicon import Vocabulary
from viewer.model import Comparison, Document, Link, Names, Side, other, sentence_ref
from viewer.report.brief.comments import Comments
from viewer.report.brief.style import (
    MOVED,
    MOVED_FILL,
    MOVED_WORDS,
    NOTE,
    ONLY,
    ONLY_FILL,
    REF,
    REWORDED,
    SAME,
    Look,
    add_run,
    display_units,
    shade_cell,
    write_spans,
)
from viewer.wording import joined_pieces, joined_text, shows_wording

Strength = Literal["strong", "fair", "weak"]
# Link scores from which a link is fair or strong (the aligners link from about 0.25-0.35 up).
FAIR, STRONG = 0.45, 0.65
MARKERS: dict[Strength, str] = {"strong": "●●●", "fair": "●●○", "weak": "●○○"}
# A row that cannot break across pages may leave the rest of a page empty: only rows shorter
# than this many lines (about a fifth of a page) are kept whole.
KEEP_WHOLE_LINES = 10
_LINE_UNITS = 48
CELL_TEXT_PT = 9.5  # the table holds both texts: a little smaller than the body
MAX_CONCEPTS = 5
UNCHANGED = "no word, name, number or topic left out or added"  # width of a line of a half-page cell, East Asian characters counting two


@dataclass
class Row:
    a: list[int]
    b: list[int]
    link: Link | None = None


def rows(c: Comparison) -> list[Row]:
    """Links and unmatched sentences in reading order (A's, with B-only rows beside neighbours);
    a run of consecutive sentences without counterpart on one side is one row."""
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
    ordered = [row for _, row in sorted(keyed, key=lambda kr: kr[0])]
    # consecutive sentences only one side has share a row: one cell of running text
    merged: list[Row] = []
    for row in ordered:
        last = merged[-1] if merged else None
        if (row.link is None and last is not None and last.link is None and bool(row.a) == bool(last.a)
                and (row.a or row.b)[0] == (last.a or last.b)[-1] + 1):
            (last.a if row.a else last.b).extend(row.a or row.b)
        else:
            merged.append(row)
    return merged


def strength(link: Link) -> Strength:
    """How much a reader can lean on a link: identical passages are strong whatever their score."""
    if link.kind == "identical" or link.score >= STRONG:
        return "strong"
    return "fair" if link.score >= FAIR else "weak"


def cite(side: Side, indices: list[int]) -> str:
    """ "A6–A9, A12": a side's sentences, consecutive runs as ranges."""
    runs: list[list[int]] = []
    for i in sorted(set(indices)):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return ", ".join(sentence_ref(side, r[0]) + (f"–{sentence_ref(side, r[-1])}" if len(r) > 1 else "")
                     for r in runs)


def _diff_marks(link: Link, side: Side, text: str, cross_language: bool) -> list[tuple[int, int, Look]]:
    """Shading of one cell from the link's diff; plain when the diff does not rebuild `text`.
    Two languages are never "identical": a translation is no copy."""
    if link.kind == "identical":
        return [] if cross_language else [(0, len(text), SAME)]
    if not shows_wording(link):
        return []
    own = -1 if side == "A" else 1
    changed = MOVED_WORDS if link.kind == "moved" else REWORDED
    marks, pos = [], 0
    for op, piece in link.diff:
        if op == -own:
            continue
        if op == own:
            marks.append((pos, pos + len(piece), changed))
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
        marks = _diff_marks(link, side, text, c.cross_language)
        if link.kind == "moved":
            shade_cell(cell, MOVED_FILL)
            there = link.b if side == "A" else link.a
            add_run(paragraph, f"{'moved to' if side == 'A' else 'moved from'} {cite(other(side), there)} ", NOTE)
    shown = [doc.sentences[i] for i in indices]
    placed = comments.within(side, _locator(doc, indices), min(s.start for s in shown), max(s.end for s in shown))
    cuts = [p for _, s, e in placed for p in (s, e)]
    runs = []
    pieces = joined_pieces(doc, indices)
    for k, piece in enumerate(pieces):
        if k and piece.sentence != pieces[k - 1].sentence + 1:
            paragraph = cell.add_paragraph()  # a gap: the sentences between stand elsewhere
            add_run(paragraph, "… ", NOTE)
        elif k:
            add_run(paragraph, " ")
        label = sentence_ref(side, piece.sentence)
        if k == 0 and side == "B" and link is not None:
            label += " " + MARKERS[strength(link)]
        add_run(paragraph, label + " ", REF)
        runs += write_spans(paragraph, text[piece.at:piece.at + piece.length], offset=piece.at, marks=marks,
                            cuts=cuts)
    comments.attach(placed, runs)


def concept_line(link: Link, lexicon: Vocabulary | Names, labels: tuple[str, str]) -> str:
    """ "shared: Taiwan, Joe Biden · only in MFA: nuclear weapons"; a name both sides carry under
    different ids (the topic Taiwan, the place Taiwan) counts as shared."""
    shared, only_a, only_b = _concepts(link, lexicon)
    parts = [f"shared: {', '.join(shared)}"] if shared else []
    for label, only in zip(labels, (only_a, only_b), strict=True):
        if only:
            parts.append(f"only in {label}: {', '.join(only)}")
    return " · ".join(parts)


def translation_line(link: Link, lexicon: Vocabulary | Names, labels: tuple[str, str]) -> str:
    """What the second text of a translation pair drops, adds and softens against the first: the
    words the translation aligner found (Link.dropped/added/weaker); for a pair linked otherwise
    (versions mode asked for), the names, numbers and topics only one of the pair carries."""
    first, second = labels
    if link.kind == "translation":  # the aligner compared the words: concepts would only echo the lexicons
        dropped = [f"“{w}”" for w in _few(list(dict.fromkeys(link.dropped)))]
        added = [f"“{w}”" for w in _few(list(dict.fromkeys(link.added)))]
    else:
        _, dropped, added = _concepts(link, lexicon)
    parts = [f"{what}: {', '.join(names)}" for what, names in (("drops", dropped), ("adds", added)) if names]
    if link.weaker == "B":
        parts.append(f"words it more weakly than {first}")
    elif link.weaker == "A":
        parts.append(f"words it more strongly than {first}")
    if not parts:
        return UNCHANGED
    return f"{second} " + " · ".join(parts)


def _concepts(link: Link, lexicon: Vocabulary | Names) -> tuple[list[str], list[str], list[str]]:
    def names(ids: list[str]) -> list[str]:
        return list(dict.fromkeys(concept_label(lexicon, i, lang="en") for i in ids))

    shared, only_a, only_b = names(link.shared), names(link.only_a), names(link.only_b)
    shared += [n for n in only_a if n in only_b and n not in shared]
    return (_few(shared), _few([n for n in only_a if n not in shared]),
            _few([n for n in only_b if n not in shared]))


def _few(names: list[str]) -> list[str]:
    """At most MAX_CONCEPTS names, the rest counted: the line under a pair stays a line."""
    if len(names) <= MAX_CONCEPTS:
        return names
    return [*names[:MAX_CONCEPTS - 1], f"{len(names) - MAX_CONCEPTS + 1} more"]


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


def _dashed(row) -> None:
    """Dashed borders round the cells of a weak link."""
    for cell in row.cells:
        borders = OxmlElement("w:tcBorders")
        for edge in ("top", "left", "bottom", "right"):
            line = OxmlElement(f"w:{edge}")
            for key, value in (("val", "dashed"), ("sz", "6"), ("space", "0"), ("color", "808080")):
                line.set(qn(f"w:{key}"), value)
            borders.append(line)
        cell._tc.get_or_add_tcPr().insert_element_before(
            borders, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _text_size(row) -> None:
    """CELL_TEXT_PT for the runs of a row that have no size of their own."""
    for r in row._tr.iter(qn("w:r")):
        rpr = r.get_or_add_rPr()
        if rpr.find(qn("w:sz")) is None:
            rpr.get_or_add_sz().val = Pt(CELL_TEXT_PT)


def lines(text: str) -> int:
    """About how many lines `text` takes in a half-page cell."""
    return 1 + display_units(text) // _LINE_UNITS


def reorders_b(c: Comparison) -> bool:
    """Whether the table shows B's sentences out of B's own order (beside their counterparts)."""
    shown = [j for row in rows(c) for j in row.b]
    return shown != sorted(shown)


def translation_pair(c: Comparison) -> bool:
    """One text in two languages: the aligner linked it as a translation (or versions mode was
    asked for across languages)."""
    return c.cross_language and (c.mode == "versions" or any(link.kind == "translation" for link in c.links))


def add_legend(document, c: Comparison) -> None:
    p = document.add_paragraph()
    add_run(p, "Legend: ", NOTE)
    add_run(p, "only this side has it", ONLY)
    if not c.cross_language:
        add_run(p, "   ")
        add_run(p, "words reworded between the two", REWORDED)
        add_run(p, "   ")
        add_run(p, "identical passage", SAME)
    if any(link.kind == "moved" for link in c.links):
        add_run(p, "   ")
        add_run(p, "moved elsewhere in the other text", MOVED)
    add_run(p, "   A3, B7: the sentence's number in its own text · ●●● strong, ●●○ fair, ●○○ weak link "
            "(dashed: check it) · “…”: the cell skips sentences that stand elsewhere", NOTE)
    if translation_pair(c):
        add_run(p, ". Each sentence stands beside its translation; the grey line under a pair says what "
                f"{c.label('B')} drops, adds or words more weakly than {c.label('A')}.", NOTE)
    elif c.cross_language:
        add_run(p, ". Under each pair, the names, numbers and topics both passages carry, and those only one does.",
                NOTE)
    if reorders_b(c):
        add_run(p, f" {c.label('B')}'s sentences stand next to their counterparts, so they "
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
        cells = table_row.cells
        _fill(cells[0], c, "A", row.a, row.link, comments)
        _fill(cells[1], c, "B", row.b, row.link, comments)
        if max(lines(joined_text(c.a, row.a)), lines(joined_text(c.b, row.b))) <= KEEP_WHOLE_LINES:
            keep_row_together(table_row)
        if row.link is not None and strength(row.link) == "weak":
            _dashed(table_row)
        _text_size(table_row)
        line = ""
        if names is not None and row.link is not None:
            line = (translation_line(row.link, names, labels) if translation_pair(c)
                    else concept_line(row.link, names, labels))
        if line:
            _keep_with_next(table_row)
            concepts = table.add_row()
            keep_row_together(concepts)
            cell = concepts.cells[0].merge(concepts.cells[1])
            add_run(cell.paragraphs[0], line, NOTE)
