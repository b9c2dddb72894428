"""Map a link's word diff (over the joined texts of its sentences) back to offsets in each readout.

The aligner diffs the sentences of a link joined by one space; the window colours words in the
readout's own text, so every joined-text range is cut at sentence joins and shifted back.
"""

from __future__ import annotations

from viewer.model import Document, Link, Side
from viewer.wording import joined_pieces, readout_spans


def changed_spans(a: Document, b: Document, link: Link) -> dict[Side, list[tuple[int, int]]]:
    """Character spans in each readout of the words only that side has inside the link."""
    spans: dict[Side, list[tuple[int, int]]] = {"A": [], "B": []}
    if not link.diff:
        return spans
    pieces = {"A": joined_pieces(a, link.a), "B": joined_pieces(b, link.b)}
    pos = {"A": 0, "B": 0}
    for op, text in link.diff:
        sides: tuple[Side, ...] = ("A", "B") if op == 0 else (("A",) if op < 0 else ("B",))
        for side in sides:
            if op != 0 and text.strip():
                # the gap around a changed word is not part of the change
                lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
                spans[side].extend(readout_spans(pieces[side], pos[side] + lead, pos[side] + len(text) - trail))
            pos[side] += len(text)
    return spans
