"""Keep linked passages level while scrolling: map a y position in one pane to the other.

Only links that keep reading order on both sides anchor the mapping (the longest chain in A
order whose B positions also increase); a moved passage would otherwise yank the follower
back and forth. Between anchors the mapping is linear.
"""

from __future__ import annotations

from bisect import bisect_right

from viewer.model import Link


def monotone_chain(links: list[Link]) -> list[int]:
    """Indices of the longest run of links increasing in both A and B order (patience sorting)."""
    order = sorted(range(len(links)), key=lambda n: (min(links[n].a), min(links[n].b)))
    tails: list[int] = []  # tails[k] = index into order of the smallest tail of a chain of length k+1
    tail_keys: list[int] = []
    parent: dict[int, int | None] = {}
    for pos, n in enumerate(order):
        key = min(links[n].b)
        k = bisect_right(tail_keys, key - 1)  # strictly increasing in B
        parent[pos] = tails[k - 1] if k > 0 else None
        if k == len(tails):
            tails.append(pos)
            tail_keys.append(key)
        else:
            tails[k] = pos
            tail_keys[k] = key
    chain: list[int] = []
    cur = tails[-1] if tails else None
    while cur is not None:
        chain.append(order[cur])
        cur = parent[cur]
    return chain[::-1]


def interpolate(anchors: list[tuple[float, float]], y: float) -> float:
    """Piecewise-linear map through (source_y, target_y) anchors sorted by source_y."""
    if not anchors:
        return y
    xs = [p[0] for p in anchors]
    k = bisect_right(xs, y)
    if k == 0:
        x0, y0 = anchors[0]
        return y0 - (x0 - y)
    if k == len(anchors):
        x1, y1 = anchors[-1]
        return y1 + (y - x1)
    (x0, y0), (x1, y1) = anchors[k - 1], anchors[k]
    if x1 == x0:
        return y1
    return y0 + (y1 - y0) * (y - x0) / (x1 - x0)


def follower_value(leader_value: int, leader_max: int, leader_page: int,
                   follower_max: int, follower_page: int, mapping) -> int:
    """Scroll value of the follower. The focal line slides from the top of the view (at the
    start) to its bottom (at the end), as in Meld, so both panes reach their ends together."""
    frac = leader_value / leader_max if leader_max > 0 else 0.0
    focal = mapping(leader_value + frac * leader_page)
    if follower_max <= 0:
        return 0
    value = focal / (1.0 + follower_page / follower_max)
    return int(round(min(max(value, 0.0), follower_max)))
