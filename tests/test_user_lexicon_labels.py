"""A user lexicon's labels and readings reach every output: the JSON, the terminal summary, the
brief's tables and the window's Emphasis tab (the Comparison carries them; nothing reloads the
built-in lexicon to name things)."""

from __future__ import annotations

import docx
import pytest

from viewer.analysis import compare
from viewer.ingest import read_source
from viewer.report.brief import write_brief
from viewer.report.json_out import to_dict
from viewer.report.terminal import summary

USER = '''language = "en"

[tone.upbeat]
label = "Upbeat mood"
reading = "the side wants the talks to look like a success"
terms = ["upbeat", "buoyant"]

[topic.rare-earths]
label = "Rare earth minerals"
terms = ["rare earths", "rare earth*"]
'''
A = ("Minister Rivera met Secretary Okafor in Vienna on Monday. The mood was upbeat and buoyant. "
     "They discussed rare earths and the supply of rare earth magnets for two hours.")
B = "Secretary Okafor met Minister Rivera in Vienna on Monday. They discussed fishing rights at length."


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lex")
    (folder / "mine.toml").write_text(USER, encoding="utf-8")
    # texts from files, not pasted: the window then has no unsaved work to ask about when it closes
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    a = read_source(str(folder / "a.txt"), label="Ruritania")
    b = read_source(str(folder / "b.txt"), label="Freedonia")
    return compare(a, b, lexicons=[folder / "mine.toml"])


def test_json_names_the_user_tone_and_topic(result):
    data = to_dict(result)
    [mark] = [m for m in data["tone"]["A"] if m["id"] == "upbeat"][:1]
    assert (mark["label"], mark["reading"]) == ("Upbeat mood", "the side wants the talks to look like a success")
    assert {t["id"]: t["label"] for t in data["topics"]}["rare-earths"] == "Rare earth minerals"


def test_terminal_summary_names_the_user_topic(result):
    assert "rare earth minerals" in summary(result).casefold()


def test_brief_tone_table_gives_label_and_reading(result, tmp_path):
    path = tmp_path / "brief.docx"
    write_brief(result, path)
    cells = [cell.text for table in docx.Document(str(path)).tables for row in table.rows for cell in row.cells]
    assert "Upbeat mood: the side wants the talks to look like a success" in cells
    assert any(cell.startswith("Rare earth minerals") for cell in cells)


def test_window_emphasis_tab_names_the_user_tone(qtbot, result):
    from app_fixtures import shown_window

    window = shown_window(qtbot, 1200, 700)
    window.set_comparison(result)
    chips = window.session.emphasis.tone["A"]
    texts = [chips.item(k).text() for k in range(chips.count())]
    tips = [chips.item(k).toolTip() for k in range(chips.count())]
    assert any(t.startswith("Upbeat mood") for t in texts)
    assert any("look like a success" in tip for tip in tips)
