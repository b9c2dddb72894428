"""Text layer of a PDF, rebuilt into paragraphs.

A PDF knows lines, not paragraphs. pypdf's layout mode keeps the vertical gaps (as blank lines)
and the indentation (as leading spaces), which is what marks a paragraph in print: a gap, or an
indented first line. Lines of one paragraph are joined (without a space between Chinese
characters), and a word hyphenated at a line end is joined back.

Encrypted PDFs are opened with the empty password when that opens them (the common kind:
AES-encrypted against copying, readable by anyone; pypdf needs the `cryptography` package for
AES). A PDF is held to MAX_PDF_PAGES pages and MAX_PDF_CONTENT bytes of content streams decoded,
counted page by page so that one huge stream shared by every page counts for each (2,000 such
pages ran for ever). pypdf's logged warnings stay out of the user's terminal.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError, PyPdfError
from pypdf.generic import ArrayObject

from viewer.ingest.limits import MAX_PDF_CONTENT, MAX_PDF_PAGES, too_large, too_many
from viewer.ingest.plain import join_paragraphs
from viewer.lang.script import EAST_ASIAN, ENDS_RUNNING_TEXT

NO_TEXT_LAYER = "has no text layer (scanned?); run OCR first"
# What pypdf raises on a damaged or hostile file (an unknown filter, a reference to itself,
# arrays nested 100,000 deep).
_DAMAGED = (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            NotImplementedError, RecursionError, ZeroDivisionError, OverflowError)

logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False

_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")
_CJK = EAST_ASIAN


class PdfProblem(ValueError):
    """A PDF that cannot be read (corrupt, encrypted, or without text)."""


@dataclass
class PdfContent:
    text: str
    pages: int
    title: str | None
    author: str | None


def read_pdf(data: bytes) -> PdfContent:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem("is encrypted with a password")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise PdfProblem(too_many("pages", len(reader.pages), MAX_PDF_PAGES))
        content = 0
        for page in reader.pages:  # all counted before any is read: extraction is the slow part
            content += _content_size(page)
            if content > MAX_PDF_CONTENT:
                raise PdfProblem(too_large(MAX_PDF_CONTENT).replace("is too large", "has too much page content"))
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
    except PdfProblem:
        raise
    except DependencyError as exc:
        raise PdfProblem(f"is encrypted and cannot be opened here ({exc})") from exc
    except _DAMAGED as exc:
        raise PdfProblem(f"is not a readable PDF ({exc or type(exc).__name__})") from exc
    paragraphs = _paragraphs(pages)
    if not paragraphs:
        raise PdfProblem(NO_TEXT_LAYER)
    return PdfContent(
        join_paragraphs(paragraphs), len(pages), (title or "").strip() or None, (author or "").strip() or None
    )


def _content_size(page) -> int:
    """Bytes of the page's content streams, decoded (pypdf keeps what it decoded for extraction)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    return sum(len(stream.get_object().get_data()) for stream in streams)


def _page_lines(page) -> list[str]:
    try:
        text = page.extract_text(extraction_mode="layout")
    except (ValueError, KeyError, TypeError, ZeroDivisionError):
        text = page.extract_text()  # layout mode fails on some odd fonts; plain mode still reads them
    return [line.rstrip() for line in (text or "").splitlines()]


def _paragraphs(pages: list[list[str]]) -> list[str]:
    """Paragraph texts across pages; a paragraph that runs over a page break is kept whole."""
    paragraphs: list[list[str]] = []
    for lines in pages:
        lines = [line for line in lines if not _PAGE_NUMBER.match(line)]
        indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
        if not indents:
            continue
        margin = min(indents)
        continues = bool(paragraphs) and not ENDS_RUNNING_TEXT.search(paragraphs[-1][-1])
        current: list[str] | None = paragraphs[-1] if continues else None
        for line in lines:
            if not line.strip():
                current = None
                continue
            indented = len(line) - len(line.lstrip()) > margin + 1
            if current is None or indented:
                current = []
                paragraphs.append(current)
            current.append(" ".join(line.split()))
    return [_join_lines(p) for p in paragraphs]


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if _HYPHENATED.search(text) and line[:1].islower():
            text = text[:-1] + line
        elif _CJK.match(text[-1]) and _CJK.match(line[0]):
            text += line
        else:
            text += " " + line
    return text
