"""Word-level diff of two passages, and the sequence diff it is built on.

diff-match-patch diffs characters; run over a whole text it is slow (11 s for 10,000 words)
and gives up at its timeout with delete-all/insert-all. So each distinct unit (a word, a run of
whitespace or one punctuation mark) is mapped to one code point, the short coded strings are
diffed and cleaned up, and the result is mapped back: the diff moves in whole words, and the
ops rebuild both texts exactly. The same coding diffs any sequence of hashables (versions mode diffs
sentence hashes with it).

Myers' diff costs O(N·D): quadratic when two long passages share little (a hostile pair of texts
without punctuation: 20,000 words took 48 s). So the diffs of one comparison share a budget of
work (DiffBudget), counted in steps of the diff, not in seconds, so that results never depend on
the machine's speed; a diff that finds the budget spent keeps its common start and end and
marks the rest changed.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch

from viewer.model import DiffOp, Document, Link, Token
from viewer.text.tokens import tokenize

# Passages of several sentences are compared as one text: their sentences joined by this.
# Every consumer that maps diff offsets back to sentences must join the same way.
JOINER = " "

# Between two words: each whitespace run is one unit, each other character (punctuation) one.
_GAP = re.compile(r"\s+|\S")
_WORDLIKE = re.compile(r"[^\W_]")


# The work (steps of diff-match-patch's bisection) the diffs of one comparison may do: a floor
# of about 2 s, which is 40 times what the diffs of any pair of the corpus need (at most 72,000),
# and more for long texts in proportion to their length. Measured: 0.7 µs a step.
DIFF_WORK_FLOOR = 3_000_000
DIFF_WORK_PER_CHAR = 5


class DiffBudget:
    """Work diff-match-patch may still do, passed to it as its deadline.

    diff-match-patch asks `time.time() > deadline` once per edit step d of a bisection, whose
    step costs about d; comparing against this object charges that instead of reading a clock.
    """

    def __init__(self, work: int):
        self.left = work
        self._step = 0

    @classmethod
    def for_size(cls, size: int) -> DiffBudget:
        """For texts of `size` characters (or sequences of `size` elements) in all."""
        return cls(max(DIFF_WORK_FLOOR, DIFF_WORK_PER_CHAR * size))

    def new_bisection(self) -> None:
        self._step = 0

    def __lt__(self, _now: float) -> bool:  # `now > deadline`: True once the work is spent
        self.left -= self._step
        self._step += 1
        return self.left < 0


class _BudgetedDiff(diff_match_patch):
    """diff-match-patch with a DiffBudget for deadline: each bisection counts its steps afresh."""

    def diff_bisect(self, text1, text2, deadline):
        deadline.new_bisection()
        return super().diff_bisect(text1, text2, deadline)


@lru_cache(maxsize=1)
def _dmp() -> diff_match_patch:
    dmp = _BudgetedDiff()
    dmp.Diff_Timeout = 0  # no clock: DiffBudget bounds the work instead
    return dmp


def joined_text(doc: Document, indices: Sequence[int]) -> str:
    """The text a link's diff is computed over on one side: its sentences joined by JOINER."""
    return JOINER.join(doc.sentences[i].text for i in indices)


@dataclass(frozen=True)
class Piece:
    """One sentence of a joined text: where it stands there and in the readout's own text."""

    sentence: int
    at: int  # offset in the joined text
    start: int  # offset in the readout's text
    length: int

    def holds(self, offset: int) -> bool:
        """Whether a joined-text offset falls in this sentence or the joiner after it."""
        return offset < self.at + self.length + len(JOINER)


def joined_pieces(doc: Document, indices: Sequence[int]) -> list[Piece]:
    """The pieces of joined_text(doc, indices), to map diff offsets back to sentences."""
    pieces, at = [], 0
    for i in indices:
        s = doc.sentences[i]
        pieces.append(Piece(i, at, s.start, len(s.text)))
        at += len(s.text) + len(JOINER)
    return pieces


def readout_spans(pieces: Sequence[Piece], start: int, end: int) -> list[tuple[int, int]]:
    """The readout's spans of the joined-text range [start, end): one per sentence it crosses,
    the joiners left out."""
    spans = []
    for p in pieces:
        lo, hi = max(start, p.at), min(end, p.at + p.length)
        if lo < hi:
            spans.append((p.start + lo - p.at, p.start + hi - p.at))
    return spans


def piece_at(pieces: Sequence[Piece], offset: int) -> Piece:
    """The sentence holding a joined-text offset (the last one past the end)."""
    return next((p for p in pieces if p.holds(offset)), pieces[-1])


def units(text: str, lang: str, tokens: Sequence[Token] | None = None, offset: int = 0) -> list[str]:
    """Words (Chinese word units for zh) and the gaps between them; "".join gives back text.
    `tokens`: the text's tokens when segmentation made them already (spans shifted by `offset`)."""
    out: list[str] = []
    pos = 0
    for tok in tokenize(text, lang) if tokens is None else tokens:
        start = tok.start - offset
        if start > pos:
            out.extend(_GAP.findall(text, pos, start))
        out.append(tok.text)
        pos = tok.end - offset
    out.extend(_GAP.findall(text, pos))
    return out


def _joined_units(doc: Document, indices: Sequence[int]) -> list[str]:
    """units() of joined_text(doc, indices), from the tokens the sentences already have."""
    out: list[str] = []
    for k, i in enumerate(indices):
        if k:
            out.extend(_GAP.findall(JOINER))
        s = doc.sentences[i]
        out.extend(units(s.text, s.language, s.tokens, s.start))
    return out


def _code(k: int) -> str:
    # Units are coded as letters (CJK ideographs, then the supplementary planes) so that
    # diff-match-patch's clean-up, which scores boundaries by character class, treats every
    # unit alike and never shifts an edit into the middle of one.
    return chr(0x4E00 + k if k < 0x5200 else 0x20000 + k - 0x5200)


def diff_units(seq_a: Sequence[Hashable], seq_b: Sequence[Hashable], *,
               semantic: bool = False, budget: DiffBudget | None = None) -> list[tuple[int, list]]:
    """diff-match-patch over sequences: ops carry runs of elements instead of characters.

    `semantic` merges small equal stretches between edits into them, counted in elements.
    `budget` is shared by the diffs of one comparison (default: one for these sequences alone).
    """
    codes: dict[Hashable, str] = {}
    table: dict[str, Hashable] = {}

    def encode(seq: Sequence[Hashable]) -> str:
        chars = []
        for item in seq:
            c = codes.get(item)
            if c is None:
                c = codes[item] = _code(len(codes))
                table[c] = item
            chars.append(c)
        return "".join(chars)

    dmp = _dmp()
    budget = budget or DiffBudget.for_size(len(seq_a) + len(seq_b))
    coded = dmp.diff_main(encode(seq_a), encode(seq_b), False, budget)
    if semantic:
        dmp.diff_cleanupSemantic(coded)
    return [(op, [table[c] for c in chars]) for op, chars in coded if chars]


def word_diff(text_a: str, text_b: str, lang: str, budget: DiffBudget | None = None) -> list[DiffOp]:
    """Ops (-1 only in A, 0 both, 1 only in B) whose texts rebuild text_a (ops <= 0) and text_b (>= 0)."""
    if text_a == text_b:
        return [(0, text_a)] if text_a else []
    return _unit_diff(units(text_a, lang), units(text_b, lang), budget)


def _unit_diff(units_a: list[str], units_b: list[str], budget: DiffBudget | None) -> list[DiffOp]:
    ops = diff_units(units_a, units_b, semantic=True, budget=budget)
    return [(op, "".join(run)) for op, run in ops]


# Cut points for whole-text diffs: after sentence punctuation and after each line end.
_PIECE_END = re.compile(r"(?<=[.!?;。！？；])|(?<=\n)")


def text_diff(text_a: str, text_b: str, lang: str) -> list[DiffOp]:
    """word_diff for whole texts (two versions of one readout), in near-linear time.

    A word diff over 10,000 words takes diff-match-patch many seconds when edits are spread
    through the text, so the texts are first diffed as pieces (cut after sentence punctuation
    and line ends); the equal pieces anchor, and only the stretches between them get a word diff.
    """
    budget = DiffBudget.for_size(len(text_a) + len(text_b))
    pieces_a = [p for p in _PIECE_END.split(text_a) if p]
    pieces_b = [p for p in _PIECE_END.split(text_b) if p]
    out: list[DiffOp] = []
    gone: list[str] = []
    new: list[str] = []

    def flush() -> None:
        if gone or new:
            out.extend(word_diff("".join(gone), "".join(new), lang, budget) if gone and new
                       else [(-1 if gone else 1, "".join(gone or new))])
            gone.clear()
            new.clear()

    for op, run in diff_units(pieces_a, pieces_b, budget=budget):
        if op == 0:
            flush()
            out.append((0, "".join(run)))
        else:
            (gone if op < 0 else new).extend(run)
    flush()
    merged: list[DiffOp] = []
    for op, text in out:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged


# Changed words are worth colouring only where two passages share most of their wording: in a
# "related" link (the same matter in independent words) nearly every word differs, and
# colouring them all is noise. The diff itself is kept (JSON) for every link.
WORDING_KINDS = frozenset({"reworded", "moved"})


def shows_wording(link: Link) -> bool:
    """Whether a view should mark the link's changed words."""
    return bool(link.diff) and link.kind in WORDING_KINDS


def link_diff(link: Link, a: Document, b: Document, budget: DiffBudget | None = None) -> list[DiffOp]:
    """The word diff of a link over the joined texts of its sentences (`budget`: shared by the
    links of one comparison), from the sentences' own tokens: a sentence is tokenized once."""
    text_a, text_b = joined_text(a, link.a), joined_text(b, link.b)
    if text_a == text_b:
        return [(0, text_a)] if text_a else []
    return _unit_diff(_joined_units(a, link.a), _joined_units(b, link.b), budget)


def wording_changes(link: Link) -> list[tuple[str, str]]:
    """(removed, added) phrase pairs of a link's diff, for a one-line summary of what changed.

    An edit that spans a space or a comma stays one change; an equal stretch with a word in
    it ends the change.
    """
    changes: list[tuple[str, str]] = []
    removed: list[str] = []
    added: list[str] = []
    between = ""  # a space or a comma between two edits, kept only if another edit follows

    def flush() -> None:
        old, new = "".join(removed).strip(), "".join(added).strip()
        if _WORDLIKE.search(old + new):
            changes.append((old, new))
        removed.clear()
        added.clear()

    for op, text in link.diff or []:
        if op == 0 and _WORDLIKE.search(text):
            flush()
            between = ""
        elif op == 0:
            between = text if removed or added else ""
        else:
            if between:
                removed.append(between)
                added.append(between)
                between = ""
            (removed if op < 0 else added).append(text)
    flush()
    return changes
