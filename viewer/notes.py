"""The user's notes from NOTES.json, anchored to the texts by the words they quote.

A note names its passage by quoting it, not by offsets: offsets break when a text is re-read
(another encoding, a cleaned-up HTML page), a quote survives. The same `anchor` re-anchors the
annotations of a saved project after its texts are reloaded.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from viewer.errors import InputError
from viewer.fsutil import read_json
from viewer.model import SIDES, Annotation, Comparison


def anchor(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Span of the `occurrence`-th (1-based) place `quote` stands in `text`, or None.

    Exact match first; then a match that ignores whitespace, because a quote copied from a
    window or a PDF rarely keeps the line breaks and double spaces of the source.
    """
    if not quote.strip() or occurrence < 1:
        return None
    found = _nth(text, quote, occurrence)
    if found is not None:
        return found, found + len(quote)
    compact, needle = _compact(text), "".join(quote.split())
    found = _nth(compact.text, needle, occurrence)
    return None if found is None else compact.span(found, len(needle))


def nearest(text: str, quote: str, start: int) -> tuple[int, int] | None:
    """Span of the place `quote` stands in `text` nearest `start` (exactly, else ignoring
    whitespace), or None: two searches from `start`, however often the quote recurs."""
    if not quote.strip():
        return None
    found = _nearest(text, quote, start)
    if found is not None:
        return found, found + len(quote)
    compact, needle = _compact(text), "".join(quote.split())
    found = _nearest(compact.text, needle, bisect_left(compact.positions, start))
    return None if found is None else compact.span(found, len(needle))


@dataclass(frozen=True)
class _Compact:
    """A text without its whitespace, and where each of its characters stands in the text."""

    text: str
    positions: array

    def span(self, at: int, length: int) -> tuple[int, int]:
        return self.positions[at], self.positions[at + length - 1] + 1


@lru_cache(maxsize=4)
def _compact(text: str) -> _Compact:
    """Built once per text: re-anchoring thousands of notes must not rebuild it for each."""
    positions = array("q", (i for i, ch in enumerate(text) if not ch.isspace()))
    return _Compact("".join(text[i] for i in positions), positions)


def _nth(text: str, needle: str, occurrence: int) -> int | None:
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            return None
    return at


def _nearest(text: str, needle: str, at: int) -> int | None:
    """Start of the occurrence of `needle` nearest `at`; of two as near, the earlier."""
    before = text.rfind(needle, 0, max(0, at + len(needle) - 1))
    after = text.find(needle, at)
    found = [p for p in (before, after) if p >= 0]
    return min(found, key=lambda p: (abs(p - at), p)) if found else None


def load_notes(path: str | Path, comparison: Comparison) -> list[Annotation]:
    """Annotations from a NOTES.json file: a list of {side, quote, note, author, tag, occurrence}."""
    source = str(path)
    items = read_json(path, "a notes file")
    if not isinstance(items, list):
        raise InputError(source, "expected a list of notes, e.g. [{\"side\": \"A\", \"quote\": \"...\", \"note\": \"...\"}]")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return [_annotation(source, n, item, comparison, now) for n, item in enumerate(items, 1)]


def _annotation(source: str, n: int, item: Any, comparison: Comparison, now: str) -> Annotation:
    def fail(reason: str) -> InputError:
        return InputError(source, f"note {n}: {reason}")

    if not isinstance(item, dict):
        raise fail("expected an object with side, quote and note")
    side = item.get("side")
    if side not in SIDES:
        raise fail('"side" must be "A" or "B"')
    quote = item.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise fail('"quote" must be the exact text the note is about')
    for key in ("note", "author", "tag", "created"):
        if not isinstance(item.get(key, ""), str):
            raise fail(f'"{key}" must be text')
    occurrence = item.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise fail('"occurrence" must be a whole number from 1')
    text = comparison.doc(side).text
    span = anchor(text, quote, occurrence)
    if span is None:
        shown = quote if len(quote) <= 60 else quote[:59] + "…"
        where = f" (occurrence {occurrence})" if occurrence > 1 else ""
        raise InputError(source, f'quote not found on side {side}{where}: "{shown}"')
    start, end = span
    return Annotation(
        side=side,
        start=start,
        end=end,
        quote=text[start:end],
        note=item.get("note", ""),
        tag=item.get("tag", ""),
        author=item.get("author", ""),
        created=item.get("created") or now,
        id=f"note-{n}",
    )
