"""Hostile files of every format, made here: each is refused at once with one plain line naming
the file and the reason (or read whole), never a traceback, a hang or text silently lost."""

from __future__ import annotations

import os

import pytest

from tests.hostile_files import docx_with, encrypted_pdf, pdf_pages, pdf_pages_loop
from viewer.errors import InputError
from viewer.ingest import read_source, readout_from_text
from viewer.ingest.limits import (
    MAX_BYTES,
    MAX_DOCX_PARTS,
    MAX_HTML_DEPTH,
    MAX_PARAGRAPHS,
    MAX_PDF_CONTENT,
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
)


def refused(tmp_path, name: str, data: bytes | str, reason: str) -> InputError:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(InputError, match=reason) as caught:
        read_source(str(path))
    assert caught.value.source == str(path)
    assert "\n" not in str(caught.value)
    return caught.value


# --- .docx -----------------------------------------------------------------------------------

def test_a_docx_zip_bomb_is_refused_by_its_unpacked_size(tmp_path):
    bomb = docx_with(b"<w:p/>" * (12 * 1024 * 1024))  # 72 MB of XML, 100 KB zipped
    assert len(bomb) < 1024 * 1024
    refused(tmp_path, "bomb.docx", bomb, r"too large unpacked: 7\d,\d{3},\d{3} bytes, the limit is 67,108,864")


def test_a_bomb_that_lies_about_its_size_is_stopped_by_the_checksum(tmp_path):
    refused(tmp_path, "liar.docx", docx_with(lying_size=True), "damaged Word document")


def test_a_docx_of_too_many_parts(tmp_path):
    parts = {f"customXml/item{k}.bin": b"" for k in range(MAX_DOCX_PARTS + 1)}
    refused(tmp_path, "parts.docx", docx_with(extra=parts), "too many parts")


def test_a_docx_of_a_million_paragraphs_is_refused_before_parsing(tmp_path):
    refused(tmp_path, "million.docx", docx_with(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 1_000_000), "too many XML tags")


def test_a_docx_without_a_body_has_no_text(tmp_path):
    refused(tmp_path, "nobody.docx", docx_with(None), "has no text")


# --- .html -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("tag", "depth"), [("article", 100_000), ("b", 1_000), ("div", 300), ("div", MAX_HTML_DEPTH + 1)])
def test_deeply_nested_pages_are_refused_by_depth_or_size(tmp_path, tag, depth):
    page = f"<html><body><article>{f'<{tag}>' * depth}Deep text.{f'</{tag}>' * depth}</article></body></html>"
    refused(tmp_path, "deep.html", page, "nests its elements too deeply|too many HTML tags")


def test_nesting_within_the_limit_loses_nothing(tmp_path):
    depth = MAX_HTML_DEPTH - 10
    path = tmp_path / "nested.html"
    path.write_text(f"<html><body>{'<div>' * depth}Deep text.{'</div>' * depth}</body></html>", encoding="utf-8")
    assert read_source(str(path)).text == "Deep text."


def test_a_million_paragraphs_of_html_are_refused_at_once(tmp_path):
    refused(tmp_path, "million.html", "<html><body>" + "<p>x</p>" * 1_000_000 + "</body></html>", "too many HTML tags")


def test_text_after_an_embed_is_kept(tmp_path):
    path = tmp_path / "embed.html"
    path.write_text("<html><body><article><p>Before the embed. <embed src=x> After the embed.</p>"
                    "<p>Next paragraph.</p></article></body></html>", encoding="utf-8")
    text = read_source(str(path)).text
    assert "After the embed." in text and "Next paragraph." in text


@pytest.mark.parametrize("page", ["<!-- only a comment -->",
                                  '<?xml version="1.0" encoding="utf-8"?><html><body><p>The ministers met.</p></body></html>'])
def test_library_chatter_stays_off_standard_error(tmp_path, page, capfd):
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    try:
        read_source(str(path))
    except InputError:
        pass
    assert capfd.readouterr().err == ""


# --- .pdf ------------------------------------------------------------------------------------

def test_pages_sharing_one_huge_stream_are_refused_by_content_size(tmp_path):
    content = b"0 0 m\n" * (MAX_PDF_CONTENT // 6 // 4)  # a quarter of the limit, drawn by each page
    refused(tmp_path, "shared.pdf", pdf_pages(5, content), "too much page content")


def test_too_many_pages(tmp_path):
    refused(tmp_path, "pages.pdf", pdf_pages(MAX_PDF_PAGES + 1), "too many pages: 1,001")


@pytest.mark.parametrize(("name", "data"), [
    ("filter.pdf", pdf_pages(1, filters=b"/NoSuchDecode")),
    ("loop.pdf", pdf_pages_loop()),
    ("deep.pdf", pdf_pages(1, catalog_extra=b"/Deep " + b"[" * 100_000 + b"]" * 100_000 + b" ")),
])
def test_broken_pdfs_are_not_readable_pdfs(tmp_path, name, data):
    refused(tmp_path, name, data, "not a readable PDF|has no text layer")


def test_an_aes_pdf_with_the_empty_password_is_read(tmp_path):
    path = tmp_path / "aes.pdf"
    path.write_bytes(encrypted_pdf(""))
    assert read_source(str(path)).text == "The ministers met in Geneva."


def test_an_aes_pdf_with_a_password_says_so(tmp_path):
    refused(tmp_path, "secret.pdf", encrypted_pdf("secret"), "encrypted with a password")


def test_pdf_warnings_stay_off_standard_error(tmp_path, capfd):
    path = tmp_path / "broken.pdf"
    path.write_bytes(pdf_pages(1).replace(b"startxref", b"startxref\n99999999\n%"))  # a wrong xref offset
    try:
        read_source(str(path))
    except InputError:
        pass
    assert capfd.readouterr().err == ""


# --- any file ------------------------------------------------------------------------------

def test_a_fifo_without_a_writer_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="named pipe"):
        read_source(str(fifo))


def test_a_device_is_refused():
    with pytest.raises(InputError, match="is a device"):
        read_source("/dev/zero")


def test_exact_sizes_in_the_size_message(tmp_path):
    error = refused(tmp_path, "big.txt", b"x" * (MAX_BYTES + 1), "too large")
    assert error.reason == "is too large: 20,971,521 bytes, the limit is 20,971,520 bytes (20 MB)"


def test_too_much_text_and_too_many_lines(tmp_path):
    refused(tmp_path, "long.txt", "word " * (MAX_TEXT_CHARS // 5 + 1), "too many characters of text")
    refused(tmp_path, "lines.txt", "x\n" * (MAX_PARAGRAPHS + 1), "too many lines of text: 50,001")
    with pytest.raises(InputError, match="too many lines"):
        readout_from_text("x\n" * (MAX_PARAGRAPHS + 1), label="pasted")


@pytest.mark.parametrize("value", ["../../etc", "x" * 5_000, "english"])
def test_a_header_language_that_is_no_code_is_refused(tmp_path, value):
    refused(tmp_path, "header.txt", f"language: {value}\ndate: 2024-03-12\n\nThe ministers met.\n",
            "header line language: unknown language code")


def test_a_header_language_code_is_kept(tmp_path):
    path = tmp_path / "header.txt"
    path.write_text("language: zh-Hant\ndate: 2024-03-12\n\n雙方會談。\n", encoding="utf-8")
    assert read_source(str(path)).language == "zh-hant"
