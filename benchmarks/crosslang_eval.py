"""Cross-language alignment against hand-made gold links on the real corpus (../shared/corpus/).

Gold files (benchmarks/gold/<pair>.json) hold sentence INDEX pairs only, never text: every pair
(i, j) a careful reader accepts as "the same matter" (readouts) or as the true counterpart
(translations), for the segmentation of viewer.text.segment at the time they were made; "at"
keeps the character offset where each of those sentences started, so that a later splitter maps a
gold sentence to the sentence holding that offset now.
A link of several sentences counts as all its (i, j) pairs.

    precision = predicted pairs in gold / predicted pairs
    recall    = gold pairs predicted / gold pairs
    counterparts (translations) = sentences of A linked to their gold counterpart / sentences of A in gold

"tuned" marks the pairs the thresholds were tuned on; the others are held out.

Then the readouts in two languages against the blind graders' link grades (link_grades.py):
link precision with partial credit, the share of unmatched sentences that have no clear
counterpart ("matched"), and the share of links within four sentences a side or consecutive,
per split of the blind readings (tune / holdout); only totals are printed for held-out pairs.
Run: .venv/bin/python benchmarks/crosslang_eval.py [-v] [--all]
(-v lists the links and misses of the tuned pairs only, so tuning never looks at held-out misses;
--all lists the held-out ones of the older gold too, for a final reading.)
"""

from __future__ import annotations

import bisect
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import link_grades  # noqa: E402
from gate import gate  # noqa: E402

from viewer import statements  # noqa: E402
from viewer.align import align  # noqa: E402
from viewer.align.dictionary import load_time  # noqa: E402
from viewer.lexicon import load_lexicon  # noqa: E402
from viewer.text import segment  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
# Floors (make corpus fails below them): a little under what the aligner reaches, so that a
# regression fails where it is made. (set, measure) -> lowest allowed value.
FLOORS = {("tuned", "precision"): 0.88, ("tuned", "recall"): 0.57,
          ("held out", "precision"): 0.90, ("held out", "recall"): 0.56,
          ("translations", "counterparts"): 0.90,
          ("blind held out", "precision"): 0.76, ("blind held out", "matched"): 0.80,
          ("blind held out", "within four"): 1.0}


def _by_offset(doc, starts: list[int] | None):
    """Old sentence number -> the current sentence that holds where it started (identity without offsets)."""
    if starts is None:
        return lambda k: k
    now = [s.start for s in doc.sentences]
    return lambda k: max(0, bisect.bisect_right(now, starts[k]) - 1)


def read(paths: tuple[Path, Path], lexicon):
    """Two corpus texts as the pipeline has them when it aligns: segmented, annotated, read as
    statements (furniture, speakers)."""
    docs = {}
    for side, path in zip(("A", "B"), paths, strict=True):
        docs[side] = segment(corpus.read(path))
        lexicon.annotate(docs[side])
    statements.read(docs, lexicon)
    return docs["A"], docs["B"]


def evaluate(gold: dict, lexicon, verbose: bool) -> dict | None:
    folder = corpus.CORPUS / gold["pair"]
    a, b = read((folder / gold["a"], folder / gold["b"]), lexicon)
    # gold sentence numbers are those of the splitter at the time; "at" keeps where each of those
    # sentences started, so a changed splitter maps them to the sentence holding that offset now
    index = {side: _by_offset(doc, gold.get("at", {}).get(side)) for side, doc in (("a", a), ("b", b))}
    start = time.perf_counter()
    result = align(a, b, lexicon=lexicon)
    seconds = time.perf_counter() - start
    truth = {(index["a"](i), index["b"](j)) for i, j in gold["links"]}
    predicted = {(i, j) for link in result.links for i in link.a for j in link.b}
    hits = predicted & truth
    row = {
        "pair": gold["pair"], "tuned": gold["tuned"], "mode": result.mode, "expected": gold["mode"],
        "links": len(result.links), "pairs": len(predicted), "correct": len(hits), "gold": len(truth),
        "precision": len(hits) / len(predicted) if predicted else 1.0,
        "recall": len(hits) / len(truth), "seconds": seconds,
    }
    if gold["mode"] == "versions":
        counterpart = {i: j for i, j in truth}
        row["counterparts"] = sum(1 for i, j in counterpart.items() if (i, j) in predicted) / len(counterpart)
    if verbose and (gold["tuned"] or "--all" in sys.argv):
        for link in result.links:
            mark = "ok " if all((i, j) in truth for i in link.a for j in link.b) else "BAD"
            print(f"  {mark} {gold['pair'][:10]} A{link.a} B{link.b} {link.score:.2f} {link.shared[:4]}")
        missed = sorted(truth - predicted)
        print(f"  missed: {missed}")
    return row


def main() -> int:
    verbose = "-v" in sys.argv
    if not corpus.available():
        print(f"corpus not found at {corpus.CORPUS}: nothing to evaluate")
        return 0
    lexicon = load_lexicon()
    print(f"CC-CEDICT load: {load_time():.2f} s (first use in this process)")
    rows = []
    for path in sorted(GOLD.glob("*.json")):
        row = evaluate(json.loads(path.read_text(encoding="utf-8")), lexicon, verbose)
        if row:
            rows.append(row)
    print(f"{'pair':34} {'set':5} {'mode':9} {'links':>5} {'pairs':>5} {'prec':>5} {'rec':>5} {'cpart':>5} {'s':>5}")
    for r in rows:
        mode = r["mode"] if r["mode"] == r["expected"] else r["mode"] + "!"
        cpart = f"{r['counterparts']:.2f}" if "counterparts" in r else "-"
        print(f"{r['pair']:34} {'tune' if r['tuned'] else 'held':5} {mode:9} {r['links']:5} {r['pairs']:5} "
              f"{r['precision']:5.2f} {r['recall']:5.2f} {cpart:>5} {r['seconds']:5.2f}")
    scores: dict[tuple[str, str], float] = {}
    for name, subset in (("tuned", [r for r in rows if r["tuned"] and r["expected"] == "readouts"]),
                         ("held out", [r for r in rows if not r["tuned"] and r["expected"] == "readouts"])):
        pairs = sum(r["pairs"] for r in subset)
        correct = sum(r["correct"] for r in subset)
        gold_pairs = sum(r["gold"] for r in subset)
        if pairs:
            scores[(name, "precision")], scores[(name, "recall")] = correct / pairs, correct / gold_pairs
            print(f"readouts, {name}: precision {correct / pairs:.2f} ({correct}/{pairs}), "
                  f"recall {correct / gold_pairs:.2f} ({correct}/{gold_pairs})")
    translations = [r["counterparts"] for r in rows if "counterparts" in r]
    if translations:
        scores[("translations", "counterparts")] = min(translations)
    graded(lexicon, verbose, scores)
    return gate(scores, FLOORS)


def graded(lexicon, verbose: bool, scores: dict[tuple[str, str], float]) -> None:
    """Readouts in two languages against the blind link grades, their totals added to `scores`."""
    totals = {"tune": link_grades.Tally(), "holdout": link_grades.Tally()}
    changed = []
    print(f"{'blind link grades':34} {'set':7} {'links':>5} {'right':>5} {'part':>5} {'wrong':>5} "
          f"{'ungr':>5} {'prec':>5} {'missed':>9} {'max':>4}")
    for pair, grade, reading in link_grades.grade_files():
        a, b = read(tuple(corpus.CORPUS / pair / reading["sides"][side]["file"] for side in ("A", "B")), lexicon)
        if a.language == b.language:
            continue
        to_a = link_grades.renumber(a, reading["sides"]["A"]["sentences"])
        to_b = link_grades.renumber(b, reading["sides"]["B"]["sentences"])
        judged = link_grades.judgments(grade, to_a, to_b)
        result = align(a, b, lexicon=lexicon)
        if {(tuple(link.a), tuple(link.b)) for link in result.links} != link_grades.graded_links(grade, to_a, to_b):
            changed.append(pair)
        split = reading["split"]
        show = (lambda line: print("   ", line)) if verbose and split == "tune" else None
        tally = link_grades.score([(link.a, link.b) for link in result.links], result.unmatched, judged, show)
        totals[split].add(tally)
        if split == "tune":
            print(_graded_row(pair, split, tally))
    for split, tally in totals.items():
        print(_graded_row(f"all {split}", split, tally))
    print(f"links changed since the graded round (to grade again: benchmarks/blind/score.py --export DIR): "
          f"{len(changed)} pairs: {', '.join(changed)}")
    for split, name in (("tune", "blind tuned"), ("holdout", "blind held out")):
        t = totals[split]
        scores[(name, "precision")], scores[(name, "matched")] = t.precision, 1 - t.missed
        scores[(name, "within four")] = 1 - t.oversized / max(1, t.graded + t.ungraded)


def _graded_row(name: str, split: str, t: link_grades.Tally) -> str:
    return (f"{name:34} {split:7} {t.graded + t.ungraded:5} {t.right:5} {t.partial:5} {t.wrong:5} {t.ungraded:5} "
            f"{t.precision:5.2f} {t.unmatched_missed:3}/{t.unmatched_known:<3} {t.largest:4}")


if __name__ == "__main__":
    raise SystemExit(main())
