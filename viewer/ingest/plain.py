"""Text shape every reader hands on: "\\n" line ends, paragraphs separated by one blank line."""

from __future__ import annotations

import re

_LINE_ENDS = re.compile(r"\r\n?|\u2028|\x85")


def normalize_newlines(text: str) -> str:
    """Windows, old Mac and Unicode line ends become "\\n"; a Unicode paragraph separator a blank line."""
    return _LINE_ENDS.sub("\n", text.lstrip("\ufeff")).replace("\u2029", "\n\n")


def join_paragraphs(paragraphs: list[str]) -> str:
    """Non-empty paragraphs, trimmed, joined by blank lines."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
