"""How Counterpart reads the texts, scored against the blind readings (benchmarks/blind/readings/).

Each reading gives, per side and sentence, the speaker, furniture, opening and topics, and per side
its government, its name, its lede, its principal, its tone markers and the topics it discusses.
This script runs the pipeline on every read pair, twice: as a user opens the corpus files (the
metadata header read as metadata, no label given) and as plain text without any header (a user's
own file: side and name must come from the text), and scores per side:

    principal  the principal's share of the (non-furniture) sentences within 10 points of the reading's
    speakers   sentences whose speaker is the reader's (person, "both" or the narrator)
    lede       the lede topic is the reader's
    furniture  sentences whose furniture flag is the reader's
    tone       tone markers present on a side: F1 over (pair, side, tone)
    one-sided  topics discussed on one side only: precision and recall over (pair, side, topic)
    side       the government whose account it is (with the header; and from the plain text)
    name       named as the reader names it ("the Chinese readout": "Chinese", "Chinese MFA" ...)

Tuning pairs are shown pair by pair; held-out pairs only as totals (nobody who changes the analysis
looks at them). `make corpus` runs it; it fails when a held-out or tuning total falls below FLOORS.

    .venv/bin/python benchmarks/blind/score_reading.py [-v]   (-v: the tuning sentences that miss)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402
from gate import gate  # noqa: E402

from viewer.analysis import compare  # noqa: E402
from viewer.ingest import read_source  # noqa: E402
from viewer.model import BOTH, SIDES, Comparison, Readout  # noqa: E402

READINGS = HERE / "readings"
SPLITS = ("tune", "holdout")

# Floors: a little below the figures reached when they were set, so that a regression fails. At the
# start of issue 10 (main, before the statements stage) the same script gave, tune / held-out:
# principal 0.72 / 0.60, speakers 0.89 / 0.83, lede 0.00 / 0.00, furniture 0.96 / 0.92, tone F1
# 0.87 / 0.85, one-sided P 0.76 / 0.84 and R 0.65 / 0.81, side 0.00 / 0.00, name 0.33 / 0.40
# (plain files 0.39 / 0.50). When set: tune principal 1.00, speakers 1.00, lede 0.94, furniture
# 1.00, tone F1 0.98, one-sided P 0.85 R 0.71, side and name 1.00; held-out principal 0.80,
# speakers 0.91, lede 0.70, furniture 0.99, tone F1 0.87, one-sided P 0.80 R 0.83, side and name 1.00.
FLOORS: dict[tuple[str, str], float] = {
    **{("tune", k): v for k, v in {
        "principal": 0.90, "speakers": 0.95, "lede": 0.85, "furniture": 0.97, "tone F1": 0.93,
        "one-sided P": 0.80, "one-sided R": 0.65, "side": 0.95, "side (plain)": 0.95, "name": 0.95,
        "name (plain)": 0.95}.items()},
    **{("holdout", k): v for k, v in {
        "principal": 0.75, "speakers": 0.88, "lede": 0.65, "furniture": 0.95, "tone F1": 0.84,
        "one-sided P": 0.75, "one-sided R": 0.78, "side": 0.95, "side (plain)": 0.95, "name": 0.95,
        "name (plain)": 0.95}.items()},
}


@dataclass
class Tally:
    """Counts over the sides of one split (or one pair)."""

    sides: int = 0
    principal_ok: int = 0
    lede_ok: int = 0
    side_ok: int = 0
    side_plain_ok: int = 0
    name_ok: int = 0
    name_plain_ok: int = 0
    sentences: int = 0
    speaker_ok: int = 0
    furniture_seen: int = 0
    furniture_ok: int = 0
    tone: Counter = field(default_factory=Counter)  # tp, fp, fn
    onesided: Counter = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, Counter):
                getattr(self, name).update(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def scores(self) -> dict[str, float]:
        def prf(c: Counter) -> tuple[float, float, float]:
            p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
            r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        n = self.sides or 1
        tone_p, tone_r, tone_f = prf(self.tone)
        one_p, one_r, _ = prf(self.onesided)
        return {
            "principal": self.principal_ok / n,
            "speakers": self.speaker_ok / (self.sentences or 1),
            "lede": self.lede_ok / n,
            "furniture": self.furniture_ok / (self.furniture_seen or 1),
            "tone F1": tone_f,
            "one-sided P": one_p,
            "one-sided R": one_r,
            "side": self.side_ok / n,
            "side (plain)": self.side_plain_ok / n,
            "name": self.name_ok / n,
            "name (plain)": self.name_plain_ok / n,
        }


def _person_key(name: str | None) -> str | None:
    """Speakers compared as a reader writes them: "both", None (the narrator) or a person's name,
    matched on its family name ("Lavrov" meets "Sergey Lavrov", "Wang" meets "Wang Yi")."""
    if name is None or name == BOTH:
        return name
    words = re.findall(r"[^\W\d_]+", name.casefold())
    if not words:
        return name.casefold()
    known = {"xi": "xi", "wang": "wang", "li": "li"}  # Chinese family names come first
    return known.get(words[0], words[-1])


def _same_speaker(ours: str | None, theirs: str | None) -> bool:
    return _person_key(ours) == _person_key(theirs)


def _name_ok(ours: str, reading: str) -> bool:
    """The reader's "the Russian (Kremlin) readout" accepts "Russian", "Kremlin", "Russian MFA"; never a
    file name, a headline or a cut-off title."""
    ours = ours.strip().casefold()
    ours = re.sub(r"^the\s+", "", ours)
    ours = re.sub(r"\s+readout$", "", ours)
    if not ours or "…" in ours or re.search(r"[a-z]{2}-[a-z]{2}", ours) or len(ours.split()) > 4:
        return False
    name = re.sub(r"^the\s+|\s+readout\b", "", reading.casefold()).strip()
    main = re.sub(r"\s*\(.*?\)", "", name).strip()
    others = [re.sub(r"\s+report$", "", x).strip() for x in re.findall(r"\((.*?)\)", name)]
    return ours == main or ours.startswith(main + " ") or ours in others


def _sentence_at(c: Comparison, side: str, at: int):
    for s in c.doc(side).sentences:
        if s.start <= at < s.end:
            return s
    return None


def _discussed(c: Comparison, side: str) -> set[str]:
    return {t.id for t in c.topics if t.sentences.get(side)}


def _score_side(c: Comparison, plain: Comparison, side: str, rs: dict, verbose: bool, pair: str) -> Tally:
    t = Tally(sides=1)
    doc = c.doc(side)
    rows = [r for r in rs["sentences"] if not r.get("furniture")]
    principal = rs["principal"]
    theirs = sum(1 for r in rows if _same_speaker(r.get("speaker"), principal)) / (len(rows) or 1)
    body = [s for s in doc.sentences if not s.furniture]
    ours = sum(1 for s in body if _same_speaker(s.speaker, principal)) / (len(body) or 1)
    t.principal_ok = int(abs(ours - theirs) <= 0.10)
    t.lede_ok = int(c.ledes.get(side) == rs["lede"])
    t.side_ok = int(c.sides.get(side) == rs["side"])
    t.side_plain_ok = int(plain.sides.get(side) == rs["side"])
    t.name_ok = int(_name_ok(c.labels.get(side, ""), rs["name"]))
    t.name_plain_ok = int(_name_ok(plain.labels.get(side, ""), rs["name"]))
    misses = []
    for r in rs["sentences"]:
        s = _sentence_at(c, side, r["at"])
        if s is None:
            continue
        t.furniture_seen += 1
        t.furniture_ok += int(bool(r.get("furniture")) == s.furniture)
        if r.get("furniture"):
            continue
        t.sentences += 1
        ok = _same_speaker(s.speaker, r.get("speaker"))
        t.speaker_ok += int(ok)
        if not ok:
            misses.append(f"      {side}{s.i} speaker {s.speaker!r}, reader {r.get('speaker')!r}: {s.text[:90]!r}")
    tones = {m.id for m in c.tone.get(side, [])}
    t.tone.update(tp=len(tones & set(rs["tone"])), fp=len(tones - set(rs["tone"])), fn=len(set(rs["tone"]) - tones))
    if verbose:
        print(f"    {side} principal {ours:.0%} (reader {theirs:.0%}), lede {c.ledes.get(side)} (reader {rs['lede']}), "
              f"side {c.sides.get(side)}/{plain.sides.get(side)} (reader {rs['side']}), "
              f"name {c.labels.get(side)!r}/{plain.labels.get(side)!r} (reader {rs['name']!r})")
        if tones != set(rs["tone"]):
            print(f"      tone extra {sorted(tones - set(rs['tone']))} missing {sorted(set(rs['tone']) - tones)}")
        print("\n".join(misses))
    return t


def _score_pair(reading: dict, verbose: bool) -> Tally | None:
    folder = corpus.CORPUS / reading["pair"]
    files = [folder / reading["sides"][side]["file"] for side in SIDES]
    if not all(f.is_file() for f in files):
        return None
    readouts = [read_source(str(f)) for f in files]
    c = compare(*readouts)
    plain = compare(*(Readout(text=r.text) for r in readouts))
    tally = Tally()
    for side in SIDES:
        tally.add(_score_side(c, plain, side, reading["sides"][side], verbose, reading["pair"]))
    read = {side: set(reading["sides"][side]["topics"]) for side in SIDES}
    found = {side: _discussed(c, side) for side in SIDES}
    for side, o in (("A", "B"), ("B", "A")):
        gold, got = read[side] - read[o], found[side] - found[o]
        tally.onesided.update(tp=len(gold & got), fp=len(got - gold), fn=len(gold - got))
        if verbose and gold != got:
            print(f"    one-sided {side}: extra {sorted(got - gold)} missing {sorted(gold - got)}")
    return tally


def _line(name: str, scores: dict[str, float]) -> str:
    return f"{name:34} " + "  ".join(f"{k} {v:.2f}" for k, v in scores.items())


def main(argv: list[str]) -> int:
    if not corpus.available():
        print(f"no corpus at {corpus.CORPUS}: nothing to score")
        return 0
    verbose = "-v" in argv
    totals = {split: Tally() for split in SPLITS}
    for path in sorted(READINGS.glob("*.json")):
        reading = json.loads(path.read_text(encoding="utf-8"))
        split = reading["split"]
        tune = split == "tune"
        if tune and verbose:
            print(f"  {reading['pair']}")
        tally = _score_pair(reading, verbose and tune)
        if tally is None:
            continue
        totals[split].add(tally)
        if tune:
            print(_line(reading["pair"], tally.scores()))
    scores: dict[tuple[str, str], float] = {}
    for split in SPLITS:
        print(_line(f"TOTAL {split} ({totals[split].sides} sides)", totals[split].scores()))
        scores.update({(split, k): v for k, v in totals[split].scores().items()})
    return gate(scores, FLOORS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
