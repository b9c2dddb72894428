"""What two passages speak of, in any language: the concept half of every readouts-mode score.

Two readouts of one meeting rarely share their wording, even in one language: "peace and
stability across the Taiwan Strait" and "the Taiwan question is the first red line" share one
word, yet a reader links them at once. What they share is a matter. The lexicon names it
(topics, entities under every name and script, tone markers), numbers.py adds figures and
names.py the names the lexicon does not know, across Latin and Cyrillic ("Hale", "Хейл").

- Concepts are IDF-weighted by the side that names them most, so what a short readout names
  in most of its sentences (the two countries, the two leaders) weighs little.
- A shared SPECIFIC topic (Taiwan, Ukraine, export controls, fentanyl ...) is strong evidence
  of the same matter; a generic one (the relationship, the meeting itself) is not, and a
  sentence listing six topics shares each of them only in part (Dice over specific topics).
- A title sums up its whole text: it links to the other title only.

`ConceptSpace.score` mixes a word score (TF-IDF cosine in one language, dictionary coverage
across languages) with these signals, so both paths rank passages by one rule.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from viewer.align.names import cross_script_names
from viewer.align.numbers import figures
from viewer.lang.script import ends_sentence
from viewer.lexicon import Vocabulary
from viewer.model import Document, Names, Sentence

CONCEPT_SHARE = 0.3  # weight of the concept Dice added to the word score
TOPIC_SHARE = 0.45  # added for sentences that speak of the same specific topics (Dice of them)
POSITION_PRIOR = 0.05  # at most this is added for the same relative position
CONCEPT_PRIOR = 3.0  # weight added to the concepts' total: one shared name alone is thin evidence
TONE_WEIGHT = 0.8  # a tone marker is weaker evidence of the same matter than a topic
FIGURE_WEIGHT = 1.5  # the same number or date is strong evidence
PERSON_WEIGHT = 0.3  # a leader's name mostly says who speaks ("Xi stressed"), not what about
NAME_WEIGHT = 0.5  # a name across scripts (names.py) may be a speaker or the place of the talks
TOPIC_CAP = 32  # a specific topic in more sentences than this (or a tenth of the text) seeks no partners
# Topics of TOPICS.md that frame a whole readout rather than one matter of it.
GENERIC_TOPICS = frozenset({"bilateral-relations", "leader-diplomacy", "international-order",
                            "domestic-politics", "regional-security", "global-challenges"})


def sentence_concepts(sentence: Sentence, lexicon: Vocabulary | None) -> set[str]:
    """Concept ids of one annotated sentence: lexicon concepts (topics prefixed) and figures."""
    found = {c if ":" in c else f"topic:{c}" for c in lexicon.concepts(sentence)} if lexicon else set()
    return found | figures(sentence)


def specific_topics(sentence: Sentence) -> frozenset[str]:
    """Topics the sentence discusses (not only touches) that name one matter."""
    return frozenset(h.topic for h in sentence.hits
                     if h.topic and not h.passing and h.topic not in GENERIC_TOPICS)


def concept_label(lexicon: Vocabulary | Names, concept: str, lang: str = "en") -> str:
    """A readable name for a concept id of Link.shared / only_a / only_b."""
    kind, _, ident = concept.partition(":")
    if kind == "topic":
        return lexicon.topic_label(ident)
    if kind == "tone":
        return lexicon.tone_label(ident)
    if kind in ("number", "name"):
        return ident
    if kind == "month":
        from babel.dates import get_month_names

        return get_month_names("wide", locale=lang if lang != "zh" else "zh_Hans")[int(ident)]
    return lexicon.entity_label(concept, lang)


class ConceptSpace:
    """Weighted concepts, specific topics and titles of both documents' sentences."""

    def __init__(self, a: Document, b: Document, lexicon: Vocabulary | None):
        names_a, names_b = cross_script_names(a.sentences, b.sentences)
        concepts_a = [sentence_concepts(s, lexicon) | n for s, n in zip(a.sentences, names_a, strict=True)]
        concepts_b = [sentence_concepts(s, lexicon) | n for s, n in zip(b.sentences, names_b, strict=True)]
        weight = _weights(concepts_a, concepts_b)
        self.a = [{c: weight[c] for c in cs} for cs in concepts_a]
        self.b = [{c: weight[c] for c in cs} for cs in concepts_b]
        self.topics_a = [specific_topics(s) for s in a.sentences]
        self.topics_b = [specific_topics(s) for s in b.sentences]
        self.title_a, self.title_b = _title(a), _title(b)
        self.informed = lexicon is not None  # without a lexicon only figures are concepts
        if not (self.title_a and self.title_b):  # one side has no title: nothing to keep apart
            self.title_a = self.title_b = set()

    def apart(self, a_ids: Iterable[int], b_ids: Iterable[int]) -> bool:
        """True when one passage is a title and the other is not."""
        return any(i in self.title_a for i in a_ids) != any(j in self.title_b for j in b_ids)

    def score(self, a_ids: Sequence[int], b_ids: Sequence[int], word: float | None) -> float:
        """The readouts-mode score of two passages given their word score (None: the two
        languages share no word channel, concepts decide alone); 0 when nothing is shared."""
        if self.apart(a_ids, b_ids):
            return 0.0
        concept = _dice(_union(self.a, a_ids), _union(self.b, b_ids))
        topic = _topic_dice(_union_set(self.topics_a, a_ids), _union_set(self.topics_b, b_ids))
        s = (concept if word is None else word + CONCEPT_SHARE * concept) + TOPIC_SHARE * topic
        if s <= 0 or len(a_ids) + len(b_ids) > 2:
            return s
        shift = abs(a_ids[0] / max(len(self.a), 1) - b_ids[0] / max(len(self.b), 1))
        return s + POSITION_PRIOR * (1 - shift)

    def scale(self) -> float:
        """How far the score of one pair of passages stretches beyond its word score for the
        same evidence: with a lexicon the concept Dice of two passages that share their matter
        runs with their word cosine, so a threshold set on the word scale is stretched to match
        (it then means the same with and without a lexicon)."""
        return 1 + CONCEPT_SHARE if self.informed else 1.0

    def shared_topics(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> frozenset[str]:
        """Specific topics both passages discuss."""
        return _union_set(self.topics_a, a_ids) & _union_set(self.topics_b, b_ids)

    def joins(self, link_a: Sequence[int], link_b: Sequence[int], a_ids: Sequence[int],
              b_ids: Sequence[int], rose: bool) -> bool:
        """May the pair (a_ids, b_ids) join the link (link_a, link_b)? Only when the new sentence
        shares with its partner a specific topic the link is already about (a link without one
        takes the pair's), or when the joint score rose and the pair shares more than the
        readouts' background: a specific topic, a tone, a figure, a place (not only the leaders'
        names and the relationship, which a short readout names in every other sentence)."""
        topics = self.shared_topics(a_ids, b_ids)
        link = self.shared_topics(link_a, link_b)
        if topics & link if link else topics:
            return True
        if not rose:
            return False
        if not self.informed:  # no way to tell background from matter: the words decide
            return True
        shared = _union(self.a, a_ids).keys() & _union(self.b, b_ids).keys()
        return any(_substantive(c) for c in shared)

    def opening(self) -> tuple[list[int], list[int]] | None:
        """The headline and the opening line of each side, as one passage: both report the
        meeting itself ("Xi speaks with Biden"; "President Biden spoke today with President Xi"),
        so a reader links each headline to the other side's opening line too. Only when both
        sides have a headline and their first body sentences name the same two people or more
        (the principals); None otherwise."""
        lede_a, lede_b = _lede(self.title_a, len(self.a)), _lede(self.title_b, len(self.b))
        if not (lede_a and lede_b):
            return None
        people = {c for c in self.a[lede_a].keys() & self.b[lede_b].keys() if c.startswith("person:")}
        if len(people) < 2:
            return None
        return list(range(lede_a + 1)), list(range(lede_b + 1))

    def topic_pairs(self) -> set[tuple[int, int]]:
        """Pairs that share a specific topic, through an inverted index; a topic in too many
        sentences (a long text's main matter) seeks no partners, so the cost stays linear."""
        postings: dict[str, list[int]] = defaultdict(list)
        for j, topics in enumerate(self.topics_b):
            for t in topics:
                postings[t].append(j)
        cap = max(TOPIC_CAP, len(self.topics_b) // 10)
        found_a: dict[str, int] = Counter(t for ts in self.topics_a for t in ts)
        out = set()
        for i, topics in enumerate(self.topics_a):
            for t in topics:
                posting = postings.get(t, ())
                if len(posting) <= cap and found_a[t] <= cap:
                    out.update((i, j) for j in posting)
        return out

    def compare(self, a_ids: Sequence[int], b_ids: Sequence[int]) -> tuple[list[str], list[str], list[str]]:
        """(shared, only in a, only in b) concept ids of two passages, for Link."""
        ca, cb = set(_union(self.a, a_ids)), set(_union(self.b, b_ids))
        return sorted(ca & cb), sorted(ca - cb), sorted(cb - ca)


def _lede(title: set[int], n: int) -> int | None:
    """The first sentence after a headline that opens the text (None without one)."""
    k = 0
    while k < n and k in title:
        k += 1
    return k if 0 < k < n else None


def _substantive(concept: str) -> bool:
    """A concept that says what a passage is about, not who speaks or that the two countries met."""
    kind, _, ident = concept.partition(":")
    return kind != "person" and not (kind == "topic" and ident in GENERIC_TOPICS)


def _union(concepts: list[dict[str, float]], ids: Sequence[int]) -> dict[str, float]:
    if len(ids) == 1:
        return concepts[ids[0]]
    out: dict[str, float] = {}
    for k in ids:
        out.update(concepts[k])
    return out


def _union_set(topics: list[frozenset[str]], ids: Sequence[int]) -> frozenset[str]:
    return topics[ids[0]] if len(ids) == 1 else frozenset().union(*(topics[k] for k in ids))


def _dice(ca: dict[str, float], cb: dict[str, float]) -> float:
    total = sum(ca.values()) + sum(cb.values())
    shared = sum(w for c, w in ca.items() if c in cb)
    return 2 * shared / (total + CONCEPT_PRIOR)


def _topic_dice(ta: frozenset[str], tb: frozenset[str]) -> float:
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def _title(doc: Document) -> set[int]:
    """Sentences of the paragraphs that hold a heading before the body starts (a headline may be
    split in two), and of a first paragraph without final punctuation (a headline too long to look
    like a heading). A heading further down heads a section, and the fragment a cut-off text ends
    on looks like one: neither sums up the text."""
    paragraphs = set()
    for s in doc.sentences:
        if not s.heading and s.paragraph not in paragraphs:
            break
        paragraphs.add(s.paragraph)
    first = [s for s in doc.sentences if s.paragraph == 0]
    if first and not ends_sentence(first[-1].text):
        paragraphs.add(0)
    return {s.i for s in doc.sentences if s.paragraph in paragraphs}


def _weights(concepts_a: list[set[str]], concepts_b: list[set[str]]) -> dict[str, float]:
    """IDF by the side where the concept is commonest: what a short readout names in most of its
    sentences (the two countries, the two leaders) is its background, not a matter it links by."""
    df_a = Counter(c for cs in concepts_a for c in cs)
    df_b = Counter(c for cs in concepts_b for c in cs)
    weights = {}
    for c in df_a.keys() | df_b.keys():
        share = max(df_a[c] / (len(concepts_a) + 1), df_b[c] / (len(concepts_b) + 1))
        weights[c] = _kind_weight(c) * -math.log(share)
    return weights


def _kind_weight(concept: str) -> float:
    kind = concept.partition(":")[0]
    if kind == "tone":
        return TONE_WEIGHT
    if kind in ("number", "month"):
        return FIGURE_WEIGHT
    if kind == "person":
        return PERSON_WEIGHT
    if kind == "name":
        return NAME_WEIGHT
    return 1.0
