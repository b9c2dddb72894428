"""Time of writing the Word brief (write_brief) after the analysis, cold and warm.

Cold is the first brief in a fresh process (matplotlib's import and font scan, python-docx's
template); warm is the best of three more in the same process. Each case runs in its own
process so that "cold" means cold. Goals: a typical pair under 2 s, 10,000 words a side under 10 s.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOALS = {"demo": 2.0, "corpus": 2.0, "10,000 words": 10.0}
CORPUS_PAIR = "2024-11-16-biden-xi-lima"


def _readouts(case: str):
    from viewer.model import Readout

    if case == "demo":
        from viewer.demo import demo_readouts

        return demo_readouts()
    if case == "corpus":
        import corpus

        return next((a, b) for name, a, b in corpus.pairs() if name == CORPUS_PAIR)
    import synthetic

    text_a, text_b = synthetic.pair(10_000)
    return Readout(text_a, label="Synthetic A"), Readout(text_b, label="Synthetic B")


def run_case(case: str) -> dict:
    from viewer.analysis import compare
    from viewer.report.brief import write_brief

    a, b = _readouts(case)
    comparison = compare(a, b)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(4):
            start = time.perf_counter()
            write_brief(comparison, Path(tmp) / f"brief-{k}.docx", force=True)
            times.append(time.perf_counter() - start)
        size = (Path(tmp) / "brief-0.docx").stat().st_size
    words = f"{comparison.a.words:,} / {comparison.b.words:,}"
    return {"case": case, "words": words, "cold": times[0], "warm": min(times[1:]), "bytes": size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    import corpus

    cases = ["demo", *(["corpus"] if corpus.available() else []), "10,000 words"]
    print(f"{'case':<14} {'words A / B':>17} {'cold s':>8} {'warm s':>8} {'goal s':>7}  {'size':>8}")
    failed = False
    for case in cases:
        out = subprocess.run([sys.executable, __file__, "--case", case], capture_output=True, text=True)
        if out.returncode:
            print(f"{case:<14} failed: {out.stderr.strip().splitlines()[-1]}")
            failed = True
            continue
        r = json.loads(out.stdout)
        goal = GOALS[case]
        verdict = "ok" if max(r["cold"], r["warm"]) < goal else "SLOW"
        failed |= verdict != "ok"
        print(f"{case:<14} {r['words']:>17} {r['cold']:8.2f} {r['warm']:8.2f} {goal:7.1f}  "
              f"{math.ceil(r['bytes'] / 1024):>6} KB  {verdict}")
    if "corpus" in cases:
        print(f"corpus: {CORPUS_PAIR}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
