"""Thousands of notes: the work of anchoring them and of writing them as Word comments grows
with their number, not with their number times the text's length or times the other notes."""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.comments import CT_Comments

from tests.brief_fixtures import english_pair
from viewer import notes as notes_module
from viewer.model import Annotation
from viewer.notes import nearest
from viewer.project import reanchor
from viewer.report.brief import sidebyside
from viewer.report.brief.document import build


def note(k: int, quote: str, start: int = 0, side: str = "A") -> Annotation:
    return Annotation(side=side, start=start, end=start + len(quote), quote=quote, note=f"note {k}", tag="",
                      author="R. Analyst", created="2024-03-12T10:00:00+00:00", id=f"n{k}")


def test_the_nearest_occurrence_is_found_beyond_the_first_two_hundred():
    text = "They met. " * 1_000
    assert nearest(text, "They met.", 7_003) == (7_000, 7_009)
    assert nearest(text, "They  met.", 9_995) == (9_990, 9_999)  # whitespace-insensitive, at the end
    assert nearest(text, "absent", 500) is None


def test_reanchoring_many_notes_compacts_each_text_once(monkeypatch):
    built = []
    real = notes_module._compact.__wrapped__

    def counted(text):
        built.append(len(text))
        return real(text)

    monkeypatch.setattr(notes_module, "_compact", notes_module.lru_cache(maxsize=4)(counted))
    text = "The two sides held talks.\nThey agreed to meet again. " * 200
    moved = [note(k, "agreed  to\nmeet", start=5) for k in range(500)]  # found only ignoring whitespace
    placed = reanchor(moved, {"A": text, "B": ""})
    assert all(not n.detached for n in placed)
    assert built == [len(text)]


def test_the_brief_numbers_comments_without_reading_every_earlier_one(monkeypatch):
    scans = []
    real_xpath = CT_Comments.xpath

    def xpath(self, query, *args, **kwargs):
        scans.append(query)
        return real_xpath(self, query, *args, **kwargs)

    monkeypatch.setattr(CT_Comments, "xpath", xpath)
    c = english_pair()
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+", c.a.text)]
    notes = [note(k, c.a.text[s:e], s) for k, (s, e) in enumerate(words * 5)]
    out = io.BytesIO()
    build(c, notes=notes).save(out)
    comments = list(docx.Document(io.BytesIO(out.getvalue())).comments)
    assert len(comments) == len(notes)
    assert sorted(x.comment_id for x in comments) == list(range(len(comments)))
    assert not [q for q in scans if "@w:id" in q]


def test_each_note_is_offered_to_the_cells_around_it_only(monkeypatch):
    calls = []
    real = sidebyside._locator

    def counted_locator(doc, indices):
        locate = real(doc, indices)

        def counted(start, end):
            calls.append((start, end))
            return locate(start, end)

        return counted

    monkeypatch.setattr(sidebyside, "_locator", counted_locator)
    c = english_pair()
    starts = [s.start for s in c.a.sentences]
    notes = [note(k, c.a.text[s:s + 3], s) for k, s in enumerate(starts * 40)]
    build(c, notes=notes)
    assert 0 < len(calls) <= len(notes)  # one cell each, not every cell for every note
