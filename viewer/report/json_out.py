"""The comparison as JSON, format `counterpart.comparison` version 1 (shared/OUTPUT.md).

Field names and meanings are a contract with other tools: add fields freely, but a change that
breaks one raises FORMAT_VERSION.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from viewer.model import SIDES, Annotation, Comparison, Document, Side
from viewer.printable import printable

FORMAT = "counterpart.comparison"
FORMAT_VERSION = 1


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None else round(x, nd)


def _readout(c: Comparison, side: Side, doc: Document) -> dict[str, Any]:
    r = doc.readout
    return {
        "label": c.name(side),
        "title": r.title,
        "language": doc.language,
        "script": doc.script,
        "source": printable(r.address) if r.address else None,
        "publisher": r.publisher,
        "date": r.date,
        "words": doc.words,
        "side": c.sides.get(side),
        "lede": c.ledes.get(side),
        "truncated": bool(c.truncated.get(side, False)),
        "sentences": [
            {
                "i": s.i,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "speaker": s.speaker,
                "topics": list(s.topics),
                "passing": list(s.passing),
                "tone": list(s.tone),
                "heading": s.heading,
                "furniture": s.furniture,
                "opening": s.opening,
            }
            for s in doc.sentences
        ],
        "statements": [
            {
                "sentence": st.sentence,
                "start": st.start,
                "end": st.end,
                "speaker": st.speaker,
                "role": st.role,
                "topics": list(st.topics),
                "act": st.act,
                "stance": list(st.stance),
                "weight": _r(st.weight),
            }
            for st in c.statements.get(side, [])
        ],
    }


def to_dict(c: Comparison, notes: Sequence[Annotation] = ()) -> dict[str, Any]:
    """The comparison, and the user's notes on it, as OUTPUT.md describes."""
    links = []
    for link in c.links:
        item: dict[str, Any] = {"a": link.a, "b": link.b, "score": _r(link.score), "kind": link.kind}
        if link.diff is not None and not c.cross_language:
            item["diff"] = [[op, text] for op, text in link.diff]
        if link.shared or link.only_a or link.only_b:
            item["shared"] = link.shared
            item["only_a"] = link.only_a
            item["only_b"] = link.only_b
        if link.longer:
            item["longer"] = link.longer
        if link.anchors:
            item["anchors"] = [{"a": x.a, "b": x.b, "via": x.via} for x in link.anchors]
        if link.kind == "translation":
            item["dropped"], item["added"], item["weaker"] = link.dropped, link.added, link.weaker
        links.append(item)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "mode": c.mode,
        "readouts": {side: _readout(c, side, c.doc(side)) for side in SIDES},
        "links": links,
        "unmatched": {side: list(c.unmatched.get(side, [])) for side in SIDES},
        "topics": [
            {
                "id": t.id,
                "label": t.label,
                "sentences": {side: t.sentences.get(side, []) for side in SIDES},
                "passing": {side: t.passing.get(side, []) for side in SIDES},
                "share": {side: _r(t.share.get(side, 0.0)) for side in SIDES},
                "first": {side: _r(t.first.get(side)) for side in SIDES},
                "rank": {side: t.rank.get(side) for side in SIDES},
            }
            for t in c.topics
        ],
        "speakers": {side: {k: _r(v) for k, v in c.speakers.get(side, {}).items()} for side in SIDES},
        "tone": {
            side: [{"id": m.id, "label": c.names.tone_label(m.id), "reading": c.names.tone_reading(m.id),
                    "text": m.text, "sentence": m.sentence} for m in c.tone.get(side, [])]
            for side in SIDES
        },
        "distinctive": {
            side: [{"term": t.term, "score": _r(t.score, 3), "count": t.count} for t in c.distinctive.get(side, [])]
            for side in SIDES
        },
        "findings": [
            {
                "kind": f.kind,
                "weight": _r(f.weight, 3),
                "text": f.text,
                "topic": f.topic,
                "side": f.side,
                "speaker": f.speaker,
                "evidence": [{"side": e.side, "sentence": e.sentence} for e in f.evidence],
                **({"marker": f.marker} if f.kind == "tone" else {}),
                "quotes": [{"side": q.side, "sentence": q.sentence, "text": q.text} for q in f.quotes],
            }
            for f in c.findings
        ],
        "annotations": [
            {
                "side": n.side,
                "start": n.start,
                "end": n.end,
                "quote": n.quote,
                "note": n.note,
                "tag": n.tag,
                "author": n.author,
                "created": n.created,
                "detached": n.detached,
            }
            for n in notes
        ],
        "timings": {k: _r(v) for k, v in c.timings.items()},
    }
