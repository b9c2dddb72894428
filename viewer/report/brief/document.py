"""The brief's sections, in the order an analyst's desk reads them (DESIGN.md section 6)."""

from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date

import docx
from docx.shared import Cm, Pt

from viewer.model import SIDES, Annotation, Comparison, Side
from viewer.printable import printable, xml_safe
from viewer.report.brief import sidebyside
from viewer.report.brief.chart import topic_chart_png
from viewer.report.brief.comments import Comments
from viewer.report.brief.style import NOTE, Look, add_run, set_document_fonts, write_spans
from viewer.report.brief.tracked import add_tracked_changes

PAGE_WIDTH_CM = 21.0  # A4
MARGIN_CM = 2.0
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
BOLD = Look(bold=True)
# A desk reads a dozen findings; the rest are one click away in the window or the JSON.
MAX_FINDINGS = 12


def _language_name(code: str) -> str:
    from babel import Locale

    return Locale("en").languages.get(code, code)


def _label(c: Comparison, side: Side) -> str:
    return c.label(side)


def _table(document, header: list[str], rows: list[list[str]], widths_cm: list[float]):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    sidebyside.repeat_as_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        add_run(cell.paragraphs[0], text, BOLD)
    for values in rows:
        row = table.add_row()
        sidebyside.keep_row_together(row)
        for cell, text in zip(row.cells, values, strict=True):
            add_run(cell.paragraphs[0], text)
    return table


def _styled(document, style_id: str):
    """A paragraph styled by id: python-docx's lookup by name scans every style on each call."""
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _heading(document, text: str, level: int = 1):
    return document.add_heading(xml_safe(text), level=level)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    set_document_fonts(document)


def _title(document, c: Comparison, title: str | None) -> None:
    kind = "two versions of one text" if c.mode == "versions" else "two readouts"
    title = title or f"{_label(c, 'A')} and {_label(c, 'B')}: {kind} compared"
    document.core_properties.title = xml_safe(title)
    document.core_properties.author = "Counterpart"
    add_run(document.add_heading(level=0), title)
    dates = sorted({d for d in (c.a.readout.date, c.b.readout.date) if d})
    line = f"Brief of {date.today().isoformat()}"
    if dates:
        line += " · texts dated " + " and ".join(dates)
    add_run(document.add_paragraph(), line, NOTE)


def _sources(document, c: Comparison) -> None:
    _heading(document, "The two texts")

    def length(side: Side) -> str:
        doc = c.doc(side)
        unit = "Chinese characters" if doc.language == "zh" else "words"
        return f"{doc.words:,} {unit}, {len(doc.sentences)} sentences"

    fields = [
        ("Title", lambda s: c.doc(s).readout.title or ""),
        ("Publisher", lambda s: c.doc(s).readout.publisher or ""),
        ("Date", lambda s: c.doc(s).readout.date or ""),
        ("Source", lambda s: printable(c.doc(s).readout.source or "pasted text")),
        ("Language", lambda s: _language_name(c.doc(s).language)),
        ("Length", length),
    ]
    rows = [[name, get("A"), get("B")] for name, get in fields]
    rows = [row for row in rows if row[1] or row[2]]  # no empty Publisher/Date lines
    _table(document, ["", f"A: {_label(c, 'A')}", f"B: {_label(c, 'B')}"], rows, [3.0, 7.0, 7.0])


def _findings(document, c: Comparison) -> None:
    _heading(document, "Summary of findings")
    findings = sorted(c.findings, key=lambda f: -f.weight)
    if not findings:
        add_run(document.add_paragraph(), "No difference of emphasis stood out.", NOTE)
    for f in findings[:MAX_FINDINGS]:
        p = _styled(document, "ListNumber")
        add_run(p, f.text)
        if f.evidence:
            # the side the finding is about: a share finding quotes the side that devotes more
            ev = next((e for e in f.evidence if e.side == f.side), f.evidence[0])
            sentences = c.doc(ev.side).sentences
            if 0 <= ev.sentence < len(sentences):
                quote = sentences[ev.sentence].text
                quote = quote if len(quote) <= 160 else quote[:159] + "…"
                add_run(p, f"\n{_label(c, ev.side)}: “{quote}”", NOTE)
    rest = findings[MAX_FINDINGS:]
    if rest:
        kinds = Counter(f.kind for f in rest).most_common()
        add_run(document.add_paragraph(),
                f"{len(rest)} further finding{'s' if len(rest) > 1 else ''} of lower weight "
                f"({', '.join(f'{n} {kind}' for kind, n in kinds)}) "
                "in the window's findings list and the JSON export.", NOTE)


def _emphasis(document, c: Comparison) -> None:
    _heading(document, "Emphasis")
    if c.topics:
        def cell(t, side: Side) -> str:
            if t.sentences.get(side):
                rank = t.rank.get(side)
                return f"{100 * t.share.get(side, 0):.0f}%" + (f" · #{rank}" if rank else "")
            return "in passing" if t.passing.get(side) else "absent"

        topics = sorted(c.topics, key=lambda t: -max(t.share.get("A", 0), t.share.get("B", 0)))
        rows = [[t.label, cell(t, "A"), cell(t, "B")] for t in topics]
        header = "Topic (share of text · #: order of first mention)"
        _table(document, [header, _label(c, "A"), _label(c, "B")], rows, [7.0, 5.0, 5.0])
    else:
        add_run(document.add_paragraph(), "No topic of the lexicon was found in either text.", NOTE)
    if c.speakers:
        _heading(document, "Voice: who is reported speaking", 2)
        names = sorted({n for side in SIDES for n in c.speakers.get(side, {})},
                       key=lambda n: -sum(c.speakers.get(s, {}).get(n, 0) for s in SIDES))
        rows = [[n, *(f"{100 * c.speakers.get(s, {}).get(n, 0):.0f}%" for s in SIDES)] for n in names]
        _table(document, ["Speaker (share of sentences)", _label(c, "A"), _label(c, "B")], rows, [7.0, 5.0, 5.0])


def _tone(document, c: Comparison) -> None:
    """One row per tone marker, the words each side used for it: the contrast reads across a row."""
    _heading(document, "Tone markers")
    words: dict[str, dict[Side, Counter]] = {}
    for side in SIDES:
        for mark in c.tone.get(side, []):
            words.setdefault(mark.id, {"A": Counter(), "B": Counter()})[side][mark.text] += 1
    if not words:
        add_run(document.add_paragraph(), "None: neither text uses a tone marker of the lexicon.", NOTE)
        return
    names = c.names

    def used(counts: Counter) -> str:
        return ", ".join(f"“{w}”" + (f" ×{n}" if n > 1 else "") for w, n in counts.most_common()) or "—"

    order = sorted(words, key=lambda t: -sum(sum(words[t][s].values()) for s in SIDES))
    table = _table(document, ["Tone marker: its usual reading", _label(c, "A"), _label(c, "B")],
                   [["", used(words[t]["A"]), used(words[t]["B"])] for t in order], [7.0, 5.0, 5.0])
    for row, tone_id in zip(table.rows[1:], order, strict=True):
        paragraph = row.cells[0].paragraphs[0]
        add_run(paragraph, names.tone_label(tone_id))
        reading = names.tone_reading(tone_id)
        if reading:
            add_run(paragraph, f": {reading}", NOTE)


def _chart(document, c: Comparison, chart_png: bytes | None) -> None:
    image = chart_png or topic_chart_png(c)
    if image is None:
        return
    _heading(document, "Topic shares", 2)
    # In a one-cell table whose row cannot split: LibreOffice then keeps the heading with the
    # chart, which it does not do for a picture paragraph that must move to the next page.
    frame = document.add_table(rows=1, cols=1)
    sidebyside.keep_row_together(frame.rows[0])
    frame.rows[0].cells[0].paragraphs[0].add_run().add_picture(io.BytesIO(image), width=Cm(TEXT_WIDTH_CM * 0.9))


def _side_by_side(document, c: Comparison, comments: Comments) -> None:
    _heading(document, "The texts side by side")
    sidebyside.add_legend(document, c)
    sidebyside.add_table(document, c, comments, TEXT_WIDTH_CM)


def _one_side_only(document, c: Comparison) -> None:
    _heading(document, "What only one side says")
    for side in SIDES:
        p = document.add_paragraph()
        p.paragraph_format.keep_with_next = True
        add_run(p, f"Only in {_label(c, side)}", BOLD)
        only = c.unmatched.get(side, [])
        if not only:
            add_run(p, " — nothing: every passage has a counterpart.", NOTE)
        for i in only:
            add_run(_styled(document, "ListBullet"), c.doc(side).sentences[i].text)


def _distinctive(document, c: Comparison) -> None:
    terms = {side: c.distinctive.get(side, [])[:15] for side in SIDES}
    unit = "concepts" if c.cross_language else "words"
    _heading(document, f"Distinctive {unit}")
    if not any(terms.values()):
        add_run(document.add_paragraph(), f"None: no {unit[:-1]} is markedly over-represented in either text.", NOTE)
        return
    what = ("Topics, names and tone markers (the texts are in two languages, so their words cannot be "
            "counted against each other) mentioned" if c.cross_language else "Words")
    add_run(document.add_paragraph(), f"{what} over-represented in one text against the other "
            "(log-odds ratio with an informative Dirichlet prior; z-score, count).", NOTE)
    depth = max(len(t) for t in terms.values())

    def cell(side: Side, k: int) -> str:
        if k >= len(terms[side]):
            return ""
        t = terms[side][k]
        return f"{t.term} (z {t.score:.1f}, ×{t.count})"

    rows = [[cell("A", k), cell("B", k)] for k in range(depth)]
    _table(document, [_label(c, "A"), _label(c, "B")], rows, [8.5, 8.5])


def _detached(document, notes: Sequence[Annotation]) -> None:
    """Notes whose quote is no longer in the text cannot be comments; they are listed, never dropped."""
    notes = [a for a in notes if a.detached]
    if not notes:
        return
    _heading(document, "Notes whose passage is no longer in the text")
    for note in notes:
        item = _styled(document, "ListBullet")
        add_run(item, f"{note.side}: “{note.quote}” — ")
        add_run(item, note.note)
        add_run(item, f" ({note.author or 'Counterpart'})", NOTE)


def _new_page_heading(document, text: str, level: int = 1):
    """A heading that starts a page: a page-break paragraph instead can leave an empty page."""
    heading = _heading(document, text, level)
    heading.paragraph_format.page_break_before = True
    return heading


def _tracked(document, c: Comparison, first_id: int) -> None:
    _new_page_heading(document, f"Changes from {_label(c, 'A')} to {_label(c, 'B')} (tracked changes)")
    add_run(document.add_paragraph(), "The second text as tracked changes against the first: in Word, "
            "Review › Next steps through them; accepting all gives the second text, rejecting all the first.",
            NOTE)
    add_tracked_changes(document, c, first_id)


def _appendix(document, c: Comparison, comments: Comments) -> None:
    _new_page_heading(document, "Appendix: the full texts")
    for side in SIDES:
        doc = c.doc(side)
        if side == "B":
            _new_page_heading(document, f"{side}: {_label(c, side)}", 2)
        else:
            _heading(document, f"{side}: {_label(c, side)}", 2)
        if doc.readout.title and not doc.text.lstrip().startswith(doc.readout.title):
            add_run(document.add_paragraph(), doc.readout.title, BOLD)
        placed = comments.within(side, lambda start, end: (start, end))
        cuts = sorted(p for _, s, e in placed for p in (s, e))
        runs = []
        for start, end in doc.paragraphs or [(0, len(doc.text))]:
            inside = cuts[bisect_right(cuts, start):bisect_left(cuts, end)]
            runs += write_spans(document.add_paragraph(), doc.text[start:end], offset=start, cuts=inside)
        comments.attach(placed, runs)


def build(c: Comparison, *, notes: Sequence[Annotation] = (), title: str | None = None,
          chart_png: bytes | None = None):
    """The whole brief as a python-docx Document, the user's `notes` as comments."""
    document = docx.Document()
    _page_setup(document)
    comments = Comments(document, [a for a in notes if not a.detached])
    _title(document, c, title)
    _sources(document, c)
    _findings(document, c)
    _emphasis(document, c)
    _tone(document, c)
    _chart(document, c, chart_png)
    _side_by_side(document, c, comments)
    _one_side_only(document, c)
    _distinctive(document, c)
    _detached(document, notes)
    if c.mode == "versions" and not c.cross_language:  # a translation as tracked changes is all red
        _tracked(document, c, first_id=len(notes))
    _appendix(document, c, comments)
    return document

