"""Text from outside the program (file names above all) made safe to show: one line, valid
UTF-8, valid in XML. A file name is bytes: one that is not UTF-8 reaches Python with lone
surrogates, which no encoder and no Word file accepts (a traceback with --json or --docx), and
one may hold a newline (a message of two lines)."""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # XML 1.0 forbids these
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with an undecodable byte of a file name shown as \\xe9 and a control character as
    its escape (\\n, \\x1b)."""
    return _UNPRINTABLE.sub(_escape, text)


def xml_safe(text: str) -> str:
    """`text` with what XML cannot hold escaped as in `printable`, line breaks and tabs kept:
    for every string a Word file is given (a title or a note may hold any character)."""
    return _NOT_XML.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return _NAMED.get(match.group()) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
