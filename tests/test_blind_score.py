"""The blind scorer's structural estimate of key-difference recall and its choice of grades file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_statement_findings import pair

from viewer.model import Evidence, Finding

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks" / "blind"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import score  # noqa: E402


def _key(**kw):
    base = {"id": "k1", "kind": "attributed", "side": "A", "topic": "taiwan", "speaker": "Joe Biden",
            "marker": None, "evidence": [{"side": "A", "s": 1, "at": 0}]}
    return base | kw


def test_a_key_is_stated_fully_only_by_a_compatible_finding_on_its_side_topic_speaker_and_sentences():
    c = pair(["一。", "二。"], ["One."])
    at = c.a.sentences[1].start + 1  # an offset inside sentence 1: the sentence holding it now
    key = _key(evidence=[{"side": "A", "s": 7, "at": at}])
    good = Finding("attributed", 0.9, "…", [Evidence("A", 1)], topic="taiwan", side="A", speaker="Joe Biden")
    assert score.key_recall(c, key, [good]) == "full"
    other_speaker = Finding("attributed", 0.9, "…", [Evidence("A", 1)], topic="taiwan", side="A", speaker="Wang Yi")
    assert score.key_recall(c, key, [other_speaker]) == "partial"
    voice = Finding("voice", 0.5, "…", [Evidence("A", 1)], side="A", speaker="Joe Biden")
    assert score.key_recall(c, key, [voice]) == "partial"  # a related kind, no topic against it
    elsewhere = Finding("omission", 0.8, "…", [Evidence("A", 0)], topic="trade-economy", side="A")
    assert score.key_recall(c, key, [elsewhere]) == "none"


def test_a_key_about_an_agreement_claimed_is_a_commitments_to_state():
    c = pair(["双方同意。"], ["One."])
    key = _key(kind="tone", topic=None, speaker=None, marker="consensus", evidence=[{"side": "A", "s": 0, "at": 0}])
    commitment = Finding("commitment", 0.8, "…", [Evidence("A", 0)], topic="climate-energy", side="A")
    assert score.key_recall(c, key, [commitment]) == "full"


def test_the_newest_grading_round_is_read(tmp_path, monkeypatch):
    for name in ("p.before.json", "p.after-2.json", "p.after-10.json"):
        (tmp_path / name).write_text(json.dumps({"round": name.split(".")[1], "findings": []}), encoding="utf-8")
    monkeypatch.setattr(score, "GRADES", tmp_path)
    assert score.newest_grades("p")["round"] == "after-10"
