"""Numbers and dates as language-independent ids: "November", "ноября", "11月" -> "month:11".

Two readouts of one meeting in two languages share their figures and dates whatever the script:
"2023", "2023年" and "二〇二三年" are all "number:2023"; a month name in any supported language,
or a number followed by 月, is "month:N". Only numbers written as such count: Chinese numerals
inside words (一带一路, 一个中国) are formulas, not figures, and small number words ("two
sides", 双方) are in every readout, so they carry no evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.lang import all_languages
from viewer.model import Sentence

# Month names of every language (resources/lang/<code>/language.toml, [lists] months), matched
# by their first letters (case-folded, accents kept) where they are stems (Russian: every
# inflected form, "ноября", "ноябре", starts so), else whole.
_MONTHS: dict[str, tuple[str, ...]] = {lang.code: lang.months for lang in all_languages() if lang.months}
_RU_MAY = re.compile(r"ма[йяе]$")
_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMERAL = f"[{''.join(_ZH_DIGITS)}{''.join(_ZH_UNITS)}]+"
# A Chinese numeral is a figure only with a date word or a large unit after it (not in 一带一路).
_ZH_FIGURE = re.compile(rf"({_ZH_NUMERAL})(周年|年|月|日|号|万|亿)")
_ZH_MULTIPLIER = {"万": 10_000, "亿": 100_000_000}
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"\d{3}")
_MULTIPLIERS: dict[str, dict[str, float]] = {
    lang.code: lang.extra.get("numbers", {}).get("multipliers", {}) for lang in all_languages()}


def zh_numeral(text: str) -> int | None:
    """The value of a Chinese numeral: 十一 -> 11, 二〇二三 -> 2023, 三千五百 -> 3500."""
    if not text:
        return None
    if all(c in _ZH_DIGITS for c in text) and len(text) > 1:  # digit by digit, as in years
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    total = section = digit = 0
    for c in text:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        elif c in ("万", "亿"):
            section = (section + digit) * _ZH_UNITS[c]
            total += section
            section = digit = 0
        elif c in _ZH_UNITS:
            section += (digit or 1) * _ZH_UNITS[c]
            digit = 0
        else:
            return None
    return total + section + digit


def _number_id(value: float) -> str:
    return f"number:{int(value) if float(value).is_integer() else value}"


@lru_cache(maxsize=100_000)
def _month(word: str) -> int | None:
    """The month a word names: whole names in en/fr/es (English ones capitalised: "may" is a
    verb), Russian by stem ("ноября", "ноябре"). Cached: it is asked of every word of both texts."""
    w = word.casefold()
    if _RU_MAY.fullmatch(w):
        return 5
    for lang, names in _MONTHS.items():
        if lang == "en" and not word[:1].isupper():
            continue
        for k, name in enumerate(names):
            if (w.startswith(name) and k != 4) if lang == "ru" else w == name:
                return k + 1
    return None


def _multiplier(word: str, lang: str) -> float | None:
    """What a word after a number multiplies it by ("million", "млн", "万"); inflected forms
    count ("millones", "тысяч"), longer words do not ("militares" is no "mil")."""
    w = word.casefold()
    best = None
    for key, value in _MULTIPLIERS.get(lang, {}).items():
        if w.startswith(key) and len(w) - len(key) <= 3 and (best is None or len(key) > best[0]):
            best = (len(key), value)
    return best[1] if best else None


def figures(sentence: Sentence) -> set[str]:
    """The number and date ids of a sentence ("number:2023", "month:11"); a number with a
    multiplier word is its value ("45 million" and "4500万" are both 45000000), and thousands
    grouped by a plain space ("20 000") are one number."""
    found: set[str] = set()
    tokens = sentence.tokens
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if token.text[:1].isdigit() and _DIGITS.fullmatch(token.norm):
            value = float(token.norm)
            while (k + 1 < len(tokens) and _THOUSANDS.fullmatch(tokens[k + 1].text) and value == int(value)
                   and sentence.text[token.end - sentence.start : tokens[k + 1].start - sentence.start] == " "):
                k += 1
                value = value * 1000 + int(tokens[k].text)
                token = tokens[k]
            after = tokens[k + 1].text if k + 1 < len(tokens) else ""
            if after.startswith("月") and 1 <= value <= 12:
                found.add(f"month:{int(value)}")
            else:
                while k + 1 < len(tokens) and (factor := _multiplier(tokens[k + 1].text, sentence.language)):
                    value *= factor
                    k += 1
                found.add(_number_id(value))
        elif token.text[:1].isalpha():
            month = _month(token.text)
            if month is not None:
                found.add(f"month:{month}")
        k += 1
    for m in _ZH_FIGURE.finditer(sentence.text):
        found |= _zh_figure(m.group(1), m.group(2))
    return found


def _zh_figure(number: str, unit: str) -> set[str]:
    value = zh_numeral(number)
    if value is None:
        return set()
    if unit == "月":
        return {f"month:{value}"} if 1 <= value <= 12 else set()
    return {_number_id(value * _ZH_MULTIPLIER.get(unit, 1))}
