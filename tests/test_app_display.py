"""Large comparisons stay responsive: colours are painted in chunks from the event loop, the
colouring is prepared outside the UI thread, and the link band places only links on screen."""

from __future__ import annotations

from app_fixtures import long_comparison, make_comparison, shown_window
from PySide6.QtGui import QColor

from viewer.app import palette
from viewer.app.display import prepare
from viewer.app.main_window import MainWindow
from viewer.app.pane import PAINT_CHUNK, TextPane


def background_at(pane: TextPane, offset: int) -> QColor:
    cursor = pane.cursor_for(offset, offset + 1)
    return cursor.charFormat().background().color()


def test_many_spans_are_painted_in_chunks_and_all_arrive_in_order(qtbot):
    pane = TextPane("A")
    qtbot.addWidget(pane)
    n = PAINT_CHUNK * 3 + 7
    pane.set_text("ab " * n)
    red, blue = palette.colour("only"), palette.colour("moved")
    spans = [(3 * k, 3 * k + 2, "only") for k in range(n)] + [(0, 2, "moved")]  # the last one wins
    pane.paint_spans_gradually(spans)
    assert pane.is_painting() and background_at(pane, 3 * (n - 1)) != red  # not all at once
    qtbot.waitUntil(lambda: not pane.is_painting(), timeout=10_000)
    assert background_at(pane, 3 * (n - 1)) == red and background_at(pane, 0) == blue


def test_new_text_drops_the_spans_of_the_old_one(qtbot):
    pane = TextPane("A")
    qtbot.addWidget(pane)
    pane.set_text("x" * (PAINT_CHUNK * 4))
    pane.paint_spans_gradually([(k, k + 1, "only") for k in range(PAINT_CHUNK * 4)])
    pane.set_text("fresh text")
    assert not pane.is_painting()
    assert background_at(pane, 8) != palette.colour("only")


def test_prepare_gives_the_colours_set_comparison_paints():
    c = make_comparison()
    d = prepare(c)
    a3 = c.a.sentences[3]
    assert (a3.start, a3.end, "only") in d.spans["A"]
    assert any(meaning == "changed_reworded" for _s, _e, meaning in d.spans["B"])
    assert d.words == {"A": c.a.words, "B": c.b.words}


def test_the_band_places_only_links_with_an_end_on_screen(qtbot):
    window = shown_window(qtbot, 1200, 500)
    c = long_comparison(repeat=30)
    window.set_comparison(c)
    qtbot.waitUntil(lambda: bool(window.band.ribbons()), timeout=5000)  # once the panes are laid out
    shown = {r.link for r in window.band.ribbons()}
    assert shown and len(shown) < len(c.links)
    pane = window.panes["A"]
    for n in shown:
        link = c.links[n]
        top_a, _ = pane.view_y_range(c.a.sentences[min(link.a)].start, c.a.sentences[max(link.a)].end)
        top_b, _ = window.panes["B"].view_y_range(c.b.sentences[min(link.b)].start, c.b.sentences[max(link.b)].end)
        assert min(top_a, top_b) < pane.viewport().height()
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    assert {r.link for r in window.band.ribbons()} - shown  # scrolled: other links on screen


def test_a_long_comparison_fills_findings_and_panels_on_later_turns(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    c = long_comparison(repeat=400)
    assert len(c.a.text) + len(c.b.text) > 40_000
    seen = []
    window.comparisonChanged.connect(seen.append)
    window.set_comparison(c)
    assert not seen  # nothing heavy in the same turn as the text
    qtbot.waitUntil(lambda: seen == [c], timeout=5000)
    assert window.findings.list.count() == len(c.findings)
