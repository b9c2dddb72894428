"""The tooltip of a sentence: what the analysis found in it and how it is linked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewer.model import Comparison, Link, Side


def kind_name(kind: str) -> str:
    """A link kind as the legend names it."""
    tr = QCoreApplication.translate
    return {"identical": tr("Sentence", "identical"), "reworded": tr("Sentence", "reworded"),
            "related": tr("Sentence", "related"), "moved": tr("Sentence", "moved"),
            "translation": tr("Sentence", "translation")}.get(kind, kind)


def describe_sentence(c: Comparison, side: Side, i: int, link: Link | None, kind: str | None = None) -> str:
    """`kind`: the kind the link is shown as (ignore options can make a reworded link identical)."""
    tr = QCoreApplication.translate
    s = c.doc(side).sentences[i]
    lines = [tr("Sentence", "{side}, sentence {n}").format(side=side, n=i + 1)]
    if s.topics:
        lines.append(tr("Sentence", "Topics: {t}").format(t=", ".join(c.names.topic_label(t) for t in s.topics)))
    if s.passing:
        lines.append(tr("Sentence", "In passing: {t}").format(t=", ".join(c.names.topic_label(t) for t in s.passing)))
    if s.speaker:
        lines.append(tr("Sentence", "Speaker: {s}").format(s=s.speaker))
    if s.tone_marks:
        lines.append(tr("Sentence", "Tone: {t}").format(
            t=", ".join(f"{c.names.tone_label(m.id)} (“{m.text}”)" for m in s.tone_marks)))
    if link is None:
        lines.append(tr("Sentence", "Only in {side}: no counterpart").format(side=side))
    else:
        there = link.b if side == "A" else link.a
        lines.append(tr("Sentence", "Linked ({kind}, score {score:.2f}) to {other} sentence {n}").format(
            kind=kind_name(kind or link.kind), score=link.score, other="B" if side == "A" else "A",
            n=", ".join(str(k + 1) for k in there)))
        if link.only_a or link.only_b:
            mine, theirs = (link.only_a, link.only_b) if side == "A" else (link.only_b, link.only_a)
            if mine:
                lines.append(tr("Sentence", "Only here: {x}").format(x=", ".join(mine)))
            if theirs:
                lines.append(tr("Sentence", "Only there: {x}").format(x=", ".join(theirs)))
        if link.dropped:
            lines.append(tr("Sentence", "Not rendered in B: {x}").format(x=", ".join(link.dropped)))
        if link.added:
            lines.append(tr("Sentence", "Added in B: {x}").format(x=", ".join(link.added)))
        if link.weaker:
            lines.append(tr("Sentence", "Weaker wording in {side}").format(side=link.weaker))
    return "\n".join(lines)
