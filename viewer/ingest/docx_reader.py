"""Body text of a Word document, paragraphs and table cells in the order they appear.

python-docx lists `doc.paragraphs` and `doc.tables` separately, which loses where a table sits;
we walk the body's XML children instead. Content controls (w:sdt) are unwrapped, nested tables
followed, and a merged cell is read once.

Before python-docx unpacks anything, the archive is held to the limits of limits.py: its number
of parts, their unpacked size (as the zip declares it: Python's zipfile never unpacks more than
that, and a part that would is refused by its checksum) and the tags of its XML parts, so that
a zip bomb or a million empty paragraphs is refused in a moment instead of filling the memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from viewer.ingest.limits import MAX_DOCX_PARTS, MAX_DOCX_TAGS, MAX_DOCX_UNPACKED, too_large, too_many
from viewer.ingest.plain import join_paragraphs, normalize_text

DOCX_PART = "word/document.xml"
# What python-docx and zipfile raise on a damaged or hostile archive.
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, PackageNotFoundError, KeyError, XMLSyntaxError, ValueError,
            EOFError, zlib.error, NotImplementedError, RuntimeError, OSError)


class CorruptDocx(ValueError):
    """The bytes are not a readable Word document."""


class DocxOverLimit(ValueError):
    """A Word document beyond a limit of limits.py; the message is the reason."""


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
        _check_limits(data)
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        paragraphs = _block_texts(body, document) if body is not None else []
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except DocxOverLimit:
        raise
    except _DAMAGED as exc:
        raise CorruptDocx(str(exc) or type(exc).__name__) from exc
    return DocxContent(
        text=normalize_text(join_paragraphs(paragraphs)),
        title=(title or "").strip() or None,
        author=(author or "").strip() or None,
        created=created.isoformat() if created else None,
    )


def _check_limits(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
        if len(parts) > MAX_DOCX_PARTS:
            raise DocxOverLimit(too_many("parts (files inside the .docx)", len(parts), MAX_DOCX_PARTS))
        unpacked = sum(p.file_size for p in parts)
        if unpacked > MAX_DOCX_UNPACKED:
            raise DocxOverLimit(too_large(MAX_DOCX_UNPACKED, unpacked).replace("is too large", "is too large unpacked"))
        tags = sum(archive.read(p).count(b"<") for p in parts if p.filename.endswith((".xml", ".rels")))
        if tags > MAX_DOCX_TAGS:
            raise DocxOverLimit(too_many("XML tags", tags, MAX_DOCX_TAGS))


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
