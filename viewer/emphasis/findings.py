"""Plain-language findings, ranked by weight, each tied to the sentences it comes from.

Written as English sentences: a side is "the White House readout" (label() below), a topic its
in-sentence phrase ("nuclear weapons and arms control", "Taiwan").

Weights (0..1) say how much a careful reader would care:
- omission: a topic one side discusses and the other never touches, 0.75 + up to 0.25 with the
  share it takes; touched only in passing on the other side, 0.55 + up to 0.25;
- prominence: the lede of one side is the 3rd topic or lower of the other, 0.6 + 0.05 per rank;
- share: both discuss a topic with shares apart by d (0..1): weight 2*d, at most 0.7, listed from
  d >= 3 points and a ratio >= 1.5 (a 3-point gap weighs 0.06, far below any omission);
- entity: a person, organisation or country named prominently (>= 2 times or in the first third)
  by one side only, 0.45 + 0.05 per mention up to 0.65;
- voice: positions put in the mouth of the other readout's principal, 0.35 + 0.15 * share (at
  most 0.5: omissions and the lede are what a reader must see first);
- tone: a tone marker one side uses and the other does not, 0.5 for the markers of disagreement
  (candid, concern, oppose, warning, core-interests), 0.35 for the others;
- distinctive: the most distinctive words of a side (z > 1.96 only), 0.25;
- wording: a short addition or deletion inside linked passages, 0.15, or 0.45 when it is a tone
  marker; at most five.
"""

from __future__ import annotations

import math
import re
import statistics

from babel import Locale

from viewer.align.concepts import concept_label
from viewer.emphasis.distinctive import Z_FINDING
from viewer.emphasis.voice import BOTH
from viewer.model import SIDES, Comparison, Evidence, Finding, Link, Side, TopicStat, other
from viewer.text.tokens import tokenize
from viewer.wording import shows_wording, wording_changes

DISAGREEMENT = {"candid", "concern", "oppose", "warning", "core-interests"}
MAX_WORDING = 5


_NAMED_KIND = re.compile(r"\b(readout|statement|release|transcript|report|communiqu[eé])$", re.IGNORECASE)


def label(comparison: Comparison, side: Side) -> str:
    """How a finding names a side inside a sentence: "the White House readout" for the label
    "White House", "the MFA statement" for "MFA statement" (the label already says what it is),
    "readout A" when there is no label."""
    name = (comparison.doc(side).readout.label or "").strip()
    if name[:4].lower() == "the ":
        name = name[4:].strip()  # "The White House" -> "the White House readout"
    if not name:
        return f"readout {side}"
    return f"the {name}" if _NAMED_KIND.search(name) else f"the {name} readout"


def _cap(text: str) -> str:
    """A finding's sentence starts with a capital even when it starts with a side or a topic."""
    return text[:1].upper() + text[1:]


def _topic(st: TopicStat) -> str:
    return st.phrase or st.label


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def _sentences(n: int) -> str:
    return f"{n} sentence" + ("" if n == 1 else "s")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _evidence(side: Side, sentences: list[int]) -> list[Evidence]:
    return [Evidence(side, i) for i in sentences]


def topic_findings(comparison: Comparison, topics: list[TopicStat]) -> list[Finding]:
    found = []
    for st in topics:
        for side in SIDES:
            o = other(side)
            mine, theirs = st.sentences[side], st.sentences[o]
            if mine and not theirs:
                passing = st.passing[o]
                if passing:
                    text = _cap(
                        f"{label(comparison, o)} touches {_topic(st)} only in passing while "
                        f"{label(comparison, side)} gives it {_sentences(len(mine))}, {_pct(st.share[side])} of its text."
                    )
                    weight = 0.55 + min(0.25, st.share[side])
                    evidence = _evidence(side, mine) + _evidence(o, passing)
                else:
                    text = (
                        f"Only {label(comparison, side)} mentions {_topic(st)}: "
                        f"{_sentences(len(mine))}, {_pct(st.share[side])} of its text."
                    )
                    weight = 0.75 + min(0.25, st.share[side])
                    evidence = _evidence(side, mine)
                found.append(Finding("omission", round(weight, 3), text, evidence, topic=st.id, side=side))
            rank_mine, rank_theirs = st.rank[side], st.rank[o]
            if rank_mine == 1 and rank_theirs is not None and rank_theirs >= 3:
                text = _cap(
                    f"{_topic(st)} is the lede of {label(comparison, side)} and the "
                    f"{_ordinal(rank_theirs)} topic of {label(comparison, o)}."
                )
                weight = min(0.85, 0.6 + 0.05 * (rank_theirs - 1))
                evidence = [Evidence(side, mine[0]), Evidence(o, theirs[0])]
                found.append(Finding("prominence", round(weight, 3), text, evidence, topic=st.id, side=side))
        a, b = st.share["A"], st.share["B"]
        if st.sentences["A"] and st.sentences["B"]:
            big: Side = "A" if a >= b else "B"
            hi, lo = max(a, b), min(a, b)
            if hi - lo >= 0.03 and hi >= 1.5 * lo:
                text = _cap(
                    f"{label(comparison, big)} devotes {_pct(hi)} of its text to {_topic(st)} "
                    f"against {_pct(lo)} in {label(comparison, other(big))}."
                )
                evidence = _evidence("A", st.sentences["A"]) + _evidence("B", st.sentences["B"])
                weight = min(0.7, 2 * (hi - lo))
                found.append(Finding("share", round(weight, 3), text, evidence, topic=st.id, side=big))
    return found


def entity_findings(comparison: Comparison, lexicon, omitted_topics: dict[Side, set[str]]) -> list[Finding]:
    """Entities named prominently by one side only (not when their topic is already an omission,
    nor when the other side speaks of that topic in other words: "the Taiwan Strait" and
    "cross-Strait" name no country, yet a reader would not say that side never names Taiwan)."""
    named: dict[Side, dict[str, list[tuple[int, str]]]] = {}
    spoken: dict[Side, set[str]] = {
        side: {t for s in comparison.doc(side).sentences for t in (*s.topics, *s.passing)} for side in SIDES
    }
    for side in SIDES:
        doc = comparison.doc(side)
        places: dict[str, list[tuple[int, str]]] = {}
        for s in doc.sentences:
            for h in s.hits:
                if h.entity:
                    places.setdefault(h.entity, []).append((s.i, h.topic))
        named[side] = places
    found = []
    for side in SIDES:
        doc = comparison.doc(side)
        third = len(doc.text) / 3
        for entity, places in named[side].items():
            if entity in named[other(side)]:
                continue
            if any(t in omitted_topics[side] or t in spoken[other(side)] for _, t in places if t):
                continue
            first = doc.sentences[places[0][0]].start
            if len(places) < 2 and first > third:
                continue
            sents = sorted({i for i, _ in places})
            times = "once" if len(places) == 1 else f"{len(places)} times"
            text = f"Only {label(comparison, side)} names {lexicon.entity_label(entity)} ({times})."
            weight = min(0.65, 0.45 + 0.05 * len(places))
            found.append(Finding("omission", round(weight, 3), text, _evidence(side, sents), side=side))
    return found


def voice_findings(comparison: Comparison, principals: dict[Side, str | None], countries: dict[str, str | None]) -> list[Finding]:
    """Sentences one readout attributes to the other readout's principal (or to that principal's side)."""
    found = []
    for side in SIDES:
        theirs = principals[other(side)]
        if theirs is None or theirs == principals[side]:
            continue
        country = countries.get(theirs)
        mine = principals[side]
        if country is not None and mine is not None and countries.get(mine) == country:
            continue  # both readouts are led by the same country: no "other side" to speak for
        doc = comparison.doc(side)
        body = [s for s in doc.sentences if not s.heading]
        hits = [
            s.i
            for s in body
            if s.speaker not in (None, BOTH) and (s.speaker == theirs or (country and countries.get(s.speaker) == country))
        ]
        if not hits or not body:
            continue
        share = len(hits) / len(body)
        names = " or ".join(dict.fromkeys(doc.sentences[i].speaker for i in hits))
        text = _cap(
            f"{label(comparison, side)} puts {_sentences(len(hits))} ({_pct(share)}) in the mouth of {names}; "
            f"{theirs} is the speaker {label(comparison, other(side))} quotes most."
        )
        found.append(
            Finding("voice", round(0.35 + 0.15 * share, 3), text, _evidence(side, hits), side=side, speaker=theirs)
        )
    return found


def tone_findings(comparison: Comparison, lexicon) -> list[Finding]:
    found = []
    ids = {side: {m.id for m in comparison.tone.get(side, [])} for side in SIDES}
    for side in SIDES:
        for tone in sorted(ids[side] - ids[other(side)]):
            marks = [m for m in comparison.tone[side] if m.id == tone]
            words = ", ".join(dict.fromkeys(f"“{m.text}”" for m in marks))
            text = (
                f"Only {label(comparison, side)} uses {lexicon.tone_label(tone)} language ({words}): "
                f"{lexicon.tone_reading(tone)}."
            )
            weight = 0.5 if tone in DISAGREEMENT else 0.35
            evidence = _evidence(side, sorted({m.sentence for m in marks}))
            found.append(Finding("tone", weight, text, evidence, side=side))
    return found


def distinctive_findings(comparison: Comparison) -> list[Finding]:
    """Only words clearing Z_FINDING: the listed leanings below it are shown, not claimed."""
    found = []
    for side in SIDES:
        terms = [t for t in comparison.distinctive.get(side, []) if t.score > Z_FINDING][:6]
        if not terms:
            continue
        words = ", ".join(f"{t.term} ({t.count})" for t in terms)
        sents = sorted({i for t in terms for i in t.sentences[:3]})
        what = "Concepts named" if comparison.cross_language else "Words"
        text = f"{what} most distinctive of {label(comparison, side)}: {words}."
        found.append(Finding("distinctive", 0.25, text, _evidence(side, sents), side=side))
    return found


def _locate(offset: int, spans: list[tuple[int, int, int]]) -> int:
    """Sentence index holding a position of the joined text (spans: index, start, end there)."""
    for i, _start, end in spans:
        if offset < end + 1:
            return i
    return spans[-1][0]


def _joined_spans(comparison: Comparison, side: Side, indices: list[int]) -> list[tuple[int, int, int]]:
    """Where each sentence sits in the texts joined with one space (the joiner of link diffs)."""
    spans, pos = [], 0
    for i in indices:
        n = len(comparison.doc(side).sentences[i].text)
        spans.append((i, pos, pos + n))
        pos += n + 1
    return spans


def _marked(comparison: Comparison, side: Side, sentence: int, local: int, length: int) -> str | None:
    """The tone id whose marker overlaps [local, local+length) of a sentence, if any."""
    s = comparison.doc(side).sentences[sentence]
    lo, hi = s.start + local, s.start + local + length
    return next((m.id for m in s.tone_marks if m.start < hi and m.end > lo), None)


def wording_findings(comparison: Comparison, stops: frozenset[str]) -> list[Finding]:
    """Short words added or dropped inside linked passages (the rest of the passage kept)."""
    candidates: list[tuple[float, Finding]] = []
    lang = comparison.a.language
    for link in comparison.links:
        if not link.diff or link.kind not in ("reworded", "moved"):
            continue
        candidates.extend(_link_changes(comparison, link, lang, stops))
    candidates.sort(key=lambda c: -c[0])
    return [f for _, f in candidates[:MAX_WORDING]]


def _link_changes(comparison: Comparison, link: Link, lang: str, stops: frozenset[str]):
    spans = {"A": _joined_spans(comparison, "A", link.a), "B": _joined_spans(comparison, "B", link.b)}
    pos = {"A": 0, "B": 0}
    for op, text in link.diff or []:
        sides: tuple[Side, ...] = ("A", "B") if op == 0 else (("A",) if op < 0 else ("B",))
        if op != 0:
            side = sides[0]
            words = [t.text for t in tokenize(text, lang) if t.norm not in stops and any(c.isalpha() for c in t.text)]
            if 1 <= len(words) <= 3:
                i = _locate(pos[side], spans[side])
                start = next(st for k, st, _ in spans[side] if k == i)
                tone = _marked(comparison, side, i, pos[side] - start, len(text))
                o = other(side)
                j = _locate(pos[o], spans[o])
                text_f = (
                    f"In a passage both readouts carry, only {label(comparison, side)} has "
                    f"“{' '.join(words)}”" + (f" (tone marker: {tone})." if tone else ".")
                )
                weight = 0.45 if tone else 0.15
                evidence = [Evidence(side, i), Evidence(o, j)]
                yield weight, Finding("wording", weight, text_f, evidence, side=side)
        for side in sides:
            pos[side] += len(text)



# -- versions mode ------------------------------------------------------------------------------
# Two versions of one text (an edit, a translation): what a reader wants is what changed. A topic,
# tone or entity count that differs between two languages' lexicons is not a change, so findings
# come from sentences one version lacks (unmatched), clauses a linked pair lacks (Link.longer),
# moved sentences and, within one language, the word diff of linked sentences.
MAX_VERSION_WORDING = 8
QUOTE_WORDS = 14


def version_label(comparison: Comparison, side: Side) -> str:
    """'the Spanish version (MFA)' across languages, where the language is what tells the two apart;
    'the MFA version' in one language; 'version A' without a label."""
    name = (comparison.doc(side).readout.label or "").strip()
    if name[:4].lower() == "the ":
        name = name[4:].strip()
    if comparison.cross_language:
        language = Locale("en").languages.get(comparison.doc(side).language, comparison.doc(side).language)
        other_name = (comparison.doc(other(side)).readout.label or "").strip()
        return f"the {language} version" + (f" ({name})" if name and name != other_name else "")
    if not name:
        return f"version {side}"
    return f"the {name}" if _NAMED_KIND.search(name) else f"the {name} version"


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
    if doc.language == "zh":
        return sum(1 for i in indices for ch in doc.sentences[i].text if "\u4e00" <= ch <= "\u9fff")
    return sum(1 for i in indices for t in doc.sentences[i].tokens if any(c.isalnum() for c in t.text))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def unmatched_findings(comparison: Comparison, lexicon) -> list[Finding]:
    """Each run of sentences one version has and the other lacks, weighted by its length and by
    the topics, names and disagreement language it carries."""
    stats = {st.id: st for st in comparison.topics}
    found = []
    for side in SIDES:
        o = other(side)
        doc = comparison.doc(side)
        verb = "drops" if side == "A" else "adds"  # A is the reference: B drops what only A has
        who = _cap(version_label(comparison, "B"))
        for run in _runs(comparison.unmatched.get(side, [])):
            sents = [doc.sentences[i] for i in run]
            first = sents[0].text
            if all(s.heading for s in sents):
                text = f"{who} {verb} the headline: {_quote(first)}."
                found.append(Finding("omission", 0.3, text, _evidence(side, run), side=side))
                continue
            topics = list(dict.fromkeys(t for s in sents for t in s.topics))
            entities = list(dict.fromkeys(h.entity for s in sents for h in s.hits if h.entity))
            tones = sorted({t for s in sents for t in s.tone})
            absent = [t for t in topics if t in stats and not stats[t].sentences[o] and not stats[t].passing[o]]
            what = "a sentence" if len(run) == 1 else f"{len(run)} sentences"
            if topics:
                what += " on " + _and([_topic(stats[t]) if t in stats else lexicon.topic_label(t) for t in topics[:3]])
                if absent:
                    what += ", a topic " + ("it" if o == "B" else version_label(comparison, o)) + " never mentions"
            elif entities:
                what += " naming " + _and([lexicon.entity_label(e) for e in entities[:3]])
            share = _sentence_words(comparison, side, run) / max(1, comparison.doc(side).words)
            weight = (0.5 + min(0.15, 2 * share) + (0.1 if topics else 0) + (0.1 if absent else 0)
                      + (0.05 if entities else 0) + (0.1 if DISAGREEMENT.intersection(tones) else 0))
            text = f"{who} {verb} {what}: {_quote(first)}."
            topic = (absent or topics or [None])[0]
            found.append(Finding("omission", round(min(0.98, weight), 3), text, _evidence(side, run), topic=topic, side=side))
    return found


def clause_findings(comparison: Comparison, lexicon) -> list[Finding]:
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
        text = (f"{_cap(version_label(comparison, 'B'))} {verb} a sentence"
                + (f" (only {version_label(comparison, side)} names {_and(names)})" if names else "")
                + f": {_clause_quote(comparison, side, ids, named)}.")
        weight = min(0.7, 0.5 + 0.05 * len(names)) if names else 0.35
        evidence = _evidence("A", link.a) + _evidence("B", link.b)
        found.append(Finding("omission", round(weight, 3), text, evidence, side=side))
    return found


def _lengths(comparison: Comparison, link: Link) -> tuple[int, int]:
    """Characters without spaces on each side of a link (the measure the aligner's ratio uses)."""
    return (sum(len("".join(comparison.a.sentences[i].text.split())) for i in link.a),
            sum(len("".join(comparison.b.sentences[j].text.split())) for j in link.b))


def _clause_quote(comparison: Comparison, side: Side, ids: list[int], concepts: list[str]) -> str:
    """The longer side's words from where it names the first concept the other side lacks:
    that is where the clause the other drops most likely sits."""
    text = joined(comparison, side, ids)
    wanted = set(concepts)
    pos = 0
    for i in ids:
        s = comparison.doc(side).sentences[i]
        hit = next((h for h in s.hits if h.entity in wanted or f"topic:{h.topic}" in wanted), None)
        if hit is not None:
            return _quote(text, pos + hit.start - s.start)
        pos += len(s.text) + 1
    return _quote(text)


def joined(comparison: Comparison, side: Side, ids: list[int]) -> str:
    return " ".join(comparison.doc(side).sentences[i].text for i in ids)


def figure_findings(comparison: Comparison) -> list[Finding]:
    """Across languages: a linked pair whose numbers differ on both sides (a changed figure)."""
    found = []
    for link in comparison.links:
        old = [c.partition(":")[2] for c in link.only_a if c.startswith("number:")]
        new = [c.partition(":")[2] for c in link.only_b if c.startswith("number:")]
        if old and new:
            text = (f"{_cap(version_label(comparison, 'B'))} changes {_and(old)} to {_and(new)}: "
                    f"{_quote(joined(comparison, 'B', link.b))}.")
            found.append(Finding("wording", 0.6, text, _evidence("A", link.a) + _evidence("B", link.b), side="B"))
    return found


def moved_findings(comparison: Comparison) -> list[Finding]:
    """Moved sentences: moving up towards the lede is the change of emphasis a reader looks for."""
    found = []
    n_a, n_b = len(comparison.a.sentences), len(comparison.b.sentences)
    for link in comparison.links:
        if link.kind != "moved":
            continue
        i, j = link.a[0], link.b[0]
        shift = j / max(1, n_b - 1) - i / max(1, n_a - 1)
        direction = "up" if shift < 0 else "down"
        body = [s.i for s in comparison.b.sentences if not s.heading]
        lede = bool(body) and j == body[0]
        where = "to the opening" if lede else f"from sentence {i + 1} to sentence {j + 1}"
        text = (f"{_cap(version_label(comparison, 'B'))} moves a sentence {direction} {where}: "
                f"{_quote(joined(comparison, 'B', link.b))}.")
        weight = min(0.8, 0.45 + 0.3 * abs(shift) + (0.1 if lede else 0))
        found.append(Finding("prominence", round(weight, 3), text,
                             _evidence("A", link.a) + _evidence("B", link.b), side="B"))
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
            who = _cap(version_label(comparison, "B"))
            if old and new:
                text = f"{who} changes “{old}” to “{new}”: {_quote(joined(comparison, 'B', link.b))}."
            elif new:
                text = f"{who} adds “{new}”: {_quote(joined(comparison, 'B', link.b))}."
            else:
                text = f"{who} drops “{old}”: {_quote(joined(comparison, 'A', link.a))}."
            evidence = _evidence("A", link.a) + _evidence("B", link.b)
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
            text = (f"{_cap(version_label(comparison, 'B'))} attributes to {_and(sorted(after))} what "
                    f"{version_label(comparison, 'A')} attributes to {_and(sorted(before))}: "
                    f"{_quote(joined(comparison, 'B', link.b))}.")
            found.append(Finding("voice", 0.55, text, _evidence("A", link.a) + _evidence("B", link.b),
                                 side="B", speaker=sorted(after)[0]))
    return found


def version_topic_findings(comparison: Comparison) -> list[Finding]:
    """Lede and share findings that dropped or added sentences account for; omissions are said by
    unmatched_findings, with the sentence itself."""
    unmatched = {side: set(comparison.unmatched.get(side, [])) for side in SIDES}
    stats = {st.id: st for st in comparison.topics}
    kept = []
    for f in topic_findings(comparison, comparison.topics):
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


def version_findings(comparison: Comparison, lexicon, stops: frozenset[str]) -> list[Finding]:
    found = unmatched_findings(comparison, lexicon) + moved_findings(comparison) + version_topic_findings(comparison)
    if comparison.cross_language:
        found += clause_findings(comparison, lexicon) + figure_findings(comparison)
    else:
        found += version_wording_findings(comparison, stops) + voice_changes(comparison)
    return found
