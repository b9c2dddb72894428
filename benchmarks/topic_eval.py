"""Topic presence against hand-made gold labels on the real corpus (../shared/corpus/).

Gold files (benchmarks/gold/topics/<pair>.json) hold per side the topic ids a careful reader finds
DISCUSSED (a clause or more) per ../shared/TOPICS.md: {"A": [...], "B": [...], "A_file", "B_file"},
labels only, never text. Predicted presence on a side is a topic with discussing sentences there
(JSON topics[].sentences[side]).

    presence  precision/recall/F1 over (pair, side, topic) triples
    one-sided precision/recall over (pair, side, topic) where the topic is on that side only

TUNING pairs were looked at while fixing the lexicon and rules; the others are held out.
Run: .venv/bin/python benchmarks/topic_eval.py [-v]   (-v: each miss with the sentence behind it)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from gate import gate  # noqa: E402

from viewer.analysis import compare  # noqa: E402
from viewer.model import SIDES  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "topics"

TUNING = {
    "2020-01-04-wang-lavrov-call",
    "2021-02-10-biden-xi-call",
    "2021-08-29-blinken-wang-call",
    "2021-11-15-biden-xi-virtual",
    "2022-03-30-wang-lavrov-tunxi",
    "2022-07-28-biden-xi-call",
    "2023-09-17-wang-sullivan-malta",
    "2023-11-15-biden-xi-woodside",
    "2024-04-02-biden-xi-call",
}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _why(doc, topic: str, discussed: bool) -> str:
    """The sentences that discuss (or merely touch, or should have named) the topic, each cut short."""
    found = [
        ("" if discussed else "passing: ") + s.text[:160]
        for s in doc.sentences
        if ((topic in s.topics) if discussed else (topic in s.passing))
    ]
    return "\n        ".join(found) or "(no match)"


def evaluate(pair: str, a, b, gold: dict, verbose: bool) -> dict[str, int]:
    comparison = compare(a, b)
    counts = dict.fromkeys(("tp", "fp", "fn", "os_tp", "os_fp", "os_fn"), 0)
    predicted = {side: {st.id for st in comparison.topics if st.sentences[side]} for side in SIDES}
    truth = {side: set(gold[side]) for side in SIDES}
    for side in SIDES:
        doc = comparison.doc(side)
        other = SIDES[1 - SIDES.index(side)]
        pred, true = predicted[side], truth[side]
        counts["tp"] += len(pred & true)
        counts["fp"] += len(pred - true)
        counts["fn"] += len(true - pred)
        pred_os, true_os = pred - predicted[other], true - truth[other]
        counts["os_tp"] += len(pred_os & true_os)
        counts["os_fp"] += len(pred_os - true_os)
        counts["os_fn"] += len(true_os - pred_os)
        if verbose:
            one_sided = (pred_os - true_os) | (true_os - pred_os)
            for t in sorted(pred - true):
                print(f"    FP {side} {t}{' (one-sided)' * (t in one_sided)}: {_why(doc, t, True)}")
            for t in sorted(true - pred):
                print(f"    FN {side} {t}{' (one-sided)' * (t in one_sided)}: {_why(doc, t, False)}")
            for t in sorted(one_sided - (pred ^ true)):
                print(f"    one-sided {'FP' if t in pred_os else 'FN'} {side} {t}: other side "
                      f"{'misses' if t in pred_os else 'has'} it ({_why(comparison.doc(other), t, t not in pred_os)})")
    return counts


def _line(name: str, c: dict[str, int]) -> str:
    p, r, f = _prf(c["tp"], c["fp"], c["fn"])
    op, orr, of = _prf(c["os_tp"], c["os_fp"], c["os_fn"])
    return (f"{name:36} presence P {p:.2f} R {r:.2f} F1 {f:.2f} | one-sided P {op:.2f} R {orr:.2f} "
            f"(tp {c['os_tp']} fp {c['os_fp']} fn {c['os_fn']})")


# Floors (make corpus fails below them), a little under what the lexicon reaches:
# (set, measure) -> lowest allowed value.
# The tuning one-sided precision floor went from 0.75 to 0.72 when headlines became page furniture
# (no topics: a topic a headline alone names is no longer on that side) and the blind readings
# (benchmarks/blind/score_reading.py) became the reference for one-sided topics.
FLOORS = {("tuning", "presence F1"): 0.94, ("held-out", "presence F1"): 0.94,
          ("tuning", "one-sided P"): 0.72, ("tuning", "one-sided R"): 0.93,
          ("held-out", "one-sided P"): 0.85, ("held-out", "one-sided R"): 0.88}


def main() -> int:
    verbose = "-v" in sys.argv
    totals = {"tuning": {}, "held-out": {}}
    for pair, a, b in corpus.pairs():
        path = GOLD / f"{pair}.json"
        if not path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if verbose:
            print(f"{pair}  A={gold['A_file']}  B={gold['B_file']}")
        c = evaluate(pair, a, b, gold, verbose)
        part = "tuning" if pair in TUNING else "held-out"
        print(_line(f"{pair} ({part[0]})", c))
        for k, v in c.items():
            totals[part][k] = totals[part].get(k, 0) + v
    print()
    scores = {}
    for part, c in totals.items():
        if c:
            print(_line(f"TOTAL {part}", c))
            scores[(part, "presence F1")] = _prf(c["tp"], c["fp"], c["fn"])[2]
            scores[(part, "one-sided P")], scores[(part, "one-sided R")] = _prf(c["os_tp"], c["os_fp"], c["os_fn"])[:2]
    return gate(scores, FLOORS)


if __name__ == "__main__":
    raise SystemExit(main())
