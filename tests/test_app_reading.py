"""Reading for an afternoon (issue 12): find in both texts, zoom and F7 that keep the reader's
place, themes, the legend, the findings' filters and reviewed ticks, ignore options, print."""

from __future__ import annotations

from dataclasses import replace

import pytest
from app_fixtures import long_comparison, make_comparison, shown_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer import colours
from viewer.app import palette
from viewer.model import Evidence, Finding, Link, Quote


@pytest.fixture
def window(qtbot):
    return shown_window(qtbot, 1200, 600)


def values(window):
    return tuple(window.panes[s].verticalScrollBar().value() for s in "AB")


def test_a_failed_find_keeps_both_positions(window, qtbot):
    window.set_comparison(long_comparison())
    bar = window.panes["A"].verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = values(window)
    assert before[1] > 0
    window.open_find()
    qtbot.keyClicks(window.find_bar.edit, "zqx")  # every keystroke fails
    window.find_bar.find_next()
    assert values(window) == before
    assert window.find_bar.status.text() == "Not found"


def test_find_searches_both_panes_counts_and_matches_case(window, qtbot):
    window.set_comparison(make_comparison())
    window.panes["A"].setFocus()
    window.open_find()
    qtbot.keyClicks(window.find_bar.edit, "sanctions")  # only B says it: found from pane A
    fb = window.find_bar
    assert fb.counts() == {"A": 0, "B": 1} and fb.matches[fb.current][0] == "B"
    assert "1 of 1" in fb.status.text()
    fb.edit.setText("minister")
    assert fb.counts() == {"A": 3, "B": 3}  # "ministers" twice and "Minister" once a side, all highlighted
    assert len(window.panes["A"].extraSelections()) == 3
    fb.case.setChecked(True)
    assert fb.counts() == {"A": 2, "B": 2}
    seen = {fb.matches[fb.current][0]}
    fb.find_next()
    seen.add(fb.matches[fb.current][0])
    assert seen == {"A", "B"}


def test_a_search_typed_before_the_texts_arrive_runs_when_they_do(window, qtbot):
    window.open_find()
    qtbot.keyClicks(window.find_bar.edit, "grain corridor")
    assert "arrive" in window.find_bar.status.text()
    window.set_comparison(make_comparison())
    assert window.find_bar.counts() == {"A": 1, "B": 1}


def test_zoom_keeps_the_top_passage_and_its_counterpart_level(window, qtbot):
    c = long_comparison(repeat=20)
    window.set_comparison(c)
    pane = window.panes["A"]
    pane.setFocus()
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    anchor = pane.top_offset()
    window.zoom(+4)
    qtbot.wait(10)  # one turn: the layout at the new size
    y0, _y1 = pane.view_y_range(anchor, anchor + 1)
    assert 0 <= y0 < pane.fontMetrics().height()  # the line that was at the top still is
    level = values(window)
    window.view.follow("A")  # B already where the alignment puts it, within half a line
    assert abs(values(window)[1] - level[1]) <= pane.fontMetrics().height() / 2 and level[1] > 0


def test_f7_goes_on_from_the_cursor_and_wraps(window, qtbot):
    c = long_comparison(repeat=8)
    window.set_comparison(c)
    pane = window.panes["A"]
    pane.setFocus()
    s = c.a.sentences[5 * 5]  # block 5: the reader clicks its first sentence
    pane.centre_on(s.start, s.end)
    pane.place_cursor(s.start)
    window.view.go_difference(+1)
    d = window.view.current_difference()
    assert d.a and min(d.a) > 25 and min(d.a) < 30
    window.view.go_difference(+1)
    assert window.view.current_difference() != d  # the jump left the cursor: on to the next
    last = window.view.differences[-1]
    window.view.show_difference(len(window.view.differences) - 1)
    window.view.go_difference(+1)
    assert window.view.current_difference() == window.view.differences[0] != last
    assert "wrapped" in window.note.text()


def test_the_dark_theme_is_applied_offscreen(window):
    try:
        assert palette.apply_theme("dark") == "dark"
        app = QApplication.instance()
        assert app.style().name().lower() == "fusion"
        assert app.palette().base().color().name().upper() == colours.PAGE["dark"]
        window.set_comparison(make_comparison())
        pane = window.panes["A"]
        s = window.comparison.a.sentences[3]  # only A has it
        assert pane.cursor_for(s.start, s.start + 1).charFormat().background().color().name().upper() == \
            colours.DARK["only"]
        assert not window.grab().isNull()
    finally:
        palette.apply_theme("light")
    assert QApplication.instance().palette().base().color().name().upper() == colours.PAGE["light"]


def test_translations_are_named_as_such_in_the_legend_and_the_tooltip(window):
    c = make_comparison()
    c.b.language = "fr"
    c.links = [replace(link, kind="translation", diff=None) for link in c.links]
    c.links[0].dropped, c.links[0].weaker = ["on Tuesday"], "B"
    window.set_comparison(c)
    names = window.view.legend.names()
    assert "Translation" in names and "Identical" not in names and "Reworded" not in names
    tip = window.view._tooltip("A", c.a.sentences[0].start)
    assert "translation" in tip and "Not rendered in B: on Tuesday" in tip and "Weaker wording in B" in tip
    assert not window.view.differences or all(d.link is None for d in window.view.differences)


def test_ignoring_case_and_quote_styles_leaves_such_changes_unmarked(window):
    c = make_comparison()
    a, b = "They said “Yes” today.", 'they said "Yes" today.'
    c.a.sentences[4].text, c.b.sentences[4].text = a, b
    from viewer.wording import word_diff

    c.a.readout.text = c.a.readout.text[:c.a.sentences[4].start] + a
    c.b.readout.text = c.b.readout.text[:c.b.sentences[4].start] + b
    for doc, text in ((c.a, a), (c.b, b)):
        doc.sentences[4].end = doc.sentences[4].start + len(text)
    c.links[3] = Link(a=[4], b=[4], score=0.9, kind="reworded", diff=word_diff(a, b, "en"))
    window.set_comparison(c)
    assert window.view.display.kinds[3] == "reworded"
    for key in ("case", "quotes"):
        window.ignore_actions[key].trigger()
    assert window.view.display.kinds[3] == "identical"
    assert not any(m.startswith("changed_") and s >= c.a.sentences[4].start
                   for s, _e, m in window.view.display.spans["A"])


def with_new_findings():
    c = make_comparison()
    c.findings.append(Finding(
        kind="attributed", weight=0.8, side="B", topic="trade-economy",
        text="The Freedonian readout has Vale agree on trade; the Ruritanian readout does not.",
        evidence=[Evidence("B", 2)], quotes=[Quote("B", 2, " frank exchange of views "), Quote("A", 1, "candid")]))
    return c


def test_findings_filter_by_kind_side_and_topic_and_copy_with_quotes(window):
    c = with_new_findings()
    window.set_comparison(c)
    panel = window.findings
    assert panel.visible_findings() == [0, 1, 2, 3]
    panel.kind.setCurrentIndex(panel.kind.findData("omission"))
    assert panel.visible_findings() == [0, 2]
    panel.side.setCurrentIndex(panel.side.findData("B"))
    assert panel.visible_findings() == [2]
    panel.kind.setCurrentIndex(0)
    panel.topic.setCurrentIndex(panel.topic.findData("trade-economy"))
    assert panel.visible_findings() == [3]
    panel.list.setCurrentRow(3)
    text = panel.selected_text()
    assert "agree on trade" in text and "B (Freedonia): “frank exchange of views”" in text and "A (Ruritania)" in text
    panel.list.setFocus()
    window.copy()  # Edit > Copy, Ctrl+C
    assert QApplication.clipboard().text() == text


def test_reviewed_ticks_are_saved_in_the_project_and_come_back(window, qtbot, tmp_path, monkeypatch):
    from viewer.project import load_project

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.set_comparison(make_comparison())
    panel = window.findings
    panel.list.item(1).setCheckState(Qt.CheckState.Checked)
    window.view.go_difference(+1)
    window.toggle_reviewed()
    assert window.isWindowModified()
    panel.hide_reviewed.setChecked(True)
    assert panel.visible_findings() == [0, 2]
    path = tmp_path / "ticks.counterpart"
    assert window.session.save_to(str(path))
    project = load_project(path)
    assert len(project.reviewed["findings"]) == 1 and project.reviewed["differences"] == ["A1|B2"]
    again = shown_window(qtbot)
    again.session.show_project(project, str(path), saved=True)
    again.set_comparison(make_comparison())  # the analysis of the project's texts, as if done
    assert again.findings.reviewed == set(project.reviewed["findings"])
    assert again.view.reviewed == {"A1|B2"}


def test_print_to_pdf_and_the_shortcuts_list(window, tmp_path):
    from viewer.app.help import shortcuts
    from viewer.app.printing import SideBySide

    window.set_comparison(make_comparison())
    out = tmp_path / "side.pdf"
    SideBySide(window.comparison, window.view.display, window).write_pdf(str(out))
    assert out.read_bytes()[:5] == b"%PDF-"
    keys = {command: k for _menu, command, k in shortcuts(window.menuBar())}
    assert "F7" in keys["Next Difference"] and keys["Undo"]


def test_a_swapped_pair_is_one_recent_entry_and_files_take_the_pairs_names(window, tmp_path, monkeypatch):
    monkeypatch.setattr(window, "start_analysis", lambda notes=None: None)
    a, b = tmp_path / "north.txt", tmp_path / "south.txt"
    for p in (a, b):
        p.write_text("One sentence. Another one.", encoding="utf-8")
    window.open_pair(str(a), str(b))
    window._remember_pair()
    window.swap_sides()
    window._remember_pair()
    assert window.recent_pairs() == [(str(b), str(a))]
    assert window.session.default_stem() == "south – north"
    assert window.session.export.default_path().endswith("south – north brief.docx")


def test_a_new_label_reruns_only_the_later_stages(window, qtbot, monkeypatch):
    from viewer import analysis

    c = make_comparison()
    window.set_comparison(c)
    calls = []
    monkeypatch.setattr(analysis, "rerun", lambda previous, readouts, settings, **kw: calls.append(
        readouts["A"].label) or replace(c, a=replace(c.a, readout=readouts["A"])))
    monkeypatch.setattr(analysis, "compare", lambda *a, **k: pytest.fail("a label needs no new analysis"))
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        window.session.change_sides({"A": ("Ruritanian MFA", None), "B": ("Freedonia", None)})
    assert calls == ["Ruritanian MFA"] and window.comparison.a.readout.label == "Ruritanian MFA"
    with qtbot.waitSignal(window.analysisFinished, timeout=10_000):
        window.session.undo.undo()
    assert calls[-1] == "Ruritania"


def test_the_note_dialog_tabs_to_the_next_field_and_ctrl_enter_saves(qtbot):
    from viewer.app.annotation_dialog import AnnotationDialog

    dialog = AnnotationDialog("candid exchange")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "Frank")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.note.toPlainText() == "Frank" and not dialog.note.hasFocus()
    dialog.note.setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_note_quote_leaves_out_the_spaces_around_the_selection(window, monkeypatch):
    from viewer.app.annotation_dialog import AnnotationDialog

    window.set_comparison(make_comparison())
    text = window.comparison.a.text
    start = text.index(" They held")
    window.panes["A"].setTextCursor(window.panes["A"].cursor_for(start, start + len(" They held ")))
    monkeypatch.setattr(AnnotationDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    made = window.session.add_note()
    assert made.quote == "They held" and text[made.start:made.end] == "They held"


def test_differences_only_sync_off_and_copy_of_a_linked_pair(window):
    c = long_comparison(repeat=3)
    window.set_comparison(c)
    doc = window.panes["A"].document()
    window.only_action.trigger()
    hidden = [b.text() for b in _blocks(doc) if not b.isVisible() and b.text()]
    assert hidden and all("grain corridor" in t or "foreign ministers" in t for t in hidden)  # identical only
    window.only_action.trigger()
    assert all(b.isVisible() for b in _blocks(doc))
    window.sync_action.trigger()  # scroll sync off: B stays where it is
    window.panes["A"].verticalScrollBar().setValue(window.panes["A"].verticalScrollBar().maximum())
    assert window.panes["B"].verticalScrollBar().value() == 0
    window.view.select_link(2)
    window.copy_pair()
    copied = QApplication.clipboard().text()
    assert copied.startswith("A — Ruritania:\nThe two sides agreed to restore") and "B — Freedonia:\nThe two sides agreed to resume" in copied


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_the_new_comparison_dialog_takes_a_recent_pair_and_swaps(qtbot):
    from viewer.app.new_comparison import NewComparisonDialog

    dialog = NewComparisonDialog([("/x/a.txt", "/x/b.txt")], ["", ""])
    qtbot.addWidget(dialog)
    assert not dialog.buttons.buttons()[0].isEnabled()
    dialog.recent.itemClicked.emit(dialog.recent.item(0))
    dialog._swap()
    assert dialog.paths() == ("/x/b.txt", "/x/a.txt") and dialog.mode() is None


def test_the_texts_show_at_once_and_the_colours_follow_the_analysis(window, monkeypatch):
    from viewer.model import Readout

    monkeypatch.setattr(window, "start_analysis", lambda notes=None: None)  # the analysis still running
    window.set_readouts(Readout(text="First text. " * 50, source="a.txt"), Readout(text="Second text.", source="b.txt"))
    assert window.panes["A"].toPlainText().startswith("First text.") and window.panes["B"].text() == "Second text."
    assert window.view.headers["A"].text() == "a"  # named after its file, not "untitled"
    assert "\n" not in window.view.headers["A"].label.text()  # one line, elided to fit
