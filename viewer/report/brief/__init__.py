"""The annotated Word brief: what an analyst sends their desk about a pair of readouts."""

from __future__ import annotations

import io
from pathlib import Path

from viewer.fsutil import atomic_write_bytes, check_writable
from viewer.model import Comparison


def write_brief(
    comparison: Comparison,
    path: str | Path,
    *,
    title: str | None = None,
    force: bool = False,
    chart_png: bytes | None = None,
) -> None:
    """Write the brief to `path` atomically; `chart_png` replaces the topic chart drawn here."""
    check_writable(path, force=force)  # before the work, so a refusal is immediate
    atomic_write_bytes(path, brief_bytes(comparison, title=title, chart_png=chart_png), force=force)


def brief_bytes(comparison: Comparison, *, title: str | None = None, chart_png: bytes | None = None) -> bytes:
    """The .docx file of the brief, for a caller that writes it with other outputs."""
    from viewer.report.brief.document import build

    out = io.BytesIO()
    build(comparison, title=title, chart_png=chart_png).save(out)
    return out.getvalue()
