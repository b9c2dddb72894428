"""Proper names across Latin and Cyrillic script, as concepts: "Hale" and "Хейл", "Geneva" and
"Женеве", "Margaret" and "Маргарет".

The lexicon knows the leaders and the countries, not the minister of the week or the city the
talks were held in, yet these are what tie the two sentences reporting the meeting itself.
Russian spells a foreign name by its sound, so the Cyrillic word is transliterated (anyascii),
the spelling conventions that differ between the two directions are folded ("kh" is English
"h", "zh" and "dzh" are "j", Pinyin's final "ng" is Russian "н"), and what remains is compared
by its consonants in sound classes, Soundex-like: vowels and "y" vary, the consonants do not.

A name is a capitalised word outside the lexicon's matches, not an acronym, not only at the
start of a sentence (there every word is capitalised). Keys are kept only when one side writes
the name in Latin and the other in Cyrillic: a name written alike on both sides is already
shared by the words, and a key that only one side has would be noise.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from viewer.model import Sentence

# Spelling conventions of the two directions folded to one letter, longest first.
_FOLD = (("dzh", "j"), ("kh", "h"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("th", "t"),
         ("ph", "f"), ("ck", "k"), ("ts", "s"))
_CLASS = {**dict.fromkeys("bfpvw", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
          "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}
_FINAL_NG = re.compile(r"ng$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIN_KEY = 2  # a name of one consonant class ("Wei", "Си") matches too much to count


def name_key(norm: str) -> str | None:
    """Consonant-class key of a name's normalised form, in either script; None when too short."""
    if norm.isascii():
        latin = norm.lower()
    else:
        from anyascii import anyascii  # with importlib.resources, tempfile, shutil: for other scripts only

        latin = anyascii(norm).lower()
    for spelled, folded in _FOLD:
        latin = latin.replace(spelled, folded)
    latin = _FINAL_NG.sub("n", latin)
    key = "7" if latin.startswith("h") else ""  # an initial h is heard (Hale, Хейл); elsewhere not
    for ch in latin:
        c = _CLASS.get(ch)
        if c and not key.endswith(c):
            key += c
    return key if len(key) >= MIN_KEY else None


def cross_script_names(a: Sequence[Sentence], b: Sequence[Sentence]) -> tuple[list[set[str]], list[set[str]]]:
    """Per sentence of each side, "name:<Latin spelling>" concepts for the names that one side
    writes in Latin and the other in Cyrillic; empty sets when the sides share their script."""
    if not any(_CYRILLIC.search(s.text) for s in (*a, *b)):  # no name can cross: skip the walk over every word
        return [set() for _ in a], [set() for _ in b]
    found_a, found_b = _names(a), _names(b)
    scripts: dict[str, tuple[set[bool], set[bool]]] = defaultdict(lambda: (set(), set()))
    spelling: dict[str, str] = {}  # key -> its Latin spelling, the concept's readable id
    for side, found in enumerate((found_a, found_b)):
        for names in found:
            for key, cyrillic, text in names:
                scripts[key][side].add(cyrillic)
                if not cyrillic:
                    spelling.setdefault(key, text)
    crossing = {k for k, (in_a, in_b) in scripts.items()
                if (True in in_a and False in in_b) or (False in in_a and True in in_b)}
    return ([{f"name:{spelling[k]}" for k, _, _ in names if k in crossing} for names in found_a],
            [{f"name:{spelling[k]}" for k, _, _ in names if k in crossing} for names in found_b])


def _names(sentences: Sequence[Sentence]) -> list[set[tuple[str, bool, str]]]:
    """(key, written in Cyrillic, text) of each sentence's names."""
    inner = {t.norm for s in sentences for t in s.tokens[1:] if _capitalised(t.text)}
    out = []
    for s in sentences:
        matched = [(h.start, h.end) for h in s.hits]
        names = set()
        for k, t in enumerate(s.tokens):
            if not _capitalised(t.text) or (k == 0 and t.norm not in inner):
                continue
            if any(start <= t.start < end for start, end in matched):
                continue
            cyrillic = bool(_CYRILLIC.search(t.text))
            # Russian declines names: "Орлов" loses its "ов" to the stemmer, "Хейлом" keeps "ом" unstemmed
            for form in {t.text.casefold(), t.norm} if cyrillic else {t.text.casefold()}:
                key = name_key(form)
                if key:
                    names.add((key, cyrillic, t.text))
        out.append(names)
    return out


def _capitalised(word: str) -> bool:
    return len(word) > 2 and word.isalpha() and word[0].isupper() and not word.isupper()
