"""Alignment across languages: readouts of one invented meeting in English, Chinese and Spanish."""

import pytest

from viewer.align import align
from viewer.align.crosslang import CrossSimilarity, align_cross, concept_label, sentence_concepts
from viewer.align.numbers import figures, zh_numeral
from viewer.lexicon import load_lexicon
from viewer.model import Readout
from viewer.text import segment


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def doc(text, lexicon, language=None):
    d = segment(Readout(text, language=language))
    lexicon.annotate(d)
    return d


def pairs(result):
    return {(tuple(link.a), tuple(link.b)) for link in result.links}


EN = ("President Biden spoke with President Xi Jinping on November 15, 2023. "
      "The two leaders discussed climate change and agreed to cooperate on clean energy. "
      "President Biden raised concerns about human rights in Xinjiang and Tibet. "
      "They also discussed fentanyl and agreed to work together against drug trafficking.")
# the same call told by the other side, in another order, with Taiwan that only it mentions
ZH = ("2023年11月15日，国家主席习近平同美国总统拜登通电话。"
      "双方同意加强禁毒合作，共同打击芬太尼贩运。"
      "习近平阐述了中方在台湾问题上的原则立场。"
      "两国元首就气候变化交换了意见，同意在清洁能源领域开展合作。"
      "拜登提及新疆和西藏的人权问题。")


def test_readouts_in_two_languages_link_by_matter_in_any_order(lexicon):
    a, b = doc(EN, lexicon), doc(ZH, lexicon)
    result = align(a, b, lexicon=lexicon)  # align() hands two languages to align_cross
    assert result.mode == "readouts"
    assert pairs(result) == {((0,), (0,)), ((1,), (3,)), ((2,), (4,)), ((3,), (1,))}
    assert result.unmatched == {"A": [], "B": [2]}  # Taiwan: only the Chinese side
    for link in result.links:
        assert link.diff is None and link.kind == "related"
    first = next(link for link in result.links if link.a == [0])
    assert {"person:biden", "number:2023", "month:11"} <= set(first.shared)
    assert "topic:leader-diplomacy" in first.only_b


def test_shared_concepts_have_labels(lexicon):
    assert concept_label(lexicon, "topic:taiwan") == "Taiwan"
    assert concept_label(lexicon, "country:UA") == "Ukraine"
    assert concept_label(lexicon, "month:11") == "November"
    assert concept_label(lexicon, "number:2023") == "2023"


@pytest.mark.parametrize("text,language", [
    ("Biden said the talks were useful.", "en"),
    ("拜登表示，会谈是有益的。", "zh"),
    ("拜登表示，會談是有益的。", "zh"),
    ("Байден заявил, что переговоры были полезными.", "ru"),
    ("Biden dijo que las conversaciones fueron útiles.", "es"),
])
def test_one_person_under_every_script(lexicon, text, language):
    assert "person:biden" in sentence_concepts(doc(text, lexicon, language).sentences[0], lexicon)


@pytest.mark.parametrize("text,language", [
    ("The meeting took place on November 15, 2023.", "en"),
    ("会晤于2023年11月15日举行。", "zh"),
    ("会晤于二〇二三年十一月十五日举行。", "zh"),
    ("Встреча состоялась 15 ноября 2023 года.", "ru"),
    ("La reunión tuvo lugar el 15 de noviembre de 2023.", "es"),
    ("La réunion a eu lieu le 15 novembre 2023.", "fr"),
])
def test_dates_meet_across_languages(lexicon, text, language):
    found = figures(doc(text, lexicon, language).sentences[0])
    assert found == {"number:15", "month:11", "number:2023"}


def test_numbers_are_figures_only_where_written_as_such(lexicon):
    assert zh_numeral("十一") == 11 and zh_numeral("三千五百") == 3500 and zh_numeral("二〇二三") == 2023
    assert figures(doc("坚持一个中国原则，推进一带一路合作。", lexicon, "zh").sentences[0]) == set()
    assert figures(doc("Officials may meet again.", lexicon, "en").sentences[0]) == set()
    assert figures(doc("贸易额达三亿美元。", lexicon, "zh").sentences[0]) == {"number:300000000"}


@pytest.mark.parametrize("text,language", [
    ("Trade exceeded 100 billion dollars and 20,000 students.", "en"),
    ("两国贸易额超过1,000亿美元，留学生2万人。", "zh"),
    ("Le commerce a dépassé 100 milliards de dollars et 20 000 étudiants.", "fr"),
    ("El comercio superó los 100 mil millones de dólares y 20.000 estudiantes.", "es"),
    ("Товарооборот превысил 100 млрд долларов, студентов 20 тысяч.", "ru"),
])
def test_a_number_with_its_multiplier_word_is_one_value_in_every_language(lexicon, text, language):
    assert figures(doc(text, lexicon, language).sentences[0]) == {"number:100000000000", "number:20000"}


def test_a_longer_word_starting_like_a_multiplier_multiplies_nothing(lexicon):
    assert figures(doc("Llegaron 25 militares.", lexicon, "es").sentences[0]) == {"number:25"}


def test_dictionary_similarity_prefers_the_translation(lexicon):
    zh = doc("双方同意加强气候变化合作。", lexicon, "zh")
    en = doc("The two sides agreed to strengthen cooperation on climate change. "
             "The delegation visited a museum of ancient pottery.", lexicon, "en")
    sim = CrossSimilarity(zh, en, lexicon)
    assert sim.score(0, 0) > 2 * sim.score(0, 1)


EN_TEXT = [
    "On the evening of March 3, Foreign Minister Ana Torres held a telephone conversation with her "
    "counterpart Mark Ellis.",
    "Torres said that the two countries share a long history of cooperation in trade, education and culture.",
    "She stressed that both sides should strengthen coordination on climate change and renewable energy, "
    "and jointly support the work of the United Nations on sustainable development in Africa.",
    "Ellis said that his government attaches great importance to the partnership and is ready to expand "
    "investment in infrastructure.",
    "The two ministers also exchanged views on the situation in Ukraine and called for a ceasefire.",
    "They agreed to hold the next round of consultations in Lisbon in 2025.",
    "Both sides described the conversation as frank and constructive.",
]
ES_TEXT = [
    "En la noche del 3 de marzo, la ministra de Relaciones Exteriores Ana Torres mantuvo una conversación "
    "telefónica con su homólogo Mark Ellis.",
    "Torres dijo que los dos países comparten una larga historia de cooperación en comercio, educación y cultura.",
    "Subrayó que ambas partes deben fortalecer la coordinación sobre el cambio climático y la energía renovable.",
    "Ellis dijo que su gobierno concede gran importancia a la asociación y está dispuesto a ampliar la "
    "inversión en infraestructura.",
    "Los dos ministros también intercambiaron opiniones sobre la situación en Ucrania y pidieron un alto el fuego.",
    "Ambas partes calificaron la conversación de franca y constructiva.",
]


def test_translation_is_aligned_in_order_with_what_it_drops(lexicon):
    a, b = doc(" ".join(EN_TEXT), lexicon, "en"), doc(" ".join(ES_TEXT), lexicon, "es")
    result = align_cross(a, b, lexicon=lexicon)
    assert result.mode == "versions"
    assert pairs(result) == {((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4,)), ((6,), (5,))}
    assert result.unmatched == {"A": [5], "B": []}  # the sentence on the next round is not translated
    clause = next(link for link in result.links if link.a == [2])
    assert clause.longer == "A" and "org:un" in clause.only_a  # the clause on the UN is dropped
    assert {"support", "Nations"} <= set(clause.dropped) and not clause.added
    assert all(link.kind == "translation" for link in result.links)  # never "identical" across languages
    assert all(link.longer is None and not link.dropped for link in result.links if link.a != [2])


def test_modes_can_be_forced(lexicon):
    a, b = doc(" ".join(EN_TEXT), lexicon, "en"), doc(" ".join(ES_TEXT), lexicon, "es")
    assert align_cross(a, b, lexicon=lexicon, mode="readouts").mode == "readouts"
    a, b = doc(EN, lexicon), doc(ZH, lexicon)
    forced = align_cross(a, b, lexicon=lexicon, mode="versions")
    assert forced.mode == "versions"
    assert all(x.a[0] <= y.a[0] and x.b[0] <= y.b[0] for x, y in zip(forced.links, forced.links[1:], strict=False))


def test_three_chinese_sentences_on_one_matter_link_to_one_english_sentence(lexicon):
    en = doc("President Biden spoke with President Xi Jinping. "
             "On Taiwan, President Biden said the United States opposes any change to the status quo. "
             "The leaders agreed to restart talks on climate change.", lexicon, "en")
    zh = doc("习近平同拜登通电话。"
             "习近平阐述了中方在台湾问题上的原则立场。"
             "台湾是中国领土不可分割的一部分。"
             "中方坚决反对“台独”分裂行径。"
             "双方同意恢复气候变化对话。", lexicon, "zh")
    result = align(en, zh, lexicon=lexicon)
    taiwan = next(link for link in result.links if link.a == [1])
    assert taiwan.b == [1, 2, 3] and "topic:taiwan" in taiwan.shared
    assert ((2,), (4,)) in pairs(result)


OPENING_ZH = ("习近平同巴西总统卢拉通电话\n\n"
              "新华社北京3月5日电，国家主席习近平应约同巴西总统卢拉通电话。"
              "双方同意加强气候变化合作。")
OPENING_EN = ("Readout of President Lula's Call with President Xi\n\n"
              "President Lula spoke today with President Xi Jinping of China. "
              "The leaders agreed to deepen cooperation on climate change.")


def test_headline_and_opening_line_of_each_side_form_one_link(lexicon):
    zh, en = doc(OPENING_ZH, lexicon, "zh"), doc(OPENING_EN, lexicon, "en")
    result = align(zh, en, lexicon=lexicon, mode="readouts")  # three sentences each look like a translation
    assert pairs(result) == {((0, 1), (0, 1)), ((2,), (2,))}


def test_opening_lines_naming_other_people_keep_headlines_apart(lexicon):
    zh = doc(OPENING_ZH.replace("国家主席习近平应约同巴西总统卢拉通电话", "外交部长王毅会见来访的巴西议员代表团"),
             lexicon, "zh")
    en = doc(OPENING_EN, lexicon, "en")
    assert CrossSimilarity(zh, en, lexicon).concepts.opening() is None


def test_name_keys_meet_across_latin_and_cyrillic():
    from viewer.align.names import name_key

    for latin, cyrillic in (("hale", "хейл"), ("geneva", "женев"), ("margaret", "маргарет"),
                            ("jinping", "цзиньпин"), ("washington", "вашингтон"), ("john", "джон")):
        assert name_key(latin) == name_key(cyrillic) is not None
    assert name_key("paris") != name_key("мадрид")
    assert name_key("wei") is None  # one consonant: too short to tell


# an invented meeting: the first sentences say who met whom and where, in words the lexicon
# does not know (without the names they share nothing and stay apart)
EN_MEETING = ("Secretary Ada Norwood was in Lisbon today with Pavel Orlov. "
              "Secretary Norwood stressed the value of free shipping lanes in the Black Sea. "
              "The two agreed to continue talks on climate change.")
RU_MEETING = ("Павел Орлов провёл в Лиссабоне беседу с Адой Норвуд. "
              "Стороны договорились продолжить переговоры по изменению климата. "
              "Орлов заявил, что Россия выступает за открытые морские пути.")


def test_names_unknown_to_the_lexicon_link_across_scripts(lexicon):
    from viewer.align.names import cross_script_names

    en, ru = doc(EN_MEETING, lexicon, "en"), doc(RU_MEETING, lexicon, "ru")
    names_en, names_ru = cross_script_names(en.sentences, ru.sentences)
    # "Ada": one consonant; "Павел" only opens a sentence, where every word is capitalised
    assert names_en[0] == names_ru[0] == {"name:Norwood", "name:Lisbon", "name:Orlov"}
    assert names_ru[2] == {"name:Orlov"}  # "Орлов" stemmed to "орл" still meets "Orlov"
    result = align(en, ru, mode="readouts", lexicon=lexicon)
    opening = next(link for link in result.links if link.a == [0])
    assert opening.b == [0] and "name:Lisbon" in opening.shared
    assert concept_label(lexicon, "name:Lisbon") == "Lisbon"


def test_names_are_not_concepts_between_texts_in_one_script(lexicon):
    from viewer.align.names import cross_script_names

    en = doc(EN_MEETING, lexicon, "en")
    es = doc("El ministro Pavel Orlov recibió en Lisboa a la secretaria Ada Norwood.", lexicon, "es")
    assert cross_script_names(en.sentences, es.sentences) == ([set(), set(), set()], [set()])


def test_a_joint_statement_links_to_the_other_sides_joint_statement():
    from viewer.analysis import compare

    en = ("President Biden spoke with President Xi Jinping by phone on March 3. "
          "President Biden stressed that the United States will keep channels of communication with its allies "
          "open and hold regular consultations with them. "
          "The two leaders agreed to stay in regular contact. "
          "President Biden raised concerns about human rights in Xinjiang.")
    zh = "3月3日，国家主席习近平同美国总统拜登通电话。习近平阐述了中方在人权问题上的立场。两国元首同意保持沟通渠道畅通，开展定期磋商。"
    c = compare(Readout(en, language="en"), Readout(zh, language="zh"))
    assert [s.speaker for s in c.a.sentences][1:3] == ["Joe Biden", "both"] and c.b.sentences[2].speaker == "both"
    # the agreement, not Biden's own words about allies that share more of its words
    assert next(link.a for link in c.links if link.b == [2]) == [2]


def test_a_short_sentence_links_to_the_clause_of_a_long_one_that_says_the_same(monkeypatch):
    from viewer.align import crosslang
    from viewer.analysis import compare

    zh = ("7月8日，国家主席习近平同俄罗斯总统普京通电话。"
          "普京表示，俄方高度重视对华关系，愿同中方继续推进各领域合作，加强在联合国和上海合作组织框架内的战略协调，维护全球战略稳定。"
          "习近平对俄罗斯南部洪灾表示慰问。")
    ru = ("Владимир Путин провел телефонный разговор с Си Цзиньпином 8 июля. "
          "Путин выразил готовность продвигать сотрудничество во всех областях. "
          "Стороны обсудили ситуацию в Афганистане.")

    def links():
        c = compare(Readout(zh, language="zh"), Readout(ru, language="ru"))
        return [(link.a, link.b) for link in c.links]

    assert links() == [([0], [0]), ([1], [1])]  # the second clause of A1 is all B1 reports
    monkeypatch.setattr(crosslang, "MIN_CLAUSE", 1000)  # whole sentences only: A1 says too much else
    assert links() == [([0], [0])]


def test_words_that_only_name_the_parties_weigh_little_between_readouts(lexicon):
    from viewer.align.bridge import sentence_words

    en = doc("The two leaders discussed climate change. The two sides met in Lima.", lexicon, "en")
    zh = doc("两国元首讨论了气候变化问题。两国元首在利马会晤。", lexicon, "zh")
    words_en, words_zh, _ = sentence_words(en, zh)
    assert words_en[0]["leader"].party and not words_en[0]["climat"].party
    assert words_zh[0]["元首"].party and not words_zh[0]["气候变化"].party  # 两国元首: the two heads of state
    sim = CrossSimilarity(en, zh, lexicon)
    # "the two leaders" and 两国元首 are who speaks: two readouts' sentences that share only them and
    # a verb score less than a sentence and its translation would
    assert sim.statement([0], [1]) < sim.joint([0], [1])
    assert sim.statement([0], [0]) > sim.statement([0], [1])


def test_a_sentence_joins_a_link_on_words_of_its_own_or_as_the_passage_going_on():
    from viewer.analysis import compare

    en = ("President Biden spoke with President Xi Jinping on Tuesday. "
          "President Biden raised health security, a transnational challenge where the interests of the two "
          "countries meet. He raised concerns about fentanyl.")
    opening = "国家主席习近平同美国总统拜登通电话。"
    health = "习近平指出，公共卫生安全是中美两国面临的共同挑战。"
    vaccines = "新冠肺炎疫情再次证明，人类是命运共同体。中国已向发展中国家提供了十多亿剂新冠疫苗。"
    fentanyl = "习近平阐述了中方在芬太尼问题上的立场。"

    def partners(*paragraphs):
        c = compare(Readout(en, language="en"), Readout("\n\n".join(paragraphs), language="zh"))
        return next(link.b for link in c.links if link.a == [1])

    # B2 and B3 speak of the pandemic too but share no word with A1: in a paragraph of their own
    # they are other statements on its topic; in the paragraph of B1 they go on with its passage
    assert partners(opening, health, fentanyl, vaccines) == [1]
    assert partners(opening, health + vaccines, fentanyl) == [1, 2, 3]


def test_the_russian_and_chinese_demo_readouts_keep_their_strongest_pair():
    from viewer.analysis import compare
    from viewer.ingest import read_source
    from viewer.paths import RESOURCES

    ru, zh = (read_source(str(RESOURCES / "demo" / name)) for name in ("mid-volkov-chen.ru.txt", "mfa-chen-volkov.zh.txt"))
    c = compare(ru, zh)
    assert "торгово-экономического и энергетического" in c.a.sentences[7].text and "经贸、能源" in c.b.sentences[4].text
    # trade and energy cooperation on both sides, not given up for two weak links (B4 to Chen
    # Wei's visit to Moscow, which only Russia reports, and A7 to China's APEC year)
    assert next(link.b for link in c.links if 7 in link.a)[0] == 4
    assert 13 in c.unmatched["A"]


def test_the_headline_and_opening_of_a_meeting_link_across_languages_without_known_names(lexicon):
    # invented officials (no name bridge): the place, the verb 'met' and the offices carry the link
    en = doc("Secretary of State Margaret Hale met today in Geneva with Foreign Minister Chen Wei. "
             "She raised the DPRK.", lexicon, "en")
    zh = doc("当地时间3月12日，外交部长陈伟在日内瓦会见美国国务卿玛格丽特·黑尔。陈伟介绍了中方的对外政策。", lexicon, "zh")
    result = align(en, zh, lexicon=lexicon)
    link = next(link for link in result.links if link.a == [0])
    assert link.b == [0] and {"geneva", "meeting"} <= {x.via for x in link.anchors}
