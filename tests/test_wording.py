"""Word diff: exact reconstruction of both sides, word-sized ops, Chinese word units."""

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import Document, Link, Readout, Sentence
from viewer.text.tokens import tokenize
from viewer.wording import JOINER, diff_units, joined_text, text_diff, units, word_diff, wording_changes


def sides(diff):
    return ("".join(t for op, t in diff if op <= 0), "".join(t for op, t in diff if op >= 0))


def test_changed_words_are_whole_words():
    diff = word_diff("The delegations held a candid exchange on trade.",
                     "The delegations held a frank exchange on trade.", "en")
    assert (-1, "candid") in diff and (1, "frank") in diff
    assert sides(diff) == ("The delegations held a candid exchange on trade.",
                           "The delegations held a frank exchange on trade.")


def test_added_adverb_is_one_insertion():
    diff = word_diff("China opposes the sanctions.", "China firmly opposes the sanctions.", "en")
    assert [t for op, t in diff if op == 1] == ["firmly "]
    assert not [t for op, t in diff if op == -1]


def test_identical_and_empty_texts():
    assert word_diff("Same words here.", "Same words here.", "en") == [(0, "Same words here.")]
    assert word_diff("", "", "en") == []
    assert word_diff("", "Only B.", "en") == [(1, "Only B.")]


def test_chinese_diff_moves_in_word_units():
    a = "双方同意加强经贸合作。"
    b = "双方同意深化经贸合作。"
    diff = word_diff(a, b, "zh")
    assert sides(diff) == (a, b)
    assert (-1, "加强") in diff and (1, "深化") in diff


def test_units_rebuild_text_and_split_punctuation():
    text = "Talks, in-depth:  «frank» (2024)."
    parts = units(text, "fr")
    assert "".join(parts) == text
    assert "," in parts and "  " in parts and "2024" in parts


def test_diff_units_on_any_hashables():
    ops = diff_units(["s1", "s2", "s3"], ["s1", "s3", "s4"])
    assert ops == [(0, ["s1"]), (-1, ["s2"]), (0, ["s3"]), (1, ["s4"])]


def test_diff_units_beyond_the_first_code_block():
    a = [f"w{k}" for k in range(60_000)]
    b = a[:30_000] + ["new"] + a[30_000:]
    assert diff_units(a, b) == [(0, a[:30_000]), (1, ["new"]), (0, a[30_000:])]


def test_joined_text_and_wording_changes():
    texts = ["First sentence here.", "Second one follows."]
    sentences, pos = [], 0
    for k, t in enumerate(texts):
        sentences.append(Sentence(k, 0, pos, pos + len(t), t, tokenize(t, "en", pos), "en"))
        pos += len(t) + 1
    doc = Document(Readout(" ".join(texts)), "en", sentences, [(0, pos - 1)])
    assert joined_text(doc, [0, 1]) == texts[0] + JOINER + texts[1]

    link = Link([0], [0], 0.8, "reworded",
                diff=word_diff("The two sides held candid talks in Rome.",
                               "The two sides held frank and open talks in Paris.", "en"))
    assert wording_changes(link) == [("candid", "frank and open"), ("Rome", "Paris")]


WORDS = st.sampled_from(["the", "talks", "frank", "U.S.", "2024", "переговоры", "Лавров", "élargi",
                         "双方", "同意", "合作", "中美关系", "red-line"])
GAPS = st.sampled_from([" ", ", ", ". ", "  ", "\n", "; ", "", "«", "»", "—", "。", "，"])
TEXTS = st.lists(st.tuples(WORDS, GAPS), max_size=25).map(lambda ps: "".join(w + g for w, g in ps))


@settings(max_examples=150, deadline=None)
@given(TEXTS, TEXTS, st.sampled_from(["en", "ru", "zh", "fr"]))
def test_diff_rebuilds_both_texts(a, b, lang):
    assert sides(word_diff(a, b, lang)) == (a, b)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_diff_rebuilds_arbitrary_text(a, b):
    assert sides(word_diff(a, b, "en")) == (a, b)


@given(st.lists(TEXTS, max_size=8), st.lists(TEXTS, max_size=8), st.sampled_from(["en", "ru", "zh"]))
def test_whole_text_diff_rebuilds_both_texts(paras_a, paras_b, lang):
    a, b = "\n\n".join(paras_a), "\n\n".join(paras_b)
    ops = text_diff(a, b, lang)
    assert "".join(t for op, t in ops if op <= 0) == a
    assert "".join(t for op, t in ops if op >= 0) == b


def test_whole_text_diff_shows_the_changed_word_only():
    a = "The ministers met in Geneva. They held candid talks.\n\nThey agreed to meet again."
    b = "The ministers met in Geneva. They held frank talks.\n\nThey agreed to meet again."
    ops = text_diff(a, b, "en")
    assert [(op, t) for op, t in ops if op] == [(-1, "candid"), (1, "frank")]
