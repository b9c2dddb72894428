"""A bound on the length of one sentence, so that no later step is quadratic in a text's length.

Several steps are, rightly, more than linear in the length of one sentence or one link: the
word diff of a link (Myers' O(N·D)), the clause analysis of a sentence's topic matches, the
lexicon's overlapping matches. On real readouts a sentence is short (the longest of the
corpus is 650 characters), but a text without sentence punctuation (a transcript, 500,000
Chinese characters, a list joined by commas) is one sentence as long as the text, and those
steps became quadratic in the text: 20,000 words without a full stop took 48 s, 20,000 Chinese
characters 53 s. So a run longer than MAX_SENTENCE_CHARS is cut into pieces of about equal
length, each at the clause mark (, ; : ，；、 and the like) nearest that length, else at the
nearest space; a run with neither (Chinese without punctuation) is cut between two characters.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SENTENCE_CHARS = 1000  # 1.5 times the longest sentence of the corpus; 150-250 words
_CLAUSE_END = re.compile(r"[,;:，；：、—–)）」』”»](?=\s|$)|[，；：、]")
_SPACE = re.compile(r"\s+")


def cap_lengths(text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """`spans` with each one longer than `limit` cut into pieces of at most `limit` characters."""
    if all(end - start <= limit for start, end in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        out.extend(_pieces(text, start, end, limit))
    return out


def _pieces(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > limit:
        count = -(-(end - start) // limit)  # pieces still to make
        ideal = (end - start) // count
        cut = _cut(text, start + ideal // 2, start + ideal, start + min(limit, ideal + ideal // 4))
        head_end = cut
        while head_end > start and text[head_end - 1].isspace():
            head_end -= 1
        pieces.append((start, head_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _cut(text: str, lo: int, target: int, hi: int) -> int:
    """Where to cut in text[lo:hi]: after the clause mark nearest `target`, else at the nearest
    space, else at `target` (moved back off combining marks: a letter keeps its accents)."""
    for pattern in (_CLAUSE_END, _SPACE):
        cuts = [m.end() if pattern is _CLAUSE_END else m.start() for m in pattern.finditer(text, lo, hi)]
        if cuts:
            return min(cuts, key=lambda at: abs(at - target))
    while target > lo and unicodedata.combining(text[target]):
        target -= 1
    return target
