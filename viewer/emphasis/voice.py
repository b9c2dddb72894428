"""Who each sentence is reported as saying.

Rule (kept simple so a reader can predict it):
1. Speaker mentions in a sentence are person hits (-> the person's label, "Joe Biden" for both
   "President Biden" and "Biden"), a country's side ("the Chinese side", "中方", "китайская
   сторона" -> "China side"), and "both" phrases ("the two leaders", "双方", "стороны").
2. With a verb of saying, the speaker is the mention nearest before the first such verb; two
   different mentions joined by a conjunction ("Biden and Xi discussed") are "both"; a bare country
   counts only right before the verb ("Russia reaffirmed"). No mention but a pronoun subject
   ("He added") or a verb at the very start continues the speaker of the previous two sentences;
   a mention just after the verb ("said Biden") also names the speaker (not in Chinese, where
   "希望美方" is "hopes that the U.S. side").
3. Without a verb of saying, a continuation opener ("He also", "Il a également", "Он также")
   continues the previous speaker; in Chinese, where a paragraph opened by "习近平指出" keeps
   speaking without a subject, every later sentence of that paragraph continues its speaker, and
   a country's side named inside it ("美方提出") is talked about, not talking.
4. A sentence that opens with a "both" phrase is "both" even without a verb of saying.
5. Otherwise the sentence is the narrator's (None). Headings are always the narrator's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from viewer.emphasis.wordlists import Phrase, VoiceWords, find_phrases, voice_words
from viewer.model import Document, Sentence
from viewer.text.chinese import to_simplified

BOTH = "both"
NARRATOR = "narrator"


@dataclass(frozen=True)
class Mention:
    start: int  # character span in the readout's text, like Token and TopicHit
    end: int
    speaker: str
    country: str | None  # ISO code of the speaker's country; None for "both"
    kind: str  # "person", "side" or "both"
    bare_country: bool = False  # a country named without "side": a speaker only right before a verb


def _token_index(sentence: Sentence, offset: int) -> int:
    for k, tok in enumerate(sentence.tokens):
        if tok.end > offset:
            return k
    return len(sentence.tokens)


def _between(sentence: Sentence, lo: int, hi: int) -> list[str]:
    """Normalised words lying wholly between two text offsets."""
    return [t.norm for t in sentence.tokens if t.start >= lo and t.end <= hi]


def phrase_spans(sentence: Sentence, phrases: tuple[Phrase, ...], language: str) -> list[tuple[int, int]]:
    """Character spans (in the readout's text) where `phrases` occur in a sentence, in order.

    Chinese is searched in the text itself, not token by token: jieba cuts the same words
    differently by context ("双方同意" is one unit, "两国元首" three), so a verb or subject is found
    wherever its characters stand; a one-character entry ("说") must still be a whole word unit.
    """
    tokens = sentence.tokens
    if language != "zh":
        return [(tokens[i].start, tokens[j - 1].end) for i, j in find_phrases(sentence.norms, phrases)]
    text = to_simplified(sentence.text)
    units = {t.norm for t in tokens}
    taken = [False] * len(text)
    spans = []
    for phrase in phrases:  # longest first
        word = "".join(phrase)
        if len(word) == 1 and word not in units:
            continue
        pos = text.find(word)
        while pos >= 0:
            if not any(taken[pos : pos + len(word)]):
                taken[pos : pos + len(word)] = [True] * len(word)
                spans.append((sentence.start + pos, sentence.start + pos + len(word)))
            pos = text.find(word, pos + len(word))
    return sorted(spans)


def _country_side(lexicon, code: str) -> str:
    return f"{lexicon.entity_label('country:' + code)} side"


def mentions(sentence: Sentence, words: VoiceWords, lexicon) -> list[Mention]:
    """Speaker mentions of one sentence, in text order."""
    tokens, norms = sentence.tokens, sentence.norms
    found: list[Mention] = []
    for hit in sentence.hits:
        if not hit.entity:
            continue
        kind, _, ident = hit.entity.partition(":")
        if kind == "person":
            info = lexicon.person(ident)
            found.append(Mention(hit.start, hit.end, info.label, info.country, "person"))
        elif kind == "country":
            first = _token_index(sentence, hit.start)
            after = _token_index(sentence, hit.end)
            start, end = hit.start, hit.end
            if first > 0 and norms[first - 1] in words.side_words:
                start = tokens[first - 1].start
            if after < len(norms) and norms[after] in words.side_words:
                end = tokens[after].end
            bare = (start, end) == (hit.start, hit.end)
            found.append(Mention(start, end, _country_side(lexicon, ident), ident, "side", bare_country=bare))
    for name, code in words.sides.items():
        for start, end in phrase_spans(sentence, ((name,),), words.language):
            found.append(Mention(start, end, _country_side(lexicon, code), code, "side"))
    sides = [m for m in found if m.kind == "side" and not m.bare_country]
    for start, end in phrase_spans(sentence, words.both, words.language):
        # "китайская сторона" is China's side, not "стороны" (both)
        if not any(m.start < end and start < m.end for m in sides):
            found.append(Mention(start, end, BOTH, None, "both"))
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _joined(a: Mention, b: Mention, sentence: Sentence, words: VoiceWords) -> bool:
    gap = _between(sentence, a.end, b.start)
    return len(gap) <= 2 and any(w in words.conjunctions for w in gap)


def _speaker_at_verb(found: list[Mention], verb: tuple[int, int], sentence: Sentence, words: VoiceWords) -> Mention | None:
    before = [
        m
        for m in found
        if m.end <= verb[0] and (not m.bare_country or len(_between(sentence, m.end, verb[0])) <= 2)
    ]
    if before:
        nearest = before[-1]
        if len(before) > 1:
            prev = before[-2]
            if prev.speaker != nearest.speaker and _joined(prev, nearest, sentence, words):
                return Mention(prev.start, nearest.end, BOTH, None, "both")
        return nearest
    if not words.speaker_after_verb:
        return None
    after = [
        m for m in found if m.start >= verb[1] and not m.bare_country and len(_between(sentence, verb[1], m.start)) <= 2
    ]
    return after[0] if after else None


def _has_pronoun(lead: list[str], lead_text: str, words: VoiceWords) -> bool:
    """A pronoun subject before the verb; in Chinese inside a word unit too ("我愿" is one unit)."""
    if words.language == "zh":
        return any(p in lead_text for p in words.pronouns)
    return any(w in words.pronouns for w in lead)


def attribute(doc: Document, lexicon) -> dict[str, str | None]:
    """Set sentence.speaker for every sentence of `doc`; return each speaker's country (None for both)."""
    words = voice_words(doc.language)
    countries: dict[str, str | None] = {}
    recent: list[str | None] = []  # speakers of the previous sentences, latest last
    prev: Sentence | None = None
    for s in doc.sentences:
        s.speaker = None
        if s.heading or not s.tokens:
            recent.append(None)
            prev = s
            continue
        carried = next((sp for sp in reversed(recent[-2:]) if sp is not None), None)
        ongoing = prev.speaker if words.carry_in_paragraph and prev is not None and prev.paragraph == s.paragraph else None
        found = mentions(s, words, lexicon)
        # a verb inside a name is no verb: "United States" stems to "state", like "stated"
        verbs = [
            v for v in phrase_spans(s, words.verbs, doc.language) if not any(m.start < v[1] and v[0] < m.end for m in found)
        ]
        speaker: str | None = None
        if verbs:
            chosen = _speaker_at_verb(found, verbs[0], s, words)
            lead = _between(s, s.start, verbs[0][0])
            lead_text = to_simplified(doc.text[s.start : verbs[0][0]])
            if chosen is not None and chosen.kind == "side" and ongoing is not None:
                speaker = ongoing  # "习近平指出……美方提出……": the side is talked about, not talking
            elif chosen is not None:
                speaker = chosen.speaker
                countries.setdefault(speaker, chosen.country)
            elif len(lead) <= 1 or _has_pronoun(lead, lead_text, words):
                speaker = carried
        if speaker is None:
            opener = phrase_spans(s, words.continuation, doc.language)
            if (opener and opener[0][0] == s.tokens[0].start) or s.tokens[0].norm in words.pronouns:
                speaker = carried
            elif ongoing is not None:
                speaker = ongoing
            elif found and found[0].kind == "both" and found[0].start == s.tokens[0].start:
                speaker = BOTH  # "双方还就……交换了意见", "Both sides also ..."
        s.speaker = speaker
        recent.append(speaker)
        prev = s
    return countries


def shares(doc: Document) -> dict[str, float]:
    """Share of the (non-heading) sentences of each speaker, "both" and "narrator"."""
    body = [s for s in doc.sentences if not s.heading]
    if not body:
        return {}
    counts = Counter(s.speaker or NARRATOR for s in body)
    return {name: round(n / len(body), 4) for name, n in counts.most_common()}


def principal(doc: Document) -> str | None:
    """A readout's own principal: its most-quoted single speaker (not "both", not the narrator).

    A readout mostly reports its own side's words, so this is the side it speaks for; ties go to
    the speaker quoted first.
    """
    order = [s.speaker for s in doc.sentences if s.speaker not in (None, BOTH)]
    if not order:
        return None
    counts = Counter(order)
    best = max(counts.values())
    return next(sp for sp in order if counts[sp] == best)
