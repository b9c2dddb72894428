"""Where things are in a Comparison, for the window: sentence under an offset, link of a sentence,
and the list of differences that next/previous difference walks through."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from viewer.model import Comparison, Document, Side

_STARTS: dict[int, tuple[list, list[int]]] = {}  # id of a sentence list -> (the list, its start offsets)


def _starts(doc: Document) -> list[int]:
    """The sentences' start offsets, listed once per document (the band asks at every paint)."""
    cached = _STARTS.get(id(doc.sentences))
    if cached is None or cached[0] is not doc.sentences or len(cached[1]) != len(doc.sentences):
        if len(_STARTS) > 8:
            _STARTS.clear()
        cached = _STARTS[id(doc.sentences)] = (doc.sentences, [s.start for s in doc.sentences])
    return cached[1]


def sentence_at(doc: Document, offset: int) -> int | None:
    """Index of the sentence covering `offset` (the gap after a sentence counts as that sentence)."""
    starts = _starts(doc)
    k = bisect_right(starts, offset) - 1
    if k < 0:
        return None
    return doc.sentences[k].i


def link_index(comparison: Comparison) -> dict[tuple[Side, int], int]:
    """(side, sentence) -> index of the link that holds it."""
    found: dict[tuple[Side, int], int] = {}
    for n, link in enumerate(comparison.links):
        for i in link.a:
            found[("A", i)] = n
        for j in link.b:
            found[("B", j)] = n
    return found


@dataclass(frozen=True)
class Difference:
    """One stop of next/previous difference: a non-identical link or an unmatched sentence."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    link: int | None  # index into comparison.links, None for an unmatched sentence

    @property
    def key(self) -> str:
        """Names the difference in a project file (its reviewed tick): its sentences on each side."""
        return "A" + ",".join(map(str, self.a)) + "|B" + ",".join(map(str, self.b))


SAME_CONTENT = frozenset({"identical", "translation"})  # links that are no difference to walk to


def differences(comparison: Comparison, kinds: list[str] | None = None) -> list[Difference]:
    """Differences in reading order of A; a sentence only B has sits after the A passage
    linked to the B sentence before it, so walking the list never jumps back and forth.
    `kinds`: the kind each link is shown as (default: its own)."""
    return rows(comparison, kinds, same=False)


def rows(comparison: Comparison, kinds: list[str] | None = None, *, same: bool = True) -> list[Difference]:
    """Every link and unmatched sentence in that reading order (the rows of the printed side by
    side); `same` False leaves out the links that say the same."""
    keyed: list[tuple[float, float, Difference]] = []
    for n, link in enumerate(comparison.links):
        if same or (kinds[n] if kinds is not None else link.kind) not in SAME_CONTENT:
            keyed.append((min(link.a), min(link.b), Difference(tuple(link.a), tuple(link.b), n)))
    for i in comparison.unmatched.get("A", []):
        keyed.append((i, -1.0, Difference((i,), (), None)))
    # B position -> the latest A sentence linked at or before it
    a_before: dict[int, int] = {}
    for link in comparison.links:
        for j in link.b:
            a_before[j] = max(a_before.get(j, -1), max(link.a))
    only_b = set(comparison.unmatched.get("B", []))
    last_a = -1
    for j in range(len(comparison.b.sentences)):
        last_a = max(last_a, a_before.get(j, -1))
        if j in only_b:
            keyed.append((last_a + 0.5, j, Difference((), (j,), None)))
    keyed.sort(key=lambda k: (k[0], k[1]))
    return [d for _, _, d in keyed]


def step_from(diffs: list[Difference], side: Side, sentence: int, step: int) -> tuple[int, bool]:
    """The difference next (step +1) or previous (-1) to a reader at `sentence` of `side`, and
    whether the walk wrapped round the end. A difference that holds the sentence is where the
    reader is, so the walk leaves it."""
    inside, after = None, len(diffs)
    for k, d in enumerate(diffs):
        mine = d.a if side == "A" else d.b
        if not mine:
            continue
        if min(mine) <= sentence <= max(mine):
            inside = k
            break
        if min(mine) > sentence:
            after = k
            break
    target = inside + step if inside is not None else after if step > 0 else after - 1
    return target % len(diffs), not 0 <= target < len(diffs)
