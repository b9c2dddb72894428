"""The brief's sections, in the order an analyst's desk reads them (DESIGN.md section 6)."""

from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from datetime import date

import docx
from docx.shared import Cm

from viewer.emphasis.coverage import sentence_words
from viewer.model import SIDES, Annotation, Comparison, Side, other, sentence_ref
from viewer.printable import printable, xml_safe
from viewer.report.brief import sidebyside
from viewer.report.brief.chart import topic_chart_png
from viewer.report.brief.comments import Comments
from viewer.report.brief.pages import TEXT_WIDTH_CM, page_setup, running_header_and_footer, set_properties
from viewer.report.brief.style import (
    MOVED,
    NOTE,
    ONLY,
    REF,
    REWORDED,
    SAME,
    Look,
    add_hyperlink,
    add_run,
    excerpt,
    shade_cell,
    write_spans,
)
from viewer.report.brief.summary import add_findings, add_translation_changes
from viewer.report.brief.tracked import add_tracked_changes

BOLD = Look(bold=True)
BOX_FILL = "F2F2F2"
# What only one side says is listed by number with the start of each sentence; the whole
# sentence stands, shaded, in the side-by-side table (a listing in full doubled the pages).
EXCERPT_UNITS = 150  # East Asian characters counting two


def _language_name(code: str) -> str:
    from babel import Locale

    return Locale("en").languages.get(code, code)


def _label(c: Comparison, side: Side) -> str:
    return c.label(side)


def kind_of_pair(c: Comparison) -> str:
    if sidebyside.translation_pair(c):
        return "one text in two languages"
    return "two versions of one text" if c.mode == "versions" else "two readouts"


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


def _title(document, c: Comparison, title: str | None, author: str) -> None:
    title = title or f"{_label(c, 'A')} and {_label(c, 'B')}: {kind_of_pair(c)} compared"
    add_run(document.add_heading(level=0), title)
    dates = sorted({d for d in (c.a.readout.date, c.b.readout.date) if d})
    today = date.today().isoformat()
    line = f"Brief of {today}" + (f" by {author}" if author else "")
    if dates:
        line += " · texts dated " + " and ".join(dates)
    add_run(document.add_paragraph(), line, NOTE)
    set_properties(document, title=title, author=author,
                   subject=f"{_label(c, 'A')} and {_label(c, 'B')}: {kind_of_pair(c)}")
    running_header_and_footer(document, title, f"A: {_label(c, 'A')} · B: {_label(c, 'B')}", f"brief of {today}")


def _body(c: Comparison, side: Side) -> list[int]:
    """The sentences that are text: not the headline or other page furniture."""
    return [s.i for s in c.doc(side).sentences if not (s.heading or s.furniture)]


def _length(c: Comparison, side: Side) -> str:
    doc = c.doc(side)
    unit = "Chinese characters" if doc.language == "zh" else "words"
    body = _body(c, side)
    words = sum(sentence_words(doc.sentences[i], doc.language) for i in body)
    apart = len(doc.sentences) - len(body)
    return (f"{words:,} {unit} in {len(body)} sentences"
            + (f" (and {apart} line{'s' if apart > 1 else ''} of headline or page furniture)" if apart else ""))


def _counterparts(c: Comparison, side: Side) -> str:
    n = len(c.doc(side).sentences)
    alone = len(c.unmatched.get(side, []))
    return f"{n - alone} of {n} sentences have a counterpart in {_label(c, other(side))}" + (
        f"; {alone} have none" if alone else "")


def _sources(document, c: Comparison) -> None:
    _heading(document, "The two texts")

    def title(s: Side) -> str:
        return c.doc(s).readout.title or "none (the text starts without a headline)"

    fields = [
        ("Title", title),
        ("Publisher", lambda s: c.doc(s).readout.publisher or ""),
        ("Date", lambda s: c.doc(s).readout.date or ""),
        ("Source", lambda s: ""),  # filled below: an address is a link
        ("Language", lambda s: _language_name(c.doc(s).language)),
        ("Length", lambda s: _length(c, s)),
        ("Counterparts", lambda s: _counterparts(c, s)),
    ]
    rows = [[name, get("A"), get("B")] for name, get in fields]
    rows = [row for row in rows if row[1] or row[2] or row[0] == "Source"]  # no empty Publisher/Date lines
    table = _table(document, ["", f"A: {_label(c, 'A')}", f"B: {_label(c, 'B')}"], rows, [3.0, 7.0, 7.0])
    source_row = table.rows[1 + [r[0] for r in rows].index("Source")]
    for side, cell in zip(SIDES, source_row.cells[1:], strict=True):
        readout = c.doc(side).readout
        address = readout.address
        if address and address.lower().startswith(("http://", "https://")):
            add_hyperlink(cell.paragraphs[0], printable(address), Look(size=8))
        else:
            add_run(cell.paragraphs[0], printable(address or "pasted text"))
    kinds = Counter(link.kind for link in c.links)
    linked = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common()) or "none"
    add_run(document.add_paragraph(), f"{len(c.links)} linked passages ({linked}).", NOTE)


def _how_to_read(document, c: Comparison) -> None:
    """A shaded box on page 1: the numbering, the colours and the marks the rest of the brief uses."""
    box = document.add_table(rows=1, cols=1)
    box.autofit = False
    box.columns[0].width = Cm(TEXT_WIDTH_CM)
    cell = box.rows[0].cells[0]
    shade_cell(cell, BOX_FILL)
    sidebyside.keep_row_together(box.rows[0])
    add_run(cell.paragraphs[0], "How to read this brief", BOLD)

    def line(*parts: tuple[str, Look | None]) -> None:
        p = cell.add_paragraph()
        p.paragraph_format.space_after = Cm(0.05)
        for text, look in parts:
            add_run(p, text, look or Look(size=9))

    line(("A3", REF), (f" is the third sentence of A ({_label(c, 'A')}), ", None), ("B7", REF),
         (f" the seventh of B ({_label(c, 'B')}), each counted in its own text. The findings cite these numbers; "
          "the side-by-side table and the appendix print them before each sentence.", None))
    colours: list[tuple[str, Look | None]] = [("Shading: ", None), ("only one side says it", ONLY)]
    if not c.cross_language:
        colours += [(" · ", None), ("words changed between two linked passages", REWORDED), (" · ", None),
                    ("identical passage", SAME)]
    colours.append((" · plain: linked passages that say the same thing in other words"
                    + (" or in the other language." if c.cross_language else "."), None))
    line(*colours)
    line(("How strong a link is: ●●● strong, ●●○ fair, ●○○ weak (dashed border: read both sentences before "
          "citing the pair). “…” in a cell: the passage joins sentences that stand apart in their text.", None))
    if any(link.kind == "moved" for link in c.links):
        line(("A moved sentence is ", None), ("shaded sky blue", MOVED), (" and tagged “moved to B7” / “moved from A3”; "
              "the tracked changes show it as a Word move (Review › Next).", None))
    if sidebyside.translation_pair(c):
        line((f"A translation: each sentence stands beside its translation, and a grey line says what "
              f"{_label(c, 'B')} drops, adds or words more weakly; no pair is called identical.", None))
    document.add_paragraph()


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
    if sidebyside.translation_pair(c):
        _heading(document, "The text and its translation, sentence by sentence")
    else:
        _heading(document, "The texts side by side")
    sidebyside.add_legend(document, c)
    sidebyside.add_table(document, c, comments, TEXT_WIDTH_CM)


def _one_side_only(document, c: Comparison) -> None:
    _heading(document, "What only one side says")
    add_run(document.add_paragraph(), "The start of each sentence that has no counterpart in the other text; "
            "the whole sentence stands, shaded, under the same number in the side-by-side table.", NOTE)
    for side in SIDES:
        p = document.add_paragraph()
        p.paragraph_format.keep_with_next = True
        add_run(p, f"Only in {_label(c, side)}", BOLD)
        only = c.unmatched.get(side, [])
        if not only:
            add_run(p, " — nothing: every passage has a counterpart.", NOTE)
        for i in only:
            item = document.add_paragraph()
            item.paragraph_format.left_indent = Cm(0.9)
            item.paragraph_format.first_line_indent = Cm(-0.9)
            item.paragraph_format.space_after = Cm(0.05)
            add_run(item, f"{sentence_ref(side, i)}\t", REF)
            add_run(item, excerpt(c.doc(side).sentences[i].text, EXCERPT_UNITS))


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


def _tracked(document, c: Comparison, first_id: int) -> None:
    _heading(document, f"Changes from {_label(c, 'A')} to {_label(c, 'B')} (tracked changes)")
    add_run(document.add_paragraph(), "The second text as tracked changes against the first: in Word, "
            "Review › Next steps through them; a moved sentence shows as a move (double underline and "
            "strike-through, in green). Accepting all gives the second text, rejecting all the first.", NOTE)
    add_tracked_changes(document, c, first_id)


def _appendix(document, c: Comparison, comments: Comments) -> None:
    _heading(document, "Appendix: the full texts")
    add_run(document.add_paragraph(), "Each text in its own order, its sentences numbered as in the rest of the "
            "brief.", NOTE)
    for side in SIDES:
        doc = c.doc(side)
        _heading(document, f"{side}: {_label(c, side)}", 2)
        if doc.readout.title and not doc.text.lstrip().startswith(doc.readout.title):
            add_run(document.add_paragraph(), doc.readout.title, BOLD)
        placed = comments.within(side, lambda start, end: (start, end))
        cuts = sorted(p for _, s, e in placed for p in (s, e))
        starts = [s.start for s in doc.sentences]  # in order
        runs = []
        for start, end in doc.paragraphs or [(0, len(doc.text))]:
            paragraph = document.add_paragraph()
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            edges = [start, *(k for k in starts[first:last] if k > start), end]
            for s, e in zip(edges, edges[1:], strict=False):
                k = bisect_left(starts, s)
                if k < len(starts) and starts[k] == s:
                    add_run(paragraph, sentence_ref(side, k) + " ", REF)
                inside = cuts[bisect_right(cuts, s):bisect_left(cuts, e)]
                runs += write_spans(paragraph, doc.text[s:e], offset=s, cuts=inside)
        comments.attach(placed, runs)


def build(c: Comparison, *, notes: Sequence[Annotation] = (), title: str | None = None, author: str = "",
          chart_png: bytes | None = None):
    """The whole brief as a python-docx Document, the user's `notes` as comments."""
    document = docx.Document()
    page_setup(document)
    comments = Comments(document, [a for a in notes if not a.detached])
    _title(document, c, title, author)
    _sources(document, c)
    _how_to_read(document, c)
    add_findings(document, c)
    if sidebyside.translation_pair(c):
        add_translation_changes(document, c)
    _emphasis(document, c)
    _tone(document, c)
    _distinctive(document, c)
    _chart(document, c, chart_png)
    _side_by_side(document, c, comments)
    _one_side_only(document, c)
    _detached(document, notes)
    if c.mode == "versions" and not c.cross_language:  # a translation as tracked changes is all red
        _tracked(document, c, first_id=len(notes))
    _appendix(document, c, comments)
    return document
