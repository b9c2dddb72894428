"""The statements stage: each readout read as an analyst reads it (DESIGN.md section 8).

It runs after alignment and before the measures, which count statements:
    layout.py   page furniture, the dateline, the opening line, a cut-off end
    topics.py   which topics a sentence discusses and which it only touches
    voice.py    who each sentence is reported as saying (a side left as "side:CN" for now)
    sides.py    whose account each readout is, its principal, the speaker of a side, its name
    split.py    sentences into statements: clauses, enumeration items, list items; act, stance
    rules.py    the per-language data (resources/lang/<code>/statements.toml)
The lede of a side is the main topic of its first substantive statement: after furniture and the
opening, skipping statements with no topic, statements whose topics are named only by words for
the talks themselves ("This meeting is the third ...", "the two sides had an in-depth exchange"),
and courtesy lines (thanks, greetings, congratulations, condolences) about nothing but the
meeting, the relationship or the two peoples.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import voice_words
from viewer.model import NARRATOR, SIDES, Document, Side, SpeakerRole, Statement
from viewer.statements.layout import Layout, layout
from viewer.statements.rules import rules
from viewer.statements.sides import Resolver, infer_sides, principal
from viewer.statements.split import FRAME_TOPICS, Splitter, frame_spans, ordinal, talk_only, words_in
from viewer.statements.topics import classify
from viewer.statements.voice import Mention, attribute, mentions

__all__ = ["Reading", "read", "statement_words"]

# What a courtesy line (thanks, greetings, condolences) may be about and still be only courtesy:
# the meeting, the relationship, the two peoples ("warm wishes to the Chinese people").
COURTESY_TOPICS = FRAME_TOPICS | {"people-to-people"}


@dataclass
class Reading:
    """What the stage gives the Comparison (its sentences' fields are set in place)."""

    statements: dict[Side, list[Statement]]
    sides: dict[Side, str | None]  # ISO code of the government whose account it is
    ledes: dict[Side, str | None]
    truncated: dict[Side, bool]
    speakers: dict[Side, dict[str, float]]
    principals: dict[Side, str | None]
    countries: dict[str, str | None]


def read(docs: dict[Side, Document], lexicon: Vocabulary) -> Reading:
    """Furniture, opening, topics and speakers of every sentence, then the statements of each side."""
    layouts: dict[Side, Layout] = {}
    found: dict[Side, dict[int, list[Mention]]] = {}  # the speaker mentions of each body sentence
    countries: dict[str, str | None] = {}
    for side in SIDES:
        doc = docs[side]
        lang_rules = rules(doc.language)
        lay = layouts[side] = layout(doc, lang_rules)
        for s in doc.sentences:
            s.furniture, s.opening = lay.furniture[s.i], lay.opening[s.i]
            s.topics, s.passing = classify(s, doc.language) if lay.body[s.i] else ([], [])
        starts = lay.starts
        found[side] = {s.i: mentions(s, voice_words(doc.language), lexicon) for s in doc.sentences if lay.body[s.i]}
        countries.update(attribute(doc, lexicon, lay.body,
                                   lambda s, r=lang_rules, d=doc, st=starts: ordinal(s, st.get(s.i, s.start), r, d.language),
                                   lay.opening, found[side]))
    sides = infer_sides(docs, lexicon, countries)
    principals = {side: principal(docs[side], sides[side], countries, lexicon) for side in SIDES}
    by_country = {sides[side]: principals[side] for side in SIDES if sides[side]}
    statements: dict[Side, list[Statement]] = {}
    for side in SIDES:
        doc, lay = docs[side], layouts[side]
        resolve = Resolver(doc, sides[side], by_country, countries, lexicon)
        roles: dict[int, SpeakerRole] = {}
        for s in doc.sentences:
            s.speaker, roles[s.i] = resolve(s.speaker)
        splitter = Splitter(doc, rules(doc.language), found[side], resolve, countries.get)
        statements[side] = [st for s in doc.sentences if lay.body[s.i]
                            for st in splitter.sentence(s, lay.starts.get(s.i, s.start), s.speaker, roles[s.i], s.opening)]
    principals = {side: principal(docs[side], sides[side], countries, lexicon) for side in SIDES}
    return Reading(
        statements=statements,
        sides=sides,
        ledes={side: lede(docs[side], statements[side]) for side in SIDES},
        truncated={side: layouts[side].truncated for side in SIDES},
        speakers={side: shares(docs[side], layouts[side].body) for side in SIDES},
        principals=principals,
        countries=countries,
    )


def lede(doc: Document, statements: list[Statement]) -> str | None:
    """The main topic of the first substantive statement (see the module's docstring)."""
    for st in statements:
        s = doc.sentences[st.sentence]
        if st.act == "opening" or not st.topics or talk_only(s, st, frame_spans(s, doc.language), doc.language):
            continue
        if st.act == "thank" and set(st.topics) <= COURTESY_TOPICS:
            continue
        return st.topics[0]
    return None


def shares(doc: Document, body: list[bool]) -> dict[str, float]:
    """Share of the sentences of running text (no furniture, no heading) of each speaker, "both"
    and the narrator."""
    counted = [s for s in doc.sentences if body[s.i]]
    if not counted:
        return {}
    counts = Counter(s.speaker or NARRATOR for s in counted)
    return {name: round(n / len(counted), 4) for name, n in counts.most_common()}


def statement_words(doc: Document, statements: list[Statement]) -> list[float]:
    """The words each statement takes: its weight times the words of its sentence after the
    dateline (Han characters in Chinese)."""
    lengths: dict[int, int] = {}
    for st in statements:
        if st.sentence not in lengths:
            s = doc.sentences[st.sentence]
            lengths[st.sentence] = words_in(doc, s, st.start, s.end)
    return [st.weight * lengths[st.sentence] for st in statements]
