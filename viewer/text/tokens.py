"""Words with their spans and the normalised form used for matching.

Every stage that compares words (alignment, lexicon, distinctive vocabulary) goes through
`normalize`, so a lexicon term and a text word meet in the same form: case-folded, then
stemmed by Snowball for inflected languages (Russian cases, French agreement), and for Chinese
folded to simplified characters so that traditional and simplified text match as one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from viewer.model import Token
from viewer.text import chinese

# Snowball has no Ukrainian stemmer; its Russian rules are close enough for matching endings.
_STEMMER_NAMES = {
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "uk": "russian",
    "es": "spanish",
    "de": "german",
    "it": "italian",
    "pt": "portuguese",
    "ar": "arabic",
}

# Acronyms written with dots ("U.S.", "U.N.") stay one word; numbers keep their separators;
# otherwise a word is a run of letters/digits, joined across an inner hyphen only for Latin
# compounds handled by the stemmer word by word (so "people-to-people" gives three words).
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:]\d+)*|[^\W_]+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    name = _STEMMER_NAMES.get(lang)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=200_000)
def normalize(word: str, lang: str) -> str:
    """The matching form of one word in `lang`."""
    if _HAN.search(word):
        return chinese.to_simplified(word)
    w = word.casefold().replace("ё", "е").replace("’", "'")
    if "." in w and not w[0].isdigit():
        w = w.replace(".", "")
    stemmer = _stemmer(lang)
    if stemmer is not None and w.isalpha():
        return stemmer.stemWord(w)
    return w


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; spans are shifted by `offset` so they point into the whole readout."""
    if lang == "zh" or _HAN.search(text):
        return [
            Token(w, offset + s, offset + e, normalize(w, lang))
            for w, s, e in chinese.words(text)
        ]
    return [
        Token(m.group(), offset + m.start(), offset + m.end(), normalize(m.group(), lang))
        for m in _WORD.finditer(text)
    ]
