"""Words with their spans and the normalised form used for matching.

Every stage that compares words (alignment, lexicon, distinctive vocabulary) goes through
`normalize`, so a lexicon term and a text word meet in the same form: case-folded, then
stemmed by Snowball for inflected languages (Russian cases, French agreement), and for Chinese
folded to simplified characters so that traditional and simplified text match as one.
The stemmer follows the word's own script, not only the text's language: a Russian name quoted
in an English readout is stemmed as Russian, "NATO" in a Russian one as English.
Numbers meet in one form too: "1,000", "1.000" and "1 000" are 1000, "3,5" is 3.5; French
elided articles in their full form ("l'" is "le").
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from operator import attrgetter

import snowballstemmer

from viewer.lang import all_languages, language
from viewer.lang.script import HAN as _HAN
from viewer.lang.script import HAN_RUN as _HAN_RUN
from viewer.model import Sentence, Token
from viewer.text import chinese

# Stemmers by language from resources/lang/<code>/language.toml (Snowball has no Ukrainian
# stemmer; its Russian rules are close enough for matching endings, so uk names "russian").
_LATIN_STEMMED = frozenset(lang.code for lang in all_languages() if lang.stemmer and lang.script == "latin")

# Acronyms written with dots ("U.S.", "U.N.") stay one word; numbers keep their separators
# (and French thousands written with a no-break space, "1 000"); otherwise a word is a run of
# letters/digits, so inner hyphens and apostrophes split it: "people-to-people" gives three words.
_WORD_PATTERN = r"(?:[^\W\d_]\.){2,}|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,:]\d+)*|[^\W_]+"
_WORD = re.compile(_WORD_PATTERN)
# French elisions are words of their own, apostrophe included, and match their full form:
# "l'accord" -> "l'" (le) + "accord", "qu'il" -> "qu'" (que) + "il".
_ELIDED = {"l'": "le", "d'": "de", "qu'": "que", "j'": "je", "n'": "ne", "s'": "se", "c'": "ce",
           "m'": "me", "t'": "te", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque"}
_WORD_FR = re.compile(r"(?i:jusqu|lorsqu|puisqu|qu|[cdjlmnst])['’](?=[^\W\d_])|" + _WORD_PATTERN)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_NUMBER_GROUPS = re.compile(r"[.,\u00a0\u202f]")


@cache
def _stemmer(lang: str):
    name = language(lang).stemmer
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def normalize(word: str, lang: str) -> str:
    """The matching form of one word in `lang` (a word in another script uses that script's)."""
    if _HAN.search(word):
        return chinese.to_simplified(word)
    if word[:1].isdigit():
        return _number(word)
    w = word.casefold().replace("ё", "е").replace("’", "'")
    if w in _ELIDED:
        return _ELIDED[w]
    if "." in w:
        w = w.replace(".", "")
    stemmer = _stemmer(_stemming_language(w, lang))
    if stemmer is not None and w.isalpha():
        return stemmer.stemWord(w)
    return w


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; spans are shifted by `offset` so they point into the whole readout.

    Runs of Han characters go to jieba; everything else (Latin names, numbers, "G20") to the
    word pattern, so a number in Chinese text is one token as it is in English.
    """
    if not _HAN.search(text):
        return _words(text, 0, len(text), lang, offset)
    tokens: list[Token] = []
    pos = 0
    for run in _HAN_RUN.finditer(text):
        tokens.extend(_words(text, pos, run.start(), lang, offset))
        base = offset + run.start()
        tokens.extend(
            Token(w, base + s, base + e, normalize(w, lang)) for w, s, e in chinese.words(run.group())
        )
        pos = run.end()
    tokens.extend(_words(text, pos, len(text), lang, offset))
    return tokens


# Keys to bisect a sentence's tokens (they are in text order) by offset, at C speed.
token_start = attrgetter("start")
token_end = attrgetter("end")


def token_range(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """Indexes [lo, hi) of the tokens lying inside the text offsets [start, end)."""
    lo = bisect.bisect_left(tokens, start, key=token_start)
    return lo, bisect.bisect_right(tokens, end, lo=lo, key=token_end)


def tokens_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens lying inside the text offsets [start, end): a slice, found by bisection."""
    lo, hi = token_range(tokens, start, end)
    return tokens[lo:hi]


def words_within(sentence: Sentence, start: int, end: int) -> int:
    """Words (tokens holding a letter or digit) of a stretch of a sentence, from its running counts."""
    lo, hi = token_range(sentence.tokens, start, end)
    return sentence.words_before[hi] - sentence.words_before[lo]


def _words(text: str, start: int, end: int, lang: str, offset: int) -> list[Token]:
    return [
        Token(m.group(), offset + m.start(), offset + m.end(), normalize(m.group(), lang))
        for m in (_WORD_FR if lang == "fr" else _WORD).finditer(text, start, end)
    ]


def _stemming_language(word: str, lang: str) -> str:
    if _CYRILLIC.match(word):
        return lang if lang in ("ru", "uk") else "ru"
    if _ARABIC.match(word):
        return "ar"
    if word[:1].isascii() or "\u00c0" <= word[:1] <= "\u024f":
        return lang if lang in _LATIN_STEMMED else "en"
    return lang


def _number(word: str) -> str:
    """One form for a number however it is grouped: "1,000" == "1.000" == "1 000" -> "1000".

    A separator followed by exactly three digits groups thousands; a single other separator
    is the decimal mark ("3,5" -> "3.5"); anything else (times, dates) stays as written.
    """
    groups = _NUMBER_GROUPS.split(word)
    if len(groups) == 1:
        return word
    if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return "".join(groups)
    if len(groups) == 2 and ":" not in word:
        return f"{groups[0]}.{groups[1]}"
    return word
