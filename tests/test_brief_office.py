"""The brief in LibreOffice: its PDF, its tracked changes accepted and rejected by LibreOffice itself,
and every soffice run on a profile of its own, so that another LibreOffice running does no harm.

Skipped when soffice (LibreOffice) or pdftotext (poppler-utils) is not installed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from xml.sax.saxutils import escape

import pytest
from brief_fixtures import chinese_pair, moved_pair, versions_pair

from viewer.report.brief import write_brief, write_brief_pdf
from viewer.report.brief.office import run_soffice, soffice

pytestmark = pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed")

# A Basic macro in the test's own LibreOffice profile: open the brief hidden, accept or reject
# every tracked change, save it as UTF-8 text.
_MACRO = """Sub Revise(inUrl As String, outUrl As String, command As String)
  Dim hidden(0) As New com.sun.star.beans.PropertyValue
  hidden(0).Name = "Hidden" : hidden(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, hidden())
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  dispatcher.executeDispatch(doc.CurrentController.Frame, command, "", 0, Array())
  Dim text(1) As New com.sun.star.beans.PropertyValue
  text(0).Name = "FilterName" : text(0).Value = "Text (encoded)"
  text(1).Name = "FilterOptions" : text(1).Value = "UTF8,LF,,,"
  doc.storeToURL(outUrl, text())
  doc.close(True)
End Sub
"""


def pdf_text(pdf) -> str:
    """The PDF's text, every run of spaces and line breaks one space, pages apart by form feeds."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "\f".join(" ".join(page.split()) for page in text.split("\f"))


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_pdf_of_chinese_and_versions_briefs_with_numbered_pages(tmp_path):
    for name, c in (("zh", chinese_pair()), ("versions", versions_pair())):
        pdf = tmp_path / f"{name}.pdf"
        write_brief_pdf(c, pdf)
        assert pdf.read_bytes().startswith(b"%PDF")
        text = pdf_text(pdf)
        for heading in ("Appendix: the full texts", "How to read this brief"):
            assert heading in text
        pages = text.rstrip("\f ").count("\f") + 1
        assert "page 1 of" in text and f"page {pages} of {pages}" in text  # the footer's PAGE and NUMPAGES
        if name == "zh":
            assert "不可逾越的红线" in text and "外交部" in text
        else:
            assert "They will meet again in June" in text and "(tracked changes)" in text


def _revised(docx, profile, command: str):
    out = docx.with_suffix(f".{command}.txt")
    run_soffice([f'macro:///Standard.Module1.Revise("{docx.as_uri()}","{out.as_uri()}",".uno:{command}")'], profile)
    return out.read_text(encoding="utf-8")


def _tracked_section(text: str) -> list[str]:
    body = lines(text)
    start = next(k for k, line in enumerate(body) if line.startswith("The second text as tracked changes"))
    end = next(k for k, line in enumerate(body) if line == "Appendix: the full texts")
    return body[start + 1:end]


def test_libreoffice_accepting_all_gives_the_second_text_and_rejecting_all_the_first(tmp_path):
    profile = tmp_path / "profile"
    c = moved_pair()
    docx = tmp_path / "moved.docx"
    write_brief(c, docx)
    # a first run builds the profile; then the macro goes into its Standard library
    run_soffice(["--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)], profile)
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    module.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC '
                      '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n<script:module '
                      'xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
                      f'script:language="StarBasic">{escape(_MACRO)}</script:module>', encoding="utf-8")
    assert _tracked_section(_revised(docx, profile, "AcceptAllTrackedChanges")) == lines(c.b.text)
    assert _tracked_section(_revised(docx, profile, "RejectAllTrackedChanges")) == lines(c.a.text)


def test_a_pdf_is_made_while_another_libreoffice_runs(tmp_path, monkeypatch):
    """The user's own LibreOffice holds the default profile (in a HOME of the test's own here);
    an export on that profile would fail, the export's own profile does not care."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    other = subprocess.Popen([soffice(), "--headless", "--norestore", "--invisible"], start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        profile = tmp_path / "home" / ".config" / "libreoffice"
        for _ in range(600):  # wait (at most a minute) until it holds its profile
            if other.poll() is not None or any(profile.rglob(".lock")):
                break
            time.sleep(0.1)
        assert other.poll() is None, "the other LibreOffice should be running"
        pdf = tmp_path / "brief.pdf"
        write_brief_pdf(chinese_pair(), pdf)
        assert other.poll() is None and "不可逾越的红线" in pdf_text(pdf)
    finally:  # the wrapper script and the soffice.bin it started: the group this test made
        os.killpg(other.pid, signal.SIGTERM)
        other.wait(timeout=60)
