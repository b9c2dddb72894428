"""The Emphasis tab: topics of a comparison in both charts; a click on a topic highlights its
sentences in both panes."""

from __future__ import annotations

import pytest
from app_fixtures import make_comparison, shown_window
from PySide6.QtCore import QPoint, Qt

from viewer.model import ToneMark, TopicStat


def with_topics():
    c = make_comparison()
    c.topics = [
        TopicStat("trade-economy", "Trade and economy", {"A": [1], "B": [2]}, {"A": [], "B": []},
                  {"A": 0.25, "B": 0.2}, {"A": 0.2, "B": 0.5}, {"A": 1, "B": 2}),
        TopicStat("sanctions", "Sanctions", {"A": [], "B": [3]}, {"A": [], "B": []},
                  {"A": 0.0, "B": 0.18}, {"A": None, "B": 0.7}, {"A": None, "B": 1}),
        TopicStat("people-to-people", "People-to-people exchanges", {"A": [], "B": []}, {"A": [2], "B": []},
                  {"A": 0.0, "B": 0.0}, {"A": None, "B": None}, {"A": None, "B": None}),
    ]
    c.speakers = {"A": {"narrator": 0.8, "Minister Vale": 0.2}, "B": {"narrator": 1.0}}
    c.tone = {"A": [ToneMark("candid", "candid", 1, c.a.sentences[1].start + 11, c.a.sentences[1].start + 17)],
              "B": []}
    return c


@pytest.fixture
def window(qtbot):
    return shown_window(qtbot, 1300, 700)


def selections(window, side):
    return window.panes[side].picked_spans()


def test_the_panel_is_a_tab_and_shows_the_topics(window):
    c = with_topics()
    window.set_comparison(c)
    panel = window.session.emphasis
    assert window.side_tabs.indexOf(panel) >= 0
    assert [r.key for r in panel.shares.rows] == ["trade-economy", "sanctions", "people-to-people"]
    passing = panel.shares.rows[2]
    assert passing.light_a and not passing.light_b  # only touched in passing on A: hatched
    # a topic neither side discusses has no place in the order of topics
    assert [(r.key, r.rank_a, r.rank_b) for r in panel.order.rows] == [("trade-economy", 1, 2), ("sanctions", None, 1)]
    assert [r.key for r in panel.voice.rows] == ["Minister Vale", "narrator"]  # narrator last
    chip = panel.tone["A"].item(0)
    assert chip.text() and chip.toolTip()  # the tone's usual reading, from the lexicon
    assert panel.tone["B"].item(0).flags() == Qt.ItemFlag.NoItemFlags  # "none"


def click_row(qtbot, chart, key):
    window_tab = chart.window()
    window_tab.session.emphasis.ensureWidgetVisible(chart)
    k = [r.key for r in chart.rows].index(key)
    y = int(chart._top() + chart._row_height() * (k + 0.5))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, y))


def test_clicking_a_topic_bar_highlights_its_sentences_in_both_panes(window, qtbot):
    c = with_topics()
    window.set_comparison(c)
    window.side_tabs.setCurrentWidget(window.session.emphasis)
    chart = window.session.emphasis.shares
    with qtbot.waitSignal(window.session.emphasis.topicClicked) as clicked:
        click_row(qtbot, chart, "trade-economy")
    assert clicked.args == ["trade-economy"]
    a, b = c.a.sentences[1], c.b.sentences[2]
    assert selections(window, "A") == [(a.start, a.end)]
    assert selections(window, "B") == [(b.start, b.end)]
    assert window.session.emphasis.order.selected == "trade-economy"  # both charts show the choice


def test_clicking_a_topic_in_the_slope_chart_highlights_it(window, qtbot):
    c = with_topics()
    window.set_comparison(c)
    window.side_tabs.setCurrentWidget(window.session.emphasis)
    slope = window.session.emphasis.order
    row = slope.rows[1]  # sanctions: absent in A, first in B
    _point, label = slope._ends(row)["B"]
    qtbot.mouseClick(slope, Qt.MouseButton.LeftButton, pos=label.center().toPoint())
    s = c.b.sentences[3]
    assert selections(window, "B") == [(s.start, s.end)]
    assert selections(window, "A") == []
    assert window.session.emphasis.shares.selected == "sanctions"


def test_a_tone_chip_shows_where_the_word_stands(window, qtbot):
    c = with_topics()
    window.set_comparison(c)
    chips = window.session.emphasis.tone["A"]
    with qtbot.waitSignal(window.session.emphasis.evidenceRequested):
        chips.itemClicked.emit(chips.item(0))
    s = c.a.sentences[1]
    assert selections(window, "A") == [(s.start, s.end)]


def test_the_panel_renders_without_a_comparison_and_with_one(window):
    panel = window.session.emphasis
    assert panel.placeholder.isVisibleTo(panel)
    window.set_comparison(with_topics())
    assert not panel.placeholder.isVisibleTo(panel)
    assert not panel.grab().isNull()


def test_settings_are_stored_and_a_language_change_reruns_the_analysis(window, monkeypatch):
    from PySide6.QtCore import QSettings

    from viewer.app.settings_dialog import Preferences, SettingsDialog

    window.set_comparison(with_topics())
    runs = []
    monkeypatch.setattr(window, "start_analysis", lambda notes=None: runs.append({s: r.language for s, r in window.readouts.items()}))
    dialog = SettingsDialog(window.session.prefs, window)
    dialog.author.setText("R. Analyst")
    dialog.size.setValue(14)
    window.session.apply_preferences(dialog.preferences())
    assert runs == []  # font and author only: nothing to analyse again
    assert window.panes["A"].font().pointSize() == 14
    dialog.languages["B"].setCurrentText("fr")
    window.session.apply_preferences(dialog.preferences())
    assert runs == [{"A": None, "B": "fr"}]
    stored = Preferences.load(QSettings("Counterpart", "Counterpart"))
    assert (stored.author, stored.point_size, stored.languages) == ("R. Analyst", 14, {"A": None, "B": "fr"})
