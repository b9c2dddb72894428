"""Versions mode: two near-identical texts (an edited readout, a draft and its final).

Here order is meaningful, so the alignment is monotone: the sentences that are unchanged
anchor it (a diff of sentence hashes), the changed ones between two anchors are paired in
order by similarity, and a sentence found far from where the order puts it is one "moved"
link rather than a deletion plus an insertion.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from viewer.align.matching import Group, Scores, pair
from viewer.model import Document
from viewer.wording import diff_units

NEAR_IDENTICAL = 0.8  # a partner this close counts as the same sentence, edited
SHARE_NEAR_IDENTICAL = 0.6  # texts with this share of such sentences are versions
MONOTONE = 0.8  # ... if that share of those pairs also keeps its order
REWORDED = 0.5  # between anchors, changed sentences pair from this score up


def _key(text: str) -> str:
    return " ".join(text.split())


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for v in values:
        k = bisect.bisect_left(tails, v)
        tails[k : k + 1] = [v]
    return len(tails)


def looks_like_versions(scores: Scores, n_a: int, n_b: int) -> bool:
    """Most sentences have a near-identical partner, and those pairs keep their order."""
    if not n_a or not n_b:
        return False
    pairs = dict(sorted((i, j) for (i, j), s in scores.items() if s >= NEAR_IDENTICAL))
    close_b = set(pairs.values())
    if (len(pairs) + len(close_b)) / (n_a + n_b) < SHARE_NEAR_IDENTICAL:
        return False
    return _longest_increasing(list(pairs.values())) >= MONOTONE * len(pairs)


def align_versions(a: Document, b: Document, scores: Scores) -> tuple[list[Group], list[Group]]:
    """(in-order groups, moved groups) of a monotone alignment of the two texts."""
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in scores:
        partners[i].append(j)
    groups: list[Group] = []
    gap_a: list[int] = []
    gap_b: list[int] = []
    i = j = 0
    for op, run in diff_units([_key(s.text) for s in a.sentences], [_key(s.text) for s in b.sentences]):
        if op == 0:
            groups.extend(_pair_in_order(gap_a, gap_b, scores, partners))
            gap_a, gap_b = [], []
            groups.extend(Group([i + k], [j + k], 1.0) for k in range(len(run)))
            i += len(run)
            j += len(run)
        elif op < 0:
            gap_a.extend(range(i, i + len(run)))
            i += len(run)
        else:
            gap_b.extend(range(j, j + len(run)))
            j += len(run)
    groups.extend(_pair_in_order(gap_a, gap_b, scores, partners))
    return groups, _moved(groups, scores, len(a.sentences), len(b.sentences))


def _pair_in_order(gap_a: list[int], gap_b: list[int], scores: Scores,
                   partners: dict[int, list[int]]) -> list[Group]:
    """Best-first pairs inside one gap between anchors, keeping only those that keep the order."""
    if not gap_a or not gap_b:
        return []
    in_b = set(gap_b)
    pairs = sorted(((scores.get((i, j), 0.0), i, j) for i in gap_a for j in partners[i] if j in in_b),
                   reverse=True)
    taken: list[tuple[int, int]] = []  # sorted by i; j increasing along it
    for s, i, j in pairs:
        if s < REWORDED:
            break
        k = bisect.bisect_left(taken, (i, j))
        before_ok = k == 0 or (taken[k - 1][0] < i and taken[k - 1][1] < j)
        after_ok = k == len(taken) or (taken[k][0] > i and taken[k][1] > j)
        if before_ok and after_ok:
            taken.insert(k, (i, j))
    return [Group([i], [j], scores[(i, j)]) for i, j in taken]


def _moved(groups: list[Group], scores: Scores, n_a: int, n_b: int) -> list[Group]:
    """Near-identical pairs among the sentences the in-order pass left out: moved sentences."""
    in_a = {i for g in groups for i in g.a}
    in_b = {j for g in groups for j in g.b}
    left = {(i, j): s for (i, j), s in scores.items() if i not in in_a and j not in in_b}
    return pair(left, n_a, n_b, NEAR_IDENTICAL)
