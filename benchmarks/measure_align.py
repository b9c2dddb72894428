"""Time align() (with the word diffs) on the synthetic pairs of benchmarks/synthetic.py.

Run: .venv/bin/python benchmarks/measure_align.py [WORDS ...]
Prints seconds per size, the growth exponent between the first and last size, and peak memory.
"""

from __future__ import annotations

import math
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402

from viewer.align import align  # noqa: E402
from viewer.model import Readout  # noqa: E402
from viewer.text import segment  # noqa: E402


def main(sizes: list[int]) -> None:
    timings = []
    for words in sizes:
        text_a, text_b = synthetic.pair(words)
        a, b = segment(Readout(text_a, language="en")), segment(Readout(text_b, language="en"))
        for mode in (None, "readouts"):
            start = time.perf_counter()
            result = align(a, b, mode=mode)
            seconds = time.perf_counter() - start
            if mode is None:
                timings.append(seconds)
            print(f"{words:>7} words, {len(a.sentences)}x{len(b.sentences)} sentences, mode {result.mode}: "
                  f"{seconds:.3f} s, {len(result.links)} links, unmatched "
                  f"{len(result.unmatched['A'])}/{len(result.unmatched['B'])}", flush=True)
    if len(sizes) > 1:
        exponent = math.log(timings[-1] / timings[0]) / math.log(sizes[-1] / sizes[0])
        print(f"growth exponent {sizes[0]}..{sizes[-1]} words: {exponent:.2f}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main([int(w) for w in sys.argv[1:]] or [2000, 10000, 100000])
