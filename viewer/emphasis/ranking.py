"""The findings stage: every finding of a comparison in one list, ranked by weight.

Two readouts get the findings of findings.py; two versions of one text get those of
version_findings.py. A finding without evidence is dropped: every finding points at its sentences.
"""

from __future__ import annotations

from viewer.emphasis import findings as fnd
from viewer.emphasis.version_findings import version_findings
from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import stop_words
from viewer.model import SIDES, Comparison, Finding, Side


def all_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """Every finding of the comparison, ranked by weight; versions of one text have their own."""
    if comparison.mode == "versions":
        found = version_findings(comparison, lexicon, stop_words(comparison.a.language))
        return sorted((f for f in found if f.evidence), key=lambda f: -f.weight)
    found = fnd.topic_findings(comparison, comparison.topics, lexicon)
    omitted: dict[Side, set[str]] = {
        side: {f.topic for f in found if f.kind == "omission" and f.side == side and f.topic} for side in SIDES
    }
    found += fnd.entity_findings(comparison, lexicon, omitted)
    found += fnd.voice_findings(comparison, comparison.principals, comparison.countries)
    found += fnd.tone_findings(comparison, lexicon)
    found += fnd.distinctive_findings(comparison)
    if not comparison.cross_language:
        found += fnd.wording_findings(comparison, stop_words(comparison.a.language))
    return sorted((f for f in found if f.evidence), key=lambda f: -f.weight)
