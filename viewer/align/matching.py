"""From a sparse map of pair scores to groups of linked sentences.

Two readouts order their topics differently, so the matching does not assume a monotone
order: pairs are taken best first (greedy), position only breaking ties. Readouts also
summarise: one sentence of A may be covered by two of B. After the one-to-one pass, an
unmatched sentence whose best partner is already linked joins that link when the joined
passages cover each other better than before (the caller says how to score a joint passage).
Works on any score (word similarity here, shared concepts across languages).
A link grows to MAX_MERGE sentences at most: real summaries cover up to ten, and a text that
repeats one sentence thousands of times would otherwise pile every copy onto one link, each
join re-scoring the whole growing passage (quadratic time, and one giant word diff).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Scores = dict[tuple[int, int], float]
JointScore = Callable[[Sequence[int], Sequence[int]], float]
# (link's A, link's B, new pair's A, new pair's B, whether the joint score rose) -> may it join
Joins = Callable[[Sequence[int], Sequence[int], Sequence[int], Sequence[int], bool], bool]

MAX_MERGE = 12  # sentences a link may gather on its growing side ...
MAX_SIDE = 4  # ... of which more than this only when they are consecutive (and on the link's matter)


@dataclass
class Group:
    """Sentences of A and of B linked together, with the score of their joined text."""

    a: list[int]
    b: list[int]
    score: float


def pair(scores: Scores, n_a: int, n_b: int, threshold: float, *, swaps: bool = True,
         keep_share: float = 0.0) -> list[Group]:
    """One-to-one links, best score first; crossing links are allowed.

    Greedy alone lets a pair take a sentence that two others needed more (A2-B0 at 0.42 and
    A0-B1 at 0.24, where A0-B0 0.39 and A2-B1 0.38 score more together), so a pass of swaps
    follows: each candidate pair replaces the links in its way when the exchange raises the
    total score. Without `swaps`, a strong pair is never given up for two weaker ones (what
    near-identical copies want); with `keep_share`, only for two that each score at least that
    share of it (a reader keeps a pair at 0.94 rather than make two at 0.62 and 0.47).
    """
    def key(item: tuple[tuple[int, int], float]) -> tuple[float, float]:
        (i, j), s = item
        return (-s, abs(i / max(n_a, 1) - j / max(n_b, 1)))

    ranked = [(ij, s) for ij, s in sorted(scores.items(), key=key) if s >= threshold]
    links = _Links({ij: s for ij, s in ranked}, keep_share)
    for (i, j), _ in ranked:
        if i not in links.to_b and j not in links.to_a:
            links.add(i, j)
    for (i, j), s in ranked if swaps else ():
        links.try_swap(i, j, s)
    return [Group([i], [j], scores[(i, j)]) for i, j in links.to_b.items()]


class _Links:
    """One-to-one links over the pairs that passed the threshold, with the swap move."""

    def __init__(self, scores: Scores, keep_share: float = 0.0):
        self.scores = scores
        self.keep_share = keep_share
        self.to_b: dict[int, int] = {}
        self.to_a: dict[int, int] = {}
        self.by_a: dict[int, list[int]] = {}
        self.by_b: dict[int, list[int]] = {}
        for i, j in scores:  # scores are ranked best first, so these lists are too
            self.by_a.setdefault(i, []).append(j)
            self.by_b.setdefault(j, []).append(i)

    def add(self, i: int, j: int) -> None:
        self.to_b[i], self.to_a[j] = j, i

    def drop(self, i: int, j: int) -> None:
        del self.to_b[i], self.to_a[j]

    def score(self, i: int | None, j: int | None) -> float:
        return self.scores.get((i, j), 0.0) if i is not None and j is not None else 0.0

    def try_swap(self, i: int, j: int, s: float) -> None:
        """Link i-j if the links it breaks, re-paired as well as they can be, lose less."""
        j1, i1 = self.to_b.get(i), self.to_a.get(j)
        if j1 == j:
            return
        if i1 is not None and j1 is not None:  # i1 and j1 are left to each other
            new_i, new_j = i1, (j1 if (i1, j1) in self.scores else None)
        elif i1 is not None:  # i was free: its rival i1 seeks a free partner
            new_i, new_j = i1, next((b for b in self.by_a[i1] if b not in self.to_a), None)
        elif j1 is not None:
            new_i, new_j = next((a for a in self.by_b[j1] if a not in self.to_b), None), j1
        else:
            new_i = new_j = None
        gain = s + self.score(new_i, new_j) - self.score(i, j1) - self.score(i1, j)
        if gain <= 1e-9:
            return
        made = min(s, self.score(new_i, new_j)) if new_i is not None and new_j is not None else s
        if made < self.keep_share * max(self.score(i, j1), self.score(i1, j)):
            return  # each link made must be worth a share of each one it breaks
        if j1 is not None:
            self.drop(i, j1)
        if i1 is not None:
            self.drop(i1, j)
        self.add(i, j)
        if new_i is not None and new_j is not None:
            self.add(new_i, new_j)


def merge(groups: list[Group], scores: Scores, joint: JointScore, floor: float,
          joins: Joins | None = None) -> None:
    """Let unmatched sentences join the link of their best partner when that raises its score;
    `joins` has the last word: it may admit a sentence of the link's matter whose words add
    little (a Chinese readout spends three sentences on Taiwan where the US one spends one),
    or refuse one that raises the score by words alone.

    Only partners scoring at least `floor` with the sentence are considered, and a link grows
    on one side only (one sentence summarised by several, not several by several), to
    MAX_SIDE sentences scattered over the text or MAX_MERGE consecutive ones: a reader can check
    a link of four sentences, or one passage, not nine sentences from four paragraphs.
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
        # one side grows, the other stays one sentence: chains of merges would glue topics
        if (group is None or len(group.b if side == "A" else group.a) > 1
                or len(group.a if side == "A" else group.b) >= MAX_MERGE):
            continue
        a = sorted([*group.a, k]) if side == "A" else group.a
        b = sorted([*group.b, k]) if side == "B" else group.b
        grown = a if side == "A" else b
        if len(grown) > MAX_SIDE and grown[-1] - grown[0] + 1 != len(grown):
            continue  # past four sentences only a consecutive run joins: a reader checks one passage
        s = joint(a, b)
        rose = s > group.score
        pair_a, pair_b = ([k], [partner]) if side == "A" else ([partner], [k])
        if joins(group.a, group.b, pair_a, pair_b, rose) if joins is not None else rose:
            group.a, group.b, group.score = a, b, max(s, group.score)
            (owner_a if side == "A" else owner_b)[k] = group


def match(scores: Scores, n_a: int, n_b: int, threshold: float, *,
          joint: JointScore | None = None, merge_floor: float | None = None,
          joins: Joins | None = None, keep: Callable[[Group], bool] | None = None,
          keep_share: float = 0.0) -> list[Group]:
    """Links from sparse pair scores: one-to-one best first, less those `keep` refuses, then
    merges when `joint` is given (a sentence whose one-to-one link was refused may then join the
    link of its best partner)."""
    groups = [g for g in pair(scores, n_a, n_b, threshold, keep_share=keep_share) if keep is None or keep(g)]
    if joint is not None:
        merge(groups, scores, joint, threshold if merge_floor is None else merge_floor, joins)
    return sorted(groups, key=lambda g: (g.a[0], g.b[0]))


def unmatched(groups: Sequence[Group], n_a: int, n_b: int) -> dict[str, list[int]]:
    """Sentences of each side that no group holds."""
    in_a = {i for g in groups for i in g.a}
    in_b = {j for g in groups for j in g.b}
    return {"A": [i for i in range(n_a) if i not in in_a], "B": [j for j in range(n_b) if j not in in_b]}
