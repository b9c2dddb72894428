"""Emphasis: topics, prominence, omissions, voice, tone, distinctive vocabulary and findings.

`measure` is the stage the pipeline calls after alignment; each measure lives in its own module
(coverage, voice, distinctive, findings) and is a pure function of the documents, their lexicon
matches and the links.
"""

from __future__ import annotations

from viewer.emphasis import findings as fnd
from viewer.emphasis.coverage import coverage
from viewer.emphasis.distinctive import distinctive
from viewer.emphasis.version_findings import version_findings
from viewer.emphasis.voice import attribute, principal, shares
from viewer.emphasis.wordlists import stop_words
from viewer.model import SIDES, Comparison, Side


def measure(comparison: Comparison, lexicon) -> None:
    """Fill the emphasis fields of `comparison` (and each sentence's speaker and topics) in place."""
    comparison.topics = coverage(comparison, lexicon)

    countries: dict[str, str | None] = {}
    for side in SIDES:
        countries.update(attribute(comparison.doc(side), lexicon))
    comparison.speakers = {side: shares(comparison.doc(side)) for side in SIDES}
    principals: dict[Side, str | None] = {side: principal(comparison.doc(side)) for side in SIDES}

    comparison.tone = {
        side: [m for s in comparison.doc(side).sentences for m in s.tone_marks] for side in SIDES
    }
    comparison.distinctive = distinctive(comparison, lexicon)

    if comparison.mode == "versions":
        found = version_findings(comparison, lexicon, stop_words(comparison.a.language))
        comparison.findings = sorted((f for f in found if f.evidence), key=lambda f: -f.weight)
        return
    found = fnd.topic_findings(comparison, comparison.topics, lexicon)
    omitted: dict[Side, set[str]] = {
        side: {f.topic for f in found if f.kind == "omission" and f.side == side and f.topic} for side in SIDES
    }
    found += fnd.entity_findings(comparison, lexicon, omitted)
    found += fnd.voice_findings(comparison, principals, countries)
    found += fnd.tone_findings(comparison, lexicon)
    found += fnd.distinctive_findings(comparison)
    if not comparison.cross_language:
        found += fnd.wording_findings(comparison, stop_words(comparison.a.language))
    comparison.findings = sorted((f for f in found if f.evidence), key=lambda f: -f.weight)
