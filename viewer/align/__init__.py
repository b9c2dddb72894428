"""Alignment of two segmented readouts into links (the word diff inside them is the next stage's).

One language: TF-IDF similarity with candidates from an inverted index (similarity.py), then
either a matching that allows crossings and merges (readouts mode, matching.py; the score
adds what the sentences speak of, concepts.py, so "the Taiwan Strait" meets "the Taiwan
question") or a
monotone alignment with moved sentences (versions mode, versions.py), chosen from the texts
unless forced. Two languages: delegated to viewer.align.crosslang.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.align.concepts import ConceptSpace
from viewer.align.matching import Group, match, unmatched
from viewer.align.similarity import SimilarityIndex
from viewer.align.versions import REWORDED as REWORDED_VERSION
from viewer.align.versions import align_versions, close_pairs, looks_like_versions
from viewer.errors import Cancelled
from viewer.lexicon import Vocabulary
from viewer.model import Document, Link, LinkKind, Mode
from viewer.wording import joined_text

THRESHOLD = 0.25  # below this word score two sentences of two readouts are not linked (ConceptSpace.scale)
REWORDED = 0.6  # word cosine from which a link is reworded: most of the weighted words shared
PIN_WEIGHT = 0.05  # added to the word score per word only the two passages use (SimilarityIndex.pins) ...
PINS_MIN, PINS_MAX = 2, 3  # ... from two such words (one is chance), counting three at most


@dataclass
class AlignResult:
    mode: Mode
    links: list[Link]
    unmatched: dict[str, list[int]]


def align(a: Document, b: Document, *, mode: Mode | None = None, lexicon: Vocabulary | None = None,
          should_cancel: Callable[[], bool] | None = None) -> AlignResult:
    """Link the sentences of a and b; `mode` None detects versions (near-identical texts)."""
    if a.language != b.language:
        from viewer.align.crosslang import align_cross  # crosslang builds on this package

        return align_cross(a, b, mode=mode, lexicon=lexicon, should_cancel=should_cancel)

    n_a, n_b = len(a.sentences), len(b.sentences)
    index = SimilarityIndex(a, b)
    scores = index.candidates(should_cancel)
    close = close_pairs(scores, n_a, n_b) if mode != "readouts" else []
    if mode is None:
        mode = "versions" if looks_like_versions(close, n_a, n_b) else "readouts"
    if mode == "versions":
        in_order, moved = align_versions(scores, close, n_a, n_b, index.edit_ratio)
        groups = in_order + moved
        # a pair that keeps most of its words in order is reworded (not identical) whatever its cosine
        kinds = {id(g): "reworded" for g in in_order
                 if g.score >= REWORDED or index.edit_ratio(g.a[0], g.b[0]) >= REWORDED_VERSION}
        kinds |= {id(g): "moved" for g in moved}
        concepts = None
    else:
        concepts = ConceptSpace(a, b, lexicon)

        def joint(a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
            pins = index.pins(a_ids, b_ids)
            word = index.joint(a_ids, b_ids) + (PIN_WEIGHT * min(pins, PINS_MAX) if pins >= PINS_MIN else 0.0)
            return concepts.score(a_ids, b_ids, word)

        pairs = scores.keys() | concepts.topic_pairs()
        scores = {(i, j): s for i, j in pairs if (s := joint([i], [j])) > 0}
        groups = match(scores, n_a, n_b, THRESHOLD * concepts.scale(), joint=joint, joins=concepts.joins)
        kinds = {}
    links = []
    for k, g in enumerate(sorted(groups, key=lambda g: (g.a[0], g.b[0]))):
        if should_cancel is not None and k % 256 == 0 and should_cancel():
            raise Cancelled("align")
        links.append(_link(g, a, b, kinds.get(id(g)), index, concepts))
    return AlignResult(mode, links, unmatched(groups, n_a, n_b))


def _link(group: Group, a: Document, b: Document, kind: LinkKind | None,
          index: SimilarityIndex, concepts: ConceptSpace | None) -> Link:
    text_a, text_b = joined_text(a, group.a), joined_text(b, group.b)
    if kind != "moved":
        kind = _kind(text_a, text_b, kind == "reworded" or index.joint(group.a, group.b) >= REWORDED)
    shared, only_a, only_b = concepts.compare(group.a, group.b) if concepts else ([], [], [])
    return Link(a=group.a, b=group.b, score=round(min(group.score, 1.0), 4), kind=kind,
                shared=shared, only_a=only_a, only_b=only_b)


def _kind(text_a: str, text_b: str, reworded: bool) -> LinkKind:
    if " ".join(text_a.split()) == " ".join(text_b.split()):
        return "identical"
    return "reworded" if reworded else "related"
