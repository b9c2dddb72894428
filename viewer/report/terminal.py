"""The readable summary `python -m viewer compare` prints when no --json is asked for."""

from __future__ import annotations

import shutil
import textwrap
from collections import Counter

from viewer.model import SIDES, Comparison
from viewer.wording import shows_wording, wording_changes

_MAX_UNMATCHED = 4
_MAX_WORDING = 6
_MAX_FINDINGS = 8


def _width() -> int:
    return min(shutil.get_terminal_size((100, 24)).columns, 110)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def summary(c: Comparison) -> str:
    width = _width()
    out: list[str] = []
    for side in SIDES:
        doc = c.doc(side)
        unit = "Han characters" if doc.language == "zh" else "words"
        out.append(
            f"{side}  {c.label(side)}: {doc.language}"
            f"{'-' + doc.script if doc.script else ''}, {len(doc.sentences)} sentences, {doc.words} {unit}"
        )
    kinds = Counter(link.kind for link in c.links)
    kinds_text = ", ".join(f"{n} {k}" for k, n in kinds.most_common()) or "none"
    out.append(f"Mode: {c.mode}.  Links: {len(c.links)} ({kinds_text}).")
    out.append(f"Unmatched: {len(c.unmatched['A'])} sentences only in A, {len(c.unmatched['B'])} only in B.")
    if c.a.text.strip() == c.b.text.strip():
        out.append("The two texts are identical: there is nothing to compare.")

    if c.findings:
        out.append("")
        out.append("Main findings:")
        for f in c.findings[:_MAX_FINDINGS]:
            out.append(textwrap.fill(f"[{f.kind}] {f.text}", width, initial_indent="  • ", subsequent_indent="    "))
            for q in f.quotes:
                if q.text not in f.text:  # the text quotes most of them already
                    out.append("      " + _short(f"{q.side}{q.sentence}: “{q.text}”", width - 6))

    for side in SIDES:
        only = c.unmatched[side]
        if not only:
            continue
        doc = c.doc(side)
        out.append("")
        out.append(f"Only in {side} ({c.label(side)}):")
        for i in only[:_MAX_UNMATCHED]:
            out.append(f"  [{i}] {_short(doc.sentences[i].text, width - 8)}")
        if len(only) > _MAX_UNMATCHED:
            out.append(f"  … and {len(only) - _MAX_UNMATCHED} more")

    changed = sorted((link for link in c.links if shows_wording(link)), key=lambda link: link.score, reverse=True)
    shown = [(link, changes) for link in changed if (changes := wording_changes(link))][:_MAX_WORDING]
    if shown:
        out.append("")
        out.append("Main wording changes in linked passages:")
        for link, changes in shown:
            out.append(f"  A{link.a} ~ B{link.b} ({link.kind}, {link.score:.2f})")
            for gone, new in changes[:4]:
                out.append("    " + _short(f"{gone or '∅'}  →  {new or '∅'}", width - 6))
    return "\n".join(out)
