"""Translations and readouts across languages, on texts written for these tests: a Russian readout
and its Chinese translation, a French one and its Chinese translation (each drops a clause and
softens a verb), and two sides' readouts of one meeting in English and Chinese."""

import pytest

from viewer.analysis import compare
from viewer.model import Readout

RU = [
    "15 марта в Москве состоялись переговоры министра иностранных дел России с министром иностранных дел Казахстана.",
    "Министры обсудили развитие стратегического партнерства и союзничества между двумя странами.",
    "Стороны подтвердили приверженность принципам уважения суверенитета, независимости и территориальной целостности.",
    "Было подчеркнуто, что товарооборот в прошлом году вырос на 8 процентов и превысил 28 млрд долларов.",
    "Министры договорились тесно координировать действия в рамках ШОС и ОДКБ.",
    "Особое внимание было уделено сотрудничеству в энергетике, транспорте и сельском хозяйстве.",
    "Стороны обменялись мнениями о ситуации в Афганистане и выступили за политическое урегулирование.",
    "Российская сторона пригласила казахстанского министра посетить Санкт-Петербург в июне.",
]
# the Chinese version drops "независимости" and turns "договорились тесно координировать"
# (agreed to coordinate closely) into "表示愿意…开展协调" (said they were willing to coordinate)
ZH_OF_RU = [
    "3月15日，俄罗斯外长同哈萨克斯坦外长在莫斯科举行会谈。",
    "两国外长讨论了发展两国战略伙伴关系和同盟关系问题。",
    "双方重申恪守尊重主权和领土完整原则。",
    "双方强调，去年两国贸易额增长8%，超过280亿美元。",
    "两国外长表示愿意在上海合作组织和集体安全条约组织框架内开展协调。",
    "双方特别关注能源、交通和农业领域合作。",
    "双方就阿富汗局势交换了意见，主张政治解决。",
    "俄方邀请哈萨克斯坦外长6月访问圣彼得堡。",
]

FR = [
    "Le ministre de l'Europe et des Affaires étrangères s'est entretenu le 4 avril à Paris avec son homologue vietnamien.",
    "Les deux ministres ont salué le dynamisme du partenariat stratégique entre la France et le Vietnam.",
    "Ils sont convenus de renforcer fermement la coopération dans l'énergie, les transports et l'éducation, ainsi que dans la santé et la recherche médicale.",
    "Le ministre a rappelé que les échanges commerciaux ont atteint 6 milliards d'euros l'an dernier.",
    "Les deux parties ont échangé leurs vues sur la situation en mer de Chine méridionale et ont appelé au respect du droit international.",
    "Le ministre vietnamien a invité son homologue à se rendre à Hanoï au second semestre.",
]
# the Chinese version drops the clause on health and medical research, and "sont convenus de
# renforcer fermement" (agreed to firmly strengthen) becomes "希望加强" (hope to strengthen)
ZH_OF_FR = [
    "4月4日，法国欧洲和外交部长在巴黎同越南外长举行会谈。",
    "两国外长积极评价法越战略伙伴关系的发展势头。",
    "双方希望加强能源、交通和教育领域合作。",
    "法方外长指出，去年双边贸易额达60亿欧元。",
    "双方就南海局势交换了意见，呼吁尊重国际法。",
    "越方外长邀请法方外长下半年访问河内。",
]

EN_READOUT = ["Readout of President Biden's Meeting with President Xi Jinping",
      "President Biden met on Monday with President Xi Jinping of the People's Republic of China.",
      "The two leaders spoke candidly about their respective priorities and intentions across a range of issues.",
      "President Biden underscored that the United States and China must work together to address transnational challenges, such as climate change and global food security.",
      "He raised concerns about human rights in Xinjiang and Tibet.",
      "The leaders agreed that their teams will stay in touch."]
ZH_READOUT = ["习近平同美国总统拜登举行会晤",
      "国家主席习近平在巴厘岛同美国总统拜登举行会晤。",
      "习近平指出，中国从来不寻求改变现有国际秩序，无意挑战和取代美国。",
      "两国元首就中美关系中的战略性问题以及重大全球和地区问题坦诚深入交换了看法。",
      "台湾问题是中国核心利益中的核心，是中美关系第一条不可逾越的红线。",
      "双方应为应对气候变化、粮食安全等全球性挑战加强必要合作。",
      "习近平强调，中国坚持走和平发展道路。"]


def translation(source, lang, chinese):
    return compare(Readout(" ".join(source), language=lang), Readout("".join(chinese), language="zh"))


@pytest.fixture(scope="module", params=[("ru", 2, 4), ("fr", 2, 2)], ids=["ru-zh", "fr-zh"])
def pair(request):
    lang, dropped_at, softened_at = request.param
    source, chinese = (RU, ZH_OF_RU) if lang == "ru" else (FR, ZH_OF_FR)
    return translation(source, lang, chinese), dropped_at, softened_at


def test_a_translation_is_recognised_and_aligned_sentence_by_sentence(pair):
    c, _, _ = pair
    assert c.mode == "versions"
    assert [(link.a, link.b) for link in c.links] == [([k], [k]) for k in range(len(c.a.sentences))]
    assert all(link.kind == "translation" for link in c.links)


def test_a_translation_link_says_what_the_rendering_drops(pair):
    c, dropped_at, softened_at = pair
    link = c.links[dropped_at]
    assert link.dropped and not link.added
    assert {"независимости"} <= set(link.dropped) or {"santé", "recherche"} <= set(link.dropped)
    faithful = [other for k, other in enumerate(c.links) if k not in (dropped_at, softened_at)]
    assert all(not other.dropped and not other.added and other.weaker is None for other in faithful)


def test_a_translation_link_says_which_side_is_weaker(pair):
    c, _, softened_at = pair
    assert c.links[softened_at].weaker == "B"


def test_translation_links_carry_the_words_they_rest_on(pair):
    c, _, _ = pair
    last = c.links[-1]
    assert last.anchors and all(x.a in c.a.sentences[last.a[0]].text and x.b in c.b.sentences[last.b[0]].text
                                for x in last.anchors)


def readouts():
    en = Readout("\n\n".join([EN_READOUT[0], " ".join(EN_READOUT[1:])]), language="en")
    zh = Readout("\n\n".join([ZH_READOUT[0], "".join(ZH_READOUT[1:])]), language="zh")
    return compare(en, zh)


def test_two_sides_readouts_in_one_order_are_not_taken_for_a_translation():
    assert readouts().mode == "readouts"


def test_a_candid_exchange_links_to_its_chinese_wording():
    c = readouts()
    link = next(link for link in c.links if 2 in link.a)
    assert link.b == [3] and "tone:candid" in link.shared  # 坦诚深入交换了看法
    assert any(x.b == "坦诚" and x.a == "candidly" for x in link.anchors)


def test_transnational_challenges_link_to_the_climate_sentence_not_to_the_world_order():
    c = readouts()
    link = next(link for link in c.links if 3 in link.a)
    assert link.b == [5]  # 应对气候变化、粮食安全等全球性挑战, not 中国从来不寻求改变现有国际秩序
    assert 2 in c.unmatched["B"]
