"""Topics per side: which topics each side discusses, the share of text, where each first comes.

Which topics a sentence discusses or only touches is decided sentence by sentence
(viewer/statements/topics.py); the statements stage shares a sentence out among its statements.
Counted over statements (Comparison.statements): a topic is discussed on a side when one of its
statements discusses it. Share: the words (Han characters for Chinese, as Document.words counts)
of the statements that discuss the topic over the words of all statements (page furniture and
datelines take none), a statement's words being its weight times its sentence's words: one item
of a list of seven takes a seventh of its sentence. First: the start offset of the first
discussing statement over the text's length. Rank: 1 for the first topic a side discusses, 2 for
the next, and so on.
"""

from __future__ import annotations

from viewer.lexicon import Vocabulary
from viewer.model import SIDES, Comparison, TopicStat
from viewer.statements import statement_words
from viewer.statements.topics import sentence_words

__all__ = ["coverage", "sentence_words"]


def coverage(comparison: Comparison, lexicon: Vocabulary) -> list[TopicStat]:
    """One TopicStat per topic discussed or touched on either side.

    Ordered by the larger of the two shares (the topics that take most room first), then by the
    lexicon's topic order; topics seen only in passing come last.
    """
    per_side = {}
    for side in SIDES:
        doc = comparison.doc(side)
        statements = comparison.statements.get(side, [])
        weights = statement_words(doc, statements)
        discussed: dict[str, list[int]] = {}
        seen_in: set[tuple[str, int]] = set()  # (topic, sentence) listed: a topic of 1,000 sentences is no scan
        first: dict[str, int] = {}
        words: dict[str, float] = {}
        for st, n in zip(statements, weights, strict=True):
            for t in st.topics:
                if (t, st.sentence) not in seen_in:
                    seen_in.add((t, st.sentence))
                    discussed.setdefault(t, []).append(st.sentence)
                first.setdefault(t, st.start)
                words[t] = words.get(t, 0.0) + n
        passing: dict[str, list[int]] = {}
        for s in doc.sentences:
            for t in s.passing:
                passing.setdefault(t, []).append(s.i)
        total = sum(weights) or 1.0
        per_side[side] = (discussed, passing, words, total, len(doc.text) or 1, first, sorted(first, key=first.get))
    order = {t: k for k, t in enumerate(lexicon.topic_ids)}
    seen = {t for side in SIDES for part in per_side[side][:2] for t in part}
    stats = []
    for topic in seen:
        stat = TopicStat(topic, lexicon.topic_label(topic), {}, {}, {}, {}, {}, lexicon.topic_phrase(topic))
        for side in SIDES:
            discussed, passing, words, total, length, first, firsts = per_side[side]
            sents = discussed.get(topic, [])
            stat.sentences[side] = sents
            stat.passing[side] = passing.get(topic, [])
            stat.share[side] = round(words.get(topic, 0.0) / total, 4)
            stat.first[side] = round(first[topic] / length, 4) if sents else None
            stat.rank[side] = firsts.index(topic) + 1 if sents else None
        stats.append(stat)
    stats.sort(key=lambda st: (-max(st.share.values()), order.get(st.id, len(order)), st.id))
    return stats
