"""Blame: one readout has its own side blame someone for the state of affairs ("the US policy has
caused serious difficulties"), a charge the other readout does not voice.

A statement counts when the statements stage read its act as blame and its own side says it (its
people, its side or the readout itself). The one blamed is the country it names (other than the
speaker's own); a charge that names none ("some Western forces", "一些人") is aimed at the other
side when the readout also blames that side by name, else said as it stands. A statement holding a pledge formula is an assurance, not a charge. A charge on a topic a framing finding already sets against the other side's words is
said there, not again here; a charge the other readout also voices against the same country (two
allies blaming a third) is no difference.

One finding per side and country blamed, quoting a charge that names that country when one does
(not a line naming no one beside it). Weights: 0.86 for blame of the other side, 0.8 of a
third country.
"""

from __future__ import annotations

from collections import Counter

from viewer.emphasis.naming import cap, label
from viewer.emphasis.said import (
    assures,
    country_name,
    cut_off,
    in_person,
    own_voice,
    quote,
    quoted,
    side_country,
)
from viewer.model import SIDES, Comparison, Evidence, Finding, Side, Statement, other


def _blamed(c: Comparison, side: Side, st: Statement) -> str:
    """The country a charge is aimed at (ISO code): the first it names other than the speaker's
    own, else the last its sentence names before it (the subject of "美方应……，而不是说一套做一套"),
    else "" (it names none)."""
    mine = side_country(c, side)
    s = c.doc(side).sentences[st.sentence]
    named = [(h.start, h.entity.partition(":")[2]) for h in s.hits
             if h.entity and h.entity.startswith("country:") and h.start < st.end]
    inside = [code for at, code in named if at >= st.start and code != mine]
    before = [code for at, code in named if at < st.start and code != mine]
    return inside[0] if inside else (before[-1] if before else "")


def _main_topic(group: list[Statement]) -> str | None:
    """What the charges are mostly about (the first one's topic on a tie)."""
    topics = Counter(st.topics[0] for st in group if st.topics)
    return max(topics, key=lambda t: (topics[t], -list(topics).index(t))) if topics else None


def blame_findings(c: Comparison, framed: set[str]) -> list[Finding]:
    """`framed`: the topics of the framing findings, whose charges those findings already quote."""
    charges = {side: [(st, _blamed(c, side, st)) for st in own_voice(c, side)
                      if st.act == "blame" and not assures(c, side, st)] for side in SIDES}
    found = []
    for side in SIDES:
        o = other(side)
        voiced_there = {code for _, code in charges[o]}
        targets: dict[str, list[Statement]] = {}
        for st, code in charges[side]:
            if code not in voiced_there and not (st.topics[:1] and st.topics[0] in framed):
                targets.setdefault(code, []).append(st)
        theirs = side_country(c, o) or ""
        if theirs and "" in targets and theirs in targets:  # charges naming no one, beside charges at the other side: at it too
            targets[theirs] = sorted(targets.pop("") + targets[theirs], key=lambda st: st.start)
        for code, group in targets.items():
            cited = sorted({st.sentence for st in group})
            caveat = cut_off(c, o, cited)
            if caveat is None:
                continue
            # the charge quoted is one that names whom it blames, when one does
            first = next((st for st in group if code and _blamed(c, side, st) == code), group[0])
            whom = f" {country_name(c, code)}" if code else ""
            speaker = in_person(first)
            who = (f"has {speaker} " + (f"blame{whom}" if code else "lay blame") if speaker
                   else f"blames{whom}" if code else "lays blame")
            more = f" and {len(group) - 1} more such charge{'s' if len(group) > 2 else ''}" if len(group) > 1 else ""
            q = quote(c, side, first)
            text = cap(f"{label(c, side)} {who}: {quoted(q)}{more}; "
                       f"{label(c, o)} voices no such charge{caveat}.")
            weight = 0.86 if code == side_country(c, o) else 0.8
            found.append(Finding("blame", weight, text, [Evidence(side, i) for i in cited],
                                 topic=_main_topic(group), side=side,
                                 speaker=speaker, quotes=[q]))
    return found
