"""The multilingual lexicon of topics, tone markers and entities, and its annotation of documents.

Data lives in resources/: concepts.toml holds the language-independent ids (topics, tones,
people, organisations) and lang/<code>/lexicon.toml the words of one language, so a linguist can add
a language without touching code. A user file has the same format; it may add terms to built-in
ids, or add a topic (or person, organisation) by giving it a label. A language file's [negation]
table holds the words that cancel a tone marker before it in its clause (cues, not_cues, breaks:
see match.py). Country names come from CLDR through Babel, so every country has its names
in every language without a word list. Matching itself lives in match.py.
"""

from __future__ import annotations

import re
import tomllib
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from viewer import cache
from viewer.errors import LexiconError
from viewer.lang import all_languages
from viewer.lexicon.match import BREAK, CUE, FRAME, NEGATION, NOT_CUE, Matcher, Target
from viewer.lexicon.senses import FRAME_KEYS, FRAME_KINDS, FRAMES, FrameWord, in_sense
from viewer.model import Document, Names, Sentence, ToneMark, TopicHit
from viewer.paths import RESOURCES
from viewer.text import chinese
from viewer.text.tokens import tokenize

CONCEPTS = RESOURCES / "concepts.toml"

# Languages whose CLDR country names are always indexed (language.toml `cldr`; zh gathers both scripts).
_CLDR_LOCALES = {lang.code: lang.cldr for lang in all_languages() if lang.cldr}
# CLDR "territories" that are groupings, not countries (EU and UN are organisations here).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
# CLDR names that are also a common word of readouts: Spanish "Reunión" is "meeting".
_NOT_NAMES = {("es", "RE")}

# Allowed keys of each kind of section; the first group is language-independent.
_KEYS = {
    "topic": {"label", "phrase", "salience", "countries", "terms", "passing"},
    "tone": {"label", "reading", "terms", "frame"},
    "person": {"label", "country", "role", "names"},
    "org": {"label", "topic", "names"},
    "country": {"names"},
}
_TERM_KEYS = {"terms", "passing", "names"}
_NEGATION_KEYS = (CUE, NOT_CUE, BREAK)
# Tables of plain word lists (no ids): negation cues and the words of the tones' frames.
_WORD_TABLES = {NEGATION: _NEGATION_KEYS, FRAMES: FRAME_KEYS}
_JIEBA_TERM = 4  # longest Chinese name or term (in characters) given to jieba as one word
_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)")
# How much a reader cares that one side leaves a topic out (concepts.toml says why per topic).
SALIENCES = ("high", "normal", "low")


@dataclass(frozen=True)
class PersonInfo:
    label: str
    country: str
    role: str


@dataclass
class _Topic:
    label: str
    phrase: str = ""
    salience: str = "normal"
    countries: list[str] = field(default_factory=list)


@dataclass
class _Tone:
    label: str
    reading: str = ""
    frame: str | None = None  # the frame its markers need (senses.py)


@dataclass
class _Org:
    label: str
    topic: str = ""


@dataclass
class _Term:
    lang: str
    term: object
    target_kind: str  # section name: topic, tone, person, org, country, negation
    target_id: str  # for negation, the key: cues, not_cues, breaks
    passing: bool
    path: str
    source: str  # the file's text, to find the line only when there is an error

    @property
    def line(self) -> int | None:
        value = f'"{self.term}"' if isinstance(self.term, str) else None
        if self.target_kind in _WORD_TABLES:
            return _line_of(self.source, self.target_kind, self.target_id, value)
        key = "passing" if self.passing else ("terms" if self.target_kind in ("topic", "tone") else "names")
        return _line_of(self.source, f"{self.target_kind}.{self.target_id}", key, value)


@dataclass
class _Data:
    """Everything read from the files, before matching patterns are built."""

    topics: dict[str, _Topic] = field(default_factory=dict)
    tones: dict[str, _Tone] = field(default_factory=dict)
    people: dict[str, PersonInfo] = field(default_factory=dict)
    orgs: dict[str, _Org] = field(default_factory=dict)
    terms: list[_Term] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)
    where: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # org -> (path, text)


def _line_of(text: str, section: str, key: str | None = None, value: str | None = None) -> int | None:
    """Line of `[section]` in the file, or of `key` (or `value`) after that header."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(re.escape(p) for p in section.split(".")) + r"\s*\]")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return None
    if key is None and value is None:
        return start + 1
    needle = value if value is not None else key
    for i in range(start + 1, len(lines)):
        if lines[i].lstrip().startswith("["):
            break
        if needle in lines[i]:
            return i + 1
    return start + 1


def _read(path: Path, data: _Data) -> None:
    """Merge one lexicon file into `data`, checking its shape; errors name the file and line."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(name, None, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
        doc = tomllib.loads(text)
    except UnicodeDecodeError:
        raise LexiconError(name, None, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_AT.search(message)
        line = int(at.group(1)) if at else None
        if "at end of document" in message:
            line = len(text.splitlines()) or 1
            message = message.replace(" (at end of document)", " at the end of the file")
        raise LexiconError(name, line, f"TOML syntax: {_TOML_AT.sub('', message)}") from None

    def fail(problem: str, section: str, key: str | None = None, value: str | None = None):
        raise LexiconError(name, _line_of(text, section, key, value), problem)

    lang = doc.pop("language", None)
    if lang is not None and (not isinstance(lang, str) or not lang.strip()):
        raise LexiconError(
            name, _find_line(text, "language"), "'language' must be a language code like \"en\""
        )
    for table, keys in _WORD_TABLES.items():
        _read_words(doc.pop(table, None), table, keys, lang, name, text, data, fail)
    for kind, entries in doc.items():
        if kind not in _KEYS or not isinstance(entries, dict):
            raise LexiconError(
                name,
                _find_line(text, kind),
                f"unknown section '{kind}' (expected one of: {', '.join([*_KEYS, *_WORD_TABLES])})",
            )
        for ident, entry in entries.items():
            section = f"{kind}.{ident}"
            if not isinstance(entry, dict):
                fail(f"'{section}' must be a table like [{section}]", kind, value=ident)
            unknown = set(entry) - _KEYS[kind]
            if unknown:
                key = sorted(unknown)[0]
                fail(
                    f"unknown key '{key}' in [{section}] (allowed: {', '.join(sorted(_KEYS[kind]))})",
                    section,
                    key,
                )
            _merge_concept(data, kind, ident, entry, (name, text), fail)
            for key in sorted(_TERM_KEYS & set(entry)):
                values = entry[key]
                if not isinstance(values, list):
                    fail(f"'{key}' in [{section}] must be a list of strings", section, key)
                if lang is None:
                    fail(f"[{section}] has {key} but the file has no 'language = \"..\"' line", section, key)
                data.terms += [
                    _Term(lang, value, kind, ident, key == "passing", name, text) for value in values
                ]
    if lang is not None:
        data.languages.add(lang)


def _read_words(table: object, section: str, keys: tuple[str, ...], lang: str | None, name: str, text: str,
                data: _Data, fail) -> None:
    """A table of word lists ([negation], [frames]): each key one of `keys`, each value strings."""
    if table is None:
        return
    if not isinstance(table, dict):
        raise LexiconError(name, _find_line(text, section), f"'{section}' must be a table like [{section}]")
    for key, values in table.items():
        if key not in keys:
            fail(f"unknown key '{key}' in [{section}] (allowed: {', '.join(keys)})", section, key)
        if not isinstance(values, list):
            fail(f"'{key}' in [{section}] must be a list of strings", section, key)
        if lang is None:
            fail(f"[{section}] has {key} but the file has no 'language = \"..\"' line", section, key)
        data.terms += [_Term(lang, value, section, key, False, name, text) for value in values]


def _find_line(text: str, key: str) -> int | None:
    pattern = re.compile(r"^[ \t]*\[?[ \t]*" + re.escape(key) + r"\b", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _merge_concept(data: _Data, kind: str, ident: str, entry: dict, where: tuple[str, str], fail) -> None:
    """Record labels and links of one section; a new id needs a label, a known one may be relabelled."""
    section = f"{kind}.{ident}"
    for key in ("label", "phrase", "salience", "reading", "role", "country", "topic", "frame"):
        if key in entry and not isinstance(entry[key], str):
            fail(f"'{key}' in [{section}] must be a string", section, key)
    if kind == "country":
        if not re.fullmatch(r"[A-Z]{2}", ident) or ident not in _territories("en"):
            fail(f"unknown country code '{ident}' (use ISO 3166 codes like \"UA\")", section)
        return
    table = {"topic": data.topics, "tone": data.tones, "person": data.people, "org": data.orgs}[kind]
    label = entry.get("label")
    if ident not in table and label is None:
        known = f" (known: {', '.join(table)})" if kind == "tone" else ""
        fail(f"unknown {kind} id '{ident}'{known}: give it a label to add it", section)
    if kind == "topic":
        topic = data.topics.setdefault(ident, _Topic(label or ident))
        topic.label = label or topic.label
        topic.phrase = entry.get("phrase", topic.phrase)
        topic.salience = entry.get("salience", topic.salience)
        if topic.salience not in SALIENCES:
            fail(f"'salience' in [{section}] must be one of: {', '.join(SALIENCES)}", section, "salience")
        countries = entry.get("countries", [])
        if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
            fail(f"'countries' in [{section}] must be a list of country codes", section, "countries")
        for code in countries:
            if code not in _territories("en"):
                fail(f"unknown country code '{code}' in [{section}]", section, "countries")
        topic.countries += [c for c in countries if c not in topic.countries]
    elif kind == "tone":
        tone = data.tones.setdefault(ident, _Tone(label or ident))
        tone.label = label or tone.label
        tone.reading = entry.get("reading", tone.reading)
        if "frame" in entry and entry["frame"] not in FRAME_KINDS:
            fail(f"'frame' in [{section}] must be one of: {', '.join(FRAME_KINDS)}", section, "frame")
        tone.frame = entry.get("frame", tone.frame)
    elif kind == "person":
        old = data.people.get(ident, PersonInfo(ident, "", ""))
        data.people[ident] = PersonInfo(
            label or old.label, entry.get("country", old.country), entry.get("role", old.role)
        )
    else:
        org = data.orgs.setdefault(ident, _Org(label or ident))
        org.label = label or org.label
        org.topic = entry.get("topic", org.topic)
    if kind == "org" and "topic" in entry:
        data.where[(kind, ident)] = where


@lru_cache(maxsize=16)
def _territories(locale: str) -> dict[str, str]:
    """CLDR country names of a locale, countries only (two-letter codes, no groupings)."""
    from babel import Locale, UnknownLocaleError  # its locale data loads only to build the lexicon

    try:
        names = Locale.parse(locale).territories
    except (UnknownLocaleError, ValueError):
        return {}
    return {
        code: name
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


_BRACKET = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*")


def _cldr_names(lang: str) -> list[tuple[str, str]]:
    """(code, name) pairs for a language: the name without its bracketed part, and that part too
    only where CLDR's English name brackets an alias (Myanmar (Burma)). Elsewhere the bracket
    qualifies the name with a parent country or status ("RAE de Hong Kong (China)", «(США)»),
    which must not make "China" or «США» name that territory."""
    aliased = {code for code, name in _territories("en").items() if _BRACKET.search(name)}
    pairs = []
    for locale in _CLDR_LOCALES.get(lang, (lang,)):
        for code, name in _territories(locale).items():
            if (lang, code) in _NOT_NAMES:
                continue
            main = " ".join(_BRACKET.sub(" ", name).split())
            if main:
                pairs.append((code, main))
            if code in aliased:
                pairs += [(code, alias.strip()) for alias in _BRACKET.findall(name) if alias.strip()]
    return pairs


def _jieba_words(data: _Data) -> list[str]:
    """Chinese names and terms of up to four characters that hold no other term. Longer ones are
    phrases or a title with a name (美国总统拜登) that jieba should keep cutting into words (the
    diff and the word lists work on those; the matcher finds a term across several words), and
    a word holding another term (对台军售 holds 军售) would hide that term's match. Negation words
    (不, 并) are left to jieba: made words they would split 不断 and hide 不满."""
    words = [name for _, name in _cldr_names("zh")]
    words += [
        t.term.strip()
        for t in data.terms
        if t.lang == "zh" and isinstance(t.term, str) and t.target_kind not in _WORD_TABLES
    ]
    words = [chinese.to_simplified(w) for w in words]
    known = set(words)

    def holds_another(word: str) -> bool:
        return any(
            word[i:j] in known
            for i in range(len(word))
            for j in range(i + 1, len(word) + 1)
            if j - i < len(word)
        )

    return [w for w in dict.fromkeys(words) if len(w) <= _JIEBA_TERM and not holds_another(w)]


class Lexicon:
    """Topic, tone and entity recognisers of every language, ready to annotate documents."""

    def __init__(self, data: _Data):
        self._topics = data.topics
        self._tones = data.tones
        self._frames = {t: tone.frame for t, tone in data.tones.items() if tone.frame}
        self._people = data.people
        self._orgs = data.orgs
        self._country_topics: dict[str, tuple[str, ...]] = {}
        for tid, topic in data.topics.items():
            for code in topic.countries:
                self._country_topics[code] = self._country_topics.get(code, ()) + (tid,)
        for org_id, org in data.orgs.items():
            if org.topic and org.topic not in data.topics:
                path, text = data.where[("org", org_id)]
                line = _line_of(text, f"org.{org_id}", "topic")
                raise LexiconError(path, line, f"[org.{org_id}] names unknown topic '{org.topic}'")
        self._matcher = Matcher()
        for term in data.terms:
            self._add(term)
        for lang in sorted(data.languages | set(_CLDR_LOCALES)):
            for code, name in _cldr_names(lang):
                self._matcher.add(name, lang, self._country_target(code))
        # kept with the lexicon (and its cache) so that babel's locale data is read only to build it
        self._country_names = {locale: _territories(locale)
                               for locale in {"en", *(loc for locs in _CLDR_LOCALES.values() for loc in locs)}}
        self.jieba_words = _jieba_words(data)  # taught to jieba by load_lexicon

    def _country_target(self, code: str) -> Target:
        return Target("entity", f"country:{code}", self._country_topics.get(code, ()))

    def _add(self, term: _Term) -> None:
        if not isinstance(term.term, str):
            raise LexiconError(
                term.path,
                term.line,
                f"term {term.term!r} in [{term.target_kind}.{term.target_id}] is not a string",
            )
        if term.target_kind == "topic":
            target = Target("topic", term.target_id, (term.target_id,), term.passing)
        elif term.target_kind == "tone":
            target = Target("tone", term.target_id)
        elif term.target_kind == NEGATION:
            target = Target(NEGATION, term.target_id)
        elif term.target_kind == FRAMES:
            target = Target(FRAME, term.target_id)
        elif term.target_kind == "person":
            target = Target("entity", f"person:{term.target_id}")
        elif term.target_kind == "org":
            topic = self._orgs[term.target_id].topic
            target = Target("entity", f"org:{term.target_id}", (topic,) if topic else ())
        else:
            target = self._country_target(term.target_id)
        if not term.term.strip() or not self._matcher.add(term.term, term.lang, target):
            raise LexiconError(
                term.path, term.line, f"empty term {term.term!r} in [{term.target_kind}.{term.target_id}]"
            )

    # -- labels -------------------------------------------------------------------------

    @property
    def topic_ids(self) -> list[str]:
        """Built-in topics in the order of TOPICS.md, then user topics in file order."""
        return list(self._topics)

    @property
    def tone_ids(self) -> list[str]:
        return list(self._tones)

    @property
    def languages(self) -> set[str]:
        return self._matcher.languages

    def topic_label(self, topic_id: str) -> str:
        """The display label; an unknown id is shown as itself rather than failing a report."""
        topic = self._topics.get(topic_id)
        return topic.label if topic else topic_id

    def topic_phrase(self, topic_id: str) -> str:
        """The label as written inside a sentence ("nuclear weapons and arms control", "Taiwan");
        a topic without a phrase (a user's) is written as its label."""
        topic = self._topics.get(topic_id)
        return (topic.phrase or topic.label) if topic else topic_id

    def topic_salience(self, topic_id: str) -> str:
        """How much a reader cares that one side leaves the topic out (high, normal or low);
        an unknown id is normal."""
        topic = self._topics.get(topic_id)
        return topic.salience if topic else "normal"

    def tone_label(self, tone_id: str) -> str:
        tone = self._tones.get(tone_id)
        return tone.label if tone else tone_id

    def tone_reading(self, tone_id: str) -> str:
        tone = self._tones.get(tone_id)
        return tone.reading if tone else ""

    def person(self, person_id: str) -> PersonInfo:
        """Who a person id is ("biden" or "person:biden"); KeyError when unknown."""
        return self._people[person_id.removeprefix("person:")]

    def entity_label(self, entity_id: str, lang: str = "en") -> str:
        """Display name of "country:UA", "person:biden" or "org:un" (countries in `lang`)."""
        kind, _, ident = entity_id.partition(":")
        if kind == "country":
            for locale in _CLDR_LOCALES.get(lang, (lang,)):
                name = self._territories(locale).get(ident)
                if name:
                    return name
            return self._country_names["en"].get(ident, ident)
        if kind == "person" and ident in self._people:
            return self._people[ident].label
        if kind == "org" and ident in self._orgs:
            return self._orgs[ident].label
        return entity_id

    def _territories(self, locale: str) -> dict[str, str]:
        names = self._country_names.get(locale)
        return _territories(locale) if names is None else names

    # -- annotation ---------------------------------------------------------------------

    def annotate(self, doc: Document) -> None:
        """Fill hits, tone marks and tone ids of every sentence of `doc`."""
        for sentence in doc.sentences:
            self.annotate_sentence(sentence, doc.text, doc.language)

    def annotate_sentence(self, sentence: Sentence, text: str, language: str) -> None:
        lang = sentence.language if sentence.language in self.languages else language
        tokens = sentence.tokens or tokenize(sentence.text, lang, sentence.start)
        hits: list[TopicHit] = []
        marks: list[ToneMark] = []
        frames: list[FrameWord] = []
        for m in self._matcher.find(sentence.text, tokens, sentence.start, lang):
            written = text[m.start : m.end]
            target = m.target
            if target.kind == FRAME:
                frames.append(FrameWord(target.id, m.start, m.end))
            elif target.kind == "tone":
                marks.append(ToneMark(target.id, written, sentence.i, m.start, m.end))
            elif target.kind == "entity":
                for topic in target.topics or ("",):
                    hits.append(TopicHit(topic, written, m.start, m.end, target.id, target.passing))
            else:
                hits.append(TopicHit(target.id, written, m.start, m.end, None, target.passing))
        # a topic word that is also an entity name ("Taiwan") is reported once, as the entity
        entity_spans = {(h.topic, h.start, h.end) for h in hits if h.entity}
        sentence.hits = [h for h in hits if h.entity or (h.topic, h.start, h.end) not in entity_spans]
        sentence.tone_words = marks
        sentence.tone_marks = in_sense(marks, frames, sentence, sentence.hits, lang, self._frames)
        sentence.tone = sorted({m.id for m in sentence.tone_marks})

    def names(self, docs: Iterable[Document]) -> Names:
        """The labels a comparison of `docs` needs: every topic and tone, and the entities found."""
        entities = {h.entity for doc in docs for s in doc.sentences for h in s.hits if h.entity}
        return Names(
            topics={t: topic.label for t, topic in self._topics.items()},
            phrases={t: topic.phrase or topic.label for t, topic in self._topics.items()},
            salience={t: topic.salience for t, topic in self._topics.items()},
            tones={t: tone.label for t, tone in self._tones.items()},
            readings={t: tone.reading for t, tone in self._tones.items()},
            entities={e: self.entity_label(e) for e in sorted(entities)},
        )

    def concepts(self, sentence: Sentence) -> set[str]:
        """Language-independent concepts of an annotated sentence, for cross-language alignment."""
        found = {h.topic for h in sentence.hits if h.topic}
        found |= {h.entity for h in sentence.hits if h.entity}
        found |= {f"tone:{t}" for t in sentence.tone}
        return found


def _files(paths: Sequence[str | Path]) -> tuple[tuple[str, int], ...]:
    key = []
    for p in paths:
        path = Path(p)
        try:
            key.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            key.append((str(path), 0))
    return tuple(key)


def _builtin_files() -> list[Path]:
    return [CONCEPTS] + [p for lang in all_languages() if (p := lang.path("lexicon.toml"))]


# The code and libraries whose output a built lexicon holds (stems, simplified forms, CLDR names):
# a change to any of them rebuilds the cached one (viewer.cache).
_BUILT_BY = ("viewer.lexicon", "viewer.text", "viewer.lang", "viewer.model",
             "snowballstemmer", "Stemmer", "babel", "opencc")


def _build(files: tuple[tuple[str, int], ...]) -> Lexicon:
    data = _Data()
    for path, _ in files:
        _read(Path(path), data)
    return Lexicon(data)


@lru_cache(maxsize=8)
def _load(files: tuple[tuple[str, int], ...], user: int) -> Lexicon:
    """Built from the files, or read from the cache folder when none of them (nor the code) changed.
    The built-in lexicon and each set of user files have an entry of their own."""
    settings = [p for lang in all_languages() if (p := lang.path("language.toml"))]  # stemmers, CLDR locales
    key = (files, cache.file_key(settings), cache.code_key(_BUILT_BY))
    name = "lexicon" if not user else f"lexicon-{zlib.crc32(repr(files[-user:]).encode()):08x}"
    lexicon = cache.cached(name, key, lambda: _build(files))
    chinese.add_words(lexicon.jieba_words)
    return lexicon


def load_lexicon(paths: Sequence[str | Path] = ()) -> Lexicon:
    """The built-in lexicon plus user files (same format, one language each), cached per process
    and in the cache folder."""
    for p in paths:
        if not Path(p).is_file():
            raise LexiconError(str(p), None, "lexicon file not found")
    return _load(_files([*_builtin_files(), *paths]), len(paths))
