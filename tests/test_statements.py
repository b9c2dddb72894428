"""The statements stage on texts written here: furniture, datelines, the opening, the lede, cut-off
texts, statements (clauses, enumeration and list items), acts, topics the grading found mis-tagged,
and the JSON fields of all that."""

from __future__ import annotations

import pytest

from viewer.analysis import compare
from viewer.model import Readout
from viewer.report.json_out import to_dict

OTHER = "Nothing was said."


def read(text: str, other: str = OTHER, **kw):
    """The comparison of `text` (side A, a user's plain text unless `kw` says more) with a line."""
    return compare(Readout(text=text, **kw), Readout(text=other))


def statements_of(c, i: int):
    return [st for st in c.statements["A"] if st.sentence == i]


def test_headline_timestamp_credit_and_hashes_are_furniture_and_the_dateline_takes_nothing():
    c = read("Senior officials meet in Valletta\n\nXinhua) 08:57, September 18, 2023\n\n"
             "VALLETTA, Sept. 17 (Xinhua) -- Wang Yi met with Jake Sullivan in Malta on Saturday.\n\n"
             "Wang said the Taiwan question is the first red line that must not be crossed.\n\n"
             "(Web editor: Li Hua)\n\n2022-03-30 23:00\n\n###")
    s = c.a.sentences
    assert [x.furniture for x in s] == [True, True, False, False, True, True]
    assert all(not x.topics and x.speaker is None for x in s if x.furniture)
    assert s[2].opening and not s[3].opening
    (opening,) = statements_of(c, 2)
    assert opening.act == "opening" and c.a.text[opening.start:].startswith("Wang Yi met")
    assert c.ledes["A"] == "taiwan"  # not the headline, not the opening
    assert all(m.sentence not in (0, 1, 4, 5) for m in c.tone["A"])


def test_chinese_dateline_opening_and_a_line_on_the_talks_are_not_the_lede():
    c = read("习近平同美国总统通电话\n\n央视网消息（新闻联播）：国家主席习近平应约同美国总统拜登通电话。两国元首坦诚深入交换了意见。\n\n"
             "习近平指出，台湾问题是中国核心利益中的核心。")
    s = c.a.sentences
    assert s[0].furniture and s[1].opening and not s[1].furniture
    assert c.a.text[statements_of(c, 1)[0].start :].startswith("国家主席")
    assert c.ledes["A"] == "taiwan"


def test_russian_dateline_agency_and_a_source_line_that_is_narration():
    c = read("Путин провел разговор с Си Цзиньпином\n\nМОСКВА, 8 июля. /ТАСС/. Президент России Владимир Путин провел "
             "телефонный разговор с Председателем КНР Си Цзиньпином. Об этом сообщает пресс-служба Кремля.\n\n"
             "Подчеркнута важность координации в ООН.")
    furniture = [x.text for x in c.a.sentences if x.furniture]
    assert furniture == ["Путин провел разговор с Си Цзиньпином", "МОСКВА, 8 июля.", "/ТАСС/."]
    source = next(x for x in c.a.sentences if x.text.startswith("Об этом"))
    assert not source.furniture and source.speaker is None  # the source is the narrator, not furniture
    assert c.ledes["A"] == "international-order"


@pytest.mark.parametrize("text", [
    "Actualidad\n\nÚltima actualización: 31/03/2022 11:23\n\nEl ministro Luis Romero dijo que el diálogo es útil.",
    "Actualité\n\nDernière mise à jour à 11h23 le 31/03\n\nLe ministre Paul Dubois a souligné l'importance du dialogue.",
])
def test_french_and_spanish_update_lines_are_furniture(text):
    c = read(text)
    assert [x.furniture for x in c.a.sentences] == [True, True, False]


@pytest.mark.parametrize("text, cut", [
    ("Biden met Xi.\n\nBiden said the talks were useful. He added that neither side can ignore the risks, nor can th", True),
    ("Biden met Xi.\n\nBiden said the talks were useful.", False),
    ("Biden met Xi.\n\nBiden said the talks were useful.\n\nRelated Stories", False),
    ("El 17 de julio, Wang Yi habló por teléfono con Lavrov.\n\nWang Yi dijo que el diálogo es útil.\n\n"
     "Wang Yi indicó que, como principales países", True),
    ("习近平同拜登通电话。\n\n习近平指出，双方应加强沟通，继续推进各领域的务实合作，不断", True),
    ("Путин провел разговор с Си Цзиньпином.\n\nПутин отметил, что стороны продолжат", True),
])
def test_a_text_that_ends_mid_sentence_is_truncated(text, cut):
    c = read(text)
    assert c.truncated["A"] is cut
    if cut:
        last = c.a.sentences[-1]
        assert not last.furniture and last.speaker is not None  # the cut line is read, not dropped
    else:
        assert not c.a.sentences[-1].furniture or c.a.sentences[-1].heading


def test_a_lede_skips_context_about_the_meeting_and_courtesy():
    c = read("President Biden met with President Xi Jinping in Lima.\n\n"
             "This meeting is the third between the two presidents and follows their April call.\n\n"
             "President Biden offered warm wishes to the Chinese people for the Lunar New Year.\n\n"
             "President Biden raised concerns about the PRC's cyber activities.")
    assert c.ledes["A"] == "cyber"
    assert statements_of(c, 2)[0].act == "thank"


def test_items_of_a_list_share_their_sentence():
    c = read("President Biden spoke with President Xi Jinping.\n\n"
             "The two leaders agreed to cooperate on climate change, public health, counternarcotics and "
             "artificial intelligence.\n\nPresident Biden raised Taiwan.")
    items = statements_of(c, 1)
    assert [st.topics for st in items] == [["climate-energy"], ["public-health"], ["counternarcotics"], ["technology"]]
    assert all(st.weight == pytest.approx(0.25) for st in items)
    assert all(st.speaker == "both" and st.act == "agree" for st in items)
    share = {t.id: t.share["A"] for t in c.topics}
    assert share["public-health"] == pytest.approx(share["climate-energy"])
    assert share["public-health"] < share["taiwan"]  # one item of four takes a quarter of its sentence


def test_chinese_enumeration_items_are_statements_of_their_own_under_their_speaker():
    c = read("习近平指出，过去几年的经验值得总结，我认为至少有以下几条：一是要相互尊重；二是要和平共处；三是要合作共赢。")
    items = [st for st in c.statements["A"] if "是要" in c.a.text[st.start : st.end]]
    assert len(items) == 3 and {st.speaker for st in items} == {"Xi Jinping"}


@pytest.mark.parametrize("lang_text, act", [
    ("The two sides agreed to resume military-to-military communication.", "agree"),
    ("双方同意恢复两军沟通。", "agree"),
    ("Стороны договорились возобновить военные контакты.", "agree"),
    ("Les deux parties sont convenues de reprendre le dialogue militaire.", "agree"),
    ("Las dos partes acordaron reanudar el diálogo militar.", "agree"),
    ("The two sides should seek consensus in the international community.", "propose"),
    ("China firmly opposes the sale of arms to Taiwan.", "oppose"),
    ("习近平指出，美方应该恪守一个中国原则。", "demand"),
    ("President Biden thanked President Xi for the invitation.", "thank"),
    ("The two leaders tasked their teams to follow up on today's call.", "follow-up"),
])
def test_acts(lang_text, act):
    c = read(lang_text)
    assert c.statements["A"][-1].act == act


def test_stance_words_carry_the_verb_its_intensifier_and_the_formula():
    c = read("China firmly opposes any form of Taiwan independence.")
    stance = c.statements["A"][0].stance
    assert "firmly opposes" in stance and "Taiwan independence" in stance
    c = read("中方坚决反对“台独”分裂行径。")
    assert any("坚决反对" in w for w in c.statements["A"][0].stance)


@pytest.mark.parametrize("text, absent", [
    ("Xi said the use of force will not solve the crisis and military means will not bring peace.", "military"),
    ("习近平指出，使用武力解决不了问题，军事手段不能带来和平。", "military"),
    ("Путин заявил, что применение силы не решит кризис, а военные средства не принесут мира.", "military"),
    ("Xi said the crisis in the region must be resolved through dialogue.", "global-challenges"),
    ("President Biden said the United States is investing in sources of strength at home.", "trade-economy"),
])
def test_conflict_language_is_not_the_military_topic_and_a_regional_crisis_not_a_global_challenge(text, absent):
    c = read(text)
    assert absent not in c.a.sentences[0].topics


@pytest.mark.parametrize("text", [
    "习近平指出，台湾问题、民主人权、道路制度、发展权利是中方的四条红线。",
    "Xi said the development path and political system of China must be respected.",
    "Путин отметил, что поправки в Конституцию одобрены на общероссийском голосовании.",
])
def test_a_side_s_own_politics_is_domestic_politics(text):
    c = read(text)
    assert "domestic-politics" in c.a.sentences[0].topics


def test_the_json_carries_side_lede_truncated_statements_furniture_and_opening():
    c = read("Readout of the call\n\nPresident Joseph R. Biden, Jr. spoke today with President Xi Jinping.\n\n"
             "President Biden underscored that the United States does not support Taiwan independence.")
    data = to_dict(c)["readouts"]["A"]
    assert data["side"] == "United States" and data["label"] == "White House"
    assert data["lede"] == "taiwan" and data["truncated"] is False
    assert [s["furniture"] for s in data["sentences"]] == [True, False, False]
    assert [s["opening"] for s in data["sentences"]] == [False, True, False]
    last = data["statements"][-1]
    assert set(last) >= {"sentence", "start", "end", "speaker", "topics", "act", "stance"}
    assert last["speaker"] == "Joe Biden" and last["topics"] == ["taiwan"] and last["act"] == "oppose"
    assert c.a.text[last["start"] : last["end"]].startswith("President Biden underscored")


@pytest.mark.parametrize("text, act", [
    ("习近平指出，美中关系如何发展将塑造世界格局。", "assert"),  # a prediction, no one's pledge
    ("习近平指出，中方将继续坚定支持俄方。", "pledge"),
    ("President Biden said the United States will continue to compete vigorously.", "pledge"),
])
def test_a_pledge_is_someone_s(text, act):
    assert read(text).statements["A"][-1].act == act
