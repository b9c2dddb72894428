"""What a desk cites and Word is strict about, read back from the brief's XML: the source address,
numbered pages, the document's properties and styles, sentence numbers that the findings cite,
quotes from both sides, coverage on page 1, weak links and gaps, the chart's Chinese labels and
the presentation of a translation."""

from __future__ import annotations

import io
import re
import warnings
from datetime import UTC, datetime, timedelta

import docx
import pytest
from brief_fixtures import chinese_pair, english_pair, moved_pair, translation_pair
from docx.oxml.ns import qn

from viewer.model import Evidence, Finding, Link, Quote
from viewer.report.brief import brief_bytes
from viewer.report.brief.sidebyside import MARKERS


def build(c, **kw):
    return docx.Document(io.BytesIO(brief_bytes(c, **kw)))


def table_after(document, heading: str):
    """The first table after the paragraph `heading`."""
    body = list(document.element.body.iterchildren())
    start = next(k for k, el in enumerate(body) if el.tag == qn("w:p") and "".join(
        t.text for t in el.iter(qn("w:t"))) == heading)
    tbl = next(el for el in body[start:] if el.tag == qn("w:tbl"))
    return next(t for t in document.tables if t._tbl is tbl)


def sources_row(document, name: str):
    return next(r for r in table_after(document, "The two texts").rows if r.cells[0].text == name)


def side_by_side(document):
    return table_after(document, "The texts side by side")


def findings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "List Number"]


def test_the_source_row_gives_the_address_as_a_link_and_a_file_path_otherwise():
    c = english_pair()
    c.a.readout.source = "/archive/rivera.txt"
    c.a.readout.metadata["address"] = "https://mfa.example/rivera-okafor"
    document = build(c)
    row = sources_row(document, "Source")
    assert [cell.text for cell in row.cells[1:]] == ["https://mfa.example/rivera-okafor", "state.txt"]
    [link] = list(row.cells[1]._tc.iter(qn("w:hyperlink")))
    assert document.part.rels[link.get(qn("r:id"))].target_ref == "https://mfa.example/rivera-okafor"


def test_pages_are_numbered_in_a_running_footer_under_a_running_header():
    c = english_pair()
    document = build(c, title="Call of 12 March")
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Call of 12 March"
    footer = section.footer._element
    fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert [m.get(qn("w:fldCharType")) for m in footer.iter(qn("w:fldChar"))] == ["begin", "separate", "end"] * 2
    text = section.footer.paragraphs[0].text
    assert text.startswith("A: Freedonia MFA · B: Sylvania State Dept. · brief of ") and "page 1 of 1" in text


def test_the_document_properties_are_this_brief_s():
    document = build(english_pair(), title="Call of 12 March", author="R. Analyst")
    props = document.core_properties
    assert (props.title, props.author, props.last_modified_by) == ("Call of 12 March", "R. Analyst", "R. Analyst")
    now = datetime.now(UTC)
    assert now - timedelta(minutes=5) < props.created.replace(tzinfo=UTC) <= now
    assert props.modified == props.created
    app = next(p for p in document.part.package.iter_parts() if p.partname == "/docProps/app.xml")
    assert b"<Application>Counterpart</Application>" in app.blob and b"Microsoft" not in app.blob
    assert not any("thumbnail" in rel.reltype for rel in document.part.package.rels.values())


def test_every_style_the_document_uses_is_defined():
    c = english_pair()
    start = c.a.text.index("red line")
    from viewer.model import Annotation

    note = Annotation("A", start, start + 8, "red line", "Harder.", author="Ann Analyst")
    document = build(moved_pair()), build(c, notes=[note])
    for d in document:
        defined = {s.get(qn("w:styleId")) for s in d.styles.element.iter(qn("w:style"))}
        parts = [d.element, d.part._comments_part.element if d.comments else None,
                 d.sections[0].header._element, d.sections[0].footer._element, d.styles.element]
        used = {el.get(qn("w:val")) for part in parts if part is not None
                for el in part.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"), qn("w:basedOn"),
                                    qn("w:next"), qn("w:link"))}
        assert used and used <= defined, sorted(used - defined)
    assert {"CommentText", "CommentReference"} <= {el.get(qn("w:val")) for el in
                                                    document[1].part._comments_part.element.iter(qn("w:pStyle"),
                                                                                                  qn("w:rStyle"))}


def _numbered_cells(document) -> dict[str, str]:
    """Sentence number -> the text after it, for every number the side-by-side table prints."""
    out = {}
    for row in side_by_side(document).rows[1:]:
        for cell in row.cells:
            text = re.sub(r"^moved (?:to|from) \S+ ", "", cell.text)  # a moved sentence's tag
            for m in re.finditer(r"\b([AB]\d+)(?: [●○]{3})? (.+?)(?=\n… [AB]\d+ | [AB]\d+ |$)", text):
                out[m.group(1)] = m.group(2)
    return out


def test_findings_cite_the_sentence_numbers_the_table_prints():
    c = moved_pair()
    c.findings = [Finding("prominence", 0.7, "The edited version moves a sentence up from A5 to B2: «The talks…».",
                          [Evidence("A", 4), Evidence("B", 1)], side="B"),
                  Finding("omission", 0.6, "Something on relations.", [Evidence("A", k) for k in (1, 2, 3)], side="A")]
    document = build(c)
    listed = findings(document)
    assert listed[1].startswith("Something on relations. (A2–A4)")
    cells = _numbered_cells(document)
    for item in listed:
        for ref in re.findall(r"\b[AB]\d+\b", item):
            side, n = ref[0], int(ref[1:])
            assert cells[ref] == c.doc(side).sentences[n - 1].text, ref
    assert not any(re.search(r"sentences? \d", item) for item in listed)


def test_a_finding_that_quotes_its_sentence_is_not_quoted_again():
    c = moved_pair()
    c.findings = [Finding("prominence", 0.7, "The edited version moves a sentence up from A5 to B2: "
                          "«The talks lasted three hours.».", [Evidence("A", 4), Evidence("B", 1)], side="B")]
    [item] = findings(build(c))
    assert item.count("The talks lasted three hours.") == 1


def test_statement_findings_quote_both_sides_with_their_numbers():
    c = english_pair()
    c.findings = [Finding("framing", 0.95, "Both speak of the islands: A calls them a red line, B does not.",
                          [Evidence("A", 2), Evidence("B", 2)], topic="maritime", side="A",
                          quotes=[Quote("A", 2, "a red line that must not be crossed"),
                                  Quote("B", 2, "serious concerns about citizens detained")])]
    [item] = findings(build(c))
    assert item.splitlines() == [
        "Both speak of the islands: A calls them a red line, B does not. (A3; B3)",
        "Freedonia MFA, A3: “a red line that must not be crossed”",
        "Sylvania State Dept., B3: “serious concerns about citizens detained”",
    ]


def test_page_one_gives_the_coverage_and_how_to_read_the_brief():
    document = build(english_pair())
    row = sources_row(document, "Counterparts")
    assert [cell.text for cell in row.cells[1:]] == [
        "4 of 5 sentences have a counterpart in Sylvania State Dept.; 1 have none",
        "4 of 5 sentences have a counterpart in Freedonia MFA; 1 have none"]
    texts = [p.text for p in document.paragraphs]
    assert "4 linked passages (3 reworded, 1 identical)." in texts
    boxed = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("How to read this brief"))
    assert "A3 is the third sentence of A (Freedonia MFA)" in boxed.rows[0].cells[0].text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings.index("The two texts") < headings.index("Summary of findings")


def test_weak_links_look_weak_and_a_gap_in_a_cell_is_marked():
    c = english_pair()
    c.links[1] = Link([1], [1, 4], 0.3, "related")
    c.links = [link for link in c.links if 4 not in link.b or link is c.links[1]]
    c.unmatched = {"A": [2, 4], "B": [2]}
    document = build(c)
    row = next(r for r in side_by_side(document).rows if r.cells[0].text.startswith("A2 "))
    cell = row.cells[1]
    assert [p.text for p in cell.paragraphs] == [f"B2 {MARKERS['weak']} {c.b.sentences[1].text}",
                                                 f"… B5 {c.b.sentences[4].text}"]
    borders = [b.get(qn("w:val")) for tc in (row.cells[0], cell) for b in tc._tc.tcPr.find(qn("w:tcBorders"))]
    assert set(borders) == {"dashed"}
    strong = next(r for r in side_by_side(document).rows if r.cells[0].text.startswith("A1 "))
    assert strong.cells[1].text.startswith(f"B1 {MARKERS['strong']} ") and strong.cells[1]._tc.tcPr.find(
        qn("w:tcBorders")) is None


def test_the_chart_draws_chinese_labels_with_a_cjk_font():
    from viewer.report.brief import chart

    if chart.cjk_font() is None:
        pytest.skip("no font with Chinese characters installed (Debian: fonts-noto-cjk)")
    c = chinese_pair()  # side A is called 外交部
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = chart.topic_chart_png(c, dpi=40)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert png and not missing, missing
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=chart.cjk_font()), fallback_to_default=False)
    assert chart._draws(path)


def test_without_a_cjk_font_the_chart_names_the_sides_a_and_b(monkeypatch, caplog):
    from viewer.report.brief import chart

    monkeypatch.setattr(chart, "cjk_font", lambda: None)
    c = chinese_pair()
    assert chart._legend_label(c, "A") == "A" and chart._legend_label(c, "B") == "B: State Dept."
    assert "apt-get install fonts-noto-cjk" in caplog.text


def test_long_side_names_wrap_in_the_legend():
    from viewer.report.brief import chart

    c = english_pair()
    c.labels["B"] = "Ministry of Foreign Affairs of the People's Republic of China"
    label = chart._legend_label(c, "B")
    assert label.replace("\n", " ") == "B: Ministry of Foreign Affairs of the People's Republic of China"
    assert max(len(line) for line in label.splitlines()) <= chart.LEGEND_CHARS


def test_a_translation_is_shown_pair_by_pair_with_what_it_drops_adds_and_softens():
    c = translation_pair()
    document = build(c)
    heading = "The text and its translation, sentence by sentence"
    table = table_after(document, heading)
    rows_ = [[cell.text for cell in r.cells] for r in table.rows[1:]]
    merged = [r[0] for r in rows_ if r[0] == r[1]]  # the line under each pair spans both columns
    assert merged == ["no word, name, number or topic left out or added",
                      "MFA (Spanish) drops: “close”, “coordination”, “Ukraine” · adds: “2024” · "
                      "words it more weakly than MFA (English)"]
    # two languages are never "identical": no grey text in the table
    grey = [r for r in table._tbl.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:color')}") is not None
            and "".join(t.text for t in r.iter(qn("w:t"))).strip() not in ("", *merged)
            and not re.fullmatch(r"[AB]\d+(?: [●○]{3})? ?", "".join(t.text for t in r.iter(qn("w:t"))))]
    assert not grey
    texts = [p.text for p in document.paragraphs]
    assert "identical" not in " ".join(t for t in texts if t.startswith("Legend"))
    assert any(t.endswith("one text in two languages compared") for t in texts)
    # page 1 lists the pairs that differ, by number
    changes = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert changes == ["A3 → B2: drops: “close”, “coordination”, “Ukraine” · adds: “2024” · words it more weakly "
                       "than MFA (English)"]
    assert "1 of 2 pairs of sentences differ in what they say; 1 sentence has no translation." in texts
    # a pair not linked as a translation (versions mode asked for): the concepts only one side has
    c.links[1].kind, c.links[1].dropped, c.links[1].added, c.links[1].weaker = "related", [], [], None
    assert table_after(build(c), heading).rows[-1].cells[0].text == "MFA (Spanish) drops: Ukraine · adds: 2024"


def test_a_missing_headline_of_a_stored_copy_is_no_finding():
    c = translation_pair()
    document = build(c)
    assert not any("headline" in f for f in findings(document))
    assert sources_row(document, "Title").cells[2].text == "none (the text starts without a headline)"


def test_short_quotes_of_one_side_share_a_line():
    c = english_pair()
    c.findings = [Finding("tone", 0.9, "Only A uses red-line language.", [Evidence("A", 1), Evidence("A", 2)],
                          side="A", marker="core-interests",
                          quotes=[Quote("A", 1, "candid"), Quote("A", 2, "red line")])]
    [item] = findings(build(c))
    assert item.splitlines()[1:] == ["Freedonia MFA, A2: “candid” · A3: “red line”"]


def test_the_footer_numbers_pages_at_the_right_margin_only():
    footer = build(english_pair()).sections[0].footer.paragraphs[0]
    stops = [(t.position, t.alignment) for t in footer.paragraph_format.tab_stops]
    from docx.enum.text import WD_TAB_ALIGNMENT

    from viewer.report.brief.pages import TEXT_WIDTH_CM

    kept = [pos for pos, kind in stops if kind != WD_TAB_ALIGNMENT.CLEAR]
    assert len(kept) == 1 and abs(kept[0].cm - TEXT_WIDTH_CM) < 0.01


def test_quotes_the_finding_text_holds_are_not_repeated_and_one_sentence_is_quoted_together():
    c = english_pair()
    c.findings = [Finding("tone", 0.9, "Only A uses core-interests language (“red line”).", [Evidence("A", 2)],
                          side="A", marker="core-interests",
                          quotes=[Quote("A", 2, "red line"), Quote("A", 2, "must not be crossed"),
                                  Quote("A", 2, "northern islands")])]
    [item] = findings(build(c))
    assert item.splitlines()[1:] == ["Freedonia MFA, A3: “must not be crossed”, “northern islands”"]
