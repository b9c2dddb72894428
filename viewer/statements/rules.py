"""The per-language rules of the statements stage, read from resources/lang/<code>/statements.toml
(and resources/statements.toml for what every language shares): page furniture, datelines, the
ordinals of enumerations, and the phrases that tell what a statement does.

Phrases are stored like the voice lists (viewer.lexicon.wordlists): tuples of normalised tokens,
found on a sentence's tokens, or in Chinese on its characters (voice.phrase_spans).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from viewer.lang import language
from viewer.lexicon.wordlists import Phrase
from viewer.model import ACTS, Act
from viewer.paths import RESOURCES
from viewer.text.tokens import tokenize

SHARED = RESOURCES / "statements.toml"


@dataclass(frozen=True)
class Rules:
    """How readouts of one language are built (see resources/lang/en/statements.toml)."""

    language: str
    furniture: tuple[re.Pattern[str], ...] = ()  # a whole sentence that is page furniture
    datelines: tuple[re.Pattern[str], ...] = ()  # a dateline at the start of a sentence
    ordinals: tuple[tuple[Phrase, ...], ...] = ()  # ordinals[n - 1]: the ways to open item n
    acts: tuple[tuple[Act, tuple[Phrase, ...]], ...] = ()  # in the order they are tried
    modal: tuple[Phrase, ...] = ()  # "must", 应该: a proposal or a demand, by its subject
    opening: tuple[Phrase, ...] = ()  # words of the who-met-whom line
    clause_breaks: re.Pattern[str] | None = None  # where a long sentence may divide
    intensifiers: tuple[Phrase, ...] = ()  # "firmly" before "opposes": part of the stance
    # words before a charge that make it none ("does not interfere", 不搞, 避免误判): a principle or a pledge
    negations: tuple[Phrase, ...] = ()
    not_negations: tuple[str, ...] = ()  # Chinese words holding a negation that negate nothing (不断, 不仅)
    views: tuple[Phrase, ...] = ()  # an agreement that is a shared assessment, not a commitment (一致认为)
    anaphora: tuple[Phrase, ...] = ()  # "these issues": an agreement on what the sentences before name

    def __hash__(self) -> int:
        # what is derived from the rules is cached by them; hashing every phrase on each look-up
        # cost more than the look-up (equal rules are of one language, so this hash is consistent)
        return hash(self.language)


def _phrases(items: list[str], lang: str) -> tuple[Phrase, ...]:
    """Normalised token tuples, longest first; Chinese entries stay whole (matched on characters)."""
    if lang == "zh":
        out = {(item,) for item in items if item}
    else:
        out = {p for p in (tuple(t.norm for t in tokenize(item, lang)) for item in items) if p}
    return tuple(sorted(out, key=lambda p: (-sum(map(len, p)), p)))


def _patterns(items: list[str], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(item, flags) for item in items)


@cache
def _shared() -> dict:
    return tomllib.loads(SHARED.read_text(encoding="utf-8")) if SHARED.is_file() else {}


@cache
def rules(lang: str) -> Rules:
    """The rules of `lang` with the shared furniture; a language without a file has only those."""
    shared = _shared().get("furniture", {})
    path = language(lang).path("statements.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path else {}
    furniture = data.get("furniture", {})
    acts = data.get("acts", {})
    order = [a for a in acts.get("order", []) if a in ACTS]
    return Rules(
        language=lang,
        furniture=_patterns(shared.get("lines", []) + furniture.get("lines", [])),
        datelines=_patterns(shared.get("datelines", []) + furniture.get("datelines", []), 0),
        ordinals=tuple(_phrases(forms, lang) for forms in data.get("enumeration", {}).get("ordinals", [])),
        acts=tuple((act, _phrases(acts.get(act, []), lang)) for act in order),
        modal=_phrases(acts.get("modal", []), lang),
        opening=_phrases(data.get("opening", {}).get("cues", []), lang),
        clause_breaks=re.compile(breaks) if (breaks := data.get("clauses", {}).get("breaks")) else None,
        intensifiers=_phrases(acts.get("intensifiers", []), lang),
        negations=_phrases(acts.get("negations", []), lang),
        not_negations=tuple(acts.get("not_negations", [])),
        views=_phrases(acts.get("views", []), lang),
        anaphora=_phrases(acts.get("anaphora", []), lang),
    )
