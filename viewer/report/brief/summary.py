"""The summary of findings on page 1: each finding, the sentences it rests on by number, and its
evidence quoted once (from both sides when the finding compares what each says)."""

from __future__ import annotations

import re
from collections import Counter

from viewer.model import Comparison, Finding, Side
from viewer.report.brief.sidebyside import UNCHANGED, cite, rows, translation_line, translation_pair
from viewer.report.brief.style import NOTE, add_run, display_units, excerpt

# A desk reads a dozen findings; the rest are one click away in the window or the JSON.
MAX_FINDINGS = 12
QUOTE_UNITS = 160
MAX_REFS = 6  # runs of sentences cited per side; more are counted
# Quoted words inside a finding's own text: «…» (versions findings), “…” and "…".
_QUOTED = re.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\"")


def _plain(text: str) -> str:
    return " ".join(text.replace("…", " ").split())


def quotes_itself(text: str, sentence: str) -> bool:
    """Whether the finding's text already quotes words of this sentence (then it is not quoted twice)."""
    body = _plain(sentence)
    for m in _QUOTED.finditer(text):
        words = _plain(next(g for g in m.groups() if g))
        if len(words) >= 8 and any(piece and piece in body for piece in (words, words[:40], words[-40:])):
            return True
    return False


def headline_artefact(c: Comparison, f: Finding) -> bool:
    """An omission whose evidence is only one text's headline while the other text has none at all:
    the copy came without its headline, which says nothing about the text."""
    if f.kind != "omission" or f.side is None or not f.evidence:
        return False
    mine = c.doc(f.side).sentences
    if not all(e.side == f.side and mine[e.sentence].heading for e in f.evidence if 0 <= e.sentence < len(mine)):
        return False
    other = c.doc("B" if f.side == "A" else "A")
    return not other.readout.title and not any(s.heading for s in other.sentences)


def shown_findings(c: Comparison) -> list[Finding]:
    return [f for f in sorted(c.findings, key=lambda f: -f.weight) if not headline_artefact(c, f)]


def refs(c: Comparison, f: Finding) -> str:
    """ "A6–A9; B2": the sentences a finding rests on, its own side first."""
    order: list[Side] = [f.side] if f.side else []
    order += [s for s in ("A", "B") if s not in order]
    parts = []
    for side in order:
        indices = sorted({e.sentence for e in f.evidence if e.side == side})
        if not indices:
            continue
        cited = cite(side, indices).split(", ")
        more = len(cited) - MAX_REFS
        parts.append(", ".join(cited[:MAX_REFS]) + (f" and {more} more" if more > 0 else ""))
    return "; ".join(parts)


def quote_lines(c: Comparison, f: Finding) -> list[str]:
    """ "White House, A7: “…”" lines: the finding's own quotes from both sides, or else the first
    sentence of the side it is about, unless its text already quotes that sentence."""
    if f.quotes:
        # words the finding's text already quotes are not quoted again; the words of one sentence
        # go together, and short quotes of one side share a line
        by_sentence: dict[tuple[Side, int], list[str]] = {}
        for q in f.quotes:
            if _plain(q.text) not in _plain(f.text):
                by_sentence.setdefault((q.side, q.sentence), []).append(f"“{excerpt(q.text, QUOTE_UNITS)}”")
        lines: list[tuple[Side, list[str]]] = []
        for (side, i), words in by_sentence.items():
            quoted = f"{cite(side, [i])}: {', '.join(words)}"
            if lines and lines[-1][0] == side and display_units(" · ".join([*lines[-1][1], quoted])) <= QUOTE_UNITS:
                lines[-1][1].append(quoted)
            else:
                lines.append((side, [quoted]))
        return [f"{c.label(side)}, {' · '.join(quoted)}" for side, quoted in lines]
    if not f.evidence:
        return []
    # the side the finding is about: a share finding quotes the side that devotes more
    ev = next((e for e in f.evidence if e.side == f.side), f.evidence[0])
    sentences = c.doc(ev.side).sentences
    if not 0 <= ev.sentence < len(sentences) or quotes_itself(f.text, sentences[ev.sentence].text):
        return []
    quote = excerpt(sentences[ev.sentence].text, QUOTE_UNITS)
    return [f"{c.label(ev.side)}, {cite(ev.side, [ev.sentence])}: “{quote}”"]


def add_findings(document, c: Comparison) -> None:
    document.add_heading("Summary of findings", level=1)
    findings = shown_findings(c)
    if not findings:
        add_run(document.add_paragraph(), "No finding beyond what the translation changes, listed below."
                if translation_pair(c) else "No difference of emphasis stood out.", NOTE)
    for f in findings[:MAX_FINDINGS]:
        p = document.add_paragraph()
        p._p.get_or_add_pPr().style = "ListNumber"
        add_run(p, f.text)
        cited = refs(c, f)
        if cited:
            add_run(p, f" ({cited})", NOTE)
        for line in quote_lines(c, f):
            add_run(p, "\n" + line, NOTE)
    rest = findings[MAX_FINDINGS:]
    if rest:
        kinds = Counter(f.kind for f in rest).most_common()
        add_run(document.add_paragraph(),
                f"{len(rest)} further finding{'s' if len(rest) > 1 else ''} of lower weight "
                f"({', '.join(f'{n} {kind}' for kind, n in kinds)}) "
                "in the window's findings list and the JSON export.", NOTE)


def add_translation_changes(document, c: Comparison) -> None:
    """For one text in two languages, on page 1: each pair of sentences where the second text
    drops, adds or softens something, by number, or that none does."""
    document.add_heading(f"What {c.label('B')} changes against {c.label('A')}", level=2)
    labels = (c.label("A"), c.label("B"))
    changed = 0
    for row in rows(c):
        link = row.link
        if link is None or translation_line(link, c.names, labels) == UNCHANGED:
            continue
        changed += 1
        p = document.add_paragraph()
        p._p.get_or_add_pPr().style = "ListBullet"
        add_run(p, f"{cite('A', link.a)} → {cite('B', link.b)}: ", NOTE)
        add_run(p, translation_line(link, c.names, labels).removeprefix(f"{labels[1]} "))
    alone = sum(len(c.unmatched.get(side, [])) for side in ("A", "B"))
    add_run(document.add_paragraph(), f"{changed} of {len(c.links)} pairs of sentences differ in what they say"
            + (f"; {alone} sentence{' has' if alone == 1 else 's have'} no translation" if alone else "") + ".", NOTE)
