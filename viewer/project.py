"""A saved piece of work: both texts, the analysis settings and the user's notes, as versioned JSON.

The analysis itself is not stored: it is a pure function of the texts and the settings, so it is
run again on opening and a project never carries results of an older analysis. The texts are
stored whole, because the files they came from may change or vanish; the notes keep their quotes,
so they can be re-anchored whatever happens to the offsets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from viewer.errors import InputError
from viewer.fsutil import atomic_write_text, read_json
from viewer.langcode import language_code
from viewer.model import SIDES, Annotation, Mode, Readout, Side
from viewer.notes import nearest

FORMAT = "counterpart.project"
VERSION = 1
MODES = ("readouts", "versions")
REVIEWED = ("findings", "differences")


@dataclass
class Project:
    a: Readout
    b: Readout
    mode: Mode | None = None  # the user's choice; None lets the analysis decide
    lexicons: list[str] = field(default_factory=list)  # user lexicon files, added to the built-in one
    annotations: list[Annotation] = field(default_factory=list)
    # what the reader ticked as reviewed: findings and differences, by the keys the window gives them
    reviewed: dict[str, list[str]] = field(default_factory=lambda: {"findings": [], "differences": []})

    def readout(self, side: Side) -> Readout:
        return self.a if side == "A" else self.b

    def options(self) -> dict[str, Any]:
        """Keyword arguments for viewer.analysis.compare (language overrides travel in the readouts)."""
        return {"mode": self.mode, "lexicons": list(self.lexicons)}


def reanchor(annotations: Sequence[Annotation], texts: Mapping[str, str]) -> list[Annotation]:
    """The annotations placed on `texts` (side -> text): a span that still holds its quote stays;
    otherwise the quote's occurrence nearest the old span is taken; failing that the annotation
    is kept, flagged detached, rather than dropped."""
    placed = []
    for note in annotations:
        text = texts[note.side]
        if note.quote and text[note.start : note.end] == note.quote:
            placed.append(replace(note, detached=False))
            continue
        span = nearest(text, note.quote, note.start)
        if span is None:
            placed.append(replace(note, detached=True))
        else:
            placed.append(replace(note, start=span[0], end=span[1], quote=text[span[0] : span[1]], detached=False))
    return placed


# --- writing ---------------------------------------------------------------------------------

def project_to_dict(project: Project) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "readouts": {side: _readout_dict(project.readout(side)) for side in SIDES},
        "settings": {
            "mode": project.mode,
            "languages": {side: project.readout(side).language for side in SIDES},
            "lexicons": list(project.lexicons),
        },
        "annotations": [_annotation_dict(n) for n in project.annotations],
        "reviewed": {kind: sorted(keys) for kind, keys in project.reviewed.items()},
    }


def _readout_dict(r: Readout) -> dict[str, Any]:
    return {"label": r.label, "title": r.title, "publisher": r.publisher, "date": r.date, "source": r.source,
            "metadata": dict(r.metadata), "text": r.text}


def _annotation_dict(n: Annotation) -> dict[str, Any]:
    return {"id": n.id, "side": n.side, "start": n.start, "end": n.end, "quote": n.quote, "note": n.note,
            "tag": n.tag, "author": n.author, "created": n.created, "detached": n.detached}


def save_project(project: Project, path: str | Path, *, force: bool) -> None:
    """Write atomically: a failed save leaves the previous file as it was (raises OutputError)."""
    data = json.dumps(project_to_dict(project), ensure_ascii=False, indent=1)
    atomic_write_text(path, data + "\n", force=force)


# --- reading ---------------------------------------------------------------------------------

def load_project(path: str | Path) -> Project:
    source = str(path)
    data = read_json(path, "a Counterpart project")
    return project_from_dict(data, source)


def project_from_dict(data: Any, source: str) -> Project:
    def fail(reason: str) -> InputError:
        return InputError(source, reason)

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise fail(f'not a Counterpart project (no "format": "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail('"version" must be a whole number from 1')
    if version > VERSION:
        raise fail(f"project format version {version} is newer than this Counterpart reads ({VERSION}); "
                   "update Counterpart")
    settings = _object(data.get("settings", {}), "settings", fail)
    mode = settings.get("mode")
    if mode is not None and mode not in MODES:
        raise fail(f'settings: "mode" must be one of {", ".join(MODES)} or null')
    languages = _object(settings.get("languages", {}), "settings.languages", fail)
    lexicons = settings.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(p, str) for p in lexicons):
        raise fail('settings: "lexicons" must be a list of file paths')
    readouts = _object(data.get("readouts"), "readouts", fail)
    a, b = (_readout(readouts.get(side), side, languages.get(side), fail) for side in SIDES)
    items = data.get("annotations", [])
    if not isinstance(items, list):
        raise fail('"annotations" must be a list')
    notes = [_annotation(item, k, fail) for k, item in enumerate(items, 1)]
    reviewed = _object(data.get("reviewed", {}), "reviewed", fail)
    ticks = {kind: reviewed.get(kind, []) for kind in REVIEWED}
    if not all(isinstance(keys, list) and all(isinstance(k, str) for k in keys) for keys in ticks.values()):
        raise fail('"reviewed": "findings" and "differences" must be lists of texts')
    return Project(a=a, b=b, mode=mode, lexicons=lexicons, annotations=reanchor(notes, {"A": a.text, "B": b.text}),
                   reviewed=ticks)


def _object(value: Any, where: str, fail) -> dict:
    if not isinstance(value, dict):
        raise fail(f'"{where}" must be an object')
    return value


def _text(item: dict, key: str, where: str, fail, *, optional: bool) -> str | None:
    value = item.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise fail(f'{where}: "{key}" must be text')
    return value


def _readout(item: Any, side: str, language: Any, fail) -> Readout:
    where = f"readout {side}"
    item = _object(item, f"readouts.{side}", fail)
    if language is not None and not _is_language(language):
        raise fail(f'settings.languages: "{side}" must be a language code (en, fr, zh-Hant, ...) or null')
    metadata = item.get("metadata", {})
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise fail(f'{where}: "metadata" must be an object of texts')
    optional = {key: _text(item, key, where, fail, optional=True) for key in ("title", "publisher", "date", "source")}
    return Readout(text=_text(item, "text", where, fail, optional=False),
                   label=_text(item, "label", where, fail, optional=True) or "",
                   language=language, metadata=dict(metadata), **optional)


def _is_language(value: Any) -> bool:
    try:
        return isinstance(value, str) and bool(language_code(value))
    except ValueError:
        return False


def _annotation(item: Any, k: int, fail) -> Annotation:
    where = f"annotation {k}"
    item = _object(item, where, fail)
    if item.get("side") not in SIDES:
        raise fail(f'{where}: "side" must be "A" or "B"')
    start, end = item.get("start"), item.get("end")
    if not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in (start, end)) or end < start:
        raise fail(f'{where}: "start" and "end" must be character offsets with start <= end')
    texts = {key: _text(item, key, where, fail, optional=key != "quote") or ""
             for key in ("quote", "note", "tag", "author", "created", "id")}
    return Annotation(side=item["side"], start=start, end=end, detached=bool(item.get("detached", False)), **texts)
