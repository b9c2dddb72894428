"""Map a link's word diff (over the joined texts of its sentences) back to offsets in each readout,
leaving out the changes the reader chose to ignore (case, punctuation, quote styles, white space).

The aligner diffs the sentences of a link joined by one space; the window colours words in the
readout's own text, so every joined-text range is cut at sentence joins and shifted back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from viewer.model import Document, Link, Side
from viewer.wording import joined_pieces, readout_spans

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»「」『』＂"} | {c: "'" for c in "‘’‚‛‹›`´"})


@dataclass(frozen=True)
class Ignore:
    """Differences that do not count as changed wording (View > Ignore)."""

    case: bool = False
    punctuation: bool = False
    quotes: bool = False
    whitespace: bool = False

    def __bool__(self) -> bool:
        return self.case or self.punctuation or self.quotes or self.whitespace

    def normalise(self, text: str) -> str:
        if self.quotes:
            text = text.translate(_QUOTES)
        if self.case:
            text = text.casefold()
        if self.punctuation:
            text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
        if self.whitespace:
            text = "".join(text.split())
        return text

    def same(self, removed: str, added: str) -> bool:
        """True when a change of `removed` into `added` is only what is ignored."""
        return bool(self) and self.normalise(removed) == self.normalise(added)


NO_IGNORE = Ignore()


def _runs(diff: list[tuple[int, str]]) -> list[tuple[str, str, str]]:
    """(equal, removed, added) runs: each change between two equal stretches, in order."""
    runs: list[tuple[str, str, str]] = []
    removed = added = ""
    for op, text in diff:
        if op == 0:
            if removed or added:
                runs.append(("", removed, added))
                removed = added = ""
            runs.append((text, "", ""))
        elif op < 0:
            removed += text
        else:
            added += text
    if removed or added:
        runs.append(("", removed, added))
    return runs


def changed_spans(a: Document, b: Document, link: Link,
                  ignore: Ignore = NO_IGNORE) -> dict[Side, list[tuple[int, int]]]:
    """Character spans in each readout of the words only that side has inside the link."""
    spans: dict[Side, list[tuple[int, int]]] = {"A": [], "B": []}
    if not link.diff:
        return spans
    pieces = {"A": joined_pieces(a, link.a), "B": joined_pieces(b, link.b)}
    pos = {"A": 0, "B": 0}

    def mark(side: Side, text: str) -> None:
        if text.strip():  # the gap around a changed word is not part of the change
            lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
            spans[side].extend(readout_spans(pieces[side], pos[side] + lead, pos[side] + len(text) - trail))

    for equal, removed, added in _runs(link.diff):
        if not (ignore and ignore.same(removed, added)):
            mark("A", removed)
            mark("B", added)
        pos["A"] += len(equal) + len(removed)
        pos["B"] += len(equal) + len(added)
    return spans


def only_ignored(link: Link, ignore: Ignore) -> bool:
    """True when every change inside the link is one the reader ignores."""
    changes = [(r, a) for _e, r, a in _runs(link.diff or []) if r or a]
    return bool(ignore) and all(ignore.same(r, a) or not (r.strip() or a.strip()) for r, a in changes)

