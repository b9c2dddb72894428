"""Plain-language findings on topics, voice, tone and words, ranked by weight, each tied to the
sentences it comes from (the findings over statements, which an analyst leads with, are in
attributed.py, framing.py, commitments.py and blame.py; ranking.py puts them all together).

Written as English sentences: a side is "the White House readout" (naming.label), a topic its
in-sentence phrase ("nuclear weapons and arms control", "Taiwan").

Weights (0..1) say how much a careful reader would care; the findings over statements weigh
0.72-0.99. What a topic's omission means comes first, then how much room it takes: each topic
has a salience in the lexicon (high for the flashpoints a side leaves out on purpose, low for the
frame every readout carries), and
- omission: a topic one side discusses and the other never touches, from 0.82 (high salience),
  0.7 (normal) or 0.6 (low), plus up to 0.08 (low: 0.05) as its share grows to 40%, so a
  high-salience omission outranks any of lower salience; touched only in passing on the other
  side, 0.2 less; given under 3% of the text (a clause) and not a flashpoint, 0.3 less;
- prominence: the lede of one side is the 3rd topic or lower of the other, 0.6 + 0.05 per rank
  (at most 0.75), 0.05 more for a high-salience topic and 0.03 less for a low one;
- share: both discuss a topic with shares apart by d (0..1): weight 2*d, times 1.5 for a
  high-salience topic and 0.6 for a low one, at most 0.5 (below every omission and lede); two
  readouts list it only from 5 points and a ratio of 2, never for a frame topic;
- entity: a country named twice or more by one side only outside its opening, 0.45 + 0.05 per
  mention up to 0.65;
- voice: one readout gives the other side's people statements and the other reports few or none
  of its counterpart's, 0.45 + 0.1 as their share grows to a quarter;
- tone: a tone marker one side uses and the other does not, 0.5 for the markers of disagreement
  (candid, concern, oppose, warning, core-interests), 0.35 for the others; never the stock
  formulas (in-depth, exchange of views, reaffirmed);
- distinctive: the most distinctive words of the two sides (z > 1.96 only, one language), 0.25;
- wording: a short addition or deletion inside linked passages, 0.15, or 0.45 when it is a tone
  marker; at most five.
A finding about what a side lacks says when that side's text is cut off, or is dropped when the
missing tail explains it (said.cut_off).
"""

from __future__ import annotations

from collections import Counter

from viewer.emphasis.commitments import agreements
from viewer.emphasis.coverage import sentence_words
from viewer.emphasis.distinctive import Z_FINDING
from viewer.emphasis.naming import cap, label, possessive
from viewer.emphasis.said import (
    DISAGREEMENT,
    and_list,
    country_name,
    cut_off,
    in_person,
    own_voice,
    sentences_of,
    side_country,
    statements,
    voiced_by,
)
from viewer.lexicon import Vocabulary
from viewer.model import SIDES, Comparison, Evidence, Finding, Link, Quote, Side, ToneMark, TopicStat, other
from viewer.text.tokens import tokenize
from viewer.wording import joined_pieces, piece_at, shows_wording

MAX_WORDING = 5
# salience -> (floor, span) of an omission's weight; the share of text moves it up the span
OMISSION = {"high": (0.82, 0.08), "normal": (0.7, 0.08), "low": (0.6, 0.05)}
PASSING_LESS = 0.2  # touched in passing on the other side: not quite left out
FULL_SHARE = 0.4  # the share of text that earns an omission its whole span
SLIGHT, SLIGHT_LESS = 0.03, 0.3  # a topic given less than 3% of a text: a passing clause, not news
LEDE_SHIFT = {"high": 0.05, "normal": 0.0, "low": -0.03}
SHARE_GAIN = {"high": 1.5, "normal": 1.0, "low": 0.6}
SHARE_CAP = 0.5
LEDE_CAP = 0.75
# readouts: a share gap worth a line (points and ratio); a smaller one says nothing a reader uses
SHARE_GAP, SHARE_RATIO = 0.05, 2.0
SUBJECT = 3  # statements about a topic that make it a subject of the readout, not a mention
# tone markers whose presence on one side only is no news: stock formulas of the genre
STOCK_TONES = frozenset({"in-depth", "exchange-of-views", "reaffirm"})
# the relationship and the meeting: every readout is about them, so "only A mentions" them is never true
FRAME_TOPICS = frozenset({"bilateral-relations", "leader-diplomacy"})


def topic_phrase(st: TopicStat) -> str:
    return st.phrase or st.label


def _pct(x: float) -> str:
    return "under 1%" if 0 < x < 0.005 else f"{round(x * 100)}%"


def _sentences(n: int) -> str:
    return f"{n} sentence" + ("" if n == 1 else "s")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def evidence_of(side: Side, sentences: list[int]) -> list[Evidence]:
    return [Evidence(side, i) for i in sentences]


def omission_weight(salience: str, share: float, passing: bool) -> float:
    """A topic a side gives under SLIGHT of its text (a clause) weighs little unless it is a flashpoint."""
    floor, span = OMISSION[salience]
    slight = SLIGHT_LESS if share < SLIGHT and salience != "high" else 0.0
    return floor - (PASSING_LESS if passing else 0.0) - slight + span * min(1.0, share / FULL_SHARE)


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
                weight = min(LEDE_CAP, 0.6 + 0.05 * (rank_theirs - 1)) + LEDE_SHIFT[salience]
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


def readout_topic_findings(c: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """Omission, prominence and share between two readouts, over statements: no omission of the
    frame topics (the relationship, the meeting), an omission only when
    no statement of the other side touches the topic (one item of a list is a mention), with the
    sentences whose main topic it is as evidence, merged when one list sentence names several
    topics, and saying so when the side that lacks it is cut off; the lede from Comparison.ledes;
    a share gap only when it is one a reader uses (SHARE_GAP, SHARE_RATIO, not a frame topic, not
    a list item, not against the side that reports an agreement on it, not on a cut-off text)."""
    found = []
    for f in topic_findings(c, c.topics, lexicon):
        if f.kind == "share":
            if (kept := _share(c, f, lexicon)) is not None:
                found.append(kept)
        elif f.kind == "prominence":
            if not c.ledes:
                found.append(f)
        elif f.topic not in FRAME_TOPICS and (kept := _omission(c, f)) is not None:
            found.append(kept)
    return _merge_lists(c, lexicon, found) + lede_findings(c, lexicon)


def _touched(c: Comparison, side: Side, topic: str) -> bool:
    return any(topic in st.topics for st in statements(c, side))


def _omission(c: Comparison, f: Finding) -> Finding | None:
    """An omission checked against the other side's statements, its evidence narrowed to the
    statements about the topic, its text caveated (or dropped) when the other text is cut off."""
    assert f.side is not None and f.topic is not None
    o = other(f.side)
    if _touched(c, o, f.topic) and not any(e.side == o for e in f.evidence):
        return None  # the other side names it, as one item of a list
    mine = [e for e in f.evidence if e.side == f.side]
    main = sentences_of(st for st in statements(c, f.side) if st.topics[:1] == [f.topic])
    narrowed = [e for e in mine if e.sentence in main] or mine
    caveat = cut_off(c, o, [e.sentence for e in narrowed])
    if caveat is None:
        return None
    f.evidence = narrowed + [e for e in f.evidence if e.side == o]
    if caveat:
        f.text = f.text.removesuffix(".") + caveat + "."
    return f


def _merge_lists(c: Comparison, lexicon: Vocabulary, found: list[Finding]) -> list[Finding]:
    """Omissions of one side that rest on the very same sentences (one list sentence naming
    Ukraine, the Korean Peninsula and the Middle East) become one finding."""
    groups: dict[tuple, list[Finding]] = {}
    rest = []
    for f in found:
        if f.kind == "omission" and f.topic and not any(e.side != f.side for e in f.evidence):
            groups.setdefault((f.side, tuple(e.sentence for e in f.evidence)), []).append(f)
        else:
            rest.append(f)
    for (side, sents), group in groups.items():
        if len(group) == 1:
            rest.append(group[0])
            continue
        group.sort(key=lambda f: -f.weight)
        phrases = [lexicon.topic_phrase(f.topic) for f in group if f.topic]
        doc = c.doc(side)
        share = sum(sentence_words(doc.sentences[i], doc.language) for i in sents) / max(1, doc.words)
        where = "one sentence" if len(sents) == 1 else f"the same {len(sents)} sentences"
        caveat = cut_off(c, other(side), list(sents)) or ""
        text = f"Only {label(c, side)} mentions {and_list(phrases)}, all in {where}, {_pct(share)} of its text{caveat}."
        first = group[0]
        rest.append(Finding("omission", first.weight, text, first.evidence, topic=first.topic, side=side))
    return rest


def _share(c: Comparison, f: Finding, lexicon: Vocabulary) -> Finding | None:
    """A share gap a reader uses, or None: a frame topic, a gap under SHARE_GAP or SHARE_RATIO, a
    cut-off smaller side, one list item, or the side that reports an agreement on it being the
    smaller, say nothing. A topic one side makes the subject of SUBJECT statements or more while
    the other never does (it names it only among other matters) is a gap whatever the points."""
    assert f.side is not None and f.topic is not None
    big, small = f.side, other(f.side)
    st = next(t for t in c.topics if t.id == f.topic)
    hi, lo = st.share[big], st.share[small]
    subject = {side: sum(1 for s in statements(c, side) if s.topics[:1] == [f.topic]) for side in SIDES}
    only_named = subject[big] >= SUBJECT and subject[small] == 0
    if lexicon.topic_salience(f.topic) == "low" or hi < SHARE_RATIO * lo or c.truncated.get(small):
        return None
    if hi - lo < SHARE_GAP and not only_named:
        return None
    on_big = [s for s in statements(c, big) if f.topic in s.topics]
    if on_big and all(s.weight < 1 for s in on_big):
        return None  # one item of a list, however long the sentence
    agreed = {side: any(f.topic in s.topics for s in agreements(c, side)) for side in SIDES}
    if agreed[small] and not agreed[big]:
        return None
    if only_named:
        f.text = (f"{cap(label(c, big))} makes {topic_phrase(st)} the subject of {subject[big]} statements "
                  f"({_pct(hi)} of its text); {label(c, small)} names it only among other matters ({_pct(lo)}).")
        f.weight = max(f.weight, 0.45)
        f.evidence = [e for e in f.evidence if e.side == small or any(
            s.sentence == e.sentence and s.topics[:1] == [f.topic] for s in statements(c, big))]
    return f


def lede_findings(c: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """The lede of one readout (its first substantive statement: Comparison.ledes) that the other
    comes to only third or later; when each side's lede is the other's third or later, one finding
    says both (one difference: the two lead with different things)."""
    stats = {st.id: st for st in c.topics}
    late: dict[Side, TopicStat] = {}
    for side in SIDES:
        st = stats.get(c.ledes.get(side) or "")
        rank = st.rank[other(side)] if st is not None else None
        if st is not None and c.ledes.get(side) != c.ledes.get(other(side)) and rank is not None and rank >= 3:
            late[side] = st
    if not late:
        return []
    clauses, evidence, weights = [], [], []
    for side, st in late.items():
        o = other(side)
        rank = st.rank[o] or 0
        clauses.append(f"{label(c, side)} leads with {topic_phrase(st)}, only the {_ordinal(rank)} topic of "
                       f"{label(c, o)}")
        weights.append(min(LEDE_CAP, 0.6 + 0.05 * (rank - 1)) + LEDE_SHIFT[lexicon.topic_salience(st.id)])
        first = next((s.sentence for s in statements(c, side) if s.act != "opening" and s.topics[:1] == [st.id]),
                     st.sentences[side][0] if st.sentences[side] else None)
        evidence += ([Evidence(side, first)] if first is not None else []) + \
            ([Evidence(o, st.sentences[o][0])] if st.sentences[o] else [])
    side = next(iter(late)) if len(late) == 1 else None
    topic = max(late.values(), key=lambda st: weights[list(late.values()).index(st)]).id
    return [Finding("prominence", round(max(weights), 3), cap("; ".join(clauses)) + ".", evidence,
                    topic=topic, side=side)]


def entity_findings(comparison: Comparison, lexicon: Vocabulary, omitted_topics: dict[Side, set[str]]) -> list[Finding]:
    """Countries named twice or more by one side only, outside its headline and opening (a place
    name in "met in Lima" is no news; nor is a party or a person a count can say anything of),
    and not when their topic is already an omission, nor when the other side speaks of that topic
    in other words ("the Taiwan Strait" names no country, yet that side does speak of Taiwan)."""
    named: dict[Side, dict[str, list[tuple[int, str]]]] = {}
    spoken: dict[Side, set[str]] = {
        side: {t for s in comparison.doc(side).sentences for t in (*s.topics, *s.passing)} for side in SIDES
    }
    for side in SIDES:
        places: dict[str, list[tuple[int, str]]] = {}
        for s in comparison.doc(side).sentences:
            for h in s.hits:
                if h.entity:
                    places.setdefault(h.entity, []).append((s.i, h.topic))
        named[side] = places
    found = []
    for side in SIDES:
        doc = comparison.doc(side)
        for entity, places in named[side].items():
            if not entity.startswith("country:") or entity in named[other(side)]:
                continue
            if any(t in omitted_topics[side] or t in spoken[other(side)] for _, t in places if t):
                continue
            body = [(i, t) for i, t in places if not (doc.sentences[i].furniture or doc.sentences[i].opening)]
            if len(body) < 2:
                continue
            caveat = cut_off(comparison, other(side), [i for i, _ in body])
            if caveat is None:
                continue
            sents = sorted({i for i, _ in body})
            text = f"Only {label(comparison, side)} names {lexicon.entity_label(entity)} ({len(body)} times){caveat}."
            weight = min(0.65, 0.45 + 0.05 * len(body))
            found.append(Finding("omission", round(weight, 3), text, evidence_of(side, sents), side=side))
    return found


def voice_findings(comparison: Comparison) -> list[Finding]:
    """What each readout reports of whom: one that gives the other side's people statements while
    the other reports none of its counterpart's is a pattern a reader checks (each side shows only
    its own leader pushing; the other's words are conciliatory when reported at all)."""
    c = comparison
    counts = {side: voiced_by(c, side, side_country(c, other(side))) for side in SIDES}
    found = []
    for side in SIDES:
        o = other(side)
        theirs, mine = counts[side], counts[o]
        body = [st for st in statements(c, side) if st.act != "opening"]
        if not theirs or not body or len(mine) * 4 > len(theirs):
            continue  # both report the other alike
        speakers = Counter(st.speaker for st in theirs)
        who = speakers.most_common(1)[0][0] or ""
        own = Counter(p for st in own_voice(c, side) if (p := in_person(st))).most_common(1)
        others = f" ({own[0][0]} {own[0][1]})" if own else ""
        counterpart = c.principals.get(side) or country_name(c, side_country(c, side))
        silent = (f"reports no statement by {counterpart} alone" if not mine
                  else f"gives {counterpart} only {len(mine)}")
        text = cap(f"{label(c, side)} gives {who} {len(theirs)} of its {len(body)} statements{others}; "
                   f"{label(c, o)} {silent}.")
        evidence = evidence_of(side, sentences_of(theirs)) + evidence_of(o, sentences_of(mine))
        weight = round(0.45 + 0.1 * min(1.0, len(theirs) / len(body) * 4), 3)
        found.append(Finding("voice", weight, text, evidence, side=side, speaker=who or None))
    return found


def tone_findings(comparison: Comparison, lexicon: Vocabulary) -> list[Finding]:
    """A tone marker one side uses and the other does not, quoting its words. The stock formulas
    of the genre (in-depth talks, views exchanged, positions reaffirmed) are no news; agreement is
    said by the commitment findings when the readouts have statements (an act, not a word). When
    the other side writes the marker's words in another sense ("constructive efforts" against a
    meeting called 建设性的), the finding says so: that side uses the word, only not of this."""
    found = []
    skip = STOCK_TONES | ({"consensus"} if comparison.statements else set())
    ids = {side: {m.id for m in comparison.tone.get(side, [])} for side in SIDES}
    for side in SIDES:
        o = other(side)
        for tone in sorted(ids[side] - ids[o] - skip):
            marks = [m for m in comparison.tone[side] if m.id == tone]
            sents = sorted({m.sentence for m in marks})
            caveat = cut_off(comparison, o, sents)
            if caveat is None:
                continue
            words = ", ".join(dict.fromkeys(f"“{m.text}”" for m in marks))
            elsewhere = _other_senses(comparison, o, tone)
            also = (f"; {label(comparison, o)} uses {_words_of(elsewhere)} only in another sense "
                    f"(“{_in_context(comparison, o, elsewhere[0])}”)") if elsewhere else ""
            text = (
                f"Only {label(comparison, side)} uses {lexicon.tone_label(tone)} language ({words}): "
                f"{lexicon.tone_reading(tone)}{also}{caveat}."
            )
            weight = 0.5 if tone in DISAGREEMENT else 0.35
            quotes = [Quote(side, m.sentence, m.text) for m in marks]
            found.append(Finding("tone", weight, text, evidence_of(side, sents), side=side, marker=tone, quotes=quotes))
    return found


def _other_senses(c: Comparison, side: Side, tone: str) -> list[ToneMark]:
    """The words of tone `tone` readout `side` writes outside its furniture in a sense that is not
    the marker's (the annotate stage keeps every marker's words: Sentence.tone_words)."""
    return [m for s in c.doc(side).sentences if not s.furniture for m in s.tone_words
            if m.id == tone and m not in s.tone_marks]


def _words_of(marks: list[ToneMark]) -> str:
    return " and ".join(dict.fromkeys(f"“{m.text}”" for m in marks[:2]))


def _in_context(c: Comparison, side: Side, m: ToneMark) -> str:
    """A marker's words with the word on each side of them: "deepen constructive efforts", "发挥建设性作用"."""
    doc = c.doc(side)
    s = doc.sentences[m.sentence]
    if doc.language == "zh":
        lo, hi = max(s.start, m.start - 2), min(s.end, m.end + 2)
        return doc.text[lo:hi].strip("，。；：、,.;: ")
    before = [t for t in s.tokens if t.end <= m.start and any(ch.isalnum() for ch in t.text)][-1:]
    after = [t for t in s.tokens if t.start >= m.end and any(ch.isalnum() for ch in t.text)][:1]
    return " ".join(doc.text[(before[0].start if before else m.start):(after[0].end if after else m.end)].split())


def distinctive_findings(comparison: Comparison) -> list[Finding]:
    """The words clearing Z_FINDING on each side, in one finding a reader understands: "The
    Chinese readout's most distinctive terms: sovereignty, hegemony; the White House readout's:
    allies, partners." Two languages have no shared words to weigh (a count of concepts such as
    "Bilateral relations (54)" says nothing), so none there; the listed leanings below the bar are
    shown, not claimed."""
    if comparison.cross_language:
        return []
    terms = {side: [t for t in comparison.distinctive.get(side, []) if t.score > Z_FINDING][:6] for side in SIDES}
    parts = [f"{possessive(comparison, side)}{' most distinctive terms' if k == 0 else ''}: "
             + ", ".join(t.term for t in terms[side])
             for k, side in enumerate(s for s in SIDES if terms[s])]
    if not parts:
        return []
    evidence = [Evidence(side, i) for side in SIDES for i in sorted({i for t in terms[side] for i in t.sentences[:3]})]
    side = None if all(terms.values()) else next(s for s in SIDES if terms[s])
    return [Finding("distinctive", 0.25, cap("; ".join(parts)) + ".", evidence, side=side)]


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

