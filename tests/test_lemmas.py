"""Russian lemmas: one dictionary form where Snowball stems part one word."""

import pytest

from viewer.model import Token
from viewer.text.lemmas import lemma, match_form
from viewer.text.tokens import normalize


def test_verb_forms_the_stemmer_parts_share_one_lemma():
    forms = ["подчёркнуто", "подчеркнул", "Подчеркнута", "подчеркнули"]
    assert len({normalize(f, "ru") for f in forms}) > 1  # Snowball: подчеркнут / подчеркнул
    assert {lemma(f) for f in forms} == {"подчеркнуть"}
    assert lemma("подчёркивание") == "подчеркивание"  # the noun is a word of its own ("ё" folded)


@pytest.mark.parametrize("forms,expected", [
    (["договорились", "договорятся"], "договориться"),
    (["переговоры", "переговорах"], "переговоры"),
    (["санкциями", "санкций"], "санкция"),
    (["России", "Россией"], "россия"),
])
def test_inflected_forms_meet_in_their_lemma(forms, expected):
    assert {lemma(f) for f in forms} == {expected}


def test_only_cyrillic_words_of_russian_texts_are_lemmatised():
    assert match_form(Token("обсудили", 0, 8, normalize("обсудили", "ru")), "ru") == "обсудить"
    assert match_form(Token("NATO", 0, 4, "nato"), "ru") == "nato"
    assert match_form(Token("discussed", 0, 9, "discuss"), "en") == "discuss"
