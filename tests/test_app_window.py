"""The window against hand-built comparisons: findings, differences, link band, drops, errors."""

from __future__ import annotations

import pytest
from app_fixtures import long_comparison, make_comparison, shown_window
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture
def window(qtbot):
    return shown_window(qtbot)


def visible(pane, side_doc, i) -> bool:
    s = side_doc.sentences[i]
    rect = pane.cursorRect(pane.cursor_for(s.start, s.end))
    return pane.viewport().rect().contains(rect)


def test_clicking_a_finding_scrolls_both_panes_to_its_evidence(window, qtbot):
    c = long_comparison()
    window.set_comparison(c)
    finding = c.findings[1]  # evidence late in A and in B
    for e in finding.evidence:
        assert not visible(window.panes[e.side], c.doc(e.side), e.sentence)
    item = window.findings.list.item(1)
    rect = window.findings.list.visualItemRect(item)
    qtbot.mouseClick(window.findings.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    for e in finding.evidence:
        pane = window.panes[e.side]
        assert visible(pane, c.doc(e.side), e.sentence)
        s = c.doc(e.side).sentences[e.sentence]
        assert pane.picked_spans() == [(s.start, s.end)]


def test_next_and_previous_difference_walk_in_a_order_and_wrap(window):
    window.set_comparison(make_comparison())
    view = window.view
    seen = []
    for _ in range(4):
        view.go_difference(+1)
        seen.append(view.current_difference())
    assert [(d.a, d.b) for d in seen] == [((1,), (2,)), ((2,), (1,)), ((), (3,)), ((3,), ())]
    view.go_difference(+1)  # at the end: round to the first, and the status line says so
    assert view.current_difference() == seen[0] and "wrapped" in window.note.text()
    view.go_difference(-1)
    assert view.current_difference() == seen[-1]
    view.go_difference(-1)
    assert view.current_difference() == seen[-2]
    assert window.band.selected is None  # an unmatched sentence has no link to select
    view.go_difference(-1)
    assert window.band.selected == seen[1].link


def test_f7_shortcut_moves_to_the_next_difference(window, qtbot):
    window.set_comparison(make_comparison())
    window.panes["A"].setFocus()
    qtbot.keyClick(window.panes["A"], Qt.Key.Key_F7)
    assert window.view.current_difference().a == (1,)
    qtbot.keyClick(window.panes["A"], Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.view.current_difference().a == (2,)


def test_link_band_ribbons_meet_the_sentences_and_cross(window):
    c = make_comparison()
    window.set_comparison(c)
    ribbons = {r.link: r for r in window.band.ribbons()}
    assert set(ribbons) == {0, 1, 2, 3}
    band = window.band
    for n in (1, 2):
        link, r = c.links[n], ribbons[n]
        for side, idx, top, bottom in (("A", link.a, r.a_top, r.a_bottom), ("B", link.b, r.b_top, r.b_bottom)):
            pane, s = window.panes[side], c.doc(side).sentences[idx[0]]
            rect = pane.span_rect(s.start, s.end)
            y0 = band.mapFromGlobal(pane.viewport().mapToGlobal(rect.topLeft())).y()
            assert abs(top - y0) <= 1 and abs(bottom - (y0 + rect.height())) <= 1
    first, second = ribbons[1], ribbons[2]  # A1->B2 and A2->B1
    assert first.a_bottom <= second.a_top and first.b_top >= second.b_bottom
    # the ribbon paths really cross: the first starts above the second and ends below it
    mid = band.width() / 2
    assert first.path.contains(QPointF(1, (first.a_top + first.a_bottom) / 2))
    assert second.path.contains(QPointF(band.width() - 1, (second.b_top + second.b_bottom) / 2))
    assert first.path.intersects(second.path) or first.path.contains(QPointF(mid, (first.a_top + first.b_bottom) / 2))


def test_clicking_a_passage_selects_its_counterpart(window, qtbot):
    c = make_comparison()
    window.set_comparison(c)
    s = c.a.sentences[2]
    rect = window.panes["A"].cursorRect(window.panes["A"].cursor_for(s.start + 3, s.start + 3))
    qtbot.mouseClick(window.panes["A"].viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.band.selected == 2
    b = c.b.sentences[1]
    assert window.panes["B"].picked_spans() == [(b.start, b.end)]


def test_scrolling_one_pane_keeps_linked_passages_level(window, qtbot):
    c = long_comparison()
    window.set_comparison(c)
    a_bar = window.panes["A"].verticalScrollBar()
    a_bar.setValue(a_bar.maximum() // 2)
    b_bar = window.panes["B"].verticalScrollBar()
    assert b_bar.value() > 0
    a_bar.setValue(a_bar.maximum())
    assert b_bar.value() == b_bar.maximum()
    a_bar.setValue(0)
    assert b_bar.value() == 0


def test_dropping_a_file_on_a_pane_loads_that_side(window, qtbot, tmp_path, monkeypatch):
    window.set_comparison(make_comparison())
    opened = []
    monkeypatch.setattr(window, "start_analysis", lambda notes=None: opened.append(dict(window.readouts)))
    path = tmp_path / "dropped.txt"
    path.write_text("A dropped readout. It has two sentences.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pane = window.panes["B"]
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *args)  # Qt delivers a drop only after the drag entered
    QApplication.sendEvent(pane.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(10, 10), *args)
    QApplication.sendEvent(pane.viewport(), event)
    assert event.isAccepted()
    assert opened and opened[0]["B"].text.startswith("A dropped readout.")
    assert opened[0]["A"] is window.comparison.a.readout


def test_a_bad_file_gives_a_message_and_the_window_stays(window, tmp_path, monkeypatch):
    window.set_comparison(make_comparison())
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    window.open_file("A", str(bad))
    window.open_file("B", str(tmp_path / "missing.txt"))
    assert len(shown) == 2 and "binary.txt" in shown[0] and "missing.txt" in shown[1]
    assert not window.is_busy()
    assert window.panes["A"].toPlainText() == window.comparison.a.text


def test_swap_and_zoom_and_wrap(window, monkeypatch):
    c = make_comparison()
    window.set_comparison(c)
    window.readouts = {"A": c.a.readout, "B": c.b.readout}
    monkeypatch.setattr(window, "start_analysis", lambda notes=None: None)
    window.swap_sides()
    assert window.readouts["A"] is c.b.readout
    size = window.panes["A"].font().pointSize()
    window.zoom(+1)
    assert window.panes["B"].font().pointSize() == size + 1
    window.zoom(0)
    assert window.panes["A"].font().pointSize() == size
    window.set_wrap(False)
    assert window.panes["A"].lineWrapMode() == window.panes["A"].LineWrapMode.NoWrap


def test_sentence_tooltip_names_topics_tone_and_link(window):
    c = make_comparison()
    window.set_comparison(c)
    tip = window.view._tooltip("A", c.a.sentences[1].start + 2)
    assert "trade-economy" in tip and "moved" in tip and "0.71" in tip and "B sentence 3" in tip
    assert "no counterpart" in window.view._tooltip("B", c.b.sentences[3].start)


def test_reload_reads_the_sources_again(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("First version.", encoding="utf-8")
    c = make_comparison()
    c.a.readout.source = str(path)
    window.set_comparison(c)
    path.write_text("Second version.", encoding="utf-8")
    started = []
    monkeypatch.setattr(window, "start_analysis", lambda notes=None: started.append(dict(window.readouts)))
    window.reload()
    assert started[0]["A"].text.startswith("Second version.")
    assert started[0]["A"].label == "Ruritania" and started[0]["B"] is c.b.readout
