"""The findings stage: every finding of a comparison in one list, ranked by what an analyst leads with.

Two readouts get the findings over statements (attributed pledges, framing, commitments, blame),
then those of findings.py (omission, prominence, share, voice, tone, distinctive, wording); two
versions of one text get those of version_findings.py. A finding without evidence is dropped:
every finding points at its sentences.

One finding per underlying difference: an omission or a share gap whose evidence a finding over
statements of the same side already holds (the pledge, the agreement, the charge that puts the
topic there) is that finding's, not a second one, and so is a tone marker that finding says in
its own words (TONE_SAID); a share gap on a
topic whose framing is a finding adds nothing to it. Weights order the rest (see the modules);
below LOW only MAX_LOW findings are kept, the heaviest: a long tail of small differences buries
the ones a reader needs.
"""

from __future__ import annotations

from viewer.emphasis import findings as fnd
from viewer.emphasis.attributed import attributed_findings
from viewer.emphasis.blame import blame_findings
from viewer.emphasis.commitments import commitment_findings
from viewer.emphasis.framing import framing_findings
from viewer.emphasis.said import DISAGREEMENT
from viewer.emphasis.version_findings import version_findings
from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import stop_words
from viewer.model import SIDES, Comparison, Finding, Side

STATED = frozenset({"attributed", "framing", "commitment", "blame"})  # the findings over statements
FOLDED = frozenset({"omission", "tone", "share"})  # kinds a finding over statements may already say
LOW, MAX_LOW = 0.45, 3
# the tone markers a finding over statements says in its own words: an agreement claimed is the
# commitment's, a red line or a charge the framing's or the blame's; "constructive" in the
# sentence of a follow-up is a difference of its own
TONE_SAID = {"commitment": {"consensus"}, "framing": DISAGREEMENT, "blame": DISAGREEMENT}


def all_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """Every finding of the comparison, ranked by weight; versions of one text have their own."""
    if comparison.mode == "versions":
        found = version_findings(comparison, lexicon, stop_words(comparison.a.language))
        return sorted((f for f in found if f.evidence), key=lambda f: -f.weight)
    framing = framing_findings(comparison, lexicon)
    stated = (attributed_findings(comparison, lexicon) + framing + commitment_findings(comparison, lexicon)
              + blame_findings(comparison, {f.topic for f in framing if f.topic}))
    found = fnd.readout_topic_findings(comparison, lexicon)
    omitted: dict[Side, set[str]] = {
        side: {f.topic for f in found if f.kind == "omission" and f.side == side and f.topic} for side in SIDES
    }
    found += fnd.entity_findings(comparison, lexicon, omitted)
    found += fnd.voice_findings(comparison)
    found += fnd.tone_findings(comparison, lexicon)
    found += fnd.distinctive_findings(comparison)
    if not comparison.cross_language:
        found += fnd.wording_findings(comparison, stop_words(comparison.a.language))
    kept = stated + [f for f in found if not _said_already(f, stated)]
    ranked = sorted((f for f in kept if f.evidence), key=lambda f: -f.weight)
    heavy = [f for f in ranked if f.weight >= LOW]
    return heavy + [f for f in ranked if f.weight < LOW][:MAX_LOW]


def _said_already(f: Finding, stated: list[Finding]) -> bool:
    if f.kind not in FOLDED:
        return False
    if f.kind == "share" and any(s.kind == "framing" and s.topic == f.topic for s in stated):
        return True
    mine = {(e.side, e.sentence) for e in f.evidence if e.side == f.side}
    return bool(mine) and any(mine <= {(e.side, e.sentence) for e in s.evidence} for s in stated
                              if s.side in (f.side, None) and (f.kind != "tone" or f.marker in TONE_SAID.get(s.kind, ())))
