"""Which topics a sentence discusses and which it only touches in passing.

Discussed or passing, per sentence (a topic only touched in passing is kept but does not count
for presence, share, first mention or rank):
- a topic matched only by the lexicon's "passing" terms (TopicHit.passing) is passing;
- a sentence with one or two (other) topics discusses them all;
- in a sentence with three or more topics, a topic matched twice or more is discussed, and a topic
  matched once is passing when its match belongs to a catalogue: a run of topic matches of five
  or more different topics, separated only by list punctuation or conjunctions and at most four
  other words each ("in the economic, energy, military, law-enforcement, education, science and
  technology, cyber ... fields"); a topic matched once outside such a list is discussed.
  A list opened by words that introduce examples of what was just named ("address transnational
  challenges such as ...", "areas of cooperation, including ...") is the agenda whatever its
  length: the readout spells out what the meeting took up. Those opening words, and words that
  close a list (Chinese 等 "and so on"), never join two items: "X、Y等领域" ends the list at 等.
  Shorter lists are the agenda itself ("discussed Russia's war against Ukraine, the Middle East
  and the DPRK"; "agreed to cooperate on climate, health and fentanyl"): a reader counts each
  item as discussed, and on the corpus gold (benchmarks/topic_eval.py) treating lists of three as
  passing lost a third of the one-sided topics.
- a topic named by one weak word (a one-word term, not a name, not a list item) in a sentence
  (Chinese: a clause) about another specific topic, named there twice or more outside a
  catalogue and first before that word, is passing: "the withdrawal of U.S. troops" in a sentence on Afghanistan qualifies
  Afghanistan. Frame topics (the meeting, the relationship) are never that main topic;
- items of a list of departments ("经济、金融、军队等部门", "trade and defence ministries") name
  institutions that should meet, not matters discussed: they are passing.

The statements stage (viewer/statements) assigns them to each sentence and shares them out among
its statements; coverage (viewer/emphasis/coverage.py) counts them per side.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache
from itertools import islice, pairwise

from viewer.lang import language as language_data
from viewer.lang.script import han_count
from viewer.lexicon.wordlists import Phrase, find_phrases, voice_words
from viewer.model import Sentence, Token, TopicHit
from viewer.text.tokens import token_start, tokenize, tokens_in, words_within

# Chinese separates list items with 、 and clauses with ，；, so only 、 joins items there.
_LIST_PUNCT = {"zh": re.compile(r"[、/]")}
_LIST_PUNCT_DEFAULT = re.compile(r"[,;、，；/]")
_MAX_GAP_WORDS = 4
_CATALOGUE = 5  # items in one list that make it a catalogue of areas
_OPENER_GAP = 2  # words allowed between an opener and the first item ("such as the ...")
# Topics that frame any readout (the meeting, the relationship): two of their words do not make
# a sentence about a specific matter, so they never make another topic's word incidental.
_FRAME_TOPICS = frozenset({"leader-diplomacy", "bilateral-relations"})
# Chinese clauses, the stretch in which a Chinese matter is weighed (sentences there run long).
_ZH_CLAUSE = re.compile(r"[，；：。！？,;:]")


def sentence_words(sentence: Sentence, language: str) -> int:
    """Length of a sentence counted as Document.words counts the whole text."""
    if language == "zh":
        return han_count(sentence.text)
    return sentence.words_before[-1]


@cache
def _markers(language: str) -> tuple[tuple[Phrase, ...], tuple[Phrase, ...], tuple[Phrase, ...]]:
    """(openers, closers, institutions) of a language as normalised token tuples, from its
    language.toml [lists]: openers introduce examples of what was just named (not "como"/"comme"/
    "如": too often "as"), closers end a list ("etc.", 等), and institutions after a list make its
    items the names of institutions, not matters: "经济、金融、军队等部门" are the economic,
    financial and military departments that should meet."""
    def phrases(items: tuple[str, ...]) -> tuple[Phrase, ...]:
        return tuple(p for p in (tuple(t.norm for t in tokenize(w, language)) for w in items) if p)
    data = language_data(language)
    return phrases(data.openers), phrases(data.closers), phrases(data.institutions)


@cache
def _list_ends(language: str) -> tuple[Phrase, ...]:
    """Openers and closers: either between two matches ends an enumeration (one tuple, made once)."""
    openers, closers, _ = _markers(language)
    return openers + closers


def _gap(sentence: Sentence, start: int, end: int) -> list[Token]:
    """The tokens inside [start, end)."""
    return tokens_in(sentence.tokens, start, end)


def _in_list(a: TopicHit, b: TopicHit, sentence: Sentence, language: str, conjunctions: frozenset[str]) -> bool:
    """Whether two consecutive matches are neighbours in an enumeration."""
    norms = [t.norm for t in _gap(sentence, a.end, b.start)]
    others = sum(1 for w in norms if w not in conjunctions)
    if others > _MAX_GAP_WORDS:  # the cheap tests first: most neighbours are far apart
        return False
    gap_text = sentence.text[a.end - sentence.start : b.start - sentence.start]
    joined = others < len(norms) or bool(_LIST_PUNCT.get(language, _LIST_PUNCT_DEFAULT).search(gap_text))
    return joined and not find_phrases(norms, _list_ends(language))


def _opened(first: TopicHit, previous: TopicHit | None, sentence: Sentence, language: str) -> bool:
    """Whether a list starts right after words introducing examples ("such as", "including")."""
    gap = _gap(sentence, previous.end if previous else sentence.start, first.start)
    spans = find_phrases([t.norm for t in gap], _markers(language)[0])
    if not spans:
        return False
    after = gap[spans[-1][1] :]
    return sum(1 for t in after if any(c.isalnum() for c in t.text)) <= _OPENER_GAP


def _items(run: list[int], hits: list[TopicHit], sentence: Sentence, language: str) -> int:
    """Items of a list: its matches, and the items between two of them that name no topic
    ("经贸、农业、禁毒、执法、公共卫生": 执法 is an item too)."""
    punct = _LIST_PUNCT.get(language, _LIST_PUNCT_DEFAULT)
    between = 0
    for j, k in pairwise(run):
        gap_text = sentence.text[hits[j].end - sentence.start : hits[k].start - sentence.start]
        between += max(0, len(punct.findall(gap_text)) - 1)
    return len(run) + between


def _scope(hit: TopicHit, sentence: Sentence, language: str) -> tuple[int, int]:
    """Where a hit's matter is weighed: its sentence, or its clause in Chinese."""
    if language != "zh":
        return sentence.start, sentence.end
    text = sentence.text
    at = hit.start - sentence.start
    cuts = [m.end() for m in _ZH_CLAUSE.finditer(text, 0, at)]
    end = _ZH_CLAUSE.search(text, hit.end - sentence.start)
    return sentence.start + (cuts[-1] if cuts else 0), sentence.start + (end.start() if end else len(text))


def _runs(hits: list[TopicHit], sentence: Sentence, language: str) -> list[list[int]]:
    """Consecutive matches linked as list items, as runs of indexes (a lone match is a run of one)."""
    conjunctions = voice_words(language).conjunctions
    runs = [[0]] if hits else []
    for k in range(1, len(hits)):
        if _in_list(hits[k - 1], hits[k], sentence, language, conjunctions):
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _catalogued(runs: list[list[int]], hits: list[TopicHit], sentence: Sentence, language: str) -> set[int]:
    """Matches in a catalogue: a run of _CATALOGUE items or more not opened by "such as"."""
    found: set[int] = set()
    for run in runs:
        previous = hits[run[0] - 1] if run[0] else None
        if _items(run, hits, sentence, language) >= _CATALOGUE and not _opened(hits[run[0]], previous, sentence, language):
            found.update(run)
    return found


def _institutional(runs: list[list[int]], hits: list[TopicHit], sentence: Sentence, language: str) -> set[int]:
    """Matches naming departments, not matters ("trade and defence ministries", "经济、军队等部门"):
    a match or list followed by an institution word, after at most one more word and a closer (等)."""
    _, closers, institutions = _markers(language)
    if _institution_openers(language).isdisjoint(sentence.norms):
        return set()  # no department word in the sentence (most sentences): no match to look after
    closing = {w for phrase in closers for w in phrase}
    found: set[int] = set()
    for run in runs:
        tokens = sentence.tokens
        lo = bisect.bisect_left(tokens, hits[run[-1]].end, key=token_start)
        after = [w for w in _first_words(tokens, lo, 3) if w not in closing]
        if any(start <= 1 for start, _ in find_phrases(after, institutions)):
            found.update(run)
    return found


@cache
def _institution_openers(language: str) -> frozenset[str]:
    """The words an institution phrase of a language can start with."""
    return frozenset(phrase[0] for phrase in _markers(language)[2])


def _first_words(tokens: list[Token], lo: int, n: int) -> list[str]:
    """Norms of the first `n` tokens from `lo` on that hold a letter or digit."""
    out: list[str] = []
    for t in islice(tokens, lo, None):  # not a slice: a copy of the rest of the sentence for each match
        if any(c.isalnum() for c in t.text):
            out.append(t.norm)
            if len(out) == n:
                break
    return out


def _words(hit: TopicHit, sentence: Sentence) -> int:
    return words_within(sentence, hit.start, hit.end)


# A topic that TOPICS.md defines as an aspect of another: "the denuclearization of the Korean
# Peninsula" names the nuclear side of the DPRK question, which counts as nuclear weapons, so a
# single word for it inside a Korean Peninsula (or Iran, Middle East) stretch is not incidental.
_ASPECT_OF = {"nuclear-weapons": frozenset({"korean-peninsula", "middle-east"})}


def _incidental(hits: list[TopicHit], runs: list[list[int]], catalogued: set[int], sentence: Sentence, language: str) -> set[str]:
    """Topics named by one weak word inside a stretch about another, specific topic.

    "the hasty withdrawal of U.S. troops from Afghanistan ... in Afghanistan": the sentence is
    about Afghanistan and "troops" only qualifies it. A weak word is a lexicon term of one word,
    not a name (a country or organisation named is a matter of its own), and not a list item:
    "Afghanistan, the Taliban and trade" puts trade on the agenda. The main topic is named twice
    or more in the stretch (its sentence; in Chinese its clause, as Chinese sentences run long),
    not counting catalogue items, and first named before the weak word (a sentence's matter
    comes first: "protect U.S. technologies ... without limiting trade and investment" keeps
    technology). It is not a frame topic (the meeting, the relationship),
    which every readout names around its matters.
    """
    counts = Counter(h.topic for h in hits)
    found: set[str] = set()
    for run in runs:
        h = hits[run[0]]
        if len(run) > 1 or counts[h.topic] != 1 or h.entity or _words(h, sentence) != 1:
            continue
        lo, hi = _scope(h, sentence, language)
        near = [x.topic for k, x in enumerate(hits)
                if lo <= x.start and x.end <= hi and k not in catalogued and x.topic not in _FRAME_TOPICS]
        before = {x.topic for x in hits[: run[0]] if x.start >= lo}
        if any(n >= 2 and t in before and t not in _ASPECT_OF.get(h.topic, ()) for t, n in Counter(near).items()):
            found.add(h.topic)
    return found


def classify(sentence: Sentence, language: str) -> tuple[list[str], list[str]]:
    """(discussed, passing) topic ids of one sentence, each in order of first match."""
    topical = sorted((h for h in sentence.hits if h.topic), key=lambda h: h.start)
    hits = [h for h in topical if not h.passing]
    runs = _runs(hits, sentence, language)
    named = _institutional(runs, hits, sentence, language)
    if named:
        hits = [h for k, h in enumerate(hits) if k not in named]
        runs = _runs(hits, sentence, language)
    catalogued = _catalogued(runs, hits, sentence, language)
    aside = _incidental(hits, runs, catalogued, sentence, language)
    counts = Counter(h.topic for h in hits if h.topic not in aside)
    order = list(counts)
    flagged = [t for t in dict.fromkeys(h.topic for h in topical) if t not in counts]
    if len(order) <= 2:
        return order, flagged
    in_list = {hits[k].topic for k in catalogued}
    passing = [t for t in order if counts[t] == 1 and t in in_list]
    return [t for t in order if t not in passing], passing + flagged


def lists(sentence: Sentence, language: str) -> list[tuple[list[TopicHit], int]]:
    """The enumerations of a sentence: runs of matches linked as list items, with the number of
    items each holds (an item that names no topic counts too), three items or more."""
    hits = sorted((h for h in sentence.hits if h.topic and not h.passing), key=lambda h: h.start)
    found = []
    for run in _runs(hits, sentence, language):
        items = _items(run, hits, sentence, language)
        if items >= 3 and len({hits[k].topic for k in run}) >= 2:
            found.append(([hits[k] for k in run], items))
    return found
