"""One text and its translation: recognising the pair, aligning it in order, saying what changed.

Alignment (after Gale and Church 1993, with lexical anchors as in hunalign): a dynamic programme
over a band around the diagonal links sentences in order with 1-1, 1-2, 2-1 and 2-2 beads or
leaves one out (1-0, 0-1). A bead earns its similarity (the cross-language word and concept score)
less a length cost: the |log| of its length ratio against the texts' own ratio, in units of the
spread measured for the language pair (SIGMA, on the tuning translation pairs: characters without
spaces; words give a wider spread, even for Chinese by Han characters), squared as the Gaussian
of Gale-Church has it. The band is at most BAND_MAX sentences wide, so time grows linearly.

Recognition: two independent readouts of one meeting may also follow one order, but their
sentences do not keep one length ratio and many have no counterpart. A translation is a pair
whose aligned beads cover most sentences of both texts and keep the ratio (median |z| small).

What a translation changes, per link: words of A whose rendering B lacks (`dropped`) and words of
B with no source in A (`added`), counted only for words the glossary knows (had the other side
rendered one by a glossary term, the two would meet; a word nothing could bridge is no evidence
of a drop), and
the side whose wording is weaker: a translation that drops "firmly", "as soon as possible" or
"agreed", or puts "is willing to" or "hopes" where the source had none, softens it.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from viewer.align.glossary import PIVOT
from viewer.align.matching import Group, Scores
from viewer.errors import Cancelled
from viewer.model import Side


class Passage(Protocol):
    """The glossed words of some sentences of one side, and the keys they match by."""

    words: Mapping[str, Any]
    keys: frozenset[str]


class CrossSimilarity(Protocol):
    """What the translation aligner asks of the cross-language similarity (crosslang.py has it)."""

    a: Sequence[object]
    b: Sequence[object]
    ratio: float  # expected length of B per character of A
    sigma: float

    def joint(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float: ...

    def passage(self, side: Side, ids: Sequence[int]) -> Passage: ...

    def length(self, side: Side, ids: Sequence[int]) -> int: ...

    def length_z(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float: ...

# Spread (standard deviation) of the log length ratio of sentences that translate each other,
# measured per language pair on benchmarks/translation/tune/ (characters without spaces).
SIGMA = {
    frozenset(("en", "es")): 0.12, frozenset(("en", "fr")): 0.09, frozenset(("en", "ru")): 0.18,
    frozenset(("en", "zh")): 0.16, frozenset(("es", "ru")): 0.18, frozenset(("es", "zh")): 0.18,
    frozenset(("es", "fr")): 0.08, frozenset(("fr", "ru")): 0.16, frozenset(("fr", "zh")): 0.16,
    frozenset(("ru", "zh")): 0.12,
}
DEFAULT_SIGMA = 0.16
BAND_MIN, BAND_MAX = 10, 60  # half-width of the band around the diagonal, in sentences
RATIO_CHANGE = 0.05  # the beads' ratio differs from the texts' by more than this: align again
BEAD_MIN = 0.12  # a bead's similarity must exceed this (less its costs) to be worth keeping
LENGTH_WEIGHT = 0.01  # cost per squared unit of length deviation (z^2 / 2)
MERGE_COST = 0.05  # per sentence beyond one a side: a 2-1 bead must beat a 1-1 bead by this
MEMBER_FLOOR = 0.1  # ... and each of its sentences must score this with the other side's passage
SKIP_COST = 0.1  # a sentence left out of a translation: most have a rendering ...
BEAD_FLOOR = 0.2  # ... but a bead of two sentences this unlike is two sentences left out
# recognition
COVERED = 0.5  # share of both texts' sentences inside beads (measured: translations 0.56-0.98,
TYPICAL_Z = 1.5  # median |z| of the beads' length deviations              readouts 0.13-0.80)
INNER_SKIPS = 0.1  # share of the sentences between the first bead and the last that a translation leaves out
MUTUAL = 0.8  # share of the sentences with a clear best partner (CLEAR) that have it in their bead
MUTUAL_SMALL = 0.9  # ... for texts under SMALL sentences, where order and chance agree more often
SMALL = 8
CLEAR = 0.3
DROP_WEIGHT = 0.5  # IDF from which a word left out of a rendering is reported (not "the", 双方)
SHIFT = 1.2  # ... when the rendering is this many spreads shorter (dropped) or longer (added)

_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))

# Glossary pivots that make a commitment or a stance firmer, by class (a rendering by another pivot
# of the class keeps the strength: "oppose" for "reject"), and hedges that make it weaker.
STRONG = {"firmly": "firm", "serious": "serious", "must": "must",
          "as soon as possible": "soon", "closely": "close", "agree": "agree", "reach consensus": "agree",
          "commitment": "commit", "determination": "commit", "insist": "demand", "demand": "demand",
          "urge": "demand", "oppose": "oppose", "reject": "oppose", "condemn": "oppose", "protest": "oppose"}
HEDGES = {"willing": "willing", "in due course": "later"}  # resources/lang/*/glossary/strength.tsv

def sigma(lang_a: str, lang_b: str) -> float:
    return SIGMA.get(frozenset((lang_a, lang_b)), DEFAULT_SIGMA)


def align_translation(sim: CrossSimilarity, should_cancel: Callable[[], bool] | None = None) -> list[Group]:
    """The best monotone sequence of beads (skipping a sentence costs nothing, so a bead must
    earn its place). The texts' length ratio counts untranslated sentences too, so it is set
    again from the beads of a first pass (their median), and the beads are found again."""
    beads = _beads(sim, should_cancel)
    if len(beads) >= 3:
        ratio = math.exp(statistics.median(
            math.log(sim.length("B", g.b) / max(sim.length("A", g.a), 1)) for g in beads if sim.length("B", g.b)))
        if abs(math.log(ratio / sim.ratio)) > RATIO_CHANGE:
            sim.ratio = ratio
            beads = _beads(sim, should_cancel)
    return beads


def _beads(sim: CrossSimilarity, should_cancel: Callable[[], bool] | None) -> list[Group]:
    n_a, n_b = len(sim.a), len(sim.b)
    width = min(BAND_MAX, max(BAND_MIN, (max(n_a, n_b) + 9) // 10))
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n_a + 1):
        if should_cancel is not None and i % 64 == 0 and should_cancel():
            raise Cancelled("align")
        centre = round(i * n_b / max(n_a, 1))
        for j in range(max(0, centre - width), min(n_b, centre + width) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for da, db in _BEADS:
                prev = best.get((i - da, j - db))
                if prev is not None:
                    options.append((prev[0] + bead_value(sim, range(i - da, i), range(j - db, j)), (da, db)))
            if options and (top := max(options))[0] > -math.inf:
                best[(i, j)] = top
    end = (n_a, n_b) if (n_a, n_b) in best else max(best, key=lambda ij: (ij[0] + ij[1], best[ij][0]))
    groups = []
    i, j = end
    while (i, j) != (0, 0):
        da, db = best[(i, j)][1]
        a_ids, b_ids = list(range(i - da, i)), list(range(j - db, j))
        if a_ids and b_ids:
            groups.append(Group(a_ids, b_ids, sim.joint(a_ids, b_ids)))
        i, j = i - da, j - db
    return groups[::-1]


def bead_value(sim: CrossSimilarity, a_ids: range, b_ids: range) -> float:
    if not a_ids or not b_ids:
        return -SKIP_COST
    if len(a_ids) + len(b_ids) > 2 and not _members_belong(sim, a_ids, b_ids):
        return -math.inf  # checked first: it needs only the pairs' scores, already known
    similarity = sim.joint(a_ids, b_ids)
    if similarity < BEAD_FLOOR:
        return -math.inf
    z = sim.length_z(a_ids, b_ids)
    value = similarity - LENGTH_WEIGHT * z * z / 2 - BEAD_MIN
    return value - MERGE_COST * (len(a_ids) + len(b_ids) - 2)


def _members_belong(sim: CrossSimilarity, a_ids: range, b_ids: range) -> bool:
    """Each sentence of a bead of three or four shares something with a sentence of the other side
    (a timestamp and a photo credit do not join a bead because their neighbours translate each other)."""
    return (all(any(sim.joint([i], [j]) >= MEMBER_FLOOR for j in b_ids) for i in a_ids)
            and all(any(sim.joint([i], [j]) >= MEMBER_FLOOR for i in a_ids) for j in b_ids))


def looks_like_translation(sim: CrossSimilarity, groups: Sequence[Group], scores: Scores) -> bool:
    """The beads cover most sentences of both texts, keep the texts' length ratio, leave out
    hardly a sentence between their first and last, and hold the best partner of nearly every
    sentence that has a clear one (two readouts told in one order do not: some of their best
    pairs cross the order, and each side says things the other does not)."""
    n_a, n_b = len(sim.a), len(sim.b)
    if not groups or not n_a or not n_b:
        return False
    covered = sum(len(g.a) + len(g.b) for g in groups) / (n_a + n_b)
    if covered < COVERED or statistics.median(sim.length_z(g.a, g.b) for g in groups) > TYPICAL_Z:
        return False
    # what a translation leaves out is page furniture and the tail of a cut-off copy, at its edges
    inner = [(min(ids), max(ids), set(ids)) for ids in ([i for g in groups for i in g.a], [j for g in groups for j in g.b])]
    span = sum(hi - lo + 1 for lo, hi, _ in inner)
    skipped = sum(1 for lo, hi, ids in inner for k in range(lo, hi + 1) if k not in ids)
    if skipped > max(1, INNER_SKIPS * span):
        return False
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        if s >= CLEAR and s > best.get(("A", i), (0.0, -1))[0]:
            best[("A", i)] = (s, j)
        if s >= CLEAR and s > best.get(("B", j), (0.0, -1))[0]:
            best[("B", j)] = (s, i)
    bead = {("A", i): g.b for g in groups for i in g.a} | {("B", j): g.a for g in groups for j in g.b}
    inside = sum(1 for key, (_, partner) in best.items() if partner in bead.get(key, ()))
    return inside >= (MUTUAL if min(n_a, n_b) >= SMALL else MUTUAL_SMALL) * len(best)


def changes(sim: CrossSimilarity, a_ids: Sequence[int], b_ids: Sequence[int]) -> tuple[list[str], list[str], Side | None]:
    """(dropped, added, weaker side) of one link of a translation.

    Two renderings seldom use the same glossary terms for every word, so a word left over is
    evidence of a drop only when the rendering is also shorter than the texts' ratio expects (an
    addition: longer), by SHIFT spreads: a clause's worth. A side is weaker when a strong word of
    the other (STRONG) has no match of its class on it and either it hedges instead (HEDGES) or
    it is that much shorter; or when it adds a hedge to a passage without strong words."""
    fa, fb = sim.passage("A", a_ids), sim.passage("B", b_ids)
    shift = log_ratio(sim.length("A", a_ids) * sim.ratio, sim.length("B", b_ids)) / sim.sigma
    dropped = _left(fa, fb) if shift <= -SHIFT else []
    added = _left(fb, fa) if shift >= SHIFT else []
    pivots_a = {k[len(PIVOT):] for k in fa.keys if k.startswith(PIVOT)}
    pivots_b = {k[len(PIVOT):] for k in fb.keys if k.startswith(PIVOT)}
    strong_a, strong_b = _classes(pivots_a, STRONG), _classes(pivots_b, STRONG)
    hedge_a, hedge_b = _classes(pivots_a, HEDGES), _classes(pivots_b, HEDGES)
    # each side's case for being the weaker one: what it lost and the hedges it added
    case_b = len(strong_a - strong_b) + len(hedge_b - hedge_a) if _softer(
        strong_a - strong_b, hedge_b - hedge_a, bool(strong_a), -shift) else 0
    case_a = len(strong_b - strong_a) + len(hedge_a - hedge_b) if _softer(
        strong_b - strong_a, hedge_a - hedge_b, bool(strong_b), shift) else 0
    weaker: Side | None = "B" if case_b > case_a else "A" if case_a > case_b else None
    return dropped, added, weaker


def _softer(lost: set[str], hedged: set[str], source_strong: bool, shorter: float) -> bool:
    """Is a rendering weaker than its source: it loses a strong word and hedges or is shorter by
    SHIFT spreads, or it hedges a source that had no strong word and is no shorter?"""
    if lost:
        return bool(hedged) or shorter >= SHIFT
    return bool(hedged) and not source_strong and shorter <= 0


def _left(source, rendering) -> list[str]:
    """The glossed words of `source` (as written) that nothing in `rendering` meets."""
    return [w.text for w in source.words.values()
            if w.weight >= DROP_WEIGHT and _glossed(w.keys) and not w.keys & rendering.keys]


def _glossed(keys: frozenset[str]) -> bool:
    """A word the glossary knows: had the other side rendered it by a glossary term, they would meet."""
    return any(k.startswith(PIVOT) for k in keys)


def _classes(pivots: set[str], table: dict[str, str]) -> set[str]:
    return {table[p] for p in pivots if p in table}


def log_ratio(la: float, lb: float) -> float:
    return math.log((lb + 10) / (la + 10))
