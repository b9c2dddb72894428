"""Any reasonable input to a Readout: .txt/.md, .html/.htm, .docx, .pdf, standard input, or a URL.

Each input is held to the limits of limits.py (20 MB read, 1,000,000 characters and 50,000
lines of text, and per format); only regular files are opened (a FIFO without a writer would
block for ever, a device never ends: fsutil.read_regular). Every failure is an InputError with a
plain reason.

A reader's library loads when its format is first read (pypdf, python-docx, lxml, bs4 and
readability cost about 170 ms to import, which a pair of .txt files never needs).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from viewer.errors import InputError
from viewer.fsutil import read_regular
from viewer.ingest.encoding import Decoded, UndecodableError, decode_bytes
from viewer.ingest.limits import FETCH_TIMEOUT, MAX_BYTES, MAX_PARAGRAPHS, MAX_TEXT_CHARS, too_large, too_many
from viewer.ingest.plain import normalize_text, split_header
from viewer.lang.script import ENDS_RUNNING_TEXT
from viewer.langcode import language_code
from viewer.model import Readout
from viewer.printable import printable

__all__ = ["MAX_BYTES", "FETCH_TIMEOUT", "read_source", "readout_from_text"]

LABEL_CHARS = 60  # room for "Ministry of Foreign Affairs of the Russian Federation"
TITLE_CHARS = 300  # a first line this long alone in its paragraph, without final punctuation, is the headline
STDIN = "standard input"

_EXTENSION_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# Signatures of binary files people drop by mistake, to name what they dropped.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a zip archive, not a Word document"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Office file (.doc); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or text"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ADDRESS = re.compile(r"https?://[^\s<>\"]+", re.I)


def read_source(
    spec: str, *, label: str | None = None, max_bytes: int = MAX_BYTES, timeout: float = FETCH_TIMEOUT
) -> Readout:
    """Read a path, "-" (standard input) or an http(s) URL; `timeout` applies to URLs only."""
    if spec == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_read(STDIN, data, max_bytes)
        readout = _from_bytes(data, STDIN, "txt")
        readout.source = None
        return _finish(readout, label, STDIN)
    if re.match(r"^https?://", spec, re.I):
        return _finish(_from_url(spec, max_bytes, timeout), label, _url_name(spec))
    return _finish(_from_path(spec, max_bytes), label, Path(spec).stem)


def readout_from_text(text: str, *, label: str, source: str | None = None) -> Readout:
    """A readout from pasted text."""
    text = normalize_text(text)
    if not text.strip():
        raise InputError(source or label or "pasted text", "is empty")
    _check_text(source or label or "pasted text", text)
    return Readout(text=text, label=label, source=source, metadata={"format": "text"})


def _from_path(spec: str, max_bytes: int) -> Readout:
    path = Path(spec).expanduser()
    try:
        data, size = read_regular(path, spec, max_bytes)
        if size > max_bytes:
            raise InputError(spec, too_large(max_bytes, size))
    except FileNotFoundError:
        raise InputError(spec, "no such file") from None
    except PermissionError:
        raise InputError(spec, "permission denied") from None
    except OSError as exc:
        raise InputError(spec, f"cannot be read ({exc.strerror or exc})") from None
    _check_read(spec, data, max_bytes)
    readout = _from_bytes(data, spec, _EXTENSION_FORMATS.get(path.suffix.lower()))
    readout.source = spec
    return readout


def _from_url(url: str, max_bytes: int, timeout: float) -> Readout:
    from viewer.ingest.fetch import FetchError, fetch

    try:
        fetched = fetch(url, max_bytes=max_bytes, timeout=timeout)
    except FetchError as exc:
        raise InputError(url, str(exc)) from None
    fmt = "txt" if fetched.content_type in ("text/plain", "text/markdown") else "html"
    readout = _from_bytes(fetched.data, url, fmt, declared=fetched.charset)
    readout.source = url
    readout.metadata.update(url=fetched.url, content_type=fetched.content_type)
    return readout


def _from_bytes(data: bytes, name: str, fmt: str | None, declared: str | None = None) -> Readout:
    """Bytes in the given format (None: sniff it) to a readout; source and label are set by the caller."""
    if not data:
        raise InputError(name, "is empty")
    fmt = fmt or _sniff(data)
    if fmt == "docx":
        readout = _docx(data, name)
    elif fmt == "pdf":
        readout = _pdf(data, name)
    else:
        _refuse_binary(data, name)
        decoded = _decode(data, name, declared if declared else _declared_html_charset(data, fmt))
        if fmt == "html":
            from viewer.ingest.html import HtmlOverLimit, extract_article

            try:
                article = extract_article(decoded.text)
            except HtmlOverLimit as exc:
                raise InputError(name, str(exc)) from None
            readout = Readout(
                text=normalize_text(article.text),
                title=article.title,
                publisher=article.publisher,
                date=article.date,
            )
        else:
            readout = _plain(normalize_text(decoded.text), name)
        readout.metadata["encoding"] = decoded.encoding
    readout.metadata["format"] = fmt
    readout.metadata["bytes"] = str(len(data))
    if not readout.text.strip():
        raise InputError(name, "has no text" if fmt in ("html", "docx") else "contains only whitespace")
    _check_text(name, readout.text)
    return readout


def _check_text(name: str, text: str) -> None:
    """The limits on what the analysis gets, whatever the format: characters and lines of text."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(name, too_many("characters of text", len(text), MAX_TEXT_CHARS))
    if text.count("\n") >= MAX_PARAGRAPHS:  # cheap first: blank lines do not count
        lines = sum(1 for line in text.split("\n") if line.strip())
        if lines > MAX_PARAGRAPHS:
            raise InputError(name, too_many("lines of text", lines, MAX_PARAGRAPHS))


def _plain(text: str, name: str) -> Readout:
    """A text file, with its metadata header (if any) taken out of the text; a short first line
    without final punctuation is the title."""
    header, text = split_header(text)
    if header.get("language"):
        try:
            header["language"] = language_code(header["language"])
        except ValueError as exc:
            raise InputError(name, f"header line language: {exc}") from None
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    # a headline may run long ("Readout of National Security Advisor …'s Meeting with …") when it
    # stands as a paragraph of its own
    room = TITLE_CHARS if rest.startswith("\n") else 150
    title = header.get("title") or (first if len(first) <= room and not ENDS_RUNNING_TEXT.search(first) else None)
    readout = Readout(
        text=text,
        title=title or None,
        publisher=header.get("publisher") or header.get("author"),
        date=header.get("date"),
        language=header.get("language"),
    )
    readout.metadata.update({f"header_{k}": v for k, v in header.items()})
    address = _ADDRESS.match(header.get("source") or header.get("url") or "")
    if address:  # "https://… (stored copy: …)": the address to cite; the file stays the source
        readout.metadata["address"] = address.group()
    if header.get("label"):
        readout.label = header["label"]
    return readout


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if head.startswith(b"PK\x03\x04"):
        from viewer.ingest.docx_reader import is_docx_zip

        if is_docx_zip(data):
            return "docx"
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "txt"


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"is {what}, not a text")
    if b"\x00" in data[:65536] and not data.startswith(_UTF16_BOMS):
        raise InputError(name, "is a binary file, not a text")


def _declared_html_charset(data: bytes, fmt: str) -> str | None:
    if fmt != "html":
        return None
    from bs4.dammit import EncodingDetector

    return EncodingDetector.find_declared_encoding(data[:4096], is_html=True)


def _decode(data: bytes, name: str, declared: str | None) -> Decoded:
    try:
        return decode_bytes(data, declared)
    except UndecodableError as exc:
        raise InputError(name, f"cannot be decoded: {exc}") from None


def _docx(data: bytes, name: str) -> Readout:
    from viewer.ingest.docx_reader import CorruptDocx, DocxOverLimit, is_docx_zip, read_docx

    if not is_docx_zip(data):
        raise InputError(name, "is not a Word document (.docx) or is damaged")
    try:
        content = read_docx(data)
    except CorruptDocx as exc:
        raise InputError(name, f"is a damaged Word document ({exc})") from None
    except DocxOverLimit as exc:
        raise InputError(name, str(exc)) from None
    return Readout(
        text=content.text,
        title=content.title,
        publisher=content.author,
        date=content.created,
        metadata={"author": content.author or "", "created": content.created or ""},
    )


def _pdf(data: bytes, name: str) -> Readout:
    from viewer.ingest.pdf import PdfProblem, read_pdf

    if not data.lstrip().startswith(b"%PDF-"):
        raise InputError(name, "is not a PDF file")
    try:
        content = read_pdf(data)
    except PdfProblem as exc:
        raise InputError(name, str(exc)) from None
    return Readout(
        text=normalize_text(content.text),
        title=content.title,
        publisher=content.author,
        metadata={"pages": str(content.pages)},
    )


def _check_read(name: str, data: bytes, max_bytes: int) -> None:
    """After reading at most max_bytes + 1: a full read means the input did not fit."""
    if len(data) > max_bytes:
        raise InputError(name, too_large(max_bytes))


def _url_name(url: str) -> str:
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
    return os.path.splitext(last)[0] or parts.hostname or url


def _finish(readout: Readout, label: str | None, fallback: str) -> Readout:
    """The label, and metadata that a file's properties may fill with control characters, made
    safe to show (a label may come from a file name that is not text)."""
    for key in ("title", "publisher", "date"):
        if value := getattr(readout, key):
            setattr(readout, key, normalize_text(value))
    label = label or readout.label or _publisher_name(readout.publisher) or _short(readout.title) or fallback
    readout.label = printable(label)
    return readout


def _publisher_name(publisher: str | None) -> str | None:
    """"The White House" from "The White House, Briefing Room (Statements and Releases)"."""
    if not publisher:
        return None
    name = re.split(r"\s*(?:[,(/|;]|\s[-–—]\s)", publisher, maxsplit=1)[0].strip()
    return _short(name) if len(name) >= 2 else None


def _short(title: str | None) -> str | None:
    """The title cut at a word boundary to fit a pane header."""
    if not title:
        return None
    title = " ".join(title.split())
    if len(title) <= LABEL_CHARS:
        return title
    cut = title[:LABEL_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-–—") + "…"
