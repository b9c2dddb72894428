"""`make bench`: texts built to be slow, timed where the tests only count work.

- one sentence without a full stop, 5,000 / 10,000 / 20,000 words a side (was 3.9 / 12.8 / 47.9 s);
- Chinese without punctuation, 100,000 and 500,000 characters a side (500,000 never ended);
- 2,000 and 8,000 notes written into the brief as comments (was 3.7 and 83 s).
Each case runs in its own process; the growth exponent between the two largest sizes of a case
should stay near 1 (linear), where it was 2.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = "the two sides discussed trade security climate cooperation and regional matters with partners".split()
HAN = "中美双方就经贸合作气候变化地区安全问题交换了意见两国元首通话"
CASES = {"no full stop (words)": (5_000, 10_000, 20_000), "Chinese, no punctuation (characters)": (100_000, 500_000),
         "notes in the brief": (2_000, 8_000)}


def _texts(case: str, size: int) -> tuple[str, str]:
    rng = random.Random(size)
    if case.startswith("Chinese"):
        return tuple("".join(rng.choice(HAN) for _ in range(size)) for _ in range(2))
    return tuple(" ".join(rng.choice(WORDS) for _ in range(size)) for _ in range(2))


def one(case: str, size: int) -> float:
    """Run in a child process: seconds for one case and size."""
    from viewer.analysis import compare
    from viewer.model import Annotation, Readout
    from viewer.paths import RESOURCES
    from viewer.report.brief import brief_bytes

    if case == "notes in the brief":
        from viewer.ingest import read_source

        a, b = (read_source(str(RESOURCES / "demo" / name)) for name in ("state-department.txt", "foreign-ministry.txt"))
        c = compare(a, b)
        spans = [(s.start, s.end) for s in c.a.sentences]
        t = time.perf_counter()
        c.annotations = [Annotation("A", s, e, c.a.text[s:e], f"note {k}", id=str(k))
                         for k, (s, e) in ((k, spans[k % len(spans)]) for k in range(size))]
        brief_bytes(c)
        return time.perf_counter() - t
    text_a, text_b = _texts(case, size)
    t = time.perf_counter()
    compare(Readout(text_a, label="A"), Readout(text_b, label="B"))
    return time.perf_counter() - t


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2], int(sys.argv[3]))))
        return 0
    print("Hostile texts (each size in its own process)")
    for case, sizes in CASES.items():
        seconds = {}
        for size in sizes:
            out = subprocess.run([sys.executable, __file__, "--one", case, str(size)],
                                 capture_output=True, text=True, check=False)
            if out.returncode:
                print(f"  {case} {size:,}: failed\n{out.stderr[-2000:]}")
                break
            seconds[size] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"  {case:<38} {size:>9,}  {seconds[size]:7.2f} s")
        if len(seconds) >= 2:
            small, large = sorted(seconds)[-2:]
            exponent = math.log(seconds[large] / seconds[small]) / math.log(large / small)
            print(f"  {'':<38} growth exponent {exponent:.2f} (linear is 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
