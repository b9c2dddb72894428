"""The brief's look: colours, fonts that render Chinese and Russian, and runs cut at given offsets.

Colours are the window's (viewer/colours.py, its light theme): one Okabe-Ito hue per meaning,
reddish purple for text only one side has, bluish green for words changed inside a linked passage,
sky blue for a moved sentence, grey for identical passages; soft tints, so the text stays legible
when printed in grey. Word's 16 highlight colours are all loud, so the shading is a `w:shd` fill on
the run or cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from viewer.colours import LIGHT
from viewer.lang.script import EAST_ASIAN
from viewer.printable import xml_safe


def fill(meaning: str) -> str:
    """The w:fill ("RRGGBB") of a meaning of viewer/colours.py on the white page."""
    return LIGHT[meaning].lstrip("#")


ONLY_FILL = fill("only")  # text only one side has
REWORD_FILL = fill("changed_reworded")  # words changed inside a linked passage
MOVED_FILL = fill("moved")  # a sentence the other text places elsewhere (versions)
MOVED_WORDS_FILL = fill("changed_moved")  # words changed inside a moved sentence
SUBDUED = RGBColor(0x6E, 0x6E, 0x6E)  # identical passages, secondary notes

LATIN_FONT = "Calibri"
# Word on Windows has Microsoft YaHei; elsewhere (LibreOffice with fontconfig) the name
# resolves to the installed CJK sans, e.g. Noto Sans CJK SC (checked on Debian 12).
EAST_ASIAN_FONT = "Microsoft YaHei"

EAST_ASIAN_TEXT = EAST_ASIAN
_RPR_AFTER_SHD = ("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath")
_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


@dataclass(frozen=True)
class Look:
    """How a stretch of text is drawn."""

    fill: str | None = None
    color: RGBColor | None = None
    bold: bool = False
    italic: bool = False
    size: float | None = None


PLAIN = Look()
ONLY = Look(fill=ONLY_FILL)
REWORDED = Look(fill=REWORD_FILL)
MOVED_WORDS = Look(fill=MOVED_WORDS_FILL)
MOVED = Look(fill=MOVED_FILL)
SAME = Look(color=SUBDUED)
NOTE = Look(color=SUBDUED, italic=True, size=9)
REF = Look(color=SUBDUED, bold=True, size=7.5)  # a sentence's number ("A3") before its text


def _shd(fill: str):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    return shd


def add_run(paragraph: Paragraph, text: str, look: Look = PLAIN) -> Run:
    """A run drawn as `look`; East Asian text gets the East Asian font and hint explicitly."""
    text = xml_safe(text)  # a title, a note or a project's text may hold what XML cannot
    run = paragraph.add_run(text)
    if look.bold:
        run.bold = True
    if look.italic:
        run.italic = True
    if look.color is not None:
        run.font.color.rgb = look.color
    if look.size is not None:
        run.font.size = Pt(look.size)
    if look.fill is not None or EAST_ASIAN_TEXT.search(text):
        rpr = run._r.get_or_add_rPr()
        if look.fill is not None:
            rpr.insert_element_before(_shd(look.fill), *_RPR_AFTER_SHD)
        if EAST_ASIAN_TEXT.search(text):
            fonts = rpr.get_or_add_rFonts()
            fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
            fonts.set(qn("w:hint"), "eastAsia")
    return run


def display_units(text: str) -> int:
    """Width of a text in Latin characters: an East Asian character takes two."""
    return len(text) + len(EAST_ASIAN_TEXT.findall(text))


def excerpt(text: str, units: int) -> str:
    """The text on one line, cut at a word (at any character in Chinese) to fit `units`, with "…"."""
    text = " ".join(text.split())
    if display_units(text) <= units:
        return text
    used, cut = 0, 0
    for k, ch in enumerate(text):
        used += display_units(ch)
        if used > units - 1:
            break
        cut = k + 1
    short = text[:cut]
    if not EAST_ASIAN_TEXT.match(text[cut]) and " " in short:
        short = short.rsplit(" ", 1)[0]
    return short.rstrip(" ,;:，、；：") + "…"


def shade_cell(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().insert_element_before(_shd(fill), *_TCPR_AFTER_SHD)


def write_spans(
    paragraph: Paragraph,
    text: str,
    *,
    offset: int = 0,
    marks: Iterable[tuple[int, int, Look]] = (),
    cuts: Iterable[int] = (),
) -> list[tuple[int, int, Run]]:
    """Write `text` (standing at `offset` in some coordinate space) as runs.

    Runs change look at the `marks` (sorted, non-overlapping spans in that space; the rest is
    plain) and are also cut at `cuts`, so that a comment can later cover exactly a span.
    Returns each run with its span.
    """
    end = offset + len(text)
    marks = [(max(s, offset), min(e, end), look) for s, e, look in marks if s < end and e > offset]
    bounds = {offset, end, *(c for c in cuts if offset < c < end)}
    for s, e, _ in marks:
        bounds.update((s, e))
    edges = sorted(bounds)
    out: list[tuple[int, int, Run]] = []
    m = 0
    for s, e in zip(edges, edges[1:], strict=False):
        while m < len(marks) and marks[m][1] <= s:
            m += 1
        look = marks[m][2] if m < len(marks) and marks[m][0] <= s else PLAIN
        out.append((s, e, add_run(paragraph, text[s - offset:e - offset], look)))
    return out


def set_document_fonts(document) -> None:
    """Explicit font names instead of the template's theme fonts, East Asian included.

    Theme font attributes win over explicit names, so they are replaced wherever they stand
    (document defaults, headings, title).
    """
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        if not any(name.lower().endswith("theme") for name in fonts.attrib):
            continue
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        for attr in ("ascii", "hAnsi", "cs"):
            fonts.set(qn(f"w:{attr}"), LATIN_FONT)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def add_hyperlink(paragraph: Paragraph, url: str, look: Look = PLAIN) -> None:
    """A link a reader can click (w:hyperlink to an external relationship), styled as one."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = add_run(paragraph, url, look)
    run._r.get_or_add_rPr().insert(0, _rstyle("Hyperlink"))
    run._r.addprevious(link)
    link.append(run._r)


def _rstyle(style_id: str):
    el = OxmlElement("w:rStyle")
    el.set(qn("w:val"), style_id)
    return el
