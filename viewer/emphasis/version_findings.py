"""Findings for two versions of one text (an edit, a translation): what changed between them.

A topic, tone or entity count that differs between two languages' lexicons is not a change, so
findings come from sentences one version lacks (unmatched), clauses a linked pair lacks
(Link.longer), moved sentences and, within one language, the word diff of linked sentences.
"""

from __future__ import annotations

import math
import re
import statistics

from viewer.align.concepts import concept_label
from viewer.emphasis.coverage import sentence_words
from viewer.emphasis.findings import DISAGREEMENT, evidence_of, topic_findings, topic_phrase
from viewer.emphasis.naming import NAMED_KIND, cap
from viewer.emphasis.said import and_list
from viewer.lexicon import SALIENCES, Vocabulary
from viewer.model import SIDES, Comparison, Finding, Link, Side, other, sentence_ref
from viewer.text.tokens import tokenize
from viewer.wording import joined_pieces, joined_text, shows_wording, wording_changes

MAX_VERSION_WORDING = 8
QUOTE_WORDS = 14


def version_label(comparison: Comparison, side: Side) -> str:
    """'the Spanish version (MFA)' across languages, where the language is what tells the two apart;
    'the MFA version' in one language; 'version A' without a label."""
    name = comparison.name(side)
    if name[:4].lower() == "the ":
        name = name[4:].strip()
    if comparison.cross_language:
        from babel import Locale  # CLDR's data loads only across languages

        def language(s: Side) -> str:
            return Locale("en").languages.get(comparison.doc(s).language, comparison.doc(s).language)

        # the pipeline names equal labels apart by language ("Xinhua (Spanish)"): then the label
        # says no more than "the Spanish version" does
        base = name.removesuffix(f" ({language(side)})")
        other_name = comparison.name(other(side))
        other_base = other_name.removesuffix(f" ({language(other(side))})")
        return f"the {language(side)} version" + (f" ({name})" if name and base != other_base else "")
    if not name:
        return f"version {side}"
    return f"the {name}" if NAMED_KIND.search(name) else f"the {name} version"


def _quote(text: str, at: int = 0) -> str:
    """A few words of the text from the word holding offset `at` (a little before it)."""
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    first = max(0, next((k for k, (_, end) in enumerate(spans) if end > at), 0) - 3)
    words = [text[a:b] for a, b in spans[first : first + QUOTE_WORDS]]
    return ("«" + ("…" if first else "") + " ".join(words)
            + ("…" if first + QUOTE_WORDS < len(spans) else "") + "»")


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _sentence_words(comparison: Comparison, side: Side, indices: list[int]) -> int:
    doc = comparison.doc(side)
    return sum(sentence_words(doc.sentences[i], doc.language) for i in indices)


def _topics_phrase(names: list[str], absent: list[str], reader: str) -> str:
    """'on A and B (topics it never mentions) as well as C': the note names exactly the topics
    the other version never mentions, which come first (they are the news)."""
    if not absent:
        return "on " + and_list(names)
    rest = [n for n in names if n not in absent]
    kind = "a topic" if len(absent) == 1 else "topics"
    phrase = f"on {and_list(absent)} ({kind} {reader} never mentions)"
    return phrase + (f" as well as {and_list(rest)}" if rest else "")


def unmatched_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """Each run of sentences one version has and the other lacks, weighted by its length and by
    the topics, names and disagreement language it carries."""
    stats = {st.id: st for st in comparison.topics}
    found = []
    for side in SIDES:
        o = other(side)
        doc = comparison.doc(side)
        verb = "drops" if side == "A" else "adds"  # A is the reference: B drops what only A has
        who = cap(version_label(comparison, "B"))
        for run in _runs(comparison.unmatched.get(side, [])):
            sents = [doc.sentences[i] for i in run]
            first = sents[0].text
            if all(s.heading for s in sents):
                text = f"{who} {verb} the headline: {_quote(first)}."
                found.append(Finding("omission", 0.3, text, evidence_of(side, run), side=side))
                continue
            topics = list(dict.fromkeys(t for s in sents for t in s.topics))
            entities = list(dict.fromkeys(h.entity for s in sents for h in s.hits if h.entity))
            tones = sorted({t for s in sents for t in s.tone})
            absent = [t for t in topics if t in stats and not stats[t].sentences[o] and not stats[t].passing[o]]
            absent.sort(key=lambda t: SALIENCES.index(lexicon.topic_salience(t)))  # the news first
            what = "a sentence" if len(run) == 1 else f"{len(run)} sentences"
            if topics:
                shown = (absent + [t for t in topics if t not in absent])[:3]
                names = {t: topic_phrase(stats[t]) if t in stats else lexicon.topic_label(t) for t in shown}
                reader = "it" if o == "B" else version_label(comparison, o)
                what += " " + _topics_phrase(list(names.values()), [names[t] for t in absent if t in names], reader)
            elif entities:
                what += " naming " + and_list([lexicon.entity_label(e) for e in entities[:3]])
            share = _sentence_words(comparison, side, run) / max(1, comparison.doc(side).words)
            weight = (0.5 + min(0.15, 2 * share) + (0.1 if topics else 0) + (0.1 if absent else 0)
                      + (0.05 if entities else 0) + (0.1 if DISAGREEMENT.intersection(tones) else 0))
            text = f"{who} {verb} {what}: {_quote(first)}."
            topic = (absent or topics or [None])[0]
            found.append(Finding("omission", round(min(0.98, weight), 3), text, evidence_of(side, run), topic=topic, side=side))
    return found


def clause_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """Linked pairs across languages where one side is much longer: the other drops a clause."""
    from viewer.align.crosslang import LONGER  # here: crosslang imports the emphasis package

    found = []
    lengths = {id(link): _lengths(comparison, link) for link in comparison.links}
    ratios = [math.log((lb + 10) / (la + 10)) for la, lb in lengths.values()]
    expected = statistics.median(ratios) if ratios else 0.0
    for link in comparison.links:
        la, lb = lengths[id(link)]
        # the aligner's expected ratio is the whole texts': dropped sentences skew it, the median
        # of the linked pairs does not (a wordier translation of one sentence is no dropped clause)
        if link.longer is None or abs(math.log((lb + 10) / (la + 10)) - expected) <= LONGER:
            continue
        side = link.longer
        ids = link.a if side == "A" else link.b
        concepts = link.only_a if side == "A" else link.only_b
        named = [c for c in concepts if not c.startswith("tone:")]
        names = [lexicon.topic_phrase(c[6:]) if c.startswith("topic:") else concept_label(lexicon, c)
                 for c in named[:4]]
        verb = "shortens" if side == "A" else "expands"
        text = (f"{cap(version_label(comparison, 'B'))} {verb} a sentence"
                + (f" (only {version_label(comparison, side)} names {and_list(names)})" if names else "")
                + f": {_clause_quote(comparison, side, ids, named)}.")
        weight = min(0.7, 0.5 + 0.05 * len(names)) if names else 0.35
        evidence = evidence_of("A", link.a) + evidence_of("B", link.b)
        found.append(Finding("omission", round(weight, 3), text, evidence, side=side))
    return found


def _lengths(comparison: Comparison, link: Link) -> tuple[int, int]:
    """Characters without spaces on each side of a link (the measure the aligner's ratio uses)."""
    return (sum(len("".join(comparison.a.sentences[i].text.split())) for i in link.a),
            sum(len("".join(comparison.b.sentences[j].text.split())) for j in link.b))


def _clause_quote(comparison: Comparison, side: Side, ids: list[int], concepts: list[str]) -> str:
    """The longer side's words from where it names the first concept the other side lacks:
    that is where the clause the other drops most likely sits."""
    doc = comparison.doc(side)
    text = joined_text(doc, ids)
    wanted = set(concepts)
    for piece in joined_pieces(doc, ids):
        hits = doc.sentences[piece.sentence].hits
        hit = next((h for h in hits if h.entity in wanted or f"topic:{h.topic}" in wanted), None)
        if hit is not None:
            return _quote(text, piece.at + hit.start - piece.start)
    return _quote(text)


def figure_findings(comparison: Comparison) -> list[Finding]:
    """Across languages: a linked pair whose numbers differ on both sides (a changed figure)."""
    found = []
    for link in comparison.links:
        old = [c.partition(":")[2] for c in link.only_a if c.startswith("number:")]
        new = [c.partition(":")[2] for c in link.only_b if c.startswith("number:")]
        if old and new:
            text = (f"{cap(version_label(comparison, 'B'))} changes {and_list(old)} to {and_list(new)}: "
                    f"{_quote(joined_text(comparison.b, link.b))}.")
            found.append(Finding("wording", 0.6, text, evidence_of("A", link.a) + evidence_of("B", link.b), side="B"))
    return found


def moved_findings(comparison: Comparison) -> list[Finding]:
    """Moved sentences: moving up towards the lede is the change of emphasis a reader looks for."""
    found = []
    n_a, n_b = len(comparison.a.sentences), len(comparison.b.sentences)
    body = next((s.i for s in comparison.b.sentences if not s.heading), None)  # B's first body sentence
    for link in comparison.links:
        if link.kind != "moved":
            continue
        i, j = link.a[0], link.b[0]
        shift = j / max(1, n_b - 1) - i / max(1, n_a - 1)
        direction = "up" if shift < 0 else "down"
        lede = j == body
        where = "to the opening" if lede else f"from {sentence_ref('A', i)} to {sentence_ref('B', j)}"
        text = (f"{cap(version_label(comparison, 'B'))} moves a sentence {direction} {where}: "
                f"{_quote(joined_text(comparison.b, link.b))}.")
        weight = min(0.8, 0.45 + 0.3 * abs(shift) + (0.1 if lede else 0))
        found.append(Finding("prominence", round(weight, 3), text,
                             evidence_of("A", link.a) + evidence_of("B", link.b), side="B"))
    return found


def version_wording_findings(comparison: Comparison, stops: frozenset[str]) -> list[Finding]:
    """One language: the words a linked pair adds, drops or changes, most telling first (figures,
    tone markers, names, then any content word)."""
    lang = comparison.a.language
    candidates = []
    for link in comparison.links:
        if not shows_wording(link):
            continue
        marks = [m.text.lower() for i in link.a for m in comparison.a.sentences[i].tone_marks]
        marks += [m.text.lower() for j in link.b for m in comparison.b.sentences[j].tone_marks]
        for old, new in wording_changes(link):
            content = {t.text for t in tokenize(f"{old} {new}", lang)
                       if t.norm not in stops and any(c.isalnum() for c in t.text)}
            if not content:
                continue
            changed = f"{old} {new}".lower()
            if any(c.isdigit() for c in changed):
                weight = 0.6
            elif any(m in changed for m in marks):
                weight = 0.55
            elif any(w[:1].isupper() for w in content):
                weight = 0.5
            else:
                weight = 0.35
            who = cap(version_label(comparison, "B"))
            if old and new:
                text = f"{who} changes “{old}” to “{new}”: {_quote(joined_text(comparison.b, link.b))}."
            elif new:
                text = f"{who} adds “{new}”: {_quote(joined_text(comparison.b, link.b))}."
            else:
                text = f"{who} drops “{old}”: {_quote(joined_text(comparison.a, link.a))}."
            evidence = evidence_of("A", link.a) + evidence_of("B", link.b)
            candidates.append(Finding("wording", weight, text, evidence, side="A" if not new else "B"))
    candidates.sort(key=lambda f: -f.weight)
    return candidates[:MAX_VERSION_WORDING]


def voice_changes(comparison: Comparison) -> list[Finding]:
    """One language: a linked pair that puts the words in another speaker's mouth."""
    found = []
    for link in comparison.links:
        before = {comparison.a.sentences[i].speaker for i in link.a} - {None}
        after = {comparison.b.sentences[j].speaker for j in link.b} - {None}
        if before and after and before.isdisjoint(after):
            text = (f"{cap(version_label(comparison, 'B'))} attributes to {and_list(sorted(after))} what "
                    f"{version_label(comparison, 'A')} attributes to {and_list(sorted(before))}: "
                    f"{_quote(joined_text(comparison.b, link.b))}.")
            found.append(Finding("voice", 0.55, text, evidence_of("A", link.a) + evidence_of("B", link.b),
                                 side="B", speaker=sorted(after)[0]))
    return found


def version_topic_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """Lede and share findings that dropped or added sentences account for; omissions are said by
    unmatched_findings, with the sentence itself."""
    unmatched = {side: set(comparison.unmatched.get(side, [])) for side in SIDES}
    stats = {st.id: st for st in comparison.topics}
    kept = []
    for f in topic_findings(comparison, comparison.topics, lexicon):
        if f.kind == "prominence" and f.side is not None:
            # a lede that the linked sentences alone still give is the two lexicons disagreeing
            linked = [s for s in comparison.doc(f.side).sentences if s.i not in unmatched[f.side]]
            first = next((s.i for s in linked if s.topics), None)
            if first is None or f.topic not in comparison.doc(f.side).sentences[first].topics:
                kept.append(f)
        elif f.kind == "share" and f.side is not None and f.topic is not None:
            st, big = stats[f.topic], f.side
            gap = st.share[big] - st.share[other(big)]
            extra = [i for i in st.sentences[big] if i in unmatched[big]]
            if _sentence_words(comparison, big, extra) / max(1, comparison.doc(big).words) >= gap / 2:
                kept.append(f)
    return kept


def version_findings(comparison: Comparison, lexicon: Vocabulary, stops: frozenset[str]) -> list[Finding]:
    found = (unmatched_findings(comparison, lexicon) + moved_findings(comparison)
             + version_topic_findings(comparison, lexicon))
    if comparison.cross_language:
        found += clause_findings(comparison, lexicon) + figure_findings(comparison)
    else:
        found += version_wording_findings(comparison, stops) + voice_changes(comparison)
    return found
