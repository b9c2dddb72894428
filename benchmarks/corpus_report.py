"""`make corpus`: the comparison over every pair of ../shared/corpus/, one row per pair.

Columns: pair, languages, sentences per side, links by kind, unmatched per side, seconds, and
the top three findings. Says so plainly when the corpus folder is absent.
"""

from __future__ import annotations

import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402

from viewer.analysis import compare  # noqa: E402

_KINDS = ("identical", "reworded", "related", "moved")


def main() -> int:
    if not corpus.available():
        print(f"No corpus at {corpus.CORPUS}: nothing to report.")
        return 0
    header = f"{'pair':<34} {'langs':<7} {'sent A/B':>9} {'links i/r/l/m':>14} {'unm A/B':>8} {'mode':>9} {'s':>6}"
    print(header)
    print("-" * len(header))
    total = 0.0
    findings_text = []
    for pair_id, a, b in corpus.pairs():
        t = time.perf_counter()
        c = compare(a, b)
        seconds = time.perf_counter() - t
        total += seconds
        kinds = Counter(link.kind for link in c.links)
        langs = f"{c.a.language}/{c.b.language}"
        sents = f"{len(c.a.sentences)}/{len(c.b.sentences)}"
        links = "/".join(str(kinds.get(k, 0)) for k in _KINDS)
        unm = f"{len(c.unmatched['A'])}/{len(c.unmatched['B'])}"
        print(f"{pair_id:<34} {langs:<7} {sents:>9} {links:>14} {unm:>8} {c.mode:>9} {seconds:>6.3f}")
        top = [f.text for f in c.findings[:3]]
        findings_text.append((pair_id, a.label, b.label, top))
    print(f"\ntotal {total:.2f} s")
    print("\nTop three findings per pair (A is the first file of the folder, B the second):")
    for pair_id, la, lb, top in findings_text:
        print(f"\n{pair_id}  (A = {la}, B = {lb})")
        for i, text in enumerate(top, 1):
            print(textwrap.fill(text, 100, initial_indent=f"  {i}. ", subsequent_indent="     "))
        if not top:
            print("  (no findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
