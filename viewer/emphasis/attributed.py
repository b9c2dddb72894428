"""Attributed: what one readout puts in the mouth of the other side's people (pledges, assurances,
positions) that the other side's own readout does not carry.

"The Chinese readout has Joe Biden say the United States does not seek a 'new Cold War', does not
seek to change China's system, ...; the White House readout has none of these." is the line an
analyst leads with: a government's readout claiming the other leader's words.

A statement counts when its speaker is of the other readout's country. What it says is named by
the stock formulas it holds (viewer.emphasis.formulas); a position holding none (a pledge, a
proposal, an assertion, a concern; not a briefing or thanks) is named by its topic and quoted (one
on no topic, "the world is at a critical juncture", is none). It is carried, and no finding, when the other readout has the same formula
said by its own side or jointly, or (without formulas) a statement of its own side or a joint one
in a sentence linked to it, or, on the relationship or the meeting, any statement of its own side
or joint one on that (the same assessment of the partnership as a joint line is no difference); a thing done in person (congratulations) is carried when that
readout has the same speaker speak on its matter. A flashpoint (a high-salience topic: Taiwan, ...) gets its own finding,
the rest of a side's attributed statements one merged finding.

Weights: 0.9 + 0.015 per formula named (at most 0.97), 0.02 more for a flashpoint; statements
without any formula 0.6: an analyst leads with a named pledge, less so with "pledges on trade".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from viewer.emphasis import formulas as fm
from viewer.emphasis.naming import cap, label
from viewer.emphasis.said import (
    and_list,
    by_flashpoint,
    country_name,
    cut_off,
    joint,
    linked,
    own_voice,
    quote,
    quoted,
    side_country,
    text_of,
    voiced_by,
)
from viewer.lexicon import Vocabulary
from viewer.model import SIDES, Comparison, Evidence, Finding, Quote, Side, Statement, other

# positions named without a formula (a briefing, thanks or an opening line are no position)
_POSITION_ORDER = ("pledge", "agree", "propose", "concern", "oppose", "demand", "warn", "assert")  # quoted first
NAMED_ACTS = frozenset(_POSITION_ORDER)
MAX_QUOTES = 3
# the relationship and the meeting: a position on them without a formula ("the partnership has
# developed vigorously") is carried by any line of the other readout's own on them
FRAME = frozenset({"bilateral-relations", "leader-diplomacy"})


@dataclass
class _Item:
    st: Statement
    formula: fm.Formula | None
    at: int  # where its words start in the readout's text

    def topic(self) -> str | None:
        return self.formula.topic if self.formula else (self.st.topics[0] if self.st.topics else None)


def attributed_findings(c: Comparison, lexicon: Vocabulary) -> list[Finding]:
    found = []
    for side in SIDES:
        o = other(side)
        theirs, mine = side_country(c, o), side_country(c, side)
        if theirs is None or theirs == mine:
            continue
        items = _uncarried(c, side, voiced_by(c, side, theirs))
        groups = by_flashpoint(items, lambda i: [t] if (t := i.topic()) else [], lexicon)
        found += [f for key, group in groups.items() if (f := _finding(c, lexicon, side, group, key))]
    return found


def _carried_formulas(c: Comparison, side: Side) -> set[str]:
    lang = c.doc(side).language
    return {m.formula.id for st in own_voice(c, side) + joint(c, side) for m in fm.find(text_of(c, side, st), lang)}


def _uncarried(c: Comparison, side: Side, put: list[Statement]) -> list[_Item]:
    """The attributed statements of readout `side` (as formulas, or whole) the other readout lacks."""
    o = other(side)
    carried = _carried_formulas(c, o)
    theirs = {st.sentence for st in own_voice(c, o) + joint(c, o)}
    own_topics = {t for st in own_voice(c, o) + joint(c, o) for t in st.topics[:1]}
    lang = c.doc(side).language
    items = []
    for st in put:
        matches = [m for m in fm.find(text_of(c, side, st), lang) if not m.formula.follow_up]
        if matches:
            items += [_Item(st, m.formula, st.start + m.start) for m in matches
                      if m.formula.id not in carried and not _done_there(c, o, st.speaker, m.formula)]
        elif st.act in NAMED_ACTS and st.topics and not (linked(c, side, st.sentence) & theirs) \
                and not (st.topics[0] in FRAME and st.topics[0] in own_topics):
            items.append(_Item(st, None, st.start))
    return items


def _done_there(c: Comparison, side: Side, speaker: str | None, formula: fm.Formula) -> bool:
    """Something done in person (congratulating) that readout `side` has the same speaker do on the
    same matter in its own words: Xi's congratulations on Russia's vote, without the word."""
    return bool(formula.does) and any(st.speaker == speaker and st.topics[:1] == [formula.topic]
                                      for st in own_voice(c, side))


def _finding(c: Comparison, lexicon: Vocabulary, side: Side, group: list[_Item], flashpoint: str | None) -> Finding | None:
    o = other(side)
    sentences = sorted({i.st.sentence for i in group})
    caveat = cut_off(c, o, sentences)
    if caveat is None:
        return None
    speaker = Counter(i.st.speaker for i in group).most_common(1)[0][0] or ""
    country = country_name(c, side_country(c, o))
    here = country_name(c, side_country(c, side))
    named = [i for i in group if i.formula]
    leader = c.principals.get(side) or ""
    does = list(dict.fromkeys(d for i in named if i.formula and (d := i.formula.done(here, leader))))
    says = list(dict.fromkeys(s for i in named if i.formula and (s := i.formula.said(here, leader))))
    rest = [] if named else group  # a statement without a formula is named only when none has one
    topics = list(dict.fromkeys(t for i in rest if (t := i.topic())))
    clauses = does + ([f"say {country} " + and_list(says) if country else "say it " + and_list(says)] if says else [])
    if not clauses:  # named by topic, with the first one's words
        on = and_list([lexicon.topic_phrase(t) for t in topics])
        first = quote(c, side, min(rest, key=lambda i: _POSITION_ORDER.index(i.st.act)).st)
        clauses = [(f"state positions on {on}" if on else "state positions") + f" ({quoted(first)})"]
    what = and_list(clauses)
    lead = f"On {lexicon.topic_phrase(flashpoint)}, " if flashpoint else ""
    n = len(says) + len(does) + len(topics)
    none = "none of these" if n > 2 else ("neither" if n == 2 else "no such line")
    contrast = _contrast(c, o, flashpoint)
    text = (cap(f"{lead}{label(c, side)} has {speaker} {what}")
            + f"; {label(c, o)} has {none}"
            + (f" (its own line: {quoted(contrast)})" if contrast else "") + f"{caveat}.")
    quotes = [quote(c, side, i.st, i.at) for i in (named or rest)[:MAX_QUOTES]]
    evidence = [Evidence(side, i) for i in sentences]
    if contrast:
        quotes.append(contrast)
        evidence.append(Evidence(o, contrast.sentence))
    weight = (0.9 + min(0.07, 0.015 * (len(says) + len(does))) if named else 0.6) + (0.02 if flashpoint else 0.0)
    topics_said = Counter(t for i in group if (t := i.topic()))
    # assurances merged are about the relationship itself when any of them is
    topic = flashpoint or ("bilateral-relations" if "bilateral-relations" in topics_said
                           else next(iter(topics_said.most_common(1)), (None,))[0])
    return Finding("attributed", round(min(0.99, weight), 3), text, evidence, topic=topic, side=side,
                   speaker=speaker or None, quotes=quotes)


def _contrast(c: Comparison, side: Side, topic: str | None) -> Quote | None:
    """On a flashpoint, the other readout's own first statement about it, which a reader sets
    against what it is said to have pledged."""
    if topic is None:
        return None
    st = next((s for s in own_voice(c, side) if s.topics and s.topics[0] == topic), None)
    if st is None:
        return None
    match = next(iter(fm.find(text_of(c, side, st), c.doc(side).language)), None)
    return quote(c, side, st, st.start + match.start if match else None)
