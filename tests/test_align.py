"""Alignment in one language: crossings, merges, threshold, kinds, versions mode, sparse candidates."""

import random

import pytest

from viewer.align import align
from viewer.align.matching import MAX_MERGE, match
from viewer.align.similarity import TOP_K, SimilarityIndex
from viewer.analysis import compare
from viewer.errors import Cancelled
from viewer.model import Document, Readout, Sentence
from viewer.text.tokens import tokenize
from viewer.wording import joined_text, link_diff


def make_doc(sentences: list[str], lang: str = "en") -> Document:
    """A Document as segment() would give it: one paragraph, sentences joined by spaces."""
    out, pos = [], 0
    for k, text in enumerate(sentences):
        out.append(Sentence(k, 0, pos, pos + len(text), text, tokenize(text, lang, pos), lang))
        pos += len(text) + 1
    full = " ".join(sentences)
    return Document(Readout(full), lang, out, [(0, len(full))])


def aligned(a: Document, b: Document, **kw):
    """align() followed by the wording stage's diff inside each link, as the pipeline runs them."""
    result = align(a, b, **kw)
    for link in result.links:
        link.diff = link_diff(link, a, b)
    return result


def pairs(result):
    return {(tuple(link.a), tuple(link.b)) for link in result.links}


def check_diffs(result, a, b):
    for link in result.links:
        assert "".join(t for op, t in link.diff if op <= 0) == joined_text(a, link.a)
        assert "".join(t for op, t in link.diff if op >= 0) == joined_text(b, link.b)


TOPICS_A = [
    "The ministers discussed the trade deficit and tariffs on steel imports.",
    "They exchanged views on the maritime dispute in the southern sea lanes.",
    "Both sides stressed cooperation against fentanyl trafficking networks.",
    "The meeting also touched on student visas and academic exchanges.",
]
TOPICS_B = [
    "Visas for students and academic exchanges were raised by the delegation.",
    "The delegation urged joint action on fentanyl trafficking networks.",
    "On the maritime dispute, the southern sea lanes must stay open, it said.",
    "Tariffs on steel imports and the trade deficit were discussed at length.",
]


def test_reverse_order_gives_crossing_links():
    a, b = make_doc(TOPICS_A), make_doc(TOPICS_B)
    result = aligned(a, b)
    assert result.mode == "readouts"
    assert pairs(result) == {((0,), (3,)), ((1,), (2,)), ((2,), (1,)), ((3,), (0,))}
    assert result.unmatched == {"A": [], "B": []}
    check_diffs(result, a, b)


def test_unrelated_sentence_stays_unmatched():
    a = make_doc([*TOPICS_A, "The weather in the capital was unusually warm for October."])
    b = make_doc([*TOPICS_B, "A new ambassador presented credentials to the president."])
    result = aligned(a, b)
    assert 4 in result.unmatched["A"] and 4 in result.unmatched["B"]
    assert len(result.links) == 4


def test_one_sentence_summarised_by_two_merges():
    a = make_doc([
        "The leaders agreed to resume military communication channels and to open talks on artificial intelligence risks.",
        "The weather was mild.",
    ])
    b = make_doc([
        "Officials will hold talks on the risks of artificial intelligence.",
        "Fisheries quotas were not discussed.",
        "Military communication channels between the two armies will resume.",
    ])
    result = aligned(a, b)
    assert ((0,), (0, 2)) in pairs(result)
    assert result.unmatched == {"A": [1], "B": [1]}
    check_diffs(result, a, b)


def test_link_kinds():
    a = make_doc([
        "The two sides held talks in Geneva on Monday.",
        "They agreed to expand cooperation on public health and pandemic preparedness.",
        "The foreign minister warned against interference in internal affairs of sovereign states.",
    ])
    b = make_doc([
        "The two sides held  talks in Geneva on Monday.",
        "They agreed to expand cooperation on public health and on pandemic preparedness.",
        "The spokesman said that interference in the internal affairs of any state is unacceptable.",
    ])
    kinds = {tuple(link.a): link.kind for link in aligned(a, b, mode="readouts").links}
    assert kinds == {(0,): "identical", (1,): "reworded", (2,): "related"}


def test_match_on_bare_scores_allows_crossings_and_threshold():
    scores = {(0, 1): 0.9, (1, 0): 0.8, (0, 0): 0.5, (2, 2): 0.1}
    groups = match(scores, 3, 3, 0.3)
    assert [(g.a, g.b) for g in groups] == [([0], [1]), ([1], [0])]


def joint_by_best(scores):
    """A joint score for bare-score tests: the best pair's score, rising as partners join."""
    def joint(a_ids, b_ids):
        return max(scores.get((i, j), 0.0) for i in a_ids for j in b_ids) + 0.01 * len(a_ids) * len(b_ids)
    return joint


def test_a_link_gathers_four_scattered_sentences_at_most():
    scores = {(i, 0): 0.9 - 0.01 * i for i in (0, 3, 6, 9, 12, 15)}
    groups = match(scores, 16, 1, 0.3, joint=joint_by_best(scores))
    assert [(g.a, g.b) for g in groups] == [([0, 3, 6, 9], [0])]  # the four best; the others stay unmatched


def test_a_consecutive_passage_on_one_matter_may_take_more_than_four():
    scores = {(i, 0): 0.9 - 0.01 * i for i in range(3, 9)}
    groups = match(scores, 10, 1, 0.3, joint=joint_by_best(scores))
    assert [(g.a, g.b) for g in groups] == [([3, 4, 5, 6, 7, 8], [0])]


BASE = [
    "The ministers met in Geneva on Monday morning.",
    "They discussed tariffs on electric vehicles at length.",
    "Both sides raised concerns about shipping lanes in the strait.",
    "The talks covered climate finance for developing countries.",
    "A joint statement on fisheries quotas was issued afterwards.",
    "The next round of consultations will take place in Oslo.",
    "Officials described the meeting as productive and businesslike.",
    "Nuclear safety at civilian reactors was also on the agenda.",
    "The delegations thanked the host government for its hospitality.",
]


def edited_copy():
    edited = list(BASE)
    edited[1] = "They discussed tariffs on electric cars at great length."
    edited.insert(7, edited.pop(2))  # the shipping sentence moves near the end
    edited.insert(4, "Vaccine supply chains were a new item this year.")
    del edited[-1]
    return edited


def test_versions_detected_with_one_moved_sentence():
    a, b = make_doc(BASE), make_doc(edited_copy())
    result = aligned(a, b)
    assert result.mode == "versions"
    moved = [link for link in result.links if link.kind == "moved"]
    assert [(link.a, link.b) for link in moved] == [([2], [8])]
    assert moved[0].diff == [(0, BASE[2])]
    assert result.unmatched == {"A": [8], "B": [4]}
    changed = next(link for link in result.links if link.a == [1])
    assert changed.b == [1] and changed.kind == "reworded"
    assert (1, "great ") in changed.diff
    check_diffs(result, a, b)


def test_forced_modes():
    a, b = make_doc(BASE), make_doc(edited_copy())
    assert aligned(a, b, mode="readouts").mode == "readouts"
    assert not any(link.kind == "moved" for link in aligned(a, b, mode="readouts").links)
    forced = aligned(make_doc(TOPICS_A), make_doc(TOPICS_B), mode="versions")
    assert forced.mode == "versions"
    assert all(link.kind == "moved" or link.a == sorted(link.a) for link in forced.links)
    assert aligned(make_doc(TOPICS_A), make_doc(TOPICS_B)).mode == "readouts"


def test_chinese_sentences_align_by_words_and_bigrams():
    a = make_doc(["双方就台湾问题交换了意见。", "中方坚决反对单边制裁。"], "zh")
    b = make_doc(["中方坚决反对美方的单边制裁措施。", "双方在台湾问题上交换意见。"], "zh")
    result = aligned(a, b)
    assert pairs(result) == {((0,), (1,)), ((1,), (0,))}
    check_diffs(result, a, b)


def synthetic(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocabulary = [f"term{k}" for k in range(3000)]
    common = ["the", "two", "sides", "and", "of", "on"]
    return [" ".join(rng.choice(vocabulary if rng.random() < 0.6 else common) for _ in range(18)) + "."
            for _ in range(n)]


def test_candidates_do_not_score_all_pairs():
    sentences = synthetic(300, 1)
    order = list(range(300))
    random.Random(2).shuffle(order)
    shuffled = [sentences[k].replace(".", " again.") for k in order]  # no exact copy: every sentence seeks
    a, b = make_doc(sentences), make_doc(shuffled)
    index = SimilarityIndex(a, b)
    scores = index.candidates()
    assert index.scored < 90_000 / 20
    result = aligned(a, b, mode="readouts")
    assert len(result.links) == 300
    assert all(order[link.b[0]] == link.a[0] for link in result.links)
    assert len(scores) == index.scored


def test_exact_copies_are_each_others_candidates_without_seeking():
    sentences = synthetic(300, 1)
    shuffled = sentences[:]
    random.Random(2).shuffle(shuffled)
    index = SimilarityIndex(make_doc(sentences), make_doc(shuffled))
    scores = index.candidates()
    assert index.scored == 0
    assert scores == {(i, shuffled.index(s)): 1.0 for i, s in enumerate(sentences)}


def _annotated(*texts: str) -> list[Document]:
    from viewer.lexicon import load_lexicon
    from viewer.text import segment

    lexicon = load_lexicon()
    docs = [segment(Readout(text, language="en")) for text in texts]
    for doc in docs:
        lexicon.annotate(doc)
    return [*docs, lexicon]


READOUT = ("The minister met her counterpart in Oslo on Tuesday. "
           "She raised the flow of fentanyl precursor chemicals across the border. "
           "She stressed peace and stability across the Taiwan Strait.")


def test_a_sentence_repeated_hundreds_of_times_is_scored_and_merged_in_bounded_amounts():
    # every copy shares the link's topic: uncapped, all of them joined one link, each join
    # re-scoring the whole growing passage (590 s on 30,000 copies)
    a, b, lexicon = _annotated(READOUT, "Both sides pledged to curb the fentanyl trade. " * 400)
    index = SimilarityIndex(a, b)
    index.candidates()
    assert index.scored <= 2 * TOP_K * (len(a.sentences) + len(b.sentences))
    result = aligned(a, b, mode="readouts", lexicon=lexicon)
    fentanyl = next(link for link in result.links if link.a == [1])
    assert 1 < len(fentanyl.b) <= MAX_MERGE
    assert all(len(link.a) + len(link.b) <= MAX_MERGE + 1 for link in result.links)


def test_a_text_repeated_twenty_times_links_each_sentence_to_a_copy_of_itself():
    a, b, lexicon = _annotated(READOUT, " ".join([READOUT] * 20))
    result = aligned(a, b, lexicon=lexicon)
    assert {k for link in result.links for k in link.a} == {0, 1, 2}
    assert all(b.sentences[j].text == a.sentences[link.a[0]].text for link in result.links for j in link.b)
    assert all(len(link.b) <= MAX_MERGE for link in result.links)


def test_two_copies_of_a_repetitive_text_pair_each_copy_with_its_own():
    # equal candidates are ranked by position: a sentence's candidates include its own copy
    text = [TOPICS_A[0]] * 200
    result = aligned(make_doc(text), make_doc(text))
    assert result.mode == "versions"
    assert all(link.a == link.b for link in result.links) and len(result.links) == 200


def test_cancel_stops_alignment():
    a, b = make_doc(TOPICS_A), make_doc(TOPICS_B)
    with pytest.raises(Cancelled):
        aligned(a, b, should_cancel=lambda: True)


def test_versions_sentence_moved_and_edited_is_one_moved_link():
    edited = list(BASE)
    sentence = edited.pop(3).replace("developing countries", "small island states")
    edited.insert(7, sentence)
    a, b = make_doc(BASE), make_doc(edited)
    result = aligned(a, b)
    assert result.mode == "versions"
    moved = [link for link in result.links if link.kind == "moved"]
    assert [(link.a, link.b) for link in moved] == [([3], [7])]
    assert (1, "small island states") in moved[0].diff
    assert result.unmatched == {"A": [], "B": []}
    check_diffs(result, a, b)


def test_readouts_link_by_a_shared_specific_topic_with_its_concepts():
    """Two readouts in one language that word the same matters differently still link."""
    from viewer.lexicon import load_lexicon
    from viewer.text import segment

    lexicon = load_lexicon()
    a = segment(Readout("The minister held talks with her counterpart in Oslo. "
                        "She underlined the value of calm and stability across the Taiwan Strait. "
                        "She also voiced worry about fentanyl flowing into American towns.", language="en"))
    b = segment(Readout("The Taiwan question is the core of core interests and a line never to be crossed. "
                        "Both sides pledged to curb the trade in synthetic narcotics and precursor chemicals. "
                        "The weather in the capital was mild.", language="en"))
    lexicon.annotate(a)
    lexicon.annotate(b)
    result = aligned(a, b, mode="readouts", lexicon=lexicon)
    assert {((1,), (0,)), ((2,), (1,))} <= pairs(result)
    taiwan = next(link for link in result.links if link.a == [1])
    assert taiwan.kind == "related" and "topic:taiwan" in taiwan.shared
    assert 2 in result.unmatched["B"] and 0 in result.unmatched["A"]


def test_merges_keep_to_the_links_matter():
    """A sentence joins a link on the link's own specific topic; one that shares only the
    leaders' names or the relationship does not, even when its words raise the joint score."""
    from viewer.align.concepts import ConceptSpace
    from viewer.lexicon import load_lexicon
    from viewer.text import segment

    lexicon = load_lexicon()
    a = segment(Readout("The minister restated the position on the Taiwan question. "
                        "She also raised fentanyl trafficking. "
                        "President Biden and President Xi value the relationship.", language="en"))
    b = segment(Readout("Peace across the Taiwan Strait matters, and so does the fight against fentanyl. "
                        "President Biden and President Xi spoke about the relationship.", language="en"))
    lexicon.annotate(a)
    lexicon.annotate(b)
    space = ConceptSpace(a, b, lexicon)
    assert space.shared_topics([0], [0]) == {"taiwan"}
    assert space.joins([0], [0], [0], [0], False)  # on the link's topic
    assert not space.joins([0], [0], [1], [0], False)  # fentanyl is B0's topic but not the link's
    assert {"person:biden", "person:xi"} <= set(space.compare([2], [1])[0])
    assert not space.joins([0], [1], [2], [1], True)  # leaders and relationship only
    assert ConceptSpace(a, b, None).joins([0], [1], [2], [1], True)  # no lexicon: words decide
    assert space.scale() > ConceptSpace(a, b, None).scale() == 1.0


def test_words_only_two_sentences_use_pin_them_together():
    """A formula both sides carry ("manage ... responsibly") links two sentences whose other
    words differ; one such word alone does not."""
    a, b, lexicon = _annotated(
        "The minister met her counterpart in Oslo on Tuesday. "
        "She raised the flow of fentanyl precursor chemicals across the border. "
        "She said her side would compete hard while managing the relationship responsibly.",
        "The foreign minister received his guest in Oslo. "
        "The two countries ought to respect each other and manage relations in a responsible way. "
        "Curbing the fentanyl trade was also discussed.")
    result = aligned(a, b, mode="readouts", lexicon=lexicon)
    assert ((2,), (1,)) in pairs(result)
    index = SimilarityIndex(a, b)
    assert index.pins([2], [1]) == 2 and index.pins([1], [2]) == 0


def test_a_single_word_only_two_sentences_use_is_not_enough():
    a, b, lexicon = _annotated(
        "The minister met her counterpart in Oslo on Tuesday. "
        "She described the harvest festival she had attended in the north.",
        "The foreign minister received his guest in Oslo. "
        "A new rail line to the north was opened by the mayor last spring.")
    result = aligned(a, b, mode="readouts", lexicon=lexicon)
    assert SimilarityIndex(a, b).pins([1], [1]) == 1
    assert ((1,), (1,)) not in pairs(result)


def _edited_versions(seed: int = 4):
    """Three hundred made-up sentences and an edited copy: in every fourth sentence one to three
    words replaced by rare words (which bring the TF-IDF cosine of a short sentence under 0.5),
    three sentences moved a long way (one of them also edited). Returns both texts, the edits
    as (A sentence, B sentence, old word, new word) and the moves as (A sentence, B sentence)."""
    rng = random.Random(seed)
    common = "the of and to in on with for two sides talks trade security relations agreed said".split()
    rare = [f"{c}{v}{c2}{v2}" for c in "bdfgklmnprstvz" for v in "aeiou" for c2 in "bdklmnrst" for v2 in "ao"]
    sentences = []
    for k in range(300):
        words = [rng.choice(common if rng.random() < 0.5 else rare) for _ in range(rng.randint(10, 18))]
        sentences.append(" ".join(["iPhone" if k % 97 == 50 else words[0].capitalize(), *words[1:]]) + ".")
    edited, edits = list(sentences), {}
    for k in range(0, 300, 4):
        words = edited[k].rstrip(".").split()
        for w in rng.sample(range(1, len(words)), rng.randint(1, 3)):
            new = rng.choice(rare)
            while new in words[w - 1 : w + 2]:
                new = rng.choice(rare)
            edits.setdefault(k, []).append((words[w], new))
            words[w] = new
        edited[k] = " ".join(words) + "."
    order = list(range(300))
    moves = {30: 250, 200: 10, 120: 290}  # A sentence -> where it goes in B
    for k in moves:
        order.remove(k)
    for k, to in sorted(moves.items(), key=lambda kv: kv[1]):
        order.insert(to, k)
    b_index = {k: n for n, k in enumerate(order)}
    text_a = " ".join(sentences)
    text_b = " ".join(edited[k] for k in order)
    replaced = [(k, b_index[k], old, new) for k, pairs in edits.items() for old, new in pairs]
    return text_a, text_b, replaced, {(k, b_index[k]) for k in moves}


def test_versions_at_scale_pair_every_edited_sentence_and_find_every_move():
    text_a, text_b, replaced, moves = _edited_versions()
    c = compare(Readout(text_a, label="A"), Readout(text_b, label="B"))
    assert c.mode == "versions" and len(c.a.sentences) == len(c.b.sentences) == 300
    by_a = {link.a[0]: link for link in c.links}
    for i, j, old, new in replaced:
        link = by_a[i]
        assert link.b == [j] and link.kind in ("reworded", "moved"), (i, link)
        gone = {w for op, t in link.diff if op < 0 for w in t.split()}
        added = {w for op, t in link.diff if op > 0 for w in t.split()}
        assert old.rstrip(".") in {w.rstrip(".") for w in gone} and new in {w.rstrip(".") for w in added}
    assert {(link.a[0], link.b[0]) for link in c.links if link.kind == "moved"} == moves
    assert not c.unmatched["A"] and not c.unmatched["B"]
