"""Russian lemmas: the dictionary form of a word, where a Snowball stem splits one word in two.

Snowball cuts endings by rule, so the forms a reader sees as one word part: "подчёркнуто" and
"подчеркнул" stem to "подчеркнут" and "подчеркнул", "договорились" and "договорённости" to
"договор" and "договорен"; a glossary term written as a lemma ("подчеркнуть") then meets neither.
pymorphy3 with the OpenCorpora dictionary (pymorphy3-dicts-ru) gives "подчеркнуть" for both
verb forms and "подчёркивание" for the noun. It loads in about 0.1 s and 20 MB, once per process,
on first use; a word costs tens of microseconds the first time and nothing after (cached).

The lemma is the matching form of the cross-language channel (viewer.align.glossary); Token.norm
stays the Snowball stem the lexicon and the one-language paths are tuned on. "ё" is folded to
"е" as in Token.norm, since texts write "партнерство" as often as "партнёрство".
"""

from __future__ import annotations

from functools import cache, lru_cache

from viewer.lang.script import HAN
from viewer.model import Token


@cache
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word, case-folded, "ё" as "е" (a word pymorphy3 does not
    know gets its guess from the word's ending, which is what a reader would guess too)."""
    w = word.casefold().replace("ё", "е")
    if not w.isalpha():
        return w
    return _analyzer().parse(w)[0].normal_form.replace("ё", "е")


def match_form(token: Token, lang: str) -> str:
    """The form a word is matched by across languages: the lemma of a Cyrillic word of a Russian
    text, Token.norm otherwise (a stem; simplified characters for Chinese)."""
    if lang == "ru" and not HAN.search(token.text) and _cyrillic(token.text):
        return lemma(token.text)
    return token.norm


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"
