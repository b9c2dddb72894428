"""The command line end to end: JSON shape of OUTPUT.md, the summary, bad inputs as one line + exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.ingest import read_source
from viewer.paths import RESOURCES

DEMO_A = str(RESOURCES / "demo" / "state-department.txt")
DEMO_B = str(RESOURCES / "demo" / "foreign-ministry.txt")
ROOT = Path(__file__).resolve().parent.parent


def _json(capsys, *args: str) -> dict:
    assert main(["compare", *args, "--json", "-"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_the_fields_of_output_md(capsys):
    data = _json(capsys, DEMO_A, DEMO_B, "--label-a", "State", "--label-b", "MFA")
    assert data["format"] == "counterpart.comparison" and data["version"] == 1
    assert data["mode"] == "readouts"
    for side, label in (("A", "State"), ("B", "MFA")):
        r = data["readouts"][side]
        assert r["label"] == label and r["language"] == "en" and r["words"] > 150
        text = read_source(DEMO_A if side == "A" else DEMO_B).text
        for s in r["sentences"]:
            assert text[s["start"] : s["end"]] == s["text"]
    assert data["links"], "the demo pair has passages in common"
    for link in data["links"]:
        assert link["kind"] in {"identical", "reworded", "related", "moved"}
        assert 0 <= link["score"] <= 1
        a_text = " ".join(data["readouts"]["A"]["sentences"][i]["text"] for i in link["a"])
        assert "".join(t for op, t in link["diff"] if op <= 0) == a_text
    linked_a = {i for link in data["links"] for i in link["a"]}
    assert not linked_a & set(data["unmatched"]["A"])
    for key in ("topics", "speakers", "tone", "distinctive", "findings"):
        assert key in data
    for f in data["findings"]:
        assert f["evidence"], f"finding without evidence: {f['text']}"
    weights = [f["weight"] for f in data["findings"]]
    assert weights == sorted(weights, reverse=True)


def test_forced_language_and_mode(capsys):
    data = _json(capsys, DEMO_A, DEMO_A, "--mode", "readouts", "--lang-b", "en")
    assert data["mode"] == "readouts"
    data = _json(capsys, DEMO_A, DEMO_A)
    assert data["mode"] == "versions"
    assert all(link["kind"] == "identical" for link in data["links"])


def test_summary_names_the_sides_and_findings(capsys):
    assert main(["compare", DEMO_A, DEMO_B, "--label-a", "State", "--label-b", "MFA"]) == 0
    out = capsys.readouterr().out
    assert "State" in out and "MFA" in out and "Links:" in out and "Main findings:" in out


def test_json_written_to_a_file(tmp_path, capsys):
    out = tmp_path / "c.json"
    assert main(["compare", DEMO_A, DEMO_B, "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "counterpart.comparison"


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "folder"),
        (lambda d: (d / "empty.txt").write_text("  \n") and d / "empty.txt", "empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, make, reason):
    bad = make(tmp_path)
    out = tmp_path / "out.json"
    assert main(["compare", str(bad), DEMO_B, "--json", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(bad) in err and reason in err.lower()
    assert not out.exists(), "nothing is written when an input fails"


def test_usage_error_exits_2_without_traceback():
    run = subprocess.run(
        [sys.executable, "-m", "viewer", "compare", "only-one.txt"], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_binary_input_from_a_subprocess_gives_no_traceback(tmp_path):
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    run = subprocess.run(
        [sys.executable, "-m", "viewer", "compare", str(png), DEMO_B], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert str(png) in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_standard_input_as_one_side(capsys, monkeypatch):
    import io

    text = Path(DEMO_B).read_text(encoding="utf-8")  # with its header: read from stdin like a file
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    data = _json(capsys, DEMO_A, "-")
    assert data["readouts"]["B"]["source"] is None
    assert len(data["readouts"]["B"]["sentences"]) > 5


def test_user_lexicon_adds_a_topic(tmp_path, capsys):
    lexicon = tmp_path / "mine.toml"
    lexicon.write_text(
        'language = "en"\n\n[topic.fentanyl-trade]\nlabel = "Fentanyl supply chain"\n'
        'terms = ["fentanyl", "precursor chemicals"]\n',
        encoding="utf-8",
    )
    data = _json(capsys, DEMO_A, DEMO_B, "--lexicon", str(lexicon))
    topic = next(t for t in data["topics"] if t["id"] == "fentanyl-trade")
    assert topic["sentences"]["A"] and not topic["sentences"]["B"]


def test_a_lexicon_error_names_file_and_line(tmp_path, capsys):
    lexicon = tmp_path / "bad.toml"
    lexicon.write_text('language = "en"\n[topic.x]\nterms = ["a"\n', encoding="utf-8")
    assert main(["compare", DEMO_A, DEMO_B, "--lexicon", str(lexicon)]) == 2
    err = capsys.readouterr().err.strip()
    assert str(lexicon) in err and "line" in err and len(err.splitlines()) == 1


def test_an_unknown_language_code_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["compare", DEMO_A, DEMO_B, "--lang-a", "xx"])
    assert exit_.value.code == 2
    assert "unknown language code 'xx'" in capsys.readouterr().err


def test_two_sides_with_one_label_are_told_apart(capsys):
    data = _json(capsys, DEMO_A, DEMO_B, "--label-a", "Ministry", "--label-b", "Ministry")
    # told apart by whose account each is, never by the file name
    assert data["readouts"]["A"]["label"] == "Ministry (United States)"
    assert data["readouts"]["B"]["label"] == "Ministry (China)"


def test_a_text_compared_with_itself_says_so(capsys):
    assert main(["compare", DEMO_A, DEMO_A]) == 0
    assert "The two texts are identical" in capsys.readouterr().out


def test_json_source_is_the_address_the_header_gives_or_the_path(tmp_path, capsys):
    text = Path(DEMO_A).read_text(encoding="utf-8")
    cited = tmp_path / "cited.txt"
    cited.write_text("source: https://example.org/readout (stored copy)\n" + text, encoding="utf-8")
    data = _json(capsys, str(cited), DEMO_B)
    assert data["readouts"]["A"]["source"] == "https://example.org/readout"
    assert data["readouts"]["B"]["source"] == DEMO_B


def test_pdf_needs_libreoffice_and_no_brief_is_written_without_it(tmp_path, capsys, monkeypatch):
    from viewer.report.brief import office

    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    docx, pdf = tmp_path / "brief.docx", tmp_path / "brief.pdf"
    assert main(["compare", DEMO_A, DEMO_B, "--docx", str(docx), "--pdf", str(pdf)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"counterpart: {pdf}: a PDF needs LibreOffice, which is not installed: install LibreOffice " \
                  "(Debian: apt-get install libreoffice-writer-nogui)"
    assert not list(tmp_path.iterdir())


def test_brief_outputs_are_all_checked_before_any_is_written(tmp_path, capsys):
    docx, pdf = tmp_path / "brief.docx", tmp_path / "brief.pdf"
    pdf.write_bytes(b"keep me")
    assert main(["compare", DEMO_A, DEMO_B, "--docx", str(docx), "--pdf", str(pdf)]) == 2
    assert "exists; use --force to overwrite" in capsys.readouterr().err
    assert pdf.read_bytes() == b"keep me" and not docx.exists()
    assert main(["compare", DEMO_A, DEMO_B, "--docx", str(docx), "--pdf", str(docx)]) == 2
    assert "--docx and --pdf name the same file" in capsys.readouterr().err


def test_author_goes_into_the_brief_properties(tmp_path, capsys):
    import docx as python_docx

    out = tmp_path / "brief.docx"
    assert main(["compare", DEMO_A, DEMO_B, "--docx", str(out), "--author", "R. Analyst"]) == 0
    assert f"Brief written to {out}" in capsys.readouterr().out
    props = python_docx.Document(str(out)).core_properties
    assert props.author == props.last_modified_by == "R. Analyst"
