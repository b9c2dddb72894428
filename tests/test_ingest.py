"""Ingest: every format and legacy encoding round-trips a text, every bad input gets a plain InputError."""

from __future__ import annotations

import io
import socket
import sys
import threading
import time
import zipfile
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import docx
import numpy as np
import pytest
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from viewer.errors import InputError
from viewer.ingest import MAX_BYTES, read_source, readout_from_text
from viewer.ingest.encoding import decode_bytes, plausibility

FRENCH = (
    "La ministre s'est rendue à Genève, où elle a reçu son homologue.\n\n"
    "Les deux parties ont eu un échange de vues très franc ; la coopération économique reste à préciser."
)
RUSSIAN = (
    "Министр провёл переговоры со своим коллегой по телефону.\n\n"
    "Стороны обсудили двустороннее сотрудничество и подтвердили общие подходы к ситуации в регионе."
)
CHINESE_SIMPLIFIED = (
    "双方就两国关系和共同关心的国际问题深入交换了意见。\n\n中方愿同各方一道，推动合作不断向前发展。"
)
CHINESE_TRADITIONAL = (
    "雙方就兩國關係和共同關心的國際問題深入交換了意見。\n\n中方願同各方一道，推動合作不斷向前發展。"
)

ENCODED_CASES = [
    (FRENCH, "utf-8"),
    (FRENCH, "utf-8-sig"),
    (FRENCH, "utf-16"),  # with BOM, native order
    (FRENCH, "utf-16-le"),  # BOM written by hand below
    (RUSSIAN, "utf-16-be"),
    (FRENCH, "cp1252"),
    (FRENCH, "latin-1"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8-r"),
    (RUSSIAN, "utf-8"),
    (CHINESE_SIMPLIFIED, "gb18030"),
    (CHINESE_SIMPLIFIED, "gbk"),
    (CHINESE_TRADITIONAL, "big5"),
]


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode(encoding)
    if encoding == "utf-16-be":
        return b"\xfe\xff" + text.encode(encoding)
    return text.encode(encoding)


@pytest.mark.parametrize(("text", "encoding"), ENCODED_CASES)
def test_text_file_round_trips_in_every_encoding(tmp_path, text, encoding):
    path = tmp_path / "readout.txt"
    path.write_bytes(_encode(text, encoding))
    readout = read_source(str(path))
    assert readout.text == text
    assert readout.source == str(path)
    assert readout.label == "readout"
    assert readout.metadata["format"] == "txt"


def test_cp1252_french_is_not_read_as_cp1250():
    # charset-normalizer alone reads this as cp1250 and gives "Genčve".
    decoded = decode_bytes("Réunion à Genève et à Bâle, très cordiale.".encode("cp1252"))
    assert "Genève" in decoded.text
    assert decoded.encoding == "cp1252"


def test_koi8r_read_as_cp1251_is_less_plausible():
    data = RUSSIAN.encode("koi8-r")
    assert plausibility(data.decode("koi8-r")) > plausibility(data.decode("cp1251"))


def test_newlines_and_bom_are_normalised(tmp_path):
    path = tmp_path / "notes.md"
    path.write_bytes(b"\xef\xbb\xbf# Heading\r\n\r\nFirst line\rsecond line\r\n")
    readout = read_source(str(path))
    assert readout.text == "# Heading\n\nFirst line\nsecond line\n"
    assert readout.metadata["format"] == "md"


def test_markdown_is_kept_as_written(tmp_path):
    text = "## Talks\n\n- *frank* exchange\n- [link](http://example.org)\n"
    path = tmp_path / "talks.md"
    path.write_text(text, encoding="utf-8")
    assert read_source(str(path)).text == text


def test_a_metadata_header_is_read_as_metadata_not_text(tmp_path):
    path = tmp_path / "readout.txt"
    path.write_text(
        "source: https://example.org/readout\ndate: 2026-03-12\npublisher: Ministry of Examples, Press Office\n\n"
        "Talks in Geneva\n\nThe two ministers met today.\n",
        encoding="utf-8",
    )
    readout = read_source(str(path))
    assert readout.text.startswith("Talks in Geneva")
    assert readout.date == "2026-03-12" and readout.title == "Talks in Geneva"
    assert readout.label == "Ministry of Examples"
    assert readout.metadata["header_source"] == "https://example.org/readout"
    assert readout.address == "https://example.org/readout" and readout.source == str(path)


def test_the_address_of_a_header_is_kept_without_the_note_after_it(tmp_path):
    path = tmp_path / "readout.txt"
    path.write_text("source: https://example.org/talks?id=7 (stored copy: archive, item 2)\ndate: 2026-03-12\n\n"
                    "The two ministers met today.\n", encoding="utf-8")
    assert read_source(str(path)).address == "https://example.org/talks?id=7"
    plain = tmp_path / "plain.txt"
    plain.write_text("The two ministers met today.\n", encoding="utf-8")
    assert read_source(str(plain)).address == str(plain)  # no header: where it was read from


def test_a_long_headline_alone_in_its_paragraph_is_the_title(tmp_path):
    from viewer.text import segment

    headline = ("Readout of National Security Advisor Ann Example’s Meeting with Politburo Member, Director of "
                "the Office of the Foreign Affairs Commission, and Foreign Minister Li Ming of Freedonia")
    path = tmp_path / "readout.txt"
    path.write_text(f"{headline}\n\nThe two met in Malta on Saturday.\n", encoding="utf-8")
    readout = read_source(str(path))
    assert len(headline) > 150 and readout.title == headline
    first = segment(readout).sentences[0]
    assert first.text == headline and first.heading  # not counted as text
    path.write_text(f"{headline}\nThe two met in Malta on Saturday.\n", encoding="utf-8")
    assert read_source(str(path)).title is None  # a long first line running on is text


@pytest.mark.parametrize(
    "text",
    [
        "Date: 12 March\nThe ministers met.\n",  # one line is text, not a header
        "Note: the talks\nwere long\n\nSecond paragraph.\n",  # unknown keys
        "date: 2026-03-12\npublisher: X\nThe text follows without a blank line.\n",
    ],
)
def test_text_that_only_looks_like_a_header_is_kept(tmp_path, text):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(str(path)).text == text


def test_front_matter_fenced_by_dashes(tmp_path):
    path = tmp_path / "t.md"
    path.write_text("---\ntitle: Talks\ndate: 2026-01-02\n---\n\n# Talks\n\nText.\n", encoding="utf-8")
    readout = read_source(str(path))
    assert readout.text == "# Talks\n\nText.\n" and readout.title == "Talks"


def test_given_label_wins(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text.", encoding="utf-8")
    assert read_source(str(path), label="Moscow").label == "Moscow"


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RUSSIAN.encode("cp1251"))))
    readout = read_source("-")
    assert readout.text == RUSSIAN
    assert readout.source is None
    assert readout.label == "standard input"


def test_readout_from_pasted_text():
    readout = readout_from_text("\ufeffLine one\r\nLine two", label="Pasted")
    assert readout.text == "Line one\nLine two"
    assert readout.label == "Pasted"
    assert readout.source is None


@pytest.mark.parametrize("text", ["", "  \n\t \r\n"])
def test_pasted_empty_text_is_refused(text):
    with pytest.raises(InputError, match="empty"):
        readout_from_text(text, label="B")


# --- HTML ---------------------------------------------------------------------------------

ARTICLE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>Talks in Geneva | Ministry of Examples</title>
<meta property="og:site_name" content="Ministry of Examples">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<style>p {{ color: red }}</style><script>document.write("script text");</script>
</head><body>
<header><div class="logo">Ministry banner</div>
<nav><ul><li><a href="/">Home page</a></li><li><a href="/news">All news</a></li></ul></nav></header>
<aside>Related: other meetings</aside>
<article><header><h1>Talks in Geneva</h1></header>
<p>{first}</p>
<p>Second paragraph,<br>after a line break.</p>
<form><input value="search box"><button>Search</button></form>
</article>
<footer>Copyright notice and privacy policy</footer>
<script>var tracker = "tracking code";</script>
</body></html>"""

FURNITURE = (
    "Ministry banner",
    "Home page",
    "All news",
    "Related",
    "Copyright",
    "script text",
    "tracking",
    "color",
    "search box",
    "Search",
)


def test_html_gives_article_text_title_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(
        ARTICLE_PAGE.format(charset="windows-1252", first=FRENCH.replace("\n\n", " ")).encode("cp1252")
    )
    readout = read_source(str(path))
    assert readout.title == "Talks in Geneva"
    assert readout.label == "Ministry of Examples"  # the publisher names a side better than a headline
    assert readout.publisher == "Ministry of Examples"
    assert readout.date == "2024-03-01T10:00:00Z"
    paragraphs = readout.text.split("\n\n")
    assert paragraphs == [
        "Talks in Geneva",
        FRENCH.replace("\n\n", " "),
        "Second paragraph,",
        "after a line break.",
    ]
    for piece in FURNITURE:
        assert piece not in readout.text
    assert readout.metadata["encoding"] == "cp1252"


def test_html_declaring_a_wrong_charset_is_read_by_its_bytes(tmp_path):
    path = tmp_path / "mislabelled.html"
    path.write_bytes(ARTICLE_PAGE.format(charset="iso-8859-1", first="Réunion à Genève.").encode("utf-8"))
    assert "Réunion à Genève." in read_source(str(path)).text


def test_html_without_article_markup_drops_menus_and_footer(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in RUSSIAN.split("\n\n"))
    page = (
        "<html><head><title>Переговоры</title></head><body>"
        '<div class="menu"><a href="/">Главная</a> | <a href="/news">Новости</a> | <a href="/c">Контакты</a></div>'
        f'<div class="content"><div class="text">{body}</div></div>'
        '<div id="footer">Все права защищены</div></body></html>'
    )
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("koi8-r"))  # no declared charset: detected
    readout = read_source(str(path))
    assert readout.text == RUSSIAN
    assert readout.title == "Переговоры"


def test_html_is_sniffed_without_extension(tmp_path):
    path = tmp_path / "download"
    path.write_text(ARTICLE_PAGE.format(charset="utf-8", first="Hello there."), encoding="utf-8")
    readout = read_source(str(path))
    assert readout.metadata["format"] == "html"
    assert "Hello there." in readout.text


# --- DOCX ---------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Readout of the Call"
    document.core_properties.author = "Press Office"
    document.core_properties.created = datetime(2024, 3, 1, 9, 30)
    document.add_heading("Call between the ministers", level=1)
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"cell {r}{c}"
    document.add_paragraph("Après le tableau, à Genève.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_table_in_order_with_properties(tmp_path):
    path = tmp_path / "call.docx"
    path.write_bytes(_docx_bytes())
    readout = read_source(str(path))
    assert readout.text.split("\n\n") == [
        "Call between the ministers",
        "Before the table.",
        "cell 00",
        "cell 01",
        "cell 10",
        "cell 11",
        "Après le tableau, à Genève.",
    ]
    assert readout.title == "Readout of the Call"
    assert readout.publisher == "Press Office"
    assert readout.date.startswith("2024-03-01T09:30")
    assert readout.metadata["format"] == "docx"


def test_docx_is_sniffed_without_extension(tmp_path):
    path = tmp_path / "attachment.bin"
    path.write_bytes(_docx_bytes())
    assert read_source(str(path)).metadata["format"] == "docx"


# --- PDF ----------------------------------------------------------------------------------


def _pdf_bytes(paragraphs: list[list[str]]) -> bytes:
    """A one-page PDF with a text layer; with no paragraphs, a page holding only an image (a scan)."""
    figure = Figure(figsize=(8.27, 11.69))
    y = 0.95
    for lines in paragraphs:
        for line in lines:
            figure.text(0.1, y, line, fontsize=11)
            y -= 0.02
        y -= 0.03
    if not paragraphs:
        figure.figimage(np.arange(64 * 64, dtype=float).reshape(64, 64), xo=50, yo=50)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return buffer.getvalue()


def test_pdf_text_layer_in_paragraphs_with_dehyphenation(tmp_path):
    path = tmp_path / "readout.pdf"
    path.write_bytes(
        _pdf_bytes(
            [
                [
                    "The ministers met in Genève and held a long",
                    "and candid exchange on regional secu-",
                    "rity questions.",
                ],
                ["Both sides agreed to meet again.", "No date was set."],
            ]
        )
    )
    readout = read_source(str(path))
    assert readout.text == (
        "The ministers met in Genève and held a long and candid exchange on regional security questions."
        "\n\nBoth sides agreed to meet again. No date was set."
    )
    assert readout.metadata["pages"] == "1"


def test_pdf_indented_paragraphs_across_a_page_break(tmp_path):
    pages = [
        [
            (0.14, "Indented first line of one"),
            (0.1, "and its second line."),
            (0.14, "Another paragraph runs"),
            (0.1, "over the end of the page"),
        ],
        [(0.1, "into the next one."), (0.14, "The last paragraph.")],
    ]
    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for number, lines in enumerate(pages, 1):
            figure = Figure(figsize=(8.27, 11.69))
            for row, (x, line) in enumerate(lines):
                figure.text(x, 0.95 - 0.02 * row, line, fontsize=11)
            figure.text(0.5, 0.05, str(number), fontsize=9)  # page number, not text
            pdf.savefig(figure)
    path = tmp_path / "two-pages.pdf"
    path.write_bytes(buffer.getvalue())
    assert read_source(str(path)).text.split("\n\n") == [
        "Indented first line of one and its second line.",
        "Another paragraph runs over the end of the page into the next one.",
        "The last paragraph.",
    ]


def test_pdf_without_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_bytes([]))
    with pytest.raises(InputError, match=r"no text layer \(scanned\?\); run OCR first"):
        read_source(str(path))


# --- bad inputs ---------------------------------------------------------------------------


def _zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _corrupt_docx() -> bytes:
    with zipfile.ZipFile(io.BytesIO(_docx_bytes())) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/document.xml"] = files["word/document.xml"][:200]  # cut in the middle of the XML
    return _zip_bytes(files)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"

BAD_FILES = [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \r\n\t\n ", "only whitespace"),
    ("blank16.txt", "  \n ".encode("utf-16"), "only whitespace"),
    ("picture.png", PNG, "PNG image"),
    ("picture.txt", PNG, "PNG image"),
    ("archive.zip", _zip_bytes({"a.txt": b"hello"}), "zip archive"),
    ("renamed.docx", _zip_bytes({"a.txt": b"hello"}), "not a Word document"),
    ("notzip.docx", b"plain text pretending", "not a Word document"),
    ("corrupt.docx", _corrupt_docx(), "damaged Word document"),
    ("fake.pdf", b"just text", "not a PDF"),
    ("broken.pdf", b"%PDF-1.4\n garbage garbage", "not a readable PDF"),
    ("nul.txt", b"text\x00with\x00nul bytes", "binary"),
    ("random.txt", bytes(range(0x80, 0x100)) * 4, "cannot be decoded"),
    ("empty.html", b"<html><body><script>x()</script></body></html>", "has no text"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_bad_files_give_a_plain_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as caught:
        read_source(str(path))
    assert caught.value.source == str(path)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "absent.txt"))


def test_folder(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        read_source(str(tmp_path))


def test_over_the_size_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_source(str(path), max_bytes=100)
    assert MAX_BYTES == 20 * 1024 * 1024


def test_stdin_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 500)))
    with pytest.raises(InputError, match="too large"):
        read_source("-", max_bytes=100)


# --- URLs ---------------------------------------------------------------------------------

SLOW_SECONDS = 2.0


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        routes = {
            "/page.html": (
                "text/html; charset=koi8-r",
                ARTICLE_PAGE.format(charset="koi8-r", first=RUSSIAN.replace("\n\n", " ")).encode("koi8-r"),
            ),
            "/plain": ("text/plain", CHINESE_SIMPLIFIED.encode("gb18030")),
            "/big": ("text/plain", b"x" * 5000),
            "/image": ("image/png", PNG),
        }
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path not in routes and self.path != "/slow":
            self.send_error(404, "Not Found")
            return
        content_type, body = routes.get(self.path, ("text/plain", b"late"))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if self.path != "/big":  # the size limit must hold without a Content-Length too
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_page(server):
    readout = read_source(f"{server}/page.html")
    assert readout.title == "Talks in Geneva"
    assert RUSSIAN.replace("\n\n", " ") in readout.text
    assert "Home page" not in readout.text
    assert readout.source == f"{server}/page.html"
    assert readout.metadata["encoding"] == "koi8-r"
    assert readout.metadata["content_type"] == "text/html"


def test_url_plain_text_detected_encoding(server):
    readout = read_source(f"{server}/plain", label="Beijing")
    assert readout.text == CHINESE_SIMPLIFIED
    assert readout.label == "Beijing"


@pytest.mark.parametrize(
    ("path", "kwargs", "reason"),
    [
        ("/missing", {}, "HTTP error 404"),
        ("/big", {"max_bytes": 1000}, "too large"),
        ("/image", {}, "image/png, not an HTML page or text"),
        ("/slow", {"timeout": 0.3}, "timed out"),
    ],
)
def test_url_errors(server, path, kwargs, reason):
    with pytest.raises(InputError, match=reason):
        read_source(f"{server}{path}", **kwargs)


def test_url_refused():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match="refused"):
        read_source(f"http://127.0.0.1:{port}/", timeout=2)
