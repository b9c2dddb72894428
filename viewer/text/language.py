"""Which language a readout is written in.

Script decides first, because it is certain and free: Han -> zh (unless kana says ja),
Hangul -> ko, Arabic -> ar (fa when Persian letters show), Cyrillic -> ru or uk (uk has
і ї є ґ, ru has ы э ъ ё, plus a few function words of each). Only Latin text needs a real
guess, and for it a profile of function words is enough: benchmarks/measure_splitters.py
(`--languages`) measured it on 35 texts of 1 to 3 sentences in en fr es de it pt ru uk zh ar:
    this profile                 33/35  load 0.1 s    +4 MB   0.1 ms a text
    lingua (10 languages)        35/35  load 0.5 s  +222 MB  ~50 ms a text
    py3langid                    33/35  load 0.9 s  +119 MB  (missed traditional Chinese)
The profile's two misses are three-word headlines with no function word ("Colloqui a
Ginevra."); a readout is detected as a whole, where function words abound, so the profile
wins. The same word lists tell the sentence splitter which capitalised words start a
sentence ("the U.S. The ...").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from viewer.lang import all_languages
from viewer.lang.script import HAN_RANGES

# Function words by language (resources/lang/<code>/language.toml, `profile`): common enough to
# show up in one sentence, and (weighted by how many languages share them) distinctive enough to
# tell the Latin-script languages apart.
STOPWORDS: dict[str, frozenset[str]] = {lang.code: lang.profile for lang in all_languages() if lang.profile}
# English first: it is the guess when nothing else scores, and wins a tie.
LATIN_LANGUAGES = tuple(sorted((lang.code for lang in all_languages() if lang.profile and lang.script == "latin"),
                               key=lambda code: code != "en"))


# Letters that belong to one Latin-script language of the six (or nearly so).
_LATIN_LETTERS = {
    "ñ": "es", "¿": "es", "¡": "es",
    "ß": "de", "ä": "de", "ö": "de", "ü": "de",
    "ã": "pt", "õ": "pt",
    "ç": "fr", "è": "fr", "ê": "fr", "î": "fr", "û": "fr", "œ": "fr", "ë": "fr",
    "ò": "it", "ì": "it",
}

_SCRIPTS = {
    "han": re.compile(f"[{HAN_RANGES}]"),
    "kana": re.compile(r"[\u3040-\u30ff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
}
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile(r"[ыэъёЫЭЪЁ]")
_PERSIAN_LETTERS = re.compile(r"[پچژگ]")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# Enough text to be sure, little enough to stay fast on a book-length input.
_SAMPLE = 20_000

# Words shared by several profiles count for less: "de" says little, "the" says English.
_WEIGHT: dict[str, float] = {}
for _words in STOPWORDS.values():
    for _w in _words:
        _WEIGHT[_w] = 0.0
for _w in _WEIGHT:
    _WEIGHT[_w] = 1.0 / sum(1 for ws in STOPWORDS.values() if _w in ws)


def script_counts(text: str) -> Counter[str]:
    """Letters of each script in `text`."""
    return Counter({name: len(rx.findall(text)) for name, rx in _SCRIPTS.items()})


@cache
def other_script_pattern(script: str) -> re.Pattern[str]:
    """Letters of any script but `script`: a cheap test before counting them all (compiled on first use)."""
    return re.compile("|".join(rx.pattern for name, rx in _SCRIPTS.items() if name != script))


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    name, n = counts.most_common(1)[0]
    return name if n else None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "und" when there is nothing to go by."""
    sample = text[:_SAMPLE]
    counts = script_counts(sample)
    script, n = counts.most_common(1)[0]
    if not n:
        return "und"
    if script == "han" or script == "kana":
        # Japanese mixes kanji with kana; Chinese has no kana at all.
        return "ja" if counts["kana"] > 0.05 * (counts["han"] + counts["kana"]) else "zh"
    if script == "cyrillic":
        return _cyrillic(sample)
    if script == "arabic":
        return "fa" if len(_PERSIAN_LETTERS.findall(sample)) > 0.01 * n else "ar"
    if script == "latin":
        return _latin(sample)
    return {"hangul": "ko", "greek": "el", "hebrew": "he"}[script]


def _cyrillic(text: str) -> str:
    words = Counter(w.casefold() for w in _WORD.findall(text))
    uk = 3 * len(_UK_LETTERS.findall(text)) + _profile_score(words, "uk")
    ru = 3 * len(_RU_LETTERS.findall(text)) + _profile_score(words, "ru")
    return "uk" if uk > ru else "ru"


def _latin(text: str) -> str:
    words = Counter(w.casefold() for w in _WORD.findall(text))
    scores = {lang: _profile_score(words, lang) for lang in LATIN_LANGUAGES}
    for ch in text.casefold():
        lang = _LATIN_LETTERS.get(ch)
        if lang is not None:
            scores[lang] += 0.5
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > 0 else "en"


def _profile_score(words: Counter[str], lang: str) -> float:
    return sum(n * _WEIGHT[w] for w, n in words.items() if w in STOPWORDS[lang])
