"""Sentence similarity in one language: TF-IDF cosine over normalised words.

IDF is computed over the sentences of both texts together, so the words every sentence uses
("the", "two sides") weigh little without a stop-word list in each language. Chinese words
are short and segmentation varies between two writers, so Chinese sentences also carry
character bigrams of their simplified text.

Two readouts often carry one formula in sentences that otherwise differ ("managing the
relationship responsibly" / "manage their differences in a responsible manner"): the cosine
dilutes it in everything else the two sentences say. Words that one sentence alone uses on each
side, and that no lexicon match already counts, pin those two sentences together: `pins`.

Candidate pairs come from an inverted index over rare-enough terms: each sentence only meets
the sentences it shares such a term with, and only its top-k partial matches are scored in
full. Cost grows with the text, not with the product of the two sizes.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property

from viewer.errors import Cancelled
from viewer.model import Document, Sentence

Vector = dict[str, float]

TOP_K = 5  # candidates kept per sentence, each way
MAX_POSTINGS = 16  # a term in more sentences than this (or a tenth of the text) is too common to seek by


def features(sentence: Sentence, lang: str) -> Counter[str]:
    """The terms a sentence is compared by: word norms, plus character bigrams for Chinese."""
    norms = sentence.norms
    terms = Counter(norms)
    if lang == "zh":
        han = "".join(norms)
        terms.update("#" + han[k : k + 2] for k in range(len(han) - 1))
    return terms


def _word_pairs(sentence: Sentence) -> Counter[str]:
    norms = sentence.norms
    return Counter(f"{x} {y}" for x, y in zip(norms, norms[1:], strict=False))


def _weigh(terms: Mapping[str, int], idf: dict[str, float]) -> Vector:
    return _unit({t: c * idf[t] for t, c in terms.items()})


def _unit(vector: Vector) -> Vector:
    length = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / length for t, w in vector.items()} if length else {}


class _Vectors:
    """Unit TF-IDF vectors of one text's sentences, each weighed on first use: versions mode never
    needs those of the sentences copied unchanged (most of them)."""

    def __init__(self, terms: list[Mapping[str, int]], idf: dict[str, float]):
        self._terms, self._idf = terms, idf
        self._made: dict[int, Vector] = {}

    def __len__(self) -> int:
        return len(self._terms)

    def __getitem__(self, k: int) -> Vector:
        v = self._made.get(k)
        if v is None:
            v = self._made[k] = _weigh(self._terms[k], self._idf)
        return v


def cosine(u: Vector, v: Vector) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum([w * v[t] for t, w in u.items() if t in v])  # the shared terms only, in u's order


class SimilarityIndex:
    """TF-IDF vectors of both texts' sentences, with the inverted index used to seek partners."""

    def __init__(self, a: Document, b: Document):
        lang = a.language
        terms_a = [features(s, lang) for s in a.sentences]
        terms_b = [features(s, lang) for s in b.sentences]
        pairs_a = [_word_pairs(s) for s in a.sentences]
        pairs_b = [_word_pairs(s) for s in b.sentences]
        df: Counter[str] = Counter()
        for terms in (*terms_a, *terms_b, *pairs_a, *pairs_b):
            df.update(terms.keys())
        n = len(terms_a) + len(terms_b)
        idf = {t: math.log(1 + n / d) for t, d in df.items()}
        self.a, self.b = _Vectors(terms_a, idf), _Vectors(terms_b, idf)
        # Seeking also goes by word pairs: where every word is common (a small vocabulary, a
        # long text), the pairs still single out a sentence and its edited copy (the keys of
        # the two never meet: a pair holds a space).
        self.seek_a = _Vectors([{**t, **p} for t, p in zip(terms_a, pairs_a, strict=True)], idf)
        self.seek_b = _Vectors([{**t, **p} for t, p in zip(terms_b, pairs_b, strict=True)], idf)
        self.scored = 0  # pairs scored in full, to show that not all pairs are
        self._sentences = (a.sentences, b.sentences)
        self._ratios: dict[tuple[int, int], float] = {}

    def score(self, i: int, j: int) -> float:
        self.scored += 1
        return cosine(self.a[i], self.b[j])

    def edit_ratio(self, i: int, j: int) -> float:
        """The share of their words two sentences keep in order (difflib's ratio over word norms):
        how versions mode tells an edited sentence from another one."""
        ratio = self._ratios.get((i, j))
        if ratio is None:
            norms_a, norms_b = self._sentences[0][i].norms, self._sentences[1][j].norms
            ratio = self._ratios[(i, j)] = difflib.SequenceMatcher(None, norms_a, norms_b, autojunk=False).ratio()
        return ratio

    def joint(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
        """Cosine of the summed vectors: how well the joined passages cover each other."""
        if len(a_ids) == 1 and len(b_ids) == 1:  # unit vectors already: the sum is the vector
            return cosine(self.a[a_ids[0]], self.b[b_ids[0]])
        return cosine(_unit(_sum(self.a[i] for i in a_ids)), _unit(_sum(self.b[j] for j in b_ids)))

    @cached_property
    def _exclusive(self) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        return _exclusive_words(*self._sentences)  # readouts mode only: versions never asks

    def pins(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> int:
        """How many words the two passages share that no other sentence of either text uses."""
        pins_a, pins_b = self._exclusive
        return len(_union(pins_a, a_ids) & _union(pins_b, b_ids))

    def candidates(self, should_cancel: Callable[[], bool] | None = None) -> dict[tuple[int, int], float]:
        """Full scores of each sentence's TOP_K partners (by rare shared terms and word pairs), both
        ways. A sentence whose very words occur once in each text has that copy for its partner
        and seeks no other (most sentences of two versions: the seeking is most of the cost)."""
        exact = _exact_pairs(*self._sentences)
        copied_a, copied_b = {i for i, _ in exact}, {j for _, j in exact}
        pairs: set[tuple[int, int]] = set()
        for i, j in _top_partners(self.seek_a, self.seek_b, should_cancel, copied_a, copied_b):
            pairs.add((i, j))
        for j, i in _top_partners(self.seek_b, self.seek_a, should_cancel, copied_b, copied_a):
            pairs.add((i, j))
        return {(i, j): 1.0 for i, j in exact} | {(i, j): self.score(i, j) for i, j in pairs}


def _exact_pairs(sentences_a: Sequence[Sentence], sentences_b: Sequence[Sentence]) -> list[tuple[int, int]]:
    """(i, j) of sentences with the same words (norms), each the only one with them in its text."""
    def unique(sentences: Sequence[Sentence]) -> dict[tuple[str, ...], int]:
        seen: dict[tuple[str, ...], int] = {}
        for k, s in enumerate(sentences):
            key = tuple(s.norms)
            seen[key] = -1 if key in seen else k
        return seen

    in_a, in_b = unique(sentences_a), unique(sentences_b)
    return [(i, j) for key, i in in_a.items() if key and i >= 0 and (j := in_b.get(key, -1)) >= 0]


def _exclusive_words(sentences_a: Sequence[Sentence],
                     sentences_b: Sequence[Sentence]) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Per sentence, its words (norms) that occur in one sentence only of each text, outside the
    lexicon's matches (a topic or tone word is already a concept, scored on its own)."""
    df_a = Counter(t for s in sentences_a for t in set(s.norms))
    df_b = Counter(t for s in sentences_b for t in set(s.norms))
    once = {t for t, n in df_a.items() if n == 1 and df_b.get(t) == 1}

    def pins(s: Sentence) -> frozenset[str]:  # most sentences hold no such word: no walk over their tokens
        return frozenset() if once.isdisjoint(s.norms) else frozenset(_free_words(s) & once)

    return [pins(s) for s in sentences_a], [pins(s) for s in sentences_b]


def _free_words(sentence: Sentence) -> set[str]:
    """Norms of the sentence's words (letters only, not one- or two-letter words) outside lexicon
    matches (one walk over tokens and matches, both in text order)."""
    matched = sorted([(h.start, h.end) for h in sentence.hits] + [(m.start, m.end) for m in sentence.tone_marks])
    free: set[str] = set()
    k, reach = 0, -1  # the farthest end of the matches starting at or before the token
    for t in sentence.tokens:
        while k < len(matched) and matched[k][0] <= t.start:
            reach = max(reach, matched[k][1])
            k += 1
        norm = t.norm
        if t.start >= reach and norm.isalpha() and (len(norm) > 2 or not norm.isascii()):
            free.add(norm)
    return free


def _union(sets: list[frozenset[str]], ids: Sequence[int]) -> frozenset[str]:
    return sets[ids[0]] if len(ids) == 1 else frozenset().union(*(sets[k] for k in ids))


def _sum(vectors) -> Vector:
    total: Vector = defaultdict(float)
    for v in vectors:
        for t, w in v.items():
            total[t] += w
    return total


def _top_partners(source: _Vectors, target: _Vectors, should_cancel: Callable[[], bool] | None,
                  skip: set[int], taken: set[int]) -> list[tuple[int, int]]:
    """(i, j) for the TOP_K targets j of each source sentence i (but those in `skip`) by their
    partial dot product over rare-enough terms; targets in `taken` (the exact copies of a
    skipped source) are not sought.

    A sentence made only of common terms seeks by its rarest term, among the targets nearest
    its own relative position, so that its cost stays bounded too. Equal partial scores are
    ranked by that nearness as well: a text repeating one sentence keeps each copy's candidates
    next to it, where a versions alignment looks for them.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j in range(len(target)):
        if j not in taken:
            for t, w in target[j].items():
                postings[t].append((j, w))
    cap = max(8, min(MAX_POSTINGS, len(target) // 10))
    rare = {t: posting for t, posting in postings.items() if len(posting) <= cap}
    common = {t: len(posting) for t, posting in postings.items() if len(posting) > cap}
    scale = len(target) / max(len(source), 1)
    out: list[tuple[int, int]] = []
    for i in range(len(source)):
        if should_cancel is not None and i % 256 == 0 and should_cancel():
            raise Cancelled("align")
        if i in skip:
            continue
        v = source[i]
        acc: dict[int, float] = defaultdict(float)
        rarest: tuple[int, str] | None = None
        for t, w in v.items():
            posting = rare.get(t)
            if posting is not None:
                for j, wj in posting:
                    acc[j] += w * wj
            elif t in common and (rarest is None or common[t] < rarest[0]):
                rarest = (common[t], t)
        if not acc and rarest is not None:
            posting = postings[rarest[1]]
            centre = bisect.bisect_left(posting, (i * scale, 0.0))
            for j, wj in posting[max(0, centre - cap // 2) : centre + cap // 2]:
                acc[j] += v[rarest[1]] * wj
        top = heapq.nlargest(TOP_K + 1, acc, key=acc.__getitem__)
        if len(top) > TOP_K and acc[top[-1]] == acc[top[-2]]:
            # a tie at the cut (copies of one sentence): the targets nearest the same relative position
            top = heapq.nlargest(TOP_K, acc, key=lambda j: (acc[j], -abs(j - i * scale)))
        out.extend((i, j) for j in top[:TOP_K])
    return out
