"""The declared pipeline: the order is checked, every stage writes only what it declares, and a
re-run starts at the first stage a change touches without touching the earlier result."""

from __future__ import annotations

import copy
import dataclasses
import gc
from dataclasses import replace

import pytest

from viewer.analysis import PIPELINE, compare, first_stage, rerun
from viewer.demo import demo_readouts
from viewer.errors import Cancelled
from viewer.model import SIDES, Comparison, Settings
from viewer.pipeline import Pipeline, PipelineError, Stage, Work


def noop(work: Work) -> None:
    """Does nothing."""


def test_the_pipeline_of_the_analysis_passes_its_own_check():
    PIPELINE.check()
    assert PIPELINE.names[:5] == ["lexicon", "segment", "annotate", "statements", "align"]
    assert PIPELINE.names[-1] == "findings"


@pytest.mark.parametrize("stages, problem", [
    ([Stage.of("a", noop, requires=["links"], assigns=["topics"])], "requires links"),
    ([Stage.of("a", noop, requires=[], assigns=["no-such-field"])], "unknown field"),
    ([Stage.of("a", noop, requires=[], assigns=["sentence.nope"])], "unknown field"),
    ([Stage.of("a", noop, requires=[], assigns=["links"]),
      Stage.of("b", noop, requires=[], assigns=["links"])], "again by 'b'"),
])
def test_a_pipeline_in_an_order_that_cannot_work_is_refused(stages, problem):
    with pytest.raises(PipelineError, match=problem):
        Pipeline(stages)


def _fields(c: Comparison) -> dict[str, object]:
    """Every value a stage may write: the comparison's fields and each sentence's and link's."""
    out: dict[str, object] = {f.name: getattr(c, f.name) for f in dataclasses.fields(c)
                              if f.name not in ("a", "b", "timings", "links")}
    out["links"] = [id(link) for link in c.links]  # the list itself; what is inside, below
    for side in SIDES:
        for s in c.doc(side).sentences:
            for f in dataclasses.fields(s):
                out.setdefault(f"sentence.{f.name}", []).append(getattr(s, f.name))
    for link in c.links:
        for f in dataclasses.fields(link):
            out.setdefault(f"link.{f.name}", []).append(getattr(link, f.name))
    return copy.deepcopy(out)


def test_every_stage_writes_only_what_it_declares():
    a, b = demo_readouts()
    work = Work({"A": a, "B": b}, Settings())
    for k, stage in enumerate(PIPELINE.stages):
        before = _fields(work.comparison) if work.comparison is not None else None
        stage.run(work)
        if before is None:
            continue
        after = _fields(work.c)
        changed = {name for name in after if after[name] != before.get(name)}
        # links made afresh by align count as the align stage's "link.*"
        undeclared = {n for n in changed if n not in stage.assigns and not (
            n.startswith("link.") and "links" in stage.assigns)}
        assert not undeclared, f"stage {stage.name} (#{k}) wrote {sorted(undeclared)} without declaring it"


def test_each_stage_is_timed_and_a_cancel_stops_between_stages():
    a, b = demo_readouts()
    c = compare(a, b)
    assert set(PIPELINE.names) | {"total"} == set(c.timings)
    calls = []

    def cancel_after_segment() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        compare(a, b, should_cancel=cancel_after_segment)


def test_a_run_hands_every_object_back_to_the_garbage_collector_when_it_ends_or_is_cancelled():
    a, b = demo_readouts()
    compare(a, b)
    assert gc.get_freeze_count() == 0
    with pytest.raises(Cancelled):
        compare(a, b, should_cancel=lambda: gc.get_freeze_count() > 0)  # cancelled once a stage has run
    assert gc.get_freeze_count() == 0


def test_a_new_label_reruns_only_the_labels_and_findings_and_leaves_the_shown_result_alone():
    a, b = demo_readouts()
    first = compare(a, b)
    shown_findings = [f.text for f in first.findings]
    renamed = {"A": replace(a, label="Ruritania"), "B": b}
    assert first_stage(first, renamed, first.settings) == "labels"
    second = rerun(first, renamed, first.settings)
    assert second.label("A") == "Ruritania" and first.label("A") == a.label
    assert [f.text for f in first.findings] == shown_findings
    assert any("Ruritania" in f.text for f in second.findings)
    assert second.a.sentences is first.a.sentences  # nothing before the labels stage was redone
    assert second.links is not first.links or second.links == first.links


def test_a_forced_mode_reruns_from_alignment_and_new_text_from_segmentation():
    a, b = demo_readouts()
    first = compare(a, b)
    versions = Settings(mode="versions")
    assert first_stage(first, {"A": a, "B": b}, versions) == "align"
    second = rerun(first, {"A": a, "B": b}, versions)
    assert second.mode == "versions" and first.mode == "readouts"
    assert [s.speaker for s in first.a.sentences] == [s.speaker for s in second.a.sentences]
    edited = {"A": replace(a, text=a.text + "\n\nThey will meet again."), "B": b}
    assert first_stage(first, edited, first.settings) == "segment"
    assert len(rerun(first, edited, first.settings).a.sentences) == len(first.a.sentences) + 1
