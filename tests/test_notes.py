"""NOTES.json: notes anchored by quote, with plain errors for every way the file can be wrong."""

from __future__ import annotations

import json

import pytest
from brief_fixtures import chinese_pair, english_pair

from viewer.errors import InputError
from viewer.notes import anchor, load_notes


def write(tmp_path, data) -> str:
    path = tmp_path / "NOTES.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_anchor_exact_nth_and_whitespace_insensitive():
    text = "They met.  They met\nagain. They met."
    assert anchor(text, "They met") == (0, 8)
    assert anchor(text, "They met", occurrence=3) == (27, 35)
    assert anchor(text, "They met", occurrence=4) is None
    start, end = anchor(text, "met again.")
    assert text[start:end] == "met\nagain."
    assert anchor("两国 关系\n良好", "两国关系良好") == (0, 8)
    assert anchor(text, "   ") is None
    assert anchor(text, "absent") is None


def test_load_notes_anchors_each_note_on_its_side(tmp_path):
    c = english_pair()
    path = write(tmp_path, [
        {"side": "A", "quote": "red line", "note": "Harder than last year.", "author": "Ann Analyst", "tag": "tone"},
        {"side": "B", "quote": "Both sides   agreed", "note": "Same formula."},
        {"side": "B", "quote": "The", "note": "third one", "occurrence": 3},
    ])
    notes = load_notes(path, c)
    assert [(n.side, n.quote) for n in notes] == [("A", "red line"), ("B", "Both sides agreed"), ("B", "The")]
    assert c.a.text[notes[0].start:notes[0].end] == "red line"
    assert (notes[0].author, notes[0].tag, notes[0].note) == ("Ann Analyst", "tone", "Harder than last year.")
    assert notes[2].start == c.b.text.index("The talks")
    assert notes[1].created and notes[0].id != notes[1].id


def test_chinese_quote(tmp_path):
    c = chinese_pair()
    [note] = load_notes(write(tmp_path, [{"side": "A", "quote": "坦诚、建设性", "note": "语气"}]), c)
    assert c.a.text[note.start:note.end] == "坦诚、建设性"


@pytest.mark.parametrize("data, message", [
    ("[{", "not a notes file .invalid JSON at line 1"),
    ({"side": "A"}, "expected a list of notes"),
    (["x"], "note 1: expected an object"),
    ([{"side": "C", "quote": "red line"}], 'note 1: "side" must be "A" or "B"'),
    ([{"side": "A", "quote": ""}], 'note 1: "quote" must be'),
    ([{"side": "A", "quote": "red line", "note": 3}], 'note 1: "note" must be text'),
    ([{"side": "A", "quote": "red line", "occurrence": 0}], '"occurrence" must be a whole number'),
    ([{"side": "A", "quote": "red line"}, {"side": "B", "quote": "red line"}],
     'quote not found on side B: "red line"'),
    ([{"side": "A", "quote": "red line", "occurrence": 2}], 'quote not found on side A \\(occurrence 2\\)'),
])
def test_bad_files_give_one_plain_line(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(InputError, match=message) as err:
        load_notes(path, english_pair())
    assert str(err.value).startswith(path) and "\n" not in str(err.value)


def test_long_missing_quote_is_shortened_and_missing_file(tmp_path):
    with pytest.raises(InputError, match='"' + "x" * 59 + '…"$'):
        load_notes(write(tmp_path, [{"side": "A", "quote": "x" * 200}]), english_pair())
    with pytest.raises(InputError, match="file not found"):
        load_notes(tmp_path / "none.json", english_pair())


def test_cli_project_notes_are_reanchored_on_the_texts_compared(tmp_path, capsys):
    """A project saved on earlier texts: its comment follows its words to their new place."""
    import docx
    from test_brief import commented_text

    from viewer.cli import main
    from viewer.model import Annotation, Readout
    from viewer.project import Project, save_project

    old_a = "The ministers met in Vienna. They discussed trade and the northern islands."
    old_b = "The two ministers held talks in Vienna. Trade was discussed at length."
    quote = "the northern islands"
    start = old_a.index(quote)
    project = Project(a=Readout(old_a, label="Freedonia"), b=Readout(old_b, label="Sylvania"), annotations=[
        Annotation("A", start, start + len(quote), quote, "Islands named first here.", author="Ann Analyst"),
        Annotation("B", 0, 7, "The two", "Dropped in the edited text.", author="Ann Analyst"),
    ])
    save_project(project, tmp_path / "work.counterpart", force=False)
    new_a = "The foreign ministers met in Vienna on Monday. They discussed trade and the northern islands."
    new_b = "Ministers held talks in Vienna. Trade was discussed at length."
    (tmp_path / "a.txt").write_text(new_a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(new_b, encoding="utf-8")

    out = tmp_path / "brief.docx"
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--project",
                 str(tmp_path / "work.counterpart"), "--docx", str(out)]) == 0
    document = docx.Document(str(out))
    assert [c.text for c in document.comments] == ["Islands named first here."]
    assert list(commented_text(document).values()) == [quote]
    listed = [p.text for p in document.paragraphs if "Dropped in the edited text." in p.text]
    assert listed == ["B: “The two” — Dropped in the edited text. (Ann Analyst)"]
    capsys.readouterr()
