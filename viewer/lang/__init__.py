"""Per-language data: one folder per language under resources/lang/<code>/, read by one loader.

What a linguist edits to add or fix a language is in that folder and nowhere in the code:
    language.toml   name, script, Snowball stemmer, CLDR locales, function-word profile,
                    sentence-splitter abbreviations, list markers, month names
    lexicon.toml    topics, tone markers, names, negation cues (read by viewer.lexicon)
    voice.toml      how readouts report speech (read by viewer.lexicon.wordlists)
    statements.toml furniture, datelines, enumerations, the opening, acts (viewer.statements)
    stopwords.txt   function words left out of distinctive vocabulary
    glossary/*.tsv  concepts across languages, keyed by an English pivot (read by viewer.align)
    formulas.toml   how the language writes the stock pledges and follow-ups of readouts
                    (read by viewer.emphasis.formulas)
This module reads raw data only (no tokenizing, no stemming): it sits below every stage.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from viewer.paths import RESOURCES

LANG_DIR = RESOURCES / "lang"
Script = Literal["latin", "cyrillic", "han", "hangul", "arabic", "greek", "hebrew"]
# The files a language folder may hold, in the order `provides` lists them.
FILES = ("language.toml", "lexicon.toml", "voice.toml", "statements.toml", "stopwords.txt", "formulas.toml", "glossary")
_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Language:
    """What the segmenter and the matcher know of one language (empty for an unknown code)."""

    code: str
    name: str = ""
    script: Script = "latin"
    stemmer: str | None = None  # Snowball algorithm name
    cldr: tuple[str, ...] = ()  # CLDR locales whose country names the lexicon indexes
    profile: frozenset[str] = frozenset()  # function words: detection, sentence starters
    titles: frozenset[str] = frozenset()  # a full stop after these never ends a sentence
    number_prefixes: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    dotted_acronyms: frozenset[str] = frozenset()
    openers: tuple[str, ...] = ()  # list markers, as written (normalised by their readers)
    closers: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    months: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)  # other tables of language.toml

    @property
    def folder(self) -> Path:
        return LANG_DIR / self.code

    def path(self, name: str) -> Path | None:
        """A file of this language's folder, or None when the language has none."""
        if not valid_code(self.code):
            return None
        p = self.folder / name
        return p if p.exists() else None


def valid_code(code: str) -> bool:
    """An ISO 639 code as a folder name: never a path ("../x") from a header or a project."""
    return bool(_CODE.match(code))


@cache
def language(code: str) -> Language:
    """The data of `code`; a code without a folder (or not a code at all) gets empty data."""
    path = LANG_DIR / code / "language.toml" if valid_code(code) else None
    if path is None or not path.is_file():
        return Language(code=code)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sentences = data.pop("sentences", {})
    lists = data.pop("lists", {})
    return Language(
        code=code,
        name=data.pop("name", code),
        script=data.pop("script", "latin"),
        stemmer=data.pop("stemmer", None),
        cldr=tuple(data.pop("cldr", ())),
        profile=frozenset(data.pop("profile", ())),
        titles=frozenset(sentences.get("titles", ())),
        number_prefixes=frozenset(sentences.get("number_prefixes", ())),
        abbreviations=frozenset(sentences.get("abbreviations", ())),
        dotted_acronyms=frozenset(sentences.get("dotted_acronyms", ())),
        openers=tuple(lists.get("openers", ())),
        closers=tuple(lists.get("closers", ())),
        institutions=tuple(lists.get("institutions", ())),
        months=tuple(lists.get("months", ())),
        extra=data,
    )


@cache
def codes() -> tuple[str, ...]:
    """Every language with a folder, sorted."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / "language.toml").is_file()))


def provides(code: str) -> list[str]:
    """Which of FILES the language's folder holds ("glossary" when it has glossary files)."""
    lang = language(code)
    return [name for name in FILES if lang.path(name) is not None]


def read_list(path: Path) -> list[str]:
    """A one-entry-per-line list, '#' comments and blank lines skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def all_languages() -> list[Language]:
    return [language(c) for c in codes()]
