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
    from viewer.report.brief.document import build

    check_writable(path, force=force)  # before the work, so a refusal is immediate
    out = io.BytesIO()
    build(comparison, notes=notes, title=title, chart_png=chart_png).save(out)
    atomic_write_bytes(path, out.getvalue(), force=force)
