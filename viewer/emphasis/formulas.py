"""The stock formulas of diplomatic readouts, recognised in a statement and said in English.

A readout's pledges and assurances come in set phrases ("不寻求“新冷战”", "does not seek a new
Cold War", "не стремимся к новой холодной войне"), and so do the follow-ups two sides agree on
("a visit", "working groups"). Recognising them does two jobs: a finding can name in English what
a Chinese or Russian readout puts in a speaker's mouth, and a formula both readouts carry is one
matter across languages, where the words themselves cannot be compared.

What a formula says is in resources/formulas.toml; how each language writes it, as regular
expressions, in resources/lang/<code>/formulas.toml, matched case-insensitively on the text with
its quotation marks taken out (Chinese folded to simplified characters first; there a "." of a
pattern never crosses a clause mark, so that a formula stays inside its clause).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from viewer.lang import language
from viewer.paths import RESOURCES
from viewer.text.chinese import to_simplified

_QUOTES = re.compile(r"[“”‘’\"'«»「」『』《》〈〉„]")
_ZH_ANY = "[^，。；：！？,;:!?]"  # a Chinese pattern's "." stays inside its clause


@dataclass(frozen=True)
class Formula:
    id: str
    topic: str
    says: str = ""  # verb phrase: "does not seek a 'new Cold War'" ({other}, {leader} filled in)
    does: str = ""  # what the speaker does in person: "congratulate {leader}"
    names: str = ""  # noun phrase of a follow-up: "a visit"

    @property
    def follow_up(self) -> bool:
        return bool(self.names)

    def said(self, other: str, leader: str) -> str:
        """What the speaker's country says ("does not seek ..."), or "" for a formula of `does`."""
        return _fill(self.says, other, leader)

    def done(self, other: str, leader: str) -> str:
        return _fill(self.does, other, leader)


def _fill(phrase: str, other: str, leader: str) -> str:
    return phrase.replace("{other}", other).replace("{leader}", leader or other)


@dataclass(frozen=True)
class Match:
    formula: Formula
    start: int  # offsets into the text given to `find`
    end: int


@cache
def formulas() -> dict[str, Formula]:
    data = tomllib.loads((RESOURCES / "formulas.toml").read_text(encoding="utf-8"))
    return {k: Formula(k, v["topic"], v.get("says", ""), v.get("does", ""), v.get("names", "")) for k, v in data.items()}


@cache
def _patterns(code: str) -> tuple[tuple[Formula, re.Pattern[str]], ...]:
    path = language(code).path("formulas.toml")
    if path is None:
        return ()
    known = formulas()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ValueError(f"{path}: formulas not in resources/formulas.toml: {', '.join(unknown)}")
    def compiled(pattern: str) -> re.Pattern[str]:
        if code == "zh":
            pattern = re.sub(r"(?<!\\)\.", _ZH_ANY, pattern)
        return re.compile(pattern, re.IGNORECASE)

    return tuple((known[k], compiled(p)) for k, ps in data.items() for p in ps)


@lru_cache(maxsize=4096)
def find(text: str, code: str) -> tuple[Match, ...]:
    """Every formula written in `text` (a statement), once each, in the order they come (cached:
    each finding asks about the same statements)."""
    if _QUOTES.search(text) is None:  # most statements quote nothing: offsets are the text's own
        kept, plain = None, text
    else:
        kept = [i for i, ch in enumerate(text) if not _QUOTES.match(ch)]
        plain = "".join(text[i] for i in kept)
    if code == "zh":
        simple = to_simplified(plain)
        plain = simple if len(simple) == len(plain) else plain
    found: dict[str, Match] = {}
    for formula, pattern in _patterns(code):
        if formula.id in found:
            continue
        m = pattern.search(plain)
        if m and m.end() > m.start():
            start, end = (m.start(), m.end()) if kept is None else (kept[m.start()], kept[m.end() - 1] + 1)
            found[formula.id] = Match(formula, start, end)
    return tuple(sorted(found.values(), key=lambda m: m.start))
