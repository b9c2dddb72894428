"""Who each sentence is reported as saying (the words of each language are its voice.toml).

Rules, in the order they are tried (kept simple so a reader can predict them):
0. Page furniture has no speaker; the opening line (who met whom) is the narrator's.
1. Speaker mentions in a sentence are person hits (-> the person's label, "Joe Biden" for both
   "President Biden" and "Biden"), a country's side ("the Chinese side", "中方", "китайская
   сторона" -> "side:CN", resolved by sides.py to the person who speaks for that side), and
   "both" phrases ("the two leaders", "双方", "стороны"; not after "all": "all parties", 各方).
   A capitalised name the lexicon does not know ("Foreign Minister Chen Wei", "M. Dupont",
   "Министр Лавров", and in Chinese a name jieba tags as one, "王毅") is a speaker too when it
   stands directly before a verb of saying; its label is the name without its title, in the full
   form a titled mention gives anywhere in the text ("Margaret Hale" for "Secretary Hale").
   A verb written with a capital inside a sentence belongs to a name ("Secretary of State").
2. The items of an enumeration ("一是……二是……", "Second, ...") keep the speaker of the sentence
   that opened it, across paragraphs.
3. A trailing attribution ("..., Wang said.", "..., — сказал Лавров", "…», a déclaré M. Wang":
   a last clause of nothing but a speaker and a verb of saying) names the speaker.
4. A sentence whose subject is the talks themselves ("The call was part of ...", "这次会晤") or
   that reports who attended (参加会晤) is the narrator's; so is a meeting reported without a
   verb of saying before it ("met with", "spoke with", "held talks").
5. "According to X" names X (a person, or an office: "according to the foreign minister").
6. With a verb of saying, the speaker is the mention nearest before the first such verb (in
   Chinese, in the verb's own clause or opening the sentence: "中方……，同时希望美国……" is 中方,
   not "俄乌双方" in between); two different mentions joined by a conjunction ("Biden and Xi
   discussed") are "both"; a bare country counts only right before the verb ("Russia
   reaffirmed"). No mention but a pronoun subject ("He added") or a verb at the very start
   continues the speaker of the previous two sentences; a mention just after the verb ("said
   Biden") also names the speaker (not in Chinese, where "希望美方" is "hopes that the U.S.
   side"). A role noun as the whole subject ("The Secretary also raised", "Министр подчеркнул",
   "the Russian minister", «Китайский политик», 外长) continues the last speaker if that person
   holds the office, else the first person (of the country named with it) named with it, else
   the last speaker; in the plural ("The ministers") it is both. "The two sides should ..."
   (双方要, las dos partes deben) inside someone's reported speech is that speaker's proposal;
   in Chinese a side named inside someone's paragraph ("美方提出") is talked about, not talking.
7. Without a verb of saying, a continuation opener ("He also", "Il a également", "Он также")
   continues the previous speaker; the people at the table ("The two leaders tasked their
   teams") act jointly; otherwise reported speech goes on through its paragraph ("Wang Yi said,
   ... . Some forces are trying to ... . Such attempts will never succeed."), and in Chinese
   through the paragraphs after it that name no speaker; a sentence opening with "both" is
   joint; a Russian impersonal passive («Подчёркнута важность ...», «С российской стороны
   выражена ...») is the readout's own side (SELF), or that side or both when it names them.
8. Otherwise the sentence is the narrator's (None).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import (
    Phrase,
    VoiceWords,
    both_spans,
    find_phrases,
    phrase_spans,
    stop_words,
    voice_words,
)
from viewer.model import BOTH, Document, Sentence, TopicHit
from viewer.text.chinese import to_simplified
from viewer.text.tokens import token_end, tokenize, tokens_in


@dataclass(frozen=True)
class Mention:
    start: int  # character span in the readout's text, like Token and TopicHit
    end: int
    speaker: str
    country: str | None  # ISO code of the speaker's country; None for "both"
    kind: str  # "person", "side" or "both"
    bare_country: bool = False  # a country named without "side": a speaker only right before a verb


def _overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether `span` overlaps one of `spans` (sorted by start; mentions hardly nest)."""
    k = bisect.bisect_left(spans, (span[1],))
    return any(a < span[1] and span[0] < b for a, b in spans[max(0, k - 3) : k])


def _token_index(sentence: Sentence, offset: int) -> int:
    """Index of the first token ending after `offset` (bisection: tokens are in text order)."""
    return bisect.bisect_right(sentence.tokens, offset, key=token_end)


def _between(sentence: Sentence, lo: int, hi: int) -> list[str]:
    """Normalised words lying wholly between two text offsets."""
    return [t.norm for t in tokens_in(sentence.tokens, lo, hi)]


@cache
def _said_or_met(language: str) -> tuple[tuple[Phrase, ...], frozenset[str]]:
    """Verbs of saying and meeting phrases as one list (one pass over a sentence finds both,
    and "spoke with" wins over "spoke"), with the meeting phrases' keys."""
    words = voice_words(language)
    phrases = tuple(sorted(set(words.verbs) | set(words.meetings), key=len, reverse=True))
    return phrases, frozenset(_phrase_key(p, language) for p in words.meetings)


def _phrase_key(phrase: Phrase, language: str) -> str:
    return ("" if language == "zh" else " ").join(phrase)


def _verbs_before_meeting(sentence: Sentence, text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the verbs of saying that stand before any meeting phrase of the sentence."""
    phrases, meetings = _said_or_met(language)
    if not meetings:
        return phrase_spans(sentence, phrases, language)
    if language == "zh":
        keyed = [(span, to_simplified(text[span[0] : span[1]])) for span in phrase_spans(sentence, phrases, language)]
    else:
        tokens, norms = sentence.tokens, sentence.norms
        keyed = [
            ((tokens[i].start, tokens[j - 1].end), " ".join(norms[i:j]) if j - i > 1 else norms[i])
            for i, j in find_phrases(norms, phrases)
        ]
    verbs = []
    for span, key in keyed:
        if key in meetings:
            break
        verbs.append(span)
    return verbs


_LEAD_CHARS = 16  # characters before a clause's own speaker ("and", "while the")
SIDE = "side:"  # prefix of a side's interim speaker ("side:CN"), resolved to a person by speakers.py
SELF = SIDE + "self"  # the readout's own side (a Russian impersonal passive)


def side_speaker(code: str) -> str:
    """The interim speaker of a country's side ("the Chinese side", 中方): "side:CN"."""
    return SIDE + code


def side_code(speaker: str | None) -> str | None:
    """"CN" for "side:CN", "self" for SELF, None for a person, BOTH or the narrator."""
    return speaker[len(SIDE):] if speaker and speaker.startswith(SIDE) else None


def mentions(sentence: Sentence, words: VoiceWords, lexicon: Vocabulary) -> list[Mention]:
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
            # "Российская сторона" is one lexicon name that already holds its side word
            bare = (start, end) == (hit.start, hit.end) and not any(
                norms[k] in words.side_words for k in range(first, after)
            )
            found.append(Mention(start, end, side_speaker(ident), ident, "side", bare_country=bare))
    for name, code in words.sides.items():
        for start, end in phrase_spans(sentence, ((name,),), words.language):
            found.append(Mention(start, end, side_speaker(code), code, "side"))
    sides = [m for m in found if m.kind == "side" and not m.bare_country]
    others = {end for _, end in phrase_spans(sentence, words.not_both_after, words.language)} if words.not_both_after else set()
    for start, end in both_spans(sentence, words):
        # "китайская сторона" is China's side, not "стороны" (both); "all parties" are others
        if not any(m.start < end and start < m.end for m in sides) and not _right_after(others, start, words.language):
            found.append(Mention(start, end, BOTH, None, "both"))
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _right_after(ends: set[int], start: int, language: str) -> bool:
    """Whether a phrase ending at one of `ends` stands right before `start` (a space between, in
    a language that writes one)."""
    return start in ends or (language != "zh" and start - 1 in ends)


def _joined(a: Mention, b: Mention, sentence: Sentence, words: VoiceWords) -> bool:
    gap = _between(sentence, a.end, b.start)
    return len(gap) <= 2 and any(w in words.conjunctions for w in gap)


def _speaker_at_verb(found: list[Mention], verb: tuple[int, int], sentence: Sentence, words: VoiceWords) -> Mention | None:
    before = [
        m
        for m in found
        if m.end <= verb[0] and (not m.bare_country or len(_between(sentence, m.end, verb[0])) <= 2)
    ]
    if words.language == "zh" and before:
        # a Chinese verb's subject stands in its own clause, or opens the sentence and governs
        # the clauses after it ("中方……，同时希望美国……": not "俄乌双方" in between)
        text = sentence.text
        clause = sentence.start + max(text.rfind(ch, 0, verb[0] - sentence.start) for ch in "，；：,;:") + 1
        inside = [m for m in before if m.start >= clause]
        before = inside or ([before[0]] if before[0].start - sentence.start <= 2 else [])
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


@dataclass(frozen=True)
class _Name:
    """A capitalised name the lexicon does not know, with the title written before it."""

    first: int  # token index where the title begins (== start without a title)
    start: int  # token index of the name's first word
    end: int  # token index after the name's last word
    roles: frozenset[str]  # normalised title words: "secretari", "state"
    country: str | None  # a country named inside the title ("U.S. Secretary of State")


@dataclass
class _People:
    """Who the text has named so far: full forms of names and the offices people hold."""

    full: dict[str, str] = field(default_factory=dict)  # a word of a titled name -> its label
    inside: set[str] = field(default_factory=set)  # names written inside a sentence somewhere
    roles: dict[str, set[str]] = field(default_factory=dict)  # label -> normalised title words
    first: dict[str, str] = field(default_factory=dict)  # title word -> the first person named with it
    country: dict[str, str | None] = field(default_factory=dict)

    def introduce(self, label: str, roles: frozenset[str], country: str | None) -> None:
        self.roles.setdefault(label, set()).update(roles)
        for role in roles:
            self.first.setdefault(role, label)
        self.country.setdefault(label, country)

    def by_role(self, roles: set[str], carried: str | None, country: str | None = None) -> str | None:
        """A role noun ("The Secretary") continues the last speaker when that person holds the
        office (or no office of theirs is known), else the first person named with it: a readout
        names its own principal first ("Secretary of State Margaret Hale met with ...").
        Qualified by a country ("the Russian minister", «Китайский политик»), it is the first
        person of that country named with the office, else the first of that country."""
        if country is not None:
            of_country = [p for p, c in self.country.items() if c == country]
            holding = [p for p in of_country if roles & self.roles.get(p, set())]
            if holding or of_country:
                return (holding or of_country)[0]
        if carried in self.roles and (roles & self.roles[carried] or not self.roles[carried]):
            return carried
        named = [self.first[r] for r in sorted(roles) if r in self.first]
        if named:
            return named[0]
        return carried if carried != BOTH else None


class _Clause:
    """One sentence's tokens seen as phrases: which neighbours are written together (nothing but a
    space between them, or the full stop of "Mr." / "M."), which are names and titles."""

    def __init__(self, sentence: Sentence, text: str, words: VoiceWords, stops: frozenset[str]):
        self.sentence = sentence
        self.tokens = sentence.tokens
        self.norms = sentence.norms
        self.text = text
        self.words = words
        self.stops = stops

    def hit(self, k: int) -> TopicHit | None:
        """The entity hit token k lies in, if any."""
        start = self.tokens[k].start
        return next((h for h in self.sentence.hits if h.entity and h.start <= start < h.end), None)

    def tight(self, k: int) -> bool:
        """Tokens k and k + 1 belong to one phrase."""
        a, b = self.tokens[k], self.tokens[k + 1]
        gap = self.text[a.end : b.start]
        if not gap.strip():
            return True
        return gap.strip() == "." and (len(a.text) == 1 or a.norm in self.words.titles)

    def is_name_word(self, k: int) -> bool:
        t, norm = self.tokens[k].text, self.norms[k]
        w = self.words
        return (
            t[0].isupper()
            and t.isalpha()
            and (len(t) == 1 or not t.isupper())  # "PRC", "DPRK" are not names
            and self.hit(k) is None
            and norm not in w.titles
            and norm not in w.title_links
            and norm not in w.pronouns
            and norm not in self.stops
        )

    def is_title_word(self, k: int) -> bool:
        if self.norms[k] in self.words.titles or self.norms[k] in self.words.title_links:
            return True
        hit = self.hit(k)
        return hit is not None and hit.entity is not None and hit.entity.startswith("country:")

    def title_before(self, i: int) -> tuple[int, frozenset[str], str | None]:
        """Start, office words and country of the title written right before token i."""
        k = i
        while k > 0 and self.tight(k - 1) and self.is_title_word(k - 1):
            k -= 1
        while k < i and self.norms[k] in self.words.title_links:
            k += 1
        roles = frozenset(self.norms[x] for x in range(k, i) if self.norms[x] in self.words.titles)
        hits = (self.hit(x) for x in range(k, i))
        country = next((h.entity.partition(":")[2] for h in hits
                        if h is not None and h.entity and h.entity.startswith("country:")), None)
        return k, roles, country

    @cached_property
    def names(self) -> list[_Name]:
        """Runs of capitalised words no lexicon entry covers, with their titles."""
        found: list[_Name] = []
        n = len(self.tokens)
        after = 0  # end of the last run
        for i in [k for k, t in enumerate(self.tokens) if t.text[0].isupper()]:
            if i < after or not self.is_name_word(i):
                continue
            after = i + 1
            while after < n and self.tight(after - 1) and self.is_name_word(after):
                after += 1
            first, roles, country = self.title_before(i)
            found.append(_Name(first, i, after, roles, country))
        return found

    @cached_property
    def has_title(self) -> bool:
        """Whether a title may introduce a name here: an office word and a capital after the first word."""
        return _CAPITAL_LATER.search(self.sentence.text) is not None and not self.words.titles.isdisjoint(self.norms)

    def name_ending(self, end: int) -> _Name | None:
        """The name whose last word is token end - 1, with its title."""
        i = end
        while i > 0 and self.is_name_word(i - 1) and (i == end or self.tight(i - 1)):
            i -= 1
        if i == end:
            return None
        first, roles, country = self.title_before(i)
        return _Name(first, i, end, roles, country)

    def name_from(self, k: int) -> _Name | None:
        """The name (with its title) that starts at token k: "said Foreign Minister Chen Wei"."""
        n = len(self.tokens)
        i = k
        while i < n - 1 and self.is_title_word(i) and self.tight(i):
            i += 1
        end = i
        while end < n and self.is_name_word(end) and (end == i or self.tight(end - 1)):
            end += 1
        return self.name_ending(end) if end > i else None

    def subject_end(self, verb: int) -> int:
        """Index after the subject of the verb at token `verb`, skipping "also", "a", "также"."""
        k = verb
        while k > 0 and self.tight(k - 1) and self.norms[k - 1] in self.words.between:
            k -= 1
        return k

    def role_noun(self, verb: int) -> tuple[set[str], bool, str | None]:
        """The office words of a subject made of a title alone ("The Secretary", "Министр", "the
        Russian minister"), whether it is written in the plural ("The ministers": both), and the
        country that qualifies it."""
        end = self.subject_end(verb)
        k = end
        while k > 0 and self.tight(k - 1) and self.is_title_word(k - 1):
            k -= 1
        at_clause_start = k == 0 or not self.tight(k - 1) or self.norms[k - 1] in self.words.conjunctions
        if k == end or not at_clause_start:
            return set(), False, None
        roles = {self.norms[x] for x in range(k, end) if self.norms[x] in self.words.titles and self.hit(x) is None}
        hits = (self.hit(x) for x in range(k, end))
        country = next((h.entity.partition(":")[2] for h in hits if h is not None and h.entity
                        and h.entity.startswith("country:")), None)
        plural = bool(roles) and self.tokens[end - 1].text.casefold() in self.words.plural_titles
        return roles, plural, country if roles else None

    def name_label(self, name: _Name, people: _People) -> str:
        toks = self.tokens
        if name.end - name.start > 1:
            return self.text[toks[name.start].start : toks[name.end - 1].end]
        word = toks[name.start].text
        if word in people.full:
            return people.full[word]
        if name.roles:  # "Secretary Hale", "M. Dupont": the surname alone says too little
            return self.text[toks[name.start - 1].start : toks[name.start].end]
        return word


# a capitalised word right after another word and a space: written inside a sentence
_CAPITAL_INSIDE = re.compile(r"(?<=\w )[A-ZÀ-ÖØ-ÞА-ЯЁ][^\W\d_]*")
# a capital after the first word of a sentence ("Secretary Hale", "M. Dupont")
_CAPITAL_LATER = re.compile(r" [A-ZÀ-ÖØ-ÞА-ЯЁ]")


def _learn_full_names(clauses: list[_Clause], people: _People) -> None:
    """Every word of a titled full name ("Secretary of State Margaret Hale") points to it, so a
    later "Secretary Hale" or "Chen said" is labelled as the text first introduced them."""
    titled = [c for c in clauses if c.has_title]
    for clause in titled:
        for name in clause.names:
            if name.roles and name.end - name.start > 1:
                label = clause.name_label(name, people)
                for k in range(name.start, name.end):
                    people.full.setdefault(clause.tokens[k].text, label)
    for clause in titled:
        for name in clause.names:
            if name.roles and name.end - name.start == 1:
                people.full.setdefault(clause.tokens[name.start].text, clause.name_label(name, people))


def verb_in_name(sentence: Sentence, verb: tuple[int, int], text: str, offset: int = 0) -> bool:
    """A capitalised "verb" inside a sentence is part of a name or title ("Secretary of State");
    `text` starts at `offset` in the readout's text."""
    return text[verb[0] - offset].isupper() and verb[0] != sentence.tokens[0].start


def _subject_name(clause: _Clause, verb: int, people: _People, found: list[Mention]) -> Mention | None:
    """An unknown name written directly before the verb at token `verb` (or right after it:
    "..., said Chen Wei"); two joined by "and" are both."""
    end = clause.subject_end(verb)
    name = clause.name_ending(end) if end > 0 and clause.tight(end - 1) else None
    if name is None and clause.words.speaker_after_verb and not any(m.end <= clause.tokens[verb].start for m in found):
        name = clause.name_from(verb + 1) if verb + 1 < len(clause.tokens) and clause.tight(verb) else None
    if name is None or not _is_name(clause, name, people):
        return None
    toks = clause.tokens
    mention = Mention(toks[name.first].start, toks[name.end - 1].end, clause.name_label(name, people), name.country, "person")
    conj = name.first - 1
    if conj > 0 and clause.norms[conj] in clause.words.conjunctions:
        other = clause.name_ending(conj) if clause.tight(conj - 1) else None
        joined_to = (
            toks[other.first].start
            if other is not None
            else next((m.start for m in found if m.kind != "both" and m.end == toks[conj - 1].end), None)
        )
        if joined_to is not None:
            return Mention(joined_to, mention.end, BOTH, None, "both")
    return mention


def _is_name(clause: _Clause, name: _Name, people: _People) -> bool:
    """A lone capitalised first word ("Officials said") is a name only when the text writes it
    with a title or inside a sentence elsewhere."""
    if name.start > 0 or name.roles or name.end - name.start > 1:
        return True
    return clause.tokens[0].text in people.full or clause.tokens[0].text in people.inside


_ZH_BREAK = re.compile(r"[，。；：！？、,;:!?“”\"（）()《》\s]")


def _chinese_subject(s: Sentence, text: str, verb: tuple[int, int], words: VoiceWords,
                     found: list[Mention]) -> tuple[Mention | None, set[str]]:
    """A name jieba tags as a person ("王毅表示", "外交部长陈伟指出") right before the verb, or the
    office words of a title standing alone ("部长强调")."""
    import jieba.posseg  # loaded with the first Chinese sentence that has a verb of saying

    lead_start = s.start
    for m in _ZH_BREAK.finditer(text, s.start, verb[0]):
        lead_start = m.end()
    pieces, pos = [], lead_start
    for piece in jieba.posseg.cut(to_simplified(text[lead_start : verb[0]])):
        pieces.append((piece.word, piece.flag, pos))
        pos += len(piece.word)
    k = len(pieces)
    while k and pieces[k - 1][0] in words.between:
        k -= 1
    end = k
    while k and pieces[k - 1][0] in words.titles:
        k -= 1
    name_end = k
    while k and pieces[k - 1][1].startswith("nr") and pieces[k - 1][0] not in words.titles:
        k -= 1
    name_start = k
    while k and pieces[k - 1][0] in words.titles:
        k -= 1
    roles = {p[0] for p in pieces[k:end] if p[0] in words.titles}
    if name_start == name_end:
        return None, roles if k == 0 else set()
    lo, hi = pieces[name_start][2], pieces[name_end - 1][2] + len(pieces[name_end - 1][0])
    if hi - lo < 2 or any(m.start < hi and lo < m.end for m in found):
        return None, set()
    return Mention(lo, hi, text[lo:hi], None, "person"), roles


def _person_roles(role: str, language: str, words: VoiceWords) -> frozenset[str]:
    """The office words of a lexicon person's role ("Foreign Minister")."""
    return frozenset(t.norm for t in tokenize(role, language) if t.norm in words.titles)


def attribute(doc: Document, lexicon: Vocabulary, body: list[bool] | None = None,
              ordinals: Callable[[Sentence], int | None] | None = None,
              opening: list[bool] | None = None, found: dict[int, list[Mention]] | None = None) -> dict[str, str | None]:
    """Set sentence.speaker for every sentence of `doc`; return each speaker's country (None for
    both). `body[i]` is False for page furniture (no speaker), `opening[i]` True for the
    who-met-whom line (the narrator's); `ordinals(s)` gives the number of the enumeration item a
    sentence opens ("二是", "Second,"), if any; `found[i]`, the speaker mentions of sentence i when
    the caller has them (`mentions`). A side's speaker is left as "side:CN" (SELF for a
    Russian impersonal passive) until viewer/statements/sides.py knows whose account the readout is."""
    reader = _Reader(doc, lexicon, body or [not s.heading for s in doc.sentences], ordinals or (lambda s: None),
                     found or {})
    narrated = opening or [False] * len(doc.sentences)
    for s, clause in zip(doc.sentences, reader.clauses, strict=True):
        s.speaker = reader.read(s, clause) if reader.body[s.i] and s.tokens and not narrated[s.i] else None
        if reader.body[s.i] and s.tokens:
            reader.recent.append(s.speaker)
            reader.prev = s
            _introduce(s, clause, lexicon, reader.people, reader.words, doc.language)
    return reader.countries


class _Reader:
    """What the sentences read so far leave behind: people named, recent speakers, the open
    enumeration."""

    def __init__(self, doc: Document, lexicon: Vocabulary, body: list[bool], ordinals: Callable[[Sentence], int | None],
                 found: dict[int, list[Mention]]):
        self.doc, self.lexicon, self.body, self.ordinals, self.found = doc, lexicon, body, ordinals, found
        self.words = voice_words(doc.language)
        self.zh = doc.language == "zh"
        self.clauses = [_Clause(s, doc.text, self.words, stop_words(doc.language)) for s in doc.sentences]
        self.people = _People()
        if not self.zh:
            _learn_full_names(self.clauses, self.people)
            self.people.inside = set(_CAPITAL_INSIDE.findall(doc.text))
        self.countries: dict[str, str | None] = {}
        self.recent: list[str | None] = []  # speakers of the previous body sentences, latest last
        self.prev: Sentence | None = None
        self.enum_speaker: str | None = None  # who speaks the items of the open enumeration
        self.enum_next = 0  # the number the next item of that enumeration carries

    def read(self, s: Sentence, clause: _Clause) -> str | None:
        """The speaker of one body sentence (see the module's rules)."""
        words, text = self.words, self.doc.text
        carried = next((sp for sp in reversed(self.recent[-2:]) if sp is not None), None)
        prev = self.prev
        same_paragraph = prev is not None and prev.paragraph == s.paragraph
        ongoing = prev.speaker if prev is not None and (
            (words.carry_in_paragraph and same_paragraph) or words.carry_across_paragraphs) else None
        found = self.found[s.i] if s.i in self.found else mentions(s, words, self.lexicon)
        number = self.ordinals(s)
        if number is not None and number > 1 and number == self.enum_next and self.enum_speaker is not None:
            self.enum_next += 1
            return self.enum_speaker  # "二是……": the items of an enumeration keep its speaker
        # a verb inside a name is no verb: "United States" stems to "state", like "stated"
        # "spoke today with ... to exchange views": after a meeting phrase the narrator reports
        taken = sorted((m.start, m.end) for m in found)
        verbs = [
            v
            for v in _verbs_before_meeting(s, text, self.doc.language)
            if not _overlaps(taken, v) and (self.zh or not verb_in_name(s, v, text))
        ]
        trailing = self._trailing(s, clause, verbs, found)  # «Le dialogue est utile», a déclaré Wang Yi.
        if trailing is not None:
            return trailing
        if self._about_the_talks(s, found) or (words.narration and phrase_spans(s, words.narration, self.doc.language)):
            return None
        speaker = self._according(s, clause, found, carried)
        if speaker is None:
            speaker = self._by_verb(s, clause, verbs, found, carried, ongoing)
        if speaker is None:
            speaker = self._without_verb(s, found, carried, ongoing)
        if number == 1:
            self.enum_speaker, self.enum_next = speaker or ongoing or carried, 2
            speaker = self.enum_speaker
        return speaker

    def _about_the_talks(self, s: Sentence, found: list[Mention]) -> bool:
        """A sentence whose subject is the talks themselves ("The call was part of ...", "这次通话")
        is the narrator's, as is a meeting reported without a verb of saying before it."""
        words = self.words
        talks = phrase_spans(s, words.talks, words.language)
        if talks and not any(m.start < talks[0][0] for m in found if m.kind != "side"):
            start = talks[0][0]
            if self.zh:
                return start - s.start <= 2
            before = [t for t in s.tokens[:4] if t.end <= start]
            return len(before) <= 2 and all(t.norm in words.determiners for t in before)
        return False

    def _trailing(self, s: Sentence, clause: _Clause, verbs: list[tuple[int, int]], found: list[Mention]) -> str | None:
        """"..., Wang said." / "..., — сказал Лавров": a short last clause that names a speaker and a
        verb of saying attributes the whole sentence."""
        if len(verbs) < 1:
            return None
        verb = verbs[-1]
        text = self.doc.text
        cut = max(text.rfind(ch, s.start, verb[0]) for ch in ",，—–;；")
        if cut <= s.start:
            return None
        verb = next(v for v in verbs if v[0] > cut)
        tail = [t for t in s.tokens if t.start > cut and any(c.isalnum() for c in t.text)]
        after = [t for t in tail if t.start >= verb[1]]
        if not tail or len(tail) > 6 or (after and (self.zh or not all(t.text[0].isupper() for t in after))):
            return None  # "..., Wang said." or "..., said Wang"; not "..., 习近平重申了中方立场"
        named = [m for m in found if m.start > cut and m.kind == "person"]
        if named:
            return self._chosen(named[0])
        if self.zh:
            return None
        mention = _subject_name(clause, _token_index(s, verb[0]), self.people, [m for m in found if m.start > cut])
        return self._chosen(mention) if mention is not None and mention.kind == "person" else None

    def _according(self, s: Sentence, clause: _Clause, found: list[Mention], carried: str | None) -> str | None:
        """"According to the foreign minister, ...": the person (or office) named right after."""
        spans = phrase_spans(s, self.words.according, self.words.language) if self.words.according else []
        if not spans:
            return None
        end = spans[0][1]
        after = [m for m in found if m.start >= end and m.kind != "both" and len(_between(s, end, m.start)) <= 3]
        if after:
            return self._chosen(after[0])
        k = _token_index(s, end)
        roles = {clause.norms[x] for x in range(k, min(k + 4, len(clause.norms))) if clause.norms[x] in self.words.titles}
        return self.people.by_role(roles, carried) if roles else None

    def _chosen(self, mention: Mention) -> str:
        self.countries.setdefault(mention.speaker, mention.country)
        return mention.speaker

    def _by_verb(self, s: Sentence, clause: _Clause, verbs: list[tuple[int, int]], found: list[Mention],
                 carried: str | None, ongoing: str | None) -> str | None:
        """The speaker named with the first verb of saying, or a pronoun or role noun before it."""
        if not verbs:
            return None
        words, text = self.words, self.doc.text
        if len(verbs) > 1 and verbs[0][0] == s.tokens[0].start:
            verbs = verbs[1:]  # "Stressing that ..., Wang said": the subject belongs to the later verb
        country = None
        if self.zh:
            subject, roles = _chinese_subject(s, text, verbs[0], words, found)
        else:
            at = _token_index(s, verbs[0][0])
            subject = _subject_name(clause, at, self.people, found)
            roles, plural, country = clause.role_noun(at) if subject is None else (set(), False, None)
            if plural:
                subject, roles = Mention(s.start, verbs[0][0], BOTH, None, "both"), set()
        if subject is not None and subject.kind == "person":
            self.people.introduce(subject.speaker, frozenset(roles), subject.country)
        chosen = subject if subject is not None else None if roles else _speaker_at_verb(found, verbs[0], s, words)
        lead = _between(s, s.start, verbs[0][0])
        lead_text = to_simplified(text[s.start : verbs[0][0]])
        if roles and subject is None:
            return self.people.by_role(roles, carried, country)
        if chosen is not None and chosen.kind == "side" and ongoing is not None and self.zh:
            return ongoing  # "习近平指出……美方提出……": the side is talked about, not talking
        if chosen is not None and chosen.kind == "both" and self._proposal_in_speech(s, chosen, ongoing):
            return ongoing  # "Wang Yi said ... . The two sides should ...": his proposal
        if chosen is not None:
            return self._chosen(chosen)
        if len(lead) <= 1 or _has_pronoun(lead, lead_text, words):
            return carried
        return None

    def _proposal_in_speech(self, s: Sentence, mention: Mention, ongoing: str | None) -> bool:
        """"The two sides should ..." (双方要, las dos partes deben) inside someone's reported speech."""
        if ongoing is None or ongoing == BOTH:
            return False
        if self.zh:
            after = to_simplified(self.doc.text[mention.end : mention.end + 6])
            return any(after.lstrip("还也都").startswith("".join(m)) for m in self.words.modals)
        k = _token_index(s, mention.end)
        norms = s.norms
        while k < len(norms) and norms[k] in self.words.between:
            k += 1
        return any(tuple(norms[k : k + len(m)]) == m for m in self.words.modals)

    def _without_verb(self, s: Sentence, found: list[Mention], carried: str | None, ongoing: str | None) -> str | None:
        """No verb of saying names the speaker: an opener or pronoun continues, reported speech goes on
        through its paragraph, a sentence opening with "both" is joint, a Russian impersonal passive
        is the readout's own side."""
        words = self.words
        opener = phrase_spans(s, words.continuation, self.doc.language)
        if (opener and opener[0][0] == s.tokens[0].start) or s.tokens[0].norm in words.pronouns:
            return carried
        first_both = bool(found) and found[0].kind == "both" and found[0].start == s.tokens[0].start
        if first_both and phrase_spans(s, words.participants, self.doc.language)[:1] == [(found[0].start, found[0].end)]:
            return BOTH  # "The two leaders tasked their teams ...": the people at the table act together
        if ongoing is not None:
            return ongoing  # reported speech goes on; "the two sides" inside it are what it says of both
        if first_both:
            return BOTH  # "双方还就……交换了意见", "Both sides also ..."
        passive = phrase_spans(s, words.impersonal, self.doc.language) if words.impersonal else []
        if passive:
            sides = [m for m in found if m.kind == "side" and not m.bare_country and m.end <= passive[0][0]]
            if sides:
                return self._chosen(sides[-1])
            if any(m.kind == "both" for m in found):
                return BOTH
            return SELF  # «Подчёркнута важность ...»: the side that wrote the readout
        return None


def _introduce(s: Sentence, clause: _Clause, lexicon: Vocabulary, people: _People, words: VoiceWords, language: str) -> None:
    """Record the offices of the people this sentence names, for later role nouns."""
    for hit in s.hits:
        if hit.entity and hit.entity.startswith("person:"):
            _, roles, _country = clause.title_before(_token_index(s, hit.start))
            inside = {t.norm for t in s.tokens if hit.start <= t.start and t.end <= hit.end and t.norm in words.titles}
            info = lexicon.person(hit.entity.partition(":")[2])
            # a lexicon name may hold its title ("国务委员兼外长王毅")
            people.introduce(info.label, roles | inside | _person_roles(info.role or "", language, words), info.country)
    for name in clause.names if clause.has_title else ():
        if name.roles:
            people.introduce(clause.name_label(name, people), name.roles, name.country)


def speech_verbs(s: Sentence, text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the verbs of saying of a sentence, before any meeting phrase."""
    return _verbs_before_meeting(s, text, language)


def clause_speaker(s: Sentence, lo: int, hi: int, found: list[Mention], verbs: list[tuple[int, int]], text: str,
                   language: str) -> Mention | None:
    """The speaker a clause of a long sentence names for itself: a person, a side or "both" among
    its first words (`found`: the clause's mentions), then one of its verbs of saying (`verbs`)
    ("……，习近平重申了中方原则立场", "..., and Xi stressed")."""
    if not verbs:
        return None
    before = [m for m in found if lo <= m.start and m.end <= verbs[0][0] and not m.bare_country]
    if not before:
        return None
    first = before[0]
    if language == "zh":
        return first if len(text[lo : first.start].strip(" ，,、；;：:还并也同时")) <= 2 else None
    return first if first.start - lo <= _LEAD_CHARS else None
