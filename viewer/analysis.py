"""The one analysis every front end calls: two readouts in, one Comparison out.

The pipeline, stage by stage (ingest happens before: the caller turns paths or pasted text into
Readouts; presenting and exporting happen after). Each stage declares what it reads and what it
assigns; `viewer.pipeline` checks the order once and runs them, timing each.

    lexicon      load the built-in and user lexicons (it teaches jieba the names to keep whole)
    segment      paragraphs, sentences, tokens, language of each readout      viewer.text
    annotate     topic, entity and tone-marker matches of every sentence      viewer.lexicon
    statements   furniture, opening, topics and speaker of every sentence;    viewer.statements
                 each side's government, principal, lede, statements
    align        links between the sentences of A and B, unmatched ones       viewer.align
    wording      the word diff inside each link (texts in one language)       viewer.wording
    coverage     topics discussed or touched, share, first mention, rank      viewer.emphasis
    distinctive  the most over-represented terms of each side                 viewer.emphasis
    labels       the names findings give the two sides                        viewer.statements
    findings     ranked plain-language findings with their evidence           viewer.emphasis

Statements (and so speakers) come before alignment: across languages a joint statement ("the two
leaders agreed", 两国元首同意) is linked to the other side's joint statement rather than to a
leader's own words.

`progress(stage, fraction)` and `should_cancel()` let the window run it in a worker; `rerun`
repeats only the stages a settings change touches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from viewer import statements
from viewer.align import align
from viewer.emphasis import distinctive
from viewer.emphasis.coverage import coverage
from viewer.emphasis.ranking import all_findings
from viewer.lexicon import load_lexicon
from viewer.model import SIDES, Comparison, Mode, Readout, Settings, Side
from viewer.pipeline import Pipeline, Progress, Stage, Work
from viewer.statements.sides import country_code, names, side_of_label
from viewer.text import segment
from viewer.wording import DiffBudget, link_diff


def _lexicon(w: Work) -> None:
    """The built-in lexicon and the user's files (cached per process)."""
    w.lexicon = load_lexicon(w.settings.lexicons)


def _segment(w: Work) -> None:
    """Both readouts segmented; the Comparison is made here, its mode settled by alignment."""
    a, b = (segment(w.readouts[side]) for side in SIDES)
    w.comparison = Comparison(mode=w.settings.mode or "readouts", a=a, b=b, settings=w.settings)


def _annotate(w: Work) -> None:
    """Lexicon matches and tone marks of every sentence, and the names of what was found."""
    c, lexicon = w.c, w.lexicon
    for side in SIDES:
        lexicon.annotate(c.doc(side))
    c.names = lexicon.names([c.a, c.b])


def _align(w: Work) -> None:
    """Links by meaning (readouts) or by position with moves (versions); across languages by concepts."""
    c = w.c
    result = align(c.a, c.b, mode=w.settings.mode, lexicon=w.lexicon, should_cancel=w.should_cancel)
    c.mode, c.links, c.unmatched = result.mode, result.links, result.unmatched


def _wording(w: Work) -> None:
    """The words added, dropped or changed inside each link of two texts in one language."""
    c = w.c
    budget = DiffBudget.for_size(len(c.a.text) + len(c.b.text))  # the links' word diffs share it
    for link in c.links:
        link.diff = None if c.cross_language else link_diff(link, c.a, c.b, budget)


def _statements(w: Work) -> None:
    """Furniture, opening, topics and speakers of every sentence; whose account each readout is,
    its principal, its lede, whether it is cut off, and its statements; the tone marks of each
    side outside its page furniture."""
    c = w.c
    reading = statements.read({side: c.doc(side) for side in SIDES}, w.lexicon)
    c.statements, c.ledes, c.truncated = reading.statements, reading.ledes, reading.truncated
    c.sides = {side: w.lexicon.entity_label(f"country:{code}") if code else None for side, code in reading.sides.items()}
    c.speakers, c.principals, c.countries = reading.speakers, reading.principals, reading.countries
    c.tone = {side: [m for s in c.doc(side).sentences if not s.furniture for m in s.tone_marks] for side in SIDES}


def _coverage(w: Work) -> None:
    """Which topics each side discusses or only touches, and how much room it gives them, counted
    over statements."""
    w.c.topics = coverage(w.c, w.lexicon)


def _distinctive(w: Work) -> None:
    """Log-odds (informative Dirichlet prior) of words, or of concepts across languages."""
    w.c.distinctive = distinctive.distinctive(w.c, w.lexicon)


def _labels(w: Work) -> None:
    """Each readout named as a brief names it ("White House", "Chinese", "Chinese MFA" against
    "Xinhua"), never by a file name or a headline; two sides are never named alike."""
    c = w.c
    codes = {side: country_code(c.sides.get(side)) for side in SIDES}
    c.labels = names(w.readouts, {side: c.doc(side) for side in SIDES}, codes, c.principals, w.lexicon)


def _findings(w: Work) -> None:
    """Ranked findings, each with the sentences that carry it."""
    w.c.findings = all_findings(w.c, w.lexicon)


PIPELINE = Pipeline([
    Stage.of("lexicon", _lexicon, requires=["settings"], assigns=["lexicon"], weight=0.05),
    Stage.of("segment", _segment, requires=["readouts", "settings", "lexicon"],
             assigns=["docs", "a", "b"], weight=0.2),
    Stage.of("annotate", _annotate, requires=["docs", "lexicon"],
             assigns=["sentence.hits", "sentence.tone_marks", "sentence.tone_words", "sentence.tone", "names"], weight=0.1),
    Stage.of("statements", _statements, requires=["docs", "sentence.hits", "sentence.tone_marks", "lexicon"],
             assigns=["sentence.furniture", "sentence.opening", "sentence.topics", "sentence.passing",
                      "sentence.speaker", "statements", "sides", "ledes", "truncated", "speakers", "principals",
                      "countries", "tone"], weight=0.15),
    Stage.of("align", _align, requires=["docs", "sentence.hits", "sentence.tone", "sentence.speaker", "lexicon"],
             assigns=["mode", "links", "unmatched"], weight=0.3),
    Stage.of("wording", _wording, requires=["links"], assigns=["link.diff"], weight=0.05),
    Stage.of("coverage", _coverage, requires=["docs", "statements", "sentence.passing", "lexicon"],
             assigns=["topics"], weight=0.05),
    Stage.of("distinctive", _distinctive, requires=["docs", "sentence.hits", "sentence.tone_marks", "lexicon"],
             assigns=["distinctive"], weight=0.05),
    Stage.of("labels", _labels, requires=["readouts", "docs", "sides", "principals", "lexicon"],
             assigns=["labels"], weight=0.0),
    Stage.of("findings", _findings,
             requires=["mode", "links", "link.diff", "unmatched", "topics", "sentence.topics", "sentence.speaker",
                       "speakers", "principals", "countries", "tone", "sentence.tone_words", "distinctive", "labels",
                       "lexicon"],
             assigns=["findings"], weight=0.05),
])


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
    work = Work({"A": a, "B": b}, Settings(mode=mode, lexicons=tuple(str(p) for p in lexicons)),
                should_cancel=should_cancel)
    return PIPELINE.run(work, progress=progress)


def first_stage(previous: Comparison, readouts: dict[Side, Readout], settings: Settings) -> str:
    """The earliest stage a change of readouts or settings touches: a new label re-runs only the
    labels and the findings (from the statements when it names another government: "White House"
    makes the readout the United States' account), a forced mode from alignment on, new texts,
    languages or lexicons everything."""
    old = {side: previous.doc(side).readout for side in SIDES}
    if settings.lexicons != previous.settings.lexicons:
        return "lexicon"
    if any(replace(readouts[s], label="") != replace(old[s], label="") for s in SIDES):
        return "segment"
    if settings.mode != previous.settings.mode:
        return "align"
    if any(side_of_label(readouts[s]) != side_of_label(old[s]) for s in SIDES):
        return "statements"
    return "labels"


def rerun(
    previous: Comparison,
    readouts: dict[Side, Readout],
    settings: Settings,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Comparison:
    """The comparison of `readouts` under `settings`, re-using what `previous` computed before the
    first stage the change touches; `previous` itself is left as it is."""
    start = first_stage(previous, readouts, settings)
    if start == "lexicon":
        return PIPELINE.run(Work(readouts, settings, should_cancel=should_cancel), progress=progress)
    previous = replace(previous, settings=settings, a=replace(previous.a, readout=readouts["A"]),
                       b=replace(previous.b, readout=readouts["B"]))
    work = Work(readouts, settings, lexicon=load_lexicon(settings.lexicons), comparison=previous,
                should_cancel=should_cancel)
    return PIPELINE.run(work, start=start, progress=progress)
