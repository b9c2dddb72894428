"""Each traceback the hostile-input audit found, at its cause: two-word texts, deeply nested
JSON, a project whose label is not text, control characters that no Word file accepts."""

from __future__ import annotations

import io
import json
import math

import docx
import pytest

from viewer.analysis import compare
from viewer.cli import main
from viewer.emphasis.distinctive import log_odds_z
from viewer.errors import InputError
from viewer.fsutil import MAX_JSON_DEPTH, read_json
from viewer.ingest import read_source
from viewer.model import Readout
from viewer.project import load_project
from viewer.report.brief import brief_bytes

PROJECT = {"format": "counterpart.project", "version": 1,
           "readouts": {"A": {"label": "A", "text": "The ministers met."}, "B": {"label": "B", "text": "They met."}}}


def test_two_two_word_texts_sharing_their_only_word():
    c = compare(Readout("said said", label="A"), Readout("the said", label="B"))
    assert c.distinctive == {"A": [], "B": []}  # the only word of both is no one's own


def test_a_word_that_is_every_counted_word_has_no_contrast():
    assert log_odds_z(2, 1, 2, 1, 0.3) == 0.0
    assert math.isfinite(log_odds_z(2, 0, 2, 5, 0.7))  # every word of one side only: defined


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 100_000])
def test_deeply_nested_json_is_refused_in_one_line(tmp_path, depth):
    path = tmp_path / "notes.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    with pytest.raises(InputError, match=f"nests more than {MAX_JSON_DEPTH} levels deep"):
        read_json(path, "a notes file")


def test_nesting_within_the_limit_is_read(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, encoding="utf-8")
    assert read_json(path, "a notes file") is not None


@pytest.mark.parametrize("label", [123, [1], {"x": 1}])
def test_a_project_label_that_is_not_text_is_refused(tmp_path, label, capsys):
    path = tmp_path / "talks.counterpart"
    path.write_text(json.dumps({**PROJECT, "readouts": {**PROJECT["readouts"], "A": {"label": label, "text": "x"}}}))
    with pytest.raises(InputError, match='"label" must be text'):
        load_project(path)
    assert main(["compare", str(path), str(path), "--project", str(path)]) == 2


def test_the_window_reports_a_project_whose_label_is_a_number(qtbot, tmp_path, monkeypatch):
    from app_fixtures import shown_window

    path = tmp_path / "talks.counterpart"
    path.write_text(json.dumps({**PROJECT, "readouts": {**PROJECT["readouts"], "A": {"label": 123, "text": "x"}}}))
    window = shown_window(qtbot)
    errors = []
    monkeypatch.setattr(window, "error", lambda title, message: errors.append(message))
    assert not window.session.open_project(str(path))
    assert errors and '"label" must be text' in errors[0]


def test_control_characters_are_read_as_spaces_and_the_brief_accepts_the_text(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"The ministers met\x0cin Geneva.\x1b[31m They agreed\x0bto meet again.\x01")
    readout = read_source(str(path))
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in readout.text)
    c = compare(readout, Readout("The ministers met in Geneva.", label="B"))
    assert docx.Document(io.BytesIO(brief_bytes(c))).paragraphs


def test_lone_surrogates_escaped_in_json_become_replacement_characters(tmp_path):
    path = tmp_path / "talks.counterpart"
    path.write_text(json.dumps({**PROJECT, "readouts": {
        "A": {"label": "A\udc00", "text": "The ministers\ud800 met.", "metadata": {"k\udfff": "v"}},
        "B": PROJECT["readouts"]["B"]}}), encoding="utf-8")
    project = load_project(path)
    assert project.a.label == "A\ufffd" and project.a.text == "The ministers\ufffd met."
    assert project.a.metadata == {"k\ufffd": "v"}
    json.dumps(project.a.metadata, ensure_ascii=False).encode("utf-8")


def test_a_fifo_given_as_a_notes_file_is_refused_without_waiting(tmp_path):
    import os

    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe"):
        read_json(fifo, "a notes file")


def test_a_title_and_notes_with_control_characters_make_a_brief():
    from viewer.model import Annotation

    c = compare(Readout("The ministers met in Geneva.", label="A\x07"), Readout("They met.", label="B"))
    notes = [Annotation("A", 4, 13, "ministers", "a\x08note\x00", tag="t\x1b", author="R\x01", id="n")]
    assert docx.Document(io.BytesIO(brief_bytes(c, notes=notes, title="Call\x0c of 2 April"))).comments
