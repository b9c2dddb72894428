"""The annotated Word brief: what an analyst sends their desk about a pair of readouts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from viewer.fsutil import atomic_write_bytes, check_writable
from viewer.model import Annotation, Comparison


def write_brief(
    comparison: Comparison,
    path: str | Path,
    *,
    notes: Sequence[Annotation] = (),
    title: str | None = None,
    force: bool = False,
    chart_png: bytes | None = None,
) -> None:
    """Write the brief to `path` atomically, the user's `notes` as Word comments; `chart_png`
    replaces the topic chart drawn here."""
    check_writable(path, force=force)  # before the work, so a refusal is immediate
    atomic_write_bytes(path, brief_bytes(comparison, notes=notes, title=title, chart_png=chart_png), force=force)


def brief_bytes(comparison: Comparison, *, notes: Sequence[Annotation] = (), title: str | None = None,
                chart_png: bytes | None = None) -> bytes:
    """The .docx file of the brief, for a caller that writes it with other outputs."""
    from viewer.report.brief.document import build

    out = io.BytesIO()
    build(comparison, notes=notes, title=title, chart_png=chart_png).save(out)
    return out.getvalue()
