"""What of a readout is page, not statement: furniture, the dateline, the opening line, a cut-off end.

- **Furniture** (Sentence.furniture): the headline and every heading before the first sentence of
  running text (a headline split over two lines, an outlet's name, a timestamp line, a headline
  too long to pass for a heading but alone on its line without a full stop), headings
  after the last one, and any line a furniture pattern of the language matches as a whole
  (resources/statements.toml and resources/lang/<code>/statements.toml: "###", "2022-03-30 23:00",
  press-release numbers, photo credits, "Dernière mise à jour à 11h23 le 31/03"). Furniture takes
  no share, no topic and no speaker. A source line ("Об этом сообщает пресс-служба Кремля") is
  not furniture: it is the narrator's.
- **Dateline**: "VALLETTA, Sept. 17 (Xinhua) --", "央视网消息（新闻联播）：", "МОСКВА, 8 июля. /ТАСС/."
  at the start of a sentence. The sentence is kept whole (splitting it would renumber every
  sentence a reader or a note refers to, and the dateline often shares its line with the
  opening); its statements start after the dateline, so the dateline takes no share, no topic
  and no speaker. A sentence that is nothing but a dateline is furniture.
- **Opening** (Sentence.opening): the first sentence of running text when it reports the meeting
  (who met whom, where, when, at whose request: a cue of [opening] in statements.toml). It is a
  statement of its own kind (act "opening"), the narrator's, never the lede.
- **Truncated**: the text ends mid-sentence: its last sentence of running text has no final
  punctuation and is no heading. A short line without a full stop is a heading unless it reads
  as a cut sentence: it holds a comma (Chinese ，、), or, in a Latin or Cyrillic script, most of
  its words are written in lower case (a headline capitalises its words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from viewer.lang.script import ends_sentence, han_count
from viewer.lexicon.wordlists import phrase_spans, voice_words
from viewer.model import Document, Sentence
from viewer.statements.rules import Rules
from viewer.statements.voice import verb_in_name
from viewer.text.chinese import to_simplified

_CUT_MARK = re.compile(r"[,，、;；]")
_WORD = re.compile(r"[^\W\d_]+")
_FIRST_PARAGRAPHS = 3  # a dateline opens one of the first paragraphs of running text
_SHORT_ZH = 10  # Han characters: a shorter line without a full stop is a heading
_HEADLINE = 300  # characters: the longest line before the text that is taken for its headline


@dataclass
class Layout:
    furniture: list[bool]
    body: list[bool]  # sentences that hold statements (not furniture, not a heading; a cut-off end is)
    opening: list[bool]
    starts: dict[int, int]  # sentence -> where its statements begin, after a dateline
    truncated: bool


def _simplified(text: str, language: str) -> str:
    """Chinese in simplified characters (the patterns are written so), offsets kept."""
    if language != "zh":
        return text
    simple = to_simplified(text)
    return simple if len(simple) == len(text) else text


def _is_furniture_line(text: str, rules: Rules) -> bool:
    line = " ".join(_simplified(text, rules.language).split())
    bare = line.rstrip(".。")
    return any(p.fullmatch(line) or p.fullmatch(bare) for p in _furniture(rules))


@cache
def _furniture(rules: Rules) -> tuple[re.Pattern[str], ...]:
    """The furniture patterns joined into one where they can be, so that a sentence is matched once
    instead of once per pattern: a line matches alternatives as a whole iff it matches one of
    them, when they share their flags and hold no group (so no back-reference)."""
    patterns = rules.furniture
    if len({p.flags for p in patterns}) != 1 or any(p.groups for p in patterns):
        return patterns
    return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags),)


def _dateline(s: Sentence, rules: Rules) -> int:
    """Characters of `s` that a dateline takes at its start (0 when none)."""
    text = _simplified(s.text, rules.language)
    for pattern in rules.datelines:
        m = pattern.match(text)
        if m and m.end():
            return m.end()
    return 0


def _headline(sentences: list[Sentence], k: int) -> bool:
    """A line of its own without final punctuation, at most _HEADLINE characters."""
    s = sentences[k]
    alone = all(o.paragraph != s.paragraph for o in sentences[max(0, k - 1) : k + 2] if o is not s)
    return alone and len(s.text) <= _HEADLINE and not ends_sentence(s.text)


def _reads_as_cut(s: Sentence, language: str) -> bool:
    """A line without a full stop that is a sentence cut off, not a heading."""
    if _CUT_MARK.search(s.text):
        return True
    if language == "zh":
        return han_count(s.text) >= 2 * _SHORT_ZH
    words = _WORD.findall(s.text)
    lower = sum(1 for w in words if w[0].islower())
    return len(words) >= 3 and lower * 2 > len(words)


def layout(doc: Document, rules: Rules) -> Layout:
    sentences = doc.sentences
    n = len(sentences)
    furniture = [_is_furniture_line(s.text, rules) for s in sentences]
    body = [not (f or s.heading) for f, s in zip(furniture, sentences, strict=True)]
    k = 0
    while k < n - 1 and (not body[k] or _headline(sentences, k)):
        body[k] = False  # a long headline ("Readout of ... Meeting with ... Wang Yi") is still one
        k += 1
    running = [k for k in range(n) if body[k]]
    last = n - 1
    while last >= 0 and furniture[last]:
        last -= 1
    truncated = False
    if last >= 0 and not ends_sentence(sentences[last].text):
        tail = sentences[last]
        truncated = not tail.heading or (bool(running) and _reads_as_cut(tail, doc.language))
        body[last] = body[last] or truncated
    running = [k for k in range(n) if body[k]]
    if running:
        for k in range(running[0]):  # the headline, the outlet, the timestamp
            furniture[k] = True
        for k in range(running[-1] + 1, n):
            furniture[k] = furniture[k] or sentences[k].heading
    starts: dict[int, int] = {}
    paragraphs = sorted({sentences[k].paragraph for k in running})[:_FIRST_PARAGRAPHS]
    for k in running:
        s = sentences[k]
        if s.paragraph not in paragraphs or (k > 0 and sentences[k - 1].paragraph == s.paragraph and body[k - 1]):
            continue
        cut = _dateline(s, rules)
        if cut and not s.text[cut:].strip(" -—–:：."):
            furniture[k], body[k] = True, False
        elif cut:
            starts[k] = s.start + cut
    running = [k for k in range(n) if body[k]]
    opening = [False] * n
    if running and _reports_the_meeting(sentences[running[0]], rules, doc.language):
        opening[running[0]] = True
    return Layout(furniture, body, opening, starts, truncated)


def _reports_the_meeting(s: Sentence, rules: Rules, language: str) -> bool:
    """A cue of the opening line with no verb of saying before it ("Biden said the talks were
    useful" reports speech, not the meeting)."""
    cues = phrase_spans(s, rules.opening, language)
    if not cues:
        return False
    said = [v for v in phrase_spans(s, voice_words(language).verbs, language)
            if language == "zh" or not verb_in_name(s, v, s.text, s.start)]
    return not any(start < cues[0][0] for start, _ in said)
