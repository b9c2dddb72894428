"""From a sparse map of pair scores to groups of linked sentences.

Two readouts order their topics differently, so the matching does not assume a monotone
order: pairs are taken best first (greedy), position only breaking ties. Readouts also
summarise: one sentence of A may be covered by two of B. After the one-to-one pass, an
unmatched sentence whose best partner is already linked joins that link when the joined
passages cover each other better than before (the caller says how to score a joint passage).
Works on any score (word similarity here, shared concepts across languages).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Scores = dict[tuple[int, int], float]
JointScore = Callable[[Sequence[int], Sequence[int]], float]


@dataclass
class Group:
    """Sentences of A and of B linked together, with the score of their joined text."""

    a: list[int]
    b: list[int]
    score: float


def pair(scores: Scores, n_a: int, n_b: int, threshold: float) -> list[Group]:
    """One-to-one links, best score first; crossing links are allowed."""
    def key(item: tuple[tuple[int, int], float]) -> tuple[float, float]:
        (i, j), s = item
        return (-s, abs(i / max(n_a, 1) - j / max(n_b, 1)))

    used_a: set[int] = set()
    used_b: set[int] = set()
    groups: list[Group] = []
    for (i, j), s in sorted(scores.items(), key=key):
        if s < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        groups.append(Group([i], [j], s))
    return groups


def merge(groups: list[Group], scores: Scores, joint: JointScore, floor: float) -> None:
    """Let unmatched sentences join the link of their best partner when that raises its score.

    Only partners scoring at least `floor` with the sentence are considered.
    """
    owner_a = {i: g for g in groups for i in g.a}
    owner_b = {j: g for g in groups for j in g.b}
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        if s < floor:
            continue
        if i not in owner_a and s > best.get(("A", i), (-1.0, 0))[0]:
            best[("A", i)] = (s, j)
        if j not in owner_b and s > best.get(("B", j), (-1.0, 0))[0]:
            best[("B", j)] = (s, i)
    for (side, k), (_, partner) in sorted(best.items(), key=lambda item: -item[1][0]):
        group = owner_b.get(partner) if side == "A" else owner_a.get(partner)
        if group is None:
            continue
        a = sorted([*group.a, k]) if side == "A" else group.a
        b = sorted([*group.b, k]) if side == "B" else group.b
        s = joint(a, b)
        if s > group.score:
            group.a, group.b, group.score = a, b, s
            (owner_a if side == "A" else owner_b)[k] = group


def match(scores: Scores, n_a: int, n_b: int, threshold: float, *,
          joint: JointScore | None = None, merge_floor: float | None = None) -> list[Group]:
    """Links from sparse pair scores: one-to-one best first, then merges when `joint` is given."""
    groups = pair(scores, n_a, n_b, threshold)
    if joint is not None:
        merge(groups, scores, joint, threshold / 2 if merge_floor is None else merge_floor)
    return sorted(groups, key=lambda g: (g.a[0], g.b[0]))


def unmatched(groups: Sequence[Group], n_a: int, n_b: int) -> dict[str, list[int]]:
    """Sentences of each side that no group holds."""
    in_a = {i for g in groups for i in g.a}
    in_b = {j for g in groups for j in g.b}
    return {"A": [i for i in range(n_a) if i not in in_a], "B": [j for j in range(n_b) if j not in in_b]}
