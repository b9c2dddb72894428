"""The limits on one input, shared by files, standard input and URLs, and the messages that state them.

Every limit is far above any readout (a long one is 50 KB of text in a few dozen paragraphs,
its PDF under 1 MB and 20 pages) and low enough that a wrong or hostile file is refused at once,
with its reason, instead of filling the memory or running for minutes:
- MAX_BYTES, 20 MB: a file, standard input or a page as read (a video, a disk image);
- MAX_DOCX_UNPACKED, 64 MB, MAX_DOCX_PARTS, 1,000, and MAX_DOCX_TAGS, 2,000,000: a .docx
  unpacked (a zip bomb of 3 MB reached 8 GB of memory), the files inside it, and the tags of its
  XML (a million paragraphs fit in a 115 KB .docx and took 5.6 GB; a long real document has
  a few hundred thousand tags);
- MAX_PARAGRAPHS, 50,000: lines of text of any input, analysed in about 15 s at the limit;
- MAX_TEXT_CHARS, 1,000,000: the text read (about 160,000 English words or a million Chinese
  characters; the analysis takes about a minute at the limit);
- MAX_HTML_ELEMENTS, 100,000, and MAX_HTML_DEPTH, 200 levels: a page's tags and how deep they nest
  (the parser stops at 256 levels and silently drops what is deeper);
- MAX_PDF_PAGES, 1,000, and MAX_PDF_CONTENT, 50 MB: a PDF's pages and their content streams
  decoded, counted page by page (2,000 pages sharing one 70 MB stream ran for ever);
- URLs: FETCH_DEADLINE, 60 s for the whole fetch, FETCH_TIMEOUT, 15 s for any one read,
  MAX_REDIRECTS, 5, MAX_HEADERS, 100.
JSON files (notes, projects) hold at most MAX_JSON_BYTES, 64 MB, nested at most MAX_JSON_DEPTH,
100 levels (viewer/fsutil.py); a sentence at most MAX_SENTENCE_CHARS, 1,000 characters
(viewer/text/sentence_limit.py).
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
MAX_DOCX_UNPACKED = 64 * 1024 * 1024
MAX_DOCX_PARTS = 1_000
MAX_DOCX_TAGS = 2_000_000
MAX_PARAGRAPHS = 50_000
MAX_TEXT_CHARS = 1_000_000
MAX_HTML_ELEMENTS = 100_000
MAX_HTML_DEPTH = 200
MAX_PDF_PAGES = 1_000
MAX_PDF_CONTENT = 50 * 1024 * 1024
FETCH_DEADLINE = 60.0  # seconds for connecting, redirects and the whole body
FETCH_TIMEOUT = 15.0  # seconds for connecting and for any one read
MAX_REDIRECTS = 5
MAX_HEADERS = 100  # http.client's own limit, stated


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The reason for refusing an input over `max_bytes`; `size` when it is known. Sizes are
    exact: rounded to a tenth of a megabyte, 20,971,521 bytes read as the limit itself."""
    if size is None:
        return f"is too large: more than the limit of {size_text(max_bytes)}"
    return f"is too large: {size:,} bytes, the limit is {size_text(max_bytes)}"


def too_many(what: str, count: int | None, limit: int) -> str:
    """ "has too many paragraphs: 61,204, the limit is 50,000"; `count` None when counting stopped."""
    if count is None:
        return f"has too many {what}: more than the limit of {limit:,}"
    return f"has too many {what}: {count:,}, the limit is {limit:,}"


def size_text(size: int) -> str:
    """ "20,971,520 bytes (20 MB)": exact, with the rounded size for a reader."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size:,} bytes ({size / (1024 * 1024):.4g} MB)"
