"""Paragraph spans of a readout.

Blank lines always separate paragraphs. A single newline is ambiguous: readouts copied from a
web page carry one newline per paragraph (and headings or list items on lines of their own),
while text from e-mail or a fixed-width file is hard-wrapped at a column. So each block between
blank lines is classified: it is hard-wrapped when its lines are short (the longest at most
120 columns, at least 40; a Chinese character takes two) and most lines fill the width and stop mid-sentence. In a
hard-wrapped block a newline separates only after a line that stops early (a paragraph end or
a heading) or before a list item; in any other block every newline separates.
Lines with no letter or digit ("***", "---", "###") separate paragraphs and belong to none.
"""

from __future__ import annotations

import re

from viewer.lang.script import ENDS_RUNNING_TEXT

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v\u00a0\u3000]*\n\s*")
_LINE = re.compile(r"[^\n]*")
_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪–—]\s|\d{1,3}[.)]\s|[a-zа-я][.)]\s|#+\s)")
_FINAL = ENDS_RUNNING_TEXT
_WORDY = re.compile(r"[^\W_]")
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]")

_MAX_WRAP_WIDTH = 120
_MIN_WRAP_WIDTH = 40


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace stripped, in text order."""
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _blocks(text):
        lines = _lines(text, block_start, block_end)
        for start, end in _split_block(text, lines):
            start, end = _strip(text, start, end)
            if end > start and _WORDY.search(text, start, end):
                spans.append((start, end))
    return spans


def _blocks(text: str) -> list[tuple[int, int]]:
    blocks, pos = [], 0
    for m in _BLANK_LINES.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    return blocks


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of a block, without their trailing whitespace."""
    lines = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        s, e = _strip(text, pos, line_end)
        if e > s:
            lines.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _split_block(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not lines:
        return []
    if not _hard_wrapped(text, lines):
        return [line for line in lines if _WORDY.search(text, *line)]
    widths = [_width(text, s, e) for s, e in lines]
    width = max(widths)
    paragraphs: list[tuple[int, int]] = []
    start = lines[0][0]
    for (s, e), w, nxt in zip(lines, widths, lines[1:], strict=False):
        stops_early = w < 0.6 * width
        if stops_early or _LIST_ITEM.match(text, nxt[0], nxt[1]) or not _WORDY.search(text, s, e):
            paragraphs.append((start, e))
            start = nxt[0]
    paragraphs.append((start, lines[-1][1]))
    return paragraphs


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) < 3:
        return False
    widths = [_width(text, s, e) for s, e in lines]
    width = max(widths)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return False
    body = zip(lines[:-1], widths, strict=False)
    wrapped = sum(1 for (s, e), w in body if w >= 0.6 * width and not _FINAL.search(text, s, e))
    return wrapped >= 0.5 * (len(lines) - 1)


def _width(text: str, start: int, end: int) -> int:
    """Columns a line takes: Chinese characters are two wide, as a fixed-width file wraps them."""
    return end - start + len(_WIDE.findall(text, start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
