"""One sentence as statements: clauses where the speaker, the act or the main topic changes, the
items of an enumeration, and the items of a list of topics, each with its act and stance words.

- **Clauses**: a sentence is cut at the clause breaks of its language (statements.toml
  [clauses]: a semicolon or colon, a comma before "and"/"but", every Chinese ，；：), then
  neighbouring clauses are joined again unless the later one names a speaker of its own with a
  verb of saying, opens an enumeration item, or differs in act (neither only asserts) or in main
  topic (both have one). So "习近平指出，当前……，……" stays one statement and "两国元首还就乌克兰
  危机等交换了意见，习近平重申了中方原则立场" becomes two, the second Xi's.
- **Enumerations**: a clause that opens with an ordinal ("一是", "Second,", «во-вторых») is an
  item of its own.
- **Lists**: a run of three or more list items naming two topics or more (viewer/statements/
  topics.lists: "climate change, health security, and food security") divides its statement
  into one statement per item, plus one for the words before the list when they name a topic of
  their own; each takes an equal part of the statement's weight (an item that names no topic,
  such as 执法 among 经贸、农业、禁毒、执法, keeps its part unassigned).
- **Weight**: a clause's share of the sentence's words (after a dateline); the weights of a
  sentence's statements add up to at most 1.
- **Topics**: the topics the sentence discusses that are matched inside the statement, the main
  one first: the first matched, a topic named only by words for the talks themselves ("the
  call", 会晤) after the others.
- **Act**: the first act of the language's [acts] order with a phrase in the statement; "agree"
  only for a joint statement (speaker both, or "the two sides" named in it) in which the lexicon
  reads an agreement (a consensus marker in its sense: not "should seek consensus"); "blame" never
  after a negation in its clause ("does not interfere", 不搞你输我赢, 不能搞冲突对抗, 避免误判: a
  principle or a pledge, statements.toml [acts] negations); a modal ("must",
  应该) is a demand when its subject is the other side, a proposal otherwise; the opening line is
  "opening"; without any, "assert".
- **Stance**: the act's phrase as written (with an intensifier before it: "firmly opposes",
  坚决反对), the tone markers, and the words naming the statement's specific topics ("Taiwan
  independence"), in text order.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from viewer.lang.script import han_count
from viewer.lexicon.wordlists import Phrase, phrase_spans, stop_words, voice_words
from viewer.model import BOTH, Act, Document, Sentence, SpeakerRole, Statement, TopicHit
from viewer.statements.rules import Rules
from viewer.statements.topics import lists
from viewer.statements.voice import Mention, clause_speaker, speech_verbs
from viewer.text.chinese import to_simplified
from viewer.text.tokens import token_start, tokens_in, words_within

AGREEMENT = "consensus"  # the tone marker of an agreement in its diplomatic sense
# Topics that frame every readout: they are never the words a stance is read from.
FRAME_TOPICS = frozenset({"leader-diplomacy", "bilateral-relations"})
_MAX_TOPIC_WORDS = 2  # stance words taken from the names of a statement's topics
_NEGATION_REACH = 4  # words before a charge in which a negation makes it none ("will never interfere")


@dataclass
class _Clause:
    start: int
    end: int
    speaker: str | None
    role: SpeakerRole
    item: bool = False  # opens an enumeration item
    own_speaker: bool = False  # names its speaker with a verb of saying
    topics: list[str] = field(default_factory=list)
    act: Act = "assert"
    cue: tuple[int, int] | None = None  # span of the act's phrase


def words_in(doc: Document, s: Sentence, start: int, end: int) -> int:
    """Words (Han characters in Chinese) of a stretch of a sentence, as Document.words counts."""
    if doc.language == "zh":
        return han_count(doc.text[start:end])
    return words_within(s, start, end)


def _within(items: list, lo: int, hi: int, starts: list[int]) -> list:
    """The items (sorted by start, `starts` their starts) that start inside [lo, hi) and end by hi."""
    first = bisect.bisect_left(starts, lo)
    out = []
    for item in items[first : bisect.bisect_left(starts, hi)]:
        if item.end <= hi:
            out.append(item)
    return out


def ordinal(s: Sentence, start: int, rules: Rules, language: str) -> int | None:
    """The number of the enumeration item that opens at `start` in `s` ("二是" -> 2), if any.
    It is asked of every sentence and clause: it looks only at what could open an item there (the
    first characters, the first tokens), never at the rest of a long sentence."""
    if not rules.ordinals:
        return None
    if language == "zh":
        text, at = s.text, start - s.start
        while at < len(text) and text[at] in _ORDINAL_LEAD:
            at += 1
        for n, forms in enumerate(rules.ordinals, 1):
            for form in forms:
                word = form[0]
                after = at + len(word)
                if text.startswith(word, at) and (word.endswith("是") or text[after : after + 1] in "，,、：:"):
                    return n
        return None
    firsts, longest = _ordinal_openers(rules)
    lo = bisect.bisect_left(s.tokens, start, key=token_start)
    if lo == len(s.tokens) or s.tokens[lo].norm not in firsts:
        return None
    tokens = s.tokens[lo : lo + longest + 1]
    norms = tuple(t.norm for t in tokens)
    for n, forms in enumerate(rules.ordinals, 1):
        for form in forms:
            if norms[: len(form)] == form and len(tokens) > len(form) and tokens[len(form)].text in ",:;—-":
                return n
    return None


_ORDINAL_LEAD = frozenset(" \"“「（(")  # what may stand before an ordinal


@cache
def _ordinal_openers(rules: Rules) -> tuple[frozenset[str], int]:
    """The first words of a language's ordinals, and the tokens of its longest one."""
    forms = [form for item in rules.ordinals for form in item]
    return frozenset(form[0] for form in forms), max(map(len, forms), default=0)


def _cuts(s: Sentence, start: int, rules: Rules) -> list[int]:
    """Offsets where the clauses of `s` begin (after `start`, a dateline's end)."""
    cuts = [start]
    if rules.clause_breaks is not None:
        for m in rules.clause_breaks.finditer(s.text, start - s.start):
            at = s.start + m.end()
            if cuts[-1] < at < s.end:
                cuts.append(at)
    return cuts


@cache
def _act_phrases(rules: Rules) -> tuple[tuple[Phrase, ...], dict[Phrase, tuple[Act, ...]]]:
    """Every act phrase of a language in one list (longest first), and the acts each one cues."""
    acts: dict[Phrase, list[Act]] = {}
    for act, phrases in rules.acts:
        for phrase in phrases:
            acts.setdefault(phrase, []).append(act)
    ordered = tuple(sorted(acts, key=lambda p: (-sum(map(len, p)), p)))
    return ordered, {p: tuple(a) for p, a in acts.items()}


def _cues(s: Sentence, rules: Rules, language: str) -> list[tuple[int, int, Act, bool]]:
    """Every act phrase of a sentence: (start, end, act, is_modal), found in one pass."""
    phrases, acts = _act_phrases(rules)
    modal = set(rules.modal)
    found = []
    for start, end in phrase_spans(s, phrases, language):
        if language == "zh":
            key: Phrase = (to_simplified(s.text[start - s.start : end - s.start]),)
        else:
            key = tuple(t.norm for t in s.tokens if start <= t.start and t.end <= end)
        found += [(start, end, act, key in modal) for act in acts.get(key, ())]
    return found


def _names_the_talks(s: Sentence, hit: TopicHit, spans: list[tuple[int, int]], stops: frozenset[str]) -> bool:
    """Whether a topic match is only a word for the talks or for who held them ("The call", 会晤,
    两国元首): a span of those words covers it but for function words."""
    for a, b in spans:
        if a < hit.end and hit.start < b:
            rest = [t for t in s.tokens if hit.start <= t.start and t.end <= hit.end and not (a <= t.start and t.end <= b)]
            if all(t.norm in stops or not any(c.isalnum() for c in t.text) for t in rest):
                return True
    return False


def frame_spans(s: Sentence, language: str) -> list[tuple[int, int]]:
    """Spans of the words for the talks themselves and for both sides together."""
    words = voice_words(language)
    return phrase_spans(s, words.talks, language) + phrase_spans(s, words.both, language)


def talk_only(s: Sentence, st: Statement, spans: list[tuple[int, int]], language: str) -> bool:
    """Whether a statement's topics are named only by words for the talks themselves ("This meeting
    is the third between the two Presidents and follows their April call"); `spans`: frame_spans(s)."""
    stops = stop_words(language)
    hits = [h for h in s.hits if h.topic in st.topics and st.start <= h.start and h.end <= st.end]
    return all(_names_the_talks(s, h, spans, stops) for h in hits)


@dataclass
class _View:
    """What the clauses of one sentence look up, worked out once (a sentence without a full stop
    may be a whole text: every look-up is a bisection, never a pass over the sentence)."""

    sentence: Sentence
    hits: list[TopicHit]  # discussed matches, by start
    hit_starts: list[int]
    talk: dict[int, bool]  # id(hit) -> only a word for the talks
    cues: list[tuple[int, int, Act, bool]]
    cue_starts: list[int]
    found: list[Mention]
    found_starts: list[int]
    lists: list[tuple[list[TopicHit], int]]
    marks: list
    mark_starts: list[int]
    text: str  # the readout's
    rules: Rules

    @cached_property
    def verbs(self) -> list[tuple[int, int]]:
        """The verbs of saying (asked only by a clause after the sentence's first)."""
        return speech_verbs(self.sentence, self.text, self.rules.language)

    @cached_property
    def intensifiers(self) -> list[tuple[int, int]]:
        """"firmly" and the like (asked only of a clause with an act's phrase)."""
        return phrase_spans(self.sentence, self.rules.intensifiers, self.rules.language)


class Splitter:
    """Statements of the sentences of one readout."""

    def __init__(self, doc: Document, rules: Rules, found: dict[int, list[Mention]],
                 resolve: Callable[[str | None], tuple[str | None, SpeakerRole]],
                 country_of: Callable[[str | None], str | None]):
        self.doc, self.rules = doc, rules
        self.language = doc.language
        self.found = found  # sentence -> speaker mentions (voice.mentions)
        self.resolve = resolve  # interim speaker -> (speaker, role)
        self.country_of = country_of  # speaker -> ISO country or None

    def sentence(self, s: Sentence, start: int, speaker: str | None, role: SpeakerRole, opening: bool) -> list[Statement]:
        doc = self.doc
        total = words_in(doc, s, start, s.end) or 1
        if opening:
            topics = self._topics(self._view(s), start, s.end)
            return [Statement(s.i, start, s.end, None, topics, "opening", [], 1.0, "narrator")]
        view = self._view(s)
        cuts = _cuts(s, start, self.rules)
        clauses = [self._clause(s, view, lo, hi, speaker, role) for lo, hi in zip(cuts, [*cuts[1:], s.end], strict=True)]
        merged = self._merge(clauses)
        out: list[Statement] = []
        for c in merged:
            weight = words_in(doc, s, c.start, c.end) / total
            out.extend(self._items(s, view, c, weight))
        return out

    def _view(self, s: Sentence) -> _View:
        hits = sorted((h for h in s.hits if h.topic in s.topics), key=lambda h: h.start)
        spans, stops = frame_spans(s, self.language) if hits else [], stop_words(self.language)
        cues = sorted(_cues(s, self.rules, self.language))
        found = self.found.get(s.i, [])
        marks = sorted(s.tone_marks, key=lambda m: m.start)
        return _View(
            s, hits, [h.start for h in hits], {id(h): _names_the_talks(s, h, spans, stops) for h in hits},
            cues, [c[0] for c in cues], found, [m.start for m in found], lists(s, self.language),
            marks, [m.start for m in marks], self.doc.text, self.rules,
        )

    def _clause(self, s: Sentence, view: _View, lo: int, hi: int, speaker: str | None, role: SpeakerRole) -> _Clause:
        c = _Clause(lo, hi, speaker, role)
        c.item = ordinal(s, lo, self.rules, self.language) is not None
        if lo > s.start:
            found = _within(view.found, lo, hi, view.found_starts)
            own = clause_speaker(s, lo, hi, found, [v for v in view.verbs if lo <= v[0] < hi], self.doc.text, self.language)
            if own is not None and self.resolve(own.speaker)[0] != speaker:
                c.speaker, c.role = self.resolve(own.speaker)
                c.own_speaker = True
        c.topics = self._topics(view, lo, hi)
        c.act, c.cue = self._act(view, lo, hi, c)
        return c

    def _topics(self, view: _View, lo: int, hi: int) -> list[str]:
        """The sentence's discussed topics matched inside [lo, hi), the main one first."""
        first: dict[str, int] = {}
        real: set[str] = set()  # topics named by more than words for the talks
        for h in _within(view.hits, lo, hi, view.hit_starts):
            first.setdefault(h.topic, h.start)
            if not view.talk[id(h)]:
                real.add(h.topic)
        return sorted(first, key=lambda t: (t not in real, first[t]))

    def _act(self, view: _View, lo: int, hi: int, c: _Clause) -> tuple[Act, tuple[int, int] | None]:
        a, b = bisect.bisect_left(view.cue_starts, lo), bisect.bisect_left(view.cue_starts, hi)
        inside = [x for x in view.cues[a:b] if x[1] <= hi]
        found = _within(view.found, lo, hi, view.found_starts)
        joint = c.speaker == BOTH or any(m.kind == "both" for m in found)
        # the lexicon read an agreement in it (senses.py): "the two sides agreed", not "should seek consensus"
        agreed = any(m.id == AGREEMENT for m in _within(view.marks, lo, hi, view.mark_starts))
        for act, _ in self.rules.acts:
            for start, end, cue_act, modal in inside:
                if cue_act != act:
                    continue
                if act == "agree" and not (joint and agreed):
                    continue
                if act == "demand" and modal and not self._addressed_to_other(found, start, c.speaker):
                    continue
                if act == "pledge" and not self._someone_before(view, found, lo, start):
                    continue  # "美中关系如何发展将塑造……" predicts; "中方将……", "we will" pledge
                if act == "blame" and self._negated(view.sentence, lo, start):
                    continue  # "does not interfere", 不搞你输我赢, 避免误判: a principle, not a charge
                return act, (start, end)
        return "assert", None

    def _negated(self, s: Sentence, lo: int, at: int) -> bool:
        """A negation (statements.toml [acts] negations) before `at` in the clause from `lo`: in
        Chinese anywhere in the clause (不能搞冲突对抗, 无意将台湾作为……遏制中国的工具), but for words
        that hold one and negate nothing (不断打压); elsewhere among the _NEGATION_REACH words before it."""
        negations = self.rules.negations
        if not negations:
            return False
        if self.language == "zh":
            before = to_simplified(self.doc.text[lo:at])
            for word in self.rules.not_negations:
                before = before.replace(word, "")
            return any(p[0] in before for p in negations)
        norms = tuple(t.norm for t in tokens_in(s.tokens, lo, at) if any(c.isalnum() for c in t.text))[-_NEGATION_REACH:]
        return any(norms[k:k + len(p)] == p for p in negations for k in range(len(norms) - len(p) + 1))

    def _someone_before(self, view: _View, found: list[Mention], lo: int, at: int) -> bool:
        """A side, a person, both or a first-person pronoun before `at` in the clause: whose pledge it is."""
        if any(m.end <= at for m in found):
            return True
        words = voice_words(self.language)
        return any(t.norm in words.firsts for t in tokens_in(view.sentence.tokens, lo, at)) or (
            self.language == "zh" and any(p in self.doc.text[lo:at] for p in words.firsts))

    def _addressed_to_other(self, found: list[Mention], at: int, speaker: str | None) -> bool:
        """Whether the subject before a modal ("the U.S. must", 美方应该) is the other side."""
        mine = self.country_of(speaker)
        before = [m for m in found if m.end <= at and m.kind in ("side", "person")]
        return bool(before) and mine is not None and before[-1].country not in (None, mine)

    def _merge(self, clauses: list[_Clause]) -> list[_Clause]:
        merged: list[_Clause] = []
        for c in clauses:
            prev = merged[-1] if merged else None
            if prev is not None and not c.item and not c.own_speaker and c.speaker == prev.speaker and (
                not c.topics or not prev.topics or c.topics[0] == prev.topics[0]
            ) and (c.act == prev.act or "assert" in (c.act, prev.act)):
                prev.end = c.end
                prev.topics += [t for t in c.topics if t not in prev.topics]
                if prev.act == "assert":
                    prev.act, prev.cue = c.act, c.cue
                continue
            merged.append(c)
        return merged

    def _stance(self, view: _View, c: _Clause, lo: int, hi: int, topics: list[str]) -> list[str]:
        text = self.doc.text
        spans: list[tuple[int, int]] = []
        if c.cue is not None:
            start = c.cue[0]
            for a, b in view.intensifiers:
                if 0 <= start - b <= 1:
                    start = a
            spans.append((start, c.cue[1]))
        spans += [(m.start, m.end) for m in _within(view.marks, lo, hi, view.mark_starts)]
        named = [h for h in _within(view.hits, lo, hi, view.hit_starts) if h.topic in topics and h.topic not in FRAME_TOPICS]
        spans += [(h.start, h.end) for h in named[:_MAX_TOPIC_WORDS]]
        out: list[str] = []
        for a, b in sorted(spans):
            words = " ".join(text[a:b].split())
            if words and not any(words in w for w in out):
                out = [w for w in out if w not in words] + [words]
        return out

    def _items(self, s: Sentence, view: _View, c: _Clause, weight: float) -> list[Statement]:
        """The clause as one statement, or one per item of a list of topics inside it."""
        runs = [(hits, n) for hits, n in view.lists if c.start <= hits[0].start and hits[-1].end <= c.end]
        items: list[tuple[int, str]] = []
        n = 0
        if runs:
            hits, n = max(runs, key=lambda r: r[1])
            for h in hits:
                if h.topic in c.topics and h.topic not in (t for _, t in items):
                    items.append((h.start, h.topic))
        if len(items) < 2:
            return [Statement(s.i, c.start, c.end, c.speaker, c.topics, c.act, self._stance(view, c, c.start, c.end, c.topics),
                              round(weight, 4), c.role)]
        head_topics = [t for t in c.topics if t not in {t for _, t in items}]
        units = n + (1 if head_topics else 0)
        out = []
        starts = [start for start, _ in items]
        if head_topics:
            out.append(Statement(s.i, c.start, starts[0], c.speaker, head_topics, c.act,
                                 self._stance(view, c, c.start, starts[0], head_topics), round(weight / units, 4), c.role))
        else:
            starts[0] = c.start
        ends = [*starts[1:], c.end]
        for (lo, hi), (_, topic) in zip(zip(starts, ends, strict=True), items, strict=True):
            out.append(Statement(s.i, lo, hi, c.speaker, [topic], c.act, self._stance(view, c, lo, hi, [topic]),
                                 round(weight / units, 4), c.role))
        return out
