"""CC-CEDICT glosses as the bridge between Chinese words and English stems."""

import gzip

from viewer.align import dictionary
from viewer.text.tokens import normalize


def test_shipped_data_is_cc_cedict_under_cc_by_sa():
    with gzip.open(dictionary.data_file(), "rt", encoding="utf-8") as lines:
        header = "".join(next(lines) for _ in range(30))
    assert "CC-CEDICT" in header and "creativecommons.org/licenses/by-sa/4.0" in header


def test_glosses_become_english_stems():
    assert {normalize("cooperation", "en"), normalize("collaborate", "en")} <= dictionary.gloss_stems("合作")
    assert {"nuclear", normalize("weapons", "en")} <= dictionary.gloss_stems("核武器")
    assert "biden" in dictionary.gloss_stems("拜登")


def test_gloss_noise_is_left_out():
    stems = dictionary.gloss_stems("合作")
    assert not stems & {"cl", "ge", "to", "the"}  # classifier notes, pinyin, stop words
    assert dictionary.gloss_stems("不是一个词的字符串") == frozenset()


def test_unknown_compounds_split_into_known_words():
    assert dictionary.split_known("中美关系") == ("中美", "关系")
    assert dictionary.split_known("合作") == ("合作",)


def test_dictionary_loads_once_per_process():
    assert dictionary.load_time() >= 0.0
    assert dictionary._entries() is dictionary._entries()


def test_usage_notes_are_not_meanings():
    # CC-CEDICT notes pronunciation in Taiwan and usage in parentheses: "多" must not match "Taiwan"
    assert "taiwan" not in dictionary.gloss_stems("多") | dictionary.gloss_stems("应")
    assert not dictionary.gloss_stems("多") & {"bound", "form", "sb", "sth"}
    assert {"launch", "open"} <= dictionary.gloss_stems("开展")


def test_each_piece_of_a_gloss_with_commas_is_a_rendering_too():
    # "Geneva, Switzerland", "Lima, capital of Peru": the name alone renders the word
    assert ("geneva",) in dictionary.gloss_senses("日内瓦")
    assert ("lima",) in dictionary.gloss_senses("利马") and ("lima", "capit", "peru") in dictionary.gloss_senses("利马")
