"""Floors for `make corpus`: an evaluation returns 1 when a score falls below the floor it records,
so a regression fails where it is made instead of scrolling past in a report."""

from __future__ import annotations

Key = tuple[str, str]  # (which pairs, which measure)


def gate(scores: dict[Key, float], floors: dict[Key, float]) -> int:
    """1, with a line for each, when a score is below its floor; a floor without a score is not checked."""
    failed = [(key, scores[key], floor) for key, floor in floors.items() if key in scores and scores[key] < floor]
    for (part, measure), value, floor in failed:
        print(f"BELOW FLOOR: {part} {measure} {value:.2f} < {floor:.2f}")
    if not failed:
        checked = sum(1 for key in floors if key in scores)
        print(f"floors: {checked} checked, all met")
    return 1 if failed else 0
