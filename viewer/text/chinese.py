"""Chinese word units and script folding.

jieba segments (its dictionary loads once, lazily, about 0.5 s); opencc folds traditional to
simplified so that a Hong Kong reprint and a Beijing original match as one language. jieba's
dictionary is simplified, so traditional text is segmented in its simplified form and the
spans are mapped back (t2s keeps one character for one character).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from viewer.lang.script import HAN, HAN_RANGES

_HAN_ANY = HAN
_HAN_ONLY = re.compile(f"[{HAN_RANGES}]{{2,}}")
_HAN_OR_WORD = re.compile(f"[{HAN_RANGES}]|[^\\W_]", re.UNICODE)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


# Words taught before jieba is loaded wait here: loading its dictionary costs about 1 s, which an
# English pair (the demo at launch) never needs.
_pending: list[str] = []


_CHUNKS = 64  # pieces of jieba's prefix dictionary, each read back in a few milliseconds


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    _load_dictionary(jieba.dt)
    _teach(jieba, _pending)
    _pending.clear()
    return jieba


def _load_dictionary(tokenizer) -> None:
    """jieba's prefix dictionary from our cache in pieces: jieba's own loader is one marshal call
    of about 0.6 s that holds the interpreter lock, so a window analysing in a worker thread
    froze while it ran; piece by piece, the window's thread gets its turns in between."""
    import marshal
    from pathlib import Path

    import jieba

    from viewer.cache import cached, code_key, file_key

    def build() -> tuple[list[bytes], int]:
        tokenizer.initialize()  # jieba's own way, once: then kept in pieces
        items = list(tokenizer.FREQ.items())
        size = -(-len(items) // _CHUNKS)
        return [marshal.dumps(dict(items[k : k + size])) for k in range(0, len(items), size)], tokenizer.total

    dictionary = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    chunks, total = cached("jieba-dictionary", (file_key([dictionary]), code_key(["jieba"])), build)
    if tokenizer.initialized:
        return
    freq: dict[str, int] = {}
    for chunk in chunks:
        freq.update(marshal.loads(chunk))
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True


def _teach(jieba, terms: Iterable[str]) -> None:
    for word in (to_simplified(t) for t in terms):
        if _HAN_ONLY.fullmatch(word) and word not in jieba.dt.FREQ:
            jieba.add_word(word)


def add_words(terms: Iterable[str]) -> None:
    """Teach jieba names and terms it does not know, so a lexicon term is one word unit and a
    match can start and end on word boundaries: without it jieba cuts 布林肯 as 布/林肯 and glues
    同王毅. Terms are added in simplified form (jieba segments the simplified text) with the
    frequency jieba suggests to keep them whole; texts segmented before this call may be cut
    differently, so callers load the lexicon before segmenting. Until jieba is first needed the
    terms only wait in a list (folded and taught when it loads)."""
    if _jieba.cache_info().currsize:
        _teach(_jieba(), terms)
    else:
        _pending.extend(terms)


@lru_cache(maxsize=100_000)
def to_simplified(text: str) -> str:
    # opencc walks every character; text without Han characters (an English sentence) is its own answer
    if not _HAN_ANY.search(text):
        return text
    return _converter().convert(text)


def is_traditional(text: str) -> bool:
    """True when folding to simplified changes a noticeable share of the Han characters."""
    han = HAN.findall(text)
    if not han:
        return False
    sample = "".join(han[:3000])
    changed = sum(1 for x, y in zip(sample, to_simplified(sample), strict=False) if x != y)
    return changed / len(sample) > 0.03


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for each word unit; punctuation and spaces are skipped."""
    simplified = to_simplified(text)
    source = simplified if len(simplified) == len(text) else text
    for word, start, end in _jieba().tokenize(source):
        if _HAN_OR_WORD.search(word):
            yield text[start:end], start, end
