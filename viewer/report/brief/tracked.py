"""Versions mode: the second text as Word tracked changes against the first.

python-docx has no API for revisions, so w:ins / w:del (with w:delText) are built by hand
around ordinary runs. The word diff is wording.text_diff over the whole texts. A paragraph
break inside inserted or deleted text becomes an inserted or deleted paragraph mark, so
"Accept all" in Word gives B's paragraphs and "Reject all" A's.

A sentence the aligner found moved is a Word move, not a deletion plus an insertion: before the
diff, each moved sentence is replaced in A by a character of Unicode's private use area and in
B by another one, so the diff can only delete the first and insert the second; the two are then
written as w:moveFrom (A's words, where A had them) and w:moveTo (B's words, where B has them),
each inside a w:moveFromRange… / w:moveToRange… pair named alike. Accept all still gives B and
reject all A, character for character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from viewer.model import Comparison
from viewer.report.brief.style import add_run
from viewer.wording import text_diff

AUTHOR = "Counterpart"
_BREAK = re.compile(r"[ \t]*\n\s*")
_PRIVATE_USE = range(0xE000, 0xF900)


@dataclass(frozen=True)
class Move:
    name: str  # "move1": the w:name that pairs the two ranges
    source: str  # A's words at the place they left
    target: str  # B's words at the place they went


class _Revisions:
    """Numbering and dating of revision marks; ids must not collide with comment ids."""

    def __init__(self, first_id: int):
        self.next_id = first_id
        self.date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def element(self, tag: str, *, name: str | None = None):
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        if name is not None:
            el.set(qn("w:name"), name)
        self.next_id += 1
        return el

    def mark(self, op: int):
        return self.element("w:ins" if op > 0 else "w:del")


def _track_mark(paragraph: Paragraph, mark) -> None:
    """Track the paragraph's own mark (its break) as inserted or deleted."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    rpr.append(mark)


def stand_ins(c: Comparison) -> tuple[str, str, dict[str, Move]]:
    """The two texts with each moved passage replaced by a private-use character of its own,
    and what each character stands for (a passage of one run of sentences on each side)."""
    free = (chr(k) for k in _PRIVATE_USE if chr(k) not in c.a.text and chr(k) not in c.b.text)
    spans = {"A": [], "B": []}
    moves: dict[str, Move] = {}
    for n, link in enumerate((lnk for lnk in c.links if lnk.kind == "moved"), start=1):
        if any(ids != list(range(ids[0], ids[-1] + 1)) for ids in (link.a, link.b)):
            continue  # not one stretch on each side: left as a deletion and an insertion
        a = (c.a.sentences[link.a[0]].start, c.a.sentences[link.a[-1]].end)
        b = (c.b.sentences[link.b[0]].start, c.b.sentences[link.b[-1]].end)
        source, target = c.a.text[a[0]:a[1]], c.b.text[b[0]:b[1]]
        if "\n" in source + target:
            continue
        mark_a, mark_b = next(free, None), next(free, None)
        if mark_b is None:
            break
        name = f"move{n}"
        moves[mark_a] = moves[mark_b] = Move(name, source, target)
        spans["A"].append((*a, mark_a))
        spans["B"].append((*b, mark_b))

    def replaced(text: str, cuts: list[tuple[int, int, str]]) -> str:
        for start, end, mark in sorted(cuts, reverse=True):
            text = text[:start] + mark + text[end:]
        return text

    return replaced(c.a.text, spans["A"]), replaced(c.b.text, spans["B"]), moves


def _move(paragraph: Paragraph, revisions: _Revisions, move: Move, op: int) -> None:
    """A w:moveFrom (op < 0) or w:moveTo (op > 0) of the passage, inside its named range."""
    kind = "moveFrom" if op < 0 else "moveTo"
    start = revisions.element(f"w:{kind}RangeStart", name=move.name)
    paragraph._p.append(start)
    wrapper = revisions.element(f"w:{kind}")
    paragraph._p.append(wrapper)
    wrapper.append(add_run(paragraph, move.source if op < 0 else move.target)._r)
    end = OxmlElement(f"w:{kind}RangeEnd")
    end.set(qn("w:id"), start.get(qn("w:id")))
    paragraph._p.append(end)


def _pieces(op: int, text: str, moves: dict[str, Move]):
    """(op, text, move): the op's text cut around the stand-in characters of moves."""
    start = 0
    for k, ch in enumerate(text):
        if ch in moves:
            if k > start:
                yield op, text[start:k], None
            yield op, "", moves[ch]
            start = k + 1
    if start < len(text):
        yield op, text[start:], None


def add_tracked_changes(document, c: Comparison, first_id: int) -> int:
    """Append B as tracked changes against A; returns the next free revision id."""
    revisions = _Revisions(first_id)
    text_a, text_b, moves = stand_ins(c)
    paragraph = document.add_paragraph()
    # one "\n" per paragraph break: a blank line diffed as two units could split into an inserted,
    # a kept and a deleted break, leaving an empty paragraph whichever way the changes go
    text_a, text_b = (_BREAK.sub("\n", t.strip()) for t in (text_a, text_b))
    for kind, text in text_diff(text_a, text_b, c.a.language):
        for op, piece, move in _pieces(kind, text, moves):
            if move is not None:
                _move(paragraph, revisions, move, op)
                continue
            for k, part in enumerate(_BREAK.split(piece)):
                if k:
                    if op:
                        _track_mark(paragraph, revisions.mark(op))
                    paragraph = document.add_paragraph()
                if not part:
                    continue
                run = add_run(paragraph, part)._r
                if op:
                    wrapper = revisions.mark(op)
                    run.addprevious(wrapper)
                    wrapper.append(run)
                    if op < 0:
                        for t in run.iter(qn("w:t")):
                            t.tag = qn("w:delText")
    return revisions.next_id
