"""Per-language word lists the emphasis stage reads: verbs of saying, "both" phrases, stop words.

They live as data in resources/lang/<lang>/voice.toml and stopwords.txt so a linguist
can extend a language without touching code. Every phrase is stored as a tuple of normalised
tokens (viewer.text.tokens), so "stressed" in the list meets "stresses" in a text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from viewer.lang import language, read_list
from viewer.model import Sentence
from viewer.text.chinese import to_simplified
from viewer.text.tokens import normalize, tokenize

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class VoiceWords:
    """How one language reports speech: see resources/lang/en/voice.toml for the meaning of each list."""

    language: str
    verbs: tuple[Phrase, ...] = ()
    meetings: tuple[Phrase, ...] = ()
    pronouns: frozenset[str] = frozenset()
    firsts: frozenset[str] = frozenset()  # "we", 我们: the speaker's side speaking of itself
    continuation: tuple[Phrase, ...] = ()
    both: tuple[Phrase, ...] = ()
    participants: tuple[Phrase, ...] = ()  # the "both" phrases naming the people at the table
    not_both_after: tuple[Phrase, ...] = ()  # "all": "all the parties" are not the two sides
    narration: tuple[Phrase, ...] = ()  # "attended the meeting", 参加会晤: no one speaks
    carry_across_paragraphs: bool = False  # a paragraph naming no speaker goes on with the last one
    side_words: frozenset[str] = frozenset()
    sides: dict[str, str] = field(default_factory=dict)  # normalised word -> ISO country ("中方" -> "CN")
    conjunctions: frozenset[str] = frozenset()
    carry_in_paragraph: bool = True
    speaker_after_verb: bool = True
    titles: frozenset[str] = frozenset()  # office words before a name ("Secretary", "министр")
    title_links: frozenset[str] = frozenset()  # words inside a title ("of" in "Secretary of State")
    between: frozenset[str] = frozenset()  # words that may stand between a subject and its verb
    plural_titles: frozenset[str] = frozenset()  # case-folded as written: stems fold "ministers" into "minister"
    talks: tuple[Phrase, ...] = ()  # nouns naming the talks themselves ("the call", 会谈)
    modals: tuple[Phrase, ...] = ()  # "should", 要: "the two sides should ..." is a proposal
    determiners: frozenset[str] = frozenset()  # "the", "this": what may stand before a subject noun
    according: tuple[Phrase, ...] = ()  # "according to": the person named after it speaks
    impersonal: tuple[Phrase, ...] = ()  # Russian impersonal passives: the readout's own side speaks
    together: tuple[re.Pattern[str], ...] = ()  # the speaker and the counterpart as one subject: 我和总统先生


def _phrases(items: list[str], lang: str) -> tuple[Phrase, ...]:
    out = []
    for item in items:
        norms = tuple(t.norm for t in tokenize(item, lang))
        if norms:
            out.append(norms)
    # longest first, so "called for" wins over a shorter phrase starting at the same token
    return tuple(sorted(set(out), key=len, reverse=True))


def _words(items: list[str], lang: str) -> frozenset[str]:
    return frozenset(normalize(w, lang) for w in items)


@cache
def voice_words(lang: str) -> VoiceWords:
    """The voice lists of `lang`; a language without a file gets empty lists (everything is narrator)."""
    path = language(lang).path("voice.toml")
    if path is None:
        return VoiceWords(language=lang)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return VoiceWords(
        language=lang,
        verbs=_phrases(data.get("verbs", []), lang),
        meetings=_phrases(data.get("meetings", []), lang),
        pronouns=_words(data.get("pronouns", []), lang),
        firsts=_words(data.get("firsts", []), lang) if lang != "zh" else frozenset(data.get("firsts", [])),
        continuation=_phrases(data.get("continuation", []), lang),
        both=_phrases(data.get("both", []), lang),
        participants=_phrases(data.get("participants", []), lang),
        not_both_after=_phrases(data.get("not_both_after", []), lang),
        narration=_phrases(data.get("narration", []), lang),
        carry_across_paragraphs=bool(data.get("carry_across_paragraphs", False)),
        side_words=_words(data.get("side_words", []), lang),
        sides={normalize(k, lang): v for k, v in data.get("sides", {}).items()},
        conjunctions=_words(data.get("conjunctions", []), lang),
        carry_in_paragraph=bool(data.get("carry_in_paragraph", True)),
        speaker_after_verb=bool(data.get("speaker_after_verb", True)),
        titles=_words(data.get("titles", []), lang),
        title_links=_words(data.get("title_links", []), lang),
        between=_words(data.get("between", []), lang),
        plural_titles=frozenset(w.casefold() for w in data.get("plural_titles", [])),
        talks=_phrases(data.get("talks", []), lang),
        modals=_phrases(data.get("modals", []), lang),
        determiners=_words(data.get("determiners", []), lang),
        according=_phrases(data.get("according", []), lang),
        impersonal=_phrases(data.get("impersonal", []), lang),
        together=tuple(re.compile(p, re.IGNORECASE) for p in data.get("together", [])),
    )


@cache
def stop_words(lang: str) -> frozenset[str]:
    """Normalised stop words of `lang` (empty when no list exists: then every word counts)."""
    path = language(lang).path("stopwords.txt")
    return frozenset(normalize(word, lang) for word in read_list(path)) if path else frozenset()


# phrase lists -> their index, by identity: the lists are made once per language (cached), and
# hashing a tuple of tuples on every call cost more than the search (170,000 calls on 100,000 words)
_INDEXES: dict[int, tuple[tuple[Phrase, ...], dict[str, tuple[Phrase, ...]]]] = {}


def _by_first(phrases: tuple[Phrase, ...]) -> dict[str, tuple[Phrase, ...]]:
    known = _INDEXES.get(id(phrases))
    if known is not None and known[0] is phrases:
        return known[1]
    index: dict[str, list[Phrase]] = {}
    for p in phrases:  # already longest first
        index.setdefault(p[0], []).append(p)
    if len(_INDEXES) > 256:  # lists made on the fly: keep the table small
        _INDEXES.clear()
    _INDEXES[id(phrases)] = (phrases, made := {k: tuple(v) for k, v in index.items()})
    return made


def find_phrases(norms: list[str], phrases: tuple[Phrase, ...]) -> list[tuple[int, int]]:
    """Token spans [i, j) where one of `phrases` occurs, left to right, longest first, not overlapping."""
    index = _by_first(phrases)
    if index.keys().isdisjoint(norms):  # the common case, at C speed: no phrase can start here
        return []
    found = []
    i = 0
    n = len(norms)
    while i < n:
        for p in index.get(norms[i], ()):
            if tuple(norms[i : i + len(p)]) == p:
                found.append((i, i + len(p)))
                i += len(p)
                break
        else:
            i += 1
    return found


def phrase_spans(sentence: Sentence, phrases: tuple[Phrase, ...], language: str) -> list[tuple[int, int]]:
    """Character spans (in the readout's text) where `phrases` occur in a sentence, in order.

    Chinese is searched in the text itself, not token by token: jieba cuts the same words
    differently by context ("双方同意" is one unit, "两国元首" three), so a verb or subject is found
    wherever its characters stand; a one-character entry ("说") must still be a whole word unit.
    """
    tokens = sentence.tokens
    if language != "zh":
        return [(tokens[i].start, tokens[j - 1].end) for i, j in find_phrases(sentence.norms, phrases)]
    text = to_simplified(sentence.text)
    units = {t.norm for t in tokens}
    taken = [False] * len(text)
    spans = []
    for phrase in phrases:  # longest first
        word = "".join(phrase)
        if len(word) == 1 and word not in units:
            continue
        pos = text.find(word)
        while pos >= 0:
            if not any(taken[pos : pos + len(word)]):
                taken[pos : pos + len(word)] = [True] * len(word)
                spans.append((sentence.start + pos, sentence.start + pos + len(word)))
            pos = text.find(word, pos + len(word))
    return sorted(spans)


@cache
def _plural_stems(language: str) -> frozenset[str]:
    return frozenset(t.norm for p in voice_words(language).plural_titles for t in tokenize(p, language))


def both_spans(sentence: Sentence, words: VoiceWords) -> list[tuple[int, int]]:
    """Spans of the phrases for both sides together ("the two sides", 双方, стороны), but for one
    that ends on a title written in the singular: stems fold "the presidents" into "The President"
    and «политики» into «политик», and one person is not both sides; of a title written in the
    plural ("the ministers"); and of the speaker and the counterpart named as one subject
    (voice.toml `together`: 我和总统先生, "the President and I")."""
    plural = _plural_stems(words.language)
    out = []
    for start, end in phrase_spans(sentence, words.both, words.language):
        last = next((t for t in reversed(sentence.tokens) if t.end <= end), None)
        if last is not None and last.norm in plural and last.text.casefold() not in words.plural_titles:
            continue
        out.append((start, end))
    # a title written in the plural ("The ministers agreed", «Министры договорились»)
    out += [(t.start, t.end) for t in sentence.tokens if t.text.casefold() in words.plural_titles
            and not any(a <= t.start < b for a, b in out)]
    # the speaker and the counterpart named together ("我和总统先生都同意", «мы с Президентом»)
    out += [(sentence.start + m.start(), sentence.start + m.end()) for p in words.together for m in p.finditer(sentence.text)]
    return sorted(out)
