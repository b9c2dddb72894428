"""The article text of an HTML page, with its title, publisher and date.

A readout page is an article wrapped in site furniture (menus, banners, share buttons, footers).
First we drop what the markup says is furniture (nav, header, footer, aside, form, menu, ARIA
roles). A page that marks its article (<article>, <main>) then gives exactly that element:
predictable, and it keeps tables and the headline. A page of anonymous <div>s gives what
readability's content scoring picks; measured on such a page (menu, breadcrumb, share links,
related links, a div footer), the body alone kept all five pieces of furniture and readability
none. Nothing is fetched or run: scripts and styles are removed before any text is read.

A page is first held to the limits of limits.py: its number of tags, and how deep its elements
nest, measured by lxml's parser (fast, in C) before Beautiful Soup builds its tree (100,000
nested <article> tags ran for ever; lxml, which readability uses, stops at 256 levels and drops
what is deeper without a word, and our own walk recursed past Python's limit).
Library chatter (readability's logged tracebacks, Beautiful Soup's warning about XHTML read as
HTML) stays out of the user's terminal: the one plain line is ours.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass
from itertools import islice

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning
from lxml import etree
from readability import Document
from readability.readability import Unparseable

from viewer.ingest.limits import MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, too_many
from viewer.ingest.plain import join_paragraphs

logging.getLogger("readability").addHandler(logging.NullHandler())
logging.getLogger("readability").propagate = False
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # XHTML pages are read as HTML on purpose

# Never content: code, styling, embedded objects, form controls.
_NEVER_TEXT = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "head",
)
# Void elements: nothing of their own inside, but lxml nests what follows an <embed> in it.
_VOID = ("embed", "input")
# Site furniture around the article.
_FURNITURE = ("nav", "aside", "footer", "menu", "dialog")
_FURNITURE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search")
# Elements whose start and end break the text into paragraphs.
_BLOCKS = {
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
    "br",
}
_SPACES = re.compile(r"\s+")
_START_TAG = re.compile(r"<[A-Za-z]")

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "pubdate",
    "publish-date",
    "publication_date",
)
_PUBLISHER_META = ("og:site_name", "publisher", "dc.publisher", "author")


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    publisher: str | None
    date: str | None


class HtmlOverLimit(ValueError):
    """A page beyond a limit of limits.py; the message is the reason."""


def check_limits(html: str) -> None:
    """Refuse a page with more tags than MAX_HTML_ELEMENTS or deeper than MAX_HTML_DEPTH."""
    if sum(1 for _ in islice(_START_TAG.finditer(html), MAX_HTML_ELEMENTS + 1)) > MAX_HTML_ELEMENTS:
        raise HtmlOverLimit(too_many("HTML tags", None, MAX_HTML_ELEMENTS))
    parser = etree.HTMLParser(recover=True, no_network=True)
    root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    deepest = depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")) if root is not None else ():
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    # lxml stops at 256 levels, logging why: anything it logged as excessive depth is over ours
    if deepest > MAX_HTML_DEPTH or any("depth" in str(e.message).lower() for e in parser.error_log):
        raise HtmlOverLimit(f"nests its elements too deeply: more than the limit of {MAX_HTML_DEPTH} levels")


def extract_article(html: str) -> HtmlArticle:
    check_limits(html)
    soup = BeautifulSoup(html, "lxml")
    meta = _meta(soup)
    title = meta.get("og:title") or _page_title(soup)
    date = next((meta[k] for k in _DATE_META if meta.get(k)), None)
    if date is None and (time_tag := soup.find("time", attrs={"datetime": True})) is not None:
        date = str(time_tag["datetime"]).strip() or None
    publisher = next((meta[k] for k in _PUBLISHER_META if meta.get(k)), None)

    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_VOID):
        tag.unwrap()
    for tag in soup.find_all(_NEVER_TEXT):
        tag.decompose()
    for tag in soup.find_all(_FURNITURE):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": _FURNITURE_ROLES}):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    # A page header is furniture; an article's own header holds its headline and stays.
    for tag in soup.find_all("header"):
        if tag.find_parent(("article", "main")) is None:
            tag.decompose()
    return HtmlArticle(join_paragraphs(_paragraphs(_content_root(soup))), title, publisher, date)


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key and content and content.strip():
            found.setdefault(str(key).strip().lower(), _SPACES.sub(" ", str(content)).strip())
    return found


def _page_title(soup: BeautifulSoup) -> str | None:
    """<title> without the site name around it when the headline (<h1>) is part of it."""
    title, headline = _tag_text(soup.title), _tag_text(soup.find("h1"))
    if title and headline and headline in title:
        return headline
    return title or headline


def _tag_text(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    return _SPACES.sub(" ", tag.get_text(" ")).strip() or None


def _content_root(soup: BeautifulSoup) -> Tag:
    """The marked-up article (the longest, if several), else the content readability finds."""
    marked = soup.find_all("article") or soup.find_all("main") or soup.find_all(attrs={"role": "main"})
    if marked:
        return max(marked, key=lambda t: len(t.get_text()))
    try:
        summary = BeautifulSoup(Document(str(soup)).summary(html_partial=True), "lxml")
    except Unparseable:  # readability gives up on some odd markup; the cleaned body is still text
        return soup.body or soup
    root = summary.body or summary
    # readability finds no content in some pages that have text (deeply nested ones): keep the body
    return root if root.get_text(strip=True) else soup.body or soup


def _paragraphs(root: Tag) -> list[str]:
    """Text of `root`, a new paragraph at each block boundary; whitespace collapsed except in <pre>."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join(current).strip()
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(node: Tag, pre: bool) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                current.append(str(child) if pre else _SPACES.sub(" ", str(child)))
            elif isinstance(child, Tag):
                block = child.name in _BLOCKS
                if block:
                    flush()
                walk(child, pre or child.name == "pre")
                if block:
                    flush()

    walk(root, root.name == "pre")
    flush()
    # Collapsing may leave a space next to a line break; single spaces inside stay.
    return [re.sub(r" *\n *", "\n", p) for p in paragraphs]
