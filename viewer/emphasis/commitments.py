"""Commitments: joint agreements, commitments and follow-ups (a coming call, a visit, working
groups, a dialogue) that only one readout reports.

Agreement is an act, not a word: a statement counts when the statements stage read it as an
agreement or follow-up of both sides ("The two sides committed to ...", 双方同意, 两国元首一致认为)
or as a follow-up the readout itself announces ("Secretary Blinken will visit China"), never
because a document's name holds "Agreement", nor when one leader proposes what both should do.
The items of one list sentence are one agreement. Its matter is the specific topics it is about
(trade, climate; the frame topics, the meeting and the relationship, only when it has no other),
and the follow-up formulas it holds (a visit, a dialogue: viewer.emphasis.formulas). The other
readout carries it (no finding) when
- one of its own agreements or follow-ups shares that matter (specific topics first, then
  follow-ups; an agreement on the frame alone, "to continue discussions", is carried by any on the
  frame or with a follow-up), or an agreement one of its speakers reports ("习近平强调，我和总统先生
  都同意……": the consensus marker in any voice);
- a joint line of its own holds the same follow-up, on the same specific topic when this one has
  one (working groups, channels of communication; in other words or another language);
- a joint line of its own, in a sentence linked to this one, speaks of one of its specific topics
  and is a commitment or more than one item of a list (两国元首认为……应维持由人类控制核武器使用的决定
  against "affirmed the need to maintain human control ..."; "reviewed progress in counternarcotics,
  climate change, AI ..." carries no agreement on counternarcotics);
- it is a shared assessment (statements.toml [acts] views: «по обоюдному мнению», 一致认为) and any
  statement linked to it speaks of its topic (the other readout has each leader say it).
Links alone are not enough: "Blinken will visit China" and "the two sides will stay in regular
contact" are linked, yet only one readout reports the visit. When the other readout agrees on these
matters only as "these and other issues" (statements.toml [acts] anaphora: the topics of the two
sentences before), the finding says that it reports only a general agreement, and quotes it.
An agreement named by no follow-up and no topic is named in its own words ("agreed “on holding
joint events ...”"), never by another sentence's topics.

One finding per side, naming what was agreed, and one of its own for an agreement on a flashpoint
(high salience: nuclear weapons, ...). Weights: 0.9 on a flashpoint, 0.82 with a visit, a call or
a meeting among the follow-ups, 0.7 for matters the other readout takes up only generally, else 0.78.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from viewer.emphasis import formulas as fm
from viewer.emphasis.naming import cap, label
from viewer.emphasis.said import (
    and_list,
    by_flashpoint,
    cut_off,
    linked,
    markers_in,
    quote,
    quoted,
    statements,
    text_of,
)
from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import phrase_spans
from viewer.model import BOTH, SIDES, Comparison, Evidence, Finding, Quote, Side, Statement, other
from viewer.statements.rules import rules

AGREED = frozenset({"agree", "follow-up"})
FRAME = frozenset({"leader-diplomacy", "bilateral-relations"})
MEETINGS = frozenset({"visit", "call", "meeting"})
MAX_QUOTES = 3
COMMITTING = frozenset({"agree", "follow-up", "propose", "pledge"})
LIST_ITEM = 0.5  # a statement weighing less is one item of a list sentence (or a short clause)
_ANAPHORA_REACH = 2  # sentences before an agreement on "these issues" that name the issues


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


@dataclass
class _Other:
    """What the other readout says that may carry an agreement of this one."""

    matters: list[tuple[frozenset[str], frozenset[str], frozenset[str]]]  # its agreements' matters
    joint: list[tuple[frozenset[str], frozenset[str], frozenset[str]]]  # its joint statements' matters
    general: dict[str, Statement]  # specific topic -> its agreement that covers it as "these issues"


def _the_other(c: Comparison, side: Side) -> _Other:
    """What readout `side` carries (see the module's docstring): its agreements, and the agreements
    its speakers report ("习近平强调，我和总统先生都同意……": the consensus marker, in any voice)."""
    agreed = agreements(c, side)
    reported = [st for st in statements(c, side) if st not in agreed and "consensus" in markers_in(c, side, st)]
    joint = [_matter(c, side, st) for st in statements(c, side) if st.speaker == BOTH or st.role == "both"]
    general: dict[str, Statement] = {}
    for st in agreed:
        for topic in _these(c, side, st):
            general.setdefault(topic, st)
    matters = [_matter(c, side, st) for st in agreed + reported]
    return _Other(matters, joint + matters[len(agreed):], general)


def _these(c: Comparison, side: Side, st: Statement) -> list[str]:
    """The specific topics an agreement takes up as "these issues" (statements.toml [acts]
    anaphora: "on these and other issues", 上述问题, «по этим вопросам»): those of the sentences just
    before it."""
    doc = c.doc(side)
    s = doc.sentences[st.sentence]
    if not any(st.start <= a < st.end for a, _ in phrase_spans(s, rules(doc.language).anaphora, doc.language)):
        return []
    body = [x for x in doc.sentences[max(0, st.sentence - _ANAPHORA_REACH):st.sentence] if not x.furniture]
    return [t for x in body for t in x.topics if t not in FRAME]


def _linked_joint(c: Comparison, side: Side, st: Statement, topics: frozenset[str]) -> bool:
    """A joint statement of the other readout, in a sentence linked to this one's, on one of `topics`:
    a commitment of its own (agreed, proposed, pledged), or a statement that is not one item of a
    list ("reviewed progress in counternarcotics, climate change, AI ..." carries no agreement on
    counternarcotics)."""
    o = other(side)
    there = linked(c, side, st.sentence)
    return any(x.sentence in there and (x.speaker == BOTH or x.role == "both") and topics & set(x.topics)
               and (x.act in COMMITTING or x.weight >= LIST_ITEM) for x in statements(c, o))


def _a_view(c: Comparison, side: Side, st: Statement) -> bool:
    """A shared assessment ("по обоюдному мнению", 一致认为, "shared the view"), not a commitment:
    statements.toml [acts] views."""
    doc = c.doc(side)
    s = doc.sentences[st.sentence]
    return any(st.start <= a < st.end for a, _ in phrase_spans(s, rules(doc.language).views, doc.language))


def _carried(c: Comparison, side: Side, st: Statement, theirs: _Other) -> bool:
    """Whether the other readout reports this agreement too: one of its agreements on the same
    matter (or one its speakers report); a joint statement there holding the same follow-up, on the
    same specific topic if this one has one ("called for continued use of ... commercial and
    financial channels"), or linked to this one on one of its topics ("both leaders affirmed the need to maintain human control ..." against 两国元首认为……应维持
    由人类控制核武器使用的决定); and for a shared view, any statement linked to it on its topic (the
    other readout has each leader say it)."""
    specific, ups, frame = mine = _matter(c, side, st)
    if _same_matter(mine, theirs.matters):
        return True
    if ups and any(ups & j[1] and (not specific or specific & j[0]) for j in theirs.joint):
        return True
    # on its main specific topic: not on the frame alone ("Blinken will visit" and "stay in regular
    # contact" are linked), nor on a second topic (views exchanged on Ukraine carry no agreement
    # that a nuclear war must never be fought, "in Ukraine" or not)
    first = next((t for t in st.topics if t in specific), None)
    main = frozenset({first}) if first else frozenset()
    if main and _linked_joint(c, side, st, main):
        return True
    if main and not ups and _a_view(c, side, st):
        o = other(side)
        there = linked(c, side, st.sentence)
        return any(x.sentence in there and main & set(x.topics) for x in statements(c, o))
    return False


def _same_matter(mine: tuple[frozenset[str], ...], theirs: list[tuple[frozenset[str], ...]]) -> bool:
    specific, ups, frame = mine
    if specific:
        return any(specific & t[0] for t in theirs)
    if ups:
        return any(ups & t[1] for t in theirs)
    return bool(frame) and any(t[2] or t[1] for t in theirs)  # the meeting and the relationship are one frame


def _own_words(c: Comparison, side: Side, st: Statement) -> Quote:
    """An agreement named by nothing else, in its own words from after its act's phrase ("agreed
    on holding joint events ..." -> "on holding joint events ...")."""
    text = text_of(c, side, st)
    cue = st.stance[0] if st.stance else ""
    k = text.find(cue) if cue else -1
    at = st.start + k + len(cue) if k >= 0 else None
    q = quote(c, side, st, at)
    return replace(q, text=q.text.removeprefix("…").lstrip(" ，,：:"))


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
        theirs = _the_other(c, o)
        mine = agreements(c, side)
        alone, general = [], []
        for st in mine:
            if _carried(c, side, st, theirs):
                continue
            covered = [t for t in st.topics if t in theirs.general]
            (general if covered and len(covered) == len([t for t in st.topics if t not in FRAME]) else alone).append(st)
        groups = by_flashpoint(_by_sentence(alone, mine), lambda st: st.topics, lexicon)
        found += [f for key, group in groups.items() if (f := _finding(c, lexicon, side, group, key))]
        if general:
            cover = theirs.general[next(t for t in general[0].topics if t in theirs.general)]
            if (f := _finding(c, lexicon, side, _by_sentence(general, mine), None, cover)):
                found.append(f)
    return found


def _finding(c: Comparison, lexicon: Vocabulary, side: Side, group: list[Statement], flashpoint: str | None,
             general: Statement | None = None) -> Finding | None:
    """One finding over a group of agreements only readout `side` reports, each named by its
    follow-ups and specific topics (the frame when it has neither), or by its own words when it
    has none of these; `general`: the other readout's agreement that takes these matters up only
    as "these issues", which the finding quotes instead of saying it has none."""
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
        named = f"{what} on {on}" if what and on else what or on
        names.append(f"on {named}" if named else quoted(_own_words(c, side, st)))
    items = and_list(list(dict.fromkeys(names)))
    quotes = [quote(c, side, st) for st in group[:MAX_QUOTES]]
    own = f" ({quoted(quotes[0])})" if "“" not in items else ""
    if general is not None:
        theirs = quote(c, o, general)
        text = cap(f"only {label(c, side)} names the agreements: {items}{own}; "
                   f"{label(c, o)} reports only a general agreement on these matters ({quoted(theirs)}){caveat}.")
        quotes.append(theirs)
    else:
        text = cap(f"only {label(c, side)} reports that the two sides agreed {items}{own}; "
                   f"{label(c, o)} has no such agreement{caveat}.")
    weight = 0.9 if flashpoint else (0.82 if ups & MEETINGS else (0.7 if general is not None else 0.78))
    follow_up_topics = [fm.formulas()[u].topic for u in sorted(ups)]
    topic = (flashpoint or next((t for st in group for t in st.topics if t not in FRAME), None)
             or next(iter(follow_up_topics), None) or next((t for st in group for t in st.topics), None))
    evidence = [Evidence(side, i) for i in cited] + ([Evidence(o, general.sentence)] if general is not None else [])
    return Finding("commitment", weight, text, evidence, topic=topic, side=side, quotes=quotes)
