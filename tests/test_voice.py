"""Who says what: names with titles, pronoun continuation, "both", country sides, Chinese paragraphs."""

from __future__ import annotations

from test_emphasis import FakeLexicon, make_doc

from viewer.model import TopicHit
from viewer.statements import read


def reading(doc, other=None):
    """The statements stage on `doc` (side A) and another readout (side B, by default one line)."""
    return read({"A": doc, "B": other or make_doc([["Nothing was said."]])}, FakeLexicon())


def speakers(doc):
    reading(doc)
    return [s.speaker for s in doc.sentences]


def test_titles_and_short_forms_are_one_speaker_and_he_added_continues():
    doc = make_doc([
        ["President Biden said the talks were useful.",
         "He added that the line must stay open.",
         "Biden also stressed the need for guardrails."],
    ])
    assert speakers(doc) == ["Joe Biden", "Joe Biden", "Joe Biden"]
    assert reading(doc).speakers["A"] == {"Joe Biden": 1.0}


def test_continuation_without_a_verb_and_narrator_otherwise():
    doc = make_doc([
        ["Xi Jinping said cooperation is the only choice.",
         "He also expects more exchanges of students.",
         "The meeting lasted two hours."],
    ])
    assert speakers(doc) == ["Xi Jinping", "Xi Jinping", None]


def test_continuation_does_not_reach_past_two_sentences():
    doc = make_doc([
        ["Wang Yi said the visit was timely.",
         "The meeting lasted two hours.",
         "Lunch was served.",
         "He noted the weather."],
    ])
    assert speakers(doc) == ["Wang Yi", None, None, None]


def test_both_phrases_and_two_joined_names_are_both():
    doc = make_doc([
        ["The two leaders agreed to keep talking.",
         "Both sides discussed trade.",
         "President Biden and President Xi discussed climate.",
         "They exchanged views on health."],
    ])
    assert speakers(doc) == ["both", "both", "both", "both"]


def test_country_side_is_a_speaker_and_the_nearest_subject_wins():
    doc = make_doc([
        ["The Chinese side stated its position on Taiwan.",
         "On Taiwan, President Biden underscored that the United States has not changed its policy.",
         "China reaffirmed its view."],
    ])
    # no Chinese person speaks or is named: the side is spoken by China itself, never "China side"
    assert speakers(doc) == ["China", "Joe Biden", "China"]


def test_french_side_and_continuation():
    doc = make_doc([["La partie chinoise a souligné son attachement au dialogue.", "Il a également rappelé les principes."]], lang="fr")
    assert speakers(doc) == ["China", "China"]


def test_russian_side_and_pronoun():
    doc = make_doc([["Китайская сторона подчеркнула важность диалога.", "Он также отметил прогресс.", "Стороны обсудили вопросы."]], lang="ru")
    assert speakers(doc) == ["China", "China", "both"]


def test_chinese_paragraph_keeps_its_speaker_until_a_new_one():
    doc = make_doc(
        [
            ["习近平指出，中美关系正处在关键时刻。", "两国应该相互尊重，和平共处。", "拜登表示，美方愿意保持沟通。"],
            ["双方同意保持沟通。", "会谈持续了两个小时。"],
            ["中方坚决反对外部干涉。"],
        ],
        lang="zh",
    )
    # the talks as subject are the narrator's; 中方 in the Chinese readout is its principal
    assert speakers(doc) == ["Xi Jinping", "Xi Jinping", "Joe Biden", "both", None, "Xi Jinping"]


def test_headline_is_narrator_and_not_counted_in_shares():
    doc = make_doc([["Biden said hello."], ["The weather was fine."]], headline="Biden meets Xi")
    # the headline is furniture: no speaker, left out of the shares
    r = reading(doc)
    assert [s.speaker for s in doc.sentences] == [None, "Joe Biden", None] and doc.sentences[0].furniture
    assert r.speakers["A"] == {"Joe Biden": 0.5, "narrator": 0.5}


def test_principal_is_the_most_quoted_single_speaker():
    doc = make_doc([["The two leaders met.", "Xi said one thing.", "Biden said another.", "Biden added a third."]])
    assert reading(doc).principals["A"] == "Joe Biden"


def test_an_unknown_name_before_a_verb_speaks_in_its_full_form_and_role_nouns_continue_it():
    doc = make_doc([
        ["Secretary of State Ann Carver met today with Foreign Minister Li Tao in Oslo.",
         "Secretary Carver raised the fate of detained citizens.",
         "She stressed the need for open channels.",
         "The Secretary also raised export controls."],
        ["Li Tao said the talks were useful.",
         "The Minister underscored the importance of trade."],
    ])
    assert speakers(doc) == [None, "Ann Carver", "Ann Carver", "Ann Carver", "Li Tao", "Li Tao"]


def test_a_role_noun_goes_to_the_person_named_with_that_office_when_the_last_speaker_lacks_it():
    doc = make_doc([
        ["Secretary of State Ann Carver met with Foreign Minister Li Tao.",
         "Li Tao said trade matters.",
         "The Secretary noted the weather.",
         "The ministers discussed climate."],
    ])
    assert speakers(doc) == [None, "Li Tao", "Ann Carver", "both"]


def test_a_reported_meeting_is_narration_and_a_title_is_no_verb():
    doc = make_doc([
        ["President Biden spoke today with President Xi.",
         "Biden spoke with Xi to exchange views on trade.",
         "On May 2, Foreign Minister Li Tao met with Secretary of State Ann Carver in Oslo.",
         "Biden spoke about trade."],
    ])
    assert speakers(doc) == [None, None, None, "Joe Biden"]


def test_joined_names_are_both_a_name_after_the_verb_speaks_and_a_lone_capital_is_no_name():
    doc = make_doc([
        ["Ann Carver and Li Tao discussed climate.",
         "Trade matters, said Foreign Minister Li Tao.",
         "The meeting lasted two hours.",
         "Lunch was short.",
         "Analysts noted the mood."],
    ])
    assert speakers(doc) == ["both", "Li Tao", None, None, None]


def test_french_title_name_role_noun_and_plural():
    doc = make_doc(
        [["M. Dupont a souligné l'importance du dialogue.",
          "Le ministre a également rappelé les principes.",
          "Les ministres ont discuté du climat."]],
        lang="fr",
    )
    assert speakers(doc) == ["M. Dupont", "M. Dupont", "both"]


def test_russian_side_named_in_one_term_and_the_minister_named_earlier():
    doc = make_doc(
        [["Министр иностранных дел Иван Петров провёл переговоры с коллегой.",
          "Российская сторона выразила обеспокоенность.",
          "Министр подчеркнул важность диалога.",
          "Министры обсудили торговлю."]],
        lang="ru",
    )
    side = doc.sentences[1]
    term = "Российская сторона"  # the real lexicon names the side in one term
    side.hits.append(TopicHit("", term, side.start, side.start + len(term), "country:RU"))
    # a Russian text is Russia's account: its side speaks through its principal
    assert speakers(doc) == [None, "Иван Петров", "Иван Петров", "both"]


def test_spanish_title_and_role_noun():
    doc = make_doc(
        [["El canciller Luis Romero dijo que el diálogo es útil.",
          "El ministro subrayó la cooperación.",
          "Los ministros acordaron reunirse de nuevo."]],
        lang="es",
    )
    assert speakers(doc) == ["Luis Romero", "Luis Romero", "both"]


def test_chinese_name_outside_the_lexicon_speaks():
    doc = make_doc(
        [["外交部长陈涛指出，合作很重要。", "两国应该相互尊重。"], ["拜登表示，美方愿意保持沟通。"]],
        lang="zh",
    )
    assert speakers(doc) == ["陈涛", "陈涛", "Joe Biden"]


# -- with the real lexicon, on whole readouts (the statements stage) --------------------------


def _speakers(text: str, other: str = "Nothing was said.") -> list[str | None]:
    from viewer.analysis import compare
    from viewer.model import Readout

    return [s.speaker for s in compare(Readout(text=text), Readout(text=other)).a.sentences]


def test_reported_speech_goes_on_through_its_paragraph_and_the_two_sides_inside_it_are_its_content():
    assert _speakers(
        "Wang Yi spoke with Sergey Lavrov on the phone.\n\n"
        "Wang Yi said China and Russia are strategic partners. Some forces are trying to drive a wedge between us. "
        "Such attempts will never succeed. The two sides should strengthen high-level exchanges.\n\n"
        "Lavrov said the partnership has developed well. The two sides have joined hands against the pandemic.\n\n"
        "The two ministers agreed to stay in touch."
    ) == [None, "Wang Yi", "Wang Yi", "Wang Yi", "Wang Yi", "Sergey Lavrov", "Sergey Lavrov", "both"]


def test_trailing_attributions_in_english_russian_french_and_spanish():
    assert _speakers("China opposes any interference, Wang Yi said.")[0] == "Wang Yi"
    assert _speakers("«Отношения находятся на высоком уровне», — сказал Лавров.")[0] == "Sergey Lavrov"
    assert _speakers("«Le dialogue est utile», a déclaré Wang Yi.")[0] == "Wang Yi"
    assert _speakers("«El diálogo es útil», dijo Wang Yi.")[0] == "Wang Yi"


def test_titles_and_roles_resolve_to_the_person():
    assert _speakers(
        "Secretary of State Antony Blinken spoke today with Russian Foreign Minister Sergey Lavrov.\n\n"
        "The Secretary stressed the need for open channels. The Russian minister said the talks were useful. "
        "According to the Secretary, trade matters."
    ) == [None, "Antony Blinken", "Sergey Lavrov", "Antony Blinken"]
    # a readout names its own minister first: the office alone is his
    assert _speakers("国务委员兼外长王毅同俄罗斯外长拉夫罗夫通电话。\n\n外长表示，中俄是好伙伴。") == [None, "Wang Yi"]


def test_chinese_enumerations_stay_with_the_speaker_who_opens_them_across_paragraphs():
    assert _speakers(
        "习近平同拜登会晤。\n\n习近平指出，过去几年的经验值得总结，我认为至少有以下几条。\n\n一是要相互尊重。中美是两个大国。\n\n"
        "二是要和平共处。\n\n三是要合作共赢。\n\n拜登表示，美方愿同中方保持沟通。"
    ) == [None, "Xi Jinping", "Xi Jinping", "Xi Jinping", "Xi Jinping", "Xi Jinping", "Joe Biden"]


def test_a_chinese_side_is_its_principal_and_third_parties_are_no_speakers():
    assert _speakers(
        "习近平同普京通电话。\n\n习近平指出，中俄关系处于历史最好时期。\n\n中方坚决反对外部干涉。\n\n"
        "中方支持俄乌双方恢复和谈，同时希望美国、北约同俄罗斯开展对话。"
    ) == [None, "Xi Jinping", "Xi Jinping", "Xi Jinping"]


def test_russian_impersonal_passives_are_the_readout_s_own_side_unless_both_are_named():
    assert _speakers(
        "Президент России Владимир Путин провел телефонный разговор с Председателем КНР Си Цзиньпином.\n\n"
        "Подчеркнута важность координации в ООН.\n\nС российской стороны выражена поддержка усилиям партнеров.\n\n"
        "Стороны подтвердили настрой на развитие отношений.\n\nОбсуждались вопросы торговли."
    ) == [None, "Vladimir Putin", "Vladimir Putin", "both", "Vladimir Putin"]


def test_the_two_sides_in_the_other_side_s_readout_are_joint_and_no_pseudo_speaker_is_left():
    found = _speakers(
        "President Biden spoke with President Xi Jinping.\n\nThe two sides agreed to resume military talks.\n\n"
        "The Chinese side stated its position on Taiwan.\n\nBoth sides respect Ukraine's right to sovereignty."
    )
    assert found == [None, "both", "Xi Jinping", "both"]
    assert not any(sp and sp.endswith(" side") for sp in found)
