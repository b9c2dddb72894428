"""Who says what in each readout: the statements of a side's own voice and of the other side,
the links between them, and the few words a finding quotes.

The findings over statements (attributed, framing, commitments, blame) all ask the same few
questions: whose country is this readout's, which of its statements are said by the other side's
people, which by its own side (its principal, its officials, "the Chinese side", or the readout's
own voice), which sentences of the other readout speak of the same thing, and what words to quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from viewer.emphasis import formulas as fm
from viewer.emphasis.naming import possessive
from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import voice_words
from viewer.model import BOTH, Comparison, Quote, Side, Statement, other

T = TypeVar("T")
QUOTE_WORDS = 12  # a quote's length in words (Latin, Cyrillic)
QUOTE_HAN = 24  # in Han characters
CONTENTIOUS = frozenset({"oppose", "concern", "warn", "blame", "demand"})
DISAGREEMENT = frozenset({"candid", "concern", "oppose", "warning", "core-interests"})  # tone markers
_THE = ("United States", "United Kingdom", "Russian Federation", "People's Republic of China", "Philippines",
        "Netherlands")


def country_code(c: Comparison, name: str | None) -> str | None:
    """The ISO code of a country named as the lexicon names it ("China" -> "CN"; a code stays as
    it is), or None."""
    if not name:
        return None
    if f"country:{name}" in c.names.entities:
        return name
    wanted = name.removesuffix(" side").casefold()
    return next((eid.partition(":")[2] for eid, label in c.names.entities.items()
                 if eid.startswith("country:") and label.casefold() == wanted), None)


def side_country(c: Comparison, side: Side) -> str | None:
    """The country whose account readout `side` is: its given or inferred side, else its principal's."""
    return country_code(c, c.sides.get(side)) or c.countries.get(c.principals.get(side) or "")


def country_name(c: Comparison, code: str | None) -> str:
    """"the United States", "China": a country as a sentence names it."""
    name = c.names.entities.get(f"country:{code}", code or "") if code else ""
    return f"the {name}" if name in _THE else name


def speaker_country(c: Comparison, st: Statement) -> str | None:
    """The country of a statement's speaker: a person's, or the side's ("China", "China side")."""
    if st.speaker is None or st.speaker == BOTH:
        return None
    return c.countries.get(st.speaker) or country_code(c, st.speaker)


def statements(c: Comparison, side: Side) -> list[Statement]:
    """The statements of readout `side` (none before the statements stage has run)."""
    return c.statements.get(side, [])


def voiced_by(c: Comparison, side: Side, code: str | None) -> list[Statement]:
    """The statements readout `side` puts in the mouth of people or sides of country `code`."""
    if code is None:
        return []
    return [st for st in statements(c, side) if speaker_country(c, st) == code]


def own_voice(c: Comparison, side: Side) -> list[Statement]:
    """What readout `side` says for its own side: its own people, its side, or its own (narrator's) voice."""
    mine = side_country(c, side)
    return [st for st in statements(c, side)
            if st.act != "opening" and (st.speaker is None or (st.speaker != BOTH and speaker_country(c, st) in (mine, None)))]


def in_person(st: Statement) -> str | None:
    """Who says a statement when it is a person or a side ("Joe Biden", "China"); None for the
    readout's own voice and for joint statements."""
    return st.speaker if st.speaker and st.speaker != BOTH and st.role in ("person", "side") else None


def joint(c: Comparison, side: Side) -> list[Statement]:
    return [st for st in statements(c, side) if st.speaker == BOTH or st.role == "both"]


def linked(c: Comparison, side: Side, sentence: int) -> set[int]:
    """The sentences of the other readout linked to `sentence` of readout `side`."""
    out: set[int] = set()
    for link in c.links:
        mine, theirs = (link.a, link.b) if side == "A" else (link.b, link.a)
        if sentence in mine:
            out.update(theirs)
    return out


def text_of(c: Comparison, side: Side, st: Statement) -> str:
    return c.doc(side).text[st.start:st.end]


def excerpt(text: str, at: int = 0, *, han: bool = False, words: int = QUOTE_WORDS, lead: bool = True) -> str:
    """A few words of `text` from the word holding offset `at` (earlier when that is near the end,
    so that the quote is as long as the others), with "…" where cut (at the start only when
    `lead`: a reporting clause left out is no cut in what is said)."""
    if han:
        first = min(at, max(0, len(text.rstrip("。.！!？?")) - QUOTE_HAN))  # a full quote, ending at the end
        piece = text[first:first + QUOTE_HAN].strip(" ，。；：,;:")
        return ("…" if first and lead else "") + piece + ("…" if first + QUOTE_HAN < len(text.rstrip("。.！!？?")) else "")
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    first = min(next((k for k, (_, end) in enumerate(spans) if end > at), 0), max(0, len(spans) - words))
    picked = [text[a:b] for a, b in spans[first:first + words]]
    body = " ".join(picked).strip(",;:")
    cut = first + words < len(spans)
    return ("…" if first and lead else "") + (body.rstrip(".") if not cut else body) + ("…" if cut else "")


def quote(c: Comparison, side: Side, st: Statement, at: int | None = None) -> Quote:
    """The words of a statement a finding quotes: all of what is said when it is short (a Chinese
    "习近平强调，" reporting clause left out), its sentence from where it starts when it is a mere
    fragment of that sentence (a list item, a tail clause); else from `at` (an offset into the readout's text,
    say where a formula or a stance word starts), else from the first stance word, else from the
    start of what is said."""
    text = text_of(c, side, st)
    han = c.doc(side).language == "zh"
    s = c.doc(side).sentences[st.sentence]
    if _fragment(text, han) and (s.start < st.start or st.end < s.end):
        # one item of a list ("民主人权、") or a tail clause ("而不是说一套做一套") says nothing alone:
        # quote its sentence from there
        return quote(c, side, replace(st, start=s.start, end=s.end), st.start if at is None else at)
    lead = True
    start = _after_reporting(text, han)
    if _fits(text[start:], han):  # short enough to quote whole
        return Quote(side, st.sentence, excerpt(text[start:], han=han, lead=False))
    if at is not None:
        local = max(0, at - st.start)
    elif st.stance and (k := text.find(st.stance[0])) >= 0:
        local = k
    else:
        local, lead = _after_reporting(text, han), False
    return Quote(side, st.sentence, excerpt(text, local, han=han, lead=lead))


def _fragment(text: str, han: bool) -> bool:
    """Too short to stand as a quote: under half a quote's length."""
    return len(text.strip(" ，。；：、,.;:")) < QUOTE_HAN // 2 if han else len(text.split()) < QUOTE_WORDS // 2


def _fits(text: str, han: bool) -> bool:
    return len(text.strip()) <= QUOTE_HAN if han else len(text.split()) <= QUOTE_WORDS


def _after_reporting(text: str, han: bool) -> int:
    """Chinese: the offset after a short opening "X指出，" clause (one that ends on a verb of
    saying, voice.toml: not "“脱钩断链”不是解决之道，"), where what is said begins."""
    if not han:
        return 0
    m = re.match(r"([^，。；：]{1,12})[，：]", text)
    if not m or len(text) <= m.end() + 6:
        return 0
    verbs = voice_words("zh").verbs
    return m.end() if any(m.group(1).endswith(v[0]) for v in verbs) else 0


def quoted(q: Quote) -> str:
    return f"“{q.text}”"


def sentences_of(items: Iterable[Statement]) -> list[int]:
    return sorted({st.sentence for st in items})


def and_list(items: list[str]) -> str:
    """'a, b and c' (a serial comma when an item has an 'and' of its own: "climate and energy, and
    food security")."""
    if len(items) <= 1:
        return "".join(items)
    serial = "," if any(" and " in item for item in items) else ""
    return ", ".join(items[:-1]) + f"{serial} and " + items[-1]


def cut_off(c: Comparison, lacking: Side, cited: Iterable[int]) -> str | None:
    """What a finding about what readout `lacking` does not have must add when that readout's text
    is cut off: "" when it is complete; None (drop the finding) when every sentence it cites of the
    other readout comes after the last one linked to the stored text, so that the missing tail
    explains it; else a caveat to append."""
    if not c.truncated.get(lacking):
        return ""
    cited = list(cited)
    o = other(lacking)
    reached = max((i for link in c.links for i in (link.a if o == "A" else link.b)), default=-1)
    if cited and min(cited) > reached:
        return None
    return f" ({possessive(c, lacking)} text is cut off: this may be in its missing part)"


def names_country(c: Comparison, side: Side, st: Statement, code: str | None) -> bool:
    """The statement names country `code` ("the PRC", "美方", "Россия"): a charge aimed at it."""
    if code is None:
        return False
    s = c.doc(side).sentences[st.sentence]
    return any(h.entity == f"country:{code}" and st.start <= h.start < st.end for h in s.hits)


def focus(c: Comparison, side: Side, st: Statement) -> int | None:
    """Where the words that carry a statement's stance start: its first tone marker (in Chinese the
    clause that holds it), else None."""
    s = c.doc(side).sentences[st.sentence]
    at = next((m.start for m in s.tone_marks if st.start <= m.start < st.end), None)
    if at is None or c.doc(side).language != "zh":
        return at
    text = c.doc(side).text
    clause = max(text.rfind(mark, st.start, at) for mark in "，；：,;:")
    return clause + 1 if clause >= 0 else st.start


# the act a disagreement marker says a statement performs, when the statement's own act is milder
MARKED_ACTS = {"concern": "concern", "oppose": "oppose", "warning": "warn", "core-interests": "warn"}


def markers_in(c: Comparison, side: Side, st: Statement) -> list[str]:
    """The tone markers inside a statement (the annotate stage reads them in their diplomatic sense)."""
    s = c.doc(side).sentences[st.sentence]
    return [m.id for m in s.tone_marks if st.start <= m.start < st.end]


def stance_act(c: Comparison, side: Side, st: Statement) -> str:
    """A statement's act, sharpened by the disagreement markers it holds: "stated" with "red line"
    in it is a warning, whatever the statement's own act says."""
    if st.act in CONTENTIOUS:
        return st.act
    return next((MARKED_ACTS[m] for m in markers_in(c, side, st) if m in MARKED_ACTS), st.act)


def by_flashpoint(items: Iterable[T], topics: Callable[[T], list[str]], lexicon: Vocabulary) -> dict[str | None, list[T]]:
    """Items grouped by the first flashpoint (a high-salience topic) among their topics, the rest
    under None: a pledge or an agreement on Taiwan is a finding of its own, the others merge."""
    groups: dict[str | None, list[T]] = {}
    for item in items:
        groups.setdefault(next((t for t in topics(item) if lexicon.topic_salience(t) == "high"), None), []).append(item)
    return groups


def assures(c: Comparison, side: Side, st: Statement) -> bool:
    """A statement holding a pledge formula ("does not interfere in the US's internal affairs",
    "不寻求通过强化同盟关系反对中国") assures: it is no charge, whatever country it names."""
    return any(m.formula.says or m.formula.does for m in fm.find(text_of(c, side, st), c.doc(side).language))
