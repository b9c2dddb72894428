"""The data model every stage shares: one direction, ingest -> segment -> annotate -> align -> measure -> present.

Plain dataclasses, no Qt: the window, the JSON writer and the brief all read the same objects.
Sides are always the strings "A" (first text given) and "B" (second).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from viewer.lang.script import han_count

Side = Literal["A", "B"]
SIDES: tuple[Side, Side] = ("A", "B")

# identical/reworded/moved: one language, word by word; related: the same matter in other words or
# another language; translation: one text and its rendering in another language (versions mode).
LinkKind = Literal["identical", "reworded", "related", "moved", "translation"]
Mode = Literal["readouts", "versions"]
# The kinds of finding of shared/OUTPUT.md; versions mode reuses omission, prominence, voice and wording.
FindingKind = Literal["omission", "prominence", "share", "voice", "tone", "wording", "distinctive",
                      "attributed", "framing", "commitment", "blame"]
FINDING_KINDS: tuple[FindingKind, ...] = ("omission", "prominence", "share", "voice", "tone", "wording",
                                          "distinctive", "attributed", "framing", "commitment", "blame")
# What a statement does (DESIGN.md section 8, OUTPUT.md readouts.S.statements[].act).
Act = Literal["assert", "pledge", "demand", "agree", "concern", "oppose", "warn", "blame", "propose", "thank",
              "brief", "follow-up", "opening"]
ACTS: tuple[Act, ...] = ("assert", "pledge", "demand", "agree", "concern", "oppose", "warn", "blame", "propose",
                         "thank", "brief", "follow-up", "opening")
# Who a sentence or statement is attributed to: a named person, one side as such ("the Chinese
# side"), both sides jointly, or the readout's own voice.
SpeakerRole = Literal["person", "side", "both", "narrator"]
BOTH = "both"  # the speaker of a joint statement
NARRATOR = "narrator"  # the key of the readout's own voice in speaker shares


def other(side: Side) -> Side:
    return "B" if side == "A" else "A"


def sentence_ref(side: Side, i: int) -> str:
    """How a reader cites a sentence: "A3" is the third of side A. The brief, the window and the
    findings number from 1; the JSON's indices count from 0."""
    return f"{side}{i + 1}"


@dataclass
class Readout:
    """One text as read from its source, before any analysis."""

    text: str
    label: str = ""
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    source: str | None = None  # path, URL or None for pasted text
    language: str | None = None  # forced language (ISO 639-1); None = detect
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def address(self) -> str | None:
        """Where the text was published, to cite: the address its header gives (ingest keeps it as
        metadata["address"]), else where it was read from (path or URL; None for pasted text)."""
        return self.metadata.get("address") or self.source


@dataclass(slots=True)
class Token:
    """A word (or Chinese word unit) with its span in the readout's text and its matching form
    (slots: a 100,000-word text has 100,000 of them, 100 bytes less each)."""

    text: str
    start: int  # offsets into Readout.text
    end: int
    norm: str  # case-folded, stemmed (or simplified Chinese) form used for matching


@dataclass
class ToneMark:
    id: str  # tone id of TOPICS.md, e.g. "candid"
    text: str  # the words that triggered it, as written
    sentence: int
    start: int  # offsets into Readout.text
    end: int


@dataclass
class TopicHit:
    """One place a topic (or entity) recogniser matched."""

    topic: str
    text: str
    start: int
    end: int
    entity: str | None = None  # canonical entity id when the match is a named entity ("country:UA")
    passing: bool = False  # a lexicon "passing" term: the topic is only touched, not discussed


@dataclass
class Sentence:
    i: int
    paragraph: int
    start: int  # offsets into Readout.text: text == readout.text[start:end]
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    language: str = "und"
    heading: bool = False
    furniture: bool = False  # headline, dateline, timestamp, credit: no share, no topic, no speaker
    opening: bool = False  # who met whom, where, at whose request: a statement of its own kind
    # filled by the emphasis stage
    speaker: str | None = None  # canonical speaker name, "both", or None (narrator)
    topics: list[str] = field(default_factory=list)  # topics discussed in this sentence
    passing: list[str] = field(default_factory=list)  # topics only touched in passing
    hits: list[TopicHit] = field(default_factory=list)  # lexicon matches (topics and entities)
    tone: list[str] = field(default_factory=list)  # tone ids, from tone_marks
    tone_marks: list[ToneMark] = field(default_factory=list)
    # every marker's words as the lexicon found them, in any sense ("constructive efforts", 合理关切):
    # a side that uses a tone word, though not of the talks, is never said to lack it
    tone_words: list[ToneMark] = field(default_factory=list)

    @cached_property
    def norms(self) -> list[str]:
        """The tokens' matching forms, listed once (tokens do not change after segmentation)."""
        return [t.norm for t in self.tokens]

    @cached_property
    def words_before(self) -> list[int]:
        """words_before[k]: the words (tokens holding a letter or digit) among the first k tokens,
        so that the words of any stretch of the sentence are one subtraction (the statements stage
        weighs every clause and statement by its words)."""
        counts, n = [0], 0
        for t in self.tokens:
            n += t.text.isalnum() or any(c.isalnum() for c in t.text)
            counts.append(n)
        return counts


@dataclass
class Document:
    """A readout after segmentation."""

    readout: Readout
    language: str  # ISO 639-1, "zh" for both Chinese scripts
    sentences: list[Sentence]
    paragraphs: list[tuple[int, int]]  # character spans of paragraphs in readout.text
    script: str | None = None  # "Hans" / "Hant" for Chinese

    @property
    def text(self) -> str:
        return self.readout.text

    @cached_property
    def words(self) -> int:
        """Length as OUTPUT.md counts it: words, or Han characters for Chinese (counted once:
        a document's text and sentences do not change after segmentation)."""
        if self.language == "zh":
            return han_count(self.readout.text)
        return sum(s.words_before[-1] for s in self.sentences)


DiffOp = tuple[int, str]  # diff-match-patch op: -1 delete (A only), 0 equal, 1 insert (B only)


@dataclass
class Link:
    """Passages of A and B that speak of the same thing."""

    a: list[int]
    b: list[int]
    score: float
    kind: LinkKind
    diff: list[DiffOp] | None = None  # word diff over the joined texts; None across languages
    shared: list[str] = field(default_factory=list)  # concepts/entities both sentences carry (cross-language)
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    longer: Side | None = None  # across languages, versions: this side is much longer (a clause the other drops)
    anchors: list[Anchor] = field(default_factory=list)  # across languages: the words the link rests on
    # translations: words of A the B passage does not render (dropped), words of B with no source in
    # A (added), as written; the side whose wording is weaker ("will work closely" -> "is willing to")
    dropped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    weaker: Side | None = None


@dataclass(frozen=True)
class Anchor:
    """One thing a cross-language link rests on: a word of each side and what ties them (a glossary
    pivot, a dictionary gloss, a cognate spelling): ("candidly", "坦诚", "candid")."""

    a: str
    b: str
    via: str


@dataclass
class TopicStat:
    id: str
    label: str
    sentences: dict[str, list[int]]  # side -> sentences that discuss the topic
    passing: dict[str, list[int]]  # side -> sentences that only touch it
    share: dict[str, float]
    first: dict[str, float | None]
    rank: dict[str, int | None]
    phrase: str = ""  # the label inside a sentence ("nuclear weapons", "Taiwan"); "" = the label


@dataclass
class Term:
    term: str
    score: float  # z-score of the log-odds ratio
    count: int
    sentences: list[int] = field(default_factory=list)


@dataclass
class Statement:
    """One thing a readout reports: a sentence, a clause of a long sentence, or one item of an
    enumeration (一是…二是…, "first… second…"), with who says it, about what, doing what."""

    sentence: int
    start: int  # offsets into Readout.text
    end: int
    speaker: str | None  # canonical person name, BOTH, a side ("China"), or None (the narrator)
    topics: list[str] = field(default_factory=list)  # the main topic first
    act: Act = "assert"
    stance: list[str] = field(default_factory=list)  # the words that carry its stance, as written
    weight: float = 1.0  # its share of the sentence (the items of a list share one sentence)
    role: SpeakerRole = "narrator"


@dataclass
class Evidence:
    side: Side
    sentence: int


@dataclass
class Quote:
    """A few words of the evidence as written, for a finding that quotes both sides."""

    side: Side
    sentence: int
    text: str


@dataclass
class Finding:
    kind: FindingKind
    weight: float  # 0..1
    text: str
    evidence: list[Evidence]
    topic: str | None = None
    side: Side | None = None
    speaker: str | None = None
    marker: str | None = None  # the tone id of a tone finding
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Annotation:
    """A user's note, anchored by side and span, with the quote kept to re-anchor after a reload."""

    side: Side
    start: int
    end: int
    quote: str
    note: str
    tag: str = ""
    author: str = ""
    created: str = ""  # ISO 8601
    id: str = ""
    detached: bool = False  # its quote is no longer in the text: kept, shown apart, never dropped


@dataclass(frozen=True)
class Settings:
    """What the user chose beside the texts: the mode (None = chosen from the texts) and the user
    lexicon files. Labels and forced languages belong to each Readout."""

    mode: Mode | None = None
    lexicons: tuple[str, ...] = ()


@dataclass
class Names:
    """What the lexicon calls the ids of a comparison (topics, tones, entities), kept with the result
    so that every output (JSON, terminal, brief, window) names a user's topics and tones as the
    user's lexicon does, without loading a lexicon of its own."""

    topics: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)  # a topic's label inside a sentence
    salience: dict[str, str] = field(default_factory=dict)
    tones: dict[str, str] = field(default_factory=dict)
    readings: dict[str, str] = field(default_factory=dict)  # a tone marker's usual reading
    entities: dict[str, str] = field(default_factory=dict)  # "country:UA" -> "Ukraine"

    def topic_label(self, topic_id: str) -> str:
        return self.topics.get(topic_id, topic_id)

    def topic_phrase(self, topic_id: str) -> str:
        return self.phrases.get(topic_id) or self.topic_label(topic_id)

    def topic_salience(self, topic_id: str) -> str:
        return self.salience.get(topic_id, "normal")

    def tone_label(self, tone_id: str) -> str:
        return self.tones.get(tone_id, tone_id)

    def tone_reading(self, tone_id: str) -> str:
        return self.readings.get(tone_id, "")

    def entity_label(self, entity_id: str, lang: str = "en") -> str:
        return self.entities.get(entity_id, entity_id)


@dataclass
class Comparison:
    """The result of one analysis; only the pipeline writes it (the user's notes live apart, in the
    session that shows or exports it)."""

    mode: Mode
    a: Document
    b: Document
    settings: Settings = field(default_factory=Settings)
    names: Names = field(default_factory=Names)
    labels: dict[str, str] = field(default_factory=dict)  # side -> the name findings give it
    sides: dict[str, str | None] = field(default_factory=dict)  # side -> whose account it is ("China")
    ledes: dict[str, str | None] = field(default_factory=dict)  # side -> topic of its first substantive statement
    truncated: dict[str, bool] = field(default_factory=dict)  # side -> its text ends mid-sentence
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    unmatched: dict[str, list[int]] = field(default_factory=lambda: {"A": [], "B": []})
    topics: list[TopicStat] = field(default_factory=list)
    speakers: dict[str, dict[str, float]] = field(default_factory=dict)
    principals: dict[str, str | None] = field(default_factory=dict)  # side -> its most-quoted speaker
    countries: dict[str, str | None] = field(default_factory=dict)  # speaker -> country (None: both sides)
    tone: dict[str, list[ToneMark]] = field(default_factory=dict)
    distinctive: dict[str, list[Term]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def doc(self, side: Side) -> Document:
        return self.a if side == "A" else self.b

    def name(self, side: Side) -> str:
        """The side's name as the labels stage gave it ("White House"); "" when it has none."""
        return (self.labels.get(side) or self.doc(side).readout.label or "").strip()

    def label(self, side: Side) -> str:
        """The side's name, or its letter when it has none."""
        return self.name(side) or side

    @property
    def cross_language(self) -> bool:
        return self.a.language != self.b.language
