"""Text shape every reader hands on: "\\n" line ends, paragraphs separated by one blank line,
no control characters."""

from __future__ import annotations

import re

_LINE_ENDS = re.compile(r"\r\n?|\u2028|\x85|\x0b")
# Characters no text holds and no Word file accepts (a form feed from a PDF, an escape sequence,
# the separators that Python's splitlines reads as line ends): a space each. A lone surrogate
# (pasted from a broken clipboard) becomes the replacement character.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Windows, old Mac and Unicode line ends (and vertical tabs) become "\\n"; a Unicode paragraph
    separator and a form feed a blank line; other control characters a space."""
    text = _LINE_ENDS.sub("\n", text.lstrip("\ufeff")).replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub(" ", text))


def join_paragraphs(paragraphs: list[str]) -> str:
    """Non-empty paragraphs, trimmed, joined by blank lines."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


# A metadata header at the top of a text file: "source: …", "date: …", "publisher: …" lines
# (as archives and the project's own corpus store them), optionally fenced by "---" lines as in
# Markdown front matter, then a blank line. Read as metadata so it never shows as sentences.
_HEADER_KEYS = {"source", "url", "date", "publisher", "title", "author", "label", "language"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{1,20}):[ \t]*(.*\S)?[ \t]*$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(header fields, the text after the header); ({}, text) when the text has no such header."""
    lines = text.split("\n")
    fenced = bool(lines) and lines[0].strip() == "---"
    start = 1 if fenced else 0
    fields: dict[str, str] = {}
    end = start
    while end < len(lines):
        m = _HEADER_LINE.match(lines[end])
        if not m or m.group(1).lower() not in _HEADER_KEYS:
            break
        fields[m.group(1).lower()] = (m.group(2) or "").strip()
        end += 1
    if fenced:
        if end >= len(lines) or lines[end].strip() != "---" or not fields:
            return {}, text
        end += 1
    elif len(fields) < 2 or end >= len(lines) or lines[end].strip():
        return {}, text  # one "Date: …" line can be the text itself; a header is two or more, then a blank line
    return fields, "\n".join(lines[end:]).lstrip("\n")
