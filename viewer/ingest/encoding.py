"""Bytes to text for plain-text and HTML sources whose encoding is not (reliably) declared.

Order: a byte-order mark wins; then strict UTF-8 (legacy bytes almost never decode as UTF-8 by
accident); then every candidate charset-normalizer proposes, plus the legacy encodings readouts
actually come in, is decoded and scored for plausibility, and the most plausible reading wins.

Plausibility, not the detector's own ranking, decides because the detector has known traps:
French in cp1252 comes out as cp1250 ("Genève" -> "Genčve"), and KOI8-R and cp1251 both decode
any Russian bytes into Cyrillic letters. A wrong reading leaves tell-tale signs that a right one
does not: letters rare in the languages we read (č, ř, ő in otherwise French text), case
flipped in mid-word ("пРИВЕТ", which is what KOI8-R read as cp1251 looks like), runs of
accented letters with no plain ones between them (Cyrillic read as Latin-1), stray symbols and
control characters, and for Chinese, characters outside the common sets of GB2312 and Big5.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from viewer.lang.script import is_han

# The legacy encodings readouts come in (Russian, Chinese both scripts, Western European),
# tried even when the detector does not propose them.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "koi8_r", "gb18030", "big5")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Latin letters of English, French, Spanish, Portuguese, Italian and German; any other Latin
# letter is "rare" and marks a reading in the wrong code page.
_COMMON_LATIN = set("abcdefghijklmnopqrstuvwxyzàâäáãåæçéèêëíìîïñóòôöõøœùúûüýÿß")
# Non-letter characters of the Latin-1 range that real texts use; the others (¤ ¦ ¨ ¯ ´ ¸ ± ¹ ...)
# appear mostly as pieces of mis-decoded multi-byte text.
_COMMON_LATIN1_SIGNS = set("\u00a0¡£§©«®°·»¿×€–—‘’‚“”„•…‹›")
# Quotes, dashes and punctuation that Chinese text uses (full-width forms included).
_CJK_PUNCTUATION = set("，。、；：？！「」『』（）《》〈〉“”‘’—…·【】〔〕％")

MIN_PLAUSIBILITY = 0.8  # below this no reading is believable: the bytes are not text we know
SAMPLE_CHARS = 100_000  # plausibility is judged on the start of the text: enough, and bounded in time


class UndecodableError(ValueError):
    """No encoding gives a believable text."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    plausibility: float  # 1.0 for a BOM or valid UTF-8, else the winning score


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`; `declared` (HTTP header, meta tag) is used when it decodes to believable text.

    Valid UTF-8 wins over a declaration: legacy-encoded text is practically never valid UTF-8,
    while pages that say "windows-1252" and hold UTF-8 are common.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(name), name, 1.0)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {name} after its byte-order mark") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    declared_name = _codec_name(declared) if declared else None
    if declared_name and declared_name not in ("utf-8", "utf-16", "utf-32"):
        # WHATWG rule: pages that say latin-1/ascii are read as cp1252, its superset.
        if declared_name in ("iso8859-1", "ascii"):
            declared_name = "cp1252"
        try:
            text = data.decode(declared_name)
        except UnicodeDecodeError:
            text = None
        # A wrong declaration is common: fall back to detection when it gives no believable text.
        if text is not None and (score := plausibility(text[:SAMPLE_CHARS])) >= MIN_PLAUSIBILITY:
            return Decoded(text, declared_name, score)
    best: Decoded | None = None
    for name in _candidates(data):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        score = plausibility(text[:SAMPLE_CHARS])
        if best is None or score > best.plausibility:
            best = Decoded(text, name, score)
    if best is None or best.plausibility < MIN_PLAUSIBILITY:
        raise UndecodableError("not text in any encoding it could be read in")
    return best


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _candidates(data: bytes) -> list[str]:
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    names: list[str] = []
    for match in from_bytes(data):
        name = _codec_name(match.encoding)
        if name and name not in names:
            names.append(name)
    for name in LEGACY_ENCODINGS:
        name = codecs.lookup(name).name
        if name not in names:
            names.append(name)
    return names


def plausibility(text: str) -> float:
    """Share (0..1) of the non-space characters that do not look like mis-decoding."""
    suspicious = 0.0
    counted = 0
    prev = " "
    run_accented = 0  # consecutive non-ASCII Latin letters
    for ch in text:
        if ch.isspace():
            prev, run_accented = ch, 0
            continue
        counted += 1
        suspicious += _char_suspicion(ch)
        if ch.isalpha():
            if ch.isupper() and prev.islower() and _script(ch) == _script(prev):
                suspicious += 1  # case flipped in mid-word
            elif _script(prev) not in (_script(ch), "other"):
                suspicious += 0.5  # scripts mixed inside one word
            if _script(ch) == "latin" and not ch.isascii():
                run_accented += 1
                if run_accented >= 2:
                    suspicious += 1  # accented letters in a row: another script read as Latin
            else:
                run_accented = 0
        else:
            run_accented = 0
        prev = ch
    if counted == 0:
        return 1.0
    return max(0.0, 1.0 - suspicious / counted)


def _char_suspicion(ch: str) -> float:
    if ch.isascii():
        return 0.0 if ch.isprintable() else 1.0
    script = _script(ch)
    if script == "latin":
        return 0.0 if ch.lower() in _COMMON_LATIN else 1.0
    if script == "cyrillic":
        return 0.0 if "\u0410" <= ch <= "\u044f" or ch in "Ёё" else 0.5
    if script == "han":
        return 0.0 if _common_han(ch) else 0.7
    if ch in _COMMON_LATIN1_SIGNS or ch in _CJK_PUNCTUATION:
        return 0.0
    category = unicodedata.category(ch)
    if category[0] == "C" or category in ("So", "Sk"):
        return 1.0
    if "\u0080" <= ch <= "\u00ff":
        return 0.7
    return 0.2


@lru_cache(maxsize=8192)
def _script(ch: str) -> str:
    if not ch.isalpha():
        return "other"
    if is_han(ch):
        return "han"
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CYRILLIC", "GREEK", "HIRAGANA", "KATAKANA", "HANGUL", "ARABIC", "HEBREW"):
        if name.startswith(script):
            return script.lower()
    return "letter"


@lru_cache(maxsize=65536)
def _common_han(ch: str) -> bool:
    """In GB2312 level 1 or Big5 level 1: the frequent characters of simplified or traditional text."""
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False
