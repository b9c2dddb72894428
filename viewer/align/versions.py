"""Versions mode: two near-identical texts (an edited readout, a draft and its final).

Here order is meaningful, so the alignment is monotone: the near-identical pairs that keep
their order (the longest increasing chain of them) anchor it, the changed sentences between
two anchors are paired in order by how many of their words they keep, and a near-identical
pair off the chain is a sentence moved elsewhere: one "moved" link rather than a deletion plus
an insertion. Anchoring on pairs rather than on a diff of sentence hashes keeps it O(n log n)
when most sentences carry some small edit.

An edited sentence is told by the words it keeps in order (`EditRatio`, difflib's ratio over
word norms) as well as by the TF-IDF cosine that finds candidates: three rare words replaced in
a twelve-word sentence keep 75% of its words but leave a cosine of 0.45, which paired nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from viewer.align.matching import Group, Scores, pair

NEAR_IDENTICAL = 0.8  # a partner this close (cosine) counts as the same sentence, edited
SHARE_NEAR_IDENTICAL = 0.6  # texts with this share of such sentences are versions
MONOTONE = 0.8  # ... if that share of those pairs also keeps its order
REWORDED = 0.5  # changed sentences pair from this cosine, or this share of their words kept (EditRatio)
ALL_PAIRS = 400  # a gap between anchors of at most this many sentence pairs tries them all

EditRatio = Callable[[int, int], float]  # (i, j) -> share of words kept in order, 0..1


def close_pairs(scores: Scores, n_a: int, n_b: int) -> list[tuple[int, int]]:
    """One-to-one near-identical pairs, in the order of A."""
    near = {ij: s for ij, s in scores.items() if s >= NEAR_IDENTICAL}
    return sorted((g.a[0], g.b[0]) for g in pair(near, n_a, n_b, NEAR_IDENTICAL, swaps=False))


def _increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs (sorted by i) whose j increase too (patience sorting)."""
    tails: list[int] = []  # j of the last pair of the best chain of each length
    tail_at: list[int] = []  # index into pairs of that pair
    before: list[int] = []
    for k, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(tails, j)
        tails[n : n + 1] = [j]
        tail_at[n : n + 1] = [k]
        before.append(tail_at[n - 1] if n else -1)
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = before[k]
    return chain[::-1]


def looks_like_versions(close: list[tuple[int, int]], n_a: int, n_b: int) -> bool:
    """Most sentences have a near-identical partner (`close`), and those pairs keep their order."""
    if not n_a or not n_b:
        return False
    if 2 * len(close) / (n_a + n_b) < SHARE_NEAR_IDENTICAL:
        return False
    return len(_increasing_chain(close)) >= MONOTONE * len(close)


def align_versions(scores: Scores, close: list[tuple[int, int]], n_a: int, n_b: int,
                   ratio: EditRatio) -> tuple[list[Group], list[Group]]:
    """(in-order groups, moved groups) of a monotone alignment of the two texts; `close` are
    the near-identical pairs (close_pairs), `ratio` tells an edited sentence from another."""
    anchors = _increasing_chain(close)
    on_chain = set(anchors)
    moved = [Group([i], [j], scores[(i, j)]) for i, j in close if (i, j) not in on_chain]
    taken_a = {g.a[0] for g in moved}
    taken_b = {g.b[0] for g in moved}
    partners: dict[int, list[int]] = {}
    for i, j in scores:
        partners.setdefault(i, []).append(j)

    in_order = [Group([i], [j], scores[(i, j)]) for i, j in anchors]
    previous = (-1, -1)
    for i, j in [*anchors, (n_a, n_b)]:
        gap_a = [k for k in range(previous[0] + 1, i) if k not in taken_a]
        gap_b = {k for k in range(previous[1] + 1, j) if k not in taken_b}
        in_order.extend(_pair_in_order(gap_a, gap_b, scores, partners, ratio))
        previous = (i, j)
    # an edited sentence that also moved: paired off the chain by the words it keeps
    linked_a = taken_a.union(g.a[0] for g in in_order)
    linked_b = taken_b.union(g.b[0] for g in in_order)
    left = {(i, j): max(s, ratio(i, j)) for (i, j), s in scores.items() if i not in linked_a and j not in linked_b}
    return in_order, moved + pair(left, n_a, n_b, REWORDED, swaps=False)


def _pair_in_order(gap_a: list[int], gap_b: set[int], scores: Scores, partners: dict[int, list[int]],
                   ratio: EditRatio) -> list[Group]:
    """Best-first pairs inside one gap between anchors, keeping only those that keep the order:
    every pair of a small gap, the candidates of a large one."""
    if not gap_a or not gap_b:
        return []
    if len(gap_a) * len(gap_b) <= ALL_PAIRS:
        candidates = [(i, j) for i in gap_a for j in gap_b]
    else:
        candidates = [(i, j) for i in gap_a for j in partners.get(i, ()) if j in gap_b]
    pairs = sorted(((max(scores.get((i, j), 0.0), ratio(i, j)), i, j) for i, j in candidates), reverse=True)
    taken: list[tuple[int, int]] = []  # sorted by i; j increasing along it
    for s, i, j in pairs:
        if s < REWORDED:
            break
        k = bisect.bisect_left(taken, (i, j))
        before_ok = k == 0 or (taken[k - 1][0] < i and taken[k - 1][1] < j)
        after_ok = k == len(taken) or (taken[k][0] > i and taken[k][1] > j)
        if before_ok and after_ok:
            taken.insert(k, (i, j))
    return [Group([i], [j], scores.get((i, j), 0.0)) for i, j in taken]
