"""The analysis as an ordered list of stages, each declaring the fields it reads and assigns.

As in spaCy's components, a stage says what it `requires` and what it `assigns`; the runner
checks once that every field a stage reads was assigned by an earlier stage (or is an input),
times each stage, reports progress and honours cancellation between stages. Field names are
those of `Work` ("lexicon", "settings", "readouts"), of `Comparison` ("links", "topics") or,
for what a stage writes on every sentence or link, "sentence.<attribute>" / "link.<attribute>".

What a stage made stays until the comparison is dropped, so after each stage every object alive is
moved out of the garbage collector's sight (`gc.freeze`, undone when the run ends): its full
collections otherwise walked every token and match of both texts again and again, a sixth of the
CPU time on 100,000 words a side. Objects are still freed as soon as nothing refers to them; only
reference cycles made during a run wait for its end.

A stage writes only what it declares, and assigns its fields afresh on every run (it never
reads what it wrote before), so a settings change that touches a later stage re-runs from that
stage on a copy of the earlier result: `Pipeline.run(work, start=...)`.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from viewer.errors import Cancelled
from viewer.lexicon import Lexicon
from viewer.model import SIDES, Comparison, Document, Link, Readout, Sentence, Settings, Side

Progress = Callable[[str, float], None]


@dataclass
class Work:
    """The blackboard the stages fill: the inputs, the lexicon, and the Comparison being built."""

    readouts: dict[Side, Readout]
    settings: Settings
    lexicon: Lexicon | None = None
    comparison: Comparison | None = None
    should_cancel: Callable[[], bool] | None = None

    @property
    def c(self) -> Comparison:
        """The comparison under construction (the segment stage makes it)."""
        assert self.comparison is not None, "the segment stage runs first"
        return self.comparison


INPUTS = frozenset({"readouts", "settings"})
_WORK_FIELDS = frozenset({"lexicon"})
_COMPARISON_FIELDS = frozenset(f.name for f in dataclasses.fields(Comparison)) | {"docs"}
_PER_ITEM = {"sentence": frozenset(f.name for f in dataclasses.fields(Sentence)),
             "link": frozenset(f.name for f in dataclasses.fields(Link))}


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Work], None]
    requires: frozenset[str]
    assigns: frozenset[str]
    weight: float = 1.0  # share of a typical run's time, for the progress bar
    doc: str = ""

    @staticmethod
    def of(name: str, run: Callable[[Work], None], *, requires: Sequence[str], assigns: Sequence[str],
           weight: float = 1.0) -> Stage:
        return Stage(name, run, frozenset(requires), frozenset(assigns), weight, (run.__doc__ or "").strip())


def _known(name: str) -> bool:
    kind, dot, attribute = name.partition(".")
    if dot:
        return attribute in _PER_ITEM.get(kind, ())
    return name in INPUTS or name in _WORK_FIELDS or name in _COMPARISON_FIELDS


class PipelineError(Exception):
    """The stages are declared in an order that cannot work (a programming error, never the user's)."""


@dataclass
class Pipeline:
    stages: list[Stage]
    names: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.check()
        self.names = [s.name for s in self.stages]

    def check(self) -> None:
        """Every field named exists, every field read was assigned earlier, no field has two writers."""
        assigned: dict[str, str] = dict.fromkeys(INPUTS, "input")
        for stage in self.stages:
            for name in stage.requires | stage.assigns:
                if not _known(name):
                    raise PipelineError(f"stage {stage.name!r} names unknown field {name!r}")
            missing = sorted(stage.requires - assigned.keys())
            if missing:
                raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}, assigned by no earlier stage")
            for name in stage.assigns:
                if name in assigned:
                    raise PipelineError(f"{name!r} is assigned by {assigned[name]!r} and again by {stage.name!r}")
                assigned[name] = stage.name

    def stage(self, name: str) -> Stage:
        return self.stages[self.names.index(name)]

    def run(self, work: Work, *, start: str | None = None, progress: Progress | None = None) -> Comparison:
        """Run the stages (from `start` on, over a copy of `work.comparison`) and return the result."""
        first = self.names.index(start) if start else 0
        todo = self.stages[first:]
        if first:
            if work.comparison is None:
                raise PipelineError(f"a run from {start!r} needs the comparison of an earlier run")
            work.comparison = fork(work.comparison, frozenset().union(*(s.assigns for s in todo)))
        total = sum(s.weight for s in todo) or 1.0
        timings = dict(work.comparison.timings) if first and work.comparison else {}
        done = 0.0
        t_all = time.perf_counter()
        try:
            for stage in todo:
                if work.should_cancel is not None and work.should_cancel():
                    raise Cancelled(stage.name)
                if progress is not None:
                    progress(stage.name, done / total)
                t0 = time.perf_counter()
                stage.run(work)
                timings[stage.name] = time.perf_counter() - t0
                done += stage.weight
                gc.freeze()  # (see the module docstring)
        finally:
            gc.unfreeze()
        c = work.c
        timings["total"] = time.perf_counter() - t_all + (sum(v for k, v in timings.items()
                                                             if k in self.names[:first]) if first else 0.0)
        c.timings = timings
        if progress is not None:
            progress("done", 1.0)
        return c


def fork(c: Comparison, assigns: frozenset[str]) -> Comparison:
    """A copy of `c` that the stages assigning `assigns` may write without touching `c`: the
    comparison itself is copied, and its sentences or links too when those stages write on them
    (a shown result stays as it is while a re-run fills its successor)."""
    docs = {side: c.doc(side) for side in SIDES}
    if any(name.startswith("sentence.") for name in assigns):
        docs = {side: _fork_doc(doc) for side, doc in docs.items()}
    links = [replace(link) for link in c.links] if any(n.startswith("link.") for n in assigns) else list(c.links)
    return replace(c, a=docs["A"], b=docs["B"], links=links, timings=dict(c.timings))


def _fork_doc(doc: Document) -> Document:
    sentences = [replace(s, topics=list(s.topics), passing=list(s.passing)) for s in doc.sentences]
    return replace(doc, sentences=sentences)
