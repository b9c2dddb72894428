"""Project files: round trip, versioned format, atomic writes, bad files, re-anchoring notes."""

from __future__ import annotations

import json
import os

import pytest

from viewer import fsutil
from viewer.errors import InputError, OutputError
from viewer.model import Annotation, Readout
from viewer.project import FORMAT, VERSION, Project, load_project, reanchor, save_project

TEXT_A = "The envoys met in Tallinn.  They spoke frankly about fishing quotas.\n\nThey agreed to meet again."
TEXT_B = "Les envoyés se sont rencontrés à Tallinn. Ils ont parlé des quotas de pêche. 会谈是坦率的。"


def make_project() -> Project:
    a = Readout(text=TEXT_A, label="Northland", title="Envoys meet", publisher="Northland MFA",
                date="2025-05-01", source="/tmp/a.txt", language=None, metadata={"url": "https://example.org/a"})
    b = Readout(text=TEXT_B, label="Southland", language="fr")
    start = TEXT_A.index("spoke frankly")
    note = Annotation(side="A", start=start, end=start + len("spoke frankly"), quote="spoke frankly",
                      note="B says nothing of frankness", tag="tone", author="R. Analyst",
                      created="2025-05-02T10:00:00+00:00", id="n1")
    z = TEXT_B.index("坦率")
    note_b = Annotation(side="B", start=z, end=z + 2, quote="坦率", note="candid", tag="wording", id="n2")
    return Project(a=a, b=b, mode="readouts", lexicons=["/tmp/mine.toml"], annotations=[note, note_b])


def test_round_trip_keeps_texts_metadata_settings_and_notes(tmp_path):
    project = make_project()
    path = tmp_path / "meeting.counterpart"
    save_project(project, path, force=False)
    loaded = load_project(path)
    assert loaded == project
    assert loaded.options() == {"mode": "readouts", "lexicons": ["/tmp/mine.toml"]}


def test_file_is_versioned_json_with_language_overrides_in_settings(tmp_path):
    path = tmp_path / "p.json"
    save_project(make_project(), path, force=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == (FORMAT, VERSION) == ("counterpart.project", 1)
    assert data["settings"]["languages"] == {"A": None, "B": "fr"}
    assert data["readouts"]["B"]["text"] == TEXT_B  # stored whole, not as a path
    assert "坦率" in path.read_text(encoding="utf-8")  # readable UTF-8, not \u escapes


def test_newer_version_and_foreign_files_are_refused_plainly(tmp_path):
    path = tmp_path / "p.json"
    save_project(make_project(), path, force=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="newer than this Counterpart reads"):
        load_project(path)
    path.write_text(json.dumps({"format": "counterpart.comparison", "version": 1}), encoding="utf-8")
    with pytest.raises(InputError, match="not a Counterpart project"):
        load_project(path)


@pytest.mark.parametrize("content, reason", [
    (b"{\"format\": \"counterpart.project\", ", "invalid JSON at line 1"),
    (b"\xff\xfe\x00binary", "not UTF-8"),
    (b"[]", "not a Counterpart project"),
    (b'{"format": "counterpart.project", "version": "1"}', '"version" must be a whole number'),
    (b'{"format": "counterpart.project", "version": 1, "readouts": {"A": {"text": "x"}}}', '"readouts.B" must be'),
])
def test_bad_project_files_raise_input_error_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "bad.counterpart"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_project(path)
    assert info.value.source == str(path)
    assert reason in info.value.reason


def test_bad_annotation_is_located(tmp_path):
    path = tmp_path / "p.json"
    save_project(make_project(), path, force=False)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotations"][1]["side"] = "C"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match='annotation 2: "side" must be "A" or "B"'):
        load_project(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_project(tmp_path / "nothing.counterpart")
    with pytest.raises(InputError, match="folder"):
        load_project(tmp_path)


def test_save_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "p.json"
    save_project(make_project(), path, force=False)
    with pytest.raises(OutputError, match="exists"):
        save_project(make_project(), path, force=False)
    save_project(make_project(), path, force=True)


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    save_project(make_project(), path, force=False)
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    changed = make_project()
    changed.annotations = []
    with pytest.raises(OutputError, match="No space left"):
        save_project(changed, path, force=True)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["p.json"]  # no temporary file left behind


def test_reanchor_follows_the_quote_when_the_text_changed():
    project = make_project()
    edited = "Update: the envoys met in Tallinn. They spoke  frankly about fishing quotas."
    notes = reanchor(project.annotations, {"A": edited, "B": TEXT_B})
    moved = notes[0]
    assert not moved.detached
    assert edited[moved.start:moved.end] == "spoke  frankly"  # found across changed whitespace
    assert notes[1] == project.annotations[1]  # side B unchanged: span kept as it was


def test_reanchor_takes_the_nearest_occurrence():
    text = "quotas here. " * 3 + "quotas there."
    note = Annotation(side="A", start=28, end=34, quote="quotas", note="")
    (placed,) = reanchor([note], {"A": "x" + text, "B": ""})
    assert placed.start == 27  # the third occurrence, moved by one character
    assert not placed.detached


def test_quote_that_is_gone_keeps_the_note_flagged_detached(tmp_path):
    project = make_project()
    project.a = Readout(text="A wholly different text about rivers.", label="Northland")
    path = tmp_path / "p.json"
    save_project(project, path, force=False)
    loaded = load_project(path)
    assert len(loaded.annotations) == 2
    gone = loaded.annotations[0]
    assert gone.detached and gone.note == "B says nothing of frankness" and gone.quote == "spoke frankly"
    assert not loaded.annotations[1].detached
