"""Sentence spans inside a paragraph: a rule-based splitter with per-language abbreviations.

Why rules of our own: benchmarks/measure_splitters.py runs pysbd (per paragraph), razdel,
sentencex, syntok and these rules over tricky sentences in en/fr/ru/zh/es written for it
(initials "В.В. Путин", "т.д.", "г.", "U.S.", "p. ex.", "art. 5", "M. Wang", closing quotes
after the full stop, Chinese without spaces, headings) and over 10,000 and 100,000 words.
Measured (exact splits of 35 cases; seconds for 10,000 / 100,000 words paragraph by
paragraph; one 10,000-word Russian string without paragraphs):
    these rules  35/35               0.02 s / 0.32 s   0.03 s
    sentencex    26/35 (ru 6/10)     0.00 s / 0.02 s   0.00 s
    pysbd        22/35 (ru 4/10)     0.40 s / 3.00 s  25.9 s (superlinear)
    razdel       20/35 (zh 1/5)      0.02 s / 0.28 s   0.03 s
    syntok       20/35 (zh 1/5)      0.07 s / 0.78 s   0.12 s
The libraries split after initials ("В.В."), "т.д.," or "p. ex.", or lose the closing quote
of Chinese and French quotations; none handles headings on lines of their own. One pass of
one regex over the text, with a constant look-back and look-ahead at each full stop, keeps
the rules linear.

The rules, in order, at each run of terminal punctuation (with any closing quotes or brackets,
which stay with the sentence they close):
- 。！？ and …… end a sentence with no space needed (Chinese has none);
- otherwise a sentence ends only before whitespace;
- ! ? … and a full stop followed by a closing quote or bracket end it, except before a lower-case
  word (after any opening quote, bracket or dash: '"Really?" he asked');
- a full stop before a lower-case word ends it after an ordinary word ("... in Cairo. al-Sisi
  said", "iPhone", "e-commerce"), never after initials, a title or an abbreviation ("U.S.
  officials", "etc. and", "т.д. и");
- a full stop after initials or a dotted acronym ("С.В.", "U.S.", "M.") ends it only when the
  next word is a function word that starts sentences ("the U.S. The two sides");
- a full stop after a title of the language ("Mr.", "г. Москва") never ends it; after a prefix of a number
  ("No. 5", "art. 5", "ст. 5") not before a digit; after any other abbreviation ("etc.",
  "1990 г.", "гг.") it ends it before a capitalised word.
"""

from __future__ import annotations

import re

from viewer.lang import all_languages
from viewer.lang.script import CJK_SENTENCE_END, CLOSERS, ENDS_RUNNING_TEXT, HAN, HAN_RANGES, SENTENCE_END
from viewer.text.language import STOPWORDS

_CLOSERS = CLOSERS
_OPENERS = "\"'“‘«„(\\[「『（〈《‹¿¡—–-•*"
# French sets a space inside « » ("prêts. »"): an unambiguous closer after a space still closes.
_TERMINAL = re.compile(
    r"(?:……|[" + re.escape(SENTENCE_END) + r"])+(?:[" + re.escape(_CLOSERS) + r"]|[ \u00a0\u202f][»”)\]」』）])*"
)
_CJK_END = re.compile(f"[{CJK_SENTENCE_END}]|……")
_HAN = HAN
_WORD_TAIL = re.compile(f"[^\\s{HAN_RANGES}]*\\Z")  # the run of characters before a stretch's end, to a space or Han
_FINAL = ENDS_RUNNING_TEXT
_WORD_CHAR = re.compile(r"[^\W_]")
_ELISION = re.compile(r"^.*['’]")  # "l'art" -> "art"
_COMPOUND = re.compile(r"[-–/]")

# The abbreviations of every language (resources/lang/<code>/language.toml, [sentences]), keyed
# without dots, case-folded; two-part ones ("p. ex.", "т. е.") joined. Titles (and connectors
# such as "vs.") are followed by more of the sentence, so they never end one: by language,
# because some are words elsewhere (French "Me" for Maître is English "me"); English titles
# ("Mr.", "Dr.") hold in every language. Single letters ("г. Москва", "M. Wang") are handled
# as initials before these lists are read. Number prefixes ("No. 5", "ст. 5") and the other
# abbreviations hold in every language: a quoted "etc." in a French text is still one.
_TITLES: dict[str, frozenset[str]] = {lang.code: lang.titles for lang in all_languages() if lang.titles}
_NUMBER_PREFIXES = frozenset().union(*(lang.number_prefixes for lang in all_languages()))
_ABBREVIATIONS = frozenset().union(*(lang.abbreviations for lang in all_languages()))
_DOTTED_ACRONYMS = frozenset().union(*(lang.dotted_acronyms for lang in all_languages()))
_ANY_STOPWORD = frozenset().union(*STOPWORDS.values())


def sentence_spans(text: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text[start:end], whitespace stripped, in order."""
    end = len(text) if end is None else end
    starters = STOPWORDS.get(lang, _ANY_STOPWORD)
    spans: list[tuple[int, int]] = []
    sentence_start = start
    seen_word, checked = False, start  # a word since sentence_start? (known up to `checked`)
    for m in _TERMINAL.finditer(text, start, end):
        if not seen_word:
            seen_word = bool(_WORD_CHAR.search(text, checked, m.start()))
            checked = m.end()
        # Punctuation with no word before it ("... Next") opens the next sentence instead.
        if seen_word and _ends_sentence(text, m, end, lang, starters, sentence_start):
            _append(text, spans, sentence_start, m.end())
            sentence_start = checked = m.end()
            seen_word = False
    _append(text, spans, sentence_start, end)
    return spans


def is_heading(text: str) -> bool:
    """A short line without final punctuation: a title, a heading, a list item."""
    return len(text) <= 150 and len(text.split()) <= 20 and not _FINAL.search(text)


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    if spans and not _WORD_CHAR.search(text, start, end):
        # A stray "..." or "»" after the last sentence: keep it with that sentence.
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def _ends_sentence(
    text: str, m: re.Match[str], limit: int, lang: str, starters: frozenset[str], sentence_start: int
) -> bool:
    mark = m.group()
    after = m.end()
    if _CJK_END.search(mark):
        return True
    if after < limit and not text[after].isspace():
        # "U.S.-China", "3.5", "В.В.Путин": no space, no end; except ASCII ?! before Chinese.
        return mark.rstrip(_CLOSERS)[-1] in "!?" and bool(_HAN.match(text, after))
    nxt = _next_word(text, after, limit)
    if not nxt:
        return True
    if mark.rstrip(_CLOSERS) != "." or mark[-1] in _CLOSERS:
        # '"Really?" he asked', '"Ready." she said': a lower-case word goes on the quotation.
        return not nxt[0].islower()
    before = _word_before(text, m.start())
    key = _ELISION.sub("", before.replace(".", "").casefold())
    previous = _word_before(text, m.start() - len(before) - 1)
    pair = previous.replace(".", "").casefold() + key if previous.endswith(".") else key
    last = _COMPOUND.split(before)[-1]  # "China-U.S." ends on initials as "U.S." does
    initials = pair in _DOTTED_ACRONYMS or last and all(len(p) == 1 and p.isalpha() for p in last.split("."))
    title = key in _TITLES.get(lang, frozenset()) or pair in _TITLES.get(lang, frozenset()) or key in _TITLES["en"]
    if nxt[0].islower():
        # After initials, a title or an abbreviation a lower-case word goes on ("U.S. officials",
        # "e.g. the", "etc. and", "т.д. и", "approx. five"); after any other word it starts the
        # next sentence ("... in Cairo. al-Sisi said", "... exports. iPhone sales").
        abbreviated = key in _ABBREVIATIONS or pair in _ABBREVIATIONS or key in _NUMBER_PREFIXES
        return bool(key) and not (initials or title or abbreviated)
    if initials:
        if before.islower():
            # "т.д. Стороны" and "в 2021 г. Стороны" end; "e.g. China", "г. Москва" go on.
            return (
                key in _ABBREVIATIONS
                or pair in _ABBREVIATIONS
                or (key == "г" and _previous_is_number(text, m.start() - len(before)))
            ) and _long_enough(text, sentence_start, m.start())
        # Initials or a dotted acronym: "С.В. Лавров" goes on, "the U.S. The two sides" ends.
        word = nxt.rstrip(".")
        return nxt[-1] != "." and len(word) > 1 and word.casefold() in starters
    if title:
        return False
    if nxt[0].isdigit():
        # "No. 5", "Sept. 17": the number belongs to the abbreviation.
        return key not in _NUMBER_PREFIXES and key not in _ABBREVIATIONS
    if lang == "de" and before.isdigit() and len(before) <= 2:
        # German ordinals: "am 3. Oktober".
        return False
    return key not in _ABBREVIATIONS or _long_enough(text, sentence_start, m.start())


def _long_enough(text: str, start: int, end: int) -> bool:
    """More than three words: "В 2020–2021 гг." alone opens a sentence, it is not one."""
    return len(text[start:min(end, start + 400)].split(maxsplit=3)) > 3


def _next_word(text: str, pos: int, limit: int) -> str:
    """The next word after `pos`, past whitespace and opening quotes, brackets and dashes."""
    while pos < limit and (text[pos].isspace() or text[pos] in _OPENERS):
        pos += 1
    stop = pos
    limit = min(limit, pos + 40)  # a word, not the rest of a Chinese paragraph
    while stop < limit and not text[stop].isspace():
        stop += 1
    return text[pos:stop].rstrip(_CLOSERS + ",;:")


def _word_before(text: str, pos: int) -> str:
    """The word that ends at `pos` (the terminal full stop): back to a space or a Han character,
    40 characters at most."""
    m = _WORD_TAIL.search(text, max(0, pos - 40), pos)
    return text[m.start() if m else pos : pos].lstrip(_OPENERS)


def _previous_is_number(text: str, word_start: int) -> bool:
    word = _word_before(text, word_start - 1).rstrip(".")
    return bool(word) and word[-1].isdigit()
