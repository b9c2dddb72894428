"""`make bench`: speed and memory of the analysis on synthetic pairs and on the real corpus.

Each synthetic size runs in its own process so that its peak memory is its own. difflib's
SequenceMatcher over the same word lists is timed in the same process as a baseline: the ratio
to it is what to compare across machines, not the seconds.
Goals: a typical pair (<= 2,000 words a side) under 0.2 s; 100,000 words a side under 10 s and
1 GB; growth exponent between 10,000 and 100,000 words at most 1.2.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = (1_000, 2_000, 10_000, 100_000)


def _best_of(fn, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def one_size(words: int) -> dict:
    """Run in a child process: analysis and difflib timings for one synthetic size."""
    import synthetic

    from viewer.analysis import compare
    from viewer.demo import demo_readouts
    from viewer.model import Readout

    compare(*demo_readouts())  # load dictionaries and lexicons before timing
    text_a, text_b = synthetic.pair(words)
    a, b = Readout(text_a, label="A"), Readout(text_b, label="B")
    repeat = 3 if words <= 10_000 else 1
    result = {}

    def run() -> None:
        result["c"] = compare(a, b)

    seconds = _best_of(run, repeat)
    c = result["c"]
    wa, wb = text_a.split(), text_b.split()
    base = _best_of(lambda: difflib.SequenceMatcher(None, wa, wb).get_opcodes(), repeat)
    return {
        "words": words,
        "seconds": seconds,
        "difflib": base,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "mode": c.mode,
        "links": len(c.links),
        "stages": {k: round(v, 3) for k, v in c.timings.items()},
    }


def load_times() -> dict[str, float]:
    """Run in a fresh child process: what each once-per-process load costs the first analysis."""
    from viewer.align import dictionary
    from viewer.lexicon import load_lexicon
    from viewer.text import chinese

    t = time.perf_counter()
    load_lexicon()
    lexicon = time.perf_counter() - t
    t = time.perf_counter()
    chinese._jieba()
    jieba = time.perf_counter() - t
    return {"lexicon": lexicon, "jieba": jieba, "cc-cedict": dictionary.load_time()}


def corpus_timings() -> list[tuple[str, str, int, float]]:
    import corpus

    from viewer.analysis import compare

    rows = []
    for pair_id, a, b in corpus.pairs():
        c = compare(a, b)
        seconds = _best_of(lambda a=a, b=b: compare(a, b), 3)
        rows.append((pair_id, f"{c.a.language}/{c.b.language}", c.a.words + c.b.words, seconds))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--loads", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES), help="words per side")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one)))
        return 0
    if args.loads:
        print(json.dumps(load_times()))
        return 0

    out = subprocess.run([sys.executable, __file__, "--loads"], capture_output=True, text=True, check=False)
    if out.returncode == 0:
        loads = json.loads(out.stdout.strip().splitlines()[-1])
        print("Once-per-process loads, in a fresh process (goal for the dictionary: < 1 s)")
        print("  " + ", ".join(f"{k} {v:.2f} s" for k, v in loads.items()))
        print()
    else:
        print(f"load timing failed:\n{out.stderr[-2000:]}")

    print("Synthetic pairs (words per side; each size in its own process)")
    print(f"{'words':>8} {'mode':>9} {'links':>6} {'seconds':>8} {'difflib s':>9} {'ratio':>6} {'peak MB':>8}  stages")
    results = {}
    for words in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(words)], capture_output=True, text=True, check=False
        )
        if out.returncode != 0:
            print(f"{words:>8} failed:\n{out.stderr[-2000:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results[words] = r
        print(
            f"{words:>8} {r['mode']:>9} {r['links']:>6} {r['seconds']:>8.3f} {r['difflib']:>9.3f} "
            f"{r['seconds'] / r['difflib']:>6.2f} {r['peak_mb']:>8.0f}  {r['stages']}"
        )
    if 10_000 in results and 100_000 in results:
        exp = math.log(results[100_000]["seconds"] / results[10_000]["seconds"]) / math.log(10)
        print(f"growth exponent 10k -> 100k words: {exp:.2f} (goal <= 1.2)")

    import corpus

    print()
    if not corpus.available():
        print(f"Real corpus: {corpus.CORPUS} not found; skipped.")
        return 0
    rows = corpus_timings()
    print(f"Real corpus ({len(rows)} pairs, best of 3, warm; length in words, Han characters for Chinese)")
    for pair_id, langs, words, seconds in rows:
        print(f"  {pair_id:<36} {langs:<6} {words:>6}  {seconds:.3f} s")
    same = [r for r in rows if r[1].split("/")[0] == r[1].split("/")[1]]
    cross = [r for r in rows if r not in same]
    for name, group, goal in (("one language", same, 0.2), ("two languages", cross, 0.5)):
        if group:
            worst = max(group, key=lambda r: r[3])
            print(f"  slowest, {name}: {worst[0]} {worst[3]:.3f} s (goal < {goal} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
