"""Plain-language findings, ranked by weight, each tied to the sentences it comes from.

Written as English sentences: a side is "the White House readout" (label() below), a topic its
in-sentence phrase ("nuclear weapons and arms control", "Taiwan").

Weights (0..1) say how much a careful reader would care. What a topic's omission means comes
first, then how much room it takes: each topic has a salience in the lexicon (high for the
flashpoints a side leaves out on purpose, low for the frame every readout carries), and
- omission: a topic one side discusses and the other never touches, from 0.9 (high salience),
  0.8 (normal) or 0.75 (low), plus up to 0.1 (low: 0.05) as its share grows to 40%, so a
  high-salience omission outranks any of lower salience; touched only in passing on the other
  side, 0.2 less;
- prominence: the lede of one side is the 3rd topic or lower of the other, 0.6 + 0.05 per rank
  (at most 0.85), 0.05 more for a high-salience topic and 0.03 less for a low one;
- share: both discuss a topic with shares apart by d (0..1): weight 2*d, times 1.5 for a
  high-salience topic and 0.6 for a low one, at most 0.65 (below every omission and lede), listed
  from d >= 3 points and a ratio >= 1.5 (a 3-point gap weighs 0.06, far below any omission);
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

import re

from viewer.emphasis.distinctive import Z_FINDING
from viewer.lexicon import Vocabulary
from viewer.model import BOTH, SIDES, Comparison, Evidence, Finding, Link, Side, TopicStat, other
from viewer.text.tokens import tokenize
from viewer.wording import joined_pieces, piece_at, shows_wording

DISAGREEMENT = {"candid", "concern", "oppose", "warning", "core-interests"}
MAX_WORDING = 5
# salience -> (floor, span) of an omission's weight; the share of text moves it up the span
OMISSION = {"high": (0.9, 0.1), "normal": (0.8, 0.1), "low": (0.75, 0.05)}
PASSING_LESS = 0.2  # touched in passing on the other side: not quite left out
FULL_SHARE = 0.4  # the share of text that earns an omission its whole span
LEDE_SHIFT = {"high": 0.05, "normal": 0.0, "low": -0.03}
SHARE_GAIN = {"high": 1.5, "normal": 1.0, "low": 0.6}
SHARE_CAP = 0.65


NAMED_KIND = re.compile(r"\b(readout|statement|release|transcript|report|communiqu[eé])$", re.IGNORECASE)


def label(comparison: Comparison, side: Side) -> str:
    """How a finding names a side inside a sentence: "the White House readout" for the label
    "White House", "the MFA statement" for "MFA statement" (the label already says what it is),
    "readout A" when there is no label."""
    name = comparison.name(side)
    if name[:4].lower() == "the ":
        name = name[4:].strip()  # "The White House" -> "the White House readout"
    if not name:
        return f"readout {side}"
    return f"the {name}" if NAMED_KIND.search(name) else f"the {name} readout"


def cap(text: str) -> str:
    """A finding's sentence starts with a capital even when it starts with a side or a topic."""
    return text[:1].upper() + text[1:]


def topic_phrase(st: TopicStat) -> str:
    return st.phrase or st.label


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def _sentences(n: int) -> str:
    return f"{n} sentence" + ("" if n == 1 else "s")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def evidence_of(side: Side, sentences: list[int]) -> list[Evidence]:
    return [Evidence(side, i) for i in sentences]


def omission_weight(salience: str, share: float, passing: bool) -> float:
    floor, span = OMISSION[salience]
    return floor - (PASSING_LESS if passing else 0.0) + span * min(1.0, share / FULL_SHARE)


def topic_findings(comparison: Comparison, topics: list[TopicStat], lexicon: Vocabulary) -> list[Finding]:
    found = []
    for st in topics:
        salience = lexicon.topic_salience(st.id)
        for side in SIDES:
            o = other(side)
            mine, theirs = st.sentences[side], st.sentences[o]
            if mine and not theirs:
                passing = st.passing[o]
                if passing:
                    text = cap(
                        f"{label(comparison, o)} touches {topic_phrase(st)} only in passing while "
                        f"{label(comparison, side)} gives it {_sentences(len(mine))}, {_pct(st.share[side])} of its text."
                    )
                    weight = omission_weight(salience, st.share[side], passing=True)
                    evidence = evidence_of(side, mine) + evidence_of(o, passing)
                else:
                    text = (
                        f"Only {label(comparison, side)} mentions {topic_phrase(st)}: "
                        f"{_sentences(len(mine))}, {_pct(st.share[side])} of its text."
                    )
                    weight = omission_weight(salience, st.share[side], passing=False)
                    evidence = evidence_of(side, mine)
                found.append(Finding("omission", round(weight, 3), text, evidence, topic=st.id, side=side))
            rank_mine, rank_theirs = st.rank[side], st.rank[o]
            if rank_mine == 1 and rank_theirs is not None and rank_theirs >= 3:
                text = cap(
                    f"{topic_phrase(st)} is the lede of {label(comparison, side)} and the "
                    f"{_ordinal(rank_theirs)} topic of {label(comparison, o)}."
                )
                weight = min(0.85, 0.6 + 0.05 * (rank_theirs - 1)) + LEDE_SHIFT[salience]
                evidence = [Evidence(side, mine[0]), Evidence(o, theirs[0])]
                found.append(Finding("prominence", round(weight, 3), text, evidence, topic=st.id, side=side))
        a, b = st.share["A"], st.share["B"]
        if st.sentences["A"] and st.sentences["B"]:
            big: Side = "A" if a >= b else "B"
            hi, lo = max(a, b), min(a, b)
            if hi - lo >= 0.03 and hi >= 1.5 * lo:
                text = cap(
                    f"{label(comparison, big)} devotes {_pct(hi)} of its text to {topic_phrase(st)} "
                    f"against {_pct(lo)} in {label(comparison, other(big))}."
                )
                # the side that devotes more comes first: a brief quotes the first evidence
                evidence = evidence_of(big, st.sentences[big]) + evidence_of(other(big), st.sentences[other(big)])
                weight = min(SHARE_CAP, 2 * (hi - lo) * SHARE_GAIN[salience])
                found.append(Finding("share", round(weight, 3), text, evidence, topic=st.id, side=big))
    return found


def entity_findings(comparison: Comparison, lexicon: Vocabulary, omitted_topics: dict[Side, set[str]]) -> list[Finding]:
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
            found.append(Finding("omission", round(weight, 3), text, evidence_of(side, sents), side=side))
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
        text = cap(
            f"{label(comparison, side)} puts {_sentences(len(hits))} ({_pct(share)}) in the mouth of {names}; "
            f"{theirs} is the speaker {label(comparison, other(side))} quotes most."
        )
        found.append(
            Finding("voice", round(0.35 + 0.15 * share, 3), text, evidence_of(side, hits), side=side, speaker=theirs)
        )
    return found


def tone_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
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
            evidence = evidence_of(side, sorted({m.sentence for m in marks}))
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
        found.append(Finding("distinctive", 0.25, text, evidence_of(side, sents), side=side))
    return found


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
        if not shows_wording(link):
            continue
        candidates.extend(_link_changes(comparison, link, lang, stops))
    candidates.sort(key=lambda c: -c[0])
    return [f for _, f in candidates[:MAX_WORDING]]


def _link_changes(comparison: Comparison, link: Link, lang: str, stops: frozenset[str]):
    pieces = {"A": joined_pieces(comparison.a, link.a), "B": joined_pieces(comparison.b, link.b)}
    pos = {"A": 0, "B": 0}
    for op, text in link.diff or []:
        sides: tuple[Side, ...] = ("A", "B") if op == 0 else (("A",) if op < 0 else ("B",))
        if op != 0:
            side = sides[0]
            words = [t.text for t in tokenize(text, lang) if t.norm not in stops and any(c.isalpha() for c in t.text)]
            if 1 <= len(words) <= 3:
                here = piece_at(pieces[side], pos[side])
                i = here.sentence
                tone = _marked(comparison, side, i, pos[side] - here.at, len(text))
                o = other(side)
                j = piece_at(pieces[o], pos[o]).sentence
                text_f = (
                    f"In a passage both readouts carry, only {label(comparison, side)} has "
                    f"“{' '.join(words)}”" + (f" (tone marker: {tone})." if tone else ".")
                )
                weight = 0.45 if tone else 0.15
                evidence = [Evidence(side, i), Evidence(o, j)]
                yield weight, Finding("wording", weight, text_f, evidence, side=side)
        for side in sides:
            pos[side] += len(text)

