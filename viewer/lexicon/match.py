"""Compiled lexicon terms and the matcher that finds them in sentences.

Terms go through the same normaliser as the text (viewer.text.tokens), so inflection is handled
once, by Snowball, on both sides. Patterns are indexed by their first word so a sentence costs
one dictionary look-up per token. Chinese is matched on characters instead, because a term may
span several jieba words; a match must still start and end on word boundaries.

Negation: a tone marker with a negation cue of its language before it in the same clause does not
count ("does not seek to oppose", 不寻求……反对, «не выступает против», "no se opone", "ne s'oppose
pas"). A clause ends at , ; : ! ? (and their Chinese forms) and at a clause-break word of the
language ("but", "and", 但, 并); a cue or break inside another match is part of that term ("does
not accept" is itself an oppose marker) and a not-cue phrase holding a cue ("not only", «не может
не», 不能不) cancels nothing. The words are data: the [negation] table of each <lang>.toml.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from viewer.model import Token
from viewer.text import chinese
from viewer.text.tokens import normalize, tokenize

Kind = str  # "topic" | "tone" | "entity" | "negation" | "frame"

NEGATION = "negation"
FRAME = "frame"  # a word of a tone's frame (viewer/lexicon/senses.py)
# ids of negation targets, named after their keys in the [negation] table of a language file
CUE, NOT_CUE, BREAK = "cues", "not_cues", "breaks"
# punctuation that ends a clause (Chinese 、 only joins list items, so negation runs over it)
_CLAUSE_END = frozenset(",;:!?—，；：！？。")


@dataclass(frozen=True)
class Target:
    """What a match means: a topic term, a tone marker, or an entity mention (with its topics)."""

    kind: Kind
    id: str  # topic id, tone id, entity id ("country:UA"), or CUE / NOT_CUE / BREAK
    topics: tuple[str, ...] = ()  # topics an entity mention counts for
    passing: bool = False


@dataclass(frozen=True)
class Word:
    """One word of a term: `mode` says how a text token must look to match it.

    norm: same normalised form. cap: same form and written with a capital (so "Burns" the
    name is not "burns" the verb). exact: short acronyms, same letters in upper case, dots
    ignored (so "US" is not "us", "WHO" is not "who"). prefix: the folded word or its
    normalised form starts with `value` (a term word written with a trailing *). form: this
    very word form, case-folded (a term word written with a leading =), for the few words whose
    stem is too wide: "=concern" leaves "concerning" alone.
    """

    value: str
    mode: str


@dataclass
class Match:
    start: int
    end: int
    target: Target


@lru_cache(maxsize=100_000)
def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е").replace("’", "'")


def compile_words(term: str, lang: str) -> tuple[Word, ...]:
    """The words of a non-Chinese term; empty when the term has no word at all."""
    words = []
    for tok in tokenize(term, lang):
        surface = tok.text
        if term[tok.end : tok.end + 1] == "*":
            words.append(Word(_fold(surface), "prefix"))
            continue
        if term[tok.start - 1 : tok.start] == "=":
            words.append(Word(_fold(surface), "form"))
            continue
        bare = surface.replace(".", "")
        if bare.isupper() and len(bare) <= 3:
            words.append(Word(bare, "exact"))
        elif surface[0].isupper():
            words.append(Word(tok.norm, "cap"))
        else:
            words.append(Word(tok.norm, "norm"))
    return tuple(words)


def _word_matches(word: Word, tok: Token, fold: str) -> bool:
    if word.mode == "prefix":
        return fold.startswith(word.value) or tok.norm.startswith(word.value)
    if word.mode == "exact":
        return tok.text.replace(".", "") == word.value
    if word.mode == "form":
        return fold == word.value
    return tok.norm == word.value and (word.mode == "norm" or tok.text[:1].isupper())


def _han_form(text: str) -> str:
    """Simplified, case-folded text with the same length (offsets stay valid)."""
    simple = chinese.to_simplified(text)
    if len(simple) != len(text):
        simple = text
    folded = simple.casefold()
    return folded if len(folded) == len(simple) else simple


class Matcher:
    """All patterns of all languages, indexed for one pass over a sentence."""

    def __init__(self) -> None:
        # lang -> first word norm -> pattern words -> targets
        self._index: dict[str, dict[str, dict[tuple[Word, ...], list[Target]]]] = defaultdict(dict)
        # lang -> first two letters of a prefix word -> pattern words -> targets
        self._prefix: dict[str, dict[str, dict[tuple[Word, ...], list[Target]]]] = defaultdict(dict)
        # Chinese: first character -> (term, open-ended) -> targets
        self._han: dict[str, dict[tuple[str, bool], list[Target]]] = {}
        # one object for equal words and targets (9,300 words are 4,400, 6,900 targets 380):
        # less memory, and a cached lexicon (viewer.cache) half the size to read back
        self._same: dict[Word | Target, Word | Target] = {}

    @property
    def languages(self) -> set[str]:
        return set(self._index) | set(self._prefix) | ({"zh"} if self._han else set())

    def add(self, term: str, lang: str, target: Target) -> bool:
        """Index one term; False when it holds nothing to match (the caller reports it)."""
        target = self._same.setdefault(target, target)
        if lang == "zh":
            text = term.strip()
            open_end = text.endswith("*")
            text = _han_form(text.rstrip("*").strip())
            if not text:
                return False
            self._han.setdefault(text[0], {}).setdefault((text, open_end), []).append(target)
            return True
        words = tuple(self._same.setdefault(w, w) for w in compile_words(term, lang))
        if not words:
            return False
        first = words[0]
        if first.mode == "prefix":
            if len(first.value) < 2:
                return False
            table = self._prefix[lang].setdefault(first.value[:2], {})
        else:
            key = normalize(first.value, lang) if first.mode in ("exact", "form") else first.value
            table = self._index[lang].setdefault(key, {})
        targets = table.setdefault(words, [])
        if target not in targets:
            targets.append(target)
        return True

    def find(self, text: str, tokens: Sequence[Token], offset: int, lang: str) -> list[Match]:
        """Every match in one sentence (`text` starts at `offset` in the readout), overlaps resolved,
        negated tone markers left out."""
        if lang == "zh":
            found = self._find_han(text, tokens, offset)
        else:
            found = self._find_words(tokens, lang)
        return _drop_negated(_resolve(found), text, offset)

    def _find_words(self, tokens: Sequence[Token], lang: str) -> list[Match]:
        index = self._index.get(lang, {})
        prefix = self._prefix.get(lang, {})
        folds = [_fold(t.text) for t in tokens]
        found: list[Match] = []
        n = len(tokens)
        for i, tok in enumerate(tokens):
            norm = tok.norm
            tables = [index.get(norm)]
            if prefix:
                tables.append(prefix.get(folds[i][:2]))
                if norm[:2] != folds[i][:2]:
                    tables.append(prefix.get(norm[:2]))
            for table in tables:
                if not table:
                    continue
                for words, targets in table.items():
                    end = i + len(words)
                    if end > n:
                        continue
                    for k, w in enumerate(words):  # a loop, not all(): this runs for every token
                        if w.mode == "norm":  # the common mode, without a call
                            if tokens[i + k].norm != w.value:
                                break
                        elif not _word_matches(w, tokens[i + k], folds[i + k]):
                            break
                    else:
                        found.extend(Match(tok.start, tokens[end - 1].end, t) for t in targets)
        return found

    def _find_han(self, text: str, tokens: Sequence[Token], offset: int) -> list[Match]:
        form = _han_form(text)
        starts = {t.start - offset for t in tokens}
        ends = {t.end - offset for t in tokens}
        found: list[Match] = []
        for pos in sorted(starts):
            for (term, open_end), targets in self._han.get(form[pos : pos + 1], {}).items():
                end = pos + len(term)
                if form.startswith(term, pos) and (open_end or end in ends):
                    found.extend(Match(offset + pos, offset + end, t) for t in targets)
        return found


def _group(kind: Kind) -> str:
    return kind if kind in ("tone", NEGATION, FRAME) else "topic"


def _resolve(found: Iterable[Match]) -> list[Match]:
    """Drop a match lying inside a longer one of its group: "China" inside "South China Sea",
    "concern" inside "serious concern", "Biden" inside "Joe Biden". Equal spans all stay.

    One sweep in text order (a sentence without a full stop may hold the matches of a whole
    text): a match is inside a longer one when a match of its group that starts earlier ends at
    or after its end, or one that starts with it ends later."""
    ordered = sorted(found, key=lambda m: (m.start, -m.end))
    kept: list[Match] = []
    seen: set[tuple[int, int, Target]] = set()
    reach: dict[str, int] = {}  # group -> furthest end of the matches starting before this start
    block: dict[str, int] = {}  # group -> furthest end of the matches starting at this start
    at = None
    for m in ordered:
        if m.start != at:
            for group, end in block.items():
                reach[group] = max(reach.get(group, -1), end)
            block, at = {}, m.start
        group = _group(m.target.kind)
        inside = reach.get(group, -1) >= m.end or block.get(group, -1) > m.end
        block[group] = max(block.get(group, -1), m.end)
        key = (m.start, m.end, m.target)
        if inside or key in seen:
            continue
        seen.add(key)
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _drop_negated(found: list[Match], text: str, offset: int) -> list[Match]:
    """The matches without negation words and without the tone markers a cue negates (see the
    module's docstring)."""
    words = [m for m in found if m.target.kind == NEGATION]
    kept = [m for m in found if m.target.kind != NEGATION]
    if not words:
        return kept
    terms = [k for k in kept if k.target.kind != FRAME]  # frame words are no terms: "的" still breaks
    free = [m for m in words if not any(k.start <= m.start and m.end <= k.end for k in terms)]
    breaks = [m.end for m in free if m.target.id == BREAK]
    cues = [m.start for m in free if m.target.id == CUE]
    if not cues:
        return kept

    def negated(mark: Match) -> bool:
        before = text[: mark.start - offset]
        clause = max(
            [offset + i + 1 for i, ch in enumerate(before) if ch in _CLAUSE_END]
            + [end for end in breaks if end <= mark.start],
            default=offset,
        )
        return any(clause <= cue < mark.start for cue in cues)

    return [m for m in kept if m.target.kind != "tone" or not negated(m)]
