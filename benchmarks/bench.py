"""`make bench`: Counterpart's speed, memory and versions accuracy, against the tools a user might
pick instead, on the same generated pairs in the same run.

Every measurement runs in a child process of its own, so that its peak memory (ru_maxrss) is its
own; times are CPU seconds (user + system) of the measured call only, never wall time (the
machine has two shared cores), and the ratio to difflib's SequenceMatcher on the same word
lists is what to compare across machines.
    cold start   `python -m viewer compare` on two short .txt files, over `python -c pass`
                 (bytecode written, the lexicon's cache entry built by an earlier run)
    versions     benchmarks/synthetic.py `versions` at 10k/40k/100k words: a text and its edit,
                 with the truth of every replaced word and moved sentence
    readouts     synthetic.pair: two independent-looking readouts (reordered, reworded)
    Chinese      synthetic.chinese_pair at 5k/50k characters (the baselines diff characters)
The baselines: difflib.SequenceMatcher, diff-match-patch in word mode (each word one code
point, diff_main, as the library's line mode) without and with its default 1 s timeout, and
`git diff --no-index --word-diff=porcelain`. A replaced word counts as found when it is deleted
and its replacement inserted within one change of at most 5 words a side (for Counterpart, in
the word diff of a reworded or moved link that pairs the two sentences): a change that spans
the whole text finds nothing. Only Counterpart reports moved sentences; a moved link that pairs
no sentence the generator moved is a false move.
Goals (DESIGN.md section 7, issue 15): cold start <= 0.25 s over a bare interpreter; the typical
pair (2,000 words a side) < 0.2 s warm; 100,000 words a side of readouts < 250 MB and < 5 s;
Chinese 50,000 characters < 250 MB; versions: every replaced word and every move found, no false
move, in at most 3x difflib's CPU time.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

VERSIONS = (10_000, 40_000, 100_000)
READOUTS = (2_000, 10_000, 100_000)
CHINESE = (5_000, 50_000)
TOOLS = ("counterpart", "difflib", "dmp", "dmp-timeout", "git")
TOOL_NAMES = {"counterpart": "Counterpart", "difflib": "difflib", "dmp": "dmp words, no timeout",
              "dmp-timeout": "dmp words, 1 s timeout", "git": "git --word-diff"}
MAX_CHANGE = 5  # words a side of a change that still shows where a replaced word is
CHILD_LIMIT = 120.0  # seconds one measurement may take (diff-match-patch without timeout is quadratic)
_WORD = re.compile(r"\S+")


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM, not ru_maxrss, which Linux carries over an exec
    from the parent (every child would report at least what bench.py held when it started it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the pairs -------------------------------------------------------------------------------------

def make_pair(kind: str, size: int):
    """(text A, text B, truth or None) of a benchmark pair."""
    import synthetic

    if kind == "versions":
        return synthetic.versions(size)
    if kind == "readouts":
        return (*synthetic.pair(size), None)
    return (*synthetic.chinese_pair(size), None)


def units(text: str, kind: str) -> tuple[list[str], list[int]]:
    """What the baselines diff: whitespace-separated words (characters for Chinese), with offsets."""
    if kind == "chinese":
        return list(text), list(range(len(text)))
    found = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    return [w for w, _ in found], [s for _, s in found]


# --- changes as blocks: (A units i1..i2, B units j1..j2) ---------------------------------------

def _blocks_from_ops(ops: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Maximal runs of changes from (op, length) runs over unit sequences."""
    blocks, i, j = [], 0, 0
    start = None
    for op, n in ops:
        if op == 0:
            if start is not None:
                blocks.append((start[0], i, start[1], j))
                start = None
            i += n
            j += n
            continue
        if start is None:
            start = (i, j)
        if op < 0:
            i += n
        else:
            j += n
    if start is not None:
        blocks.append((start[0], i, start[1], j))
    return blocks


def _found_in_blocks(blocks, truth, starts_a: list[int], starts_b: list[int]) -> int:
    """Replaced words deleted and inserted in one change of at most MAX_CHANGE units a side."""
    found = 0
    by_start = sorted(blocks)
    firsts = [b[0] for b in by_start]
    for r in truth.replaced:
        ia = bisect.bisect_right(starts_a, r.a_start) - 1
        ib = bisect.bisect_right(starts_b, r.b_start) - 1
        k = bisect.bisect_right(firsts, ia) - 1
        if k < 0:
            continue
        i1, i2, j1, j2 = by_start[k]
        if i1 <= ia < i2 and j1 <= ib < j2 and i2 - i1 <= MAX_CHANGE and j2 - j1 <= MAX_CHANGE:
            found += 1
    return found


def run_difflib(wa, wb):
    blocks = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb).get_opcodes()
              if tag != "equal"]
    return blocks, {}


def run_dmp(wa, wb, timeout: float):
    from diff_match_patch import diff_match_patch

    codes: dict[str, str] = {}

    def encode(words):
        return "".join(codes.setdefault(w, chr(0x100 + len(codes))) for w in words)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(encode(wa), encode(wb), False)
    return _blocks_from_ops([(op, len(chars)) for op, chars in diffs]), {}


def run_git(text_a: str, text_b: str, kind: str):
    """git's word diff over the two texts in files, parsed back into blocks of words (characters
    for Chinese: git's --word-diff-regex=. ); CPU and memory of git itself."""
    with tempfile.TemporaryDirectory() as folder:
        pa, pb = Path(folder) / "a.txt", Path(folder) / "b.txt"
        pa.write_text(text_a, encoding="utf-8")
        pb.write_text(text_b, encoding="utf-8")
        regex = ["--word-diff-regex=."] if kind == "chinese" else []
        usage = Path(folder) / "usage"
        # GNU time reports git's own peak: a child's ru_maxrss here would count this process's pages
        timer = ["/usr/bin/time", "-o", str(usage), "-f", "%M"] if Path("/usr/bin/time").exists() else []
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([*timer, "git", "diff", "--no-index", "--no-color", "--word-diff=porcelain",
                              "-U100000000", *regex, str(pa), str(pb)], capture_output=True, text=True,
                             check=False).stdout
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = int(usage.read_text().split()[-1]) / 1024 if timer else after.ru_maxrss / 1024
    ops = []
    lines = out.splitlines()
    first = next((k + 1 for k, line in enumerate(lines) if line.startswith("@@")), len(lines))
    for line in lines[first:]:
        if not line or line[0] == "~":
            continue
        n = len(line) - 1 if kind == "chinese" else len(line[1:].split())
        ops.append(({" ": 0, "-": -1, "+": 1}[line[0]], n))
    extra = {"cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, "peak_mb": peak}
    return _blocks_from_ops(ops), extra


# --- Counterpart ---------------------------------------------------------------------------------

def run_counterpart(text_a: str, text_b: str, truth, kind: str):
    from viewer.analysis import compare
    from viewer.demo import demo_readouts
    from viewer.model import Readout
    from viewer.text import chinese

    compare(*demo_readouts())  # lexicon loaded, as in a window that has shown the demo
    if kind == "chinese":  # jieba's dictionaries loaded: a once-per-process cost, measured apart
        list(chinese.words("中文"))
        import jieba.posseg  # noqa: F401 - its word tags (voice asks them of Chinese speakers)
    a, b = Readout(text_a, label="A"), Readout(text_b, label="B")
    t = cpu()
    # the generated readouts share most of their sentences: analysed as readouts (the costlier mode,
    # and what they stand for), not detected as versions
    c = compare(a, b, mode=None if kind == "versions" else "readouts")
    seconds = cpu() - t
    out = {"cpu": seconds, "mode": c.mode, "links": len(c.links),
           "stages": {k: round(v, 2) for k, v in c.timings.items()}}
    if truth is not None:
        out.update(score_versions(c, truth))
    return out


def _sentence_at(doc, offset: int) -> int:
    starts = [s.start for s in doc.sentences]
    return bisect.bisect_right(starts, offset) - 1


def score_versions(c, truth) -> dict:
    """Replaced words shown inside the reworded or moved link of their two sentences, moves found,
    false moves (see the module's docstring)."""
    from viewer.wording import joined_pieces

    link_of_a = {i: link for link in c.links for i in link.a}
    spans = {}  # id(link) -> (deleted readout intervals of A, inserted ones of B), each with its change size
    for link in c.links:
        if link.kind in ("reworded", "moved") and link.diff:
            spans[id(link)] = _changes(link.diff, joined_pieces(c.a, link.a), joined_pieces(c.b, link.b))
    found = 0
    for r in truth.replaced:
        i, j = _sentence_at(c.a, r.a_start), _sentence_at(c.b, r.b_start)
        link = link_of_a.get(i)
        if link is None or j not in link.b or id(link) not in spans:
            continue
        if any(_covers(dels, r.a_start, r.a_end) and _covers(ins, r.b_start, r.b_end)
               for dels, ins in spans[id(link)]):
            found += 1
    moves = {(_sentence_at(c.a, m.a_start), _sentence_at(c.b, m.b_start)) for m in truth.moved}
    moved_links = [link for link in c.links if link.kind == "moved"]
    moves_found = sum(1 for i, j in moves if any(i in link.a and j in link.b for link in moved_links))
    false_moves = sum(1 for link in moved_links if not any(i in link.a and j in link.b for i, j in moves))
    return {"replaced": found, "moves": moves_found, "false_moves": false_moves}


def _changes(diff, pieces_a, pieces_b):
    """The changes of a link's diff as (deleted A intervals, inserted B intervals) in readout
    offsets, a change being a run of edits with only spaces or punctuation between them, kept when
    it has at most MAX_CHANGE words a side."""
    from viewer.wording import readout_spans

    out = []
    at_a = at_b = 0
    current: tuple[list, list, list[str], list[str]] | None = None

    def close():
        if current and len(" ".join(current[2]).split()) <= MAX_CHANGE and len(" ".join(current[3]).split()) <= MAX_CHANGE:
            out.append((current[0], current[1]))

    for op, text in diff:
        n = len(text)
        if op == 0:
            if current is not None and re.search(r"[^\W_]", text):
                close()
                current = None
            at_a += n
            at_b += n
            continue
        if current is None:
            current = ([], [], [], [])
        if op < 0:
            current[0].extend(readout_spans(pieces_a, at_a, at_a + n))
            current[2].append(text)
            at_a += n
        else:
            current[1].extend(readout_spans(pieces_b, at_b, at_b + n))
            current[3].append(text)
            at_b += n
    close()
    return out


def _covers(intervals, start: int, end: int) -> bool:
    """Whether the intervals cover every character of [start, end) (adjacent ones joined)."""
    pos = start
    for s, e in sorted(intervals):
        if s <= pos < e:
            pos = e
        if pos >= end:
            return True
    return pos >= end


# --- one measurement in this (child) process ----------------------------------------------------

def measure(tool: str, kind: str, size: int) -> dict:
    text_a, text_b, truth = make_pair(kind, size)
    if tool == "counterpart":
        out = run_counterpart(text_a, text_b, truth, kind)
        out["peak_mb"] = peak_mb()
        return out
    (wa, starts_a), (wb, starts_b) = units(text_a, kind), units(text_b, kind)
    t = cpu()
    if tool == "difflib":
        blocks, extra = run_difflib(wa, wb)
    elif tool == "git":
        blocks, extra = run_git(text_a, text_b, kind)
    else:
        blocks, extra = run_dmp(wa, wb, 0.0 if tool == "dmp" else 1.0)
    out = {"cpu": cpu() - t, "peak_mb": peak_mb(), "changes": len(blocks), **extra}
    if truth is not None:
        out.update(replaced=_found_in_blocks(blocks, truth, starts_a, starts_b), moves=0, false_moves=0)
    return out


def child(*args: str, env: dict | None = None) -> dict | str:
    try:
        out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False,
                             env=env, timeout=CHILD_LIMIT)
    except subprocess.TimeoutExpired:
        return f"stopped after {CHILD_LIMIT:.0f} s (wall)"
    if out.returncode != 0:
        return f"failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}"
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- cold start --------------------------------------------------------------------------------

def cold_start(repeat: int = 7) -> dict:
    """Best CPU seconds of a bare interpreter and of the CLI on two short files (warm bytecode and
    cache: the first run, which writes them, is reported apart)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as folder:
        env["COUNTERPART_CACHE"] = str(Path(folder) / "cache")
        a, b = Path(folder) / "a.txt", Path(folder) / "b.txt"
        a.write_text("Secretary Blinken met Foreign Minister Wang Yi in Rome on Tuesday. The two sides discussed "
                     "trade, climate and Ukraine. The Secretary stressed open lines of communication. He raised "
                     "concerns about human rights in Xinjiang and Tibet.\n", encoding="utf-8")
        b.write_text("Foreign Minister Wang Yi met Secretary of State Blinken in Rome. Wang said China firmly opposes "
                     "interference in its internal affairs. The two sides agreed to keep communication channels "
                     "open. China urged the US to stop containing its development.\n", encoding="utf-8")
        cli = [sys.executable, "-m", "viewer", "compare", str(a), str(b)]

        def run(cmd) -> float:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, check=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime

        first = run(cli)
        bare = min(run([sys.executable, "-c", "pass"]) for _ in range(repeat))
        warm = min(run(cli) for _ in range(repeat))
    return {"bare": bare, "cli": warm, "first": first}


def load_times() -> dict[str, float]:
    """In a fresh child: what each once-per-process load costs the first analysis (wall seconds)."""
    from viewer.align import dictionary
    from viewer.lexicon import load_lexicon
    from viewer.text import chinese

    t = time.perf_counter()
    load_lexicon()
    lexicon = time.perf_counter() - t
    t = time.perf_counter()
    list(chinese.words("中文"))
    segmenter = time.perf_counter() - t
    t = time.perf_counter()
    import jieba.posseg  # noqa: F401
    posseg = time.perf_counter() - t
    return {"lexicon": lexicon, "jieba": segmenter, "jieba word tags": posseg, "cc-cedict": dictionary.load_time(),
            "peak MB with all": peak_mb()}


def corpus_timings() -> list[tuple[str, str, int, float]]:
    import corpus

    from viewer.analysis import compare

    rows = []
    for pair_id, a, b in corpus.pairs():
        c = compare(a, b)
        best = min(_cpu_of(lambda a=a, b=b: compare(a, b)) for _ in range(3))
        rows.append((pair_id, f"{c.a.language}/{c.b.language}", c.a.words + c.b.words, best))
    return rows


def _cpu_of(fn) -> float:
    t = cpu()
    fn()
    return cpu() - t


def typical(words: int) -> dict:
    """Best of three warm CPU seconds of a readouts pair of `words` a side (analysed as readouts)."""
    import synthetic

    from viewer.analysis import compare
    from viewer.demo import demo_readouts
    from viewer.model import Readout

    compare(*demo_readouts())
    text_a, text_b = synthetic.pair(words)
    a, b = Readout(text_a, label="A"), Readout(text_b, label="B")
    return {"cpu": min(_cpu_of(lambda: compare(a, b, mode="readouts")) for _ in range(3))}


# --- the report ----------------------------------------------------------------------------------

def _row(size_label: str, tool: str, r: dict | str, base: float | None, truth: dict | None) -> str:
    name = TOOL_NAMES[tool]
    if isinstance(r, str):
        return f"  {size_label:>8}  {name:<24} {r}"
    ratio = f"{r['cpu'] / base:>7.2f}x" if base else f"{'':>8}"
    line = f"  {size_label:>8}  {name:<24} {r['cpu']:>7.2f} {ratio} {r['peak_mb']:>7.0f}"
    if truth is not None:
        moves = f"{r['moves']:>4}/{truth['moved']:<4}" if tool == "counterpart" else f"{'none':>9}"
        false = f"{r['false_moves']:>5}" if tool == "counterpart" else f"{'-':>5}"
        line += f"  {r['replaced']:>5}/{truth['replaced']:<5} {moves} {false}"
    if tool == "counterpart":
        line += f"  mode {r['mode']}, {r['links']} links"
    return line


def compare_tools(kind: str, sizes, tools=TOOLS) -> dict:
    results = {}
    for size in sizes:
        truth = None
        if kind == "versions":
            _, _, t = make_pair(kind, size)
            truth = {"replaced": len(t.replaced), "moved": len(t.moved)}
        rows = {tool: child("--measure", tool, kind, str(size)) for tool in tools}
        base = rows["difflib"]["cpu"] if isinstance(rows.get("difflib"), dict) else None
        label = f"{size // 1000}k"
        for tool, r in rows.items():
            print(_row(label, tool, r, base, truth), flush=True)
        cp = rows["counterpart"]
        if isinstance(cp, dict):
            print(f"  {'':>8}  {'':<24} stages (wall s): {cp['stages']}")
        results[size] = (rows, truth)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", nargs=3, metavar=("TOOL", "KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--loads", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--typical", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="the smallest size of each kind only")
    args = parser.parse_args()
    if args.measure:
        tool, kind, size = args.measure
        print(json.dumps(measure(tool, kind, int(size))))
        return 0
    if args.loads:
        print(json.dumps(load_times()))
        return 0
    if args.typical:
        print(json.dumps(typical(args.typical)))
        return 0
    if args.corpus:
        print(json.dumps(corpus_timings()))
        return 0

    print(f"Machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cold = cold_start()
    print(f"Cold start, CPU s (best of 7): python -c pass {cold['bare']:.3f}, 'python -m viewer compare a.txt b.txt' "
          f"{cold['cli']:.3f}: {cold['cli'] - cold['bare']:.3f} s over a bare interpreter (goal <= 0.25); "
          f"first run, writing bytecode and the lexicon's cache entry: {cold['first']:.3f}")
    loads = child("--loads")
    if isinstance(loads, dict):
        print("Once-per-process loads (wall s, fresh process): " + ", ".join(f"{k} {v:.2f}" for k, v in loads.items()))
        print("  (jieba and its word tags load for Chinese text, CC-CEDICT for Chinese against another language)")
    for words in (1_000, 2_000):
        r = child("--typical", str(words))
        if isinstance(r, dict):
            print(f"Typical pair, {words:,} words a side, warm: {r['cpu']:.3f} CPU s (goal < 0.2)")
    quick = args.quick
    header = f"  {'size':>8}  {'tool':<24} {'CPU s':>7} {'/difflib':>8} {'peak MB':>7}"
    print("\nVersions with known edits (words a side): replaced words shown in place / generated, "
          "moved sentences found / generated, false moves")
    print(header + f"  {'replaced':>11} {'moves':>9} {'false':>5}")
    compare_tools("versions", VERSIONS[:1] if quick else VERSIONS)
    print("\nIndependent readouts (words a side)")
    print(header)
    compare_tools("readouts", READOUTS[1:2] if quick else READOUTS[1:])
    print("\nChinese readouts (characters a side; the baselines diff characters)")
    print(header)
    compare_tools("chinese", CHINESE[:1] if quick else CHINESE)
    print("Goals: versions <= 3x difflib with every edit found and no false move; readouts 100k < 5 s and "
          "< 250 MB; Chinese 50k < 250 MB")

    import corpus

    print()
    if not corpus.available():
        print(f"Real corpus: {corpus.CORPUS} not found; skipped.")
        return 0
    rows = child("--corpus")
    if isinstance(rows, str):
        print(f"Real corpus: {rows}")
        return 0
    print(f"Real corpus ({len(rows)} pairs, best of 3 warm, CPU s; length in words, Han characters for Chinese)")
    for pair_id, langs, words, seconds in rows:
        print(f"  {pair_id:<36} {langs:<6} {words:>6}  {seconds:.3f}")
    same = [r for r in rows if r[1].split("/")[0] == r[1].split("/")[1]]
    cross = [r for r in rows if r not in same]
    for name, group, goal in (("one language", same, 0.2), ("two languages", cross, 0.5)):
        if group:
            worst = max(group, key=lambda r: r[3])
            print(f"  slowest, {name}: {worst[0]} {worst[3]:.3f} s (goal < {goal} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
