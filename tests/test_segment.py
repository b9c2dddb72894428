"""Segmentation: language, paragraphs, sentences, tokens. All texts here were written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import Readout
from viewer.text import segment
from viewer.text.language import detect_language
from viewer.text.tokens import normalize, tokenize


def sentences(text: str, language: str | None = None) -> list[str]:
    return [s.text for s in segment(Readout(text=text, language=language)).sentences]


# --- sentences -------------------------------------------------------------------------------

SPLITS = [
    # Russian initials and abbreviations
    ("ru", "Встречу провёл В.В. Путин. Присутствовал С.В. Лавров.",
     ["Встречу провёл В.В. Путин.", "Присутствовал С.В. Лавров."]),
    ("ru", "Гостя встретил А. Б. Иванов в аэропорту. Затем начались беседы.",
     ["Гостя встретил А. Б. Иванов в аэропорту.", "Затем начались беседы."]),
    ("ru", "Речь шла о нефти, газе, зерне и т.д. Итоги подведут позже.",
     ["Речь шла о нефти, газе, зерне и т.д.", "Итоги подведут позже."]),
    ("ru", "Говорили о связях, т.е. о торговле и транспорте. Это важно.",
     ["Говорили о связях, т.е. о торговле и транспорте.", "Это важно."]),
    ("ru", "Соглашение заключено в 1998 г. Оно действует до сих пор.",
     ["Соглашение заключено в 1998 г.", "Оно действует до сих пор."]),
    ("ru", "Делегация прибыла в г. Казань утром. Вечером был приём.",
     ["Делегация прибыла в г. Казань утром.", "Вечером был приём."]),
    ("ru", "В 2018–2019 гг. Пекин и Москва подписали три документа.",
     ["В 2018–2019 гг. Пекин и Москва подписали три документа."]),
    ("ru", "«Диалог продолжится.» После этого министр уехал.",
     ["«Диалог продолжится.»", "После этого министр уехал."]),
    # English
    ("en", "Mr. Brown and Mrs. Green met Dr. White. Nobody else came.",
     ["Mr. Brown and Mrs. Green met Dr. White.", "Nobody else came."]),
    ("en", "U.S. officials met U.N. staff on Friday. They talked for hours.",
     ["U.S. officials met U.N. staff on Friday.", "They talked for hours."]),
    ("en", "The envoy flew back to the U.S. The talks will resume soon.",
     ["The envoy flew back to the U.S.", "The talks will resume soon."]),
    ("en", "They discussed grain, fuel, etc. with the delegation. Then they left.",
     ["They discussed grain, fuel, etc. with the delegation.", "Then they left."]),
    ("en", "Biden vs. Trump was the contest of the year before. The ministers did not discuss it.",
     ["Biden vs. Trump was the contest of the year before.", "The ministers did not discuss it."]),
    ("en", "The talks lasted approx. Two hours by one account. Both sides left.",
     ["The talks lasted approx. Two hours by one account.", "Both sides left."]),
    ("en", "They covered trade, energy, health, etc. The next round is in May.",
     ["They covered trade, energy, health, etc.", "The next round is in May."]),
    ("en", "Readout of President Joseph R. Biden Jr. Call with President Xi Jinping",
     ["Readout of President Joseph R. Biden Jr. Call with President Xi Jinping"]),
    ("en", "Item No. 7 was adopted. Item No. 8 was not.",
     ["Item No. 7 was adopted.", "Item No. 8 was not."]),
    ("en", 'She replied: "That is final." Silence followed.',
     ['She replied: "That is final."', "Silence followed."]),
    ("en", "(A transcript was not released.) Reporters asked why.",
     ["(A transcript was not released.)", "Reporters asked why."]),
    ("en", "Ambassador Sr. Lopez attended. Was it useful? Yes!",
     ["Ambassador Sr. Lopez attended.", "Was it useful?", "Yes!"]),
    ("en", "BRUSSELS, Jan. 9 (Agency) -- The envoys met. They parted.",
     ["BRUSSELS, Jan. 9 (Agency) -- The envoys met.", "They parted."]),
    ("en", "The call began at 9 a.m. It lasted until 11 a.m. sharp.",
     ["The call began at 9 a.m.", "It lasted until 11 a.m. sharp."]),
    ("en", "... Then the envoy spoke. Nothing more ...",
     ["... Then the envoy spoke.", "Nothing more ..."]),
    ("de", "Die Gespräche fanden am 4. Mai statt. Dr. Kern nannte z. B. Energie.",
     ["Die Gespräche fanden am 4. Mai statt.", "Dr. Kern nannte z. B. Energie."]),
    ("en", "The envoy told me. Me and the envoy then left.",
     ["The envoy told me.", "Me and the envoy then left."]),
    # a lower-case word starts a sentence after an ordinary word, never after an abbreviation
    ("en", "Exports of phones rose. iPhone sales doubled. e-commerce grew too.",
     ["Exports of phones rose.", "iPhone sales doubled.", "e-commerce grew too."]),
    ("en", "The minister met the president in Cairo. al-Sisi said the talks were useful.",
     ["The minister met the president in Cairo.", "al-Sisi said the talks were useful."]),
    ("en", "Talks covered trade, energy, climate, etc. and ended early. U.S. officials e.g. the envoy agreed.",
     ["Talks covered trade, energy, climate, etc. and ended early.", "U.S. officials e.g. the envoy agreed."]),
    ("en", "The envoy spoke of China-U.S. relations. The talks on China-U.S. trade were long.",
     ["The envoy spoke of China-U.S. relations.", "The talks on China-U.S. trade were long."]),
    ("en", '"Are we ready?" he asked. "We are." she said.',
     ['"Are we ready?" he asked.', '"We are." she said.']),
    ("ru", "Обсуждались нефть, газ и т.д. и т.п. Визит завершился.",
     ["Обсуждались нефть, газ и т.д. и т.п.", "Визит завершился."]),
    # French
    ("fr", "M. Li a reçu Mme Roux à Lyon. Ils ont parlé du climat.",
     ["M. Li a reçu Mme Roux à Lyon.", "Ils ont parlé du climat."]),
    ("fr", "Des sujets variés, p. ex. Gaza, ont été cités. Rien n'a été signé.",
     ["Des sujets variés, p. ex. Gaza, ont été cités.", "Rien n'a été signé."]),
    ("fr", "L'accord renvoie à l'art. 12 de la Charte. Il entre en vigueur demain.",
     ["L'accord renvoie à l'art. 12 de la Charte.", "Il entre en vigueur demain."]),
    ("fr", "« La porte reste ouverte. » Le ministre est parti.",
     ["« La porte reste ouverte. »", "Le ministre est parti."]),
    ("uk", "Зустріч відбулася у м. Київ на вул. Хрещатик. Сторони домовилися.",
     ["Зустріч відбулася у м. Київ на вул. Хрещатик.", "Сторони домовилися."]),
    # Spanish
    ("es", "El Sr. Ruiz habló con la Sra. Gómez. Ambos sonrieron.",
     ["El Sr. Ruiz habló con la Sra. Gómez.", "Ambos sonrieron."]),
    ("es", "¿Habrá otra reunión? Todavía no se sabe.", ["¿Habrá otra reunión?", "Todavía no se sabe."]),
    # Chinese
    ("zh", "外长表示，双方应加强合作。会谈持续两小时。", ["外长表示，双方应加强合作。", "会谈持续两小时。"]),
    ("zh", "他说：“我们愿意对话。”对方表示欢迎。", ["他说：“我们愿意对话。”", "对方表示欢迎。"]),
    ("zh", "双方讨论了贸易问题；还谈到了气候。", ["双方讨论了贸易问题；还谈到了气候。"]),
    ("zh", "他说：“可以!”对方同意。美方代表U.S. 团队参加。", ["他说：“可以!”", "对方同意。", "美方代表U.S. 团队参加。"]),
    ("zh", "分歧依然存在……但沟通没有中断！真的吗？", ["分歧依然存在……", "但沟通没有中断！", "真的吗？"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SPLITS, ids=[f"{c[0]}-{i}" for i, c in enumerate(SPLITS)])
def test_sentence_splits(lang, text, expected):
    assert sentences(text, lang) == expected


def test_headings_and_list_items_are_sentences_of_their_own():
    text = "Joint Readout\n\n### Results\n- Both sides will keep talking\n- Trade was discussed at length\nThe call ended at noon."
    doc = segment(Readout(text=text))
    assert [s.text for s in doc.sentences] == [
        "Joint Readout",
        "### Results",
        "- Both sides will keep talking",
        "- Trade was discussed at length",
        "The call ended at noon.",
    ]
    assert [s.heading for s in doc.sentences] == [True, True, True, True, False]


def test_decoration_lines_belong_to_no_paragraph():
    doc = segment(Readout(text="First part ends here.\n***\nSecond part ends here."))
    assert [doc.text[s:e] for s, e in doc.paragraphs] == ["First part ends here.", "Second part ends here."]


# --- paragraphs ------------------------------------------------------------------------------

def test_blank_lines_and_single_newlines_separate_paragraphs():
    text = "One paragraph here.\nAnother one here.\n\n  Third after a blank line.  \n"
    doc = segment(Readout(text=text))
    assert [text[s:e] for s, e in doc.paragraphs] == [
        "One paragraph here.", "Another one here.", "Third after a blank line."]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2]


def test_hard_wrapped_block_is_joined_until_a_line_stops_early():
    text = (
        "The two foreign ministers held a long telephone conversation on\n"
        "Monday, in which they discussed the situation in the region and\n"
        "agreed to stay in close contact.\n"
        "Both sides then turned to economic questions and to a number of\n"
        "pending projects in energy and transport, without any decision.\n"
    )
    doc = segment(Readout(text=text))
    assert len(doc.paragraphs) == 2
    assert [s.paragraph for s in doc.sentences] == [0, 1]
    assert doc.sentences[0].text.endswith("close contact.")


def test_hard_wrapped_chinese_counts_characters_as_two_columns():
    text = (
        "两国外长举行了长时间的电话会谈，双方就地区局势深入交换\n"
        "了意见，同意保持密切沟通。双方还讨论了经济合作和能源、交\n"
        "通等领域的项目。\n"
        "第二段很短。\n"
    )
    doc = segment(Readout(text=text))
    assert len(doc.paragraphs) == 2
    assert doc.sentences[0].text == "两国外长举行了长时间的电话会谈，双方就地区局势深入交换\n了意见，同意保持密切沟通。"
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]


# --- language --------------------------------------------------------------------------------

LANGUAGES = [
    ("en", "The ministers spoke about the border and agreed to meet again."),
    ("fr", "Les ministres ont parlé de la frontière et se reverront bientôt."),
    ("es", "Los ministros hablaron de la frontera y volverán a reunirse."),
    ("de", "Die Minister sprachen über die Grenze und wollen sich wieder treffen."),
    ("ru", "Министры обсудили границу и договорились встретиться снова."),
    ("uk", "Міністри обговорили кордон і домовилися зустрітися знову."),
    ("zh", "两国外长讨论了边界问题，同意再次会面。"),
    ("zh", "兩國外長討論了邊界問題，同意再次會面。"),
    ("ar", "ناقش الوزيران مسألة الحدود واتفقا على اللقاء مجددا."),
]


@pytest.mark.parametrize(("lang", "text"), LANGUAGES)
def test_detect_language_on_one_sentence(lang, text):
    assert detect_language(text) == lang


def test_detect_language_without_letters():
    assert detect_language("12 345 — !!") == "und"


def test_chinese_script_and_simplified_norms():
    hans = segment(Readout(text="双方同意继续沟通。"))
    hant = segment(Readout(text="雙方同意繼續溝通。"))
    assert (hans.language, hans.script) == ("zh", "Hans")
    assert (hant.language, hant.script) == ("zh", "Hant")
    assert hans.sentences[0].norms == hant.sentences[0].norms


def test_forced_language_wins_and_is_reduced_to_iso_639_1():
    doc = segment(Readout(text="Les ministres ont parlé.", language="en-GB"))
    assert doc.language == "en"
    assert doc.sentences[0].language == "en"


def test_sentence_in_another_script_gets_its_own_language():
    doc = segment(Readout(text="The minister spoke for an hour. Министр говорил о торговле и энергетике."))
    assert [s.language for s in doc.sentences] == ["en", "ru"]


def test_empty_text():
    doc = segment(Readout(text="  \n\n "))
    assert doc.sentences == [] and doc.paragraphs == [] and doc.language == "und"


# --- tokens ----------------------------------------------------------------------------------

def test_token_offsets_cut_exact_token_text():
    text = "Intro.\n\nL'envoyé a vu M. Wang à 10:30 ; 1 000 soldats. 习近平会见G20代表。"
    for s in segment(Readout(text=text, language="fr")).sentences:
        assert s.tokens
        for t in s.tokens:
            assert text[t.start:t.end] == t.text
            assert s.start <= t.start < t.end <= s.end


def test_cyrillic_word_in_english_text_is_stemmed_as_russian():
    assert normalize("России", "en") == normalize("Россию", "ru") == normalize("Россия", "en")


def test_numbers_meet_in_one_form():
    assert normalize("1,000", "en") == normalize("1.000", "de") == normalize("1\u00a0000", "fr") == "1000"
    assert normalize("3,5", "fr") == normalize("3.5", "en")
    assert [t.text for t in tokenize("1\u00a0000 soldats", "fr")] == ["1\u00a0000", "soldats"]


def test_french_elision_is_split_off():
    tokens = tokenize("l’accord qu'il juge d'entente", "fr")
    assert [t.text for t in tokens] == ["l’", "accord", "qu'", "il", "juge", "d'", "entente"]
    assert [tokens[k].norm for k in (0, 2, 5)] == ["le", "que", "de"]
    assert tokens[1].norm == normalize("accords", "fr")


def test_numbers_and_latin_inside_chinese_are_whole_tokens():
    assert [t.text for t in tokenize("G20峰会有1,000人参加", "zh")] [:2] == ["G20", "峰会"]
    assert "1,000" in [t.text for t in tokenize("G20峰会有1,000人参加", "zh")]


# --- offsets property ------------------------------------------------------------------------

FRAGMENTS = [
    "The talks went well.", "Mr. Lee spoke.", "В.В. Путин прибыл.", "Итоги и т.д.", "双方同意。",
    "“好。”", "« Oui. »", "p. ex. Paris", "No. 5", "Why?", "U.S. aid", "etc.", "Heading",
    "- item", "###", "...", "。", "»", "a", "", "1,000",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", "", "\t", " \n "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=25),
       st.sampled_from([None, "en", "ru", "zh", "fr"]))
def test_offsets_are_exact_ordered_and_inside_paragraphs(parts, language):
    text = "".join(f + sep for f, sep in parts)
    doc = segment(Readout(text=text, language=language))
    previous_end = 0
    for k, s in enumerate(doc.sentences):
        assert s.i == k
        assert s.text == text[s.start:s.end] and s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        p_start, p_end = doc.paragraphs[s.paragraph]
        assert p_start <= s.start < s.end <= p_end
        for t in s.tokens:
            assert text[t.start:t.end] == t.text and s.start <= t.start < t.end <= s.end
        previous_end = s.end
    assert all(a[1] <= b[0] for a, b in zip(doc.paragraphs, doc.paragraphs[1:], strict=False))
