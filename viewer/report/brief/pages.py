"""The brief as a file Word is strict about: A4 pages with a running header and a numbered footer,
document properties that say what it is and who wrote it, and a definition of every style used.

python-docx starts from a template made in 2013 by "Microsoft Macintosh Word" whose styles lack
the ones its own comments refer to (CommentText, CommentReference); Word repairs or complains
about what is missing, so it is set here.
"""

from __future__ import annotations

from datetime import UTC, datetime

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from viewer.printable import xml_safe
from viewer.report.brief.style import NOTE, Look, add_run, set_document_fonts

APPLICATION = "Counterpart"
PAGE_WIDTH_CM, PAGE_HEIGHT_CM = 21.0, 29.7  # A4
MARGIN_CM = 2.0
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
RUNNING = Look(color=NOTE.color, size=8)

# Styles python-docx writes or Word expects for what the brief holds, absent from its template.
_STYLES = {
    "CommentText": ('paragraph', "annotation text", '<w:basedOn w:val="Normal"/><w:link w:val="CommentTextChar"/>',
                    '<w:rPr><w:sz w:val="20"/></w:rPr>'),
    "CommentTextChar": ('character', "Comment Text Char", '<w:basedOn w:val="DefaultParagraphFont"/>'
                        '<w:link w:val="CommentText"/>', '<w:rPr><w:sz w:val="20"/></w:rPr>'),
    "CommentReference": ('character', "annotation reference", '<w:basedOn w:val="DefaultParagraphFont"/>',
                         '<w:rPr><w:sz w:val="16"/></w:rPr>'),
    "CommentSubject": ('paragraph', "annotation subject", '<w:basedOn w:val="CommentText"/>'
                       '<w:next w:val="CommentText"/>', '<w:rPr><w:b/></w:rPr>'),
    "Hyperlink": ('character', "Hyperlink", '<w:basedOn w:val="DefaultParagraphFont"/>',
                  '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
}


def page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = section.footer_distance = Cm(1.0)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    set_document_fonts(document)
    define_styles(document)


def define_styles(document) -> None:
    """Add the styles of _STYLES the template does not define."""
    styles = document.styles.element
    have = {s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))}
    for style_id, (kind, name, links, rpr) in _STYLES.items():
        if style_id not in have:
            styles.append(parse_xml(
                f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
                f'{links}<w:uiPriority w:val="99"/><w:unhideWhenUsed/>{rpr}</w:style>'))


def add_field(paragraph: Paragraph, instruction: str, shown: str, look: Look) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    def char(kind: str) -> None:
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        add_run(paragraph, "", look)._r.append(mark)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    add_run(paragraph, "", look)._r.append(code)
    char("separate")
    add_run(paragraph, shown, look)
    char("end")


def running_header_and_footer(document, title: str, sides: str, dated: str) -> None:
    """Header: the title. Footer: the two texts and the date on the left, "page N of M" on the right."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(header, title, RUNNING)
    footer = section.footer.paragraphs[0]
    tabs = footer.paragraph_format.tab_stops
    for inherited in document.styles["Footer"].paragraph_format.tab_stops:  # the template's, for US Letter
        tabs.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    add_run(footer, f"{sides} · {dated}\tpage ", RUNNING)
    add_field(footer, "PAGE", "1", RUNNING)
    add_run(footer, " of ", RUNNING)
    add_field(footer, "NUMPAGES", "1", RUNNING)


def set_properties(document, *, title: str, author: str, subject: str) -> None:
    """Core and application properties of this brief, not of python-docx's template."""
    now = datetime.now(UTC).replace(microsecond=0)
    props = document.core_properties
    props.title, props.subject = xml_safe(title), xml_safe(subject)
    props.author = props.last_modified_by = xml_safe(author)
    props.created = props.modified = now
    props.revision = 1
    props.comments, props.keywords, props.category = "", "", "Counterpart brief"
    package = document.part.package
    app = next(p for p in package.iter_parts() if p.partname == "/docProps/app.xml")
    app._blob = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity></Properties>"
    ).encode()
    # the template's thumbnail is a picture of another document
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
