"""The one analysis every front end calls: two readouts in, one Comparison out.

ingest happens before (the caller turns paths or pasted text into Readouts); this runs
segment -> lexicon matches -> align (with the word diff inside links) -> measure emphasis
-> findings.
`progress(stage, fraction)` and `should_cancel()` let the window run it in a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from babel import Locale

from viewer.align import align
from viewer.emphasis import measure
from viewer.emphasis.lexicon import load_lexicon
from viewer.errors import Cancelled
from viewer.model import Comparison, Mode, Readout
from viewer.text import segment
from viewer.text.language import detect_language

Progress = Callable[[str, float], None]


def _distinct_labels(a: Readout, b: Readout) -> tuple[Readout, Readout]:
    """Two sides with one name make every finding unreadable ("Only the Ministry … readout
    mentions …"): tell them apart by language when the languages differ (one text and its
    translation: "Xinhua (Spanish)"), else by file name, else by side letter."""
    if a.label.strip().casefold() != b.label.strip().casefold():
        return a, b
    languages = [r.language or detect_language(r.text) for r in (a, b)]
    if languages[0] != languages[1]:
        names = [Locale("en").languages.get(code.split("-")[0], code) for code in languages]
    else:
        names = [Path(r.source).stem if r.source else "" for r in (a, b)]
        if not all(names) or names[0] == names[1]:
            names = ["A", "B"]
    base = a.label.strip()
    return (replace(a, label=f"{base} ({names[0]})" if base else names[0]),
            replace(b, label=f"{base} ({names[1]})" if base else names[1]))


def compare(
    a: Readout,
    b: Readout,
    *,
    mode: Mode | None = None,
    lexicons: Sequence[str | Path] = (),
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """Analyse a pair. `mode` None chooses readouts/versions from the texts themselves."""
    timings: dict[str, float] = {}

    def step(name: str, fraction: float) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled(name)
        if progress is not None:
            progress(name, fraction)

    t0 = time.perf_counter()
    # the lexicon first: loading it teaches jieba the Chinese names the segmenter must keep whole
    lexicon = load_lexicon(lexicons)
    loading = time.perf_counter() - t0
    a, b = _distinct_labels(a, b)
    t0 = time.perf_counter()
    step("segment", 0.0)
    doc_a = segment(a)
    step("segment", 0.15)
    doc_b = segment(b)
    timings["segment"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    step("lexicon", 0.25)
    lexicon.annotate(doc_a)
    lexicon.annotate(doc_b)
    timings["lexicon"] = loading + time.perf_counter() - t1

    t1 = time.perf_counter()
    step("align", 0.3)
    result = align(doc_a, doc_b, mode=mode, lexicon=lexicon, should_cancel=should_cancel)
    timings["align"] = time.perf_counter() - t1

    comparison = Comparison(
        mode=result.mode, a=doc_a, b=doc_b, links=result.links, unmatched=result.unmatched
    )
    t2 = time.perf_counter()
    step("emphasis", 0.7)
    measure(comparison, lexicon)
    timings["emphasis"] = time.perf_counter() - t2
    timings["total"] = time.perf_counter() - t0
    comparison.timings = timings
    step("done", 1.0)
    return comparison
