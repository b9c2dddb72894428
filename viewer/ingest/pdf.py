"""Text layer of a PDF, rebuilt into paragraphs.

A PDF knows lines, not paragraphs. pypdf's layout mode keeps the vertical gaps (as blank lines)
and the indentation (as leading spaces), which is what marks a paragraph in print: a gap, or an
indented first line. Lines of one paragraph are joined (without a space between Chinese
characters), and a word hyphenated at a line end is joined back.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from viewer.ingest.plain import join_paragraphs
from viewer.lang.script import EAST_ASIAN, ENDS_RUNNING_TEXT

NO_TEXT_LAYER = "has no text layer (scanned?); run OCR first"

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
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, PdfProblem):
            raise
        raise PdfProblem(f"is not a readable PDF ({exc})") from exc
    paragraphs = _paragraphs(pages)
    if not paragraphs:
        raise PdfProblem(NO_TEXT_LAYER)
    return PdfContent(
        join_paragraphs(paragraphs), len(pages), (title or "").strip() or None, (author or "").strip() or None
    )


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
