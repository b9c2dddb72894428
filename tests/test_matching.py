"""The matching of viewer/align/matching.py: the swap pass its docstring works through, the merge
floor, and the cap on a link's size."""

from __future__ import annotations

from viewer.align.matching import MAX_MERGE, Group, match, merge, pair

# The docstring's example: greedy takes A2-B0 (0.42) first, which leaves A0 only B1 (0.24);
# A0-B0 (0.39) with A2-B1 (0.38) score more together (0.77 against 0.66).
SWAP = {(2, 0): 0.42, (0, 0): 0.39, (2, 1): 0.38, (0, 1): 0.24}


def links(groups: list[Group]) -> set[tuple[int, int]]:
    return {(g.a[0], g.b[0]) for g in groups}


def test_the_swap_pass_gives_up_a_strong_pair_for_two_that_score_more():
    assert links(pair(SWAP, 3, 2, 0.2)) == {(0, 0), (2, 1)}


def test_without_swaps_greedy_keeps_the_strongest_pair():
    assert links(pair(SWAP, 3, 2, 0.2, swaps=False)) == {(2, 0), (0, 1)}


def test_pairs_below_the_threshold_are_never_linked():
    assert links(pair(SWAP, 3, 2, 0.4)) == {(2, 0)}


def joint_sum(scores):
    """A joint score that rises with every sentence that scores with the other side."""
    return lambda a, b: sum(scores.get((i, j), 0.0) for i in a for j in b)


def test_a_sentence_joins_its_best_partners_link_only_from_the_merge_floor():
    scores = {(0, 0): 0.8, (1, 0): 0.3}
    groups = [Group([0], [0], 0.8)]
    merge(groups, scores, joint_sum(scores), floor=0.35)
    assert groups[0].a == [0]  # 0.3 is under the floor: A1 stays out although the score would rise
    merge(groups, scores, joint_sum(scores), floor=0.25)
    assert groups[0].a == [0, 1]


def test_a_link_grows_on_one_side_only_and_to_max_merge_sentences():
    n = MAX_MERGE + 5
    scores = {(i, 0): 0.9 - i * 0.01 for i in range(n)} | {(0, 1): 0.5}
    groups = match(scores, n, 2, 0.2, joint=joint_sum(scores))
    big = next(g for g in groups if 0 in g.b)
    assert len(big.a) == MAX_MERGE and big.b == [0]
    assert all(len(g.a) == 1 or len(g.b) == 1 for g in groups)


def test_a_refused_pair_frees_its_sentence_to_join_its_best_partners_link():
    # B1's best partner A0 went to B0; B1 was paired with A1, which `keep` refuses: B1 then joins A0's link
    scores = {(0, 0): 0.9, (0, 1): 0.8, (1, 1): 0.5}

    def joint(a, b):
        return 0.95 if (list(a), list(b)) == ([0], [0, 1]) else 0.0

    groups = match(scores, 2, 2, 0.4, joint=joint, keep=lambda g: g.a != [1])
    assert [(g.a, g.b) for g in groups] == [([0], [0, 1])]


def test_a_strong_pair_is_given_up_only_for_two_that_are_worth_a_share_of_it():
    # A0-B0 0.94 is taken first; A1's only partner is B0. Swapping gives A1-B0 0.47 and A0-B1 0.62,
    # a higher total, but two weak links for a strong one
    scores = {(0, 0): 0.94, (0, 1): 0.62, (1, 0): 0.47}
    assert [(g.a, g.b) for g in pair(scores, 2, 2, 0.4)] == [([0], [1]), ([1], [0])]
    assert [(g.a, g.b) for g in pair(scores, 2, 2, 0.4, keep_share=0.6)] == [([0], [0])]
    # the swap of the docstring (0.42 given up for 0.39 and 0.38) still happens
    scores = {(2, 0): 0.42, (0, 1): 0.24, (0, 0): 0.39, (2, 1): 0.38}
    assert sorted((g.a, g.b) for g in pair(scores, 3, 2, 0.2, keep_share=0.6)) == [([0], [0]), ([2], [1])]
