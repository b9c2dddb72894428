"""Readout links across languages scored against the blind graders' link grades.

Graders judged the links (and the unmatched sentences) of the first version, pair by pair
(benchmarks/blind/grades/<pair>.before.json: "links" graded right / partial / wrong with a
reason, "unmatched" with whether the sentence has a clear counterpart and which). Links change
with every fix, so the grades are turned into judgments of sentence PAIRS, which any later link
can be scored by:
- a pair inside a link graded right is right, inside one graded wrong is wrong;
- an unmatched sentence with a counterpart makes its pairs with that counterpart right; one
  without a counterpart makes every pair it is in wrong;
- a partial link's reason names what belongs ("A7 and A12 belong with B6", "its real counterpart
  is A104", "B26 is right") and what does not ("A8 and A9 do not", "not counterparts of B3",
  "B22 ... has no real counterpart"); pairs it leaves unnamed are half right.
A link is then right when all its judged pairs are right, wrong when none is, partial otherwise;
a link with no judged pair is ungraded (counted apart). Precision gives partial links half.
An unmatched sentence "has a counterpart" when the grades say so or when it was in a link graded
right or in a named right pair; it has none when the grades say so.

Sentence numbers of the grades are mapped through the readings' start offsets ("at") to the
current segmentation, so a change of segmentation does not shift them.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

BLIND = Path(__file__).resolve().parent / "blind"
MAX_SIDE = 4  # a readouts link gathers at most this many sentences a side, unless consecutive

_REF = re.compile(r"\b([AB])(\d+)(?:\s*[-–]\s*[AB]?(\d+))?")
_NEGATIVE = re.compile(r"\b(?:do|does) not\b|\bnot counterparts?\b|\bno (?:real |\w+ )?counterpart\b|\bnot belong")
_POSITIVE = re.compile(r"\bbelongs? with\b|\bpairs? (?:best |better )?with\b|\bcounterparts? (?:is|are)\b|"
                       r"\bis right\b|\bmatch(?:es)?\b")

Pair = tuple[int, int]


@dataclass
class Judgments:
    """Pair values of one graded pair (1 right, 0.5 half, 0 wrong) and what sentences lack."""

    pairs: dict[Pair, float] = field(default_factory=dict)
    alone: dict[tuple[str, int], bool] = field(default_factory=dict)  # sentence -> has a counterpart

    def value(self, i: int, j: int) -> float | None:
        if (i, j) in self.pairs:
            return self.pairs[(i, j)]
        if self.alone.get(("A", i)) is False or self.alone.get(("B", j)) is False:
            return 0.0
        return None


@dataclass
class Tally:
    right: int = 0
    partial: int = 0
    wrong: int = 0
    ungraded: int = 0
    unmatched_known: int = 0
    unmatched_missed: int = 0  # unmatched sentences with a clear counterpart
    oversized: int = 0  # links over MAX_SIDE sentences a side, not consecutive
    largest: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            if name == "largest":
                self.largest = max(self.largest, other.largest)
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def graded(self) -> int:
        return self.right + self.partial + self.wrong

    @property
    def precision(self) -> float:
        return (self.right + 0.5 * self.partial) / self.graded if self.graded else 1.0

    @property
    def missed(self) -> float:
        return self.unmatched_missed / self.unmatched_known if self.unmatched_known else 0.0


def _refs(text: str) -> list[tuple[str, int]]:
    out = []
    for m in _REF.finditer(text):
        first = int(m.group(2))
        last = int(m.group(3)) if m.group(3) else first
        out.extend((m.group(1), k) for k in range(first, max(first, last) + 1))
    return out


def _side(refs: list[tuple[str, int]], side: str) -> list[int]:
    return [k for s, k in refs if s == side]


def parse_partial(a: list[int], b: list[int], reason: str) -> dict[Pair, float]:
    """Pair values a partial link's reason states; the link's other pairs are half right."""
    values: dict[Pair, float] = {(i, j): 0.5 for i in a for j in b}
    before: list[tuple[str, int]] = []
    for clause in re.split(r";|, but |, and |\bbut\b|(?=, not )", reason):
        refs = _refs(clause)
        # "A25-A31 are Xi's positions, not counterparts of B3": the "not" speaks of what precedes it
        tail = clause.startswith(", not ")
        negative = tail or bool(_NEGATIVE.search(clause))
        context, before = (before if tail else []), refs
        if not refs or (not negative and not _POSITIVE.search(clause)):
            continue
        # a side the clause does not name is the preceding clause's ("not"), else the link's
        in_a = _side(refs, "A") or _side(context, "A") or a
        in_b = _side(refs, "B") or _side(context, "B") or b
        for i in in_a:
            for j in in_b:
                values[(i, j)] = 0.0 if negative else 1.0
    return values


def judgments(grade: dict, to_a: Callable[[int], int], to_b: Callable[[int], int]) -> Judgments:
    """The pair judgments of one grade file, in current sentence numbers."""
    out = Judgments()

    def put(i: int, j: int, v: float, strong: bool) -> None:
        key = (to_a(i), to_b(j))
        if strong or key not in out.pairs:
            out.pairs[key] = v

    for link in grade.get("links", []):
        a, b, g = link["a"], link["b"], link["grade"]
        if g == "partial":
            for (i, j), v in parse_partial(a, b, link.get("reason", "")).items():
                put(i, j, v, v != 0.5)
        else:
            for i in a:
                for j in b:
                    put(i, j, 1.0 if g == "right" else 0.0, True)
                    if g == "right":
                        out.alone[("A", to_a(i))] = True
                        out.alone[("B", to_b(j))] = True
    for item in grade.get("unmatched", []):
        side, s = item["side"], item["s"]
        here = to_a(s) if side == "A" else to_b(s)
        out.alone.setdefault((side, here), bool(item["has_counterpart"]))
        for k in item.get("counterpart", []):
            i, j = (s, k) if side == "A" else (k, s)
            put(i, j, 1.0, True)
    for (i, j), v in out.pairs.items():
        if v == 1.0:
            out.alone[("A", i)] = out.alone[("B", j)] = True
    return out


def graded_links(grade: dict, to_a: Callable[[int], int], to_b: Callable[[int], int]) -> set[tuple[tuple[int, ...], ...]]:
    """The links the graders saw, in current sentence numbers: a pair whose links differ from them
    needs a new grading round."""
    return {(tuple(sorted({to_a(i) for i in link["a"]})), tuple(sorted({to_b(j) for j in link["b"]})))
            for link in grade.get("links", [])}


def renumber(doc, rows: list[dict]) -> Callable[[int], int]:
    """Sentence numbers of a reading -> those of `doc` now, through each sentence's start offset."""
    starts = {row["s"]: row["at"] for row in rows}
    ends = [s.end for s in doc.sentences]

    def to(k: int) -> int:
        at = starts.get(k)
        return k if at is None else min(bisect.bisect_right(ends, at), len(ends) - 1)

    return to


def grade_files() -> Iterable[tuple[str, dict, dict]]:
    """(pair, grade, reading) for every graded pair whose grade has link judgments."""
    for path in sorted((BLIND / "grades").glob("*.before.json")):
        grade = json.loads(path.read_text(encoding="utf-8"))
        reading_path = BLIND / "readings" / f"{grade['pair']}.json"
        if "links" not in grade or not reading_path.exists():
            continue
        yield grade["pair"], grade, json.loads(reading_path.read_text(encoding="utf-8"))


def score(links: list[tuple[list[int], list[int]]], unmatched: dict[str, list[int]], j: Judgments,
          describe: Callable[[str], None] | None = None) -> Tally:
    """The tally of one pair's current links and unmatched sentences."""
    t = Tally()
    for a, b in links:
        size = max(len(a), len(b))
        t.largest = max(t.largest, size)
        for ids in (a, b):
            if len(ids) > MAX_SIDE and ids[-1] - ids[0] + 1 != len(ids):
                t.oversized += 1
        values = [v for i in a for k in b if (v := j.value(i, k)) is not None]
        if not values:
            t.ungraded += 1
            grade = "ungraded"
        elif all(v == 1.0 for v in values):
            t.right += 1
            grade = "right"
        elif all(v == 0.0 for v in values):
            t.wrong += 1
            grade = "wrong"
        else:
            t.partial += 1
            grade = "partial"
        if describe is not None:
            describe(f"{grade:8} A{a} B{b} " + " ".join(
                f"{i}-{k}:{'?' if (v := j.value(i, k)) is None else v}" for i in a for k in b))
    for side in ("A", "B"):
        for s in unmatched[side]:
            known = j.alone.get((side, s))
            if known is None:
                continue
            t.unmatched_known += 1
            if known:
                t.unmatched_missed += 1
                if describe is not None:
                    describe(f"missed   {side}{s}")
    return t
