"""What the window paints for a comparison, worked out before it reaches the UI thread.

For two 100,000-word texts the colour spans (sentence kinds and changed words, ~20,000), the word
counts and the window's indexes of links take most of a second of pure Python; the analysis worker
computes them after the analysis, so the UI thread only applies them (in chunks, see
TextPane.paint_spans_gradually). Spans carry a meaning of viewer/colours.py, not a colour: the
pane looks the colour up in the theme in force. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.app.navigation import Difference, differences, link_index
from viewer.app.scroll_sync import monotone_chain
from viewer.app.word_marks import NO_IGNORE, Ignore, changed_spans, only_ignored
from viewer.model import SIDES, Comparison, Link, Side
from viewer.wording import shows_wording

Span = tuple[int, int, str]  # start, end, meaning ("only", a link kind, "changed_<kind>")
Mark = tuple[float, float, str, str]  # start and end as fractions of the text, meaning, difference key


@dataclass
class Display:
    spans: dict[str, list[Span]]  # side -> background spans, sentence kinds first, changed words over them
    words: dict[str, int]  # side -> length as the summary reports it
    links_by_sentence: dict[tuple[Side, int], int]  # navigation.link_index
    differences: list[Difference]  # what next/previous difference walks through
    sync_links: list[int]  # links that anchor the scroll sync (scroll_sync.monotone_chain)
    kinds: list[str]  # the kind each link is shown as ("identical" when only ignored changes are left)
    ignore: Ignore
    overview: dict[str, list[Mark]]  # side -> the marks of its overview strip


def shown_kind(link: Link, ignore: Ignore) -> str:
    """A link whose every change is ignored reads as identical."""
    if link.kind in ("reworded", "moved") and link.diff and only_ignored(link, ignore):
        return "identical" if link.kind == "reworded" else "moved"
    return link.kind


def prepare(c: Comparison, ignore: Ignore = NO_IGNORE) -> Display:
    kinds = [shown_kind(link, ignore) for link in c.links]
    spans: dict[str, list[Span]] = {}
    for side in SIDES:
        doc = c.doc(side)
        own = [(doc.sentences[i].start, doc.sentences[i].end, "only") for i in c.unmatched.get(side, [])]
        for link, kind in zip(c.links, kinds, strict=True):
            for i in (link.a if side == "A" else link.b):
                own.append((doc.sentences[i].start, doc.sentences[i].end, kind))
        spans[side] = own
    for link, kind in zip(c.links, kinds, strict=True):
        if not shows_wording(link) or kind == "identical":
            continue
        marks = changed_spans(c.a, c.b, link, ignore)
        for side in SIDES:
            spans[side].extend((s, e, f"changed_{kind}") for s, e in marks[side])
    for side in SIDES:
        # in reading order, so each painted chunk is one stretch of text and Qt lays out only that
        # stretch again (scattered spans made every chunk a relayout of the whole text); the sort is
        # stable, so a sentence's tint still goes on before the changed words inside it
        spans[side].sort(key=lambda span: span[0])
    diffs = differences(c, kinds)
    return Display(spans=spans, words={side: c.doc(side).words for side in SIDES},
                   links_by_sentence=link_index(c), differences=diffs,
                   sync_links=monotone_chain(c.links), kinds=kinds, ignore=ignore, overview=overview(c, diffs, kinds))


def overview(c: Comparison, diffs: list[Difference], kinds: list[str]) -> dict[str, list[Mark]]:
    """Each difference where it stands in each text, for the strips beside the scroll bars."""
    marks: dict[str, list[Mark]] = {"A": [], "B": []}
    for d in diffs:
        meaning, key = ("only" if d.link is None else kinds[d.link]), d.key
        for side, idx in (("A", d.a), ("B", d.b)):
            doc = c.doc(side)
            length = max(1, len(doc.text))
            marks[side].extend((doc.sentences[i].start / length, doc.sentences[i].end / length, meaning, key)
                               for i in idx)
    return marks
