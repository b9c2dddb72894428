"""Body text of a Word document, paragraphs and table cells in the order they appear.

python-docx lists `doc.paragraphs` and `doc.tables` separately, which loses where a table sits;
we walk the body's XML children instead. Content controls (w:sdt) are unwrapped, nested tables
followed, and a merged cell is read once.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from viewer.ingest.plain import join_paragraphs, normalize_newlines

DOCX_PART = "word/document.xml"


class CorruptDocx(ValueError):
    """The bytes are not a readable Word document."""


@dataclass
class DocxContent:
    text: str
    title: str | None
    author: str | None
    created: str | None  # ISO 8601


def is_docx_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return DOCX_PART in archive.namelist()
    except zipfile.BadZipFile:
        return False


def read_docx(data: bytes) -> DocxContent:
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = _block_texts(document.element.body, document)
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, XMLSyntaxError, ValueError) as exc:
        raise CorruptDocx(str(exc) or type(exc).__name__) from exc
    return DocxContent(
        text=normalize_newlines(join_paragraphs(paragraphs)),
        title=(title or "").strip() or None,
        author=(author or "").strip() or None,
        created=created.isoformat() if created else None,
    )


def _block_texts(container, parent) -> list[str]:
    texts: list[str] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            texts.append(Paragraph(child, parent).text)
        elif child.tag == qn("w:tbl"):
            texts.extend(_table_texts(child, parent))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                texts.extend(_block_texts(content, parent))
    return texts


def _table_texts(table, parent) -> list[str]:
    """Cell by cell, row by row; a vertically merged continuation cell carries no text of its own."""
    texts: list[str] = []
    for row in table.iterchildren(qn("w:tr")):
        for tc in row.iterchildren(qn("w:tc")):
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                continue
            texts.extend(_block_texts(tc, _Cell(tc, parent)))
    return texts
