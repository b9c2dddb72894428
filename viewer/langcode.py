"""Language codes as a user, a text's header or a project file gives them, checked where they
enter: a code names data files (stop words, voice lists), so "../" or 5,000 characters must
never get that far."""

from __future__ import annotations

import re

# ISO 639-1 (or -3), then at most three subtags: "zh-Hant", "en_GB", "sr-Latn-RS".
_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}")
EXAMPLES = "en, fr, es, ru, zh, de, uk, ar"


def language_code(value: str) -> str:
    """The code lower-cased ("zh-hant"); ValueError with a plain reason when it is not one."""
    from babel import Locale, UnknownLocaleError  # CLDR's data loads only when a code is given

    code = value.strip()
    try:
        if not _SHAPE.fullmatch(code):
            raise ValueError(code)
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        shown = code if len(code) <= 20 else code[:19] + "…"
        raise ValueError(f"unknown language code {shown!r} (use ISO 639-1: {EXAMPLES}, ...)") from None
    return code.lower()
