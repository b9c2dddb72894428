"""The annotated Word brief: what an analyst sends their desk about a pair of readouts, as .docx
and, through LibreOffice, as PDF."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from viewer.errors import OutputError
from viewer.fsutil import atomic_write_bytes, check_writable
from viewer.model import Annotation, Comparison
from viewer.report.brief.office import pdf_unavailable

__all__ = ["brief_bytes", "brief_pdf_bytes", "pdf_unavailable", "write_brief", "write_brief_pdf"]


def brief_bytes(comparison: Comparison, *, notes: Sequence[Annotation] = (), title: str | None = None,
                author: str = "", chart_png: bytes | None = None) -> bytes:
    """The .docx file's bytes; `chart_png` replaces the topic chart drawn here."""
    from viewer.report.brief.document import build

    out = io.BytesIO()
    build(comparison, notes=notes, title=title, author=author, chart_png=chart_png).save(out)
    return out.getvalue()


def write_brief(
    comparison: Comparison,
    path: str | Path,
    *,
    notes: Sequence[Annotation] = (),
    title: str | None = None,
    author: str = "",
    force: bool = False,
    chart_png: bytes | None = None,
) -> None:
    """Write the brief to `path` atomically, the user's `notes` as Word comments, `author` (the
    user's name) in the document properties."""
    check_writable(path, force=force)  # before the work, so a refusal is immediate
    data = brief_bytes(comparison, notes=notes, title=title, author=author, chart_png=chart_png)
    atomic_write_bytes(path, data, force=force)


def write_brief_pdf(
    comparison: Comparison,
    path: str | Path,
    *,
    notes: Sequence[Annotation] = (),
    title: str | None = None,
    author: str = "",
    force: bool = False,
    chart_png: bytes | None = None,
    docx_data: bytes | None = None,
) -> None:
    """Write the brief as PDF to `path` (LibreOffice headless, its own profile; the notes become PDF
    notes). `docx_data`: the .docx already built for the same brief. Raises OutputError, before any
    work, when LibreOffice is not installed (pdf_unavailable() says so in advance)."""
    check_writable(path, force=force)
    reason = pdf_unavailable()
    if reason:
        raise OutputError(f"{path}: {reason}")
    if docx_data is None:
        docx_data = brief_bytes(comparison, notes=notes, title=title, author=author, chart_png=chart_png)
    atomic_write_bytes(path, brief_pdf_bytes(docx_data, path), force=force)


def brief_pdf_bytes(docx_data: bytes, path: str | Path) -> bytes:
    """The PDF of a brief's .docx bytes (LibreOffice headless on a profile of its own), for a
    caller that writes it to `path` with other outputs; OutputError naming `path` when
    LibreOffice is missing or fails."""
    from viewer.report.brief.office import docx_to_pdf

    try:
        return docx_to_pdf(docx_data)
    except OutputError as exc:
        raise OutputError(f"{path}: {exc}") from None
