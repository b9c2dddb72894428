"""Tone markers read in their diplomatic sense, not by their dictionary form.

Each tone of resources/concepts.toml may name the frame its markers need (`frame = ...`); the
words of the frames are data, the [frames] table of each language's lexicon.toml, matched like
terms (kind "frame"), and the joint subjects are voice.toml's "both" phrases.

- Any marker written with a capital inside a sentence is part of a name ("the Treaty of
  Good-Neighbourliness, Friendship and Cooperation", "the Paris Agreement", "the Abraham
  Accords"): it is no marker.
- `talks` (candid, constructive, in-depth, friendly, productive, substantive, exchange of views):
  the marker describes the talks: a word for them (`talks`: the call, the meeting, the
  dialogue, exchanged, 会谈, 沟通, переговоры ...) stands in its clause (in Chinese, or in the
  clause before: "这次会晤坦诚深入，是建设性的"), or is part of the marker itself ("exchange
  of views"); not when the word right after it makes it qualify something else (`not_talks`:
  "a constructive role", 建设性作用, "positive progress", 有益作用), nor when a wish or a duty
  comes before it near it (within _NEAR words; in Chinese, in its sentence before it: `volition`:
  "should have candid dialogue", 愿同中方坦诚对话).
  So "the enthusiasm (热情) of the Chinese people" and "COP28 was a success" are not the talks.
- `agreement` (consensus): the sides agree: the marker claims it in itself (`claims`:
  "coinciding positions", 一致认为, «совпадение позиций»), or a joint subject ("the two sides",
  双方, стороны, two people, or two governments joined by "and", named) stands before it in its
  clause (Chinese: in its sentence) with no wish or duty between them, or a Chinese clause opens with it
  (同意……, continuing 两国元首同意), or a verb of reaching or carrying out (`reach`: "consensus
  reached by the two heads of state", 达成) in its clause with no wish before it. A document's
  name, "an air transportation agreement", "seek consensus", "build common ground" are none.
- `stance` (concern): the speaker's own concern, not someone's concerns named as an object: no
  qualifier right before it (`concern_not`: "national security concerns", "legitimate
  concerns", 合理关切, 安全忧虑) and none of `concern_after` right after it ("concerns of",
  关切的问题). Core concerns (核心关切) are core-interests terms of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from viewer.lexicon.wordlists import both_spans, voice_words
from viewer.model import Sentence, ToneMark, TopicHit

FRAMES = "frames"
TALKS, NOT_TALKS, VOLITION, REACH, CLAIMS, CONCERN_NOT, CONCERN_AFTER = (
    "talks", "not_talks", "volition", "reach", "claims", "concern_not", "concern_after")
FRAME_KEYS = (TALKS, NOT_TALKS, VOLITION, REACH, CLAIMS, CONCERN_NOT, CONCERN_AFTER)
FRAME_KINDS = ("talks", "agreement", "stance")
# Chinese clauses end at every comma; elsewhere a comma more often separates the items of a list
# ("candid, substantive, and constructive discussions"), so a marker looks for its frame words
# within _NEAR words of it, up to a semicolon, a colon or a dash.
_CLAUSE_END = {"zh": frozenset("，；：！？。,;:!?"), "": frozenset(";:!?—")}
_CLAUSE_MARK = {key: re.compile("[" + re.escape("".join(sorted(ends))) + "]") for key, ends in _CLAUSE_END.items()}
_NEAR = 8
# A Chinese clause that opens so goes on describing the previous one's subject ("这次会晤坦诚
# 深入，是建设性的"): its frame words may stand there.
_PREDICATE = ("是", "为", "十分", "非常", "都是")
_NEXT_WINDOW = 2  # tokens after a marker in which a not_talks word makes it qualify something else
_BEFORE_WINDOW = 2  # tokens (Chinese: characters x 2) before a concern marker for its qualifier


@dataclass(frozen=True)
class FrameWord:
    key: str  # one of FRAME_KEYS
    start: int
    end: int


def _clauses(sentence: Sentence, language: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence in the readout's text."""
    out, lo = [], sentence.start
    for m in _CLAUSE_MARK["zh" if language == "zh" else ""].finditer(sentence.text):
        out.append((lo, sentence.start + m.start()))
        lo = sentence.start + m.start() + 1
    out.append((lo, sentence.end))
    return out


def _clause_of(clauses: list[tuple[int, int]], at: int) -> int:
    return next((k for k, (lo, hi) in enumerate(clauses) if lo <= at < hi or at < lo), len(clauses) - 1)


class _Reading:
    def __init__(self, sentence: Sentence, words: list[FrameWord], hits: list[TopicHit], marks: list[ToneMark],
                 language: str):
        self.s, self.language, self.marks = sentence, language, marks
        self.words = words
        self.clauses = _clauses(sentence, language)
        self.hits = sorted(hits, key=lambda h: h.start)
        self.persons = [h for h in hits if h.entity and h.entity.startswith("person:")]
        self.joint = both_spans(sentence, voice_words(language))

    def _has(self, key: str, lo: int, hi: int) -> bool:
        return any(w.key == key and lo <= w.start and w.end <= hi for w in self.words)

    def _span(self, mark: ToneMark) -> tuple[int, int]:
        """Where a marker's frame words may stand: its Chinese clause (and the one before when it
        goes on describing that one's subject), else its clause within _NEAR words of it."""
        k = _clause_of(self.clauses, mark.start)
        lo, hi = self.clauses[k]
        if self.language == "zh":
            opening = self.s.text[lo - self.s.start : mark.start - self.s.start]
            if k > 0 and (not opening or opening.startswith(_PREDICATE)):
                lo = self.clauses[k - 1][0]
            return lo, hi
        toks = [t for t in self.s.tokens if lo <= t.start and t.end <= hi]
        at = next((i for i, t in enumerate(toks) if t.start >= mark.start), 0)
        near = toks[max(0, at - _NEAR) : at + _NEAR + 1]
        return (near[0].start, near[-1].end) if near else (lo, hi)

    def _before(self, mark: ToneMark) -> int:
        """Where a wish or a joint subject before a marker may start: its clause, in Chinese also
        the clauses before it in the sentence."""
        if self.language == "zh":
            return self.s.start
        return self.clauses[_clause_of(self.clauses, mark.start)][0]

    def named(self, mark: ToneMark) -> bool:
        """Written with a capital inside a sentence: a word of a name."""
        if self.language == "zh" or not mark.text[:1].isupper() or not self.s.tokens:
            return False
        return mark.start != self.s.tokens[0].start and not mark.text.isupper()

    def _inside(self, key: str, mark: ToneMark) -> bool:
        return any(w.key == key and mark.start <= w.start and w.end <= mark.end for w in self.words)

    def talks(self, mark: ToneMark) -> bool:
        if self._inside(TALKS, mark):
            return True
        lo, hi = self._span(mark)
        # a wish or duty counts near the marker: "should have candid talks", not "discussed ways to
        # continue discussions on ..., with Biden underscoring the importance of substantive talks"
        wish_from = self._before(mark) if self.language == "zh" else lo
        if not self._has(TALKS, lo, hi) or self._has(VOLITION, wish_from, mark.start):
            return False
        after = [t for t in self.s.tokens if t.start >= mark.end][:_NEXT_WINDOW]
        others = {(m.start, m.end) for m in self.marks}
        for t in after:
            if any(w.key == NOT_TALKS and w.start <= t.start < w.end for w in self.words):
                return False
            if not any(a <= t.start < b for a, b in others):
                break  # the word the marker qualifies: not a not_talks word
        return True

    def agreement(self, mark: ToneMark) -> bool:
        if self._inside(CLAIMS, mark):
            return True  # "coinciding positions", 一致认为: an agreement whoever the subject
        lo, hi = self._span(mark)
        start = self._before(mark)
        subjects = [b for a, b in self.joint if start <= a and b <= mark.start]
        subjects += [p.end for p in self.persons if start <= p.start and p.end <= mark.start][1:]
        if self._two_countries(start, mark.start):
            subjects.append(start)  # "Senior Chinese and U.S. officials ..., agreeing to ..."
        if subjects and not self._has(VOLITION, min(subjects), mark.start):
            return True  # "the two sides agreed", not "the two sides should seek consensus"
        if self.language == "zh" and self.s.text[mark.start - self.s.start - 1 : mark.start - self.s.start] in ("", *_CLAUSE_END) \
                and mark.start == lo:
            return True  # "同意……": a Chinese clause whose subject is the previous one's
        return self._has(REACH, lo, hi) and not self._has(VOLITION, start, mark.start)

    def _two_countries(self, lo: int, hi: int) -> bool:
        """Two governments joined by a conjunction before `hi`: "Chinese and U.S. officials"."""
        countries = [h for h in self.hits if h.entity and h.entity.startswith("country:") and lo <= h.start and h.end <= hi]
        conjunctions = voice_words(self.language).conjunctions
        for a, b in zip(countries, countries[1:], strict=False):
            gap = [t.norm for t in self.s.tokens if a.end <= t.start and t.end <= b.start]
            if a.entity != b.entity and gap and all(w in conjunctions for w in gap):
                return True
        return False

    def stance(self, mark: ToneMark) -> bool:
        if self.language == "zh":
            before = (mark.start - 2 * _BEFORE_WINDOW, mark.start)
            after = (mark.end, mark.end + 2)
        else:
            toks = self.s.tokens
            prior = [t for t in toks if t.end <= mark.start][-_BEFORE_WINDOW:]
            nxt = [t for t in toks if t.start >= mark.end][:1]
            before = (prior[0].start if prior else mark.start, mark.start)
            after = (mark.end, nxt[0].end if nxt else mark.end)
        return not (self._has(CONCERN_NOT, *before) or self._has(CONCERN_AFTER, *after))


def in_sense(marks: list[ToneMark], words: Iterable[FrameWord], sentence: Sentence, hits: list[TopicHit],
             language: str, frame_of: dict[str, str]) -> list[ToneMark]:
    """The tone marks of one sentence that carry their diplomatic sense."""
    if not marks:
        return marks
    reading = _Reading(sentence, list(words), hits, marks, language)
    kept = []
    for mark in marks:
        if reading.named(mark):
            continue
        frame = frame_of.get(mark.id)
        if frame is not None and not getattr(reading, frame)(mark):
            continue
        kept.append(mark)
    return kept
