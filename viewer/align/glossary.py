"""The domain glossary: the vocabulary of diplomatic readouts as concepts keyed by an English pivot.

Files: resources/lang/<code>/glossary/<domain>.tsv, one concept a line,
`pivot<TAB>term | term | ...` ('#' starts a comment), the same pivots in every language:

    exchange of views	обменяться мнениями | обмен мнениями | состоялся обмен мнениями

A term matches a sentence when its words occur there in sequence, compared by their matching
form (Russian by lemma or by stem, viewer.text.lemmas; Snowball stems elsewhere) with function words
(stopwords.txt) skipped on both sides, so "обменялись мнениями" meets "обменяться мнениями"
and "exchanged views" meets "exchange of views". Chinese terms match by characters from the
start of a word to the end of one (中美 never inside 中美洲), 了 and 的 skipped. A term made of
function words only ("will", 将) matches those words as they stand.

Each word of a match carries the pivot ("gloss:exchange of views"): two sentences in any two
languages meet through the pivots their words share. CC-CEDICT glosses reach the same pivots
(`cedict_pivots`): a Chinese word outside the Chinese glossary whose gloss reads as one of the
English terms of a concept ("to consult" for 磋商, a "consultation" pivot) carries its pivot too.
"""

from __future__ import annotations

import re
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from viewer import cache as prebuilt
from viewer.errors import CounterpartError
from viewer.lang import all_languages, language
from viewer.lang.script import HAN
from viewer.lexicon import load_lexicon
from viewer.lexicon.lexicon import CONCEPTS
from viewer.lexicon.wordlists import stop_words
from viewer.model import Sentence, Token
from viewer.text.chinese import to_simplified
from viewer.text.lemmas import match_form
from viewer.text.tokens import normalize, tokenize

PIVOT = "gloss:"  # prefix of a pivot's concept id
MIN_HEAD = 3  # characters of the head of a Chinese compound term that reaches the term's concept
_SENSE = re.compile(r"\s*\([^)]*\)")  # "agreement (document)": the note tells senses apart


class GlossaryError(CounterpartError):
    """A glossary file that cannot be read: names the file and the line."""


Units = tuple[str, ...]


@dataclass(frozen=True)
class _Unit:
    key: str
    token: int  # index of the token in the sentence
    starts: bool  # the unit starts its token
    ends: bool  # the unit ends its token


class Glossary:
    """The terms of one language, indexed by their first unit, in each matching form."""

    def __init__(self, lang: str, entries: list[tuple[str, str]]):
        self.lang = lang
        self.pivots: set[str] = set()
        # (form, stop words skipped) -> term units -> pivots; and first unit -> the terms' lengths
        terms: dict[tuple[str, bool], dict[Units, set[str]]] = defaultdict(lambda: defaultdict(set))
        for pivot, term in entries:
            self.pivots.add(pivot)
            for form in _forms(lang):
                content, keys = _term_keys(term, lang, form)
                if keys:
                    terms[(form, content)][keys].add(pivot)
        if lang == "zh":
            for by_units in terms.values():
                _add_heads(by_units)
        # plain dicts: a built glossary is pickled into the cache folder (viewer.cache)
        self._terms = {index: dict(by_units) for index, by_units in terms.items()}
        self._lengths: dict[tuple[str, bool], dict[str, list[int]]] = {}
        for index, by_units in terms.items():
            lengths: dict[str, set[int]] = defaultdict(set)
            for units in by_units:
                lengths[units[0]].add(len(units))
            self._lengths[index] = {unit: sorted(sizes) for unit, sizes in lengths.items()}

    def __len__(self) -> int:
        return len(self.pivots)

    def match(self, sentence: Sentence) -> list[set[str]]:
        """Per token of the sentence, the pivots of the terms that cover it."""
        found: list[set[str]] = [set() for _ in sentence.tokens]
        for index, terms in self._terms.items():
            form, skip = index
            lengths = self._lengths[index]
            units = _units(sentence.tokens, self.lang, form, skip_stops=skip)
            keys = [u.key for u in units]
            for p, unit in enumerate(units):
                if not unit.starts:
                    continue
                for size in lengths.get(unit.key, ()):
                    end = p + size
                    if end <= len(units) and units[end - 1].ends:
                        pivots = terms.get(tuple(keys[p:end]))
                        if pivots:
                            for u in units[p:end]:
                                found[u.token] |= pivots
        return found


def _add_heads(terms: dict[Units, set[str]]) -> None:
    """A Chinese compound term that opens with another concept's term is reached by its head too:
    修宪全民投票 ("all-Russian vote") opens with 修宪 ("constitutional amendment"), so a text that
    writes 全民投票 alone reaches it. Heads of fewer than MIN_HEAD characters are too general
    (仪式 of 欢迎仪式), and a head that is itself a term keeps its own concept."""
    heads: dict[Units, set[str]] = defaultdict(set)
    for units, pivots in terms.items():
        for cut in range(1, len(units) - MIN_HEAD + 1):
            modifier, head = units[:cut], units[cut:]
            if modifier in terms and head not in terms and not terms[modifier] & pivots:
                heads[head] |= pivots
    for head, pivots in heads.items():
        terms[head] = pivots


def _term_keys(term: str, lang: str, form: str) -> tuple[bool, Units]:
    """(whether stop words were skipped, the units' keys) of one term. A Chinese term without a
    character that could be a function word is its characters as they stand: only the others
    (about a fifth) need segmenting, which keeps loading the glossary fast. A term of one content
word among function words ("in line with", "both countries", "быть заинтересованным") matches
them as written: "lines of communication" is not "in line with", nor "countries" "both countries"."""
    if HAN.search(term) and not any(c in _skipped(lang) for c in term):
        chars = tuple(c for c in to_simplified(term) if c.isalnum())
        return True, chars
    tokens = tokenize(term, lang)
    content = _units(tokens, lang, form, skip_stops=True)
    if len(content) == 1 and sum(any(c.isalnum() for c in t.text) for t in tokens) > 1:
        content = []  # "in line with", "both countries": the function words carry the sense
    units = content or _units(tokens, lang, form, skip_stops=False)
    return bool(content), tuple(u.key for u in units)


def _forms(lang: str) -> tuple[str, ...]:
    """The forms terms are matched by: Russian by lemma and by stem (measured on the corpus's Russian
    texts: lemmas find 'подчеркнул', 'провел', 'визитом' that stems miss, stems 'обсуждались',
    'традиционно' that lemmas miss; either alone covers 52-55% of the words, both 58%)."""
    return ("lemma", "stem") if lang == "ru" else ("stem",)


@cache
def _skipped(lang: str) -> frozenset[str]:
    """Function words a match steps over: the stop words, less the negation cues of the lexicon
    ("not share" is no "share", 不同意 no 同意)."""
    path = language(lang).path("lexicon.toml")
    cues = tomllib.loads(path.read_text(encoding="utf-8")).get("negation", {}).get("cues", []) if path else []
    return stop_words(lang) - {normalize(c, lang) for c in cues}


def _units(tokens: list[Token], lang: str, form: str, *, skip_stops: bool) -> list[_Unit]:
    """The units terms are matched by: one per word (its lemma or its stem), one per character of a
    Chinese word."""
    stops = _skipped(lang) if skip_stops else frozenset()
    out = []
    for k, t in enumerate(tokens):
        if t.norm in stops or not any(c.isalnum() for c in t.text):
            continue
        if HAN.search(t.norm):
            out.extend(_Unit(ch, k, n == 0, n == len(t.norm) - 1) for n, ch in enumerate(t.norm))
        else:
            out.append(_Unit(match_form(t, lang) if form == "lemma" else t.norm, k, True, True))
    return out


def parse(text: str, source: str) -> list[tuple[str, str]]:
    """(pivot, term) pairs of one glossary file; a malformed line raises GlossaryError."""
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        pivot, tab, rest = line.partition("\t")
        terms = [t.strip() for t in rest.split("|") if t.strip()]
        if not tab or not pivot.strip() or not terms:
            raise GlossaryError(f"{source}, line {n}: expected 'pivot<TAB>term | term ...'")
        out.extend((pivot.strip(), term) for term in terms)
    return out


def files(lang: str) -> list[Path]:
    folder = language(lang).path("glossary")
    return sorted(folder.glob("*.tsv")) if folder else []


# The code and libraries whose output a built glossary holds (lemmas, stems, segmented and
# simplified Chinese terms): a change to any of them rebuilds the cached one.
_BUILT_BY = ("viewer.align.glossary", "viewer.text", "viewer.lang", "viewer.model", "viewer.lexicon.wordlists",
             "pymorphy3", "pymorphy3_dicts_ru", "snowballstemmer", "Stemmer", "jieba", "opencc")


@cache
def glossary(lang: str) -> Glossary:
    """The glossary of `lang` (empty for a language without one), loaded once per process and
    kept built in the cache folder: lemmatising the Russian terms alone costs half a second, reading
    the built glossary back a tenth of that."""
    paths = files(lang)
    # the lexicons: their negation cues are never skipped, and their terms are words to jieba
    lexicons = [CONCEPTS, *(p for code in all_languages() if (p := code.path("lexicon.toml")))]
    stops = language(lang).path("stopwords.txt")
    key = (prebuilt.file_key([*paths, *lexicons, *([stops] if stops else [])]), prebuilt.code_key(_BUILT_BY))
    return prebuilt.cached(f"glossary-{lang}", key, lambda: _build(lang, paths))


def _build(lang: str, paths: list[Path]) -> Glossary:
    if lang == "zh":  # Chinese terms are segmented as the texts are: with the lexicon's words taught to jieba
        load_lexicon()
    entries = []
    for path in paths:
        entries.extend(parse(path.read_text(encoding="utf-8"), str(path)))
    return Glossary(lang, entries)


def load_time(langs: tuple[str, ...] = ("en", "fr", "es", "ru", "zh")) -> float:
    """Seconds to load the glossaries of `langs` in this process (0 for those already loaded)."""
    start = time.perf_counter()
    for lang in langs:
        glossary(lang)
    _english_terms()
    return time.perf_counter() - start


@cache
def _english_terms() -> dict[tuple[str, ...], frozenset[str]]:
    """Stemmed content words of each English term (and pivot) -> the pivots they name. A term whose
    function words carry its sense ("as stated by", "in the interests of") says more than its one
    content word: a gloss "state" (秩序) or "interest" (利益) is no rendering of it, so such a term
    reaches no gloss."""
    from viewer.align.dictionary import english_stems

    out: dict[tuple[str, ...], set[str]] = defaultdict(set)
    entries = [e for path in files("en") for e in parse(path.read_text(encoding="utf-8"), str(path))]
    for pivot, term in entries + [(p, _SENSE.sub("", p)) for p, _ in entries]:
        stems = english_stems(term)
        if stems and (len(stems) > 1 or len(term.split()) <= 2):
            out[stems].add(pivot)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=50_000)
def cedict_pivots(word: str) -> frozenset[str]:
    """Pivots a Chinese word reaches through its CC-CEDICT glosses: a gloss that reads as one of
    a concept's English terms ("to hold talks" -> "talks"); single characters are too ambiguous."""
    from viewer.align.dictionary import gloss_senses

    if len(word) < 2:
        return frozenset()
    terms = _english_terms()
    return frozenset(p for sense in gloss_senses(word) for p in terms.get(sense, ()))
