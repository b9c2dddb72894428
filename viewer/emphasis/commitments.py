"""Commitments: joint agreements, commitments and follow-ups (a coming call, a visit, working
groups, a dialogue) that only one readout reports.

Agreement is an act, not a word: a statement counts when the statements stage read it as an
agreement or follow-up of both sides ("The two sides committed to ...", 双方同意, 两国元首一致认为)
or as a follow-up the readout itself announces ("Secretary Blinken will visit China"), never
because a document's name holds "Agreement", nor when one leader proposes what both should do.
The items of one list sentence are one agreement. Its matter is the specific topics it is about (trade, climate; the frame
topics, the meeting and the relationship, only when it has no other), and the follow-up formulas
it holds (a visit, a dialogue: viewer.emphasis.formulas). The other readout carries it when one of
its own agreements or follow-ups shares that matter (specific topics first, then follow-ups; an
agreement on the frame alone, "to continue discussions", is carried by any on the frame or with a
follow-up). Links are not enough: "Blinken will visit China" and "the two sides will stay in
regular contact" are linked, yet only one readout reports the visit.

One finding per side, naming what was agreed, and one of its own for an agreement on a flashpoint
(high salience: nuclear weapons, ...). Weights: 0.9 on a flashpoint, 0.82 with a visit, a call or
a meeting among the follow-ups, else 0.78.
"""

from __future__ import annotations

from dataclasses import replace

from viewer.emphasis import formulas as fm
from viewer.emphasis.naming import cap, label
from viewer.emphasis.said import (
    and_list,
    by_flashpoint,
    cut_off,
    markers_in,
    quote,
    quoted,
    statements,
    text_of,
)
from viewer.lexicon import Vocabulary
from viewer.model import BOTH, SIDES, Comparison, Evidence, Finding, Side, Statement, other

AGREED = frozenset({"agree", "follow-up"})
FRAME = frozenset({"leader-diplomacy", "bilateral-relations"})
MEETINGS = frozenset({"visit", "call", "meeting"})
MAX_QUOTES = 3


def agreements(c: Comparison, side: Side) -> list[Statement]:
    """Joint agreements and follow-ups: a joint statement read as an agreement or a follow-up, or
    holding the consensus marker (which the annotate stage gives only to an agreeing subject and
    verb), and a follow-up the readout itself announces. One leader's "the two sides should stay
    in touch" is a proposal, not an agreement."""
    out = []
    for st in statements(c, side):
        jointly = st.speaker == BOTH or st.role == "both"
        if (jointly and (st.act in AGREED or "consensus" in markers_in(c, side, st))
                or st.act == "follow-up" and st.speaker is None):
            out.append(st)
    return out


def _by_sentence(items: list[Statement], everything: list[Statement]) -> list[Statement]:
    """The items of one list sentence ("tasked their teams to follow up on climate change and
    health security") as one agreement: one matter named once, quoted from where the sentence's
    first agreement starts (`everything`: all the side's agreements)."""
    begins: dict[int, int] = {}
    for st in everything:
        begins[st.sentence] = min(begins.get(st.sentence, st.start), st.start)
    merged: dict[int, Statement] = {}
    for st in items:
        first = merged.get(st.sentence)
        merged[st.sentence] = replace(st, start=begins.get(st.sentence, st.start)) if first is None else replace(
            first, end=max(first.end, st.end), topics=list(dict.fromkeys(first.topics + st.topics)),
            weight=first.weight + st.weight)
    return list(merged.values())


def _matter(c: Comparison, side: Side, st: Statement) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(specific topics, follow-up formulas, frame topics) of an agreement."""
    ups = frozenset(m.formula.id for m in fm.find(text_of(c, side, st), c.doc(side).language) if m.formula.follow_up)
    return frozenset(t for t in st.topics if t not in FRAME), ups, frozenset(t for t in st.topics if t in FRAME)


def _carried(mine: tuple[frozenset[str], ...], theirs: list[tuple[frozenset[str], ...]]) -> bool:
    specific, ups, frame = mine
    if specific:
        return any(specific & t[0] for t in theirs)
    if ups:
        return any(ups & t[1] for t in theirs)
    return bool(frame) and any(t[2] or t[1] for t in theirs)  # the meeting and the relationship are one frame


def _people(c: Comparison, side: Side, st: Statement, lexicon: Vocabulary) -> list[str]:
    """The people an agreement names besides the two principals ("Secretary of State Blinken")."""
    s = c.doc(side).sentences[st.sentence]
    principals = set(c.principals.values())
    names = [lexicon.entity_label(h.entity) for h in s.hits
             if h.entity and h.entity.startswith("person:") and st.start <= h.start < st.end]
    return list(dict.fromkeys(n for n in names if n not in principals))


def commitment_findings(c: Comparison, lexicon: Vocabulary) -> list[Finding]:
    found = []
    for side in SIDES:
        o = other(side)
        matters = [_matter(c, o, st) for st in agreements(c, o)]
        mine = agreements(c, side)
        alone = [st for st in mine if not _carried(_matter(c, side, st), matters)]
        groups = by_flashpoint(_by_sentence(alone, mine), lambda st: st.topics, lexicon)
        found += [f for key, group in groups.items() if (f := _finding(c, lexicon, side, group, key))]
    return found


def _finding(c: Comparison, lexicon: Vocabulary, side: Side, group: list[Statement], flashpoint: str | None) -> Finding | None:
    o = other(side)
    cited = sorted({st.sentence for st in group})
    caveat = cut_off(c, o, cited)
    if caveat is None:
        return None
    names, ups = [], set()
    for st in group:
        specific, follow_ups, frame = _matter(c, side, st)
        ups |= follow_ups
        what = and_list([fm.formulas()[u].names for u in sorted(follow_ups)])
        who = _people(c, side, st, lexicon)
        if follow_ups & MEETINGS and who:
            what += " by " + and_list(who)
        on = and_list([lexicon.topic_phrase(t) for t in (sorted(specific, key=st.topics.index) or
                                                           ([] if follow_ups else sorted(frame, key=st.topics.index)))])
        names.append(f"{what} on {on}" if what and on else what or on)
    items = and_list(list(dict.fromkeys(n for n in names if n)))
    quotes = [quote(c, side, st) for st in group[:MAX_QUOTES]]
    what = f"agreed on {items}" if items else "reached an agreement"
    text = cap(f"only {label(c, side)} reports that the two sides {what} ({quoted(quotes[0])}); "
               f"{label(c, o)} has no such agreement{caveat}.")
    weight = 0.9 if flashpoint else (0.82 if ups & MEETINGS else 0.78)
    follow_up_topics = [fm.formulas()[u].topic for u in sorted(ups)]
    topic = (flashpoint or next((t for st in group for t in st.topics if t not in FRAME), None)
             or next(iter(follow_up_topics), None) or next((t for st in group for t in st.topics), None))
    return Finding("commitment", weight, text, [Evidence(side, i) for i in cited], topic=topic, side=side,
                   quotes=quotes)
