"""`make corpus` fails below its floors: the gate every evaluation script returns through."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from gate import gate  # noqa: E402


def test_a_score_below_its_floor_fails_and_says_which(capsys):
    assert gate({("held out", "precision"): 0.80}, {("held out", "precision"): 0.85}) == 1
    assert "BELOW FLOOR: held out precision 0.80 < 0.85" in capsys.readouterr().out


def test_scores_at_or_above_their_floors_pass_and_a_missing_score_is_not_checked(capsys):
    floors = {("tuned", "recall"): 0.6, ("held out", "recall"): 0.6}
    assert gate({("tuned", "recall"): 0.6}, floors) == 0
    assert "1 checked, all met" in capsys.readouterr().out
