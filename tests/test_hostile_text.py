"""Texts built to be slow: no full stop for thousands of words, Chinese without punctuation,
passages that share nothing. The work must grow linearly with the text (counted, never timed)."""

from __future__ import annotations

import random

import pytest

from viewer import wording
from viewer.analysis import compare
from viewer.model import Readout
from viewer.text import segment
from viewer.text.sentence_limit import MAX_SENTENCE_CHARS, cap_lengths
from viewer.wording import DiffBudget, diff_units, word_diff

WORDS = "the two sides discussed trade security climate cooperation and regional matters with partners".split()
HAN = "中美双方就经贸合作气候变化地区安全问题交换了意见两国元首通话"


def no_full_stop(words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words))


def no_punctuation_zh(chars: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(HAN) for _ in range(chars))


@pytest.mark.parametrize("text", [no_full_stop(5_000, 1), no_punctuation_zh(3_000, 2),
                                  "word, " * 2_000, "e\u0301" * 3_000])
def test_no_sentence_is_longer_than_the_limit_and_no_text_is_lost(text):
    doc = segment(Readout(text=text))
    assert len(doc.sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in doc.sentences)
    rebuilt = "".join(s.text for s in doc.sentences)
    assert "".join(rebuilt.split()) == "".join(text.split())


def test_a_long_sentence_is_cut_at_its_clauses_into_pieces_of_about_equal_length():
    clause = "the ministers discussed trade and climate at length"
    text = ", ".join([clause] * 60) + "."
    spans = cap_lengths(text, [(0, len(text))], limit=1000)
    pieces = [text[s:e] for s, e in spans]
    assert all(p.endswith((",", ".")) for p in pieces)
    assert max(map(len, pieces)) - min(map(len, pieces)) < 400  # the last one is no stub
    assert " ".join(pieces) == text


def test_cuts_never_separate_a_letter_from_its_accent():
    text = "e\u0301" * 1_500
    for s, _ in cap_lengths(text, [(0, len(text))]):
        assert text[s] == "e"


def test_short_sentences_are_left_alone():
    spans = [(0, 10), (11, 900)]
    assert cap_lengths("x" * 900, spans) is spans


def _diff_work(monkeypatch, a: str, b: str) -> int:
    budgets: list[tuple[DiffBudget, int]] = []
    made = DiffBudget.for_size.__func__

    def counted(cls, size):
        budget = made(cls, size)
        budgets.append((budget, budget.left))
        return budget

    monkeypatch.setattr(DiffBudget, "for_size", classmethod(counted))
    compare(Readout(a, label="A"), Readout(b, label="B"))
    return sum(start - budget.left for budget, start in budgets)


def test_diff_work_grows_linearly_with_a_sentence_without_full_stop(monkeypatch):
    small = _diff_work(monkeypatch, no_full_stop(1_000, 3), no_full_stop(1_000, 4))
    large = _diff_work(monkeypatch, no_full_stop(4_000, 3), no_full_stop(4_000, 4))
    assert 0 < large < 6 * small  # four times the text: linear is 4, the old quadratic 16


def test_a_diff_stops_at_its_budget_and_still_rebuilds_both_texts():
    a, b = no_full_stop(3_000, 5), no_full_stop(3_000, 6)
    budget = DiffBudget(50_000)
    ops = word_diff(a, b, "en", budget)
    assert budget.left < 0  # spent: the full diff of two unrelated texts needs millions of steps
    assert "".join(t for op, t in ops if op <= 0) == a
    assert "".join(t for op, t in ops if op >= 0) == b


def test_a_spent_budget_keeps_the_common_start_and_end():
    spent = DiffBudget(0)
    ops = diff_units(list("abcXYZdef"), list("abcQRdef"), budget=spent)
    assert ops == [(0, list("abc")), (-1, list("XYZ")), (1, list("QR")), (0, list("def"))]


def test_an_ordinary_diff_is_far_inside_the_floor():
    budget = DiffBudget.for_size(0)
    word_diff(no_full_stop(300, 7), no_full_stop(300, 8), "en", budget)
    assert budget.left > wording.DIFF_WORK_FLOOR * 0.9
