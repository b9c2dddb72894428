"""The words of two texts in two languages, with the keys by which they can meet.

No translation model works here, so a word meets its rendering through what is written down:
- the domain glossary (glossary.py): every word a glossary term covers carries the term's English
  pivot, in all five languages, so "обменялись мнениями", "échange de vues" and 交换意见 meet;
- CC-CEDICT (dictionary.py): between Chinese and English a Chinese word carries each of its
  glosses as stemmed content words and an English word its stem and the runs of stems it stands
  in, so a gloss meets its whole phrase ("candidly" meets 坦诚, glossed "candid"; "climate change"
  meets 气候变化, and "the United States" is no "head of state"); towards any language a Chinese
  word carries the pivots its glosses reach;
- spelling: two Latin-script languages share cognates ("cooperation"/"cooperación") by character
  trigrams of their accent-free stems, and a Russian word transliterated meets its Latin cognate
  ("стратегического"/"strategic", "президент"/"président") the same way.
A word with no key cannot meet anything and is left out, so coverage is measured over the
words a bridge exists for. Words are IDF-weighted within their own text.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from anyascii import anyascii

from viewer.align import dictionary
from viewer.align.glossary import PIVOT, cedict_pivots, glossary
from viewer.lexicon.wordlists import stop_words
from viewer.model import Document, Sentence
from viewer.text.lemmas import match_form

COGNATE_DICE = 0.6  # trigram Dice from which two Latin-script stems count as one word
TRANSLIT_DICE = 0.6  # the same for a transliterated Russian word and a Latin one
MIN_COGNATE = 4  # shorter stems only match when equal
MAX_SENSE = 3  # a CC-CEDICT gloss of more content words than this is a definition, not a rendering
# The parties to the talks, named in most sentences of both readouts as who speaks, not what about
# ("the two leaders agreed", 两国元首同意, "the US side", 中方): a word that only names them is
# marked (Word.party), and two readouts' passages weigh it a third (crosslang.PARTY_WEIGHT), as a
# leader's name weighs among the concepts (concepts.PERSON_WEIGHT).
PARTIES = frozenset(PIVOT + p for p in (
    "leader", "head of state", "president", "chair", "prime minister", "state councilor", "foreign minister",
    "both countries", "two peoples", "both sides", "the other side", "counterpart", "chinese side",
    "russian side", "us side", "all parties", "country", "government", "delegation"))
_PARTY_GLOSSES = frozenset({"two", "both", "side", "countri", "nation", "state", "unit state", "parti"})


@dataclass(frozen=True)
class Word:
    weight: float  # IDF within its own text
    keys: frozenset[str]
    text: str  # as written (its first occurrence in the sentence)
    clause: int = 0  # the clause of the sentence it first occurs in (CLAUSE_MARKS end a clause)
    party: bool = False  # it only names the parties to the talks (PARTIES)


Words = dict[str, Word]  # a sentence's words by their matching form


def sentence_words(a: Document, b: Document) -> tuple[list[Words], list[Words], bool]:
    """Each sentence's words with their keys; False when the two languages share no channel at
    all (no glossary, no dictionary, no common script): then concepts alone decide."""
    la, lb = a.language, b.language
    pivots = bool(glossary(la)) and bool(glossary(lb))
    raw_a = [_raw(s, la, lb, pivots) for s in a.sentences]
    raw_b = [_raw(s, lb, la, pivots) for s in b.sentences]
    if _spelled(la) and _spelled(lb):
        _add_cognates(raw_a, raw_b, translit=_cyrillic(la) != _cyrillic(lb))
    words_a, words_b = _weighted(raw_a), _weighted(raw_b)
    found = any(w for w in words_a) and any(w for w in words_b)
    return words_a, words_b, found or pivots or {la, lb} == {"zh", "en"}


_Raw = list[tuple[str, set[str], str, int]]  # (matching form, keys, text, clause) of each content word
CLAUSE_MARKS = frozenset("，；：,;:")  # a clause ends here (not at 、, which joins the items of a list)


def _raw(sentence: Sentence, lang: str, other: str, pivots: bool) -> _Raw:
    stops = stop_words(lang)
    covered = glossary(lang).match(sentence) if pivots else [set() for _ in sentence.tokens]
    out: _Raw = []
    clause, end = 0, sentence.start
    for k, token in enumerate(sentence.tokens):
        norm = token.norm
        if not CLAUSE_MARKS.isdisjoint(sentence.text[end - sentence.start : token.start - sentence.start]):
            clause += 1
        end = token.end
        if norm in stops or not norm.isalpha():
            continue
        glossed = {PIVOT + p for p in covered[k]}
        if lang == "zh":
            for piece in dictionary.split_known(norm):
                if piece in stops:
                    continue
                keys = glossed | {PIVOT + p for p in cedict_pivots(piece)}
                if other == "en":
                    keys |= {" ".join(sense) for sense in dictionary.gloss_senses(piece) if len(sense) <= MAX_SENSE}
                out.append((piece, keys, token.text, clause))
        elif len(norm) > 1:
            out.append((match_form(token, lang), set(glossed), token.text, clause))
    if lang == "en" and other == "zh":
        _add_phrases(out)
    return out


def _add_phrases(words: _Raw) -> None:
    """English words meet a Chinese word through a whole gloss: each carries its stem and the
    runs of up to MAX_SENSE content stems it stands in, so 气候变化 ("climate change") meets
    "climate change" and 元首 ("head of state") is no match for "the United States"."""
    stems = [form for form, _, _, _ in words]
    for k, (_, keys, _, _) in enumerate(words):
        for n in range(1, MAX_SENSE + 1):
            for start in range(max(0, k - n + 1), min(k, len(stems) - n) + 1):
                keys.add(" ".join(stems[start : start + n]))


def _spelled(lang: str) -> bool:
    """Languages whose words may be cognates by spelling (not Chinese)."""
    return lang != "zh"


def _cyrillic(lang: str) -> bool:
    return lang in ("ru", "uk")


def _add_cognates(raw_a: list[_Raw], raw_b: list[_Raw], *, translit: bool) -> None:
    """Give words spelt alike (accent-free, or transliterated from Cyrillic) a shared key."""
    spell_a = {form: _spelling(form) for ws in raw_a for form, _, _, _ in ws}
    spell_b = {form: _spelling(form) for ws in raw_b for form, _, _, _ in ws}
    threshold = TRANSLIT_DICE if translit else COGNATE_DICE
    pairs = _cognates(set(spell_a.values()), set(spell_b.values()), threshold)
    for ws in raw_a:
        for form, keys, _, _ in ws:
            s = spell_a[form]
            keys.update("~" + v for v in pairs.get(s, ()))
            keys.add("~" + s)
    for ws in raw_b:
        for form, keys, _, _ in ws:
            keys.add("~" + spell_b[form])


def _spelling(form: str) -> str:
    """Accent-free Latin spelling: "cooperación" and "coopération" meet, "стратегический" reads
    "strategicheskii"."""
    latin = anyascii(form) if not form.isascii() else form
    return "".join(c for c in unicodedata.normalize("NFD", latin.lower()) if not unicodedata.combining(c))


def _trigrams(word: str) -> set[str]:
    w = f"^{word}$"
    return {w[k : k + 3] for k in range(len(w) - 2)}


def _cognates(vocab_a: set[str], vocab_b: set[str], threshold: float) -> dict[str, set[str]]:
    """Spellings of A -> spellings of B alike by trigram Dice, found through a trigram index."""
    grams_b = {w: _trigrams(w) for w in vocab_b if len(w) >= MIN_COGNATE}
    index: dict[str, list[str]] = defaultdict(list)
    for w, grams in grams_b.items():
        for g in grams:
            index[g].append(w)
    out: dict[str, set[str]] = {}
    for w in vocab_a:
        if len(w) < MIN_COGNATE:
            continue
        grams = _trigrams(w)
        common = Counter(v for g in grams for v in index.get(g, ()))
        found = {v for v, c in common.items() if 2 * c / (len(grams) + len(grams_b[v])) >= threshold}
        if found:
            out[w] = found
    return out


def idf(n: int, df: int) -> float:
    """Inverse document frequency that falls to nothing for what every sentence has (the two
    leaders' names in a readout of their call)."""
    return math.log((n + 1) / df)


def _weighted(sentences: list[_Raw]) -> list[Words]:
    """IDF over the side's own sentences; words without keys cannot match and are left out."""
    df = Counter(form for ws in sentences for form in {f for f, _, _, _ in ws})
    n = len(sentences)
    out = []
    for ws in sentences:
        words: Words = {}
        for form, keys, text, clause in ws:
            if not keys:
                continue
            old = words.get(form)
            merged = frozenset(keys) | old.keys if old else frozenset(keys)
            words[form] = Word(idf(n, df[form]), merged, *((old.text, old.clause) if old else (text, clause)),
                               party=_party(merged))
        out.append(words)
    return out



def _party(keys: frozenset[str]) -> bool:
    """The word only names the parties to the talks (glossary pivots of PARTIES, CC-CEDICT glosses
    such as "two" for 两 of 两国元首)."""
    pivots = [k for k in keys if k.startswith(PIVOT)]
    return bool(pivots) and all(k in PARTIES for k in pivots) or not pivots and keys <= _PARTY_GLOSSES
