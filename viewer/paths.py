"""Where the data files live: resources/ beside the viewer package (the project installs editable)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
