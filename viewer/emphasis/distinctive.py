"""Words over-represented in one readout against the other.

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin'
Words", eq. 16-22), z-scored. For word w with counts y_a, y_b in texts of n_a, n_b counted words
and prior pseudo-counts alpha_w summing to alpha0:

    delta_w = log((y_a + alpha_w) / (n_a + alpha0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha0 - y_b - alpha_w))
    var_w   = 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
    z_w     = delta_w / sqrt(var_w)

The prior is the pooled counts of both texts, alpha_w = alpha0 * (y_a + y_b) / (n_a + n_b): there is
no background corpus of readouts to hand, and the pooled texts are the best estimate of how often
a word occurs in this exchange. alpha0 = 0.1 * (n_a + n_b). Why so light: with a prior taken from
the texts themselves, the z of a word used y times against none is bounded whatever alpha0 is
(a small prior shrinks delta less but 1/alpha_w inflates the variance); measured on two texts of
300 counted words, 8 uses against none give z = 1.93 at alpha0 = 0.5 * (n_a + n_b), 2.07 at 0.1,
1.90 at 0.05; 15 against 5 give 1.62, 2.04 and 2.11. At 0.1 both kinds of imbalance reach
z > 1.96 about as early as they can, and still only when a careful reader would notice them.

Two bars. Listed (the Emphasis tab, the JSON): z > 1.2816, the one-sided 90% point: the word is
more frequent on this side than the other with 90% confidence under the model. At 150-300 words a
side, z > 1.96 is almost never reached (one word used 5 times against none in 250 words is z 1.5),
so the strict bar left the list empty on nearly every real readout. A finding in the summary needs
z > 1.96 (two-sided 95%, Z_FINDING): the summary claims a difference, the list only shows leanings.
Words used once on a side (hapaxes) are never listed for that side, and stop words are left out.

Across languages words cannot be counted against each other, so the same statistic runs over
concepts instead: each mention of a topic, an entity (person, country, organisation) or a tone
marker found by the lexicon counts once, under its English label, so that "拜登" and "Biden" are
one term. The counts are small (tens of mentions a side), so the same bars apply unchanged.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from viewer.lexicon import Vocabulary
from viewer.lexicon.wordlists import stop_words
from viewer.model import SIDES, Comparison, Document, Term, other

Z_MIN = 1.2816  # one-sided 90%: shown in the list
Z_FINDING = 1.96  # two-sided 95%: stated as a finding
TOP = 15
MIN_COUNT = 2
PRIOR_SHARE = 0.1  # alpha0 as a share of the pooled counts: see the module's docstring


@lru_cache(maxsize=50_000)
def _countable(text: str, norm: str, language: str) -> bool:
    """A word with a letter in it (not a number), and not a lone Latin letter."""
    return any(c.isalpha() for c in text) and (len(norm) >= 2 or language == "zh")


# (count per term, the surface forms written for it, the sentences that hold it)
Counts = tuple[Counter[str], dict[str, Counter[str]], dict[str, list[int]]]


def _counts(doc: Document, stops: frozenset[str]) -> Counts:
    """Counted words (a word once per form written, counted at C speed by one Counter), their
    forms, and the sentences holding each, in order."""
    language = doc.language
    written: list[tuple[str, str]] = []  # (norm, text) of every counted word
    where: dict[str, list[int]] = {}
    for s in doc.sentences:
        mine = [(t.norm, t.text) for t in s.tokens if t.norm not in stops and _countable(t.text, t.norm, language)]
        written += mine
        for norm in dict.fromkeys(norm for norm, _ in mine):
            where.setdefault(norm, []).append(s.i)
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = {}
    for (norm, text), n in Counter(written).items():
        counts[norm] += n
        surfaces.setdefault(norm, Counter())[text] = n
    return counts, surfaces, where


def _surface(forms: Counter[str]) -> str:
    """The most frequent written form; on a tie the lower-case one (sentence-initial capitals lose)."""
    return max(forms.items(), key=lambda kv: (kv[1], kv[0].islower(), kv[0]))[0]


def log_odds_z(y_a: int, y_b: int, n_a: int, n_b: int, alpha0: float) -> float:
    """z-score of the log-odds ratio of one word, A against B, prior pooled over both texts.

    A word that is every counted word of both texts ("said said" against "the said") has no
    other words to be told from: the odds are 0/0 (math domain error), and it is not distinctive.
    """
    if y_a + y_b >= n_a + n_b:
        return 0.0
    alpha = alpha0 * (y_a + y_b) / (n_a + n_b)
    delta = math.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - math.log(
        (y_b + alpha) / (n_b + alpha0 - y_b - alpha)
    )
    return delta / math.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))


def _concept_counts(doc: Document, lexicon: Vocabulary) -> Counts:
    """Mentions of topics, entities and tone markers, counted under their English labels."""
    counts: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    for s in doc.sentences:
        labels = [lexicon.entity_label(h.entity) if h.entity else lexicon.topic_label(h.topic)
                  for h in s.hits if h.entity or h.topic]
        labels += [lexicon.tone_label(m.id) for m in s.tone_marks]
        for name in labels:
            counts[name] += 1
            rows = where.setdefault(name, [])
            if not rows or rows[-1] != s.i:
                rows.append(s.i)
    return counts, {name: Counter({name: 1}) for name in counts}, where


def distinctive(comparison: Comparison, lexicon: Vocabulary | None = None) -> dict[str, list[Term]]:
    """Top terms of each side with z > Z_MIN, highest first: words within one language, concepts
    across languages (empty across languages when no lexicon is given)."""
    if comparison.cross_language:
        if lexicon is None:
            return {"A": [], "B": []}
        data = {side: _concept_counts(comparison.doc(side), lexicon) for side in SIDES}
    else:
        stops = stop_words(comparison.a.language)
        data = {side: _counts(comparison.doc(side), stops) for side in SIDES}
    n = {side: sum(data[side][0].values()) for side in SIDES}
    if not n["A"] or not n["B"]:
        return {"A": [], "B": []}
    alpha0 = PRIOR_SHARE * (n["A"] + n["B"])
    result: dict[str, list[Term]] = {}
    for side in SIDES:
        counts, surfaces, where = data[side]
        other_counts = data[other(side)][0]
        terms = []
        for norm, y in counts.items():
            if y < MIN_COUNT:
                continue
            z = log_odds_z(y, other_counts.get(norm, 0), n[side], n[other(side)], alpha0)
            if z > Z_MIN:
                terms.append(Term(_surface(surfaces[norm]), round(z, 3), y, where[norm]))
        terms.sort(key=lambda t: (-t.score, t.term))
        result[side] = terms[:TOP]
    return result
