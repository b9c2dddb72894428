"""Alignment of two readouts in two languages: by what the sentences share, not by their words.

No word diff is possible across languages, so two sentences are compared through what survives
translation:
- concepts of the lexicon (topics, tone markers, entities under every name and script) and
  figures (numbers and dates, numbers.py), IDF-weighted so that "China" and "the United States",
  which every sentence names, weigh little, and shared specific topics count most (concepts.py,
  the same concept score the one-language readouts path adds to its word cosine);
- words: for Chinese and English, CC-CEDICT glosses (dictionary.py) - a Chinese word counts as
  shared when a stemmed content word of its glosses is in the English sentence; between two
  Latin-script languages, cognates ("cooperation"/"cooperación") by character trigrams of the
  accent-free stems. The word score is the F1 of the IDF-weighted coverage of each side by the
  other, so a long Chinese sentence summarised by a short English one still scores.

Two independent readouts ("readouts" mode) go through the one-language matching (crossings,
one-to-many merges, a threshold: a sentence without a convincing partner stays unmatched).
A translation ("versions" mode: most sentences' best partner lies near the diagonal) is
aligned monotonically, Gale-Church-like, with 1-1, 1-2 and 2-1 beads scored by similarity
and length ratio; a dropped sentence stays unmatched, a dropped clause shows as a link whose
lengths disagree (Link.longer) and whose concepts differ (Link.only_a / only_b).

Link.shared / only_a / only_b hold concept ids: "topic:<id>", "tone:<id>", entity ids
("person:biden", "country:UA", "org:un"), "number:<n>", "month:<n>"; concept_label() makes
them readable.
"""

from __future__ import annotations

import math
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.align import AlignResult, dictionary
from viewer.align.concepts import ConceptSpace, concept_label, sentence_concepts
from viewer.align.matching import Group, Scores, match, unmatched
from viewer.errors import Cancelled
from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import stop_words
from viewer.model import Document, Link, LinkKind, Mode, Sentence, Side

__all__ = ["CrossSimilarity", "align_cross", "concept_label", "sentence_concepts"]

THRESHOLD = 0.35  # readouts: below this two sentences are not linked (tuned for precision >= 0.8)
MERGE_FLOOR = 0.35  # a sentence joins another's link only when it scores this with the partner
COGNATE_DICE = 0.6  # trigram Dice from which two Latin-script stems count as one word
MIN_COGNATE = 4  # shorter stems only match when equal
# versions (translations)
DIAGONAL_SHARE = 0.7  # share of sentences whose best partner is near the diagonal
BAND = 0.15  # "near": within this share of the text (or 1 sentence)
TRANSLATION_MIN = 0.25  # a best partner counts from this score
SAME_LENGTH = 0.35  # median |log length ratio| of those pairs in a translation (measured 0.10-0.13)
BEAD_MIN = 0.12  # a bead is kept when its similarity, less its length penalty, exceeds this
LENGTH_WEIGHT = 0.25  # similarity lost per unit of |log length ratio| beyond the expected ratio
MERGE_COST = 0.05  # a 2-1 bead must beat a 1-1 bead by this
LONGER = math.log(1.4)  # a linked pair this far off the expected length ratio lost a clause (faithful pairs: <= 0.24)

Words = dict[str, tuple[float, frozenset[str]]]  # word -> (IDF weight, the keys it matches by)


@dataclass
class _Features:
    words: Words
    keys: frozenset[str]  # union of the words' keys
    length: int  # characters without spaces


def align_cross(a: Document, b: Document, *, mode: Mode | None = None, lexicon: Vocabulary | None = None,
                should_cancel: Callable[[], bool] | None = None) -> AlignResult:
    """Links between two documents in different languages; `mode` None detects a translation."""
    sim = CrossSimilarity(a, b, lexicon)
    n_a, n_b = len(a.sentences), len(b.sentences)
    scores = sim.candidates(should_cancel)
    if mode is None:
        mode = "versions" if looks_like_translation(sim, scores) else "readouts"
    if mode == "versions":
        groups = align_translation(sim, n_a, n_b, should_cancel)
    else:
        groups = _readouts(sim, scores, n_a, n_b)
    links = [sim.link(g, mode) for g in sorted(groups, key=lambda g: (g.a[0], g.b[0]))]
    return AlignResult(mode, links, unmatched(groups, n_a, n_b))


def _readouts(sim: CrossSimilarity, scores: Scores, n_a: int, n_b: int) -> list[Group]:
    """Links of two independent readouts: the opening passages (headline and opening line of
    each side) together when both report the meeting, then the matching over the rest."""
    opening = sim.concepts.opening()
    if opening is None:
        return match(scores, n_a, n_b, THRESHOLD, joint=sim.joint, merge_floor=MERGE_FLOOR,
                     joins=sim.concepts.joins)
    taken_a, taken_b = set(opening[0]), set(opening[1])
    rest = {(i, j): s for (i, j), s in scores.items() if i not in taken_a and j not in taken_b}
    groups = match(rest, n_a, n_b, THRESHOLD, joint=sim.joint, merge_floor=MERGE_FLOOR,
                   joins=sim.concepts.joins)
    return [Group(*opening, sim.joint(*opening)), *groups]


class CrossSimilarity:
    """Word features of both documents' sentences and the cross-language score of any two passages."""

    def __init__(self, a: Document, b: Document, lexicon: Vocabulary | None):
        self.a_doc, self.b_doc = a, b
        self.concepts = ConceptSpace(a, b, lexicon)
        words_a, words_b, self.has_words = _words(a, b)
        self.a = [_features(ws, s) for ws, s in zip(words_a, a.sentences, strict=True)]
        self.b = [_features(ws, s) for ws, s in zip(words_b, b.sentences, strict=True)]
        total_a = sum(f.length for f in self.a) or 1
        self.ratio = (sum(f.length for f in self.b) or 1) / total_a  # expected length of B per char of A

    # -- scores ---------------------------------------------------------------------------

    def score(self, i: int, j: int) -> float:
        """Similarity of sentence i of A and j of B, with the weak prior of a similar position."""
        return self.joint([i], [j])

    def joint(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
        """Similarity of the joined passages (for one-to-many links)."""
        word = (_word_similarity(_merge([self.a[i] for i in a_ids]), _merge([self.b[j] for j in b_ids]))
                if self.has_words else None)
        return self.concepts.score(a_ids, b_ids, word)

    def length_penalty(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
        """|log| of the passages' length ratio against the texts' overall ratio (0 = as expected)."""
        la = sum(self.a[i].length for i in a_ids) * self.ratio
        lb = sum(self.b[j].length for j in b_ids)
        return abs(math.log((lb + 10) / (la + 10)))

    def candidates(self, should_cancel: Callable[[], bool] | None = None) -> Scores:
        """Scores of the pairs that share a concept or word key (an inverted index) or a specific topic."""
        postings: dict[str, list[int]] = defaultdict(list)
        for j, f in enumerate(self.b):
            for key in {*self.concepts.b[j], *f.keys}:
                postings[key].append(j)
        cap = max(32, len(self.b) // 10)
        pairs = self.concepts.topic_pairs()
        for i, f in enumerate(self.a):
            if should_cancel is not None and i % 128 == 0 and should_cancel():
                raise Cancelled("align")
            for key in {*self.concepts.a[i], *(k for w in f.words.values() for k in w[1])}:
                posting = postings.get(key, ())
                if len(posting) <= cap:
                    pairs.update((i, j) for j in posting)
        scores: Scores = {}
        for i, j in pairs:
            s = self.score(i, j)
            if s > 0:
                scores[(i, j)] = s
        return scores

    # -- links ----------------------------------------------------------------------------

    def link(self, group: Group, mode: Mode) -> Link:
        shared, only_a, only_b = self.concepts.compare(group.a, group.b)
        longer: Side | None = None
        kind: LinkKind = "related"
        if mode == "versions":
            la = sum(self.a[i].length for i in group.a) * self.ratio
            lb = sum(self.b[j].length for j in group.b)
            if self.length_penalty(group.a, group.b) > LONGER:
                longer = "A" if la > lb else "B"
            kind = "identical" if longer is None and not only_a and not only_b else "reworded"
        return Link(a=list(group.a), b=list(group.b), score=round(min(group.score, 1.0), 4), kind=kind,
                    diff=None, shared=shared, only_a=only_a, only_b=only_b,
                    longer=longer)


def _idf(n: int, df: int) -> float:
    """Inverse document frequency that falls to nothing for what every sentence has (the two
    leaders' names in a readout of their call)."""
    return math.log((n + 1) / df)


def _features(words: Words, sentence: Sentence) -> _Features:
    keys = frozenset(k for _, ks in words.values() for k in ks)
    length = sum(1 for ch in sentence.text if not ch.isspace())
    return _Features(words, keys, length)


def _merge(features: list[_Features]) -> _Features:
    if len(features) == 1:
        return features[0]
    words: Words = {}
    for f in features:
        words.update(f.words)
    return _Features(words, frozenset().union(*(f.keys for f in features)),
                     sum(f.length for f in features))


def _word_similarity(fa: _Features, fb: _Features) -> float:
    """F1 of the two sides' IDF-weighted word coverage: a long sentence summarised by a short one still scores."""
    cover_a = _coverage(fa.words, fb.keys)
    cover_b = _coverage(fb.words, fa.keys)
    return 2 * cover_a * cover_b / (cover_a + cover_b) if cover_a + cover_b else 0.0


def _coverage(words: Words, keys: frozenset[str]) -> float:
    """IDF-weighted share of `words` that have a key among the other passage's `keys`."""
    total = sum(w for w, _ in words.values())
    if not total:
        return 0.0
    return sum(w for w, ks in words.values() if not ks.isdisjoint(keys)) / total


# -- words across languages ---------------------------------------------------------------

def _words(a: Document, b: Document) -> tuple[list[Words], list[Words], bool]:
    """Each sentence's content words with their IDF and matching keys; False when the two
    languages share no word channel (then concepts alone decide)."""
    langs = {a.language, b.language}
    if langs == {"zh", "en"}:
        content_a = [_content(s, a.language) for s in a.sentences]
        content_b = [_content(s, b.language) for s in b.sentences]
        key_a = _gloss_keys if a.language == "zh" else _own_key
        key_b = _gloss_keys if b.language == "zh" else _own_key
        return _weighted(content_a, key_a), _weighted(content_b, key_b), True
    if "zh" in langs or _script(a) != _script(b):
        return [{} for _ in a.sentences], [{} for _ in b.sentences], False
    content_a = [[_fold(w) for w in _content(s, a.language)] for s in a.sentences]
    content_b = [[_fold(w) for w in _content(s, b.language)] for s in b.sentences]
    cognates = _cognates({w for ws in content_a for w in ws}, {w for ws in content_b for w in ws})
    return (_weighted(content_a, lambda w: frozenset({w, *cognates.get(w, ())})),
            _weighted(content_b, _own_key), True)


def _content(sentence: Sentence, lang: str) -> list[str]:
    stops = stop_words(lang)
    out = []
    for norm in sentence.norms:
        if norm in stops or not norm.isalpha():
            continue
        if lang == "zh":
            out.extend(w for w in dictionary.split_known(norm) if w not in stops)
        elif len(norm) > 1:
            out.append(norm)
    return out


def _own_key(word: str) -> frozenset[str]:
    return frozenset((word,))


def _gloss_keys(word: str) -> frozenset[str]:
    return dictionary.gloss_stems(word)


def _weighted(sentences: list[list[str]], keys: Callable[[str], frozenset[str]]) -> list[Words]:
    """IDF over the side's own sentences; words without keys (no gloss) cannot match and are left out."""
    df = Counter(w for ws in sentences for w in set(ws))
    n = len(sentences)
    out = []
    for ws in sentences:
        words: Words = {}
        for w in ws:
            k = keys(w)
            if k:
                words[w] = (_idf(n, df[w]), k)
        out.append(words)
    return out


def _fold(word: str) -> str:
    """Accent-free form, so "cooperación" and "coopération" meet."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _script(doc: Document) -> str:
    letters = [c for s in doc.sentences[:20] for c in s.text if c.isalpha()]
    if not letters:
        return "latin"
    return "cyrillic" if sum("\u0400" <= c <= "\u04ff" for c in letters) > len(letters) / 2 else "latin"


def _trigrams(word: str) -> set[str]:
    w = f"^{word}$"
    return {w[k : k + 3] for k in range(len(w) - 2)}


def _cognates(vocab_a: set[str], vocab_b: set[str]) -> dict[str, set[str]]:
    """Words of A -> words of B spelt alike (trigram Dice), found through a trigram index."""
    grams_b = {w: _trigrams(w) for w in vocab_b if len(w) >= MIN_COGNATE}
    index: dict[str, list[str]] = defaultdict(list)
    for w, grams in grams_b.items():
        for g in grams:
            index[g].append(w)
    out: dict[str, set[str]] = {}
    for w in vocab_a:
        if len(w) < MIN_COGNATE:
            continue
        grams = _trigrams(w)
        common = Counter(v for g in grams for v in index.get(g, ()))
        found = {v for v, c in common.items() if 2 * c / (len(grams) + len(grams_b[v])) >= COGNATE_DICE}
        if found:
            out[w] = found
    return out


# -- translations -------------------------------------------------------------------------

def looks_like_translation(sim: CrossSimilarity, scores: Scores) -> bool:
    """Most sentences' best partner lies near the diagonal, and those pairs keep the lengths'
    overall ratio (two readouts of one meeting, told in the same order, do not)."""
    n_a, n_b = len(sim.a), len(sim.b)
    if not n_a or not n_b or not 0.6 <= n_b / n_a <= 1 / 0.6:
        return False
    best: dict[int, tuple[float, int]] = {}
    for (i, j), s in scores.items():
        if s >= TRANSLATION_MIN and s > best.get(i, (0.0, 0))[0]:
            best[i] = (s, j)
    near = [(i, j) for i, (_, j) in best.items() if abs(j - i * n_b / n_a) <= max(1, BAND * n_b)]
    if len(near) < DIAGONAL_SHARE * min(n_a, n_b):
        return False
    return statistics.median(sim.length_penalty([i], [j]) for i, j in near) <= SAME_LENGTH


_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def align_translation(sim: CrossSimilarity, n_a: int, n_b: int,
                      should_cancel: Callable[[], bool] | None = None) -> list[Group]:
    """Monotone alignment (dynamic programming over a band around the diagonal) with 1-1, 1-2
    and 2-1 beads; skipping a sentence costs nothing, so a bead must earn its place."""
    width = max(10, (max(n_a, n_b) + 9) // 10)
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}

    for i in range(n_a + 1):
        if should_cancel is not None and i % 64 == 0 and should_cancel():
            raise Cancelled("align")
        centre = round(i * n_b / max(n_a, 1))
        for j in range(max(0, centre - width), min(n_b, centre + width) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for da, db in _BEADS:
                prev = (i - da, j - db)
                if prev not in best:
                    continue
                value = best[prev][0] + _bead(sim, range(prev[0], i), range(prev[1], j))
                options.append((value, (da, db)))
            if options:
                best[(i, j)] = max(options)
    end = (n_a, n_b) if (n_a, n_b) in best else max(best, key=lambda ij: (ij[0] + ij[1], best[ij][0]))
    groups = []
    i, j = end
    while (i, j) != (0, 0):
        da, db = best[(i, j)][1]
        a_ids, b_ids = list(range(i - da, i)), list(range(j - db, j))
        if a_ids and b_ids:
            groups.append(Group(a_ids, b_ids, sim.joint(a_ids, b_ids)))
        i, j = i - da, j - db
    return groups[::-1]


def _bead(sim: CrossSimilarity, a_ids: range, b_ids: range) -> float:
    if not a_ids or not b_ids:
        return 0.0
    value = sim.joint(a_ids, b_ids) - LENGTH_WEIGHT * sim.length_penalty(a_ids, b_ids) - BEAD_MIN
    if len(a_ids) + len(b_ids) > 2:
        value -= MERGE_COST
    return value
