"""File > Print…, Print Preview… and Export PDF…: the two texts side by side in a two-column table,
one row per linked passage (an unmatched sentence on a row of its own), tinted and with the changed
words marked as in the panes, in the light theme's colours whatever the screen shows."""

from __future__ import annotations

import html
from bisect import bisect_left
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer import colours
from viewer.app import palette
from viewer.app.display import Display, prepare
from viewer.app.legend import describe
from viewer.app.naming import chosen_path, file_stem
from viewer.app.navigation import rows
from viewer.model import SIDES, Comparison, Side


def _cell(c: Comparison, display: Display, side: Side, idx: tuple[int, ...], meaning: str) -> str:
    if not idx:
        return "<td></td>"
    doc = c.doc(side)
    marks = [(s, e, m) for s, e, m in display.spans[side] if m.startswith("changed_")]
    starts = [s for s, _e, _m in marks]
    parts = []
    for i in sorted(idx):
        sent = doc.sentences[i]
        out, pos = [], sent.start
        for s, e, m in marks[bisect_left(starts, sent.start):]:
            if s >= sent.end:
                break
            out.append(html.escape(doc.text[pos:s]))
            out.append(f'<span style="background:{colours.LIGHT[m]}; text-decoration: underline">'
                       f"{html.escape(doc.text[s:e])}</span>")
            pos = e
        out.append(html.escape(doc.text[pos:sent.end]))
        parts.append("".join(out))
    return f'<td style="background:{colours.LIGHT.get(meaning, colours.LIGHT["related"])}">{" ".join(parts)}</td>'


def side_by_side_html(c: Comparison, display: Display | None = None) -> str:
    display = display or prepare(c)
    families = ", ".join(f"'{f}'" for f in palette.TEXT_FAMILIES)
    names = {side: html.escape(c.label(side)) for side in SIDES}
    kinds = sorted(set(display.kinds), key=lambda k: (k != "only", k))
    key = " &nbsp; ".join(f'<span style="background:{colours.LIGHT.get(k, colours.LIGHT["related"])}">'
                          f"&nbsp;{html.escape(describe(k)[0])}&nbsp;</span>" for k in ["only", *kinds])
    out = [f'<html><body style="font-family: {families}; font-size: 9pt">',
           f"<h2>{names['A']} ↔ {names['B']}</h2>",
           f"<p>{key} &nbsp; <u>changed words</u></p>",
           '<table width="100%" cellspacing="0" cellpadding="4" border="1" style="border-collapse: collapse">',
           f'<tr><th width="50%">A: {names["A"]}</th><th width="50%">B: {names["B"]}</th></tr>']
    for row in rows(c, display.kinds):
        meaning = "only" if row.link is None else display.kinds[row.link]
        out.append("<tr>" + _cell(c, display, "A", row.a, meaning) + _cell(c, display, "B", row.b, meaning) + "</tr>")
    out.append("</table></body></html>")
    return "\n".join(out)


class SideBySide:
    def __init__(self, comparison: Comparison, display: Display | None, window):
        self.comparison, self.window = comparison, window
        self.document = QTextDocument()
        self.document.setHtml(side_by_side_html(comparison, display))

    def _printer(self, mode=QPrinter.PrinterMode.HighResolution) -> QPrinter:
        printer = QPrinter(mode)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return printer

    def preview(self) -> None:
        dialog = QPrintPreviewDialog(self._printer(), self.window)
        dialog.paintRequested.connect(self.document.print_)
        dialog.exec()

    def print_dialog(self) -> None:
        printer = self._printer()
        if QPrintDialog(printer, self.window).exec():
            self.document.print_(printer)

    def write_pdf(self, path: str) -> None:
        printer = self._printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.document.print_(printer)

    def choose_and_export_pdf(self) -> None:
        c = self.comparison
        source = c.a.readout.source
        folder = Path(source).parent if source and Path(source).parent.is_dir() else Path.home()
        start = folder / (file_stem([c.label(s) for s in SIDES]) + " side by side.pdf")
        path, _ = QFileDialog.getSaveFileName(self.window, self.window.tr("Export PDF"), str(start),
                                              self.window.tr("PDF files (*.pdf)"))
        chosen = chosen_path(self.window, path, ".pdf") if path else None
        if chosen is None:
            return
        path = chosen[0]
        if not Path(path).parent.is_dir():
            QMessageBox.warning(self.window, self.window.tr("Cannot export the PDF"),
                                self.window.tr("{path}: the folder does not exist").format(path=path))
            return
        self.write_pdf(path)
        self.window.set_note(self.window.tr("PDF saved to {path}").format(path=path), 6000)
