"""`make bench`: speed and memory of alignment across languages.

Goals (issue 11): the glossaries and dictionaries load in under 1 s and hold under 100 MB; a typical
cross-language pair (2,000 words or 4,000 characters a side) aligns in under 0.5 s after those
one-time loads. The texts are the tuning translation pairs of benchmarks/translation/tune/ (written
for the project), each side repeated to about 2,000 words or 4,000 Chinese characters, aligned as
a translation (mode chosen) and as two readouts (mode forced); each language pair runs in a fresh
process so that its loads are its own (their memory: what they add to the process's peak).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

TARGET_WORDS, TARGET_HAN = 2_000, 4_000


def one(path: Path) -> dict:
    """In a child process: load times and memory, then alignment times of one pair."""
    from translation_eval import assemble

    from viewer.align import align, dictionary, glossary
    from viewer.lexicon import load_lexicon
    from viewer.model import Readout
    from viewer.text import segment
    from viewer.text.lemmas import _analyzer

    gold = json.loads(path.read_text(encoding="utf-8"))
    langs = (gold["a"]["language"], gold["b"]["language"])
    lexicon = load_lexicon()
    docs = []
    first, _ = assemble(gold["a"])
    size = sum(1 for c in first if "\u4e00" <= c <= "\u9fff") if langs[0] == "zh" else len(first.split())
    repeat = max(1, round((TARGET_HAN if langs[0] == "zh" else TARGET_WORDS) / max(size, 1)))
    for side, lang in zip(("a", "b"), langs, strict=True):
        text, _ = assemble(gold[side])
        doc = segment(Readout("\n\n".join([text] * repeat), language=lang))
        lexicon.annotate(doc)
        docs.append(doc)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if "ru" in langs:
        _analyzer()
    for lang in {*langs, "en"}:  # English: the terms CC-CEDICT glosses reach
        glossary.glossary(lang)
    glossary.load_time(())
    if "zh" in langs:
        dictionary.load_time()
    loads = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before  # kB: what the loads added
    out = {"pair": "-".join(langs), "loads": loads, "load_mb": grown / 1024,
           "sizes": [doc.words for doc in docs], "sentences": [len(doc.sentences) for doc in docs]}
    for mode in (None, "readouts"):
        start = time.perf_counter()
        result = align(*docs, mode=mode, lexicon=lexicon)
        out[mode or "chosen"] = (time.perf_counter() - start, result.mode)
    return out


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(one(Path(sys.argv[2]))))
        return 0
    print("Cross-language alignment, ~2,000 words / 4,000 characters a side, each pair in a fresh process")
    print(f"{'pair':6} {'words':>11} {'sentences':>10} {'loads s':>8} {'loads MB':>9} {'chosen s':>9} {'mode':>9} "
          f"{'readouts s':>10}")
    worst = {"loads": 0.0, "load_mb": 0.0, "align": 0.0}
    for path in sorted((HERE / "translation" / "tune").glob("*.json")):
        run = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True,
                             check=False)
        if run.returncode != 0:
            print(f"{path.stem}: failed\n{run.stderr[-2000:]}")
            return 1
        r = json.loads(run.stdout.strip().splitlines()[-1])
        (chosen, mode), (readouts, _) = r["chosen"], r["readouts"]
        print(f"{r['pair']:6} {r['sizes'][0]:>5}/{r['sizes'][1]:<5} {r['sentences'][0]:>4}/{r['sentences'][1]:<5} "
              f"{r['loads']:8.2f} {r['load_mb']:9.1f} {chosen:9.2f} {mode:>9} {readouts:10.2f}")
        worst = {"loads": max(worst["loads"], r["loads"]), "load_mb": max(worst["load_mb"], r["load_mb"]),
                 "align": max(worst["align"], chosen, readouts)}
    print(f"worst: loads {worst['loads']:.2f} s (goal < 1), {worst['load_mb']:.0f} MB (goal < 100), "
          f"alignment {worst['align']:.2f} s (goal < 0.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
