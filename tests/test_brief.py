"""The Word brief, read back with python-docx and its XML: comments, shading, table, tracked changes."""

from __future__ import annotations

import os
import subprocess

import docx
import pytest
from brief_fixtures import (
    EN_A,
    annotation,
    chinese_notes,
    chinese_pair,
    english_pair,
    moved_pair,
    versions_pair,
)
from docx.oxml.ns import qn

from viewer import fsutil
from viewer.errors import OutputError
from viewer.report.brief import write_brief
from viewer.report.brief.sidebyside import rows
from viewer.report.brief.style import EAST_ASIAN_FONT, ONLY_FILL, REWORD_FILL


def annotated_english():
    """The English pair and the user's notes on it."""
    c = english_pair()
    return c, [
        annotation(c, "A", "red line", "Harder than last year.", tag="tone"),
        annotation(c, "B", "open channels of communication", "Same formula, reordered.", author="Li Na"),
        annotation(c, "A", "Vienna.\n\nThe two sides", "Spans two passages."),
    ]


def write(c, tmp_path, name="brief.docx", **kw):
    path = tmp_path / name
    write_brief(c, path, **kw)
    return docx.Document(str(path))


def commented_text(document) -> dict[str, str]:
    """Comment id -> the text between its range start and end, in document order."""
    body = document.element.body
    open_ids: set[str] = set()
    texts: dict[str, str] = {}
    for el in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if el.tag == qn("w:commentRangeStart"):
            open_ids.add(el.get(qn("w:id")))
            texts[el.get(qn("w:id"))] = ""
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(el.get(qn("w:id")))
        else:
            for cid in open_ids:
                texts[cid] += el.text or ""
    return texts


def side_by_side(document, c):
    labels = [c.a.readout.label, c.b.readout.label]
    return next(t for t in document.tables if [cell.text for cell in t.rows[0].cells] == labels
                and len(t.rows) > 1 and t.rows[1].cells[0].text.startswith("A1 "))


def numbered(side, *indices, marker=""):
    """A cell's text as the table writes it: each sentence after its number."""
    return lambda c: " ".join(f"{side}{i + 1}{' ' + marker if marker and k == 0 else ''} {c.doc(side).sentences[i].text}"
                              for k, i in enumerate(indices))


def test_comments_sit_on_the_exact_words_with_author_initials_and_date(tmp_path):
    c, notes = annotated_english()
    document = write(c, tmp_path, notes=notes)
    comments = {str(cm.comment_id): cm for cm in document.comments}
    assert len(comments) == 3
    anchored = commented_text(document)
    by_note = {cm.text: (cm, anchored[cid]) for cid, cm in comments.items()}
    cm, words = by_note["[tone] Harder than last year."]
    assert words == "red line" and cm.author == "Ann Analyst" and cm.initials == "AA"
    assert cm.timestamp.isoformat().startswith("2024-03-14T09:30")
    cm, words = by_note["Same formula, reordered."]
    assert words == "open channels of communication" and (cm.author, cm.initials) == ("Li Na", "LN")
    # a span across two rows of the table goes to the appendix, on the same words (and the number
    # the appendix prints before the second sentence)
    _, words = by_note["Spans two passages."]
    assert words == "Vienna.A2 The two sides"


def test_detached_notes_are_listed_not_commented(tmp_path):
    c, notes = annotated_english()
    gone = annotation(c, "B", "Vienna today", "Was in the first version.")
    gone.quote, gone.detached = "Vienna tomorrow", True
    document = write(c, tmp_path, notes=[*notes, gone])
    assert len(document.comments) == 3
    listed = [p.text for p in document.paragraphs if "Vienna tomorrow" in p.text]
    assert listed == ["B: “Vienna tomorrow” — Was in the first version. (Ann Analyst)"]


def test_single_sentence_comments_are_in_the_side_by_side_table(tmp_path):
    c, notes = annotated_english()
    document = write(c, tmp_path, notes=notes)
    table = side_by_side(document, c)
    starts = list(table._tbl.iter(qn("w:commentRangeStart")))
    assert len(starts) == 2


def test_table_rows_follow_a_with_b_only_rows_beside_their_neighbours(tmp_path):
    c = english_pair()
    assert [(r.a, r.b) for r in rows(c)] == [([0], [0]), ([1], [1]), ([], [2]), ([2], []), ([3], [3]), ([4], [4])]
    table = side_by_side(write(c, tmp_path), c)
    assert len(table.rows) == 1 + 6
    assert table.rows[3].cells[0].text == "" and table.rows[3].cells[1].text == numbered("B", 2)(c)
    assert table.rows[1].cells[1].text == numbered("B", 0, marker="●●●")(c)
    assert table.rows[1].cells[0].text == numbered("A", 0)(c)


def test_consecutive_sentences_without_counterpart_share_a_row(tmp_path):
    c = english_pair()
    c.links = c.links[:1]
    c.unmatched = {"A": [1, 2, 3, 4], "B": [1, 2, 3, 4]}
    assert [(r.a, r.b) for r in rows(c)] == [([0], [0]), ([], [1, 2, 3, 4]), ([1, 2, 3, 4], [])]
    table = side_by_side(write(c, tmp_path), c)
    assert table.rows[3].cells[0].text == numbered("A", 1, 2, 3, 4)(c)


def test_differences_are_shaded(tmp_path):
    c = english_pair()
    table = side_by_side(write(c, tmp_path), c)

    def shaded_runs(cell, fill):
        return ["".join(t.text for t in r.iter(qn("w:t"))) for r in cell._tc.iter(qn("w:r"))
                if any(s.get(qn("w:fill")) == fill for s in r.iter(qn("w:shd")))]

    def cell_fill(cell):
        shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
        return None if shd is None else shd.get(qn("w:fill"))

    first, diff = table.rows[1], c.links[0].diff
    assert "".join(shaded_runs(first.cells[0], REWORD_FILL)) == "".join(t for op, t in diff if op < 0)
    assert "".join(shaded_runs(first.cells[1], REWORD_FILL)) == "".join(t for op, t in diff if op > 0)
    assert "today" in "".join(shaded_runs(first.cells[1], REWORD_FILL))
    assert " in Vienna" not in "".join(shaded_runs(first.cells[0], REWORD_FILL))
    assert cell_fill(table.rows[3].cells[1]) == ONLY_FILL and cell_fill(table.rows[4].cells[0]) == ONLY_FILL
    assert cell_fill(first.cells[0]) is None
    identical = table.rows[6].cells[0].paragraphs[0].runs
    assert identical and all(r.font.color.rgb is not None for r in identical)
    assert not shaded_runs(table.rows[6].cells[0], REWORD_FILL)


def test_sections_in_order_and_the_chart_image(tmp_path):
    c = english_pair()
    document = write(c, tmp_path, chart_png=None)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    order = ["The two texts", "Summary of findings", "Emphasis", "Tone markers", "Distinctive words", "Topic shares",
             "The texts side by side", "What only one side says", "Appendix: the full texts"]
    assert [h for h in headings if h in order] == order
    findings = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert findings[0].startswith("Only A mentions the northern islands")  # heaviest first
    only = [p.text for p in document.paragraphs if p.text.startswith(("A3\t", "B3\t"))]
    assert only == [f"A3\t{c.a.sentences[2].text}", f"B3\t{c.b.sentences[2].text}"]
    assert len(document.inline_shapes) == 1
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"A1 {EN_A.split(chr(10))[0]}" in body  # the appendix, its sentences numbered
    assert "B4 Both sides agreed to keep open channels of communication. B5 The talks lasted three hours." in body


def test_a_chart_from_the_window_is_used_as_given(tmp_path):
    from viewer.report.brief.chart import topic_chart_png

    png = topic_chart_png(chinese_pair(), dpi=40)
    document = write(english_pair(), tmp_path, chart_png=png)
    blips = [r.target_part.blob for r in document.part.rels.values() if "image" in r.reltype]
    assert blips == [png]


def test_chinese_runs_carry_the_east_asian_font(tmp_path):
    c = chinese_pair()
    document = write(c, tmp_path, notes=chinese_notes(c))
    fonts = [r.find(qn("w:rPr")).find(qn("w:rFonts")) for r in document.element.body.iter(qn("w:r"))
             if "红线" in "".join(t.text for t in r.iter(qn("w:t")))]
    assert fonts and all(f.get(qn("w:eastAsia")) == EAST_ASIAN_FONT for f in fonts)
    default = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert default.get(qn("w:eastAsia")) == EAST_ASIAN_FONT and default.get(qn("w:eastAsiaTheme")) is None
    assert commented_text(document) == {"0": "红线"}


def _inside(el, *tags) -> bool:
    return any(a.tag in {qn(t) for t in tags} for a in el.iterancestors())


def tracked_texts(document) -> tuple[str, str]:
    """(after accepting all, after rejecting all) of the tracked-changes section."""
    paragraphs = document.element.body.findall(qn("w:p"))
    start = next(k for k, p in enumerate(paragraphs) if "".join(p.itertext()).startswith("The second text as"))
    end = next(k for k, p in enumerate(paragraphs) if "".join(p.itertext()).startswith("Appendix"))
    accepted, rejected = [], []
    for p in paragraphs[start + 1:end]:  # empty paragraphs too: their marks join or part the others
        new = "".join(t.text for t in p.iter(qn("w:t")) if not _inside(t, "w:moveFrom"))
        old = "".join(t.text for t in p.iter(qn("w:t"), qn("w:delText")) if not _inside(t, "w:ins", "w:moveTo"))
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        inserted_mark = mark is not None and mark.find(qn("w:ins")) is not None
        deleted_mark = mark is not None and mark.find(qn("w:del")) is not None
        accepted.append(new + ("" if deleted_mark else "\n"))
        rejected.append(old + ("" if inserted_mark else "\n"))
    return "".join(accepted), "".join(rejected)


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_versions_mode_writes_tracked_changes_that_rebuild_both_texts(tmp_path):
    c = versions_pair()
    document = write(c, tmp_path, notes=[annotation(c, "B", "They will meet again", "New promise.")])
    body = document.element.body
    ins, dels = list(body.iter(qn("w:ins"))), list(body.iter(qn("w:del")))
    assert ins and dels and all(d.find(f".//{qn('w:delText')}") is not None for d in dels if len(d))
    assert {e.get(qn("w:author")) for e in ins + dels} == {"Counterpart"}
    ids = [e.get(qn("w:id")) for e in ins + dels]
    comment_ids = [str(cm.comment_id) for cm in document.comments]
    assert len(set(ids)) == len(ids) and not set(ids) & set(comment_ids)
    accepted, rejected = tracked_texts(document)
    assert lines(accepted) == lines(c.b.text)
    assert lines(rejected) == lines(c.a.text)


def test_a_moved_sentence_is_a_word_move_and_both_texts_still_rebuild(tmp_path):
    c = moved_pair()
    document = write(c, tmp_path)
    body = document.element.body
    moved = c.a.sentences[4].text
    [source] = list(body.iter(qn("w:moveFrom")))
    [target] = list(body.iter(qn("w:moveTo")))
    def text(el):
        return "".join(t.text for t in el.iter(qn("w:t")))

    assert text(source) == moved == text(target)
    starts = {kind: list(body.iter(qn(f"w:{kind}RangeStart"))) for kind in ("moveFrom", "moveTo")}
    assert [e.get(qn("w:name")) for e in starts["moveFrom"]] == [e.get(qn("w:name")) for e in starts["moveTo"]] == ["move1"]
    for kind, [start] in starts.items():  # each range closes with the id it opened with
        assert [e.get(qn("w:id")) for e in body.iter(qn(f"w:{kind}RangeEnd"))] == [start.get(qn("w:id"))]
        assert start.getnext().tag == qn(f"w:{kind}")
    assert moved not in "".join(t.text for d in body.iter(qn("w:del")) for t in d.iter(qn("w:delText")))
    ids = [e.get(qn("w:id")) for e in body.iter(qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"),
                                                 qn("w:moveFromRangeStart"), qn("w:moveToRangeStart"))]
    assert len(ids) == len(set(ids))
    accepted, rejected = tracked_texts(document)
    assert lines(accepted) == lines(c.b.text) and lines(rejected) == lines(c.a.text)
    # the table says where the sentence went, by the number it has there
    table = side_by_side(document, c)
    row = next(r for r in table.rows if moved in r.cells[0].text)
    assert row.cells[0].text.startswith("moved to B2 A5 ") and row.cells[1].text.startswith("moved from A5 B2")


def test_readouts_mode_has_no_tracked_changes(tmp_path):
    document = write(english_pair(), tmp_path)
    assert next(document.element.body.iter(qn("w:ins")), None) is None


def test_existing_file_needs_force(tmp_path):
    path = tmp_path / "brief.docx"
    path.write_bytes(b"keep me")
    with pytest.raises(OutputError, match="exists; use --force to overwrite"):
        write_brief(english_pair(), path)
    assert path.read_bytes() == b"keep me"
    write_brief(english_pair(), path, force=True)
    assert docx.Document(str(path)).paragraphs


def test_failed_export_leaves_no_half_file_and_the_old_one_intact(tmp_path, monkeypatch):
    path = tmp_path / "brief.docx"
    path.write_bytes(b"previous brief")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        write_brief(english_pair(), path, force=True)
    assert path.read_bytes() == b"previous brief"
    assert os.listdir(tmp_path) == ["brief.docx"]


def test_tone_markers_read_across_a_row_with_the_lexicon_reading(tmp_path):
    from viewer.lexicon import load_lexicon

    c = english_pair()
    document = write(c, tmp_path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Tone marker"))
    rows_ = {r.cells[0].text: (r.cells[1].text, r.cells[2].text) for r in table.rows[1:]}
    lexicon = load_lexicon()
    candid = f"{lexicon.tone_label('candid')}: {lexicon.tone_reading('candid')}"
    assert rows_[candid] == ("“candid”", "—")
    assert rows_[f"{lexicon.tone_label('concern')}: {lexicon.tone_reading('concern')}"] == ("—", "“serious concerns”")


def test_findings_are_capped_with_a_count_of_the_rest_by_kind(tmp_path):
    from viewer.model import Evidence, Finding

    c = english_pair()
    c.findings += [Finding("tone" if k % 4 == 0 else "share", 0.1, f"Minor finding {k}.", [Evidence("A", 1)])
                   for k in range(14)]
    document = write(c, tmp_path)
    listed = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert len(listed) == 12 and listed[0].startswith("Only A mentions the northern islands")
    assert listed[0].endswith(f" (A3)\nFreedonia MFA, A3: “{c.a.sentences[2].text}”")
    rest = [p.text for p in document.paragraphs if p.text.startswith("4 further findings")]
    assert rest == ["4 further findings of lower weight (3 share, 1 tone) in the window's findings list "
                    "and the JSON export."]


def test_cross_language_pairs_carry_a_concept_line(tmp_path):
    c = chinese_pair()
    c.links[1].shared, c.links[1].only_a = ["topic:taiwan", "person:biden"], ["country:TW", "topic:bilateral-relations"]
    c.links[1].only_b = ["topic:taiwan", "number:20"]
    table = side_by_side(write(c, tmp_path), c)
    lines = [r.cells[0].text for r in table.rows if r.cells[0]._tc is r.cells[1]._tc]
    assert lines == ["shared: Taiwan, Joe Biden · only in 外交部: Bilateral relations · only in State Dept.: 20"]


def test_translation_in_versions_mode_has_no_tracked_changes_and_empty_sections_say_none(tmp_path):
    c = chinese_pair()
    c.mode = "versions"
    document = write(c, tmp_path)
    assert not list(document.element.body.iter(qn("w:ins")))
    body = [p.text for p in document.paragraphs]
    assert "None: no concept is markedly over-represented in either text." in body  # concepts are compared across languages
    assert "None: neither text uses a tone marker of the lexicon." in body


def test_sources_table_leaves_out_rows_empty_on_both_sides(tmp_path):
    c = versions_pair()
    table = write(c, tmp_path).tables[0]
    assert [r.cells[0].text for r in table.rows] == ["", "Title", "Date", "Source", "Language", "Length",
                                                     "Counterparts"]
    assert table.rows[1].cells[1].text == "none (the text starts without a headline)"


def test_a_finding_quotes_the_side_it_is_about_first(tmp_path):
    """A share finding lists both sides' sentences; the quote is the side that devotes more."""
    from viewer.model import Evidence, Finding

    c = english_pair()
    c.findings = [Finding("share", 0.6, "B devotes more of its text to the meeting.",
                          [Evidence("A", 3), Evidence("B", 3), Evidence("B", 0)], topic="leader-diplomacy", side="B")]
    texts = [p.text for p in write(c, tmp_path).paragraphs]
    [item] = [t for t in texts if t.startswith("B devotes more")]
    assert item.endswith("(B1, B4; A4)\nSylvania State Dept., B4: “Both sides agreed to keep open channels of "
                         "communication.”")


def test_emphasis_table_says_what_its_number_is(tmp_path):
    document = write(english_pair(), tmp_path)
    [table] = [t for t in document.tables if t.rows[0].cells[0].text.startswith("Topic")]
    assert "order of first mention" in table.rows[0].cells[0].text
    assert "· #1" in table.rows[1].cells[1].text


def legend(document) -> str:
    return next(p.text for p in document.paragraphs if p.text.startswith("Legend"))


def test_legend_says_when_b_stands_out_of_its_own_order(tmp_path):
    from viewer.model import Link

    c = english_pair()
    assert "own order" not in legend(write(c, tmp_path))
    c.links = [Link([0], [0], 0.7, "related"), Link([1], [3], 0.5, "related"), Link([3], [1], 0.5, "related")]
    c.unmatched = {"A": [2, 4], "B": [2, 4]}
    assert "Sylvania State Dept.'s sentences stand next to their counterparts" in legend(write(c, tmp_path, "moved.docx"))


def test_every_libreoffice_run_gets_a_fresh_profile_of_its_own(monkeypatch):
    """soffice refuses a profile another LibreOffice holds: each conversion names its own."""
    from pathlib import Path

    from viewer.report.brief import office

    calls = []

    def fake_run(args, **kw):
        calls.append(args)
        out = Path(args[args.index("--outdir") + 1])
        (out / "brief.pdf").write_bytes(b"%PDF-1.7 fake")
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(office, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(office.subprocess, "run", fake_run)
    assert office.docx_to_pdf(b"docx") == office.docx_to_pdf(b"docx") == b"%PDF-1.7 fake"
    profiles = [next(a for a in args if a.startswith("-env:UserInstallation=file:///")) for args in calls]
    assert len(set(profiles)) == 2 and all("/counterpart-pdf-" in p for p in profiles)
    assert all(args[:2] == ["/usr/bin/soffice", "--headless"] for args in calls)


def test_pdf_without_libreoffice_is_a_clear_error_before_any_work(tmp_path, monkeypatch):
    from viewer.report.brief import office, write_brief_pdf

    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    with pytest.raises(OutputError, match="a PDF needs LibreOffice, which is not installed: install LibreOffice"):
        write_brief_pdf(english_pair(), tmp_path / "brief.pdf")
    assert not list(tmp_path.iterdir())


def test_tracked_changes_leave_no_empty_paragraph_behind():
    from viewer.report.brief.document import build

    document = build(moved_pair())
    paragraphs = document.element.body.findall(qn("w:p"))
    start = next(k for k, p in enumerate(paragraphs) if "".join(t.text for t in p.iter(qn("w:t"))).startswith(
        "The second text as"))
    end = next(k for k, p in enumerate(paragraphs) if "".join(t.text for t in p.iter(qn("w:t"))) == "Appendix: the full texts")
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText"))) for p in paragraphs[start + 1:end]]
    assert texts and all(t.strip() for t in texts), texts
