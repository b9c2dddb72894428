"""Alignment of two readouts in two languages: by what the sentences share, not by their words.

No word diff is possible across languages, so two sentences are compared through what survives
translation:
- concepts of the lexicon (topics, tone markers, entities under every name and script) and
  figures (numbers and dates, numbers.py), IDF-weighted so that "China" and "the United States",
  which every sentence names, weigh little, and shared specific topics count most (concepts.py,
  the same concept score the one-language readouts path adds to its word cosine);
- words, through the bridges of bridge.py: glossary pivots in every language, CC-CEDICT glosses
  between Chinese and English, cognates by spelling. The word score is the F1 of the
  IDF-weighted coverage of each side by the other, so a long Chinese sentence summarised by a
  short English one still scores;
- who speaks (the voice stage runs first): a joint statement of the two sides leans towards the
  other side's joint statement.

A translation ("versions" mode across languages) is recognised and aligned in order by
translation.py; its links are of kind "translation" and say what the rendering drops, adds or
softens. Two independent readouts ("readouts" mode) go through the one-language matching
(crossings, merges of up to four sentences a side, a threshold: a sentence without a convincing
partner stays unmatched).

Link.shared / only_a / only_b hold concept ids: "topic:<id>", "tone:<id>", entity ids
("person:biden", "country:UA", "org:un"), "number:<n>", "month:<n>"; concept_label() makes
them readable. Link.anchors hold the words a link rests on, each with what ties the two.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.align import AlignResult
from viewer.align.bridge import Words, sentence_words
from viewer.align.concepts import ConceptSpace, concept_label, sentence_concepts
from viewer.align.glossary import PIVOT
from viewer.align.matching import Group, Scores, match, unmatched
from viewer.align.translation import align_translation, changes, log_ratio, looks_like_translation, sigma
from viewer.errors import Cancelled
from viewer.lexicon import Vocabulary
from viewer.model import BOTH, Anchor, Document, Link, Mode, Side

__all__ = ["CrossSimilarity", "align_cross", "concept_label", "sentence_concepts"]

THRESHOLD = 0.45  # readouts: below this two sentences are not linked (set on the tuning pairs' blind grades)
MERGE_FLOOR = 0.35  # a sentence joins another's link only when it scores this with the partner
MIN_ANCHORS, THIN_SCORE = 2, 0.6  # a link resting on fewer words than this must score this
KEEP_SHARE = 0.6  # a pair is given up for two others only when each scores this share of it (matching.pair)
LONGER = math.log(1.4)  # a translated pair this far off the texts' length ratio lost a clause (faithful: <= 0.24)
MAX_ANCHORS = 8  # words shown for what a link rests on, weightiest first
MIN_CLAUSE = 4  # content words of a clause scored on its own (a shorter one joins the next)
PARTY_WEIGHT = 0.3  # share of its IDF a word naming only the parties (bridge.PARTIES) weighs in readouts
# Added to the score of two passages that share something when both report a joint statement (the
# speaker stage's BOTH: "the two leaders agreed", 两国元首同意): on the tuning pairs' blind grades a
# joint statement of one side has a counterpart 50 times in 53, nearly always the other's joint
# statement (22 right pairs to 1 wrong), where a leader's own words have one less than half the time.
JOINT_SHARE = 0.2


@dataclass
class _Features:
    words: Words
    keys: frozenset[str]  # union of the words' keys
    length: int  # characters without spaces
    clauses: tuple[tuple[Words, frozenset[str]], ...] = ()  # a sentence of several statements: each one's words, keys


def align_cross(a: Document, b: Document, *, mode: Mode | None = None, lexicon: Vocabulary | None = None,
                should_cancel: Callable[[], bool] | None = None) -> AlignResult:
    """Links between two documents in different languages; `mode` None detects a translation."""
    sim = CrossSimilarity(a, b, lexicon)
    n_a, n_b = len(a.sentences), len(b.sentences)
    beads = align_translation(sim, should_cancel) if mode != "readouts" else []
    scores = sim.candidates(should_cancel) if mode != "versions" else {}
    if mode is None:
        mode = "versions" if looks_like_translation(sim, beads, scores) else "readouts"
    groups = beads if mode == "versions" else _readouts(sim, scores, n_a, n_b)
    links = [sim.link(g, mode) for g in sorted(groups, key=lambda g: (g.a[0], g.b[0]))]
    return AlignResult(mode, links, unmatched(groups, n_a, n_b))


def _readouts(sim: CrossSimilarity, scores: Scores, n_a: int, n_b: int) -> list[Group]:
    """Links of two independent readouts: the opening passages (headline and opening line of
    each side) together when both report the meeting, then the matching over the rest, less the
    links a reader could not check: resting on fewer than MIN_ANCHORS words of a side, a link
    must score THIN_SCORE (on the tuning pairs' blind grades: precision 0.68 -> 0.71, three more
    unmatched sentences with a counterpart out of 221). They are left out before the merges, so
    that a sentence whose best partner went to another may join that partner's link."""
    opening = sim.concepts.opening()
    taken_a, taken_b = (set(opening[0]), set(opening[1])) if opening else (set(), set())
    rest = {(i, j): s for (i, j), s in scores.items() if i not in taken_a and j not in taken_b}
    groups = match(rest, n_a, n_b, THRESHOLD, joint=sim.statement, merge_floor=MERGE_FLOOR, joins=sim.joins,
                   keep=lambda g: sim.checkable(g.a, g.b, g.score), keep_share=KEEP_SHARE)
    return [Group(*opening, sim.statement(*opening)), *groups] if opening else groups


class CrossSimilarity:
    """Word features of both documents' sentences and the cross-language score of any two passages."""

    def __init__(self, a: Document, b: Document, lexicon: Vocabulary | None):
        self.a_doc, self.b_doc = a, b
        self.concepts = ConceptSpace(a, b, lexicon)
        words_a, words_b, self.has_words = sentence_words(a, b)
        self.a = [_features(ws, s.text) for ws, s in zip(words_a, a.sentences, strict=True)]
        self.b = [_features(ws, s.text) for ws, s in zip(words_b, b.sentences, strict=True)]
        self.keys_a = frozenset().union(*(f.keys for f in self.a))
        self.keys_b = frozenset().union(*(f.keys for f in self.b))
        total_a = sum(f.length for f in self.a) or 1
        self.ratio = (sum(f.length for f in self.b) or 1) / total_a  # expected length of B per char of A
        self.sigma = sigma(a.language, b.language)
        self._joint: dict[tuple[tuple[int, ...], tuple[int, ...], bool], float] = {}

    # -- scores ---------------------------------------------------------------------------

    def score(self, i: int, j: int) -> float:
        """Readouts score of sentence i of A and j of B (see `statement`)."""
        return self.statement([i], [j])

    def joint(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
        """Similarity of the joined passages as renderings of each other (the translation aligner's
        score), remembered: the translation aligner asks for the same beads in both its passes."""
        return self._remembered(a_ids, b_ids, False)

    def statement(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
        """Similarity of two independent readouts' passages, which report what was said each in
        its own way: one clause of a long sentence may be all the other side reports of it, and a
        joint statement leans towards the other side's joint statement."""
        return self._remembered(a_ids, b_ids, True)

    def _remembered(self, a_ids: Sequence[int], b_ids: Sequence[int], readouts: bool) -> float:
        key = (tuple(a_ids), tuple(b_ids), readouts)
        found = self._joint.get(key)
        if found is None:
            fa, fb = self.passage("A", a_ids), self.passage("B", b_ids)
            word = _word_similarity(fa, fb, readouts=readouts) if self.has_words else None
            found = self.concepts.score(a_ids, b_ids, word)
            if readouts and found > 0 and self._joint_statements(a_ids, b_ids):
                found += JOINT_SHARE
            self._joint[key] = found
        return found

    def _joint_statements(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> bool:
        """Both passages report a joint statement of the two sides."""
        return (any(self.a_doc.sentences[i].speaker == BOTH for i in a_ids)
                and any(self.b_doc.sentences[j].speaker == BOTH for j in b_ids))

    def passage(self, side: Side, ids: Sequence[int]) -> _Features:
        """The features of sentences of one side taken together."""
        features = self.a if side == "A" else self.b
        return features[ids[0]] if len(ids) == 1 else _merge([features[k] for k in ids])

    def length(self, side: Side, ids: Sequence[int]) -> int:
        """Characters (without spaces) of the passage."""
        features = self.a if side == "A" else self.b
        return sum(features[k].length for k in ids)

    def length_z(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> float:
        """How far the passages' length ratio is from the texts' own, in spreads of the language
        pair (0 = as expected)."""
        return abs(log_ratio(self.length("A", a_ids) * self.ratio, self.length("B", b_ids))) / self.sigma

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
            for key in {*self.concepts.a[i], *f.keys}:
                posting = postings.get(key, ())
                if len(posting) <= cap:
                    pairs.update((i, j) for j in posting)
        scores: Scores = {}
        for i, j in pairs:
            s = self.score(i, j)
            if s > 0:
                scores[(i, j)] = s
        return scores

    def joins(self, link_a: Sequence[int], link_b: Sequence[int], a_ids: Sequence[int], b_ids: Sequence[int],
              rose: bool) -> bool:
        """May the pair (a_ids, b_ids) join the link (link_a, link_b)? As in one language (a
        specific topic of the link's, or a rise of the joint score on more than the background),
        and the new sentence must rest on words of its own with its partner, or go on with a
        paragraph the link already draws on: a reader checks each sentence of a link, and one
        elsewhere that shares only the link's topic (Xi's vaccine donations three paragraphs below
        Biden's 'health security') is another statement on it. On the tuning pairs' blind grades:
        precision 0.755 -> 0.769, unmatched with a counterpart 22.5% -> 23.2%."""
        if not self.concepts.joins(link_a, link_b, a_ids, b_ids, rose):
            return False
        if self.checkable(a_ids, b_ids, self.statement(a_ids, b_ids), member=True):
            return True
        # a sentence of the paragraph the link already draws on, on its topic, goes on with the passage
        new_a = a_ids[0] not in link_a
        doc, k, link = (self.a_doc, a_ids[0], link_a) if new_a else (self.b_doc, b_ids[0], link_b)
        paragraph = doc.sentences[k].paragraph
        return (any(doc.sentences[x].paragraph == paragraph for x in link)
                and bool(self.concepts.shared_topics(a_ids, b_ids) & self.concepts.shared_topics(link_a, link_b)))

    def checkable(self, a_ids: Sequence[int], b_ids: Sequence[int], score: float, *, member: bool = False) -> bool:
        """A reader can check the link: it rests on MIN_ANCHORS words of a side, or it scores
        THIN_SCORE (a sentence joining a link, with at least one word of its own)."""
        anchors = len({x.a for x in self.anchors(a_ids, b_ids)})
        return anchors >= MIN_ANCHORS or score >= THIN_SCORE and (anchors > 0 or not member)

    # -- links ----------------------------------------------------------------------------

    def link(self, group: Group, mode: Mode) -> Link:
        shared, only_a, only_b = self.concepts.compare(group.a, group.b)
        link = Link(a=list(group.a), b=list(group.b), score=round(min(group.score, 1.0), 4), kind="related",
                    shared=shared, only_a=only_a, only_b=only_b, anchors=self.anchors(group.a, group.b))
        if mode == "versions":
            link.kind = "translation"
            if self.length_z(group.a, group.b) * self.sigma > LONGER:
                longer_a = self.length("A", group.a) * self.ratio > self.length("B", group.b)
                link.longer = "A" if longer_a else "B"
            link.dropped, link.added, link.weaker = changes(self, group.a, group.b)
        return link

    def anchors(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> list[Anchor]:
        """The words the two passages share, each with a word of the other side and their tie."""
        fa, fb = self.passage("A", a_ids), self.passage("B", b_ids)
        by_key: dict[str, str] = {}
        for w in sorted(fb.words.values(), key=lambda w: -w.weight):
            for k in w.keys:
                by_key.setdefault(k, w.text)
        out, seen = [], set()
        for w in sorted(fa.words.values(), key=lambda w: -w.weight):
            key = min((k for k in w.keys if k in by_key), key=_readability, default=None)
            if key is None or (w.text, by_key[key]) in seen:
                continue
            seen.add((w.text, by_key[key]))
            out.append(Anchor(w.text, by_key[key], _via(key)))
            if len(out) == MAX_ANCHORS:
                break
        return out


def _readability(key: str) -> tuple[int, int, str]:
    """Glossary pivots first (they name a concept; the most specific, of most words, first), then
    dictionary stems, then spellings."""
    return (0 if key.startswith(PIVOT) else 2 if key.startswith("~") else 1, -key.count(" "), key)


def _via(key: str) -> str:
    return key[len(PIVOT):] if key.startswith(PIVOT) else key.lstrip("~")


def _features(words: Words, text: str) -> _Features:
    keys = frozenset(k for w in words.values() for k in w.keys)
    return _Features(words, keys, sum(1 for ch in text if not ch.isspace()), _clauses(words))


def _clauses(words: Words) -> tuple[tuple[Words, frozenset[str]], ...]:
    """The sentence's clauses (runs of them of MIN_CLAUSE words or more), when it has two or more."""
    runs: list[Words] = []
    current: Words = {}
    last = None
    for form, w in sorted(words.items(), key=lambda item: item[1].clause):
        if last is not None and w.clause != last and len(current) >= MIN_CLAUSE:
            runs.append(current)
            current = {}
        current[form] = w
        last = w.clause
    if runs and len(current) < MIN_CLAUSE:
        runs[-1].update(current)
    elif current:
        runs.append(current)
    if len(runs) < 2:
        return ()
    return tuple((run, frozenset(k for w in run.values() for k in w.keys)) for run in runs)


def _merge(features: list[_Features]) -> _Features:
    words: Words = {}
    for f in features:
        words.update(f.words)
    return _Features(words, frozenset().union(*(f.keys for f in features)), sum(f.length for f in features))


def _word_similarity(fa: _Features, fb: _Features, *, readouts: bool) -> float:
    """F1 of the two sides' IDF-weighted word coverage. Between two readouts, of the whole passages
    or of one clause of a sentence with the other passage, whichever is higher: a long sentence
    that states several things ("Russia puts relations with China first, will advance cooperation
    in all fields and strengthen coordination in the SCO") meets a short one that reports one of
    them; and the words that only name the parties weigh PARTY_WEIGHT."""
    party = PARTY_WEIGHT if readouts else 1.0
    best = _f1(fa.words, fa.keys, fb.words, fb.keys, party)
    if not readouts:
        return best
    for words, keys in fa.clauses:
        best = max(best, _f1(words, keys, fb.words, fb.keys, party))
    for words, keys in fb.clauses:
        best = max(best, _f1(fa.words, fa.keys, words, keys, party))
    return best


def _f1(words_a: Words, keys_a: frozenset[str], words_b: Words, keys_b: frozenset[str], party: float) -> float:
    cover_a = _coverage(words_a, keys_b, party)
    cover_b = _coverage(words_b, keys_a, party)
    return 2 * cover_a * cover_b / (cover_a + cover_b) if cover_a + cover_b else 0.0


def _coverage(words: Words, keys: frozenset[str], party: float) -> float:
    """IDF-weighted share of `words` that have a key among the other passage's `keys` (a word
    naming only the parties weighs `party` of its IDF)."""
    weights = [(w.weight * party if w.party else w.weight, w) for w in words.values()]
    total = sum(weight for weight, _ in weights)
    if not total:
        return 0.0
    return sum(weight for weight, w in weights if not w.keys.isdisjoint(keys)) / total
