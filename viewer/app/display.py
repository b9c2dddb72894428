"""What the window paints for a comparison, worked out before it reaches the UI thread.

For two 100,000-word texts the colour spans (sentence kinds and changed words, ~20,000), the word
counts and the window's indexes of links take most of a second of pure Python; the analysis worker
computes them after the analysis, so the UI thread only applies them (in chunks, see TextPane.paint_spans_gradually).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from viewer.app import palette
from viewer.app.navigation import Difference, differences, link_index
from viewer.app.scroll_sync import monotone_chain
from viewer.app.word_marks import changed_spans
from viewer.model import SIDES, Comparison, Side
from viewer.wording import shows_wording

Span = tuple[int, int, QColor]
@dataclass
class Display:
    spans: dict[str, list[Span]]  # side -> background spans, sentence kinds first, changed words over them
    words: dict[str, int]  # side -> length as the summary reports it
    links_by_sentence: dict[tuple[Side, int], int]  # navigation.link_index
    differences: list[Difference]  # what next/previous difference walks through
    sync_links: list[int]  # links that anchor the scroll sync (scroll_sync.monotone_chain)


def prepare(c: Comparison) -> Display:
    spans: dict[str, list[Span]] = {}
    for side in SIDES:
        doc = c.doc(side)
        own = [(doc.sentences[i].start, doc.sentences[i].end, palette.ONLY_ONE_SIDE) for i in c.unmatched.get(side, [])]
        for link in c.links:
            for i in (link.a if side == "A" else link.b):
                own.append((doc.sentences[i].start, doc.sentences[i].end, palette.KIND_TINT[link.kind]))
        spans[side] = own
    for link in c.links:
        if not shows_wording(link):
            continue
        marks = changed_spans(c.a, c.b, link)
        for side in SIDES:
            spans[side].extend((s, e, palette.CHANGED_WORDS) for s, e in marks[side])
    for side in SIDES:
        # in reading order, so each painted chunk is one stretch of text and Qt lays out only that
        # stretch again (scattered spans made every chunk a relayout of the whole text); the sort is
        # stable, so a sentence's tint still goes on before the changed words inside it
        spans[side].sort(key=lambda span: span[0])
    return Display(spans=spans, words={side: c.doc(side).words for side in SIDES},
                   links_by_sentence=link_index(c), differences=differences(c), sync_links=monotone_chain(c.links))
