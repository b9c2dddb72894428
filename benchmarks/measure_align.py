"""Time align() (with the word diffs) on the synthetic pairs of benchmarks/synthetic.py.

Run: .venv/bin/python benchmarks/measure_align.py [WORDS ...]
Prints seconds per size, the growth exponent between the first and last size, and peak memory.
    .venv/bin/python benchmarks/measure_align.py --repetitive [COPIES]
aligns the demo readout with one sentence repeated COPIES times (30,000 by default) and with
itself repeated 20 times, with the lexicon: seconds, pairs scored, the largest link. Such
texts once piled every copy onto one link (590 s for 30,000 copies).
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


def repetitive(copies: int) -> None:
    # imported here so that the lexicon does not weigh on the other measure's peak memory
    from viewer.align.similarity import SimilarityIndex
    from viewer.ingest import read_source
    from viewer.lexicon import load_lexicon

    demo = read_source(str(Path(__file__).resolve().parent.parent / "resources" / "demo" / "state-department.txt"))
    body = demo.text.split("\n\n", 1)[1]
    sentence = "The two sides discussed trade and climate issues. "
    texts = {f"one sentence x{copies}": "\n\n".join([(sentence * 5).strip()] * (copies // 5)),
             "the demo x20": "\n\n".join([body] * 20)}
    lexicon = load_lexicon()
    a = segment(Readout(demo.text, language="en"))
    lexicon.annotate(a)
    for name, text in texts.items():
        b = segment(Readout(text, language="en"))
        lexicon.annotate(b)
        start = time.perf_counter()
        result = align(a, b, lexicon=lexicon)
        seconds = time.perf_counter() - start
        index = SimilarityIndex(a, b)
        index.candidates()
        largest = max((len(link.a) + len(link.b) for link in result.links), default=0)
        print(f"demo vs {name}: {len(a.sentences)}x{len(b.sentences)} sentences, mode {result.mode}: "
              f"{seconds:.2f} s, {index.scored} pairs scored, {len(result.links)} links, "
              f"largest link {largest} sentences", flush=True)
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--repetitive"]:
        repetitive(int(sys.argv[2]) if len(sys.argv) > 2 else 30_000)
    else:
        main([int(w) for w in sys.argv[1:]] or [2000, 10000, 100000])
