"""Distinctive vocabulary: the log-odds ratio with an informative Dirichlet prior, checked by hand."""

from __future__ import annotations

import math

import pytest
from test_emphasis import make_comparison, make_doc

from viewer.emphasis.distinctive import distinctive, log_odds_z


def test_log_odds_z_by_hand():
    # A and B have 12 counted words each; alpha0 = 0.1 * 24 = 2.4.
    # "detained": 8 in A, 0 in B -> alpha_w = 2.4 * 8 / 24 = 0.8
    # delta = ln((8 + 0.8) / (12 + 2.4 - 8 - 0.8)) - ln((0 + 0.8) / (12 + 2.4 - 0 - 0.8))
    #       = ln(8.8 / 5.6) - ln(0.8 / 13.6) = 0.451985 + 2.833213 = 3.285198
    # var   = 1 / 8.8 + 1 / 0.8 = 1.363636 -> z = 3.285198 / 1.167748 = 2.81328
    assert log_odds_z(8, 0, 12, 12, 2.4) == pytest.approx(2.81328, abs=1e-4)
    # symmetric: the same word seen from B
    assert log_odds_z(0, 8, 12, 12, 2.4) == pytest.approx(-2.81328, abs=1e-4)
    # equal rates: no difference at all
    assert log_odds_z(2, 2, 12, 12, 2.4) == pytest.approx(0.0)
    # "climate": 2 against 0: alpha_w = 0.2, delta = ln(2.2 / 12.2) - ln(0.2 / 14.2) = 2.5477,
    # var = 1 / 2.2 + 1 / 0.2 = 5.4545 -> z = 1.0909: not significant
    assert log_odds_z(2, 0, 12, 12, 2.4) == pytest.approx(
        (math.log(2.2 / 12.2) - math.log(0.2 / 14.2)) / math.sqrt(1 / 2.2 + 1 / 0.2)
    )


def _pair(lang_b: str = "en"):
    a = make_doc([
        ["Detained detained detained detained.",
         "The the the the, detained Detained detained detained.",
         "Trade talks trade talks."],
    ])
    b = make_doc([
        ["Trade talks trade talks.", "Climate climate ocean ocean.", "Energy energy forest forest."],
    ], lang=lang_b)
    return make_comparison(a, b)


def test_distinctive_terms_of_a_small_pair():
    result = distinctive(_pair())
    # stop words ("the") are not counted: A has 12 counted words, B 12, as in the test above
    [term] = result["A"]
    assert term.term == "detained"  # most frequent written form (6 lower-case, 2 capitalised)
    assert term.count == 8 and term.sentences == [0, 1]
    assert term.score == pytest.approx(2.813, abs=1e-3)
    # every word of B is used twice against none: z = 1.09 < 1.96, nothing listed
    assert result["B"] == []


def test_no_distinctive_vocabulary_across_languages():
    c = _pair(lang_b="fr")
    assert distinctive(c) == {"A": [], "B": []}


def test_a_leaning_word_is_listed_but_only_a_significant_one_is_a_finding():
    from viewer.emphasis.findings import distinctive_findings

    # 12 counted words a side; "ocean" 4 against 0: z = 1.656, above the one-sided 90% bar (1.2816)
    # and below 1.96; "detained" 8 against 0: z = 2.813
    a = make_doc([["Detained detained detained detained.", "Detained detained detained detained.",
                   "Trade talks trade talks."]], label="A-side")
    b = make_doc([["Trade talks trade talks.", "Ocean ocean ocean ocean.", "Energy energy forest forest."]],
                 label="B-side")
    c = make_comparison(a, b)
    c.distinctive = distinctive(c)
    assert [t.term for t in c.distinctive["B"]] == ["ocean"]
    assert c.distinctive["B"][0].score == pytest.approx(1.656, abs=1e-3)
    [found] = distinctive_findings(c)
    assert found.side == "A" and {e.side for e in found.evidence} == {"A"}
    assert found.text == "The A-side readout's most distinctive terms: detained."


def test_across_languages_concepts_are_compared_under_one_label():
    from viewer.analysis import compare
    from viewer.model import Readout

    en = Readout(
        "President Biden raised Taiwan. Biden said Taiwan matters. Biden stressed the Taiwan Strait. "
        "Biden spoke of Taiwan again. The two leaders discussed trade.", label="White House")
    zh = Readout("两国元首讨论了经贸问题。双方同意加强经贸合作。中方重视贸易和投资。", label="CCTV")
    c = compare(en, zh)
    a_terms = {t.term for t in c.distinctive["A"]}
    assert "Joe Biden" in a_terms  # Biden on one side only, counted under the person's label
    assert all(t.count >= 2 for side in "AB" for t in c.distinctive[side])
