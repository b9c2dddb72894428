"""Scripts and punctuation every stage agrees on: what a Han character is, what ends a sentence.

One definition each, so that the segmenter, the tokenizer, the word count of OUTPUT.md, the
lexicon and the brief's font choice never disagree about a character.
"""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A, the compatibility ideographs, and Extensions B to F.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
HAN = re.compile(f"[{HAN_RANGES}]")
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")
# Text set in an East Asian font: Han, CJK symbols and punctuation, kana, full-width forms.
EAST_ASIAN = re.compile(f"[{HAN_RANGES}\u2e80-\u2fff\u3000-\u30ff\u31f0-\u31ff\uff00-\uffef]")

# Punctuation that ends a sentence; the Chinese marks end one with no space after them.
SENTENCE_END = ".!?…。！？؟"
CJK_SENTENCE_END = "。！？"
# Punctuation after which a line goes on (a lead-in, a clause): not a heading, not a sentence end.
CLAUSE_END = ":：;；"
# Closing quotes and brackets stay with the sentence they close.
CLOSERS = "\"'”’»)]」』）〉》›"
# A text ends a sentence when its last mark (before closing quotes) is one of these.
ENDS_SENTENCE = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*$")
# A line that ends so is running text, not a heading: a sentence end or a lead-in ("said:").
ENDS_RUNNING_TEXT = re.compile(f"[{re.escape(SENTENCE_END + CLAUSE_END)}][{re.escape(CLOSERS)}]*$")


def is_han(ch: str) -> bool:
    return bool(HAN.match(ch))


def han_count(text: str) -> int:
    """Han characters in `text`: how OUTPUT.md counts the length of Chinese."""
    return len(HAN.findall(text))


def ends_sentence(text: str) -> bool:
    """True when `text` (stripped) ends with sentence-final punctuation, closing quotes allowed."""
    return bool(ENDS_SENTENCE.search(text.rstrip()))
