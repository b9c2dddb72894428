"""Framing: a topic both readouts take up, each side's own statements on it differing in act or
stance: US "objections to the PRC's coercive and increasingly aggressive actions toward Taiwan"
against China's "first red line that must not be crossed".

Only a side's own voice counts (its people, its side, the readout itself, and the joint lines it
reports), never what it reports of the other side, and only statements whose main topic it is.
Acts are contentious (oppose, concern, warn, blame, or a disagreement marker in the statement:
"red line" makes a warning; a demand only when made of the other side or with words of
disagreement in it) or not. A topic is framed
- in opposite terms when both sides' statements on it are contentious, unless they take one line
  (the same act in linked passages, neither naming the other side: allies opposing a third party);
- differently when only one side's are contentious (the other may speak of the topic inside a
  statement on another matter, not as one item of a list);
and not at all when neither side's is (differences there are commitments or wording), nor for
the frame topics every readout carries (low salience: the relationship, the meeting), nor for
domestic politics (each side's own affairs are two matters, not one framed twice).

Weights: 0.93 in opposite terms on a flashpoint (high salience), 0.88 framed differently there;
0.8 and 0.72 for other topics.
"""

from __future__ import annotations

from viewer.emphasis.naming import cap, label
from viewer.emphasis.said import (
    CONTENTIOUS,
    DISAGREEMENT,
    assures,
    focus,
    in_person,
    joint,
    linked,
    markers_in,
    names_country,
    own_voice,
    quote,
    quoted,
    side_country,
    stance_act,
)
from viewer.lexicon import Vocabulary
from viewer.model import BOTH, SIDES, Comparison, Evidence, Finding, Quote, Side, Statement, other

# the order a tie between acts is broken in: the sharper act names the framing
_SHARPEST = ("warn", "blame", "oppose", "concern", "demand", "pledge", "agree", "propose", "assert", "brief",
             "thank", "follow-up")
# (with a person: "has Joe Biden ..."; the readout itself: "the White House readout ...")
_VERBS = {
    "oppose": ("state opposition", "states opposition"),
    "concern": ("voice concern", "voices concern"),
    "warn": ("issue a warning", "issues a warning"),
    "blame": ("lay blame", "lays blame"),
    "demand": ("make demands", "makes demands"),
    "pledge": ("make pledges", "makes pledges"),
    "agree": ("report agreement", "reports agreement"),
    "propose": ("make proposals", "makes proposals"),
    "assert": ("state a position", "states a position"),
    "brief": ("give a briefing", "gives a briefing"),
    "thank": ("give thanks", "gives thanks"),
    "follow-up": ("announce a follow-up", "announces a follow-up"),
}
WEIGHTS = {("high", True): 0.93, ("high", False): 0.88, ("normal", True): 0.8, ("normal", False): 0.72}
MAX_EVIDENCE = 4  # sentences a side gives as evidence
# each side's own politics: the two readouts speak of two countries' affairs, not one matter framed twice
OWN_MATTERS = frozenset({"domestic-politics"})
LIST_ITEM = 0.5  # a statement weighing less is one item of a list sentence


def framing_findings(c: Comparison, lexicon: Vocabulary) -> list[Finding]:
    own = {side: own_voice(c, side) + joint(c, side) for side in SIDES}
    topics = sorted({st.topics[0] for side in SIDES for st in own[side] if st.topics})
    used: set[tuple[Side, int]] = set()  # a statement quoted once: a list sentence frames one topic
    found = []
    for topic in topics:
        salience = lexicon.topic_salience(topic)
        if salience == "low" or topic in OWN_MATTERS:
            continue
        fresh = {side: [st for st in own[side] if (side, st.sentence) not in used] for side in SIDES}
        main = {side: [st for st in fresh[side] if st.topics[:1] == [topic]] for side in SIDES}
        hard = {side: [st for st in main[side] if _contentious(c, side, st)] for side in SIDES}
        if not hard["A"] and not hard["B"]:
            continue
        # the side without a charge may speak of the topic inside a statement on another (not in a list)
        on = {side: main[side] or ([] if hard[side] else
                                   [st for st in fresh[side] if topic in st.topics and st.weight >= LIST_ITEM])
              for side in SIDES}
        if not on["A"] or not on["B"]:
            continue
        acts = {side: _main_act(c, side, hard[side] or on[side]) for side in SIDES}
        opposite = bool(hard["A"] and hard["B"])
        if opposite and _same_line(c, hard, acts):
            continue
        first: Side = "A" if opposite or hard["A"] else "B"
        picked = {side: [st for st in (hard[side] or on[side]) if stance_act(c, side, st) == acts[side]]
                  for side in SIDES}
        quotes = {side: _quote(c, side, picked[side]) for side in SIDES}
        used.update((q.side, q.sentence) for q in quotes.values())
        clauses = [f"{_who(c, side, picked[side][0], acts[side])}: {quoted(quotes[side])}" for side in (first, other(first))]
        phrase = lexicon.topic_phrase(topic)
        lead = f"Both readouts take up {phrase} in opposite terms" if opposite else f"The readouts frame {phrase} differently"
        text = cap(f"{lead}: {clauses[0]}; {clauses[1]}.")
        evidence = [Evidence(side, i) for side in (first, other(first))
                    for i in sorted({st.sentence for st in picked[side]})[:MAX_EVIDENCE]]
        weight = WEIGHTS[(salience if salience == "high" else "normal", opposite)]
        found.append(Finding("framing", weight, text, evidence, topic=topic, side=None if opposite else first,
                             quotes=[quotes[first], quotes[other(first)]]))
    return found


def _same_line(c: Comparison, hard: dict[Side, list[Statement]], acts: dict[Side, str]) -> bool:
    """Both sides take one line (allies opposing a third party): the same act, passages linked to
    each other, and neither charge naming the other side."""
    if acts["A"] != acts["B"]:
        return False
    if any(names_country(c, side, st, side_country(c, other(side))) for side in SIDES for st in hard[side]):
        return False
    theirs = {st.sentence for st in hard["B"]}
    return any(linked(c, "A", st.sentence) & theirs for st in hard["A"])


def _contentious(c: Comparison, side: Side, st: Statement) -> bool:
    """A charge: opposition, concern, a warning or blame (the act, or a disagreement marker in the
    statement); a demand only when it is made of the other side ("the US should not intervene") or
    with disagreement words in it ("the first red line"), since "both should do more" frames nothing."""
    act = stance_act(c, side, st)
    if act not in CONTENTIOUS and act != "demand":
        return False  # no charge, pledge or not (asked first: the formulas are the costly part)
    if assures(c, side, st) and act not in ("demand", "warn"):
        return False  # a pledge restated ("不寻求…反对中国") is no charge; one demanded of the other side is
    if act != "demand":
        return act in CONTENTIOUS
    return names_country(c, side, st, side_country(c, other(side))) or any(m in DISAGREEMENT for m in markers_in(c, side, st))


def _main_act(c: Comparison, side: Side, statements: list[Statement]) -> str:
    """The act with most weight among the statements, the sharper one on a tie."""
    totals: dict[str, float] = {}
    for st in statements:
        act = stance_act(c, side, st)
        totals[act] = totals.get(act, 0.0) + st.weight
    return max(totals, key=lambda act: (totals[act], -_SHARPEST.index(act) if act in _SHARPEST else -99))


def _who(c: Comparison, side: Side, st: Statement, act: str) -> str:
    with_person, by_itself = _VERBS.get(act, _VERBS["assert"])
    if st.speaker == BOTH or st.role == "both":
        return f"{label(c, side)} has both sides {with_person}"
    if (speaker := in_person(st)) is not None:
        return f"{label(c, side)} has {speaker} {with_person}"
    return f"{label(c, side)} {by_itself}"


def _quote(c: Comparison, side: Side, statements: list[Statement]) -> Quote:
    """The first statement whose stance a tone marker carries, else the first that is not one item
    of a list, else the first; quoted from that marker."""
    st = next((s for s in statements if focus(c, side, s) is not None),
              next((s for s in statements if s.weight >= LIST_ITEM), statements[0]))
    return quote(c, side, st, focus(c, side, st))
